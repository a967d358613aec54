"""Alignment, step 1: which claims could state one fact at all.

Claims are blocked by what they count (a count, a measure in one base unit, a date) and bucketed
by subject, time scope and event, so only pairs inside a bucket are scored; claims that say one
thing in one frame are one value class, so the work grows with distinct figures, not sources.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence

from ..model import Claim
from ..values import base_unit, loose
from .scoring import entities, is_partial, value_key

#: a bucket of more classes than this is cut (pathological input: thousands of different figures
#: of one kind), and said
MAX_BUCKET = 1_500


#: how a hit cap is reported: the corpus's notes, a warning, and exit code 1
CAP_NOTE = "alignment limit"


def block_key(c: Claim) -> tuple:
    if c.type == "date":
        return ("date",)
    if c.unit is None:
        return ("count",)
    age = (c.subject or "").startswith("age")
    return ("measure", c.unit if " per " in c.unit else base_unit(c.unit)[0], "age" if age else None)


def bucket_keys(c: Claim, rare: frozenset[tuple] = frozenset()) -> list[tuple]:
    """Claims that could be the same fact share a bucket; only pairs inside buckets are compared."""
    if c.type == "date":
        keys: list[tuple] = [("date", c.date or c.text.lower())]
        if c.event:
            keys.append(("event", c.event))
        if (day := loose(c)) is not None:  # undated "Sunday" and "Wednesday" may be one arrest
            keys.append(("loose", day[0] == 0))
        return keys
    if c.unit is None:  # counts: the same thing counted and scope (and event, or an unknown one)
        keys = [("count", c.subject, c.date, None)]
        if value_key(c) in rare:  # the only ties across different subjects
            keys.append(("value", value_key(c)))
        return keys + ([("count", c.subject, c.date, c.event)] if c.event else [])
    return [("measure",)]


def signature(c: Claim) -> tuple:
    """Everything alignment and comparison read of a claim except its source: two claims with one
    signature are interchangeable (a wire copy, a figure repeated by a thousand sources)."""
    return (
        c.type,
        c.text,
        c.value,
        c.low,
        c.high,
        c.unit,
        c.qualifier,
        c.subject,
        c.subject_class,
        c.event,
        c.date,
        c.modality,
        c.place,
        c.actors,
        c.context,
        entities(c.sentence),
        is_partial(c),
    )


class ValueClass:
    """A value class: interchangeable claims, compared once for all of them."""

    __slots__ = ("claims", "rep", "sources")

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.sources = frozenset(c.source for c in claims)
        self.rep = claims[0]

    def pair(self, other: ValueClass) -> tuple[Claim, Claim] | None:
        """One claim of each class from two different sources (what ties them does not depend on
        which), or None when both classes are one and the same source."""
        if len(self.sources) == 1 and self.sources == other.sources:
            return None
        a = self.rep
        b = next((c for c in other.claims if c.source != a.source), None)
        if b is None:
            b = other.rep
            a = next(c for c in self.claims if c.source != b.source)
        return a, b


def value_classes(block: Sequence[Claim], tie: Callable[[Claim, Claim], bool]) -> list[ValueClass]:
    """The block's value classes. Interchangeable claims of two or more sources are one class when
    two of them tie (then all do); otherwise, and within one source, each claim is its own."""
    by_signature: dict[tuple, list[Claim]] = defaultdict(list)
    for c in block:
        by_signature[signature(c)].append(c)
    classes: list[ValueClass] = []
    for claims in by_signature.values():
        whole = ValueClass(claims)
        pair = whole.pair(whole) if len(whole.sources) > 1 else None
        if pair is not None and tie(*pair):
            classes.append(whole)
        else:
            classes.extend(ValueClass([c]) for c in claims)
    return classes


def candidate_pairs(
    classes: Sequence[ValueClass], rare: frozenset[tuple] = frozenset(), notes: list[str] | None = None
) -> list[tuple[int, int]]:
    """Index pairs of value classes of different sources that share a bucket."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, k in enumerate(classes):
        for key in bucket_keys(k.rep, rare):
            buckets[key].append(i)
    seen: set[tuple[int, int]] = set()
    for members in buckets.values():
        many_sources = len(members) > MAX_BUCKET and len(set().union(*(classes[i].sources for i in members))) > 1
        if many_sources and notes is not None:  # one source's claims are never compared anyway
            notes.append(f"{CAP_NOTE}: {len(members)} different claims of one kind; only {MAX_BUCKET} were compared")
        members = members[:MAX_BUCKET]
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if classes[i].pair(classes[j]) is not None:
                    seen.add((i, j) if i < j else (j, i))
    return sorted(seen)
