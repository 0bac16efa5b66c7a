"""``jaganetral users``: accounts of the web application (add, list, set a password)."""

from __future__ import annotations

import argparse
import getpass
import sys

from jaganetral.cli.common import EXIT_OK, EXIT_USAGE, Subparsers, error
from jaganetral.cli.storage import add_store_options, store_from
from jaganetral.service.access import ROLE_LABELS, ROLES
from jaganetral.service.users import UserError, create_user, list_users, set_password

DESCRIPTION = """\
Pengguna aplikasi web. Peran: admin (mengelola pengguna dan registri), pengawas (analis),
verifikator, pimpinan (hanya OPD yang ditetapkan, wajib --agency) dan auditor (log audit).
Kata sandi dibaca dari prompt, atau dari baris pertama masukan standar dengan --password-stdin.
Setiap perubahan dicatat di log audit dengan pelaku "sistem"."""


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("users", help="pengguna aplikasi web: tambah, daftar, ganti kata sandi",
                            description=DESCRIPTION)
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True, title="aksi")
    add = actions.add_parser("add", help="tambah pengguna", description=DESCRIPTION)
    add.add_argument("username", metavar="USERNAME", help="nama pengguna (huruf kecil, angka, . _ -)")
    add.add_argument("--role", required=True, choices=ROLES, help="peran: " + ", ".join(ROLES))
    add.add_argument("--agency", metavar="KODE_ATAU_NAMA", action="append", default=[],
                     help="OPD yang boleh dilihat pimpinan (boleh diulang)")
    add.add_argument("--name", metavar="NAMA", help="nama lengkap")
    add.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari masukan standar")
    add_store_options(add)
    add.set_defaults(handler=run_add)
    lst = actions.add_parser("list", help="daftar pengguna")
    add_store_options(lst)
    lst.set_defaults(handler=run_list)
    pw = actions.add_parser("passwd", help="ganti kata sandi pengguna")
    pw.add_argument("username", metavar="USERNAME")
    pw.add_argument("--password-stdin", action="store_true", help="baca kata sandi dari masukan standar")
    add_store_options(pw)
    pw.set_defaults(handler=run_passwd)


def read_password(from_stdin: bool) -> str | None:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("Kata sandi: ")
    if getpass.getpass("Ulangi kata sandi: ") != first:
        error("kedua kata sandi tidak sama")
        return None
    return first


def run_add(args: argparse.Namespace) -> int:
    password = read_password(args.password_stdin)
    if password is None:
        return EXIT_USAGE
    store = store_from(args)
    if store is None:
        return EXIT_USAGE
    try:
        create_user(store, "sistem", args.username, password, args.role, args.name, args.agency)
    except UserError as exc:
        error(str(exc))
        return EXIT_USAGE
    finally:
        store.close()
    print(f"Pengguna {args.username.strip().lower()} ({ROLE_LABELS[args.role]}) dibuat.")
    return EXIT_OK


def run_list(args: argparse.Namespace) -> int:
    store = store_from(args)
    if store is None:
        return EXIT_USAGE
    try:
        rows = list_users(store)
    finally:
        store.close()
    for u in rows:
        scope = ", ".join(u.agencies) if u.agencies else "semua OPD"
        state = "" if u.active else "  (nonaktif)"
        print(f"{u.username:<20} {u.role:<12} {u.full_name}  [{scope}]{state}")
    return EXIT_OK


def run_passwd(args: argparse.Namespace) -> int:
    password = read_password(args.password_stdin)
    if password is None:
        return EXIT_USAGE
    store = store_from(args)
    if store is None:
        return EXIT_USAGE
    try:
        set_password(store, "sistem", args.username, password)
    except UserError as exc:
        error(str(exc))
        return EXIT_USAGE
    finally:
        store.close()
    print(f"Kata sandi {args.username} diganti.")
    return EXIT_OK
