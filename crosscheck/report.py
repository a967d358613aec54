"""Stage 5: what a reader sees: rich console renderables and the JSON report.

Every renderable is a plain object with ``__rich_console__``, so the CLI, a notebook or a test can
print it to any rich Console (plain text when not a terminal).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from .errors import OutputError
from .model import CHECK_ORDER, Claim, Corpus, Finding, Verdict, Verification
from .values import fmt_num

#: control characters shown as their Unicode pictures (one character for one, so offsets hold):
#: an article cannot set the terminal's title, clear the screen or hide text ("\x1b]0;...", "\x1b[2J")
_VISIBLE = (
    {i: 0x2400 + i for i in range(32) if chr(i) not in "\n\t"} | {0x7F: 0x2421} | {i: 0xFFFD for i in range(0x80, 0xA0)}
)


def visible(text: str) -> str:
    """Text with its control characters made visible."""
    return text.translate(_VISIBLE)


class SafeConsole(Console):
    """A rich Console that prints every piece of text with its control characters made visible.

    Rich's own control codes (cursor moves of a progress bar) and the styles it renders are
    untouched: only the text of the segments is translated, whatever renderable it came from.
    """

    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        return super()._render_buffer(s if s.control else Segment(visible(s.text), s.style, s.control) for s in buffer)


VERDICT_STYLE = {Verdict.CONFLICT: "bold red", Verdict.AGREE: "green", Verdict.SINGLE: "dim"}


def frame_note(c: Claim) -> str:
    """What crosscheck read the claim as counting, and on whose word: "persons · killed · per officials"."""
    parts = [c.subject_class if c.type == "quantity" else None, c.event]
    if c.modality != "stated":
        parts.append(c.modality)
    if c.attribution == "quote":
        parts.append("in a quotation")
    elif c.attribution:
        parts.append(f"per {c.attribution}")
    return " \u00b7 ".join(p for p in parts if p)


def sentence_with_claim(c: Claim) -> Text:
    """The claim's sentence with the claim itself highlighted."""
    text = Text(c.sentence)
    a = c.start - c.sentence_start
    text.stylize("bold reverse yellow", a, a + (c.end - c.start))
    return text


