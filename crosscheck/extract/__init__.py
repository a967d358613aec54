"""Stage 2: every numeric and dated claim of a source, with its exact span.

Works sentence by sentence over the source's body (never its furniture) in a normalised copy of
the text whose characters map one to one onto the original, so offsets need no translation.
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from ..model import Claim, Corpus, Source
from ..sources import DATELINE, load_data, normalise
from . import frames
from .dates import MONTHS, WEEKDAYS, DateSpan, find_dates
from .numbers import OLD, QuantitySpan, Token, find_quantities, number_words, times_words, tokenize

__all__ = ["extract", "extract_source", "sentences"]

_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "gen",
    "lt",
    "col",
    "sgt",
    "capt",
    "gov",
    "sen",
    "rep",
    "st",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "inc",
    "co",
    "corp",
    "jr",
    "sr",
    "no",
    "vs",
    "prof",
    "rev",
    "maj",
    "cpl",
    "pvt",
    "adm",
    "brig",
    "supt",
    "det",
    "insp",
    "ft",
    "mt",
    "ave",
    "approx",
    "est",
    "dept",
    "univ",
    "gens",
}
#: a stop before white space and a capital, a line break, or a stop glued to the next sentence's
#: first word ("on Dec. 26.Cosme allegedly", text run together where a paragraph break was lost)
_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s+[\"'(\[]?[A-Z0-9])|\n|(?<=[a-z0-9])\.(?=[A-Z][a-z]{2})")


#: a sentence longer than this is not prose (a table, a list without stops): it is read in pieces
#: of about this size, cut at white space, so that one line cannot cost more than its length
MAX_SENTENCE = 2000


#: how a source cut at max_claims is noted: the corpus's notes, a warning, and exit code 1
CLAIMS_CAP_NOTE = "max_claims in [tool.crosscheck]"


#: words of dying that make "at 89" an age
_DIED = frozenset({"died", "dies", "dead", "die", "death"})


def _said_age(toks: list[Token], q: QuantitySpan, subject: str | None) -> bool:
    """Whether a bare figure is an age by the words around it: "Now 70, Simpson ...", "turned 70 on
    July 9", "at the age of 89", "aged 34", "Bacall, who died Aug. 12 at 89", "dies at 89 of cancer"."""
    if q.value is None or q.first == 0:
        return False
    before, after = toks[q.first - 1].low, (toks[q.after] if q.after < len(toks) else None)
    ends = after is None or after.text in (",", ".", ";", ")")  # nothing counted follows the figure
    next_word = after.low if after is not None else ""
    if before in ("turned", "turns", "turn") or (
        before == "now" and (q.first == 1 or toks[q.first - 2].text in (",", "("))
    ):
        return 1 <= q.value <= 110 and q.qualifier is None and (ends or next_word in ("on", "in", "last"))
    two_back = toks[q.first - 2].low if q.first > 1 else ""
    if before == "between":  # "aged between 35 and 75 years"
        before, two_back = two_back, (toks[q.first - 3].low if q.first > 2 else "")
    if subject is None and (before in ("age", "aged") or (before == "of" and two_back in ("age", "ages"))):
        return 0 < q.value <= 120
    if (
        before == "at"
        and q.first > 1
        and any(t.low in _DIED for t in toks[max(0, q.first - 5) : q.first - 1])
        and (subject is None or next_word == "of")
        and 1 <= q.value <= 110
        and q.qualifier is None
        and (ends or next_word in ("of", "in", "on", "after"))
    ):
        return True
    plain = subject is None and q.qualifier is None and 1 <= q.value <= 110 and toks[q.first].text.isdigit()
    if plain and before == "at" and (q.first == 1 or toks[q.first - 2].text in (",", ";")):
        # "At 89, she ...", "at 21 he will be the youngest"; "At 10, police arrived" is a time
        who = toks[q.after + 1] if next_word == "," and q.after + 1 < len(toks) else after
        if who is not None and (
            who.low in _PERSONAL or (who.text[:1].isupper() and who.text not in frames.not_names())
        ):
            return who.low not in ("police", "officers", "authorities") and who.low != ","
    three_back = toks[q.first - 3].low if q.first > 2 else ""
    if plain and before in ("was", "is") and two_back in _PERSONAL and three_back in ("when", "since"):
        return ends or next_word in ("and", "when", "she", "he", "i", "we")  # "When I was 16, we got a ..."
    return False


