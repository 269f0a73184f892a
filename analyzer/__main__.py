"""``python -m analyzer`` is the same as the ``analyzer`` command."""

from analyzer.cli import main

raise SystemExit(main())
