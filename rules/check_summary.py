"""A summary or a draft states only what its sources state."""

import warnings

from crosscheck.rules import rule


@rule("CC107", "unsupported-summary-figure", severity="fail", types=["quantity", "date"])
def check_summary_figure(check):
    """Every figure and date of the summary is backed by the sources.

    A figure the sources contradict fails ("summary says 73; FRANCE 24 says 22"); one that no
    source states warns: the writer may have it from elsewhere, or made it up. Runs when a summary
    is given (`crosscheck check --summary FILE`, or `--summaries` for each JSONL cluster's own).
    """
    where = check.claim.sentence.strip()
    assert check.verdict != "contradicted", f"{check.explanation}. In: {where}"
    if check.verdict == "unsupported":
        warnings.warn(f"summary says {check.claim.text!r}: {check.explanation}. In: {where}", stacklevel=1)
