"""Accuracy against the hand-written gold in tests/gold (see tests/gold/README.md)."""

from __future__ import annotations

import pytest
from conftest import CORPORA, GOLD

import crosscheck
from crosscheck import score


@pytest.fixture(scope="module")
def seed_score():
    (s,) = score.run([GOLD / "fallujah-2014.json"], corpora=CORPORA)
    return s


#: gold looked at while the extractor and aligner were built (the first four written here, the last
#: two by a helper who had not seen the tool, then read while tuning)
DEV = [
    "multinews-lb014-jets-cheerleaders-settlement",
    "multinews-lb033-chicago-daycare-hot-glue",
    "multinews-lb058-bill-cosby-sentenced",
    "multinews-lb184-robert-durst-gun-sentence",
    "multinews-lb161-nc-volunteer-firefighters-arson",
    "multinews-lb165-vanderbilt-confederate-hall-rename",
]
#: dev gold from ../shared/corpora/multinews-more.jsonl, annotated by helpers who never saw the
#: tool's output, then read while tuning
DEV_MORE = [
    "multinews-lb023-unabomber-auction-celebrity-items",
    "multinews-lb084-yo-yo-dieting-heart-disease",
    "multinews-lb087-oj-simpson-parole-granted",
    "multinews-lb116-dispatcher-texts-woman-trunk",
    "multinews-lb118-lauren-bacall-dog-sophie-will",
    "multinews-lb190-montpelier-first-murder-century",
    # added 2026-12-03 and scored once before any tuning (recall 70.6 %, findings 10/14, injected 0/9)
    "multinews-lb112-portland-reservoir-teen",
    "multinews-lb166-florida-cop-kindness",
    "multinews-lb167-tsarnaev-lawyers",
    # added 2026-12-03 (second session) and scored once before any tuning: recall 46.0 % (57/124,
    # most misses dates the annotators left unanchored), findings 10/13, injected 0/4
    "multinews-lb000-occupy-encampments",
    "multinews-lb109-disneyland-dry-ice",
    "multinews-lb123-oregon-college-shooting",
    # added 2026-12-04 and scored once before any tuning: recall 71.8 % (155/216), event 17 %,
    # findings 16/24, injected 5/16
    "multinews-lb018-nisei-veterans-gold-medal",
    "multinews-lb048-tryfan-smartphone-app-fall",
    "multinews-lb061-tyson-chicken-abuse-video",
    "multinews-lb089-iss-cooling-loop-failure",
    "multinews-lb120-fixer-upper-epa-lead-paint",
    "multinews-lb126-trump-cnn-wrestling-tweet",
    "multinews-lb153-hope-maine-rabid-raccoon-drowned",
    "multinews-lb179-oitnb-hacker-leak",
    # added 2026-12-04 (second session) and scored once before any tuning: recall 74.6 % (106/142),
    # event 42 %, findings 11/16, injected 0/10
    "multinews-lb001-kalashnikov-letter-patriarch",
    "multinews-lb017-trump-north-korea-beaches-limo",
    "multinews-lb105-bigelow-detroit-reviews",
    "multinews-lb140-gansu-wild-panda-attack-compensation",
    "multinews-lb158-ariel-winter-dress-clapback",
    "multinews-lb159-will-smith-focus-reviews",
    # scored once before any tuning on it: recall 75.9 % (82/108), event 30 %, findings 2/5, injected 0/4
    "multinews-lb052-bachelor-contestant-humboldt-missing",
    # scored once before any tuning on them: recall 82.3 % (130/158), event 42 %, findings 4/15,
    # conflict recall 0/3, injected 0/3
    "multinews-lb042-bryan-singer-herman-lawsuits",
    "multinews-lb079-lse-nazi-drinking-game",
    "multinews-lb156-pippa-middleton-paris-gun",
]
#: gold annotated by helpers who never saw the tool's output, and never tuned on: the fair figures
HELD_OUT = [
    "multinews-lb075-kenya-nairobi-lion-shot",
    "multinews-lb080-kansas-city-craigslist-shooting",
    "multinews-lb006-illinois-oldest-cold-case-freed",
    "multinews-lb028-kim-jong-nam-vx-agent",
    "multinews-lb093-augusta-electrified-fence-death",
    "multinews-lb150-autumn-veatch-plane-crash-survivor",
    "multinews-lb160-mega-millions-636m-jackpot",
    "multinews-lb194-boston-marathon-victims",
    # from multinews-more.jsonl, added 2026-12-03 (second session), scored in total only
    "multinews-lb114-white-house-fence",
    "multinews-lb139-trump-obama",
    "multinews-lb193-fbi-hack",
]
#: held-out gold added 2026-12-04 by helpers who never saw the tool's output, scored once, at the
#: end of the session, and never read claim by claim: no floors are set on it
HELD_OUT_FRESH = [
    "multinews-lb012-schwarzenegger-apprentice-ratings",
    "multinews-lb013-samsung-smart-tv-listening",
    "multinews-lb046-nirvana-first-concert-photos",
    "multinews-lb065-pentagon-retweet-trump-resign",
    "multinews-lb077-john-apostle-ashes-reliquary",
    "multinews-lb176-berkeley-brain-youtube-reconstruction",
]


