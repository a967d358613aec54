"""What a claim's value means: its interval, whether two can both be true, and how to write it.

The one home of value logic, read by alignment, comparison and every report (console, JSON, HTML).

Rounding follows how a figure is written. An exact figure spans half the unit of its last written
digit ("$15.99" 15.985 to 15.995, "21 %" 20.5 to 21.5, "2,000" 1,500 to 2,500), never more than
``rounding`` (2 %) of itself either way, so "$16" agrees with "$15.99" and "21 %" with "21.3 %",
while "2,000" against "2,500" is a conflict. Under 100 a figure is exact to its units digit: "50"
is not "49". A whole number of a larger unit spans its unit ("seven years" is 6.5 to 7.5 years,
so 85 months agrees). Qualified figures ("about", "more than") carry their own bounds, read by
extraction.
"""

from __future__ import annotations

import math
import re
from datetime import date
from functools import cache
from typing import Any

from .extract.dates import interval, loose_day, same_day
from .model import Claim
from .settings import DEFAULT_TOLERANCES, Tolerances
from .sources import load_data

__all__ = [
    "base_unit",
    "bounds",
    "central",
    "claim_interval",
    "compatible",
    "describe",
    "fmt_num",
    "interpretation",
    "interval",
    "loose",
    "loose_alike",
    "range_text",
    "value_range",
    "when_text",
    "written_unit",
]


@cache
def _base_units() -> dict[str, tuple[str, float]]:
    return {k: (v[0], float(v[1])) for k, v in load_data("units.json")["to_base"].items()}


def base_unit(unit: str | None) -> tuple[str | None, float]:
    """('month', 12) for years: units are compared in a common base."""
    if unit is None:
        return None, 1.0
    return _base_units().get(unit, (unit, 1.0))


def central(c: Claim) -> float | None:
    """A positive middle value of a quantity in its base unit, for order-of-magnitude checks."""
    _, factor = base_unit(c.unit)
    v: float | None
    if c.value is not None:
        v = c.value
    elif c.low is not None and c.high is not None:
        v = (c.low + c.high) / 2
    else:
        v = c.low if c.low is not None else c.high
    return v * factor if v else None


_DIGITS = re.compile(r"\d[\d,\u2009\u00a0\u202f]*(?:\.\d+)?")


def written_unit(c: Claim) -> float:
    """The unit of the last digit of the figure as written, in the claim's unit: "$15.99" 0.01,
    "21 %" 1, "2,000" 1,000, "1.5 million" 100,000; a figure in words ("six") 1."""
    found = _DIGITS.findall(c.text)
    if not found or c.value is None:
        return 1.0
    digits = re.sub(r"[,\u2009\u00a0\u202f]", "", found[-1])
    written = float(digits)
    if not written:
        return 1.0
    whole, _, decimals = digits.partition(".")
    unit = 10.0 ** -len(decimals) if decimals else 10.0 ** (len(whole) - len(whole.rstrip("0")))
    return unit * abs(c.value / written)  # "1.5 million": the digits' unit times the million


def _ends(c: Claim) -> tuple[float | None, float | None]:
    """The claim's own low and high as its words give them: an open end infinite, an exact figure
    its value at both ends."""
    low = c.low if c.low is not None else (-math.inf if c.high is not None else c.value)
    high = c.high if c.high is not None else (math.inf if c.low is not None else c.value)
    return low, high


def bounds(c: Claim, *, rounding: float = DEFAULT_TOLERANCES.rounding) -> tuple[float, float]:
    """The claim's inclusive interval in its base unit (open ends are infinite); see the module
    docstring for how an exact figure is read as a rounded one."""
    _, factor = base_unit(c.unit)
    low, high = _ends(c)
    low = -math.inf if low is None else low * factor
    high = math.inf if high is None else high * factor
    if c.qualifier is None and low == high and c.value is not None:
        if factor > 1 and float(c.value).is_integer():
            slack = 0.49 * factor
        else:
            unit = written_unit(c) if abs(c.value) >= 100 else min(written_unit(c), 1.0)
            slack = min(0.49 * unit, rounding * abs(c.value)) * factor
        low, high = low - slack, high + slack
    return low, high


def _date_range(c: Claim) -> tuple[date, date] | None:
    return interval(c.date)


#: minutes either way of a time said "about 9 p.m." (a time with a qualifier)
APPROXIMATE_MINUTES = 15


def loose(c: Claim) -> tuple[int, int] | None:
    """The weekday or month and day of a date claim its source could not anchor (no date of
    its own), else None."""
    return loose_day(c.text) if c.date is None and c.type == "date" else None


def loose_alike(a: Claim, b: Claim) -> bool:
    """Two dates undated articles could not anchor that say the same kind of day: two weekdays,
    or two days of a month (a weekday and a day of a month say nothing of each other)."""
    la, lb = loose(a), loose(b)
    return la is not None and lb is not None and (la[0] == 0) == (lb[0] == 0)


def _loose_clash(a: Claim, b: Claim) -> bool:
    """Two dates that name different days though one or both could not be anchored: "Sunday"
    and "Wednesday", "Dec. 1" and "December 4", or "Sunday" and a Wednesday's date."""
    la, lb = loose(a), loose(b)
    if la and lb:
        return loose_alike(a, b) and la != lb
    if la and b.date:
        return same_day(la, b.date) is False
    if lb and a.date:
        return same_day(lb, a.date) is False
    return False


