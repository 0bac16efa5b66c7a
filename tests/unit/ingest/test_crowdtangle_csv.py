"""CrowdTangle CSV and API JSON: golden records for synthetic fixtures, zones, sniffing, quarantine, unreadable files.

The fixtures are invented (pages, posts, ids); none is a real export. To accept a deliberate change of
the output, rerun with JAGANETRAL_UPDATE_GOLDEN=1 and review the diff of the golden files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from golden_records import as_data, check_golden

from jaganetral.ingest.adapters.crowdtangle_csv import CrowdTangleCsvAdapter, parse_created
from jaganetral.ingest.model import Ignored, Quarantined, RawActivity, Record, UnreadableInput
from jaganetral.ingest.sources import SourceFile, iter_sources

EXPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "exports"
FIXTURES = EXPORTS / "crowdtangle"
FILES = sorted(p.name for p in FIXTURES.iterdir() if not p.name.endswith(".golden.json"))
SEARCH = "2024-02-06-10-00-00-WIB-search-csv-export.csv"




def read(source: SourceFile, adapter: CrowdTangleCsvAdapter | None = None) -> list[Record]:
    return list((adapter or CrowdTangleCsvAdapter()).read(source, source.sha256()))


def by_locator(name: str, adapter: CrowdTangleCsvAdapter | None = None) -> dict[str, Record]:
    return {r.provenance.locator: r for r in read(SourceFile(FIXTURES, name), adapter)}


def write(tmp_path: Path, name: str, data: bytes) -> SourceFile:
    (tmp_path / name).write_bytes(data)
    return SourceFile(tmp_path, name)


def test_there_are_fixtures() -> None:
    assert FILES == [SEARCH, "crowdtangle_api_posts_response.json", "history_post_200000000000001.csv"]


@pytest.mark.parametrize("name", FILES)
def test_fixture_matches_golden(name: str) -> None:
    got = as_data(read(SourceFile(FIXTURES, name)))
    golden = FIXTURES / f"{Path(name).stem}.golden.json"
    check_golden(got, golden)


@pytest.mark.parametrize("name", FILES)
def test_sniffs_fixtures(name: str) -> None:
    source = SourceFile(FIXTURES, name)
    assert CrowdTangleCsvAdapter().sniff(source, source.head(8192))


def test_does_not_claim_other_exports() -> None:
    for folder in sorted(p for p in EXPORTS.iterdir() if p.is_dir() and p.name != "crowdtangle"):
        for source in iter_sources(folder):
            assert not CrowdTangleCsvAdapter().sniff(source, source.head(8192)), source.path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("posts.csv", "post_id,text,time\n1,halo,2024-01-01\n"),
        ("dataset.csv", "id,thread_id,body,author,timestamp,unix_timestamp\n"),
        ("posts.json", '{"result": {"items": []}}'),
        ("export.txt", "Page Name,User Name,Post Created,URL\n"),
    ],
)
def test_does_not_sniff_other_files(tmp_path: Path, name: str, text: str) -> None:
    source = write(tmp_path, name, text.encode())
    assert not CrowdTangleCsvAdapter().sniff(source, source.head(8192))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2021-07-05 22:49:20 BRT", dt.datetime(2021, 7, 6, 1, 49, 20, tzinfo=dt.UTC)),
        ("2021-07-05 22:49:20 EDT", dt.datetime(2021, 7, 6, 2, 49, 20, tzinfo=dt.UTC)),
        ("2024-02-01 09:30:00 WIB", dt.datetime(2024, 2, 1, 2, 30, tzinfo=dt.UTC)),
        ("2024-02-01 09:30:00 +0700", dt.datetime(2024, 2, 1, 2, 30, tzinfo=dt.UTC)),
    ],
)
def test_zone_abbreviations_map_to_utc(value: str, expected: dt.datetime) -> None:
    assert parse_created(value) == expected


def test_rows_are_posts_and_link_posts_are_shares() -> None:
    records = by_locator(SEARCH)
    post = records["row 1"]
    assert isinstance(post, RawActivity) and post.kind == "post" and post.platform == "facebook"
    assert post.account is not None and post.account.handle == "kel.sukamaju"
    assert post.account.name == "Kelurahan Sukamaju"
    assert post.native_id == "200000000000001" and post.created_at == dt.datetime(2024, 2, 1, 2, 30, tzinfo=dt.UTC)
    share = records["row 2"]
    assert isinstance(share, RawActivity) and share.kind == "share"
    assert share.target_text == "Panduan Netralitas ASN 2024"


def test_bad_rows_are_quarantined() -> None:
    records = by_locator(SEARCH)
    reasons = {k: r.reason for k, r in records.items() if isinstance(r, Quarantined)}
    assert reasons == {
        "row 4": "singkatan zona waktu tidak dikenal: XYZ",
        "row 5": "waktu tanpa zona waktu",
        "row 6": "jumlah kolom baris tidak sesuai kepala CSV",
    }


def test_time_without_zone_follows_the_parameter() -> None:
    wib = dt.timezone(dt.timedelta(hours=7))
    record = by_locator(SEARCH, CrowdTangleCsvAdapter(tz=wib))["row 5"]
    assert isinstance(record, RawActivity) and record.created_at == dt.datetime(2024, 2, 5, 3, tzinfo=dt.UTC)


def test_history_rows_are_ignored() -> None:
    records = read(SourceFile(FIXTURES, "history_post_200000000000001.csv"))
    assert len(records) == 2 and all(isinstance(r, Ignored) and r.category == "riwayat_statistik" for r in records)


def test_api_posts() -> None:
    records = by_locator("crowdtangle_api_posts_response.json")
    share = records["result.posts[1]"]
    assert isinstance(share, RawActivity) and share.kind == "share"
    assert share.target_text == "Pilkada Damai di Kecamatan Contoh"
    assert share.account is not None and share.account.handle == "kec.contoh"
    assert isinstance(records["result.posts[2]"], Quarantined) and isinstance(records["result.posts[3]"], Quarantined)


def test_unknown_csv_header_is_unreadable(tmp_path: Path) -> None:
    source = write(tmp_path, "ekspor.csv", b"\xef\xbb\xbfjudul,isi\na,b\n")
    with pytest.raises(UnreadableInput, match=r"ekspor\.csv: baris 1"):
        read(source)


def test_broken_api_json_is_unreadable(tmp_path: Path) -> None:
    source = write(tmp_path, "posts.json", b'{"status": 200, "result": {"posts": [{"platformId": "1_2",}]}}')
    assert CrowdTangleCsvAdapter().sniff(source, source.head(8192))
    with pytest.raises(UnreadableInput, match=r"posts\.json: JSON rusak"):
        read(source)
