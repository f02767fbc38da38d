"""The command-line verbs. Imports neither Qt nor reportlab unless a verb needs it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from planner import version
from planner.paths import resolve_db_path

PROG = "leadership-planner"


# What ``check`` calls the rows it counts: (one, many).
_TABLE_WORDS = {
    "goals": ("goal", "goals"),
    "progress_entries": ("progress entry", "progress entries"),
    "reflections": ("reflection", "reflections"),
    "assessments": ("assessment", "assessments"),
    "reviews": ("review", "reviews"),
}


def _count(n: int, noun: str) -> str:
    """``1 goal``, ``2 goals``: counts in messages read as plain English."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def say(text: str, *, file=None) -> None:
    """Prints one line for the user with terminal control characters taken out.

    Names and notes come from plan files anyone may have written: a bell, a colour
    code or a right-to-left override in a profile name must not reach the terminal.
    """
    from planner.text import printable

    print(printable(text), file=file or sys.stdout)


class CommandError(Exception):
    """A failure to report as one line on stderr with a non-zero exit."""


def _open_store(db_path: Path):
    """The plan, for writing, once it has passed the start-up check."""
    from planner.plan_service import open_checked

    return open_checked(db_path)


def _read_plan(db_path: Path):
    """The whole plan, read without writing to the file (exports)."""
    from planner.store import PlanStore

    if not db_path.exists():
        raise CommandError(f"there is no plan at {db_path}")
    store = PlanStore.open_readonly(db_path)
    try:
        return store.load_plan()
    finally:
        store.close()


def _writing(db_path: Path):
    """The plan's one-writer lock, waiting briefly for the app to let go of it."""
    from planner.store.lock import CLI_LOCK_WAIT_SECONDS, COMMAND, PlanLock

    return PlanLock(db_path, COMMAND).acquire(timeout=CLI_LOCK_WAIT_SECONDS)


def cmd_demo(args: argparse.Namespace) -> int:
    from planner.demo import demo_plan

    with _writing(args.db):
        store = _open_store(args.db)
        try:
            if store.has_plan():
                raise CommandError(
                    f"{args.db} already holds a plan; the demo will not overwrite it. "
                    "Choose another --db path."
                )
            plan = demo_plan()
            store.replace_plan(plan)
        finally:
            store.close()
    say(f"Created a sample plan for {plan.profile.name} in {args.db}")
    return 0


def cmd_export_json(args: argparse.Namespace) -> int:
    from planner import planfile

    plan = _read_plan(args.db)
    planfile.write(plan, args.out)
    say(
        f"Exported {_count(len(plan.goals), 'goal')}, "
        f"{_count(len(plan.reflections), 'reflection')} and "
        f"{_count(len(plan.reviews), 'review')} to {args.out}"
    )
    return 0


def cmd_export_calendar(args: argparse.Namespace) -> int:
    from planner.ics import describe, write_calendar

    plan = _read_plan(args.db)
    items = write_calendar(plan, args.out)
    say(f"Exported {describe(items)} to {args.out}")
    return 0


def cmd_import_json(args: argparse.Namespace) -> int:
    from planner import planfile

    try:
        plan = planfile.read(args.file)
    except planfile.PlanFileError as exc:
        raise CommandError(f"{args.file} cannot be imported, nothing was changed: {exc}") from None
    with _writing(args.db):
        store = _open_store(args.db)
        try:
            if store.has_plan() and not args.replace:
                raise CommandError(
                    f"{args.db} already holds a plan; nothing was changed. Use --replace to "
                    "overwrite it (a backup is taken first)."
                )
            from planner.plan_service import replace_plan

            replace_plan(store, plan)
        finally:
            store.close()
    say(f"Imported {len(plan.goals)} goals for {plan.profile.name} into {args.db}")
    return 0


def cmd_export_pdf(args: argparse.Namespace) -> int:
    from planner.report import ExportError, export_pdf

    plan = _read_plan(args.db)
    skills = set(args.skill) if args.skill is not None else None
    if skills:
        unknown = sorted(skills - {s.id for s in plan.framework.skills})
        if unknown:
            known = ", ".join(s.id for s in plan.framework.skills)
            raise CommandError(f"no skill with id {', '.join(unknown)}; choose from: {known}")
    which = ""
    if args.cycle is not None:
        from planner.domain.cycles import UnknownCycle, cycle_title, find_cycle

        try:
            number, cycle = find_cycle(plan, args.cycle)
        except UnknownCycle as exc:
            raise CommandError(str(exc)) from None
        which = f", {cycle_title(number, cycle)}"
    _warn_identifiable(plan, args.include_private, skills, set(args.leave_out))
    try:
        pages = export_pdf(
            plan,
            args.out,
            include_private=args.include_private,
            skills=skills,
            leave_out=args.leave_out,
            cycle=args.cycle,
        )
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    count = f"{pages} page" if pages == 1 else f"{pages} pages"
    say(
        f"Exported the development plan for {plan.profile.name}{which} ({count}) to {args.out}"
    )
    return 0


