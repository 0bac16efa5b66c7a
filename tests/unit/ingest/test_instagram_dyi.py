"""Instagram DYI JSON adapter: every synthetic fixture against its golden records, sniffing, quarantine.

Fixtures (tests/fixtures/exports/instagram_export/<layout>/) are invented, written with Meta's
per-byte escaping. Regenerate the golden files after an intended change with
``JAGANETRAL_UPDATE_GOLDEN=1 pytest tests/unit/ingest/test_instagram_dyi.py`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_records import as_data, check_golden

from jaganetral.ingest.adapters.facebook_dyi import FacebookDyiAdapter
from jaganetral.ingest.adapters.instagram_dyi import InstagramDyiAdapter
from jaganetral.ingest.model import Ignored, Quarantined, RawActivity, Record
from jaganetral.ingest.sources import SourceFile

TESTS = Path(__file__).resolve().parents[2]
FIXTURES = TESTS / "fixtures" / "exports" / "instagram_export"
GOLDEN = Path(__file__).resolve().parent / "golden" / "instagram_export"
FILES = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*.json"))
ADAPTER = InstagramDyiAdapter()




def read(rel: str) -> list[Record]:
    source = SourceFile(FIXTURES, rel)
    return list(ADAPTER.read(source, source.sha256()))


@pytest.mark.parametrize("rel", FILES)
def test_fixture_matches_golden(rel: str) -> None:
    source = SourceFile(FIXTURES, rel)
    assert ADAPTER.sniff(source, source.head(8192))
    assert not FacebookDyiAdapter().sniff(source, source.head(8192))
    got = as_data(read(rel), type_key="type")
    golden = GOLDEN / rel
    check_golden(got, golden)


def test_kinds_per_file() -> None:
    def kinds(rel: str) -> list[str]:
        return [r.kind if isinstance(r, RawActivity) else type(r).__name__ for r in read(rel)]

    assert kinds("2024/posts_1.json") == ["post", "post", "Quarantined"]
    assert kinds("2024/stories.json") == ["post"]  # stories are published content: posts
    assert kinds("2024/liked_posts.json") == ["like"]  # the repeated record once
    assert kinds("2024/saved_posts.json") == ["Ignored"]
    assert kinds("2026/followers_1.json") == ["Ignored"]
    assert kinds("2026/following.json") == ["follow", "follow"]


def test_carousel_caption_and_mojibake() -> None:
    post = read("2024/posts_1.json")[1]
    assert isinstance(post, RawActivity)
    assert post.text == "Reuni kecil-kecilan — senang sekali ketemu lagi"
    assert post.media == ("media/posts/202402/a.jpg", "media/posts/202402/b.jpg")


def test_new_liked_posts_layout() -> None:
    like = read("2026/liked_posts.json")[0]
    assert isinstance(like, RawActivity)
    assert like.target_account == "pasar.kreatif"
    assert like.target_text == "Bazar kerajinan akhir pekan ini ✨ #bazar #umkm"
    assert like.native_id == "17900000000000001"


def test_malformed_records_are_quarantined() -> None:
    bad = [r for r in read("2024/post_comments_1.json") if isinstance(r, Quarantined)]
    assert len(bad) == 1 and bad[0].provenance.locator == "[1]" and bad[0].reason == "komentar tanpa teks"
    ignored = [r for r in read("2024/saved_posts.json") if isinstance(r, Ignored)]
    assert ignored[0].category == "tersimpan"


@pytest.mark.parametrize(("name", "body", "expected"), [
    ("liked_posts.json", b'{"likes_media_likes": [', True),
    ("liked_posts.json", b'[\n {"timestamp": 1, "fbid": "1"', True),
    ("x.json", b'{"relationships_following": [', True),
    ("posts_1.json", b'[{"media": [', True),
    ("your_posts_1.json", b'[{"timestamp": 1', False),  # Facebook
    ("comments.json", b'{"comments_v2": [', False),  # Facebook
    ("posts_1.json", b'{"data": []}', False),
    ("liked_posts.js", b'{"likes_media_likes": [', False),
])
def test_sniff(tmp_path: Path, name: str, body: bytes, expected: bool) -> None:
    (tmp_path / name).write_bytes(body)
    source = SourceFile(tmp_path, name)
    assert ADAPTER.sniff(source, source.head()) is expected
