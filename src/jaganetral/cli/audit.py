"""``jaganetral audit verify``: recompute the audit chain's hashes and name the first bad event."""

from __future__ import annotations

import argparse
import json

from jaganetral.cli.common import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, Subparsers
from jaganetral.cli.storage import add_store_options, store_from
from jaganetral.service.audit import verify_chain

DESCRIPTION = """\
Menghitung ulang hash setiap peristiwa di log audit, berurutan, dan memeriksa bahwa setiap peristiwa
menunjuk hash peristiwa sebelumnya. Peristiwa yang diubah, dihapus atau disisipkan akan ketahuan.
Kode keluar: 0 bila rantai utuh, 1 bila rantai rusak."""


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("audit", help="log audit: periksa keutuhan rantai hash", description=DESCRIPTION)
    actions = parser.add_subparsers(dest="action", metavar="AKSI", required=True, title="aksi")
    verify = actions.add_parser("verify", help="verifikasi rantai hash log audit", description=DESCRIPTION)
    add_store_options(verify)
    verify.add_argument("--json", action="store_true", help="cetak hasil sebagai satu objek JSON")
    verify.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    store = store_from(args)
    if store is None:
        return EXIT_USAGE
    try:
        report = verify_chain(store)
    finally:
        store.close()
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False))
    else:
        print(("UTUH: " if report.ok else "RUSAK: ") + report.message)
    return EXIT_OK if report.ok else EXIT_PROBLEMS
