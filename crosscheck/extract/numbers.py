"""Quantities: numbers with their qualifiers, ranges, vague amounts and units.

quantulum3 reads "more than 34" as 34, finds no vague amounts, and takes "an ally" for a light-year;
its parser also costs ~1.4 ms a sentence. So candidates are found here with one linear token
scan, and units are looked up in quantulum3's own unit table (its names and surfaces), narrowed by
``data/units.json``.
"""

from __future__ import annotations

import json
import math
import os
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple, cast

from ..sources import load_data

#: the largest figure read as a claim: beyond it a number is an attack or a typo, not news
MAX_VALUE = 1e18

TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|[A-Za-z]+(?:'[a-z]+)?|[$€£¥%]|\S")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    low: str


@dataclass(frozen=True)
class QuantitySpan:
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    #: index of the first token after the number and its unit (where the counted noun starts)
    after: int
    #: index of the first token of the span (for looking back at a list head)
    first: int


#: "73-year-old", "2-year-olds", "the 73-year-old's attorneys"
OLD = frozenset({"old", "olds", "old's", "old’s"})


def tokenize(sentence: str) -> list[Token]:
    new = tuple.__new__  # a fifth faster than Token(...), which goes through a Python-level __new__
    return [new(Token, (t := m.group(), m.start(), m.end(), t.lower())) for m in TOKEN_RE.finditer(sentence)]


# --------------------------------------------------------------------------- knowledge


@cache
def _q() -> dict:
    return load_data("quantities.json")


@cache
def _phrases(kind: str) -> dict[tuple[str, ...], str]:
    """Multi-word phrases as token tuples, longest first."""
    table = _q()[kind]
    items = {tuple(TOKEN_RE.findall(k.lower())): v for k, v in table.items()}
    return dict(sorted(items.items(), key=lambda kv: -len(kv[0])))


@cache
def _by_first(kind: str) -> dict[str, list[tuple[tuple[str, ...], object]]]:
    """The same phrases indexed by their first word, so a token costs one dict look-up."""
    index: dict[str, list[tuple[tuple[str, ...], object]]] = {}
    for phrase, v in _phrases(kind).items():
        index.setdefault(phrase[0], []).append((phrase, v))
    return index


@cache
def _by_last(kind: str) -> dict[str, list[tuple[tuple[str, ...], object]]]:
    index: dict[str, list[tuple[tuple[str, ...], object]]] = {}
    for phrase, v in _phrases(kind).items():
        index.setdefault(phrase[-1], []).append((phrase, v))
    return index


@cache
def unit_table() -> dict[str, str]:
    """Lower-case surface -> unit name: quantulum3's surfaces (with plurals) and our aliases."""
    import importlib.util

    # the package's folder without running its __init__ (which costs 15 ms of start-up)
    spec = importlib.util.find_spec("quantulum3")
    folder = next(iter(spec.submodule_search_locations or []), None) if spec else None
    if folder is None:
        raise ImportError("quantulum3 is not installed")
    with open(os.path.join(folder, "units.json"), encoding="utf-8") as fh:
        q3 = json.load(fh)
    ours = load_data("units.json")
    ignore = set(ours["ignore"]) - set(ours["keep"])
    table: dict[str, str] = {}
    for name, unit in q3.items():
        if unit.get("entity") in ("dimensionless", "unknown"):
            continue
        for surface in unit.get("surfaces", []):
            s = surface.lower()
            for form in (s, s + "s", s + "es", s[:-1] + "ies" if s.endswith("y") else s):
                if form not in ignore and " " not in form:
                    table.setdefault(form, name)
    for alias, name in ours["aliases"].items():
        table[alias.lower()] = name
    return table


def unit_symbols() -> dict[str, str]:
    return load_data("units.json")["symbols"]


# --------------------------------------------------------------------------- the scan


#: words after "one" that make it a pronoun or a phrase, not a count ("one of", "one another")
_NOT_AFTER_ONE = {
    "of",
    "another",
    "who",
    "that",
    "which",
    "and",
    "or",
    "to",
    "in",
    "on",
    "at",
    "is",
    "was",
    "has",
    "had",
    "would",
    "will",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "does",
    "did",
    "thing",
    "way",
    "point",
    "hand",
    "side",
    "by",
    "for",
    "with",
    "from",
    "as",
    "than",
    "after",
    "else",
    "ever",
}


def _counts_one(toks: list[Token], i: int) -> bool:
    """'one bullet', 'One man': a count; 'one of', 'no one', 'the one who': not."""
    nxt = toks[i + 1]
    if nxt.text == "-" and i + 2 < len(toks) and toks[i + 2].low in _SHARES:
        return True  # "one-fifth of the participants": a share
    if not nxt.text[0].isalpha() or nxt.low in _NOT_AFTER_ONE:
        return False
    prev = toks[i - 1].low if i else ""
    return prev not in ("no", "the", "any", "every", "some", "each", "this", "that", "which", "only", "last", "next")


_SINGLE_UNITS = {"day", "week", "month", "year", "decade", "hour", "minute", "century"}
_BEFORE_A_UNIT = {
    "for",
    "about",
    "within",
    "after",
    "than",
    "nearly",
    "almost",
    "over",
    "only",
    "just",
    "least",
    "in",
    "under",
    "around",
    "roughly",
    "spent",
}


def _number_at(toks: list[Token], i: int, text: str) -> tuple[float, int] | None:
    """A number starting at token i (digits or words, with a scale): (value, next index)."""
    words = _q()["number_words"]
    scales = _q()["scales"]
    t = toks[i]
    if t.text[0].isdigit():
        if not re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?", t.text):
            return None
        value = float(t.text.replace(",", ""))
        j = i + 1
    elif t.low in words:
        value, j = float(words[t.low]), i + 1
        # twenty-five, twenty five
        if (
            value >= 20
            and value % 10 == 0
            and j + 1 < len(toks)
            and toks[j].text == "-"
            and toks[j + 1].low in words
            and words[toks[j + 1].low] < 10
        ):
            value += words[toks[j + 1].low]
            j += 2
        elif value >= 20 and value % 10 == 0 and j < len(toks) and toks[j].low in words and words[toks[j].low] < 10:
            value += words[toks[j].low]
            j += 1
    elif (
        t.low in ("one", "a", "an")
        and i + 1 < len(toks)
        and toks[i + 1].low in ("hundred", "thousand", "million", "billion")
    ):
        value, j = 1.0, i + 1
    elif t.low == "one" and i + 1 < len(toks) and _counts_one(toks, i):
        return 1.0, i + 1
    elif (
        t.low in ("a", "an")
        and i + 2 < len(toks)
        and toks[i + 1].low in ("third", "quarter", "fifth", "tenth")
        and toks[i + 2].low == "of"
        and toks[i + 3 : i + 4]
        and toks[i + 3].low not in ("a", "an")  # "a quarter of an hour" is a span
    ):
        return 1.0, i + 1  # "roughly a third of the tents": a share (read on as one third)
    elif (
        i + 1 < len(toks)
        and toks[i + 1].low in _SINGLE_UNITS
        and (t.low == "one" or (t.low in ("a", "an") and i > 0 and toks[i - 1].low in _BEFORE_A_UNIT))
    ):
        return 1.0, i + 1
    else:
        return None
    # "3 ½ years", "2¼ miles": a vulgar fraction after the whole number
    if t.text[0].isdigit() and j < len(toks) and toks[j].text in _FRACTIONS:
        value += _FRACTIONS[toks[j].text]
        j += 1
    # scales: "1.4 million", "two hundred", "$4bn"
    while j < len(toks):
        s = toks[j]
        adjacent = s.start == toks[j - 1].end
        if s.low in ("hundred", "thousand", "million", "billion", "trillion", "dozen", "mil") or (
            adjacent and s.text in ("k", "m", "bn", "b", "tn", "mln", "K", "M", "B", "BN")
        ):
            value *= scales.get(s.low, 12)  # "two dozen" is 24
            j += 1
            if s.low == "hundred" and j + 1 < len(toks) and toks[j].low == "and" and toks[j + 1].low in words:
                value += words[toks[j + 1].low]
                j += 2
        else:
            break
    return value, j


def _slang_thousands(toks: list[Token], j: int) -> str | None:
    """The currency of a slang word for thousands at j ("10 grand"), unless it describes a noun
    ("grand jury"): quantities.json 'slang_thousands'."""
    if j >= len(toks) or (slang := _q().get("slang_thousands", {}).get(toks[j].low)) is None:
        return None
    after = toks[j + 1] if j + 1 < len(toks) else None
    if after is None or not after.text[:1].isalpha() or after.low in slang["followed_by"]:
        return str(slang["unit"])
    return None


#: denominators written as words: "two-thirds" is 66.67 %
_SHARES = {"thirds": 3, "third": 3, "quarters": 4, "quarter": 4, "fifths": 5, "fifth": 5, "halves": 2, "tenths": 10}
_FRACTIONS = {"\u00bd": 0.5, "\u00bc": 0.25, "\u00be": 0.75, "\u2153": 1 / 3, "\u2154": 2 / 3, "\u215b": 0.125}


def _between_before(toks: list[Token], i: int) -> bool:
    """Whether "between" opens the figure at ``i``: "between 3 and 5", "between the ages of 35 and
    75" (a range, where "35 and 75" alone are two figures)."""
    before = [t.low for t in toks[max(0, i - 4) : i]]
    return (
        before[-1:] == ["between"]
        or before[-4:] == ["between", "the", "ages", "of"]
        or before[-3:] == ["between", "ages", "of"]
    )


def _skip_hyphen(toks: list[Token], j: int) -> int:
    if j < len(toks) and toks[j].text == "-" and j + 1 < len(toks) and toks[j].start == toks[j - 1].end:
        return j + 1
    return j


def _during(toks: list[Token], i: int) -> bool:
    """Whether "over" before the figure at ``i`` says during a span of time after another figure
    ("12 times over five years"); "people over 18 years old" are older than 18."""
    if i < 2 or i + 1 >= len(toks) or toks[i + 1].low.rstrip("s") not in _SINGLE_UNITS:
        return False
    if [t.low for t in toks[i + 2 : i + 4]][:1] == ["old"] or [t.low for t in toks[i + 2 : i + 4]] == ["of", "age"]:
        return False
    return toks[i - 2].low == "times" or any(c.isdigit() for t in toks[max(0, i - 3) : i - 1] for c in t.text)


def _qualifier_before(toks: list[Token], i: int) -> tuple[str | None, str | None, int]:
    """(phrase, kind, first token index) of a qualifier right before token i."""
    if i == 0:
        return None, None, i
    for phrase, kind in _by_last("qualifiers").get(toks[i - 1].low, ()):
        n = len(phrase)
        if i - n >= 0 and tuple(t.low for t in toks[i - n : i]) == phrase:
            if phrase == ("some",) and i >= 2 and toks[i - 2].low in ("for", "of"):
                continue
            if phrase == ("over",) and i + 1 < len(toks) and toks[i - 2 if i >= 2 else i].low in ("ran",):
                continue
            if phrase == ("over",) and _during(toks, i):
                continue  # "12 times over five years", "$12tn over 10 years": during, not more than
            return " ".join(phrase), str(kind), i - n
    return None, None, i


def _suffix_after(toks: list[Token], j: int) -> tuple[str | None, str | None, int]:
    for phrase, kind in _phrases("suffixes").items():
        n = len(phrase)
        k = j + 1 if phrase == ("plus",) and j < len(toks) and toks[j].text == "-" else j
        if tuple(t.low for t in toks[k : k + n]) == phrase:
            return " ".join(phrase), kind, k + n
    return None, None, j


def _unit_after(toks: list[Token], j: int) -> tuple[str | None, int]:
    """A unit word right after the number ("40 miles", "72-hour", "20 percent")."""
    symbols = unit_symbols()
    table = unit_table()
    k = _skip_hyphen(toks, j)
    if k >= len(toks):
        return None, j
    t = toks[k]
    if t.text == "%":
        return "percentage", k + 1
    if t.low in ("per",) and k + 1 < len(toks) and toks[k + 1].low == "cent":
        return "percentage", k + 2
    if t.text in symbols and t.text not in ("$", "€", "£", "¥"):
        return symbols[t.text], k + 1
    if t.low in ("degree", "degrees") and t.text[0].islower():
        # the scale is the next word when written; unwritten, it is unknown, never assumed
        scale = toks[k + 1].low if k + 1 < len(toks) else ""
        if scale in ("celsius", "c", "centigrade"):
            return "degree Celsius", k + 2
        if scale in ("fahrenheit", "f"):
            return "degree Fahrenheit", k + 2
        return "degree", k + 1
    if (t.low in table and t.text[0].islower()) or t.low in ("percent",):
        return table[t.low], k + 1
    return None, j


def _bounds(value: float, kind: str | None, *, count: bool = True) -> tuple[float | None, float | None]:
    """Inclusive bounds; "more than"/"fewer than" step by one only for whole counts."""
    q = _q()
    whole = float(value).is_integer() and count
    if kind == "gt":
        return (value + 1 if whole else value), None
    if kind == "ge":
        return value, None
    if kind == "le":
        return None, value
    if kind == "lt":
        return None, (value - 1 if whole else value)
    if kind == "near":
        low = value * (1 - q["near_tolerance"])
        return (math.floor(round(low, 6)) if whole else round(low, 2)), value
    if kind == "approx":
        t = q["approx_tolerance"]
        lo, hi = value * (1 - t), value * (1 + t)
        return (math.floor(round(lo, 6)), math.ceil(round(hi, 6))) if whole else (round(lo, 2), round(hi, 2))
    return value, value


@cache
def times_words() -> frozenset[str]:
    """Number words that say how many times ("twice"): they count times."""
    return _word_set("times_words")


@cache
def _word_set(key: str) -> frozenset[str]:
    """A word list of quantities.json, lower case."""
    return frozenset(w.lower() for w in _q()[key])


def _address(toks: list[Token], i: int) -> bool:
    """'at 191 Barre Street', '1099 South Barre Road': a house number, a few capitalised words and
    a street word."""
    k = i + 1
    while k < len(toks) and k - i <= 4 and toks[k].text[:1].isupper() and toks[k].text.isalpha():
        if k > i + 1 and toks[k].low in _word_set("street_words"):
            return True
        k += 1
    return False


#: capitalised words that open a phrase before a figure rather than name something ("In 2014")
_NOT_NAME_WORDS = frozenset(
    "In On At By For From About Some Only All Nearly Almost Around Over Under Since Until After Before Of "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec January February March April May June July August "
    "September October November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
)
#: words that may follow a name ending in a figure ("Motel 6 in Fresno", "Xbox 360 and")
_AFTER_NAME = frozenset("in on at of and or is was 's were are has had with for to from".split())


def _harmed(lows: list[str], k: int) -> int | None:
    """The token after the harm "no one" suffered ("No one was seriously hurt"), or None."""
    if lows[k : k + 1] in (["was"], ["were"], ["has"]):
        k += 1
    if lows[k : k + 1] == ["been"]:
        k += 1
    if k < len(lows) and lows[k].endswith("ly"):  # "seriously", "critically"
        k += 1
    return k + 1 if k < len(lows) and lows[k] in _word_set("none_suffered") else None


#: words that may follow an "N-figures" amount with no noun of its own ("gave him five figures to cover ...")
_AFTER_SUM = frozenset({"to", "for", "in", "and", "from", "on"})


def _money_follows(toks: list[Token], after: int) -> bool:
    """Whether an "N-figure(s)" amount is money: no noun follows, or a noun of sums does."""
    nxt = toks[after] if after < len(toks) else None
    return (
        nxt is None
        or not nxt.text.isalpha()
        or not nxt.text.islower()
        or nxt.low in _word_set("sums")  # "a six-figure salary"; before another noun it counts that
        or nxt.low in _AFTER_SUM
    )


def _named_number(toks: list[Token], i: int, *, words: bool = False) -> bool:
    """'Xbox 360', 'Motel 6', 'Maroon 5', 'Expedition 39': a small figure right after a capitalised
    word inside a sentence ends a name, unless it goes on to count something ("Ramadi 22 soldiers").
    ``words``: a capitalised number word ending a title ("Zero Dark Thirty", "World War Two")."""
    p = toks[i - 1]
    figure = toks[i].text[:1].isupper() and toks[i].text.isalpha() if words else re.fullmatch(r"\d{1,3}", toks[i].text)
    if not (
        i >= 2
        and figure
        and p.text[:1].isupper()
        and p.text[1:].islower()
        and p.text.isalpha()
        and p.text not in _NOT_NAME_WORDS
        and toks[i - 2].text not in (".", "!", "?", '"', "\u201c", ":", ";", "(")
    ):
        return False
    n = toks[i + 1] if i + 1 < len(toks) else None
    if words:  # a title ends with its number word: "Ten Volunteer Firefighters" in a headline counts
        return n is None or (n.text != "-" and not n.text[0].isalpha()) or n.low in _AFTER_NAME
    return n is None or not n.text[0].isalpha() or n.text[0].isupper() or n.low in _AFTER_NAME


#: small words inside a title: "Six Degrees of Separation"
_TITLE_SMALL = frozenset({"of", "the", "and", "a", "an", "in", "on", "to", "for"})


def _title_opening(toks: list[Token], i: int) -> bool:
    """A capitalised number word opening a title inside a sentence: 'in "Six Degrees of Separation"',
    'starred in Six Degrees of Separation': a quotation mark or a word in lower case before it, and
    at least two more capitalised words after it ("Degrees", "Separation"), small words between.
    '"Four Marines were killed," he said' and "Police Arrest Six Men" count."""
    before = toks[i - 1]
    if not (before.text in ('"', "\u201c") or (before.text.isalpha() and before.text.islower())):
        return False
    capitals, k = 0, i + 1
    while k < len(toks) and ((toks[k].text[:1].isupper() and toks[k].text.isalpha()) or toks[k].low in _TITLE_SMALL):
        capitals += toks[k].text[:1].isupper()
        k += 1
    return capitals >= 2


#: what makes a figure an ordinal ("62nd")
ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(load_data("lexicon.json")["stopwords"])


def _rank(toks: list[Token], j: int, nt: Token) -> bool:
    """A figure written as an ordinal ("62nd") right before a word in lower case (a noun it ranks)."""
    if not (j + 1 < len(toks) and toks[j].low in ORDINAL_SUFFIXES and toks[j].start == nt.end):
        return False
    after = toks[j + 1]
    if not (after.text.isalpha() and after.text.islower()) or (
        after.low.endswith("ed") and not after.low.endswith("eed")
    ):
        return False  # "the 442nd suffered terrible losses", "the 442nd was formed": a name
    # "the 24th day of the war" says when, as a date does, not a figure of the story
    return after.low not in _word_set("not_ranked") and after.low not in _stopwords()


#: words after a span that make it a span of its own: "3 hours, and 20 minutes later"
_AFTER_A_SPAN = frozenset({"later", "after", "earlier", "before", "ago", "of"})


def _ours() -> dict[str, Any]:
    """crosscheck/data/units.json (loaded once, by load_data)."""
    return load_data("units.json")


@cache
def _compound() -> dict[str, tuple[str, float]]:
    """units.json compound: a unit, the smaller one a figure may go on in, and how many of it make one."""
    base = _ours()["to_base"]
    return {unit: (smaller, base[unit][1] / base[smaller][1]) for unit, smaller in _ours()["compound"].items()}


@cache
def _in_years() -> dict[str, float]:
    """Units said in years elsewhere ("a decade" is 10 years), from units.json to_base."""
    base = _ours()["to_base"]
    kind, year = base["year"]
    return {unit: factor / year for unit, (b, factor) in base.items() if b == kind and factor > year}


def _half_unit(toks: list[Token], i: int) -> QuantitySpan | None:
    """Half a unit of time or distance: "a half-century" (toks[i] is "half" after "a"), "half a
    century", "half an hour"; the span runs from the article to the unit."""
    if i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 2].low in _ours()["halved"] and i > 0:
        if toks[i - 1].low in ("a", "an") and toks[i + 1].start == toks[i].end:
            first, unit = i - 1, i + 2
        else:
            return None
    elif i + 2 < len(toks) and toks[i + 1].low in ("a", "an") and toks[i + 2].low in _ours()["halved"]:
        first, unit = i, i + 2
    else:
        return None
    name = toks[unit].low
    half = 0.5 * _in_years().get(name, 1)  # "a half-century" is 50 years
    name = "year" if name in _in_years() else name
    qual, kind, start = _qualifier_before(toks, first)  # "more than half a century later"
    low, high = _bounds(half, kind, count=False) if qual else (half, half)
    return QuantitySpan(toks[start].start, toks[unit].end, half, low, high, name, qual, unit + 1, start)


