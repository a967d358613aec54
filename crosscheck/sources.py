"""Stage 1: load articles, tell article text from page furniture, find outlet and date.

The original text is never modified: furniture is recorded as the complement of ``Source.body``
so that claim offsets stay offsets into what the file said.
"""

from __future__ import annotations

import itertools
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import ConfigError, InputError
from .model import Corpus, Source

__all__ = ["InputError", "load", "normalise"]

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SIDECAR = "crosscheck.meta.json"
#: a news article is a few kilobytes; a file this large is a dump, not an article
MAX_BYTES = 16 * 1024 * 1024
MULTINEWS_SEPARATOR = "|||||"
#: the path that names standard input
STDIN = "-"


#: one character for one character, so offsets into the normalised text are offsets into the original
_NORMALISE = str.maketrans(
    {
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\u200a": " ",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2032": "'",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2011": "-",
        "\u2010": "-",
        "\t": " ",
    }
)


#: "1 000" and "1 000" (thin and no-break spaces) are thousands separators, as commas are
_SPACED_THOUSANDS = re.compile(r"(?<=\d)[\u2009\u202f\u00a0](?=\d{3}(?!\d))")


def normalise(text: str) -> str:
    """Non-breaking spaces, curly quotes and dashes as plain ASCII, length preserved. Loading,
    dating, copy detection and extraction each read an article's normalised text: an article (up to
    ``_REMEMBERED`` characters) is normalised once."""
    return _normalised(text) if len(text) <= _REMEMBERED else _normalise(text)


#: articles longer than this are normalised afresh each time, so the cache stays small
_REMEMBERED = 200_000


def _normalise(text: str) -> str:
    if "\u2009" in text or "\u202f" in text or "\u00a0" in text:
        text = _SPACED_THOUSANDS.sub(",", text)
    return text.translate(_NORMALISE)


_normalised = lru_cache(maxsize=1024)(_normalise)


def example_corpus() -> Path:
    """The bundled Fallujah corpus (five outlets, January 2014)."""
    return Path(str(resources.files("crosscheck") / "examples" / "fallujah-2014"))


# --------------------------------------------------------------------------- data files


#: the shape each knowledge file must have: a key's value is a mapping (dict), a number (float),
#: a list of strings ([str]) or of mappings ([dict]); subjects.json is checked by frames.check_subjects
_STRINGS, _MAPPINGS = [str], [dict]
DATA_SHAPES: dict[str, dict[str, Any]] = {
    "frames.json": {
        "modality": dict,
        "attribution": dict,
        "irregular_verbs": dict,
        "participles": dict,
        **dict.fromkeys(
            [
                "places",
                "clause_breaks",
                "past_forms",
                "not_events",
                "generic_names",
                "place_names",
                "not_verbs_in_ing",
                "not_infinitives",
                "clause_openers",
                "subordinators",
                "opinion_verbs",
                "name_suffixes",
                "person_pronouns",
                "descriptive_names",
            ],
            _STRINGS,
        ),
    },
    "furniture.json": dict.fromkeys(["lines", "headline_markers", "metadata", "inline"], _STRINGS),
    "lexicon.json": {
        **dict.fromkeys(["subjects", "events", "date_topics", "events_of_money"], dict),
        **dict.fromkeys(
            [
                "stopwords",
                "of_persons",
                "recurring",
                "cumulative",
                "bodies",
                "recordings",
                "intransitive",
                "generic_persons",
                "saying_events",
                "series_words",
            ],
            _STRINGS,
        ),
    },
    "outlets.json": {"outlets": _MAPPINGS, "credit_patterns": _STRINGS},
    "quantities.json": {
        **dict.fromkeys(["approx_tolerance", "near_tolerance"], float),
        **dict.fromkeys(
            [
                "qualifiers",
                "suffixes",
                "vague",
                "exact_words",
                "number_words",
                "scales",
                "slang_thousands",
                "ordinal_words",
            ],
            dict,
        ),
        **dict.fromkeys(
            [
                "one_words",
                "sums",
                "emergency_line",
                "street_words",
                "designator_words",
                "time_words",
                "descriptive_compounds",
                "none_of",
                "none_suffered",
                "someday_before",
                "serial_words",
                "not_ranked",
                "times_words",
            ],
            _STRINGS,
        ),
    },
    "units.json": {
        **dict.fromkeys(["symbols", "aliases", "to_base", "compound"], dict),
        **dict.fromkeys(["ignore", "keep", "halved"], _STRINGS),
    },
}


@cache
def load_data(name: str) -> dict[str, Any]:
    """A knowledge file from crosscheck/data/ (outlets, furniture, vague amounts, ...), checked
    against its shape (``DATA_SHAPES``) once: a broken edit is one line naming the key, not a
    traceback from deep inside extraction."""
    with resources.files("crosscheck").joinpath("data", name).open(encoding="utf-8") as fh:
        try:
            data = json.load(fh)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"crosscheck/data/{name}: not valid JSON ({exc})") from None
    check_data(data, DATA_SHAPES.get(name, {}), where=f"crosscheck/data/{name}")
    return data


