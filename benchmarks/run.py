"""Runs every benchmark and prints the results as a markdown table.

``python benchmarks/run.py [--quick] [--smoke] [--out FILE.md] [--python PY]``. Each
time is the median of several runs of a fresh process, divided by a floor measured in
the same run on the same machine, so the ratios hold on slow or noisy machines.

The app and every floor run in one environment as an installation leaves it: by default
a new virtual environment holding the built wheel and only the declared dependencies
(so no numpy, which sqlite-utils would otherwise import), with the bytecode pip compiled
on install and nothing else written. ``--python`` names another environment's
interpreter instead (the test suite's smoke run uses its own).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
# The install and build scripts' helpers (they are scripts, not a package).
sys.path.insert(0, str(ROOT / "scripts"))

from benchmarks import plans  # noqa: E402

HERE = Path(__file__).resolve().parent
MIB = 1024 * 1024


@dataclass(frozen=True)
class Settings:
    """How many times each measurement is repeated, and which plans are used."""

    startup_runs: int
    pdf_runs: int
    import_runs: int
    interaction_runs: int
    heavy: plans.PlanSize
    goals_200: plans.PlanSize
    warm_up: bool = True


FULL = Settings(9, 5, 3, 3, plans.HEAVY, plans.GOALS_200)
QUICK = Settings(5, 3, 2, 1, plans.HEAVY, plans.GOALS_200)
# The smoke test's mode: every code path once, on the tiny plan.
SMOKE = Settings(1, 1, 1, 1, plans.TINY, plans.TINY, warm_up=False)


@dataclass
class Row:
    measurement: str
    result: str
    floor: str
    figure: str
    bar: str
    meets: bool | None  # None: reported, no bar

    def cells(self) -> list[str]:
        verdict = "—" if self.meets is None else ("yes" if self.meets else "**NO**")
        return [self.measurement, self.result, self.floor, self.figure, self.bar, verdict]


@dataclass
class Run:
    seconds: float
    peak_rss: int  # bytes


# The interpreter of the environment being measured (see ``use_environment``).
_python = sys.executable


def python() -> str:
    return _python


def _program() -> list[str]:
    script = Path(_python).parent / ("leadership-planner" + (".exe" if os.name == "nt" else ""))
    return [str(script)] if script.exists() else [_python, "-m", "planner"]


def clean_environment(work: Path) -> str:
    """A new virtual environment holding the built wheel and its declared dependencies
    only; returns its interpreter."""
    from check_install import build_wheel, must, new_venv

    folder = work / "venv"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(work / "dist", ignore_errors=True)
    wheel = build_wheel(work / "dist")
    interpreter = new_venv(folder)
    # pip compiles every module's bytecode on install, as for any user's installation.
    must([str(interpreter), "-m", "pip", "install", "--quiet", str(wheel)])
    return str(interpreter)


def use_environment(interpreter: str) -> None:
    global _python
    _python = interpreter


def _environment(work: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    # Window geometry and other settings stay inside the work folder.
    env["XDG_CONFIG_HOME"] = str(work / "config")
    env["XDG_DATA_HOME"] = str(work / "data")
    # Only the benchmarks package is added to the path, never the checkout, so the app
    # is imported from the environment being measured.
    shim = work / "path"
    shim.mkdir(parents=True, exist_ok=True)
    link = shim / "benchmarks"
    # A link left by a run from another checkout may point elsewhere, or nowhere.
    if link.is_symlink() and link.resolve() != HERE.resolve():
        link.unlink()
    if not link.is_symlink():
        link.symlink_to(HERE, target_is_directory=True)
    env["PYTHONPATH"] = str(shim)
    # The bytecode the installation compiled is used; nothing new is written.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.pop("PYTHONPYCACHEPREFIX", None)
    return env


def timed(command: list[str], env: dict[str, str], work: Path) -> Run:
    """Runs ``command`` to completion; its wall time and peak resident memory.

    Raises:
        RuntimeError: the command failed (its stderr is included).
    """
    with tempfile.TemporaryFile(dir=work) as err:
        start = time.perf_counter()
        proc = subprocess.Popen(
            command, env=env, cwd=work, stdout=subprocess.DEVNULL, stderr=err
        )
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            raise RuntimeError(
                f"{' '.join(command)} exited {proc.returncode}:\n"
                + err.read().decode(errors="replace")
            )
    # ru_maxrss is in KiB on Linux and in bytes on macOS.
    scale = 1 if sys.platform == "darwin" else 1024
    return Run(elapsed, usage.ru_maxrss * scale)


def repeat(commands: dict[str, list[str]], runs: int, env, work, before=None, warm_up=True):
    """Runs each command ``runs`` times, interleaved so drift hits all alike, after
    one untimed run of each (bytecode and disk caches warm, as on a second start)."""
    results: dict[str, list[Run]] = {name: [] for name in commands}
    for name, command in commands.items() if warm_up else ():
        if before:
            before(name)
        timed(command, env, work)
    for _ in range(runs):
        for name, command in commands.items():
            if before:
                before(name)
            results[name].append(timed(command, env, work))
    return results


def median_time(runs: list[Run]) -> float:
    return statistics.median(r.seconds for r in runs)


def median_rss(runs: list[Run]) -> float:
    return statistics.median(r.peak_rss for r in runs)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def ratio_row(name: str, value: float, floor: float, bar: float | None) -> Row:
    ratio = value / floor
    return Row(
        name,
        ms(value),
        ms(floor),
        f"{ratio:.2f}×",
        f"≤ {bar:.2f}×" if bar else "—",
        None if bar is None else ratio <= bar,
    )


# -- preparing the plans ---------------------------------------------------------


def prepare(work: Path, settings: Settings, env) -> dict[str, Path]:
    """Plan files (cached) and fresh databases for this run."""
    dbs = work / "db"
    if dbs.exists():
        shutil.rmtree(dbs)
    dbs.mkdir(parents=True)
    # Generated in a child process: a fork of a process that has held the heavy plan
    # would report that process's memory as every child's peak.
    sizes = {"heavy": settings.heavy.name, "goals-200": settings.goals_200.name}
    made = subprocess.run(
        [_python, "-m", "benchmarks.plans", str(work), *sizes.values()],
        env=env,
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    files = {name: Path(path) for name, path in zip(sizes, made, strict=True)}
    subprocess.run(
        [_python, "-c", "import sys; from planner.store import PlanStore; "
         "PlanStore.open(sys.argv[1]).close()", str(dbs / "empty.db")],
        env=env, cwd=work, check=True,
    )
    paths = {"empty": dbs / "empty.db", "demo": dbs / "demo.db"}
    timed([*_program(), "demo", "--db", str(paths["demo"])], env, work)
    for name, file in files.items():
        paths[name] = dbs / f"{name}.db"
        timed([*_program(), "import-json", str(file), "--db", str(paths[name])], env, work)
    paths["heavy-json"] = files["heavy"]
    return paths


# -- the benchmarks --------------------------------------------------------------


def startup(paths, settings: Settings, env, work) -> list[Row]:
    app = _program()
    commands = {
        "floor": [_python, str(HERE / "floor_window.py")],
        **{
            size: [*app, "--db", str(paths[size]), "--quit-after-startup"]
            for size in ("empty", "demo", "heavy")
        },
    }
    runs = repeat(commands, settings.startup_runs, env, work, warm_up=settings.warm_up)
    floor = median_time(runs["floor"])
    rows = [
        Row("Start-up floor (sqlite-utils + empty QMainWindow)", ms(floor), "", "", "", None),
        ratio_row(
            "Start-up, empty database (welcome page)", median_time(runs["empty"]), floor, None
        ),
        ratio_row("Start-up, demo plan", median_time(runs["demo"]), floor, 1.15),
        ratio_row(
            f"Start-up, heavy plan ({settings.heavy.goals:,} goals)",
            median_time(runs["heavy"]),
            floor,
            1.25,
        ),
        Row(
            "Start-up growth: heavy minus empty",
            ms(median_time(runs["heavy"]) - median_time(runs["empty"])),
            "",
            f"{(median_time(runs['heavy']) - median_time(runs['empty'])) / floor:+.2f}× floor",
            "—",
            None,
        ),
    ]
    floor_rss = median_rss(runs["floor"])
    for size in ("empty", "demo", "heavy"):
        extra = (median_rss(runs[size]) - floor_rss) / MIB
        rows.append(
            Row(
                f"Peak memory, {size} start-up",
                f"{median_rss(runs[size]) / MIB:.0f} MiB",
                f"{floor_rss / MIB:.0f} MiB",
                f"{extra:+.0f} MiB",
                "≤ +60 MiB" if size == "heavy" else "—",
                extra <= 60 if size == "heavy" else None,
            )
        )
    return rows


def pdf_export(paths, settings: Settings, env, work) -> list[Row]:
    app = _program()
    out = work / "out"
    out.mkdir(exist_ok=True)
    commands = {}
    for size in ("demo", "goals-200"):
        commands[f"{size}-app"] = [
            *app,
            "export-pdf",
            "--db",
            str(paths[size]),
            "--out",
            str(out / f"{size}.pdf"),
        ]
        commands[f"{size}-floor"] = [
            _python,
            str(HERE / "floor_pdf.py"),
            str(paths[size]),
            str(out / f"{size}-floor.pdf"),
        ]
    runs = repeat(commands, settings.pdf_runs, env, work, warm_up=settings.warm_up)
    label = f"{settings.goals_200.goals}-goal plan"
    return [
        ratio_row(
            "PDF export, demo plan",
            median_time(runs["demo-app"]),
            median_time(runs["demo-floor"]),
            1.5,
        ),
        ratio_row(
            f"PDF export, {label}",
            median_time(runs["goals-200-app"]),
            median_time(runs["goals-200-floor"]),
            None,
        ),
    ]


def import_plan(paths, settings: Settings, env, work) -> list[Row]:
    target = work / "db" / "import-target.db"
    file = str(paths["heavy-json"])

    def fresh(_name: str) -> None:
        for suffix in ("", "-journal", ".lock"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(target.parent / "backups", ignore_errors=True)

    commands = {
        "app": [*_program(), "import-json", file, "--db", str(target)],
        "floor": [_python, str(HERE / "floor_import.py"), file, str(target)],
    }
    runs = repeat(commands, settings.import_runs, env, work, before=fresh, warm_up=settings.warm_up)
    fresh("")
    return [
        ratio_row(
            f"Import, heavy plan file ({paths['heavy-json'].stat().st_size / MIB:.0f} MiB)",
            median_time(runs["app"]),
            median_time(runs["floor"]),
            3.0,
        )
    ]


def _probe_heavy_plan(
    what: str,
    program: list[str],
    extra: list[str],
    paths,
    settings: Settings,
    env,
    work,
    runs: int | None = None,
) -> list:
    """Runs ``python PROGRAM PLAN EXTRA`` on a fresh copy of the heavy plan,
    ``runs`` times (default ``interaction_runs``); the JSON value each run printed last.

    Raises:
        RuntimeError: a run failed (its stderr is included).
    """
    results = []
    for _ in range(settings.interaction_runs if runs is None else runs):
        copy = work / "db" / "interaction.db"
        shutil.copyfile(paths["heavy"], copy)
        command = [_python, *program, str(copy), *extra]
        # Bounded: a probe stuck on a question box must fail the run, not hang it.
        proc = subprocess.run(
            command, env=env, cwd=work, capture_output=True, text=True, check=False, timeout=900
        )
        if proc.returncode != 0:
            raise RuntimeError(f"{what} benchmark failed:\n{proc.stderr}")
        results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    return results


def interaction(paths, settings: Settings, env, work) -> tuple[list[Row], dict]:
    script = ["-m", "benchmarks.interaction"]
    results = _probe_heavy_plan("interaction", script, [], paths, settings, env, work)
    first = results[0]

    def step(name: str) -> float:
        return statistics.median(r["steps_ms"][name] for r in results)

    labels = {
        "open skill page": f"Open the skill page with most goals ({first['skill_goals']:,})",
        "type a filter": f"Type a filter (“{plans.FILTER_WORD}”: {first['filtered_goals']} shown)",
        "open goal": f"Open the goal with {first['long_goal_entries']:,} progress entries",
        "log progress": "Log progress (LogProgress command)",
        "undo": "Undo",
    }
    loaded = statistics.median(r["background_load_ms"] for r in results)
    loaded_block = statistics.median(r["background_load_longest_block_ms"] for r in results)
    charts = statistics.median(r.get("overview_charts_ms", 0) for r in results)
    deferred = not any(r["sqlite_utils_before_paint"] for r in results)
    rows = [
        Row(
            "Start-up: sqlite-utils not imported before the first paint",
            "not imported" if deferred else "imported",
            "",
            "",
            "not imported",
            deferred,
        ),
        Row(
            "After the first paint: sqlite-utils imported on a background thread",
            f"{loaded:.0f} ms",
            "",
            "",
            "—",
            None,
        ),
        Row(
            "Then: the overview's charts of change drawn",
            f"{charts:.0f} ms",
            "",
            "",
            "—",
            None,
        ),
        Row(
            "Longest GUI-thread block while it loads and the charts are drawn (5 ms heartbeat)",
            f"{loaded_block:.0f} ms",
            "",
            "",
            "≤ 50 ms",
            loaded_block <= 50,
        ),
    ]
    rows += [
        Row(f"Interaction: {label}", f"{step(name):.0f} ms", "", "", "≤ 50 ms", step(name) <= 50)
        for name, label in labels.items()
    ]
    # Every other page of the sidebar, opened for the first time: not among the
    # steps the bar names, but every click should answer as fast.
    for key in first["other_pages_ms"]:
        value = statistics.median(r["other_pages_ms"][key] for r in results)
        rows.append(
            Row(
                f"Interaction: first opening of page “{key}”",
                f"{value:.0f} ms",
                "",
                "",
                "≤ 50 ms",
                value <= 50,
            )
        )
    longest = statistics.median(r["longest_block_ms"] for r in results)
    rows.append(
        Row(
            "Longest GUI-thread block during the five steps above (5 ms heartbeat)",
            f"{longest:.0f} ms",
            "",
            "",
            "≤ 50 ms",
            longest <= 50,
        )
    )
    fetched, total = first["progress_rows_fetched"], first["progress_rows_total"]
    rows.append(
        Row(
            "Lazy history: progress rows fetched to show the goal",
            f"{fetched} of {total:,}",
            "",
            "",
            "one page (≤ 100)",
            fetched <= 100,
        )
    )
    reads = sum(first["whole_plan_reads"].values())
    rows.append(
        Row(
            "Whole-plan reads while opening and clicking (load_plan, all_goals)",
            str(reads),
            "",
            "",
            "0",
            reads == 0,
        )
    )
    rows.append(
        Row(
            "GUI: reportlab not imported before the first export",
            "not imported" if not first["reportlab_loaded"] else "imported",
            "",
            "",
            "not imported",
            not first["reportlab_loaded"],
        )
    )
    return rows, first


# Opens the reflections page of a plan and types a search into it one key at a time,
# each key timed as interaction.py times its steps; prints one JSON object.
_REFLECTION_SEARCH_PROBE = """
import json, sys
from PySide6.QtWidgets import QApplication
from benchmarks.interaction import (
    _Heartbeat, _settle, _timed, _wait_for_overview_charts, _wait_for_paint,
    _wait_for_sqlite_utils
)
from planner.app import create_window

