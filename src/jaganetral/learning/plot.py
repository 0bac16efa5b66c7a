"""The reliability diagram of held-out calibrated scores, as PNG bytes (matplotlib, Agg, no screen)."""

from __future__ import annotations

import io
from collections.abc import Sequence

from jaganetral.learning.fit import expected_calibration_error, reliability


def reliability_png(scores: Sequence[float], truth: Sequence[bool], title: str) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    bins = reliability(scores, truth)
    fig = Figure(figsize=(6, 6), dpi=100)
    ax = fig.add_subplot(1, 1, 1)
    ax.plot([0, 1], [0, 1], linestyle="--", color="grey", label="kalibrasi sempurna")
    if bins:
        ax.bar([lo + 0.05 for lo, *_ in bins], [rate for _, _, rate, _ in bins], width=0.09, alpha=0.35,
               color="tab:blue", label="proporsi benar per kelompok")
        ax.plot([m for _, m, _, _ in bins], [r for _, _, r, _ in bins], marker="o", color="tab:blue",
                label="rata-rata skor vs. proporsi benar")
        for lo, _, rate, n in bins:
            ax.annotate(f"n={n}", (lo + 0.05, rate), textcoords="offset points", xytext=(0, 4), ha="center",
                        fontsize=7)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.05)
    ax.set_xlabel("skor terkalibrasi (peluang kampanye)")
    ax.set_ylabel("proporsi benar-benar partisan (support/attack)")
    ece = expected_calibration_error(scores, truth)
    ax.set_title(f"{title}\nECE {ece:.3f}, {len(scores)} baris lipatan uji", fontsize=10)
    ax.legend(loc="upper left", fontsize=8)
    ax.grid(alpha=0.3)
    out = io.BytesIO()
    fig.savefig(out, format="png", metadata={"Software": None})
    return out.getvalue()
