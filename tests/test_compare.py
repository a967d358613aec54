"""Alignment and verdicts on the seed corpus: what the outlets agree on and where they conflict."""

from __future__ import annotations

from datetime import date

import pytest
from conftest import CSM, DW, FRANCE24, MONDAY, RFERL_MALIKI, RFERL_US

import crosscheck
from crosscheck import Verdict
from crosscheck.compare import judge


def texts(corpus, finding) -> list[tuple[str, str]]:
    return sorted((corpus.claim(cid).source, corpus.claim(cid).text) for cid in finding.claims)


def finding_with(corpus, source_id, text):
    """The finding that holds the claim `text` of `source_id`."""
    (claim,) = [c for c in corpus.claims if c.source == source_id and c.text == text]
    (finding,) = [f for f in corpus.findings if claim.id in f.claims]
    return finding


# --------------------------------------------------------------------------- verdicts on the seed corpus


def test_conflicts_are_irans_offer_and_the_residents_fleeing(seed_compared):
    conflicts = [f for f in seed_compared.findings if f.verdict is Verdict.CONFLICT]
    assert sorted(f.topic for f in conflicts) == ["date help was offered", "residents fled"]

    offer = next(f for f in conflicts if f.type == "date")
    said = texts(seed_compared, offer)
    assert (RFERL_MALIKI, "January 6") in said  # "was quoted by Iranian media on January 6"
    assert (DW, "Sunday") in said  # "was reported as saying in Tehran on Sunday"
    assert offer.low == "2014-01-05" and offer.high == "2014-01-06"

    fleeing = next(f for f in conflicts if f.type == "quantity")
    said = texts(seed_compared, fleeing)
    assert (RFERL_MALIKI, "thousands") in said and (RFERL_US, "hundreds") in said
    assert {seed_compared.claim(cid).subject for cid in fleeing.claims} == {"residents"}


def test_people_killed_on_sunday_agree(seed_compared):
    f = finding_with(seed_compared, FRANCE24, "more than 34")
    assert f.verdict is Verdict.AGREE
    assert f.topic == "people killed on Sunday 5 January 2014"
    assert (CSM, "at least 34") in texts(seed_compared, f)
    assert {FRANCE24, CSM} <= set(f.sources)


def test_sundays_toll_holds_only_sundays_killings(seed_compared):
    """More than 34 and at least 34: 35 or more. Not the 58 wounded, not 'scores' killed 'in recent days'."""
    f = finding_with(seed_compared, FRANCE24, "more than 34")
    claims = [seed_compared.claim(cid) for cid in f.claims]
    assert [(c.event, c.date) for c in claims] == [("killed", "2014-01-05")] * len(claims)
    assert texts(seed_compared, f) == [(FRANCE24, "more than 34"), (CSM, "at least 34")]
    assert (f.low, f.best, f.high) == (35, 35, None)
    assert f.outlets == 2


def test_militants_killed_on_sunday_agree(seed_compared):
    f = finding_with(seed_compared, DW, "25")
    assert f.verdict is Verdict.AGREE
    assert f.topic == "militants killed on Sunday 5 January 2014"
    assert texts(seed_compared, f) == [(FRANCE24, "at least 25"), (DW, "25")]
    assert f.best == 25


def test_date_of_the_statement_agrees(seed_compared):
    f = finding_with(seed_compared, DW, "Monday")
    assert f.verdict is Verdict.AGREE
    assert f.type == "date" and f.topic == "date of the statement"
    assert f.best == f.low == f.high == "2014-01-06"
    said = texts(seed_compared, f)
    assert (RFERL_MALIKI, "January 6") in said and (DW, "Monday") in said
    assert any(source == CSM and text == "today" for source, text in said)


def test_start_of_the_fighting_agrees(seed_compared):
    f = finding_with(seed_compared, RFERL_MALIKI, "December 30")
    assert f.verdict is Verdict.AGREE
    assert f.low == f.best == f.high == "2013-12-30"
    said = texts(seed_compared, f)
    assert (RFERL_MALIKI, "December 30") in said and (RFERL_US, "December 30") in said


def test_sundays_toll_never_mixes_with_friday_and_saturday(seed_compared):
    friday = finding_with(seed_compared, FRANCE24, "more than 160")
    said = texts(seed_compared, friday)
    assert (FRANCE24, "more than 34") not in said and (CSM, "at least 34") not in said
    assert friday.verdict is not Verdict.CONFLICT
    for f in seed_compared.findings:
        dates = {seed_compared.claim(cid).date for cid in f.claims if seed_compared.claim(cid).type == "quantity"}
        assert not ({"2014-01-05", "2014-01-03/2014-01-04"} <= dates), f.topic


