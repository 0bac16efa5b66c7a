"""Rows of cases, their events and documents (the service layer commits)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import ColumnElement, Connection, RowMapping, and_, insert, select, update

from jaganetral.store.tables import agencies, employees
from jaganetral.store.tables_review import case_documents, case_events, cases, users


def create(conn: Connection, values: Mapping[str, Any], year: int) -> tuple[int, str]:
    """Insert a case; its number (JN-<year>-<id>) comes from its id, so it is unique."""
    case_id = int(conn.execute(insert(cases).values(dict(values, number=f"tmp-{values['finding_id']}"))
                               .returning(cases.c.id)).scalar_one())
    number = f"JN-{year}-{case_id:06d}"
    conn.execute(update(cases).where(cases.c.id == case_id).values(number=number))
    return case_id, number


def get(conn: Connection, case_id: int, for_update: bool = False) -> RowMapping | None:
    query = select(cases).where(cases.c.id == case_id)
    if for_update and conn.dialect.name == "postgresql":
        query = query.with_for_update()
    return conn.execute(query).mappings().one_or_none()


def change(conn: Connection, case_id: int, values: Mapping[str, Any]) -> None:
    conn.execute(update(cases).where(cases.c.id == case_id).values(dict(values)))


def add_event(conn: Connection, values: Mapping[str, Any]) -> int:
    return int(conn.execute(insert(case_events).values(dict(values)).returning(case_events.c.id))
               .scalar_one())


def events(conn: Connection, case_id: int) -> list[RowMapping]:
    query = (select(case_events, users.c.username, users.c.full_name, users.c.role)
             .join(users, users.c.id == case_events.c.user_id)
             .where(case_events.c.case_id == case_id).order_by(case_events.c.id))
    return list(conn.execute(query).mappings().all())


def add_document(conn: Connection, values: Mapping[str, Any]) -> int:
    return int(conn.execute(insert(case_documents).values(dict(values))
                            .returning(case_documents.c.id)).scalar_one())


def documents(conn: Connection, case_id: int) -> list[RowMapping]:
    query = (select(case_documents, users.c.username)
             .join(users, users.c.id == case_documents.c.user_id)
             .where(case_documents.c.case_id == case_id).order_by(case_documents.c.id))
    return list(conn.execute(query).mappings().all())


def document(conn: Connection, document_id: int) -> RowMapping | None:
    return conn.execute(select(case_documents).where(case_documents.c.id == document_id)).mappings().one_or_none()


def listing(conn: Connection, scope: ColumnElement[bool], state: str | None, agency_id: int | None,
            overdue_before: dt.date | None, limit: int, offset: int) -> list[RowMapping]:
    cond: list[ColumnElement[bool]] = [scope]
    if state:
        cond.append(cases.c.state == state)
    if agency_id is not None:
        cond.append(cases.c.agency_id == agency_id)
    if overdue_before is not None:
        cond.append(and_(cases.c.due_on.is_not(None), cases.c.due_on < overdue_before))
    query = (select(cases, employees.c.name.label("employee_name"), agencies.c.name.label("agency_name"))
             .outerjoin(employees, employees.c.id == cases.c.employee_id)
             .outerjoin(agencies, agencies.c.id == cases.c.agency_id)
             .where(and_(*cond)).order_by(cases.c.due_on.is_(None), cases.c.due_on, cases.c.id)
             .limit(limit).offset(offset))
    return list(conn.execute(query).mappings().all())
