"""What a claim counts, what happened, how sure, where, who says it: the frame of each figure.

Read from the claim's own clause with cue lists from ``crosscheck/data/subjects.json`` and
``frames.json`` (no parser: a dependency parse costs more than the whole pipeline, and a
lemmatiser such as lemminflect takes 0.2 s to load, more than extracting 80 articles; the
inflected forms are listed in the data instead).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..errors import ConfigError
from ..sources import load_data
from .numbers import Token

MODALITIES = ("stated", "planned", "expected", "estimated", "hypothetical")


# --------------------------------------------------------------------------- data


def plural(noun: str) -> str:
    """A class named by its noun is named in the plural: "one lesson" and "two lessons" count one
    kind of thing ("the 15th statement", "statements")."""
    if " " in noun or not noun.isalpha() or (noun.endswith("s") and not noun.endswith("ss")):
        return noun
    if noun.endswith(("ss", "x", "z", "ch", "sh")):
        return noun + "es"
    if noun.endswith("y") and len(noun) > 2 and noun[-2] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


@dataclass(frozen=True)
class Hierarchy:
    """Subject classes: noun -> class, class -> parent, unit -> measure class."""

    by_word: dict[str, str]
    parent: dict[str, str | None]
    by_unit: dict[str, str]

    def classify(self, noun: str | None, unit: str | None = None) -> str | None:
        """The class of what a figure counts ('protesters' -> persons, a dollar amount -> money)."""
        if unit:
            base = unit.split(" per ")[0]
            return self.by_unit.get(base) or self.by_unit.get(base.split()[-1]) or base
        if not noun:
            return None
        n = noun.lower()
        last = n.split()[-1]
        # "thousands of dollars": a unit named as the counted noun
        unit_class = self.by_unit.get(last) or self.by_unit.get(last.removesuffix("s"))
        return self.by_word.get(n) or self.by_word.get(last) or unit_class or plural(n)

    def is_a(self, cls: str | None, ancestor: str) -> bool:
        """Whether cls is ancestor or narrower (soldiers are persons)."""
        seen = 0
        while cls is not None and seen < 16:
            if cls == ancestor:
                return True
            cls = self.parent.get(cls)
            seen += 1
        return False

    def compatible(self, a: str | None, b: str | None) -> bool:
        """Two classes that may count the same things: equal, or one inside the other."""
        if a is None or b is None:
            return a == b
        return self.is_a(a, b) or self.is_a(b, a)


def check_subjects(data: Any, *, where: str) -> None:
    """A subjects file must name classes with word lists and known parents."""
    if not isinstance(data, dict) or not isinstance(data.get("classes"), dict):
        raise ConfigError(f"{where}: expected a table 'classes'")
    classes = data["classes"]
    for name, spec in classes.items():
        if not isinstance(spec, dict) or not isinstance(spec.get("words", []), list):
            raise ConfigError(f"{where}: classes.{name}: expected a table with a list 'words'")
        parent = spec.get("parent")
        if parent is not None and parent not in classes:
            raise ConfigError(f"{where}: classes.{name}.parent: unknown class {parent!r}")
    if not isinstance(data.get("units", {}), dict):
        raise ConfigError(f"{where}: units: expected a table")


@cache
def hierarchy() -> Hierarchy:
    data = load_data("subjects.json")
    check_subjects(data, where="crosscheck/data/subjects.json")
    by_word: dict[str, str] = {}
    for name, spec in data["classes"].items():
        by_word.setdefault(name, name)
        for w in spec.get("words", []):
            by_word.setdefault(w.lower(), name)
    parent = {name: spec.get("parent") for name, spec in data["classes"].items()}
    by_unit = {u: cls for cls, units in data.get("units", {}).items() for u in units}
    return Hierarchy(by_word, parent, by_unit)


@cache
def _cues() -> dict[str, Any]:
    return load_data("frames.json")


@cache
def _modality_phrases() -> list[tuple[tuple[str, ...], str]]:
    out = [(tuple(p.split()), kind) for kind, phrases in _cues()["modality"].items() for p in phrases]
    return sorted(out, key=lambda x: -len(x[0]))


def _match(lows: Sequence[str], i: int, phrase: tuple[str, ...]) -> bool:
    return tuple(lows[i : i + len(phrase)]) == phrase


# --------------------------------------------------------------------------- clauses


def clause_breaks(toks: list[Token], starts_of_figures: Sequence[int], events: Sequence[int] = ()) -> list[int]:
    """Token indices where a new clause begins: ';', and 'and'/'but'/... closely followed by a
    figure when the figure before it already has its own event ("Six people died and 14 were
    hurt": the 14 gets its own clause and event; "22 soldiers and 12 civilians were killed" is one
    clause, one event)."""
    words = _clause_break_words()
    figures = sorted(starts_of_figures)
    events = sorted(events)
    breaks = []
    for i, t in enumerate(toks):
        if t.text == ";":
            breaks.append(i)
        elif t.low in words:
            k = bisect_right(figures, i)
            if k < len(figures) and figures[k] - i <= 2 and k > 0:
                before = figures[k - 1]
                if bisect_left(events, i) > bisect_right(events, before):  # an event between them
                    breaks.append(i)
    return breaks


@cache
def _clause_break_words() -> frozenset[str]:
    """frames.json clause_breaks: "and", "but" ... that may open a figure's own clause."""
    return frozenset(_cues()["clause_breaks"])


