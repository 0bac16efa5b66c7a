"""Shared pieces of the command line: an Indonesian argparse, detector options, output helpers."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NoReturn

from jaganetral.config import load_settings
from jaganetral.service.labelled import LabelledSet, read_labelled
from jaganetral.service.scanning import Detector, ModelError, PackError, build_detector

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2  # also bad input/output paths, like argparse

_ARGPARSE_ID: tuple[tuple[str, str], ...] = (
    (r"^the following arguments are required: (.*)$", r"argumen wajib belum diisi: \1"),
    (r"^unrecognized arguments: (.*)$", r"argumen tidak dikenal: \1"),
    (r"^argument (.+?): invalid choice: (.*?) \(choose from (.*)\)$",
     r"argumen \1: pilihan tidak sah: \2 (pilihan: \3)"),
    (r"^argument (.+?): expected one argument$", r"argumen \1: perlu satu nilai"),
    (r"^argument (.+?): expected at least one argument$", r"argumen \1: perlu paling sedikit satu nilai"),
    (r"^argument (.+?): invalid (\S+) value: (.*)$", r"argumen \1: nilai \2 tidak sah: \3"),
    (r"^argument (.+?): ignored explicit argument (.*)$", r"argumen \1: nilai tidak dipakai: \2"),
    (r"^argument (.+?): not allowed with argument (.*)$", r"argumen \1 tidak boleh dipakai bersama \2"),
    (r"^ambiguous option: (.*) could match (.*)$", r"opsi ambigu: \1 bisa berarti \2"),
)


def translate_argparse(message: str) -> str:
    """Bahasa Indonesia for argparse's own (English) error messages."""
    for pattern, replacement in _ARGPARSE_ID:
        translated, count = re.subn(pattern, replacement, message)
        if count:
            return translated
    return message


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        super().add_usage(usage, actions, groups, "pemakaian: " if prefix is None else prefix)


class Parser(argparse.ArgumentParser):
    """argparse with Indonesian headings, help and error messages."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        kwargs["add_help"] = False
        kwargs.setdefault("allow_abbrev", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = "argumen"
        self._optionals.title = "opsi"
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help="tampilkan bantuan ini lalu keluar")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: galat: {translate_argparse(message)}\n")


Subparsers = argparse._SubParsersAction  # argparse offers no public name for it


def add_detector_options(parser: argparse.ArgumentParser, model: bool = True) -> None:
    """--region and --packs, and (unless ``model`` is False: ``train`` builds the rules alone) --model."""
    parser.add_argument("--region", metavar="R",
                        help="kode wilayah (mis. babel, basel) untuk memilih Pilkada yang berlaku; "
                             "bawaan: $JN_REGION, atau semua wilayah")
    parser.add_argument("--packs", metavar="DIR", nargs="+", action="extend",
                        help="folder/berkas paket pengetahuan pengganti paket bawaan; "
                             "bawaan: $JN_PACKS (dipisah ':'), atau paket bawaan")
    if model:
        parser.add_argument("--model", metavar="FILE",
                            help="berkas model tahap pembelajaran (jaganetral train), atau 'none' untuk aturan saja; "
                                 "bawaan: $JN_MODEL, atau model bawaan paket")


def detector_from(args: argparse.Namespace, model: str | None = None) -> Detector | None:
    """Build the detector from --region/--packs/--model (or the environment; ``model`` overrides
    both, e.g. ``NO_MODEL`` for the rules alone); None after printing pack or model errors."""
    settings = load_settings(region=args.region, packs=args.packs, model=model or getattr(args, "model", None))
    try:
        return build_detector(settings)
    except ModelError as exc:
        error(f"model tidak dapat dimuat: {exc}")
        return None
    except PackError as exc:
        error("paket pengetahuan tidak dapat dimuat:")
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return None


def error(message: str) -> None:
    print(f"jaganetral: {message}", file=sys.stderr)


def describe_os_error(exc: OSError) -> str:
    """A short Indonesian reason for a failed open/read/write."""
    if isinstance(exc, FileNotFoundError):
        return "berkas atau folder tidak ditemukan"
    if isinstance(exc, IsADirectoryError):
        return "ini sebuah folder, bukan berkas"
    if isinstance(exc, PermissionError):
        return "izin ditolak"
    if isinstance(exc, NotADirectoryError):
        return "salah satu bagian jalurnya bukan folder"
    return exc.strerror or str(exc)


def utf8_stdio() -> None:
    """Write stdout/stderr as UTF-8 whatever the locale; never crash on an unencodable character."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")


def silence_broken_stdout() -> None:
    """After a broken pipe on stdout, point it at /dev/null so the interpreter exits quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def read_labelled_file(name: str) -> tuple[LabelledSet, bytes] | None:
    """A labelled JSONL file and its bytes (for its hash); its bad lines printed; None (after an
    error message) when it cannot be read."""
    try:
        data = Path(name).read_bytes()
    except OSError as exc:
        error(f"tidak dapat membaca {name}: {describe_os_error(exc)}")
        return None
    got = read_labelled(data.decode("utf-8", errors="replace").splitlines())
    for bad in got.bad:
        print(f"{name}: baris {bad.line}: {bad.reason}", file=sys.stderr)
    return got, data
