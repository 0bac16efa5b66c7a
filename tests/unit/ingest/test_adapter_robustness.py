"""Regressions for the crashes ``test_adapter_fuzz`` found: each input once escaped an adapter as a raw exception.

Each case damages one fixture in one way and says what the adapter must do instead: quarantine the
record (with an Indonesian reason) or refuse the whole file with ``UnreadableInput`` naming the position.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from jaganetral.ingest.jsonstream import MAX_DEPTH, TooDeep, loads
from jaganetral.ingest.model import Quarantined, Record, UnreadableInput, from_unix, utc
from jaganetral.ingest.registry import default_adapters
from jaganetral.ingest.sources import SourceFile

EXPORTS = Path(__file__).resolve().parents[2] / "fixtures" / "exports"
ADAPTERS = {a.name: a for a in default_adapters()}
DEEP = "[" * 5000 + "]" * 5000


def read(tmp_path: Path, name: str, rel: str, raw: bytes) -> list[Record]:
    (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / rel).write_bytes(raw)
    source = SourceFile(tmp_path, rel)
    ADAPTERS[name].sniff(source, source.head(8192))  # must not raise either
    return list(ADAPTERS[name].read(source, "0" * 64))


def edited_json(rel: str, edit: Callable[[Any], None]) -> bytes:
    value = json.loads((EXPORTS / rel).read_bytes().decode("utf-8-sig"))
    edit(value)
    return json.dumps(value).encode("utf-8")


def replaced_first_value(rel: str, raw_value: str) -> bytes:
    """The file with the value of the first object's first key replaced by ``raw_value`` (raw JSON text)."""
    raw = (EXPORTS / rel).read_bytes()
    m = re.compile(rb'\{\s*"[^"]+"\s*:\s*("[^"]*"|-?\d+)').search(raw)
    assert m is not None
    return raw[: m.start(1)] + raw_value.encode() + raw[m.end(1):]


def reasons(records: list[Record]) -> dict[str, str]:
    return {r.provenance.locator: r.reason for r in records if isinstance(r, Quarantined)}


TELEGRAM = "telegram_result_json/full_export_result.json"
CROWDTANGLE_API = "crowdtangle/crowdtangle_api_posts_response.json"
CROWDTANGLE_CSV = "crowdtangle/2024-02-06-10-00-00-WIB-search-csv-export.csv"
FB_POSTS = "facebook_export/2019/your_posts_1.json"
IG_FOLLOWING = "instagram_export/2024/following.json"
JSON_FILES = [("x_archive", "twitter_archive/2022_format/tweets.js"), ("telegram_json", TELEGRAM),
              ("tiktok_json", "tiktok_export/user_data_tiktok.activity_layout.json"),
              ("crowdtangle_csv", CROWDTANGLE_API), ("facebook_scraper", "facebook_scraper/grup_warga.get_posts.json"),
              ("facebook_dyi", FB_POSTS), ("instagram_dyi", IG_FOLLOWING)]
JSONL_FILES = [("zeeschuimer_ndjson", "zeeschuimer_4cat/zeeschuimer-export-campuran.ndjson"),
               ("generic_table", "generic_table/aktivitas_kontrak.jsonl")]


def test_telegram_chat_type_of_another_json_type_is_not_a_crash(tmp_path: Path) -> None:
    raw = edited_json(TELEGRAM, lambda v: v["chats"]["list"][0].__setitem__("type", []))
    assert read(tmp_path, "telegram_json", TELEGRAM, raw)  # was TypeError: unhashable type: 'list'


@pytest.mark.parametrize("stamp", [str(2**60), str(10**20), "-9223372036854775808"])
def test_telegram_unix_time_out_of_range_is_quarantined(tmp_path: Path, stamp: str) -> None:
    raw = edited_json(TELEGRAM, lambda v: v["chats"]["list"][0]["messages"][0].__setitem__("date_unixtime", stamp))
    got = reasons(read(tmp_path, "telegram_json", TELEGRAM, raw))  # 2**60 was OSError (EOVERFLOW)
    assert got["chats.list[0].messages[0]"] == "waktu pesan tidak terbaca"


@pytest.mark.parametrize("key", ["media", "expandedLinks"])
def test_crowdtangle_api_list_fields_of_another_type_count_as_absent(tmp_path: Path, key: str) -> None:
    raw = edited_json(CROWDTANGLE_API, lambda v: v["result"]["posts"][0].__setitem__(key, True))
    records = read(tmp_path, "crowdtangle_csv", CROWDTANGLE_API, raw)  # was TypeError: 'bool' is not iterable
    assert "result.posts[0]" not in reasons(records)


@pytest.mark.parametrize(("name", "rel", "edit"), [
    ("facebook_dyi", FB_POSTS, lambda v: v[0].__setitem__("timestamp", 10**20)),
    ("facebook_dyi", FB_POSTS, lambda v: v[0].__setitem__("timestamp", 2**60)),
    ("instagram_dyi", IG_FOLLOWING,
     lambda v: v["relationships_following"][0]["string_list_data"][0].__setitem__("timestamp", 10**20)),
])
def test_meta_unix_time_out_of_range_is_quarantined(tmp_path: Path, name: str, rel: str,
                                                    edit: Callable[[Any], None]) -> None:
    got = reasons(read(tmp_path, name, rel, edited_json(rel, edit)))  # was OverflowError / OSError
    assert any(reason.startswith("stempel waktu tidak valid") for reason in got.values()), got


