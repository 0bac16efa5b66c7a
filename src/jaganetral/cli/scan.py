"""``jaganetral scan``: judge a JSONL file of activities, one output line per valid input line."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO, TextIO

from jaganetral.cli.common import (
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    Subparsers,
    add_detector_options,
    describe_os_error,
    detector_from,
    error,
    silence_broken_stdout,
)
from jaganetral.cli.progress import Progress
from jaganetral.cli.table import render_table
from jaganetral.service.scanning import (
    BadLine,
    Detector,
    Finding,
    ScanSummary,
    ScanTimer,
    finding_line,
    scan_lines,
)

DESCRIPTION = """\
Memindai aktivitas media sosial dalam format JSONL (satu objek JSON per baris) dan menulis
satu temuan JSON per baris masukan yang sah, dengan urutan yang sama.

Baris kosong dilewati. Baris yang rusak (bukan JSON, tanpa id/text, kind tidak dikenal, ...)
dilaporkan di stderr sebagai "baris N: alasan" dan pemindaian tetap berjalan.
Kode keluar: 0 bila semua baris sah terpindai, 1 bila ada baris yang gagal dinilai,
2 bila INPUT tidak dapat dibaca atau OUTPUT tidak dapat ditulis."""


class InputFailed(Exception):
    """Reading INPUT failed part-way."""


class OutputFailed(Exception):
    """Writing OUTPUT failed part-way."""


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("scan", help="pindai berkas JSONL aktivitas", description=DESCRIPTION)
    parser.add_argument("input", metavar="INPUT", help="berkas JSONL masukan, atau - untuk stdin")
    parser.add_argument("--out", metavar="OUTPUT", required=True, help="berkas JSONL keluaran, atau - untuk stdout")
    add_detector_options(parser)
    parser.add_argument("--table", action="store_true",
                        help="cetak juga tabel temuan yang diduga melanggar ke stdout (tidak bisa dengan --out -)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.table and args.out == "-":
        error("--table tidak dapat dipakai bersama --out - (keduanya menulis ke stdout)")
        return EXIT_USAGE
    if args.input != "-" and args.out != "-" and _same_file(args.input, args.out):
        error(f"INPUT dan OUTPUT adalah berkas yang sama: {args.input}")
        return EXIT_USAGE
    detector = detector_from(args)
    if detector is None:
        return EXIT_USAGE
    try:
        source = sys.stdin.buffer if args.input == "-" else open(args.input, "rb")  # noqa: SIM115
    except OSError as exc:
        error(f"tidak dapat membaca INPUT {args.input}: {describe_os_error(exc)}")
        return EXIT_USAGE
    try:
        try:
            sink = sys.stdout if args.out == "-" else open(args.out, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        except OSError as exc:
            error(f"tidak dapat menulis OUTPUT {args.out}: {describe_os_error(exc)}")
            return EXIT_USAGE
        try:
            return _scan(args, detector, source, sink)
        finally:
            if sink is not sys.stdout:
                sink.close()
    finally:
        if source is not sys.stdin.buffer:
            source.close()


def _scan(args: argparse.Namespace, detector: Detector, source: BinaryIO, sink: TextIO) -> int:
    progress = Progress(sys.stderr, _size(source))
    summary = ScanSummary()
    timer = ScanTimer()
    flagged: list[Finding] = []
    try:
        for item, finding in scan_lines(detector, _read(source, progress)):
            summary.add(item, finding)
            progress.update(summary.rows)
            if isinstance(item, BadLine):
                progress.close()
                print(f"baris {item.line}: {item.reason}", file=sys.stderr)
                continue
            if finding is None:
                continue
            _write(sink, finding_line(finding) + "\n")
            if args.table and finding.flag:
                flagged.append(finding)
        _write(sink, "", flush=True)
    except InputFailed as exc:
        progress.close()
        error(f"tidak dapat membaca INPUT {args.input}: {exc}")
        return EXIT_USAGE
    except OutputFailed as exc:
        progress.close()
        if isinstance(exc.__cause__, BrokenPipeError):
            silence_broken_stdout()
            return EXIT_PROBLEMS
        error(f"tidak dapat menulis OUTPUT {args.out}: {exc}")
        return EXIT_USAGE
    progress.close()
    summary.seconds = timer.elapsed()
    if args.table:
        try:
            print(render_table(flagged), flush=True)
        except BrokenPipeError:
            silence_broken_stdout()
            return EXIT_PROBLEMS
    print(summary.render(), file=sys.stderr)
    if args.out != "-":
        print(f"Temuan ditulis ke {args.out}", file=sys.stderr)
    return EXIT_PROBLEMS if summary.failed else EXIT_OK


def _read(source: BinaryIO, progress: Progress) -> Iterator[str]:
    """Lines of ``source`` decoded as UTF-8 (bad bytes replaced); a leading BOM is dropped."""
    first = True
    while True:
        try:
            raw = source.readline()
        except OSError as exc:
            raise InputFailed(describe_os_error(exc)) from exc
        if not raw:
            return
        progress.advance(len(raw))
        text = raw.decode("utf-8", errors="replace")
        if first:
            text = text.removeprefix("\ufeff")
            first = False
        yield text


def _write(sink: TextIO, text: str, flush: bool = False) -> None:
    try:
        if text:
            sink.write(text)
        if flush:
            sink.flush()
    except OSError as exc:
        raise OutputFailed(describe_os_error(exc)) from exc


def _size(source: BinaryIO) -> int | None:
    """Size in bytes when ``source`` is a regular file (for the progress bar), else None."""
    try:
        st = os.fstat(source.fileno())
    except (OSError, ValueError, AttributeError):
        return None
    return st.st_size if stat.S_ISREG(st.st_mode) else None


def _same_file(a: str, b: str) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve() or os.path.samefile(a, b)
    except OSError:
        return False
