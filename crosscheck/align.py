"""Stage 3: line up claims of different sources that assert the same fact.

Claims are blocked by what they count and what happened (subject, event, unit) so the work grows
with the size of each block, not with the square of the corpus; inside a block two claims are the
same fact when their time scopes match and their sentences name the same actors (rapidfuzz over
normalised descriptions decides the rest).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

from rapidfuzz import fuzz

from .extract.dates import MONTHS, WEEKDAYS
from .extract.frames import hierarchy
from .model import Claim
from .settings import DEFAULT_TOLERANCES, Tolerances
from .sources import load_data
from .values import base_unit, central, compatible, value_range

_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")
#: capitalised words that name no actor: calendar words, sentence openers, titles
_NOT_ENTITIES = {
    *WEEKDAYS,
    *MONTHS,
    *"The In On He She It They But And A An Mr Mrs Ms Dr Jan Feb Aug Sept Oct Nov Dec".split(),
    *"Secretary State Prime Minister President General Police Government".split(),
}


@lru_cache(maxsize=65536)
def entities(sentence: str) -> frozenset[str]:
    """Proper names in a sentence, the actors that tie two reports of one event together."""
    names = {m.group().lower() for m in _PROPER.finditer(sentence) if m.group() not in _NOT_ENTITIES}
    # "al-Maliki" and "Maliki", "Iran's" and "Iranian" are one actor
    return frozenset(n.split("-")[-1].removesuffix("'s")[:5] for n in names)


def _block_key(c: Claim) -> tuple:
    if c.type == "date":
        return ("date",)
    if c.unit is None:
        return ("count",)
    age = (c.subject or "").startswith("age")
    return ("measure", c.unit if " per " in c.unit else base_unit(c.unit)[0], "age" if age else None)


@cache
def recurring_events() -> frozenset[str]:
    """Events that happen again and again (killings, remarks): their dates are not one fact."""
    return frozenset(load_data("lexicon.json").get("recurring", []))


def same_fact(
    a: Claim, b: Claim, *, common: frozenset[str] = frozenset(), tol: Tolerances = DEFAULT_TOLERANCES
) -> bool:
    """Whether two claims of different sources assert the same fact.

    ``common`` are names every source mentions (the city, the country): they tie nothing together.
    """
    if a.source == b.source or a.type != b.type:
        return False
    if _frames_differ(a, b, common):
        return False
    SIMILARITY = tol.similarity  # noqa: N806
    similarity = context_similarity(a, b)
    shared = (entities(a.sentence) & entities(b.sentence)) - common
    if a.type == "quantity":
        ca, cb = central(a), central(b)
        if ca and cb and max(ca, cb) / min(ca, cb) > tol.magnitude:
            return False  # "two" and "1.7 million" are not one figure misreported
        if a.unit is None:  # counts: the thing counted, the event and the time scope must match
            if a.subject != b.subject or a.date != b.date:
                return False  # soldiers are not civilians, Sunday's toll is not Friday's
            if a.event != b.event:
                # wounded is not killed; an event read on one side only (or only a verb, not a
                # lexicon event) may still be the same one
                return not events_clash(a, b) and similarity >= SIMILARITY + 10
            if a.event is None:
                return similarity >= SIMILARITY + 15
            return similarity >= SIMILARITY - 15
        if (a.subject or "").startswith("age"):  # ages: of the same person, at the same time
            if a.subject == b.subject and len((a.subject or "").split()) >= 4:  # "age of austin seth hunt"
                return True  # the same person named in full: whatever the figures, one fact
            if ca is None or cb is None or abs(ca - cb) > 5 * 12:
                return False
            if a.subject != b.subject:
                return similarity >= SIMILARITY + 10 and bool(shared)
            return bool(shared) or similarity >= SIMILARITY
        # measures (durations, money, distances, shares): what they measure must match, and what
        # happened ("approved by 86 %" is not "59 % rejected")
        if events_clash(a, b):
            return False
        if a.subject and a.subject == b.subject:
            return bool(shared) or similarity >= SIMILARITY - 5
        return similarity >= SIMILARITY + 15
    # dates of one event
    if a.event is None or a.event != b.event or a.event in recurring_events():
        return False
    if a.date is None or b.date is None:  # not anchored: only the same words can be compared
        return a.date is None and b.date is None and a.text.lower() == b.text.lower() and similarity >= SIMILARITY
    return (bool(shared) and similarity >= SIMILARITY - 5) or similarity >= SIMILARITY + 15


_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ians?|ans?|is|ese|ish)$")


@cache
def lexicon_events() -> frozenset[str]:
    """The canonical events of crosscheck/data/lexicon.json (killed, wounded, arrested, ...)."""
    return frozenset(load_data("lexicon.json")["events"])


def events_clash(a: Claim, b: Claim) -> bool:
    """Two different lexicon events (killed and wounded, approved and rejected). An event read
    from the nearest verb only ("set", "raised") is no class to compare, so it never clashes."""
    known = lexicon_events()
    return a.event is not None and b.event is not None and a.event != b.event and a.event in known and b.event in known


def context_similarity(a: Claim, b: Claim) -> float:
    """How alike the words around two claims are (0-100). rapidfuzz's token_set_ratio scores a
    context contained in the other at 100, so "people injured" would match any sentence about
    injured people: with fewer than three words on a side, the whole contexts are compared."""
    if min(a.context.count(" "), b.context.count(" ")) < 2:
        return fuzz.token_sort_ratio(a.context, b.context)
    return fuzz.token_set_ratio(a.context, b.context)


def _actor_keys(c: Claim) -> frozenset[str]:
    """The actors of a claim's clause in the form entities() uses ("al-Maliki" and "Maliki" alike),
    without nationalities ("Israeli", "Palestinians"): they say who is counted, not who acts."""
    names = [n for n in c.actors if not (" " not in n and _DEMONYM.fullmatch(n.removesuffix("'s")))]
    return frozenset(n.split()[-1].split("-")[-1].removesuffix("'s").lower()[:5] for n in names)


def _place_key(c: Claim) -> str | None:
    return c.place.split()[-1].removesuffix("'s").lower()[:5] if c.place else None


_PARTIAL = re.compile(r"\s*(?:other|more|additional|further|new)\b", re.IGNORECASE)


def _partial(c: Claim) -> bool:
    """'three other charges', 'another 48': a count of a part, not of the whole."""
    at = c.end - c.sentence_start
    before = c.sentence[max(0, c.start - c.sentence_start - 9) : c.start - c.sentence_start].lower()
    return bool(_PARTIAL.match(c.sentence, at)) or before.endswith(("another ", "other "))


_BARE_YEAR = re.compile(r"(?:in |since |by )?(?:19|20)\d\d")


def _frames_differ(a: Claim, b: Claim, common: frozenset[str]) -> bool:
    """Frames that rule out one fact whatever the values: different actors named on both sides
    (Smith & Nephew's vote is not BP's), a plan against a count, incompatible subject classes, a
    bare year (the year of the deaths is not the year of the acquittal)."""
    ka, kb = _actor_keys(a) - common, _actor_keys(b) - common
    if ka and kb and not ka & kb:
        return True
    if a.modality != b.modality and "stated" in (a.modality, b.modality):
        return True
    if a.type == "quantity" and not hierarchy().compatible(a.subject_class, b.subject_class):
        return True
    if a.type == "quantity" and (_partial(a) or _partial(b)):
        return True
    places = [_place_key(c) for c in (a, b)]
    places = [p if p not in common else None for p in places]  # the story's own setting tells nothing
    if a.type == "quantity" and (places[0] is None) != (places[1] is None):
        # "15 killed in Jabalia" and "116 killed": the one with a place and the smaller figure is a part
        placed, other = (a, b) if places[0] else (b, a)
        cp, co = central(placed), central(other)
        if cp and co and co >= 2 * cp:
            return True
    if a.type == "quantity" and places[0] and places[1] and places[0] != places[1]:
        return True
    return a.type == "date" and bool(_BARE_YEAR.fullmatch(a.text.strip()) or _BARE_YEAR.fullmatch(b.text.strip()))


def common_entities(claims: Sequence[Claim]) -> frozenset[str]:
    """Names found in the claim sentences of every source (of four or more)."""
    per_source: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        per_source[c.source] |= entities(c.sentence)
    if len(per_source) < 4:
        return frozenset()
    return frozenset(set.intersection(*per_source.values()))


def value_key(c: Claim) -> tuple:
    """What a claim says, exactly: the same key in two sources is the same wording of a value."""
    if c.type == "date":
        return ("date", c.date or c.text.lower())
    _, factor = base_unit(c.unit)
    scale = lambda x: None if x is None else round(x * factor, 6)  # noqa: E731
    return ("quantity", base_unit(c.unit)[0], scale(c.value), scale(c.low), scale(c.high))


def rare_values(claims: Sequence[Claim]) -> frozenset[tuple]:
    """Values that each source states about once ("$3,000", "53-year-old", "2007"): when two
    sources state one of them, they are most likely stating the same fact."""
    claims_per: dict[tuple, int] = defaultdict(int)
    sources_per: dict[tuple, set[str]] = defaultdict(set)
    for c in claims:
        k = value_key(c)
        claims_per[k] += 1
        sources_per[k].add(c.source)
    return frozenset(k for k, n in claims_per.items() if len(sources_per[k]) >= 2 and n <= 2 * len(sources_per[k]))


def alike(
    a: Claim,
    b: Claim,
    *,
    common: frozenset[str] = frozenset(),
    rare: frozenset[tuple] = frozenset(),
    tol: Tolerances = DEFAULT_TOLERANCES,
) -> bool:
    """A weaker tie for claims whose values already agree: enough to group them, never enough
    to call a difference a conflict (see ``_cluster``)."""
    if a.source == b.source or a.type != b.type:
        return False
    if a.type == "quantity" and events_clash(a, b):
        return False  # approved is not rejected, whatever the figures
    SIMILARITY = tol.similarity  # noqa: N806
    similarity = fuzz.token_set_ratio(a.context, b.context)
    shared = (entities(a.sentence) & entities(b.sentence)) - common
    if value_key(a) == value_key(b) and value_key(a) in rare:
        # the same uncommon value in two sources, in a story about one event
        if a.type == "quantity" and a.unit is None and a.event and b.event and a.event != b.event:
            return False
        return similarity >= SIMILARITY - 25 or bool(shared)
    if a.type == "date":
        if a.date is None or b.date is None:  # not anchored: the same words, said alike
            return (
                a.date is None
                and b.date is None
                and a.text.lower() == b.text.lower()
                and (similarity >= SIMILARITY - 5 or bool(shared))
            )
        if a.event and b.event and a.event != b.event:
            return similarity >= SIMILARITY and bool(shared)
        if a.date == b.date:
            return bool(shared) or similarity >= SIMILARITY - 15
        # one date inside the other ("December 30" and "last week"): the same event, said alike
        if a.event and a.event == b.event:
            return bool(shared) or similarity >= SIMILARITY - 5
        return similarity >= SIMILARITY + 15
    age = (a.subject or "").startswith("age") and (b.subject or "").startswith("age")
    if a.subject != b.subject and not age and (a.unit is None or (a.subject and b.subject)):
        return False
    if a.unit is None and (a.date != b.date or events_clash(a, b)):
        return False  # counts: wounded is not killed, Sunday's toll is not this week's
    return similarity >= SIMILARITY - 10 or (bool(shared) and similarity >= SIMILARITY - 15)


#: two groups that disagree somewhere are merged only after checking every pair of their value
#: classes, up to this many; past it they stay apart and the report says so (CAP_NOTE), never
#: silently. Claims that say one thing in one frame are one class (``_classes``), so the cap counts
#: distinct figures, not sources: 21 sources against 21, or a thousand copies, is one pair.
MAX_CHECKED_PAIRS = 2_000
#: a bucket of more classes than this is cut (pathological input: thousands of different figures
#: of one kind), and said
MAX_BUCKET = 1_500
#: how a hit cap is reported: the corpus's notes, a warning, and exit code 1
CAP_NOTE = "alignment limit"


def _bucket_keys(c: Claim, rare: frozenset[tuple] = frozenset()) -> list[tuple]:
    """Claims that could be the same fact share a bucket; only pairs inside buckets are compared."""
    if c.type == "date":
        keys: list[tuple] = [("date", c.date or c.text.lower())]
        if c.event:
            keys.append(("event", c.event))
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
        _partial(c),
    )


class _Class:
    """A value class: interchangeable claims, compared once for all of them."""

    __slots__ = ("claims", "rep", "sources")

    def __init__(self, claims: list[Claim]) -> None:
        self.claims = claims
        self.sources = frozenset(c.source for c in claims)
        self.rep = claims[0]

    def pair(self, other: _Class) -> tuple[Claim, Claim] | None:
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


def _classes(block: Sequence[Claim], tie: Callable[[Claim, Claim], bool]) -> list[_Class]:
    """The block's value classes. Interchangeable claims of two or more sources are one class when
    two of them tie (then all do); otherwise, and within one source, each claim is its own."""
    by_signature: dict[tuple, list[Claim]] = defaultdict(list)
    for c in block:
        by_signature[signature(c)].append(c)
    classes: list[_Class] = []
    for claims in by_signature.values():
        whole = _Class(claims)
        pair = whole.pair(whole) if len(whole.sources) > 1 else None
        if pair is not None and tie(*pair):
            classes.append(whole)
        else:
            classes.extend(_Class([c]) for c in claims)
    return classes


def candidate_pairs(
    classes: Sequence[_Class], rare: frozenset[tuple] = frozenset(), notes: list[str] | None = None
) -> list[tuple[int, int]]:
    """Index pairs of value classes of different sources that share a bucket."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, k in enumerate(classes):
        for key in _bucket_keys(k.rep, rare):
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