def cmd_export_revalidation(args: argparse.Namespace) -> int:
    from planner.report import ExportError
    from planner.report.revalidation import export_revalidation

    plan = _read_plan(args.db)
    try:
        pages = export_revalidation(
            plan, args.out, args.body, include_private=args.include_private
        )
    except ExportError as exc:
        raise CommandError(str(exc)) from None
    what = "NMC revalidation record" if args.body == "nmc" else "appraisal record"
    count = f"{pages} page" if pages == 1 else f"{pages} pages"
    say(f"Exported the {what} for {plan.profile.name} ({count}) to {args.out}")
    return 0


def cmd_export_pdp_csv(args: argparse.Namespace) -> int:
    from planner.pdp_csv import write_pdp_csv

    plan = _read_plan(args.db)
    if args.out.is_dir():
        raise CommandError(f"{args.out} is a folder; choose a file name ending in .csv")
    if args.last_cycle and not plan.cycles:
        raise CommandError(
            "no plan cycle has been closed yet, so there is no last cycle's plan; "
            "nothing was written"
        )
    rows = write_pdp_csv(plan, args.out, last_cycle=args.last_cycle)
    which = "last cycle's development plan" if args.last_cycle else "development plan"
    say(f"Exported the {which} ({_count(rows, 'goal')}) to {args.out}")
    return 0


def _entry_key(text: str):
    from planner.domain.export_privacy import KIND_LABELS, EntryKey

    kind, _, number = text.partition(":")
    if kind not in KIND_LABELS or not number.isdigit():
        kinds = ", ".join(KIND_LABELS)
        raise argparse.ArgumentTypeError(f"expected KIND:ID with KIND one of {kinds}")
    return EntryKey(kind, int(number))


def _cycle_number(text: str) -> int:
    if not text.strip().isdigit():
        raise argparse.ArgumentTypeError("expected a cycle number: 1 is the oldest closed cycle")
    return int(text)


def _entry_date(entry) -> str:
    """`` of 3 May 2026`` for a flagged entry with a date, else nothing."""
    return f" of {entry.date.day} {entry.date:%b %Y}" if entry.date else ""


def _warn_identifiable(plan, include_private: bool, skills: set[str] | None, left_out) -> None:
    """One line on stderr per entry of this PDF that may identify someone: its kind,
    title and date, never its text. The export goes ahead."""
    from planner.domain.export_privacy import flagged_entries

    for entry in flagged_entries(plan):
        if entry.in_export(include_private, skills) and entry.key not in left_out:
            say(
                f"warning: {entry.kind_label.lower()} “{entry.title}”{_entry_date(entry)} "
                f"may identify a patient or colleague ({', '.join(entry.found)}); "
                "check it before sharing, "
                f"or leave it out with --leave-out {entry.kind}:{entry.id}",
                file=sys.stderr,
            )


