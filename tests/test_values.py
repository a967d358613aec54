"""Value logic: how a written figure is read as an interval, and when two can both be true."""

from __future__ import annotations

import math

import pytest
from conftest import CSM, DW, FRANCE24, RFERL_MALIKI

from crosscheck import Corpus, extract
from crosscheck.values import base_unit, bounds, compatible, describe, fmt_num, interpretation, range_text, written_unit


def claim(make_source, text: str, figure: str):
    corpus = extract(Corpus(id="v", sources=(make_source(text),)))
    return next(c for c in corpus.claims if c.text == figure)


@pytest.mark.parametrize(
    "a, fa, b, fb, together",
    [
        ("The ticket costs $16, the company said.", "$16", "Tickets sell for $15.99 each.", "$15.99", True),
        ("Turnout was 21 % on Monday.", "21 %", "Turnout reached 21.3 % on Monday.", "21.3 %", True),
        ("The fire destroyed 2,000 acres.", "2,000 acres", "The fire destroyed 2,500 acres.", "2,500 acres", False),
        ("Police said 50 people were arrested.", "50", "Police said 49 people were arrested.", "49", False),
        ("Officials said 1,400 homes were lost.", "1,400", "Officials said 1,420 homes were lost.", "1,420", True),
        (
            "It cost 1.5 million dollars.",
            "1.5 million dollars",
            "It cost 2 million dollars.",
            "2 million dollars",
            False,
        ),
    ],
)
def test_rounding_follows_how_a_figure_is_written(make_source, a, fa, b, fb, together):
    x, y = claim(make_source, a, fa), claim(make_source, b, fb)
    assert compatible(x, y) is together, (bounds(x), bounds(y))


def test_written_unit_is_the_last_digit_written(make_source):
    assert written_unit(claim(make_source, "Tickets sell for $15.99 each.", "$15.99")) == pytest.approx(0.01)
    assert written_unit(claim(make_source, "The fire destroyed 2,000 acres.", "2,000 acres")) == 1000
    assert written_unit(claim(make_source, "Six people died on Monday.", "Six")) == 1


def test_one_way_to_write_a_range(make_source):
    more = claim(make_source, "More than 34 people were killed on Sunday.", "More than 34")
    assert describe(more) == "'More than 34' (35 or more)" and interpretation(more) == "\u2265 35"
    assert range_text(2000, 9999) == "2,000 to 9,999" and range_text(2000, 9999, symbols=True) == "2,000\u20139,999"
    assert range_text(5, 5) == "" and fmt_num(5099.5) == "5,099.5" and fmt_num(None) == "\u2013"


def seed_claim(corpus, source_id, text):
    (c,) = [c for c in corpus.claims if c.source == source_id and c.text == text]
    return c


def test_base_units():
    assert base_unit("year") == ("month", 12.0)
    assert base_unit("week") == ("day", 7.0)
    assert base_unit("mile") == ("metre", 1609.344)
    assert base_unit("dollar") == ("dollar", 1.0)
    assert base_unit(None) == (None, 1.0)


def test_bounds_read_qualifiers(seed_extracted):
    s = seed_extracted
    assert bounds(seed_claim(s, FRANCE24, "more than 34")) == (35, math.inf)
    assert bounds(seed_claim(s, CSM, "at least 34")) == (34, math.inf)
    low, high = bounds(seed_claim(s, DW, "25"))  # an exact figure: itself, give or take rounding
    assert low <= 25 <= high and high - low < 2
    assert bounds(seed_claim(s, RFERL_MALIKI, "thousands")) == (2000, 9999)
    assert bounds(seed_claim(s, CSM, "two to three days")) == (2, 3)


def test_time_scopes_read_as_words():
    from crosscheck.values import when_text

    assert when_text("2014-01-05") == "on Sunday 5 January 2014"
    assert when_text("2013-12") == "in December 2013" and when_text("2004") == "in 2004"
    assert when_text("2013-12-30/2014-01-05") == "between Monday 30 December 2013 and Sunday 5 January 2014"