def check_data(data: Any, shape: Mapping[str, Any], *, where: str) -> None:
    """Raise ConfigError unless every key of ``shape`` is in ``data`` with the value it asks for."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a JSON object, got {type(data).__name__}")
    for key, kind in shape.items():
        if key not in data:
            raise ConfigError(f"{where}: missing key {key!r}")
        value = data[key]
        if isinstance(kind, list):
            ok = isinstance(value, list) and all(isinstance(x, kind[0]) for x in value)
            what = f"a list of {'strings' if kind[0] is str else 'objects'}"
        elif kind is float:
            ok, what = isinstance(value, (int, float)) and not isinstance(value, bool), "a number"
        else:
            ok, what = isinstance(value, kind), "an object"
        if not ok:
            raise ConfigError(f"{where}: {key!r} should be {what}, got {json.dumps(value)[:60]}")


class Caseless:
    """Case-insensitive search over many alternatives, fast.

    Python's ``re`` tries an IGNORECASE alternation at every position; the same alternation,
    lowercased, searched in lowercased text is skipped ahead by its first characters and runs about
    twice as fast. Patterns with an uppercase escape (``\\S``, ``\\W``) cannot be lowercased and
    keep IGNORECASE.
    """

    def __init__(self, patterns: Sequence[str]) -> None:
        plain = [p for p in patterns if not re.search(r"\\[A-Z]", p)]
        other = [p for p in patterns if p not in plain]
        # patterns anchored at the start are tried at the start only (as one alternation, the
        # engine would try each of them at every position of the line)
        anchored = [p for p in plain if p.startswith("^")]
        floating = [p for p in plain if not p.startswith("^")]
        self._start = re.compile("|".join(f"(?:{p.lower()})" for p in anchored)) if anchored else None
        self._lower = re.compile("|".join(f"(?:{p.lower()})" for p in floating)) if floating else None
        self._other = re.compile("|".join(f"(?:{p})" for p in other), re.IGNORECASE) if other else None

    def search(self, text: str) -> bool:
        low = text.lower()
        return bool(
            (self._start and self._start.match(low))
            or (self._lower and self._lower.search(low))
            or (self._other and self._other.search(text))
        )


@cache
def _furniture() -> tuple[Caseless, re.Pattern[str], list[re.Pattern[str]], re.Pattern[str]]:
    """Furniture lines, headline markers, metadata lines (one by one, and as one pattern)."""
    data = load_data("furniture.json")
    lines = Caseless(data["lines"])
    markers = re.compile("|".join(f"(?:{p})" for p in data["headline_markers"]))
    metadata = [re.compile(p) for p in data["metadata"]]
    any_metadata = re.compile("|".join(f"(?:{re.sub(r'[(][?]P<[a-z]+>', '(?:', p)})" for p in data["metadata"]))
    return lines, markers, metadata, any_metadata


@cache
def _outlets() -> tuple[list[tuple[str, re.Pattern[str]]], dict[str, str], list[re.Pattern[str]]]:
    data = load_data("outlets.json")
    signatures = [
        (o["name"], re.compile("|".join(f"(?:{s})" for s in o["signatures"]), re.MULTILINE))
        for o in data["outlets"]
        if o.get("signatures")
    ]
    aliases = {a.lower(): o["name"] for o in data["outlets"] for a in o.get("aliases", [])}
    credits = [re.compile(p, re.MULTILINE) for p in data["credit_patterns"]]
    return signatures, aliases, credits


def outlet_aliases() -> dict[str, str]:
    """Every outlet's other names, lower case, to its name ("associated press" -> "AP")."""
    return _outlets()[1]


def wire_names() -> frozenset[str]:
    return frozenset(o["name"] for o in load_data("outlets.json")["outlets"] if o.get("wire"))


# --------------------------------------------------------------------------- reading files


def read_stdin() -> Source:
    """One article from standard input (a pipe or a redirected file), as the source 'stdin'."""
    import sys

    if sys.stdin is None or sys.stdin.isatty():
        raise InputError("'-' reads an article from standard input, but none is piped in")
    raw = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(raw) > MAX_BYTES:
        raise InputError(f"standard input: too large (limit {MAX_BYTES // 2**20} MB)")
    text = decode(raw, name="standard input")
    if text.lstrip().startswith("<") and re.search(r"<(?:html|body|p|div|article)\b", text[:4096], re.IGNORECASE):
        text, info = html_to_text(text, name="standard input")
        return make_source("stdin", STDIN, text, cluster="stdin", hints=info, located=False)
    return make_source("stdin", STDIN, text, cluster="stdin")


