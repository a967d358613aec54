"""Stage 4: one verdict per fact, with the reconciled range and a plain-words explanation.

Values are compared as inclusive intervals implied by their wording ("more than 34" is 35 and up),
so qualifiers never cause a conflict on their own; exact figures get a small rounding tolerance
("about 1,400" and "1,417"). The reconciled range follows conflict-data practice (UCDP's
low / best / high).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from functools import cache

from .align import align
from .extract.frames import event_of_word, lexicon_words, past_forms
from .model import Claim, Corpus, Finding, Source, Verdict
from .settings import DEFAULT, DEFAULT_TOLERANCES, Settings, Tolerances
from .sources import load_data
from .values import base_unit, bounds, compatible, describe, interval, when_text

__all__ = ["bounds", "compare", "compatible", "describe", "judge"]


def _outlet(sources: dict[str, Source], source_id: str) -> str:
    s = sources.get(source_id)
    return s.outlet if s and s.outlet else source_id


def _original(sources: dict[str, Source], source_id: str) -> str:
    s = sources.get(source_id)
    return s.copy_of if s and s.copy_of else source_id


def _labels(sources: dict[str, Source], claims: Sequence[Claim]) -> dict[str, str]:
    """Outlet names for the explanation; the source id too where one outlet has two articles."""
    ids = list(dict.fromkeys(c.source for c in claims))
    names = {sid: (sources[sid].outlet or sid) if sid in sources else sid for sid in ids}
    counts = Counter(names.values())
    dup = {n for n, k in counts.items() if k > 1}
    return {sid: (f"{n} [{sid}]" if n in dup and n != sid else n) for sid, n in names.items()}


@cache
def _date_topics() -> dict[str, str]:
    return dict(load_data("lexicon.json").get("date_topics", {}))


@cache
def _participles() -> dict[str, str]:
    return dict(load_data("frames.json").get("participles", {}))


@cache
def _intransitive() -> frozenset[str]:
    return frozenset(load_data("lexicon.json").get("intransitive", []))


#: units whose plural is not the unit and an s
_PLURAL_UNITS = {
    "degree fahrenheit": "degrees Fahrenheit",
    "degree celsius": "degrees Celsius",
    "fahrenheit": "degrees Fahrenheit",
    "celsius": "degrees Celsius",
    "pound-mass": "pounds",
    "pound sterling": "pounds sterling",
    "foot": "feet",
    "square foot": "square feet",
    "cubic foot": "cubic feet",
    "inch": "inches",
    "century": "centuries",
    "yen": "yen",
    "yuan": "yuan",
    "chinese yuan": "yuan",
    "millennium": "millennia",
}


def _plural_unit(unit: str) -> str:
    """ "dollars", "years", "degrees Fahrenheit"; a percentage of nothing named is a share
    ("share killed", never "percentages killed")."""
    if unit == "percentage":
        return "share"
    return _PLURAL_UNITS.get(unit.lower()) or f"{unit}s"


def _topic(claims: Sequence[Claim]) -> str:
    """What the finding is about, in plain words: "people killed on Sunday 5 January 2014",
    "date help was offered"."""
    c = claims[0]
    if c.type == "date":
        if c.event is None:
            day = next((x.date for x in claims if x.date), None)
            return f"date: {when_text(day).removeprefix('on ').removeprefix('in ')}" if day else "a date"
        participle = c.event.endswith("ed") or c.event in past_forms()[0]  # "made", "seen"
        if c.event in _intransitive():  # "date it appeared", never "date it was appeared"
            return _date_topics().get(c.event) or f"date it {c.event}"
        done = _participles().get(c.event, c.event)  # "date it was driven", never "was drove"
        return _date_topics().get(c.event) or (f"date it was {done}" if participle else f"date of {c.event}")
    if c.subject and c.subject.startswith("age"):  # an age is of someone, not of an event or a day
        owner = c.subject.removeprefix("age").removeprefix(" of ")
        return f"age of {owner.title()}" if owner else "age"
    rate, _, per = (c.unit or "").partition(" per ")
    what = c.subject or (c.unit and (f"{rate}s per {per}" if per else _plural_unit(c.unit))) or "amount"
    if c.unit is None and c.event in _cumulative() and what in ("amount", c.event):
        what = "people"  # "12 killed": people killed, never "killed killed" or "amount killed"
    # "deaths killed", "arrests arrested": the counted noun already says what happened
    named = {event_of_word().get(w) for w in what.split()}
    event = c.event if c.event and c.event not in what.split() and c.event not in named else None
    if c.unit and c.unit != "percentage" and event in lexicon_words("of_persons"):
        event = None  # "40 miles west of Ramadi" were not wounded: a distance, not "miles wounded"
    scope = next((x.date for x in claims if x.date), None)
    return " ".join(p for p in (what, event, when_text(scope) if scope else None) if p)


def _finding_id(claims: Sequence[Claim]) -> str:
    return "f" + hashlib.blake2b("|".join(sorted(c.id for c in claims)).encode(), digest_size=5).hexdigest()


def _clashes(claims: Sequence[Claim], tol: Tolerances) -> list[tuple[Claim, Claim]]:
    """Pairs of claims of different sources that cannot both be true, one pair per two values
    (a thousand sources stating two figures are one comparison, not half a million); a source
    that states both values (alignment groups that only where it restates one fact) is a pair
    with itself."""
    by_value: dict[tuple, list[Claim]] = {}
    for c in claims:
        by_value.setdefault((c.type, c.value, c.low, c.high, c.unit, c.qualifier, c.date, c.text), []).append(c)
    values = list(by_value.values())
    clashes = []
    for i, xs in enumerate(values):
        for ys in values[i + 1 :]:
            if compatible(xs[0], ys[0], tol=tol):
                continue
            pair = next(((a, b) for a in xs for b in ys if a.source != b.source), None)
            pair = pair or next(((a, b) for a in xs for b in ys), None)
            if pair:
                clashes.append(pair)
    return clashes


def _self_contradiction(claims: Sequence[Claim], tol: Tolerances) -> tuple[Claim, Claim] | None:
    """Two claims of one source in one fact that cannot both be true, if any."""
    by_source: dict[str, list[Claim]] = {}
    for c in claims:
        by_source.setdefault(c.source, []).append(c)
    for own in by_source.values():
        for i, a in enumerate(own):
            b = next((b for b in own[i + 1 :] if not compatible(a, b, tol=tol)), None)
            if b is not None:
                return a, b
    return None


#: past this many claims, an explanation says each value once, with its outlets
_SAID_IN_FULL = 10


def _said(claims: Sequence[Claim], label: dict[str, str]) -> str:
    if len(claims) <= _SAID_IN_FULL:
        return "; ".join(f"{label[c.source]} says {describe(c)}" for c in claims)
    by_value: dict[str, list[str]] = {}
    for c in claims:
        by_value.setdefault(describe(c), []).append(label[c.source])
    parts = []
    for said, who in by_value.items():
        who = list(dict.fromkeys(who))
        names = ", ".join(who[:3]) + (f" and {len(who) - 3} more" if len(who) > 3 else "")
        parts.append(f"{names} {'says' if len(who) == 1 else 'say'} {said}")
    return "; ".join(parts)


@cache
def _cumulative() -> frozenset[str]:
    return frozenset(load_data("lexicon.json").get("cumulative", []))


def _update(claims: Sequence[Claim], sources: dict[str, Source], tol: Tolerances) -> list[tuple[date, Claim]]:
    """The (date, claim) steps of a running count, oldest first, when the conflict is one: counts
    of a cumulative event (a toll, arrests) where every source that reports later states more,
    and sources of one day agree. Empty when it is a plain contradiction."""
    if any(c.type != "quantity" or c.unit is not None for c in claims) or claims[0].event not in _cumulative():
        return []
    if len({c.event for c in claims}) > 1:
        return []
    dated: list[tuple[date, Claim]] = []
    for c in claims:
        s = sources.get(c.source)
        when = s and (s.updated or s.published)
        if not when:
            return []
        dated.append((when, c))
    dated.sort(key=lambda x: (x[0], bounds(x[1], rounding=tol.rounding)))
    if len({when for when, _ in dated}) < 2:
        return []
    for i, (d1, a) in enumerate(dated):
        for d2, b in dated[i + 1 :]:
            if compatible(a, b, tol=tol):
                continue
            if d1 == d2 or bounds(b, rounding=tol.rounding)[0] <= bounds(a, rounding=tol.rounding)[0]:
                return []  # one day's reports disagree, or a later one counts fewer
    steps: list[tuple[date, Claim]] = []
    for when, c in dated:  # one step per day: its highest count
        if steps and steps[-1][0] == when:
            steps[-1] = (when, c)
        else:
            steps.append((when, c))
    return steps


def judge(claims: Sequence[Claim], sources: dict[str, Source], *, tol: Tolerances = DEFAULT_TOLERANCES) -> Finding:
    """The finding for one aligned group of claims."""
    claims = sorted(claims, key=lambda c: (c.source, c.start))
    source_ids = tuple(dict.fromkeys(c.source for c in claims))
    # a wire copy and its original are one independent outlet
    originals = {_original(sources, sid) for sid in source_ids}
    outlets = len({_outlet(sources, sid) for sid in originals})
    clashes = _clashes(claims, tol)
    update, steps = False, []
    label = _labels(sources, claims)
    said = _said(claims, label)
    if (len(source_ids) < 2 or len(originals) < 2) and not clashes:
        verdict = Verdict.SINGLE
        explanation = f"Only {said}." + (" (one text: the others are copies of it)" if len(source_ids) > 1 else "")
    elif clashes:
        verdict = Verdict.CONFLICT
        a, b = _self_contradiction(claims, tol) or clashes[0]
        why = "different dates" if a.type == "date" else "the ranges do not overlap"
        if a.source == b.source:
            explanation = f"{said}. {label[a.source]} contradicts itself: it says both {a.text!r} and {b.text!r}."
        else:
            explanation = f"{said}. {label[a.source]} and {label[b.source]} cannot both be right: {why}."
        steps = _update(claims, sources, tol)
        if steps:
            update = True
            chain = " -> ".join(f"{label[c.source]} ({when:%-d %b}) {c.text!r}" for when, c in steps)
            explanation = (
                f"{chain}: each later report gives a higher count of the same {claims[0].event} toll, "
                f"an update rather than a contradiction. {said}."
            )
    else:
        verdict = Verdict.AGREE
        qualifiers = [c.qualifier for c in claims if c.qualifier]
        why = (
            "the same date"
            if claims[0].type == "date"
            else "the figures agree once the qualifiers are read as bounds"
            if qualifiers
            else "the same figure (within rounding)"
        )
        explanation = f"{said}. Compatible: {why}."
    low, best, high = _reconcile(claims, verdict)
    if update:
        low, best, high = _reconcile([c for _, c in steps[-1:]], Verdict.AGREE)  # the latest count stands
    return Finding(
        id=_finding_id(claims),
        topic=_topic(claims),
        verdict=verdict,
        claims=tuple(c.id for c in claims),
        sources=source_ids,
        outlets=outlets,
        explanation=explanation,
        low=low,
        best=best,
        high=high,
        type=claims[0].type,
        update=update,
    )


def _reconcile(claims: Sequence[Claim], verdict: Verdict) -> tuple:
    """low / best / high in the claims' own unit (the first claim's)."""
    import statistics  # here, not at the top: 8 ms of start-up for every command

    best: float | str | None

    if claims[0].type == "date":
        ranges = [r for c in claims if (r := interval(c.date))]
        if not ranges:
            return None, None, None
        if verdict is Verdict.CONFLICT:
            lo, hi = min(r[0] for r in ranges), max(r[1] for r in ranges)
        else:
            lo, hi = max(r[0] for r in ranges), min(r[1] for r in ranges)
        best = lo.isoformat() if lo == hi else None
        return lo.isoformat(), best, hi.isoformat()
    _, unit_factor = base_unit(claims[0].unit)
    lows = [c.low * base_unit(c.unit)[1] / unit_factor for c in claims if c.low is not None]
    highs = [c.high * base_unit(c.unit)[1] / unit_factor for c in claims if c.high is not None]
    values = [c.value * base_unit(c.unit)[1] / unit_factor for c in claims if c.value is not None]
    if verdict is Verdict.CONFLICT:
        low = min(lows) if lows else None
        high = max(highs) if len(highs) == len(claims) else None
    else:
        low = max(lows) if lows else None
        high = min(highs) if highs else None
    inside = [v for v in values if (low is None or v >= low) and (high is None or v <= high)]
    if verdict is Verdict.CONFLICT:
        # no honest single estimate between figures that contradict each other, unless one is
        # stated by most of the claims
        common = statistics.multimode(values) if values else []
        best = common[0] if len(common) == 1 and values.count(common[0]) * 2 > len(claims) else None
    elif inside:
        best = statistics.median(inside)
    elif (low is not None and high is not None) or not values:
        best = None  # "hundreds" is 200 to 999, not 599.5; "several" is 3 or more, not 3
    else:
        best = low if low is not None else high
    return low, best, high


_ORDER = {Verdict.CONFLICT: 0, Verdict.AGREE: 1, Verdict.SINGLE: 2}


def compare(corpus: Corpus, *, settings: Settings = DEFAULT) -> Corpus:
    """The corpus with its findings: conflicts first, then agreements, then single-source claims."""
    sources = {s.id: s for s in corpus.sources}
    tol = settings.tolerances
    notes: list[str] = []
    copies = {s.id: s.copy_of for s in corpus.sources if s.copy_of}
    groups = align(corpus.claims, tol=tol, notes=notes, copies=copies)
    findings = [judge(group, sources, tol=tol) for group in groups]
    findings.sort(key=lambda f: (_ORDER[f.verdict], -f.outlets, f.topic, f.id))
    return replace(corpus, findings=tuple(findings), skipped=corpus.skipped + tuple(dict.fromkeys(notes)))
