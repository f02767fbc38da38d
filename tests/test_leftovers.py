"""Work killed part-way (an export, a backup, a restore) leaves temporary files; the
next start removes those and only those, and never while the work still runs."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from planner import leftovers
from planner.app import main

# Runs ``work`` in a child process that dies (os._exit, as abruptly as SIGKILL) at
# the moment the finished temporary file would be renamed into place.
_KILLED_AT_RENAME = textwrap.dedent(
    """
    import os, sys
    real_replace = os.replace
    def die(src, dst, *a, **k):
        if {stage!r} in os.path.basename(str(src)):
            os._exit(9)
        return real_replace(src, dst, *a, **k)
    os.replace = die
    from planner.app import main
    main(sys.argv[1:])
    os._exit(3)
    """
)


def _killed(stage: str, *argv) -> None:
    result = subprocess.run(
        [sys.executable, "-c", _KILLED_AT_RENAME.format(stage=stage), *map(str, argv)],
        env=os.environ.copy(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 9, result.stderr


def _hidden(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_killed_pdf_export_leaves_a_private_copy_that_the_next_start_removes(db_path, tmp_path):
    out_dir = tmp_path / "Documents"
    out_dir.mkdir()
    out = out_dir / "p.pdf"
    _killed(".p.pdf.", "export-pdf", "--include-private", "--db", db_path, "--out", out)
    left = _hidden(out_dir)
    assert len(left) == 1 and left[0].startswith(".p.pdf.")  # the whole PDF, private notes too

    mine = out_dir / ".p.pdf.mine.tmp"  # the user's own file of a similar name
    mine.write_text("keep me")
    assert main(["check", "--db", str(db_path)]) == 0  # any next start

    assert _hidden(out_dir) == [".p.pdf.mine.tmp"]
    assert not (out_dir / "p.pdf").exists()


@pytest.mark.parametrize(
    "stage, argv",
    [
        (".partial", ["backup", "--db", "{db}", "--to", "{dir}/copy.db"]),
        (".recovered", ["restore", "{backup}", "--db", "{db}"]),
    ],
    ids=["backup", "restore"],
)
def test_a_killed_backup_or_restore_leaves_nothing_after_the_next_start(
    db_path, tmp_path, stage, argv
):
    backup = tmp_path / "keep.db"
    assert main(["backup", "--db", str(db_path), "--to", str(backup)]) == 0
    if stage == ".recovered":
        data = bytearray(db_path.read_bytes())
        data[4096 : 4096 * 6] = b"\xa5" * (4096 * 5)
        db_path.write_bytes(bytes(data))
    before = set(os.listdir(tmp_path))
    args = [a.format(db=db_path, dir=tmp_path, backup=backup) for a in argv]
    _killed(stage, *args)
    assert any(stage in name for name in set(os.listdir(tmp_path)) - before)

    leftovers.clean_up()

    after = set(os.listdir(tmp_path)) - before
    assert not any(stage in name or name.endswith("-journal") for name in after), after


def test_clean_up_never_touches_running_work_or_follows_a_link(tmp_path):
    victim = tmp_path / "notes.txt"
    victim.write_text("mine")
    link = tmp_path / ".notes.abc.tmp"
    link.symlink_to(victim)
    running = tmp_path / ".running.tmp"
    running.write_text("in progress")
    with leftovers.recorded(running):
        # A second process (the app, or another command) starting now.
        child = subprocess.run(
            [sys.executable, "-c", "from planner import leftovers; print(leftovers.clean_up())"],
            env=os.environ.copy(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert child.stdout.strip() == "[]"
        assert running.exists()
    # A record naming a link (not something the app makes) removes nothing through it.
    record = leftovers.records_dir() / "planted.txt"
    record.write_text(f"{link}\n")
    leftovers.clean_up()
    assert victim.read_text() == "mine"
    assert link.is_symlink()