def _scores(names):
    return score.run([GOLD / f"{n}.json" for n in names], corpora=CORPORA)


@pytest.fixture(scope="module")
def multinews_scores():
    return _scores(DEV)


@pytest.fixture(scope="module")
def held_out_scores():
    return _scores(HELD_OUT)


def test_every_multinews_gold_file_is_dev_or_held_out():
    assert sorted(p.stem for p in GOLD.glob("multinews-*.json")) == sorted(DEV + DEV_MORE + HELD_OUT + HELD_OUT_FRESH)


def test_seed_recall(seed_score):
    assert seed_score.corpus == "fallujah-2014"
    assert seed_score.gold >= 50
    assert seed_score.recall >= 0.95, "\n".join(seed_score.misses)


def test_seed_has_no_furniture_claims(seed_score):
    assert seed_score.furniture == 0, "\n".join(seed_score.extras)


def test_seed_precision_and_false_conflicts(seed_score):
    assert seed_score.precision >= 0.90, "\n".join(seed_score.extras)
    assert seed_score.false_conflicts == 0, "\n".join(seed_score.finding_errors)


def test_multinews_pooled_recall_and_precision(multinews_scores):
    gold = sum(s.gold for s in multinews_scores)
    correct = sum(s.correct for s in multinews_scores)
    extracted = sum(s.extracted for s in multinews_scores)
    matched = sum(s.matched for s in multinews_scores)
    misses = "\n".join(m for s in multinews_scores for m in s.misses)
    extras = "\n".join(m for s in multinews_scores for m in s.extras)
    assert gold >= 150 and extracted > 0
    assert correct / gold >= 0.85, misses
    assert matched / extracted >= 0.90, extras


def test_multinews_clusters_load_from_the_shared_corpus(multinews_scores):
    assert [s.corpus.split("#")[1] for s in multinews_scores] == DEV
    assert all(s.extracted > 0 and s.found > 0 for s in multinews_scores)


def test_missing_corpus_is_an_input_error(tmp_path):
    from crosscheck import InputError

    with pytest.raises(InputError, match="not found"):
        score.run([GOLD / "multinews-lb184-robert-durst-gun-sentence.json"], corpora=tmp_path)


def test_seed_findings(seed_score):
    # the Sunday toll, the militants, the start of the fighting, Maliki's statement agree;
    # Iran's offer and the residents fleeing conflict; nothing else conflicts
    assert seed_score.findings_right == seed_score.findings_gold >= 6, "\n".join(seed_score.finding_errors)
    assert seed_score.false_conflicts == 0


def test_multinews_findings(multinews_scores):
    right = sum(s.findings_right for s in multinews_scores)
    total = sum(s.findings_gold for s in multinews_scores)
    errors = "\n".join(e for s in multinews_scores for e in s.finding_errors)
    assert right / total >= 0.80, errors
    assert sum(s.false_conflicts for s in multinews_scores) / len(multinews_scores) <= 1, errors


