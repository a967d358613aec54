"""Accuracy against hand-written gold (tests/gold/*.json): extraction, alignment, verdicts."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import InputError
from .extract.dates import MONTHS as _MONTHS
from .extract.dates import WEEKDAYS as _WEEKDAYS
from .extract.frames import event_of_word, is_past, simple_past
from .model import Claim, Corpus, Verdict
from .sources import example_corpus, load
from .values import base_unit

if TYPE_CHECKING:
    from rich.console import Console


@dataclass
class Score:
    corpus: str
    #: "dev" (looked at while tuning) or "held-out" (never tuned on), from the gold file
    split: str = "dev"
    gold: int = 0
    found: int = 0
    correct: int = 0
    extracted: int = 0
    matched: int = 0
    furniture: int = 0
    findings_gold: int = 0
    findings_right: int = 0
    false_conflicts: int = 0
    #: core quantity claims (the gold names what is counted) found with the right value
    subject_gold: int = 0
    subject_right: int = 0
    event_gold: int = 0
    event_right: int = 0
    sources: int = 0
    #: sources whose publication date can be judged: the gold knows it, or the text states none
    #: and the tool says it does (a date the tool inferred, where the gold knows none, is unjudged)
    published_gold: int = 0
    published_right: int = 0
    #: gold dates left unanchored because the text states no date of its own, which the tool anchors
    #: to a publication date it says it inferred: neither right nor wrong, out of the recall
    dates_unjudged: int = 0
    outlets_right: int = 0
    #: gold conflicts (and updates) the tool calls conflicts
    conflicts_gold: int = 0
    conflicts_found: int = 0
    #: tool agreements over gold claims, and those that join claims of different gold facts
    agreements: int = 0
    false_agreements: int = 0
    #: gold agreements with one outlet's figure or date made incompatible, and how many are flagged
    injected: int = 0
    injected_flagged: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)
    finding_errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.extracted if self.extracted else 1.0

    @property
    def findings_accuracy(self) -> float:
        return self.findings_right / self.findings_gold if self.findings_gold else 1.0

    @property
    def subject_accuracy(self) -> float:
        return self.subject_right / self.subject_gold if self.subject_gold else 1.0

    @property
    def event_accuracy(self) -> float:
        return self.event_right / self.event_gold if self.event_gold else 1.0

    @property
    def published_accuracy(self) -> float:
        return self.published_right / self.published_gold if self.published_gold else 1.0

    @property
    def outlet_accuracy(self) -> float:
        return self.outlets_right / self.sources if self.sources else 1.0

    @property
    def conflict_recall(self) -> float:
        return self.conflicts_found / self.conflicts_gold if self.conflicts_gold else 1.0

    @property
    def false_agreement_rate(self) -> float:
        return self.false_agreements / self.agreements if self.agreements else 0.0

    @property
    def injected_recall(self) -> float:
        return self.injected_flagged / self.injected if self.injected else 1.0

    def add(self, other: Score) -> None:
        """Pool another corpus's counts into this one (for totals)."""
        for f in fields(self):
            if f.type in ("int", int):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def load_gold_corpus(gold: dict[str, Any], *, corpora: Path | None = None) -> Corpus:
    name = gold["corpus"]
    if "#" in name:
        file, cluster = name.split("#", 1)
        if corpora is None:
            raise InputError(f"gold {name!r} names a corpus file: say where with --corpora DIR")
        path = Path(corpora) / file
        if not path.exists():
            raise InputError(f"{path}: corpus file for gold {name!r} not found (use --corpora DIR)")
        return load([path], cluster=cluster)[0]
    if name == "fallujah-2014":
        return load([example_corpus()])[0]
    raise InputError(f"gold corpus {name!r} is unknown")


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(1.0, 0.02 * abs(b))


def claim_correct(c: Claim, g: dict[str, Any]) -> bool:
    """Same type and the same value and bounds (quantity) or the same date (date)."""
    if c.type != g["type"]:
        return False
    if c.type == "date":
        return c.date == g.get("date")
    mine, theirs = base_unit(c.unit), base_unit(g.get("unit"))
    # the gold's figure in the claim's unit: "two decades" written as 2 decades is 20 years
    factor = theirs[1] / mine[1] if mine[0] is not None and mine[0] == theirs[0] else 1.0
    ours = [c.value, c.low, c.high]
    gold = [None if g.get(k) is None else g[k] * factor for k in ("value", "low", "high")]
    # in another unit, the figure itself: "7 years" is no "85 months", though within a month of it
    close = _close if factor == 1.0 else _same
    if gold[0] is not None and ours[0] is not None:
        return all(close(a, b) for a, b in zip(ours, gold, strict=True))
    return close(ours[1], gold[1]) and close(ours[2], gold[2])


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _overlaps(c: Claim, source: str, start: int, end: int) -> bool:
    return c.source == source and c.start < end and start < c.end


