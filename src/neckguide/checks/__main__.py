"""Run the content gates: ``python -m neckguide.checks --help``."""

from neckguide.checks.cli import main

raise SystemExit(main())