def clause_of(breaks: Sequence[int], first: int, n: int) -> tuple[int, int]:
    """(start, end) token range of the clause holding token ``first``."""
    k = bisect_right(breaks, first)
    lo = breaks[k - 1] if k > 0 else 0
    hi = breaks[k] if k < len(breaks) else n
    return lo, hi


# --------------------------------------------------------------------------- the frame


@cache
def _modality_by_first() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    index: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for phrase, kind in _modality_phrases():  # longest first
        index.setdefault(phrase[0], []).append((phrase, kind))
    return index


def modality_cues(toks: list[Token]) -> list[tuple[int, str]]:
    """(token index, kind) of every modality cue of a sentence, found once for all its figures."""
    index = _modality_by_first()
    lows = [t.low for t in toks]
    cues = []
    for i, w in enumerate(lows):
        for phrase, kind in index.get(w, ()):
            if _match(lows, i, phrase):
                cues.append((i, kind))
                break
    return cues


def modality(
    cues: Sequence[tuple[int, str]],
    first: int,
    after: int,
    clause: tuple[int, int],
    *,
    reach: int = 15,
    ahead: int = 3,
) -> str:
    """stated | planned | expected | estimated | hypothetical, from cues in the figure's clause.

    The clause here runs from the last ';' (not from an 'and': "would provide 10 ... and another
    48 later this year" plans both), up to three words past the figure ("10 drones will be").
    """
    lo, hi = clause
    found = {
        kind for i, kind in cues if max(lo, first - reach) <= i < min(hi, after + ahead) and not first <= i < after
    }
    for kind in ("hypothetical", "planned", "expected", "estimated"):
        if kind in found:
            return kind
    return "stated"


_NAME = re.compile(r"[A-Z][\w'.&-]*")


@cache
def lexicon_words(key: str) -> frozenset[str]:
    """One word list of crosscheck/data/lexicon.json ('bodies', 'of_persons', ...), lower case."""
    return frozenset(w.lower() for w in load_data("lexicon.json").get(key, []))


@cache
def event_of_word() -> dict[str, str]:
    """The lexicon event each event word or phrase names ("deaths", "passed away" -> killed), and each
    event itself: one reading for extraction's topics and the score's comparison of events."""
    events = load_data("lexicon.json")["events"]
    return {w.lower(): ev for ev, words in events.items() for w in words} | {ev: ev for ev in events}


@cache
def descriptive_names() -> frozenset[str]:
    """frames.json descriptive_names: words that, alone before a noun, say who is counted ("Black")."""
    return frozenset(load_data("frames.json")["descriptive_names"])


@cache
def not_names() -> frozenset[str]:
    """Capitalised words that name no one (frames.json 'not_names'): sentence openers, pronouns, titles."""
    return frozenset(load_data("frames.json")["not_names"])


@cache
def _common_words() -> frozenset[str]:
    """Words that are capitalised only because a sentence starts with them ("Residents", "Two")."""
    from .dates import MONTHS, WEEKDAYS
    from .numbers import _phrases

    lex = load_data("lexicon.json")
    words = set(hierarchy().by_word) | set(lex["stopwords"])
    words |= {w for kind in ("number_words", "vague", "qualifiers") for p in _phrases(kind) for w in p}
    return frozenset(words - {m.lower() for m in (*MONTHS, *WEEKDAYS)})


