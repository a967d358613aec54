"""Shared fixtures: the bundled Fallujah corpus at each stage, and real sentences from Multi-News.

Multi-News text is never copied here: tests name a cluster, a document and a short snippet, and
the sentence is read from ``../shared/corpora/multinews-dev.jsonl`` at test time (skipped when the
file is absent).
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

import crosscheck
from crosscheck.extract import sentences
from crosscheck.model import Source
from crosscheck.sources import body_spans, example_corpus, normalise

#: the Multi-News files beside the project (CI has them too); CROSSCHECK_CORPORA points elsewhere
CORPORA = Path(os.environ.get("CROSSCHECK_CORPORA") or Path(__file__).resolve().parents[2] / "shared" / "corpora")
MULTINEWS = CORPORA / "multinews-dev.jsonl"
#: fixtures that read the corpora: a test using one is a `corpora` test
CORPUS_FIXTURES = {"multinews", "corpus_doc", "corpus_sentence", "multinews_scores", "held_out_scores"}


def pytest_report_header(config):
    state = "found" if MULTINEWS.is_file() else "absent: the tests marked 'corpora' are skipped"
    return f"crosscheck corpora: {CORPORA} ({state})"


def pytest_collection_modifyitems(config, items):
    """Tests that read ../shared/corpora are marked `corpora` and, without it, skipped for one reason."""
    skip = pytest.mark.skip(reason=f"{MULTINEWS} absent (set CROSSCHECK_CORPORA)")
    for item in items:
        if CORPUS_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.corpora)
        if item.get_closest_marker("corpora") and not MULTINEWS.is_file():
            item.add_marker(skip)


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """The hostile-input battery's own line: how many cases were tried and how many came out clean."""
    reports = [
        r
        for key in ("passed", "failed", "error", "skipped", "xfailed", "xpassed")
        for r in terminalreporter.stats.get(key, [])
        if getattr(r, "when", "call") == "call" or r.outcome != "passed"
    ]
    cases = {r.nodeid: r for r in reports if "hostile" in r.keywords}
    if cases:
        clean = sum(r.outcome == "passed" for r in cases.values())
        terminalreporter.write_line(f"hostile-input battery: {len(cases)} cases tried, {clean} clean")


GOLD = Path(__file__).resolve().parent / "gold"

#: the bundled seed articles by what they are
RFERL_MALIKI = "000_bf727c6bf1842388"
FRANCE24 = "001_1601a2bcdfb07497"
DW = "002_d1c95121bff87a0c"
RFERL_US = "003_0d355d4e0f566fcb"
CSM = "004_a3466ebf4b17f8c3"

#: Monday 6 January 2014, when the seed articles appeared
MONDAY = date(2014, 1, 6)


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return example_corpus()


@pytest.fixture(scope="session")
def seed():
    """The bundled corpus as loaded (no claims yet)."""
    corpora = crosscheck.load()
    assert len(corpora) == 1
    return corpora[0]


@pytest.fixture(scope="session")
def seed_extracted(seed):
    return crosscheck.extract(seed)


@pytest.fixture(scope="session")
def seed_compared(seed_extracted):
    return crosscheck.compare(seed_extracted)


@pytest.fixture(scope="session")
def seed_text(seed_dir):
    """The decoded text of a seed article by source id."""

    def read(source_id: str) -> str:
        return (seed_dir / f"{source_id}.txt").read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def make_source():
    """A Source built from real text the way the loader builds one (body from body_spans)."""

    def make(
        text: str,
        *,
        published: date | None = MONDAY,
        source_id: str = "t",
        outlet: str | None = None,
        updated: date | None = None,
    ) -> Source:
        return Source(
            id=source_id,
            path=f"{source_id}.txt",
            text=text,
            outlet=outlet,
            published=published,
            updated=updated,
            body=body_spans(text),
        )

    return make


@pytest.fixture(scope="session")
def multinews() -> dict[str, dict]:
    """The Multi-News dev clusters by id; skips the test when the corpus file is absent."""
    clusters = {}
    for line in MULTINEWS.read_text(encoding="utf-8").splitlines():
        if line.strip():
            obj = json.loads(line)
            clusters[obj["id"]] = obj
    return clusters


@pytest.fixture(scope="session")
def corpus_doc(multinews):
    def doc(cluster: str, index: int) -> str:
        return multinews[cluster]["documents"][index]

    return doc


@pytest.fixture(scope="session")
def corpus_sentence(corpus_doc):
    """The (normalised) sentence of a Multi-News document that contains a snippet."""

    def find(cluster: str, index: int, snippet: str) -> str:
        text = normalise(corpus_doc(cluster, index))
        at = text.find(snippet)
        assert at >= 0, f"{snippet!r} not in {cluster}/{index}"
        for a, b in sentences(text, 0, len(text)):
            if a <= at < b:
                return text[a:b]
        raise AssertionError(f"no sentence holds {snippet!r}")

    return find