def test_findings_are_well_formed(seed_compared):
    claim_ids = {c.id for c in seed_compared.claims}
    seen: set[str] = set()
    for f in seed_compared.findings:
        assert isinstance(f.verdict, Verdict)
        assert f.explanation and f.topic
        assert set(f.claims) <= claim_ids and f.claims
        assert not (set(f.claims) & seen), "a claim in two findings"
        seen |= set(f.claims)
        sources = {seed_compared.claim(cid).source for cid in f.claims}
        assert set(f.sources) == sources
        assert f.outlets == len({seed_compared.source(s).outlet for s in sources})
        if f.verdict in (Verdict.AGREE, Verdict.CONFLICT):
            assert len(sources) >= 2
            for sid in sources:
                assert seed_compared.source(sid).outlet in f.explanation
        else:
            assert len(sources) == 1 and f.explanation.startswith("Only ")
        if f.type == "quantity" and f.low is not None and f.high is not None and f.best is not None:
            assert f.low <= f.best <= f.high
        if f.verdict is Verdict.CONFLICT and f.type == "quantity":
            # no midpoint invented between figures that contradict each other
            values = [seed_compared.claim(c).value for c in f.claims]
            assert f.best is None or f.best in values
        if f.type == "date" and f.low is not None:
            assert date.fromisoformat(f.low) <= date.fromisoformat(f.high)
    assert seen == claim_ids  # every claim is accounted for


def test_findings_order_conflicts_first(seed_compared):
    order = {Verdict.CONFLICT: 0, Verdict.AGREE: 1, Verdict.SINGLE: 2}
    ranks = [order[f.verdict] for f in seed_compared.findings]
    assert ranks == sorted(ranks)
    assert seed_compared.findings[0].verdict is Verdict.CONFLICT


def test_explanations_say_why(seed_compared):
    f = finding_with(seed_compared, FRANCE24, "more than 34")
    assert "FRANCE 24 says 'more than 34' (35 or more)" in f.explanation
    assert "Christian Science Monitor says 'at least 34' (34 or more)" in f.explanation
    assert "qualifiers" in f.explanation
    conflict = finding_with(seed_compared, RFERL_MALIKI, "thousands")
    assert "2,000 to 9,999" in conflict.explanation and "200 to 999" in conflict.explanation
    assert "cannot both be right" in conflict.explanation


def test_compare_is_deterministic(seed_extracted, seed_compared):
    again = crosscheck.compare(seed_extracted)
    assert [(f.id, f.verdict) for f in again.findings] == [(f.id, f.verdict) for f in seed_compared.findings]


def test_two_outlets_alone(seed):
    """FRANCE 24 and the Monitor alone: the Sunday toll still agrees and nothing conflicts."""
    corpus = crosscheck.compare(crosscheck.extract([seed.source(FRANCE24), seed.source(CSM)]))
    assert not [f for f in corpus.findings if f.verdict is Verdict.CONFLICT]
    toll = finding_with(corpus, CSM, "at least 34")
    assert toll.verdict is Verdict.AGREE and len(toll.sources) == 2


def test_one_source_has_only_single_source_findings(seed):
    corpus = crosscheck.compare(crosscheck.extract([seed.source(DW)]))
    assert corpus.findings and all(f.verdict is Verdict.SINGLE for f in corpus.findings)


# --------------------------------------------------------------------------- the pieces


def claim(corpus, source_id, text):
    (c,) = [c for c in corpus.claims if c.source == source_id and c.text == text]
    return c


def test_judge_single_and_conflict(seed_extracted):
    s = seed_extracted
    sources = {x.id: x for x in s.sources}
    single = judge([claim(s, FRANCE24, "more than 160")], sources)
    assert single.verdict is Verdict.SINGLE and single.sources == (FRANCE24,)
    assert single.explanation == "Only FRANCE 24 says 'more than 160' (161 or more)."
    clash = judge([claim(s, RFERL_MALIKI, "thousands"), claim(s, RFERL_US, "hundreds")], sources)
    assert clash.verdict is Verdict.CONFLICT
    assert (clash.low, clash.high) == (200, 9999)
    assert clash.outlets == 1  # two RFE/RL articles