def _name_runs(toks: list[Token], lo: int, hi: int, sentence_start: int = 0) -> list[tuple[int, int]]:
    """Runs of capitalised tokens (proper names) in toks[lo:hi]; common words are not names."""
    from .dates import MONTHS, WEEKDAYS

    calendar = set(MONTHS) | set(WEEKDAYS)
    common = _common_words()
    runs: list[tuple[int, int]] = []
    i = lo
    while i < hi:
        t = toks[i]
        if _NAME.fullmatch(t.text) and t.text not in calendar and t.low not in common and t.text not in not_names():
            j = i + 1
            while j < hi and (
                _NAME.fullmatch(toks[j].text)
                or (toks[j].low in ("of", "al", "bin", "de") and j + 1 < hi and _NAME.fullmatch(toks[j + 1].text))
            ):
                if toks[j].text in calendar:
                    break
                j += 1
            # a lone capitalised first word ("Violence", "Despite") is a sentence start, not a name;
            # a lone "Black" before a noun in lower case ("three young Black men") says who is counted
            describes = j == i + 1 and t.text in descriptive_names() and j < hi and _counted_noun(toks[j])
            if not (j == i + 1 and (t.text in not_names() or i == sentence_start)) and not describes:
                runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _counted_noun(t: Token) -> bool:
    """A word in lower case that counts people or things ("men", "voters"), not a verb ("was")."""
    return t.text.islower() and (t.low in hierarchy().by_word or (t.low.endswith("s") and not t.low.endswith("ss")))


class Names:
    """The proper names of one sentence, found once: each clause's actors, and its place."""

    def __init__(self, toks: list[Token], sentence: str) -> None:
        self.toks, self.sentence = toks, sentence
        self.runs = _name_runs(toks, 0, len(toks))
        self.starts = [a for a, _ in self.runs]
        self.preps = set(_cues()["places"])

    def _inside(self, clause: tuple[int, int]) -> list[tuple[int, int]]:
        lo, hi = clause
        k = bisect_left(self.starts, lo)
        out = []
        while k < len(self.runs) and self.runs[k][0] < hi:
            a, b = self.runs[k]
            out.append((a, min(b, hi)))
            k += 1
        return out

    def actors(self, clause: tuple[int, int]) -> tuple[str, ...]:
        """The named entities of the clause ("Iran", "Mohammad Hejazi", "Anbar")."""
        toks, sentence = self.toks, self.sentence
        names = [sentence[toks[a].start : toks[b - 1].end] for a, b in self._inside(clause)]
        return tuple(dict.fromkeys(n for n in names if len(n) > 1))

    def place(self, clause: tuple[int, int]) -> str | None:
        """The place the clause gives: a name after 'in', 'at', 'near' ('in Fallujah')."""
        toks, sentence = self.toks, self.sentence
        for a, b in self._inside(clause):
            if a > clause[0] and toks[a - 1].low in self.preps:
                return sentence[toks[a].start : toks[b - 1].end]
        return None


def in_quotes(sentence: str, start: int) -> bool:
    """Whether offset start lies inside double quotation marks (the sentence is normalised)."""
    return sentence.count('"', 0, start) % 2 == 1


class Attribution:
    """Who states the figures of one sentence: the speaker of 'X said' / 'said X' /
    'according to X', 'quote' inside quotation marks with no speaker named, else None (the
    narrator). The sentence's speakers are found once; each figure takes the nearest."""

    def __init__(self, toks: list[Token], sentence: str) -> None:
        cues = _cues()["attribution"]
        verbs = set(cues["verbs"])
        lows = [t.low for t in toks]
        self.toks, self.sentence = toks, sentence
        self.source: str | None = None
        for i, w in enumerate(lows):
            for phrase in _attribution_phrases().get(w, ()):
                if _match(lows, i, phrase):
                    self.source = _noun_phrase_after(toks, i + len(phrase), sentence)
                    break
            if self.source:
                break
        self.speakers: list[tuple[int, str]] = []
        if self.source is None:
            for i, w in enumerate(lows):
                if w not in verbs or (i > 0 and lows[i - 1] in _AUXILIARIES):  # "have been reported killed"
                    continue
                speaker = _noun_phrase_before(toks, i, sentence) or _noun_phrase_after(toks, i + 1, sentence)
                if speaker:
                    self.speakers.append((i, speaker))

    def __call__(self, first: int) -> str | None:
        if self.source:
            return self.source
        if self.speakers:
            return min(self.speakers, key=lambda s: abs(s[0] - first))[1]
        toks = self.toks
        return "quote" if toks and first < len(toks) and in_quotes(self.sentence, toks[first].start) else None


