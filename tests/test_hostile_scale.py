"""Hostile-input battery, 3. nothing silently dropped at scale: work grows with distinct figures."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

SEED = Path(__file__).parents[1] / "crosscheck" / "examples" / "fallujah-2014"
pytestmark = [pytest.mark.hostile, pytest.mark.timeout(300)]


def run(*args, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout
    )


PATHOLOGICAL_DATES = " ".join(["1e308 10^1000000 January 32, 2014"] * 20000)


def test_a_hit_work_limit_is_said_not_hidden(make_source, monkeypatch):
    from crosscheck import Corpus, align, compare, extract

    monkeypatch.setattr(align.clustering, "MAX_CHECKED_PAIRS", 10)
    # five wordings of each figure: ten value classes, not two
    said = ["said", "confirmed", "reported", "announced", "stated"]
    sources = [
        make_source(f"Officials {w} {n} people were killed in the attack on Monday in Kabul.", source_id=f"{n}-{w}")
        for n in (10, 90)
        for w in said
    ]
    corpus = compare(extract(Corpus(id="many", sources=tuple(sources))))
    assert any(note.startswith(align.CAP_NOTE) for note in corpus.skipped)


@pytest.mark.parametrize("each", [21, 500])
def test_many_sources_on_each_side_of_a_conflict_are_two_value_classes(make_source, monkeypatch, each):
    """21 sources say 10 were killed and 21 say 90 (once a silent cap made that 0 conflicts), or 500
    and 500: work grows with distinct figures, not sources, so a cap of 10 class pairs is never hit."""
    from crosscheck import Corpus, align, compare, extract

    monkeypatch.setattr(align.clustering, "MAX_CHECKED_PAIRS", 10)
    sources = [
        make_source(
            f"Officials said {n} people were killed in the attack on Monday in Kabul.", source_id=f"{n}-{i:03d}"
        )
        for n in (10, 90)
        for i in range(each)
    ]
    corpus = compare(extract(Corpus(id="many", sources=tuple(sources))))
    conflicts = [f for f in corpus.findings if f.verdict.value == "conflict"]
    assert len(conflicts) == 1 and len(conflicts[0].sources) == 2 * each
    assert not corpus.skipped
    # past ten claims the explanation says each figure once, with a few of its outlets
    assert f"and {each - 3} more say '10'" in conflicts[0].explanation and len(conflicts[0].explanation) < 600


def test_the_seeds_copied_two_hundred_times_keep_both_conflicts(tmp_path, seed_compared):
    """1,000 sources repeating five articles cost what the five cost, and lose nothing."""
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(200):
        for p in sorted(SEED.glob("*.txt")):
            (folder / f"{i:03d}_{p.name}").write_text(p.read_text(encoding="utf-8"), encoding="utf-8")
    done = run("report", folder, "--quiet", "--json", tmp_path / "r.json", cwd=tmp_path, timeout=280)
    assert done.returncode == 1, done.stderr
    # the copies are wire copies of the five: the same findings as the five distinct articles
    assert done.stdout.startswith("many: 1000 sources, 12200 claims, 2 conflicts, 12 agreements, 23 single-source")
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    topics = sorted(f["topic"] for f in report["findings"] if f["verdict"] == "conflict")
    assert topics == sorted(f.topic for f in seed_compared.findings if f.verdict.value == "conflict")
    assert not report.get("skipped")
    assert sum(1 for x in report["sources"] if x["copy_of"]) == 995


def test_impossible_dates_report_in_bounded_time_and_says_what_it_kept(tmp_path):
    (tmp_path / "f.txt").write_text(PATHOLOGICAL_DATES + "\n")
    t0 = time.perf_counter()
    done = run("report", tmp_path / "f.txt", "-q", "--json", tmp_path / "f.json", cwd=tmp_path, timeout=30)
    assert time.perf_counter() - t0 < 30
    # the limits that bound the work are said, and a run that hit one does not exit clean
    assert done.returncode == 1, done.stderr
    assert "more than 5000 claims; only the first 5000 were kept" in done.stderr
    report = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert len(report["claims"]) == 5000 and any("5000 claims" in s for s in report["skipped"])


def test_ten_thousand_small_files_with_fifty_tolls_conflict(tmp_path):
    folder = tmp_path / "tenk"
    folder.mkdir()
    for i in range(10_000):
        toll = 100 + (i % 50) * 7  # 100 to 443: one order of magnitude
        (folder / f"s{i:05d}.txt").write_text(f"Police said {toll} people were killed in Dhaka on Monday, March 3.\n")
    done = run("report", folder, "-q", "--json", tmp_path / "r.json", cwd=tmp_path, timeout=280)
    assert done.returncode == 1, done.stderr
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    conflicts = [f for f in report["findings"] if f["verdict"] == "conflict"]
    assert len(conflicts) == 1 and len(conflicts[0]["sources"]) == 10_000
    assert not report.get("skipped") and "alignment limit" not in done.stderr


def test_a_fifteen_megabyte_article_dense_with_numbers_is_bounded(tmp_path):
    chunk = "Officials said {} people were killed on Monday, and {} were hurt. "
    text = "".join(chunk.format(i, i + 1) for i in range(250_000))[:15_000_000]
    (tmp_path / "dense.txt").write_text(text)
    done = run("report", tmp_path / "dense.txt", "-q", "--json", tmp_path / "d.json", cwd=tmp_path, timeout=280)
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "more than 5000 claims; only the first 5000 were kept" in done.stderr  # said, and exit 1
    assert (tmp_path / "d.json").stat().st_size < 10_000_000  # the report is bounded as the claims are
    report = json.loads((tmp_path / "d.json").read_text(encoding="utf-8"))
    assert len(report["claims"]) == 5000 and any("5000 claims" in s for s in report["skipped"])
