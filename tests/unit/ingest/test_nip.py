"""NIP and NI PPPK: valid and invalid cases (hard negatives included), status checks, generated NIPs.

Every NIP here is invented from its parts (birth date, appointment, sex, serial); none is a real person's.
"""

from __future__ import annotations

import calendar
import contextlib
import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jaganetral.ingest.nip import InvalidNip, Nip, NipKind, Sex, Status, check_status, parse_nip

TODAY = dt.date(2026, 5, 1)
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)


def nip(birth: str = "19870312", appointed: str = "201001", sex: str = "1", serial: str = "001") -> str:
    return birth + appointed + sex + serial


@pytest.mark.parametrize(
    ("text", "birth", "year", "month", "sex", "kind"),
    [
        ("198703122010011001", dt.date(1987, 3, 12), 2010, 1, "L", "PNS"),
        ("19870312 201001 1 001", dt.date(1987, 3, 12), 2010, 1, "L", "PNS"),
        ("19870312.201001.1.001", dt.date(1987, 3, 12), 2010, 1, "L", "PNS"),
        ("  19870312\u00a0201012 2 999\t", dt.date(1987, 3, 12), 2010, 12, "P", "PNS"),
        (nip("19900515", "202421", "1", "003"), dt.date(1990, 5, 15), 2024, None, "L", "PPPK"),
        (nip("19880229", "201003", "2", "010"), dt.date(1988, 2, 29), 2010, 3, "P", "PNS"),  # leap year
        (nip("20000229", "202421", "2", "005"), dt.date(2000, 2, 29), 2024, None, "P", "PPPK"),  # 2000 is leap
        (nip("19900515", "200805"), dt.date(1990, 5, 15), 2008, 5, "L", "PNS"),  # 18 years 0 months
        (nip("19500101", "201021"), dt.date(1950, 1, 1), 2010, None, "L", "PPPK"),  # appointed at 60
        (nip("19660301", "202603"), dt.date(1966, 3, 1), 2026, 3, "L", "PNS"),  # 60, this year
        (nip("19300101", "195001"), dt.date(1930, 1, 1), 1950, 1, "L", "PNS"),  # the earliest year
        (nip("20080101", "202621"), dt.date(2008, 1, 1), 2026, None, "L", "PPPK"),  # youngest birth year
    ],
)
def test_valid(text: str, birth: dt.date, year: int, month: int | None, sex: str, kind: str) -> None:
    parsed = parse_nip(text, TODAY)
    assert parsed.value == "".join(c for c in text if c in "0123456789")
    assert (parsed.birth_date, parsed.appointment_year, parsed.appointment_month) == (birth, year, month)
    assert (parsed.sex, parsed.kind) == (sex, kind)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "NIP kosong"),
        ("   ", "NIP kosong"),
        ("19870312201001100", "NIP harus 18 digit, ditemukan 17"),
        ("1987031220100110011", "NIP harus 18 digit, ditemukan 19"),
        ("198703122010011001.0", "NIP harus 18 digit, ditemukan 19"),  # a float's ".0"
        ("19870312201001100A", "NIP mengandung karakter 'A'"),
        ("19870312-201001-1-001", "NIP mengandung karakter '-'"),
        ("NIP 198703122010011001", "NIP mengandung karakter 'N'"),
        ("١٩٨٧٠٣١٢٢٠١٠٠١١٠٠١", "NIP mengandung karakter"),  # Arabic-Indic digits are not accepted
        ("1.98703E+17", "NIP tertulis dalam notasi ilmiah (1.98703E+17)"),
        ("1,98703E+17", "notasi ilmiah"),  # Indonesian-locale Excel
        ("1.98703122010011e+17", "notasi ilmiah"),
        (nip("19871332"), "tanggal lahir 19871332 tidak valid"),
        (nip("19870229"), "tanggal lahir 19870229 tidak valid"),  # 1987 is not a leap year
        (nip("19000229", "195001"), "tanggal lahir 19000229 tidak valid"),  # 1900 is not a leap year
        (nip("19870300"), "tanggal lahir 19870300 tidak valid"),
        (nip("19870431"), "tanggal lahir 19870431 tidak valid"),
        (nip("00000101"), "tanggal lahir 00000101 tidak valid"),
        (nip("20090101", "202621"), "tahun lahir 2009 tidak masuk akal"),
        (nip("19870312", "201000"), "bulan pengangkatan 00 tidak valid"),
        (nip("19870312", "201013"), "bulan pengangkatan 13 tidak valid"),
        (nip("19870312", "201020"), "bulan pengangkatan 20 tidak valid"),
        (nip("19870312", "201022"), "bulan pengangkatan 22 tidak valid"),
        (nip(sex="3"), "kode jenis kelamin 3 bukan 1 atau 2"),
        (nip(sex="0"), "kode jenis kelamin 0 bukan 1 atau 2"),
        (nip(serial="000"), "nomor urut 000 tidak valid"),
        (nip("19200101", "194901"), "tahun pengangkatan 1949 di luar rentang 1950–2026"),
        (nip("19900101", "202701"), "tahun pengangkatan 2027 di luar rentang 1950–2026"),
        (nip("19870312", "198001"), "TMT CPNS 198001 sebelum tanggal lahir 19870312"),
        (nip("19870312", "198021"), "tahun pengangkatan 1980 sebelum tahun lahir 1987"),
        (nip("19870312", "198703"), "diangkat pada umur 0 tahun: tidak masuk akal"),
        (nip("19870312", "199906"), "diangkat pada umur 12 tahun: tidak masuk akal"),
        (nip("19900515", "200804"), "diangkat pada umur 17 tahun"),  # one month short of 18
        (nip("19500101", "201121"), "diangkat pada umur 61 tahun"),
        (nip("19500101", "201101"), "diangkat pada umur 61 tahun"),
    ],
)
def test_invalid(text: str, message: str) -> None:
    with pytest.raises(InvalidNip) as raised:
        parse_nip(text, TODAY)
    assert message in str(raised.value)


