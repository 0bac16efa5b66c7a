"""Near-duplicate clusters and grouped folds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from jaganetral.learning.clusters import grouped_folds, near_duplicate_groups

CASES = [
    # (a, b, same cluster?)
    ("Debat capres malam ini seru sekali URL", "RT @USER Debat capres malam ini seru sekali URL", True),
    ("Debat capres malam ini seru sekali", "debat   CAPRES malam ini seru sekali!!", True),
    ("KPU umumkan jadwal kampanye akbar di Jakarta pekan depan",
     "KPU umumkan jadwal kampanye akbar di Surabaya pekan depan", True),
    ("Debat capres malam ini seru sekali", "Harga cabai naik tajam di pasar induk", False),
    ("Dukung Prabowo", "Dukung Anies", False),
]


def test_table() -> None:
    for a, b, same in CASES:
        g = near_duplicate_groups([a, b])
        assert (g[0] == g[1]) is same, (a, b)


def test_transitive_chains_join_one_cluster() -> None:
    base = "Bawaslu mengingatkan seluruh ASN agar tetap netral selama masa kampanye pemilu"
    texts = [base, base + " di Bangka", base + " di Bangka Selatan", "Hari ini hujan deras sekali"]
    g = near_duplicate_groups(texts)
    assert g[0] == g[1] == g[2] != g[3]


@settings(max_examples=50, deadline=None)
@given(st.lists(st.integers(0, 15), min_size=1, max_size=80), st.integers(2, 6))
def test_folds_never_split_a_cluster_and_stay_balanced(groups: list[int], k: int) -> None:
    folds = grouped_folds(groups, k)
    fold_of: dict[int, int] = {}
    for g, f in zip(groups, folds, strict=True):
        assert fold_of.setdefault(g, f) == f
        assert 0 <= f < k
    sizes = [folds.count(f) for f in range(k)]
    largest = max(groups.count(g) for g in set(groups))
    assert max(sizes) - min(sizes) <= largest
    assert grouped_folds(groups, k) == folds  # deterministic