def score_extraction(corpus: Corpus, gold: dict[str, Any]) -> Score:
    s = Score(corpus=gold["corpus"])
    claims = list(corpus.claims)
    gold_claims = gold["claims"]
    s.gold = len(gold_claims)
    inferred = {x.id for x in corpus.sources if x.published_inferred}
    undated = {sid for sid, g in gold.get("sources", {}).items() if g.get("published") is None} & inferred
    for g in gold_claims:
        end = g["start"] + len(g["text"])
        cands = [c for c in claims if _overlaps(c, g["source"], g["start"], end)]
        if g["type"] == "date" and g.get("date") is None and g["source"] in undated:
            if any(c.type == "date" and c.date is not None for c in cands):
                s.gold -= 1  # "Saturday" of a page that states no date: the gold knows no day to judge
                s.dates_unjudged += 1
                continue
        if cands:
            s.found += 1
        if any(claim_correct(c, g) for c in cands):
            s.correct += 1
        else:
            got = "; ".join(f"{c.text!r} {c.value},{c.low},{c.high} {c.date}" for c in cands) or "nothing"
            want = g.get("date") if g["type"] == "date" else f"{g.get('value')},{g.get('low')},{g.get('high')}"
            s.misses.append(f"{g['source']}: {g['text']!r} want {want}, got {got}")
    furniture = gold.get("furniture", [])
    s.extracted = len(claims)
    for c in claims:
        if any(_overlaps(c, g["source"], g["start"], g["start"] + len(g["text"])) for g in gold_claims):
            s.matched += 1
        elif any(_overlaps(c, f["source"], f["start"], f["start"] + len(f["text"])) for f in furniture):
            s.furniture += 1
            s.extras.append(f"{c.source}: {c.text!r} (furniture)")
        else:
            s.extras.append(f"{c.source}: {c.text!r} in {c.sentence[:80]!r}")
    return s


def _outlet_key(name: str | None) -> str | None:
    """One outlet under any of its names in crosscheck/data/outlets.json ("Associated Press" and
    "AP" are one), else its name without case, "the" or dots."""
    if not name:
        return None
    from .sources import outlet_aliases

    name = outlet_aliases().get(name.lower().strip(), name)
    key = name.lower().strip()
    return key.removeprefix("the ").replace(".", "")


def score_sources(corpus: Corpus, gold: dict[str, Any], s: Score) -> Score:
    """Publication dates and outlets, source by source."""
    for sid, g in gold.get("sources", {}).items():
        try:
            source = corpus.source(sid)
        except KeyError:
            continue
        s.sources += 1
        published = source.published.isoformat() if source.published else None
        if g.get("published") is None and source.published_inferred:
            pass  # the text states no date, and the tool says it inferred one (from the cluster): unjudged
        elif published == g.get("published"):
            s.published_gold += 1
            s.published_right += 1
        else:
            s.published_gold += 1
            s.misses.append(f"{sid}: published want {g.get('published')}, got {published}")
        if _outlet_key(source.outlet) == _outlet_key(g.get("outlet")):
            s.outlets_right += 1
        else:
            s.misses.append(f"{sid}: outlet want {g.get('outlet')!r}, got {source.outlet!r}")
    return s


def _canonical_event(event: str | None) -> str | None:
    """An event as the lexicon names it (an annotator's "died" is the tool's "killed"), its verb in
    one form: issue 10's event is the predicate's lemma, so "fallen" is "fell", "spend" "spent", and
    an annotator's "tested positive" or "sat down" is its verb, "tested", "sat"."""
    if event is None:
        return None
    word = event.lower()
    if word not in event_of_word() and " " in word:
        # the predicate of "tested positive", "sat down", "Cosby sentenced", "was arrested": its
        # first word the lexicon names or in a past form; else the phrase as written
        words = word.split()
        pairs = [" ".join(words[k : k + 2]) for k in range(len(words) - 1)]  # "broke out"
        word = next((w for w in (*pairs, *words) if w in event_of_word()), None) or next(
            (w for w in words if is_past(w)), word
        )
    return event_of_word().get(word) or event_of_word().get(simple_past(word), simple_past(word))


