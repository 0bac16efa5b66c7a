"""The import service on SQLite and PostgreSQL: counts, idempotency, overlap, quarantine, unreadable files.

Expected counts are what the adapter itself yields for the same file, so a record lost or doubled
on the way into the database fails the test. All posts are invented.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from jaganetral.ingest.model import Ignored, Quarantined, RawActivity
from jaganetral.ingest.registry import default_adapters
from jaganetral.ingest.sniff import pick
from jaganetral.ingest.sources import iter_sources
from jaganetral.service.importing import ImportInputError, ImportOptions, import_paths
from jaganetral.service.store import Store
from jaganetral.store import activity_repo
from jaganetral.store.tables import activities, captures, imports, quarantine, vault_objects

NO_SCAN = ImportOptions(scan=False)


def adapter_counts(path: Path) -> tuple[Counter[str], int, int]:
    """Activities by kind (distinct records), ignored and quarantined, read straight from the adapter."""
    kinds: Counter[str] = Counter()
    seen: set[tuple[object, ...]] = set()
    ignored = quarantined = 0
    for source in iter_sources(path):
        adapter = pick(source, default_adapters())
        assert adapter is not None
        for rec in adapter.read(source, "x"):
            if isinstance(rec, RawActivity):
                ident = (rec.kind, rec.account, rec.created_at, rec.text, rec.target_text, rec.target_account,
                         rec.target_group, rec.native_id)
                if ident not in seen:
                    seen.add(ident)
                    kinds[rec.kind] += 1
            elif isinstance(rec, Ignored):
                ignored += 1
            elif isinstance(rec, Quarantined):
                quarantined += 1
    return kinds, ignored, quarantined


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


def post(i: int, text: str | None = None) -> dict[str, object]:
    return {"id": f"p{i}", "text": text or f"Kabar kegiatan desa nomor {i}", "kind": "post",
            "created_at": f"2024-03-01T{i % 24:02d}:{i % 60:02d}:00+07:00", "platform": "facebook",
            "account": "@warga_contoh"}


def stored(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(activities)).scalar_one())


@pytest.mark.parametrize("relative", [
    "twitter_archive/2022_format/tweets.js",
    "tiktok_export/user_data_tiktok.profile_video_layout.json",
    "whatsapp_txt/Chat WhatsApp dengan Arisan RT 05.txt",
    "generic_table/aktivitas_kontrak.jsonl",
    "crowdtangle/2024-02-06-10-00-00-WIB-search-csv-export.csv",
])
def test_every_record_is_stored_once_and_a_second_run_adds_nothing(store: Store, fixture_copy, relative: str) -> None:
    path = fixture_copy(relative)
    kinds, ignored, quarantined = adapter_counts(path)
    first = import_paths(store, [path], NO_SCAN, None).to_json()
    assert first["files"] == 1
    assert {k: v for k, v in first["activities"].items() if v} == dict(kinds)
    assert (first["ignored"], first["quarantined"], first["duplicates"]) == (ignored, quarantined, 0)
    total = sum(first["activities"].values())
    assert stored(store) == total

    second = import_paths(store, [path], NO_SCAN, None).to_json()
    assert set(second["activities"].values()) == {0}
    assert second["duplicates"] == total
    assert stored(store) == total
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(quarantine)).scalar_one() == quarantined
        assert conn.execute(select(func.count()).select_from(captures)).scalar_one() == 2
        assert conn.execute(select(func.count()).select_from(vault_objects)).scalar_one() == 1


def test_overlapping_exports_deduplicate_and_repeats_in_a_file_are_one_activity(store: Store,
                                                                                 tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", [post(i) for i in range(10)] + [post(3)])  # p3 twice
    b = write_jsonl(tmp_path / "b.jsonl", [post(i) for i in range(6, 15)])  # 6..9 overlap
    first = import_paths(store, [a], NO_SCAN, None).to_json()
    assert first["activities"]["post"] == 10
    second = import_paths(store, [b], NO_SCAN, None).to_json()
    assert second["activities"]["post"] == 5
    assert second["duplicates"] == 4
    both = import_paths(store, [a, b], NO_SCAN, None).to_json()
    assert both["duplicates"] == 15  # each stored activity counted once per run, however often met
    assert stored(store) == 15


def test_same_activity_in_two_files_of_one_run_is_stored_once(store: Store, tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", [post(1), post(2)])
    b = write_jsonl(tmp_path / "b.jsonl", [post(2), post(3)])
    report = import_paths(store, [a, b], NO_SCAN, None).to_json()
    assert report["activities"]["post"] == 3
    assert report["duplicates"] == 0


def test_keys_sharing_their_first_64_bits_are_still_different_activities(store: Store, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Rows are found by key64 but told apart by the full 128-bit key: force every key64 to collide."""
    monkeypatch.setattr(activity_repo, "key64", lambda key: 42)
    a = write_jsonl(tmp_path / "a.jsonl", [post(i) for i in range(8)] + [post(3)])
    b = write_jsonl(tmp_path / "b.jsonl", [post(i) for i in range(5, 12)])
    first = import_paths(store, [a], NO_SCAN, None).to_json()
    assert (first["activities"]["post"], first["duplicates"]) == (8, 0)
    second = import_paths(store, [b, a], NO_SCAN, None).to_json()
    assert (second["activities"]["post"], second["duplicates"]) == (4, 8)
    assert stored(store) == 12
    with store.engine.connect() as conn:
        keys = conn.execute(select(activities.c.key, activities.c.key64)).all()
    assert len({k for k, _ in keys}) == 12 and {n for _, n in keys} == {42}


