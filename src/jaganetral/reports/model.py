"""The renderers' whole input: frozen records, built by the service layer from the database.

Nothing here reads a clock, a file or the database. Every time is timezone-aware (a naive one is
refused: the renderers show times in WIB and cannot guess what a naive time meant). Any field
about a person or an account may be ``None`` when it is unknown; the renderers print
"(tidak diketahui)" for it. Totals of a recap are computed from its rows (``RecapData.totals``),
never passed in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Literal

ActivityKindName = Literal["post", "comment", "share", "like", "follow", "group_join"]
EmployeeStatus = Literal["PNS", "PPPK", "honorer"]

# Case states in workflow order: (field of AgencyRow, heading shown in the reports).
CASE_STATES: tuple[tuple[str, str], ...] = (
    ("temuan", "Temuan"),
    ("verifikasi", "Verifikasi"),
    ("klarifikasi", "Klarifikasi"),
    ("rekomendasi", "Rekomendasi"),
    ("tindak_lanjut", "Tindak Lanjut"),
    ("selesai", "Selesai"),
    ("dihentikan", "Dihentikan"),
)


def _require_aware(record: object) -> None:
    """Refuse naive datetimes in any field of ``record`` (dates are fine)."""
    for f in fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if isinstance(value, dt.datetime) and value.tzinfo is None:
            raise ValueError(f"{type(record).__name__}.{f.name} must be timezone-aware, got {value!r}")


@dataclass(frozen=True)
class Person:
    """Who generated or signs a report: a user of the system."""

    username: str
    full_name: str | None = None
    role: str | None = None  # jabatan, e.g. "Analis Kebijakan Ahli Muda"

    @property
    def display_name(self) -> str:
        return self.full_name or self.username


@dataclass(frozen=True)
class Employee:
    """The reported civil servant (terlapor)."""

    name: str | None = None
    nip: str | None = None  # NIP (PNS/PPPK) or a staff number (honorer)
    status: EmployeeStatus | None = None
    position: str | None = None
    agency: str | None = None


@dataclass(frozen=True)
class Account:
    platform: str | None = None
    handle: str | None = None
    profile_url: str | None = None


@dataclass(frozen=True)
class ActivityData:
    """What the account did."""

    platform: str | None
    kind: ActivityKindName
    created_at: dt.datetime | None
    text: str
    target_text: str | None = None
    target_account: str | None = None
    target_group: str | None = None
    url: str | None = None

    def __post_init__(self) -> None:
        _require_aware(self)


@dataclass(frozen=True)
class EvidenceSpan:
    """A span of the activity text that the detector relied on: ``text[start:end]``."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class FindingData:
    form_id: str  # violation form, e.g. "DS-06"
    form_title: str
    legal_basis: str
    score: float  # 0..1
    explanation: str
    detector_version: str
    pack_version: str
    stance: str | None = None
    contest: str | None = None
    targets: tuple[str, ...] = ()
    spans: tuple[EvidenceSpan, ...] = ()

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"score must be within 0..1, got {self.score!r}")


@dataclass(frozen=True)
class EvidenceSource:
    """Where the activity came from: the imported file and the record inside it."""

    file_sha256: str
    archive_path: str | None = None
    locator: str | None = None
    captured_at: dt.datetime | None = None

    def __post_init__(self) -> None:
        _require_aware(self)


@dataclass(frozen=True)
class TimelineEvent:
    at: dt.datetime
    actor: str
    action: str
    from_state: str | None = None
    to_state: str | None = None
    note: str | None = None

    def __post_init__(self) -> None:
        _require_aware(self)


@dataclass(frozen=True)
class DocumentData:
    filename: str
    kind: str
    sha256: str
    uploaded_at: dt.datetime
    uploaded_by: str

    def __post_init__(self) -> None:
        _require_aware(self)


@dataclass(frozen=True)
class Deadline:
    step: str
    due: dt.date
    overdue: bool = False


@dataclass(frozen=True)
class CaseReportData:
    case_number: str
    state: str  # Indonesian state name, e.g. "klarifikasi"
    opened_at: dt.datetime
    generated_at: dt.datetime
    generated_by: Person
    office: str  # region or office, e.g. "Kabupaten Bangka Selatan"
    employee: Employee
    account: Account
    activity: ActivityData
    finding: FindingData
    source: EvidenceSource | None = None
    timeline: tuple[TimelineEvent, ...] = ()
    documents: tuple[DocumentData, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    proposed_sanction: str | None = None
    ppk_decision: str | None = None
    unit: str | None = None  # the supervising unit, e.g. "Badan Kesatuan Bangsa dan Politik"
    place: str | None = None  # city on the signature line, e.g. "Toboali"

    def __post_init__(self) -> None:
        _require_aware(self)


@dataclass(frozen=True)
class AgencyRow:
    """One agency (OPD) of a recap: findings and cases per state."""

    agency: str
    findings: int = 0
    temuan: int = 0
    verifikasi: int = 0
    klarifikasi: int = 0
    rekomendasi: int = 0
    tindak_lanjut: int = 0
    selesai: int = 0
    dihentikan: int = 0
    overdue: int = 0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name != "agency" and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
                raise ValueError(f"AgencyRow.{f.name} must be a non-negative int, got {value!r}")

    @property
    def cases(self) -> int:
        """All cases of the agency, whatever their state."""
        return sum(self.state_counts())

    def state_counts(self) -> tuple[int, ...]:
        """Cases per state, in ``CASE_STATES`` order."""
        return tuple(int(getattr(self, name)) for name, _ in CASE_STATES)


@dataclass(frozen=True)
class FormCount:
    form_id: str
    title: str
    count: int


@dataclass(frozen=True)
class PlatformCount:
    platform: str
    count: int


@dataclass(frozen=True)
class WeekCount:
    """Findings in one ISO week."""

    year: int
    week: int
    count: int

    @property
    def label(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @property
    def monday(self) -> dt.date:
        return dt.date.fromisocalendar(self.year, self.week, 1)


@dataclass(frozen=True)
class RecapData:
    title: str
    period_start: dt.date
    period_end: dt.date
    generated_at: dt.datetime
    generated_by: Person
    scope: tuple[str, ...] = ()  # agency names; empty means every agency ("Semua OPD")
    office: str | None = None
    rows: tuple[AgencyRow, ...] = ()
    forms: tuple[FormCount, ...] = ()
    platforms: tuple[PlatformCount, ...] = ()
    weeks: tuple[WeekCount, ...] = ()

    def __post_init__(self) -> None:
        _require_aware(self)
        if self.period_end < self.period_start:
            raise ValueError("period_end is before period_start")

    @property
    def scope_label(self) -> str:
        return ", ".join(self.scope) if self.scope else "Semua OPD"

    def totals(self) -> AgencyRow:
        """The TOTAL row: every column summed over ``rows``."""
        names = [f.name for f in fields(AgencyRow) if f.name != "agency"]
        sums = {name: sum(int(getattr(r, name)) for r in self.rows) for name in names}
        return AgencyRow("TOTAL", **sums)

    def forms_total(self) -> int:
        return sum(f.count for f in self.forms)

    def platforms_total(self) -> int:
        return sum(p.count for p in self.platforms)

    def weeks_total(self) -> int:
        return sum(w.count for w in self.weeks)
