"""The employee registry: importing a roster, linking an account to an employee, showing an employee.

A roster is stored in one transaction: all of it, or (when anything raises) nothing. Strict (the
default): one rejected row and nothing is stored; the valid rows are still checked against the registry,
in a transaction then rolled back, so that every problem is reported at once. ``partial`` stores the
valid rows and reports the others. Importing the same roster again changes nothing.

An employee is found by NIP (PNS, PPPK) or by employee number (honorer); a honorer whose number now
comes with a NIP was appointed PPPK/PNS and is updated, not duplicated. An account belongs to one
person: a declared account linked to another employee rejects the row. A roster only adds: accounts and
relatives it no longer lists are kept. Reasons name rows, columns, NIPs and numbers, never a person.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, RowMapping

from jaganetral.ingest.account_urls import LABELS as PLATFORM_LABELS
from jaganetral.ingest.account_urls import PLATFORMS, DeclaredAccount, InvalidAccount, parse_account
from jaganetral.ingest.roster import LABELS, RejectedRow, RosterResult, RosterRow, read_roster
from jaganetral.service.audit import append_event
from jaganetral.service.store import Store, now
from jaganetral.store import registry_repo

# roster field -> the column it is stored in (for length limits)
_COLUMNS = {"name": "employees.name", "position": "employees.position", "employee_number": "employees.staff_number",
            "agency_name": "agencies.name", "agency_code": "agencies.code"}


class RegistryError(Exception):
    """A registry request that cannot be done; the message (Bahasa Indonesia) says why."""


class AccountTaken(RegistryError):
    """The account is already linked to another employee."""


@dataclass
class RosterImportReport:
    """What an import did. Counts are of what was stored: all zero when nothing was (``applied`` False)."""

    applied: bool
    rows: int = 0  # valid rows read from the file
    agencies: int = 0
    employees_created: int = 0
    employees_updated: int = 0
    employees_unchanged: int = 0
    accounts_created: int = 0
    accounts_linked: int = 0
    relatives: int = 0
    rejected: list[RejectedRow] = dataclasses.field(default_factory=list)
    sheet: str | None = None

    def to_json(self) -> dict[str, Any]:
        counts = ("agencies", "employees_created", "employees_updated", "employees_unchanged", "accounts_created",
                  "accounts_linked", "relatives")
        return {"applied": self.applied, **{k: getattr(self, k) for k in counts},
                "rejected": [{"row": r.row_number, "reason": r.reason} for r in self.rejected]}


class _Rollback(Exception):
    """Raised inside the transaction of a strict import that rejected rows: nothing is kept."""


def import_roster(store: Store, path: Path, today: dt.date, partial: bool = False,
                  actor: str = "sistem") -> RosterImportReport:
    """Read the roster at ``path`` and store it; RosterError (nothing stored) when it cannot be read.

    A roster that is stored is an audit event of ``actor`` (counts only, no names), in the same
    transaction as the rows.
    """
    result = read_roster(path, today)
    run = _Import(result, now())
    try:
        with store.transaction() as conn:
            before = registry_repo.count_rows(conn)["agencies"]
            for row in result.rows:
                run.row(conn, row)
            run.report.agencies = registry_repo.count_rows(conn)["agencies"] - before
            rejected = sorted(result.rejected + run.rejected, key=lambda r: r.row_number)
            if rejected and not partial:
                raise _Rollback
            run.report.applied = True
            run.report.rejected = rejected
            append_event(conn, actor, "registri.impor", "registri", path.suffix.lstrip(".") or "berkas",
                         {k: v for k, v in run.report.to_json().items() if isinstance(v, int)})
    except _Rollback:
        return RosterImportReport(applied=False, rows=len(result.rows), rejected=rejected, sheet=result.sheet)
    return run.report


class _Import:
    """Stores valid roster rows one by one in the caller's transaction, counting what it does."""

    def __init__(self, result: RosterResult, when: dt.datetime) -> None:
        self.labels, self.now = result.labels, when
        self.report = RosterImportReport(applied=False, rows=len(result.rows), sheet=result.sheet)
        self.rejected: list[RejectedRow] = []
        self.claimed: dict[int, int] = {}  # account id -> the row of this import that declared it
        self.agencies: dict[tuple[str, str | None], int] = {}  # (name, code) already stored by this import
        self.limits = registry_repo.text_limits()

    def label(self, field: str) -> str:
        return self.labels.get(field) or LABELS[field]

    def row(self, conn: Connection, row: RosterRow) -> None:
        target, problem = self._employee(conn, row)
        errors = [p for p in (problem, self._agency_code(conn, row)) if p] + self._too_long(row)
        own_id = int(target["id"]) if target is not None else None
        found: list[tuple[DeclaredAccount, int | None, int | None]] = []  # account, its id and owner if stored
        for account in row.accounts:
            account_id = registry_repo.find_account(conn, account.platform, account.handle, account.numeric_id, None)
            owner = registry_repo.account_row(conn, account_id)["employee_id"] if account_id is not None else None
            if account_id is not None and owner is not None and owner != own_id:
                errors.append(f"kolom {self.label(account.platform)}: akun {describe(account)} "
                              f"{self._owner(conn, account_id, int(owner))}; satu akun hanya milik satu orang")
            found.append((account, account_id, owner))
        if errors:
            ident = row.nip.value if row.nip else row.employee_number or f"baris {row.row_number}"
            self.rejected.append(RejectedRow(row.row_number, f"baris {row.row_number}: " + "; ".join(errors), ident))
            return
        agency = self.agencies.get((row.agency_name, row.agency_code))
        if agency is None:
            agency = registry_repo.agency_id(conn, row.agency_name, row.agency_code, self.now)
            self.agencies[(row.agency_name, row.agency_code)] = agency
        employee_id = self._save(conn, row, target, agency)
        for account, account_id, owner in found:
            if account_id is None:
                account_id = registry_repo.add_account(conn, account.platform, account.handle, account.numeric_id,
                                                       None, account.profile_url, self.now, employee_id=employee_id)
                self.report.accounts_created += 1
            elif owner is None and account_id not in self.claimed:  # two declared may name one stored account
                registry_repo.link_account(conn, account_id, employee_id)
                self.report.accounts_linked += 1
            self.claimed[account_id] = row.row_number
        known = {r["name"] for r in registry_repo.relatives_of(conn, employee_id)} if row.relatives else set()
        for relative in row.relatives:
            if relative.name not in known:
                registry_repo.add_relative(conn, employee_id, relative.name, relative.relationship, self.now)
                known.add(relative.name)
                self.report.relatives += 1

    def _too_long(self, row: RosterRow) -> list[str]:
        out = []
        for field, column in _COLUMNS.items():
            value = getattr(row, field)
            if value is not None and len(value) > self.limits[column]:
                out.append(f"kolom {self.label(field)}: terlalu panjang ({len(value)} karakter, "
                           f"paling banyak {self.limits[column]})")
        for number, relative in enumerate(row.relatives, 1):
            relation = relative.relationship or ""
            if len(relative.name) > self.limits["relatives.name"] or len(relation) > self.limits["relatives.relation"]:
                out.append(f"kolom {self.label('relatives')}: kerabat ke-{number} terlalu panjang "
                           f"(nama paling banyak {self.limits['relatives.name']} karakter, hubungan "
                           f"{self.limits['relatives.relation']})")
        return out

    def _employee(self, conn: Connection, row: RosterRow) -> tuple[RowMapping | None, str | None]:
        """The stored employee this row is (None: new), or a reason the row cannot be stored."""
        number = row.employee_number
        by_number = registry_repo.employee_by(conn, staff_number=number) if number else None
        where = f"kolom {self.label('employee_number')}: nomor pegawai {number}"
        if row.nip is None:  # honorer
            if by_number is not None and by_number["nip"] is not None:
                nip = by_number["nip"]
                return None, f"{where} tercatat untuk pegawai ber-NIP {nip}: tenaga honorer tidak memiliki NIP"
            return by_number, None
        by_nip = registry_repo.employee_by(conn, nip=row.nip.value)
        if by_number is None or (by_nip is not None and by_number["id"] == by_nip["id"]):
            return by_nip, None
        if by_nip is None and by_number["nip"] is None:
            return by_number, None  # a honorer since appointed: the same number, now with a NIP
        return None, f"{where} sudah tercatat untuk pegawai lain ({who(by_number)})"

    def _agency_code(self, conn: Connection, row: RosterRow) -> str | None:
        if not row.agency_code or (row.agency_name, row.agency_code) in self.agencies:
            return None
        other = registry_repo.agency_by_code(conn, row.agency_code)
        if other is None or str(other["name"]).lower() == " ".join(row.agency_name.split()).lower():
            return None
        label, name = self.label("agency_code"), other["name"]
        return f"kolom {label}: kode {row.agency_code} sudah tercatat untuk OPD lain ({name})"

    def _owner(self, conn: Connection, account_id: int, owner_id: int) -> str:
        if account_id in self.claimed:
            return f"juga dicantumkan untuk pegawai di baris {self.claimed[account_id]}"
        owner = registry_repo.employee_by(conn, employee_id=owner_id)
        return f"sudah tertaut ke pegawai lain ({who(owner) if owner is not None else 'tidak dikenal'})"

    def _save(self, conn: Connection, row: RosterRow, target: RowMapping | None, agency: int) -> int:
        values: dict[str, Any] = {"nip": row.nip.value if row.nip else None, "name": row.name, "status": row.status,
                                  "position": row.position, "agency_id": agency}
        if row.employee_number is not None or row.nip is None:  # an ASN's number is kept when left out
            values["staff_number"] = row.employee_number
        pending = [row.nip.value if row.nip else "", row.employee_number or ""]
        if target is None:
            employee_id, _ = registry_repo.save_employee(conn, values, self.now)
            self.report.employees_created += 1
            self.report.accounts_linked += registry_repo.link_pending_owner(conn, pending, employee_id)
            return employee_id
        employee_id = int(target["id"])
        self.report.accounts_linked += registry_repo.link_pending_owner(conn, pending, employee_id)
        if any(target[k] != v for k, v in values.items()):
            registry_repo.update_employee(conn, employee_id, values, self.now)
            self.report.employees_updated += 1
        else:
            self.report.employees_unchanged += 1
        return employee_id


