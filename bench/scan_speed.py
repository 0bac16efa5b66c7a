"""Throughput of the rule detector and the whole pipeline against a plain keyword scan, on the real-post corpus.

Usage::

    python bench/scan_speed.py [--corpus PATH] [--runs N] [--limit N] [--profile] [--model FILE|none]

The corpus is read once into Activity objects and the Detector is built once, outside the timed
region. Then, in one process on one core, the two stages are timed alternately (baseline,
detector, baseline, detector, ...) for N runs each:

* baseline: one compiled regex alternation of every contestant name, person name and alias,
  acronym and party acronym/name in the knowledge base, between word boundaries, applied with
  ``search`` to each post's lowercased text (the cheapest honest "does it mention anyone"
  filter). The terms are lowercased and the text is lowercased inside the timed loop instead of
  using ``re.IGNORECASE``: same hits, but ``re``'s case-folding makes a 400-term alternation
  about 4x slower, which would flatter the detector;
* detector: ``Detector.analyze`` on every activity, rules only;
* pipeline: the same with the learned stage (the shipped artifact, or ``--model FILE``), as
  ``jaganetral scan`` runs it;
* pipeline-2p (not interleaved, after the others): the pipeline in two worker processes, each on
  its own CPU with its own detector built before timing, each judging half of the corpus; the wall
  clock covers sending the activities and getting the flags back. This is the "2 cores" figure.

Nothing from the corpus is written anywhere; only counts and timings are printed.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import multiprocessing
import os
import platform
import pstats
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jaganetral.config import Settings
from jaganetral.detect.engine import Detector
from jaganetral.detect.model import Activity
from jaganetral.knowledge.base import KnowledgeBase
from jaganetral.knowledge.loader import load_packs
from jaganetral.service.activities import BadLine, read_jsonl
from jaganetral.service.scanning import build_detector

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO_ROOT / ".." / "shared" / "data" / "corpus.jsonl"
TARGET_RULE_PPS = 5_000.0
TARGET_PIPELINE_PPS = 3_000.0  # issue 5: whole pipeline on 2 cores


@dataclass(frozen=True)
class Corpus:
    activities: list[Activity]
    bad_lines: int


@dataclass
class StageResult:
    name: str
    seconds: list[float]  # wall clock
    cpu_seconds: list[float]  # this process's CPU time; less disturbed by other load on the host
    hits: list[int]

    def rates(self, n: int, cpu: bool = False) -> list[float]:
        return [n / s if s > 0 else float("inf") for s in (self.cpu_seconds if cpu else self.seconds)]

    def add(self, wall: float, cpu: float, hits: int) -> None:
        self.seconds.append(wall)
        self.cpu_seconds.append(cpu)
        self.hits.append(hits)


def load_corpus(path: Path, limit: int | None) -> Corpus:
    activities: list[Activity] = []
    bad = 0
    with path.open(encoding="utf-8") as fh:
        for item in read_jsonl(fh):
            if isinstance(item, BadLine):
                bad += 1
                continue
            activities.append(item.activity)
            if limit is not None and len(activities) >= limit:
                break
    return Corpus(activities, bad)


def keyword_terms(kb: KnowledgeBase) -> list[str]:
    """Every contestant name, person name and alias, acronym and party acronym/name in the KB."""
    terms: set[str] = set()
    for contest in kb.contests.values():
        for c in contest.contestants:
            terms.update(t.text for t in c.names)
            terms.update(t.text for t in c.acronyms)
            for person in c.persons:
                terms.add(person.name)
                terms.update(t.text for t in person.aliases)
            terms.update(c.parties)
            if c.kind == "party":
                if c.party:
                    terms.add(c.party)
                terms.add(c.label)
    return sorted((t.strip() for t in terms if t.strip()), key=lambda t: (-len(t), t))


def keyword_pattern(terms: Sequence[str]) -> re.Pattern[str]:
    """Lowercase alternation, longest first; match it against lowercased text."""
    alternation = "|".join(re.escape(t.lower()) for t in terms)
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def run_baseline(pattern: re.Pattern[str], texts: Sequence[str]) -> int:
    search = pattern.search
    hits = 0
    for text in texts:
        if search(text.lower()) is not None:
            hits += 1
    return hits


def run_detector(detector: Detector, activities: Sequence[Activity]) -> int:
    analyze = detector.analyze
    flagged = 0
    for a in activities:
        if analyze(a).flag:
            flagged += 1
    return flagged


_WORKER: Detector | None = None


def _init_worker(model: str | None, cpus: list[int]) -> None:
    global _WORKER
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, set(cpus))
    _WORKER = build_pipeline(model)


def _judge_chunk(chunk: list[Activity]) -> int:
    assert _WORKER is not None
    return run_detector(_WORKER, chunk)


def build_pipeline(model: str | None) -> Detector:
    """The detector ``jaganetral scan --model MODEL`` runs (the shipped artifact when None, "none": rules)."""
    return build_detector(Settings(region=None, packs=None, model=model))


def run_parallel(pool: Any, activities: Sequence[Activity], workers: int) -> int:
    chunks = [list(activities[i::workers]) for i in range(workers)]
    return sum(pool.map(_judge_chunk, chunks))


def timed(fn: Callable[[], int]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds, result) of one call."""
    gc.collect()
    cpu0 = time.process_time()
    start = time.perf_counter()
    result = fn()
    wall = time.perf_counter() - start
    return wall, time.process_time() - cpu0, result