#: who "today" is said of when it means nowadays ('"Today you can't make that movie"')
_GENERIC_SUBJECTS = frozenset({"you", "we", "people", "everyone", "everybody", "nobody", "kids", "nowadays"})
#: who an age said with "at 89," or "when I was 16" belongs to
_PERSONAL = frozenset({"he", "she", "i", "they", "we"})


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence between start and end."""
    for a, b in _sentences(text, start, end):
        while b - a > MAX_SENTENCE:
            cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            yield _trim(text, a, cut)
            a = cut
        if text[a:b].strip():
            yield _trim(text, a, b)


def _sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group() != "\n":
            word = re.search(r"(\w+)\W*$", text[max(s, m.start() - 12) : m.start() + 1])
            w = word.group(1) if word else ""
            if (
                w.lower() in _ABBREV
                or (len(w) == 1 and w.isalpha())
                or re.fullmatch(
                    r"(?:[A-Za-z]\.)+[A-Za-z]",
                    text[max(s, m.start() - 5) : m.end()].split()[-1]
                    if text[max(s, m.start() - 5) : m.end()].split()
                    else "",
                )
            ):
                continue
        e = m.end()
        if text[s:e].strip():
            yield _trim(text, s, e)
        s = e
    if text[s:end].strip():
        yield _trim(text, s, end)


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


# --------------------------------------------------------------------------- lexicon


@cache
def _lexicon() -> tuple[dict[str, str], list[tuple[tuple[str, ...], str]], frozenset[str]]:
    lex = load_data("lexicon.json")
    subjects = {w.lower(): cls for cls, words in lex["subjects"].items() for w in words}
    events = sorted(
        ((tuple(p.lower().split()), ev) for ev, ps in lex["events"].items() for p in ps), key=lambda x: -len(x[0])
    )
    return subjects, events, frozenset(lex["stopwords"])


def subject_class(noun: str | None) -> str | None:
    if not noun:
        return None
    subjects, _, _ = _lexicon()
    n = noun.lower()
    head = n.split()[-1]
    if " " in n and subjects.get(head) == "counts" and n not in subjects:
        return f"{n.rsplit(' ', 1)[0]} counts"  # "arson counts": which offence is counted (``_charge_named``)
    return subjects.get(n) or subjects.get(head) or n


_STOP_AFTER = {
    "and",
    "or",
    "but",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "as",
    "of",
    "were",
    "was",
    "are",
    "is",
    "have",
    "has",
    "had",
    "who",
    "which",
    "that",
    "than",
    "will",
    "would",
    "could",
    "said",
    "after",
    "before",
    "during",
    "while",
    "since",
    "per",
    "each",
    "a",
    "an",
    "the",
    "this",
    "last",
    "later",
    "earlier",
    "more",
    "being",
    "been",
    "be",
    "into",
    "over",
    "under",
    "when",
    "where",
    "until",
    "across",
    "between",
    "among",
    "against",
    "about",
    "because",
    "if",
    "so",
    "then",
    "also",
    "just",
    "only",
    # particles and adverbs of place: "fell 20 feet down a cliff" counts no downs and is no rate
    "down",
    "up",
    "off",
    "out",
    "back",
    "onto",
    "through",
    "toward",
    "towards",
    "below",
    "above",
    "behind",
}


_NOT_SUBJECTS = {
    "west",
    "east",
    "north",
    "south",
    "away",
    "long",
    "old",
    "ago",
    "overnight",
    "later",
    "earlier",
    "apart",
    "each",
    "ahead",
    "behind",
    "high",
    "wide",
    "deep",
    "early",
    "late",
    "straight",
    "total",
    "down",
    "up",
    "lower",
    "higher",
    "there",
    "here",
    "now",
    "then",
    "again",
    "together",
    # pronouns: "$2,500 per season they've worked" counts no "they"
    "they",
    "they've",
    "they're",
    "we",
    "we've",
    "you",
    "i",
    "he",
    "she",
    "it",
    "his",
    "her",
    "their",
}


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


_CHARGE_FILLER = {"of", "felony", "misdemeanor", "first", "second", "third", "degree", "-", ",", "the", "a", "an"}


def _charge_named(toks: list[Token], k: int) -> str | None:
    """The first word of the offence after a count of charges ("two counts of felony arson",
    "four counts felony conspiracy"): a list of charges counts each offence apart."""
    for t in toks[k : k + 6]:
        if t.low in _CHARGE_FILLER:
            continue
        return t.low if t.text.isalpha() and t.text.islower() and t.low not in _STOP_AFTER else None
    return None


def _share_of(toks: list[Token], j: int) -> str | None:
    """What a share compares, after the comparative that follows it: "117 percent higher risk of
    heart attack" and "117 percent more heart attacks" both count heart attacks (plural, so the
    two read alike); None when no comparative follows ("5 percent in March")."""
    k = j
    while k < len(toks) and toks[k].low in _COMPARATIVES:
        k += 1
    if k == j:
        return None
    if k + 1 < len(toks) and toks[k].low in _CHANCES and toks[k + 1].low in ("of", "in", "for"):
        k += 2
    noun = _head_noun(toks, k)
    if noun is None or noun in _CHANCES:
        return None
    return noun if noun.endswith("s") else _plural(noun)


#: what may stand between a share and what it is a share of ("percent higher risk of")
_COMPARATIVES = frozenset(
    "more higher greater lower less fewer increased elevated reduced bigger larger smaller".split()
)
_CHANCES = frozenset("risk chance chances likelihood odds rate rates incidence".split())


#: verbs and prepositions that give a number its value: "the number of protesters had grown to 2,000"
_TO_VALUE = frozenset({"to", "at", "reached", "was", "is", "were", "are", "totaled", "totalled", "topped", "hit"})


def _number_of(toks: list[Token], first: int) -> str | None:
    """'The overall number of protesters ... had grown to at least 2,000': what the figure is the number of."""
    if first == 0 or toks[first - 1].low not in _TO_VALUE:
        return None
    for k in range(first - 2, max(-1, first - 16), -1):
        if toks[k].text in (".", ";", ":") or (toks[k].low in ("and", "but") and toks[k - 1].text == ","):
            return None  # another clause: "A number of residents complained, and the council voted 5 to 2"
        if (
            toks[k].low == "number"
            and k + 1 < len(toks)
            and toks[k + 1].low == "of"
            and "the"
            in (
                toks[k - 1].low if k > 0 else "",
                toks[k - 2].low if k > 1 else "",
            )
        ):
            return _head_noun(toks, k + 1)  # "the number of" counts; "a number of" means several
    return None


def _head_noun(toks: list[Token], j: int) -> str | None:
    """The counted noun after a number: '25 Islamist militants,' -> 'militants'."""
    subjects, _, _ = _lexicon()
    if j + 1 < len(toks) and toks[j].text == "-" and toks[j].start == toks[j - 1].end and toks[j + 1].text.isalpha():
        return _plural(toks[j + 1].low)  # "a 35,000-word manifesto" counts words, "a 10-page letter" pages
    if j < len(toks) and toks[j].low == "of":
        j += 1
        if j < len(toks) and toks[j].low in ("the", "their", "its", "his", "her", "our"):
            j += 1
        if j < len(toks) and toks[j].low.endswith(("'s", "’s")):
            j += 1  # "three of the city's five reservoirs"
        if j + 1 < len(toks) and (toks[j].text[:1].isdigit() or toks[j].low in number_words()):
            j += 1  # "only three of 340 prisoners": the whole's figure, then what it counts
    words: list[str] = []
    at: list[int] = []  # the token index of each word
    irregular, describing, _ = frames.past_forms()
    k = j
    while k < len(toks) and len(words) < 4:
        t = toks[k]
        if not words and t.text.isdigit() and [x.low for x in toks[k + 1 : k + 5]][::2] == ["-", "-"]:
            if toks[k + 4].low == "old":  # "the five 2-year-old children": the age describes, the noun counts
                k += 5
                continue
            if toks[k + 4].low == "olds" and int(t.text) < 18:
                return "children"  # "the five 2-year-olds"
        if not words and t.low in ("other", "more", "additional", "further") and k + 1 < len(toks):
            if toks[k + 1].text.isalpha() and toks[k + 1].low not in _STOP_AFTER:
                k += 1  # "three other movies" counts movies, not others
                continue
        if not t.text[0].isalpha() or t.low in _STOP_AFTER:
            if (t.text == "-" and words) or t.text in ('"', "\u201c", "\u201d"):
                k += 1  # 'the world's 50 "least powerful" people': quoted words inside the noun phrase
                continue
            break
        if (
            words
            and t.text.islower()
            and toks[k - 1].text != "-"  # "arson-related charges"
            and t.low not in describing
            and (t.low in irregular or (len(t.low) > 4 and t.low.endswith(("ed", "ly"))))
        ):
            break  # "one team deemed Karl Marx": the verb ends the noun phrase ("currently" too)
        words.append(t.low)
        at.append(k)
        k += 1
    if not words or words[0] in _NOT_SUBJECTS:
        return None
    for n in (2, 1):  # a lexicon subject wins: "Anbar government officials told" -> officials
        for x in range(len(words) - n + 1):
            if " ".join(words[x : x + n]) in subjects:
                found = " ".join(words[x : x + n])
                if subjects[found] == "counts":  # "five counts of arson": which charge is counted
                    crime = _charge_named(toks, at[x + n - 1] + 1)
                    return f"{crime} {found}" if crime else found
                return found
    classed = frames.hierarchy().by_word
    known = [w for w in words if w in classed]
    if known:  # the head of the noun phrase the subject classes name: "90 arson charges" -> charges
        return known[-1]
    plural = [w for w in words if w.endswith("s") and not w.endswith("ss") and len(w) > 3]
    return plural[-1] if plural else words[-1]  # "four rabies shots": the head comes last


#: events named by nouns that sit near many figures ("the suit", "remarks"): nearer words win
_WEAK_EVENTS = {"remarks", "filed"}


def _event_mentions(toks: list[Token]) -> list[tuple[int, int, str]]:
    """(first token, end token, event) of every event phrase in the sentence."""
    index = _events_by_first()
    bodies, recordings = _lexicon_words("bodies"), _lexicon_words("recordings")
    lows = [t.low for t in toks]
    found = []
    headline: bool | None = None  # read only when a capitalised word would be skipped
    for i, w in enumerate(lows):
        if i and w in index and toks[i].text[:1].isupper() and _in_name(toks, i):
            if headline is None:  # "Lauren Bacall Bequeathed $10,000 for ...": every long word capitalised
                headline = all(t.text[0].isupper() for t in toks if t.text.isalpha() and len(t.text) > 3)
            if not headline:
                continue  # "Compassion Over Killing released video": a name, no killing
        for phrase, ev in index.get(w, ()):
            n = len(phrase)
            if tuple(lows[i : i + n]) == phrase:
                recorded = (i > 0 and lows[i - 1] in recordings) or (
                    lows[i + n : i + n + 1] == ["on"] and bool(set(lows[i + n + 1 : i + n + 3]) & recordings)
                )
                if (i + n < len(lows) and lows[i + n] in bodies) or recorded:
                    break  # "the Parole Board": a name, not a parole; "footage captured", "captured on video": no arrest
                found.append((i, i + n, ev))
                break
    return found


_lexicon_words = frames.lexicon_words


def _in_name(toks: list[Token], i: int) -> bool:
    """Whether a capitalised word mid-sentence stands in a run of capitalised words (a name)."""
    return any(0 < k < len(toks) and toks[k].text[:1].isupper() and toks[k].text.isalpha() for k in (i - 1, i + 1))


def _sum_given(toks: list[Token], first: int, verb: str) -> bool:
    """Whether the verb stands right before the sum, nothing but its object between ("left $10,000",
    "was left $15,000"; not "the robbers left with $3,000", nor "$3,000 left")."""
    before = [t.low for t in toks[max(0, first - 4) : first]]
    return verb in before and not {"with", "behind", "over"} & set(before[before.index(verb) :])


@cache
def _money_events() -> dict[str, str]:
    """lexicon.json events_of_money: a verb that tells of a sum as another event."""
    return {w: ev for ev, words in load_data("lexicon.json").get("events_of_money", {}).items() for w in words}


@cache
def _events_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    _, events, _ = _lexicon()
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, ev in events:  # longest first
        index.setdefault(phrase[0], []).append((phrase, ev))
    return index


#: what an event word across "after", "because" (frames.json subordinators) costs a count, in tokens
SUBORDINATE_PENALTY = 4

#: a verb this many tokens nearer a figure than the nearest lexicon word is its event
VERB_MARGIN = 4


def _said_on(toks: list[Token], i: int) -> bool:
    """ "said Tuesday", "it was confirmed on Wednesday morning": the day something was said, which
    is no day of what it was said about (remarks, recurring, are never lined up by their day)."""
    _, _, saying = frames.past_forms()
    k = i - 1 if i and toks[i - 1].low != "on" else i - 2
    return k >= 0 and toks[k].low in saying


@cache
def _rank() -> re.Pattern[str]:
    """A figure written as a rank: "62nd", "3rd", "third-largest" (quantities.json ordinal_words)."""
    words = "|".join(load_data("quantities.json")["ordinal_words"])
    return re.compile(rf"\d(?:st|nd|rd|th)$|^(?:{words})-", re.IGNORECASE)


def _nearest_event(word: tuple[int, str] | None, verb: tuple[int, str] | None) -> str | None:
    """The event word, unless a verb stands much nearer: "left behind an estate worth $26.6
    million" after "passed away" was left; "it was confirmed on Wednesday morning, Cosby would
    serve his sentence" dates the confirmation, not the sentencing."""
    if word and verb and verb[0] + VERB_MARGIN < word[0]:
        return verb[1]
    return word[1] if word else verb[1] if verb else None


