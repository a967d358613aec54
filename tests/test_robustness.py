"""Bad input and faults (every command): one-line errors, nothing lost, nothing hangs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crosscheck.extract import extract_source
from crosscheck.model import Source
from crosscheck.sources import body_spans

#: bad input of every kind: part of the hostile-input battery
pytestmark = [pytest.mark.hostile, pytest.mark.timeout(300)]
COMMANDS = ["claims", "report", "check"]
SEED = Path(__file__).parents[1] / "crosscheck" / "examples" / "fallujah-2014"


def run(*args, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout
    )


def one_line_error(done: subprocess.CompletedProcess, *fragments: str) -> None:
    assert done.returncode == 2, (done.returncode, done.stdout[-500:], done.stderr)
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("crosscheck: error: "), done.stderr
    assert "Traceback" not in done.stderr
    for f in fragments:
        assert f in lines[0]


@pytest.fixture
def bad(tmp_path: Path) -> Path:
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "report.pdf.txt").write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    (tmp_path / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "cp1252.txt").write_bytes(
        "Caf\xe9 owners said more than 34 people fled on Sunday \x96 officials.".encode("latin-1")
    )
    (tmp_path / "utf16.txt").write_bytes("Iraqi army airstrikes killed more than 34 people on Sunday.".encode("utf-16"))
    (tmp_path / "nonumbers.txt").write_text("Residents said the city was quiet and the market reopened.")
    (tmp_path / "broken.jsonl").write_text(
        json.dumps({"id": "ok", "documents": ["At least 25 militants died on Sunday."]}) + "\n{not json\n"
    )
    return tmp_path


@pytest.mark.parametrize("command", COMMANDS)
def test_missing_path_and_empty_directory(bad, command):
    one_line_error(run(command, bad / "nope.txt", cwd=bad), "nope.txt", "no such file")
    one_line_error(run(command, bad / "empty_dir", cwd=bad), "empty_dir")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("name, kind", [("report.pdf.txt", "PDF"), ("photo.txt", "PNG")])
def test_binary_files_are_refused_by_name(bad, command, name, kind):
    one_line_error(run(command, bad / name, cwd=bad), name, kind)


@pytest.mark.parametrize("command", COMMANDS)
def test_other_encodings_and_empty_files_give_reports(bad, command):
    for name in ("cp1252.txt", "utf16.txt", "empty.txt", "nonumbers.txt"):
        done = run(command, bad / name, cwd=bad)
        assert done.returncode in (0, 1), (name, done.stderr)
        assert "Traceback" not in done.stderr
    run("claims", bad / "utf16.txt", "--json", bad / "u.json", cwd=bad)
    data = json.loads((bad / "u.json").read_text())
    assert [c["text"] for c in data["claims"]] == ["more than 34", "Sunday"]
    run("claims", bad / "cp1252.txt", "--json", bad / "c.json", cwd=bad)
    data = json.loads((bad / "c.json").read_text())
    assert data["claims"][0]["text"] == "more than 34"


@pytest.mark.parametrize("command", COMMANDS)
def test_bad_sources_are_skipped_and_named_the_others_processed(bad, command):
    done = run(command, bad, cwd=bad)
    assert done.returncode in (0, 1), done.stderr
    assert "skipped" in done.stderr and "report.pdf.txt" in done.stderr and "photo.txt" in done.stderr
    jsonl = run(command, bad / "broken.jsonl", cwd=bad)
    assert jsonl.returncode in (0, 1) and "broken.jsonl:2" in jsonl.stderr
    assert "Traceback" not in done.stderr + jsonl.stderr


def test_oversized_file_is_a_one_line_error(tmp_path):
    big = tmp_path / "dump.txt"
    with big.open("w") as fh:
        fh.write("Officials said 12 people were hurt on Monday. " * 400_000)  # ~18 MB
    one_line_error(run("report", big, cwd=tmp_path), "dump.txt", "too large")


PATHOLOGICAL = {
    "digits": "1" * 1_000_000,
    "more than": "more than " * 100_000 + "5 people died.",
    "long line": "and 12 people were there " * 40_000,
    "huge numbers": "They counted 1e308 stars, 10^1000000 grains and " + "9" * 5000 + " dollars on Monday.",
    "dates": "On " + ", ".join(f"January {d % 28 + 1}, {1990 + d % 30}" for d in range(3000)) + " they met.",
    "number words": " ".join(["twenty"] * 50_000),
    # impossible dates, overflowing numbers, no full stop: once ran past a minute
    "impossible dates": " ".join(["1e308 10^1000000 January 32, 2014"] * 20000),
}


@pytest.mark.parametrize("name", PATHOLOGICAL)
def test_pathological_text_finishes_in_bounded_time(name):
    text = PATHOLOGICAL[name]
    source = Source(id=name, path=name, text=text, body=body_spans(text))
    t0 = time.perf_counter()
    claims = extract_source(source)
    assert time.perf_counter() - t0 < 20, f"{name} took too long"
    assert all(text[c.start : c.end] == c.text for c in claims)


def test_pathological_report_end_to_end(tmp_path):
    (tmp_path / "p.txt").write_text(PATHOLOGICAL["long line"] + "\n" + PATHOLOGICAL["dates"])
    done = run("report", tmp_path / "p.txt", "-q", cwd=tmp_path, timeout=60)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr


def test_same_input_gives_byte_identical_json(tmp_path):
    outs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = tmp_path / f"r{seed}.json"
        subprocess.run(
            [sys.executable, "-m", "crosscheck", "report", "--json", str(out), "-q"],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            timeout=120,
        )
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and len(outs[0]) > 1000


def test_reports_are_written_with_ordinary_permissions(tmp_path):
    out = tmp_path / "r.json"
    run("report", "--json", out, "-q", cwd=tmp_path)
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    um = os.umask(0)
    os.umask(um)
    return um
