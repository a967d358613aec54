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