#: a date before one of these has closed its clause: the event after it is the next one's
_CONJUNCTIONS = frozenset({"and", "but", "then"})


def _event_near(
    toks: list[Token],
    a: int,
    b: int,
    mentions: list[tuple[int, int, str]] | None = None,
    *,
    reach: int = 25,
    after_penalty: int = 0,
    semicolons: list[int] | None = None,
    comma_penalty: int = 0,
    subordinate_penalty: int = 0,
) -> tuple[int, str] | None:
    """The event word nearest to tokens a..b in the same clause.

    A date mostly dates what comes before it ("fighting broke out ... on December 30"), so for
    dates an event after the span costs ``after_penalty`` tokens more. Only the few mentions
    around the span are looked at, so a sentence of any length costs the same per claim. A count
    belongs to its own side of a comma ("Three were killed, at least three were injured": the
    second three were injured), so for counts an event across one costs ``comma_penalty`` more,
    and one across "after" or "because" ``subordinate_penalty`` ("face charges after five children
    were injured": the five were injured).
    """
    mentions = mentions if mentions is not None else _event_mentions(toks)
    if not mentions:
        return None
    subordinate = frames.subordinators()
    k = bisect_left([m[0] for m in mentions], a)
    best: tuple[int, str] | None = None
    for i, end, ev in mentions[max(0, k - 4) : k + 4]:
        if i - 1 - b >= 2 and toks[i - 1].text == "," and end < len(toks) and toks[end].low == "by":
            continue  # "After several years of fighting, American troops, supported by Sunni tribes": of the troops
        dist = a - end if end <= a else (i - b + after_penalty if i >= b else 0)
        between = toks[end:a] if end <= a else toks[b:i]
        if comma_penalty and dist and any(t.text == "," for t in between[:8]):
            dist += comma_penalty
        # "face charges after five children were injured": injured; but "48 hours after he shot a man"
        # measures the time to the shooting
        gap = i >= b and bool(between) and between[0].low in subordinate
        if subordinate_penalty and dist and not gap and any(t.low in subordinate for t in between):
            dist += subordinate_penalty
        if semicolons is not None:
            lo, hi = min(i, a), max(i, b)
            if bisect_left(semicolons, hi) > bisect_left(semicolons, lo):
                dist += 30
        if after_penalty and i >= b and any(t.low in _CONJUNCTIONS for t in toks[b:i]):
            dist += 5  # "arrested about 1:30 p.m. Sunday and charged with": Sunday ends the arrest
        if ev in _WEAK_EVENTS:
            dist += 6
        if best is None or dist < best[0]:
            best = (dist, ev)
    return best if best and best[0] <= reach else None


