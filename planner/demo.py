"""A believable sample plan: a ward sister working towards ward manager.

Dates are laid out relative to ``today`` so the sample always looks current: some
goals achieved, some due soon, one overdue.
"""

from __future__ import annotations

import datetime as dt

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
from planner.frameworks import DEFAULT_FRAMEWORK_ID, load_framework

LTF, SA, EMP = "learn-to-follow", "situational-awareness", "empower-and-resolve"

# (skill, title, description, measure, support, target offset days, status, priority,
#  actions [(text, due offset, done)], progress [(days ago, percent, note)])
_GOALS = [
    (
        LTF,
        "Lead the safety huddle as an engaged follower of the matron's plan",
        "Take a visible, questioning part in the daily huddle led by the matron, so that I "
        "understand the wider picture before I lead it myself.",
        "Matron's feedback after 8 huddles; at least one constructive challenge raised each week.",
        "Matron to give brief feedback every Friday.",
        -20,
        "achieved",
        "high",
        [
            ("Agree feedback slot with matron", -150, True),
            ("Attend 8 huddles and note one challenge each", -40, True),
            ("Write a reflection on what I learned", -25, True),
        ],
        [
            (170, 10, "First huddle: listened mostly, asked one question about staffing."),
            (140, 35, "Raised the bed-flow concern; matron adopted the change."),
            (110, 60, "Feedback: my challenges are well-timed and respectful."),
            (70, 85, "Covered the huddle twice when matron was on leave."),
            (30, 100, "Eight huddles done; matron signed off."),
        ],
    ),
    (
        LTF,
        "Complete a followership self-assessment and agree one change",
        "Use Kelley's followership styles to see where I sit when I am not in charge.",
        "Self-assessment done, discussed with my manager, one agreed change in my PDP.",
        "Line manager time in the monthly 1:1.",
        25,
        "in_progress",
        "medium",
        [
            ("Read about Kelley's five followership styles", -60, True),
            ("Complete the questionnaire honestly", -30, True),
            ("Discuss results at my 1:1", 20, False),
        ],
        [
            (65, 20, "Read the background; recognised pragmatist habits on busy shifts."),
            (35, 55, "Questionnaire done: exemplary in meetings, conformist on nights."),
            (10, 70, "Booked the 1:1 to discuss."),
        ],
    ),
    (
        LTF,
        "Shadow the ward manager for two full shifts",
        "See how the ward manager balances operational pressure with staff wellbeing.",
        "Two shifts shadowed and a written reflection shared with the ward manager.",
        "Roster time agreed by the ward manager.",
        -5,
        "in_progress",
        "medium",
        [
            ("Agree rostered shadow shifts", -45, True),
            ("Shadow shift 1", -30, True),
            ("Shadow shift 2", -3, False),
        ],
        [
            (44, 15, "Dates agreed with the ward manager and the rota coordinator."),
            (29, 50, "First shift: bed meeting, complaint call and a staffing escalation."),
            (15, 55, "Second shift moved twice because of sickness on the ward."),
        ],
    ),
    (
        SA,
        "Run a structured ward round board check at the start of every late shift",
        "Build perception of the whole ward quickly: acuity, staffing, flow and risks.",
        "Board check done on 90% of lates for a month; fewer missed escalations on audit.",
        "Band 5 nurses briefed so they expect it.",
        40,
        "in_progress",
        "high",
        [
            ("Draft a one-page board checklist", -80, True),
            ("Trial on 10 late shifts", -50, True),
            ("Audit missed escalations before and after", 35, False),
        ],
        [
            (90, 10, "Checklist drafted with the practice educator."),
            (75, 25, "First week: takes 6 minutes, catches two outstanding obs."),
            (55, 45, "Ten lates done; staff starting to prepare for it."),
            (35, 60, "Added a line for patients at risk of falls."),
            (20, 70, "Used it on 18 of 20 lates."),
            (5, 75, "Audit data requested from the governance team."),
        ],
    ),
    (
        SA,
        "Predict and plan for the next day's staffing gaps by 3pm",
        "Move from reacting to gaps at handover to anticipating them (Endsley's projection).",
        "Gaps identified by 3pm on 4 of 5 weekdays; agency requests made before 4pm.",
        "Access to the e-rostering system from the staffing team.",
        10,
        "in_progress",
        "high",
        [
            ("Get e-roster access", -100, True),
            ("Learn the escalation rules for bank and agency", -70, True),
            ("Keep a two-week log of predictions against reality", 5, False),
        ],
        [
            (100, 5, "Access requested."),
            (85, 20, "Access granted; learning the bank request screens."),
            (60, 40, "Predictions right on 3 of 5 days."),
            (40, 55, "Found that Monday gaps come from Friday sickness calls."),
            (18, 65, "Predictions right on 4 of 5 days this fortnight."),
        ],
    ),
    (
        SA,
        "Complete the trust's deteriorating patient study day",
        "Strengthen my comprehension of early warning scores and escalation routes.",
        "Study day attended and key learning cascaded at two huddles.",
        "Study leave approved.",
        60,
        "not_started",
        "low",
        [("Book a place", 14, False), ("Cascade learning at two huddles", 75, False)],
        [],
    ),
    (
        EMP,
        "Delegate the off-duty to a Band 5 nurse with support",
        "Grow the team's capability and free my time by empowering a colleague.",
        "The Band 5 nurse produces two rotas that meet the rules with only light checking.",
        "Protected time for the Band 5 nurse; the rostering policy.",
        30,
        "in_progress",
        "medium",
        [
            ("Agree the delegation with the ward manager", -120, True),
            ("Teach the rostering rules in two sessions", -90, True),
            ("Review the first rota together", -40, True),
            ("Let the second rota go out with light checking", 25, False),
        ],
        [
            (125, 10, "Ward manager agreed; colleague keen."),
            (95, 30, "Two teaching sessions done."),
            (70, 45, "First rota drafted; several rule breaches found together."),
            (42, 60, "Rota published after review; colleague more confident."),
            (12, 70, "Second rota underway."),
        ],
    ),
    (
        EMP,
        "Use a collaborative approach to settle the break-time dispute",
        "Two senior nurses disagree over break cover. Use Thomas-Kilmann collaborating, "
        "not my usual avoiding, to reach a fair solution.",
        "A break rota both agree to, still working after six weeks.",
        "Advice from the HR business partner if needed.",
        -12,
        "in_progress",
        "high",
        [
            ("Meet each nurse separately", -70, True),
            ("Facilitate a joint conversation", -45, True),
            ("Review the agreement after six weeks", -12, False),
        ],
        [
            (72, 20, "Separate conversations: both feel unheard."),
            (46, 50, "Joint meeting: agreed a trial rota."),
            (25, 60, "Trial mostly holding; one slip on a short-staffed day."),
        ],
    ),
    (
        EMP,
        "Hold a compassionate one-to-one with every Band 5 nurse",
        "Practise attending, understanding, empathising and helping (West).",
        "Nine one-to-ones done, each ending with one thing I will do to help.",
        "Protected time: 30 minutes each, agreed with the ward manager.",
        75,
        "in_progress",
        "medium",
        [
            ("Book all nine one-to-ones", -50, True),
            ("Hold the first four", -10, True),
            ("Hold the remaining five", 70, False),
            ("Follow up every 'help' commitment", 80, False),
        ],
        [
            (50, 10, "All booked."),
            (30, 25, "Two done; both raised workload on the late shift."),
            (9, 45, "Four done; fixed the equipment request that came up twice."),
        ],
    ),
    (
        EMP,
        "Lead one ward improvement project with the whole team",
        "Use a collective approach: the team chooses the problem and owns the change.",
        "Team-chosen project completed with a before and after measure.",
        "Quality improvement lead to coach me.",
        150,
        "deferred",
        "low",
        [("Ask the team to vote on a problem", 120, False)],
        [(20, 0, "Deferred until the winter pressures ease; agreed with the ward manager.")],
    ),
]

