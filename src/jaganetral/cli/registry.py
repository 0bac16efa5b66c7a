"""``jaganetral registry``: import the employee roster, link an account to an employee, show an employee."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
from pathlib import Path

from jaganetral.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Subparsers, error
from jaganetral.cli.storage import add_store_options, store_from
from jaganetral.ingest.account_urls import PLATFORMS
from jaganetral.ingest.roster import RosterError
from jaganetral.service.registry import (
    AccountTaken,
    EmployeeProfile,
    RegistryError,
    RosterImportReport,
    describe,
    employee_profile,
    import_roster,
    link_account_to_employee,
)

DESCRIPTION = """\
Registri pegawai: ASN (PNS, PPPK) dan tenaga honorer, OPD-nya, akun media sosial yang dilaporkan,
dan kerabat yang mencalonkan diri. Data ini data pribadi: hanya untuk pengawas yang berwenang."""

IMPORT_DESCRIPTION = """\
Mengimpor daftar pegawai (.xlsx atau .csv). Kolom wajib: Nama, OPD/Unit Kerja, dan NIP (PNS/PPPK)
atau Nomor Pegawai (honorer); kolom lain yang dikenali: Status, Jabatan, Kode OPD, Facebook, Instagram,
X/Twitter, TikTok, WhatsApp, Telegram, Kerabat Calon ("Nama (hubungan)", dipisah titik koma).
Pegawai dikenali dari NIP atau nomor pegawainya: impor ulang memperbarui, tidak menggandakan.
Satu akun hanya milik satu orang: akun yang sudah tertaut ke pegawai lain membuat barisnya ditolak.

