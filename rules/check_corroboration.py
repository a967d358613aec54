"""Headline figures need independent corroboration."""

from crosscheck.model import Verdict
from crosscheck.rules import rule

#: how many characters from the start of an article's text count as its headline and lead
LEAD = 600


def _is_headline(finding) -> bool:
    for c in finding.claims:
        source = finding.sources.get(c.source)
        if source and source.body and c.start - source.body[0][0] < LEAD:
            return True
    return False


@rule("CC105", "uncorroborated-headline-figure", severity="warn", types=["quantity"], single=True)
def check_headline_corroborated(finding, config):
    """Headline figures are corroborated by at least N distinct outlets (N = min_outlets, default 2).

    A figure in an article's headline or lead that no other outlet states is worth a second source
    before it is repeated.
    """
    if not _is_headline(finding) or finding.verdict is Verdict.CONFLICT:
        return
    n = int(config.get("min_outlets", 2))
    c = finding.claims[0]
    assert finding.outlets >= n, (
        f"{finding.outlet(c.source)}'s headline figure {c.text!r} ({finding.topic}) is stated by "
        f"{finding.outlets} outlet(s), fewer than {n}: {c.sentence.strip()}"
    )


@rule("CC106", "wire-only-corroboration", severity="warn", types=["quantity", "date"])
def check_independent_corroboration(finding):
    """A figure whose outlets all cite the same wire service is not independent corroboration.

    When FRANCE 24, DW and RFE/RL all credit AP, AFP and Reuters, their agreement may be one
    agency's figure printed three times.
    """
    if finding.verdict is not Verdict.AGREE:
        return
    wire_sets = [set(s.wires) for s in finding.sources.values()]
    shared = set.intersection(*wire_sets) if wire_sets else set()
    own = {s.outlet for s in finding.sources.values()}
    assert not (shared and not own & shared), (
        f"{finding.topic}: every outlet ({', '.join(sorted(str(o) for o in own))}) credits "
        f"{', '.join(sorted(shared))}: the agreement may be one wire figure repeated"
    )
