"""Queries behind the review screens: the finding queue, one finding in context, the dashboard.

Every query takes the caller's agency condition (``scope``), built by the service from the
viewer, so agency scoping happens in SQL, never after the rows are fetched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    RowMapping,
    Select,
    and_,
    func,
    literal_column,
    select,
)
from sqlalchemy.sql.util import find_tables

from jaganetral.store.tables import (
    accounts,
    activities,
    agencies,
    employees,
    findings,
    imports,
    vault_objects,
)
from jaganetral.store.tables_review import cases, finding_reviews

UNLINKED = "(akun belum tertaut ke pegawai)"  # the agency of a finding whose account has no employee


@dataclass(frozen=True)
class QueueQuery:
    agency_id: int | None = None
    violation: str | None = None
    platform: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    min_score: float | None = None
    status: str = "baru"  # baru (not triaged), ditolak, kasus, semua


def _joined(columns: Sequence[Any]) -> Select[Any]:
    return (select(*columns)
            .select_from(findings)
            .join(activities, activities.c.id == findings.c.activity_id)
            .outerjoin(accounts, accounts.c.id == findings.c.activity_account_id)
            .outerjoin(employees, employees.c.id == accounts.c.employee_id)
            .outerjoin(agencies, agencies.c.id == employees.c.agency_id)
            .outerjoin(finding_reviews, finding_reviews.c.finding_id == findings.c.id))


def _where(q: QueueQuery, scope: ColumnElement[bool]) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = [findings.c.current.is_(True), scope]
    if q.status == "baru":
        cond.append(finding_reviews.c.finding_id.is_(None))
    elif q.status in ("ditolak", "kasus"):
        cond.append(finding_reviews.c.decision == q.status)
    if q.agency_id is not None:
        cond.append(employees.c.agency_id == q.agency_id)
    if q.violation:
        cond.append(findings.c.violation == q.violation)
    if q.platform:
        cond.append(findings.c.activity_platform == q.platform)
    if q.since is not None:
        cond.append(findings.c.activity_at >= q.since)
    if q.until is not None:
        cond.append(findings.c.activity_at < q.until)
    if q.min_score is not None:
        cond.append(findings.c.score >= q.min_score)
    return cond


QUEUE_COLUMNS = (
    findings.c.id.label("finding_id"), findings.c.score, findings.c.violation, findings.c.stance,
    findings.c.targets, findings.c.contest, activities.c.platform, activities.c.kind,
    activities.c.created_at, func.substr(activities.c.text, 1, 400).label("text"),
    employees.c.id.label("employee_id"), employees.c.name.label("employee_name"),
    agencies.c.id.label("agency_id"), agencies.c.name.label("agency_name"),
    accounts.c.handle.label("handle"), finding_reviews.c.decision,
)


def queue(conn: Connection, q: QueueQuery, scope: ColumnElement[bool], limit: int, offset: int,
          count_cap: int | None = None) -> tuple[list[RowMapping], int, bool]:
    """One page of the queue, the number of matching findings and whether that number is exact.

    With ``count_cap``, counting stops after ``max(count_cap, offset + limit) + 1`` matches: the
    total is then that many minus one and not exact ("more than"). A filter on the platform or the
    agency otherwise has to visit every current finding's activity (a million-row table) per page.
    """
    cond = _where(q, scope)
    rows = conn.execute(_joined(QUEUE_COLUMNS).where(and_(*cond))
                        .order_by(findings.c.score.desc(), findings.c.id.desc())
                        .limit(limit).offset(offset)).mappings().all()
    stop = None if count_cap is None else max(count_cap, offset + limit) + 1
    total = int(conn.execute(_counted(cond, stop)).scalar_one())
    if stop is not None and total >= stop:
        return list(rows), stop - 1, False
    return list(rows), total, True


def _counted(cond: list[ColumnElement[bool]], stop: int | None = None) -> Select[Any]:
    """``count(*)`` of the queue (of its first ``stop`` rows), joining only the tables that the
    conditions use.

    Every join of :func:`_joined` is to one row at most (activity_id is a required foreign key, the
    others are outer joins on a key), so leaving out an unused one never changes the count; it
    spares the default queue's count a scan of all activities.
    """
    used = {t for c in cond for t in find_tables(c, check_columns=True)}
    for table, parent in ((agencies, employees), (employees, accounts)):
        if table in used:
            used.add(parent)
    source: Any = findings
    if activities in used:
        source = source.join(activities, activities.c.id == findings.c.activity_id)
    for table, on in ((accounts, accounts.c.id == findings.c.activity_account_id),
                      (employees, employees.c.id == accounts.c.employee_id),
                      (agencies, agencies.c.id == employees.c.agency_id),
                      (finding_reviews, finding_reviews.c.finding_id == findings.c.id)):
        if table in used:
            source = source.outerjoin(table, on)
    if stop is None:
        return select(func.count()).select_from(source).where(and_(*cond))
    first = select(findings.c.id).select_from(source).where(and_(*cond)).limit(stop).subquery()
    return select(func.count()).select_from(first)


def finding(conn: Connection, finding_id: int) -> RowMapping | None:
    cols = (findings, activities.c.platform, activities.c.kind, activities.c.created_at,
            activities.c.text, activities.c.target_text, activities.c.target_account,
            activities.c.target_group, activities.c.url, activities.c.media,
            activities.c.native_id, activities.c.source_sha256, activities.c.source_path,
            activities.c.locator, activities.c.import_id, activities.c.account_id,
            accounts.c.platform.label("account_platform"), accounts.c.handle,
            accounts.c.display_name, accounts.c.profile_url,
            employees.c.id.label("employee_id"), employees.c.name.label("employee_name"),
            employees.c.nip, employees.c.staff_number, employees.c.status.label("employee_status"),
            employees.c.position, agencies.c.id.label("agency_id"),
            agencies.c.name.label("agency_name"), finding_reviews.c.decision,
            finding_reviews.c.reason.label("review_reason"),
            finding_reviews.c.decided_at, imports.c.started_at.label("imported_at"),
            vault_objects.c.size.label("source_size"), cases.c.id.label("case_id"))
    query = (_joined(cols)
             .outerjoin(imports, imports.c.id == activities.c.import_id)
             .outerjoin(vault_objects, vault_objects.c.sha256 == activities.c.source_sha256)
             .outerjoin(cases, cases.c.finding_id == findings.c.id)
             .where(findings.c.id == finding_id))
    return conn.execute(query).mappings().one_or_none()


def employee_findings(conn: Connection, employee_id: int, limit: int = 50) -> list[RowMapping]:
    query = (_joined((*QUEUE_COLUMNS, cases.c.id.label("case_id"), cases.c.state))
             .outerjoin(cases, cases.c.finding_id == findings.c.id)
             .where(employees.c.id == employee_id, findings.c.current.is_(True))
             .order_by(activities.c.created_at.desc()).limit(limit))
    return list(conn.execute(query).mappings().all())


def _counts_source(columns: Sequence[Any]) -> Select[Any]:
    """The dashboard's source: findings with their agency, never the activities table."""
    return (select(*columns).select_from(findings)
            .outerjoin(accounts, accounts.c.id == findings.c.activity_account_id)
            .outerjoin(employees, employees.c.id == accounts.c.employee_id)
            .outerjoin(agencies, agencies.c.id == employees.c.agency_id))