def read_text(path: Path) -> str:
    """Decode a file: UTF-8 first, then the encoding charset-normalizer detects."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: file too large ({size:,} bytes; the limit is {MAX_BYTES:,})")
        raw = path.read_bytes()
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except FileNotFoundError:
        raise InputError(f"{path}: no such file or directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    return decode(raw, name=str(path))


_BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG",
    b"\xff\xd8\xff": "JPEG",
    b"GIF8": "GIF",
    b"PK\x03\x04": "ZIP/Office",
    b"\x7fELF": "executable",
}


def decode(raw: bytes, *, name: str = "<bytes>") -> str:
    for magic, kind in _BINARY_MAGIC.items():
        if raw.startswith(magic):
            raise InputError(f"{name}: binary file ({kind}), not text")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = raw.decode("utf-16")
        except UnicodeDecodeError as exc:  # odd length, a lone surrogate: not a text file after all
            raise InputError(f"{name}: broken UTF-16 ({exc.reason} at byte {exc.start})") from None
        if "\x00" in text[:65536]:
            raise InputError(f"{name}: binary file (contains NUL characters), not text")
        return text
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw[: 2**20]).best()
        if best is None or best.encoding is None:
            raise InputError(f"{name}: binary file or unknown encoding") from None
        text = raw.decode(best.encoding, errors="replace")
    if "\x00" in text[:65536]:
        raise InputError(f"{name}: binary file (contains NUL bytes), not text")
    return text


def html_to_text(html: str, *, name: str) -> tuple[str, dict[str, str | None]]:
    """The main text of an HTML page (trafilatura), and what its metadata says."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    meta = trafilatura.extract_metadata(html)
    info: dict[str, str | None] = {
        "published": getattr(meta, "date", None),
        "sitename": getattr(meta, "sitename", None),
    }
    if not text:
        # no article found (lxml gives up on pages nested hundreds deep): the page's plain text
        text = _plain_text(html)
        if not text.strip():
            raise InputError(f"{name}: no article text found in HTML")
        info["note"] = f"note: {name}: no article found in the HTML; the page's plain text was read"
    return text, info


def _plain_text(html: str) -> str:
    """All text of a page outside scripts and styles, one block a line (the standard library's
    HTMLParser, which has no depth limit)."""
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.skip = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in ("script", "style", "noscript"):
                self.skip += 1
            elif tag in ("p", "div", "br", "li", "h1", "h2", "h3", "tr", "article", "section"):
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("script", "style", "noscript") and self.skip:
                self.skip -= 1

        def handle_data(self, data: str) -> None:
            if not self.skip:
                self.parts.append(data)

    parser = Collect()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line)


# --------------------------------------------------------------------------- furniture and metadata


def split_lines(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    start = 0
    for m in re.finditer(r"\r\n|\n|\r", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def body_spans(text: str, *, norm: str | None = None) -> tuple[tuple[int, int], ...]:
    """Offsets of article text: every non-empty line that is not furniture or metadata."""
    furniture, markers, _, metadata = _furniture()
    norm = normalise(text) if norm is None else norm
    lines = list(split_lines(text))
    is_furniture = [False] * len(lines)
    for i, (a, b) in enumerate(lines):
        line = norm[a:b]
        if not line.strip():
            continue
        if furniture.search(line) or metadata.match(line):
            is_furniture[i] = True
        elif markers.search(line):
            is_furniture[i] = True
            # the unrelated headline (and its section tag) that the link belongs to
            taken, j = 0, i - 1
            while j >= 0 and taken < 2:
                prev = text[lines[j][0] : lines[j][1]].strip()
                if prev:
                    if len(prev) > 160 or markers.search(prev):
                        break
                    is_furniture[j] = True
                    taken += 1
                j -= 1
    spans = [(a, b) for (a, b), furn in zip(lines, is_furniture) if not furn and text[a:b].strip()]
    inline = _inline_furniture()
    if inline is None:
        return tuple(spans)
    cut: list[tuple[int, int]] = []
    for a, b in spans:
        for m in inline.finditer(norm, a, b):  # a gallery's captions counter run into the text
            if text[a : m.start()].strip():
                cut.append((a, m.start()))
            a = m.end()
        if text[a:b].strip():
            cut.append((a, b))
    return tuple(cut)


@cache
def _inline_furniture() -> re.Pattern[str] | None:
    patterns = load_data("furniture.json").get("inline", [])
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


def find_outlet(text: str) -> str | None:
    """The outlet whose signature the text carries first; None rather than a guess.

    Each signature is searched on its own: ``^``-anchored patterns are fast alone and slow as one
    alternation, which the engine must try at every position.
    """
    best: tuple[int, int, str] | None = None
    for rank, (name, pattern) in enumerate(_signatures()):
        m = pattern.search(text)
        if m and (best is None or (m.start(), rank) < best[:2]):
            best = (m.start(), rank, name)
    if best:
        return best[2]
    # a dateline's credit names the writer's outlet: "PLANTATION, Fla. (WSVN) --", "(KTLA) —"
    credit = _DATELINE_CREDIT.search(text)
    return outlet_aliases().get(credit.group("name").lower(), credit.group("name")) if credit else None


_DATELINE_CREDIT = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.'-]+(?: [A-Z][A-Za-z.'-]+){0,3}, (?:[A-Z][A-Za-z.]+ ?){1,3} )?"
    r"\((?P<name>[A-Z][A-Za-z0-9]{1,9}(?:-TV)?)\)\s*(?:--|[-\u2013\u2014])",
    re.MULTILINE,
)