def test_times_of_day_are_compared_to_the_minute(make_source):
    from crosscheck import Corpus, extract

    def time(text):
        corpus = extract(Corpus(id="t", sources=(make_source(text),)))
        return next(c for c in corpus.claims if "T" in (c.date or ""))

    nine = time("Police arrived at about 9 p.m. on Monday, officials said.")
    assert nine.text == "about 9 p.m." and nine.date == "2014-01-06T21:00" and nine.qualifier == "about"
    assert compatible(nine, time("Police arrived at 9:10 p.m. on Monday."))  # "about": 15 minutes either way
    assert not compatible(nine, time("Police arrived at 11:30 p.m. on Monday."))
    assert not compatible(time("The call came at 6:57 p.m. Monday."), time("The call came at 6:50 p.m. Monday."))
    assert time("She left between 6:45 p.m. and 6:55 p.m. on Monday.").date == "2014-01-06T18:45/2014-01-06T18:55"
    window = time("She left between 6:45 and 7 p.m. on Monday.")
    assert window.date == "2014-01-06T18:45/2014-01-06T19:00" and compatible(
        window, time("She left at 6:50 p.m. Monday.")
    )


def test_weeks_counted_back_allow_a_day_either_way():
    """'a week ago' in a story of May 10 is said of May 2 to 4 as readily as of May 3 (lb141)."""
    from datetime import date

    from crosscheck.extract.dates import find_dates
    from crosscheck.model import Claim

    def day(text: str, iso: str) -> Claim:
        return Claim(id=text, source="s", type="date", text=text, start=0, end=len(text), sentence=text, date=iso)

    (span,) = find_dates("She was taken a week ago.", anchor=date(2016, 5, 10))
    week_ago = day(span.text, span.value)
    assert span.value == "2016-05-02/2016-05-04"
    assert compatible(week_ago, day("May 4", "2016-05-04"))
    assert not compatible(week_ago, day("May 6", "2016-05-06"))
    assert not compatible(day("May 3", "2016-05-03"), day("May 4", "2016-05-04"))


def test_weights_and_lengths_compare_in_one_base(make_source):
    """lb084: "up to 3.9 kg (around 8.6 pounds)"; "150 cm" is "1.5 metres"; 3.9 kg is not 20 pounds."""
    (kg,) = extract([make_source("She lost 3.9 kg in the study.")]).claims
    (lb,) = extract([make_source("She lost 8.6 pounds in the study.")]).claims
    (heavy,) = extract([make_source("She lost 20 pounds in the study.")]).claims
    (cm,) = extract([make_source("The wall is 150 cm tall.")]).claims
    (m,) = extract([make_source("The wall is 1.5 metres tall.")]).claims
    assert compatible(kg, lb) and compatible(cm, m)
    assert not compatible(kg, heavy)
    assert base_unit("pound-mass")[0] == base_unit("kilogram")[0] == "kilogram"


def test_dates_no_source_could_anchor_still_name_their_day(make_source):
    """Two undated articles (Multi-News lb014, lb033) say "Wednesday", "Dec. 1": no calendar day,
    but still a weekday or a day of a month, so "Saturday" or "December 4" cannot both be right."""
    undated = {"published": None}

    def day(text: str, figure: str, **kw):
        corpus = extract(Corpus(id="v", sources=(make_source(text, **kw),)))
        return next(c for c in corpus.claims if c.text == figure)

    wednesday = day("A New Jersey court approved a $325,000 settlement on Wednesday.", "Wednesday", **undated)
    saturday = day("A New Jersey court approved a $325,000 settlement on Saturday.", "Saturday", **undated)
    again = day("The cheerleaders scored a $325,000 settlement on Wednesday.", "Wednesday", **undated)
    assert wednesday.date is None and saturday.date is None
    assert compatible(wednesday, again) and not compatible(wednesday, saturday)
    dec1 = day("Cosme allegedly caused injury to the children on Dec. 1 at the daycare.", "Dec. 1", **undated)
    dec4 = day("Cosme allegedly caused injury to the children on December 4 at the daycare.", "December 4", **undated)
    assert not compatible(dec1, dec4) and compatible(dec1, dec1)
    # a weekday against an anchored day: Monday 6 January 2014 is a Monday, not a Sunday
    anchored = day("Officials said on Monday that the fighting went on.", "Monday")
    assert anchored.date == "2014-01-06"
    monday = day("Officials said on Monday that the fighting went on.", "Monday", **undated)
    sunday = day("Officials said on Sunday that the fighting went on.", "Sunday", **undated)
    assert compatible(anchored, monday) and not compatible(anchored, sunday)
    # a weekday and a day of a month say different things: neither rules the other out
    assert compatible(wednesday, dec1)