def test_held_out_floors(held_out_scores):
    """Held-out clusters: floors just under what is measured today (recall 0.71, precision 0.87 since
    "several", "a few" and "multiple" are read as amounts, findings 0.61 on 8 clusters), so a
    regression fails; the targets of issue 10 are higher."""
    gold = sum(s.gold for s in held_out_scores)
    correct = sum(s.correct for s in held_out_scores)
    matched = sum(s.matched for s in held_out_scores)
    extracted = sum(s.extracted for s in held_out_scores)
    assert correct / gold >= 0.69
    assert matched / extracted >= 0.85
    assert sum(s.false_conflicts for s in held_out_scores) == 0
    right = sum(s.findings_right for s in held_out_scores)
    total = sum(s.findings_gold for s in held_out_scores)
    assert right / total >= 0.5


def test_planted_values_cannot_agree():
    from crosscheck.score import planted_value

    exact = {"type": "quantity", "text": "25", "value": 25, "low": 25, "high": 25}
    bound = {"type": "quantity", "text": "more than 34", "value": 34, "low": 35, "high": None}
    assert planted_value(exact, [exact]) == "76"
    assert planted_value(bound, [bound]) == "11"  # the qualifier goes: "11" cannot be "more than 34"
    assert (
        planted_value({"type": "quantity", "text": "25 miles", "value": 25, "low": 25, "high": 25}, [exact])
        == "76 miles"
    )
    sunday = {"type": "date", "text": "Sunday", "date": "2014-01-05"}
    assert planted_value(sunday, [sunday]) == "Wednesday"
    dec = {"type": "date", "text": "December 30", "date": "2013-12-30"}
    assert planted_value(dec, [dec]) == "January 2"


def test_planted_values_are_errors_a_writer_could_make():
    """An age stays an age (Bacall's 89 becomes 109, not 268, which no one would read as an age);
    a range is not half rewritten ("31-to-10-year"); a date inside another outlet's "2013" is
    ruled out by nothing, so none is planted there."""
    from crosscheck.score import planted_value

    age = {"type": "quantity", "text": "89", "value": 89, "low": 89, "high": 89, "subject_class": "age"}
    assert planted_value(age, [age]) == "109"
    old = {**age, "text": "95", "value": 95, "low": 95, "high": 95}
    assert planted_value(old, [old]) == "75"
    said = {**age, "text": "age 22", "value": 22, "low": 22, "high": 22}  # lb052: not a bare "42"
    assert planted_value(said, [said]) == "age 42"
    span = {"type": "quantity", "text": "three-to-10-year", "value": 3, "low": 3, "high": 10}
    assert planted_value(span, [span]) is None
    day = {"type": "date", "text": "April 15, 2013", "date": "2013-04-15"}
    assert planted_value(day, [{"type": "date", "text": "2013", "date": "2013"}]) is None
    assert planted_value(day, [day]) == "April 18, 2013"


def test_seed_conflicts_found_and_planted_discrepancies_flagged(seed_score):
    assert seed_score.conflicts_found == seed_score.conflicts_gold == 2
    assert seed_score.injected >= 3 and seed_score.injected_flagged == seed_score.injected, seed_score.finding_errors


def test_score_reads_an_outlet_under_any_of_its_names():
    """Gold written "Associated Press" and a report's "AP" are one outlet (outlets.json aliases)."""
    from crosscheck.score import _outlet_key

    assert _outlet_key("Associated Press") == _outlet_key("AP") == _outlet_key("The Associated Press")
    assert _outlet_key("ABC News") == _outlet_key("ABC") != _outlet_key("CBS")
    assert _outlet_key("The Advocate (New Orleans)") == "advocate (new orleans)"


def test_a_figure_is_right_in_any_unit_of_its_kind(make_source):
    """One annotator writes "more than two decades" as 2 decades, another "a half-century" as 50
    years: the claim is right in either unit; the bounds are compared in the claim's unit."""
    from crosscheck.score import claim_correct

    (claim,) = crosscheck.extract([make_source("He waited more than two decades for it.")]).claims
    assert (claim.value, claim.unit) == (20, "year")
    assert claim_correct(claim, {"type": "quantity", "value": 2, "low": 2, "high": None, "unit": "decade"})
    assert claim_correct(claim, {"type": "quantity", "value": 20, "low": 20, "high": None, "unit": "year"})
    assert not claim_correct(claim, {"type": "quantity", "value": 2, "low": 2, "high": None, "unit": "year"})
    (seven,) = crosscheck.extract([make_source("He got 7 years in prison.")]).claims
    assert not claim_correct(seven, {"type": "quantity", "value": 85, "low": 85, "high": 85, "unit": "month"})


