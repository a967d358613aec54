"""pytest plugin: `pytest rules/ --crosscheck-corpus=PATH` runs crosscheck rules as tests.

One engine: pytest collects each ``check_*.py`` file through `crosscheck.rules` (the collector,
the arguments, the per-rule child process with its time limit, the assertion messages that
`crosscheck check` uses), and shows every call of a rule as a test item, so ``-k``, ``-x``,
``--junitxml`` and pytest's reports work as usual and the two commands cannot disagree. A rule
taking ``finding`` or ``source`` is one item per finding or source; warn-severity failures are
xfailed. Ordinary ``test_*.py`` tests stay pytest's and get the fixtures ``corpus``, ``claims``,
``findings`` and ``config``. Without ``--crosscheck-corpus`` the plugin stays out of the way.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from .errors import CrosscheckError
from .model import Corpus
from .rules import RULE_FILE, Result, Rule
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
    group.addoption(
        "--crosscheck-summary",
        default=None,
        metavar="FILE",
        help="A summary written from the corpus: its figures are checked (CC107, the summary_checks fixture); "
        "'jsonl' for each JSONL cluster's own summary.",
    )


def _enabled(config: pytest.Config) -> bool:
    return bool(config.getoption("crosscheck_corpus", default=None))


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...], cluster: str | None, settings: Settings, summary: str | None) -> tuple[Corpus, ...]:
    from .pipeline import process
    from .sources import jsonl_summaries, load, read_summary
    from .verify import attach

    corpora = load(list(paths), cluster=cluster, overrides=settings.overrides())
    done = process([c for c in corpora if c.sources], settings=settings, compare=True)
    if summary == "jsonl":
        done = attach(done, summaries=jsonl_summaries(paths), settings=settings)
    elif summary:
        done = attach(done, summary=read_summary(summary), settings=settings)
    return tuple(done)


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
        return _load(
            paths, config.getoption("crosscheck_cluster"), settings_of(config), config.getoption("crosscheck_summary")
        )
    except CrosscheckError as exc:
        raise pytest.UsageError(f"crosscheck: {exc}") from None


def pytest_configure(config: pytest.Config) -> None:
    if _enabled(config):
        settings_of(config)  # bad settings stop the run here, as a usage error, before any collection


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if _enabled(parent.config) and RULE_FILE.match(file_path.name):
        return RuleFile.from_parent(parent, path=file_path)
    return None


class RuleFile(pytest.File):
    """A rule file, collected by crosscheck's engine: one item per call of each rule."""

    def collect(self) -> Iterator[pytest.Item]:
        from .rules import call_ids, collect

        corpora = corpora_of(self.config)
        for r in collect([self.path]):
            if r.error:
                yield RuleItem.from_parent(self, name=r.function, rule=r, call=r.path)
                continue
            try:
                ids = [i for c in corpora for i in call_ids(r, c)]
            except TypeError:
                ids = [c.id for c in corpora]  # the engine reports the bad signature on each corpus
            for call in ids:
                yield RuleItem.from_parent(self, name=f"{r.function}[{call}]", rule=r, call=call)


class RuleFailed(Exception):
    """A rule call that failed or erred in the engine; its message is the engine's."""


class RuleItem(pytest.Item):
    def __init__(self, *, rule: Rule, call: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rule, self.call = rule, call
        self.user_properties.extend([("code", rule.code), ("name", rule.name), ("severity", rule.severity)])

    def runtest(self) -> None:
        result = _result(self)
        if result.outcome == "pass":
            return
        if result.outcome == "fail" and result.severity == "warn":
            pytest.xfail(f"warn {self.rule.code} {self.rule.name}: {result.message}")
        raise RuleFailed(result.message if result.outcome == "fail" else f"error: {result.message}")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, RuleFailed):
            return f"{self.rule.code} {self.rule.name} ({self.rule.path}:{self.rule.line})\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, max(self.rule.line - 1, 0), f"{self.rule.code} {self.rule.name} [{self.call}]"


_RUNS = pytest.StashKey[dict[str, dict[str, Result]]]()


def _result(item: RuleItem) -> Result:
    """The engine runs a rule once, for all its calls (in its own child process); each item looks up its call."""
    from .rules import run

    runs = item.config.stash.setdefault(_RUNS, {})
    key = item.rule.nodeid
    if key not in runs:
        settings = settings_of(item.config)
        results = run([item.rule], corpora_of(item.config), timeout=settings.timeout, config=settings.rule_config())
        runs[key] = {r.item: r for r in results}
    found = runs[key]
    if item.call in found:
        return found[item.call]
    # the rule's process ended or was stopped before it gave its calls: each call shares that error
    return next(r for r in found.values() if r.outcome == "error")


@pytest.fixture
def corpus(request: pytest.FixtureRequest) -> Corpus:
    """The cross-checked corpus (the first --crosscheck-corpus cluster; parametrized over all of them)."""
    if hasattr(request, "param"):
        return request.param
    corpora = corpora_of(request.config) if _enabled(request.config) else ()
    if not corpora:
        pytest.skip("no --crosscheck-corpus given")
    return corpora[0]


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """An ordinary test that takes the corpus (or its tables) runs once per corpus."""
    if not _enabled(metafunc.config):
        return
    if {"corpus", "claims", "findings", "summary_checks"} & set(metafunc.fixturenames):
        corpora = corpora_of(metafunc.config)
        metafunc.parametrize("corpus", list(corpora), ids=[c.id for c in corpora], indirect=True)


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
def summary_checks(corpus: Corpus) -> Any:
    """The summary's checks (--crosscheck-summary) against the corpus as a pandas DataFrame:
    one row per figure or date, with its verdict, evidence and explanation."""
    from .model import to_frame

    return to_frame(corpus.summary_checks)


@pytest.fixture
def config(request: pytest.FixtureRequest) -> dict[str, Any]:
    """The validated [tool.crosscheck] settings, as `crosscheck check` gives them to rules (a fresh copy)."""
    return settings_of(request.config).rule_config()
