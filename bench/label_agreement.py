"""How far a second, independent annotation agrees with the reference labels.

Usage::

    python bench/label_agreement.py ../shared/data/dev.jsonl data/labels/dev-relabel-2026-11.jsonl [--json]

The first file is the reference (any JSONL with ``id``, ``label`` and ``target``: dev.jsonl itself);
the others are read together as the second annotation (``id``, ``label``, ``target``; no texts).
The figures are the ones ``jaganetral eval`` gives the detector (flag precision, recall, F1,
neutral_election false-positive rate, contestant agreement), plus exact label agreement, Cohen's
kappa and the label confusion matrix. They tell how high a detector can be expected to reach against
the reference: a reader who agrees at F1 0.96 leaves room above a detector at 0.81.
"""

from __future__ import annotations

import argparse
import json
import sys

from jaganetral.learning.agreement import ALL_LABELS, Agreement, Label, compare


def read_labels(paths: list[str]) -> dict[str, Label]:
    out: dict[str, Label] = {}
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for number, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                    out[str(row["id"])] = (str(row["label"]), [str(t) for t in row.get("target") or []])
                except (ValueError, KeyError, TypeError) as exc:
                    raise SystemExit(f"{path}:{number}: baris tidak terbaca ({exc})") from exc
    return out


def render(a: Agreement) -> str:
    d, f = a.as_dict(), a.flags
    lines = [
        f"id bersama {d['shared']} (hanya rujukan {d['only_reference']}, hanya pembanding {d['only_other']}); "
        f"baris jelas {d['clear_rows']}",
        f"label sama {a.exact:.3f}, kappa {a.kappa:.3f}",
        f"flag: presisi {f.precision:.3f}, recall {f.recall:.3f}, F1 {f.f1:.3f}, "
        f"FPR neutral_election {f.false_positive_rate('neutral_election'):.3f}; "
        f"kontestan sama {f.contestant_hit} dari {f.contestant_total}",
        "rujukan \\ pembanding " + " ".join(f"{label[:10]:>10}" for label in ALL_LABELS),
    ]
    for row in d["confusion"]:
        lines.append(f"{row['label'][:20]:>20} " + " ".join(f"{row[label]:>10}" for label in ALL_LABELS))
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reference")
    parser.add_argument("other", nargs="+")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        agreement = compare(read_labels([args.reference]), read_labels(args.other))
    except ValueError as exc:
        print(f"galat: {exc}", file=sys.stderr)
        return 2
    print(json.dumps(agreement.as_dict(), indent=2) if args.json else render(agreement))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
