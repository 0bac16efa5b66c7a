"""Counts for a period recap: findings per agency, form, platform and week; cases per agency and state."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import ColumnElement, Connection, and_, case, func, literal_column, select

from jaganetral.store.tables import accounts, activities, agencies, employees, findings
from jaganetral.store.tables_review import cases

UNLINKED = "(akun belum tertaut ke pegawai)"


def _findings_base(columns: list[Any]) -> Any:
    return (select(*columns).select_from(findings)
            .join(activities, activities.c.id == findings.c.activity_id)
            .outerjoin(accounts, accounts.c.id == activities.c.account_id)
            .outerjoin(employees, employees.c.id == accounts.c.employee_id)
            .outerjoin(agencies, agencies.c.id == employees.c.agency_id))


def finding_counts(conn: Connection, key: str, scope: ColumnElement[bool], start: dt.datetime,
                   end: dt.datetime) -> list[tuple[Any, int]]:
    cols = {"agency": func.coalesce(agencies.c.name, literal_column(f"'{UNLINKED}'")),
            "violation": func.coalesce(findings.c.violation, literal_column("'-'")),
            "platform": activities.c.platform}
    col = cols[key].label("k")
    query = (_findings_base([col, func.count().label("n")])
             .where(findings.c.current.is_(True), scope, activities.c.created_at >= start,
                    activities.c.created_at < end)
             .group_by(literal_column("k")).order_by(literal_column("k")))
    return [(r.k, int(r.n)) for r in conn.execute(query)]


def finding_times(conn: Connection, scope: ColumnElement[bool], start: dt.datetime,
                  end: dt.datetime) -> list[dt.datetime]:
    """Times of the period's findings' activities (for ISO weeks in WIB; a recap is small)."""
    query = (_findings_base([activities.c.created_at])
             .where(findings.c.current.is_(True), scope, activities.c.created_at >= start,
                    activities.c.created_at < end))
    return [r[0] for r in conn.execute(query)]


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