def _clock_range(c: Claim) -> tuple[int, int] | None:
    """The minutes of the day a time claim allows ("about 9 p.m." 20:45 to 21:15), or None."""
    if not c.date or "T" not in c.date:
        return None
    minutes = []
    for part in c.date.split("/"):
        if "T" not in part:
            return None
        hh, mm = part.split("T", 1)[1][:5].split(":")
        minutes.append(int(hh) * 60 + int(mm))
    slack = APPROXIMATE_MINUTES if c.qualifier else 0
    return minutes[0] - slack, minutes[-1] + slack


def value_range(c: Claim, tol: Tolerances = DEFAULT_TOLERANCES) -> tuple[float, float]:
    """The claim's values as one interval on a line (base units, or days), for quick checks."""
    if c.type == "quantity":
        return bounds(c, rounding=tol.rounding)
    days = _date_range(c)
    return (days[0].toordinal(), days[1].toordinal()) if days else (-math.inf, math.inf)


def compatible(a: Claim, b: Claim, *, tol: Tolerances = DEFAULT_TOLERANCES) -> bool:
    """Whether two claims of one fact can both be true: their intervals (of values or of days)
    overlap; a date that names no day is compatible with any."""
    if a.type == "date":
        ra, rb = _date_range(a), _date_range(b)
        if not (ra is None or rb is None or (ra[0] <= rb[1] and rb[0] <= ra[1])):
            return False
        if _loose_clash(a, b):
            return False
        ta, tb = _clock_range(a), _clock_range(b)
        return ta is None or tb is None or (ta[0] <= tb[1] and tb[0] <= ta[1])
    (al, ah), (bl, bh) = bounds(a, rounding=tol.rounding), bounds(b, rounding=tol.rounding)
    return al <= bh and bl <= ah


def claim_interval(c: Claim, factor: float) -> tuple[float, float] | None:
    """The values the claim's words allow, without rounding slack, times ``factor`` (a finding's
    unit); a date as the ordinals of its first day and of the day after its last."""
    if c.type == "date":
        r = _date_range(c)
        return None if r is None else (float(r[0].toordinal()), float(r[1].toordinal() + 1))
    low, high = _ends(c)
    if low is None or high is None:
        return None
    return low * factor, high * factor


def fmt_num(x: Any) -> str:
    """34.0 -> "34", 5099.5 -> "5,099.5", None -> "–", infinity "∞"; dates (strings) as they are."""
    if x is None:
        return "\u2013"
    if isinstance(x, str):
        return x
    x = float(x)
    if math.isinf(x):
        return "\u221e" if x > 0 else "-\u221e"
    if x.is_integer():
        return f"{int(x):,}"
    if abs(x) < 1:
        return f"{x:.3g}"
    return f"{x:,.2f}".rstrip("0").rstrip(".")


def range_text(low: float | None, high: float | None, *, symbols: bool = False) -> str:
    """ "2,000 to 9,999", "35 or more", "10 or fewer" (or "2,000–9,999", "≥ 35", "≤ 10");
    "" when the range is one value or none."""
    low = None if low is None or low == -math.inf else low
    high = None if high is None or high == math.inf else high
    if low is not None and high is not None:
        if low == high:
            return ""
        return f"{fmt_num(low)}\u2013{fmt_num(high)}" if symbols else f"{fmt_num(low)} to {fmt_num(high)}"
    if low is not None:
        return f"\u2265 {fmt_num(low)}" if symbols else f"{fmt_num(low)} or more"
    if high is not None:
        return f"\u2264 {fmt_num(high)}" if symbols else f"{fmt_num(high)} or fewer"
    return ""


def describe(c: Claim) -> str:
    """A claim as the explanations quote it: "'more than 34' (35 or more)", "'Sunday' (2014-01-05)"."""
    if c.type == "date":
        return f"{c.text!r} ({c.date})" if c.date and c.date != c.text else repr(c.text)
    rng = range_text(c.low, c.high)
    return f"{c.text!r} ({rng})" if rng else repr(c.text)


def interpretation(c: Claim) -> str:
    """What the claim's wording was read as: "2,000–9,999", "2014-01-05", "≥ 35" ("" when as written)."""
    if c.type == "date":
        return c.date if c.date and c.date != c.text else ""
    return range_text(c.low, c.high, symbols=True)


def _day_text(value: str) -> str | None:
    if "T" in value:  # a time of day, on its day when it has one: "Monday 15 October 2018, 21:00"
        day, clock = value.split("T", 1)
        return f"{_day_text(day)}, {clock}" if day and _day_text(day) else clock
    r = interval(value)
    if r is None:
        return None
    if len(value) == 4:
        return value
    if len(value) == 7:
        return f"{r[0]:%B %Y}"
    return f"{r[0]:%A} {r[0].day} {r[0]:%B %Y}"


def when_text(value: str) -> str:
    """A time scope in words: "on Sunday 5 January 2014", "in December 2013", "in 2004",
    "between 30 December 2013 and 5 January 2014" (an unreadable value as it is)."""
    if "/" in value:
        a, b = (_day_text(v) for v in value.split("/", 1))
        return f"between {a} and {b}" if a and b else value
    text = _day_text(value)
    if text is None:
        return value
    if value.startswith("T"):
        return f"at {text}"
    return f"on {text}" if len(value) >= 10 else f"in {text}"