def _context(toks: list[Token], skip: tuple[int, int], *, window: int = 10, starts: list[int] | None = None) -> str:
    """Content words around the claim (same sentence, within ``window`` tokens), for alignment.

    Local words say what a number counts better than the whole sentence, which often holds
    several facts.
    """
    _, _, stop = _lexicon()
    starts = starts if starts is not None else [t.start for t in toks]
    first, last = bisect_left(starts, skip[0]), bisect_left(starts, skip[1])
    lo, hi = max(0, first - window), min(len(toks), last + window)
    words = [
        t.low
        for t in toks[lo:hi]
        if t.text[0].isalpha() and t.low not in stop and len(t.text) > 2 and not skip[0] <= t.start < skip[1]
    ]
    return " ".join(words)


# --------------------------------------------------------------------------- claims


def _claim_id(source_id: str, start: int, end: int, kind: str) -> str:
    digest = hashlib.blake2b(f"{source_id}:{start}:{end}:{kind}".encode(), digest_size=5).hexdigest()
    return f"{kind[0]}{digest}"


def _scope_dates(dates: list[DateSpan]) -> tuple[list[DateSpan], list[int]]:
    """The dates of a sentence that can scope a quantity, and their starts (computed once a sentence)."""
    usable = [
        d
        for d in dates
        if d.value is not None and d.kind not in ("year", "year_part", "decade", "century", "year_range", "time")
    ]
    return usable, [d.start for d in usable]


#: how far (in characters; a date before the figure counts half again) a date may stand from a
#: figure and still scope it: "Trump on Saturday channeled ... the shooting ... that left nine
#: dead" did not kill nine on Saturday
SCOPE_REACH = 150


def _scope(scoping: tuple[list[DateSpan], list[int]], q: QuantitySpan) -> str | None:
    """The time scope of a quantity: the nearest dated expression of its sentence, after it first."""
    usable, starts = scoping
    if not usable:
        return None
    k = bisect_left(starts, q.end)
    best = None
    for d in usable[max(0, k - 2) : k + 2]:  # dates are in text order: the neighbours decide
        dist = d.start - q.end if d.start >= q.end else (q.start - d.end) * 1.5
        if dist > SCOPE_REACH:
            continue
        if best is None or dist < best[0]:
            best = (dist, d.value)
    return best[1] if best else None


#: claims one source may yield: a news article has a few dozen; a page with thousands is a table
#: or an attack, and past this the work and the report would grow without telling anyone more
MAX_CLAIMS = 5000


_NEXT_DAY = re.compile(
    r"the (?:(next|following)|previous) day|the day (?:(after)|before)|a day (?:(later)|earlier)"
    r"|(that (?:very )?day|earlier in the day|later that day)",
    re.IGNORECASE,
)


