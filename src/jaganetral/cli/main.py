"""Entry point of the ``jaganetral`` command: builds the parser and dispatches to a command module.

Every command reaches the detector through :mod:`jaganetral.service`; nothing is built at import.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from jaganetral import __version__
from jaganetral.cli import audit, check, evaluate, evidence, ingest, pack, registry, rescan, scan, serve, train, users
from jaganetral.cli.common import EXIT_USAGE, Parser, utf8_stdio

DESCRIPTION = """\
Jaga Netral: deteksi dugaan kampanye oleh ASN di media sosial (SKB 2/2022).
Setiap temuan adalah temuan otomatis: pengawas wajib memverifikasi sebelum tindakan apa pun.

Bantuan tiap perintah: jaganetral PERINTAH --help"""


def build_parser() -> Parser:
    parser = Parser(prog="jaganetral", description=DESCRIPTION)
    parser.add_argument("--version", action="version", version=f"jaganetral {__version__}",
                        help="tampilkan versi lalu keluar")
    sub = parser.add_subparsers(dest="command", metavar="PERINTAH", required=True, title="perintah")
    for module in (scan, check, evaluate, train, pack, ingest, rescan, evidence, registry, audit, users, serve):
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 problems found, 2 usage or I/O error)."""
    utf8_stdio()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else EXIT_USAGE)
    try:
        code: int = args.handler(args)
    except KeyboardInterrupt:
        print("\njaganetral: dibatalkan.", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":
    sys.exit(main())
