"""Date expressions: found by our own patterns, read by dateparser, anchored news style.

dateparser's ``search_dates`` on whole sentences misreads news ("December" for "December 30 after",
a week-old Monday for "on Monday", Wednesdays for "We"), so candidate spans are found here and
only the span is handed to dateparser. Bare weekdays, seasons and intervals ("last week",
"later this year") follow newsroom convention, which dateparser does not model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache, lru_cache

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

_MONTH = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?\.?|July?\.?|"
    r"Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)"
)
_FULL_MONTH = r"(?:January|February|March|April|June|July|August|September|October|November|December)"
_WEEKDAY = WEEKDAY_PATTERN = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_DAYPART = r"(?:\s+(?:morning|afternoon|evening|night))?"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
#: "the 17th century" ("21st Century Fox" is a name); "the 1990s", "the '80s"
_CENTURY = r"\b(?:1\d|2[01]|[1-9])(?:st|nd|rd|th)[- ](?:century\b|Century\b(?!\s+[A-Z]))"
_DECADE = r"(?:\b(?:1[89]\d0|20[0-2]0)|'[0-9]0)s\b"
#: a bare month is a date only after one of these ("in March", "since June", "mid-July")
_MONTH_CUE = re.compile(
    r"(?:\b(?:in|In|since|Since|until|by|By|of|early|late|last|this|next|Early|Late|the|early as|late as|before|after|through"
    r"|his|her|their|its) |\bmid-|'s |\u2019s )$"
)

DATE_RE = re.compile(
    rf"""
    (?=[\w'])(?:  # every date starts at a word or an apostrophe: the other positions are skipped at once
    (?P<weekday_date>\b(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?
                     |\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_FULL_MONTH}(?:,?\s+{_YEAR})?)(?![\d]|:\d))
  | (?P<iso>\b{_YEAR}-[01]\d-[0-3]\d\b)
  | (?P<month_span>\b(?:(?i:from)\s+(?:{_FULL_MONTH}|May)(?:\s+{_YEAR})?\s+(?:to|through|until)
                    |{_FULL_MONTH}(?:\s+{_YEAR})?\s+(?:through|until|thru))\s+(?:{_FULL_MONTH}|May)(?:,?\s+{_YEAR})?\b)
  | (?P<month_year>\b(?:{_FULL_MONTH}|May|Jan\.|Feb\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)\s+(?:of\s+)?{_YEAR}\b)
  | (?P<weekdays>\b{_WEEKDAY}(?:\s+(?:and|or|through|to)\s+{_WEEKDAY})?{_DAYPART}\b)
  | (?P<relative>\b(?i:(?:the\s+)?day\s+before\s+yesterday|(?:yesterday|this)\s+(?:morning|afternoon|evening)
        |last\s+night|yesterday|today|tonight|tomorrow
        |a\s+day\s+(?:earlier|later)|that\s+(?:very\s+)?day|earlier\s+in\s+the\s+day|later\s+that\s+day
        |(?:later|earlier)\s+this\s+(?:week|month|year)
        |(?:this|last|next)\s+(?:week(?:end)?|month|year|spring|summer|fall|autumn|winter)
        |in\s+the\s+(?:coming|upcoming|next)\s+(?:days|weeks|months)
        |the\s+(?:past|last)\s+(?:decade|year|month|week|(?:few|two|three|four|five|couple\s+of)\s+(?:years|months|weeks|days))
        |the\s+(?:next|following|previous)\s+day|the\s+day\s+(?:before|after)
        |(?<![\d,.-])(?:\d+|[a-z]+(?:-[a-z]+)?)\s+(?:days?|weeks?|months?|years?)\s+ago)\b)
  | (?P<year_end>\b(?i:the\s+end\s+of)\s+(?:{_YEAR}(?![-\u2013/]\d)|(?i:this|the)\s+year)\b)
  | (?P<part>\b(?i:early|mid|late)[- ](?:{_YEAR}\b(?![-\u2013/]\d)|{_CENTURY}|{_DECADE}))
  | (?P<season_year>\b(?i:spring|summer|fall|autumn|winter)\s+(?:of\s+)?{_YEAR}\b)
  | (?P<month_only>\b{_FULL_MONTH}\b(?![\s,]+\d))
  | (?P<years_span>\b(?i:from|between)\s+{_YEAR}\s+(?:to|and|through|until)\s+{_YEAR}\b)
  | (?P<year_range>(?<![\d$.,/-]){_YEAR}-(?:\d\d|{_YEAR})(?![\d%]))
  | (?P<century>{_CENTURY})
  | (?P<decade>{_DECADE})
  | (?P<year>(?<![\d$£€.,/#-]){_YEAR}(?![\d%,.]\d|[\d%]|-\d|\s*(?:percent|per\s+cent|people|persons|residents|troops|soldiers|votes|dollars|euros|pounds|feet|miles|meters|metres|kilometers|kilograms|tons|acres|homes|jobs|cases|times)\b))
    )
    """,
    re.VERBOSE,
)

#: the years of a decade its early, middle and late parts name
_DECADE_PARTS = {"ear": (0, 3), "mid": (3, 7), "lat": (7, 9)}
#: the months of a year its early, middle and late parts name (its thirds)
_YEAR_PARTS = {"ear": (1, 4), "mid": (5, 8), "lat": (9, 12)}
_CENTURY_PARTS = {"ear": (0, 33), "mid": (33, 66), "lat": (66, 99)}

FUTURE_CUES = re.compile(
    r"\b(?:will|would|is to|are to|scheduled|set to|expected|due|plans? to|next|upcoming|coming|later"
    r"|as early as|could be released|eligible|slated|poised to)\b",
    re.IGNORECASE,
)
#: a plan said after its day, which opens the clause: "On Thursday, Simpson will appear before the
#: board" (not "arrested Thursday and will appear", a past day, nor "the man who will", another clause)
_OPENS_CLAUSE = re.compile(r"(?:^|[,;:])\s*(?:(?:on|by|late|early)\s+)?$", re.IGNORECASE)


@cache
def _future_after() -> re.Pattern[str]:
    """A plan after its day: "will" within a few words, none of them a conjunction, a relative
    pronoun or a verb of saying (frames.json attribution verbs: "said it will" reports a plan)."""
    from .frames import past_forms

    stops = sorted({"and", "but", "who", "that", "which", *past_forms()[2]})
    gap = "|".join(re.escape(w) + r"\b" for w in stops)
    return re.compile(
        rf"[,\s]{{0,3}}(?:(?!{gap})[\w.'-]+\s+){{0,4}}?"
        r"(?:will|is (?:set|scheduled|expected|due) to|are (?:set|scheduled|expected|due) to)\b",
        re.IGNORECASE,
    )


#: the months of a season as news means them (meteorological: "this summer" is June to August)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}


def season(name: str, year: int) -> str:
    """ "2016-06/2016-08" for the summer of 2016; a winter runs into the next year."""
    m1, m2 = _SEASONS[name.lower()]
    return f"{year:04d}-{m1:02d}/{year + (1 if m2 < m1 else 0):04d}-{m2:02d}"


_SMALL = {"a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _ago_count(text: str) -> bool:
    """Whether "N days ago" goes back by a count: the date pattern reads any word there (one
    alternative, not thirty number words), and only counts are kept ("Many years ago" is none)."""
    first = text.split()[0]
    return first.isdigit() or _word_number(first) is not None


def _word_number(word: str) -> int | None:
    """ "two" 2, "twenty-two" 22 (quantities.json number_words): a count of days or years in words."""
    words = _number_words()
    tens, _, unit = word.lower().partition("-")
    if tens == "a" and not unit:
        return 1
    if tens not in words or (unit and (unit not in words or words[tens] % 10 or words[unit] >= 10)):
        return None
    return words[tens] + (words[unit] if unit else 0)


@cache
def _number_words() -> dict[str, int]:
    from ..sources import load_data

    return {w: int(n) for w, n in load_data("quantities.json")["number_words"].items() if w.isalpha()}


#: names that contain a weekday or month but are not dates
_NOT_DATES = re.compile(
    r"(?:Black|Good|Super|Cyber|Bloody|Ash|Palm|Easter|Holy|Boxing)\s+(?:Friday|Tuesday|Monday|Sunday|Thursday|Wednesday)"
    r"|(?:Sunday|Monday)\s+(?:Times|Telegraph|Express|Mirror|Herald|Night Football|School)"
    r"|Saturday\s+Night(?:\s+Live)?|Friday\s+Night\s+Lights|Throwback\s+Thursday|USA\s+TODAY|(?i:USA\s+Today)"
    r"|(?<=[a-z] )(?:[A-Z][a-z]+\s+)+Today\b"  # "Medical News Today", "Psychology Today": names of publications
)


@dataclass(frozen=True)
class DateSpan:
    start: int
    end: int
    text: str
    kind: str
    #: ISO 8601 at its precision, an interval "a/b", or None when it cannot be anchored.
    value: str | None
    #: "about", "shortly after": a time of day said approximately
    qualifier: str | None = None


_CLOCK = r"(?:1[0-2]|0?[1-9])(?::[0-5]\d)?\s*(?:[ap]\.\s?m\.|[ap]m\b)"
#: a time of day: "6:57 p.m.", "noon"; what may stand before it is read by looking back from it
TIME_RE = re.compile(rf"(?<![\d:.]){_CLOCK}|\b(?:noon|midnight)\b", re.IGNORECASE)
_TIME_BEFORE = re.compile(
    r"(?:(?P<qualifier>about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"
    r"(?:between\s+(?:1[0-2]|0?[1-9])(?::[0-5]\d)?(?:\s*[ap]\.?\s?m\.?)?\s+and\s+)?$",
    re.IGNORECASE,
)
_HOUR = re.compile(r"(1[0-2]|0?[1-9])(?::([0-5]\d))?\s*(?:([ap])\.?\s?m\b)?", re.IGNORECASE)


def read_time(text: str) -> str | None:
    """ "T18:57" for "6:57 p.m.", "T18:45/T19:00" for "between 6:45 and 7 p.m.", "T12:00" for noon:
    the time of day without its day (the day is the story's, attached by extraction)."""
    low = text.lower()
    if "noon" in low:
        return "T12:00"
    if "midnight" in low:
        return "T00:00"
    found = _HOUR.findall(text)
    if not found:
        return None
    half = next((h for _, _, h in reversed(found) if h), "").lower()
    times = []
    for hour, minute, own in found:
        h = int(hour) % 12 + (12 if (own or half).lower() == "p" else 0)
        times.append(f"T{h:02d}:{int(minute or 0):02d}")
    return times[0] if len(times) == 1 else f"{times[0]}/{times[-1]}"


_GLOSS = re.compile(r"\s*\($")
#: "today's Turkey", "today's Burgas": the place as it is now, no day
_PRESENT_DAY = re.compile(r"['\u2019]s [A-Z][a-z]")


def find_dates(sentence: str, *, anchor: date | None) -> list[DateSpan]:
    """Date expressions in one (normalised) sentence, resolved against the anchor date."""
    spans: list[DateSpan] = []
    blocked = [(m.start(), m.end()) for m in _NOT_DATES.finditer(sentence)]
    for m in DATE_RE.finditer(sentence):
        kind = m.lastgroup or ""
        a, b = m.start(kind), m.end(kind)
        if kind == "part":  # "late 2016", "the early 19th century", "the mid-'80s"
            kind = "century" if "entury" in m.group() else "decade" if m.group().endswith("s") else "year_part"
        if any(x <= a < y for x, y in blocked):
            continue
        text = sentence[a:b]
        if kind == "weekday_date" and not re.search(r"\d", text):
            continue
        if kind == "month_only" and not _MONTH_CUE.search(sentence, max(0, a - 10), a):
            continue
        if kind == "relative" and (_PRESENT_DAY.match(sentence, b) or (a and " " in text and text.istitle())):
            continue  # "today's Turkey" is the present-day country; ABC's "This Week" a show
        if kind == "relative" and text.lower().endswith(" ago") and not _ago_count(text):
            continue  # "many years ago": no count to go back by
        if kind == "year" and not _year_is_date(sentence, a, b):
            continue
        # plans ("is scheduled to return to court on Dec. 26") look forward; the cue must be close
        future = bool(FUTURE_CUES.search(sentence, max(0, a - 70), a)) or bool(
            _future_after().match(sentence, b)
            and _OPENS_CLAUSE.search(sentence[max(0, a - 12) : a] if a > 12 else sentence[:a])
        )
        try:
            value = resolve(text, kind, anchor=anchor, future=future)
        except (OverflowError, ValueError):  # "last year" of an article dated 0001-01-01: no such day
            value = None
        if value and re.match(r"\d{5}", value):  # "next year" of December 31, 9999
            value = None
        spans.append(DateSpan(a, b, text, kind, value))
    # "today (May 31)": the writer's own gloss says which day; the relative word is not a second date
    glossed = {
        i
        for i, x in enumerate(spans[:-1])
        if x.kind in ("relative", "weekdays") and _GLOSS.match(sentence, x.end, spans[i + 1].start)
    }
    spans = [x for i, x in enumerate(spans) if i not in glossed]
    times: list[DateSpan] = []
    for m in TIME_RE.finditer(sentence):
        b = m.end()
        before = _TIME_BEFORE.search(sentence, max(0, m.start() - 60), m.start())
        a = before.start() if before else m.start()  # "about 9 p.m.", "between 6:45 and 7 p.m."
        times = [t for t in times if not a <= t.start]  # "between 6:45 p.m. and 6:55 p.m." is one span
        qualifier = before.group("qualifier").lower() if before and before.group("qualifier") else None
        times.append(DateSpan(a, b, sentence[a:b], "time", read_time(sentence[a:b]), qualifier))
    spans.extend(t for t in times if not any(x.start < t.end and t.start < x.end for x in spans))
    spans.sort(key=lambda x: x.start)
    return spans


def _year_is_date(sentence: str, a: int, b: int) -> bool:
    """'in 2004', 'the 2003 invasion': yes; 'more than 2000 people': no."""
    before = sentence[max(0, a - 16) : a].lower()
    if re.search(r"(?:about|around|circa)\s*$", before) and re.match(r"\s*(?:[,.;)]|$|when\b|and\b)", sentence[b:]):
        return True  # "arrested around 1976, police said": a year, roughly; "around 2000 protesters" is a count
    if re.search(r"(?:more than|at least|about|some|nearly|over|up to|almost|around|fewer than|\$)\s*$", before):
        return False
    return True


def resolve(text: str, kind: str, *, anchor: date | None, future: bool = False) -> str | None:
    text = re.sub(r"\s+", " ", text.strip())
    if kind == "iso":
        return text
    if kind == "year":
        return text
    if kind == "year_end":  # "by the end of 2015": a deadline, its last day; "the end of the year" the anchor's
        end_year = text[-4:] if text[-4:].isdigit() else (str(anchor.year) if anchor else None)
        return f"{end_year}-12-31" if end_year else None
    if kind == "decade":  # "the 1990s", "the mid-'80s" (its middle years), "the early 2000s"
        digits = re.sub(r"\D", "", text)
        y = int(digits) if len(digits) == 4 else 1900 + int(digits)
        if y in (1800, 1900):  # "the 1800s", "the late 1900s": a century ("the 2000s" is a decade)
            lo, hi = _CENTURY_PARTS.get(text[:3].lower(), (0, 99))
        else:
            lo, hi = _DECADE_PARTS.get(text[:3].lower(), (0, 9))
        return f"{y + lo}/{y + hi}"
    if kind == "century":  # "the 17th century" is 1601-1700; "the early 19th century" its first third
        n = int(re.search(r"\d+", text).group())  # type: ignore[union-attr]
        lo, hi = _CENTURY_PARTS.get(text[:3].lower(), (0, 99))
        return f"{(n - 1) * 100 + 1 + lo:04d}/{(n - 1) * 100 + 1 + hi:04d}"
    if kind == "years_span":  # "from 1969 to 1977", "between 1978 and 1995"
        first, last = re.findall(r"\d{4}", text)
        return f"{first}/{last}" if int(last) > int(first) else None
    if kind == "year_range":
        first, second = text.split("-")
        last = int(second) if len(second) == 4 else int(first[:2] + second)
        return f"{first}/{last}" if last > int(first) else None
    if kind == "month_year":
        return _parse(text, anchor, "past", ("month", "year"))
    if kind == "month_span":  # "from June 2005 through March 2006", "from April through June"
        months = [MONTHS.index(m) + 1 for m in re.findall(rf"{_FULL_MONTH}|May", text)]
        years = [int(y) for y in re.findall(_YEAR, text)]
        (m1, m2), last = months, (years[-1] if years else None)
        at_last = list(re.finditer(rf"(?:{_FULL_MONTH}|May)\b", text))[-1]  # where the last month stands
        if len(years) == 1 and text.find(str(years[0])) < at_last.start():
            # "from June 2005 to March": the year is the first month's
            return f"{years[0]:04d}-{m1:02d}/{years[0] + (1 if m1 > m2 else 0):04d}-{m2:02d}" if m1 != m2 else None
        if last is None:  # the span that holds the anchor, else the latest before it (a plan: the next)
            if anchor is None:
                return None
            last = anchor.year + (1 if m1 > m2 and anchor.month >= m1 else 0)
            started = (last - (1 if m1 > m2 else 0), m1) <= (anchor.year, anchor.month)
            last += 0 if started or future else -1
        first = years[0] if len(years) == 2 else last - (1 if m1 > m2 else 0)
        return f"{first:04d}-{m1:02d}/{last:04d}-{m2:02d}" if (first, m1) < (last, m2) else None
    if kind == "year_part":  # "late 2016": its last third, September to December
        first, last = _YEAR_PARTS[text[:3].lower()]
        return f"{text[-4:]}-{first:02d}/{text[-4:]}-{last:02d}"
    if kind == "season_year":  # "the summer of 1946", "spring 2015"
        return season(text.split()[0], int(text[-4:]))
    if kind == "weekday_date":
        explicit = re.search(_YEAR, text)
        core = re.sub(rf"^{_WEEKDAY},?\s+", "", text)
        if explicit:
            return _parse(core, None, "past", ("day", "month", "year"))
        if anchor is None:
            return None
        return _parse(core, anchor, "future" if future else "past", ("day", "month"))
    if anchor is None:
        return None
    if kind == "weekdays":
        days = re.findall(_WEEKDAY, text)
        resolved = [_weekday(d, anchor, future) for d in days]
        return resolved[0] if len(resolved) == 1 else f"{min(resolved)}/{max(resolved)}"
    if kind == "month_only":
        m = MONTHS.index(text) + 1
        year = anchor.year if (m <= anchor.month) != future else anchor.year + (1 if future else -1)
        return f"{year:04d}-{m:02d}"
    return _relative(text.lower(), anchor, future=future)


def _weekday(name: str, anchor: date, future: bool) -> str:
    """The most recent such day on or before the anchor (news style); the next one for plans."""
    target = WEEKDAYS.index(name)
    if future:
        return (anchor + timedelta(days=(target - anchor.weekday()) % 7)).isoformat()
    return (anchor - timedelta(days=(anchor.weekday() - target) % 7)).isoformat()


def _relative(text: str, anchor: date, *, future: bool = False) -> str | None:
    year = anchor.year
    if text in ("today", "tonight") or re.fullmatch(r"this (?:morning|afternoon|evening)", text):
        return anchor.isoformat()
    if text in ("yesterday", "last night") or re.fullmatch(r"yesterday (?:morning|afternoon|evening)", text):
        return (anchor - timedelta(days=1)).isoformat()
    if text == "tomorrow":
        return (anchor + timedelta(days=1)).isoformat()
    if "day before yesterday" in text:
        return (anchor - timedelta(days=2)).isoformat()
    m = re.fullmatch(r"(later|earlier) this (week|month|year)", text)
    if m:
        start, end = _period(m.group(2), anchor)
        return f"{anchor}/{end}" if m.group(1) == "later" else f"{start}/{anchor}"
    m = re.fullmatch(r"(this|last|next) (week(?:end)?|month|year|spring|summer|fall|autumn|winter)", text)
    if m:
        which, unit = m.groups()
        if unit in _SEASONS:
            return season(unit, year - (1 if which == "last" else 0) + (1 if which == "next" else 0))
        shift = {"this": 0, "last": -1, "next": 1}[which]
        if unit == "weekend":
            sat = anchor - timedelta(days=(anchor.weekday() - 5) % 7) + timedelta(weeks=shift if which == "next" else 0)
            if which == "last" and anchor.weekday() >= 5:
                sat -= timedelta(weeks=1)
            if which == "this" and future and anchor.weekday() < 5:
                sat += timedelta(weeks=1)  # "is slated to receive her last injection this weekend"
            return f"{sat}/{sat + timedelta(days=1)}"
        if unit == "year":
            return f"{year + shift:04d}"
        if unit == "month":
            mm = anchor.month + shift
            y, mm = (year - 1, 12) if mm == 0 else (year + 1, 1) if mm == 13 else (year, mm)
            return f"{y:04d}-{mm:02d}"
        start, end = _period("week", anchor + timedelta(weeks=shift))
        return f"{start}/{end}"
    m = re.fullmatch(r"the (?:past|last) (decade|year|month|week|(\w+|couple of) (years|months|weeks|days))", text)
    if m:  # "the past decade": the years up to the anchor
        n = 1 if m.group(2) is None else (2 if m.group(2) == "couple of" else _SMALL.get(m.group(2), 3))
        unit = m.group(3) or m.group(1)
        back = {
            "decade": timedelta(days=3652),
            "year": timedelta(days=365),
            "years": timedelta(days=365 * n),
            "month": timedelta(days=30),
            "months": timedelta(days=30 * n),
            "week": timedelta(weeks=1),
            "weeks": timedelta(weeks=n),
            "days": timedelta(days=n),
        }[unit]
        start = anchor - back
        if unit == "decade":
            return f"{start.year:04d}/{anchor.year:04d}"
        if unit in ("year", "years"):  # "the past year" from August 2016: August 2015 to August 2016
            return f"{start.year:04d}-{start.month:02d}/{anchor.year:04d}-{anchor.month:02d}"
        return f"{start}/{anchor}"
    m = re.fullmatch(r"in the (?:coming|upcoming|next) (days|weeks|months)", text)
    if m:
        span = {"days": timedelta(days=7), "weeks": timedelta(weeks=6), "months": timedelta(days=183)}[m.group(1)]
        return f"{anchor}/{anchor + span}"
    m = re.fullmatch(r"([\w-]+) (day|week|month|year)s? ago", text)
    if m:
        n = int(m.group(1)) if m.group(1).isdigit() else (_word_number(m.group(1)) or 1)
        unit = m.group(2)
        if unit == "day":
            return (anchor - timedelta(days=n)).isoformat()
        if unit == "week":  # "a week ago" is said of six to eight days back: a day of slack a week
            then, slack = anchor - timedelta(weeks=n), timedelta(days=min(n, 3))
            return f"{then - slack}/{then + slack}"
        if unit == "month":
            mm = anchor.month - n
            y = year + (mm - 1) // 12
            return f"{y:04d}-{(mm - 1) % 12 + 1:02d}"
        return f"{year - n:04d}"
    return None


def _period(unit: str, when: date) -> tuple[date, date]:
    if unit == "week":
        start = when - timedelta(days=when.weekday())
        return start, start + timedelta(days=6)
    if unit == "month":
        start = when.replace(day=1)
        nxt = (start + timedelta(days=32)).replace(day=1)
        return start, nxt - timedelta(days=1)
    return date(when.year, 1, 1), date(when.year, 12, 31)


_ABBREVIATED = re.compile(r"\b(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?=\s|$)")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b")
_LAYOUTS = {
    ("day", "month", "year"): ("%B %d %Y", "%d %B %Y"),
    ("day", "month"): ("%B %d", "%d %B"),
    ("month", "year"): ("%B %Y",),
}


def read_written(text: str, parts: tuple[str, ...]) -> tuple[int, int, int] | None:
    """(year, month, day) of a date written in one of the plain newsroom layouts, else None.

    The candidate patterns above only ever hand over "Month D, YYYY", "D Month YYYY", "Month D"
    and "Month YYYY" (abbreviated or not, with ordinals, "of"): the standard library's strptime
    reads those exactly and a hundred times faster than dateparser, which stays the reader of
    everything else (metadata lines, odd spellings). Missing parts are 0.
    """
    from datetime import datetime

    t = _ORDINAL.sub("", text.replace(",", " ").replace(" of ", " "))
    t = _ABBREVIATED.sub(lambda m: MONTHS[_ABBR.index(m.group(1)[:3])], t)
    t = " ".join(t.split())
    for layout in _LAYOUTS.get(parts, ()):
        try:
            # a fixed leap year, so that "February 29" without a year is readable
            d = datetime.strptime(t if "%Y" in layout else f"{t} 2000", layout if "%Y" in layout else f"{layout} %Y")
        except ValueError:
            continue
        return (d.year if "year" in parts else 0), d.month, (d.day if "day" in parts else 0)
    return None


_ABBR = tuple(m[:3] for m in MONTHS)


def _anchored(month: int, day: int, anchor: date, prefer: str) -> date | None:
    """The Month D nearest the anchor on the preferred side (the anchor day itself included)."""
    for year in (anchor.year, anchor.year - 1) if prefer == "past" else (anchor.year, anchor.year + 1):
        try:
            d = date(year, month, day)
        except ValueError:  # February 29 of a common year
            continue
        if (d <= anchor) if prefer == "past" else (d >= anchor):
            return d
    return None


@lru_cache(maxsize=4096)
def _parse(text: str, anchor: date | None, prefer: str, parts: tuple[str, ...]) -> str | None:
    """One candidate span as ISO at the precision the span states (strptime, else dateparser)."""
    written = read_written(text, parts)
    if written is not None:
        y, m, d = written
        if parts == ("day", "month", "year"):
            return date(y, m, d).isoformat()
        if parts == ("month", "year"):
            return f"{y:04d}-{m:02d}"
        if anchor is not None:
            found = _anchored(m, d, anchor, prefer)
            return found.isoformat() if found else None
    return _dateparser(text, anchor, prefer, parts)


def _dateparser(text: str, anchor: date | None, prefer: str, parts: tuple[str, ...]) -> str | None:
    from datetime import datetime

    import dateparser

    settings = {"PREFER_DATES_FROM": prefer, "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first"}
    if anchor is not None:
        # on the anchor day itself "January 6" is that day, not last year's
        base = anchor + timedelta(days=1) if prefer == "past" else anchor - timedelta(days=1)
        settings["RELATIVE_BASE"] = datetime(base.year, base.month, base.day)
    parsed = dateparser.parse(text.replace("Sept.", "Sep."), languages=["en"], settings=settings)
    if parsed is None:
        return None
    d = parsed.date()
    if "day" in parts:
        if anchor is not None and prefer == "past" and d > anchor:
            d = d.replace(year=d.year - 1)
        return d.isoformat()
    if "month" in parts:
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def interval(value: str | None) -> tuple[date, date] | None:
    """The days an ISO value or interval covers ("2011-12" -> Dec 1..31; "2018-10-15T21:00" that
    day; a time without its day, "T21:00", none)."""
    if not value or value.startswith("T"):
        return None
    if "T" in value and "/" not in value:
        value = value.split("T", 1)[0]
    if "/" in value:
        a, b = (v.split("T", 1)[0] for v in value.split("/", 1))
        lo, hi = interval(a), interval(b)
        return (lo[0], hi[1]) if lo and hi else None
    try:
        if len(value) == 4:
            y = int(value)
            return date(y, 1, 1), date(y, 12, 31)
        if len(value) == 7:
            start = date.fromisoformat(value + "-01")
            return _period("month", start)
        d = date.fromisoformat(value)
        return d, d
    except ValueError:
        return None


_ONE_WEEKDAY = re.compile(rf"({_WEEKDAY}){_DAYPART}", re.IGNORECASE)


@lru_cache(maxsize=4096)
def loose_day(text: str) -> tuple[int, int] | None:
    """What a date that could not be anchored still says: (0, weekday) for "Sunday" or "Sunday
    night", (month, day) for "Dec. 1" or "Tuesday, Sept. 25" without a year; None for anything
    else. An article with no date of its own still says its arrest was on a Sunday, not a
    Wednesday: two such claims of one event can be compared."""
    t = re.sub(r"\s+", " ", text.strip())
    if m := _ONE_WEEKDAY.fullmatch(t):
        return 0, WEEKDAYS.index(m.group(1).capitalize())
    core = re.sub(rf"^{_WEEKDAY},?\s+", "", t, flags=re.IGNORECASE)
    written = None if re.search(_YEAR, core) else read_written(core, ("day", "month"))
    return (written[1], written[2]) if written else None


def same_day(day: tuple[int, int], value: str) -> bool | None:
    """Whether an anchored value (one day) is the loose day; None when the value is no single day."""
    span = interval(value)
    if span is None or span[0] != span[1]:
        return None
    month, n = day
    return span[0].weekday() == n if month == 0 else (span[0].month, span[0].day) == (month, n)
