"""The structured reflection models a user can choose, with their prompts.

Rolfe et al. (What? / So what? / Now what?) is the default because it is the model the
GMC and Academy of Medical Royal Colleges guidance on reflective practice uses.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReflectionSection:
    key: str
    title: str
    prompt: str


@dataclass(frozen=True)
class ReflectionModel:
    id: str
    name: str
    sections: tuple[ReflectionSection, ...]

    def keys(self) -> tuple[str, ...]:
        return tuple(s.key for s in self.sections)


ROLFE = ReflectionModel(
    id="rolfe",
    name="What? So what? Now what? (Rolfe)",
    sections=(
        ReflectionSection(
            "what", "What?", "What happened? Describe the situation and your part in it."
        ),
        ReflectionSection(
            "so_what",
            "So what?",
            "Why does it matter? What did you learn about yourself, the team or your leadership?",
        ),
        ReflectionSection(
            "now_what",
            "Now what?",
            "What will you do differently, and how will you know it has made a difference?",
        ),
    ),
)

GIBBS = ReflectionModel(
    id="gibbs",
    name="Gibbs' reflective cycle",
    sections=(
        ReflectionSection("description", "Description", "What happened?"),
        ReflectionSection("feelings", "Feelings", "What were you thinking and feeling?"),
        ReflectionSection("evaluation", "Evaluation", "What went well, and what did not?"),
        ReflectionSection(
            "analysis", "Analysis", "Why did it go that way? What helps you make sense of it?"
        ),
        ReflectionSection("conclusion", "Conclusion", "What else could you have done?"),
        ReflectionSection("action_plan", "Action plan", "If it happened again, what would you do?"),
    ),
)

# The NMC reflective account: its four prompts in our words (see DOMAIN facts), with
# the Code's themes chosen on the reflection itself (``Reflection.themes``).
NMC_ACCOUNT = ReflectionModel(
    id="nmc",
    name="NMC reflective account",
    sections=(
        ReflectionSection(
            "nature",
            "What was it?",
            "The nature of the CPD activity, the feedback, or the event or experience in "
            "your practice.",
        ),
        ReflectionSection("learned", "What did you learn?", "What you learned from it."),
        ReflectionSection(
            "changed",
            "How did you change or improve your practice?",
            "What you did differently, or will, as a result.",
        ),
        ReflectionSection(
            "code",
            "How is this relevant to the Code?",
            "Choose one or more of the Code's themes and say how it relates to them.",
        ),
    ),
)

# A medical appraisal reflection in the shape the Academy of Medical Royal Colleges'
# guidance uses.
MEDICAL = ReflectionModel(
    id="medical",
    name="Medical appraisal reflection",
    sections=(
        ReflectionSection("happened", "What happened?", "What happened, briefly and factually."),
        ReflectionSection(
            "learned", "What did you learn?", "What you learned about your practice or yourself."
        ),
        ReflectionSection(
            "differently",
            "What will you do differently?",
            "What you will do differently, or keep doing, as a result.",
        ),
        ReflectionSection(
            "further",
            "Further learning needs",
            "Any further learning or development this shows you need.",
        ),
    ),
)

REFLECTION_MODELS: dict[str, ReflectionModel] = {
    m.id: m for m in (ROLFE, GIBBS, NMC_ACCOUNT, MEDICAL)
}
DEFAULT_REFLECTION_MODEL = ROLFE.id

# The four themes of the NMC Code, as a reflective account chooses them.
CODE_THEMES: dict[str, str] = {
    "prioritise_people": "Prioritise people",
    "practise_effectively": "Practise effectively",
    "preserve_safety": "Preserve safety",
    "promote_professionalism": "Promote professionalism and trust",
}

# Where each section of one model goes in another when a reflection is turned into a
# regulator's form: every word is carried over, for the user to edit.
_CARRY: dict[tuple[str, str], dict[str, str]] = {
    ("rolfe", "nmc"): {"what": "nature", "so_what": "learned", "now_what": "changed"},
    ("rolfe", "medical"): {"what": "happened", "so_what": "learned", "now_what": "differently"},
    ("gibbs", "nmc"): {
        "description": "nature",
        "feelings": "learned",
        "evaluation": "learned",
        "analysis": "learned",
        "conclusion": "changed",
        "action_plan": "changed",
    },
    ("gibbs", "medical"): {
        "description": "happened",
        "feelings": "learned",
        "evaluation": "learned",
        "analysis": "learned",
        "conclusion": "differently",
        "action_plan": "differently",
    },
    ("nmc", "medical"): {
        "nature": "happened",
        "learned": "learned",
        "changed": "differently",
        "code": "further",
    },
    ("medical", "nmc"): {
        "happened": "nature",
        "learned": "learned",
        "differently": "changed",
        "further": "changed",
    },
}


def carry_sections(sections: dict[str, str], source: str, target: str) -> dict[str, str]:
    """The text of a reflection written in ``source``'s sections placed in ``target``'s:
    sections that map to one section are joined with a blank line, in the source
    model's order; text with no place goes to the target's first section. Nothing is
    dropped."""
    if source == target:
        return dict(sections)
    mapping = _CARRY.get((source, target), {})
    order = REFLECTION_MODELS[source].keys() if source in REFLECTION_MODELS else ()
    keys = [k for k in order if k in sections] + [k for k in sections if k not in order]
    first = REFLECTION_MODELS[target].sections[0].key
    carried: dict[str, list[str]] = {}
    for key in keys:
        text = sections[key].strip()
        if text:
            carried.setdefault(mapping.get(key, first), []).append(text)
    return {key: "\n\n".join(parts) for key, parts in carried.items()}
