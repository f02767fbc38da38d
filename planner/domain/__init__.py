"""The plan's vocabulary and rules: plain dataclasses, no Qt and no SQL."""

from planner.domain.models import (
    GOAL_PRIORITIES,
    GOAL_STATUSES,
    Framework,
    Goal,
    GoalAction,
    GoalSummary,
    Plan,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    ScaleLevel,
    SelfAssessment,
    Skill,
    latest_review,
    planned_next_review,
)
from planner.domain.reflection_models import REFLECTION_MODELS, ReflectionModel

__all__ = [
    "GOAL_PRIORITIES",
    "GOAL_STATUSES",
    "REFLECTION_MODELS",
    "Framework",
    "Goal",
    "GoalAction",
    "GoalSummary",
    "Plan",
    "Profile",
    "ProgressEntry",
    "Reflection",
    "ReflectionModel",
    "Review",
    "ScaleLevel",
    "SelfAssessment",
    "Skill",
    "latest_review",
    "planned_next_review",
]
