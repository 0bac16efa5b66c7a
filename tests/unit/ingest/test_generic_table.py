"""Generic CSV/JSONL table through a column mapping: golden records, sniffing, quarantine, unreadable input.

The fixtures are invented; none is real data. To accept a deliberate change of the output, rerun with
JAGANETRAL_UPDATE_GOLDEN=1 and review the diff of the golden files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from golden_records import as_data, check_golden

from jaganetral.ingest.adapters.generic_table import ColumnMapping, GenericTableAdapter
from jaganetral.ingest.model import Quarantined, RawActivity, Record, UnreadableInput
from jaganetral.ingest.registry import default_adapters
from jaganetral.ingest.sources import SourceFile, iter_sources

EXPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "exports"
FIXTURES = EXPORTS / "generic_table"
FILES = sorted(p.name for p in FIXTURES.iterdir() if not p.name.endswith(".golden.json"))
CUSTOM = ColumnMapping(text="Isi Unggahan", id="No", kind="Jenis", created_at="Tanggal", platform="Media Sosial",
                       account="Nama Akun", target_text=None, target_account=None, target_group=None, url="Tautan")
MAPPINGS = {"kolom_kustom.csv": CUSTOM}




def adapter_for(name: str) -> GenericTableAdapter:
    return GenericTableAdapter(MAPPINGS.get(name, ColumnMapping()))


def read(source: SourceFile, adapter: GenericTableAdapter | None = None) -> list[Record]:
    return list((adapter or GenericTableAdapter()).read(source, source.sha256()))


def write(tmp_path: Path, name: str, data: str | bytes) -> SourceFile:
    (tmp_path / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return SourceFile(tmp_path, name)


def by_locator(records: list[Record]) -> dict[str, Record]:
    return {r.provenance.locator: r for r in records}


def test_there_are_fixtures() -> None:
    assert FILES == ["aktivitas_kontrak.jsonl", "kolom_kustom.csv", "laporan_manual.csv"]


@pytest.mark.parametrize("name", FILES)
def test_fixture_matches_golden(name: str) -> None:
    got = as_data(read(SourceFile(FIXTURES, name), adapter_for(name)))
    golden = FIXTURES / f"{Path(name).stem}.golden.json"
    check_golden(got, golden)


@pytest.mark.parametrize("name", FILES)
def test_sniffs_fixtures_with_their_mapping(name: str) -> None:
    source = SourceFile(FIXTURES, name)
    assert adapter_for(name).sniff(source, source.head(8192))


def test_default_mapping_does_not_sniff_a_table_without_its_text_column() -> None:
    source = SourceFile(FIXTURES, "kolom_kustom.csv")
    assert not GenericTableAdapter().sniff(source, source.head(8192))


def test_does_not_sniff_other_formats_fixtures() -> None:
    adapter = GenericTableAdapter()
    for source in iter_sources(EXPORTS):
        if not source.path.startswith("generic_table/"):
            assert not adapter.sniff(source, source.head(8192)), source.path


def test_with_all_adapters_every_fixture_is_claimed_at_most_once() -> None:
    adapters = default_adapters()
    assert {"facebook_scraper", "generic_table"} <= {a.name for a in adapters}
    for source in iter_sources(EXPORTS):
        if source.name.endswith((".golden.json", ".md")) or source.name == "SOURCE.txt":
            continue
        claims = [a.name for a in adapters if a.sniff(source, source.head(8192))]
        assert len(claims) <= 1, (source.path, claims)


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("data.json", '{"text": "halo"}\n'),
        ("data.jsonl", '{"body": "halo"}\n'),
        ("data.csv", "body,author\nhalo,A\n"),
        ("posts.csv", "post_id,text,post_url\n1,halo,u\n"),
        ("data.jsonl", "[1, 2]\n"),
    ],
)
def test_does_not_sniff_other_files(tmp_path: Path, name: str, text: str) -> None:
    source = write(tmp_path, name, text)
    assert not GenericTableAdapter().sniff(source, source.head(8192))


def test_jsonl_contract_kinds_times_and_targets() -> None:
    records = by_locator(read(SourceFile(FIXTURES, "aktivitas_kontrak.jsonl")))
    comment = records["line 2"]
    assert isinstance(comment, RawActivity) and comment.kind == "comment" and comment.platform == "instagram"
    assert comment.created_at == dt.datetime(2024, 5, 1, 1, 30, tzinfo=dt.UTC)  # naive: WIB
    assert comment.target_account == "@kabar_desa" and comment.account is None
    join = records["line 4"]
    assert isinstance(join, RawActivity) and join.created_at == dt.datetime(2024, 5, 1, 22, tzinfo=dt.UTC)
    assert join.account is not None and join.account.name == "Budi Santoso" and join.target_group == "Warga Sukamaju"
    plain = records["line 11"]
    assert isinstance(plain, RawActivity) and plain.kind == "post" and plain.platform == "lainnya"
    assert plain.native_id == "8" and plain.account is not None and plain.account.handle == "siti_r"


def test_naive_times_follow_the_time_zone_parameter() -> None:
    records = by_locator(read(SourceFile(FIXTURES, "laporan_manual.csv"), GenericTableAdapter(tz=dt.UTC)))
    first = records["row 1"]
    assert isinstance(first, RawActivity) and first.created_at == dt.datetime(2024, 6, 7, 19, tzinfo=dt.UTC)


def test_bad_records_are_quarantined() -> None:
    jsonl = by_locator(read(SourceFile(FIXTURES, "aktivitas_kontrak.jsonl")))
    reasons = {k: r.reason for k, r in jsonl.items() if isinstance(r, Quarantined)}
    assert reasons == {
        "line 6": "baris bukan JSON yang sah",
        "line 7": "baris bukan objek JSON",
        "line 8": "jenis aktivitas tidak dikenal: 'retweet'",
        "line 9": "kolom teks kosong",
        "line 10": "waktu tidak terbaca",
    }
    table = by_locator(read(SourceFile(FIXTURES, "laporan_manual.csv")))
    reasons = {k: r.reason for k, r in table.items() if isinstance(r, Quarantined)}
    assert reasons == {
        "row 3": "jenis aktivitas tidak dikenal: 'tweet'",
        "row 4": "kolom teks kosong",
        "row 5": "jumlah sel baris tidak sama dengan header",
    }
    custom = by_locator(read(SourceFile(FIXTURES, "kolom_kustom.csv"), GenericTableAdapter(CUSTOM)))
    assert isinstance(custom["row 3"], Quarantined)


def test_unreadable_inputs(tmp_path: Path) -> None:
    no_text = write(tmp_path, "tabel.csv", "body,author\nhalo,A\n")
    with pytest.raises(UnreadableInput, match=r"tabel\.csv: kolom teks 'text' tidak ada"):
        read(no_text)
    broken = write(tmp_path, "rusak.csv", b"text,kind\nhalo,post\n\x81\x8d,post\n")
    stream = GenericTableAdapter().read(broken, "0" * 64)
    assert isinstance(next(stream), RawActivity)
    with pytest.raises(UnreadableInput, match=r"rusak\.csv: baris 3 bukan UTF-8 atau cp1252"):
        next(stream)