def cmd_privacy(args: argparse.Namespace) -> int:
    from planner.domain.export_privacy import entry_to_dict, flagged_entries

    plan = _read_plan(args.db)
    entries = flagged_entries(plan)
    private = sum(1 for reflection in plan.reflections if reflection.private)
    if args.json:
        import json

        data = {"entries": [entry_to_dict(e) for e in entries], "private_reflections": private}
        print(json.dumps(data, ensure_ascii=False))
        return 0
    for entry in entries:
        note = " (private)" if entry.private else ""
        say(
            f"{entry.kind}:{entry.id} {entry.kind_label.lower()} “{entry.title}”"
            f"{_entry_date(entry)}{note}: may hold {', '.join(entry.found)}"
        )
    count = len(entries)
    print(f"{count} entr{'y' if count == 1 else 'ies'} may identify a patient or colleague.")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from planner.store.backup import backup_file

    if not args.db.is_file():
        raise CommandError(f"there is no plan at {args.db}")
    if args.to is not None and (args.to.exists() or args.to.is_symlink()):
        raise CommandError(f"{args.to} already exists; choose a new file name for the backup")
    from planner.store import recovery

    found = recovery.diagnose(args.db)
    if found.state == recovery.DAMAGED:
        # A copy of a damaged plan would only crowd out the good backups.
        raise CommandError(
            f"{found.message.rstrip('.')}; no backup was taken. See "
            f"'{PROG} check --db {args.db}' for the backup to restore."
        )
    if not found.can_open:
        raise CommandError(found.message)
    dest = backup_file(args.db, "manual", to=args.to)
    say(f"Backed up {args.db} to {dest}")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from planner.store import recovery

    with _writing(args.db):
        found = recovery.diagnose(args.db)
        if found.state == recovery.DAMAGED:
            aside = recovery.restore_from_backup(args.db, args.backup)
            say(f"Restored {args.backup} to {args.db}; the damaged file is kept as {aside}")
            return 0
        if found.state == recovery.UNAVAILABLE:
            raise CommandError(found.message)
        safety = recovery.restore_backup(args.backup, args.db)
    kept = f"; the plan it replaced is backed up as {safety}" if safety else ""
    say(f"Restored {args.backup} to {args.db}{kept}")
    return 0


def _restore_hint(db_path: Path) -> str:
    from planner.store.backup import newest_good_backup

    good = newest_good_backup(db_path, quick=False)
    if good is None:
        return "No good backup was found beside it."
    taken = good.taken_at.strftime("%d %b %Y %H:%M")
    return (
        f"To go back to the newest good backup ({taken}): {PROG} restore {good.path} --db {db_path}"
    )


def cmd_check(args: argparse.Namespace) -> int:
    from planner.store.health import check_database

    if not args.db.exists():
        raise CommandError(f"there is no plan at {args.db}")
    if args.db.is_dir():
        raise CommandError(f"{args.db} is a folder, not a plan file; give the plan file with --db")
    report = check_database(args.db)
    if report.unavailable:
        # Not damage: nothing to restore. Another program's write, for one, ends.
        raise CommandError(f"{args.db} could not be checked now. {report.unavailable}")
    if report.foreign:
        raise CommandError(
            f"{args.db} is a database of another program, not a Leadership Planner plan; "
            "it has not been changed"
        )
    if not report.ok:
        # The full list is the report the user asked for (stdout); stderr keeps the
        # one-line error every verb gives.
        if len(report.problems) > 1:
            for problem in report.problems:
                say(problem)
        summary = report.summary().rstrip(".")
        raise CommandError(f"{args.db} failed its check: {summary}. {_restore_hint(args.db)}")
    counts = ", ".join(
        f"{n} {_TABLE_WORDS[t][n != 1]}" for t, n in report.counts.items() if t in _TABLE_WORDS
    )
    say(f"OK: {args.db} (schema {report.schema_version}): {counts}")
    return 0


class _VersionAction(argparse.Action):
    """``--version``, reading the installed version only when asked for."""

    def __init__(self, option_strings, dest, **kwargs):
        kwargs.setdefault("help", "show the version and exit")
        super().__init__(option_strings, dest, nargs=0, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"{PROG} {version()}")
        parser.exit()


def cmd_frameworks(args: argparse.Namespace) -> int:
    from planner.frameworks import available_frameworks

    for framework in available_frameworks():
        count = len(framework.skills)
        print(f"{framework.id}: {framework.name} ({count} skill{'s' if count != 1 else ''})")
    return 0