@cache
def _attribution_phrases() -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in _cues()["attribution"]["phrases"]:
        words = tuple(p.split())
        index.setdefault(words[0], []).append(words)
    return index


_AUXILIARIES = {"been", "be", "being", "was", "were", "is", "are", "has", "have", "had", "not", "widely"}
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "two", "three", "several", "local", "state"}
_PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "who", "which", "that"}


def _noun_phrase_before(toks: list[Token], i: int, sentence: str) -> str | None:
    j = i
    while j > 0 and i - j < 5 and toks[j - 1].text[0].isalpha() and toks[j - 1].low not in ("and", "but", "that"):
        j -= 1
        if toks[j].low in _DETERMINERS or toks[j].low in _AUXILIARIES:
            j += 1
            break
    if j == i or toks[i - 1].low in _AUXILIARIES:
        return None
    words = toks[j:i]
    if len(words) == 1 and words[0].low in _PRONOUNS:
        return words[0].low
    text = sentence[words[0].start : words[-1].end]
    return text if any(w.text[0].isupper() for w in words) or len(words) <= 3 else None


def _noun_phrase_after(toks: list[Token], i: int, sentence: str) -> str | None:
    while i < len(toks) and toks[i].low in _DETERMINERS:
        i += 1
    j = i
    from .dates import MONTHS, WEEKDAYS

    calendar = {w.lower() for w in (*MONTHS, *WEEKDAYS)}
    while j < len(toks) and j - i < 6 and (toks[j].text[0].isalnum() or toks[j].text in ("'s", "&")):
        if (
            toks[j].low in ("that", "on", "in", "at", "to", "who", "which", "and", "was", "were", "is", "said")
            or toks[j].low in calendar
        ):
            break
        j += 1
    return sentence[toks[i].start : toks[j - 1].end] if j > i else None


def antecedent(toks: list[Token], first: int) -> str | None:
    """What 'whom', 'them' or 'which' stands for: the nearest counted noun before the figure
    ("... 20 protesters, up to 15 of whom were detained" -> protesters)."""
    h = hierarchy()
    for k in range(first - 1, max(-1, first - 25), -1):
        w = toks[k].low
        if w in h.by_word and w not in ("whom", "each", "both", "others", "other"):
            return w
        if (
            len(w) > 3
            and w.endswith("s")
            and not w.endswith("ss")
            and toks[k].text[0].islower()
            and k > 0
            and toks[k - 1].text[:1].isdigit()
        ):
            return w
    return None


@cache
def past_forms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    cues = _cues()
    saying = frozenset(cues["attribution"]["verbs"])
    return frozenset(cues["past_forms"]), frozenset(cues["not_events"]), saying


#: the be-forms before a progressive ("was watching 16 children", "is flushing 38 million gallons")
_BE = frozenset({"am", "was", "were", "is", "are", "been", "be", "being", "'s"})
#: what may stand between an infinitive and its figure ("to dump a total of ..." is not, "to raise about $15m" is)
_BEFORE_FIGURE = frozenset({"about", "nearly", "more", "than"})
#: pronouns that open a relative clause: its verb describes the counted noun, the verb before the
#: figure says what happened to it
_RELATIVE = frozenset({"who", "whom", "whose", "which"})


@cache
def _verb_cues() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """frames.json's -ing words that are no verbs, nouns after "to", and words that open another clause."""
    cues = _cues()
    return (
        frozenset(cues["not_verbs_in_ing"]),
        frozenset(cues["not_infinitives"]),
        frozenset(cues["clause_openers"]),
    )