DEFERRED_REASON = "Winter pressures on the ward; agreed to start it in the spring."

_REFLECTIONS = [
    (
        150,
        LTF,
        0,
        "Challenging the huddle plan respectfully",
        False,
        (
            "At the morning huddle the plan was to move two patients to the discharge lounge. "
            "I knew one was still waiting on a pharmacy review, and I said so.",
            "I nearly stayed quiet because the matron was under pressure. Speaking up was what "
            "an engaged follower does; it prevented a delayed discharge and a complaint.",
            "I will keep raising one point per huddle, and ask the matron whether my timing "
            "helps her.",
        ),
    ),
    (
        100,
        SA,
        4,
        "Missing the early signs on a busy late shift",
        False,
        (
            "A patient's observations had been slowly worsening for two rounds, and I only saw "
            "it when the healthcare assistant escalated.",
            "I had perception of each task but not the whole picture. Without a routine, I was "
            "reacting to the loudest problem.",
            "I drafted a short board check to run at the start of each late shift.",
        ),
    ),
    (
        60,
        EMP,
        7,
        "The break-time disagreement",
        False,
        (
            "Two senior colleagues argued about break cover in front of the team.",
            "My first instinct was to avoid it and hope it settled. That would have left the "
            "team feeling unsafe and the problem in place.",
            "I met each person, then brought them together to agree a rota; I will check in "
            "after six weeks.",
        ),
    ),
    (
        40,
        EMP,
        None,
        "A difficult conversation about sickness",
        True,
        (
            "I held a return-to-work conversation with a colleague who had been off several "
            "times. (Details kept general on purpose.)",
            "I was more directive than I wanted to be. Compassionate leadership means "
            "understanding first; I jumped to the policy.",
            "Next time I will open with how they are and what would help, then the policy.",
        ),
    ),
    (
        15,
        None,
        None,
        "Do I lead to inspire, or with influence for dominance?",
        False,
        (
            "At our team meeting I noticed I was steering every decision towards my own idea.",
            "People go along with a senior nurse's view; that is not the same as agreeing. "
            "Inclusive leadership needs me to ask first and speak last.",
            "For the next month I will ask the most junior person to speak first in meetings.",
        ),
    ),
]


