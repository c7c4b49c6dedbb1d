"""`python -m builder` runs the `zine` command."""

from builder.cli import main

raise SystemExit(main())
