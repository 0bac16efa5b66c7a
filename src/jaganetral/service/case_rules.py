"""What the case service needs to know besides the database: procedure, holidays, violation forms."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from jaganetral.config import Settings
from jaganetral.detect.model import WIB
from jaganetral.knowledge.loader import load_holidays, load_packs, load_procedure
from jaganetral.knowledge.procedure import Procedure, SanctionOption, due_for
from jaganetral.knowledge.workdays import Due, HolidayCalendar


@dataclass(frozen=True)
class FormInfo:
    code: str
    text: str
    skb_item: str
    sanction_kind: str
    sanction_text: str
    basis: str


@dataclass(frozen=True)
class CaseRules:
    procedure: Procedure
    calendar: HolidayCalendar
    forms: Mapping[str, FormInfo]

    def due(self, state: str, entered: dt.datetime) -> Due | None:
        return due_for(self.procedure, self.calendar, state, entered.astimezone(WIB).date())

    def sanctions(self, violation: str | None) -> dict[str, SanctionOption]:
        form = self.forms.get(violation or "")
        return self.procedure.sanctions_for(form.sanction_kind if form else None)


def load_case_rules(settings: Settings | None = None) -> CaseRules:
    kb = load_packs(settings.packs if settings else None)
    forms = {code: FormInfo(code, f.text, f.skb_item, f.sanction.kind, f.sanction.text, f.sanction.basis)
             for code, f in kb.forms.items()}
    return CaseRules(load_procedure(), load_holidays(), forms)


def today_wib(at: dt.datetime) -> dt.date:
    return at.astimezone(WIB).date()