def score_frames(corpus: Corpus, gold: dict[str, Any], s: Score) -> Score:
    """What core quantity claims count (subject class) and what happened (event).

    Core claims are the gold quantity claims with a subject class, found with the right value;
    the event is scored where the gold names one.
    """
    for g in gold["claims"]:
        if g["type"] != "quantity" or not g.get("subject_class"):
            continue
        end = g["start"] + len(g["text"])
        found = [c for c in corpus.claims if _overlaps(c, g["source"], g["start"], end) and claim_correct(c, g)]
        if not found:
            continue
        c = found[0]
        s.subject_gold += 1
        if c.subject_class == g["subject_class"]:
            s.subject_right += 1
        else:
            s.misses.append(f"{g['source']}: {g['text']!r} counts {g['subject_class']}, got {c.subject_class}")
        if g.get("event"):
            s.event_gold += 1
            if _canonical_event(c.event) == _canonical_event(g["event"]):
                s.event_right += 1
            else:
                s.misses.append(f"{g['source']}: {g['text']!r} event {g['event']}, got {c.event}")
    return s


def score_findings(corpus: Corpus, gold: dict[str, Any], s: Score) -> Score:
    """Gold cross-source findings found with the right verdict; conflicts a reader would not raise."""
    by_gold: dict[str, list[Claim]] = {}
    for g in gold["claims"]:
        end = g["start"] + len(g["text"])
        by_gold[g["id"]] = [
            c for c in corpus.claims if _overlaps(c, g["source"], g["start"], end) and c.type == g["type"]
        ]
    finding_of: dict[str, Any] = {}
    for f in corpus.findings:
        for cid in f.claims:
            finding_of[cid] = f
    for gf in gold.get("findings", []):
        s.findings_gold += 1
        found = [finding_of[c.id] for gid in gf["claims"] for c in by_gold.get(gid, []) if c.id in finding_of]
        # right: one finding holds claims of at least two of the gold sources, with the gold verdict
        ok = False
        for f in {id(f): f for f in found}.values():
            covered = {c.source for gid in gf["claims"] for c in by_gold.get(gid, []) if c.id in f.claims}
            if len(covered) >= 2 and f.verdict.value == gf["verdict"]:
                ok = True
        if ok:
            s.findings_right += 1
        else:
            verdicts = sorted({f.verdict.value for f in found})
            s.finding_errors.append(f"{gf['topic']}: want {gf['verdict']}, got {verdicts or 'not aligned'}")
        if gf["verdict"] in ("conflict", "update"):
            s.conflicts_gold += 1
            if any(f.verdict is Verdict.CONFLICT for f in found):
                s.conflicts_found += 1
    # agreements that join claims a reader keeps apart: their gold claims belong to different facts
    fact_of = {gid: gf["id"] for gf in gold.get("findings", []) for gid in gf["claims"]}
    gold_of: dict[str, str] = {c.id: gid for gid, cs in by_gold.items() for c in cs}
    for f in corpus.findings:
        if f.verdict is not Verdict.AGREE:
            continue
        # only claims of gold facts count: a gold claim outside every gold finding says nothing
        in_facts = [gold_of[cid] for cid in f.claims if cid in gold_of and gold_of[cid] in fact_of]
        facts = {fact_of[g] for g in in_facts}
        if len(in_facts) < 2:
            continue
        s.agreements += 1
        if len(facts) > 1:
            s.false_agreements += 1
            s.finding_errors.append(f"false agreement: {f.topic}: {f.explanation[:120]}")
    conflicts = [f for f in corpus.findings if f.verdict is Verdict.CONFLICT]
    gold_conflict_claims = [
        set(c.id for gid in gf["claims"] for c in by_gold.get(gid, []))
        for gf in gold.get("findings", [])
        if gf["verdict"] == "conflict"
    ]
    for f in conflicts:
        if not any(set(f.claims) & g for g in gold_conflict_claims):
            s.false_conflicts += 1
            s.finding_errors.append(f"false conflict: {f.topic}: {f.explanation[:120]}")
    return s


