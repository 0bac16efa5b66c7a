"""Agreement between two annotations: hand-computed tables, properties, the bench script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jaganetral.learning.agreement import ALL_LABELS, compare

ROOT = Path(__file__).resolve().parents[3]

# (reference label, other label, reference targets, other targets)
TABLE = [
    ("support", "support", ["pilpres2024:02"], ["pilpres2024:02"]),  # tp, same contestant
    ("support", "attack", ["pilpres2024:01"], ["pilpres2024:03"]),  # tp, other contestant
    ("attack", "political_other", ["pilpres2024:02"], []),  # fn
    ("neutral_election", "support", [], ["pilpres2024:01"]),  # fp on a neutral row
    ("neutral_election", "neutral_election", [], []),
    ("political_other", "political_other", [], []),
    ("nonpolitical", "unclear", [], []),  # left out of the flag figures
    ("unclear", "support", [], ["pilpres2024:02"]),  # left out too
]


def _sets(table: list[tuple[str, str, list[str], list[str]]]) -> tuple[dict, dict]:
    ref = {f"r{i}": (r, rt) for i, (r, _, rt, _) in enumerate(table)}
    oth = {f"r{i}": (o, ot) for i, (_, o, _, ot) in enumerate(table)}
    return ref, oth


def test_hand_computed_table() -> None:
    a = compare(*_sets(TABLE))
    assert a.shared == 8 and a.flags.n == 6
    assert a.flags.precision == pytest.approx(2 / 3)  # tp 2, fp 1
    assert a.flags.recall == pytest.approx(2 / 3)  # tp 2, fn 1
    assert a.flags.f1 == pytest.approx(2 / 3)
    assert a.flags.false_positive_rate("neutral_election") == pytest.approx(1 / 2)
    assert a.exact == pytest.approx(3 / 6)
    assert (a.flags.contestant_total, a.flags.contestant_hit) == (2, 1)
    # kappa by hand over all 8 rows: observed 3/8; reference margins s2 a1 n2 p1 np1 u1, other s3 a1 n1 p2 np0 u1
    expected = (2 * 3 + 1 * 1 + 2 * 1 + 1 * 2 + 1 * 0 + 1 * 1) / 64
    assert a.kappa == pytest.approx((3 / 8 - expected) / (1 - expected))


def test_ids_in_one_annotation_only_are_counted_not_compared() -> None:
    ref, oth = _sets(TABLE)
    ref["extra"] = ("support", [])
    oth["lain"] = ("attack", [])
    oth["lain2"] = ("attack", [])
    a = compare(ref, oth)
    assert (a.shared, a.only_reference, a.only_other) == (8, 1, 2)


def test_unknown_label_is_refused() -> None:
    with pytest.raises(ValueError, match="label tidak dikenal"):
        compare({"x": ("campaign", [])}, {"x": ("support", [])})


labels = st.sampled_from(ALL_LABELS)
annotations = st.lists(st.tuples(labels, labels), min_size=1, max_size=60)


@given(annotations)
def test_a_reader_agrees_fully_with_itself(pairs: list[tuple[str, str]]) -> None:
    ref = {str(i): (r, ["pilpres2024:01"]) for i, (r, _) in enumerate(pairs)}
    a = compare(ref, ref)
    assert a.kappa == pytest.approx(1.0)
    assert a.flags.false_positive_rate("neutral_election") == 0.0
    assert a.flags.contestant_hit == a.flags.contestant_total
    if a.flags.n:
        assert a.exact == 1.0
    if any(r in ("support", "attack") for r, _ in pairs):
        assert a.flags.f1 == pytest.approx(1.0)


@given(annotations)
def test_kappa_is_symmetric_and_figures_bounded(pairs: list[tuple[str, str]]) -> None:
    ref = {str(i): (r, []) for i, (r, _) in enumerate(pairs)}
    oth = {str(i): (o, []) for i, (_, o) in enumerate(pairs)}
    a, b = compare(ref, oth), compare(oth, ref)
    assert a.kappa == pytest.approx(b.kappa)
    assert a.flags.precision == pytest.approx(b.flags.recall) and a.flags.recall == pytest.approx(b.flags.precision)
    for v in (a.exact, a.flags.precision, a.flags.recall, a.flags.f1, a.flags.false_positive_rate("neutral_election")):
        assert 0.0 <= v <= 1.0
    assert sum(a.confusion.values()) == len(pairs)


def test_bench_script_prints_the_figures(tmp_path: Path) -> None:
    ref_rows, other_rows = [], []
    for i, (r, o, rt, ot) in enumerate(TABLE):
        ref_rows.append({"id": f"r{i}", "text": "teks buatan", "label": r, "target": rt})
        other_rows.append({"id": f"r{i}", "label": o, "target": ot})
    ref = tmp_path / "ref.jsonl"
    other = tmp_path / "other.jsonl"
    ref.write_text("".join(json.dumps(x) + "\n" for x in ref_rows), encoding="utf-8")
    other.write_text("".join(json.dumps(x) + "\n" for x in other_rows), encoding="utf-8")
    script = ROOT / "bench" / "label_agreement.py"
    out = subprocess.run([sys.executable, str(script), str(ref), str(other), "--json"],
                         capture_output=True, text=True, check=True)
    got = json.loads(out.stdout)
    assert got["f1"] == pytest.approx(0.6667) and got["clear_rows"] == 6
    text = subprocess.run([sys.executable, str(script), str(ref), str(other)],
                          capture_output=True, text=True, check=True).stdout
    assert "F1 0.667" in text and "kontestan sama 1 dari 2" in text
    other.write_text('{"id": "r0", "label": "kampanye", "target": []}\n', encoding="utf-8")
    bad = subprocess.run([sys.executable, str(script), str(ref), str(other)], capture_output=True, text=True)
    assert bad.returncode == 2 and "label tidak dikenal" in bad.stderr