class SourcesHeader:
    """The corpus and its sources: outlet and publication date (inferred ones marked)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        counts = Counter(f.verdict for f in self.corpus.findings)
        yield Text.assemble(
            ("crosscheck ", "bold"),
            (self.corpus.id, "bold cyan"),
            f"  {len(self.corpus.sources)} sources, {len(self.corpus.claims)} claims, ",
            (f"{counts[Verdict.CONFLICT]} conflicts", "bold red"),
            ", ",
            (f"{counts[Verdict.AGREE]} agreements", "green"),
            ", ",
            f"{counts[Verdict.SINGLE]} single-source",
        )
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("source", overflow="fold")
        table.add_column("outlet")
        table.add_column("published")
        table.add_column("claims", justify="right")
        per_source = Counter(c.source for c in self.corpus.claims)
        for s in self.corpus.sources:
            when = s.published.isoformat() if s.published else "unknown"
            if s.published_inferred:
                when += " (inferred)"
            outlet = Text(s.outlet or "unknown")
            if s.copy_of:  # a wire copy: one independent outlet with its original
                outlet.append(f" (copy of {s.copy_of})", style="dim")
            table.add_row(Text(s.id), outlet, Text(when), str(per_source[s.id]))
        yield table
        for problem in self.corpus.skipped:
            yield Text(f"skipped: {problem}", style="yellow")


class FindingsTable:
    """One row per finding, conflicts first."""

    def __init__(self, corpus: Corpus, *, show_single: bool = False) -> None:
        self.corpus = corpus
        self.show_single = show_single

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        claims = {c.id: c for c in self.corpus.claims}
        outlets = {s.id: (s.outlet or s.id) for s in self.corpus.sources}
        table = Table(title="Findings", show_lines=False, expand=console.is_terminal)
        table.add_column("verdict", no_wrap=True)
        table.add_column("fact", ratio=2)
        table.add_column("what each outlet says", ratio=5)
        table.add_column("low / best / high", ratio=2)
        hidden = 0
        for f in self.corpus.findings:
            if f.verdict is Verdict.SINGLE and not self.show_single:
                hidden += 1
                continue
            said = Text()
            for i, cid in enumerate(f.claims):
                c = claims[cid]
                if i:
                    said.append("; ")
                said.append(f"{outlets[c.source]}: ", style="bold")
                said.append(c.text)
                if c.type == "date" and c.date and c.date != c.text:
                    said.append(f" ({c.date})", style="dim")
            table.add_row(
                Text(f.verdict.value.upper() + (" (UPDATE)" if f.update else ""), style=VERDICT_STYLE[f.verdict]),
                Text(f.topic),
                said,
                f"{fmt_num(f.low)} / {fmt_num(f.best)} / {fmt_num(f.high)}",
            )
        yield table
        if hidden:
            yield Text(f"{hidden} single-source claims hidden (--show single to list them)", style="dim")


class ConflictPanel:
    """A conflict with every outlet's sentence and the claim highlighted."""

    def __init__(self, corpus: Corpus, finding: Finding) -> None:
        self.corpus = corpus
        self.finding = finding

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        claims = {c.id: c for c in self.corpus.claims}
        outlets = {s.id: (s.outlet or s.id) for s in self.corpus.sources}
        lines: list[Text] = []
        for cid in self.finding.claims:
            c = claims[cid]
            note = frame_note(c)
            lines.append(
                Text.assemble(
                    (f"{outlets[c.source]} ({c.source}): ", "bold"),
                    sentence_with_claim(c),
                    (f"  [{note}]" if note else "", "dim"),
                )
            )
        lines.append(Text(self.finding.explanation, style="italic"))
        kind = "CONFLICT (UPDATE: a running count)" if self.finding.update else "CONFLICT"
        title = Text.assemble((kind, "bold red"), " ", self.finding.topic)
        # on a terminal the panel fills the width; piped, it is as wide as its lines (no wrapping)
        yield Panel(Group(*lines), title=title, title_align="left", expand=console.is_terminal)


class Report:
    """The whole console report of one corpus."""

    def __init__(self, corpus: Corpus, *, show_single: bool = False) -> None:
        self.corpus = corpus
        self.show_single = show_single

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield SourcesHeader(self.corpus)
        yield Text()
        yield FindingsTable(self.corpus, show_single=self.show_single)
        for f in self.corpus.findings:
            if f.verdict is Verdict.CONFLICT:
                yield ConflictPanel(self.corpus, f)


def summary_line(corpus: Corpus) -> str:
    counts = Counter(f.verdict for f in corpus.findings)
    return (
        f"{corpus.id}: {len(corpus.sources)} sources, {len(corpus.claims)} claims, "
        f"{counts[Verdict.CONFLICT]} conflicts, {counts[Verdict.AGREE]} agreements, "
        f"{counts[Verdict.SINGLE]} single-source"
    )


