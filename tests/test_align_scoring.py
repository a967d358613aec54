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


def test_actors_tie_through_any_word_of_their_names(make_source):
    """'the Robeson County Sheriff's Office' and 'Robeson County' name one actor; 'County' alone names none."""
    from crosscheck import Corpus, extract
    from crosscheck.align.scoring import _actor_keys

    a = make_source(
        "Ten volunteer firefighters were arrested, the Robeson County Sheriff's Office said.", source_id="a"
    )
    b = make_source("Police in Robeson County arrested 10 volunteer firefighters on Tuesday.", source_id="b")
    corpus = extract(Corpus(id="r", sources=(a, b)))
    ten, ten_b = (next(c for c in corpus.claims if c.source == s and c.type == "quantity") for s in "ab")
    assert _actor_keys(ten) & _actor_keys(ten_b) == {"robes"}
    assert "count" not in _actor_keys(ten) | _actor_keys(ten_b)


def test_a_date_is_not_made_a_plan_by_what_follows_it(make_source):
    from crosscheck import Corpus, extract

    s = make_source("Vanderbilt University announced Thursday that it will pay to remove the inscription.")
    (day,) = [c for c in extract(Corpus(id="v", sources=(s,))).claims if c.type == "date"]
    assert day.text == "Thursday" and day.modality == "stated"
    s = make_source("She was scheduled to return to court on December 29.")
    (day,) = [c for c in extract(Corpus(id="v", sources=(s,))).claims if c.type == "date"]
    assert day.modality == "planned"


def test_ages_of_one_person_named_in_full_and_by_surname_are_one_fact(make_source):
    from crosscheck import Corpus, extract

    a = make_source("Robert Durst, 72, was sentenced to 85 months in prison on Wednesday.", source_id="a")
    b = make_source("A judge sentenced Durst, 73, to 85 months on Wednesday in New Orleans.", source_id="b")
    corpus = extract(Corpus(id="d", sources=(a, b)))
    ages = [c for c in corpus.claims if (c.subject or "").startswith("age of")]
    assert sorted(c.subject for c in ages) == ["age of durst", "age of robert durst"]
    assert same_fact(*ages)


def test_one_persons_age_is_one_fact_whatever_else_the_sentences_say(make_source):
    """Ages of one named person tie across outlets even when their sentences name other actors or
    one is read as a plan ("will be sentenced ... Cosby, 81,"), and two people are never one."""
    import crosscheck

    a = make_source("Bill Cosby, 81, will be sentenced by the Montgomery County court.", source_id="a")
    b = make_source("Prosecutors at the SCI Phoenix hearing said Bill Cosby, 84, was led away.", source_id="b")
    c = make_source("Ashley Cosby, 35, his niece, spoke to reporters.", source_id="c")
    (x,), (y,), (z,) = (crosscheck.extract([s]).claims for s in (a, b, c))
    assert same_fact(x, y)
    assert not same_fact(x, z)


def test_an_unnamed_age_far_off_is_one_fact_only_in_like_words(make_source):
    """multinews-more lb001: "who died last month aged 94" and "who died in December at the age of
    74", of Kalashnikov both: one age misreported. Two ages 20 years apart in other words are most
    likely two people."""
    import crosscheck

    a = make_source(
        "Mikhail Kalashnikov, who died last month aged 94, wrote a long emotional letter to Patriarch Kirill.",
        source_id="a",
        published=None,  # as in lb001: neither article is dated
    )
    b = make_source(
        "Kalashnikov, who died in December at the age of 74, in April wrote a lengthy emotional letter to "
        "Russian Orthodox Church Patriarch Kirill, Izvestia reported.",
        source_id="b",
        published=None,
    )
    c = make_source("A 74-year-old veteran who carried the rifle in Afghanistan praised it.", source_id="c")
    (x,), (y,), (z,) = ([k for k in crosscheck.extract([s]).claims if k.subject_class == "age"] for s in (a, b, c))
    assert same_fact(x, y)
    assert not same_fact(x, z)
    # a place is no person: the father who died last year aged 92 is not the actor who died last week
    father = make_source("The actor's father, who died in Los Angeles last year aged 92, was a painter.", source_id="d")
    actor = make_source("The actor, who died in Los Angeles last week aged 61, was a painter.", source_id="e")
    (p,), (q,) = ([k for k in crosscheck.extract([s]).claims if k.subject_class == "age"] for s in (father, actor))
    assert not same_fact(p, q)


