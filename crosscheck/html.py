"""The HTML export: one self-contained page an editor can open offline or from a mail attachment.

Everything a reader sees is computed here as plain data (text segments, SVG coordinates) and laid
out by Jinja2 templates in ``crosscheck/templates/`` with autoescape on, so no byte of a source
reaches the page unescaped. The page loads nothing: styles are inline, the one script is inline and
allowed by its SHA-256 in the Content-Security-Policy, the range plots are inline SVG.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from .model import CHECK_ORDER, Claim, Corpus, Finding, Source, Verdict, Verification
from .report import frame_note, write_atomic
from .values import base_unit, claim_interval, fmt_num, interpretation, interval, range_text

__all__ = [
    "fulltext_segments",
    "range_plot",
    "render_html",
    "render_verification_html",
    "sentence_segments",
    "write_html",
]

VERDICT_LABEL = {Verdict.CONFLICT: "Conflict", Verdict.AGREE: "Agree", Verdict.SINGLE: "Single source"}
VERDICT_ICON = {Verdict.CONFLICT: "\u2715", Verdict.AGREE: "\u2713", Verdict.SINGLE: "\u2022"}
OUTCOME_ORDER = {"fail": 0, "error": 1, "warn": 2, "pass": 3}
OUTCOME_ICON = {"fail": "\u2715", "error": "!", "warn": "\u25b2", "pass": "\u2713"}


# --------------------------------------------------------------------------- numbers


def _safe_id(x: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]", "_", x)


# --------------------------------------------------------------------------- highlighted text


@dataclass(frozen=True)
class Segment:
    """A run of text: plain (maybe page furniture) or one claim's exact span."""

    text: str
    claim: Claim | None = None
    furniture: bool = False


def sentence_segments(c: Claim) -> list[Segment]:
    """The claim's sentence split around the claim: [before, claim, after]."""
    a = c.start - c.sentence_start
    if 0 <= a and c.sentence[a : a + len(c.text)] == c.text:
        parts = [Segment(c.sentence[:a]), Segment(c.text, c), Segment(c.sentence[a + len(c.text) :])]
    else:  # the sentence does not hold the span where expected: quote it, then the claim
        i = c.sentence.find(c.text) if c.text else -1
        if i >= 0:
            parts = [Segment(c.sentence[:i]), Segment(c.text, c), Segment(c.sentence[i + len(c.text) :])]
        else:
            parts = [Segment(c.sentence + " ["), Segment(c.text, c), Segment("]")]
    return [p for p in parts if p.text]


_BLANK_LINES = re.compile(r"\n[ \t\r]*\n(?:[ \t\r]*\n)+")


def fulltext_segments(source: Source, claims: list[Claim]) -> tuple[list[Segment], list[Claim]]:
    """The source's whole text with its claims as segments, and the claims left out.

    A claim that starts inside an earlier highlight (overlapping claims are rare) is left out of
    the full text; its finding still shows it in its sentence. Runs of blank lines are shortened
    and text outside the article body (page furniture) is marked as such.
    """
    text = source.text
    body = sorted(source.body)

    def plain(a: int, b: int) -> Iterator[Segment]:
        if not body:
            yield Segment(text[a:b])
            return
        pos = a
        for s, e in body:
            if e <= pos:
                continue
            if s >= b:
                break
            if s > pos:
                yield Segment(text[pos:s], furniture=True)
            yield Segment(text[max(s, pos) : min(e, b)])
            pos = min(e, b)
        if pos < b:
            yield Segment(text[pos:b], furniture=True)

    segments: list[Segment] = []
    left_out: list[Claim] = []
    pos = 0
    for c in sorted(claims, key=lambda c: (c.start, -c.end, c.id)):
        if c.start < pos or text[c.start : c.end] != c.text or not c.text:
            left_out.append(c)
            continue
        segments.extend(plain(pos, c.start))
        segments.append(Segment(c.text, c))
        pos = c.end
    segments.extend(plain(pos, len(text)))
    out: list[Segment] = []
    for s in segments:
        if s.claim is None:
            s = replace(s, text=_BLANK_LINES.sub("\n\n", s.text))
            if not s.text:
                continue
            if out and out[-1].claim is None and out[-1].furniture == s.furniture:
                out[-1] = replace(out[-1], text=out[-1].text + s.text)
                continue
        out.append(s)
    if out and out[0].claim is None:
        out[0] = replace(out[0], text=out[0].text.lstrip("\n"))
    return out, left_out


