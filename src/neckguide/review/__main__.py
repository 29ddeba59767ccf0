from neckguide.review.cli import main

raise SystemExit(main())