def test_score_reads_an_event_as_the_lexicon_names_it():
    """An annotator's "died" or "passed away" is the report's "killed"; other verbs stay themselves."""
    from crosscheck.score import _canonical_event

    assert _canonical_event("died") == _canonical_event("passed away") == _canonical_event("killed") == "killed"
    assert _canonical_event("Detained") == "arrested" and _canonical_event("dumped") == "dumped"
    assert _canonical_event(None) is None
    # the predicate of a phrase, as issue 10 defines the event; a lexicon phrase stays whole
    assert _canonical_event("tested positive") == _canonical_event("tested") == "tested"
    assert _canonical_event("sat down") == "sat" and _canonical_event("lost their lives") == "killed"
    assert _canonical_event("Cosby sentenced") == "sentenced" and _canonical_event("was arrested") == "arrested"
    assert _canonical_event("fighting broke out") == "fighting began"  # a lexicon phrase inside the phrase


def test_an_inferred_date_where_the_text_states_none_is_unjudged(make_source):
    """The gold's null publication date means the text states none; the tool's date inferred from
    the cluster is then neither right nor wrong, while a date it says the text states is wrong."""
    from dataclasses import replace
    from datetime import date

    from crosscheck import Corpus
    from crosscheck.score import Score, score_sources

    inferred = replace(make_source("The fire destroyed 40 homes.", source_id="a"), published_inferred=True)
    stated = make_source("The fire destroyed 40 homes.", source_id="b", published=date(2014, 1, 6))
    known = make_source("The fire destroyed 40 homes.", source_id="c", published=date(2014, 1, 6))
    gold = {"sources": {"a": {"published": None}, "b": {"published": None}, "c": {"published": "2014-01-06"}}}
    s = score_sources(Corpus(id="x", sources=(inferred, stated, known)), gold, Score(corpus="x"))
    assert (s.sources, s.published_gold, s.published_right) == (3, 2, 1)


def test_a_day_the_gold_could_not_anchor_is_unjudged_where_the_tool_inferred_the_page_date(make_source):
    """lb123: a page that states no date of its own; the annotator leaves its "Saturday" unanchored,
    the tool anchors it to a publication date it says it inferred. Neither is wrong, so the claim is
    out of the recall; where the gold knows the page's date the same "Saturday" is judged."""
    from dataclasses import replace

    from crosscheck import Corpus, extract
    from crosscheck.score import score_extraction

    text = "Trump spoke at a rally on Saturday."
    page = replace(make_source(text, source_id="a"), published_inferred=True)
    corpus = extract(Corpus(id="x", sources=(page,)))
    claim = {"id": "d1", "source": "a", "type": "date", "text": "Saturday", "start": text.index("Saturday")}
    unknown = score_extraction(corpus, {"corpus": "x", "sources": {"a": {"published": None}}, "claims": [claim]})
    assert (unknown.gold, unknown.correct, unknown.dates_unjudged) == (0, 0, 1)
    known = score_extraction(corpus, {"corpus": "x", "sources": {"a": {"published": "2014-01-06"}}, "claims": [claim]})
    assert (known.gold, known.correct, known.dates_unjudged) == (1, 0, 0)


def test_an_event_is_scored_as_its_verbs_lemma():
    """Issue 10's event is the predicate's lemma: "fallen" is "fell", "spend" is "spent", "died" is
    the lexicon's "killed"; different verbs stay different."""
    from crosscheck.score import _canonical_event

    assert _canonical_event("fallen") == _canonical_event("fell")
    assert _canonical_event("spend") == _canonical_event("spent")
    assert _canonical_event("died") == _canonical_event("killed") == "killed"
    assert _canonical_event("fell") != _canonical_event("jumped")
