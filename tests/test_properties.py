"""Property tests (hypothesis): arbitrary text and edited real sentences never break the contract."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crosscheck.compare import compare
from crosscheck.extract import extract, extract_source
from crosscheck.model import Corpus, Verdict
from crosscheck.report import report_dict, validate
from crosscheck.sources import infer_published, make_source

REAL = [
    "Iraqi army airstrikes and fighting killed more than 34 people on Sunday, officials said, as well as at least 25 militants.",
    "Two Anbar government officials told the Associated Press by telephone that 22 soldiers and 12 civilians were killed around Ramadi and another 58 people were wounded.",
    "On Friday and Saturday, more than 160 people were killed in the worst violence to hit Anbar province in years.",
    "In an effort to help Iraq track militant groups, the spokesman said the United States would also provide more surveillance drones: 10 in the upcoming weeks and another 48 later this year.",
    "The latest fighting broke out in Anbar Province on December 30 after a Sunni protest camp in Ramadi was dismantled by government forces.",
    "U.S. troops withdrew from Iraq in December 2011.",
    'Lt. Gen. Rasheed Fleih told the state television Sunday that "two to three days" are needed to push the militants out.',
    "Scores of people have been reported killed in fighting in Anbar in recent days, and reports have spoken of thousands of residents fleeing.",
]
PIECES = [
    "more than",
    "at least",
    "up to",
    "nearly",
    "about",
    "fewer than",
    " 1,400 ",
    " 3 ",
    "million",
    "hundreds",
    "dozens",
    "Sunday",
    "January 6",
    "2014",
    "last week",
    " to ",
    "-",
    "$",
    "%",
    "\u00a0",
    "\u2019",
    "\n",
    ".",
    "F-16",
    "FRANCE 24",
    "0:00",
    "1:30 p.m.",
    "twenty",
    "7 years, 1 month",
    "1e308",
    "10^1000",
]

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check(text: str) -> None:
    source = make_source("s", "s.txt", text)
    for c in extract_source(source):
        assert source.text[c.start : c.end] == c.text
        assert c.low is None or c.high is None or c.low <= c.high
        assert c.type in ("quantity", "date")


@SETTINGS
@given(st.text())
def test_arbitrary_unicode(text):
    _check(text)


@SETTINGS
@given(st.lists(st.sampled_from(PIECES + REAL) | st.text(max_size=12), max_size=25).map("".join))
def test_news_like_fragments(text):
    _check(text)


@st.composite
def edited(draw):
    """A real sentence with random insertions and deletions."""
    text = draw(st.sampled_from(REAL))
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(text)))
        if draw(st.booleans()) and text:
            j = min(len(text), i + draw(st.integers(1, 6)))
            text = text[:i] + text[j:]
        else:
            text = text[:i] + draw(st.sampled_from(PIECES) | st.text(max_size=4)) + text[i:]
    return text


@SETTINGS
@given(edited())
def test_edited_real_sentences(text):
    _check(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(edited(), min_size=2, max_size=4))
def test_reports_of_edited_corpora_validate(texts):
    sources = [make_source(f"s{i}", f"s{i}.txt", "January 6, 2014\n\n" + t) for i, t in enumerate(texts)]
    corpus = compare(extract(Corpus(id="fuzz", sources=tuple(infer_published(sources)))))
    assert all(f.verdict in set(Verdict) for f in corpus.findings)
    assert sorted(c for f in corpus.findings for c in f.claims) == sorted(c.id for c in corpus.claims)
    validate(report_dict([corpus]))