def pin_one_core(cpu: int | None) -> str:
    """Pin to ``cpu`` (default: the last CPU we may use, usually less busy than CPU 0)."""
    if hasattr(os, "sched_setaffinity") and hasattr(os, "sched_getaffinity"):
        cpus = sorted(os.sched_getaffinity(0))
        chosen = cpus[-1] if cpu is None else cpu
        if chosen not in cpus:
            raise SystemExit(f"error: --cpu {chosen} is not one of the usable CPUs {cpus}")
        os.sched_setaffinity(0, {chosen})
        return f"pinned to CPU {chosen} (of {len(cpus)} usable)"
    return "not pinned (no sched_setaffinity); single thread"


def peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def print_table(stages: Sequence[StageResult], n: int) -> None:
    header = (
        f"{'stage':<10} {'median posts/s':>15} {'min posts/s':>12} {'max posts/s':>12} {'median s':>9} "
        f"{'CPU median':>11} {'CPU min':>8} {'CPU max':>8} {'hits':>7}"
    )
    print("posts/s from wall-clock time; CPU columns: posts per CPU-second of this process")
    print(header)
    print("-" * len(header))
    for st in stages:
        rates = st.rates(n)
        cpu = st.rates(n, cpu=True)
        hits = "/".join(str(h) for h in sorted(set(st.hits)))
        print(
            f"{st.name:<10} {statistics.median(rates):>15,.0f} {min(rates):>12,.0f} {max(rates):>12,.0f} "
            f"{statistics.median(st.seconds):>9.3f} {statistics.median(cpu):>11,.0f} {min(cpu):>8,.0f} "
            f"{max(cpu):>8,.0f} {hits:>7}"
        )