# --------------------------------------------------------------------------- range plots

PLOT_W = 300
PLOT_LABEL_W = 96
PLOT_X0 = 102
PLOT_X1 = 290
PLOT_ROW_H = 18
PLOT_TOP = 6


@dataclass
class PlotRow:
    label: str
    title: str
    y: float
    x1: float | None = None
    x2: float | None = None
    point: bool = False
    open_left: bool = False
    open_right: bool = False
    arrows: list[str] = field(default_factory=list)


@dataclass
class Plot:
    width: int
    height: int
    rows: list[PlotRow]
    axis_y: float
    ticks: list[tuple[float, str]]
    band: tuple[float, float] | None
    best: float | None
    label: str
    log: bool = False
    x0: int = PLOT_X0
    x1: int = PLOT_X1
    label_w: int = PLOT_LABEL_W


def _date_edge(value: Any, end: bool) -> float | None:
    r = interval(value) if isinstance(value, str) else None
    if r is None:
        return None
    return float(r[1].toordinal() + 1) if end else float(r[0].toordinal())


def _linear_ticks(lo: float, hi: float, n: int = 3) -> list[float]:
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step)
    return [round((first + i) * step, 10) for i in range(int((hi - lo) / step) + 2) if lo <= (first + i) * step <= hi]


def _log_ticks(lo: float, hi: float) -> list[float]:
    """Ticks in log10 space between lo and hi (both log10 values)."""
    ticks = [float(k) for k in range(math.ceil(lo), math.floor(hi) + 1)]
    if len(ticks) < 3:
        extra = [math.log10(m) + k for k in range(math.floor(lo), math.ceil(hi) + 1) for m in (2, 5)]
        ticks = sorted(set(ticks) | {t for t in extra if lo <= t <= hi})
        while len(ticks) > 4:
            ticks = ticks[::2]
    return ticks


def _day(ordinal: float) -> date:
    return date.fromordinal(int(ordinal))


