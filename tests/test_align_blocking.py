"""Alignment, blocking: which claims could state one fact, and value classes of repeated claims."""

from __future__ import annotations

from dataclasses import replace

from conftest import CSM, FRANCE24

from crosscheck.align.blocking import block_key, candidate_pairs, signature, value_classes


def test_blocks_keep_counts_measures_and_dates_apart(seed_extracted):
    kinds = {block_key(c) for c in seed_extracted.claims}
    assert ("date",) in kinds and ("count",) in kinds
    assert any(k[0] == "measure" for k in kinds)


def test_repeated_claims_are_one_value_class(seed_extracted):
    """A claim repeated by 200 sources is one class; a tie between two of its sources ties all."""
    toll = next(c for c in seed_extracted.claims if c.source == FRANCE24 and c.text == "more than 34")
    copies = [replace(toll, id=f"{toll.id}-{i}", source=f"copy-{i}") for i in range(200)]
    assert len({signature(c) for c in copies}) == 1
    classes = value_classes(copies, lambda a, b: True)
    assert len(classes) == 1 and len(classes[0].sources) == 200
    # without a tie each claim stays its own class
    assert len(value_classes(copies, lambda a, b: False)) == 200


def test_candidate_pairs_are_classes_of_different_sources(seed_extracted):
    toll = next(c for c in seed_extracted.claims if c.source == CSM and c.text == "at least 34")
    same_source = [toll, replace(toll, id=toll.id + "-again", start=toll.start + 1)]
    classes = value_classes(same_source, lambda a, b: True)
    assert candidate_pairs(classes) == []  # one source's claims are never compared with each other
