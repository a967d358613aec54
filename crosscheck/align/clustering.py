"""Alignment, step 3: value classes into facts, the most alike pairs first, one value per source."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rapidfuzz import fuzz

from ..model import Claim
from ..settings import DEFAULT_TOLERANCES, Tolerances
from ..values import compatible, loose, value_range
from .blocking import CAP_NOTE, candidate_pairs, value_classes
from .scoring import _actor_keys, _people, alike, entities, only_ones_alike, same_fact, same_person, value_key

#: two groups that disagree somewhere are merged only after checking every pair of their value
#: classes, up to this many; past it they stay apart and the report says so (CAP_NOTE), never
#: silently. Claims that say one thing in one frame are one class (``value_classes``), so the cap counts
#: distinct figures, not sources: 21 sources against 21, or a thousand copies, is one pair.
MAX_CHECKED_PAIRS = 2_000


def cluster(
    block: list[Claim],
    common: frozenset[str],
    rare: frozenset[tuple] = frozenset(),
    tol: Tolerances = DEFAULT_TOLERANCES,
    notes: list[str] | None = None,
) -> list[list[Claim]]:
    """Greedy clustering of value classes, the most alike pairs first.

    Two claims that disagree may share a group only when they are directly the same fact
    (``same_fact``): a conflict is never the product of a chain of looser ties, and one source
    never states two different values of one fact, except where it restates that fact with another
    value in another sentence about the same people, or gives one named person two ages ("Lizandra
    Cosme, 32," and later "Cosme, 97,"): that source contradicts itself, and the report says so.
    """

    def tie(a: Claim, b: Claim) -> bool:
        return same_fact(a, b, common=common, tol=tol) or (
            compatible(a, b, tol=tol) and alike(a, b, common=common, rare=rare, tol=tol)
        )

    def restated(p: Claim, q: Claim) -> bool:
        """Whether one source states one fact twice: directly the same fact, in sentences about
        the same people (a list of defendants, each with "five counts of conspiracy", is many),
        and not in one sentence ("1 count of setting fire ... five counts of setting fire" are
        parts of one charge sheet, not a figure and its correction)."""
        if p.sentence_start == q.sentence_start:
            return False
        names_p, names_q = entities(p.sentence) - common, entities(q.sentence) - common
        if len(names_p & names_q) * 2 < len(names_p | names_q):
            return False
        return same_fact(p, q, common=common, tol=tol, within=True)

    def refused(x: int, y: int) -> bool:
        """Whether two classes of one group would disagree without being directly one fact."""
        a, b = classes[x].rep, classes[y].rep
        if compatible(a, b, tol=tol):
            return False
        if any(c.id in listed for c in (*classes[x].claims, *classes[y].claims)):
            return True  # a part disagrees with a whole without contradicting it
        shared = classes[x].sources & classes[y].sources
        if shared:
            # a source that states two values of what is directly one fact contradicts itself
            # ("$20,000 to Maria Santos" in one paragraph, "$60,001" in the next)
            own = [(p, q) for p in classes[x].claims for q in classes[y].claims if p.source == q.source]
            return not all(same_person(p, q) or restated(p, q) for p, q in own)
        return (min(x, y), max(x, y)) not in strict

    def _other_events(xs: list[int], ys: list[int]) -> bool:
        """Whether two groups of dates hold two sources' claims of different events not directly
        tied: a date is a fact only with its event, and a chain of one-sided ties ("Sunday" of an
        arrest, of no event read, of a bus boarded) joins none."""
        if len(xs) * len(ys) > MAX_CHECKED_PAIRS:
            if notes is not None:  # left apart unchecked: said, never merged silently
                notes.append(f"{CAP_NOTE}: two groups of {len(xs)} and {len(ys)} dates were left apart unchecked")
            return True
        reps = [(classes[x].rep, classes[y].rep) for x in xs for y in ys]
        return any(
            p.event and q.event and p.event != q.event and p.source != q.source and not tie(p, q) for p, q in reps
        )

    listed = _listed(block)
    alone = _alone(block)
    classes = value_classes(block, tie)
    dated = bool(block) and block[0].type == "date"
    strict: set[tuple[int, int]] = set()
    pairs = []
    for i, j in candidate_pairs(classes, rare, notes):
        a, b = classes[i].pair(classes[j]) or (classes[i].rep, classes[j].rep)
        same = same_fact(a, b, common=common, tol=tol) or (
            a.id in alone and b.id in alone and only_ones_alike(a, b, common=common, tol=tol)
        )
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
    # the values every member allows (intervals on a line: pairwise overlap = a common overlap);
    # a weekday its source could not anchor is on no line: a group holding one checks each pair
    common_range: dict[int, tuple[float, float] | None] = {
        i: None if loose(k.rep) else value_range(k.rep, tol) for i, k in enumerate(classes)
    }
    # each group's claims by source: one source's two claims about different named people (the
    # "two counts of arson" of each of ten defendants) are two facts, never one group
    by_source: dict[int, dict[str, list[Claim]]] = {}
    for i, k in enumerate(classes):
        by_source[i] = {}
        for c in k.claims:
            by_source[i].setdefault(c.source, []).append(c)
    for _, i, j in pairs:
        ri, rj = root[i], root[j]
        if ri == rj:
            continue
        if _other_people(by_source[ri], by_source[rj], common):
            continue
        if dated and _other_events(members[ri], members[rj]):
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
            clash = any(refused(x, y) for x in members[ri] for y in members[rj])
            if clash:
                continue
            overlap = overlap if overlap and overlap[0] <= overlap[1] else None
        for x in members[rj]:
            root[x] = ri
        members[ri].extend(members.pop(rj))
        for src, claims in by_source.pop(rj).items():
            by_source[ri].setdefault(src, []).extend(claims)
        common_range[ri] = overlap
        del common_range[rj]
    groups = [sorted((c for i in m for c in classes[i].claims), key=block_order(block)) for m in members.values()]
    return groups


def _other_people(a: dict[str, list[Claim]], b: dict[str, list[Claim]], common: frozenset[str]) -> bool:
    """Whether one source has a claim in each group about different named actors."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    for src, claims in small.items():
        others = large.get(src)
        if not others:
            continue
        for p in claims:
            kp, pp = _actor_keys(p) - common, _people(p.actors)
            if not kp:
                continue
            for q in others:
                if p.sentence_start == q.sentence_start or value_key(p) != value_key(q):
                    continue
                kq, pq = _actor_keys(q) - common, _people(q.actors)
                if (kq and not kp & kq) or (pp and pq and not pp & pq):
                    return True
    return False


def _alone(block: Sequence[Claim]) -> set[str]:
    """Measures that are the only figure of their unit in their source (the one sum in yuan): a value
    said once, however often repeated."""
    if not block or block[0].type != "quantity" or block[0].unit is None:
        return set()
    values: dict[str, set[tuple]] = {}
    for c in block:
        values.setdefault(c.source, set()).add(value_key(c))
    return {c.id for c in block if len(values[c.source]) == 1}


def _listed(block: Sequence[Claim]) -> set[str]:
    """Claims one sentence lists with another value of the same thing: "1 count of setting fire
    ..., five counts of setting fire" are parts (of six), never a figure to contradict."""
    by_sentence: dict[tuple, list[Claim]] = {}
    for c in block:
        if c.subject is not None:
            by_sentence.setdefault((c.source, c.sentence_start, c.subject, c.unit), []).append(c)
    return {c.id for same in by_sentence.values() if len({(c.value, c.low, c.high) for c in same}) > 1 for c in same}


def block_order(block: Sequence[Claim]) -> Callable[[Claim], int]:
    """Claims in the order of the block (the corpus's order)."""
    at = {id(c): n for n, c in enumerate(block)}
    return lambda c: at[id(c)]
