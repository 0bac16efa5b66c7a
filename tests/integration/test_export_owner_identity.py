"""The export names its owner (X ``account.js``): the owner's activities get that account, which the
registry links to an employee; with --account-of the employee's account gains the handle and id."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import select

from jaganetral.service.importing import ImportOptions, import_paths
from jaganetral.service.registry import link_account_to_employee
from jaganetral.service.store import Store, now
from jaganetral.store import registry_repo
from jaganetral.store.tables import accounts, activities

NIP = "198703122010011001"  # invented; plausible
HANDLE, ACCOUNT_ID = "pegawai_fiksi", "1500000000000000001"
ACCOUNT_JS = f"""window.YTD.account.part0 = [
  {{ "account" : {{ "username" : "{HANDLE}", "accountId" : "{ACCOUNT_ID}", "accountDisplayName" : "Pegawai Fiksi",
                   "email" : "pegawai.fiksi@example.org" }} }}
]
"""
TWEETS_JS = """window.YTD.tweets.part0 = [
  { "tweet" : { "id_str" : "1700000000000000001", "full_text" : "Rapat koordinasi pagi ini di kantor dinas",
                "created_at" : "Mon Jan 15 01:00:00 +0000 2024" } },
  { "tweet" : { "id_str" : "1700000000000000002", "full_text" : "Laporan kegiatan bulanan sudah selesai",
                "created_at" : "Tue Jan 16 01:00:00 +0000 2024" } }
]
"""


def archive(root: Path, with_account: bool = True) -> Path:
    data = root / "data"
    data.mkdir(parents=True)
    if with_account:
        (data / "account.js").write_text(ACCOUNT_JS, encoding="utf-8")
    (data / "tweets.js").write_text(TWEETS_JS, encoding="utf-8")
    return root


def employee(store: Store) -> int:
    with store.transaction() as conn:
        agency = registry_repo.agency_id(conn, "Dinas Contoh", None, now())
        emp_id, _ = registry_repo.save_employee(conn, {"nip": NIP, "name": "Pegawai Contoh", "status": "PNS",
                                                       "agency_id": agency}, now())
    return emp_id


def owners(store: Store) -> list[tuple[str | None, str | None, int | None]]:
    with store.read() as conn:
        return [tuple(r) for r in conn.execute(
            select(accounts.c.handle, accounts.c.numeric_id, accounts.c.employee_id)
            .join(activities, activities.c.account_id == accounts.c.id).distinct())]


def test_the_export_names_its_owner_without_account_of(store: Store, tmp_path: Path) -> None:
    report = import_paths(store, [archive(tmp_path / "arsip")], ImportOptions(scan=False), None)
    got = report.to_json()
    assert got["activities"]["post"] == 2 and got["ignored"] == 1  # account.js is counted, not an activity
    assert owners(store) == [(HANDLE, ACCOUNT_ID, None)]


def test_a_registered_handle_links_the_owner_s_activities_to_the_employee(store: Store, tmp_path: Path) -> None:
    emp_id = employee(store)
    link_account_to_employee(store, "x", f"@{HANDLE}", NIP)
    import_paths(store, [archive(tmp_path / "arsip")], ImportOptions(scan=False), None)
    assert owners(store) == [(HANDLE, ACCOUNT_ID, emp_id)]  # the registered account, completed with its id
    with store.read() as conn:
        assert len(conn.execute(select(accounts.c.id).where(accounts.c.platform == "x")).all()) == 1


def test_account_of_gains_the_handle_and_id_the_export_names(store: Store, tmp_path: Path) -> None:
    emp_id = employee(store)
    import_paths(store, [archive(tmp_path / "arsip")], ImportOptions(owner=NIP, scan=False), None)
    assert owners(store) == [(HANDLE, ACCOUNT_ID, emp_id)]


def test_activities_stored_without_owner_are_linked_when_the_whole_export_comes(store: Store, tmp_path: Path) -> None:
    first = import_paths(store, [archive(tmp_path / "tweets-saja", with_account=False)], ImportOptions(scan=False),
                         None)
    assert first.to_json()["activities"]["post"] == 2
    assert owners(store) == []  # nobody named the owner: stored unlinked
    again = import_paths(store, [archive(tmp_path / "arsip")], ImportOptions(scan=False), None)
    assert again.to_json()["duplicates"] == 2 and again.tally.linked == 2
    assert owners(store) == [(HANDLE, ACCOUNT_ID, None)]


def test_an_account_file_without_handle_or_id_names_nobody(store: Store, tmp_path: Path) -> None:
    root = archive(tmp_path / "arsip", with_account=False)
    (root / "data" / "account.js").write_text(
        'window.YTD.account.part0 = [ { "account" : { "email" : "x@example.org" } } ]\n', encoding="utf-8")
    report = import_paths(store, [root], ImportOptions(scan=False), None)
    assert report.to_json()["ignored"] == 1
    assert owners(store) == []


def test_the_named_owner_stays_within_their_own_archive(store: Store, tmp_path: Path) -> None:
    parent = tmp_path / "kiriman"
    archive(parent / "arsip-a")
    other = archive(parent / "arsip-b", with_account=False)
    (other / "data" / "tweets.js").write_text(TWEETS_JS.replace("17000000000000000", "17100000000000000"),
                                              encoding="utf-8")
    report = import_paths(store, [parent], ImportOptions(scan=False), None)
    assert report.to_json()["activities"]["post"] == 4
    with store.read() as conn:
        by_path = sorted(tuple(r) for r in conn.execute(
            select(activities.c.source_path, accounts.c.handle)
            .join(accounts, activities.c.account_id == accounts.c.id, isouter=True)))
    assert by_path == [("arsip-a/data/tweets.js", HANDLE)] * 2 + [("arsip-b/data/tweets.js", None)] * 2


def tiktok(path: Path, user: str | None, day: int) -> Path:
    sections: dict[str, object] = {"Comment": {"Comments": {"CommentsList": [
        {"Date": f"2024-01-{day:02d} 08:00:00", "Comment": f"Semangat kerja hari ke-{day}"}]}}}
    if user is not None:
        sections["Profile"] = {"Profile Information": {"ProfileMap": {"userName": user, "bioDescription": "fiksi"}}}
    path.write_text(json.dumps(sections), encoding="utf-8")
    return path


def test_a_tiktok_profile_names_the_owner_of_its_own_file_only(store: Store, tmp_path: Path) -> None:
    folder = tmp_path / "tiktok"
    folder.mkdir()
    tiktok(folder / "user_data_tiktok-a.json", "pegawai_tiktok", 1)  # profile after the activities
    tiktok(folder / "user_data_tiktok-b.json", None, 2)
    report = import_paths(store, [folder], ImportOptions(scan=False), None)
    assert report.to_json()["activities"]["comment"] == 2 and report.to_json()["ignored"] == 0
    with store.read() as conn:
        by_path = sorted(tuple(r) for r in conn.execute(
            select(activities.c.source_path, accounts.c.handle)
            .join(accounts, activities.c.account_id == accounts.c.id, isouter=True)))
    assert by_path == [("user_data_tiktok-a.json", "pegawai_tiktok"), ("user_data_tiktok-b.json", None)]


def test_account_of_gains_the_tiktok_handle_the_profile_names(store: Store, tmp_path: Path) -> None:
    emp_id = employee(store)
    export = tiktok(tmp_path / "user_data_tiktok.json", "pegawai_tiktok", 3)
    import_paths(store, [export], ImportOptions(owner=NIP, scan=False), None)
    assert owners(store) == [("pegawai_tiktok", None, emp_id)]
