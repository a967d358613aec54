"""`crosscheck bench`: whole commands timed as a user runs them, beside the naive pipeline.

Every row but one is a fresh process (start-up, imports, loading, extraction, alignment, writing
the JSON report) timed from launch to exit, with the peak resident memory the kernel reports for
it (``os.wait4``). The naive pipeline (``crosscheck.baseline``: quantulum3 + dateparser on every
sentence) runs the same way on the same inputs, in the same run, so the ratio is of like with like.
Extraction alone, in this process after a warm-up, is the second row: what the extractor costs
without the rest.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

#: the targets the numbers are read against
TARGET_RATIO = 20.0
TARGET_COLD_SECONDS = 1.0


@dataclass(frozen=True)
class Timing:
    name: str
    what: str
    seconds: float
    peak_mib: float | None
    articles: int

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")


def run_command(argv: Sequence[str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one command, run to its end with its output discarded."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        last = stderr.strip().splitlines()[-1:] or ["no message"]
        raise RuntimeError(f"{' '.join(argv[2:4])} exited {proc.returncode}: {last[0]}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def _extraction_alone(paths: list[str]) -> tuple[float, float, int]:
    """Seconds and traced peak MiB of extraction only, in this process, after a warm-up."""
    from .extract import extract
    from .sources import load

    corpora = [c for c in load(paths) if c.sources]
    extract(corpora[0])  # data files and compiled patterns, as the warm-up of any long-running use
    t0 = time.perf_counter()
    for c in corpora:
        extract(c)
    seconds = time.perf_counter() - t0
    tracemalloc.start()
    for c in corpora[:3]:
        extract(c)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return seconds, peak / 2**20, sum(len(c.sources) for c in corpora)


def run(
    paths: list[str], *, baseline: bool, repeat: int, console: Console, progress_console: Console | None
) -> list[Timing]:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from .sources import example_corpus

    inputs = paths or [str(example_corpus())]
    py = [sys.executable, "-m"]
    out = Path(tempfile.mkdtemp(prefix="crosscheck-bench-"))
    commands: list[tuple[str, str, list[str], int]] = [
        (
            "crosscheck claims",
            "whole command",
            [*py, "crosscheck", "claims", *inputs, "-q", "--json", str(out / "c.json")],
            repeat,
        ),
        (
            "crosscheck report",
            "whole command",
            [*py, "crosscheck", "report", *inputs, "-q", "--json", str(out / "r.json")],
            repeat,
        ),
        ("crosscheck report (bundled corpus)", "cold start", [*py, "crosscheck", "report", "-q"], repeat),
    ]
    if baseline:
        commands.append(
            (
                "quantulum3 + search_dates",
                "whole command (naive)",
                [*py, "crosscheck.baseline", *inputs, "--json", str(out / "n.json")],
                1,
            )
        )
    total = sum(n for *_, n in commands) + 1
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=progress_console,
        transient=True,
        disable=progress_console is None,
    )
    timings: list[Timing] = []
    try:
        with progress:
            task = progress.add_task("bench: extraction alone", total=total)
            seconds, peak, articles = _extraction_alone(inputs)
            progress.advance(task)
            for name, what, argv, n in commands:
                progress.update(task, description=f"bench: {name}")
                runs = []
                for _ in range(n):
                    runs.append(run_command(argv))
                    progress.advance(task)
                count = 5 if "bundled" in name else articles
                timings.append(
                    Timing(name, what, statistics.median(r[0] for r in runs), max(r[1] for r in runs), count)
                )
            timings.insert(2, Timing("crosscheck.extract", "extraction alone (in process)", seconds, peak, articles))
    finally:
        for f in out.iterdir():
            f.unlink()
        out.rmdir()
    console.print(_table(timings, articles, repeat))
    for line in _verdicts(timings):
        console.print(line)
    return timings


def _table(timings: list[Timing], articles: int, repeat: int) -> Table:
    naive = next((t for t in timings if "naive" in t.what), None)
    table = Table(title=f"{articles} articles; crosscheck commands: median of {repeat} runs")
    for col in ("pipeline", "what is timed", "seconds", "articles/s", "peak MiB", "vs naive"):
        table.add_column(col, justify="left" if col in ("pipeline", "what is timed") else "right")
    for t in timings:
        same_input = t.articles == naive.articles if naive else False
        ratio = f"{t.rate / naive.rate:.1f}x" if naive and t is not naive and same_input else ""
        traced = "in process" in t.what
        peak = "–" if t.peak_mib is None else f"{t.peak_mib:.1f} (traced)" if traced else f"{t.peak_mib:.0f}"
        table.add_row(Text(t.name), Text(t.what), f"{t.seconds:.2f}", f"{t.rate:.1f}", peak, ratio)
    return table


def _verdicts(timings: list[Timing]) -> list[Text]:
    by = {t.name: t for t in timings}
    naive = next((t for t in timings if "naive" in t.what), None)
    lines = []
    if naive:
        for name in ("crosscheck claims", "crosscheck report"):
            t = by[name]
            ratio = t.rate / naive.rate
            ok = "meets" if ratio >= TARGET_RATIO else "misses"
            lines.append(
                Text(f"{name}: {ratio:.1f}x the naive pipeline's throughput ({ok} the {TARGET_RATIO:.0f}x target)")
            )
    cold = by.get("crosscheck report (bundled corpus)")
    if cold:
        ok = "meets" if cold.seconds < TARGET_COLD_SECONDS else "misses"
        lines.append(
            Text(
                f"crosscheck report on the bundled corpus: {cold.seconds:.2f} s from a cold start "
                f"({ok} the < {TARGET_COLD_SECONDS:.0f} s target)"
            )
        )
    return lines


# --------------------------------------------------------------------------- crosscheck bench --batch

#: the targets of issue 14 on a 2-core machine
TARGET_SPEEDUP = 1.7
TARGET_MEMORY_GROWTH = 1.5
TARGET_PIPELINE_COST = 2.0


@dataclass(frozen=True)
class BatchTiming:
    name: str
    clusters: int
    articles: int
    seconds: float
    #: the largest single process (the kernel's ru_maxrss over the command and its children)
    peak_mib: float
    #: the largest sum over the whole process tree, sampled (None without psutil)
    tree_mib: float | None

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else float("inf")


def run_sampled(argv: Sequence[str]) -> tuple[float, float, float | None]:
    """As ``run_command``, with the peak of the whole process tree's resident memory sampled
    every 20 ms (a pool's workers are processes of their own: the kernel's peak is per process)."""
    import threading

    try:
        import psutil
    except ImportError:  # psutil comes with dask
        seconds, peak = run_command(argv)
        return seconds, peak, None
    t0 = time.perf_counter()
    proc = subprocess.Popen(list(argv), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    tree_peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal tree_peak
        try:
            root = psutil.Process(proc.pid)
        except psutil.Error:
            return
        while not stop.is_set():
            total = 0
            try:
                for p in [root, *root.children(recursive=True)]:
                    try:
                        total += p.memory_info().rss
                    except psutil.Error:
                        continue
            except psutil.Error:
                return
            tree_peak = max(tree_peak, total)
            stop.wait(0.02)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    stop.set()
    thread.join()
    code = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if code not in (0, 1):
        last = stderr.strip().splitlines()[-1:] or ["no message"]
        raise RuntimeError(f"{' '.join(argv[2:4])} exited {code}: {last[0]}")
    return seconds, usage.ru_maxrss / 1024, tree_peak / 2**20


def repeated_corpus(source: Path, target: Path, clusters: int) -> int:
    """``clusters`` lines of ``source`` repeated in order, each copy under a new id; its articles."""
    import json

    lines = [line for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not lines:
        raise ValueError(f"{source}: no clusters")
    articles = 0
    with open(target, "w", encoding="utf-8") as fh:
        for n in range(clusters):
            obj = json.loads(lines[n % len(lines)])
            obj["id"] = f"{obj['id']}~{n // len(lines)}"
            articles += len(obj.get("documents") or [])
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    return articles


def run_batch(
    source: Path, *, clusters: int, dask: bool, console: Console, progress_console: Console | None
) -> list[BatchTiming]:
    """Whole `crosscheck batch` commands over ``source`` repeated to ``clusters`` clusters (and to a
    tenth of that, for memory growth), with 1 and 2 workers and a Dask LocalCluster, beside
    `crosscheck claims` (extraction alone, one process) on the same corpus."""
    import shutil

    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    py = [sys.executable, "-m", "crosscheck"]
    work = Path(tempfile.mkdtemp(prefix="crosscheck-bench-batch-"))
    small_n = max(1, clusters // 10)
    try:
        big, small = work / "big.jsonl", work / "small.jsonl"
        articles = repeated_corpus(source, big, clusters)
        small_articles = repeated_corpus(source, small, small_n)
        rows: list[tuple[str, int, int, list[str]]] = [
            (
                "crosscheck claims -j 1 (extraction)",
                clusters,
                articles,
                [*py, "claims", str(big), "-q", "-j", "1", "--json", str(work / "c.json")],
            ),
            (
                f"crosscheck batch -j 1 ({small_n} clusters)",
                small_n,
                small_articles,
                [*py, "batch", str(small), "-q", "-j", "1", "--out"],
            ),
            ("crosscheck batch -j 1", clusters, articles, [*py, "batch", str(big), "-q", "-j", "1", "--out"]),
            ("crosscheck batch -j 2", clusters, articles, [*py, "batch", str(big), "-q", "-j", "2", "--out"]),
        ]
        if dask:
            rows.append(
                (
                    "crosscheck batch --dask local -j 2",
                    clusters,
                    articles,
                    [*py, "batch", str(big), "-q", "-j", "2", "--dask", "local", "--out"],
                )
            )
        progress = Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=progress_console,
            transient=True,
            disable=progress_console is None,
        )
        timings = []
        with progress:
            task = progress.add_task("bench --batch", total=len(rows))
            for i, (name, n, count, argv) in enumerate(rows):
                progress.update(task, description=f"bench: {name}")
                if argv[-1] == "--out":
                    argv = [*argv, str(work / f"out-{i}")]
                seconds, peak, tree = run_sampled(argv)
                timings.append(BatchTiming(name, n, count, seconds, peak, tree))
                progress.advance(task)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    console.print(_batch_table(timings))
    for line in _batch_verdicts(timings):
        console.print(line)
    return timings


def _batch_table(timings: list[BatchTiming]) -> Table:
    table = Table(title="crosscheck batch: whole commands, one run each")
    for col in (
        "command",
        "clusters",
        "articles",
        "seconds",
        "articles/s",
        "peak MiB (one process)",
        "peak MiB (all processes)",
    ):
        table.add_column(col, justify="left" if col == "command" else "right")
    for t in timings:
        tree = "–" if t.tree_mib is None else f"{t.tree_mib:.0f}"
        table.add_row(
            Text(t.name),
            str(t.clusters),
            str(t.articles),
            f"{t.seconds:.1f}",
            f"{t.rate:.1f}",
            f"{t.peak_mib:.0f}",
            tree,
        )
    return table


def _batch_verdicts(timings: list[BatchTiming]) -> list[Text]:
    claims, small, one, two = timings[:4]

    def said(ok: bool) -> str:
        return "meets" if ok else "misses"

    speedup = two.rate / one.rate
    growth = one.peak_mib / small.peak_mib
    cost = (one.seconds / one.articles) / (claims.seconds / claims.articles)
    lines = [
        Text(
            f"2 workers: {speedup:.2f}x one worker's throughput ({said(speedup >= TARGET_SPEEDUP)} the {TARGET_SPEEDUP}x target)"
        ),
        Text(
            f"peak memory, {one.clusters} against {small.clusters} clusters (one worker): {growth:.2f}x "
            f"({said(growth <= TARGET_MEMORY_GROWTH)} the {TARGET_MEMORY_GROWTH}x bound)"
        ),
        Text(
            f"per-article cost of batch -j 1 against extraction alone (claims -j 1): {cost:.2f}x "
            f"({said(cost <= TARGET_PIPELINE_COST)} the {TARGET_PIPELINE_COST:.0f}x bound)"
        ),
    ]
    if len(timings) > 4:
        d = timings[4]
        lines.append(Text(f"--dask local with 2 workers: {d.rate / one.rate:.2f}x one worker's throughput"))
    return lines
