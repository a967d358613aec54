"""Parts must add up to the totals they belong to."""

from crosscheck.rules import rule

#: what a total of "people" may be broken down into
PARTS_OF = {"people": {"soldiers", "civilians", "militants", "residents", "children", "workers"}}
#: how far back (characters) an undated list takes its time scope from the story's last dated figure
CARRY = 400


def _parts(corpus):
    """Lists of counts in one sentence ("22 soldiers and 12 civilians were killed")."""
    by_sentence = {}
    for c in corpus.claims:
        if c.type == "quantity" and c.unit is None and c.value is not None and c.event:
            by_sentence.setdefault((c.source, c.sentence_start, c.event), []).append(c)
    for (source, _, event), claims in by_sentence.items():
        for total_subject, kinds in PARTS_OF.items():
            parts = [c for c in claims if c.subject in kinds]
            if len({c.subject for c in parts}) >= 2:
                yield source, event, total_subject, parts


def _in_bounds(total, value) -> bool:
    return (total.low is None or value >= total.low) and (total.high is None or value <= total.high)


@rule("CC103", "parts-do-not-add-up", severity="warn")
def check_parts_add_up(corpus):
    """Parts add up to the total within one outlet, and across outlets where both are stated.

    FRANCE 24 writes that fighting "killed more than 34 people on Sunday" and that "22 soldiers
    and 12 civilians were killed": 22 + 12 = 34 is not more than 34. Either a part is missing or a
    figure is wrong; an editor should look.
    """
    problems = []
    outlets = {s.id: s.outlet or s.id for s in corpus.sources}
    for source, event, total_subject, parts in _parts(corpus):
        total_value = sum(c.value for c in parts)
        scope = next((c.date for c in parts if c.date), None) or _carried_scope(corpus, parts[0])
        totals = [
            c
            for c in corpus.claims
            if c.type == "quantity"
            and c.subject == total_subject
            and c.event == event
            and c.unit is None
            and c.date == scope
        ]
        for t in totals:
            if not _in_bounds(t, total_value):
                where = "its own" if t.source == source else f"{outlets[t.source]}'s"
                listed = " + ".join(f"{c.value:g} {c.subject}" for c in parts)
                problems.append(
                    f"{outlets[source]}: {listed} = {total_value:g} {total_subject} {event}, "
                    f"against {where} {t.text!r} ({t.sentence.strip()})"
                )
    assert not problems, "parts do not add up to the total:\n  " + "\n  ".join(problems)


def _carried_scope(corpus, claim):
    """An undated list ("22 soldiers and 12 civilians were killed") is about the day the story's
    previous figure for the same event named ("killed more than 34 people on Sunday")."""
    before = [
        c
        for c in corpus.claims
        if c.source == claim.source
        and c.type == "quantity"
        and c.date
        and c.event == claim.event
        and 0 < claim.start - c.end <= CARRY
    ]
    return before[-1].date if before else None