@cache
def _signatures() -> list[tuple[str, re.Pattern[str]]]:
    """(outlet, pattern) for every signature, in the order outlets.json lists them."""
    data = load_data("outlets.json")
    return [(o["name"], re.compile(sig, re.MULTILINE)) for o in data["outlets"] for sig in o.get("signatures", [])]


def find_wires(text: str) -> tuple[str, ...]:
    """Wire services the article credits ("With reporting by AP, AFP")."""
    _, aliases, credits = _outlets()
    wires = wire_names()
    found: list[str] = []
    for pattern in credits:
        for m in pattern.finditer(text):
            for part in re.split(r",|\band\b", m.group("list")):
                name = aliases.get(part.strip(" .()").lower())
                if name in wires and name not in found:
                    found.append(name)
    return tuple(found)


@lru_cache(maxsize=4096)
def parse_date(text: str) -> date | None:
    """A full date as written in metadata ("2014-01-06", "January 6, 2014")."""
    from .extract.dates import WEEKDAY_PATTERN, read_written

    text = re.sub(rf"^{WEEKDAY_PATTERN},?\s+", "", text.strip())
    if re.match(r"\d{4}-\d\d-\d\d(?!\d)", text):
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    written = read_written(text, ("day", "month", "year"))
    if written is not None:
        return date(*written)
    if _FULL_DATE.fullmatch(text):  # a plain layout strptime refused: no such day ("January 32")
        return None
    if not re.search(r"\d", text):  # a day, a month and a year are asked for
        return None
    import dateparser

    parsed = dateparser.parse(
        text, languages=["en"], settings={"PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}
    )
    return parsed.date() if parsed else None


#: "FERRISBURG, Vt., March 12, 2025 -", "WASHINGTON, Jan. 5 (Reuters) -": a dateline opens the story
DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'-]{1,40}(?:, [A-Z][a-z]{1,5}\.?)?), (?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)"
    r"[a-z]*\.? \d{1,2},? \d{4})\b\s*(?:\([^)]{1,30}\)\s*)?[-\u2013\u2014]",
    re.MULTILINE,
)


def find_dates(text: str, *, norm: str | None = None) -> tuple[date | None, date | None]:
    """(published, updated) from metadata lines and datelines."""
    _, _, metadata, any_metadata = _furniture()
    norm = normalise(text) if norm is None else norm
    published: date | None = None
    updated: date | None = None
    for a, b in split_lines(text):
        line = norm[a:b]
        if published is None and (dl := DATELINE.match(line)):
            published = parse_date(dl.group("date"))
            continue
        if not any_metadata.match(line):
            continue
        for pattern in metadata:
            m = pattern.search(line)
            if not m:
                continue
            when = parse_date(m.group("date"))
            if when is None:
                continue
            key = (m.groupdict().get("key") or "").lower()
            if "update" in key:
                updated = updated or when
            else:
                published = published or when
            break
    return published, updated


# --------------------------------------------------------------------------- sources and corpora


def make_source(
    source_id: str,
    path: str,
    text: str,
    *,
    cluster: str = "",
    hints: Mapping[str, Any] | None = None,
    located: bool = True,
) -> Source:
    hints = hints or {}
    norm = normalise(text)
    published, updated = find_dates(text, norm=norm)
    if published is None and hints.get("published"):
        published = parse_date(str(hints["published"]))
    outlet = find_outlet(text) or hints.get("outlet")
    return Source(
        id=source_id,
        path=path,
        text=text,
        outlet=outlet,
        published=published,
        updated=updated,
        body=body_spans(text, norm=norm),
        wires=find_wires(text),
        cluster=cluster,
        located=located,
    )


_FULL_DATE = re.compile(
    r"\b(?:(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?|January|February|March|April|May|June|July|"
    r"August|September|October|November|December) \d{1,2},? (?:19|20)\d\d\b"
    r"|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December) (?:19|20)\d\d\b"
)


#: a date that dates an archive photo ("This Sept. 30, 2003, file photo"), never the story
_FILE_PHOTO = re.compile(r",? file (?:photo|image)", re.IGNORECASE)
#: a date that names a past event ("the April 15, 2013, blasts"), never the day of the story
_ATTRIBUTIVE = re.compile(r"\b[Tt]he $")


