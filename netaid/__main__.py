from netaid.cli import main

raise SystemExit(main())
