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

REFLECTION_MODELS: dict[str, ReflectionModel] = {m.id: m for m in (ROLFE, GIBBS)}
DEFAULT_REFLECTION_MODEL = ROLFE.id