def _day_after(claims: list[Claim]) -> list[Claim]:
    """'the next day', 'the day before': a day counted from the last full day the story named;
    a time of day ("6:57 p.m.") on the day its sentence names, else the last day the story named."""

    days_of_sentence: dict[int, str] = {}
    for c in claims:
        if c.type == "date" and c.date and len(c.date) == 10:
            days_of_sentence.setdefault(c.sentence_start, c.date)
    last: date | None = None
    out = []
    for c in claims:
        if c.type == "date":
            m = _NEXT_DAY.fullmatch(c.text)
            if m and c.date is None and last is not None:
                shift = timedelta(days=0 if m.group(4) else 1 if (m.group(1) or m.group(2) or m.group(3)) else -1)
                c = replace(c, date=_shifted(last, shift))
            if c.date and c.date.startswith("T"):
                day = days_of_sentence.get(c.sentence_start) or (last.isoformat() if last else None)
                if day and c.date == "T00:00" and "midnight" in c.text.lower():
                    # "the midnight Sunday deadline": midnight ends the day it is said of (AP style)
                    day = _shifted(date.fromisoformat(day), timedelta(days=1))
                if day:
                    c = replace(c, date="/".join(day + t for t in c.date.split("/")))
            if c.date and len(c.date) == 10:
                last = date.fromisoformat(c.date)
        out.append(c)
    return out


_LATER = re.compile(r"\s+(later|earlier)\b")
#: how far back (characters) the year a "two years later" counts from may stand
YEARS_LATER_REACH = 400


def _years_later(source: Source, claims: list[Claim]) -> list[Claim]:
    """ "in 2007. Three years later, ...": a year counted from the year the story just named (2010),
    a date rather than a span of three years."""
    last: tuple[int, int] | None = None  # (year, where it ends)
    out = []
    for c in claims:
        if c.type == "date" and c.date and re.fullmatch(r"\d{4}(?:-\d\d){0,2}", c.date):
            last = (int(c.date[:4]), c.end)
        elif (
            c.type == "quantity"
            and c.unit == "year"
            and c.value is not None
            and c.low == c.high == c.value
            and c.value.is_integer()
            and last is not None
            and c.start - last[1] <= YEARS_LATER_REACH
            and (m := _LATER.match(source.text, c.end))
        ):
            year = last[0] + int(c.value) * (1 if m.group(1) == "later" else -1)
            end = m.end()
            c = replace(
                c,
                id=_claim_id(source.id, c.start, end, "date"),
                type="date",
                text=source.text[c.start : end],
                end=end,
                value=None,
                low=None,
                high=None,
                unit=None,
                subject=None,
                subject_class=None,
                qualifier=None,
                date=str(year),
            )
            last = (year, end)  # the story's clock has moved on
        out.append(c)
    return out


_THE = re.compile(r"(?:^|\b)[Tt]he\s+$")
#: the name right after an age: "the 27-year-old Susana D. Gonzalez"
_NAME_AFTER = re.compile(r"\s+((?:[A-Z][a-z]+|[A-Z]\.)(?:\s+(?:[A-Z][a-z]+|[A-Z]\.)){0,3})")


def _named_after(c: Claim) -> Claim:
    """An age followed by a name is that person's: "27-year-old Susana D. Gonzalez" is the age
    of susana gonzalez (initials dropped, as "Susana Gonzalez, 27," says it)."""
    m = _NAME_AFTER.match(c.sentence, c.end - c.sentence_start)
    words = [w for w in m.group(1).split() if not w.endswith(".")] if m else []
    if not words or words[0] in _NOT_NAMES:
        return c
    after = re.match(r"\s+([a-z]+)", c.sentence[m.end() :]) if m else None
    if after and after.group(1) in frames.hierarchy().by_word:
        return c  # "the 22-year-old Disneyland employee": a name that says which employee, not whose age
    return replace(c, subject="age of " + " ".join(w.lower() for w in words))


_NOT_NAMES = frozenset({*"The A An In On At Of And But For".split(), *WEEKDAYS, *MONTHS})


def _shifted(day: date, shift: timedelta) -> str | None:
    """The day moved, or None past the calendar's ends ("the next day" after December 31, 9999)."""
    try:
        return (day + shift).isoformat()
    except OverflowError:
        return None


def _full_names(claims: list[Claim]) -> list[Claim]:
    """An age given by a first name ("Pippa, 28,") is the age of the one person the source names in
    full with it ("Pippa Middleton"), as another outlet's "Middleton, 28," is."""

    def one_word(c: Claim) -> bool:
        return c.type == "quantity" and (c.subject or "").startswith("age of ") and (c.subject or "").count(" ") == 2

    if not any(one_word(c) for c in claims):
        return claims  # no age given by one name: nothing to look up
    full: dict[str, set[str]] = {}
    surnames: set[str] = set()
    for c in claims:
        for actor in c.actors:
            words = actor.removesuffix("'s").split()
            if 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words):
                full.setdefault(words[0].lower(), set()).add(" ".join(words).lower())
                surnames.add(words[-1].lower())
    full = {first: names for first, names in full.items() if first not in surnames}  # "Scott Walker", "Jim Scott"
    out = []
    for c in claims:
        if one_word(c):
            names = full.get((c.subject or "").removeprefix("age of "), set())
            if len(names) == 1:
                c = replace(c, subject=f"age of {next(iter(names))}")
        out.append(c)
    return out


def _age_owners(claims: list[Claim]) -> list[Claim]:
    """'The 73-year-old entered the courtroom': an adult's age without a name is the age of the
    person the article is about, the surname its claims name most (at least twice, and more
    often than any other); children ("the 2-year-old") and unclear articles keep no owner."""
    claims = _full_names([_named_after(c) if c.subject == "age" and c.type == "quantity" else c for c in claims])
    names: Counter[str] = Counter()
    places = {c.place.split()[-1].lower() for c in claims if c.place}
    for c in claims:
        if (c.subject or "").startswith("age of "):
            names[(c.subject or "").split()[-1]] += 1
        for actor in c.actors:
            last = actor.split()[-1].lower().rstrip(".").removesuffix("'s")
            at = c.sentence.find(actor)
            if at >= 0 and frames.in_quotes(c.sentence, at):
                continue  # a title: the 19-year-old "Modern Family" star is no Family
            if actor[:1].isupper() and last not in places and len(actor.split()) <= 3:
                names[last] += 1
    ranked = names.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return claims
    owner = ranked[0][0]
    out = []
    for c in claims:
        at = c.start - c.sentence_start
        if c.subject == "age" and (c.value or 0) >= 18 and _THE.search(c.sentence[max(0, at - 5) : at]):
            c = replace(c, subject=f"age of {owner}")
        out.append(c)
    return out


