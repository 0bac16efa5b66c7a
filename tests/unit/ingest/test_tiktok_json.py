"""TikTok JSON adapter: golden files per layout, the invalid-JSON case, sniffing, quarantine.

The fixtures under ``tests/fixtures/exports/tiktok_export`` are synthetic (invented Indonesian
content) with the structure of real exports, one per top-level layout plus one with a trailing
comma. Each ``<file>.golden.json`` holds the expected records (or the UnreadableInput message);
set ``JAGANETRAL_UPDATE_GOLDEN=1`` to rewrite them after an intended change.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from golden_records import as_data, check_golden

from jaganetral.ingest.adapters.tiktok_json import TikTokJsonAdapter
from jaganetral.ingest.model import Ignored, Quarantined, RawActivity, Record, UnreadableInput
from jaganetral.ingest.sources import SourceFile

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "exports" / "tiktok_export"
SHA = "0" * 64
ADAPTER = TikTokJsonAdapter()
CASES = sorted(p.name for p in FIXTURES.glob("*.json") if not p.name.endswith(".golden.json"))




def _read(container: Path, rel: str) -> list[Record]:
    return list(ADAPTER.read(SourceFile(container, rel), SHA))


def test_every_layout_has_a_fixture() -> None:
    assert len(CASES) == 5
    tops = set()
    for name in CASES:
        try:
            tops |= set(json.loads((FIXTURES / name).read_text(encoding="utf-8")))
        except json.JSONDecodeError:
            continue
    assert {"Activity", "Your Activity", "Profile", "Likes and Favorites"} <= tops


@pytest.mark.parametrize("name", CASES)
def test_fixture_matches_golden(name: str) -> None:
    source = SourceFile(FIXTURES, name)
    assert ADAPTER.sniff(source, source.head())
    try:
        actual = as_data(_read(FIXTURES, name), type_key="type")
    except UnreadableInput as exc:
        actual = [{"type": "UnreadableInput", "message": str(exc)}]
    check_golden(actual, FIXTURES / f"{Path(name).stem}.golden.json")


def test_invalid_json_names_line_column_and_position() -> None:
    with pytest.raises(UnreadableInput) as info:
        _read(FIXTURES, "user_data_tiktok.invalid_trailing_comma.json")
    message = str(info.value)
    assert "user_data_tiktok.invalid_trailing_comma.json" in message
    assert "baris 9 kolom 9 (posisi 191)" in message and "posisi" in message


def test_kinds_in_your_activity_layout() -> None:
    records = _read(FIXTURES, "user_data_tiktok.your_activity_layout.json")
    acts = [r for r in records if isinstance(r, RawActivity)]
    assert sorted(a.kind for a in acts) == ["comment", "follow", "like", "like", "post", "post"]
    follow = next(a for a in acts if a.kind == "follow")
    assert follow.target_account == "calon_fiksi_official"
    like = next(a for a in acts if a.kind == "like")
    assert like.native_id == "7101" and like.created_at == dt.datetime(2024, 12, 3, 8, tzinfo=dt.UTC)
    photo_post = next(a for a in acts if a.kind == "post" and a.text)
    assert len(photo_post.media) == 2
    assert {r.category for r in records if isinstance(r, Ignored)} == {
        "pengikut", "riwayat pencarian", "riwayat tontonan"}


def test_malformed_records_are_quarantined_not_dropped() -> None:
    records = _read(FIXTURES, "user_data_tiktok.activity_layout.json")
    bad = [r for r in records if isinstance(r, Quarantined)]
    assert [q.provenance.locator for q in bad] == [
        "Activity/Like List/ItemFavoriteList[1]", "Comment/Comments/CommentsList[1]"]
    assert "tanggal tidak dapat dibaca" in bad[1].reason and "tanggal rusak" in bad[1].excerpt


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("user_data.json", b"{}", True),
        ("ekspor.json", b'{\n  "Your Activity": {}}', True),
        ("ekspor.json", b'{"Likes and Favorites": {"Like List": {}}}', True),
        ("user_data_tiktok.json", b"[1, 2]", False),
        ("your_posts_1.json", b'[{"timestamp": 1}]', False),
        ("comments.json", b'{"comments_v2": []}', False),
        ("user_data.js", b'{"Your Activity": {}}', False),
    ],
)
def test_sniff(tmp_path: Path, name: str, content: bytes, expected: bool) -> None:
    (tmp_path / name).write_bytes(content)
    source = SourceFile(tmp_path, name)
    assert ADAPTER.sniff(source, source.head()) is expected
