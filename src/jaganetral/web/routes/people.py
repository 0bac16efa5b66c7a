"""Pegawai and OPD pages."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from jaganetral.service import people
from jaganetral.web.deps import CurrentUser, RulesDep, StoreDep
from jaganetral.web.templating import render

router = APIRouter()


@router.get("/pegawai/{employee_id}")
def employee(request: Request, employee_id: int, viewer: CurrentUser, store: StoreDep, rules: RulesDep) -> Response:
    page = people.employee_page(store, viewer, employee_id)
    return render(request, "employee.html", {"p": page, "e": page.employee, "forms": rules.forms,
                                             "states": rules.procedure.labels()})


@router.get("/opd/{agency_id}")
def agency(request: Request, agency_id: int, viewer: CurrentUser, store: StoreDep, rules: RulesDep) -> Response:
    page = people.agency_page(store, viewer, agency_id)
    return render(request, "agency.html", {"p": page, "a": page.agency, "states": rules.procedure.labels()})
