"""Alignment, scoring: whether two claims of different sources state one fact, on the seed articles."""

from __future__ import annotations

from conftest import CSM, DW, FRANCE24

from crosscheck.align.scoring import common_entities, entities, same_fact


def claim(corpus, source_id, text):
    (c,) = [c for c in corpus.claims if c.source == source_id and c.text == text]
    return c


def test_same_fact(seed_extracted):
    s = seed_extracted
    assert same_fact(claim(s, FRANCE24, "more than 34"), claim(s, CSM, "at least 34"))
    assert same_fact(claim(s, FRANCE24, "at least 25"), claim(s, DW, "25"))
    # the same source never states one fact twice; different times are different facts
    assert not same_fact(claim(s, FRANCE24, "more than 34"), claim(s, FRANCE24, "more than 160"))
    assert not same_fact(claim(s, CSM, "at least 34"), claim(s, FRANCE24, "more than 160"))
    # soldiers are not civilians, and a count is not a date
    assert not same_fact(claim(s, FRANCE24, "22"), claim(s, DW, "25"))
    assert not same_fact(claim(s, FRANCE24, "more than 34"), claim(s, DW, "Monday"))


def test_common_entities_and_entities(seed_extracted):
    common = common_entities(seed_extracted.claims)
    assert "falluj" in common or "anbar" in common  # the place every outlet names ties nothing together
    names = entities(
        "The deputy chief of staff of Iran's army, General Mohammad Hejazi, was quoted by Iranian "
        'media on January 6 as saying that Iran can offer "military equipment and advisers" should '
        "Baghdad ask for them."
    )
    assert {"iran", "hejaz", "baghd"} <= names
    assert "janua" not in names
