"""What a review's agreed actions became, for ``PlanStore``: links from an agreed line
to the goal (by uid) or the goal's action (by id) it was made into."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING

from planner.domain.models import Review, ReviewLink
from planner.domain.review_actions import agreed_lines
from planner.store.errors import StoreError

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    from sqlite_utils import Database


class ReviewLinkQueries:
    db: Database

    def atomic(self) -> AbstractContextManager[Database]: ...  # provided by PlanStore

    def _links(self, review_id: int | None = None) -> dict[int, list[ReviewLink]]:
        """Each review's links, with the action as its place in the goal's checklist.

        A link to an action since removed from its goal is left out (the line is free
        to be tracked again) but kept in the table, so undoing the removal brings it
        back; a link to a deleted goal stays, so the review can say so.
        """
        sql = (
            "SELECT l.review_id, l.line, l.goal_uid, l.action_id, g.id, a.position "
            "FROM review_links l LEFT JOIN goals g ON g.uid = l.goal_uid "
            "LEFT JOIN goal_actions a ON a.id = l.action_id AND a.goal_id = g.id"
        )
        params: list = []
        if review_id is not None:
            sql += " WHERE l.review_id = ?"
            params.append(review_id)
        found: dict[int, list[ReviewLink]] = defaultdict(list)
        for rid, line, uid, action_id, goal_id, position in self.db.execute(sql, params):
            if action_id is not None and goal_id is not None and position is None:
                continue
            found[rid].append(ReviewLink(line, uid, position))
        return found

    def _with_links(self, reviews: list[Review]) -> list[Review]:
        """``reviews`` with their links, in the order of their agreed lines; links of
        lines no longer in the review (edited away, perhaps to be undone) are left out."""
        if not reviews:
            return reviews
        links = self._links(reviews[0].id if len(reviews) == 1 else None)
        for review in reviews:
            mine = links.get(review.id)
            if mine:
                order = {line: i for i, line in reversed(list(enumerate(agreed_lines(review))))}
                kept = [link for link in mine if link.line in order]
                review.links = tuple(sorted(kept, key=lambda link: order[link.line]))
        return reviews

    def set_review_link(
        self, review_id: int, line: str, link: ReviewLink | None
    ) -> ReviewLink | None:
        """Records what the agreed ``line`` of a review became (None: nothing).

        Returns:
            The link the line had before, so that an undo can put it back.

        Raises:
            StoreError: the review, or the action linked to, no longer exists.
        """
        with self.atomic() as db:
            if db.execute("SELECT 1 FROM reviews WHERE id = ?", [review_id]).fetchone() is None:
                raise StoreError("That review no longer exists.")
            before = next(
                (old for old in self._links(review_id).get(review_id, []) if old.line == line),
                None,
            )
            db.execute(
                "DELETE FROM review_links WHERE review_id = ? AND line = ?", [review_id, line]
            )
            if link is not None:
                self._write_links(db, [(review_id, link)])
        return before

    def _write_links(self, db: Database, links: Iterable[tuple[int, ReviewLink]]) -> None:
        rows = []
        for review_id, link in links:
            action_id = None
            if link.action is not None:
                row = db.execute(
                    "SELECT a.id FROM goal_actions a JOIN goals g ON g.id = a.goal_id "
                    "WHERE g.uid = ? AND a.position = ?",
                    [link.goal, link.action],
                ).fetchone()
                if row is None and self.db.execute(
                    "SELECT 1 FROM goals WHERE uid = ?", [link.goal]
                ).fetchone():
                    raise StoreError("That action is no longer in its goal.")
                action_id = row[0] if row else None
            rows.append((review_id, link.line, link.goal, action_id))
        db.conn.executemany(
            "INSERT OR REPLACE INTO review_links (review_id, line, goal_uid, action_id) "
            "VALUES (?, ?, ?, ?)",
            rows,
        )