def test_rounding_tolerance_on_real_figures(make_source):
    """DW's 'killing 25 Islamist militants' and FRANCE 24's 'at least 25 militants' are one fact, and agree."""
    dw = make_source(
        "Iraqi government forces launched an airstrike on the city of Ramadi on Sunday, killing 25 "
        "Islamist militants, according to local officials.\n",
        source_id="dw",
    )
    f24 = make_source(
        "Iraqi army airstrikes and fighting killed more than 34 people on Sunday, officials said, as "
        "well as at least 25 militants.\n",
        source_id="f24",
        published=date(2014, 1, 5),
        updated=MONDAY,
    )
    corpus = crosscheck.compare(crosscheck.extract([dw, f24]))
    agree = [f for f in corpus.findings if f.verdict is Verdict.AGREE and f.type == "quantity"]
    assert [f.topic for f in agree] == ["militants killed on Sunday 5 January 2014"]
    assert sorted(corpus.claim(cid).text for cid in agree[0].claims) == ["25", "at least 25"]
    # the 34+ people killed are not the 25 militants
    toll = finding_with(corpus, "f24", "more than 34")
    assert toll.verdict is Verdict.SINGLE
    assert not [f for f in corpus.findings if f.verdict is Verdict.CONFLICT]


@pytest.mark.parametrize("source_id", [RFERL_MALIKI, FRANCE24, DW, RFERL_US, CSM])
def test_every_source_takes_part(seed_compared, source_id):
    assert any(source_id in f.sources for f in seed_compared.findings)


def test_a_later_higher_toll_is_an_update(make_source):
    """One outlet on 5 January: 34 killed on Sunday; a report of 7 January: 40 killed that
    Sunday. One toll, counted as it grew: flagged as an update, the latest count standing."""
    first = make_source(
        "Iraqi army airstrikes and fighting killed 34 people in Ramadi on Sunday, officials said.",
        source_id="f24",
        published=date(2014, 1, 5),
    )
    later = make_source(
        "Officials said 40 people were killed in Ramadi on Sunday in airstrikes and fighting.",
        source_id="later",
        published=date(2014, 1, 7),
    )
    corpus = crosscheck.compare(crosscheck.extract([first, later]))
    (toll,) = [f for f in corpus.findings if f.verdict is Verdict.CONFLICT]
    assert toll.update and toll.best == 40
    assert toll.explanation.startswith("f24 (5 Jan) '34' -> later (7 Jan) '40'")
    # the other way round (a later, lower count) is a plain contradiction
    lower = make_source(
        "Officials said 20 people were killed in Ramadi on Sunday in airstrikes and fighting.",
        source_id="later",
        published=date(2014, 1, 7),
    )
    (toll,) = [
        f for f in crosscheck.compare(crosscheck.extract([first, lower])).findings if f.verdict is Verdict.CONFLICT
    ]
    assert not toll.update


def test_topics_read_as_plain_english(seed_compared, make_source):
    topics = {f.topic for f in seed_compared.findings}
    assert {"date help was offered", "date the fighting began", "people killed on Sunday 5 January 2014"} <= topics
    for text in ("The blast left 12 killed on Monday.", "Police said the killed were 12 on Monday."):
        corpus = crosscheck.compare(crosscheck.extract([make_source(text, source_id="k")]))
        assert {f.topic for f in corpus.findings} == {"people killed on Monday 6 January 2014", "date of the killings"}
    # lb084: the share of deaths is about deaths, not "deaths killed"
    text = "The one-fifth with the highest weight variability had a 124 percent higher risk of death."
    corpus = crosscheck.compare(crosscheck.extract([make_source(text, source_id="d")]))
    assert sorted(f.topic for f in corpus.findings) == ["deaths", "share killed"]


def test_a_source_that_gives_one_person_two_ages_contradicts_itself():
    """A story that says "Lizandra Cosme, 32," and later "Cosme, 97," (lb033, one figure changed)
    is reported as a conflict, the source against itself; two Hunts named in full stay apart."""
    from crosscheck import Corpus, compare, extract
    from crosscheck.sources import make_source

    a = make_source("a", "a.txt", "Police said Lizandra Cosme, 32, was charged on Sunday.")
    b = make_source("b", "b.txt", "Lizandra Cosme, 32, was arrested. Later, Cosme, 97, was charged in court.")
    corpus = compare(extract(Corpus(id="c", sources=(a, b))))
    (conflict,) = [f for f in corpus.findings if f.verdict == "conflict"]
    assert "b contradicts itself" in conflict.explanation and "'97'" in conflict.explanation
    hunts = make_source("h", "h.txt", "Austin Seth Hunt, 23, and Jordan Emmanuel Hunt, 18, were charged.")
    other = make_source("o", "o.txt", "Austin Seth Hunt, 23, was charged. Jordan Emmanuel Hunt, 18, was charged.")
    corpus = compare(extract(Corpus(id="h", sources=(hunts, other))))
    assert not [f for f in corpus.findings if f.verdict == "conflict"]


