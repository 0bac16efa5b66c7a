"""Facebook DYI JSON adapter: every synthetic fixture against its golden records, sniffing, quarantine.

Fixtures (tests/fixtures/exports/facebook_export/<generation>/) are invented, written with Meta's
per-byte escaping. Regenerate the golden files after an intended change with
``JAGANETRAL_UPDATE_GOLDEN=1 pytest tests/unit/ingest/test_facebook_dyi.py`` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from golden_records import as_data, check_golden

from jaganetral.ingest.adapters.facebook_dyi import FacebookDyiAdapter
from jaganetral.ingest.adapters.instagram_dyi import InstagramDyiAdapter
from jaganetral.ingest.model import Quarantined, RawActivity, Record, UnreadableInput
from jaganetral.ingest.sources import SourceFile

TESTS = Path(__file__).resolve().parents[2]
FIXTURES = TESTS / "fixtures" / "exports" / "facebook_export"
GOLDEN = Path(__file__).resolve().parent / "golden" / "facebook_export"
FILES = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*.json"))
ADAPTER = FacebookDyiAdapter()




def read(folder: Path, rel: str) -> list[Record]:
    source = SourceFile(folder, rel)
    return list(ADAPTER.read(source, source.sha256()))


def test_every_generation_has_fixtures() -> None:
    assert {f.split("/")[0] for f in FILES} == {"2019", "2021", "2024-2026"}


@pytest.mark.parametrize("rel", FILES)
def test_fixture_matches_golden(rel: str) -> None:
    source = SourceFile(FIXTURES, rel)
    assert ADAPTER.sniff(source, source.head(8192))
    got = as_data(read(FIXTURES, rel), type_key="type")
    golden = GOLDEN / rel
    check_golden(got, golden)


@pytest.mark.parametrize("rel", FILES)
def test_times_are_utc_and_text_is_repaired(rel: str) -> None:
    for r in read(FIXTURES, rel):
        if isinstance(r, RawActivity):
            assert r.created_at is None or r.created_at.utcoffset() is not None
            for text in (r.text, r.target_text or "", r.target_account or "", r.target_group or ""):
                assert "\u00c3" not in text and "\u00f0" not in text


def test_mojibake_and_dedup() -> None:
    recs = read(FIXTURES, "2024-2026/who_you've_followed.json")
    follows = [r for r in recs if isinstance(r, RawActivity)]
    assert [r.target_account for r in follows] == ["Nguyễn Thị Hoa", "Yohanes Pétrus"]  # repeated record once
    assert [r.provenance.locator for r in recs] == ["following_v3[0]", "following_v3[1]", "following_v3[3]"]


def test_malformed_records_are_quarantined_not_dropped() -> None:
    recs = read(FIXTURES, "2019/your_posts_1.json")
    bad = [r for r in recs if isinstance(r, Quarantined)]
    assert len(bad) == 1 and bad[0].provenance.locator == "[4]" and "waktu" in bad[0].reason
    assert "kemarin" in bad[0].excerpt


def _src(tmp_path: Path, name: str, body: bytes) -> SourceFile:
    (tmp_path / name).write_bytes(body)
    return SourceFile(tmp_path, name)


@pytest.mark.parametrize(("name", "body", "expected"), [
    ("comments.json", b'{"comments_v2": []}', True),
    ("anything.json", b'{\n  "following_v3": [', True),
    ("facebook_comments.json", b'[{"group_comments_v2": [', True),
    ("your_posts_1.json", b'[\n  {\n    "timestamp": 1', True),
    ("likes_and_reactions_3.json", b'[{"timestamp": 1, "label_values": [', True),
    ("posts_1.json", b'[{"media": [{"uri": "x"', False),  # Instagram
    ("following.json", b'{"relationships_following": [', False),  # Instagram
    ("result.json", b'{"name": "Grup", "type": "private_group"', False),
    ("your_posts_1.txt", b'[{"timestamp": 1}]', False),
    ("random.json", b'[{"timestamp": 1}]', False),
])
def test_sniff(tmp_path: Path, name: str, body: bytes, expected: bool) -> None:
    source = _src(tmp_path, name, body)
    assert ADAPTER.sniff(source, source.head()) is expected


def test_facebook_fixtures_are_not_instagram() -> None:
    ig = InstagramDyiAdapter()
    for rel in FILES:
        source = SourceFile(FIXTURES, rel)
        assert not ig.sniff(source, source.head(8192)), rel


def test_broken_json_names_file_and_position(tmp_path: Path) -> None:
    source = _src(tmp_path, "comments.json", b'{"comments_v2": [\n  {"timestamp": 1,}\n]}')
    with pytest.raises(UnreadableInput, match=r"comments\.json.*baris 2"):
        list(ADAPTER.read(source, "0" * 64))
