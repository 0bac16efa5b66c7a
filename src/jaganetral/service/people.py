"""The employee and agency pages: one person or one agency with their findings and cases.

Scoped like every review service: a pimpinan opens only employees and agencies of their own
agencies (Forbidden otherwise). Opening an employee's page is personal data and is audited.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import RowMapping

from jaganetral.service.access import Forbidden, NotFound, Viewer, agency_clause
from jaganetral.service.audit import append_event
from jaganetral.service.store import Store
from jaganetral.store import case_repo, people_repo, registry_repo, review_repo
from jaganetral.store.tables_review import cases


@dataclass(frozen=True)
class EmployeePage:
    employee: RowMapping
    accounts: list[RowMapping]
    findings: list[RowMapping]
    cases: list[RowMapping]


@dataclass(frozen=True)
class AgencyPage:
    agency: RowMapping
    employees: list[RowMapping]
    cases: list[RowMapping]


def employee_page(store: Store, viewer: Viewer, employee_id: int) -> EmployeePage:
    with store.transaction() as conn:
        row = people_repo.employee(conn, employee_id)
        if row is None:
            raise NotFound(f"pegawai {employee_id} tidak ada")
        if not viewer.sees_agency(row["agency_id"]):
            raise Forbidden("pegawai ini di luar OPD wewenang Anda")
        append_event(conn, viewer.username, "pegawai.lihat", "pegawai", employee_id, {})
        return EmployeePage(row, registry_repo.accounts_of(conn, employee_id),
                            review_repo.employee_findings(conn, employee_id),
                            people_repo.cases_of_employee(conn, employee_id))


def agency_page(store: Store, viewer: Viewer, agency_id: int) -> AgencyPage:
    with store.read() as conn:
        row = people_repo.agency(conn, agency_id)
        if row is None:
            raise NotFound(f"OPD {agency_id} tidak ada")
        if not viewer.sees_agency(agency_id):
            raise Forbidden("OPD ini di luar wewenang Anda")
        return AgencyPage(row, people_repo.employees_of_agency(conn, agency_id),
                          case_repo.listing(conn, agency_clause(viewer, cases.c.agency_id), None, agency_id,
                                            None, 200, 0))
