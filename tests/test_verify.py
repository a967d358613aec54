"""crosscheck verify: a summary's figures and dates held against its sources, on real text."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import CORPORA, GOLD, MULTINEWS

import crosscheck
from crosscheck.cli import app
from crosscheck.model import to_frame
from crosscheck.report import validate_verification, verification_dict
from crosscheck.sources import example_corpus, load
from crosscheck.verify import verify

EXAMPLE = example_corpus().parent / "fallujah-2014-summary.txt"
DURST = "multinews-lb184-robert-durst-gun-sentence"


@pytest.fixture(scope="module")
def example():
    return verify(EXAMPLE.read_text(encoding="utf-8"), load()[0], path=str(EXAMPLE))


def _by_text(v, text):
    return next(c for c in v.checks if c.claim.text == text)


def test_example_summary_has_each_verdict(example):
    verdicts = {c.claim.text: c.verdict for c in example.checks}
    assert verdicts["more than 34"] == "supported"
    assert verdicts["Sunday"] == "supported"
    assert verdicts["December 27"] == "contradicted"
    assert verdicts["12"] == "unsupported"


def test_contradiction_names_the_sources_and_their_value(example):
    check = _by_text(example, "December 27")
    assert "RFE/RL says 'December 30'" in check.explanation
    evidence = [example.corpus.claim(i) for i in check.evidence]
    assert {c.date for c in evidence} == {"2013-12-30"}


def test_support_lists_every_outlet_that_states_it(example):
    check = _by_text(example, "more than 34")
    outlets = {example.corpus.source(example.corpus.claim(i).source).outlet for i in check.evidence}
    assert {"FRANCE 24", "Christian Science Monitor"} <= outlets


def test_spans_point_into_the_summary_text(example):
    text = EXAMPLE.read_text(encoding="utf-8")
    for c in example.checks:
        assert text[c.claim.start : c.claim.end] == c.claim.text
    assert example.summary.published is not None and example.summary.published_inferred


def test_json_contract_and_table(example):
    doc = verification_dict([example])
    validate_verification(doc)
    assert doc["summary"]["path"] == str(EXAMPLE)
    claim_ids = {c["id"] for c in doc["claims"]}
    assert all(set(c["evidence"]) <= claim_ids for c in doc["checks"])
    frame = to_frame(example.checks)
    assert list(frame.loc[frame.text == "December 27", "verdict"]) == ["contradicted"]


def test_sources_that_disagree_are_said_with_the_side_taken():
    corpus = load()[0]
    v = crosscheck.verify("Thousands of residents fled the fighting.", corpus)
    (check,) = v.checks
    assert check.verdict == "supported" and check.sources_conflict
    assert "hundreds" in check.explanation and "sides with RFE/RL" in check.explanation


def test_a_plain_figure_is_not_backed_by_an_open_ended_one():
    corpus = load()[0]
    v = crosscheck.verify("Officials said 73 soldiers were killed around Ramadi.", corpus)
    assert [c.verdict for c in v.checks] == ["contradicted"]
    assert "'22'" in v.checks[0].explanation


def test_cli_verify_exit_codes_and_outputs(tmp_path):
    out_json, out_html = tmp_path / "v.json", tmp_path / "v.html"
    result = CliRunner().invoke(
        app,
        ["verify", str(EXAMPLE), "--sources", str(example_corpus()), "--json", str(out_json), "--html", str(out_html)],
    )
    assert result.exit_code == 1, result.output
    assert "1 contradicted, 2 unsupported, 2 supported" in result.output
    doc = json.loads(out_json.read_text())
    validate_verification(doc)
    html = out_html.read_text()
    assert "Summary check" in html and 'class="claim conflict"' in html
    # each summary claim links to its row, and the row's evidence links into a source's full text
    assert html.count('<sup class="vtag warn">unsupported</sup>') == 2
    assert 'href="#k0-c-' in html


def test_cli_verify_all_supported_exits_0(tmp_path):
    summary = tmp_path / "ok.md"
    summary.write_text("More than 34 people were killed on Sunday.\n")
    result = CliRunner().invoke(app, ["verify", str(summary), "--sources", str(example_corpus()), "-q"])
    assert result.exit_code == 0, result.output


def test_cli_verify_csv_and_github(tmp_path):
    base = ["verify", str(EXAMPLE), "--sources", str(example_corpus())]
    csv = CliRunner().invoke(app, [*base, "--format", "csv"])
    assert csv.output.splitlines()[0].startswith("corpus,id,verdict,text")
    github = CliRunner().invoke(app, [*base, "--format", "github"])
    assert github.output.count("::error ") == 1 and github.output.count("::warning ") == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["verify", "summary.txt"], "--sources"),
        (["verify", "missing.txt", "--sources", "x"], "missing.txt: no such file"),
        (["verify", ".", "--sources", "x"], "is a folder"),
    ],
)
def test_cli_verify_bad_input_is_one_line(args, message, tmp_path):
    (tmp_path / "x").mkdir()
    result = subprocess.run(
        [sys.executable, "-m", "crosscheck", *args], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_rule_cc107_fails_contradicted_and_warns_unsupported():
    result = CliRunner().invoke(
        app, ["check", str(example_corpus()), "--summary", str(EXAMPLE), "--select", "CC107", "-q", "--color", "never"]
    )
    assert result.exit_code == 1
    assert "1 failed, 2 warned, 2 passed" in result.output


def test_summary_checks_fixture(pytester):
    pytester.makepyfile(
        test_summary="""
        def test_nothing_contradicted(summary_checks):
            assert (summary_checks.verdict == "contradicted").sum() == 0, summary_checks.text.tolist()
        """
    )
    result = pytester.runpytest(f"--crosscheck-corpus={example_corpus()}", f"--crosscheck-summary={EXAMPLE}")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*December 27*"])


# --------------------------------------------------------------------------- real summaries


@pytest.mark.corpora
def test_real_summary_age_sides_with_the_majority():
    """lb184: the summary's "the 73-year-old's attorneys"; AP says 72, Reuters and The Advocate 73."""
    cluster = load([MULTINEWS], cluster=DURST)[0]
    summary = next(json.loads(line)["summary"] for line in MULTINEWS.open() if DURST in line)
    v = verify(summary, cluster)
    age = next(c for c in v.checks if c.claim.text.startswith("73-year-old"))
    assert age.verdict == "supported" and age.sources_conflict
    assert "72-year-old" in age.explanation