def _superlative_rank(toks: list[Token], i: int) -> bool:
    """An ordinal word joined to a superlative ("third-largest", "second-biggest", "fourth-most"):
    a rank whatever follows; "second-guessing" and "third-party" are none."""
    if not (i + 2 < len(toks) and toks[i + 1].text == "-" and toks[i + 1].start == toks[i].end):
        return False
    word = toks[i + 2].low
    return toks[i + 2].start == toks[i + 1].end and (word.endswith("est") or word in ("most", "worst"))


def is_designator(toks: list[Token], i: int, sentence: str) -> bool:
    """'FRANCE 24', 'F-16', 'Chapter 11', '16x9', '24/7', 'No. 2': names, not amounts."""
    t = toks[i]
    if (i > 0 and toks[i - 1].text == "^") or (i + 1 < len(toks) and toks[i + 1].text == "^"):
        return True  # "10^1000": a power, written as no one writes an amount
    lows = [x.low for x in toks[max(0, i - 3) : i]]
    if t.text == "911" and (
        (lows and lows[-1] in ("call", "called", "calling", "calls", "dial", "dialed", "dialled"))
        or (i + 1 < len(toks) and toks[i + 1].low in _word_set("emergency_line"))
    ):
        return True  # the emergency number ("called 911", "a 911 dispatcher"), not 911 of anything
    if _address(toks, i):
        return True
    if (
        i + 2 < len(toks)
        and toks[i + 1].text == "-"
        and toks[i + 1].start == t.end
        and re.fullmatch(r"[A-Z]", toks[i + 2].text)
        and toks[i + 2].start == toks[i + 1].end
    ):
        return True  # "labeled 4-C", "classified 1-A": a code, as "F-16" is
    if (lows and lows[-1] == "box") or (len(lows) == 3 and lows[0] == "page" and lows[2] == "-"):
        return True  # "P.O. Box 1234", "page A - 10"
    if re.fullmatch(r"\d{5}", t.text) and i > 0 and re.fullmatch(r"[A-Z]{2}", toks[i - 1].text):
        return True  # a ZIP code after a state: "Miami, FL 33169"
    if i > 0:
        p = toks[i - 1]
        if p.end == t.start and (p.text in ("-", "/", "#", ".", ":") or p.text[0].isalpha()):
            if (
                p.text == "-"
                and i > 1
                and toks[i - 2].end == p.start
                and toks[i - 2].text[0].isalpha()
                and toks[i - 2].low not in ("to", "and")
            ):
                return True
            if p.text in ("/", "#", ":", "."):
                return True
            if p.text[0].isalpha():
                return True
        if p.text in _q()["designator_words"] or (
            p.text[:1].isupper() and p.text.isupper() and len(p.text) > 1 and p.text not in ("US", "UN", "EU", "UK")
        ):
            return True
        if _named_number(toks, i):
            return True
        if p.text == "." and i > 1 and toks[i - 2].text in ("No", "no", "Nos"):
            return True  # "The No. 1 thing": a rank
    if i + 1 < len(toks):
        n = toks[i + 1]
        # "1 World Trade Center.", "the 3100-block of"
        after = toks[i + 2] if n.text == "-" and i + 2 < len(toks) else n
        if after.low == "block":
            return True
        if n.text[:1].isupper() and i > 0:
            k = i + 1
            while k < len(toks) and toks[k].text[:1].isupper():
                k += 1
            # a run of two or more capitalised words closing the clause is a name
            if k - (i + 1) >= 2 and (k >= len(toks) or not toks[k].text[0].isalpha()):
                return True
        if n.start == t.end and (n.text in ("/", ":") or n.low in ("x", "th", "st", "nd", "rd", "s")):
            return True
        if (
            n.start == t.end
            and n.text[0].isalpha()
            and n.low
            not in (
                "k",
                "m",
                "bn",
                "b",
                "tn",
                "mln",
                "km",
                "kg",
                "mph",
                "ft",
                "cm",
                "mm",
                "lb",
                "lbs",
                "mi",
                "gb",
                "mb",
                "mw",
                "gw",
                "pm",
                "am",
                "s",
            )
        ):
            return True
    return False


