"""Zeeschuimer NDJSON and 4CAT datasets: golden records for synthetic fixtures, sniffing, quarantine, unreadable files.

The fixtures are invented (accounts, posts, ids); none is a real capture. To accept a deliberate change
of the output, rerun with JAGANETRAL_UPDATE_GOLDEN=1 and review the diff of the golden files.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from golden_records import as_data, check_golden

from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.adapters.zeeschuimer_ndjson import FourCatCsvAdapter, ZeeschuimerNdjsonAdapter
from jaganetral.ingest.model import Quarantined, RawActivity, Record, UnreadableInput
from jaganetral.ingest.sources import SourceFile, iter_sources

EXPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "exports"
FIXTURES = EXPORTS / "zeeschuimer_4cat"
FILES = sorted(p.name for p in FIXTURES.iterdir() if not p.name.endswith(".golden.json"))


def adapter_for(name: str) -> Adapter:
    return FourCatCsvAdapter() if name.endswith(".csv") else ZeeschuimerNdjsonAdapter()




def read(source: SourceFile) -> list[Record]:
    return list(adapter_for(source.name).read(source, source.sha256()))


def by_locator(name: str) -> dict[str, Record]:
    return {r.provenance.locator: r for r in read(SourceFile(FIXTURES, name))}


def write(tmp_path: Path, name: str, data: bytes) -> SourceFile:
    (tmp_path / name).write_bytes(data)
    return SourceFile(tmp_path, name)


def test_there_are_fixtures() -> None:
    assert FILES == ["4cat-dataset-tiktok.ndjson", "4cat-dataset-x.csv", "zeeschuimer-export-campuran.ndjson"]


@pytest.mark.parametrize("name", FILES)
def test_fixture_matches_golden(name: str) -> None:
    got = as_data(read(SourceFile(FIXTURES, name)))
    golden = FIXTURES / f"{Path(name).stem}.golden.json"
    check_golden(got, golden)


@pytest.mark.parametrize("name", FILES)
def test_sniffs_fixtures(name: str) -> None:
    source = SourceFile(FIXTURES, name)
    assert adapter_for(name).sniff(source, source.head(8192))


def test_does_not_claim_other_exports() -> None:
    for folder in sorted(p for p in EXPORTS.iterdir() if p.is_dir() and p.name != "zeeschuimer_4cat"):
        for source in iter_sources(folder):
            head = source.head(8192)
            assert not ZeeschuimerNdjsonAdapter().sniff(source, head), source.path
            assert not FourCatCsvAdapter().sniff(source, head), source.path


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("data.json", '{"nav_index": "1:1:0", "item_id": "1", "source_platform": "x.com", "data": {}}'),
        ("notes.ndjson", '{"pesan": "halo"}\n'),
        ("tweets.jsonl", '{"_type": "snscrape.modules.twitter.Tweet", "content": "x"}\n'),
        ("posts.csv", "post_id,text,time\n1,halo,2024-01-01\n"),
        ("x.golden.json", '[{"record": "RawActivity"}]'),
    ],
)
def test_does_not_sniff_other_files(tmp_path: Path, name: str, text: str) -> None:
    source = write(tmp_path, name, text.encode())
    assert not ZeeschuimerNdjsonAdapter().sniff(source, source.head(8192))
    assert not FourCatCsvAdapter().sniff(source, source.head(8192))


def test_platforms_and_kinds_come_from_the_items() -> None:
    records = by_locator("zeeschuimer-export-campuran.ndjson")
    tiktok = records["line 1"]
    assert isinstance(tiktok, RawActivity) and tiktok.platform == "tiktok" and tiktok.kind == "post"
    assert tiktok.account is not None and tiktok.account.handle == "budi.sukamaju"
    assert tiktok.created_at == dt.datetime(2024, 2, 13, 4, 53, 20, tzinfo=dt.UTC)
    retweet = records["line 3"]
    assert isinstance(retweet, RawActivity) and retweet.platform == "x" and retweet.kind == "share"
    assert retweet.target_account == "kabar_desa" and retweet.target_text == "Jalan desa sudah diperbaiki."
    reply = records["line 4"]
    assert isinstance(reply, RawActivity) and reply.kind == "comment" and reply.target_account == "sari_dewi"
    quote = records["line 5"]
    assert isinstance(quote, RawActivity) and quote.kind == "share" and quote.target_account == "info_kota"
    instagram = records["line 7"]
    assert isinstance(instagram, RawActivity) and instagram.platform == "instagram" and len(instagram.media) == 2
    comment = records["line 8"]
    assert isinstance(comment, RawActivity) and comment.platform == "tiktok" and comment.kind == "comment"


def test_bad_lines_are_quarantined_with_their_line() -> None:
    records = by_locator("zeeschuimer-export-campuran.ndjson")
    reasons = {k: r.reason for k, r in records.items() if isinstance(r, Quarantined)}
    assert reasons == {
        "line 9": "baris bukan JSON yang sah",
        "line 10": "baris bukan objek JSON",
        "line 11": "platform belum didukung: linkedin.com",
        "line 12": "item x tidak terbaca (KeyError)",
    }
    assert "line 6" not in records  # an empty line is no record


def test_4cat_ndjson_platform_from_meta_or_layout() -> None:
    records = by_locator("4cat-dataset-tiktok.ndjson")
    inferred = records["line 2"]
    assert isinstance(inferred, RawActivity) and inferred.platform == "tiktok"
    assert inferred.account is not None and inferred.account.numeric_id == "6800000000000000001"
    assert isinstance(records["line 3"], Quarantined)


def test_4cat_csv_kinds_and_quarantine() -> None:
    records = by_locator("4cat-dataset-x.csv")
    kinds = {k: r.kind for k, r in records.items() if isinstance(r, RawActivity)}
    assert kinds == {"row 1": "post", "row 2": "share", "row 3": "comment", "row 4": "share"}
    no_unix = records["row 3"]
    assert isinstance(no_unix, RawActivity) and no_unix.created_at == dt.datetime(2024, 2, 10, 5, tzinfo=dt.UTC)
    assert isinstance(records["row 5"], Quarantined) and isinstance(records["row 6"], Quarantined)


def test_binary_file_is_unreadable(tmp_path: Path) -> None:
    source = write(tmp_path, "tangkapan.ndjson", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\n")
    with pytest.raises(UnreadableInput, match=r"tangkapan\.ndjson: baris 1"):
        read(source)


def test_csv_without_4cat_columns_is_unreadable(tmp_path: Path) -> None:
    source = write(tmp_path, "dataset.csv", b"judul,isi\na,b\n")
    with pytest.raises(UnreadableInput, match=r"dataset\.csv: baris 1"):
        read(source)


def test_csv_that_is_not_utf8_is_unreadable(tmp_path: Path) -> None:
    rows = b"".join(b"%d,%d,teks,akun,%d,https://x.com/a/status/%d\n" % (i, i, i, i) for i in range(1, 2001))
    data = b"id,thread_id,body,author,unix_timestamp,link\n" + rows + b"2002,2002,\xff\xfe,akun,1,-\n"
    source = write(tmp_path, "dataset.csv", data)
    stream = FourCatCsvAdapter().read(source, "0" * 64)
    first = next(stream)
    assert isinstance(first, RawActivity) and first.platform == "x"
    with pytest.raises(UnreadableInput, match=r"dataset\.csv: tidak dapat dibaca pada baris data \d+: 'utf-8'"):
        list(stream)