@pytest.mark.corpora
def test_real_summary_planted_figure_is_flagged():
    cluster = load([MULTINEWS], cluster=DURST)[0]
    summary = next(json.loads(line)["summary"] for line in MULTINEWS.open() if DURST in line)
    assert "seven years" in summary
    v = verify(summary.replace("seven years", "22 years", 1), cluster)
    planted = next(c for c in v.checks if c.claim.text == "22 years")
    assert planted.verdict != "supported"


@pytest.mark.corpora
def test_cli_verify_a_jsonl_cluster_summary(tmp_path):
    out = tmp_path / "v.json"
    result = CliRunner().invoke(app, ["verify", str(MULTINEWS), "--cluster", DURST, "--json", str(out), "-q"])
    assert result.exit_code in (0, 1), result.output
    doc = json.loads(out.read_text())
    validate_verification(doc)
    assert doc["corpus"] == DURST and len(doc["checks"]) >= 6


@pytest.mark.corpora
def test_score_summary_gold_counts():
    from crosscheck import score

    (s,) = score.run_summaries([GOLD / "summaries" / f"{DURST}.json"], corpora=Path(CORPORA))
    assert s.gold == 8 and s.split == "dev"
    assert s.found >= 7 and s.planted >= 4
    assert s.planted_flagged == s.planted


def test_sources_in_several_folders_are_one_set_of_sources(tmp_path, example):
    """A summary written from two folders of articles is checked against both together."""
    import shutil

    files = sorted(example_corpus().glob("*.txt"))
    for i, f in enumerate(files):
        folder = tmp_path / ("a" if i < 3 else "b")
        folder.mkdir(exist_ok=True)
        shutil.copy(f, folder / f.name)
    out = tmp_path / "v.json"
    result = CliRunner().invoke(
        app,
        [
            "verify",
            str(EXAMPLE),
            "--sources",
            str(tmp_path / "a"),
            "--sources",
            str(tmp_path / "b"),
            "--json",
            str(out),
        ],
    )
    assert result.exit_code == 1, result.output
    doc = json.loads(out.read_text())
    assert len(doc["sources"]) == 5
    assert [c["verdict"] for c in doc["checks"]] == [c.verdict for c in example.checks]