def range_plot(finding: Finding, claims: list[Claim], label_of: dict[str, str]) -> Plot | None:
    """One axis, one row per claim: each outlet's value (a dot) or interval (a bar, an arrow
    where it is open), the reconciled low–high shaded and the best value as a line."""
    if not claims:
        return None
    is_date = finding.type == "date"
    first_factor = 1.0 if is_date else base_unit(claims[0].unit)[1]
    intervals = [claim_interval(c, 1.0 if is_date else base_unit(c.unit)[1] / first_factor) for c in claims]
    if is_date:
        f_low, f_high = _date_edge(finding.low, False), _date_edge(finding.high, True)
        f_best = _date_edge(finding.best, False)
        f_best = f_best + 0.5 if f_best is not None else None
    else:
        num = lambda v: float(v) if isinstance(v, (int, float)) else None  # noqa: E731
        f_low, f_high, f_best = num(finding.low), num(finding.high), num(finding.best)
    finite = [v for iv in intervals if iv for v in iv if math.isfinite(v)]
    finite += [v for v in (f_low, f_high, f_best) if v is not None and math.isfinite(v)]
    if not finite:
        return None
    lo, hi = min(finite), max(finite)
    log = (not is_date) and lo > 0 and hi / lo >= 20
    if log:
        lo, hi = math.log10(lo), math.log10(hi)
        pad = max((hi - lo) * 0.08, 0.15)
        lo, hi = lo - pad, hi + pad
    elif is_date:
        if hi - lo < 3:
            mid = (hi + lo) / 2
            lo, hi = mid - 1.5, mid + 1.5
        pad = max((hi - lo) * 0.06, 0.25)
        lo, hi = lo - pad, hi + pad
    else:
        min_span = max(1.0, abs((hi + lo) / 2) * 0.2)
        if hi - lo < min_span:
            mid = (hi + lo) / 2
            lo, hi = mid - min_span / 2, mid + min_span / 2
        pad = (hi - lo) * 0.08
        lo, hi = lo - pad, hi + pad
        if lo < 0 <= min(finite):
            lo = min(0.0, min(finite))

    def x(v: float) -> float:
        if v == math.inf:
            return float(PLOT_X1)
        if v == -math.inf:
            return float(PLOT_X0)
        if log:
            v = math.log10(v) if v > 0 else lo
        return round(PLOT_X0 + (v - lo) / (hi - lo) * (PLOT_X1 - PLOT_X0), 1)

    rows: list[PlotRow] = []
    for i, (c, iv) in enumerate(zip(claims, intervals)):
        y = PLOT_TOP + i * PLOT_ROW_H + PLOT_ROW_H / 2
        label = label_of.get(c.source, c.source)
        label = label if len(label) <= 15 else label[:14] + "\u2026"
        if iv is None:
            rows.append(
                PlotRow(label=label, title=f"{label_of.get(c.source, c.source)}: \u201c{c.text}\u201d (no value)", y=y)
            )
            continue
        a, b = iv
        if is_date:
            span = _day(a).isoformat() if b - a <= 1 else f"{_day(a).isoformat()} to {_day(b - 1).isoformat()}"
        else:
            span = range_text(a, b) or fmt_num(a)
        row = PlotRow(
            label=label,
            title=f"{label_of.get(c.source, c.source)}: \u201c{c.text}\u201d = {span}",
            y=y,
            x1=x(a),
            x2=x(b),
            point=(a == b),
            open_left=math.isinf(a),
            open_right=math.isinf(b),
        )
        if row.open_right:
            row.arrows.append(f"{PLOT_X1 + 6},{y} {PLOT_X1 - 1},{y - 5} {PLOT_X1 - 1},{y + 5}")
        if row.open_left:
            row.arrows.append(f"{PLOT_X0 - 6},{y} {PLOT_X0 + 1},{y - 5} {PLOT_X0 + 1},{y + 5}")
        rows.append(row)
    axis_y = PLOT_TOP + len(claims) * PLOT_ROW_H + 4
    if is_date:
        first, last = math.ceil(lo - 0.5), math.floor(hi - 0.5)
        days = list(range(first, last + 1))
        step = max(1, math.ceil(len(days) / 4))
        days = days[::step]
        ticks = [(x(d + 0.5), f"{_day(d).day} {_day(d):%b}") for d in days]
    elif log:
        ticks = [
            (round(PLOT_X0 + (t - lo) / (hi - lo) * (PLOT_X1 - PLOT_X0), 1), fmt_num(round(10**t, 6)))
            for t in _log_ticks(lo, hi)
        ]
    else:
        ticks = [(x(t), fmt_num(t)) for t in _linear_ticks(lo, hi)]
    band = None
    if f_low is not None or f_high is not None:
        b1 = x(f_low) if f_low is not None else float(PLOT_X0)
        b2 = x(f_high) if f_high is not None else float(PLOT_X1)
        if b2 - b1 < 2:
            b1, b2 = b1 - 1, b2 + 1
        band = (b1, round(b2 - b1, 1))
    best = x(f_best) if f_best is not None else None
    what = "dates" if is_date else "values"
    label = f"Range plot of the {what} each outlet gives for \u201c{finding.topic}\u201d: " + "; ".join(
        r.title for r in rows
    )
    return Plot(
        width=PLOT_W,
        height=int(axis_y + 18),
        rows=rows,
        axis_y=axis_y,
        ticks=ticks,
        band=band,
        best=best,
        label=label,
        log=log,
    )


