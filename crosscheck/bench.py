"""`crosscheck bench`: extraction speed and memory beside the pipeline a user would otherwise write.

The baseline is quantulum3.parse and dateparser.search_dates on every sentence; both run in this
process after crosscheck, each timed on its own, with tracemalloc peaks. Gold recall of both is
printed beside them, so that speed is never bought with missed claims.
"""

from __future__ import annotations

import json
import time
import tracemalloc
import warnings
from pathlib import Path

from rich.console import Console
from rich.table import Table

from .extract import extract, sentences
from .model import Corpus
from .sources import example_corpus, load, normalise


def _corpora(corpora: Path) -> list[Corpus]:
    out = load([example_corpus()])
    path = corpora / "multinews-dev.jsonl"
    if path.exists():
        out += [c for c in load([path]) if c.sources]
    return out


def _baseline(corpus: Corpus) -> list[tuple[str, int, int]]:
    """quantulum3 + dateparser.search_dates per sentence: (source, start, end) of what they find."""
    from dateparser.search import search_dates
    from quantulum3 import parser

    spans = []
    for s in corpus.sources:
        norm = normalise(s.text)
        for a, b in s.body:
            for x, y in sentences(norm, a, b):
                sent = s.text[x:y]
                for q in parser.parse(sent):
                    spans.append((s.id, x + q.span[0], x + q.span[1]))
                for text, _ in search_dates(sent, languages=["en"]) or []:
                    i = sent.find(text)
                    if i >= 0:
                        spans.append((s.id, x + i, x + i + len(text)))
    return spans


def _recall(spans: dict[str, list[tuple[str, int, int]]]) -> float | None:
    """Share of gold claims (seed corpus) that some found span overlaps."""
    gold_path = Path("tests/gold/fallujah-2014.json")
    if not gold_path.exists():
        return None
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    found = spans.get("fallujah-2014", [])
    hit = sum(any(sid == g["source"] and a < g["start"] + len(g["text"]) and g["start"] < b for sid, a, b in found)
              for g in gold["claims"])
    return hit / len(gold["claims"])


def _measure(fn, corpora: list[Corpus]) -> tuple[float, int, dict[str, list[tuple[str, int, int]]]]:
    """Wall time of a plain run; peak memory from a second run under tracemalloc (which slows it)."""
    t0 = time.perf_counter()
    out = {c.id: fn(c) for c in corpora}
    elapsed = time.perf_counter() - t0
    tracemalloc.start()
    for c in corpora[:3]:
        fn(c)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return elapsed, peak, out


def run(*, corpora: Path, baseline: bool, console: Console) -> None:
    data = _corpora(corpora)
    n = sum(len(c.sources) for c in data)
    sentences_n = sum(1 for c in data for s in c.sources for a, b in s.body for _ in sentences(normalise(s.text), a, b))

    def ours(c: Corpus) -> list[tuple[str, int, int]]:
        return [(x.source, x.start, x.end) for x in extract(c).claims]

    ours(data[0])  # imports and data files, as the baseline's warm-up below
    t_ours, m_ours, found_ours = _measure(ours, data)
    table = Table(title=f"Extraction over {n} articles ({sentences_n} sentences)")
    for col in ("pipeline", "seconds", "articles/s", "peak MiB", "seed recall (spans)"):
        table.add_column(col, justify="right")
    r = _recall(found_ours)
    table.add_row("crosscheck.extract", f"{t_ours:.2f}", f"{n / t_ours:.1f}", f"{m_ours / 2**20:.1f}",
                  f"{r:.1%}" if r is not None else "–")
    if baseline:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _baseline(data[0])  # warm-up: quantulum3 loads its units, dateparser its languages
            t_base, m_base, found_base = _measure(_baseline, data)
        rb = _recall(found_base)
        table.add_row("quantulum3 + search_dates", f"{t_base:.2f}", f"{n / t_base:.1f}", f"{m_base / 2**20:.1f}",
                      f"{rb:.1%}" if rb is not None else "–")
        console.print(table)
        console.print(f"throughput ratio: {t_base / t_ours:.1f}x (target >= 20x)")
    else:
        console.print(table)
