"""Machine formats of `report` and `check`: JSON, CSV, GitHub workflow annotations, SARIF 2.1.0.

Each function returns the whole text, so the caller writes it atomically to a file or to standard
output. Locations point at the claim's span in the file it came from (line and column for a text
file; the line of the cluster for a JSONL file, whose offsets are into a JSON string).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .model import Claim, Corpus, Verdict, Verification

if TYPE_CHECKING:
    from .rules import Result

FORMATS = ("text", "json", "csv", "github", "sarif")
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/crosscheck/"


def _version() -> str:
    from . import __version__

    return __version__


# --------------------------------------------------------------------------- locations


def _claims(corpus: Corpus, ids: Sequence[str]) -> list[Claim]:
    by_id = {c.id: c for c in corpus.claims}
    return [by_id[i] for i in ids if i in by_id]


def _region(corpus: Corpus, c: Claim) -> tuple[str, dict[str, int] | None]:
    """Where a claim is in its file; the file alone where its text is not the file's (an HTML
    page's text, one document of a Multi-News file): a line there would point at markup."""
    source = corpus.source(c.source)
    start, end = source.line_col(c.start), source.line_col(c.end)
    if start is None or end is None:
        return source.path, None
    region = {"startLine": start[0], "startColumn": start[1]}
    if source.line is None:
        region.update(endLine=end[0], endColumn=end[1], charOffset=c.start, charLength=c.end - c.start)
    return source.path, region


def _outlet(corpus: Corpus, source_id: str) -> str:
    try:
        s = corpus.source(source_id)
    except KeyError:
        return source_id
    return s.outlet or s.id


# --------------------------------------------------------------------------- CSV


def _csv(rows: list[dict[str, Any]], columns: Sequence[str]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


FINDING_COLUMNS = ("corpus", "id", "verdict", "topic", "type", "outlets", "low", "best", "high", "said", "explanation")
CLAIM_COLUMNS = (
    "corpus",
    "id",
    "source",
    "outlet",
    "type",
    "text",
    "start",
    "end",
    "value",
    "low",
    "high",
    "unit",
    "subject",
    "subject_class",
    "event",
    "modality",
    "attribution",
    "place",
    "date",
    "qualifier",
    "sentence",
)
RESULT_COLUMNS = ("code", "name", "severity", "outcome", "item", "finding", "message", "path", "line")


def findings_csv(corpora: Sequence[Corpus]) -> str:
    rows = []
    for corpus in corpora:
        for f in corpus.findings:
            d = f.to_dict()
            d["corpus"] = corpus.id
            d["said"] = "; ".join(f"{_outlet(corpus, c.source)}: {c.text}" for c in _claims(corpus, f.claims))
            rows.append(d)
    return _csv(rows, FINDING_COLUMNS)


def claims_csv(corpora: Sequence[Corpus]) -> str:
    rows = []
    for corpus in corpora:
        for c in corpus.claims:
            d = c.to_dict()
            d["corpus"] = corpus.id
            d["outlet"] = _outlet(corpus, c.source)
            rows.append(d)
    return _csv(rows, CLAIM_COLUMNS)


def results_csv(results: Sequence[Result]) -> str:
    return _csv([r.to_dict() for r in results], RESULT_COLUMNS)


# --------------------------------------------------------------------------- GitHub annotations


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _annotation(
    level: str, message: str, *, title: str, path: str | None = None, region: dict[str, int] | None = None
) -> str:
    props = []
    if path:
        props.append(f"file={_escape_property(path)}")
        if region:
            props.append(f"line={region['startLine']}")
            if "endLine" in region:
                props += [
                    f"endLine={region['endLine']}",
                    f"col={region['startColumn']}",
                    f"endColumn={region['endColumn']}",
                ]
    props.append(f"title={_escape_property(title)}")
    return f"::{level} {','.join(props)}::{_escape_data(message)}"


def findings_github(corpora: Sequence[Corpus]) -> str:
    """One ``::error`` per claim of every conflict, at the claim's line."""
    lines = []
    for corpus in corpora:
        for f in corpus.findings:
            if f.verdict is not Verdict.CONFLICT:
                continue
            for c in _claims(corpus, f.claims):
                path, region = _region(corpus, c)
                lines.append(
                    _annotation(
                        "error",
                        f"{_outlet(corpus, c.source)} says {c.text!r}. {f.explanation}",
                        title=f"crosscheck conflict: {f.topic}",
                        path=path,
                        region=region,
                    )
                )
    return "".join(line + "\n" for line in lines)


def _result_places(r: Result, corpora: Sequence[Corpus]) -> list[tuple[str, dict[str, int] | None]]:
    """Where a rule result points: its finding's claims, its source, else nowhere."""
    corpus_id, _, item = r.item.partition(":")
    corpus = next((c for c in corpora if c.id == corpus_id), None)
    if corpus is None:
        return []
    if r.finding:
        finding = next((f for f in corpus.findings if f.id == r.finding), None)
        if finding:
            return [_region(corpus, c) for c in _claims(corpus, finding.claims)]
    source = next((s for s in corpus.sources if s.id == item), None)
    if source:
        return [(source.path, {"startLine": source.line or 1, "startColumn": 1})]
    return []


def _problems(results: Sequence[Result]) -> list[tuple[str, Result]]:
    out = []
    for r in results:
        if r.outcome == "error" or r.failed:
            out.append(("error", r))
        elif r.outcome == "fail":
            out.append(("warning", r))
    return out


def results_github(results: Sequence[Result], corpora: Sequence[Corpus]) -> str:
    lines = []
    for level, r in _problems(results):
        title = f"{r.rule.code} {r.rule.name}" + (" (error)" if r.outcome == "error" else "")
        places = _result_places(r, corpora) or [(r.rule.path, {"startLine": r.rule.line, "startColumn": 1})]
        path, region = places[0]
        lines.append(_annotation(level, r.message or r.rule.summary, title=title, path=path, region=region))
    return "".join(line + "\n" for line in lines)


# --------------------------------------------------------------------------- SARIF


def _location(path: str, region: dict[str, int] | None, snippet: str | None = None) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": path}}
    if region:
        physical["region"] = dict(region)
        if snippet is not None:
            physical["region"]["snippet"] = {"text": snippet}
    return {"physicalLocation": physical}


def _sarif(rules: list[dict[str, Any]], results: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "crosscheck",
                        "version": _version(),
                        "informationUri": INFORMATION_URI,
                        "rules": rules,
                    }
                },
                "results": results,
            }
        ],
    }