def test_one_rate_in_one_unit_is_one_fact(make_source):
    """lb014: "$150 per game" in the suit and in another outlet's summary of it, in other words:
    one rate, so a different figure there is a conflict; a rate per shoot is another fact."""
    import crosscheck

    a = make_source("The suit claimed the cheerleaders were paid $150 per game.", source_id="a")
    b = make_source("Krystal C said she earned $451 per game for home games she cheered.", source_id="b")
    c = make_source("Cheerleaders featured in photo shoots get up to $400 per shoot.", source_id="c")
    (x,), (y,), (z,) = (crosscheck.extract([s]).claims for s in (a, b, c))
    assert same_fact(x, y)
    assert not same_fact(x, z)


def test_one_act_with_one_measure_is_one_fact(make_source):
    """multinews-more lb048: "fell 30ft (9m) down a vertical cliff" and "had fallen 20-30 feet down a
    vertical cliff", one fall; a sum merely paid ties no such way (a story pays many)."""
    import crosscheck

    def measure(text, source_id):
        return next(c for c in crosscheck.extract([make_source(text, source_id=source_id)]).claims if c.unit)

    a = measure(
        "Instead, using Mr Wilson's smartphone to guide them, they headed across the mountain's west face but "
        "Mrs Wilson fell 30ft down a vertical cliff.",
        "a",
    )
    b = measure(
        "Detective Constable Tim Bird, the leader of the rescue team, told the inquest that Mrs Wilson, had "
        "apparently fallen 20-30 feet down a vertical cliff, then tumbled.",
        "b",
    )
    assert (a.event, b.event) == ("fell", "fell") and same_fact(a, b)
    paid = measure("Simpson was ordered to pay $33.5 million to the families of the victims.", "c")
    other = measure("Simpson paid $25 million in a settlement with his former agent.", "d")
    assert paid.event == other.event == "paid" and not same_fact(paid, other)


def test_a_share_of_more_is_no_part(make_source):
    """lb084: "117 percent more heart attacks" is a share, not "117 more" of something."""
    import crosscheck
    from crosscheck.align.scoring import is_partial

    (share,) = crosscheck.extract([make_source("They had 117 percent more heart attacks.")]).claims
    (more,) = crosscheck.extract([make_source("Officials said 48 more drones will follow.")]).claims
    assert not is_partial(share) and is_partial(more)


def test_a_court_named_beside_a_sum_makes_it_no_part(make_source):
    """Multi-News lb118: the $20,000 'according to papers filed ... in Manhattan Surrogate's Court'
    is the $20,000 Maria Santos received; only a count with a place is a part of a larger toll."""
    from crosscheck import Corpus, extract
    from crosscheck.align.scoring import _frames_differ

    a = make_source(
        "Ilsa Hernandez was left $15,000 and Maria Santos was given $20,000, according to papers filed "
        "Friday in Manhattan Surrogate's Court.",
        source_id="a",
    )
    b = make_source(
        "Household staffer Maria Santos received $60,000 while another employee got $15,000.", source_id="b"
    )
    corpus = extract(Corpus(id="w", sources=(a, b)))
    given = next(c for c in corpus.claims if c.source == "a" and c.text == "$20,000")
    received = next(c for c in corpus.claims if c.source == "b" and c.text == "$60,000")
    assert given.place is not None
    assert not _frames_differ(given, received, frozenset())
    c = make_source("Fifteen people were killed in Jabalia on Sunday.", source_id="c")
    d = make_source("In all, 116 people were killed on Sunday.", source_id="d")
    tolls = extract(Corpus(id="g", sources=(c, d))).claims
    part, whole = (next(x for x in tolls if x.source == s and x.type == "quantity") for s in "cd")
    assert _frames_differ(part, whole, frozenset())


def test_people_named_in_full_are_told_apart_from_places():
    """lb161's two Stricklands are two people; lb033's Logan Square and Palmer Square are places."""
    from crosscheck.align.scoring import _people

    assert _people(("Willie Fuentes Strickland", "Fairmont")) == {("Willie", "Strickland")}
    assert _people(("Logan Square", "Palmer Square", "Northwest Side", "NC")) == frozenset()
