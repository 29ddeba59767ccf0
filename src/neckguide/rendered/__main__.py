from neckguide.rendered.cli import main

raise SystemExit(main())