window = create_window(sys.argv[1])
app = QApplication.instance()
window.show()
_wait_for_paint(app, window)
# The first click comes after the window's post-paint import, as interaction.py.
_wait_for_sqlite_utils(app)
_wait_for_overview_charts(app, window)
heartbeat = _Heartbeat()
heartbeat.start()
_settle(app)
opened = _timed(app, lambda: window.show_page("reflections"))
page = window.pages["reflections"]
word = sys.argv[2]
keys = [_timed(app, lambda n=n: page.search.setText(word[:n])) for n in range(1, len(word) + 1)]
shown, total = page.table.model().rowCount(), page.source.total()
cleared = _timed(app, page.search.clear)
_settle(app)
heartbeat.timer.stop()
longest = max(heartbeat.longest * 1000, opened, cleared, *keys)
window.doc.undo_stack.blockSignals(True)
window.store.close()
print(json.dumps([opened, max(keys), cleared, longest, shown, total]))
"""


def reflection_search(paths, settings: Settings, env, work) -> list[Row]:
    """The reflections page of the heavy plan: opened first after start-up, then a
    search typed a key at a time (every key searches titles, skills and sections)."""
    probe = ["-c", _REFLECTION_SEARCH_PROBE]
    words = [plans.FILTER_WORD]
    results = _probe_heavy_plan("reflection search", probe, words, paths, settings, env, work)
    opened, key, cleared, longest = (statistics.median(r[i] for r in results) for i in range(4))
    shown, total = results[0][4], results[0][5]
    measured = [
        (f"Reflections ({total:,}): open the page first after start-up", opened),
        (
            f"Reflections: type a search (“{plans.FILTER_WORD}”: {shown:,} shown), slowest key",
            key,
        ),
        ("Reflections: clear the search", cleared),
        ("Longest GUI-thread block while opening and searching reflections", longest),
    ]
    return [
        Row(f"Interaction: {label}", f"{value:.0f} ms", "", "", "≤ 50 ms", value <= 50)
        for label, value in measured
    ]


def exports(paths, settings: Settings, env, work) -> list[Row]:
    """Export PDF, export a plan file and import one, from the window of the heavy
    plan, each with the longest GUI-thread block meanwhile. Run once: the heavy plan's
    PDF alone takes over a minute to lay out."""
    out = work / "out"
    out.mkdir(exist_ok=True)
    probe = ["-m", "benchmarks.exports"]
    extra = [str(paths["heavy-json"]), str(out)]
    (result,) = _probe_heavy_plan("exports", probe, extra, paths, settings, env, work, runs=1)
    shutil.rmtree(work / "db" / "backups", ignore_errors=True)
    size = f"{paths['heavy-json'].stat().st_size / MIB:.0f} MiB"
    labels = {
        "export PDF": f"Export PDF of the heavy plan ({result['pdf_pages']:,} pages)",
        "export plan file": f"Export plan file of the heavy plan ({size})",
        "import plan file": f"Import plan file over the heavy plan ({size})",
    }
    rows = []
    for key, label in labels.items():
        took, block = result[key]["ms"], result[key]["longest_block_ms"]
        rows.append(Row(f"Window: {label}, until done", f"{took:,.0f} ms", "", "", "—", None))
        rows.append(
            Row(
                f"Window: {label}, longest GUI-thread block (5 ms heartbeat)",
                f"{block:.0f} ms",
                "",
                "",
                "≤ 50 ms",
                block <= 50,
            )
        )
    return rows


def command_line_imports(paths, env, work) -> list[Row]:
    """Runs verbs in-process in a child and lists any Qt module they loaded."""
    out = work / "out"
    out.mkdir(exist_ok=True)
    fresh = out / "imports-demo.db"
    for suffix in ("", "-journal", ".lock"):
        Path(f"{fresh}{suffix}").unlink(missing_ok=True)
    verbs = [
        ["demo", "--db", str(fresh)],
        ["check", "--db", str(paths["demo"])],
        ["export-json", "--db", str(paths["demo"]), "--out", str(out / "demo.json")],
        ["export-pdf", "--db", str(paths["demo"]), "--out", str(out / "imports.pdf")],
    ]
    probe = (
        "import contextlib, io, json, sys\n"
        "from planner.app import main\n"
        "with contextlib.redirect_stdout(io.StringIO()):\n"
        "    code = main(json.loads(sys.argv[1]))\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(json.dumps([code, qt]))\n"
    )
    loaded = []
    for verb in verbs:
        proc = subprocess.run(
            [_python, "-c", probe, json.dumps(verb)],
            env=env,
            cwd=work,
            capture_output=True,
            text=True,
            check=False,
        )
        if proc.returncode != 0:
            raise RuntimeError(f"{verb[0]} failed:\n{proc.stderr}")
        code, qt = json.loads(proc.stdout.strip().splitlines()[-1])
        if code != 0 or qt:
            loaded.append(f"{verb[0]}: {', '.join(qt) or f'exit {code}'}")
    return [
        Row(
            "Command line: Qt never imported (demo, check, export-json, export-pdf)",
            "; ".join(loaded) or "not imported",
            "",
            "",
            "not imported",
            not loaded,
        )
    ]


def bundle(folder: Path, paths, settings: Settings, env, work) -> list[Row]:
    """The stand-alone app (``scripts/build_app.py``): its size on disk, and its start-up
    on the demo plan against the installed app's, measured side by side."""
    executable = folder / ("leadership-planner" + (".exe" if os.name == "nt" else ""))
    commands = {
        name: [*program, "--db", str(paths["demo"]), "--quit-after-startup"]
        for name, program in (("installed", _program()), ("bundle", [str(executable)]))
    }
    runs = repeat(commands, settings.startup_runs, env, work, warm_up=settings.warm_up)
    from build_app import folder_size

    size = folder_size(folder)
    return [
        Row("App bundle: size of the folder", f"{size / MIB:.0f} MiB", "", "", "—", None),
        ratio_row(
            "App bundle: start-up, demo plan, against the installed app",
            median_time(runs["bundle"]),
            median_time(runs["installed"]),
            None,
        ),
    ]