# --------------------------------------------------------------------------- the page's data


def _outcome_class(check: dict) -> str:
    """pass, fail, warn (a failed rule of severity "warn") or error (also for anything unknown)."""
    outcome = str(check.get("outcome") or "").lower()
    if outcome == "fail" and str(check.get("severity") or "").lower() == "warn":
        return "warn"
    return outcome if outcome in OUTCOME_ORDER else "error"


def _checks_view(checks: list[dict] | None, finding_index: dict[str, dict]) -> dict | None:
    if checks is None:
        return None
    rows: list[dict[str, Any]] = []
    for i, ch in enumerate(checks):
        kind = _outcome_class(ch)
        fid = ch.get("finding")
        target = finding_index.get(str(fid)) if fid is not None else None
        row = {
            "anchor": f"check-{i + 1}",
            "code": str(ch.get("code") or ""),
            "name": str(ch.get("name") or ""),
            "severity": str(ch.get("severity") or ""),
            "outcome": str(ch.get("outcome") or ""),
            "kind": kind,
            "icon": OUTCOME_ICON[kind],
            "message": str(ch.get("message") or ""),
            "item": str(ch.get("item") or ""),
            "finding": None if fid is None else str(fid),
            "finding_anchor": target["anchor"] if target else None,
            "finding_topic": target["topic"] if target else None,
        }
        rows.append(row)
        if target is not None and kind != "pass":
            target["checks"].append(row)
    problems = sorted((r for r in rows if r["kind"] != "pass"), key=lambda r: OUTCOME_ORDER[r["kind"]])
    passed: dict[tuple[str, str], int] = {}
    for r in rows:
        if r["kind"] == "pass":
            passed[(r["code"], r["name"])] = passed.get((r["code"], r["name"]), 0) + 1
    counts = Counter(r["kind"] for r in rows)
    return {
        "rows": rows,
        "problems": problems,
        "passed_rules": [{"code": c, "name": n, "count": k} for (c, n), k in passed.items()],
        "counts": {k: counts[k] for k in OUTCOME_ORDER},
        "total": len(rows),
    }


