"""The data model: a few frozen dataclasses that every stage passes along.

A claim keeps character offsets into its source's original text (as spaCy's ``Span`` does), so
every report can quote and highlight exactly what the outlet wrote.
"""

from __future__ import annotations

import dataclasses
import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pandas is imported only when a table is asked for (start-up time)
    import pandas as pd

SCHEMA_VERSION = 1


class Verdict(enum.StrEnum):
    """How the outlets behind one fact relate."""

    AGREE = "agree"
    CONFLICT = "conflict"
    SINGLE = "single-source"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Source:
    """One article: its original text and what we know about where it came from."""

    id: str
    path: str
    text: str
    outlet: str | None = None
    published: date | None = None
    published_inferred: bool = False
    updated: date | None = None
    #: (start, end) offsets of the article's own text; the rest is page furniture.
    body: tuple[tuple[int, int], ...] = ()
    #: wire services the article credits ("With reporting by AP, AFP").
    wires: tuple[str, ...] = ()
    cluster: str = ""
    #: the line of ``path`` that holds the text, when one file holds many sources (JSONL)
    line: int | None = None
    #: the source this one repeats (a wire copy: most of its sentences are the other's); the two
    #: count as one independent outlet
    copy_of: str | None = None
    #: whether offsets into ``text`` are offsets into the file: not for the text taken out of an
    #: HTML page, nor for one of the documents of a Multi-News file
    located: bool = True

    def line_col(self, offset: int) -> tuple[int, int] | None:
        """1-based line and column of a character offset, in the file ``path`` names (None where
        the text is not the file's own)."""
        if not self.located:
            return None
        if self.line is not None:  # a JSON string on one line: offsets do not map to columns
            return self.line, 1
        line = self.text.count("\n", 0, offset) + 1
        return line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "outlet": self.outlet,
            "published": self.published.isoformat() if self.published else None,
            "published_inferred": self.published_inferred,
            "wires": list(self.wires),
            "cluster": self.cluster,
            "chars": len(self.text),
            "copy_of": self.copy_of,
        }


ClaimType = Literal["quantity", "date"]


@dataclass(frozen=True)
class Claim:
    """One numeric or dated assertion, with its exact span in the source text."""

    id: str
    source: str
    type: ClaimType
    text: str
    start: int
    end: int
    sentence: str
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    subject: str | None = None
    event: str | None = None
    #: ISO 8601 at its precision, or an interval "start/end"; for a quantity its time scope.
    date: str | None = None
    qualifier: str | None = None
    #: where the sentence starts in the source text, to highlight the claim inside it.
    sentence_start: int = 0
    #: content words of the sentence around the claim, normalised, for alignment.
    context: str = ""
    #: the class of what a quantity counts, from crosscheck/data/subjects.json (persons, money, ...)
    subject_class: str | None = None
    #: stated | planned | expected | estimated | hypothetical: a plan is not a count
    modality: str = "stated"
    #: who states it ("police", "Voice of America", "quote"); None when the narrator does
    attribution: str | None = None
    #: the place the claim's clause gives ("Fallujah")
    place: str | None = None
    #: the named entities of the claim's clause
    actors: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"claim {self.id}: end {self.end} before start {self.start}")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"claim {self.id}: low {self.low} above high {self.high}")

    def to_dict(self) -> dict[str, Any]:
        d = _fields(self)
        for key in ("value", "low", "high"):
            d[key] = _plain_number(d[key])
        d["actors"] = list(self.actors)
        return d


@dataclass(frozen=True)
class Finding:
    """One fact as stated by one or more sources, and whether they agree."""

    id: str
    topic: str
    verdict: Verdict
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    outlets: int
    explanation: str
    low: float | str | None = None
    best: float | str | None = None
    high: float | str | None = None
    type: ClaimType = "quantity"
    #: a conflict that is a running count growing: each later source states a higher toll
    update: bool = False

    def to_dict(self) -> dict[str, Any]:
        d = _fields(self)
        d["verdict"] = self.verdict.value
        d["claims"] = list(self.claims)
        d["sources"] = list(self.sources)
        for key in ("low", "best", "high"):
            d[key] = _plain_number(d[key])
        return d