def latest_full_date(source: Source) -> date | None:
    """The latest fully written date of the whole page ("Wednesday, April 27, 2016"), furniture
    included: an embedded tweet's "July 20, 2017" or a video's "4:30 p.m., September 26, 2018"
    say when the page was live, though they are no claims; an archive photo's date does not."""
    norm = normalise(source.text)
    matches = (
        m.group()
        for m in _FULL_DATE.finditer(norm)
        if not _FILE_PHOTO.match(norm, m.end()) and not _ATTRIBUTIVE.search(norm, max(0, m.start() - 4), m.start())
    )
    parsed = (parse_date(text) for text in itertools.islice(matches, 200))  # an article states a few
    found = [d for d in parsed if d is not None]
    return max(found) if found else None


def _day_after_if_named(source: Source, newest: date | None) -> date | None:
    """The page's newest full date, or the day after it when the story names that day as a weekday:
    a caption's "November 27, 2011" (a Sunday) in a story of police moving in "before dawn on
    Monday" was published on the Monday; "Monday" six days before would be "last Monday"."""
    if newest is None:
        return None
    from .extract.dates import WEEKDAYS

    if newest >= date.max - timedelta(days=1):
        return newest
    after = newest + timedelta(days=1)
    day, text = WEEKDAYS[after.weekday()], normalise(source.text)
    return after if re.search(rf"\b{day}\b", text) and not re.search(rf"\blast {day}\b", text) else newest