def is_time(toks: list[Token], i: int, j: int) -> bool:
    """'1:30 p.m.', '8 a.m.', '0500 GMT'."""
    if j < len(toks):
        nxt = toks[j].low
        if (
            nxt in ("a", "p")
            and j + 1 < len(toks)
            and toks[j + 1].text == "."
            and j + 2 < len(toks)
            and toks[j + 2].low == "m"
        ):
            return True
        if toks[j].text in _q()["time_words"] or nxt in ("am", "pm"):
            return True
    return False


_PHONE = re.compile(
    r"\(?\d{3}\)?[ .-]\d{3}[ .-](?:\d{4}|[A-Z]{4})\b|\d{1,2}[ .-]\d{3}[ .-]\d{3}[ .-]\d{3,4}\b"
    r"|1[ .-]8[0-9]{2}[ .-][A-Z0-9-]{4,10}\b"  # toll-free and vanity numbers: "1-800-TBI-FIND", "1-888-CRIME-TV"
)


def phone_end(sentence: str, a: int) -> int | None:
    """Where a phone number starting at (or one bracket before) offset a ends, if it is one."""
    start = a - 1 if a > 0 and sentence[a - 1] == "(" else a
    m = _PHONE.match(sentence, start)
    return m.end() if m else None


@cache
def number_words() -> frozenset[str]:
    """The spelled-out numbers of quantities.json ("two", "twelve", "dozen")."""
    return frozenset(_q()["number_words"])