def build_parser() -> argparse.ArgumentParser:
    db_help = "the plan database (default: your local application data folder)"
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Plan, track and reflect on your leadership development. "
        "With no command, opens the app.",
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument("--db", type=Path, help=db_help)
    parser.add_argument(
        "--quit-after-startup",
        action="store_true",
        help="open the window, exit once it has been painted (for timing)",
    )
    verbs = parser.add_subparsers(dest="verb", metavar="command")

    def verb(name: str, handler: Callable[[argparse.Namespace], int], help_text: str):
        sub = verbs.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("--db", type=Path, default=argparse.SUPPRESS, help=db_help)
        sub.set_defaults(handler=handler)
        return sub

    verb("demo", cmd_demo, "create a database holding a realistic sample plan")
    export = verb("export-json", cmd_export_json, "write the plan to a portable JSON file")
    export.add_argument("--out", type=Path, required=True, help="the JSON file to write")
    calendar = verb(
        "export-calendar",
        cmd_export_calendar,
        "write the target dates, actions due and next review as a calendar (.ics) file",
    )
    calendar.add_argument("--out", type=Path, required=True, help="the .ics file to write")
    imp = verb("import-json", cmd_import_json, "read a plan file into the database")
    imp.add_argument(
        "file",
        type=Path,
        help="the plan file (JSON) to import, or a development plan PDF the app exported "
        "(the plan it carries)",
    )
    imp.add_argument(
        "--replace",
        action="store_true",
        help="replace the plan already in the database (backed up first)",
    )
    verb("check", cmd_check, "check the database's integrity and schema")
    verb("frameworks", cmd_frameworks, "list the skill frameworks a new plan can use")
    privacy = verb(
        "privacy",
        cmd_privacy,
        "list the entries whose text may identify a patient or colleague (never the text)",
    )
    privacy.add_argument("--json", action="store_true", help="print them as JSON")
    backup = verb("backup", cmd_backup, "copy the plan safely into its backups folder")
    backup.add_argument("--to", type=Path, help="write the backup to this new file instead")
    restore = verb("restore", cmd_restore, "put a backup back in place of the plan")
    restore.add_argument("backup", type=Path, help="the backup file to restore")
    pdf = verb("export-pdf", cmd_export_pdf, "write the development plan as a PDF")
    pdf.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    pdf.add_argument(
        "--include-private", action="store_true", help="include reflections marked private"
    )
    pdf.add_argument(
        "--skill",
        action="extend",
        nargs="*",
        metavar="ID",
        help="include only these skills (default: every skill; --skill alone: none, "
        "only reflections and reviews)",
    )
    pdf.add_argument(
        "--leave-out",
        action="append",
        default=[],
        metavar="KIND:ID",
        type=_entry_key,
        help="leave this entry out (e.g. reflection:12), as the app's export dialog does",
    )
    pdf.add_argument(
        "--cycle",
        type=_cycle_number,
        metavar="N",
        help="export closed cycle N (1 is the oldest, as the app numbers them) instead of "
        "the current cycle",
    )
    reval = verb(
        "export-revalidation",
        cmd_export_revalidation,
        "write your records for your regulator as a PDF: for the NMC, your reflective "
        "accounts, CPD record, feedback and reflective discussion; for a GMC appraisal, "
        "last year's development plan with outcomes, CPD, reflections, feedback and this "
        "year's plan. It is not sent anywhere",
    )
    reval.add_argument("--out", type=Path, required=True, help="the PDF file to write")
    reval.add_argument(
        "--body",
        required=True,
        choices=("nmc", "gmc"),
        help="nmc: the NMC revalidation record; gmc: the medical appraisal record",
    )
    reval.add_argument(
        "--include-private", action="store_true", help="include reflections marked private"
    )
    pdp = verb(
        "export-pdp-csv",
        cmd_export_pdp_csv,
        "write this cycle's goals as a personal development plan in CSV (need, agreed "
        "action, date for completion, how it will be shown, status) for an appraisal "
        "toolkit or Excel",
    )
    pdp.add_argument("--out", type=Path, required=True, help="the CSV file to write")
    pdp.add_argument(
        "--last-cycle",
        action="store_true",
        help="the last closed cycle's plan with each goal's outcome instead",
    )
    for extra in _EXTRA_VERBS:
        extra(verb)
    return parser


# Verbs defined beside the features they drive (PDF export, backups) register here.
_EXTRA_VERBS: list[Callable] = []


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The parsed command line (``verb`` is None for the GUI); exits with a usage
    message on a mistake, as argparse does."""
    args = build_parser().parse_args(argv)
    args.db = resolve_db_path(args.db)
    return args


def run(argv: list[str] | None = None) -> int:
    """Runs a command-line verb; returns the exit code.

    Returns ``-1`` when no verb was given (the caller opens the GUI).
    """
    return dispatch(parse(argv))


def dispatch(args: argparse.Namespace) -> int:
    """Runs the verb in parsed ``args``; returns the exit code, ``-1`` for no verb."""
    if args.verb is None:
        return -1
    try:
        return args.handler(args)
    except CommandError as exc:
        say(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:
        # Imported only on failure: it pulls in traceback and logging helpers.
        from planner.failures import report_command_failure

        return report_command_failure(exc)