def profile_detector(detector: Detector, activities: Sequence[Activity]) -> None:
    prof = cProfile.Profile()
    prof.enable()
    run_detector(detector, activities)
    prof.disable()
    for key, title in (("cumulative", "cumulative time"), ("tottime", "total (own) time")):
        out = io.StringIO()
        stats = pstats.Stats(prof, stream=out)
        stats.strip_dirs().sort_stats(key).print_stats(25)
        print(f"\n=== cProfile: one detector pass, top 25 by {title} ===")
        print(out.getvalue().strip())


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL corpus (default: %(default)s)")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per stage (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N valid activities")
    ap.add_argument("--profile", action="store_true", help="also cProfile one detector pass")
    ap.add_argument("--cpu", type=int, default=None, help="CPU to pin to (default: the last usable one)")
    ap.add_argument("--model", default=None, help="learned-stage artifact (default: the shipped one)")
    ap.add_argument("--workers", type=int, default=2, help="processes of the pipeline-2p stage (default: 2)")
    args = ap.parse_args(argv)
    if args.runs < 1:
        ap.error("--runs must be at least 1")
    if args.limit is not None and args.limit < 1:
        ap.error("--limit must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    corpus_path: Path = args.corpus
    if not corpus_path.is_file():
        print(f"error: corpus file not found: {corpus_path.resolve()} (pass --corpus PATH)", file=sys.stderr)
        return 2

    all_cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    pinning = pin_one_core(args.cpu)

    t0 = time.perf_counter()
    corpus = load_corpus(corpus_path, args.limit)
    t1 = time.perf_counter()
    kb = load_packs()
    detector = Detector(kb)
    pipeline = build_pipeline(args.model)
    t2 = time.perf_counter()
    terms = keyword_terms(kb)
    pattern = keyword_pattern(terms)
    t3 = time.perf_counter()

    activities = corpus.activities
    texts = [a.text for a in activities]
    n = len(activities)
    if n == 0:
        print(f"error: no valid activities in {corpus_path}", file=sys.stderr)
        return 2

    print(f"Python {platform.python_version()} ({platform.python_implementation()}) on {platform.machine()}, {pinning}")
    print(f"detector {detector.version}, pipeline {pipeline.version}, packs {kb.fingerprint}")
    print(f"corpus: {corpus_path.resolve()}: {n:,} activities ({corpus.bad_lines} bad lines skipped)")
    print(
        f"set-up (not timed below): read corpus {t1 - t0:.2f}s, load_packs + Detector {t2 - t1:.2f}s, "
        f"keyword regex ({len(terms)} terms) {t3 - t2:.3f}s"
    )
    print(f"runs: {args.runs} per stage, interleaved baseline/detector, gc.collect() before each run\n")

    baseline = StageResult("baseline", [], [], [])
    rules = StageResult("detector", [], [], [])
    whole = StageResult("pipeline", [], [], [])
    for _ in range(args.runs):
        baseline.add(*timed(lambda: run_baseline(pattern, texts)))
        rules.add(*timed(lambda: run_detector(detector, activities)))
        whole.add(*timed(lambda: run_detector(pipeline, activities)))
    parallel = StageResult(f"pipeline-{args.workers}p", [], [], [])
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(args.workers, _init_worker, (args.model, all_cpus)) as pool:
        run_parallel(pool, activities[: args.workers * 50], args.workers)  # warm the workers
        for _ in range(args.runs):
            parallel.add(*timed(lambda: run_parallel(pool, activities, args.workers)))

    print_table([baseline, rules, whole, parallel], n)
    base_med = statistics.median(baseline.rates(n))
    rule_med = statistics.median(rules.rates(n))
    cpu_ratio = statistics.median(rules.rates(n, cpu=True)) / statistics.median(baseline.rates(n, cpu=True))
    print(
        f"\nratio detector/baseline (median posts/s): {rule_med / base_med:.4f} "
        f"(detector is {base_med / rule_med:.1f}x slower); by CPU time: {cpu_ratio:.4f}"
    )
    verdict = "meets" if rule_med >= TARGET_RULE_PPS else "BELOW"
    print(
        f"target for the rule stage: >= {TARGET_RULE_PPS:,.0f} posts/s on one core -> {verdict} "
        f"({rule_med:,.0f} posts/s)"
    )
    print(
        f"sanity: baseline matched {baseline.hits[0]:,} posts; detector flagged {rules.hits[0]:,} of {n:,} "
        f"({100 * rules.hits[0] / n:.1f}%)" + ("" if len(set(rules.hits)) == 1 else " [VARIES BETWEEN RUNS]")
    )

    whole_med = statistics.median(whole.rates(n))
    par_med = statistics.median(parallel.rates(n))
    print(f"ratio pipeline/detector (median posts/s, one core): {whole_med / rule_med:.4f}; "
          f"pipeline flagged {whole.hits[0]:,} of {n:,} ({100 * whole.hits[0] / n:.1f}%)")
    verdict = "meets" if par_med >= TARGET_PIPELINE_PPS else "BELOW"
    print(f"target for the whole pipeline: >= {TARGET_PIPELINE_PPS:,.0f} posts/s on {args.workers} cores -> {verdict} "
          f"({par_med:,.0f} posts/s, {par_med / whole_med:.2f}x the one-core pipeline)")

    if args.profile:
        profile_detector(pipeline, activities)

    print(f"\npeak RSS: {peak_rss_mib():.1f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