def demo_plan(today: dt.date | None = None) -> Plan:
    """The sample plan, dated around ``today``."""
    today = today or dt.date.today()

    def ago(days: int) -> dt.date:
        return today - dt.timedelta(days=days)

    def ahead(days: int) -> dt.date:
        return today + dt.timedelta(days=days)

    framework = load_framework(DEFAULT_FRAMEWORK_ID)
    goals = []
    for n, (
        skill,
        title,
        description,
        measure,
        support,
        target,
        status,
        priority,
        actions,
        progress,
    ) in enumerate(_GOALS, start=1):
        created = dt.datetime.combine(ago(180 - n), dt.time(9, 0)).isoformat() + "Z"
        goals.append(
            Goal(
                uid=f"demo-goal-{n}",
                skill=skill,
                title=title,
                description=description,
                measure=measure,
                support=support,
                target_date=ahead(target),
                status=status,
                deferred_reason=DEFERRED_REASON if status == "deferred" else "",
                priority=priority,
                created=created,
                updated=created,
                actions=[GoalAction(text, ahead(due), done) for text, due, done in actions],
                progress=[ProgressEntry(ago(d), pct, note) for d, pct, note in progress],
            )
        )
    reflections = [
        Reflection(
            date=ago(days),
            skill=skill,
            goal=f"demo-goal-{goal + 1}" if goal is not None else None,
            title=title,
            model="rolfe",
            sections=dict(zip(("what", "so_what", "now_what"), texts, strict=True)),
            private=private,
        )
        for days, skill, goal, title, private, texts in _REFLECTIONS
    ]
    first_round = [(LTF, 2, 4), (SA, 2, 5), (EMP, 1, 5)]
    latest_round = [(LTF, 3, 4), (SA, 3, 5), (EMP, 2, 5)]
    assessments = [
        SelfAssessment(skill, ago(180), level, importance, "Start of the plan.")
        for skill, level, importance in first_round
    ] + [
        SelfAssessment(skill, ago(30), level, importance, "Mid-year check.")
        for skill, level, importance in latest_round
    ]
    reviews = [
        Review(
            date=ago(45),
            reviewer="Grace Mensah, Matron",
            notes="Good progress on huddles and the board check. Staffing prediction is "
            "improving. Conflict resolution is the growth area: the break-time dispute "
            "is a good test.",
            # Agreed actions in the words of the goals and actions they became, so the
            # plan can show what came of each.
            agreed_actions="Shadow shift 2\nComplete the trust's deteriorating patient study "
            "day\nReview the first rota together\nReview the break rota in six weeks.",
            next_review=ahead(28),
        )
    ]
    profile = Profile(
        name="Siân Okafor",
        role="Ward Sister (Band 6), Acute Medical Unit",
        profession="Registered Nurse (Adult)",
        organisation="Riverside NHS Foundation Trust",
        manager="Grace Mensah, Matron",
        aspiration="Ward Manager (Band 7)",
        period_start=ago(180),
        period_end=ahead(185),
    )
    return Plan(profile, framework, assessments, goals, reflections, reviews)