@cache
def subordinators() -> frozenset[str]:
    """Words that open a subordinate clause ("after", "because"): frames.json subordinators and
    the clause_openers that are no coordinators."""
    return frozenset(_cues()["subordinators"]) | (frozenset(_cues()["clause_openers"]) - {"but"})


@cache
def _irregular() -> dict[str, str]:
    return dict(_cues().get("irregular_verbs", {}))


@cache
def _past_of_form() -> dict[str, str]:
    """The simple past of each irregular base form and participle frames.json lists."""
    participles = {part: past for past, part in _cues().get("participles", {}).items()}
    return {**_irregular(), **participles}


def simple_past(word: str) -> str:
    """One form for one predicate: "fallen" and "fell", "spend" and "spent" are one verb."""
    return _past_of_form().get(word, word)


def as_past(base: str) -> str:
    """The past form an annotator writes for a verb read in another form ("flush", "flushing" ->
    "flushed"; "pay" -> "paid"; "examining" -> "examined")."""
    irregular = _irregular()
    if base.endswith("ing"):
        stem = base[:-3]
        for form in (stem + "e", stem, stem[:-1]):
            if form in irregular:
                return irregular[form]
        if stem.endswith("y") and len(stem) <= 2:
            return stem[:-1] + "ied"  # dy-ing, ly-ing: died, lied
        if stem.endswith("ee"):
            return stem + "d"  # agree-ing: agreed
        if stem.endswith("y") and len(stem) > 2 and stem[-2] not in "aeiou":
            return stem[:-1] + "ied"
        return stem + "ed"  # watch-ed, examin-ed, stopp-ed, serv-ed
    if base in irregular:
        return irregular[base]
    if base.endswith("e"):
        return base + "d"
    if base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        return base[:-1] + "ied"
    if len(base) <= 4 and re.fullmatch(r"[^aeiou]*[aeiou][bdgklmnprt]", base):
        return base + base[-1] + "ed"  # stop, ban, plan: stopped, banned, planned
    return base + "ed"


def is_speaker(toks: list[Token], after: int) -> bool:
    """Whether the counted noun phrase right after a figure is the subject of a verb of saying
    ("Two Anbar government officials told the AP ..."): those figures count speakers, not victims."""
    _, _, saying = past_forms()
    for k in range(after, min(len(toks), after + 5)):
        if toks[k].low in saying:
            return True
        if not toks[k].text[0].isalpha() or toks[k].low in ("were", "was", "have", "had", "are", "is", "who", "and"):
            return False
    return False


def verb_event(toks: list[Token], first: int, after: int, clause: tuple[int, int], *, back: int = 3) -> str | None:
    """What happened, when the event lexicon names nothing: the nearest verb of the figure's
    clause, after it first, in its past form ("a $5,000 bond was set" -> set; "raised $3,000" ->
    raised; "was watching 16 children" -> watched)."""
    found = verb_near(toks, first, after, clause, back=back)
    return found[1] if found else None


def verb_near(
    toks: list[Token], first: int, after: int, clause: tuple[int, int], *, back: int = 3, ahead: bool = True
) -> tuple[int, str] | None:
    """``verb_event`` with how many tokens lie between the verb and the figure (``ahead``: looking
    after the figure too)."""
    irregular, not_events, saying = past_forms()
    lo, hi = clause

    not_ing, not_infinitives, openers = _verb_cues()

    def verb(k: int) -> str | None:
        w = toks[k].low
        if w in saying or w in not_events or not toks[k].text.islower():
            return None
        if w in irregular or (len(w) > 4 and w.endswith("ed") and not w.endswith("eed")):
            return simple_past(w)  # "had fallen 20-30 feet": fell, as "fell 30ft"
        before = toks[k - 1].low if k > 0 else ""
        if len(w) > 5 and w.endswith("ing") and w not in not_ing and (before in _BE or first - 2 <= k < first):
            return as_past(w)  # "was watching 16 children", "flushing 38 million gallons"
        if (
            before == "to"
            and k < first
            and len(w) > 2
            and w.isalpha()
            and not w.endswith(("ing", "ed", "s"))
            and w not in not_infinitives
            and w not in _common_words()
            and all(t.low in _DETERMINERS or t.low in _BEFORE_FIGURE for t in toks[k + 1 : first])
        ):
            return as_past(w)  # "the decision to dump 38 million gallons", "to raise $15 million"
        return None

    # a verb right before the figure is its own ("tumbled about 150 metres down into an area known as")
    right_before = verb(first - 1) if first > lo and first - 1 >= 0 else None
    relative: tuple[int, str] | None = None
    for k in range(after, min(hi, after + 6) if ahead else after):
        if (toks[k].text in (",", ";", ".") and k > after + 1) or toks[k].low in openers:
            break  # "filed Friday in court because the family plans to auction": another clause's verb
        if toks[k].text == "," and k + 1 < hi and toks[k + 1].low in _clause_break_words():
            break  # "married to Silva for 21 months, and she's been trying": the next clause's verb
        if (v := verb(k)) is not None:
            if any(t.low in _RELATIVE for t in toks[after:k]):
                relative = (k - after, v)  # "fired ten workers who can be seen": seen, if nothing else
                break
            if right_before is not None and k - after >= 2:
                return 0, right_before
            return k - after, v
    for k in range(first - 1, max(lo - 1, first - 1 - back), -1):
        if (v := verb(k)) is not None:
            return first - 1 - k, v
    if relative is None and (said := _after_subject(toks, first)) is not None:
        return 0, said
    return relative


