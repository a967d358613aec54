"""`crosscheck bench` times whole commands (fresh processes), not just the extractor."""

from __future__ import annotations

import io
import sys

from rich.console import Console

from crosscheck import bench


def test_run_command_measures_a_real_process():
    seconds, peak = bench.run_command([sys.executable, "-c", "x = bytearray(60 * 2**20)"])
    assert seconds > 0 and peak >= 60  # MiB, as the kernel saw it


def test_bench_rows_are_whole_commands_and_extraction_alone():
    out = io.StringIO()
    timings = bench.run([], baseline=False, repeat=1, console=Console(file=out, width=200), progress_console=None)
    names = [t.name for t in timings]
    assert names == [
        "crosscheck claims",
        "crosscheck report",
        "crosscheck.extract",
        "crosscheck report (bundled corpus)",
    ]
    whole = {t.name: t for t in timings}
    # a whole command costs more than extraction alone: it starts Python, imports, loads and writes
    assert whole["crosscheck report"].seconds > whole["crosscheck.extract"].seconds
    assert all(t.peak_mib and t.peak_mib > 10 for t in timings if t.what != "extraction alone (in process)")
    text = out.getvalue()
    assert "whole command" in text and "cold start" in text and "articles/s" in text