def test_quarantined_records_are_kept_with_reason_and_locator(store: Store, fixture_copy) -> None:
    path = fixture_copy("generic_table/aktivitas_kontrak.jsonl")
    report = import_paths(store, [path], NO_SCAN, None).to_json()
    assert report["quarantined"] > 0
    with store.engine.connect() as conn:
        rows = conn.execute(select(quarantine.c.reason, quarantine.c.locator, quarantine.c.source_path)).all()
    assert len(rows) == report["quarantined"]
    assert all((reason and locator.startswith("baris")) or locator for reason, locator, _ in rows)
    assert {source for _, _, source in rows} == {path.name}


def test_unreadable_file_contributes_nothing_and_names_the_position(store: Store, fixture_copy) -> None:
    bad = fixture_copy("tiktok_export/user_data_tiktok.invalid_trailing_comma.json")
    good = fixture_copy("whatsapp_txt/_chat.txt")
    report = import_paths(store, [bad, good], NO_SCAN, None)
    assert len(report.errors) == 1
    assert "baris" in report.errors[0] and "kolom" in report.errors[0]
    with store.engine.connect() as conn:
        sources = {r[0] for r in conn.execute(select(activities.c.source_path).distinct())}
        status = conn.execute(select(imports.c.status)).scalar_one()
    assert sources == {"_chat.txt"}
    assert sum(report.to_json()["activities"].values()) == stored(store)
    assert status == "sebagian"


def test_missing_path_stores_nothing(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ImportInputError, match="tidak ditemukan"):
        import_paths(store, [tmp_path / "tidak-ada.zip"], NO_SCAN, None)
    with store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(imports)).scalar_one() == 0


def test_a_folder_of_unknown_files_is_an_input_error(store: Store, tmp_path: Path) -> None:
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8\xff\xe0 bukan ekspor")
    with pytest.raises(ImportInputError, match="tidak ada berkas ekspor yang dikenali"):
        import_paths(store, [tmp_path / "foto.jpg"], NO_SCAN, None)


def test_implausible_owner_nip_is_refused_before_anything_is_stored(store: Store, tmp_path: Path) -> None:
    a = write_jsonl(tmp_path / "a.jsonl", [post(1)])
    with pytest.raises(ImportInputError, match="--account-of 199013012015031001"):  # month 13
        import_paths(store, [a], ImportOptions(owner="199013012015031001", scan=False), None)
    assert stored(store) == 0