@cache
def _triggers() -> frozenset[str]:
    """Lower-case words that can start a quantity (besides digits and currency signs)."""
    q = _q()
    words = set(q["number_words"]) | set(q["ordinal_words"]) | {"one", "a", "an", "half", "no", "nobody"}
    words |= {p[0] for p in _phrases("vague")} | {p[0] for p in _phrases("exact_words")}
    return frozenset(words)


def find_quantities(
    sentence: str, *, masked: Sequence[tuple[int, int]] = (), tokens: list[Token] | None = None
) -> list[QuantitySpan]:
    """Every quantity in a (normalised) sentence, outside the masked spans (dates, names)."""
    toks = tokens if tokens is not None else tokenize(sentence)
    triggers = _triggers()
    vague = _by_first("vague")
    exact = _by_first("exact_words")
    lows = [t.low for t in toks]
    out: list[QuantitySpan] = []
    i = 0

    spans = sorted(masked)
    starts = [a for a, _ in spans]

    def inside(t: Token) -> bool:
        k = bisect_right(starts, t.start) - 1
        return k >= 0 and t.start < spans[k][1]

    while i < len(toks):
        t = toks[i]
        c = t.text[0]
        if not (c.isdigit() or c in "$€£¥" or t.low in triggers) or inside(t):
            i += 1
            continue
        if t.low in _q()["ordinal_words"]:  # "at least the fifth time": a count of times; else a rank
            title = t.text[0].isupper() and i > 0  # "Her film Third Time Lucky"
            compound = i + 2 < len(toks) and toks[i + 2].text == "-"  # "a third time-share fraud"
            if i + 1 < len(toks) and toks[i + 1].text == "time" and not title and not compound:
                n = float(_q()["ordinal_words"][t.low])
                k = i - 1 if i and toks[i - 1].low == "the" else i
                qual, kind, first = _qualifier_before(toks, k)
                times = _bounds(n, kind, count=True) if qual else (n, n)
                out.append(QuantitySpan(toks[first].start, toks[i + 1].end, n, *times, None, qual, i + 2, first))
                i += 2
            elif _superlative_rank(toks, i):
                # "the nation's third-largest chicken producer": a rank, as "the 62nd inmate" is
                n = float(_q()["ordinal_words"][t.low])
                out.append(QuantitySpan(t.start, toks[i + 2].end, n, n, n, None, None, i + 3, i))
                i += 3
            else:
                i += 1
            continue
        if t.low == "half" and (span := _half_unit(toks, i)) is not None:
            out.append(span)  # "a half-century on", "half a century later": half the unit
            i = span.after
            continue
        if t.low == "half":  # "around half", "almost half of them": a share; "an hour and a half" is none
            qual, kind, first = _qualifier_before(toks, i)
            if qual or (i + 1 < len(toks) and toks[i + 1].low == "of" and (i == 0 or toks[i - 1].low != "a")):
                share = _bounds(50.0, kind, count=False) if qual else (50.0, 50.0)
                out.append(QuantitySpan(toks[first].start, t.end, 50.0, *share, "percentage", qual, i + 1, first))
            i += 1
            continue
        if t.low in ("no", "nobody"):
            n = 2 if lows[i + 1 : i + 2] == ["one"] else 1 if t.low == "nobody" else 0
            harmed = _harmed(lows, i + n) if n else None
            if t.low == "no" and lows[i + 1 : i + 2] and lows[i + 1] in _word_set("none_of"):
                n, harmed = 2, i + 2  # "No arrests have yet been made", "no injuries were reported"
            if harmed is not None:  # "No one was injured": a count of the injured, and it is 0
                out.append(QuantitySpan(t.start, toks[i + n - 1].end, 0.0, 0.0, 0.0, None, None, harmed, i))
            i += max(n, 1)
            continue
        if t.low == "one" and lows[i + 1 : i + 2] == ["day"] and i and lows[i - 1] in _word_set("someday_before"):
            then = toks[i + 2] if i + 2 < len(toks) else None
            verb_after = (
                then is not None and then.text.isalpha() and then.text.islower() and then.low not in _AFTER_NAME
            )
            if lows[i - 1] != "to" or verb_after:  # "sentenced to one day in jail" is a day
                i += 2  # "she hopes to one day return": some day, no span of one day
                continue
        # vague and word amounts: "Scores of", "tens of thousands", "a dozen"
        hit = None
        for table, is_vague in ((vague, True), (exact, False)):
            for phrase, rng in table.get(lows[i], ()):
                n = len(phrase)
                if tuple(lows[i : i + n]) == phrase:
                    hit = (phrase, rng, is_vague, n)
                    break
            if hit:
                break
        if hit:
            phrase, rng, is_vague, n = hit
            prev = toks[i - 1].low if i else ""
            if is_vague and (
                prev in _q()["number_words"]
                or prev[:1].isdigit()
                or (prev in ("of", "the", "by") and phrase == ("scores",))
                or (prev in ("the", "these", "those", "all") and phrase[-1] == "figures")  # "the six figures in it"
            ):
                i += n
                continue
            end = toks[i + n - 1].end
            low: float | None
            high: float | None
            value: float | None
            if is_vague:
                bounds = cast(Sequence[float], rng)
                low, high, value = float(bounds[0]), (None if bounds[1] is None else float(bounds[1])), None
                after = i + n
            else:
                value = float(cast(float, rng))
                low = high = value
                after = i + n
                if phrase[-1] != "of" and after < len(toks) and toks[after].low == "of":
                    after += 1
            unit, after = _unit_after(toks, after)  # "a dozen years", "dozens of miles"
            if unit is None and phrase[-1].endswith(("figure", "figures")) and _money_follows(toks, after):
                unit = "dollar"  # "a six-figure sum", "gave him five figures": an amount of money
            if unit:
                end = toks[after - 1].end
            qual, kind, first = _qualifier_before(toks, i)
            if qual and value is not None:
                low, high = _bounds(value, kind)
            start = toks[first].start
            out.append(QuantitySpan(start, end, value, low, high, unit, qual, after, first))
            i = max(i + n, after if unit else i + n)
            continue

        currency = None
        if t.text in ("$", "€", "£", "¥") and i + 1 < len(toks) and toks[i + 1].text[0].isdigit():
            currency = unit_symbols()[t.text]
            num_i = i + 1
        else:
            num_i = i
        parsed = _number_at(toks, num_i, sentence) if not inside(toks[num_i]) else None
        if parsed is None:
            i += 1
            continue
        value, j = parsed
        nt = toks[num_i]
        if j + 1 < len(toks) and toks[j].text == "-" and toks[j + 1].low in _q().get("descriptive_compounds", ()):
            i = j + 2  # "four-legged heirs": a kind of heir, not a count of legs
            continue
        if num_i > 0 and toks[num_i - 1].low in _word_set("serial_words") and not currency:
            # "season five", "seasons 5, 6 and 7": which ones, not how many
            while j + 1 < len(toks) and toks[j].low in (",", "and", "or") and toks[j + 1].text[0].isdigit():
                j += 2
            i = j
            continue
        if nt.text[0].isdigit() and not currency:
            phone = phone_end(sentence, nt.start)
            if phone is not None:
                while i < len(toks) and toks[i].start < phone:
                    i += 1
                continue
            # "his 34th birthday": an age, though an ordinal is otherwise a rank, not an amount
            if (
                j + 1 < len(toks)
                and toks[j].low in ORDINAL_SUFFIXES
                and toks[j].start == nt.end
                and toks[j + 1].low == "birthday"
            ):
                out.append(QuantitySpan(nt.start, toks[j].end, value, value, value, "year", None, j + 1, num_i))
                i = j + 1
                continue
            if _rank(toks, j, nt):
                # "the 62nd inmate on federal death row", "the 15th statement of his presidency": a rank,
                # which outlets state as they state a count ("the 5th Avenue", "101st Airborne" are names)
                out.append(QuantitySpan(nt.start, toks[j].end, value, value, value, None, None, j + 1, num_i))
                i = j + 1
                continue
            if is_designator(toks, num_i, sentence):
                i = j
                continue
        elif (
            num_i > 0
            and nt.text[:1].isupper()
            and (
                toks[num_i - 1].text in _q()["designator_words"]
                or _named_number(toks, num_i, words=True)
                or _title_opening(toks, num_i)
            )
        ):
            i = j  # "Page Six reports", "Channel Four", "Zero Dark Thirty": a name, as "Page 6" is
            continue
        if is_time(toks, num_i, j):
            i = j
            continue
        high_value = None
        # ranges: "two to three days", "10-20", "three-to 10-years", "between 3 and 5"
        k = _skip_hyphen(toks, j)
        if k == j + 1 and k < len(toks) and toks[k].text[0].isdigit():
            k = j  # "10-20": the hyphen is the range's
        if k < len(toks) and (
            toks[k].low in ("to", "and", "or") or (toks[k].text == "-" and toks[k].start == toks[j - 1].end)
        ):
            m = k + 1
            if m < len(toks) and toks[m].text == "-" and toks[k].low == "to":
                m += 1
            if m < len(toks) and toks[m].text in ("$", "€", "£"):
                m += 1
            change = num_i > 1 and toks[num_i - 1 - (1 if currency else 0)].low == "from" and toks[k].low == "to"
            if m < len(toks) and not inside(toks[m]) and not change:  # "rose from $65 to $70": two figures
                second = _number_at(toks, m, sentence)
                if second and toks[k].text == "-" and second[0] < value and second[0] >= value / 100:
                    # "280,000-50,000 years ago": a range written from the far end
                    value, second = second[0], (value, second[1])
                if (
                    second
                    and second[0] > value
                    and (toks[k].low != "and" or _between_before(toks, num_i - (1 if currency else 0)))
                ):
                    if toks[k].low == "or" and second[0] > value * 10:
                        second = None
                    if second:
                        high_value, j = second
        unit, j2 = _unit_after(toks, j)
        # "two-thirds of that", "three quarters": a part, read as a percentage
        f = j + 1 if j < len(toks) and toks[j].text == "-" else j
        if high_value is None and not currency and f < len(toks) and toks[f].low in _SHARES and value < 10:
            part = value / _SHARES[toks[f].low]
            whole, after_whole = (
                _unit_after(toks, f + 3) if lows[f + 1 : f + 3] in (["of", "a"], ["of", "an"]) else (None, 0)
            )
            if whole is not None:  # "three-quarters of a mile": a part of a unit, in that unit
                value, unit, j2 = round(part, 4), whole, after_whole
            else:
                value, unit, j2 = round(part * 100, 2), "percentage", f + 1
        if currency:
            unit = currency
            # "$4 million" already scaled; "4 million dollars" handled by unit word
        elif unit is None and (slang := _slang_thousands(toks, j)):  # "10 grand" is $10,000
            value, unit, j2 = value * 1000, slang, j + 1
            high_value = high_value * 1000 if high_value is not None else None
        j = j2
        # "7 years, 1 month", "7-year-and-one-month" -> 85 months; "2 hours and 23 minutes" -> 143
        if unit in _compound() and high_value is None:
            smaller, factor = _compound()[unit]
            m = j
            while m < len(toks) and toks[m].low in (",", "and", "-"):
                m += 1
            p = _number_at(toks, m, sentence) if m < len(toks) and (m > j or smaller != "month") else None
            if p is None and m > j and m < len(toks) and toks[m].low in ("one", "a"):
                p = (1.0, m + 1)
            joined = [t.low for t in toks[j:m]]
            if p and p[0] < factor and _unit_after(toks, p[1])[0] == smaller and joined != [",", "and"]:
                end = _unit_after(toks, p[1])[1]
                if end >= len(toks) or toks[end].low not in _AFTER_A_SPAN:
                    value = value * factor + p[0]
                    unit = smaller
                    j = end
        if unit in _in_years():  # "more than a decade": years, as every outlet counts them
            years = _in_years()[unit]
            value, unit = value * years, "year"
            high_value = high_value * years if high_value is not None else None
        qual, kind, first = _qualifier_before(toks, i)
        if qual == "between":
            qual = None
        suffix, skind, j3 = _suffix_after(toks, j)
        if suffix and not qual:
            qual, kind, j = suffix, skind, j3
        # "73-year-old", "under 13 years old": an age, counted in whole years
        age = False
        if unit == "year" and j + 1 < len(toks) and toks[j].text == "-" and toks[j + 1].low in OLD:
            j += 2
            age = True
        elif unit == "year" and j < len(toks) and toks[j].low in OLD:
            j += 1
            age = True
        # "more than twice the risk": a multiplier, any figure above 2
        count = (unit is None or age) and nt.low not in times_words()
        if high_value is not None:
            low, high = value, high_value
            lo_q, _ = _bounds(value, kind, count=count) if kind in ("gt", "ge", "approx", "near") else (value, None)
            low = lo_q if lo_q is not None else value
        else:
            low, high = _bounds(value, kind, count=count)
        if currency and i < num_i:
            first = min(first, i)
        start = toks[first].start
        end = toks[j - 1].end
        out.append(QuantitySpan(start, end, value, low, high, unit, qual, j, first))
        i = j
    # "1 followed by 400 zeros" is no amount anyone reports, and cannot be written as JSON
    return [
        q for q in out if all(v is None or (math.isfinite(v) and abs(v) <= MAX_VALUE) for v in (q.value, q.low, q.high))
    ]
