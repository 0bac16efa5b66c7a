"""``jaganetral ingest``, ``rescan`` and ``evidence verify`` as the acceptance checks call them."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest

from jaganetral.cli.main import main
from jaganetral.config import StoreSettings

CONTRACT_KINDS = ["post", "comment", "share", "like", "follow", "group_join", "photo", "profile"]

CAMPAIGN = [
    {"id": "c1", "text": "Ayo coblos nomor 2 Prabowo-Gibran, menang satu putaran!", "kind": "post",
     "created_at": "2024-02-01T09:00:00+07:00", "platform": "facebook"},
    {"id": "c2", "text": "Jangan lupa gunakan hak pilih kalian tanggal 14 Februari ya.", "kind": "post",
     "created_at": "2024-02-02T09:00:00+07:00", "platform": "facebook"},
    {"id": "c3", "text": "Resep sayur asem untuk makan siang keluarga.", "kind": "post",
     "created_at": "2024-02-03T09:00:00+07:00", "platform": "facebook"},
]


def store_args(settings: StoreSettings) -> list[str]:
    args = ["--data-dir", str(settings.data_dir)]
    return args + (["--db", settings.database_url] if settings.database_url else [])


def jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def run_json(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, dict[str, object]]:
    code = main(argv)
    out = capsys.readouterr().out
    return code, json.loads(out)


def test_contract_object_and_idempotent_rerun(store_settings: StoreSettings, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    export = jsonl(tmp_path / "posts.jsonl", CAMPAIGN)
    code, first = run_json(capsys, ["ingest", str(export), *store_args(store_settings), "--json"])
    assert code == 0
    assert list(first) == ["files", "activities", "duplicates", "ignored", "quarantined", "findings"]
    assert list(first["activities"]) == CONTRACT_KINDS  # type: ignore[call-overload]
    assert first["files"] == 1
    assert first["activities"]["post"] == 3  # type: ignore[index]
    assert first["findings"] == 1  # the call to vote; neutral election information is allowed
    code, second = run_json(capsys, ["ingest", str(export), *store_args(store_settings), "--json"])
    assert code == 0
    assert set(second["activities"].values()) == {0}  # type: ignore[attr-defined]
    assert second["duplicates"] == 3
    assert second["findings"] == 0


def test_zip_as_delivered_and_vault_verification(store_settings: StoreSettings, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    archive = tmp_path / "ekspor.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("data/posts.jsonl", "".join(json.dumps(r) + "\n" for r in CAMPAIGN))
        zf.writestr("media/foto.jpg", b"\xff\xd8\xff\xe0 bukan foto sungguhan")
    code, report = run_json(capsys, ["ingest", str(archive), *store_args(store_settings), "--json", "--no-scan"])
    assert code == 0 and report["files"] == 1 and report["findings"] == 0
    code, verified = run_json(capsys, ["evidence", "verify", *store_args(store_settings), "--json"])
    assert code == 0
    assert verified == {"objects": 1, "members": 1, "ok": True, "problems": []}

    stored = next((store_settings.data_dir / "vault" / "objects").rglob("*"), None)
    objects = [p for p in (store_settings.data_dir / "vault" / "objects").rglob("*") if p.is_file()]
    assert stored is not None and len(objects) == 1
    os.chmod(objects[0], 0o644)
    objects[0].write_bytes(objects[0].read_bytes() + b"diubah")
    code, verified = run_json(capsys, ["evidence", "verify", *store_args(store_settings), "--json"])
    assert code == 1
    assert verified["ok"] is False
    assert "isi berubah" in verified["problems"][0]  # type: ignore[index]


def test_rescan_judges_deferred_activities_then_records_changes(store_settings: StoreSettings, tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    export = jsonl(tmp_path / "posts.jsonl", CAMPAIGN)
    run_json(capsys, ["ingest", str(export), *store_args(store_settings), "--json", "--no-scan"])
    code, first = run_json(capsys, ["rescan", *store_args(store_settings), "--json"])
    assert code == 0
    assert (first["judged"], first["new"], first["unchanged"]) == (3, 1, 2)
    code, again = run_json(capsys, ["rescan", *store_args(store_settings), "--json"])
    assert again["judged"] == 0  # nothing changed since: nothing to judge
    other = tmp_path / "packs"
    _packs_without_2024_pilpres(other)
    code, changed = run_json(capsys, ["rescan", *store_args(store_settings), "--json", "--packs", str(other)])
    assert code == 0
    assert changed["judged"] == 3
    assert changed["removed"] + changed["changed"] == 1


def _packs_without_2024_pilpres(dest: Path) -> None:
    """The built-in packs minus the 2024 presidential race (a pack change that alters judgements)."""
    import shutil
    from importlib.resources import files

    src = Path(str(files("jaganetral.knowledge") / "packs"))
    shutil.copytree(src, dest)
    (dest / "contests" / "pilpres2024.yaml").unlink()


def test_unreadable_input_exits_non_zero_naming_the_position(store_settings: StoreSettings, tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "user_data_tiktok.json"
    broken.write_text('{"Activity": {"Like List": {"ItemFavoriteList": [\n  {"Date": "2024-01-01 10:00:00",}\n]}}}')
    code = main(["ingest", str(broken), *store_args(store_settings), "--json"])
    captured = capsys.readouterr()
    assert code == 1
    assert "baris 2" in captured.err and "kolom" in captured.err
    assert json.loads(captured.out)["files"] == 1


def test_missing_input_is_a_usage_error(store_settings: StoreSettings, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["ingest", str(tmp_path / "tidak-ada"), *store_args(store_settings), "--json"])
    assert code == 2
    assert "tidak ditemukan" in capsys.readouterr().err


def test_unreachable_database_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = jsonl(tmp_path / "posts.jsonl", CAMPAIGN)
    code = main(["ingest", str(export), "--data-dir", str(tmp_path), "--no-scan",
                 "--db", "postgresql://127.0.0.1:1/tidak_ada?connect_timeout=2"])
    assert code == 2
    assert "basis data tidak bisa dibuka" in capsys.readouterr().err
