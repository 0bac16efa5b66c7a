"""Cases of a period recap per agency and state, with how many are overdue.

The findings of a recap are counted by :func:`jaganetral.store.review_repo.counts_by`.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ColumnElement, Connection, and_, case, func, literal_column, select

from jaganetral.store.review_repo import UNLINKED
from jaganetral.store.tables import agencies
from jaganetral.store.tables_review import cases


def case_counts(conn: Connection, scope: ColumnElement[bool], start: dt.datetime, end: dt.datetime,
                today: dt.date) -> list[tuple[str, str, int, int]]:
    """(agency, state, cases, overdue) for cases opened in the period."""
    agency = func.coalesce(agencies.c.name, literal_column(f"'{UNLINKED}'")).label("a")
    overdue = func.sum(case((and_(cases.c.due_on.is_not(None), cases.c.due_on < today), 1), else_=0))
    query = (select(agency, cases.c.state, func.count().label("n"), overdue.label("late"))
             .select_from(cases).outerjoin(agencies, agencies.c.id == cases.c.agency_id)
             .where(scope, cases.c.opened_at >= start, cases.c.opened_at < end)
             .group_by(literal_column("a"), cases.c.state))
    return [(r.a, r.state, int(r.n), int(r.late or 0)) for r in conn.execute(query)]