def test_topics_of_ages_bare_dates_rates_and_participles():
    """An age is of someone ("age of Robert Durst", not "age of durst sentenced in February 2016"),
    a date no event dates says which day, a rate reads "dollars per season", a participle dates
    what was done ("date it was made")."""
    from crosscheck.compare import _topic
    from crosscheck.model import Claim

    def claim(**kw) -> Claim:
        return Claim(id="c", source="s", text="x", start=0, end=1, sentence="x", **kw)

    assert _topic(
        [claim(type="quantity", unit="year", subject="age of robert durst", event="sentenced", date="2016-02")]
    ) == ("age of Robert Durst")
    assert _topic([claim(type="date", date="2014-01-05")]) == "date: Sunday 5 January 2014"
    assert _topic([claim(type="quantity", unit="dollar per season", event="worked")]) == "dollars per season worked"
    assert _topic([claim(type="date", date="2013", event="made")]) == "date it was made"
    # lb190: a verb with no object dates what happened, not what was done to something
    assert _topic([claim(type="date", date="2015-10-05", event="appeared")]) == "date it appeared"
    assert _topic([claim(type="date", date="2015-10-05", event="drove")]) == "date it was driven"
    assert _topic([claim(type="date", date="2014-01-05", event="got")]) == "date it was gotten"
    # units read as a reader writes them: never "degree Fahrenheits" or "pound-masss"
    assert _topic([claim(type="quantity", unit="degree Fahrenheit")]) == "degrees Fahrenheit"
    assert _topic([claim(type="quantity", unit="pound-mass")]) == "pounds"


def test_undated_outlets_naming_different_weekdays_of_one_event_conflict(make_source):
    """lb014: neither article has a date of its own, both say the court approved the settlement on
    Wednesday; had one said Saturday, that is a conflict, not two facts no one can compare."""
    from crosscheck import Corpus, compare, extract

    ny = "The Jets cheerleaders scored a $325,000 settlement from Gang Green on Wednesday in a New Jersey court."
    ap = "A New Jersey court approved a $325,000 settlement between the cheerleaders and the Jets on {day}."

    def day_finding(day: str):
        a = make_source(ny, source_id="a", published=None)
        b = make_source(ap.format(day=day), source_id="b", published=None)
        corpus = compare(extract(Corpus(id="c", sources=(a, b))))
        (finding,) = [f for f in corpus.findings if f.type == "date"]
        return finding

    assert day_finding("Wednesday").verdict is Verdict.AGREE
    conflict = day_finding("Saturday")
    assert conflict.verdict is Verdict.CONFLICT and "different dates" in conflict.explanation


def test_undated_weekdays_are_never_joined_by_a_chain_of_looser_ties(corpus_doc):
    """lb160: CNN's "Tuesday night's $636 million Mega Millions jackpot" and Reuters' "The prize
    swelled to $586 million on Monday" share a topic word and, through "March 2012", a group; two
    days that only looser ties join are no conflict."""
    from crosscheck import Corpus, compare, extract
    from crosscheck.sources import make_source

    cluster = "multinews-lb160-mega-millions-636m-jackpot"
    sources = tuple(make_source(f"{cluster}/{n}", "x.txt", corpus_doc(cluster, n)) for n in (0, 1))
    corpus = compare(extract(Corpus(id="c", sources=sources)))
    assert any(c.text == "Monday" and c.date is None for c in corpus.claims)  # the articles are undated
    days = [f for f in corpus.findings if f.type == "date" and f.verdict is Verdict.CONFLICT]
    assert days == []


