"""The command line, run as a user runs it: exit codes, stdout, stderr, the JSON file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CSM, DW, FRANCE24, GOLD, MULTINEWS, RFERL_US

from crosscheck.cli import app

CLAIM_FIELDS = (
    "id",
    "source",
    "type",
    "text",
    "start",
    "end",
    "sentence",
    "value",
    "low",
    "high",
    "unit",
    "subject",
    "event",
    "date",
)


def run(*args, cwd) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "250", "NO_COLOR": "1"}
    env.pop("FORCE_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def assert_one_line_error(result, *fragments):
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("crosscheck: error: ")
    for fragment in fragments:
        assert fragment in lines[0]


def test_report_exits_1_on_the_seed_conflicts(tmp_path):
    result = run("report", "--show", "all", cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stderr == ""
    out = result.stdout
    assert "crosscheck fallujah-2014" in out
    assert "CONFLICT" in out and "AGREE" in out
    assert "date help was offered" in out and "residents fled" in out
    assert "2014-01-06 (inferred)" in out


def test_report_quiet_prints_one_line(tmp_path):
    result = run("report", "--quiet", cwd=tmp_path)
    assert result.returncode == 1
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("fallujah-2014: 5 sources, ")
    assert ", 2 conflicts, " in lines[0]


def test_report_exits_0_without_conflicts(tmp_path, seed_dir):
    result = run("report", "-q", seed_dir / f"{DW}.txt", cwd=tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"{DW}: 1 sources, ")
    assert ", 0 conflicts, 0 agreements, " in result.stdout


def test_report_json(tmp_path):
    out = tmp_path / "report.json"
    result = run("report", "--quiet", "--json", out, cwd=tmp_path)
    assert result.returncode == 1
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["schema_version"] == 1
    assert {"sources", "claims", "findings"} <= set(d)
    assert [s["outlet"] for s in d["sources"]] == ["RFE/RL", "FRANCE 24", "DW", "RFE/RL", "Christian Science Monitor"]
    assert d["claims"] and all(set(CLAIM_FIELDS) <= set(c) for c in d["claims"])
    c = next(c for c in d["claims"] if c["source"] == CSM and c["text"] == "at least 34")
    assert (c["type"], c["value"], c["low"], c["high"], c["subject"], c["event"], c["date"]) == (
        "quantity",
        34,
        34,
        None,
        "people",
        "killed",
        "2014-01-05",
    )
    assert c["end"] - c["start"] == len("at least 34")
    assert sum(f["verdict"] == "conflict" for f in d["findings"]) == 2
    ids = {c["id"] for c in d["claims"]}
    assert all(set(f["claims"]) <= ids for f in d["findings"])


def test_claims_prints_a_table_and_writes_json(tmp_path):
    out = tmp_path / "claims.json"
    result = run("claims", "--json", out, "--show", "all", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Claims in fallujah-2014" in result.stdout
    row = next(line for line in result.stdout.splitlines() if "more than 34" in line)
    assert "FRANCE 24" in row and "people" in row and "killed" in row and "2014-01-05" in row
    assert "December 30" in result.stdout and "2013-12-30" in result.stdout
    d = json.loads(out.read_text(encoding="utf-8"))
    assert d["schema_version"] == 1 and "findings" not in d and d["claims"]


def test_claims_with_overrides(tmp_path):
    out = tmp_path / "claims.json"
    result = run(
        "claims",
        "--json",
        out,
        "--outlet",
        f"{RFERL_US}=Radio Free Europe",
        "--published",
        f"{CSM}=2014-01-07",
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    sources = {s["id"]: s for s in json.loads(out.read_text(encoding="utf-8"))["sources"]}
    assert sources[RFERL_US]["outlet"] == "Radio Free Europe"
    assert sources[CSM]["published"] == "2014-01-07" and sources[CSM]["published_inferred"] is False
    claims = json.loads(out.read_text(encoding="utf-8"))["claims"]
    # the Monitor's "today" now means 7 January
    assert {c["date"] for c in claims if c["source"] == CSM and c["text"] == "today"} == {"2014-01-07"}


def test_missing_path_is_a_one_line_error(tmp_path):
    result = run("report", tmp_path / "no-such-folder", cwd=tmp_path)
    assert_one_line_error(result, "no-such-folder", "no such file or directory")
    assert result.stdout == ""


def test_empty_directory_is_a_one_line_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run("report", empty, cwd=tmp_path)
    assert_one_line_error(result, "no .txt, .md or .html files")


def test_binary_input_is_a_one_line_error(tmp_path):
    pdf = tmp_path / "scan.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + bytes(range(256)))
    result = run("claims", pdf, cwd=tmp_path)
    assert_one_line_error(result, "scan.pdf", "binary file (PDF)")


def test_bad_override_is_a_one_line_error(tmp_path):
    result = run("report", "--published", f"{CSM}=yesterday", cwd=tmp_path)
    assert_one_line_error(result, "expected a date YYYY-MM-DD, got 'yesterday'")
    result = run("report", "--outlet", "FRANCE 24", cwd=tmp_path)
    assert_one_line_error(result, "expected SOURCE=OUTLET")


@pytest.mark.parametrize(
    "args, fragment", [(("report", "--no-such-option"), "--no-such-option"), (("reprot",), "reprot")]
)
def test_usage_error_is_a_one_line_error(tmp_path, args, fragment):
    result = run(*args, cwd=tmp_path)
    assert_one_line_error(result, fragment)


def test_json_into_a_missing_folder_is_a_one_line_error(tmp_path):
    result = run("report", "-q", "--json", tmp_path / "nowhere" / "r.json", cwd=tmp_path)
    assert_one_line_error(result, "does not exist")


def test_jsonl_cluster(tmp_path, seed_text):
    path = tmp_path / "clusters.jsonl"
    path.write_text(
        json.dumps({"id": "fallujah", "documents": [seed_text(FRANCE24), seed_text(CSM)]})
        + "\n"
        + json.dumps({"id": "dw", "documents": [seed_text(DW)]})
        + "\n",
        encoding="utf-8",
    )
    result = run("report", "-q", "--cluster", "dw", path, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines() == [result.stdout.strip()]
    assert result.stdout.startswith("dw: 1 sources, ")
    result = run("report", "-q", path, cwd=tmp_path)
    assert [line.split(":")[0] for line in result.stdout.strip().splitlines()] == ["fallujah", "dw"]
    result = run("report", "-q", "--cluster", "nope", path, cwd=tmp_path)
    assert_one_line_error(result, "no cluster with id 'nope'")
    # a broken line is reported (file:line) and skipped, with or without --cluster
    with path.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "broken", "documents": [\n')
    result = run("report", "-q", path, cwd=tmp_path)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    assert "clusters.jsonl:3" in result.stdout + result.stderr  # reported, not silently dropped
    assert [line.split(":")[0] for line in result.stdout.splitlines() if line.startswith(("fallujah:", "dw:"))] == [
        "fallujah",
        "dw",
    ]
    result = run("report", "-q", "--cluster", "dw", path, cwd=tmp_path)
    assert result.returncode in (0, 1) and "Traceback" not in result.stderr
    assert result.stdout.startswith("dw: 1 sources, ")
    assert "clusters.jsonl:3: not a cluster line" in result.stderr


def test_report_on_a_multinews_cluster(tmp_path, multinews):
    cluster = "multinews-lb184-robert-durst-gun-sentence"
    out = tmp_path / "durst.json"
    result = run("report", "-q", "--cluster", cluster, "--json", out, MULTINEWS, cwd=tmp_path)
    assert result.returncode in (0, 1), result.stderr
    assert result.stdout.startswith(f"{cluster}: 3 sources, ")
    d = json.loads(out.read_text(encoding="utf-8"))
    assert [s["outlet"] for s in d["sources"]] == ["Reuters", "AP", "The Advocate (New Orleans)"]
    assert result.returncode == (1 if any(f["verdict"] == "conflict" for f in d["findings"]) else 0)


def test_score_command(tmp_path, multinews):
    result = run("score", GOLD, "--corpora", MULTINEWS.parent, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0].startswith("fallujah-2014 [dev]: recall ")
    assert "furniture claims 0" in lines[0] and "subject class " in lines[0] and "published " in lines[0]
    splits = {json.loads(p.read_text())["split"] for p in GOLD.glob("multinews-*.json")}
    assert splits == {"dev", "held-out"}
    totals = [line for line in lines if line.startswith("Multi-News ")]
    assert totals[0].startswith("Multi-News dev (") and totals[1].startswith("Multi-News held-out (")
    assert all("outlets " in line and "event " in line for line in totals)
    # then the summary checks of `verify`, dev and held-out apart
    assert lines[-2].startswith("Summaries dev (") and lines[-1].startswith("Summaries held-out (")
    assert all("flag precision " in line and "planted errors found " in line for line in lines[-2:])


def test_cli_runner_claims_on_one_file(seed_dir):
    result = CliRunner().invoke(
        app, ["claims", str(seed_dir / f"{FRANCE24}.txt"), "--show", "all"], env={"COLUMNS": "250"}
    )
    assert result.exit_code == 0, result.output
    assert f"Claims in {FRANCE24}" in result.output
    assert "Friday and Saturday" in result.output and "2014-01-03/2014-01-04" in result.output


@pytest.mark.parametrize("command", ["report", "claims", "score", "bench"])
def test_help(command):
    result = CliRunner().invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


# --------------------------------------------------------------------------- conventions of other tools


def test_version_and_short_help(tmp_path):
    from crosscheck import __version__

    done = run("--version", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.strip() == f"crosscheck, version {__version__}"
    for command in ("report", "claims", "check", "rules", "score", "bench"):
        short, long = run(command, "-h", cwd=tmp_path), run(command, "--help", cwd=tmp_path)
        assert short.returncode == 0 and short.stdout == long.stdout
        assert "Example: crosscheck " + command in short.stdout
        assert "<list" not in short.stdout and "<bool>" not in short.stdout and "<str>" not in short.stdout


def test_version_is_written_once():
    import tomllib

    import crosscheck

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", crosscheck.__version__)


def test_one_article_from_stdin(tmp_path, seed_text):
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "claims", "-", "--format", "json"],
        cwd=tmp_path,
        input=seed_text(FRANCE24),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert [s["id"] for s in report["sources"]] == ["stdin"]
    text = seed_text(FRANCE24)
    claim = next(c for c in report["claims"] if c["text"] == "more than 34")
    assert text[claim["start"] : claim["end"]] == "more than 34"


def test_stdin_with_nothing_piped_is_an_error(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "report", "-"],
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1, 2) and "Traceback" not in done.stderr  # /dev/null is an empty article


def test_piped_report_is_the_summary_and_the_conflicts_unwrapped(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "report"],
        cwd=tmp_path,
        env={**env, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = done.stdout.splitlines()
    assert lines[0] == "fallujah-2014: 5 sources, 61 claims, 2 conflicts, 12 agreements, 23 single-source"
    assert "AGREE" not in done.stdout and "Findings" not in done.stdout  # no big table nobody reads
    assert done.stdout.count("CONFLICT") == 2
    # a sentence is one line, not wrapped at 80 columns
    assert any(len(line) > 200 and "military equipment" in line for line in lines)


def test_show_all_prints_every_table_when_piped(tmp_path):
    done = run("report", "--show", "all", cwd=tmp_path)
    assert "Findings" in done.stdout and "AGREE" in done.stdout and "SINGLE-SOURCE" in done.stdout


@pytest.mark.parametrize(
    "color, env, escapes",
    [
        ("always", {}, True),
        ("never", {"FORCE_COLOR": "1"}, False),
        ("auto", {}, False),
        ("auto", {"FORCE_COLOR": "1"}, True),
    ],
)
def test_color(tmp_path, color, env, escapes):
    base = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "report", "--color", color],
        cwd=tmp_path,
        env={**base, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert ("\x1b[" in done.stdout) is escapes


@pytest.mark.parametrize(
    "args, fragment",
    [
        (("check", "--select", "CC9"), "'CC9' matches no rule (known codes: CC101"),
        (("check", "--ignore", "no-such-rule"), "'no-such-rule' matches no rule"),
        (("report", "--show", "everything"), "'everything' is not one of"),
        (("report", "--outlet", "nope=AP"), "--outlet nope: no source with that id (sources: 000_"),
        (("claims", "--published", "nope=2014-01-01"), "--published nope: no source with that id"),
        (("report", "--format", "xml"), "'xml' is not one of"),
        (("check", "--timeout", "0"), "--timeout: expected a finite number > 0"),
        (("check", "--timeout", "inf"), "--timeout: expected a finite number > 0, got inf"),
        (("check", "--select", ""), "an empty --select or --ignore names no rule"),
    ],
)
def test_mistyped_options_are_one_line_errors(tmp_path, args, fragment):
    assert_one_line_error(run(*args, cwd=tmp_path), fragment)


def test_builtin_rules_load_from_the_checkout(tmp_path):
    """From the checkout (source tree first on sys.path, as `python -m` in it), not only from a wheel."""
    root = Path(__file__).parents[1]
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "rules"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert done.returncode == 0, done.stderr
    assert all(code in done.stdout for code in ("CC101", "CC104", "CC106"))


def test_builtin_rules_dir_without_the_installed_mapping(monkeypatch):
    import importlib.util

    from crosscheck import rules

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "crosscheck.builtin_rules" else real(name, *a)
    )
    folder = rules.builtin_rules_dir()
    assert folder == Path(rules.__file__).resolve().parent.parent / "rules"
    assert {p.name for p in folder.glob("check_*.py")} >= {"check_figures.py", "check_weekdays.py"}


def test_progress_bar_only_on_a_terminal():
    import io

    from rich.console import Console

    from crosscheck.cli import _NoProgress, _progress

    assert isinstance(_progress(Console(file=io.StringIO()), 10, "x"), _NoProgress)
    bar = _progress(Console(file=io.StringIO(), force_terminal=True), 10, "x")
    assert type(bar).__name__ == "Progress"


def test_piped_check_report_has_pytest_width_headings(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "COLUMNS"}
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "check"],
        cwd=tmp_path,
        env={**env, "NO_COLOR": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    lines = done.stdout.splitlines()
    assert lines[0].startswith("=====") and "crosscheck check" in lines[0] and len(lines[0]) <= 80
    assert lines[-1].startswith("=====") and "2 failed" in lines[-1]