#: an update at most this many days after publication rewrote the story within its news cycle
MAX_REWRITE_DAYS = 2


def _anchor(source: Source) -> date | None:
    """The day the text speaks from: its update when the story was rewritten within its news cycle
    (FRANCE 24 "Date created: 2014-01-05, Latest update: 2014-01-06"), else its publication (the
    Bangor Daily News of June 14, "Updated: June 22", still says "Wednesday" of June 14)."""
    if source.updated and source.published and (source.updated - source.published).days > MAX_REWRITE_DAYS:
        return source.published
    return source.updated or source.published


def extract_source(source: Source, *, limit: int = MAX_CLAIMS) -> list[Claim]:
    """The first ``limit`` claims of one source, in text order (``limit + 1`` says it was hit)."""
    anchor = _anchor(source)
    norm = normalise(source.text)
    claims: list[Claim] = []
    for a, b in source.body:
        dateline = DATELINE.match(norm, a, b)
        if dateline:  # "FERRISBURG, March 12, 2025 -" is metadata (the publication date), not a claim
            a = dateline.end()
        for s, e in sentences(norm, a, b):
            claims.extend(_sentence_claims(source, norm, s, e, anchor, limit=limit + 1 - len(claims)))
            if len(claims) > limit:
                return _listed_people(_age_owners(_years_later(source, _day_after(claims[: limit + 1]))), source.text)
    return _listed_people(_age_owners(_years_later(source, _day_after(claims))), source.text)


#: a sentence that opens on a person and their age: "John Austin Huggins, 17, of Fairmont, is charged"
_LISTED_PERSON = re.compile(r"([A-Z][a-z]+(?: [A-Z]\.)?(?: [A-Z][a-z]+){1,3}(?: (?:Jr|Sr)\.?| I{2,3})?), \d{1,3},")
#: how far back the person of "His bond" may have been named (the sentence right before it)
LISTED_REACH = 300


def _by_surname(sentence: str, name: str) -> bool:
    """Whether a sentence opens on the surname of the person named before ("Williams, a former ...")."""
    surname = ([w for w in name.split() if w.rstrip(".") not in frames.name_suffixes()] or [name])[-1]
    return sentence.startswith((surname + ",", surname + " is", surname + " was"))


def _listed_people(claims: list[Claim], text: str) -> list[Claim]:
    """A list of people, each with their own figures ("John Austin Huggins, 17, of Fairmont, is
    charged with four counts ... His bond was set at $100,000."): each sentence's figures are that
    person's, whatever names its clauses give, so two defendants' equal counts are two facts."""
    out: list[Claim] = []
    person: tuple[str, int, int] | None = None  # the person, and the start and end of their last sentence
    for c in claims:
        start, end = c.sentence_start, c.sentence_start + len(c.sentence)
        m = _LISTED_PERSON.match(c.sentence)
        if m:
            person = (m.group(1), start, end)
        elif person and start != person[1]:
            follows = 0 <= start - person[2] <= LISTED_REACH and not text[person[2] : start].strip()
            if follows and (
                _by_surname(c.sentence, person[0])
                or (c.sentence.split(" ", 1)[0] in frames.person_pronouns() and not c.actors)
            ):
                person = (person[0], start, end)  # "His bond was set at $100,000", "Williams, a former ..."
            else:
                person = None
        out.append(c if person is None or person[0] in c.actors else replace(c, actors=(person[0], *c.actors)))
    return out


#: a sentence without any of these holds no claim: most sentences are skipped at regex speed
_HINT_PATTERN = (
    r"\d|\b(?:two|twice|thrice|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|thousands?|"
    r"millions?|billions?|dozens?|scores|couple|pair|mon|tues|wednes|thurs|fri|satur|sun)"
    r"(?:day|\b)|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|yesterday|today|tonight|tomorrow|"
    r"\b(?:this|last|next|later|earlier|coming|upcoming)\s+(?:week|month|year|spring|summer|fall|autumn|winter|days|weeks|months)|ago\b|"
    r"\b(?:one|a|an)\s+(?:day|week|month|year|decade|hour|minute|century|hundred|thousand|million|billion)\b|"
    r"\b(?:next|following|previous)\s+day\b|\bday\s+(?:before|after)\b|\b(?:past|last)\s+(?:decade|year|month|week)|"
    r"\b(?:one|a)[- ](?:third|quarter|fifth|tenth)|\b(?:trio|duo|several|multiple)\b|\ba (?:few|handful)\b|\bhalf\b|"
    r"\bno (?:one|arrests|injuries|deaths|fatalities)\b|\bnobody\b|\b(?:this|last)\s+(?:morning|afternoon|evening|night)\b|"
    r"\ba day (?:earlier|later)\b|\bthat (?:very )?day\b|\b(?:earlier in|later that) (?:the )?day\b|"
    r"\bend of (?:the|this) year\b|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)(?:-| time\b)"
)
#: searched in the lowercased sentence, case-sensitively: twice as fast as IGNORECASE; every cue
#: starts at a word, so the positions that do not are skipped before the alternation is tried
_HINT = re.compile("(?=[\\w'])(?:" + _HINT_PATTERN.lower() + ")")


