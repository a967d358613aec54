"""Bad input and faults (every command): one-line errors, nothing lost, nothing hangs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crosscheck.extract import extract_source
from crosscheck.model import Source
from crosscheck.sources import body_spans

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


@pytest.mark.slow
def test_a_thousand_sources(tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt"))]
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(1000):
        (folder / f"s{i:04d}.txt").write_text(texts[i % 5].replace("Fallujah", f"Fallujah{i % 7}"), encoding="utf-8")
    done = run("report", folder, "--quiet", cwd=tmp_path, timeout=300)
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.startswith("many: 1000 sources")


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


def test_impossible_dates_report_in_bounded_time_and_says_what_it_kept(tmp_path):
    (tmp_path / "f.txt").write_text(PATHOLOGICAL["impossible dates"] + "\n")
    t0 = time.perf_counter()
    done = run("report", tmp_path / "f.txt", "-q", "--json", tmp_path / "f.json", cwd=tmp_path, timeout=30)
    assert time.perf_counter() - t0 < 30
    # the limits that bound the work are said, and a run that hit one does not exit clean
    assert done.returncode == 1, done.stderr
    assert "more than 5000 claims; only the first 5000 were kept" in done.stderr
    assert "alignment limit" in done.stderr
    report = json.loads((tmp_path / "f.json").read_text(encoding="utf-8"))
    assert len(report["claims"]) == 5000 and any("5000 claims" in s for s in report["skipped"])


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


def test_reports_are_written_with_ordinary_permissions(tmp_path):
    out = tmp_path / "r.json"
    run("report", "--json", out, "-q", cwd=tmp_path)
    assert oct(out.stat().st_mode & 0o777) == oct(0o666 & ~_umask())


def _umask() -> int:
    um = os.umask(0)
    os.umask(um)
    return um


def test_out_of_range_numbers_are_not_claims_and_json_stays_json(tmp_path):
    (tmp_path / "big.txt").write_text("Officials said 1" + "0" * 400 + " people were killed on Monday.\n")
    done = run("report", tmp_path / "big.txt", "-q", "--json", tmp_path / "big.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    text = (tmp_path / "big.json").read_text(encoding="utf-8")
    assert "Infinity" not in text and "NaN" not in text
    report = json.loads(text)
    assert all(c["type"] == "date" for c in report["claims"])


def test_terminal_escapes_and_markup_in_articles_and_names_are_shown_not_obeyed(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "e[b]x.txt").write_text(
        "Two people died on Monday, police said. \x1b]0;PWNED\x1b\\ \x1b[2J \x1b[8m hidden.\n"
        "Officials said three people died on Monday.\n"
    )
    (folder / "f.txt").write_text("Officials said nine people died on Monday in [bold]Kabul[/].\n")
    outlet = "e[b]x=[/]\x1b]0;PWNED\x1b\\Outlet[red]"
    for color in ("never", "always"):
        done = run("report", folder, "--show", "all", "--color", color, "--outlet", outlet, cwd=tmp_path)
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
        for escape in ("\x1b]0;", "\x1b[2J", "\x1b[8m"):
            assert escape not in done.stdout
        assert "\u241b]0;PWNED" in done.stdout  # the ESC shown as its picture
        assert "[/]" in done.stdout and "Outlet[red]" in done.stdout


def test_a_broken_file_in_a_folder_is_skipped_the_others_read(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "good.txt").write_text((SEED / "001_1601a2bcdfb07497.txt").read_text(encoding="utf-8"))
    (folder / "a.txt").write_bytes(b"\xff\xfeA\x00B")  # UTF-16 of odd length
    (folder / "b.txt").write_bytes(b"\xff\xfe\x00\xd8A\x00")  # a lone surrogate
    done = run("report", folder, "-q", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.startswith("d: 1 sources")
    assert "skipped" in done.stderr and "a.txt" in done.stderr and "b.txt" in done.stderr


def test_a_symlink_out_of_the_folder_is_not_read(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "good.txt").write_text((SEED / "001_1601a2bcdfb07497.txt").read_text(encoding="utf-8"))
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is 123456 and 42 people know it.\n")
    (folder / "link.txt").symlink_to(secret)
    done = run("report", folder, "-q", "--json", tmp_path / "r.json", cwd=tmp_path)
    assert "outside the folder" in done.stderr and "123456" not in (tmp_path / "r.json").read_text()
    done = run("report", folder, "-q", "--follow-symlinks", "--json", tmp_path / "r.json", cwd=tmp_path)
    assert "123456" in (tmp_path / "r.json").read_text()


@pytest.mark.parametrize(
    "line, fragment",
    [
        ('{"id": "x", "documents": ["Two died."], "outlet_hints": 5}', "'outlet_hints' is not a list of strings"),
        ('{"id": "x", "documents": [1, "Two died."]}', "documents[0] is not a string"),
        ("[1, 2]", "a line is a JSON object"),
    ],
)
def test_wrongly_typed_jsonl_fields_are_named(tmp_path, line, fragment):
    (tmp_path / "c.jsonl").write_text(line + "\n")
    done = run("report", tmp_path / "c.jsonl", "-q", cwd=tmp_path)
    assert done.returncode == 2 and "c.jsonl:1" in done.stderr and fragment in done.stderr
    assert "Traceback" not in done.stderr


def test_thin_space_thousands_and_powers(tmp_path):
    from crosscheck import extract
    from crosscheck.sources import make_source

    text = "They counted 1\u2009000 people, 1\u00a0000 cars and 10^1000 grains."
    claims = extract([make_source("t", "t.txt", text)]).claims
    assert [(c.text, c.value) for c in claims] == [("1\u2009000", 1000), ("1\u00a0000", 1000)]
