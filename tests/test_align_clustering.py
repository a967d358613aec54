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


def test_a_source_that_restates_a_fact_with_another_value_contradicts_itself(make_source):
    """Two outlets agree on 34; one of them later says 40 of the same toll, in a sentence about the
    same things: one fact, and the report says that source contradicts itself."""
    a = make_source("Officials said 34 people were killed in Fallujah on Sunday.", source_id="a")
    b = make_source(
        "Officials said 34 people were killed in Fallujah on Sunday. Officials said 40 people were killed "
        "in Fallujah on Sunday.",
        source_id="b",
    )
    corpus = crosscheck.compare(crosscheck.extract([a, b]))
    (conflict,) = [f for f in corpus.findings if f.verdict == "conflict"]
    assert sorted(corpus.claim(i).value for i in conflict.claims) == [34, 34, 40]
    assert "b contradicts itself" in conflict.explanation


def test_a_list_in_one_sentence_is_parts_not_a_contradiction(make_source):
    """lb161: "1 count of setting fire ..., five counts of setting fire" in one sentence, "six
    counts of setting fire" in another outlet: parts of one charge sheet, never a conflict."""
    a = make_source(
        "Austin Seth Hunt, 23, is charged with 1 count of felony setting fire to grass, two counts of "
        "felony arson, and five counts of felony setting fire to woods.",
        source_id="a",
    )
    b = make_source("Austin Seth Hunt, 23, was charged with six counts of felony setting fire to grass.", source_id="b")
    corpus = crosscheck.compare(crosscheck.extract([a, b]))
    assert not [f for f in corpus.findings if f.verdict == "conflict"]
    groups = align(corpus.claims)
    for group in groups:
        per_source: dict[str, set] = {}
        for c in group:
            per_source.setdefault(c.source, set()).add(c.value)
        assert all(len(v) == 1 for v in per_source.values()), [c.text for c in group]


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


def test_a_bare_count_of_the_injured_is_lined_up(make_source):
    """lb033: "caused injury to five" names no noun, but counts people: another outlet's sixteen
    injured in the same words is the same fact, and a conflict (a count with no class at all,
    "five" alone, is never lined up)."""
    a = make_source("Investigators said Cosme caused injury to five at the Children's Learning Place.", source_id="a")
    b = make_source("Investigators said Cosme caused injury to 16 at the Children's Learning Place.", source_id="b")
    corpus = crosscheck.compare(crosscheck.extract([a, b]))
    (conflict,) = [f for f in corpus.findings if f.verdict == "conflict"]
    assert sorted(corpus.claim(i).value for i in conflict.claims) == [5, 16]
    assert {corpus.claim(i).subject_class for i in conflict.claims} == {"persons"}
    c = make_source("Investigators said Cosme saw five at the Children's Learning Place.", source_id="c")
    d = make_source("Investigators said Cosme saw 16 at the Children's Learning Place.", source_id="d")
    corpus = crosscheck.compare(crosscheck.extract([c, d]))
    assert [f.verdict for f in corpus.findings] == ["single-source", "single-source"]


def test_two_defendants_with_one_count_are_two_facts(make_source):
    """lb161: each outlet lists ten defendants, several "charged with two counts of felony arson":
    one outlet's two defendants are two facts, so their counts never make one agreement; and two
    Stricklands (Willie Fuentes, William Kendall) are two people, so "three" and "one" counts of
    conspiracy are no contradiction."""
    abc = make_source(
        "Austin Seth Hunt, 23, of Fairmont, is charged with two counts of felony arson. "
        "Shellia Huggins, 42, of Fairmont, is charged with two counts of felony arson. "
        "Willie Fuentes Strickland, 42, of Fairmont, is charged with three counts of felony conspiracy. "
        "William Kendall Strickland, 18, of Fairmont, is charged with one count of felony conspiracy.",
        source_id="abc",
    )
    wral = make_source(
        "Austin Seth Hunt, 23, of Fairmont, was charged with two counts of felony arson. "
        "Shellia Huggins, 42, of Fairmont, was charged with two counts of felony arson. "
        "Willie Fuentes Strickland, 42, of Fairmont, was charged with three counts of felony conspiracy. "
        "William Kendall Strickland, 18, of Fairmont, was charged with one count of felony conspiracy.",
        source_id="wral",
    )
    corpus = crosscheck.compare(crosscheck.extract([abc, wral]))
    assert not [f for f in corpus.findings if f.verdict == "conflict"]
    for f in corpus.findings:
        sources = [corpus.claim(i).source for i in f.claims]
        assert len(sources) == len(set(sources)), f.explanation  # one claim of each outlet per fact
    arson = [f for f in corpus.findings if f.verdict == "agree" and "arson" in f.topic]
    assert len(arson) == 2


def test_a_day_something_was_said_is_no_day_of_what_happened(make_source):
    """multinews-more lb190: "Hall said Monday" and "appeared in court Monday" share a rare day, but
    the one dates the saying: no agreement."""
    a = make_source(
        "Cary appeared in court Monday in Barre, pleaded not guilty and was released.", source_id="a", published=None
    )
    b = make_source(
        "Hall said Monday that Caballero and Austin knew each other in Barre.", source_id="b", published=None
    )
    corpus = crosscheck.compare(crosscheck.extract([a, b]))
    assert [f.verdict for f in corpus.findings] == ["single-source", "single-source"]