def _corpus_view(k: int, corpus: Corpus, finding_index: dict[str, dict]) -> dict:
    prefix = f"k{k}"
    claims = {c.id: c for c in corpus.claims}
    source_no = {s.id: i + 1 for i, s in enumerate(corpus.sources)}
    source_anchor = {s.id: f"{prefix}-s{i + 1}" for i, s in enumerate(corpus.sources)}
    outlet = {s.id: (s.outlet or "unknown outlet") for s in corpus.sources}
    label_of = {s.id: f"S{source_no[s.id]} {outlet[s.id]}" for s in corpus.sources}
    claim_anchor = {c.id: f"{prefix}-c-{_safe_id(c.id)}" for c in corpus.claims}
    finding_of: dict[str, Finding] = {}
    for f in corpus.findings:
        for cid in f.claims:
            finding_of.setdefault(cid, f)
    finding_anchor = {f.id: f"{prefix}-f-{_safe_id(f.id)}" for f in corpus.findings}
    in_fulltext: set[str] = set()

    sources = []
    per_source = Counter(c.source for c in corpus.claims)
    for s in corpus.sources:
        segments, left_out = fulltext_segments(s, [c for c in corpus.claims if c.source == s.id])
        in_fulltext.update(seg.claim.id for seg in segments if seg.claim)
        sources.append(
            {
                "source": s,
                "no": source_no[s.id],
                "anchor": source_anchor[s.id],
                "outlet": outlet[s.id],
                "has_outlet": bool(s.outlet),
                "file": Path(s.path).name if s.path else "",
                "published": s.published.isoformat() if s.published else None,
                "inferred": s.published_inferred,
                "updated": s.updated.isoformat() if s.updated else None,
                "wires": list(s.wires),
                "claims": per_source[s.id],
                "segments": segments,
                "left_out": left_out,
                "findings": [
                    {"anchor": finding_anchor[f.id], "topic": f.topic, "verdict": f.verdict.value}
                    for f in corpus.findings
                    if s.id in f.sources
                ],
            }
        )

    findings = []
    for f in corpus.findings:
        fclaims = [claims[cid] for cid in f.claims if cid in claims]
        unit = None if f.type == "date" or not fclaims else fclaims[0].unit
        view = {
            "finding": f,
            "anchor": finding_anchor[f.id],
            "verdict": f.verdict.value,
            "verdict_label": VERDICT_LABEL[f.verdict],
            "verdict_icon": VERDICT_ICON[f.verdict],
            "topic": f.topic,
            "type": f.type,
            "unit": unit,
            "outlets": f.outlets,
            "explanation": f.explanation,
            "low": fmt_num(f.low),
            "best": fmt_num(f.best),
            "high": fmt_num(f.high),
            "plot": range_plot(f, fclaims, label_of),
            "checks": [],
            "said": [
                {
                    "claim": c,
                    "outlet": outlet.get(c.source, c.source),
                    "source_no": source_no.get(c.source),
                    "source_anchor": source_anchor.get(c.source),
                    "claim_anchor": claim_anchor[c.id] if c.id in in_fulltext else source_anchor.get(c.source),
                    "segments": sentence_segments(c),
                    "reading": interpretation(c),
                    "frame": frame_note(c),
                }
                for c in fclaims
            ],
        }
        findings.append(view)
        finding_index.setdefault(f.id, view)

    counts = Counter(f.verdict for f in corpus.findings)
    return {
        "index": k,
        "id": corpus.id,
        "anchor": f"{prefix}",
        "sources": sources,
        "findings": findings,
        "claims": len(corpus.claims),
        "skipped": list(corpus.skipped),
        "counts": {
            "conflict": counts[Verdict.CONFLICT],
            "agree": counts[Verdict.AGREE],
            "single": counts[Verdict.SINGLE],
            "all": len(corpus.findings),
        },
        "claim_anchor": claim_anchor,
        "finding_anchor": finding_anchor,
        "finding_of": finding_of,
        "in_fulltext": in_fulltext,
        "verification": None,
    }


#: a summary check's verdict as the page's colour classes
CHECK_CLASS = {"supported": "agree", "contradicted": "conflict", "unsupported": "warn"}
CHECK_ICON = {"supported": "\u2713", "contradicted": "\u2715", "unsupported": "?"}


def _verification_view(v: Verification, corpus: dict) -> dict:
    """A summary with its claims highlighted, each check with its evidence linked into the full
    texts of the sources (the corpus view's anchors)."""
    prefix = f"{corpus['anchor']}-v"
    anchor = {ch.id: f"{prefix}-{_safe_id(ch.id)}" for ch in v.checks}
    by_claim = {ch.id: ch for ch in v.checks}
    segments, _ = fulltext_segments(v.summary, [ch.claim for ch in v.checks])
    claims = {c.id: c for c in v.corpus.claims}
    outlets = {s["source"].id: s for s in corpus["sources"]}
    rows = []
    for ch in sorted(v.checks, key=lambda ch: (CHECK_ORDER[ch.verdict], ch.claim.start)):
        evidence = []
        for cid in ch.evidence:
            c = claims.get(cid)
            if c is None:
                continue
            src = outlets[c.source]
            evidence.append(
                {
                    "outlet": src["outlet"],
                    "source_no": src["no"],
                    "anchor": corpus["claim_anchor"][cid] if cid in corpus["in_fulltext"] else src["anchor"],
                    "segments": sentence_segments(c),
                    "reading": interpretation(c),
                }
            )
        rows.append(
            {
                "check": ch,
                "anchor": anchor[ch.id],
                "verdict": ch.verdict,
                "kind": CHECK_CLASS[ch.verdict],
                "icon": CHECK_ICON[ch.verdict],
                "segments": sentence_segments(ch.claim),
                "reading": interpretation(ch.claim),
                "evidence": evidence,
            }
        )
    marks = [
        {
            "text": seg.text,
            "anchor": anchor[seg.claim.id] if seg.claim else None,
            "kind": CHECK_CLASS[by_claim[seg.claim.id].verdict] if seg.claim else None,
            "verdict": by_claim[seg.claim.id].verdict if seg.claim else None,
        }
        for seg in segments
    ]
    return {
        "path": v.summary.path,
        "published": v.summary.published.isoformat() if v.summary.published else None,
        "inferred": v.summary.published_inferred,
        "counts": v.counts(),
        "rows": rows,
        "marks": marks,
    }