class ClaimsTable:
    """The claims of a corpus, one row each."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        outlets = {s.id: (s.outlet or "?") for s in self.corpus.sources}
        # every cell is Text: article words, outlet names and ids are never read as markup
        table = Table(title=Text(f"Claims in {self.corpus.id}"))
        for col in ("source", "type", "text", "value", "low", "high", "unit", "subject", "event", "date"):
            table.add_column(col, overflow="fold")
        for c in self.corpus.claims:
            cells = (
                f"{c.source} ({outlets[c.source]})",
                c.type,
                c.text,
                fmt_num(c.value),
                fmt_num(c.low),
                fmt_num(c.high),
                c.unit or "",
                c.subject or "",
                c.event or "",
                c.date or "",
            )
            table.add_row(*(Text(x) for x in cells))
        yield table


# --------------------------------------------------------------------------- files


def schema() -> dict[str, Any]:
    """The JSON Schema of the report, shipped in the package for other tools to validate with."""
    from importlib import resources

    with resources.files("crosscheck").joinpath("schema", "report.schema.json").open(encoding="utf-8") as fh:
        return json.load(fh)


def validate(report: dict[str, Any]) -> None:
    """Raise jsonschema.ValidationError when a report breaks the contract."""
    import jsonschema

    jsonschema.validate(report, schema())


def report_dict(corpora: list[Corpus], *, findings: bool = True) -> dict[str, Any]:
    """The JSON report: one corpus as the contract's top level, several under "corpora"."""
    if len(corpora) == 1:
        d = corpora[0].to_dict(findings=findings)
        if corpora[0].skipped:
            d["skipped"] = list(corpora[0].skipped)
        return d
    from .model import SCHEMA_VERSION

    return {"schema_version": SCHEMA_VERSION, "corpora": [c.to_dict(findings=findings) for c in corpora]}


def writable(path: Path, *, probe: bool = False) -> tuple[bool, Path]:
    """(written through?, the file to replace) for a report target, or OutputError saying why
    it cannot be one. Asked before any work is done (``probe``: by making a file there), and
    again when writing (where the temporary file is the test)."""
    import stat

    try:
        mode = os.stat(path).st_mode  # follows symlinks: what the path really names
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    if mode is not None and (stat.S_ISCHR(mode) or stat.S_ISFIFO(mode)):
        return True, path
    if mode is not None and stat.S_ISDIR(mode):
        raise OutputError(f"{path}: is a directory")
    if mode is not None and not stat.S_ISREG(mode):
        raise OutputError(f"{path}: not a regular file")
    target = path.resolve() if path.is_symlink() else path
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"{path}: folder {folder} does not exist")
    if not probe:
        return False, target
    import tempfile

    try:  # the one sure test (os.access says yes to root on a read-only file system): make a file there
        fd, made = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".probe")
        os.close(fd)
        os.unlink(made)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    return False, target


def write_atomic(path: Path | str, text: str) -> None:
    """Write a report where it was asked to go, never half-written.

    ``-`` is standard output. A regular file (or a new one) is written to a temporary file beside
    it and renamed over it, so an interrupted run leaves the old report; a symlink to a regular
    file replaces that file; a character device or a FIFO (``/dev/stdout``) is written through.
    Anything else is refused in one line.
    """
    if str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(path)
    through, target = writable(path)
    if through:
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
        except OSError as exc:
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        return
    folder = target.parent if str(target.parent) else Path(".")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # as an ordinary new file, not mkstemp's owner-only
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        if isinstance(exc, OSError):
            raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise


#: one encoder for every record (json.dumps with options builds a new one per call)
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def corpus_fragment(corpus: Corpus, *, findings: bool = True) -> str:
    """One corpus as it stands inside a several-corpora report (``join_fragments`` puts them together)."""
    return dumps(corpus.to_dict(findings=findings), indent=_FRAGMENT_INDENT)


def join_fragments(fragments: list[str]) -> str:
    """The several-corpora report from its corpus fragments: byte for byte what ``dumps`` writes."""
    from .model import SCHEMA_VERSION

    rows = ",\n".join(_FRAGMENT_INDENT + f for f in fragments)
    return f'{{\n "schema_version": {SCHEMA_VERSION},\n "corpora": [\n{rows}\n ]\n}}'


_FRAGMENT_INDENT = "  "


