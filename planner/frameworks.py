"""Loads and validates the skill frameworks shipped in ``resources/frameworks/``.

Frameworks are data so that others can ship beside the default and users can adapt
their own; a malformed file is reported with its name and the exact problem.
"""

from __future__ import annotations

import json
from importlib.resources.abc import Traversable
from typing import Any

from planner.domain.models import (
    DEFAULT_PART_PLURAL,
    DEFAULT_PART_SINGULAR,
    Framework,
    ScaleLevel,
    Skill,
)
from planner.domain.validation import check_part_word
from planner.paths import resource

DEFAULT_FRAMEWORK_ID = "core-leadership"
FORMAT = "leadership-framework"


class FrameworkError(ValueError):
    """A framework file could not be read or breaks the format."""


def frameworks_dir() -> Traversable:
    """The shipped frameworks' folder (inside the installed package)."""
    return resource("frameworks")


def _framework_files(folder: Traversable) -> list[Traversable]:
    return sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".json")),
        key=lambda entry: entry.name,
    )


def _require_str(data: dict, key: str, where: str, problems: list[str], *, empty_ok=False) -> str:
    value = data.get(key)
    if not isinstance(value, str) or (not empty_ok and not value.strip()):
        problems.append(f"{where}.{key}: expected {'text' if empty_ok else 'non-empty text'}")
        return ""
    return value


def _str_list(data: dict, key: str, where: str, problems: list[str]) -> tuple[str, ...]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        problems.append(f"{where}.{key}: expected a list of text")
        return ()
    return tuple(value)


def _part_words(data: dict, problems: list[str]) -> tuple[str, str]:
    """The framework's word for its parts (``"part"``), skill/skills when absent."""
    raw = data.get("part")
    if raw is None:
        return DEFAULT_PART_SINGULAR, DEFAULT_PART_PLURAL
    if not isinstance(raw, dict):
        problems.append('framework.part: expected an object such as '
                        '{"singular": "dimension", "plural": "dimensions"}')
        return DEFAULT_PART_SINGULAR, DEFAULT_PART_PLURAL
    words = []
    for key in ("singular", "plural"):
        found = check_part_word(raw.get(key), f"framework.part.{key}")
        problems += found
        words.append("" if found else raw[key])
    return words[0], words[1]


def framework_from_dict(data: Any, *, full: bool = True) -> tuple[Framework | None, list[str]]:
    """Builds a Framework from parsed JSON, listing every problem found.

    Args:
        data: The parsed document.
        full: Require the framework-file header (``format``/``version``); plan files
            carry a framework without it.

    Returns:
        The framework (``None`` when there were problems) and the problems.
    """
    problems: list[str] = []
    if not isinstance(data, dict):
        return None, ["expected a JSON object at the top level"]
    if full:
        if data.get("format") != FORMAT:
            problems.append(f"format: expected {FORMAT!r}")
        if data.get("version") != 1:
            problems.append("version: expected 1")
    fid = _require_str(data, "id", "framework", problems)
    name = _require_str(data, "name", "framework", problems)
    description = data.get("description", "")
    if not isinstance(description, str):
        problems.append("framework.description: expected text")
        description = ""
    part_singular, part_plural = _part_words(data, problems)

    scale: list[ScaleLevel] = []
    raw_scale = data.get("scale")
    if not isinstance(raw_scale, list) or not 2 <= len(raw_scale) <= 10:
        problems.append("scale: expected a list of 2 to 10 levels, lowest first")
    else:
        for i, level in enumerate(raw_scale):
            where = f"scale[{i}]"
            if not isinstance(level, dict):
                problems.append(f"{where}: expected an object with a label")
                continue
            label = _require_str(level, "label", where, problems)
            descriptor = (
                _require_str(level, "descriptor", where, problems, empty_ok=True)
                if "descriptor" in level
                else ""
            )
            scale.append(ScaleLevel(label, descriptor))

    skills: list[Skill] = []
    raw_skills = data.get("skills")
    if not isinstance(raw_skills, list) or not raw_skills:
        problems.append("skills: expected a non-empty list of skills")
    else:
        seen: set[str] = set()
        for i, raw in enumerate(raw_skills):
            where = f"skills[{i}]"
            if not isinstance(raw, dict):
                problems.append(f"{where}: expected an object")
                continue
            sid = _require_str(raw, "id", where, problems)
            if sid in seen:
                problems.append(f"{where}.id: {sid!r} is used twice")
            seen.add(sid)
            skill_description = raw.get("description", "")
            if not isinstance(skill_description, str):
                problems.append(f"{where}.description: expected text")
                skill_description = ""
            skills.append(
                Skill(
                    id=sid,
                    name=_require_str(raw, "name", where, problems),
                    description=skill_description,
                    behaviours=_str_list(raw, "behaviours", where, problems),
                    example_goals=_str_list(raw, "example_goals", where, problems),
                )
            )
    if problems:
        return None, problems
    framework = Framework(
        fid, name, description, tuple(scale), tuple(skills), part_singular, part_plural
    )
    return framework, []


def framework_to_dict(framework: Framework) -> dict[str, Any]:
    """The framework as a plan file carries it (no file header)."""
    return {
        "id": framework.id,
        "name": framework.name,
        "description": framework.description,
        "part": {"singular": framework.part_singular, "plural": framework.part_plural},
        "scale": [{"label": s.label, "descriptor": s.descriptor} for s in framework.scale],
        "skills": [
            {
                "id": s.id,
                "name": s.name,
                "description": s.description,
                "behaviours": list(s.behaviours),
                "example_goals": list(s.example_goals),
            }
            for s in framework.skills
        ],
    }


def load_framework_file(path: Traversable) -> Framework:
    """Reads one framework file.

    Raises:
        FrameworkError: naming the file and every problem in it.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise FrameworkError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise FrameworkError(f"{path.name}: is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise FrameworkError(
            f"{path.name}: not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
        ) from None
    framework, problems = framework_from_dict(data)
    if framework is None:
        raise FrameworkError(f"{path.name}: " + "; ".join(problems))
    return framework


def available_frameworks(directory: Traversable | None = None) -> list[Framework]:
    """Every valid framework in ``directory``, the default first, then by name.

    Raises:
        FrameworkError: when any file is malformed (shipped files must all load).
    """
    folder = directory or frameworks_dir()
    frameworks = [load_framework_file(p) for p in _framework_files(folder)]
    frameworks.sort(key=lambda f: (f.id != DEFAULT_FRAMEWORK_ID, f.name.lower()))
    return frameworks


def load_framework(framework_id: str, directory: Traversable | None = None) -> Framework:
    """One shipped framework by id."""
    folder = directory or frameworks_dir()
    for path in _framework_files(folder):
        framework = load_framework_file(path)
        if framework.id == framework_id:
            return framework
    raise FrameworkError(f"no framework with id {framework_id!r} in {folder.name}/")
