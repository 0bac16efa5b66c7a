"""Source files: a file, a folder or a zip as delivered, every file with its own SHA-256."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

from jaganetral.ingest.adapters.base import Adapter
from jaganetral.ingest.model import Record
from jaganetral.ingest.sniff import pick
from jaganetral.ingest.sources import SourceFile, iter_sources


def _tree(tmp_path: Path) -> Path:
    root = tmp_path / "ekspor"
    (root / "a").mkdir(parents=True)
    (root / "a" / "satu.json").write_bytes(b'[{"x": 1}]')
    (root / "dua.txt").write_bytes(b"12/01/24 10.00 - Budi: halo\n")
    with zipfile.ZipFile(root / "dalam.zip", "w") as zf:
        zf.writestr("folder/tiga.js", "window.YTD.tweets.part0 = []")
    return root


def test_folder_lists_files_in_order_and_opens_zips(tmp_path: Path) -> None:
    files = list(iter_sources(_tree(tmp_path)))
    assert [f.path for f in files] == ["a/satu.json", "dalam.zip!/folder/tiga.js", "dua.txt"]
    assert files[1].name == "tiga.js"
    assert files[1].head() == b"window.YTD.tweets.part0 = []"


def test_sha256_is_of_the_file_itself(tmp_path: Path) -> None:
    files = {f.path: f for f in iter_sources(_tree(tmp_path))}
    assert files["a/satu.json"].sha256() == hashlib.sha256(b'[{"x": 1}]').hexdigest()
    assert files["dalam.zip!/folder/tiga.js"].sha256() == hashlib.sha256(b"window.YTD.tweets.part0 = []").hexdigest()


def test_zip_given_directly_and_plain_file(tmp_path: Path) -> None:
    root = _tree(tmp_path)
    assert [f.path for f in iter_sources(root / "dalam.zip")] == ["folder/tiga.js"]
    only = list(iter_sources(root / "dua.txt"))
    assert len(only) == 1 and only[0].path == "" and only[0].name == "dua.txt"


class _Txt(Adapter):
    name = "uji_txt"
    platform = "uji"

    def sniff(self, source: SourceFile, head: bytes) -> bool:
        return source.name.endswith(".txt")

    def read(self, source: SourceFile, sha256: str) -> list[Record]:  # type: ignore[override]
        return []


def test_pick_asks_adapters_in_order(tmp_path: Path) -> None:
    files = {f.name: f for f in iter_sources(_tree(tmp_path))}
    assert isinstance(pick(files["dua.txt"], [_Txt()]), _Txt)
    assert pick(files["satu.json"], [_Txt()]) is None


def test_every_fixture_is_claimed_by_exactly_one_adapter() -> None:
    """Sniffing must not be ambiguous: each fixture export file is read by one adapter only."""
    from jaganetral.ingest.registry import default_adapters

    adapters = default_adapters()
    root = Path(__file__).resolve().parents[2] / "fixtures" / "exports"
    checked = 0
    for source in iter_sources(root):
        if source.name.endswith((".golden.json", ".md")) or source.name == "SOURCE.txt":
            continue
        head = source.head(8192)
        claims = [a.name for a in adapters if a.sniff(source, head)]
        assert len(claims) <= 1, (source.path, claims)
        checked += 1
    assert checked > 20