_NUMBER = re.compile(
    r"\d[\d,]*(?:\.\d+)?|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"dozen|twenty|thirty|forty|fifty|hundred|thousand)\b",
    re.IGNORECASE,
)


def _bound(g: dict[str, Any], key: str) -> float | None:
    v = g.get(key)
    return float(v) if isinstance(v, (int, float)) else None


def planted_value(target: dict[str, Any], others: list[dict[str, Any]]) -> str | None:
    """A rewrite of a gold claim's text that no other claim of its fact allows: the figure made
    three times the highest bound (or a third of the lowest), the date moved three days."""
    text = target["text"]
    if target["type"] == "quantity":
        m = _NUMBER.search(text)
        if not m:
            return None
        low, high = _bound(target, "low"), _bound(target, "high")
        if low is not None and high is not None and low != high and len(_NUMBER.findall(text)) > 1:
            return None  # "three-to-10-year": one figure rewritten would be no figure at all
        highs = [_bound(o, "high") for o in others]
        lows = [x for o in others if (x := _bound(o, "low")) is not None]
        finite = [h for h in highs if h is not None]
        if target.get("subject_class") == "age" and finite and len(finite) == len(highs):
            # an age stays an age: 268 is read as no one's age at all, 20 years older is a real error
            new = int(max(finite) + 20) if max(finite) + 20 <= 110 else int(min(lows or finite) - 20)
            if new <= 0:
                return None
        elif finite and len(finite) == len(highs):
            new = int(max(finite) * 3 + 1)
        elif lows and min(lows) > 3:
            new = int(min(lows) / 3)
        else:
            return None
        # the qualifier goes ("more than 34" becomes "103"); a currency sign stays ("$2,500" "$7,501")
        sign = text[: m.start()][-1:] if text[: m.start()][-1:] in "$£€¥" and m.start() else ""
        if text[: m.start()].strip().lower() in ("age", "aged"):
            sign = text[: m.start()]  # "age 22" becomes "age 42": still an age, as in the other outlet
        # the bounds are whole figures: "$26.6 million" becomes "$79,800,001", not "... million"
        rest = re.sub(r"^[ -]?(?:million|billion|trillion|thousand)\b", "", text[m.end() :], flags=re.IGNORECASE)
        return f"{sign}{new:,}" + rest
    day = target.get("date") or ""
    if len(day) != 10:
        return None
    from datetime import date, timedelta

    moved = date.fromisoformat(day) + timedelta(days=3)
    if any(_within(moved, o.get("date")) for o in others):
        return None  # "2013" allows April 18 as well as April 15: no date three days off is ruled out
    for w in _WEEKDAYS:
        if text.startswith(w) and text.strip() == w:
            return _WEEKDAYS[moved.weekday()]
    if any(mo in text or mo[:3] in text for mo in _MONTHS):
        return f"{_MONTHS[moved.month - 1]} {moved.day}" + (f", {moved.year}" if re.search(r"\d{4}", text) else "")
    return None


def _within(day: Any, value: str | None) -> bool:
    """Whether a day lies inside a gold date ("2013", "2013-04", "2013-04-15/2013-04-20")."""
    if not value:
        return False
    first, _, last = value.partition("/")
    iso = day.isoformat()
    return (iso[: len(first)] >= first) and (iso[: len(last or first)] <= (last or first))


def score_injected(corpus: Corpus, gold: dict[str, Any], s: Score, *, settings: Any = None) -> Score:
    """For every agreeing gold fact, one outlet's figure or date is rewritten to an incompatible
    one in a copy of its text; the report should then call that fact a conflict."""
    from dataclasses import replace

    from .compare import compare
    from .extract import extract
    from .sources import body_spans

    claims = {g["id"]: g for g in gold["claims"]}
    for gf in gold.get("findings", []):
        if gf["verdict"] != "agree":
            continue
        members = [claims[i] for i in gf["claims"] if i in claims]
        if len({m["source"] for m in members}) < 2:
            continue
        target = members[-1]
        others = [m for m in members if m["source"] != target["source"]]
        planted = planted_value(target, others)
        if planted is None:
            continue
        try:
            source = corpus.source(target["source"])
        except KeyError:
            continue
        a, b = target["start"], target["start"] + len(target["text"])
        if source.text[a:b] != target["text"]:
            continue
        text = source.text[:a] + planted + source.text[b:]
        changed = replace(source, text=text, body=body_spans(text))
        edited = replace(
            corpus, sources=tuple(changed if x.id == source.id else x for x in corpus.sources), claims=(), findings=()
        )
        result = compare(extract(edited)) if settings is None else compare(extract(edited), settings=settings)
        s.injected += 1
        hit = [c for c in result.claims if c.source == source.id and c.start < a + len(planted) and a < c.end]
        flagged = any(f.verdict is Verdict.CONFLICT and set(f.claims) & {c.id for c in hit} for f in result.findings)
        if flagged:
            s.injected_flagged += 1
        else:
            s.finding_errors.append(f"planted {target['text']!r} -> {planted!r} ({gf['topic']}): not flagged")
    return s