def test_undated_days_of_a_month_with_no_event_read_conflict_when_said_alike(corpus_doc):
    """lb033: two undated outlets write that Cosme "caused injury" to the five children "on Dec. 1
    at the Children's Learning Place" (too far from the verb for an event to be read); had one
    written December 4, the same words about the same names make it a conflict."""
    from crosscheck import Corpus, compare, extract
    from crosscheck.sources import make_source

    cluster = "multinews-lb033-chicago-daycare-hot-glue"
    docs = [corpus_doc(cluster, n) for n in (1, 2)]
    assert "on Dec. 1 at the Children" in docs[1]

    def dec1(second: str):
        texts = (docs[0], second)
        sources = tuple(make_source(f"{cluster}/{n}", "x.txt", t) for n, t in enumerate(texts))
        corpus = compare(extract(Corpus(id="c", sources=sources)))
        assert all(s.published is None for s in corpus.sources)
        return [f for f in corpus.findings if f.type == "date" and len(f.sources) == 2 and "'Dec. 1'" in f.explanation]

    (agree,) = dec1(docs[1])
    assert agree.verdict is Verdict.AGREE
    (conflict,) = dec1(docs[1].replace("on Dec. 1 at the Children", "on December 4 at the Children"))
    assert conflict.verdict is Verdict.CONFLICT and "'December 4'" in conflict.explanation


def test_a_date_whose_event_one_outlet_names_and_another_does_not_can_conflict(make_source):
    """lb118 (short excerpts): one outlet writes "papers filed Friday in Manhattan Surrogate's
    Court", another "filed in a rush order at Manhattan Surrogate's Court on Friday" (too far from
    "filed" for the event to be read); had it said Monday, the same court and words make a conflict."""
    from crosscheck import Corpus, compare, extract

    daily = (
        "Bacall's will, signed last fall, also remembered two of her employees, according to papers filed "
        "Friday in Manhattan Surrogate's Court."
    )
    post = (
        "The estate documents, filed in a rush order at Manhattan Surrogate's Court on {day} because the family "
        "plans to auction off her artwork this fall, evenly split her property among her children."
    )

    def friday(day: str):
        a = make_source(daily, source_id="a", published=None)
        b = make_source(post.format(day=day), source_id="b", published=None)
        corpus = compare(extract(Corpus(id="c", sources=(a, b))))
        (finding,) = [f for f in corpus.findings if f.type == "date" and len(f.sources) == 2]
        return finding

    assert friday("Friday").verdict is Verdict.AGREE
    assert friday("Monday").verdict is Verdict.CONFLICT


def test_two_spans_of_one_named_sentencing_conflict_when_they_differ(make_source):
    """lb184: Reuters "sentenced ... Robert Durst to seven years in prison", the AP "approved a plea
    agreement for Durst to serve 7 years, 1 month": one sentence, compatible; 22 years is not."""
    from crosscheck import Corpus, compare, extract

    reuters = (
        "NEW ORLEANS (Reuters) - A New Orleans judge on Wednesday sentenced real estate scion Robert Durst to "
        "seven years in prison for a federal gun crime."
    )
    ap = (
        "New Orleans Federal Judge Kurt Engelhardt on Wednesday, April 27, 2016, approved a plea agreement for "
        "Durst to serve {term} in prison on a weapons charge."
    )

    def term(written: str):
        a = make_source(reuters, source_id="a", published=date(2016, 4, 27))
        b = make_source(ap.format(term=written), source_id="b", published=date(2016, 4, 27))
        corpus = compare(extract(Corpus(id="c", sources=(a, b))))
        return [f for f in corpus.findings if f.type == "quantity" and len(f.sources) == 2]

    (agree,) = term("7 years, 1 month")
    assert agree.verdict is Verdict.AGREE
    (conflict,) = term("22 years")
    assert conflict.verdict is Verdict.CONFLICT


def test_one_span_said_with_the_same_verb_in_like_words_is_one_fact(make_source):
    """lb166: '"A promise kept for 67 years is worth something," Graber said.' and, in another outlet,
    "But 67 years of a promise kept should be recognized."; had it said 202 years, a conflict."""
    from crosscheck import Corpus, compare, extract

    def kept(years: str):
        a = make_source('"A promise kept for 67 years is worth something," Graber said.', source_id="a")
        b = make_source(f"But {years} years of a promise kept should be recognized.", source_id="b")
        corpus = compare(extract(Corpus(id="c", sources=(a, b))))
        (finding,) = [f for f in corpus.findings if len(f.sources) == 2]
        return finding

    assert kept("67").verdict is Verdict.AGREE
    assert kept("202").verdict is Verdict.CONFLICT


def test_a_vague_amount_alone_has_no_best_estimate(seed_compared):
    """'After several years of fighting' (RFE/RL): three or more years, with no single best figure."""
    (claim,) = [c for c in seed_compared.claims if c.text == "several years"]
    (finding,) = [f for f in seed_compared.findings if claim.id in f.claims]
    assert (finding.low, finding.best, finding.high) == (3, None, None)
