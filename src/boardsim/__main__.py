"""`python -m boardsim` runs the command line."""

from boardsim.cli import main

raise SystemExit(main())