def dumps(report: Any, *, indent: str = "") -> str:
    """JSON with one record a line: readable and diffable, and written by the C encoder
    (``json.dumps(indent=...)`` falls back to the pure-Python one, ten times slower)."""
    inner = indent + " "
    if isinstance(report, dict) and report:
        items = [f"{inner}{_ENCODER.encode(k)}: {dumps(v, indent=inner)}" for k, v in report.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(report, list) and report and all(isinstance(x, dict) for x in report):
        # records of one list have one shape: the first says whether they hold records themselves
        nested = any(
            isinstance(v, dict) or (isinstance(v, list) and v and isinstance(v[0], dict))
            for x in report[:1]
            for v in x.values()
        )
        rows = [inner + (dumps(x, indent=inner) if nested else _ENCODER.encode(x)) for x in report]
        return "[\n" + ",\n".join(rows) + "\n" + indent + "]"
    return _ENCODER.encode(report)


def write_json(path: Path, corpora: list[Corpus], *, findings: bool = True) -> None:
    write_atomic(path, dumps(report_dict(corpora, findings=findings)) + "\n")


# --------------------------------------------------------------------------- summary checks

CHECK_STYLE = {"contradicted": "bold red", "unsupported": "yellow", "supported": "green"}


def verification_line(v: Verification) -> str:
    n = v.counts()
    where = f"{v.summary.path} against {v.corpus.id or 'the sources'}"
    return (
        f"{where}: {len(v.checks)} summary claims, {n['contradicted']} contradicted, "
        f"{n['unsupported']} unsupported, {n['supported']} supported"
    )


def highlighted_summary(v: Verification) -> Text:
    """The summary's text with each checked claim in its verdict's colour."""
    text = Text(v.summary.text)
    for c in v.checks:
        text.stylize(f"{CHECK_STYLE[c.verdict]} underline", c.claim.start, c.claim.end)
    return text


class VerificationView:
    """A summary's checks: the summary with its claims highlighted, then one row per claim,
    contradicted first; ``quiet`` leaves out the supported ones."""

    def __init__(self, v: Verification, *, quiet: bool = False) -> None:
        self.v = v
        self.quiet = quiet

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        v = self.v
        yield Text(verification_line(v), style="bold")
        if not self.quiet:
            yield Panel(highlighted_summary(v), title="summary", title_align="left", expand=console.is_terminal)
        rows = sorted(v.checks, key=lambda c: (CHECK_ORDER[c.verdict], c.claim.start))
        if self.quiet:
            rows = [c for c in rows if c.verdict != "supported"]
        if not rows:
            return
        outlets = {s.id: (s.outlet or s.id) for s in v.corpus.sources}
        table = Table(show_lines=False, expand=console.is_terminal)
        table.add_column("verdict", no_wrap=True)
        table.add_column("summary says", ratio=3)
        table.add_column("why", ratio=4)
        table.add_column("evidence", ratio=4)
        claims = {c.id: c for c in v.corpus.claims}
        for ch in rows:
            evidence = Text()
            for i, cid in enumerate(ch.evidence[:3]):
                c = claims[cid]
                if i:
                    evidence.append("\n")
                evidence.append(f"{outlets[c.source]}: ", style="bold")
                evidence.append_text(sentence_with_claim(c))
            if len(ch.evidence) > 3:
                evidence.append(f"\n... and {len(ch.evidence) - 3} more", style="dim")
            said = Text.assemble((ch.claim.text, "bold"), "\n", sentence_with_claim(ch.claim))
            table.add_row(
                Text(ch.verdict.upper() + (" *" if ch.sources_conflict else ""), style=CHECK_STYLE[ch.verdict]),
                said,
                Text(ch.explanation),
                evidence,
            )
        yield table
        if any(ch.sources_conflict for ch in rows):
            yield Text("* the sources themselves disagree on this fact", style="dim")


def verification_dict(verifications: list[Verification]) -> dict[str, Any]:
    """The JSON of ``crosscheck verify``: one verification, or several under "corpora"."""
    if len(verifications) == 1:
        return verifications[0].to_dict()
    return {"schema_version": 1, "corpora": [v.to_dict() for v in verifications]}


def verify_schema() -> dict[str, Any]:
    from importlib import resources

    return json.loads(resources.files("crosscheck").joinpath("schema", "verify.schema.json").read_text("utf-8"))


def validate_verification(doc: dict[str, Any]) -> None:
    import jsonschema

    jsonschema.validate(doc, verify_schema())