def _cluster_and_summary(cluster_id: str) -> tuple:
    cluster = load([MULTINEWS], cluster=cluster_id)[0]
    summary = next(json.loads(line)["summary"] for line in MULTINEWS.open() if cluster_id in line)
    return cluster, summary


@pytest.mark.corpora
def test_real_summary_hedged_figure_backs_the_plain_one():
    """lb144: "an NFL pension estimated at $25,000 per month"; a source's "an estimated $25,000"
    backs it, and another's $55,000 a month (what he earned) does not contradict it."""
    cluster, summary = _cluster_and_summary("multinews-lb144-oj-simpson-parole-hearing")
    v = verify(summary, cluster)
    pension = next(c for c in v.checks if c.claim.text == "$25,000")
    assert pension.verdict == "supported", pension.explanation
    board = next(c for c in v.checks if c.claim.text == "Four")
    assert board.verdict == "supported", board.explanation


@pytest.mark.corpora
def test_real_summary_a_count_with_no_noun_in_the_source_is_found_by_its_event():
    """lb149: "three others were injured"; the source says "at least three were injured"."""
    cluster, summary = _cluster_and_summary("multinews-lb149-las-vegas-strip-shooting-crash")
    v = verify(summary, cluster)
    hurt = next(c for c in v.checks if c.claim.text == "three" and "injured" in c.claim.sentence)
    assert hurt.verdict == "supported", hurt.explanation
    assert "at least three" in [v.corpus.claim(i).text for i in hurt.evidence]


def test_a_rate_whose_per_moved_away_is_the_same_rate():
    """lb101: the summary's "the $16,000 he gets for those duties per month" and the source's
    "paid $16,000 per month"; and a different sum of money is no contradiction of it."""
    from crosscheck.sources import make_source

    source = make_source("s1", "s1.txt", "Jamie has been paid $16,000 per month for those duties, the filing says.")
    v = verify("In addition to the $16,000 he gets for those duties per month, he gets $1,200 for rent.", [source])
    verdicts = {c.claim.text: c.verdict for c in v.checks}
    assert verdicts == {"$16,000": "supported", "$1,200": "unsupported"}


def test_the_same_written_year_backs_the_summary_year():
    """lb118: "a 2008 interview" in the summary and in the source, with little else in common."""
    from crosscheck.sources import make_source

    source = make_source("s1", "s1.txt", '"I was always a dog yearner," she told Glenn Close in a 2008 interview.')
    v = verify('Bacall called herself a "dog yearner" in a 2008 interview, Us reports.', [source])
    assert [c.verdict for c in v.checks] == ["supported"]


def test_an_unnamed_age_is_anyones():
    """multinews-more lb166: the summary's "87-year-old" (the shoplifter) is not contradicted by a
    source's "20-year-old" (someone else): "age" alone names no one."""
    from crosscheck.sources import make_source

    source = make_source("s1", "s1.txt", "The 20-year-old officer got the call on Sunday.")
    v = verify("The officer found that the 87-year-old had taken groceries.", [source])
    assert [c.verdict for c in v.checks] == ["unsupported"]


def test_an_undated_weekday_never_backs_a_day_of_a_month(make_source):
    """lb133: the source's undated "In a securities filing Friday" says nothing of whether the
    units were awarded on February 6: a weekday and a day of a month are no one fact."""
    source = make_source(
        "In a securities filing Friday, Alphabet said it awarded Mr. Pichai 273,328 Class C Google stock units.",
        published=None,
    )
    summary = "Alphabet stated that Pichai was awarded 273,328 Class C Google stock units on February 6."
    checks = {k.claim.text: k.verdict for k in crosscheck.verify(summary, [source]).checks}
    assert checks == {"273,328": "supported", "February 6": "unsupported"}


def test_a_summary_with_no_date_of_its_own_reads_a_weekday_as_that_weekday(make_source):
    """lb144: the summary's "Thursday's hearing will cover ..." anchored to its sources' inferred
    date falls a week after their "hearing in Nevada on Thursday"; a summary dated only by its
    sources may be written days before or after them, so the same weekday of the same hearing backs
    it, and another weekday still does not."""
    source = make_source(
        "Simpson's release from prison - his parole hearing in Nevada on Thursday is considered something"
        " of a formality - will produce a spectacle unlike anything we've seen since he went behind bars.",
        published=date(2013, 5, 17),
    )
    summary = "Thursday's hearing will cover four concurrent sentences for use of a deadly weapon, the paper reports."
    check = crosscheck.verify(summary, [source]).checks[0]
    assert (check.claim.text, check.verdict) == ("Thursday", "supported")
    assert "read as a weekday" in check.explanation
    moved = crosscheck.verify(summary.replace("Thursday", "Sunday"), [source]).checks[0]
    assert moved.verdict != "supported"


