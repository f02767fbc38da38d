"""Allows ``python -m planner``."""

from planner.app import main

raise SystemExit(main())