def gold_files(folder: Path) -> list[Path]:
    """The gold files of a folder, and its ``summaries/`` (the summary checks of ``verify``)."""
    return sorted(folder.glob("*.json")) + sorted(folder.glob("summaries/*.json"))


# --------------------------------------------------------------------------- summary checks


@dataclass
class SummaryScore:
    """How ``crosscheck verify`` did on one summary's gold checks."""

    corpus: str
    split: str = "dev"
    gold: int = 0
    #: gold checks the tool extracted with the right value or date
    found: int = 0
    #: gold checks given the gold verdict (a claim not extracted is a wrong verdict)
    right: int = 0
    #: claims the tool flags (contradicted or unsupported), and those the gold flags too; a flag on
    #: a claim the gold does not list counts as a false flag
    flagged: int = 0
    flagged_true: int = 0
    #: gold flags, and those the tool flags
    flags_gold: int = 0
    flags_found: int = 0
    #: supported gold checks rewritten to an incompatible value, and those the tool then flags
    planted: int = 0
    planted_flagged: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def accuracy(self) -> float:
        return self.right / self.gold if self.gold else 1.0

    @property
    def flag_precision(self) -> float:
        return self.flagged_true / self.flagged if self.flagged else 1.0

    @property
    def flag_recall(self) -> float:
        return self.flags_found / self.flags_gold if self.flags_gold else 1.0

    @property
    def planted_recall(self) -> float:
        return self.planted_flagged / self.planted if self.planted else 1.0

    def add(self, other: SummaryScore) -> None:
        for f in fields(self):
            if f.type in ("int", int):
                setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