def test_a_rank_named_by_a_noun_is_the_rank_a_verb_gives():
    """multinews-more lb071: the summary's "899th ranking" is the source's "ranked 899"."""
    from crosscheck.sources import make_source

    source = make_source("s1", "s1.txt", "Woods is currently ranked 899 -- his lowest ranking ever.")
    v = verify("Tiger Woods: Blame his DUI arrest and 899th ranking in men's pro golf.", [source])
    assert [(c.claim.text, c.verdict) for c in v.checks] == [("899th", "supported")]
    v = verify("Tiger Woods: Blame his DUI arrest and 1,899th ranking in men's pro golf.", [source])
    assert [(c.claim.text, c.verdict) for c in v.checks] == [("1,899th", "unsupported")]
    # a stem shared by chance is no tie: "fired 4" is no "4 firearms"
    shots = make_source("s2", "s2.txt", "Officers fired 4 times at the car, police said.")
    assert [c.verdict for c in verify("Officers found 4 firearms in the car.", [shots]).checks] == ["unsupported"]


def test_an_undated_month_is_backed_by_the_only_day_the_sources_give_in_it(make_source):
    """multinews-more lb048: the summary's "A hiker's fatal fall in March" and the source's "the walk
    on March 25", the only March date of undated sources; with two March days, neither backs it."""
    one = make_source("The couple decided not to go to the summit during the walk on March 25.", published=None)
    summary = "A hiker's fatal fall in March has been blamed on using a smartphone app map."
    assert [c.verdict for c in crosscheck.verify(summary, [one]).checks] == ["supported"]
    two = make_source(
        "They walked on March 25 and the rescue team came back on March 27.", published=None, source_id="u"
    )
    assert [c.verdict for c in crosscheck.verify(summary, [two]).checks] == ["unsupported"]
    # the one March day of another event backs no March
    arrest = make_source("Police arrested three men on March 25 in Barre.", published=None, source_id="v")
    founded = crosscheck.verify("The company was founded in March.", [arrest]).checks
    assert [c.verdict for c in founded] == ["unsupported"]


def test_a_part_of_a_series_contradicts_no_other_part(make_source):
    """multinews-more lb179: "the next nine episodes" and "the final three episodes" of the summary
    are parts of the season the source counts as "the first 10 of the 13 episodes": no contradiction."""
    source = make_source(
        "The hacker said they obtained only the first 10 of the 13 episodes of the season.", source_id="v"
    )
    summary = (
        "The next nine episodes were uploaded early Saturday. They weren't able to steal the final three episodes."
    )
    verdicts = [c.verdict for c in crosscheck.verify(summary, [source]).checks if c.claim.type == "quantity"]
    assert verdicts == ["unsupported", "unsupported"]
    # the same part, another figure: a contradiction
    first = make_source("They obtained only the first 12 episodes of the season.", source_id="w")
    checks = crosscheck.verify("The hacker released the first 10 episodes.", [first]).checks
    assert [(c.claim.text, c.verdict) for c in checks] == [("10", "contradicted")]


def test_the_same_part_of_a_series_backs_it_in_other_words(make_source):
    """multinews-more lb179: "the final three installments" of the source is the summary's "the final
    three episodes", whatever the noun."""
    source = make_source(
        "The cyberattack was carried out before the final three installments were available.", source_id="v"
    )
    checks = crosscheck.verify("They weren't able to steal the final three episodes.", [source]).checks
    assert [(c.claim.text, c.verdict) for c in checks] == [("three", "supported")]
    first = crosscheck.verify("They stole the first three episodes.", [source]).checks
    assert [(c.claim.text, c.verdict) for c in first] == [("three", "unsupported")]
    # the same part of another event is no backing: killed is not wounded
    killed = make_source("The last three soldiers were killed on Sunday.", source_id="k")
    wounded = crosscheck.verify("The last three soldiers were wounded.", [killed]).checks
    assert [(c.claim.text, c.verdict) for c in wounded] != [("three", "supported")]
