"""Deterministic plan files for the benchmarks: heavy, 200-goal and tiny plans.

Every plan is built from a fixed seed, so two machines time the same bytes; files
are cached in the benchmark's work folder and rebuilt only when missing.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path

from planner import planfile
from planner.domain.models import (
    Goal,
    GoalAction,
    Plan,
    Profile,
    ProgressEntry,
    Reflection,
    Review,
    SelfAssessment,
)
from planner.domain.reflection_models import REFLECTION_MODELS
from planner.frameworks import DEFAULT_FRAMEWORK_ID, load_framework

# Bump when the generator changes, so cached files from an older one are not reused.
GENERATOR_VERSION = 1
# The plan's "today": fixed so that the files never change from day to day.
TODAY = dt.date(2026, 6, 15)
# Every goal title holding this word is shown by the benchmark's filter step; the
# goal with the long history holds it too.
FILTER_WORD = "huddle"


@dataclass(frozen=True)
class PlanSize:
    """How much a generated plan holds."""

    name: str
    goals: int
    progress: int
    reflections: int
    reviews: int
    assessment_rounds: int
    # One goal gets this many of the progress entries (a goal tracked for years).
    long_history: int
    # Share of goals given to each of the framework's skills, in order.
    skill_shares: tuple[float, ...] = (0.36, 0.33, 0.31)
    years: int = 10


HEAVY = PlanSize("heavy", 10_000, 100_000, 10_000, 40, 40, 1_000)
GOALS_200 = PlanSize("goals-200", 200, 2_000, 200, 12, 8, 60, years=3)
TINY = PlanSize("tiny", 6, 20, 3, 1, 1, 8, years=1)
SIZES = {size.name: size for size in (HEAVY, GOALS_200, TINY)}

_VERBS = (
    "Lead",
    "Improve",
    "Review",
    "Run",
    "Chair",
    "Develop",
    "Introduce",
    "Audit",
    "Coach",
    "Support",
    "Plan",
    "Strengthen",
)
_TOPICS = (
    "the daily safety huddle",
    "the ward rota",
    "handover on the night shift",
    "falls prevention",
    "pressure ulcer rounds",
    "the team's appraisals",
    "discharge planning",
    "escalation of deteriorating patients",
    "medicines management",
    "the new starter induction",
    "student nurse supervision",
    "bed management meetings",
    "infection prevention audits",
    "the staff wellbeing huddle",
    "complaints responses",
    "the ward budget",
    "sepsis screening",
    "family liaison",
    "the quality improvement project",
    "safeguarding referrals",
)
_WAYS = (
    "with the matron",
    "across both bays",
    "for the whole team",
    "on weekend shifts",
    "with the practice educator",
    "alongside the charge nurses",
    "for the next quarter",
    "using the trust's QI method",
)
_VOCABULARY = (
    "patient safety team shift handover rota matron ward staff huddle escalation "
    "feedback review audit plan support training competence student mentor bay "
    "discharge family care quality improvement measure data outcome week month meeting "
    "colleague manager consultant doctor pharmacist physiotherapist coordinator "
    "leadership confidence conversation challenge listen agree decide delegate follow "
    "learn reflect improve communicate escalate document observe record share report"
)
_WORDS = tuple(_VOCABULARY.split())
_NOTE_OPENINGS = (
    "Ran the huddle today",
    "Met with the matron",
    "Covered the charge nurse role",
    "Took the team through the audit",
    "Spoke with two students",
    "Shadowed the bed manager",
    "Reviewed the rota gaps",
    "Had a difficult conversation",
)


class _Text:
    """Sentences of ward vocabulary at realistic lengths, from one seeded random source."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)

    def sentence(self, words: int) -> str:
        chosen = self.rng.choices(_WORDS, k=words)
        return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + "."

    def passage(self, low: int, high: int) -> str:
        """Text of ``low`` to ``high`` characters in sentences of 6 to 16 words."""
        target = self.rng.randint(low, high)
        parts: list[str] = []
        length = 0
        while length < target:
            sentence = self.sentence(self.rng.randint(6, 16))
            parts.append(sentence)
            length += len(sentence) + 1
        return " ".join(parts)[:high].rstrip()

    def title(self, must_have_filter_word: bool = False) -> str:
        topic = self.rng.choice(_TOPICS)
        if must_have_filter_word and FILTER_WORD not in topic:
            topic = "the daily safety huddle"
        return f"{self.rng.choice(_VERBS)} {topic} {self.rng.choice(_WAYS)}"

    def note(self) -> str:
        return f"{self.rng.choice(_NOTE_OPENINGS)}. {self.passage(30, 220)}"


def _day(start: dt.date, span_days: int, rng: random.Random) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max(span_days, 1)))


def _progress_counts(size: PlanSize, rng: random.Random) -> list[int]:
    """How many progress entries each goal gets: one goal ``long_history``, the rest
    spread evenly with some variation, summing to ``size.progress``."""
    counts = [0] * size.goals
    long_goal = _long_goal_index(size)
    counts[long_goal] = size.long_history
    rest = size.progress - size.long_history
    others = [i for i in range(size.goals) if i != long_goal]
    for i in others:
        counts[i] = rest // len(others)
    for i in rng.sample(others, rest - sum(counts[i] for i in others)):
        counts[i] += 1
    return counts