def describe(account: DeclaredAccount) -> str:
    """ "Instagram @budi", "Facebook ID 1000123", "WhatsApp 62812…": how an account is named in messages."""
    label = PLATFORM_LABELS[account.platform]
    if account.handle:
        return f"{label} @{account.handle}"
    return f"{label} {account.numeric_id}" if account.platform == "whatsapp" else f"{label} ID {account.numeric_id}"


def who(employee: RowMapping) -> str:
    """An employee as messages name them: by NIP or employee number, never by name."""
    return f"NIP {employee['nip']}" if employee["nip"] else f"nomor pegawai {employee['staff_number']}"


@dataclass(frozen=True)
class LinkResult:
    account: DeclaredAccount
    employee: str  # "NIP …" or "nomor pegawai …"
    created: bool  # the account was not in the registry yet
    changed: bool  # False: it was already linked to this employee


def link_account_to_employee(store: Store, platform: str, handle_or_url: str, nip: str) -> LinkResult:
    """Link the account (handle, @handle, profile URL or phone number) to the employee with this NIP or
    honorer number, recording the account when new. AccountTaken when it belongs to someone else."""
    chosen = next((p for p in PLATFORMS if p == platform), None)
    if chosen is None:
        raise RegistryError(f"platform {platform!r} tidak dikenal: pilih {', '.join(PLATFORMS)}")
    try:
        account = parse_account(chosen, handle_or_url)
    except InvalidAccount as exc:
        raise RegistryError(str(exc)) from None
    with store.transaction() as conn:
        employee = registry_repo.employee_by_identifier(conn, nip)
        if employee is None:
            raise RegistryError(f"pegawai dengan NIP/nomor {nip.strip()!r} tidak ada di registri: impor dulu daftar "
                                "pegawai (jaganetral registry import)")
        employee_id = int(employee["id"])
        found = registry_repo.find_account(conn, chosen, account.handle, account.numeric_id, None)
        if found is None:
            registry_repo.add_account(conn, chosen, account.handle, account.numeric_id, None, account.profile_url,
                                      now(), employee_id=employee_id)
            return LinkResult(account, who(employee), created=True, changed=True)
        registry_repo.complete_account(conn, found, account.handle, account.numeric_id)
        owner = registry_repo.account_row(conn, found)["employee_id"]
        if owner is not None and owner != employee_id:
            other = registry_repo.employee_by(conn, employee_id=int(owner))
            raise AccountTaken(f"akun {describe(account)} sudah tertaut ke pegawai lain "
                               f"({who(other) if other is not None else 'tidak dikenal'}); satu akun hanya milik "
                               "satu orang")
        if owner is None:
            registry_repo.link_account(conn, found, employee_id)
        return LinkResult(account, who(employee), created=False, changed=owner is None)


@dataclass(frozen=True)
class EmployeeProfile:
    """An employee as the registry holds them (personal data: for the operator only)."""

    name: str
    nip: str | None
    staff_number: str | None
    status: str
    position: str | None
    agency: str
    agency_code: str | None
    accounts: tuple[dict[str, Any], ...]  # platform, handle, numeric_id, display_name, profile_url
    relatives: tuple[tuple[str, str | None], ...]  # name, relationship


def employee_profile(store: Store, identifier: str) -> EmployeeProfile | None:
    """The employee with this NIP or honorer number, or None."""
    with store.transaction() as conn:
        employee = registry_repo.employee_by_identifier(conn, identifier)
        if employee is None:
            return None
        agency = registry_repo.agency_row(conn, int(employee["agency_id"]))
        keys = ("platform", "handle", "numeric_id", "display_name", "profile_url")
        accounts = tuple({k: a[k] for k in keys} for a in registry_repo.accounts_of(conn, int(employee["id"])))
        relatives = tuple((r["name"], r["relation"]) for r in registry_repo.relatives_of(conn, int(employee["id"])))
    return EmployeeProfile(employee["name"], employee["nip"], employee["staff_number"], employee["status"],
                           employee["position"], agency["name"], agency["code"], accounts, relatives)