def _sentence_claims(
    source: Source, norm: str, s: int, e: int, anchor: date | None, *, limit: int = MAX_CLAIMS
) -> list[Claim]:
    sent = norm[s:e]
    if not _HINT.search(sent.lower()):
        return []
    original = source.text[s:e]
    names = _masked_names(sent)
    dates = find_dates(sent, anchor=anchor)
    masked = [(d.start, d.end) for d in dates] + names
    toks = tokenize(sent)
    quantities = find_quantities(sent, masked=masked, tokens=toks)
    if len(quantities) + len(dates) > limit:  # keep the first ones in text order, build no more
        cut = sorted([q.start for q in quantities] + [d.start for d in dates])[limit - 1]
        quantities = [q for q in quantities if q.start <= cut]
        dates = [d for d in dates if d.start <= cut]
    scoping = _scope_dates(dates)
    mentions = _event_mentions(toks)
    starts = [t.start for t in toks]
    by_start = {t.start: i for i, t in enumerate(toks)}
    # clauses: ';' and "and"/"but" before a figure ("Six people died and 14 were hurt")
    breaks = frames.clause_breaks(toks, [q.first for q in quantities], [m[0] for m in mentions])
    semicolons = [i for i, t in enumerate(toks) if t.text == ";"]
    speaker = frames.Attribution(toks, sent)
    cues = frames.modality_cues(toks)
    names_of = frames.Names(toks, sent)
    claims: list[Claim] = []
    previous_subject: str | None = None
    previous_event: tuple[str | None, str] | None = None
    #: the token after the last figure and its event: a figure in brackets right after it converts it
    last_figure: tuple[int, str | None] = (-1, None)
    for q in quantities:
        subject = _head_noun(toks, q.after)
        unit = q.unit
        if unit == "percentage":
            subject = _share_of(toks, q.after) or subject
        # "Lizandra Cosme, 32," / "Durst, 73," / "Kenny Caulder Jr., 19,": an age
        suffix = int(
            q.first >= 3 and toks[q.first - 2].text == "." and toks[q.first - 3].text in frames.name_suffixes()
        )
        if (
            subject is None
            and unit is None
            and q.first > 0
            and toks[q.first - 1].text == ","
            and q.first >= 2 + suffix
            and toks[q.first - 2 - suffix].text[:1].isupper()
            and q.after < len(toks)
            and toks[q.after].text in (",", ")", ".")
            and q.value is not None
            and 1 <= q.value <= 110
            and toks[q.first].text[:1].isdigit()  # ages are written in figures: "Missouri, nine;" is a count
        ):
            k = q.first - 2 - suffix  # the whole name before the comma: "Austin Seth Hunt, 19," (two Hunts)
            while (
                k > 0 and q.first - 2 - suffix - k < 3 and toks[k - 1].text[:1].isupper() and toks[k - 1].text.isalpha()
            ):
                k -= 1
            name = " ".join(t.low for t in toks[k : q.first - 1 - 2 * suffix] if t.text != ".")
            unit, subject = "year", f"age of {name}"
        if unit in (None, "year") and _said_age(toks, q, subject):
            unit, subject = "year", "age"
        if unit in ("year", "month", "week", "day") and q.after > 1 and toks[q.after - 1].low in OLD:
            subject = "age"  # "53-year-old", "2-year-olds", "6 weeks old"
        elif unit in ("year", "month", "week", "day") and (
            (q.after + 1 < len(toks) and toks[q.after].text == "-" and toks[q.after + 1].low in OLD)
            or (q.first > 1 and toks[q.first - 1].low == "of" and toks[q.first - 2].low in ("age", "ages"))
        ):
            subject = "age"  # "a 2-month-old movement", "between the ages of 6 weeks and 6 years"
        if unit == "year" and q.after < len(toks) and toks[q.after].low == "birthday":
            subject = "age"
        # rates: "$2,500 per season", "$150 a game"
        rate = _rate(toks, q.after) if unit else None
        if rate:
            unit = f"{unit} per {rate[0]}"
            subject = _head_noun(toks, rate[1]) or subject
        if (
            subject is None
            and previous_subject
            and (q.first > 0 and toks[q.first - 1].low in ("another", "and", "more"))
        ):
            subject = previous_subject
        if subject is None:
            subject = _list_head(toks, q.first)
        if subject is None and unit is None:
            subject = _number_of(toks, q.first)
        if subject in ("whom", "them", "which", "those"):  # "15 of whom": what whom stands for
            subject = frames.antecedent(toks, q.first) or subject
        if toks[q.after - 1].low in times_words() or toks[q.after - 1].low == "time":
            subject = "times"  # "twice chose New Orleans as a hideout": how many times, no Orleans
        if subject and unit is None:
            previous_subject = subject
        clause = frames.clause_of(breaks, q.first, len(toks))
        if frames.is_speaker(toks, q.after):  # "Two Anbar government officials told the AP": who talks
            event = None
        else:
            event = _nearest_event(
                _event_near(
                    toks,
                    q.first,
                    q.after,
                    mentions,
                    semicolons=breaks,
                    comma_penalty=2,
                    subordinate_penalty=SUBORDINATE_PENALTY,
                ),
                frames.verb_near(toks, q.first, q.after, clause),
            )
            # a list carries its first item's event: "charged with one count of X, two counts of Y"
            if (
                event is None
                and previous_event
                and subject == previous_event[0]
                and q.first > 0
                and toks[q.first - 1].low in (",", "and", "another")
            ):
                event = previous_event[1]
            # "compensated 520,000 yuan ($83,000)", "fell 30ft (9m)": the conversion says what its figure says
            if event is None and q.first > 0 and toks[q.first - 1].text == "(" and last_figure[0] == q.first - 1:
                event = last_figure[1]
        if (
            event in _money_events()
            and frames.hierarchy().classify(None, unit) == "money"
            and _sum_given(toks, q.first, event)
        ):
            event = _money_events()[event]  # "left $10,000 to one of her sons": bequeathed
        previous_event = (subject, event) if event else previous_event
        last_figure = (q.after, event)
        noun = subject_class(subject) if subject else None
        kind = "age" if noun and noun.startswith("age") else frames.hierarchy().classify(noun, unit)
        if unit is None and _rank().search(sent[q.start : q.end]):
            kind = "rank"  # "the 62nd inmate", "the nation's third-largest producer": a place in an order
        elif kind is None and unit is None and event in _lexicon_words("of_persons"):
            # "killed three people and injured more than 260": people, though no noun names them
            # (the subject stays unnamed: "killing two" is no count to line up with another)
            kind = "persons"
        claims.append(
            Claim(
                id=_claim_id(source.id, s + q.start, s + q.end, "quantity"),
                source=source.id,
                type="quantity",
                text=source.text[s + q.start : s + q.end],
                start=s + q.start,
                end=s + q.end,
                sentence=original,
                value=q.value,
                low=q.low,
                high=q.high,
                unit=unit,
                subject=noun,
                event=event,
                date=_scope(scoping, q),
                qualifier=q.qualifier,
                sentence_start=s,
                context=_context(toks, (q.start, q.end), starts=starts),
                subject_class=kind,
                modality="estimated"
                if q.qualifier and "estimated" in q.qualifier
                else frames.modality(cues, q.first, q.after, frames.clause_of(semicolons, q.first, len(toks))),
                attribution=speaker(q.first),
                place=names_of.place(clause),
                actors=names_of.actors(clause),
            )
        )
    for d in dates:
        i = by_start.get(d.start, bisect_left(starts, d.start))
        j = bisect_left(starts, d.end)
        if (
            d.kind == "relative"
            and not d.text.lower().startswith(("yesterday", "last", "the day before"))
            and not d.text.lower().endswith("ago")
            and frames.in_quotes(sent, d.start)
            and frames.modality(cues, i, j, frames.clause_of(semicolons, i, len(toks)), reach=10) == "hypothetical"
        ):
            continue  # '"If the election were held today ..."': no day at all ('"He may have gotten on a
            # bus yesterday morning"' is unsure of the bus, not of the day)
        if (
            d.text.lower() == "today"
            and frames.in_quotes(sent, d.start)
            and {t.low for t in toks[j : j + 2]} & _GENERIC_SUBJECTS
        ):
            continue  # '"Today you can't make that movie," Trump said': nowadays, no day
        clause = frames.clause_of(breaks, i, len(toks))
        claims.append(
            Claim(
                id=_claim_id(source.id, s + d.start, s + d.end, "date"),
                source=source.id,
                type="date",
                text=source.text[s + d.start : s + d.end],
                start=s + d.start,
                end=s + d.end,
                sentence=original,
                date=d.value,
                qualifier=d.qualifier,
                event="remarks"
                if _said_on(toks, i)
                else _nearest_event(
                    _event_near(toks, i, j, mentions, reach=10, after_penalty=3, semicolons=breaks),
                    frames.verb_near(toks, i, j, clause, back=5, ahead=False),
                )
                or frames.verb_event(toks, i, j, clause, back=5),  # "renamed the hall on Monday"
                sentence_start=s,
                context=_context(toks, (d.start, d.end), starts=starts),
                # a date is planned only by what is said right before it ("is scheduled to return on"),
                # never by what follows ("announced Thursday that it will pay": the announcement was made)
                modality=frames.modality(cues, i, j, clause, reach=6, ahead=0),
                attribution=speaker(i),
                place=names_of.place(clause),
                actors=names_of.actors(clause),
            )
        )
    claims.sort(key=lambda c: c.start)
    return claims


