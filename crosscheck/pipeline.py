"""Extract (and compare) many corpora, on every core when the input is large enough to gain.

Corpora are independent, so they are mapped over a process pool (``concurrent.futures``, forked
workers that inherit the loaded data files) in input order; small inputs stay in this process,
where a pool's start-up would cost more than it saves.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from functools import partial

from .model import Corpus
from .settings import DEFAULT, Settings
from .sources import RawCluster

#: characters of article text below which one process is faster than a pool
PARALLEL_CHARS = 150_000


def _one(corpus: Corpus | RawCluster, *, settings: Settings, compare: bool, encode: bool) -> tuple[Corpus, str | None]:
    from .compare import compare as compare_corpus
    from .extract import extract

    if isinstance(corpus, RawCluster):
        corpus = corpus.build()
    corpus = extract(corpus, max_claims=settings.max_claims)
    if compare:
        corpus = compare_corpus(corpus, settings=settings)
    if not encode:
        return corpus, None
    from .report import corpus_fragment

    # the JSON of each corpus is written where it was made: in parallel, and a string travels back
    # to the parent faster than it could encode the corpus itself
    return corpus, corpus_fragment(corpus, findings=compare)


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def _chars(c: Corpus | RawCluster) -> int:
    return sum(map(len, c.documents)) if isinstance(c, RawCluster) else sum(len(s.text) for s in c.sources)


def process(
    corpora: Sequence[Corpus | RawCluster],
    *,
    settings: Settings = DEFAULT,
    compare: bool = True,
    workers: int = 0,
    done: Callable[[int], None] | None = None,
) -> list[Corpus]:
    """Every corpus extracted (and compared), in input order; ``workers=0`` chooses by input size."""
    return [c for c, _ in process_encoded(corpora, settings=settings, compare=compare, workers=workers, done=done)]


def process_encoded(
    corpora: Sequence[Corpus | RawCluster],
    *,
    settings: Settings = DEFAULT,
    compare: bool = True,
    workers: int = 0,
    done: Callable[[int], None] | None = None,
    encode: bool = False,
) -> list[tuple[Corpus, str | None]]:
    """As ``process``, each corpus with its JSON (``report.corpus_fragment``) when ``encode``."""
    work = partial(_one, settings=settings, compare=compare, encode=encode)
    chars = sum(map(_chars, corpora))
    if workers == 0:
        workers = default_workers() if chars >= PARALLEL_CHARS and len(corpora) > 1 else 1
    workers = min(workers, len(corpora))
    if workers <= 1 or "fork" not in _start_methods():
        out: list[tuple[Corpus, str | None]] = []
        for c in corpora:
            out.append(work(c))
            if done:
                done(1)
        return out
    import concurrent.futures
    import multiprocessing

    # big corpora first, so that no worker is left with the largest at the end
    order = sorted(range(len(corpora)), key=lambda i: -_chars(corpora[i]))
    results: dict[int, tuple[Corpus, str | None]] = {}
    pool = concurrent.futures.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        futures = {pool.submit(work, corpora[i]): i for i in order}
        for future in concurrent.futures.as_completed(futures):
            results[futures[future]] = future.result()
            if done:
                done(1)
    except BaseException:
        # Ctrl-C, SIGTERM or a failing corpus: what has not started never starts
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return [results[i] for i in range(len(corpora))]


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()