def _long_goal_index(size: PlanSize) -> int:
    # In the middle of the first (largest) skill's goals, not conveniently first.
    return int(size.goals * size.skill_shares[0]) // 2


def generate(size: PlanSize) -> Plan:
    """The plan for ``size``, identical on every call and every machine."""
    rng = random.Random(f"plan-{size.name}-{GENERATOR_VERSION}")
    text = _Text(rng.randrange(2**32))
    framework = load_framework(DEFAULT_FRAMEWORK_ID)
    skills = [s.id for s in framework.skills]
    start = TODAY - dt.timedelta(days=365 * size.years)
    span = (TODAY - start).days
    profile = Profile(
        name="Siân Okafor",
        role="Ward sister, acute medicine",
        profession="Registered nurse (adult)",
        organisation="Northbridge NHS Foundation Trust",
        manager="Ruth Adeyemi, Matron",
        aspiration="Ward manager",
        period_start=start,
        period_end=TODAY + dt.timedelta(days=365),
    )

    bounds = []
    total = 0
    for share in size.skill_shares[:-1]:
        total += round(size.goals * share)
        bounds.append(total)
    long_goal = _long_goal_index(size)
    counts = _progress_counts(size, rng)
    goals = []
    for i in range(size.goals):
        skill = skills[sum(i >= b for b in bounds)]
        created = _day(start, span - 30, rng)
        target = created + dt.timedelta(days=rng.randint(30, 400))
        status = rng.choices(("not_started", "in_progress", "achieved", "deferred"), (1, 3, 5, 1))[
            0
        ]
        stamp = f"{created.isoformat()}T09:{i % 60:02d}:00Z"
        history_days = max((min(target, TODAY) - created).days, 1)
        dates = sorted(_day(created, history_days, rng) for _ in range(counts[i]))
        percent = 0
        progress = []
        for when in dates:
            percent = min(100, percent + rng.randint(0, 12))
            progress.append(ProgressEntry(when, percent, text.note()))
        goals.append(
            Goal(
                skill=skill,
                title=text.title(must_have_filter_word=i == long_goal),
                description=text.passage(150, 420),
                measure=text.passage(60, 200),
                support=text.passage(30, 150),
                target_date=target,
                status=status,
                priority=rng.choice(("low", "medium", "high")),
                created=stamp,
                updated=stamp,
                uid=f"{size.name}-goal-{i:05d}",
                actions=[
                    GoalAction(
                        text.passage(25, 90),
                        created + dt.timedelta(days=rng.randint(7, 120)),
                        rng.random() < 0.6,
                    )
                    for _ in range(rng.randint(1, 5))
                ],
                progress=progress,
            )
        )

    model_ids = sorted(REFLECTION_MODELS)
    reflections = []
    for _ in range(size.reflections):
        model = REFLECTION_MODELS[rng.choice(model_ids)]
        goal = rng.choice(goals) if rng.random() < 0.5 else None
        reflections.append(
            Reflection(
                date=_day(start, span, rng),
                title=text.passage(20, 70).rstrip("."),
                model=model.id,
                sections={s.key: text.passage(120, 600) for s in model.sections},
                skill=goal.skill if goal else rng.choice(skills),
                goal=goal.uid if goal else None,
                private=rng.random() < 0.15,
            )
        )
    reviews = [
        Review(
            date=_day(start, span, rng),
            reviewer="Ruth Adeyemi",
            notes=text.passage(200, 900),
            agreed_actions=text.passage(80, 300),
        )
        for _ in range(size.reviews)
    ]
    assessments = []
    round_days = sorted({_day(start, span, rng) for _ in range(size.assessment_rounds)})
    for when in round_days:
        for skill in skills:
            assessments.append(
                SelfAssessment(
                    skill=skill,
                    date=when,
                    level=rng.randint(1, len(framework.scale)),
                    importance=rng.randint(1, 5),
                    note=text.passage(0, 160),
                )
            )
    goals.sort(key=lambda g: g.uid)
    reflections.sort(key=lambda r: r.date)
    reviews.sort(key=lambda r: r.date)
    return Plan(profile, framework, assessments, goals, reflections, reviews)


def plan_file(size: PlanSize, folder: Path) -> Path:
    """The cached plan file for ``size`` in ``folder``, generated when missing."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"plan-{size.name}-v{GENERATOR_VERSION}.json"
    if not path.exists():
        text = planfile.dumps(generate(size), exported_at=f"{TODAY.isoformat()}T12:00:00Z")
        planfile.write_atomically(path, text.encode("utf-8"))
    return path


def main(argv: list[str]) -> int:
    """``python -m benchmarks.plans FOLDER SIZE...``: writes (or finds) the plan files."""
    folder = Path(argv[0])
    for name in argv[1:]:
        print(plan_file(SIZES[name], folder))
    return 0


if __name__ == "__main__":
    import sys

    raise SystemExit(main(sys.argv[1:]))
