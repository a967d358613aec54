"""How rule results are shown: pytest-style console output and JUnit XML."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console, ConsoleOptions, RenderResult
from rich.rule import Rule as Line
from rich.text import Text

from .model import Corpus
from .report import write_atomic
from .rules import Result, Rule

_MARK = {"pass": (".", "green"), "fail": ("F", "bold red"), "error": ("E", "bold red")}


def _status(r: Result) -> str:
    if r.outcome == "fail" and r.severity == "warn":
        return "warned"
    return {"pass": "passed", "fail": "failed", "error": "errors"}[r.outcome]


def _heading(console: Console, title: str, style: str) -> Line | Text:
    """A rule across the terminal; piped, pytest's 80-column '=== title ===' (no line of 4,096 dashes)."""
    if console.is_terminal:
        return Line(title, style=style)
    pad = max(2, (78 - len(title)) // 2)
    return Text(f"{'=' * pad} {title} {'=' * pad}", style=style)


class CheckReport:
    """pytest-style: a line of marks per rule, then failures, warnings and errors, then the count."""

    def __init__(
        self,
        corpora: Sequence[Corpus],
        rules: Sequence[Rule],
        results: Sequence[Result],
        *,
        seconds: float = 0.0,
        verbose: bool = False,
    ) -> None:
        self.corpora, self.rules, self.results = corpora, rules, results
        self.seconds, self.verbose = seconds, verbose

    @property
    def counts(self) -> Counter:
        return Counter(_status(r) for r in self.results)

    @property
    def exit_code(self) -> int:
        return 1 if any(r.failed or r.outcome == "error" for r in self.results) else 0

    def summary(self) -> str:
        c = self.counts
        parts = [f"{c[k]} {k}" for k in ("failed", "errors", "warned", "passed") if c[k]]
        return f"{', '.join(parts) or 'no rules ran'} in {self.seconds:.2f}s"

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield _heading(console, "crosscheck check", "bold")
        for c in self.corpora:
            yield Text(f"corpus {c.id}: {len(c.sources)} sources, {len(c.claims)} claims, {len(c.findings)} findings")
        yield Text(f"collected {len(self.rules)} rules, {len(self.results)} checks")
        by_rule: dict[int, list[Result]] = {}
        for r in self.results:
            by_rule.setdefault(id(r.rule), []).append(r)
        for rule in self.rules:
            results = by_rule.get(id(rule), [])
            if self.verbose:
                for r in results:
                    mark = _status(r).upper().removesuffix("S")
                    style = "green" if r.outcome == "pass" else "yellow" if _status(r) == "warned" else "bold red"
                    yield Text.assemble(f"{rule.nodeid}[{r.item}] ", (mark, style), f"  {rule.code} {rule.name}")
                continue
            line = Text(f"{rule.nodeid} ")
            for r in results:
                mark, style = _MARK[r.outcome]
                if r.outcome == "fail" and r.severity == "warn":
                    mark, style = "W", "yellow"
                line.append(mark, style=style)
            line.append(f"  [{rule.code} {rule.name}]", style="dim")
            yield line
        for title, keep, style in (
            ("FAILURES", lambda r: r.failed, "bold red"),
            ("WARNINGS", lambda r: r.outcome == "fail" and not r.failed, "yellow"),
            ("ERRORS", lambda r: r.outcome == "error", "bold red"),
        ):
            chosen = [r for r in self.results if keep(r)]
            if not chosen:
                continue
            yield _heading(console, title, style)
            for r in chosen:
                yield Text(f"{r.rule.code} {r.rule.name} [{r.item}]  ({r.rule.path}:{r.rule.line})", style=style)
                yield Text(r.message)
        counts = self.counts
        style = "bold red" if counts["failed"] or counts["errors"] else "yellow" if counts["warned"] else "bold green"
        yield _heading(console, self.summary(), style)


#: what XML 1.0 cannot hold: control characters but tab and line breaks, U+FFFE/U+FFFF, lone surrogates
_NOT_XML = re.compile("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    """Text an XML parser accepts: what XML cannot hold becomes U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def junit_xml(results: Sequence[Result]) -> str:
    """JUnit XML, as CI servers read pytest's: warn-severity failures are skipped with a message."""
    c = Counter(_status(r) for r in results)
    suite = ET.Element(
        "testsuite",
        name="crosscheck",
        tests=str(len(results)),
        failures=str(c["failed"]),
        errors=str(c["errors"]),
        skipped=str(c["warned"]),
        time=f"{sum(r.seconds for r in results):.3f}",
    )
    for r in results:
        message = _xml_text(r.message)
        first = message.splitlines()[0] if message else ""
        case = ET.SubElement(
            suite,
            "testcase",
            classname=_xml_text(Path(r.rule.path).stem),
            name=_xml_text(f"{r.rule.function}[{r.item}]"),
            file=_xml_text(r.rule.path),
            line=str(r.rule.line),
            time=f"{r.seconds:.4f}",
        )
        props = ET.SubElement(case, "properties")
        for k, v in (("code", r.rule.code), ("name", r.rule.name), ("severity", r.severity)):
            ET.SubElement(props, "property", name=k, value=_xml_text(v))
        if r.outcome == "error":
            ET.SubElement(case, "error", message=first or "error").text = message
        elif r.failed:
            ET.SubElement(case, "failure", message=first or "failed").text = message
        elif r.outcome == "fail":
            ET.SubElement(case, "skipped", type="warning", message=first)
    root = ET.Element("testsuites")
    root.append(suite)
    ET.indent(root)
    return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def write_junit(path: Path, results: Sequence[Result]) -> None:
    write_atomic(path, junit_xml(results))
