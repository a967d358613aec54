"""Stage 3: line up claims of different sources that assert the same fact.

The steps, one module each: ``blocking`` (which claims could be one fact: blocks, buckets and
value classes), ``scoring`` (whether two claims are: their frames, then their words) and
``clustering`` (value classes into facts, one value per source per fact).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence

from ..model import Claim
from ..settings import DEFAULT_TOLERANCES, Tolerances
from ..values import base_unit
from .blocking import CAP_NOTE, MAX_BUCKET, block_key, candidate_pairs, signature
from .clustering import MAX_CHECKED_PAIRS, cluster
from .scoring import alike, common_entities, context_similarity, entities, events_clash, rare_values, same_fact

__all__ = [
    "CAP_NOTE",
    "MAX_BUCKET",
    "MAX_CHECKED_PAIRS",
    "align",
    "alike",
    "base_unit",
    "candidate_pairs",
    "common_entities",
    "context_similarity",
    "entities",
    "events_clash",
    "same_fact",
    "signature",
]


def align(
    claims: Sequence[Claim],
    *,
    tol: Tolerances = DEFAULT_TOLERANCES,
    notes: list[str] | None = None,
    copies: Mapping[str, str] | None = None,
) -> list[list[Claim]]:
    """Groups of claims, each one fact; a group of one is a claim no other source makes. Where a
    work limit is hit, ``notes`` gets a line saying so.

    ``copies`` maps a wire copy to the source it repeats: a copy's claim that says what the
    original's says in the same frame rides with it, so copies change no grouping and cost nothing.
    """
    riders: dict[str, list[Claim]] = defaultdict(list)
    if copies:
        first: dict[tuple, Claim] = {}
        kept: list[Claim] = []
        for c in sorted(claims, key=lambda c: c.source in copies):  # originals first
            key = (copies.get(c.source, c.source), signature(c))
            if key in first:
                riders[first[key].id].append(c)
            else:
                first[key] = c
                kept.append(c)
        claims = kept
    common = common_entities(claims)
    rare = rare_values(claims)
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    singles: list[list[Claim]] = []
    for c in claims:
        if c.type == "quantity" and c.subject is None and c.subject_class is None and c.unit is None:
            singles.append([c])
        else:
            blocks[block_key(c)].append(c)
    groups: list[list[Claim]] = []
    for block in blocks.values():
        groups.extend(cluster(block, common, rare, tol, notes))
    groups.extend(singles)
    if riders:
        groups = [[x for c in g for x in (c, *riders.get(c.id, ()))] for g in groups]
    groups.sort(key=lambda g: (g[0].source, g[0].start))
    return groups
