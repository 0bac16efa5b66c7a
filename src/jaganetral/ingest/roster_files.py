"""The cells of a roster file, streamed: .xlsx (every worksheet, openpyxl read-only) or CSV (line by line).

The format is told by the first bytes, then the name's suffix. A CSV is read as UTF-8 (an initial BOM
dropped), else as Windows cp1252; its delimiter (";", "," or tab) is the one under which the first lines
show the most known columns, as judged by the caller's ``score``. Anything that makes the file unreadable
raises ``RosterError`` with a message in Bahasa Indonesia.
"""

from __future__ import annotations

import contextlib
import csv
import zipfile
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

HEADER_SCAN = 20  # rows searched for the header
_CSV_SUFFIXES = (".csv", ".txt")
_XLSX_SUFFIXES = (".xlsx", ".xlsm")
_HEAD_BYTES = 1 << 16  # bytes of a CSV looked at to choose the delimiter

Rows = Iterator[tuple[int, Sequence[Any]]]  # (row number as a spreadsheet shows it, cells)
HeaderScore = Callable[[Sequence[str]], tuple[int, int]]  # how much a row looks like the header


class RosterError(Exception):
    """The file cannot be read as a roster at all; the message (Bahasa Indonesia) says why."""


def sheets(path: Path, score: HeaderScore) -> Generator[tuple[str | None, Rows], None, None]:
    """Each worksheet's name and rows (a CSV is one sheet named None). Close it to close the workbook."""
    try:
        with path.open("rb") as fh:
            magic = fh.read(8)
    except OSError as exc:
        raise RosterError(f"berkas {path.name} tidak dapat dibuka: {exc.strerror or exc}") from exc
    suffix = path.suffix.lower()
    if not magic:
        raise RosterError(f"berkas {path.name} kosong")
    if magic.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RosterError(f"{path.name} tersimpan sebagai UTF-16 (Unicode Text): simpan ulang sebagai CSV UTF-8")
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise RosterError(f"{path.name} adalah berkas Excel lama (.xls) atau terlindungi kata sandi: "
                          "simpan ulang sebagai .xlsx tanpa kata sandi, atau sebagai CSV")
    if magic.startswith(b"PK\x03\x04"):
        yield from _xlsx_sheets(path)
        return
    if suffix in _XLSX_SUFFIXES:
        raise RosterError(f"{path.name} bukan berkas Excel .xlsx yang utuh (rusak atau berganti nama)")
    if suffix not in _CSV_SUFFIXES:
        raise RosterError(f"format berkas {suffix or '(tanpa akhiran)'} tidak didukung: gunakan .xlsx atau .csv")
    yield None, _csv_rows(path, score)


def _decode_lines(lines: Iterable[bytes]) -> Iterator[str]:
    """Lines as text: UTF-8 (an initial BOM dropped), else Windows cp1252 as Excel on Windows saves CSV."""
    for number, raw in enumerate(lines, 1):
        if b"\0" in raw:
            raise RosterError(f"baris {number} berisi karakter NUL: berkas ini bukan CSV teks")
        try:
            yield raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            try:
                yield raw.decode("cp1252")
            except UnicodeDecodeError:
                raise RosterError(f"baris {number} bukan teks UTF-8: simpan ulang sebagai \"CSV UTF-8\"") from None


def _delimiter(path: Path, score: HeaderScore) -> str:
    """The delimiter (";", "," or tab) under which the first lines show the most known columns."""
    with path.open("rb") as fh:
        head = fh.read(_HEAD_BYTES)
    lines = head.splitlines(keepends=True)
    if len(head) == _HEAD_BYTES:
        lines.pop()  # cut in the middle
    text = list(_decode_lines(lines[:HEADER_SCAN]))

    def best(delimiter: str) -> tuple[int, int]:
        rows: list[list[str]] = []
        with contextlib.suppress(csv.Error):  # a quoted cell may run past the head: score what was read
            rows.extend(csv.reader(text, delimiter=delimiter, strict=True))
        return max((score(r) for r in rows if r), default=(0, 0))

    return max((";", ",", "\t"), key=best)


def _csv_rows(path: Path, score: HeaderScore) -> Rows:
    delimiter = _delimiter(path, score)
    n = 0
    try:
        with path.open("rb") as fh:
            for n, cells in enumerate(csv.reader(_decode_lines(fh), delimiter=delimiter, strict=True), 1):
                yield n, cells
    except csv.Error as exc:
        raise RosterError(f"CSV rusak pada baris {n + 1}: {exc}") from exc


def _xlsx_sheets(path: Path) -> Generator[tuple[str, Rows], None, None]:
    """Each worksheet's name and rows; errors of openpyxl become RosterError."""
    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException

    errors = (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, SyntaxError, EOFError)

    def rows(sheet: Any) -> Rows:
        try:
            sheet.reset_dimensions()  # the stored dimension may be wrong: read every cell there is
            yield from enumerate(sheet.iter_rows(min_row=1, values_only=True), 1)
        except errors as exc:
            raise RosterError(f"lembar {sheet.title!r} rusak dan tidak dapat dibaca: {exc}") from exc

    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except errors as exc:
        raise RosterError(f"berkas Excel rusak atau tidak dapat dibaca: {exc}") from exc
    try:
        for sheet in workbook.worksheets:
            if hasattr(sheet, "iter_rows"):  # chart sheets have no cells
                yield sheet.title, rows(sheet)
    finally:
        workbook.close()