def test_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="18 digit"):
        parse_nip("123", TODAY)


def test_today_is_a_parameter_not_the_clock() -> None:
    text = nip("20000101", "202601")
    assert parse_nip(text, dt.date(2026, 1, 1)).appointment_year == 2026
    with pytest.raises(InvalidNip, match="tahun pengangkatan 2026 di luar rentang 1950–2025"):
        parse_nip(text, dt.date(2025, 12, 31))


def test_formatted() -> None:
    assert parse_nip("198703122010011001", TODAY).formatted == "19870312 201001 1 001"
    assert parse_nip(nip("19900515", "202421", "2", "003"), TODAY).formatted == "19900515 202421 2 003"


PNS_NIP = nip()
PPPK_NIP = nip("19900515", "202421")


@pytest.mark.parametrize(
    ("text", "status", "message"),
    [
        (PNS_NIP, "PNS", None),
        (PPPK_NIP, "PPPK", None),
        (None, "honorer", None),
        (PPPK_NIP, "PNS", "NIP ini berbentuk NI PPPK (bulan pengangkatan 21), bukan NIP PNS"),
        (PNS_NIP, "PPPK", "NIP ini berbentuk NIP PNS (bulan pengangkatan 01), bukan NI PPPK (bulan 21)"),
        (None, "PNS", "NIP wajib diisi untuk PNS"),
        (None, "PPPK", "NIP wajib diisi untuk PPPK"),
        (PNS_NIP, "honorer", "tenaga honorer tidak memiliki NIP"),
        (PPPK_NIP, "honorer", "tenaga honorer tidak memiliki NIP"),
    ],
)
def test_check_status(text: str | None, status: Status, message: str | None) -> None:
    parsed = None if text is None else parse_nip(text, TODAY)
    if message is None:
        check_status(parsed, status)
    else:
        with pytest.raises(InvalidNip) as raised:
            check_status(parsed, status)
        assert message in str(raised.value)


def test_check_status_refuses_an_unknown_status() -> None:
    with pytest.raises(ValueError, match="status tidak dikenal"):
        check_status(None, "kontrak")  # type: ignore[arg-type]


# --- Generated NIPs ----------------------------------------------------------------------------------


@st.composite
def plausible(draw: st.DrawFn) -> tuple[str, Nip, dt.date]:
    """(text with separators, the Nip it must parse to, today)."""
    today = draw(st.dates(dt.date(1970, 1, 1), dt.date(2100, 12, 31)))
    kind: NipKind = draw(st.sampled_from(["PNS", "PPPK"]))
    year = draw(st.integers(1950, today.year))
    if kind == "PNS":
        month: int | None = draw(st.integers(1, 12))
        birth_months = year * 12 + (month or 0) - 1 - draw(st.integers(18 * 12, 60 * 12 + 11))
        birth_year, birth_month = divmod(birth_months, 12)
        birth_month += 1
    else:
        month = None
        birth_year, birth_month = year - draw(st.integers(18, 60)), draw(st.integers(1, 12))
    birth = dt.date(birth_year, birth_month, draw(st.integers(1, calendar.monthrange(birth_year, birth_month)[1])))
    sex: Sex = draw(st.sampled_from(["L", "P"]))
    serial = draw(st.integers(1, 999))
    value = f"{birth:%Y%m%d}{year:04d}{month or 21:02d}{1 if sex == 'L' else 2}{serial:03d}"
    seps = draw(st.lists(st.sampled_from(["", " ", ".", "  ", ". ", "\u00a0"]), min_size=3, max_size=3))
    text = value[:8] + seps[0] + value[8:14] + seps[1] + value[14] + seps[2] + value[15:]
    pad = draw(st.sampled_from(["", " ", "\t", "\n"]))
    return pad + text + pad, Nip(value, birth, year, month, sex, kind), today


@PROPERTY_SETTINGS
@given(plausible())
def test_plausible_nips_round_trip(case: tuple[str, Nip, dt.date]) -> None:
    text, expected, today = case
    parsed = parse_nip(text, today)
    assert parsed == expected
    assert parse_nip(parsed.formatted, today) == expected
    check_status(parsed, parsed.kind)


@PROPERTY_SETTINGS
@given(st.text(alphabet="0123456789", min_size=18, max_size=18), st.dates(dt.date(1970, 1, 1), dt.date(2100, 1, 1)))
def test_any_18_digits_parse_or_raise_invalid_nip(digits: str, today: dt.date) -> None:
    try:
        parsed = parse_nip(digits, today)
    except InvalidNip as exc:
        assert str(exc)
        return
    assert parsed.value == digits
    assert f"{parsed.birth_date:%Y%m%d}" == digits[:8]
    assert parsed.kind == ("PPPK" if digits[12:14] == "21" else "PNS")
    assert 1950 <= parsed.appointment_year <= today.year


@PROPERTY_SETTINGS
@given(st.text(max_size=30) | st.text(alphabet="0123456789 .,eE+-\u00a0", max_size=25),
       st.dates(dt.date(1970, 1, 1), dt.date(2100, 1, 1)))
def test_any_text_parses_or_raises_invalid_nip(text: str, today: dt.date) -> None:
    with contextlib.suppress(InvalidNip):
        parse_nip(text, today)
