"""What a reader sees: the console report, the summary line and the JSON report of the seed corpus."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
from conftest import CSM, DW, FRANCE24, RFERL_MALIKI
from rich.console import Console

from crosscheck import OutputError, Verdict
from crosscheck.report import (
    ClaimsTable,
    ConflictPanel,
    FindingsTable,
    Report,
    SourcesHeader,
    report_dict,
    sentence_with_claim,
    summary_line,
    write_atomic,
    write_json,
)

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


def render(renderable, width: int = 220) -> str:
    console = Console(record=True, width=width, color_system=None, highlight=False)
    console.print(renderable)
    return console.export_text()


def test_summary_line(seed_compared):
    line = summary_line(seed_compared)
    counts = Counter(f.verdict for f in seed_compared.findings)
    assert line == (
        f"fallujah-2014: 5 sources, {len(seed_compared.claims)} claims, {counts[Verdict.CONFLICT]} conflicts, "
        f"{counts[Verdict.AGREE]} agreements, {counts[Verdict.SINGLE]} single-source"
    )
    assert "\n" not in line
    assert re.search(r", 2 conflicts, \d+ agreements, ", line)


def test_sources_header_marks_inferred_dates(seed_compared):
    out = render(SourcesHeader(seed_compared))
    assert out.startswith("crosscheck fallujah-2014  5 sources")
    row = next(line for line in out.splitlines() if line.startswith(FRANCE24))
    assert "FRANCE 24" in row and "2014-01-05" in row and "inferred" not in row
    row = next(line for line in out.splitlines() if line.startswith(CSM))
    assert "Christian Science Monitor" in row and "2014-01-06 (inferred)" in row
    row = next(line for line in out.splitlines() if line.startswith(DW))
    assert "2014-01-06" in row and "inferred" not in row


def test_findings_table_hides_single_source_by_default(seed_compared):
    singles = sum(f.verdict is Verdict.SINGLE for f in seed_compared.findings)
    out = render(FindingsTable(seed_compared))
    assert "CONFLICT" in out and "AGREE" in out
    assert "SINGLE-SOURCE" not in out
    assert f"{singles} single-source claims hidden" in out
    out = render(FindingsTable(seed_compared, show_single=True))
    assert "SINGLE-SOURCE" in out and "hidden" not in out
    assert "more than 160" in out  # FRANCE 24's Friday-Saturday toll is its own claim


def test_findings_table_rows(seed_compared):
    out = render(FindingsTable(seed_compared), width=400)
    row = next(line for line in out.splitlines() if "people killed on Sunday 5 January 2014" in line)
    assert "AGREE" in row and "FRANCE 24: more than 34" in row and "Christian Science Monitor: at least 34" in row
    row = next(line for line in out.splitlines() if "date of the statement" in line)
    assert "DW: Monday (2014-01-06)" in row and "2014-01-06 / 2014-01-06 / 2014-01-06" in row


def test_conflict_panel_quotes_each_outlet(seed_compared):
    conflict = next(f for f in seed_compared.findings if f.verdict is Verdict.CONFLICT and f.type == "date")
    out = render(ConflictPanel(seed_compared, conflict), width=400)
    assert "CONFLICT date help was offered" in out
    assert "was reported as saying in Tehran on Sunday" in out  # DW
    assert "was quoted by Iranian media on January 6" in out  # RFE/RL
    assert f"RFE/RL ({RFERL_MALIKI}):" in out and f"DW ({DW}):" in out
    assert conflict.explanation in out


def test_report_has_every_part(seed_compared):
    out = render(Report(seed_compared), width=300)
    assert out.index("crosscheck fallujah-2014") < out.index("Findings")
    assert out.count("CONFLICT ") >= 2  # one panel per conflict
    assert "thousands" in out and "hundreds" in out


def test_sentence_with_claim_highlights_the_claim(seed_compared):
    claim = next(c for c in seed_compared.claims if c.source == CSM and c.text == "at least 34")
    text = sentence_with_claim(claim)
    assert text.plain == claim.sentence
    (span,) = text.spans
    assert text.plain[span.start : span.end] == "at least 34"
    assert "reverse" in str(span.style)


def test_claims_table(seed_extracted):
    out = render(ClaimsTable(seed_extracted), width=400)
    assert "Claims in fallujah-2014" in out
    row = next(line for line in out.splitlines() if "more than 34" in line)
    assert f"{FRANCE24} (FRANCE 24)" in row
    for cell in ("quantity", "34", "35", "people", "killed", "2014-01-05"):
        assert cell in row
    row = next(line for line in out.splitlines() if "December 2011" in line)
    assert "date" in row and "2011-12" in row


def test_report_dict_contract(seed_compared):
    d = json.loads(json.dumps(report_dict([seed_compared])))
    assert d["schema_version"] == 1
    assert d["corpus"] == "fallujah-2014"
    assert {"sources", "claims", "findings"} <= set(d)
    assert [s["id"] for s in d["sources"]] == [s.id for s in seed_compared.sources]
    for c in d["claims"]:
        assert set(CLAIM_FIELDS) <= set(c)
    c = next(c for c in d["claims"] if c["text"] == "more than 34")
    assert (c["value"], c["low"], c["high"], c["subject"], c["event"], c["date"]) == (
        34,
        35,
        None,
        "people",
        "killed",
        "2014-01-05",
    )
    assert c["sentence"][c["start"] - c["sentence_start"] :][:12] == "more than 34"
    verdicts = Counter(f["verdict"] for f in d["findings"])
    assert verdicts["conflict"] == 2


def test_report_dict_validates_against_the_shipped_schema(seed_compared, seed_extracted):
    from crosscheck.report import schema, validate

    assert schema()
    validate(report_dict([seed_compared]))
    validate(report_dict([seed_extracted], findings=False))
    import jsonschema

    broken = report_dict([seed_compared])
    broken["claims"][0]["start"] = "twelve"
    with pytest.raises(jsonschema.ValidationError):
        validate(broken)


def test_report_dict_of_several_corpora(seed_compared):
    d = report_dict([seed_compared, seed_compared], findings=False)
    assert d["schema_version"] == 1
    assert [c["corpus"] for c in d["corpora"]] == ["fallujah-2014", "fallujah-2014"]
    assert "findings" not in d["corpora"][0]


def test_write_json_and_atomic_write(tmp_path, seed_compared):
    path = tmp_path / "report.json"
    write_json(path, [seed_compared])
    d = json.loads(path.read_text(encoding="utf-8"))
    assert len(d["claims"]) == len(seed_compared.claims)
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary file left behind
    with pytest.raises(OutputError, match="does not exist"):
        write_atomic(tmp_path / "missing" / "report.json", "{}")