# -- output ----------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    head = ["Measurement", "Result", "Floor", "Figure", "Bar", "Meets bar"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(row.cells()) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def environment_rows(env, work, *, clean: bool) -> list[Row]:
    """Where the measured app comes from, and whether numpy is there to be imported.

    The bars apply to the clean environment ``main`` makes; another one is reported.
    """
    probe = (
        "import importlib.util, json, planner\n"
        "print(json.dumps([importlib.util.find_spec('numpy') is not None, planner.__file__]))"
    )
    found = subprocess.run(
        [_python, "-c", probe], env=env, cwd=work, capture_output=True, text=True, check=True
    )
    numpy, where = json.loads(found.stdout.strip().splitlines()[-1])
    from_checkout = Path(where).resolve().is_relative_to(ROOT)
    return [
        Row(
            "Environment: the app measured is imported from",
            "the checkout" if from_checkout else "an installation (bytecode as pip compiled it)",
            "",
            "",
            "an installation" if clean else "—",
            (not from_checkout) if clean else None,
        ),
        Row(
            "Environment: numpy importable (sqlite-utils imports it when present)",
            "yes" if numpy else "no",
            "",
            "",
            "no (declared dependencies only)" if clean else "—",
            (not numpy) if clean else None,
        ),
    ]


def run(
    settings: Settings,
    work: Path,
    *,
    clean: bool = False,
    app_bundle: Path | None = None,
    pdf_only: bool = False,
) -> tuple[list[Row], dict]:
    """Every benchmark in order; returns the table's rows and the raw interaction data.

    Args:
        clean: the interpreter in use is the clean environment ``main`` made.
        app_bundle: the stand-alone app's folder, to time it beside the installed app.
        pdf_only: only the PDF export rows (after the environment's).
    """
    work.mkdir(parents=True, exist_ok=True)
    env = _environment(work)
    paths = prepare(work, settings, env)
    rows = environment_rows(env, work, clean=clean)
    if pdf_only:
        return rows + pdf_export(paths, settings, env, work), {}
    rows += startup(paths, settings, env, work)
    rows += pdf_export(paths, settings, env, work)
    rows += import_plan(paths, settings, env, work)
    interaction_rows, raw = interaction(paths, settings, env, work)
    rows += interaction_rows
    rows += reflection_search(paths, settings, env, work)
    rows += exports(paths, settings, env, work)
    rows += command_line_imports(paths, env, work)
    if app_bundle is not None:
        rows += bundle(app_bundle, paths, settings, env, work)
    return rows, raw


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="fewer repetitions (about 1 minute)")
    mode.add_argument("--smoke", action="store_true", help="every step once, on a tiny plan")
    parser.add_argument("--out", type=Path, help="also write the table to this markdown file")
    parser.add_argument(
        "--work",
        type=Path,
        default=Path(tempfile.gettempdir()) / "leadership-planner-bench",
        help="folder for generated plans and databases (plan files are cached here)",
    )
    parser.add_argument(
        "--bundle",
        type=Path,
        help="also time the stand-alone app in this folder (scripts/build_app.py's output)",
    )
    parser.add_argument(
        "--pdf-only",
        action="store_true",
        help="only the PDF export rows (about 2 minutes in full, 1 with --quick)",
    )
    parser.add_argument(
        "--python",
        help="measure this interpreter's environment instead of a new clean one",
    )
    args = parser.parse_args(argv)
    settings = SMOKE if args.smoke else QUICK if args.quick else FULL
    started = time.perf_counter()
    args.work.mkdir(parents=True, exist_ok=True)
    use_environment(args.python or clean_environment(args.work))
    rows, _ = run(
        settings,
        args.work,
        clean=not args.python,
        app_bundle=args.bundle,
        pdf_only=args.pdf_only,
    )
    text = table(rows)
    print(text)
    print(f"Finished in {time.perf_counter() - started:.0f} s.")
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0 if all(row.meets is not False for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
