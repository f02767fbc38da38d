"""Leadership Planner: leadership development planning for NHS clinical staff."""

__version__ = "0.1.0"
APP_NAME = "Leadership Planner"
