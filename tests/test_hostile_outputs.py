"""Hostile-input battery, 1. output files: nothing overwritten that should not be, nothing lost.

Run the whole battery with ``python -m pytest -m hostile``; its summary line counts the cases.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crosscheck.errors import OutputError
from crosscheck.report import write_atomic

SEED = Path(__file__).parents[1] / "crosscheck" / "examples" / "fallujah-2014"
pytestmark = [pytest.mark.hostile, pytest.mark.timeout(300)]


def run(*args, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout
    )


def assert_one_line_error(done: subprocess.CompletedProcess, *fragments: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crosscheck: error: "), done.stderr
    assert all(f in lines[0] for f in fragments), lines[0]


def test_write_atomic_respects_what_the_target_is(tmp_path):
    import stat
    import threading

    # a symlink to a regular file: the file is replaced, the link stays a link
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text() == "new"
    # a FIFO is written through, not replaced by a file
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[str] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    write_atomic(fifo, "through the pipe")
    reader.join(10)
    assert got == ["through the pipe"] and stat.S_ISFIFO(os.stat(fifo).st_mode)
    # a character device stays one: /dev/null takes the report, /dev/full refuses it in one line
    write_atomic("/dev/null", "nothing")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    if os.path.exists("/dev/full"):
        with pytest.raises(OutputError, match="cannot write"):
            write_atomic("/dev/full", "x" * 100_000)
        assert stat.S_ISCHR(os.stat("/dev/full").st_mode)
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(tmp_path, "x")


@pytest.mark.parametrize("option", ["--json", "--html", "--junitxml"])
def test_unwritable_outputs_are_refused_before_any_work(tmp_path, option):
    command = "check" if option == "--junitxml" else "report"
    done = run(command, option, tmp_path / "missing" / "out", cwd=tmp_path)
    assert_one_line_error(done, "does not exist")
    assert done.stdout == ""  # nothing was reported only to be lost
    assert_one_line_error(run(command, option, tmp_path, cwd=tmp_path), "is a directory")


def test_json_format_and_json_dash_write_the_report_to_stdout(tmp_path):
    a = json.loads(run("report", "--format", "json", cwd=tmp_path).stdout)
    b = json.loads(run("report", "--json", "-", cwd=tmp_path).stdout)
    assert a == b and a["schema_version"] == 1 and a["findings"]


@pytest.mark.parametrize("args", [("--format", "json", "--json", "-"), ("--json", "x.json", "--html", "x.json")])
def test_two_outputs_to_one_place_are_refused(tmp_path, args):
    done = run("report", *args, cwd=tmp_path)
    assert done.returncode == 2 and "both write to" in done.stderr and done.stdout == ""
    assert not (tmp_path / "x.json").exists()


@pytest.mark.parametrize(
    "args, first",
    [(("check", "--junitxml", "-", "-q"), "<?xml"), (("check", "--html", "-"), "<!DOCTYPE html>")],
)
def test_junit_and_html_to_stdout_have_no_console_text_mixed_in(tmp_path, args, first):
    done = run(*args, cwd=tmp_path)
    assert done.returncode == 1 and done.stdout.startswith(first), done.stdout[:200]


def test_options_that_cannot_be_meant_together_are_usage_errors(tmp_path):
    """--cluster picks a JSONL cluster, so without a JSONL file it would be silently ignored;
    --summary and --summaries are alternatives, so one of them would be."""
    assert_one_line_error(run("report", "--cluster", "x", SEED, cwd=tmp_path), "--cluster 'x'", "no JSONL file")
    (tmp_path / "s.txt").write_text("At least 34 people were killed.")
    jsonl = tmp_path / "c.jsonl"
    jsonl.write_text(json.dumps({"id": "c", "documents": ["34 were killed."], "summary": "34 were killed."}) + "\n")
    done = run("check", "c.jsonl", "--summaries", "--summary", "s.txt", "-q", cwd=tmp_path)
    assert_one_line_error(done, "alternatives")


def test_an_empty_summary_is_an_input_error_and_one_without_figures_is_said(tmp_path):
    (tmp_path / "empty.txt").write_text(" \n")
    done = run("verify", "empty.txt", "--sources", SEED, cwd=tmp_path)
    assert_one_line_error(done, "empty.txt: the summary is empty")
    (tmp_path / "words.txt").write_text("Iraqi forces fought militants near Fallujah.")
    done = run("verify", "words.txt", "--sources", SEED, "-q", cwd=tmp_path)
    assert done.returncode == 0 and "states no figure or date to check" in done.stderr


def test_an_output_over_an_input_or_inside_an_input_folder_is_refused(tmp_path):
    """An output over an article destroys it; one inside the articles' folder is read back as a
    source on the next run (the report corroborating itself): both are refused, nothing written."""
    import shutil

    article = tmp_path / "in.txt"
    shutil.copy(next(SEED.glob("000_*.txt")), article)
    before = article.read_bytes()
    assert_one_line_error(run("report", "in.txt", "--json", "in.txt", cwd=tmp_path), "is an input")
    assert_one_line_error(run("claims", "in.txt", "--json", "./in.txt", cwd=tmp_path), "is an input")
    summary = tmp_path / "s.txt"
    summary.write_text("At least 34 people were killed on Sunday.")
    assert_one_line_error(run("verify", "s.txt", "--sources", "in.txt", "--json", "s.txt", cwd=tmp_path), "is an input")
    assert article.read_bytes() == before and "34" in summary.read_text()
    folder = tmp_path / "articles"
    shutil.copytree(SEED, folder)
    done = run("report", "articles", "--html", "articles/report.html", cwd=tmp_path)
    assert_one_line_error(done, "inside the input folder", "read back")
    assert not (folder / "report.html").exists() and done.stdout == ""
    assert run("report", "articles", "-q", "--html", "report.html", cwd=tmp_path).returncode == 1  # its conflicts
    # a name the folder is not read for (a .json report, a subfolder) is no source: it may go there
    assert run("report", "articles", "-q", "--json", "articles/report.json", cwd=tmp_path).returncode == 1


@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_interrupt_leaves_no_half_written_report(tmp_path, sig, code):
    folder = tmp_path / "many"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt"))]
    for i in range(3000):
        (folder / f"s{i:04d}.txt").write_text(texts[i % 5], encoding="utf-8")
    out = tmp_path / "report.json"
    out.write_text('{"previous": true}\n')
    proc = subprocess.Popen(
        [sys.executable, "-m", "crosscheck", "report", str(folder), "--json", str(out), "-q"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(3)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code, err
    assert "Traceback" not in err
    assert out.read_text() == '{"previous": true}\n'  # the old report is intact
    assert not list(tmp_path.glob(".report.json.*"))  # no temporary file left behind


def test_out_of_range_numbers_are_not_claims_and_json_stays_json(tmp_path):
    (tmp_path / "big.txt").write_text("Officials said 1" + "0" * 400 + " people were killed on Monday.\n")
    done = run("report", tmp_path / "big.txt", "-q", "--json", tmp_path / "big.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "big.json").read_text(encoding="utf-8")
    assert "Infinity" not in text and "NaN" not in text
    report = json.loads(text)
    assert all(c["type"] == "date" for c in report["claims"])


def test_a_symlink_to_anything_but_a_regular_file_is_refused(tmp_path):
    (tmp_path / "folder").mkdir()
    (tmp_path / "to-folder.json").symlink_to(tmp_path / "folder")
    assert_one_line_error(run("report", "--json", tmp_path / "to-folder.json", cwd=tmp_path), "is a directory")
    assert (tmp_path / "to-folder.json").is_symlink()


def test_a_read_only_place_is_one_line(tmp_path):
    target = Path("/proc/crosscheck-report.json")  # no one may create files there, root included
    for option, command in (("--json", "report"), ("--html", "report"), ("--junitxml", "check")):
        done = run(command, option, target, cwd=tmp_path)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and str(target) in done.stderr


def test_json_to_dev_stdout_is_written_through(tmp_path):
    done = run("report", "-q", "--json", "/dev/stdout", cwd=tmp_path)
    assert done.returncode == 1 and '"schema_version": 1' in done.stdout
    json.loads(done.stdout)  # the whole report went through the pipe, and nothing else
