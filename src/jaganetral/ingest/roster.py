"""The employee roster a supervisor keeps (.xlsx or .csv), read into validated rows.

The header row is found among the first rows of the first sheet that has one (title rows above it are
common); its names are matched as :mod:`jaganetral.ingest.roster_fields` says. Rows are streamed
(:mod:`jaganetral.ingest.roster_files`). A bad row is rejected with a reason naming the row and the
column, never the person's name; only a file that cannot be read or lacks a required column raises
``RosterError``. Row numbers are those a spreadsheet shows (header included).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jaganetral.ingest.account_urls import PLATFORMS, DeclaredAccount, Platform, is_blank, parse_accounts
from jaganetral.ingest.nip import InvalidNip, Nip, Status, check_status, parse_nip
from jaganetral.ingest.roster_fields import (
    ALIASES,
    LABELS,
    STATUS_ALIASES,
    Relative,
    field_of,
    normalize_header,
    parse_relatives,
    parse_status,
)
from jaganetral.ingest.roster_files import HEADER_SCAN, RosterError, Rows, sheets

__all__ = [
    "ALIASES", "HEADER_SCAN", "LABELS", "STATUS_ALIASES", "RejectedRow", "Relative", "RosterError", "RosterResult",
    "RosterRow", "field_of", "normalize_header", "parse_relatives", "parse_status", "read_roster",
]
_EXACT_FLOAT = 2**53  # floats below this hold whole numbers exactly; Excel keeps 15 significant digits


@dataclass(frozen=True, slots=True)
class RosterRow:
    """One valid row. ``nip`` is None for honorer (identified by ``employee_number``)."""

    row_number: int
    name: str
    status: Status
    nip: Nip | None
    employee_number: str | None
    position: str | None
    agency_name: str
    agency_code: str | None
    accounts: tuple[DeclaredAccount, ...]
    relatives: tuple[Relative, ...]


@dataclass(frozen=True, slots=True)
class RejectedRow:
    """A row not imported. ``identifier`` is the NIP or honorer number as written, else "baris N" (never a name)."""

    row_number: int
    reason: str  # "baris 7: kolom NIP: tanggal lahir 19871332 tidak valid"
    identifier: str


@dataclass(frozen=True, slots=True)
class RosterResult:
    rows: list[RosterRow]
    rejected: list[RejectedRow]
    sheet: str | None = None  # the worksheet read (None for CSV)
    labels: dict[str, str] = dataclasses.field(default_factory=dict)  # field -> its header as the file writes it


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer() and abs(value) < _EXACT_FLOAT:
        return str(int(value))
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return " ".join(str(value).split())


def _text_lines(value: Any) -> str:
    """A cell whose line breaks separate items: kept as they are."""
    return value if isinstance(value, str) else _text(value)


def _number_text(value: Any, what: str) -> str:
    """A NIP or number cell as text; Excel numbers too long to be exact are refused."""
    if isinstance(value, bool | dt.date | dt.time | dt.timedelta):
        raise ValueError(f"isi kolom bukan {what}")
    if isinstance(value, float) and not (value.is_integer() and abs(value) < _EXACT_FLOAT):
        raise ValueError(f"{what} tersimpan sebagai angka {value:.15g} sehingga digitnya sudah hilang "
                         f"(Excel hanya menyimpan 15 digit); format kolom sebagai Teks lalu isi ulang {what} lengkap")
    text = _text(value)
    if isinstance(value, int) and len(text) == 18 and text.endswith("000"):
        raise ValueError(f"{what} {text} berakhir 000: kemungkinan sudah dibulatkan Excel (Excel hanya menyimpan "
                         f"15 digit); format kolom sebagai Teks lalu isi ulang {what} lengkap")
    return text


def _identifier(nip_cell: Any, number_cell: Any, row_number: int) -> str:
    if isinstance(nip_cell, str | int) and not isinstance(nip_cell, bool):
        text = str(nip_cell).strip()
        digits = "".join(ch for ch in text if ch in "0123456789")
        if digits and len(digits) <= 20 and all(ch in "0123456789 ." for ch in text):
            return digits
    number = _text(number_cell)
    if number and len(number) <= 40:
        return number
    return f"baris {row_number}"


class _Table:
    """The header of a roster: which column holds which field."""

    def __init__(self, header: Sequence[Any]) -> None:
        self.headers = [_text(h) for h in header]
        self.columns: dict[str, int] = {}
        ranks: dict[str, int] = {}
        for index, name in enumerate(self.headers):
            found = field_of(name) if name else None
            if found and found[1] < ranks.get(found[0], len(ALIASES[found[0]]) + 1):
                self.columns[found[0]], ranks[found[0]] = index, found[1]

    def missing(self) -> list[str]:
        out = [LABELS[f] for f in ("name", "agency_name") if f not in self.columns]
        if "nip" not in self.columns and "employee_number" not in self.columns:
            out.append("NIP atau Nomor Pegawai")
        return out

    def cell(self, cells: Sequence[Any], field: str) -> Any:
        index = self.columns.get(field)
        return cells[index] if index is not None and index < len(cells) else None

    def label(self, field: str) -> str:
        return self.headers[self.columns[field]] if field in self.columns else LABELS[field]


def _is_empty(cells: Sequence[Any]) -> bool:
    return all(not _text(c) for c in cells)


def _find_header(rows: Rows) -> tuple[_Table | None, _Table | None]:
    """(the header, None) or (None, the best candidate seen) after ``HEADER_SCAN`` non-empty rows."""
    best: _Table | None = None
    seen = 0
    for _, cells in rows:
        if _is_empty(cells):
            continue
        table = _Table(cells)
        if not table.missing():
            return table, None
        if best is None or len(table.columns) > len(best.columns):
            best = table
        seen += 1
        if seen >= HEADER_SCAN:
            break
    return None, best


def _header_error(best: _Table | None) -> RosterError:
    if best is None:
        return RosterError("berkas tidak berisi data (semua baris kosong)")
    found = ", ".join(h for h in best.headers if h) or "(tidak ada)"
    expected = ", ".join(LABELS.values())
    return RosterError(f"kolom wajib tidak ditemukan: {', '.join(best.missing())}. Kolom yang ada: {found}. "
                       f"Kolom yang dikenali: {expected} (wajib: Nama, OPD/Unit Kerja, dan NIP atau Nomor Pegawai)")


class _Reader:
    """Validates data rows under one header, remembering NIPs and honorer numbers already seen."""

    def __init__(self, table: _Table, today: dt.date) -> None:
        self.table, self.today = table, today
        self.seen: dict[str, int] = {}
        self.rows: list[RosterRow] = []
        self.rejected: list[RejectedRow] = []

    def add(self, n: int, cells: Sequence[Any]) -> None:
        if _is_empty(cells):
            return
        t, errors = self.table, []

        def fail(field: str, message: str) -> None:
            errors.append(f"kolom {t.label(field)}: {message}")

        extra = [c for c in cells[len(t.headers):] if _text(c)]
        if extra:
            errors.append(f"baris berisi {len(t.headers) + len(extra)} sel terisi, lebih banyak dari "
                          f"{len(t.headers)} kolom judul: mungkin ada pemisah (; atau ,) tanpa tanda kutip "
                          "di dalam sel")
        name = _text(t.cell(cells, "name"))
        agency = _text(t.cell(cells, "agency_name"))
        for field, value in (("name", name), ("agency_name", agency)):
            if not value:
                fail(field, "kosong, wajib diisi")
        nip: Nip | None = None
        nip_cell, number_cell = t.cell(cells, "nip"), t.cell(cells, "employee_number")
        nip_ok = True
        try:
            nip_text = _number_text(nip_cell, "NIP")
            nip = None if is_blank(nip_text) else parse_nip(nip_text, self.today)
        except ValueError as exc:
            fail("nip", str(exc))
            nip_ok = False
        number: str | None = None
        number_ok = True
        try:
            number_text = _number_text(number_cell, "nomor pegawai")
            number = None if is_blank(number_text) else number_text
        except ValueError as exc:
            fail("employee_number", str(exc))
            number_ok = False
        status: Status | None = None
        status_text = _text(t.cell(cells, "status"))
        if not is_blank(status_text):
            try:
                status = parse_status(status_text)
            except ValueError as exc:
                fail("status", str(exc))
        elif nip is not None:
            status = nip.kind
        elif nip_ok and number is not None:
            status = "honorer"
        elif nip_ok:
            fail("nip", "kosong: isi NIP (PNS/PPPK) atau nomor pegawai (honorer)")
        if status is not None and nip_ok:
            try:
                check_status(nip, status)
            except InvalidNip as exc:
                fail("nip", str(exc))
            if status == "honorer" and number is None and number_ok:
                fail("employee_number", "kosong, wajib diisi untuk tenaga honorer (yang tidak memiliki NIP)")
        key = f"NIP {nip.value}" if nip else f"nomor pegawai {number}" if status == "honorer" and number else None
        if key is not None:
            first = self.seen.setdefault(key, n)
            if first != n:
                fail("nip" if nip else "employee_number", f"{key} sudah ada di baris {first}")
        accounts: list[DeclaredAccount] = []
        for platform in PLATFORMS:
            try:
                accounts.extend(self._accounts(platform, t.cell(cells, platform)))
            except ValueError as exc:
                fail(platform, str(exc))
        relatives: tuple[Relative, ...] = ()
        try:
            relatives = parse_relatives(_text_lines(t.cell(cells, "relatives")))
        except ValueError as exc:
            fail("relatives", str(exc))
        if errors or status is None:
            reason = f"baris {n}: " + "; ".join(errors)
            self.rejected.append(RejectedRow(n, reason, _identifier(nip_cell, number_cell, n)))
            return
        self.rows.append(RosterRow(
            row_number=n, name=name, status=status, nip=nip, employee_number=number,
            position=_text(t.cell(cells, "position")) or None, agency_name=agency,
            agency_code=_text(t.cell(cells, "agency_code")) or None, accounts=tuple(accounts),
            relatives=relatives,
        ))

    @staticmethod
    def _accounts(platform: Platform, value: Any) -> tuple[DeclaredAccount, ...]:
        if value is None:
            return ()
        if platform == "whatsapp" and not isinstance(value, str):
            return parse_accounts(platform, _number_text(value, "nomor WhatsApp"))
        return parse_accounts(platform, _text_lines(value))


def _read(table: _Table, rows: Rows, today: dt.date, sheet: str | None) -> RosterResult:
    reader = _Reader(table, today)
    for n, cells in rows:
        reader.add(n, cells)
    labels = {f: table.label(f) for f in table.columns}
    return RosterResult(reader.rows, reader.rejected, sheet, labels)


def _header_score(cells: Sequence[str]) -> tuple[int, int]:
    table = _Table(cells)
    return len(table.columns), len(table.headers)


def read_roster(path: Path, today: dt.date) -> RosterResult:
    """Valid rows and rejected rows of a roster; RosterError when the file is unreadable or lacks a column."""
    best: _Table | None = None
    with contextlib.closing(sheets(path, _header_score)) as found:  # closing closes the workbook
        for title, rows in found:
            table, candidate = _find_header(rows)
            if table is not None:
                return _read(table, rows, today, title)
            if candidate and (best is None or len(candidate.columns) > len(best.columns)):
                best = candidate
    raise _header_error(best)