def test_a_chain_of_one_day_joins_no_two_events(make_source):
    """multinews-more lb190: the arrest on Sunday (two outlets) and the bus boarded on Sunday (a third)
    are two facts, though each "Sunday" ties to the next."""
    texts = [
        "Cary, 22, was arrested Sunday evening in Barre by the Vermont Drug Task Force.",
        "Caballero's girlfriend, Desiree Cary, was taken into custody Sunday in Barre.",
        "Caballero is believed to have boarded a bus on Sunday in Barre.",
    ]
    sources = [make_source(t, source_id=i, published=None) for i, t in zip("abc", texts)]
    corpus = crosscheck.compare(crosscheck.extract(sources))
    (agree,) = [f for f in corpus.findings if f.verdict == "agree"]
    assert {corpus.claim(i).event for i in agree.claims} == {"arrested"}
    assert {corpus.claim(i).source for i in agree.claims} == {"a", "b"}


def test_people_of_any_kind_are_the_persons_another_outlet_names(make_source):
    """multinews-more lb061: "fired ten workers" and "fired 10 people" count one group of persons."""
    a = make_source("Tyson says it has fired ten workers who can be seen in the video.", source_id="a")
    b = make_source("Tyson said that it fired 10 people who were seen in the video abusing chickens.", source_id="b")
    corpus = crosscheck.compare(crosscheck.extract([a, b]))
    (agree,) = [f for f in corpus.findings if f.verdict == "agree"]
    assert sorted(corpus.claim(i).text for i in agree.claims) == ["10", "ten"]
    c = make_source("Tyson said that it fired 10 chickens seen in the video.", source_id="c")
    corpus = crosscheck.compare(crosscheck.extract([a, c]))
    assert [f.verdict for f in corpus.findings] == ["single-source", "single-source"]


def test_each_listed_person_has_their_own_figures(make_source):
    """lb161: each outlet lists the defendants, each "Name, age, of Town, is charged with ..." and
    then "His bond was set at $100,000": a bond is its defendant's, so two defendants' bonds are two
    facts (no agreement of different people, no outlet contradicting itself), and one defendant's
    bond in both outlets is one."""
    listing = (
        "Austin Seth Hunt, 23, of Rowland, is charged with two counts of felony arson. His bond was set at $200,000. "
        "John Austin Huggins, 17, of Fairmont, is charged with two counts of felony arson. His bond was set at $100,000. "
        "Kenny Caulder Jr., 19, of Fairmont, is charged with six counts of felony arson. His bond was set at $100,000."
    )
    a = make_source(listing, source_id="abc")
    b = make_source(listing.replace("is charged", "was charged"), source_id="wral")
    corpus = crosscheck.compare(crosscheck.extract([a, b]))
    bonds = [f for f in corpus.findings if any(corpus.claim(i).unit == "dollar" for i in f.claims)]
    assert [f.verdict for f in bonds] == ["agree", "agree", "agree"]
    for f in bonds:
        owners = {corpus.claim(i).actors[0] for i in f.claims}
        assert len(owners) == 1 and {corpus.claim(i).source for i in f.claims} == {"abc", "wral"}


def test_a_body_or_a_suffix_is_no_other_person(make_source):
    """Review: "the Fairmont Police" and "the Fairmont Police Department" are one body, "Kenny Caulder Jr"
    and "Kenny Caulder" one man: their different figures stay conflicts (the middle-name rule that
    keeps Austin Seth Hunt and John Austin Huggins apart names people only)."""
    pairs = [
        ("The Fairmont Police arrested 3 men on Monday.", "The Fairmont Police Department arrested 4 men on Monday."),
        (
            "Police charged Kenny Caulder Jr with six counts of arson.",
            "Police charged Kenny Caulder with seven counts of arson.",
        ),
    ]
    for a, b in pairs:
        corpus = crosscheck.compare(crosscheck.extract([make_source(a, source_id="a"), make_source(b, source_id="b")]))
        assert "conflict" in [f.verdict for f in corpus.findings], (a, b)


def test_the_only_sum_in_its_currency_in_each_source_is_one_fact(make_source):
    """multinews-more lb140: each outlet names one sum in yuan, in other words ("compensated 520,000
    yuan", "agreed to pay compensation of 520,000 yuan"); one of them misprinted is a conflict. A
    source naming two sums in yuan ties neither by being alone."""
    a = make_source(
        "A villager in Gansu province has been compensated 520,000 yuan after a wild panda attack left him "
        "with injuries.",
        source_id="a",
    )
    b = make_source(
        "After months of negotiations officials agreed to pay compensation of 1,560,000 yuan, his lawyer "
        "Wang Chaohui told AFP.",
        source_id="b",
    )
    corpus = crosscheck.compare(crosscheck.extract([a, b]))
    (conflict,) = [f for f in corpus.findings if f.verdict == "conflict"]
    assert sorted(corpus.claim(i).text for i in conflict.claims) == ["1,560,000 yuan", "520,000 yuan"]

    two = make_source(
        "After months of negotiations officials agreed to pay compensation of 1,560,000 yuan, and 20,000 yuan "
        "for his medical bills, his lawyer Wang Chaohui told AFP.",
        source_id="b",
    )
    corpus = crosscheck.compare(crosscheck.extract([a, two]))
    assert [f for f in corpus.findings if f.verdict == "conflict"] == []
