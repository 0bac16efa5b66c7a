"""``jaganetral train``: reproduce the learned stage's artifact from labelled JSONL files."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from jaganetral import __version__
from jaganetral.cli.common import (
    EXIT_OK,
    EXIT_USAGE,
    Subparsers,
    add_detector_options,
    describe_os_error,
    detector_from,
    error,
    read_labelled_file,
)
from jaganetral.config import NO_MODEL
from jaganetral.learning.artifact import FEATURES, finalize
from jaganetral.learning.fit import FitSettings
from jaganetral.learning.train import DEFAULT_BITS, TrainSettings, train
from jaganetral.service.labelled import LabelledRow

DESCRIPTION = """\
Melatih ulang tahap pembelajaran (regresi logistik atas n-gram ter-hash dan bukti aturan) dari
berkas JSONL berlabel (format seperti `jaganetral eval`). Hasilnya satu berkas model (bobot saja,
tanpa teks data latih) yang diberi nama menurut SHA-256-nya, dan manifest data latih di samping
berkas itu (FILE.manifest.json). Data dan pengaturan yang sama menghasilkan berkas yang sama.

Contoh: jaganetral train ../shared/data/dev.jsonl --out src/jaganetral/models/flag-lr.jnm"""


def register(sub: Subparsers[argparse.ArgumentParser]) -> None:
    parser = sub.add_parser("train", help="latih ulang model tahap pembelajaran", description=DESCRIPTION)
    parser.add_argument("data", metavar="LABELLED.jsonl", nargs="+", help="berkas JSONL berlabel (satu atau lebih)")
    parser.add_argument("--out", metavar="FILE", required=True, help="berkas model yang ditulis")
    parser.add_argument("--bits", type=int, default=DEFAULT_BITS, help=f"2^BITS fitur ter-hash (bawaan {DEFAULT_BITS})")
    parser.add_argument("--l2", type=float, default=FitSettings().l2, help="penalti L2 (bawaan %(default)s)")
    parser.add_argument("--json", action="store_true", help="cetak ringkasan sebagai JSON")
    add_detector_options(parser, model=False)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if not 8 <= args.bits <= 22:
        error("--bits harus antara 8 dan 22")
        return EXIT_USAGE
    rules = detector_from(args, NO_MODEL)
    if rules is None:
        return EXIT_USAGE
    rows: list[LabelledRow] = []
    files: list[dict[str, Any]] = []
    for name in args.data:
        read = read_labelled_file(name)
        if read is None:
            return EXIT_USAGE
        got, data = read
        rows.extend(got.rows)
        files.append({"name": os.path.basename(name), "sha256": hashlib.sha256(data).hexdigest(),
                      "rows": len(got.rows), "unclear_skipped": got.unclear, "bad_lines": len(got.bad)})
    settings = TrainSettings(bits=args.bits, fit=FitSettings(l2=args.l2))
    try:
        trained = train(rules, rows, settings)
    except ValueError as exc:
        error(str(exc))
        return EXIT_USAGE
    manifest = {"training_files": files, "package_version": __version__, "features": FEATURES,
                "rules": rules.version, "packs": rules.kb_version, **trained.info}
    model, blob = finalize(trained.model, manifest)
    out = Path(args.out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".tmp")
        tmp.write_bytes(blob)
        os.replace(tmp, out)
        summary = {"model": str(out), "version": model.version, "sha256": model.sha256, "bytes": len(blob),
                   **manifest}
        out.with_name(out.name + ".manifest.json").write_text(
            json.dumps(summary | {"model": out.name}, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
            encoding="utf-8")
    except OSError as exc:
        error(f"tidak dapat menulis {out}: {describe_os_error(exc)}")
        return EXIT_USAGE
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        cv = trained.info["inner_cv"]
        print(f"Model {model.version} ditulis ke {out} ({len(blob):,} byte, SHA-256 {model.sha256})")
        print(f"Baris latih: {trained.info['rows_judged']} dinilai model, "
              f"{trained.info['rows_skipped_no_contestant']} tanpa kontestan (tidak dilatih)")
        print(f"Ambang {model.threshold:.2f} (dipilih pada lipatan dalam: precision {cv['precision']:.3f}, "
              f"recall {cv['recall']:.3f}, FPR neutral_election {cv['neutral_fpr']:.3f})")
    return EXIT_OK