CheckVerdict = Literal["supported", "contradicted", "unsupported"]
#: how reports list checks: what needs a writer's attention first
CHECK_ORDER = {"contradicted": 0, "unsupported": 1, "supported": 2}


@dataclass(frozen=True)
class Check:
    """One figure or date of a summary (or a draft) held against the sources it was written from."""

    claim: Claim
    verdict: CheckVerdict
    #: ids of the source claims that back (supported) or contradict (contradicted) it; for an
    #: unsupported claim, the closest source claims, if any
    evidence: tuple[str, ...]
    explanation: str
    #: the sources themselves disagree on this fact
    sources_conflict: bool = False

    @property
    def id(self) -> str:
        return self.claim.id

    def to_dict(self) -> dict[str, Any]:
        c = self.claim
        return {
            "id": c.id,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "sentence": c.sentence,
            "type": c.type,
            "value": _plain_number(c.value),
            "low": _plain_number(c.low),
            "high": _plain_number(c.high),
            "unit": c.unit,
            "date": c.date,
            "subject": c.subject,
            "event": c.event,
            "verdict": self.verdict,
            "evidence": list(self.evidence),
            "explanation": self.explanation,
            "sources_conflict": self.sources_conflict,
        }


@dataclass(frozen=True)
class Verification:
    """A summary's checks, with the sources (extracted and compared) they were checked against."""

    summary: Source
    corpus: Corpus
    checks: tuple[Check, ...] = ()

    def counts(self) -> dict[str, int]:
        out = {"supported": 0, "contradicted": 0, "unsupported": 0}
        for c in self.checks:
            out[c.verdict] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        d = self.corpus.to_dict()
        return {
            "schema_version": SCHEMA_VERSION,
            "corpus": self.corpus.id,
            "summary": {
                "path": self.summary.path,
                "published": self.summary.published.isoformat() if self.summary.published else None,
                "published_inferred": self.summary.published_inferred,
                "chars": len(self.summary.text),
            },
            "sources": d["sources"],
            "claims": d["claims"],
            "findings": d["findings"],
            "checks": [c.to_dict() for c in self.checks],
        }


@dataclass(frozen=True)
class Corpus:
    """A set of sources about one event, with what was extracted and found in it."""

    id: str
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...] = ()
    findings: tuple[Finding, ...] = ()
    #: problems with individual inputs that were skipped ("file: reason").
    skipped: tuple[str, ...] = field(default=())
    #: a summary's figures checked against these sources (``crosscheck check --summary``), for
    #: the rules; not part of the report's JSON (``crosscheck verify`` writes them)
    summary_checks: tuple[Check, ...] = ()

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)

    def claim(self, claim_id: str) -> Claim:
        for c in self.claims:
            if c.id == claim_id:
                return c
        raise KeyError(claim_id)

    def to_dict(self, *, findings: bool = True) -> dict[str, Any]:
        d: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "corpus": self.id,
            "sources": [s.to_dict() for s in self.sources],
            "claims": [c.to_dict() for c in self.claims],
        }
        if findings:
            d["findings"] = [f.to_dict() for f in self.findings]
        return d


def to_frame(items: Iterable[Source | Claim | Finding | Check]) -> pd.DataFrame:
    """A pandas table whose columns are the JSON fields of the items."""
    import pandas as pd

    rows = [item.to_dict() for item in items]
    return pd.DataFrame.from_records(rows)


#: field names by class, looked up once (dataclasses.fields walks the class each call)
_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _fields(item: Any) -> dict[str, Any]:
    """The fields as a flat dict (dataclasses.asdict deep-copies: ten times slower for flat records)."""
    cls = type(item)
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(f.name for f in dataclasses.fields(item))
    return {name: getattr(item, name) for name in names}


def _plain_number(x: Any) -> Any:
    """34.0 -> 34 so that JSON reads as the outlet wrote it."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x