Bawaan: bila ada satu baris saja yang ditolak, TIDAK ADA yang disimpan. --partial menyimpan baris
yang sah dan melaporkan yang ditolak.
Kode keluar: 0 bila semua baris tersimpan, 1 bila ada baris yang ditolak (dengan atau tanpa
--partial), 2 bila berkas tidak bisa dibaca atau basis data tidak bisa dibuka (tidak ada yang disimpan)."""

LINK_DESCRIPTION = """\
Menautkan akun ke pegawai (NIP, atau nomor pegawai untuk honorer). Akun boleh ditulis sebagai nama
pengguna, @nama, tautan profil, atau nomor telepon (WhatsApp); akun yang belum ada dicatat.
Kode keluar: 0 bila tertaut, 1 bila akun sudah tertaut ke pegawai lain (ditolak), 2 bila akun atau
pegawai tidak dikenali."""

SHOW_DESCRIPTION = """\
Menampilkan data pegawai (NIP, atau nomor pegawai untuk honorer): OPD, status, akun, kerabat calon.
Kode keluar: 0 bila ditemukan, 2 bila tidak ada di registri."""


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("registry", help="registri pegawai: impor daftar pegawai, tautkan akun, lihat pegawai",
                            description=DESCRIPTION)
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True, title="aksi")
    imp = actions.add_parser("import", help="impor daftar pegawai (.xlsx/.csv)", description=IMPORT_DESCRIPTION)
    imp.add_argument("roster", metavar="ROSTER", help="berkas daftar pegawai (.xlsx atau .csv)")
    add_store_options(imp)
    imp.add_argument("--partial", action="store_true",
                     help="simpan baris yang sah walau ada baris yang ditolak (bawaan: tidak menyimpan apa pun)")
    imp.add_argument("--json", action="store_true", help="cetak hasil sebagai satu objek JSON")
    imp.set_defaults(handler=run_import)
    link = actions.add_parser("link", help="tautkan akun media sosial ke pegawai", description=LINK_DESCRIPTION)
    link.add_argument("platform", metavar="PLATFORM", choices=PLATFORMS, help=", ".join(PLATFORMS))
    link.add_argument("account", metavar="HANDLE_OR_URL", help="nama pengguna, @nama, tautan profil, atau nomor WA")
    link.add_argument("nip", metavar="NIP", help="NIP pegawai, atau nomor pegawai untuk honorer")
    add_store_options(link)
    link.set_defaults(handler=run_link)
    show = actions.add_parser("show", help="tampilkan data pegawai", description=SHOW_DESCRIPTION)
    show.add_argument("nip", metavar="NIP", help="NIP pegawai, atau nomor pegawai untuk honorer")
    add_store_options(show)
    show.set_defaults(handler=run_show)


def run_import(args: argparse.Namespace) -> int:
    store = store_from(args)
    if store is None:
        return EXIT_USAGE
    path = Path(args.roster)
    try:
        report = import_roster(store, path, dt.date.today(), partial=args.partial, actor=getpass.getuser())
    except RosterError as exc:
        error(f"daftar pegawai tidak dapat dibaca, tidak ada yang disimpan: {exc}")
        return EXIT_USAGE
    finally:
        store.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print(render_import(report, path))
    return EXIT_PROBLEMS if report.rejected else EXIT_OK


def render_import(report: RosterImportReport, path: Path) -> str:
    sheet = f" (lembar {report.sheet!r})" if report.sheet else ""
    lines = [
        f"Daftar pegawai {path.name}{sheet}",
        f"  Baris sah             : {report.rows}",
        f"  Baris ditolak         : {len(report.rejected)}",
        f"  OPD baru              : {report.agencies}",
        f"  Pegawai baru          : {report.employees_created}",
        f"  Pegawai diperbarui    : {report.employees_updated}",
        f"  Pegawai tidak berubah : {report.employees_unchanged}",
        f"  Akun baru             : {report.accounts_created}",
        f"  Akun ditautkan        : {report.accounts_linked}",
        f"  Kerabat calon dicatat : {report.relatives}",
    ]
    if report.rejected:
        lines.append("Baris ditolak:")
        lines.extend(f"  {r.reason}" for r in report.rejected)
    if not report.applied:
        lines.append("TIDAK ADA YANG DISIMPAN karena ada baris yang ditolak. Perbaiki barisnya lalu impor ulang, "
                     "atau pakai --partial untuk menyimpan baris yang sah saja.")
    elif report.rejected:
        lines.append("Baris yang sah sudah disimpan; baris yang ditolak tidak disimpan.")
    else:
        lines.append("Semua baris tersimpan.")
    return "\n".join(lines)


def run_link(args: argparse.Namespace) -> int:
    store = store_from(args)
    if store is None:
        return EXIT_USAGE
    try:
        result = link_account_to_employee(store, args.platform, args.account, args.nip)
    except AccountTaken as exc:
        error(f"ditolak: {exc}")
        return EXIT_PROBLEMS
    except RegistryError as exc:
        error(str(exc))
        return EXIT_USAGE
    finally:
        store.close()
    account = describe(result.account)
    if not result.changed:
        print(f"Akun {account} sudah tertaut ke pegawai {result.employee}; tidak ada yang berubah.")
    else:
        note = " (akun baru dicatat di registri)" if result.created else ""
        print(f"Akun {account} ditautkan ke pegawai {result.employee}{note}.")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    store = store_from(args)
    if store is None:
        return EXIT_USAGE
    try:
        profile = employee_profile(store, args.nip)
    finally:
        store.close()
    if profile is None:
        error(f"pegawai dengan NIP/nomor {args.nip.strip()!r} tidak ada di registri")
        return EXIT_USAGE
    print(render_profile(profile))
    return EXIT_OK


def render_profile(p: EmployeeProfile) -> str:
    nip = f"{p.nip[:8]} {p.nip[8:14]} {p.nip[14]} {p.nip[15:]}" if p.nip and len(p.nip) == 18 else p.nip
    lines = [
        f"Nama          : {p.name}",
        f"NIP           : {nip or '-'}",
        f"Nomor pegawai : {p.staff_number or '-'}",
        f"Status        : {p.status}",
        f"Jabatan       : {p.position or '-'}",
        f"OPD           : {p.agency}" + (f" (kode {p.agency_code})" if p.agency_code else ""),
        f"Akun ({len(p.accounts)}):",
    ]
    for a in p.accounts:
        name = f"@{a['handle']}" if a["handle"] else a["numeric_id"] or a["display_name"] or "(pemilik ekspor)"
        lines.append(f"  {a['platform']:<10} {name}" + (f"  {a['profile_url']}" if a["profile_url"] else ""))
    lines.append(f"Kerabat calon ({len(p.relatives)}):")
    lines.extend(f"  {name}" + (f" ({relation})" if relation else "") for name, relation in p.relatives)
    return "\n".join(lines)
