"""Linking an export to its owner (--account-of), chat members as accounts, findings with versions."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from sqlalchemy import select

from jaganetral.detect.engine import Detector
from jaganetral.detect.model import Activity, Finding
from jaganetral.ingest.model import AccountRef
from jaganetral.knowledge.loader import load_packs
from jaganetral.service.import_batch import Accounts
from jaganetral.service.importing import ImportOptions, import_paths
from jaganetral.service.rescan import rescan
from jaganetral.service.store import Store, now
from jaganetral.store import registry_repo
from jaganetral.store.tables import accounts, activities, findings

NIP = "198703122010011001"  # invented; plausible: born 1987-03-12, appointed 2010-01, male, serial 001


def employee(store: Store) -> int:
    with store.transaction() as conn:
        agency = registry_repo.agency_id(conn, "Dinas Contoh", None, now())
        emp_id, created = registry_repo.save_employee(conn, {"nip": NIP, "name": "Pegawai Contoh", "status": "PNS",
                                                             "position": "Analis", "agency_id": agency}, now())
    assert created
    return emp_id


def owner_export(path: Path) -> Path:
    rows = [{"id": f"o{i}", "text": f"Catatan kerja hari ke-{i}", "kind": "post",
             "created_at": f"2024-04-0{i + 1}T08:00:00+07:00", "platform": "instagram"} for i in range(3)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_account_of_links_new_activities_to_the_employee(store: Store, tmp_path: Path) -> None:
    emp_id = employee(store)
    report = import_paths(store, [owner_export(tmp_path / "a.jsonl")], ImportOptions(owner=NIP, scan=False), None)
    assert report.to_json()["activities"]["post"] == 3
    with store.read() as conn:
        linked = conn.execute(select(accounts.c.employee_id, accounts.c.platform)
                              .join(activities, activities.c.account_id == accounts.c.id).distinct()).all()
    assert linked == [(emp_id, "instagram")]


def test_a_later_run_with_the_owner_links_what_was_stored_unlinked(store: Store, tmp_path: Path) -> None:
    emp_id = employee(store)
    export = owner_export(tmp_path / "a.jsonl")
    import_paths(store, [export], ImportOptions(scan=False), None)
    with store.read() as conn:
        assert conn.execute(select(activities.c.account_id).distinct()).scalars().all() == [None]
    again = import_paths(store, [export], ImportOptions(owner=NIP, scan=False), None)
    assert again.to_json()["duplicates"] == 3
    assert again.tally.linked == 3
    with store.read() as conn:
        owners = conn.execute(select(accounts.c.employee_id)
                              .join(activities, activities.c.account_id == accounts.c.id).distinct()).all()
    assert owners == [(emp_id,)]


def test_chat_members_become_unlinked_accounts_and_reuse_registry_accounts(store: Store, tmp_path: Path) -> None:
    emp_id = employee(store)
    with store.transaction() as conn:
        known = registry_repo.add_account(conn, "whatsapp", None, None, "Bu Sari Contoh", None, now(), emp_id)
    chat = tmp_path / "WhatsApp Chat with Grup Contoh.txt"
    chat.write_text("12/01/2024, 08:00 - Bu Sari Contoh: Selamat pagi semua\n"
                    "12/01/2024, 08:05 - Pak Joko Contoh: Pagi bu\n", encoding="utf-8")
    report = import_paths(store, [chat], ImportOptions(scan=False), None)
    assert report.to_json()["activities"]["post"] == 2
    with store.read() as conn:
        rows = dict(conn.execute(select(accounts.c.display_name, accounts.c.employee_id)
                                 .join(activities, activities.c.account_id == accounts.c.id)).all())
        groups = set(conn.execute(select(activities.c.target_group)).scalars())
    assert rows == {"Bu Sari Contoh": emp_id, "Pak Joko Contoh": None}
    assert groups == {"Grup Contoh"}
    assert known


def test_findings_are_stored_with_detector_and_pack_versions(store: Store, tmp_path: Path) -> None:
    export = tmp_path / "posts.jsonl"
    export.write_text(json.dumps({"id": "x1", "text": "Ayo coblos nomor 2 Prabowo-Gibran!", "kind": "post",
                                  "created_at": "2024-02-01T09:00:00+07:00", "platform": "x"}) + "\n")
    detector = Detector(load_packs(None))
    report = import_paths(store, [export], ImportOptions(), detector)
    assert report.to_json()["findings"] == 1
    with store.read() as conn:
        row = conn.execute(select(findings)).mappings().one()
        judged = conn.execute(select(activities.c.judged_pack)).scalar_one()
    assert row["current"] is True
    assert row["detector_version"] == detector.version
    assert row["pack_version"] == detector.kb_version
    assert row["violation"] and row["targets"] and row["evidence"]
    assert "SKB" in row["explanation"] or "Pasal" in row["explanation"] or row["violation"] in row["explanation"]
    assert judged is not None and judged.startswith(detector.version)


def test_owner_not_registered_yet_is_linked_when_the_roster_arrives(store: Store, tmp_path: Path) -> None:
    from jaganetral.service.registry import import_roster

    report = import_paths(store, [owner_export(tmp_path / "a.jsonl")], ImportOptions(owner=NIP, scan=False), None)
    assert report.to_json()["activities"]["post"] == 3
    assert report.warnings and "belum ada di registri" in report.warnings[0]
    with store.read() as conn:
        owners = conn.execute(select(accounts.c.employee_id, accounts.c.key)
                              .join(activities, activities.c.account_id == accounts.c.id).distinct()).all()
    assert owners == [(None, f"pemilik-ekspor:{NIP}")]
    roster = tmp_path / "daftar.csv"
    roster.write_text(f"NIP;Nama;OPD\n{NIP};Pegawai Contoh;Dinas Contoh\n", encoding="utf-8")
    done = import_roster(store, roster, dt.date(2026, 11, 25))
    assert done.applied and done.accounts_linked == 1
    with store.read() as conn:
        linked = conn.execute(select(accounts.c.employee_id)
                              .join(activities, activities.c.account_id == accounts.c.id).distinct()).scalars().all()
    assert len(linked) == 1 and linked[0] is not None


def test_findings_carry_their_activity_account_even_when_linked_later(store: Store, tmp_path: Path) -> None:
    employee(store)
    export = tmp_path / "posts.jsonl"
    export.write_text(json.dumps({"id": "x1", "text": "Ayo coblos nomor 2 Prabowo-Gibran!", "kind": "post",
                                  "created_at": "2024-02-01T09:00:00+07:00", "platform": "x"}) + "\n")
    detector = Detector(load_packs(None))
    import_paths(store, [export], ImportOptions(), detector)
    with store.read() as conn:
        row = conn.execute(select(findings)).mappings().one()
    assert row["activity_account_id"] is None and row["activity_platform"] == "x"
    assert row["activity_at"] == dt.datetime(2024, 2, 1, 2, 0, tzinfo=dt.UTC)
    import_paths(store, [export], ImportOptions(owner=NIP), detector)
    with store.read() as conn:
        linked = conn.execute(select(findings.c.activity_account_id)).scalar_one()
        account = conn.execute(select(activities.c.account_id)).scalar_one()
    assert linked is not None and linked == account


class _FailsOnSome(Detector):
    """A detector that breaks on texts containing "RUSAK" (a bug in a recognizer, say)."""

    def analyze(self, activity: Activity) -> Finding:
        if "RUSAK" in activity.text:
            raise RuntimeError("recognizer bug")
        return super().analyze(activity)


def test_an_activity_the_detector_fails_on_stays_unjudged_until_a_rescan_succeeds(store: Store,
                                                                                 tmp_path: Path) -> None:
    export = tmp_path / "posts.jsonl"
    texts = ["Ayo coblos nomor 2 Prabowo-Gibran!", "RUSAK Ayo coblos nomor 2 Prabowo-Gibran!", "Rapat dinas pagi ini"]
    export.write_text("".join(json.dumps({"id": f"p{i}", "text": t, "kind": "post", "platform": "x",
                                          "created_at": "2024-02-01T09:00:00+07:00"}) + "\n"
                              for i, t in enumerate(texts)))
    kb = load_packs(None)
    report = import_paths(store, [export], ImportOptions(), _FailsOnSome(kb))
    assert report.to_json()["findings"] == 1
    with store.read() as conn:
        marks = dict(conn.execute(select(activities.c.text, activities.c.judged_pack)).all())
    assert marks[texts[1]] is None and marks[texts[0]] is not None and marks[texts[2]] is not None

    again = rescan(store, _FailsOnSome(kb))  # still failing: counted, still unjudged
    assert again.counts["judged"] == 1 and again.counts["failed"] == 1
    fixed = rescan(store, Detector(kb))  # the bug fixed (same versions): only the failed one is judged
    assert fixed.counts["judged"] == 1 and fixed.counts["new"] == 1
    with store.read() as conn:
        assert conn.execute(select(activities.c.id).where(activities.c.judged_pack.is_(None))).all() == []
        assert len(conn.execute(select(findings.c.id)).all()) == 2


def test_an_account_met_by_handle_then_with_its_id_stays_one_account(store: Store) -> None:
    run = Accounts(None)
    with store.transaction() as conn:
        by_handle = run.of(conn, "x", AccountRef("x", handle="BudiContoh"), now())
        other = registry_repo.add_account(conn, "x", "lain_contoh", "777", None, None, now())
    later = Accounts(None)  # another run: nothing cached
    with store.transaction() as conn:
        both = later.of(conn, "x", AccountRef("x", handle="budicontoh", numeric_id="123"), now())
        reused = later.of(conn, "x", AccountRef("x", handle="baru_contoh", numeric_id="777"), now())
    with store.transaction() as conn:
        by_id = Accounts(None).of(conn, "x", AccountRef("x", numeric_id="123"), now())
        row = registry_repo.account_row(conn, by_handle)
        kept = registry_repo.account_row(conn, other)
    assert both == by_handle == by_id
    assert (row["handle"], row["numeric_id"]) == ("budicontoh", "123")
    assert reused == other and (kept["handle"], kept["numeric_id"]) == ("lain_contoh", "777")  # nothing overwritten
    with store.read() as conn:
        assert len(conn.execute(select(accounts.c.id).where(accounts.c.platform == "x")).all()) == 2


def test_an_id_already_held_by_another_account_is_not_copied(store: Store) -> None:
    with store.transaction() as conn:
        old = registry_repo.add_account(conn, "x", None, "555", None, None, now())
        renamed = registry_repo.add_account(conn, "x", "dipakai_ulang", None, None, None, now())
        registry_repo.complete_account(conn, renamed, "dipakai_ulang", "555")
        assert registry_repo.account_row(conn, renamed)["numeric_id"] is None
        assert registry_repo.account_row(conn, old)["numeric_id"] == "555"
