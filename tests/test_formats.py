"""--format json|csv|github|sarif on report and check: what CI systems and spreadsheets read."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema

from crosscheck import formats

SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def run(*args, cwd, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *map(str, args)],
        cwd=cwd,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_report_sarif_is_valid_and_has_one_result_per_conflict(tmp_path, seed_compared, seed_text):
    done = run("report", "--format", "sarif", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    sarif = json.loads(done.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    results = sarif["runs"][0]["results"]
    conflicts = [f for f in seed_compared.findings if f.verdict.value == "conflict"]
    assert len(results) == len(conflicts) == 2
    for result in results:
        for loc in result["locations"]:
            phys = loc["physicalLocation"]
            text = Path(phys["artifactLocation"]["uri"]).read_text(encoding="utf-8")
            region = phys["region"]
            span = text[region["charOffset"] : region["charOffset"] + region["charLength"]]
            assert span == region["snippet"]["text"]  # the region is the claim's span
            line = text.splitlines()[region["startLine"] - 1]
            assert line[region["startColumn"] - 1 :].startswith(span)


def test_check_sarif_is_valid_with_one_result_per_failed_rule(tmp_path):
    done = run("check", "--format", "sarif", cwd=tmp_path)
    assert done.returncode == 1
    sarif = json.loads(done.stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert {r["ruleId"] for r in results if r["level"] == "error"} == {"CC101", "CC102"}
    assert sum(r["level"] == "error" for r in results) == 2  # the two seed conflicts
    assert all(r["level"] == "warning" for r in results if r["ruleId"] in ("CC103", "CC105"))
    rules = sarif["runs"][0]["tool"]["driver"]["rules"]
    assert all(results_rule["ruleIndex"] < len(rules) for results_rule in results)


def test_github_annotations_point_at_the_claims_line(tmp_path, seed_dir):
    done = run("report", "--format", "github", cwd=tmp_path)
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines and all(line.startswith("::error file=") for line in lines)
    m = re.match(r"::error file=([^,]+),line=(\d+),endLine=\d+,col=(\d+),endColumn=(\d+),title=([^:]+)::(.*)", lines[0])
    assert m, lines[0]
    path, line, col, end_col = m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))
    text_line = Path(path).read_text(encoding="utf-8").splitlines()[line - 1]
    assert text_line[col - 1 : end_col - 1] in m.group(6)  # the claim, quoted in the message
    assert "crosscheck conflict%3A" in m.group(5)  # ':' in a property is escaped as GitHub asks


def test_a_claim_of_an_html_page_points_at_the_file_not_at_a_line_of_markup(tmp_path):
    """The text of an HTML page is not the file's text: a line and column computed in it would
    point into the <head>; the annotation and the SARIF location name the file alone."""
    folder = tmp_path / "hc"
    folder.mkdir()
    (folder / "a.html").write_text(
        "<html>\n<head>\n<title>x</title>\n</head>\n<body>\n"
        "<p>Officials said 34 people were killed on Sunday.</p>\n"
        "<p>Another report said 40 people were killed on Sunday.</p>\n</body></html>\n"
    )
    (folder / "b.txt").write_text("Officials said 34 people were killed on Sunday, January 5, 2014.\n")
    lines = run("report", "hc", "--format", "github", cwd=tmp_path).stdout.splitlines()
    assert [line.split(",title=")[0] for line in lines] == [
        "::error file=hc/a.html",
        "::error file=hc/a.html",
        "::error file=hc/b.txt,line=1,endLine=1,col=16,endColumn=18",
    ]
    sarif = json.loads(run("report", "hc", "--format", "sarif", cwd=tmp_path).stdout)
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(sarif)
    places = [loc["physicalLocation"] for r in sarif["runs"][0]["results"] for loc in r["locations"]]
    assert [("region" in p, p["artifactLocation"]["uri"]) for p in places] == [
        (False, "hc/a.html"),
        (False, "hc/a.html"),
        (True, "hc/b.txt"),
    ]


def test_github_escapes_newlines_and_percent():
    assert formats._escape_data("50%\nup") == "50%25%0Aup"
    assert formats._escape_property("a:b,c") == "a%3Ab%2Cc"


def test_check_github_warnings_and_errors(tmp_path):
    done = run("check", "--format", "github", cwd=tmp_path)
    kinds = [line.split(" ", 1)[0] for line in done.stdout.splitlines()]
    assert kinds.count("::error") == 2 and "::warning" in kinds


def test_csv_of_findings_and_claims(tmp_path, seed_compared):
    done = run("report", "--format", "csv", cwd=tmp_path)
    rows = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(rows) == len(seed_compared.findings)
    assert rows[0]["verdict"] == "conflict" and rows[0]["corpus"] == "fallujah-2014"
    toll = next(r for r in rows if "more than 34" in r["said"])
    assert toll["verdict"] == "agree" and toll["low"] == "35"
    done = run("claims", "--format", "csv", cwd=tmp_path)
    claims = list(csv.DictReader(io.StringIO(done.stdout)))
    assert len(claims) == len(seed_compared.claims)
    assert {"FRANCE 24", "DW"} <= {c["outlet"] for c in claims}
