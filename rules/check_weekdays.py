"""A weekday written beside a date must be that date's weekday."""

import re
from datetime import date

from crosscheck.rules import rule

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@rule("CC104", "weekday-date-mismatch", severity="fail", types=["date"])
def check_weekday_matches_date(claims):
    """A weekday and its date agree ("Monday, January 7, 2014" is wrong: that was a Tuesday).

    Only dates written with both a weekday and a full day are checked.
    """
    wrong = []
    if claims.empty:
        return
    for row in claims[claims["type"] == "date"].itertuples():
        m = re.match(r"(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b", row.text)
        if not m or not isinstance(row.date, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", row.date):
            continue
        if not re.search(r"\d", row.text):
            continue
        actual = WEEKDAYS[date.fromisoformat(row.date).weekday()]
        if not row.text.startswith(actual):
            wrong.append(f"{row.source}: {row.text!r} but {row.date} was a {actual}: {row.sentence.strip()}")
    assert not wrong, "weekday and date disagree:\n  " + "\n  ".join(wrong)
