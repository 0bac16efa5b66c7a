"""WhatsApp "Export chat" .txt: golden records for synthetic fixtures, header variants, sniffing, quarantine.

The fixtures are invented (names, numbers and messages); none is a real chat. To accept a deliberate
change of the output, rerun with JAGANETRAL_UPDATE_GOLDEN=1 and review the diff of the golden files.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest
from golden_records import as_data, check_golden

from jaganetral.ingest.adapters.whatsapp_txt import WhatsAppTxtAdapter
from jaganetral.ingest.model import Quarantined, RawActivity, Record
from jaganetral.ingest.sources import SourceFile, iter_sources

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "exports" / "whatsapp_txt"
FILES = sorted(p.name for p in FIXTURES.glob("*.txt"))




def read(source: SourceFile, adapter: WhatsAppTxtAdapter | None = None) -> list[Record]:
    return list((adapter or WhatsAppTxtAdapter()).read(source, source.sha256()))


def write(tmp_path: Path, name: str, text: str) -> SourceFile:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return SourceFile(tmp_path, name)


def test_there_are_fixtures() -> None:
    assert len(FILES) >= 3


@pytest.mark.parametrize("name", FILES)
def test_fixture_matches_golden(name: str) -> None:
    got = as_data(read(SourceFile(FIXTURES, name)))
    golden = FIXTURES / f"{Path(name).stem}.golden.json"
    check_golden(got, golden)


@pytest.mark.parametrize("name", FILES)
def test_sniffs_fixtures(name: str) -> None:
    source = SourceFile(FIXTURES, name)
    assert WhatsAppTxtAdapter().sniff(source, source.head(8192))


@pytest.mark.parametrize(
    ("name", "head"),
    [
        ("catatan.txt", "Daftar belanja: beras, gula\n12/03/24 09.15 - Budi: halo\n"),
        ("chat.json", "12/03/24 09.15 - Budi: halo\n"),
        ("kosong.txt", ""),
        ("tanggal.txt", "12/03/24 bukan jam - Budi: halo\n"),
    ],
)
def test_does_not_sniff_other_files(tmp_path: Path, name: str, head: str) -> None:
    source = write(tmp_path, name, head)
    assert not WhatsAppTxtAdapter().sniff(source, source.head(8192))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("12/03/24 09.15 - Budi: halo", "2024-03-12T02:15:00+00:00"),  # Android Indonesia
        ("12/03/2024 09.15 - Budi: halo", "2024-03-12T02:15:00+00:00"),  # newer, no comma
        ("12/03/2024, 09.15 - Budi: halo", "2024-03-12T02:15:00+00:00"),
        ("12.03.2024, 09:15 - Budi: halo", "2024-03-12T02:15:00+00:00"),  # dots
        ("2024/03/12, 09:15 - Budi: halo", "2024-03-12T02:15:00+00:00"),  # year first
        ("[12/03/24 09.15.30] Budi: halo", "2024-03-12T02:15:30+00:00"),  # iOS Indonesia
        ("[3/13/24, 9:15:30\u202fPM] Budi: halo", "2024-03-13T14:15:30+00:00"),  # iOS English
        ("3/13/24, 12:05 AM - Budi: halo", "2024-03-12T17:05:00+00:00"),  # Android English
        ("03/13/2024, 09:15 p. m. - Budi: halo", "2024-03-13T14:15:00+00:00"),  # Spanish-style 12 h
    ],
)
def test_header_variants(tmp_path: Path, line: str, expected: str) -> None:
    [record] = read(write(tmp_path, "WhatsApp Chat with Tim.txt", line + "\n"))
    assert isinstance(record, RawActivity)
    assert record.account is not None and record.account.name == "Budi"
    assert (record.text, record.target_group, record.kind) == ("halo", "Tim", "post")
    assert record.created_at is not None and record.created_at.isoformat() == expected


def test_time_zone_parameter(tmp_path: Path) -> None:
    wita = dt.timezone(dt.timedelta(hours=8))
    [record] = read(write(tmp_path, "a.txt", "12/03/24 09.15 - Budi: halo\n"), WhatsAppTxtAdapter(tz=wita))
    assert isinstance(record, RawActivity) and record.created_at == dt.datetime(2024, 3, 12, 1, 15, tzinfo=dt.UTC)


def test_day_month_order_from_monotonic_dates(tmp_path: Path) -> None:
    text = "01/02/24 09.00 - A: satu\n01/03/24 09.00 - A: dua\n02/03/24 09.00 - A: tiga\n"
    days = [r.created_at.date().isoformat() for r in read(write(tmp_path, "a.txt", text))
            if isinstance(r, RawActivity) and r.created_at]
    assert days == ["2024-02-01", "2024-03-01", "2024-03-02"]  # day first: monotonic either way, the tie


def test_malformed_records_are_quarantined_not_dropped(tmp_path: Path) -> None:
    text = "baris liar tanpa cap waktu\n31/02/24 10.00 - Budi: tanggal tidak ada\n12/03/24 25.00 - Budi: jam salah\n"
    records = read(write(tmp_path, "a.txt", text))
    assert [(type(r).__name__, r.provenance.locator) for r in records] == [
        ("Quarantined", "line 1"), ("Quarantined", "line 2"), ("Quarantined", "line 3")]
    assert isinstance(records[1], Quarantined) and "tanggal atau jam tidak sah" in records[1].reason
    assert records[1].excerpt == "Budi: tanggal tidak ada"


def test_fixture_quarantines_the_impossible_date() -> None:
    records = read(SourceFile(FIXTURES, "Chat WhatsApp dengan Arisan RT 05.txt"))
    bad = [r for r in records if isinstance(r, Quarantined)]
    assert [r.provenance.locator for r in bad] == ["line 9"]


def test_group_from_ios_zip_name(tmp_path: Path) -> None:
    archive = tmp_path / "WhatsApp Chat - Karang Taruna.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("_chat.txt", "[12/03/24 09.15.30] Budi: halo\n")
    [source] = list(iter_sources(archive))
    [record] = read(source)
    assert isinstance(record, RawActivity) and record.target_group == "Karang Taruna"
    assert record.provenance.path == "_chat.txt"
