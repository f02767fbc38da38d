"""Thin launcher, the same as the ``leadership-planner`` command."""

from planner.app import main

if __name__ == "__main__":
    raise SystemExit(main())