CONFLICT_RULE = {
    "id": "conflict",
    "name": "outlets-disagree",
    "shortDescription": {"text": "Outlets state incompatible values of the same fact."},
}


def findings_sarif(corpora: Sequence[Corpus]) -> dict[str, Any]:
    results = []
    for corpus in corpora:
        for f in corpus.findings:
            if f.verdict is not Verdict.CONFLICT:
                continue
            locations = [_location(*_region(corpus, c), snippet=c.text) for c in _claims(corpus, f.claims)]
            results.append(
                {
                    "ruleId": "conflict",
                    "ruleIndex": 0,
                    "level": "error",
                    "message": {"text": f"{f.topic}: {f.explanation}"},
                    "locations": locations,
                    "partialFingerprints": {"crosscheckFinding/v1": f"{corpus.id}:{f.id}"},
                    "properties": {"corpus": corpus.id, "finding": f.id},
                }
            )
    return _sarif([CONFLICT_RULE], results)


def results_sarif(results: Sequence[Result], corpora: Sequence[Corpus]) -> dict[str, Any]:
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    out = []
    for level, r in _problems(results):
        if r.rule.code not in index:
            index[r.rule.code] = len(rules)
            rules.append(
                {
                    "id": r.rule.code,
                    "name": r.rule.name,
                    "shortDescription": {"text": r.rule.summary or r.rule.name},
                    "defaultConfiguration": {"level": "error" if r.rule.severity == "fail" else "warning"},
                }
            )
        places = _result_places(r, corpora)
        result: dict[str, Any] = {
            "ruleId": r.rule.code,
            "ruleIndex": index[r.rule.code],
            "level": level,
            "message": {"text": r.message or r.rule.summary or r.rule.name},
            "properties": {"item": r.item, "outcome": r.outcome},
        }
        if places:
            result["locations"] = [_location(p, reg) for p, reg in places]
        out.append(result)
    return _sarif(rules, out)


# --------------------------------------------------------------------------- summary checks

CHECK_COLUMNS = (
    "corpus",
    "id",
    "verdict",
    "text",
    "start",
    "end",
    "type",
    "value",
    "low",
    "high",
    "unit",
    "date",
    "evidence",
    "explanation",
)


def checks_csv(verifications: Sequence[Verification]) -> str:
    rows = []
    for v in verifications:
        for ch in v.checks:
            d = ch.to_dict()
            d["corpus"] = v.corpus.id
            d["evidence"] = " ".join(ch.evidence)
            rows.append(d)
    return _csv(rows, CHECK_COLUMNS)


def checks_github(verifications: Sequence[Verification]) -> str:
    """An ``::error`` per contradicted summary claim, a ``::warning`` per unsupported one."""
    lines = []
    for v in verifications:
        for ch in v.checks:
            if ch.verdict == "supported":
                continue
            start, end = v.summary.line_col(ch.claim.start), v.summary.line_col(ch.claim.end)
            region = (
                {"startLine": start[0], "startColumn": start[1], "endLine": end[0], "endColumn": end[1]}
                if start and end
                else None
            )
            level = "error" if ch.verdict == "contradicted" else "warning"
            lines.append(
                _annotation(
                    level,
                    f"{ch.claim.text!r}: {ch.explanation}",
                    title=f"crosscheck: summary claim {ch.verdict}",
                    path=v.summary.path,
                    region=region,
                )
            )
    return "".join(line + "\n" for line in lines)