def _week(conn: Connection) -> ColumnElement[Any]:
    """The Monday (WIB) of an activity's week, as text YYYY-MM-DD."""
    if conn.dialect.name == "postgresql":
        return literal_column(
            "to_char(date_trunc('week', findings.activity_at AT TIME ZONE 'Asia/Jakarta'), 'YYYY-MM-DD')")
    return literal_column(
        "date(findings.activity_at, '+7 hours', '-6 days', 'weekday 1')")


def counts_by(conn: Connection, key: str, scope: ColumnElement[bool], since: dt.datetime | None = None,
              until: dt.datetime | None = None) -> list[tuple[Any, int]]:
    """Current findings counted by agency, violation, platform or week (WIB; the Monday as YYYY-MM-DD),
    of activities from ``since`` (inclusive) to ``until`` (exclusive)."""
    columns: dict[str, ColumnElement[Any]] = {
        "agency": func.coalesce(agencies.c.name, literal_column(f"'{UNLINKED}'")),
        "violation": func.coalesce(findings.c.violation, literal_column("'-'")),
        "platform": findings.c.activity_platform,
        "week": _week(conn),
    }
    col = columns[key].label("k")
    cond = [findings.c.current.is_(True), scope]
    if since is not None:
        cond.append(findings.c.activity_at >= since)
    if until is not None:
        cond.append(findings.c.activity_at < until)
    query = (_counts_source([col, func.count().label("n")]).where(and_(*cond))
             .group_by(literal_column("k")).order_by(literal_column("k")))
    if key == "week":
        query = query.where(findings.c.activity_at.is_not(None))
    return [(r.k, int(r.n)) for r in conn.execute(query)]


def case_counts(conn: Connection, scope: ColumnElement[bool]) -> list[tuple[str, str, int]]:
    """Cases counted by agency name and state."""
    query = (select(func.coalesce(agencies.c.name, literal_column(f"'{UNLINKED}'")).label("a"),
                    cases.c.state, func.count().label("n"))
             .select_from(cases).outerjoin(agencies, agencies.c.id == cases.c.agency_id)
             .where(scope).group_by(literal_column("a"), cases.c.state))
    return [(r.a, r.state, int(r.n)) for r in conn.execute(query)]


def agencies_list(conn: Connection, scope: ColumnElement[bool]) -> list[RowMapping]:
    return list(conn.execute(select(agencies.c.id, agencies.c.code, agencies.c.name)
                             .where(scope).order_by(agencies.c.name)).mappings().all())
