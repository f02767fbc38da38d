"""Installs the app as people do and uses it: the built wheel (never the checkout) in
fresh virtual environments at the lowest and the newest dependency versions that
``pyproject.toml`` allows, with ``pip install --user`` into a throwaway user base, and
with ``pip install --target``.

    python scripts/check_install.py [--only lowest,newest,user,target] [--keep DIR]

In each installation it runs the smoke steps a clinician's first day takes: ``demo``,
``export-pdf``, ``check``, ``export-calendar``, the ``export-json``/``import-json`` round
trip, ``import-json`` of the plan the PDF carries, and the GUI started offscreen
(``--quit-after-startup``) with the welcome page offering every framework. Exits non-zero
if any step fails. Needs the package registry (or a pip cache) for the dependencies.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
SCENARIOS = ("lowest", "newest", "newest-python", "user", "target")
FRAMEWORK_IDS = {
    "core-leadership",
    "healthcare-leadership-model",
    "clinical-leadership-competency-framework",
}
BIN = "Scripts" if sys.platform == "win32" else "bin"
EXE = ".exe" if sys.platform == "win32" else ""

# Run inside the installation: the welcome page of a window on a new plan, and where the
# package was imported from (it must be the installation, never the checkout).
GUI_PROBE = """
import json, sys
from pathlib import Path
from PySide6.QtWidgets import QComboBox
import planner
from planner.app import create_window
window = create_window(Path(sys.argv[1]))
combos = [c for c in window.findChildren(QComboBox) if c.accessibleName() == "Skill framework"]
offered = [combos[0].itemData(i) for i in range(combos[0].count())] if combos else []
window.store.close()
print(json.dumps({"package": planner.__file__, "frameworks": offered}))
"""

VERSIONS_PROBE = """
import json, sys
from importlib.metadata import version

names = [
    "leadership-planner", "PySide6-Essentials", "sqlite-utils", "reportlab", "platformdirs",
    "pypdf", "icalendar",
]
found = {}
for name in names + ["rl_accel"]:
    try:
        found[name] = version(name)
    except Exception:
        found[name] = None
found["python"] = list(sys.version_info[:3])
print(json.dumps(found))
"""


@dataclass
class Installation:
    """One way of installing: how to run its Python and its ``leadership-planner``."""

    name: str
    python: list[str]
    command: list[str]
    env: dict[str, str] = field(default_factory=dict)
    versions: dict[str, str | None] = field(default_factory=dict)


def run(args: list[str], *, env: dict[str, str] | None = None, cwd: Path | None = None):
    merged = {**os.environ, **(env or {})}
    return subprocess.run(
        args, env=merged, cwd=cwd, capture_output=True, text=True, timeout=900, check=False
    )


def must(args: list[str], **kwargs) -> subprocess.CompletedProcess:
    result = run(args, **kwargs)
    if result.returncode != 0:
        raise RuntimeError(
            f"{' '.join(map(str, args))} exited {result.returncode}:\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    return result


# Never copied into the clean source tree a wheel is built from: setuptools would pack
# leftovers of an earlier build (build/lib) into the wheel as if they were the source.
_NOT_SOURCE = shutil.ignore_patterns(
    ".git", "build", "dist", "*.egg-info", "__pycache__", "*.pyc", ".venv", ".pytest_cache",
    ".ruff_cache", ".hypothesis",
)


def build_wheel(out: Path) -> Path:
    """The wheel, built from a clean copy of the source tree."""
    source = out.parent / "source"
    shutil.rmtree(source, ignore_errors=True)
    shutil.copytree(ROOT, source, ignore=_NOT_SOURCE, symlinks=True)
    must([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out),
          str(source)])
    (wheel,) = out.glob("leadership_planner-*.whl")
    return wheel


def declared_floors() -> dict[str, str]:
    """``name==lowest`` for every dependency this Python and platform install."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    floors: dict[str, str] = {}
    for text in project["project"]["dependencies"]:
        requirement = Requirement(text)
        if requirement.marker and not requirement.marker.evaluate():
            continue
        lowest = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if not lowest:
            raise SystemExit(f"{text}: every dependency needs a tested floor (>=)")
        floors[requirement.name] = lowest[0]
    return floors


def newer_python() -> str | None:
    """The newest Python on this machine newer than this one (on PATH, or installed by
    pyenv), or None: the newest versions of the dependencies differ by Python version."""
    import glob

    candidates = [shutil.which(f"python3.{minor}") for minor in range(20, 11, -1)]
    pattern = str(Path.home() / ".pyenv" / "versions" / "3.*" / "bin" / "python3")
    candidates += sorted(glob.glob(pattern), reverse=True)
    best = None
    for candidate in filter(None, candidates):
        found = run([candidate, "-c", "import sys; print(sys.version_info[1])"])
        if found.returncode != 0 or not found.stdout.strip().isdigit():
            continue
        minor = int(found.stdout.strip())
        if minor > sys.version_info.minor and (best is None or minor > best[0]):
            best = (minor, candidate)
    return best[1] if best else None


