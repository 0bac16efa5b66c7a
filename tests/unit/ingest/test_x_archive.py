"""X / Twitter archive adapter: golden files per fixture (2020, 2022, 2026 generations), sniffing, quarantine.

The fixtures under ``tests/fixtures/exports/twitter_archive`` are synthetic (invented Indonesian
content) with the structure of real archives. Each ``<file>.golden.json`` holds the expected
records; set ``JAGANETRAL_UPDATE_GOLDEN=1`` to rewrite them after an intended change.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from golden_records import as_data, check_golden

from jaganetral.ingest.adapters.x_archive import XArchiveAdapter, parse_time
from jaganetral.ingest.model import Quarantined, RawActivity, Record, UnreadableInput
from jaganetral.ingest.sources import SourceFile

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "exports" / "twitter_archive"
SHA = "0" * 64
ADAPTER = XArchiveAdapter()
CASES = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*.js"))




def _read(container: Path, rel: str) -> list[Record]:
    return list(ADAPTER.read(SourceFile(container, rel), SHA))


def test_every_generation_has_fixtures() -> None:
    assert {c.split("/")[0] for c in CASES} == {"2020_format", "2022_format", "2026_format"}


@pytest.mark.parametrize("rel", CASES)
def test_fixture_matches_golden(rel: str) -> None:
    source = SourceFile(FIXTURES, rel)
    assert ADAPTER.sniff(source, source.head())
    check_golden(as_data(_read(FIXTURES, rel), type_key="type"), FIXTURES / f"{rel}.golden.json")


def test_kinds_of_tweets() -> None:
    acts = [r for r in _read(FIXTURES, "2022_format/tweets.js") if isinstance(r, RawActivity)]
    retweet, quote, reply, mention = acts
    assert (retweet.kind, retweet.target_account, retweet.text) == ("share", "relawan_fiksi", "")
    assert retweet.target_text is not None and retweet.target_text.startswith("Ayo datang ke TPS")
    assert (quote.kind, quote.target_account) == ("share", "calon_fiksi")
    assert quote.text.startswith("Setuju sekali")
    assert (reply.kind, reply.target_account) == ("comment", "calon_fiksi")
    assert mention.kind == "post"
    assert all(a.created_at is not None and a.created_at.tzinfo == dt.UTC for a in acts)


def test_malformed_records_are_quarantined_not_dropped() -> None:
    records = _read(FIXTURES, "2022_format/tweets.js")
    bad = [r for r in records if isinstance(r, Quarantined)]
    assert [q.provenance.locator for q in bad] == ["tweets.js[4]", "tweets.js[5]"]
    assert "full_text" in bad[0].reason and "1580000000000000005" in bad[0].excerpt
    assert len(records) == 6


def test_duplicate_tweet_is_emitted_once() -> None:
    records = _read(FIXTURES, "2020_format/tweet.js")
    ids = [r.native_id for r in records if isinstance(r, RawActivity)]
    assert ids.count("1200000000000000001") == 1


def test_times() -> None:
    assert parse_time("Wed Oct 10 20:19:24 +0000 2018") == dt.datetime(2018, 10, 10, 20, 19, 24, tzinfo=dt.UTC)
    assert parse_time("Mon Jan 27 11:00:00 +0700 2020") == dt.datetime(2020, 1, 27, 4, 0, tzinfo=dt.UTC)
    assert parse_time("2026-02-01T03:04:05.000Z") == dt.datetime(2026, 2, 1, 3, 4, 5, tzinfo=dt.UTC)
    assert parse_time("") is None


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("tweets.js", b"window.YTD.tweets.part0 = []", True),
        ("tweets-part1.js", b"\xef\xbb\xbfwindow.YTD.tweets.part1 = [ {", True),
        ("manifest.js", b"window.__THAR_CONFIG = {}", False),
        ("tweets.json", b"window.YTD.tweets.part0 = []", False),
        ("app.js", b"console.log('halo')", False),
        ("user_data.json", b'{"Your Activity": {}}', False),
    ],
)
def test_sniff(tmp_path: Path, name: str, content: bytes, expected: bool) -> None:
    (tmp_path / name).write_bytes(content)
    source = SourceFile(tmp_path, name)
    assert ADAPTER.sniff(source, source.head()) is expected


def test_broken_json_is_unreadable_with_position(tmp_path: Path) -> None:
    (tmp_path / "like.js").write_text('window.YTD.like.part0 = [ {\n  "like" : { "tweetId" : "1", }\n} ]')
    with pytest.raises(UnreadableInput, match=r"like\.js: JSON rusak pada baris 2,? kolom 31 \(posisi 58\)"):
        _read(tmp_path, "like.js")


def test_missing_prefix_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "tweets.js").write_text("var x = []")
    with pytest.raises(UnreadableInput, match=r"tweets\.js"):
        _read(tmp_path, "tweets.js")
