"""The case procedure as data: states, who owns each step, what it needs, and its deadline.

``procedure.yaml`` (shipped with the package, replaceable by a file of the same shape) is read by
:func:`jaganetral.knowledge.loader.load_procedure`, validated here,
and fails loudly. The functions here are pure: they never read the clock.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from jaganetral.knowledge.workdays import Due, HolidayCalendar, add_days

Role = Literal["admin", "pengawas", "verifikator", "pimpinan", "auditor"]
Requirement = Literal["klarifikasi", "sanksi", "keputusan_ppk"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Deadline(_Strict):
    days: int
    unit: Literal["hari", "hari_kerja"]
    basis: Literal["aturan", "kebijakan"]  # set by a rule, or the application's default
    source: str


class State(_Strict):
    id: str
    label: str
    owner: Role | None = None
    next: str | None = None
    action: str | None = None
    requires: list[Requirement] = []
    deadline: Deadline | None = None
    terminal: bool = False


class Stop(_Strict):
    owner: Role
    label: str


class SanctionOption(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    label: str
    for_: list[str] = Field(alias="for")
    basis: str


class Procedure(_Strict):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    schema_: int = Field(1, alias="schema")
    version: str
    states: list[State]
    stop: Stop
    sanctions: dict[str, SanctionOption]

    @model_validator(mode="after")
    def _check(self) -> Procedure:
        ids = [s.id for s in self.states]
        if len(set(ids)) != len(ids):
            raise ValueError("id langkah ganda")
        for s in self.states:
            if not s.terminal and (s.next not in ids or s.owner is None or s.action is None):
                raise ValueError(f"langkah {s.id}: 'next', 'owner' dan 'action' wajib; "
                                 "'next' harus menunjuk langkah yang ada")
        if "dihentikan" not in ids or "temuan" not in ids:
            raise ValueError("alur harus punya langkah 'temuan' dan 'dihentikan'")
        return self

    def state(self, state_id: str) -> State:
        for s in self.states:
            if s.id == state_id:
                return s
        raise KeyError(state_id)

    @property
    def first(self) -> State:
        return self.states[0]

    def labels(self) -> dict[str, str]:
        return {s.id: s.label for s in self.states}

    def sanctions_for(self, sanction_kind: str | None) -> dict[str, SanctionOption]:
        """The options for a violation form's sanction kind (all of them when unknown)."""
        if sanction_kind is None:
            return dict(self.sanctions)
        return {k: v for k, v in self.sanctions.items() if sanction_kind in v.for_}


def due_for(procedure: Procedure, calendar: HolidayCalendar, state_id: str,
            entered_on: dt.date) -> Due | None:
    """The deadline of a step entered on ``entered_on`` (None: the step has none)."""
    deadline = procedure.state(state_id).deadline
    if deadline is None:
        return None
    return add_days(calendar, entered_on, deadline.days, deadline.unit)


def parse_procedure(text: str, name: str = "procedure.yaml") -> Procedure:
    try:
        data = yaml.safe_load(text)
        if not isinstance(data, dict):
            raise ValueError("isi berkas bukan pemetaan YAML")
        return Procedure.model_validate(data)
    except (ValidationError, ValueError, TypeError, yaml.YAMLError) as exc:
        raise ValueError(f"{name}: alur penanganan tidak sah: {exc}") from exc