#: subjects that make the word after them a verb: "I work three part-time jobs"
_SUBJECT_PRONOUNS = frozenset({"i", "we", "you", "they", "he", "she", "who"})
#: modals, after which a verb comes in its base form: "Betty Wagner would wear two rings"
_MODALS = frozenset({"would", "could", "will", "can", "should", "must", "may", "might", "shall"})
_BEFORE_A_VERB = _SUBJECT_PRONOUNS | _MODALS


def _after_subject(toks: list[Token], first: int) -> str | None:
    """When no other verb is read: a verb in any tense between a subject pronoun (or a modal) and the
    figure, in its past form ("I work three jobs" -> worked, "would wear two rings" -> wore). "had"
    is none ("who had 16 children under her care" watched them), nor is a verb of thinking ("They
    estimate 300 homes were destroyed": what they estimate was destroyed)."""
    if first < 2 or toks[first - 2].low not in _BEFORE_A_VERB:
        return None
    w = toks[first - 1].low
    if not toks[first - 1].text.isalpha() or not toks[first - 1].text.islower() or w in _BE or w in _common_words():
        return None
    if (len(w) > 4 and w.endswith("ed") and not w.endswith("eed")) or w in past_forms()[0] or w in _pasts():
        return simple_past(w)
    if w.endswith("oes") or w.endswith(("sses", "shes", "ches", "xes")):
        base = w[:-2]  # "goes", "pushes"
    elif w.endswith("ies") and len(w) > 4:
        base = w[:-3] + "y"  # "carries"
    else:
        base = w[:-1] if w.endswith("s") and not w.endswith("ss") else w
    if base in _opinion_verbs():
        return None
    return as_past(base)


@cache
def name_suffixes() -> frozenset[str]:
    """frames.json name_suffixes: what follows a surname and is none ("Jr")."""
    return frozenset(_cues()["name_suffixes"])


@cache
def person_pronouns() -> frozenset[str]:
    """frames.json person_pronouns: "His bond was set ..." is about the person named before."""
    return frozenset(_cues()["person_pronouns"])


def is_past(word: str) -> bool:
    """Whether a word is a verb in a past form: regular ("tested"), irregular ("went", "broke"), or a
    participle or base form frames.json knows ("fallen", "spend")."""
    irregular, _, _ = past_forms()
    return word in irregular or word in _pasts() or simple_past(word) != word or (len(word) > 4 and word.endswith("ed"))


@cache
def _pasts() -> frozenset[str]:
    """The irregular simple pasts frames.json irregular_verbs gives ("drank")."""
    return frozenset(_irregular().values())


@cache
def _opinion_verbs() -> frozenset[str]:
    """frames.json opinion_verbs: verbs of thinking, whose object clause holds the figure's verb."""
    return frozenset(_cues()["opinion_verbs"])


def scope_tokens(starts: list[int], a: int, b: int) -> tuple[int, int]:
    """Token indices of the character span a..b."""
    return bisect_left(starts, a), bisect_left(starts, b)
