"""Check a summary (or a draft) against its sources: is every figure and date backed by them?

A summary claim is extracted as any source's claim, then held against the sources' claims with
alignment's own pair scorer (``align.scoring``): a compatible value of the same fact supports it,
an incompatible one contradicts it, and a claim no source states is unsupported. Summaries
paraphrase, so a figure the sources state in the same words, or in a sentence about the same
things, counts as the same fact more readily than across outlets; a claim is flagged only when
nothing in the sources backs it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date

from rapidfuzz import fuzz

from .align.scoring import (
    common_entities,
    entities,
    events_clash,
    is_partial,
    rare_values,
    same_fact,
    series_part,
    value_key,
)
from .compare import compare
from .extract import extract, extract_source
from .extract.dates import MONTHS, loose_day
from .extract.frames import hierarchy
from .model import Check, Claim, Corpus, Source, Verdict, Verification
from .settings import DEFAULT, Settings, Tolerances
from .sources import infer_published, make_source
from .values import base_unit, bounds, central, claim_interval, compatible, describe

__all__ = ["attach", "verify", "verify_corpus"]

#: the id of the summary as a source (its claims' ``source``)
SUMMARY_ID = "summary"
#: below this a figure ("two", "5") is too common to be backed by its value alone
SMALL = 10


def _published(summary: Source, sources: Sequence[Source]) -> Source:
    """The summary's own date, else its sources' consensus, as an undated source gets it (it was
    written from them)."""
    if summary.published is not None:
        return summary
    return infer_published([*sources, summary])[-1]


def _stems(context: str) -> str:
    return " ".join(w[:5] for w in context.split())


def _similarity(a: Claim, b: Claim) -> float:
    """Context likeness on word stems: a summary says "donation helped build" where the source
    said "donated toward building"."""
    return fuzz.token_set_ratio(_stems(a.context), _stems(b.context))


def _head(c: Claim) -> str | None:
    return base_unit((c.unit or "").partition(" per ")[0] or None)[0]


def _measure(c: Claim) -> str | None:
    """The unit as compared: a rate as a rate of its unit ("dollar per photo" and "dollar per
    shoot" are one rate read two ways: which noun the rate is per is often misread)."""
    head = _head(c)
    return f"{head} per" if " per " in (c.unit or "") else head


def _same_thing(s: Claim, c: Claim, *, tol: Tolerances) -> bool:
    """Whether a source claim can state the summary claim's fact at all: same kind of value,
    compatible frames (what is counted, what happened)."""
    if s.type != c.type:
        return False
    if _measure(s) != _measure(c):
        # "the $16,000 he gets for those duties per month": a rate whose "per" the summary moved away
        return s.type == "quantity" and s.value is not None and s.value == c.value and _head(s) == _head(c)
    if s.type == "quantity" and (s.subject_class == "age") != (c.subject_class == "age"):
        return False  # "in 7 years" is no "7-year-old"
    if s.type == "quantity" and (s.unit is not None or (central(s) or 0) >= 1000) and _value_key(s) == _value_key(c):
        return True  # "$400 per photo shoot", "35,000-word": the same figure, whatever noun or verb is near
    if s.type == "quantity":
        if events_clash(s, c) or not hierarchy().compatible(s.subject_class, c.subject_class):
            if None in (s.subject_class, c.subject_class):
                # "three others were injured", "at least three were injured": what one names, the other may not
                return s.event == c.event or (s.event is None and (central(s) or 0) >= SMALL) or _named_alike(s, c)
            if (
                series_part(s) is not None
                and series_part(s) == series_part(c)
                and _value_key(s) == _value_key(c)
                and not events_clash(s, c)
            ):
                return True  # "the final three installments" and "the final three episodes": one part
            return s.subject is not None and s.subject == c.subject and not events_clash(s, c)
        cs, cc = central(s), central(c)
        if cs and cc and max(cs, cc) / min(cs, cc) > tol.magnitude:
            return False
    return True


def _named_alike(a: Claim, b: Claim) -> bool:
    """What one side counts is what the other did: "899th ranking" and "ranked 899" (a noun in
    -ing and its verb in -ed share their stem; "firearms" and "fired", "workers" and "worked" do not)."""

    def noun(word: str | None) -> str | None:
        return word[:-3] if word and word.endswith("ing") and len(word) > 6 else None

    def verb(word: str | None) -> str | None:
        return word[:-2] if word and word.endswith("ed") and len(word) > 5 else None

    return any(noun(x.subject) is not None and noun(x.subject) == verb(y.event) for x, y in ((a, b), (b, a)))


def _value_key(c: Claim) -> tuple:
    """What a claim says, in the units compared (``_measure``)."""
    if c.type == "date":
        return value_key(c)
    return (_measure(c), c.value, c.low, c.high)


def tie(s: Claim, c: Claim, *, common: frozenset[str], rare: frozenset[tuple], tol: Tolerances) -> float:
    """How surely a source claim states the summary claim's fact (0: not at all, 1: surely)."""
    if not _same_thing(s, c, tol=tol):
        return 0.0
    if same_fact(s, c, common=common, tol=tol):
        return 1.0
    similarity = _similarity(s, c)
    shared = bool((entities(s.sentence) & entities(c.sentence)) - common)
    same_words = _value_key(s) == _value_key(c)
    # ("age" alone is anyone's: the 87-year-old shoplifter is not the 20-year-old officer)
    same_subject = s.subject is not None and s.subject == c.subject and s.subject != "age"
    # "three murders" and "three presumed killings"; persons is too broad a class to tie by
    same_class = s.subject_class not in (None, "persons") and s.subject_class == c.subject_class
    # a class of things counted ties as a subject does; a measure's does not: every sum is money,
    # and "money" says nothing of which sum
    same_subject = same_subject or (same_class and s.subject_class in hierarchy().parent)
    same_event = s.event is not None and s.event == c.event
    if s.type == "date":
        if s.date is None or c.date is None:
            said, written = s.text.lower(), c.text.lower()
            if same_words and said == written and similarity >= tol.similarity - 20:
                return 0.8  # "Last year" in both, neither anchored: the same words, about the same things
            if written.startswith(said) and (same_event or similarity >= tol.similarity):
                return 0.7  # "split in March" with no year to anchor it, "split in March 2016"
            return 0.0
        if same_event:
            return 0.9
        spelled = same_words and any(ch.isdigit() for ch in s.text) and any(ch.isdigit() for ch in c.text)
        if (shared or spelled) and similarity >= tol.similarity - 20:
            return 0.7  # the same names nearby, or the same written year or day said of like things
        return 0.6 if similarity >= tol.similarity else 0.0
    small = (central(s) or 0) < SMALL and s.unit is None
    open_event = same_event or not events_clash(s, c)  # a verb read near one of them is no clash
    if same_subject and open_event:
        return 0.9
    if same_class and open_event:
        return 0.8  # two sums of money, two spans of time: alike enough to back, too alike to contradict
    if same_words and not small and (value_key(s) in rare or similarity >= tol.similarity - 25 or shared):
        return 0.8
    if same_words and small and (similarity >= tol.similarity - 10 or (shared and similarity >= tol.similarity - 20)):
        return 0.7
    if similarity >= tol.similarity + 5 and (same_event or shared):
        return 0.6
    if same_event and None in (s.subject, c.subject) and similarity >= tol.similarity:
        return 0.6  # "three others were injured" and "at least three were injured" (no noun named)
    return 0.0


#: a tie at least this sure makes a compatible source claim evidence for the summary claim
SUPPORT = 0.6
#: and an incompatible one, this sure, a contradiction
CONTRADICT = 0.9
#: evidence is the backing claims tied within this of the surest one
EVIDENCE_MARGIN = 0.15


def _days(c: Claim) -> float | None:
    r = claim_interval(c, 1.0) if c.type == "date" else None
    return None if r is None else r[1] - r[0]


def _width(c: Claim, tol: Tolerances) -> float | None:
    if c.type == "date":
        return _days(c)
    low, high = bounds(c, rounding=tol.rounding)
    return high - low


def _as_precise(c: Claim, s: Claim, tol: Tolerances) -> bool:
    """A source claim backs a summary claim only if it is about as precise: "this summer" does
    not back "Monday" (any Monday of the summer would do), nor "more than 34" a plain 73."""
    wc, ws = _width(c, tol), _width(s, tol)
    if wc is None or ws is None or math.isinf(ws):
        return True
    if s.type == "quantity" and central(c) is not None and central(c) == central(s):
        return True  # "an estimated $25,000" backs "$25,000": the same figure, hedged
    if math.isinf(wc) and s.type == "quantity":  # "at least two-thirds" backs "two-thirds", not "73"
        edge = next((x for x in bounds(c, rounding=tol.rounding) if not math.isinf(x)), None)
        value = central(s)
        slack = 1 if s.unit is None else 0  # a count's units digit; a measure's base unit may be a kilogram
        return edge is not None and value is not None and abs(value - edge) <= 0.1 * abs(edge) + slack
    return wc <= 3 * ws + (1 if s.type == "date" else 0.02 * abs(central(s) or 0) + 1)


def _label(corpus: Corpus, c: Claim) -> str:
    s = corpus.source(c.source)
    return s.outlet or s.id


def _only_day_of(s: Claim, corpus: Corpus) -> Claim | None:
    """The one source date that says the summary's undated month more precisely: "in March", and
    "on March 25" the only March the sources give (neither anchored to a year)."""
    said = s.text.lower().removeprefix("in ")
    if s.type != "date" or s.date is not None or said.capitalize() not in MONTHS:
        return None
    days = [
        c
        for c in corpus.claims
        if c.type == "date" and c.date is None and c.text.lower().startswith(said) and c.text.lower() != said
    ]
    if len({c.text.lower() for c in days}) != 1 or (s.event and days[0].event and s.event != days[0].event):
        return None  # two March days, or the one March day of another event
    return days[0]


def _check(s: Claim, corpus: Corpus, *, common: frozenset[str], rare: frozenset[tuple], tol: Tolerances) -> Check:
    scored = [(tie(s, c, common=common, rare=rare, tol=tol), c) for c in corpus.claims]
    only = _only_day_of(s, corpus)
    scored = [(max(t, SUPPORT) if c is only and not events_clash(s, c) else t, c) for t, c in scored]
    tied = sorted(((t, c) for t, c in scored if t > 0), key=lambda tc: -tc[0])
    backed = [(t, c) for t, c in tied if t >= SUPPORT and compatible(s, c, tol=tol) and _as_precise(c, s, tol)]
    # the surest ties are the evidence: "more than 34 people killed on Sunday" is backed by "at
    # least 34 dead on Sunday", not also by "scores killed in recent days"
    backing = [c for t, c in backed if t >= backed[0][0] - EVIDENCE_MARGIN] if backed else []
    # a contradiction is said at one precision: "last year" does not contradict "Monday"
    # a part ("the next nine episodes") contradicts only the same part ("the first 10" and "the first 12")
    against = [
        c
        for t, c in tied
        if t >= CONTRADICT
        and not compatible(s, c, tol=tol)
        and _as_precise(c, s, tol)
        and _as_precise(s, c, tol)
        and not (s.type == "quantity" and (is_partial(s) or is_partial(c)) and series_part(s) != series_part(c))
    ]
    if backing:
        outlets = sorted({_label(corpus, c) for c in backing})
        why = f"{', '.join(outlets)} {'says' if len(outlets) == 1 else 'say'} {_values(backing)}"
        # the sources' own conflict on this fact, as the report judged it
        ids = {c.id for c in backing}
        other_side = [
            corpus.claim(i)
            for f in corpus.findings
            if f.verdict is Verdict.CONFLICT and ids & set(f.claims)
            for i in f.claims
            if not compatible(s, corpus.claim(i), tol=tol)
        ]
        if other_side:
            others = sorted({_label(corpus, c) for c in other_side})
            why += f"; the sources disagree: {', '.join(others)} {'says' if len(others) == 1 else 'say'} "
            why += f"{_values(other_side)} (the summary sides with {', '.join(outlets)})"
        return Check(s, "supported", tuple(c.id for c in backing), why, sources_conflict=bool(other_side))
    if against:
        outlets = sorted({_label(corpus, c) for c in against})
        verb = "says" if len(outlets) == 1 else "say"
        why = f"summary says {s.text!r}; {', '.join(outlets)} {verb} {_values(against)}"
        return Check(s, "contradicted", tuple(c.id for c in against), why)
    near = [c for _, c in tied[:3]]
    if near:
        why = f"no source states it; closest: {_values(near)}, not the same fact or value"
    else:
        why = "no source states a figure or date of this kind" if s.type == "quantity" else "no source states this date"
    return Check(s, "unsupported", tuple(c.id for c in near), why)


def _as_weekday(
    check: Check, corpus: Corpus, *, common: frozenset[str], rare: frozenset[tuple], tol: Tolerances
) -> Check:
    """A summary dated only by its sources has no day of its own to anchor "Thursday" to (it may be
    written days before or after them): a weekday the sources give the same event backs it."""
    c = check.claim
    day = loose_day(c.text) if c.type == "date" and c.date else None
    if check.verdict == "supported" or day is None or day[0] != 0:
        return check
    alt = _check(replace(c, date=None), corpus, common=common, rare=rare, tol=tol)
    if alt.verdict != "supported":
        return check
    why = f"{alt.explanation} (the summary has no date of its own: its {c.text!r} is read as a weekday)"
    return replace(alt, claim=c, explanation=why)


def _values(claims: Sequence[Claim]) -> str:
    seen: dict[str, None] = {}
    for c in claims:
        seen.setdefault(describe(c), None)
    said = list(seen)
    return ", ".join(said[:4]) + (f" and {len(said) - 4} more" if len(said) > 4 else "")


def verify_corpus(
    summary: Source, corpus: Corpus, *, settings: Settings = DEFAULT, compared: bool = False
) -> Verification:
    """Check a summary source against a corpus (extracted and compared here unless ``compared``)."""
    if not compared:
        corpus = compare(extract(corpus, max_claims=settings.max_claims), settings=settings)
    summary = _published(summary, corpus.sources)
    claims = tuple(extract_source(summary, limit=settings.max_claims)[: settings.max_claims])
    tol = settings.tolerances
    common = common_entities(corpus.claims)
    rare = rare_values(corpus.claims)
    checks = tuple(_check(s, corpus, common=common, rare=rare, tol=tol) for s in claims)
    if summary.published_inferred:
        checks = tuple(_as_weekday(c, corpus, common=common, rare=rare, tol=tol) for c in checks)
    return Verification(summary=summary, corpus=corpus, checks=checks)


def verify(
    summary_text: str,
    sources: Corpus | Sequence[Source],
    *,
    settings: Settings = DEFAULT,
    path: str = "summary",
    published: date | None = None,
) -> Verification:
    """Every figure and date of ``summary_text`` checked against ``sources``: supported,
    contradicted or unsupported, with the source claims that say so."""
    corpus = sources if isinstance(sources, Corpus) else Corpus(id="", sources=tuple(sources))
    summary = make_source(SUMMARY_ID, path, summary_text, cluster=corpus.id)
    if published is not None:
        summary = replace(summary, published=published, published_inferred=False)
    return verify_corpus(summary, corpus, settings=settings)


def attach(
    corpora: Sequence[Corpus],
    *,
    summary: Source | None = None,
    summaries: Mapping[str, str] | None = None,
    settings: Settings = DEFAULT,
) -> list[Corpus]:
    """Compared corpora with their summary's checks (``Corpus.summary_checks``) for the rules:
    one summary for every corpus, or each cluster's own (``summaries`` by cluster id)."""
    out = []
    for c in corpora:
        s = summary
        if s is None and summaries and c.id in summaries:
            s = make_source(SUMMARY_ID, f"{c.id}#summary", summaries[c.id], cluster=c.id)
        if s is None:
            out.append(c)
            continue
        v = verify_corpus(s, c, settings=settings, compared=True)
        out.append(replace(c, summary_checks=v.checks))
    return out
