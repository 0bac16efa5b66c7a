"""The evidence vault on disk: content addressing, read-only objects, crash leftovers, zip members."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from jaganetral.store.vault import Vault


def test_same_bytes_are_stored_once_under_their_sha256(tmp_path: Path) -> None:
    vault = Vault(tmp_path / "vault")
    src = tmp_path / "ekspor.json"
    src.write_bytes(b'{"contoh": 1}')
    first = vault.put_file(src)
    second = vault.put_file(src)
    assert first.sha256 == hashlib.sha256(b'{"contoh": 1}').hexdigest()
    assert (first.new, second.new) == (True, False)
    path = vault.path_of(first.sha256)
    assert path.read_bytes() == b'{"contoh": 1}'
    assert path.stat().st_mode & 0o222 == 0  # read-only
    assert vault.rehash(first.sha256) == first.sha256
    assert list((tmp_path / "vault" / "tmp").iterdir()) == []


def test_missing_object_rehashes_to_none(tmp_path: Path) -> None:
    assert Vault(tmp_path).rehash("0" * 64) is None


def test_leftovers_of_a_dead_process_are_swept(tmp_path: Path) -> None:
    vault = Vault(tmp_path)
    (tmp_path / "tmp").mkdir()
    dead = tmp_path / "tmp" / "999999999-1.part"  # no such pid
    dead.write_bytes(b"setengah")
    assert vault.sweep_tmp() == 1
    assert not dead.exists()


def test_zip_members_are_rehashed_inside_the_stored_archive(tmp_path: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("data/a.json", b"[1, 2]")
    vault = Vault(tmp_path / "v")
    obj = vault.put_stream(io.BytesIO(buf.getvalue()))
    assert vault.rehash_member(obj.sha256, "data/a.json") == hashlib.sha256(b"[1, 2]").hexdigest()
    assert vault.rehash_member(obj.sha256, "tidak/ada.json") is None


@settings(max_examples=30, deadline=None)
@given(data=st.binary(max_size=3_000_000))
def test_any_bytes_round_trip(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as d:
        vault = Vault(Path(d))
        obj = vault.put_stream(io.BytesIO(data))
        assert obj.size == len(data)
        assert vault.path_of(obj.sha256).read_bytes() == data