def render_verification_html(verifications: list[Verification]) -> str:
    """``crosscheck verify``'s page: each summary checked, then its sources as in the report."""
    return render_html([v.corpus for v in verifications], verifications=verifications)


# --------------------------------------------------------------------------- rendering


@lru_cache(maxsize=1)
def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("crosscheck", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["num"] = fmt_num
    return env


@cache
def _asset(name: str) -> str:
    """A static file of templates/ inlined in the page (the stylesheet, the script)."""
    text = resources.files("crosscheck").joinpath("templates", name).read_text(encoding="utf-8")
    if "</" in text or "<!--" in text:
        raise ValueError(f"templates/{name} must not contain '</' or '<!--': it is inlined in the page")
    return text


@lru_cache(maxsize=1)
def _script() -> tuple[str, str]:
    """The page's one inline script and its CSP source ('sha256-...')."""
    text = _asset("report.js")
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return text, f"'sha256-{digest}'"


def content_security_policy() -> str:
    _, script_hash = _script()
    return (
        f"default-src 'none'; style-src 'unsafe-inline'; script-src {script_hash}; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )


def render_html(
    corpora: list[Corpus], *, checks: list[dict] | None = None, verifications: list[Verification] | None = None
) -> str:
    """The whole report as one HTML document (a string).

    ``checks`` are rule-check results (dicts with code, name, severity, outcome "pass"/"fail"/
    "error", message and finding, a finding id or None); a "Rule checks" section is shown only
    when they are given.
    """
    from . import __version__

    finding_index: dict[str, dict] = {}
    views = [_corpus_view(k, c, finding_index) for k, c in enumerate(corpora)]
    for view, v in zip(views, verifications or ()):
        view["verification"] = _verification_view(v, view)
    checks_view = _checks_view(checks, finding_index)
    totals = {key: sum(v["counts"][key] for v in views) for key in ("conflict", "agree", "single", "all")}
    if verifications:
        title = f"crosscheck verify: {verifications[0].summary.path}" + (
            f" and {len(verifications) - 1} more" if len(verifications) > 1 else ""
        )
    elif len(corpora) == 1:
        title = f"crosscheck report: {corpora[0].id}"
    else:
        title = f"crosscheck report: {len(corpora)} corpora"
    script, _ = _script()
    return (
        _environment()
        .get_template("report.html.j2")
        .render(
            title=title,
            corpora=views,
            totals=totals,
            checks=checks_view,
            version=__version__,
            csp=content_security_policy(),
            script=Markup(script),
            style=Markup(_asset("_style.css")),
            sources_total=sum(len(v["sources"]) for v in views),
            claims_total=sum(v["claims"] for v in views),
        )
    )


def write_html(path: Path | str, corpora: list[Corpus], *, checks: list[dict] | None = None) -> None:
    """Write the HTML report atomically (a temporary file, then a rename)."""
    write_atomic(Path(path), render_html(corpora, checks=checks))