def _rate(toks: list[Token], j: int) -> tuple[str, int] | None:
    """'$2,500 per season', '$150 a game', '$2,500 for each season', '$400 payment per shoot'."""
    for k in (j, j + 1):
        if k + 1 >= len(toks):
            return None
        w = toks[k].low
        step = 2 if w in ("per", "a", "an", "each") else 3 if w == "for" and toks[k + 1].low in ("each", "every") else 0
        if step and k + step - 1 < len(toks):
            noun = toks[k + step - 1]
            if noun.text[0].isalpha() and noun.low not in _STOP_AFTER:
                return noun.low.rstrip("s") if len(noun.low) > 3 else noun.low, k + step
        if k == j and not (toks[k].text[0].isalpha() and toks[k].low not in _STOP_AFTER):
            return None
    return None


def _list_head(toks: list[Token], first: int) -> str | None:
    """'more surveillance drones: 10 in ...' -> 'drones'."""
    k = first - 1
    if k >= 0 and toks[k].text in (":", "-"):
        k -= 1
        if k >= 0 and toks[k].text[0].isalpha():
            return toks[k].low
    return None


@cache
def _name_pattern() -> re.Pattern[str]:
    names = [n for o in load_data("outlets.json")["outlets"] for n in o.get("names", [])]
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or r"(?!)")


def _masked_names(sentence: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _name_pattern().finditer(sentence)]


def extract(corpus: Corpus | Iterable[Source], *, max_claims: int = MAX_CLAIMS) -> Corpus:
    """The corpus with the claims of all its sources (a list of sources makes a corpus).

    A source with more than ``max_claims`` claims keeps the first ``max_claims``, and the corpus
    says so in ``skipped``, which every report shows.
    """
    if not isinstance(corpus, Corpus):
        sources = tuple(corpus)
        corpus = Corpus(id=sources[0].cluster if sources else "", sources=sources)
    claims: list[Claim] = []
    notes = list(corpus.skipped)
    # a text read once: a wire copy or a thousand repeats of one article cost what the article costs
    done: dict[tuple, list[Claim]] = {}
    for source in corpus.sources:
        key = (source.text, source.body, _anchor(source))
        if key in done:
            found = [replace(c, id=_claim_id(source.id, c.start, c.end, c.type), source=source.id) for c in done[key]]
        else:
            found = done[key] = extract_source(source, limit=max_claims)
        if len(found) > max_claims:
            found = found[:max_claims]
            notes.append(
                f"{source.id}: more than {max_claims} claims; only the first {max_claims} were kept ({CLAIMS_CAP_NOTE})"
            )
        claims.extend(found)
    return replace(corpus, claims=tuple(claims), skipped=tuple(notes))
