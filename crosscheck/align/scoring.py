"""Alignment, step 2: whether two claims of different sources state the same fact.

``same_fact`` is the strict tie (what may be called a conflict when the values differ); ``alike``
the weaker one for claims whose values already agree. Both read the claims' frames (subject
class, event, time scope, place, actors, modality) before the words around them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from functools import cache, lru_cache

from rapidfuzz import fuzz

from ..extract.dates import MONTHS, WEEKDAYS
from ..extract.frames import hierarchy, name_suffixes, not_names
from ..model import Claim
from ..settings import DEFAULT_TOLERANCES, Tolerances
from ..sources import load_data
from ..values import base_unit, central, loose_alike

_PROPER = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?\b")


@cache
def _not_entities() -> frozenset[str]:
    """Capitalised words that name no actor: calendar words, the words that name no one (frames.json),
    and offices ("President", "Police": every story about a government names them). Read on first
    use, not at import: `crosscheck --help` loads no data file."""
    offices = "Secretary State Prime Minister President General Police Government".split()
    return frozenset({*WEEKDAYS, *MONTHS, *not_names(), *offices})


@lru_cache(maxsize=65536)
def entities(sentence: str) -> frozenset[str]:
    """Proper names in a sentence, the actors that tie two reports of one event together."""
    names = {m.group().lower() for m in _PROPER.finditer(sentence) if m.group() not in _not_entities()}
    # "al-Maliki" and "Maliki", "Iran's" and "Iranian" are one actor
    return frozenset(n.split("-")[-1].removesuffix("'s")[:5] for n in names)


@cache
def recurring_events() -> frozenset[str]:
    """Events that happen again and again (killings, remarks): their dates are not one fact."""
    return frozenset(load_data("lexicon.json").get("recurring", []))


def same_fact(
    a: Claim,
    b: Claim,
    *,
    common: frozenset[str] = frozenset(),
    tol: Tolerances = DEFAULT_TOLERANCES,
    within: bool = False,
) -> bool:
    """Whether two claims of different sources assert the same fact (``within``: or of one source,
    which then states the fact twice).

    ``common`` are names every source mentions (the city, the country): they tie nothing together.
    """
    if (a.source == b.source and not within) or a.type != b.type:
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
            if not same_counted(a, b) or a.date != b.date:
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
            if same_person(a, b):
                return True  # "age of robert durst" and "age of durst": one person, whatever the figures
            if _owner(a) and _owner(b):
                return False  # two people named: Shellia Huggins is not John Austin Huggins
            if ca is None or cb is None:
                return False
            if abs(ca - cb) > 5 * 12:  # most likely two people, unless said in like words of one named
                # one ("Kalashnikov, who died last month aged 94", "who died in December at the age of 74"),
                # a person, not a place ("who died in Los Angeles last year aged 92" and "last week aged 61")
                places = {k for c in (a, b) if c.place for k in _name_keys((c.place,))}
                named = (_actor_keys(a) & _actor_keys(b)) - common - places
                apart = a.date is not None and b.date is not None and a.date != b.date
                return a.subject == b.subject and bool(named) and not apart and similarity >= SIMILARITY + 15
            if a.subject != b.subject:
                return similarity >= SIMILARITY + 10 and bool(shared)
            return bool(shared) or similarity >= SIMILARITY
        # measures (durations, money, distances, shares): what they measure must match, and what
        # happened ("approved by 86 %" is not "59 % rejected")
        if events_clash(a, b):
            return False
        if a.subject and a.subject == b.subject:
            return bool(shared) or similarity >= SIMILARITY - 5
        if (
            a.subject_class == b.subject_class == "time"
            and a.event == b.event
            and a.event in lexicon_events()
            and shared
        ):
            # one span of one named event: "sentenced Durst to seven years", "to 7 years, 1 month"
            return similarity >= SIMILARITY - 15
        if a.subject_class == b.subject_class == "time" and a.event is not None and a.event == b.event:
            # one span said with the same verb in like words: "a promise kept for 67 years" (not sums:
            # "$25 million" and "$33.5 million" were both "paid", by different people)
            return similarity >= SIMILARITY + 10
        if (
            a.event is not None
            and a.event == b.event
            and not (a.subject and b.subject)
            and a.date == b.date
            and (a.subject_class != "money" or (a.event in lexicon_events() and a.event != "paid"))
        ):
            # one act with one measure of the same named people, the noun it measures named on one
            # side at most: "Mrs Wilson fell 30ft down a vertical cliff", "Mrs Wilson had fallen
            # 20-30 feet down a vertical cliff"; a sum only of a named act (bequeathed, donated): a
            # story pays, spends and fines many ("$25 million" and "$33.5 million" were both paid;
            # "spent $13.7 billion" and "spent $5 billion"), and those tie by being alone
            # (``only_ones_alike``)
            return bool(shared) and similarity >= SIMILARITY - 10
        if " per " in (a.unit or "") and a.unit == b.unit:
            return similarity >= SIMILARITY - 15  # "$150 per game" twice in one story: one rate
        return similarity >= SIMILARITY + 15
    # dates of one event, or with no event read, of the same words about the same names ("caused
    # injury to the five 2-year-old children ... on Dec. 1 at the Children's Learning Place")
    unread = a.event is None and b.event is None and bool(shared) and similarity >= SIMILARITY + 25
    # an event read on one side only: the same names and words about like things may still date it
    one_side = (a.event is None) != (b.event is None) and (a.event or b.event) not in recurring_events()
    one_side = one_side and bool(shared) and similarity >= SIMILARITY + 10
    if not (unread or one_side) and (a.event is None or a.event != b.event or a.event in recurring_events()):
        return False
    if (a.date is None or b.date is None) and not loose_alike(a, b):
        # not anchored, and not two weekdays (or days of a month) of undated articles: only the
        # same words can be compared; an undated "Friday" does not make "February 6" one fact
        return a.date is None and b.date is None and a.text.lower() == b.text.lower() and similarity >= SIMILARITY
    return (bool(shared) and similarity >= SIMILARITY - 5) or similarity >= SIMILARITY + 15


def only_ones_alike(
    a: Claim, b: Claim, *, common: frozenset[str] = frozenset(), tol: Tolerances = DEFAULT_TOLERANCES
) -> bool:
    """Whether two sums, each the only one in its currency in its source (the one sum in yuan), state
    one fact: of two sources about one story, in a currency other than the dollar (a story in
    dollars names a fund, a cost and a reward, one each), at one time, in like words or about the
    same names, unless their frames tell them apart (what happened, what is paid for, a plan against
    a payment, a part). Spans of time, ages, distances and counts tie no such way: tried on the 76
    clusters, each source's only "age" or "days" was another's."""
    if a.source == b.source or not a.subject_class == b.subject_class == "money" or events_clash(a, b):
        return False  # spans of time, ages, distances, counts: a story has many, each source names its own
    if a.unit == "dollar" or a.unit != b.unit or a.date != b.date:
        return False
    if a.modality != b.modality and "stated" in (a.modality, b.modality):
        return False  # a sum to be paid is not one paid
    if (a.subject and b.subject and a.subject != b.subject) or is_partial(a) or is_partial(b):
        return False  # bail is not a fine; "another 5,000 euros" is a part
    ca, cb = central(a), central(b)
    if ca and cb and max(ca, cb) / min(ca, cb) > tol.magnitude:
        return False
    shared = (entities(a.sentence) & entities(b.sentence)) - common
    return bool(shared) or context_similarity(a, b) >= tol.similarity - 15


@cache
def _any_persons() -> frozenset[str]:
    """lexicon.json generic_persons: "fired 10 people" counts the "ten workers" another outlet names."""
    return frozenset(load_data("lexicon.json")["generic_persons"])


def same_counted(a: Claim, b: Claim) -> bool:
    """One thing counted: the same noun, or people of any kind and persons of one kind, when both
    name one event (a verb read on both sides)."""
    if a.subject == b.subject:
        return True
    if not (a.event and a.event == b.event):
        return False
    generic = {a.subject, b.subject} & _any_persons()
    other = b if a.subject in _any_persons() else a
    return bool(generic) and hierarchy().is_a(other.subject_class, "persons")


def same_person(a: Claim, b: Claim) -> bool:
    """Ages of one named person: one name ends the other ("robert durst", "durst"), so two Hunts named
    in full ("austin seth hunt", "jordan emmanuel hunt") stay two people."""
    if not (_owner(a) and _owner(a) == _owner(b)):
        return False
    na, nb = (a.subject or "").removeprefix("age of ").split(), (b.subject or "").removeprefix("age of ").split()
    short, long = sorted((na, nb), key=len)
    return long[len(long) - len(short) :] == short


def _owner(c: Claim) -> str | None:
    """Whose age an age claim gives, by surname ("age of robert durst" -> "durst")."""
    subject = c.subject or ""
    return subject.split()[-1] if subject.startswith("age of ") else None


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


@cache
def _saying() -> frozenset[str]:
    """lexicon.json saying_events: events that date the saying, not what was said."""
    return frozenset(load_data("lexicon.json")["saying_events"])


def _dates_other_events(a: Claim, b: Claim) -> bool:
    """Two dates of events told apart: two lexicon events, or a saying and something else."""
    if not (a.event and b.event) or a.event == b.event:
        return False
    return events_clash(a, b) or bool({a.event, b.event} & _saying())


def context_similarity(a: Claim, b: Claim) -> float:
    """How alike the words around two claims are (0-100). rapidfuzz's token_set_ratio scores a
    context contained in the other at 100, so "people injured" would match any sentence about
    injured people: with fewer than three words on a side, the whole contexts are compared."""
    if min(a.context.count(" "), b.context.count(" ")) < 2:
        return fuzz.token_sort_ratio(a.context, b.context)
    return fuzz.token_set_ratio(a.context, b.context)


@cache
def _generic_names() -> frozenset[str]:
    return frozenset(load_data("frames.json").get("generic_names", []))


def _actor_keys(c: Claim) -> frozenset[str]:
    """The words of the actors' names in the form entities() uses ("al-Maliki" and "Maliki" alike),
    without nationalities ("Israeli", "Palestinians": they say who is counted, not who acts) and
    without words that name a kind of body ("County", "Office"): two claims name the same actors
    when these share a word ("Robeson County Sheriff's Office" and "Robeson County")."""
    return _name_keys(c.actors)


@lru_cache(maxsize=65536)
def _name_keys(actors: tuple[str, ...]) -> frozenset[str]:
    generic = _generic_names()
    keys = set()
    for name in actors:
        if " " not in name and _DEMONYM.fullmatch(name.removesuffix("'s")):
            continue
        for word in name.split():
            word = word.split("-")[-1].removesuffix("'s").rstrip(".")
            if len(word) > 2 and word.lower() not in generic and word not in _not_entities():
                keys.add(word.lower()[:5])
    return frozenset(keys)


def _only_inner_names_shared(a: tuple[str, ...], b: tuple[str, ...], shared: frozenset[str]) -> bool:
    """Whether the words two claims' actors share are all first or middle names of people named in
    full, never a surname: "Austin" of Austin Seth Hunt and of John Austin Huggins."""
    if not shared:
        return False
    inner: set[str] = set()
    last: set[str] = set()
    for name in (*a, *b):
        for _, surname in _people((name,)):
            words = [w for w in name.split() if w.rstrip(".") not in name_suffixes()]
            inner |= _name_keys(tuple(words[:-1]))
            last |= _name_keys((surname,))
    return shared <= inner and not shared & last


@lru_cache(maxsize=65536)
def _people(actors: tuple[str, ...]) -> frozenset[tuple[str, str]]:
    """(first name, surname) of the actors named as people in full ("Willie Fuentes Strickland")."""
    places = _place_names()
    out = set()
    for name in actors:
        words = [w for w in name.split() if w.rstrip(".") not in name_suffixes()]  # "Kenny Caulder Jr."
        generic = any(w.lower() in _generic_names() for w in words)  # "Fairmont Police Department"
        if (
            2 <= len(words) <= 4
            and not generic
            and all(w[:1].isupper() and w.isalpha() and w[1:].islower() for w in words)
        ):
            if words[-1].lower() not in places:
                out.add((words[0], words[-1]))
    return frozenset(out)


@cache
def _place_names() -> frozenset[str]:
    return frozenset(load_data("frames.json").get("place_names", []))


def _place_key(c: Claim) -> str | None:
    return c.place.split()[-1].removesuffix("'s").lower()[:5] if c.place else None


_PARTIAL = re.compile(r"\s*(?:other|more|additional|further|new)\b", re.IGNORECASE)


def is_partial(c: Claim) -> bool:
    """'three other charges', 'another 48': a count of a part, not of the whole ("117 percent
    more heart attacks" is a share of more, not a part)."""
    at = c.end - c.sentence_start
    before = c.sentence[max(0, c.start - c.sentence_start - 10) : c.start - c.sentence_start].lower()
    after = c.unit is None and bool(_PARTIAL.match(c.sentence, at))
    return after or series_part(c) is not None or before.endswith(("another ", "other "))


def series_part(c: Claim) -> str | None:
    """Which part of a series a count is ("the first 10 of the 13 episodes", "the next nine", "the
    final three": first, next, final; lexicon.json series_words), or None."""
    if c.unit is not None:
        return None
    before = c.sentence[max(0, c.start - c.sentence_start - 10) : c.start - c.sentence_start].lower().split()
    return before[-1] if before and before[-1] in _series_words() else None


@cache
def _series_words() -> frozenset[str]:
    return frozenset(load_data("lexicon.json")["series_words"])


_BARE_YEAR = re.compile(r"(?:in |since |by )?(?:19|20)\d\d")


def _frames_differ(a: Claim, b: Claim, common: frozenset[str]) -> bool:
    """Frames that rule out one fact whatever the values: different actors named on both sides
    (Smith & Nephew's vote is not BP's), a plan against a count, incompatible subject classes, a
    bare year (the year of the deaths is not the year of the acquittal)."""
    if a.type == "quantity" and same_person(a, b):
        return False  # one person's age: whoever else the sentences name, whatever tense they use
    ka, kb = _actor_keys(a) - common, _actor_keys(b) - common
    if ka and kb and not ka & kb:
        return True
    pa, pb = _people(a.actors), _people(b.actors)
    if pa and pb and not pa & pb and {last for _, last in pa} & {last for _, last in pb}:
        return True  # Willie Fuentes Strickland is not William Kendall Strickland, though both are Stricklands
    if pa and pb and not pa & pb and _only_inner_names_shared(a.actors, b.actors, ka & kb):
        return True  # Austin Seth Hunt is not John Austin Huggins: a shared middle name ties no one
    # a plan is not a count ("10 drones in the coming weeks" are not the 10 delivered); a sum "to
    # be paid" and one "paid" may well be the one sum of a settlement
    if a.modality != b.modality and "stated" in (a.modality, b.modality) and (a.type == "date" or a.unit is None):
        return True
    if a.type == "quantity" and not hierarchy().compatible(a.subject_class, b.subject_class):
        return True
    if a.type == "quantity" and (is_partial(a) or is_partial(b)):
        return True
    places = [_place_key(c) for c in (a, b)]
    places = [p if p not in common else None for p in places]  # the story's own setting tells nothing
    if a.type == "quantity" and a.unit is None and (places[0] is None) != (places[1] is None):
        # "15 killed in Jabalia" and "116 killed": the one with a place and the smaller figure is a part
        # (of a count only: "$20,000 ... according to papers filed in Manhattan Surrogate's Court" is
        # where a sum was read, not a share of a larger one)
        placed, other = (a, b) if places[0] else (b, a)
        cp, co = central(placed), central(other)
        if cp and co and co >= 2 * cp:
            return True
    if a.type == "quantity" and places[0] and places[1] and places[0] != places[1]:
        return True
    # a bare year never ties by itself: "in 2012" of one announcement is not "today" of another
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
    to call a difference a conflict (see ``cluster``)."""
    if a.source == b.source or a.type != b.type:
        return False
    if a.type == "quantity" and events_clash(a, b):
        return False  # approved is not rejected, whatever the figures
    if _owner(a) and _owner(b) and not same_person(a, b):
        return False  # Ashley Marie Oxendine, 18, and Kenny Caulder Jr., 18, are two people of one age
    SIMILARITY = tol.similarity  # noqa: N806
    similarity = fuzz.token_set_ratio(a.context, b.context)
    shared = (entities(a.sentence) & entities(b.sentence)) - common
    if value_key(a) == value_key(b) and value_key(a) in rare:
        # the same uncommon value in two sources, in a story about one event
        if a.type == "quantity" and a.unit is None and a.event and b.event and a.event != b.event:
            return False
        if a.type == "date" and _dates_other_events(a, b):
            return False  # "Hall said Monday" is no day of "appeared in court Monday"
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
    if not same_counted(a, b) and not age and (a.unit is None or (a.subject and b.subject)):
        return False
    if a.unit is None and (a.date != b.date or events_clash(a, b)):
        return False  # counts: wounded is not killed, Sunday's toll is not this week's
    return similarity >= SIMILARITY - 10 or (bool(shared) and similarity >= SIMILARITY - 15)
