"""Figures and dates that several outlets give for one fact must agree."""

from crosscheck.compare import describe
from crosscheck.model import Verdict
from crosscheck.rules import rule


def _quote(finding) -> str:
    lines = [f"{finding.topic}: outlets disagree"]
    for c in finding.claims:
        lines.append(f"  {finding.outlet(c.source)} says {describe(c)}: {c.sentence.strip()}")
    lines.append(f"  {finding.explanation}")
    return "\n".join(lines)


@rule("CC101", "figure-mismatch", severity="fail", types=["quantity"])
def check_figures_agree(finding):
    """Figures about the same fact agree across outlets.

    Counts, amounts and distances that several outlets report for one fact must be compatible once
    their wording is read as bounds: "more than 34" and "at least 34" agree, "thousands" and
    "hundreds" of residents fleeing do not.
    """
    assert finding.verdict is not Verdict.CONFLICT, _quote(finding)


@rule("CC102", "date-mismatch", severity="fail", types=["date"])
def check_dates_agree(finding):
    """Dates of the same event agree across outlets.

    "Monday", "January 6" and "today" in articles of Monday 6 January 2014 agree; Iran's offer
    dated January 6 by one outlet and Sunday 5 January by others does not.
    """
    assert finding.verdict is not Verdict.CONFLICT, _quote(finding)
