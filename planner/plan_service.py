"""What a user does to a whole plan, the same from the command line and the window:
open it for writing only when it is healthy, replace it after a backup, open the
sample. Plain Python: no Qt, no SQL."""

from __future__ import annotations

from pathlib import Path

from planner.domain.models import Plan
from planner.files import same_file
from planner.paths import local_data_dir
from planner.store import PlanStore, StoreError
from planner.store.errors import DamagedDatabaseError

SAMPLE_FILENAME = "sample-plan.db"


def open_checked(db_path: Path) -> PlanStore:
    """Opens the plan for writing after the same check the app runs at start-up, so
    a damaged plan, or another program's database, is never written to.

    Raises:
        DamagedDatabaseError: the plan failed its check (restore a backup).
        StoreError: the file is in use, newer, or not a plan.
    """
    from planner.store import recovery

    found = recovery.diagnose(db_path)
    if found.state == recovery.DAMAGED:
        raise DamagedDatabaseError(
            found.message.rstrip(".")
            + "; run 'leadership-planner check' to see which backup to restore."
        )
    if not found.can_open:
        raise StoreError(found.message)
    return PlanStore.open(db_path)


def replace_plan(store: PlanStore, plan: Plan) -> Path | None:
    """Backs up the plan in ``store`` (if it holds one), then replaces it with
    ``plan`` in one transaction.

    Returns:
        The backup taken, or ``None`` when the store held no plan (or is in memory).
    """
    from planner.store.backup import backup_before

    safety = backup_before(store, "import") if store.has_plan() else None
    store.replace_plan(plan)
    return safety


def sample_path(own: Path | None) -> Path:
    """Where the sample plan lives: a ``sample`` folder of its own in the app's data
    folder, made afresh each time, and never the user's own plan file."""
    path = local_data_dir() / "sample" / SAMPLE_FILENAME
    if own is not None and same_file(path, own):
        path = path.with_name("sample-plan-2.db")
    return path


def open_sample(own: Path | None) -> PlanStore:
    """A fresh sample plan in a file of its own, never mixed with the user's.

    The file is overwritten in one transaction, never deleted, so a mistake in its
    name can at worst replace an earlier sample.

    Raises:
        StoreError: the cache folder cannot be written (the message says why).
    """
    from planner.demo import demo_plan

    path = sample_path(own)
    if path.exists():
        from planner.store import recovery

        found = recovery.diagnose(path, quick=True)
        if found.state != recovery.OK:
            raise StoreError(f"The sample plan could not be opened: {found.message}")
    store = PlanStore.open(path)
    try:
        store.replace_plan(demo_plan())
    except BaseException:
        store.close()
        raise
    return store