def _cluster(
    block: list[Claim],
    common: frozenset[str],
    rare: frozenset[tuple] = frozenset(),
    tol: Tolerances = DEFAULT_TOLERANCES,
    notes: list[str] | None = None,
) -> list[list[Claim]]:
    """Greedy clustering of value classes, the most alike pairs first.

    Two claims that disagree may share a group only when they are directly the same fact
    (``same_fact``): a conflict is never the product of a chain of looser ties, and one source
    never states two different values of one fact.
    """

    def tie(a: Claim, b: Claim) -> bool:
        return same_fact(a, b, common=common, tol=tol) or (
            compatible(a, b, tol=tol) and alike(a, b, common=common, rare=rare, tol=tol)
        )

    classes = _classes(block, tie)
    strict: set[tuple[int, int]] = set()
    pairs = []
    for i, j in candidate_pairs(classes, rare, notes):
        a, b = classes[i].pair(classes[j]) or (classes[i].rep, classes[j].rep)
        same = same_fact(a, b, common=common, tol=tol)
        agree = compatible(a, b, tol=tol)
        if same:
            strict.add((i, j))
        elif not (agree and alike(a, b, common=common, rare=rare, tol=tol)):
            continue
        score = fuzz.token_set_ratio(a.context, b.context) + (25 if agree else 0) + (10 if same else 0)
        pairs.append((-score, i, j))
    pairs.sort()
    members: dict[int, list[int]] = {i: [i] for i in range(len(classes))}
    root = list(range(len(classes)))
    # the values every member allows (intervals on a line: pairwise overlap = a common overlap)
    common_range: dict[int, tuple[float, float] | None] = {i: value_range(k.rep, tol) for i, k in enumerate(classes)}
    for _, i, j in pairs:
        ri, rj = root[i], root[j]
        if ri == rj:
            continue
        ra, rb = common_range[ri], common_range[rj]
        overlap = (max(ra[0], rb[0]), min(ra[1], rb[1])) if ra and rb else None
        if overlap is None or overlap[0] > overlap[1]:  # some members disagree: look at each pair
            if len(members[ri]) * len(members[rj]) > MAX_CHECKED_PAIRS:
                if notes is not None:  # two large groups that disagree stay apart: said, not hidden
                    notes.append(
                        f"{CAP_NOTE}: two groups of {len(members[ri])} and {len(members[rj])} different claims "
                        f"({classes[i].rep.text!r}, {classes[j].rep.text!r}) were left apart unchecked"
                    )
                continue
            clash = any(
                not compatible(classes[x].rep, classes[y].rep, tol=tol)
                and (bool(classes[x].sources & classes[y].sources) or (min(x, y), max(x, y)) not in strict)
                for x in members[ri]
                for y in members[rj]
            )
            if clash:
                continue
            overlap = overlap if overlap and overlap[0] <= overlap[1] else None
        for x in members[rj]:
            root[x] = ri
        members[ri].extend(members.pop(rj))
        common_range[ri] = overlap
        del common_range[rj]
    groups = [sorted((c for i in m for c in classes[i].claims), key=block_order(block)) for m in members.values()]
    return groups


def block_order(block: Sequence[Claim]) -> Callable[[Claim], int]:
    """Claims in the order of the block (the corpus's order)."""
    at = {id(c): n for n, c in enumerate(block)}
    return lambda c: at[id(c)]


def align(
    claims: Sequence[Claim], *, tol: Tolerances = DEFAULT_TOLERANCES, notes: list[str] | None = None
) -> list[list[Claim]]:
    """Groups of claims, each one fact; a group of one is a claim no other source makes. Where a
    work limit is hit, ``notes`` gets a line saying so."""
    common = common_entities(claims)
    rare = rare_values(claims)
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    singles: list[list[Claim]] = []
    for c in claims:
        if c.type == "quantity" and c.subject is None and c.unit is None:
            singles.append([c])
        else:
            blocks[_block_key(c)].append(c)
    groups: list[list[Claim]] = []
    for block in blocks.values():
        groups.extend(_cluster(block, common, rare, tol, notes))
    groups.extend(singles)
    groups.sort(key=lambda g: (g[0].source, g[0].start))
    return groups
