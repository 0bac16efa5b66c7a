"""Case report and recap built from the store, rendered, and read back."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pypdf
import pytest
from sqlalchemy import select

from integration.review.seed import World
from jaganetral.reports import render_case_pdf, render_recap_pdf, render_recap_xlsx
from jaganetral.service import cases, report_data
from jaganetral.service.access import Forbidden, InvalidAction
from jaganetral.service.case_rules import CaseRules
from jaganetral.service.store import Store
from jaganetral.store.tables_review import audit_events


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def test_case_report_has_the_case_facts_and_is_audited(store: Store, world: World, rules: CaseRules) -> None:
    v = world.viewers
    case_id = cases.open_case(store, v["pengawas"], world.findings_a[0], "dukungan paslon", rules)
    cases.act(store, v["verifikator"], case_id, "lanjut", {}, rules)
    data = report_data.case_report(store, v["pimpinan_a"], case_id, rules, office="Kabupaten Contoh")
    assert data.employee.nip == "198703122010011001" and data.employee.agency == "Dinas Contoh Satu"
    assert data.finding.spans and all(data.activity.text[s.start:s.end] == s.text for s in data.finding.spans)
    assert [e.action for e in data.timeline] == ["Kasus dibuka", "Pindah tahap"]
    assert data.source is not None and len(data.source.file_sha256) == 64
    text = pdf_text(render_case_pdf(data))
    assert data.case_number in text and "198703122010011001" in text and data.source.file_sha256 in text
    with pytest.raises(Forbidden):
        report_data.case_report(store, v["pimpinan_b"], case_id, rules)
    with store.read() as conn:
        actions = [r[0] for r in conn.execute(select(audit_events.c.action))]
    assert actions.count("kasus.laporan") == 1


def test_recap_counts_match_the_store(store: Store, world: World, rules: CaseRules) -> None:
    v = world.viewers
    cases.open_case(store, v["pengawas"], world.findings_b[0], "", rules)
    today = dt.date.today()
    data = report_data.recap(store, v["admin"], rules, dt.date(2024, 1, 1), today + dt.timedelta(days=1))
    rows = {r.agency: r for r in data.rows}
    assert rows["Dinas Contoh Satu"].findings == len(world.findings_a)
    assert rows["Dinas Contoh Dua"].findings == len(world.findings_b) and rows["Dinas Contoh Dua"].temuan == 1
    assert data.totals().findings == len(world.findings_a) + len(world.findings_b)
    assert data.forms_total() == data.platforms_total() == data.weeks_total() == data.totals().findings
    assert data.scope == ()
    book = openpyxl.load_workbook(io.BytesIO(render_recap_xlsx(data)))
    assert "Rekap per OPD" in book.sheetnames
    assert "TOTAL" in pdf_text(render_recap_pdf(data))
    scoped = report_data.recap(store, v["pimpinan_b"], rules, dt.date(2024, 1, 1), today)
    assert [r.agency for r in scoped.rows] == ["Dinas Contoh Dua"] and scoped.scope == ("Dinas Contoh Dua",)
    early = report_data.recap(store, v["admin"], rules, dt.date(2023, 1, 1), dt.date(2023, 12, 31))
    assert early.totals().findings == 0
    with pytest.raises(InvalidAction):
        report_data.recap(store, v["admin"], rules, today, dt.date(2020, 1, 1))
