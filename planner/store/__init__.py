"""The only code that speaks SQL: schema, migrations, queries and backups."""

from planner.store.errors import DamagedDatabaseError, NewerSchemaError, StoreError
from planner.store.plan_store import PlanStore

__all__ = ["DamagedDatabaseError", "NewerSchemaError", "PlanStore", "StoreError"]