def infer_published(sources: Sequence[Source], *, window: int = 3) -> list[Source]:
    """Dates for sources that state none, marked inferred.

    Stated dates (metadata lines, datelines) come first: an undated source takes their median
    when they agree within ``window`` days. Where no source states one, the newest full date each
    article writes stands in (the cluster's newest is when the event was covered; an article's
    own newest counts when within ``window`` days of it, older ones being back-story). Measured on
    the dev gold this is right for 7 of the 8 sources that write any full date, where taking
    nothing from the body leaves them all undated and every relative date unanchored.
    """
    stated = sorted(d for s in sources for d in (s.updated or s.published,) if d is not None)
    if stated and (stated[-1] - stated[0]).days <= window:
        consensus = stated[(len(stated) - 1) // 2]
        return [s if s.published else replace(s, published=consensus, published_inferred=True) for s in sources]
    own = {s.id: _day_after_if_named(s, latest_full_date(s)) for s in sources if s.published is None}
    pool = stated or [d for d in own.values() if d is not None]
    if not pool:
        return list(sources)
    newest = max(pool)
    out = []
    for s in sources:
        if s.published is None:
            mine = own.get(s.id)
            when = mine if mine is not None and abs((newest - mine).days) <= window else newest
            s = replace(s, published=when, published_inferred=True)
        out.append(s)
    return out


def apply_overrides(sources: Sequence[Source], overrides: Mapping[str, Mapping[str, Any]]) -> list[Source]:
    """User corrections by source id ("*" for all): {"outlet": ..., "published": ...}."""
    out = []
    for s in sources:
        o = {**overrides.get("*", {}), **overrides.get(s.id, {})}
        if "outlet" in o:
            s = replace(s, outlet=o["outlet"] or None)
        if o.get("published"):
            when = _iso_date(str(o["published"]), where=f"override for {s.id}")
            s = replace(s, published=when, published_inferred=False)
        out.append(s)
    return out


def _iso_date(value: str, *, where: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{where}: published date {value!r} is not YYYY-MM-DD") from None


def read_sidecar(folder: Path) -> dict[str, dict[str, Any]]:
    path = folder / SIDECAR
    if not path.is_file():
        return {}
    from .settings import check_sidecar

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        raise InputError(f"{path}: not a valid sidecar ({exc})") from None
    return check_sidecar(data, where=str(path))


def _multinews_documents(text: str) -> list[str]:
    docs = [d.replace("NEWLINE_CHAR", "\n").strip() for d in text.split(MULTINEWS_SEPARATOR)]
    return [d for d in docs if d]


def _corpus(
    corpus_id: str, sources: list[Source], skipped: list[str], overrides: Mapping[str, Mapping[str, Any]]
) -> Corpus:
    sources = apply_overrides(infer_published(apply_overrides(sources, overrides)), overrides)
    return Corpus(id=corpus_id, sources=tuple(mark_copies(sources)), skipped=tuple(skipped))


#: a copy shares this share of its sentences (of the shorter text) with an earlier source
COPY_SHARE = 0.8
#: sentences of fewer characters ("Read more.", a byline) say nothing about who wrote the text
_COPY_SENTENCE = 40


def _sentence_keys(s: Source) -> frozenset[str]:
    from .extract import sentences  # extract reads this module: imported when it is needed

    norm = normalise(s.text)
    keys = set()
    for a, b in s.body or ((0, len(norm)),):
        for x, y in sentences(norm, a, b):
            key = " ".join(norm[x:y].lower().split())
            if len(key) >= _COPY_SENTENCE:
                keys.add(key)
    return frozenset(keys)


def mark_copies(sources: Sequence[Source], *, share: float = COPY_SHARE, least: int = 3) -> list[Source]:
    """Sources that repeat another (wire copies, syndicated text) marked ``copy_of`` it.

    A source of at least ``least`` sentences that shares ``share`` of them with an earlier one (the
    earliest published, then the first named, is the original) is its copy. Only originals are
    indexed, so a thousand copies of five articles cost what the five cost.
    """
    if len(sources) < 2:
        return list(sources)
    order = sorted(range(len(sources)), key=lambda i: (sources[i].published or date.max, sources[i].id))
    rank = {i: r for r, i in enumerate(order)}
    keys = [_sentence_keys(s) for s in sources]
    exact: dict[frozenset[str], int] = {}
    holders: dict[str, list[int]] = {}
    copy_of: dict[int, int] = {}
    for i in order:
        k = keys[i]
        if len(k) < least:
            continue
        if k in exact:
            copy_of[i] = exact[k]
            continue
        shared: dict[int, int] = {}
        for sentence in k:
            for j in holders.get(sentence, ()):
                shared[j] = shared.get(j, 0) + 1
        best = max(shared, key=lambda j: (shared[j], -rank[j]), default=None)
        if best is not None and shared[best] >= share * min(len(k), len(keys[best])):
            copy_of[i] = best
            continue
        exact[k] = i
        for sentence in k:
            holders.setdefault(sentence, []).append(i)
    return [replace(s, copy_of=sources[copy_of[i]].id) if i in copy_of else s for i, s in enumerate(sources)]


def load_file(
    path: Path, *, cluster: str | None = None, overrides: Mapping[str, Mapping[str, Any]] | None = None
) -> list[Corpus]:
    overrides = {**read_sidecar(path.parent), **(overrides or {})}
    if path.suffix.lower() in JSONL_SUFFIXES:
        return list(load_jsonl(path, cluster=cluster, overrides=overrides))
    text = read_text(path)
    if path.suffix.lower() in HTML_SUFFIXES:
        text, info = html_to_text(text, name=str(path))
        source = make_source(path.stem, str(path), text, hints=info, located=False)
        return [_corpus(path.stem, [source], [], overrides)]
    if MULTINEWS_SEPARATOR in text or "NEWLINE_CHAR" in text:
        docs = _multinews_documents(text)
        sources = [
            make_source(f"{path.stem}/{i}", str(path), d, cluster=path.stem, located=False) for i, d in enumerate(docs)
        ]
        return [_corpus(path.stem, sources, [], overrides)]
    return [_corpus(path.stem, [make_source(path.stem, str(path), text)], [], overrides)]


def read_summary(path: str, *, source_id: str = "summary") -> Source:
    """A summary or draft to verify: a text, Markdown or HTML file, or '-' for standard input."""
    if path == STDIN:
        summary = replace(read_stdin(), id=source_id, cluster="")
    else:
        p = Path(path)
        if not p.exists():
            raise InputError(f"{p}: no such file")
        if p.is_dir():
            raise InputError(f"{p}: is a folder; a summary is one file (the sources go after --sources)")
        text = read_text(p)
        if p.suffix.lower() in HTML_SUFFIXES:
            text, info = html_to_text(text, name=str(p))
            summary = make_source(source_id, str(p), text, hints=info, located=False)
        else:
            summary = make_source(source_id, str(p), text)
    if not summary.text.strip():  # "every figure supported" of nothing would pass a pipeline that lost its draft
        raise InputError(f"{'standard input' if path == STDIN else path}: the summary is empty")
    return summary


def jsonl_summaries(paths: Iterable[str | Path]) -> dict[str, str]:
    """Each cluster's ``summary`` field, by cluster id, from the JSONL files among ``paths``
    (clusters without one are left out)."""
    out: dict[str, str] = {}
    files = [Path(p) for p in paths if Path(p).suffix.lower() in JSONL_SUFFIXES and Path(p).is_file()]
    seen: set[str] = set()
    lines = (line for f in files for line in read_text(f).splitlines())
    for line in lines:
        try:
            obj = cluster_object(line) if line.strip() else None
        except InputError:
            continue  # read_jsonl reports the broken line
        if obj is None or obj["id"] in seen:
            continue  # the first line of an id is the cluster, as read_jsonl reads it
        seen.add(obj["id"])
        if isinstance(obj.get("summary"), str) and obj["summary"].strip():
            out[obj["id"]] = obj["summary"]
    return out


@dataclass(frozen=True)
class RawCluster:
    """One JSONL cluster as read, before its sources are made (that work can go to a worker)."""

    path: str
    line: int
    id: str
    documents: tuple[str, ...]
    hints: tuple[Any, ...]
    overrides: Mapping[str, Mapping[str, Any]]

    def source_ids(self) -> list[str]:
        return [f"{self.id}/{i}" for i in range(len(self.documents))]

    def build(self) -> Corpus:
        sources = []
        for i, doc in enumerate(self.documents):
            hint = self.hints[i] if i < len(self.hints) and self.hints[i] not in (None, "", "?") else None
            sources.append(
                replace(
                    make_source(f"{self.id}/{i}", self.path, doc, cluster=self.id, hints={"outlet": hint}),
                    line=self.line,
                )
            )
        return _corpus(self.id, sources, [], self.overrides)


def read_jsonl(
    path: Path, *, cluster: str | None = None, overrides: Mapping[str, Mapping[str, Any]] | None = None
) -> Iterator[RawCluster | Corpus]:
    """Each cluster line as read; a broken line as an empty corpus that says why it was skipped."""
    text = read_text(path)
    found = False
    first_line: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = cluster_object(line)
            if obj["id"] in first_line:  # two clusters of one id: which one would --cluster mean?
                raise InputError(f"id {obj['id']!r} is the id of line {first_line[obj['id']]} too")
        except InputError as exc:
            yield broken_line(path, lineno, exc)
            continue
        first_line[obj["id"]] = lineno
        if cluster is not None and str(obj["id"]) != cluster:
            continue
        found = True
        yield raw_cluster(path, lineno, obj, overrides=overrides)
    if cluster is not None and not found:
        raise InputError(f"{path}: no cluster with id {cluster!r}")


def cluster_object(line: str) -> dict[str, Any]:
    """One JSONL line as a cluster object, or InputError saying what is wrong with it (the
    message is the part after "not a cluster line")."""
    try:
        obj = json.loads(line)
        if not isinstance(obj, dict):
            raise TypeError("a line is a JSON object")
        if isinstance(obj["id"], bool) or not isinstance(obj["id"], (str, int)) or obj["id"] == "":
            raise TypeError(f"'id' is not a string or a number: {json.dumps(obj['id'])[:40]}")
        obj["id"] = str(obj["id"])
        docs = obj["documents"]
        if not isinstance(docs, list):
            raise TypeError("'documents' is not a list")
        bad = next((i for i, d in enumerate(docs) if not isinstance(d, str)), None)
        if bad is not None:
            raise TypeError(f"documents[{bad}] is not a string")
        if not isinstance(obj.get("summary", ""), (str, type(None))):
            raise TypeError("'summary' is not a string")
        hints = obj.get("outlet_hints", [])
        if hints is not None and not (isinstance(hints, list) and all(h is None or isinstance(h, str) for h in hints)):
            raise TypeError("'outlet_hints' is not a list of strings")
        strings = [("id", obj["id"]), *((f"documents[{i}]", d) for i, d in enumerate(docs))]
        strings += [("summary", obj.get("summary")), *((f"outlet_hints[{i}]", h) for i, h in enumerate(hints or []))]
        for key, value in strings:
            lone = _SURROGATE.search(value) if isinstance(value, str) else None
            if lone:
                raise ValueError(f"{key} holds a lone surrogate (\\u{ord(lone[0]):04x}), no text")
    except RecursionError:
        raise InputError("RecursionError: nested too deeply to be a cluster") from None
    except (ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{type(exc).__name__}: {exc}") from None
    return obj


#: half of a UTF-16 pair on its own: JSON's "\ud800" decodes to it, and no file can hold it
_SURROGATE = re.compile("[\ud800-\udfff]")


def broken_line(path: Path, lineno: int, exc: InputError) -> Corpus:
    """What a line that is no cluster becomes: an empty corpus that says why it was skipped."""
    msg = f"{path}:{lineno}: not a cluster line ({exc})"
    return Corpus(id=f"{path.name}:{lineno}", sources=(), skipped=(msg,))


def raw_cluster(
    path: Path, lineno: int, obj: Mapping[str, Any], *, overrides: Mapping[str, Mapping[str, Any]] | None = None
) -> RawCluster:
    """A checked cluster object (``cluster_object``) as a cluster to build."""
    hints = obj.get("outlet_hints") or []
    return RawCluster(
        str(path),
        lineno,
        str(obj["id"]),
        tuple(str(d) for d in obj["documents"]),
        tuple(hints) if isinstance(hints, list) else (),
        dict(overrides or {}),
    )


def load_jsonl(
    path: Path, *, cluster: str | None = None, overrides: Mapping[str, Mapping[str, Any]] | None = None
) -> Iterator[Corpus]:
    """One corpus per JSON line ({"id", "documents": [...]}); claims of clusters never mix."""
    for item in read_jsonl(path, cluster=cluster, overrides=overrides):
        yield item.build() if isinstance(item, RawCluster) else item


def load_directory(
    folder: Path, *, overrides: Mapping[str, Mapping[str, Any]] | None = None, follow_symlinks: bool = False
) -> list[Corpus]:
    """One corpus of every article file in a folder. A symlink that leads out of the folder is
    skipped (it could make a report embed /etc/passwd) unless ``follow_symlinks``."""
    overrides = {**read_sidecar(folder), **(overrides or {})}
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES and p.name != SIDECAR
    )
    if not files:
        raise InputError(f"{folder}: no .txt, .md or .html files")
    sources: list[Source] = []
    skipped: list[str] = []
    inside = folder.resolve()
    for p in files:
        if p.is_symlink() and not follow_symlinks and not p.resolve().is_relative_to(inside):
            skipped.append(f"{p}: a symlink to {p.resolve()}, outside the folder (--follow-symlinks reads it)")
            continue
        try:
            text = read_text(p)
            info: dict[str, Any] = {}
            if p.suffix.lower() in HTML_SUFFIXES:
                text, info = html_to_text(text, name=str(p))
                if info.get("note"):
                    skipped.append(str(info["note"]))
            located = p.suffix.lower() not in HTML_SUFFIXES
            sources.append(
                make_source(p.stem, str(p), text, cluster=folder.resolve().name, hints=info, located=located)
            )
        except InputError as exc:
            skipped.append(str(exc))
    if not sources:
        raise InputError(f"{folder}: no readable sources ({skipped[0]})")
    return [_corpus(folder.resolve().name, sources, skipped, overrides)]


def load(
    paths: Iterable[str | Path] = (),
    *,
    cluster: str | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    follow_symlinks: bool = False,
) -> list[Corpus]:
    """Corpora from paths (directories, files, JSONL clusters); the bundled example if none.

    Several plain files given together form one corpus; a directory is one corpus; a JSONL file
    is one corpus per cluster.
    """
    return [
        c.build() if isinstance(c, RawCluster) else c
        for c in read(paths, cluster=cluster, overrides=overrides, follow_symlinks=follow_symlinks)
    ]


def _distinct_sources(sources: list[Source], skipped: list[str]) -> list[Source]:
    """One source per file, one id per source: a file given twice is read once (else it would
    agree with itself), and two files of one name in different folders ("y1/article.txt",
    "y2/article.txt") get ids that say which folder, so neither's claims are taken for the other's."""
    seen: set[tuple[str, str]] = set()
    repeated: set[str] = set()
    out: list[Source] = []
    for s in sources:
        # a file's own documents share its path ("mn/0", "mn/1" of one Multi-News file): the id tells them apart
        key = (os.path.realpath(s.path), s.id) if s.path and s.path != STDIN else None
        if key is not None and key in seen:
            if s.path not in repeated:
                repeated.add(s.path)
                skipped.append(f"{s.path}: given twice, read once")
            continue
        if key is not None:
            seen.add(key)
        out.append(s)
    clashing = {i for i, n in Counter(s.id for s in out).items() if n > 1}
    out = [replace(s, id=f"{Path(s.path).resolve().parent.name}/{s.id}") if s.id in clashing else s for s in out]
    taken: Counter[str] = Counter()
    unique = []
    for s in out:
        taken[s.id] += 1
        unique.append(s if taken[s.id] == 1 else replace(s, id=f"{s.id}~{taken[s.id]}"))
    return unique


def read(
    paths: Iterable[str | Path] = (),
    *,
    cluster: str | None = None,
    overrides: Mapping[str, Mapping[str, Any]] | None = None,
    follow_symlinks: bool = False,
) -> list[Corpus | RawCluster]:
    """As ``load``, but JSONL clusters come as read (``RawCluster.build()`` makes their sources)."""
    given = [str(p) for p in paths]
    if given.count(STDIN) > 1:
        raise InputError("'-' (standard input) given twice")
    files = [Path(p) for p in given] or [example_corpus()]
    corpora: list[Corpus | RawCluster] = []
    loose: list[Source] = []
    skipped: list[str] = []
    for p in files:
        if str(p) == STDIN:
            source = read_stdin()
            if len(files) == 1:
                corpora.append(_corpus("stdin", [source], [], overrides or {}))
            else:
                loose.append(source)
            continue
        if not p.exists():
            raise InputError(f"{p}: no such file or directory")
        if p.is_dir():
            corpora.extend(load_directory(p, overrides=overrides, follow_symlinks=follow_symlinks))
        elif p.suffix.lower() in JSONL_SUFFIXES:
            corpora.extend(read_jsonl(p, cluster=cluster, overrides={**read_sidecar(p.parent), **(overrides or {})}))
        elif len(files) == 1:
            corpora.extend(load_file(p, cluster=cluster, overrides=overrides))
        else:
            try:
                for c in load_file(p, overrides=overrides):
                    loose.extend(c.sources)
            except InputError as exc:
                skipped.append(str(exc))
    if loose:
        loose = _distinct_sources(loose, skipped)
        corpora.append(
            _corpus("+".join(sorted({Path(s.path).stem for s in loose}))[:80], loose, skipped, overrides or {})
        )
    elif skipped:
        raise InputError(skipped[0])
    return corpora