@pytest.mark.parametrize(("name", "rel"), JSON_FILES)
@pytest.mark.parametrize("nesting", [DEEP, "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)])
def test_json_nested_too_deep_is_unreadable_with_position(tmp_path: Path, name: str, rel: str, nesting: str) -> None:
    with pytest.raises(UnreadableInput, match=rf"JSON bersarang lebih dari {MAX_DEPTH} tingkat") as caught:
        read(tmp_path, name, rel, replaced_first_value(rel, nesting))  # was RecursionError
    assert re.search(rf"^{re.escape(rel)}: .*baris \d+ kolom \d+", str(caught.value))


@pytest.mark.parametrize(("name", "rel"), JSON_FILES)
def test_integer_too_long_for_python_is_unreadable_with_position(tmp_path: Path, name: str, rel: str) -> None:
    with pytest.raises(UnreadableInput, match=r"angka terlalu panjang untuk dibaca") as caught:
        read(tmp_path, name, rel, replaced_first_value(rel, "7" * 5000))  # was ValueError (4300 digits)
    assert re.search(rf"^{re.escape(rel)}: .*baris \d+ kolom \d+", str(caught.value))


@pytest.mark.parametrize(("name", "rel"), JSONL_FILES)
def test_jsonl_line_nested_too_deep_is_quarantined(tmp_path: Path, name: str, rel: str) -> None:
    raw = (EXPORTS / rel).read_bytes().rstrip(b"\n") + b"\n" + DEEP.encode() + b"\n"
    records = read(tmp_path, name, rel, raw)
    last = records[-1]
    assert isinstance(last, Quarantined) and last.reason == f"baris: JSON bersarang lebih dari {MAX_DEPTH} tingkat"


def test_zeeschuimer_time_out_of_range_quarantines_the_line_not_the_file(tmp_path: Path) -> None:
    rel = "zeeschuimer_4cat/4cat-dataset-tiktok.ndjson"
    lines = (EXPORTS / rel).read_bytes().split(b"\n")
    first = json.loads(lines[0])
    first["createTime"] = 2**60  # a 4CAT item: the TikTok object itself, with "__import_meta"
    lines[0] = json.dumps(first).encode()
    records = read(tmp_path, "zeeschuimer_ndjson", rel, b"\n".join(lines))  # was UnreadableInput for the file
    assert reasons(records)["line 1"] == "item tiktok tidak terbaca (ValueError)"
    assert len(records) > 1


@pytest.mark.parametrize(("name", "rel", "header"), [("fourcat_csv", "4cat.csv", "id,bo\rdy,author"),
                                                      ("crowdtangle_csv", "ct.csv", "Page Name,Post\rCreated,URL")])
def test_sniffing_a_header_with_a_lone_carriage_return(tmp_path: Path, name: str, rel: str, header: str) -> None:
    with pytest.raises(UnreadableInput, match=r"baris 1"):  # sniff raised csv.Error
        read(tmp_path, name, rel, f"{header}\n1,2,3\n".encode())


def test_crowdtangle_time_before_year_one_in_utc_is_quarantined(tmp_path: Path) -> None:
    rows = list(csv.reader(io.StringIO((EXPORTS / CROWDTANGLE_CSV).read_text("utf-8-sig"), newline="")))
    rows[1][rows[0].index("Post Created")] = "0001-01-01 00:00:00 WIB"
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    got = reasons(read(tmp_path, "crowdtangle_csv", CROWDTANGLE_CSV, out.getvalue().encode()))
    assert got["row 1"] == "waktu di luar jangkauan tahun 1-9999 setelah diubah ke UTC"  # was OverflowError


def test_x_time_before_year_one_in_utc_is_quarantined(tmp_path: Path) -> None:
    rel = "twitter_archive/2022_format/tweets.js"
    raw = re.sub(rb'"created_at" : "[^"]+"', b'"created_at" : "Mon Jan 01 00:00:00 +1400 0001"',
                 (EXPORTS / rel).read_bytes(), count=1)
    got = reasons(read(tmp_path, "x_archive", rel, raw))  # was OverflowError
    assert got["tweets.js[0]"].startswith("waktu tidak dapat dibaca")


def test_whatsapp_excerpt_of_a_line_that_is_not_utf8_is_short(tmp_path: Path) -> None:
    rel = "whatsapp_txt/_chat.txt"
    raw = (EXPORTS / rel).read_bytes().replace(b"\n", b"\xff" + b"x" * 300 + b"\n", 1)
    bad = [r for r in read(tmp_path, "whatsapp_txt", rel, raw) if isinstance(r, Quarantined)]
    assert bad[0].reason == "baris bukan teks UTF-8 yang sah"
    assert len(bad[0].excerpt) <= 200 and bad[0].excerpt.startswith("[02/04/24")  # was 2 hex digits per byte
    assert "\\xff" in bad[0].excerpt


def test_time_helpers_turn_out_of_range_into_value_error() -> None:
    for seconds in (2**60, 10**20, float("nan"), float("inf"), -(10**12)):
        with pytest.raises(ValueError, match="di luar jangkauan"):
            from_unix(seconds)
    with pytest.raises(ValueError, match="di luar jangkauan"):
        utc(dt.datetime(1, 1, 1, tzinfo=dt.timezone(dt.timedelta(hours=7))))
    assert from_unix(0) == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def test_loads_limits_nesting() -> None:
    assert loads("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    for text in ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), DEEP):
        with pytest.raises(TooDeep):
            loads(text)
