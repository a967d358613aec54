"""Alignment, clustering: value classes into facts, one value per source per fact."""

from __future__ import annotations

from dataclasses import replace

import crosscheck
from crosscheck.align import align


def test_align_groups_cover_every_claim_once(seed_extracted):
    groups = align(seed_extracted.claims)
    flat = [c.id for g in groups for c in g]
    assert sorted(flat) == sorted(c.id for c in seed_extracted.claims)
    for g in groups:
        assert len({c.type for c in g}) == 1


def test_a_source_never_states_two_values_of_one_fact(make_source):
    """Two outlets agree on 34; one of them also says 40 of the same toll: 40 never joins the 34s."""
    a = make_source("Officials said 34 people were killed in Fallujah on Sunday.", source_id="a")
    b = make_source(
        "Officials said 34 people were killed in Fallujah on Sunday. Officials said 40 people were killed "
        "in Fallujah on Sunday.",
        source_id="b",
    )
    corpus = crosscheck.extract([a, b])
    groups = align(corpus.claims)
    for group in groups:
        per_source: dict[str, set] = {}
        for c in group:
            per_source.setdefault(c.source, set()).add(c.value)
        assert all(len(v) == 1 for v in per_source.values()), [c.text for c in group]
    assert any(sorted((c.source, c.value) for c in g) == [("a", 34), ("b", 34)] for g in groups)


def test_copies_of_one_article_cluster_as_the_article_does(seed_extracted):
    """The seed articles and an exact copy of each (another source id): each counted claim's copy
    lands in the claim's own group."""
    copies = [replace(c, id=c.id + "-copy", source=c.source + "-copy") for c in seed_extracted.claims]
    groups = align([*seed_extracted.claims, *copies])
    where = {c.id: n for n, g in enumerate(groups) for c in g}
    counted = [c for c in seed_extracted.claims if c.type == "quantity" and (c.subject or c.unit)]
    assert counted and all(where[c.id] == where[c.id + "-copy"] for c in counted)
    # a figure that says neither what it counts nor a unit ("hundreds" fled) is never aligned
    bare = [c for c in seed_extracted.claims if c.type == "quantity" and not (c.subject or c.unit)]
    assert all(where[c.id] != where[c.id + "-copy"] for c in bare)
