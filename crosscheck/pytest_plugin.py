"""pytest plugin: `pytest rules/ --crosscheck-corpus PATH` runs crosscheck rules as tests.

Fixtures ``corpus``, ``claims``, ``findings``, ``finding`` and ``source`` give rules their data;
a rule taking ``finding`` becomes one parametrized test per finding. pytest's assertion rewriting
shows the compared values, and ``-k``, ``-x``, ``--junitxml`` work as usual. Without
``--crosscheck-corpus`` the plugin stays out of the way.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from .errors import CrosscheckError
from .model import Corpus
from .settings import Settings


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("crosscheck")
    group.addoption(
        "--crosscheck-corpus",
        action="append",
        default=None,
        metavar="PATH",
        help="Corpus to run crosscheck rules on (directory, file or JSONL); repeatable.",
    )
    group.addoption("--crosscheck-cluster", default=None, metavar="ID", help="Only this cluster of a JSONL corpus.")


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("crosscheck_corpus", default=None))


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...], cluster: str | None, settings: Settings) -> tuple[Corpus, ...]:
    from .pipeline import process
    from .sources import load

    corpora = load(list(paths), cluster=cluster, overrides=settings.overrides())
    return tuple(process([c for c in corpora if c.sources], settings=settings, compare=True))


def settings_of(config: pytest.Config) -> Settings:
    """[tool.crosscheck] of the nearest pyproject.toml up from where pytest runs, as `crosscheck check` reads it."""
    from .settings import load_settings

    try:
        return load_settings(Path(config.invocation_params.dir))  # where pytest runs, as the CLI
    except CrosscheckError as exc:
        raise pytest.UsageError(f"crosscheck: {exc}") from None


def corpora_of(config: pytest.Config) -> tuple[Corpus, ...]:
    paths = tuple(p for p in config.getoption("crosscheck_corpus") or () if p)
    try:
        return _load(paths, config.getoption("crosscheck_cluster"), settings_of(config))
    except CrosscheckError as exc:
        raise pytest.UsageError(f"crosscheck: {exc}") from None


def pytest_configure(config: pytest.Config) -> None:
    """With a corpus, check_*.py files and check_* functions are collected (and assertion-rewritten)."""
    if not _enabled(config):
        return
    settings_of(config)  # bad settings stop the run here, as a usage error, before any collection
    for ini, pattern in (("python_files", "check_*.py"), ("python_functions", "check_*")):
        patterns = config.getini(ini)
        if pattern not in patterns:
            patterns.append(pattern)  # the same list the collector and the assertion rewriter read


def _meta(fn: Any) -> Any:
    from .rules import RuleMeta

    return getattr(fn, "__crosscheck_rule__", RuleMeta())


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if not _enabled(metafunc.config):
        return
    from .rules import _finding_applies, _FindingView

    corpora = corpora_of(metafunc.config)
    names = metafunc.fixturenames
    if "finding" in names:
        meta = _meta(metafunc.function)
        views = [_FindingView(f, c) for c in corpora for f in c.findings if _finding_applies(meta, f, c)]
        metafunc.parametrize("finding", views, ids=[f"{v.corpus.id}:{v.id}" for v in views])
    elif "source" in names:
        pairs = [(s, c) for c in corpora for s in c.sources]
        metafunc.parametrize("source", [s for s, _ in pairs], ids=[f"{c.id}:{s.id}" for s, c in pairs])
    elif "corpus" in names or "claims" in names or "findings" in names:
        metafunc.parametrize("corpus", list(corpora), ids=[c.id for c in corpora], indirect=True)


@pytest.fixture
def corpus(request: pytest.FixtureRequest) -> Corpus:
    """The cross-checked corpus (one per --crosscheck-corpus cluster)."""
    if hasattr(request, "param"):
        return request.param
    corpora = corpora_of(request.config) if _enabled(request.config) else ()
    if not corpora:
        pytest.skip("no --crosscheck-corpus given")
    return corpora[0]


@pytest.fixture
def claims(corpus: Corpus) -> Any:
    """The corpus's claims as a pandas DataFrame."""
    from .model import to_frame

    return to_frame(corpus.claims)


@pytest.fixture
def findings(corpus: Corpus) -> Any:
    """The corpus's findings as a pandas DataFrame."""
    from .model import to_frame

    return to_frame(corpus.findings)


@pytest.fixture
def config(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The validated [tool.crosscheck] settings, as `crosscheck check` gives them to rules (a fresh copy)."""
    return settings_of(request.config).rule_config()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Any:
    """A failed warn-severity rule is reported as a warning (xfail), not a failure."""
    outcome = yield
    report = outcome.get_result()
    fn = getattr(item, "function", None)
    if fn is None or not _enabled(item.config) or report.when != "call" or not report.failed:
        return
    meta = _meta(fn)
    if meta.severity == "warn" and call.excinfo is not None and call.excinfo.errisinstance(AssertionError):
        report.outcome = "skipped"
        report.wasxfail = f"warn {meta.code or ''} {meta.name or ''}: {call.excinfo.value}".strip()