def new_venv(where: Path, interpreter: str | None = None) -> Path:
    must([interpreter or sys.executable, "-m", "venv", str(where)])
    python = where / BIN / f"python{EXE}"
    must([str(python), "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    return python


def install_lowest(wheel: Path, work: Path) -> Installation:
    python = new_venv(work / "venv-lowest")
    constraints = work / "lowest.txt"
    constraints.write_text(
        "".join(f"{name}=={floor}\n" for name, floor in declared_floors().items()),
        encoding="utf-8",
    )
    must([str(python), "-m", "pip", "install", "--quiet", "-c", str(constraints), str(wheel)])
    script = python.parent / f"leadership-planner{EXE}"
    return Installation("lowest", [str(python)], [str(script)])


def install_newest(wheel: Path, work: Path, interpreter: str | None = None) -> Installation:
    python = new_venv(work / f"venv-newest-{Path(interpreter or sys.executable).name}", interpreter)
    must([str(python), "-m", "pip", "install", "--quiet", "--upgrade", str(wheel)])
    # Another package's top-level "resources" folder must not hide the app's own data.
    purelib = must([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    (Path(purelib.stdout.strip()) / "resources").mkdir(exist_ok=True)
    script = python.parent / f"leadership-planner{EXE}"
    name = "newest-python" if interpreter else "newest"
    return Installation(name, [str(python)], [str(script)])


def base_python() -> str:
    """The interpreter this one was made from: ``--user`` means nothing inside a venv."""
    if sys.prefix == sys.base_prefix:
        return sys.executable
    if sys.platform == "win32":
        return str(Path(sys.base_prefix) / "python.exe")
    name = f"python{sys.version_info.major}.{sys.version_info.minor}"
    return str(Path(sys.base_prefix) / "bin" / name)


def install_user(wheel: Path, work: Path) -> Installation:
    base = work / "user-base"
    env = {"PYTHONUSERBASE": str(base), "PIP_USER": "1", "PYTHONNOUSERSITE": ""}
    python = base_python()
    # Everything goes into the user base, as on a PC whose Python holds nothing else,
    # even where this interpreter already has some of the dependencies.
    must(
        [python, "-m", "pip", "install", "--quiet", "--user", "--ignore-installed",
         "--no-warn-script-location", "--break-system-packages", str(wheel)],
        env=env,
    )
    outside = must(
        [python, "-c", "import planner, PySide6, reportlab, sqlite_utils, platformdirs as p, "
         "pypdf, icalendar, sys; from pathlib import Path; print([m.__name__ for m in "
         "(planner, PySide6, reportlab, sqlite_utils, p, pypdf, icalendar) "
         "if not Path(m.__file__).is_relative_to(sys.argv[1])])",
         str(base)],
        env=env, cwd=work,
    ).stdout.strip()
    if outside != "[]":
        raise RuntimeError(f"--user install: {outside} imported from outside the user base")
    scripts = Path(
        must([python, "-c", "import sysconfig; print(sysconfig.get_path('scripts', "
              f"'{'nt_user' if sys.platform == 'win32' else 'posix_user'}'))"], env=env)
        .stdout.strip()
    )
    return Installation("user", [python], [str(scripts / f"leadership-planner{EXE}")], env)


def install_target(wheel: Path, work: Path, newest: Installation | None) -> Installation:
    """``--target`` copies only the app; its dependencies come from another
    installation (the newest venv's, or this interpreter's)."""
    target = work / "target"
    python = newest.python[0] if newest else sys.executable
    must([python, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(target),
          str(wheel)])
    env = {"PYTHONPATH": str(target)}
    return Installation("target", [python], [python, "-m", "planner"], env)


def smoke(inst: Installation, work: Path) -> list[str]:
    """The smoke steps; returns what failed (empty when all passed)."""
    folder = work / f"use-{inst.name}"
    folder.mkdir()
    env = {
        **inst.env,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_DATA_HOME": str(folder / "data"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_CACHE_HOME": str(folder / "cache"),
        "LOCALAPPDATA": str(folder / "local"),
    }
    db, copy = folder / "plan.db", folder / "copy.db"
    steps = [
        ("demo", ["demo", "--db", str(db)]),
        ("export-pdf", ["export-pdf", "--db", str(db), "--out", str(folder / "plan.pdf")]),
        ("check", ["check", "--db", str(db)]),
        ("export-calendar", ["export-calendar", "--db", str(db), "--out",
                             str(folder / "plan.ics")]),
        ("frameworks", ["frameworks"]),
        ("export-json", ["export-json", "--db", str(db), "--out", str(folder / "plan.json")]),
        ("import-json", ["import-json", str(folder / "plan.json"), "--db", str(copy)]),
        ("export-json again", ["export-json", "--db", str(copy), "--out",
                               str(folder / "copy.json")]),
        # The plan the PDF carries as its plan.json attachment (pypdf, both ways).
        ("import-json from the PDF", ["import-json", str(folder / "plan.pdf"), "--db",
                                      str(folder / "from-pdf.db")]),
        ("GUI start", ["--db", str(folder / "gui.db"), "--quit-after-startup"]),
    ]
    failures = []
    for label, args in steps:
        # Run from the throwaway folder: the checkout must never be on the path.
        result = run(inst.command + args, env=env, cwd=folder)
        if result.returncode != 0:
            failures.append(f"{label}: exit {result.returncode}: {result.stderr.strip()[-500:]}")
        elif label == "frameworks":
            listed = {line.split(":")[0] for line in result.stdout.splitlines()}
            if listed != FRAMEWORK_IDS:
                failures.append(f"frameworks: lists {sorted(listed)}")
    pdf = folder / "plan.pdf"
    whole = pdf.is_file() and pdf.read_bytes().startswith(b"%PDF-")
    if not (whole and pdf.stat().st_size > 20_000):
        failures.append("export-pdf: no complete PDF was written")
    ics = folder / "plan.ics"
    ics_text = ics.read_text(encoding="utf-8", errors="replace") if ics.is_file() else ""
    if not (ics_text.startswith("BEGIN:VCALENDAR") and "BEGIN:VEVENT" in ics_text):
        failures.append("export-calendar: no calendar with entries was written")
    try:
        first = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
        again = json.loads((folder / "copy.json").read_text(encoding="utf-8"))
        for data in (first, again):
            data.pop("exported_at", None)
        if first != again:
            failures.append("round trip: the imported plan differs from the exported one")
    except (OSError, ValueError) as exc:
        failures.append(f"round trip: {exc}")
    if not inst.python:  # a frozen bundle: no Python to probe with
        return failures
    probe = run([*inst.python, "-c", GUI_PROBE, str(folder / "welcome.db")], env=env, cwd=folder)
    if probe.returncode != 0:
        failures.append(f"welcome page: exit {probe.returncode}: {probe.stderr.strip()[-500:]}")
    else:
        seen = json.loads(probe.stdout.strip().splitlines()[-1])
        if set(seen["frameworks"]) != FRAMEWORK_IDS:
            failures.append(f"welcome page offers {seen['frameworks']}")
        if Path(seen["package"]).resolve().is_relative_to(ROOT):
            failures.append(f"the checkout was imported, not the installation ({seen['package']})")
    versions = run([*inst.python, "-c", VERSIONS_PROBE], env=env, cwd=folder)
    if versions.returncode == 0:
        inst.versions = json.loads(versions.stdout)
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default=",".join(SCENARIOS),
                        help=f"comma-separated, from: {', '.join(SCENARIOS)}")
    parser.add_argument("--keep", type=Path, help="work in this folder and keep it")
    args = parser.parse_args(argv)
    chosen = [name for name in args.only.split(",") if name]
    unknown = set(chosen) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenario: {', '.join(sorted(unknown))}")

    holder = None if args.keep else tempfile.TemporaryDirectory(prefix="lp-install-")
    work = args.keep or Path(holder.name)
    work.mkdir(parents=True, exist_ok=True)
    failed = False
    try:
        wheel = build_wheel(work / "dist")
        print(f"built {wheel.name}")
        newest = None
        for name in chosen:
            start = time.perf_counter()
            try:
                if name == "lowest":
                    inst = install_lowest(wheel, work)
                elif name == "newest":
                    inst = newest = install_newest(wheel, work)
                elif name == "newest-python":
                    interpreter = newer_python()
                    if interpreter is None:
                        print(f"{name:7} skipped: no Python newer than this one here")
                        continue
                    inst = install_newest(wheel, work, interpreter)
                elif name == "user":
                    inst = install_user(wheel, work)
                else:
                    inst = install_target(wheel, work, newest)
                problems = smoke(inst, work)
            except (RuntimeError, subprocess.TimeoutExpired) as exc:
                problems = [f"install: {exc}"]
                inst = None
            took = time.perf_counter() - start
            shown = ", ".join(
                f"{k} {v}"
                for k, v in (inst.versions if inst else {}).items()
                if v and k != "python"
            )
            status = "ok" if not problems else "FAILED"
            python_version = ".".join(map(str, inst.versions.get("python", []))) if inst else ""
            print(f"{name:7} {status} in {took:.0f} s: Python {python_version}, {shown}")
            for problem in problems:
                print(f"    {problem}")
            failed = failed or bool(problems)
    finally:
        if holder is not None:
            holder.cleanup()
    print("install check:", "FAILED" if failed else "all installations passed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
