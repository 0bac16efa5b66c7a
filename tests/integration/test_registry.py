"""The roster import and the registry services, on SQLite and PostgreSQL.

Counts in reports are checked against the rows actually in the database. All people are invented.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from integration.roster_files import (
    NAMES,
    NIP_A,
    NIP_B,
    NIP_C,
    NIP_D,
    TODAY,
    person,
    snapshot,
    standard_rows,
    write_csv,
    write_xlsx,
)
from jaganetral.service.registry import (
    AccountTaken,
    RegistryError,
    RosterImportReport,
    employee_profile,
    import_roster,
    link_account_to_employee,
)
from jaganetral.service.store import Store, now
from jaganetral.store import registry_repo
from jaganetral.store.tables import accounts, agencies, employees, relatives

EMPTY = {"agencies": 0, "employees": 0, "accounts": 0, "relatives": 0}


def counts(store: Store) -> dict[str, int]:
    with store.transaction() as conn:
        return registry_repo.count_rows(conn)


def employee(store: Store, **where: str) -> dict[str, Any]:
    [(key, value)] = where.items()
    with store.transaction() as conn:
        row = conn.execute(select(employees, agencies.c.name.label("agency"), agencies.c.code.label("code"))
                           .join(agencies).where(employees.c[key] == value)).mappings().one()
        return dict(row)


def owner_of(store: Store, platform: str, handle: str | None = None, numeric_id: str | None = None) -> int | None:
    with store.transaction() as conn:
        found = registry_repo.find_account(conn, platform, handle, numeric_id, None)
        assert found is not None
        return registry_repo.account_row(conn, found)["employee_id"]  # type: ignore[no-any-return]


def assert_no_names(report: RosterImportReport) -> None:
    for rejected in report.rejected:
        assert not any(name in rejected.reason for name in NAMES), rejected.reason


def test_clean_import_stores_everything_and_counts_it(store: Store, tmp_path: Path) -> None:
    report = import_roster(store, write_xlsx(tmp_path / "r.xlsx", standard_rows()), TODAY)
    assert report.to_json() == {"applied": True, "agencies": 2, "employees_created": 4, "employees_updated": 0,
                                "employees_unchanged": 0, "accounts_created": 4, "accounts_linked": 0,
                                "relatives": 3, "rejected": []}
    assert counts(store) == {"agencies": 2, "employees": 4, "accounts": 4, "relatives": 3}
    budi = employee(store, nip=NIP_A)
    assert (budi["name"], budi["status"], budi["position"], budi["agency"], budi["code"], budi["staff_number"]) == (
        "Budi Contoh", "PNS", "Analis Kebijakan", "Dinas Kominfo Contoh", "1.02", None)
    assert employee(store, nip=NIP_B)["status"] == "PPPK"
    assert employee(store, nip=NIP_C)["staff_number"] == "P-0003"
    rina = employee(store, staff_number="H-0007")
    assert (rina["nip"], rina["status"]) == (None, "honorer")
    assert owner_of(store, "instagram", "Budi.Contoh") == budi["id"]
    assert owner_of(store, "whatsapp", numeric_id="6281234567890") == budi["id"]
    with store.transaction() as conn:
        row = conn.execute(select(accounts).where(accounts.c.handle == "sari_contoh")).mappings().one()
        assert row["profile_url"] == "https://www.instagram.com/sari_contoh/"
        names = conn.execute(select(relatives.c.name, relatives.c.relation).where(
            relatives.c.employee_id == budi["id"]).order_by(relatives.c.id)).all()
    assert [tuple(r) for r in names] == [("Ahmad Contoh", "kakak kandung"), ("Siti Contoh", "ipar")]


def bad_roster(tmp_path: Path, name: str = "r.csv") -> Path:
    rows = standard_rows()
    rows.insert(2, person("198713322010011001", "Dodi Contoh", "PNS", instagram="@dodi.c"))  # row 4: month 13
    return write_csv(tmp_path / name, rows)


def test_strict_import_with_a_bad_row_stores_nothing(store: Store, tmp_path: Path) -> None:
    report = import_roster(store, bad_roster(tmp_path), TODAY)
    assert not report.applied
    assert [(r.row_number, r.reason) for r in report.rejected] == [
        (4, "baris 4: kolom NIP: tanggal lahir 19871332 tidak valid")]
    assert report.to_json()["employees_created"] == report.agencies == report.relatives == 0
    assert counts(store) == EMPTY
    assert_no_names(report)


def test_partial_import_stores_the_valid_rows(store: Store, tmp_path: Path) -> None:
    report = import_roster(store, bad_roster(tmp_path), TODAY, partial=True)
    assert report.applied and [r.row_number for r in report.rejected] == [4]
    assert (report.employees_created, report.accounts_created, report.relatives) == (4, 4, 3)
    assert counts(store) == {"agencies": 2, "employees": 4, "accounts": 4, "relatives": 3}
    with store.transaction() as conn:
        assert registry_repo.find_account(conn, "instagram", "dodi.c", None, None) is None


def test_reimport_is_idempotent(store: Store, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "r.xlsx", standard_rows())
    import_roster(store, path, TODAY)
    before = snapshot(store)
    again = import_roster(store, path, TODAY)
    assert again.to_json() == {"applied": True, "agencies": 0, "employees_created": 0, "employees_updated": 0,
                               "employees_unchanged": 4, "accounts_created": 0, "accounts_linked": 0,
                               "relatives": 0, "rejected": []}
    assert snapshot(store) == before  # not even updated_at moved


def test_update_changes_position_and_agency(store: Store, tmp_path: Path) -> None:
    import_roster(store, write_xlsx(tmp_path / "a.xlsx", standard_rows()), TODAY)
    created = employee(store, nip=NIP_A)
    rows = standard_rows()
    rows[0] = person(NIP_A, "Budi Contoh", "PNS", position="Kepala Seksi", agency="Dinas Pariwisata Contoh",
                     instagram="@budi.contoh", relatives="Ahmad Contoh (kakak kandung)")
    report = import_roster(store, write_xlsx(tmp_path / "b.xlsx", rows), TODAY)
    assert (report.agencies, report.employees_created, report.employees_updated, report.employees_unchanged) == (
        1, 0, 1, 3)
    budi = employee(store, nip=NIP_A)
    assert (budi["id"], budi["position"], budi["agency"]) == (created["id"], "Kepala Seksi", "Dinas Pariwisata Contoh")
    assert budi["updated_at"] >= created["updated_at"] and budi["created_at"] == created["created_at"]
    # A roster only adds: the WhatsApp number and the relative left out are kept.
    assert counts(store) == {"agencies": 3, "employees": 4, "accounts": 4, "relatives": 3}


def test_honorer_appointed_pppk_is_updated_not_duplicated(store: Store, tmp_path: Path) -> None:
    import_roster(store, write_csv(tmp_path / "a.csv", [person(None, "Rina Contoh", "Honorer", number="H-0100")]),
                  TODAY)
    before = employee(store, staff_number="H-0100")
    report = import_roster(store, write_csv(tmp_path / "b.csv", [
        person(NIP_B, "Rina Contoh", "PPPK", number="H-0100", position="Guru")]), TODAY)
    assert (report.employees_created, report.employees_updated, report.rejected) == (0, 1, [])
    after = employee(store, nip=NIP_B)
    assert (after["id"], after["status"], after["staff_number"]) == (before["id"], "PPPK", "H-0100")
    assert counts(store)["employees"] == 1


def test_link_of_an_account_met_in_an_export(store: Store, tmp_path: Path) -> None:
    with store.transaction() as conn:  # as an import of an export records its author
        met = registry_repo.add_account(conn, "instagram", "Budi.Contoh", None, "Budi C.", None, now())
    report = import_roster(store, write_xlsx(tmp_path / "r.xlsx", standard_rows()), TODAY)
    assert (report.accounts_linked, report.accounts_created) == (1, 3)
    budi = employee(store, nip=NIP_A)
    with store.transaction() as conn:
        row = registry_repo.account_row(conn, met)
        assert (row["employee_id"], row["display_name"]) == (budi["id"], "Budi C.")
    assert counts(store)["accounts"] == 4
    assert import_roster(store, write_xlsx(tmp_path / "r.xlsx", standard_rows()), TODAY).accounts_linked == 0


def test_account_of_another_employee_rejects_the_row(store: Store, tmp_path: Path) -> None:
    import_roster(store, write_xlsx(tmp_path / "a.xlsx", standard_rows()), TODAY)
    before = snapshot(store)
    rows = [person(NIP_D, "Dodi Contoh", "PNS", instagram="https://instagram.com/BUDI.CONTOH", relatives="X (a)")]
    strict = import_roster(store, write_xlsx(tmp_path / "b.xlsx", rows), TODAY)
    assert not strict.applied
    assert [r.reason for r in strict.rejected] == [
        f"baris 2: kolom Instagram: akun Instagram @BUDI.CONTOH sudah tertaut ke pegawai lain (NIP {NIP_A}); "
        "satu akun hanya milik satu orang"]
    assert strict.rejected[0].identifier == NIP_D
    partial = import_roster(store, write_xlsx(tmp_path / "b.xlsx", rows), TODAY, partial=True)
    assert partial.applied and len(partial.rejected) == 1 and partial.employees_created == 0
    assert snapshot(store) == before
    assert_no_names(partial)


def test_one_account_declared_for_two_rows(store: Store, tmp_path: Path) -> None:
    rows = [person(NIP_A, "Budi Contoh", instagram="@kantor.contoh"),
            person(NIP_C, "Citra Contoh", instagram="@Kantor.Contoh")]
    path = write_csv(tmp_path / "r.csv", rows)
    strict = import_roster(store, path, TODAY)
    assert [r.reason for r in strict.rejected] == [
        "baris 3: kolom Instagram: akun Instagram @Kantor.Contoh juga dicantumkan untuk pegawai di baris 2; "
        "satu akun hanya milik satu orang"]
    assert not strict.applied and counts(store) == EMPTY
    partial = import_roster(store, path, TODAY, partial=True)
    assert (partial.employees_created, [r.row_number for r in partial.rejected]) == (1, [3])
    assert owner_of(store, "instagram", "kantor.contoh") == employee(store, nip=NIP_A)["id"]


@pytest.mark.parametrize(
    ("first", "second", "reason"),
    [
        (person(NIP_A, "Budi Contoh", "PNS", number="P-1"), person(None, "Rina Contoh", "Honorer", number="P-1"),
         f"baris 2: kolom Nomor Pegawai: nomor pegawai P-1 tercatat untuk pegawai ber-NIP {NIP_A}: tenaga honorer "
         "tidak memiliki NIP"),
        (person(NIP_A, "Budi Contoh", "PNS", number="P-1"), person(NIP_C, "Citra Contoh", "PNS", number="P-1"),
         f"baris 2: kolom Nomor Pegawai: nomor pegawai P-1 sudah tercatat untuk pegawai lain (NIP {NIP_A})"),
        (person(NIP_A, "Budi Contoh", agency="Dinas A", code="7"), person(NIP_C, "Citra Contoh", agency="Dinas B",
                                                                          code="7"),
         "baris 2: kolom Kode OPD: kode 7 sudah tercatat untuk OPD lain (Dinas A)"),
        (person(NIP_A, "Budi Contoh"), person(NIP_C, "Citra Contoh", position="J" * 350),
         "baris 2: kolom Jabatan: terlalu panjang (350 karakter, paling banyak 300)"),
    ],
    ids=["honorer-number-of-an-asn", "number-of-another-asn", "agency-code-of-another-agency", "too-long"],
)
def test_rows_the_registry_cannot_take(store: Store, tmp_path: Path, first: list[Any], second: list[Any],
                                       reason: str) -> None:
    assert import_roster(store, write_csv(tmp_path / "a.csv", [first]), TODAY).rejected == []
    before = snapshot(store)
    report = import_roster(store, write_csv(tmp_path / "b.csv", [second]), TODAY, partial=True)
    assert [r.reason for r in report.rejected] == [reason]
    assert snapshot(store) == before
    assert_no_names(report)


def test_an_exception_mid_import_leaves_the_database_as_it_was(store: Store, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import_roster(store, write_csv(tmp_path / "a.csv", [person(NIP_D, "Dodi Contoh", position="Lama")]), TODAY)
    with store.transaction() as conn:
        registry_repo.add_account(conn, "instagram", "budi.contoh", None, None, None, now())
    before = snapshot(store)
    calls = 0
    real = registry_repo.add_relative

    def failing(*args: Any, **kwargs: Any) -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("gangguan buatan")
        real(*args, **kwargs)

    monkeypatch.setattr(registry_repo, "add_relative", failing)
    rows = [person(NIP_D, "Dodi Contoh", position="Baru", relatives="Eko Contoh (adik)"), *standard_rows()]
    with pytest.raises(RuntimeError, match="gangguan buatan"):
        import_roster(store, write_xlsx(tmp_path / "b.xlsx", rows), TODAY, partial=True)
    assert calls == 3
    assert snapshot(store) == before


def test_link_account_to_employee(store: Store, tmp_path: Path) -> None:
    import_roster(store, write_xlsx(tmp_path / "r.xlsx", standard_rows()), TODAY)
    rina = employee(store, staff_number="H-0007")
    made = link_account_to_employee(store, "tiktok", "https://www.tiktok.com/@rina.c?lang=id-ID", "H-0007")
    assert (made.created, made.changed, made.employee) == (True, True, "nomor pegawai H-0007")
    assert owner_of(store, "tiktok", "rina.c") == rina["id"]
    again = link_account_to_employee(store, "tiktok", "@Rina.C", "H-0007")
    assert (again.created, again.changed) == (False, False)
    with store.transaction() as conn:
        met = registry_repo.add_account(conn, "x", None, "4242", "Rina", None, now())
    linked = link_account_to_employee(store, "x", "https://x.com/i/user/4242", "H-0007")
    assert (linked.created, linked.changed) == (False, True)
    with store.transaction() as conn:
        assert registry_repo.account_row(conn, met)["employee_id"] == rina["id"]
    with pytest.raises(AccountTaken, match=f"sudah tertaut ke pegawai lain \\(NIP {NIP_A}\\)"):
        link_account_to_employee(store, "instagram", "budi.contoh", "H-0007")
    with pytest.raises(RegistryError, match="tidak ada di registri"):
        link_account_to_employee(store, "instagram", "budi.lain", NIP_D)
    with pytest.raises(RegistryError, match="bukan nama pengguna atau tautan profil Instagram"):
        link_account_to_employee(store, "instagram", "budi contoh", NIP_A)
    with pytest.raises(RegistryError, match="platform 'myspace' tidak dikenal"):
        link_account_to_employee(store, "myspace", "budi", NIP_A)
    assert owner_of(store, "instagram", "budi.contoh") == employee(store, nip=NIP_A)["id"]


def test_employee_profile(store: Store, tmp_path: Path) -> None:
    import_roster(store, write_xlsx(tmp_path / "r.xlsx", standard_rows()), TODAY)
    profile = employee_profile(store, "19870312 201001 1 001")
    assert profile is not None
    assert (profile.name, profile.nip, profile.status, profile.agency, profile.agency_code) == (
        "Budi Contoh", NIP_A, "PNS", "Dinas Kominfo Contoh", "1.02")
    assert [(a["platform"], a["handle"], a["numeric_id"]) for a in profile.accounts] == [
        ("instagram", "budi.contoh", None), ("whatsapp", None, "6281234567890")]
    assert profile.relatives == (("Ahmad Contoh", "kakak kandung"), ("Siti Contoh", "ipar"))
    assert employee_profile(store, NIP_B) is not None and employee_profile(store, NIP_D) is None


def test_a_stored_roster_is_an_audit_event_without_names(store: Store, tmp_path: Path) -> None:
    from jaganetral.service.audit import verify_chain
    from jaganetral.store.tables_review import audit_events

    path = write_csv(tmp_path / "roster.csv", standard_rows())
    report = import_roster(store, path, TODAY, actor="admin_contoh")
    assert report.applied
    with store.read() as conn:
        event = conn.execute(select(audit_events)).mappings().one()
    assert event["actor"] == "admin_contoh" and event["action"] == "registri.impor"
    assert event["details"]["employees_created"] == report.employees_created
    assert not any(name in str(event["details"]) for name in NAMES)
    assert verify_chain(store).ok
