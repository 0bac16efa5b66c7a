"""Queries behind the employee and agency pages. Functions never commit."""

from __future__ import annotations

from sqlalchemy import Connection, RowMapping, and_, func, select

from jaganetral.store.tables import accounts, activities, agencies, employees, findings
from jaganetral.store.tables_review import cases


def employee(conn: Connection, employee_id: int) -> RowMapping | None:
    query = (select(employees, agencies.c.name.label("agency_name"), agencies.c.code.label("agency_code"))
             .join(agencies, agencies.c.id == employees.c.agency_id).where(employees.c.id == employee_id))
    return conn.execute(query).mappings().first()


def agency(conn: Connection, agency_id: int) -> RowMapping | None:
    return conn.execute(select(agencies).where(agencies.c.id == agency_id)).mappings().first()


def cases_of_employee(conn: Connection, employee_id: int) -> list[RowMapping]:
    query = select(cases).where(cases.c.employee_id == employee_id).order_by(cases.c.opened_at.desc())
    return list(conn.execute(query).mappings())


def employees_of_agency(conn: Connection, agency_id: int, limit: int = 500) -> list[RowMapping]:
    """The agency's employees with their current findings counted, most findings first."""
    counted = (select(accounts.c.employee_id.label("employee_id"), func.count(findings.c.id).label("n"))
               .select_from(findings)
               .join(activities, activities.c.id == findings.c.activity_id)
               .join(accounts, accounts.c.id == activities.c.account_id)
               .where(findings.c.current.is_(True), accounts.c.employee_id.is_not(None))
               .group_by(accounts.c.employee_id).subquery())
    query = (select(employees.c.id, employees.c.name, employees.c.nip, employees.c.staff_number,
                    employees.c.status, employees.c.position, func.coalesce(counted.c.n, 0).label("findings"))
             .outerjoin(counted, counted.c.employee_id == employees.c.id)
             .where(and_(employees.c.agency_id == agency_id))
             .order_by(func.coalesce(counted.c.n, 0).desc(), employees.c.name).limit(limit))
    return list(conn.execute(query).mappings())