def _gold_at(checks: Sequence[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    return next((g for g in checks if g["start"] < end and start < g["start"] + len(g["text"])), None)


def score_summary(gold: dict[str, Any], *, corpora: Path | None = None) -> SummaryScore:
    """One summary's checks against its gold, then planted errors: each supported figure or date
    changed to one its sources rule out, in a copy of the summary, should be flagged."""
    from .compare import compare
    from .extract import extract

    corpus = compare(extract(load_gold_corpus(gold, corpora=corpora)))
    summary_text = _summary_text(gold, corpora)
    s = SummaryScore(corpus=gold["corpus"].split("#")[-1], split=str(gold.get("split", "dev")))
    result = _verified(summary_text, corpus)
    checks = gold["checks"]
    for g in checks:
        s.gold += 1
        flag = g["verdict"] != "supported"
        s.flags_gold += flag
        end = g["start"] + len(g["text"])
        hit = next((c for c in result.checks if c.claim.start < end and g["start"] < c.claim.end), None)
        if hit is None:
            s.errors.append(f"not extracted: {g['text']!r} ({g['verdict']})")
            continue
        s.found += claim_correct(hit.claim, g) or _close(hit.claim.value, g.get("value"))
        if hit.verdict == g["verdict"]:
            s.right += 1
        else:
            s.errors.append(f"{g['text']!r}: {hit.verdict}, gold {g['verdict']} ({hit.explanation})")
        s.flags_found += flag and hit.verdict != "supported"
    for c in result.checks:
        if c.verdict == "supported":
            continue
        s.flagged += 1
        g = _gold_at(checks, c.claim.start, c.claim.end)
        if g is not None and g["verdict"] != "supported":
            s.flagged_true += 1
        elif g is None:
            s.errors.append(f"flagged {c.claim.text!r}, not a gold claim ({c.verdict}: {c.explanation})")
    for g in checks:
        if g["verdict"] != "supported":
            continue
        fraction = isinstance(g.get("value"), float) and not float(g["value"]).is_integer()
        planted = None if fraction else planted_value(g, [g])  # "two-thirds" has no figure to triple
        if planted is None:
            continue
        a, b = g["start"], g["start"] + len(g["text"])
        if summary_text[a:b] != g["text"]:
            continue
        edited = _verified(summary_text[:a] + planted + summary_text[b:], corpus)
        s.planted += 1
        hit = [c for c in edited.checks if c.claim.start < a + len(planted) and a < c.claim.end]
        if any(c.verdict != "supported" for c in hit) or not hit:
            s.planted_flagged += 1
        else:
            s.errors.append(f"planted {g['text']!r} -> {planted!r}: supported ({hit[0].explanation})")
    return s


def _summary_text(gold: dict[str, Any], corpora: Path | None) -> str:
    file, cluster = gold["corpus"].split("#", 1)
    if corpora is None:
        raise InputError(f"gold {gold['corpus']!r} names a corpus file: say where with --corpora DIR")
    from .sources import jsonl_summaries

    text = jsonl_summaries([Path(corpora) / file]).get(cluster)
    if text is None:
        raise InputError(f"{file}: no cluster {cluster!r} with a summary")
    return text


def _verified(summary_text: str, corpus: Corpus) -> Any:
    from .sources import make_source
    from .verify import SUMMARY_ID, verify_corpus

    summary = make_source(SUMMARY_ID, "summary", summary_text, cluster=corpus.id)
    return verify_corpus(summary, corpus, compared=True)


def summary_line(s: SummaryScore) -> str:
    return (
        f"summary claims {s.recall:.0%} ({s.found}/{s.gold})  verdicts right {s.accuracy:.0%} ({s.right}/{s.gold})  "
        f"flag precision {s.flag_precision:.0%} ({s.flagged_true}/{s.flagged})  "
        f"flag recall {s.flag_recall:.0%} ({s.flags_found}/{s.flags_gold})  "
        f"planted errors found {s.planted_recall:.0%} ({s.planted_flagged}/{s.planted})"
    )


def _read_gold(path: Path) -> dict[str, Any]:
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: not a gold file ({exc})") from None
    if not isinstance(gold, dict) or "corpus" not in gold:
        raise InputError(f"{path}: not a gold file (no 'corpus')")
    problem = _gold_problem(gold)
    if problem:
        raise InputError(f"{path}: not a gold file ({problem})")
    return gold


#: the fields of each kind of gold entry the score reads, and their types
_GOLD_ENTRIES: dict[str, dict[str, type | tuple[type, ...]]] = {
    "claims": {"id": str, "source": str, "type": str, "text": str, "start": int},
    "furniture": {"source": str, "text": str, "start": int},
    "findings": {"id": str, "claims": list, "verdict": str},
    "not_conflicts": {"claims": list},
    "checks": {"text": str, "start": int, "verdict": str, "type": str},
}
#: the figures of a claim or a check: a number or null where given
_GOLD_NUMBERS = ("value", "low", "high")


_KIND_NAMES: dict[Any, str] = {str: "string", int: "whole number", list: "list"}


def _gold_problem(gold: dict[str, Any]) -> str | None:
    """What is wrong with a gold file's shape (see tests/gold/README.md), or None: said in one
    line rather than met as a traceback halfway through scoring."""
    if not isinstance(gold["corpus"], str):
        return "'corpus' is not a string"
    if not isinstance(gold.get("sources", {}), dict) or not all(
        isinstance(v, dict) for v in gold.get("sources", {}).values()
    ):
        return "'sources' is not a table of tables"
    for key, wanted in _GOLD_ENTRIES.items():
        entries = gold.get(key, [])
        if not isinstance(entries, list):
            return f"{key!r} is not a list"
        for i, entry in enumerate(entries):
            if not isinstance(entry, dict):
                return f"{key}[{i}] is not a table"
            for name, kind in wanted.items():
                value = entry.get(name)
                if not isinstance(value, kind) or isinstance(value, bool):
                    return f"{key}[{i}].{name} is missing or not a {_KIND_NAMES[kind]}"
            for name in _GOLD_NUMBERS if key in ("claims", "checks") else ():
                value = entry.get(name)
                if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                    return f"{key}[{i}].{name} is not a number or null"
            if key == "claims" and entry["type"] not in ("quantity", "date"):
                return f"claims[{i}].type is neither 'quantity' nor 'date'"
            if "start" in wanted and entry["start"] < 0:
                return f"{key}[{i}].start is negative"
    return None


def run_summaries(paths: Iterable[Path], *, corpora: Path | None = None) -> list[SummaryScore]:
    """Summary gold files (with ``checks``) scored; other gold files are skipped."""
    golds = (_read_gold(p) for p in paths)
    return [score_summary(g, corpora=corpora) for g in golds if "checks" in g]


def run(paths: Iterable[Path], *, corpora: Path | None = None, findings: bool = True) -> list[Score]:
    """Extraction and alignment gold files scored; summary gold files are skipped."""
    from .extract import extract

    scores = []
    for path in paths:
        gold = _read_gold(path)
        if "checks" in gold:
            continue
        corpus = extract(load_gold_corpus(gold, corpora=corpora))
        if findings:
            from .compare import compare

            corpus = compare(corpus)
        s = score_extraction(corpus, gold)
        s.split = str(gold.get("split", "dev"))
        score_sources(corpus, gold, s)
        score_frames(corpus, gold, s)
        if findings:
            score_findings(corpus, gold, s)
            score_injected(corpus, gold, s)
        scores.append(s)
    return scores


def line(s: Score) -> str:
    """One corpus's figures, or a split's pooled ones."""
    return (
        f"recall {s.recall:.1%} ({s.correct}/{s.gold}, {s.dates_unjudged} dates unjudged)  precision {s.precision:.1%} ({s.matched}/{s.extracted})  "
        f"furniture claims {s.furniture}  subject class {s.subject_accuracy:.0%} ({s.subject_right}/{s.subject_gold})  "
        f"event {s.event_accuracy:.0%} ({s.event_right}/{s.event_gold})  "
        f"published {s.published_accuracy:.0%} ({s.published_right}/{s.published_gold}, "
        f"{s.sources - s.published_gold} inferred unjudged)  "
        f"outlets {s.outlet_accuracy:.0%} ({s.outlets_right}/{s.sources})  "
        f"findings right {s.findings_accuracy:.0%} ({s.findings_right}/{s.findings_gold})  "
        f"conflict recall {s.conflict_recall:.0%} ({s.conflicts_found}/{s.conflicts_gold})  "
        f"false agreements {s.false_agreement_rate:.0%} ({s.false_agreements}/{s.agreements})  "
        f"injected found {s.injected_recall:.0%} ({s.injected_flagged}/{s.injected})  "
        f"false conflicts {s.false_conflicts}"
    )


def totals(scores: Sequence[Score]) -> dict[str, tuple[int, Score]]:
    """Pooled Multi-News scores by split (the bundled corpus is reported on its own)."""
    out: dict[str, tuple[int, Score]] = {}
    for s in scores:
        if s.corpus == "fallujah-2014":
            continue
        n, total = out.get(s.split, (0, Score(corpus=s.split, split=s.split)))
        total.add(s)
        out[s.split] = (n + 1, total)
    return out


def print_summary_scores(scores: Sequence[SummaryScore], *, console: Console, verbose: bool = False) -> None:
    """One line per summary, then each split's totals."""
    from rich.text import Text

    pooled: dict[str, tuple[int, SummaryScore]] = {}
    for s in scores:
        console.print(Text(f"summary {s.corpus} [{s.split}]: {summary_line(s)}"), soft_wrap=True)
        if verbose:
            for e in s.errors:
                console.print(Text(f"    {e}"), soft_wrap=True)
        n, total = pooled.get(s.split, (0, SummaryScore(corpus=s.split, split=s.split)))
        total.add(s)
        pooled[s.split] = (n + 1, total)
    for split, (n, total) in sorted(pooled.items()):
        console.print(Text(f"Summaries {split} ({n} clusters): {summary_line(total)}"), soft_wrap=True)


def print_scores(scores: Sequence[Score], *, console: Console, verbose: bool = False) -> None:
    """One line per gold corpus, then the Multi-News totals of each split, dev and held-out apart."""
    from rich.text import Text

    for s in scores:
        console.print(Text(f"{s.corpus} [{s.split}]: {line(s)}"), soft_wrap=True)
        if verbose:
            for miss in s.misses + s.extras + s.finding_errors:
                console.print(Text(f"    {miss}"), soft_wrap=True)
    for split, (n, total) in sorted(totals(scores).items()):
        console.print(
            Text(
                f"Multi-News {split} ({n} clusters): {line(total)}  "
                f"false conflicts per cluster {total.false_conflicts / n:.2f}"
            ),
            soft_wrap=True,
        )
