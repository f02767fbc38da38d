"""The shipped skill frameworks, and clear errors for malformed framework files."""

from __future__ import annotations

import json

import pytest

from planner.frameworks import (
    DEFAULT_FRAMEWORK_ID,
    FrameworkError,
    available_frameworks,
    frameworks_dir,
    load_framework,
    load_framework_file,
)

HLM_DIMENSIONS = [
    "Inspiring shared purpose",
    "Leading with care",
    "Evaluating information",
    "Connecting our service",
    "Sharing the vision",
    "Engaging the team",
    "Holding to account",
    "Developing capability",
    "Influencing for results",
]


def _valid() -> dict:
    return {
        "format": "leadership-framework",
        "version": 1,
        "id": "ward-skills",
        "name": "Ward skills",
        "scale": [{"label": "Starting", "descriptor": "New to this"}, {"label": "Confident"}],
        "skills": [
            {"id": "huddles", "name": "Running huddles", "behaviours": ["Starts on time"]},
            {"id": "rota", "name": "Fair rotas", "description": "Balances needs."},
        ],
    }


def _write(tmp_path, data, name="ward-skills.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return path


# -- the shipped frameworks ------------------------------------------------------


def test_every_shipped_framework_loads():
    files = sorted(frameworks_dir().glob("*.json"))
    assert len(files) >= 2
    loaded = [load_framework_file(path) for path in files]
    assert len({f.id for f in loaded}) == len(files)
    for framework in loaded:
        assert framework.name and framework.skills and len(framework.scale) >= 2
        for skill in framework.skills:
            assert skill.name and skill.description, (framework.id, skill.id)
            assert skill.behaviours, (framework.id, skill.id)


def test_the_default_framework_comes_first_with_the_three_core_skills():
    frameworks = available_frameworks()
    default = frameworks[0]
    assert default.id == DEFAULT_FRAMEWORK_ID
    assert [s.name for s in default.skills] == [
        "Learn to follow",
        "Develop situational awareness",
        "Empower the team and resolve conflicts",
    ]
    assert load_framework(DEFAULT_FRAMEWORK_ID) == default


def test_the_core_framework_speaks_of_the_values_it_asks_of_leaders():
    core = load_framework(DEFAULT_FRAMEWORK_ID)
    text = " ".join([core.description, *(s.description for s in core.skills)]).lower()
    for word in ("compassionate", "inclusive", "collective", "discipline", "reflect"):
        assert word in text, word


def test_the_healthcare_leadership_model_has_its_nine_dimensions_in_order():
    hlm = next(f for f in available_frameworks() if f.name == "NHS Healthcare Leadership Model")
    assert [s.name for s in hlm.skills] == HLM_DIMENSIONS
    assert [level.label for level in hlm.scale] == [
        "Insufficient",
        "Essential",
        "Proficient",
        "Strong",
        "Exemplary",
    ]
    assert hlm.level_label(1) == "Insufficient"
    assert hlm.level_label(5) == "Exemplary"
    assert hlm.level_label(6) == ""


def test_each_shipped_framework_calls_its_parts_by_its_own_word():
    words = {
        f.id: (f.part_singular, f.part_plural, f.parts(len(f.skills)))
        for f in available_frameworks()
    }
    assert words == {
        "core-leadership": ("skill", "skills", "3 skills"),
        "healthcare-leadership-model": ("dimension", "dimensions", "9 dimensions"),
        "clinical-leadership-competency-framework": ("domain", "domains", "5 domains"),
    }
    assert load_framework("healthcare-leadership-model").parts(1) == "1 dimension"


def test_an_unknown_framework_id_is_reported():
    with pytest.raises(FrameworkError, match="no framework with id 'made-up'"):
        load_framework("made-up")


# -- files from elsewhere --------------------------------------------------------


def test_a_well_formed_file_loads_with_its_defaults(tmp_path):
    framework = load_framework_file(_write(tmp_path, _valid()))
    assert framework.id == "ward-skills"
    assert framework.description == ""
    assert [level.descriptor for level in framework.scale] == ["New to this", ""]
    assert framework.skill("huddles").behaviours == ("Starts on time",)
    assert framework.skill("rota").example_goals == ()
    assert framework.skill("missing") is None
    assert (framework.part_singular, framework.part_plural) == ("skill", "skills")


def test_a_file_may_name_its_parts(tmp_path):
    data = _valid() | {"part": {"singular": "element", "plural": "elements"}}
    framework = load_framework_file(_write(tmp_path, data))
    assert framework.parts(2) == "2 elements"


def test_frameworks_in_a_folder_are_listed_by_name(tmp_path):
    second = _valid() | {"id": "another", "name": "Another set"}
    _write(tmp_path, _valid(), "b.json")
    _write(tmp_path, second, "a.json")
    assert [f.name for f in available_frameworks(tmp_path)] == ["Another set", "Ward skills"]
    assert load_framework("ward-skills", tmp_path).name == "Ward skills"


def test_bad_json_names_the_file_line_and_column(tmp_path):
    path = _write(tmp_path, '{\n  "id": "x",\n  "name": \n}')
    with pytest.raises(FrameworkError) as caught:
        load_framework_file(path)
    assert str(caught.value) == (
        "ward-skills.json: not valid JSON (line 4, column 1: Expecting value)"
    )


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "latin.json"
    path.write_bytes(
        json.dumps(_valid() | {"name": "Compétences"}, ensure_ascii=False).encode("latin-1")
    )
    with pytest.raises(FrameworkError, match=r"^latin\.json: is not UTF-8 text$"):
        load_framework_file(path)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d.pop("skills"), "skills: expected a non-empty list of skills"),
        (lambda d: d.update(skills=[]), "skills: expected a non-empty list of skills"),
        (
            lambda d: d["skills"][1].update(id="huddles"),
            "skills[1].id: 'huddles' is used twice",
        ),
        (lambda d: d.update(name=7), "framework.name: expected non-empty text"),
        (lambda d: d.update(id="  "), "framework.id: expected non-empty text"),
        (lambda d: d["skills"][0].update(name=None), "skills[0].name: expected non-empty text"),
        (
            lambda d: d["skills"][0].update(behaviours="Starts on time"),
            "skills[0].behaviours: expected a list of text",
        ),
        (lambda d: d["skills"][1].update(description=3), "skills[1].description: expected text"),
        (lambda d: d["skills"].append("empathy"), "skills[2]: expected an object"),
        (
            lambda d: d.update(scale=[{"label": "Only one"}]),
            "scale: expected a list of 2 to 10 levels, lowest first",
        ),
        (lambda d: d["scale"][1].update(label=""), "scale[1].label: expected non-empty text"),
        (lambda d: d.update(format="leadership-plan"), "format: expected 'leadership-framework'"),
        (lambda d: d.update(version=2), "version: expected 1"),
        (
            lambda d: d.update(part="dimensions"),
            'framework.part: expected an object such as {"singular": "dimension", '
            '"plural": "dimensions"}',
        ),
        (
            lambda d: d.update(part={"singular": "dimension"}),
            "framework.part.plural: expected non-empty text",
        ),
        (
            lambda d: d.update(part={"singular": "Dimension", "plural": "dimensions"}),
            "framework.part.singular: expected lower case, e.g. 'dimension'",
        ),
        (
            lambda d: d.update(part={"singular": "x", "plural": "a\nb"}),
            "framework.part.plural: expected one line of text without spaces around it",
        ),
    ],
)
def test_a_malformed_file_is_refused_naming_the_file_and_the_problem(tmp_path, change, problem):
    data = _valid()
    change(data)
    with pytest.raises(FrameworkError) as caught:
        load_framework_file(_write(tmp_path, data))
    assert str(caught.value) == f"ward-skills.json: {problem}"


def test_every_problem_in_a_file_is_listed(tmp_path):
    data = _valid()
    data["name"] = ""
    data["skills"][1]["id"] = "huddles"
    with pytest.raises(FrameworkError) as caught:
        load_framework_file(_write(tmp_path, data))
    assert str(caught.value) == (
        "ward-skills.json: framework.name: expected non-empty text; "
        "skills[1].id: 'huddles' is used twice"
    )


def test_a_top_level_list_is_refused(tmp_path):
    with pytest.raises(FrameworkError, match="expected a JSON object at the top level"):
        load_framework_file(_write(tmp_path, []))


def test_one_malformed_file_in_a_folder_is_reported_not_skipped(tmp_path):
    _write(tmp_path, _valid(), "good.json")
    _write(tmp_path, "{", "broken.json")
    with pytest.raises(FrameworkError, match=r"^broken\.json: not valid JSON"):
        available_frameworks(tmp_path)


def test_an_unreadable_file_is_named(tmp_path):
    with pytest.raises(FrameworkError, match=r"^gone\.json: cannot be read"):
        load_framework_file(tmp_path / "gone.json")
