"""Rule checks written like pytest tests, run by `crosscheck check` or by pytest itself.

A rule is a plain function named ``check_*`` (or ``test_*``) in a file named ``check_*.py``. Its parameter names choose what it receives: ``finding`` (called once per finding),
``source`` (once per source), ``claims`` and ``findings`` (pandas DataFrames), ``corpus``. Plain
``assert`` says what must hold; the ``@rule`` decorator adds a code, a kebab-case name, a severity
and filters. Results are values collected in one run; exceptions are for failures of the tool.
"""

from __future__ import annotations

import ast
import copy
import importlib.util
import inspect
import linecache
import re
import signal
import sys
import threading
import time
import traceback
import types
import warnings
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from .errors import RuleError
from .model import Check, Corpus, Finding, Verdict

Severity = Literal["warn", "fail"]
Outcome = Literal["pass", "fail", "error"]
ARGUMENTS = ("finding", "source", "check", "claims", "findings", "summary_checks", "corpus", "config")
#: rule files; pytest collects these through the same engine (``test_*.py`` stay pytest's own tests)
RULE_FILE = re.compile(r"check_.*\.py$")
_CODE = re.compile(r"^[A-Z]{2,4}\d{3}$")
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class RuleMeta:
    code: str | None = None
    name: str | None = None
    severity: Severity = "fail"
    types: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    #: whether per-finding rules also see facts that only one source states
    single: bool = False


def rule(
    code: str | None = None,
    name: str | None = None,
    *,
    severity: Severity = "fail",
    types: Sequence[str] = (),
    subjects: Sequence[str] = (),
    single: bool = False,
) -> Callable:
    """Metadata for a rule: ``@rule("CC101", "figure-mismatch", severity="fail", types=["quantity"])``."""
    if code is not None and not _CODE.match(code):
        raise ValueError(f"rule code {code!r} should look like 'CC101'")
    if name is not None and not _NAME.match(name):
        raise ValueError(f"rule name {name!r} should be kebab-case, like 'figure-mismatch'")
    if severity not in ("warn", "fail"):
        raise ValueError(f"severity must be 'warn' or 'fail', not {severity!r}")
    meta = RuleMeta(code, name, severity, tuple(types), tuple(subjects), single)

    def mark(fn: Callable) -> Callable:
        fn.__crosscheck_rule__ = meta  # type: ignore[attr-defined]
        return fn

    return mark


@dataclass(frozen=True)
class Rule:
    """A collected rule function (or a file that failed to import, with ``error`` set)."""

    func: Callable[..., Any] | None
    meta: RuleMeta
    path: str
    line: int
    function: str
    error: str | None = None

    @property
    def code(self) -> str:
        return self.meta.code or "CC000"

    @property
    def name(self) -> str:
        return self.meta.name or self.function.removeprefix("check_").removeprefix("test_").replace("_", "-")

    @property
    def severity(self) -> Severity:
        return self.meta.severity

    @property
    def summary(self) -> str:
        doc = inspect.getdoc(self.func) if self.func else None
        return doc.splitlines()[0] if doc else ""

    @property
    def nodeid(self) -> str:
        return f"{self.path}::{self.function}"

    def parameters(self) -> list[str]:
        return list(inspect.signature(self.func).parameters) if self.func else []


@dataclass(frozen=True)
class Result:
    rule: Rule
    item: str
    outcome: Outcome
    message: str = ""
    seconds: float = 0.0
    finding: str | None = None
    #: a call that warned (``warnings.warn``) instead of failing an assert: a "warn" whatever the
    #: rule's severity
    warned: bool = False

    @property
    def severity(self) -> Severity:
        return "warn" if self.warned else self.rule.severity

    @property
    def failed(self) -> bool:
        return self.outcome == "fail" and self.severity == "fail"

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.rule.code,
            "name": self.rule.name,
            "severity": self.severity,
            "outcome": self.outcome,
            "item": self.item,
            "message": self.message,
            "finding": self.finding,
            "path": self.rule.path,
            "line": self.rule.line,
        }


# --------------------------------------------------------------------------- collection


def builtin_rules_dir() -> Path:
    """The built-in rules: ``crosscheck.builtin_rules`` in an installed wheel, the top-level
    ``rules/`` beside the package when crosscheck runs from a checkout."""
    if importlib.util.find_spec("crosscheck.builtin_rules") is not None:
        return Path(str(resources.files("crosscheck.builtin_rules")))
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    raise RuleError("the built-in rules are missing: reinstall crosscheck")


def _rule_files(folder: Path) -> list[Path]:
    if folder.is_file():
        return [folder]
    if not folder.is_dir():
        raise RuleError(f"{folder}: no such rules directory")
    return sorted(p for p in folder.rglob("*.py") if RULE_FILE.match(p.name))


def _import(path: Path) -> Any:
    """The rule file as a module, its asserts rewritten by pytest's assertion rewriter, so a failed
    plain ``assert`` says the values it compared, under ``crosscheck check`` as under pytest."""
    from _pytest.assertion.rewrite import rewrite_asserts

    name = "crosscheck_rules_" + re.sub(r"\W", "_", str(path.resolve()))
    if name in sys.modules:
        return sys.modules[name]
    source = path.read_bytes()
    tree = ast.parse(source, filename=str(path))
    rewrite_asserts(tree, source, str(path))
    code = compile(tree, str(path), "exec", dont_inherit=True)
    module = types.ModuleType(name)
    module.__file__ = str(path)
    sys.modules[name] = module
    try:
        exec(code, module.__dict__)
    except BaseException:
        del sys.modules[name]
        raise
    return module


def collect(folders: Iterable[Path]) -> list[Rule]:
    """Every check_*/test_* function of the rule files; a file that fails to import is one error."""
    rules: list[Rule] = []
    for folder in folders:
        for path in _rule_files(Path(folder)):
            try:
                module = _import(path)
            except BaseException as exc:  # a broken user file must not stop the others
                if isinstance(exc, KeyboardInterrupt):
                    raise
                line = _error_line(exc, path)
                rules.append(
                    Rule(
                        None,
                        RuleMeta(),
                        str(path),
                        line,
                        path.stem,
                        error=f"{path}:{line}: cannot import: {type(exc).__name__}: {exc}",
                    )
                )
                continue
            for fname, fn in vars(module).items():
                if re.match(r"(check|test)_", fname) and inspect.isfunction(fn) and fn.__module__ == module.__name__:
                    meta = getattr(fn, "__crosscheck_rule__", RuleMeta())
                    rules.append(Rule(fn, meta, str(path), fn.__code__.co_firstlineno, fname))
    rules.sort(key=lambda r: (r.code, r.path, r.line))
    return rules


def _error_line(exc: BaseException, path: Path) -> int:
    if isinstance(exc, SyntaxError) and exc.lineno:
        return exc.lineno
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if Path(frame.filename).resolve() == path.resolve():
            return frame.lineno or 0
    return 0


def select_rules(rules: Sequence[Rule], *, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> list[Rule]:
    """ruff-style: a code prefix or a name selects; ignore wins. A key that matches no rule is an
    error (a typo must not turn a gate off)."""

    def hit(r: Rule, keys: Sequence[str]) -> bool:
        return any(r.code.startswith(k) or r.name == k for k in keys)

    for key in (*select, *ignore):
        if not key.strip():  # "" is a prefix of every code: --select '' would select all, --ignore '' none
            raise RuleError("an empty --select or --ignore names no rule")
        if not any(hit(r, [key]) for r in rules if not r.error):
            known = ", ".join(sorted({r.code for r in rules if not r.error}))
            raise RuleError(f"{key!r} matches no rule (known codes: {known})")
    return [r for r in rules if (not select or hit(r, select) or r.error) and not hit(r, ignore)]


# --------------------------------------------------------------------------- what a rule receives


def _finding_applies(meta: RuleMeta, f: Finding, corpus: Corpus) -> bool:
    if f.verdict is Verdict.SINGLE and not meta.single:
        return False
    if meta.types and f.type not in meta.types:
        return False
    if meta.subjects:
        subjects = {corpus.claim(c).subject for c in f.claims}
        if not subjects & set(meta.subjects):
            return False
    return True


def _check_parameters(r: Rule) -> list[str]:
    params = r.parameters()
    unknown = [p for p in params if p not in ARGUMENTS]
    if unknown:
        raise TypeError(f"unknown argument(s) {', '.join(unknown)}: a rule may take {', '.join(ARGUMENTS)}")
    return params


def call_ids(r: Rule, corpus: Corpus) -> list[str]:
    """The item id of every call of the rule on this corpus, without building what the calls receive."""
    params = _check_parameters(r)
    if "finding" in params:
        return [f"{corpus.id}:{f.id}" for f in corpus.findings if _finding_applies(r.meta, f, corpus)]
    if "source" in params:
        return [f"{corpus.id}:{s.id}" for s in corpus.sources]
    if "check" in params:
        return [f"{corpus.id}:{ch.id}" for ch in corpus.summary_checks if _check_applies(r.meta, ch)]
    return [corpus.id]


def _check_applies(meta: RuleMeta, ch: Check) -> bool:
    return not meta.types or ch.claim.type in meta.types


def calls(
    r: Rule, corpus: Corpus, config: dict[str, Any] | None = None
) -> Iterator[tuple[str, dict[str, Any], str | None]]:
    """(item id, keyword arguments, finding id) for every call of the rule on this corpus."""
    from .model import to_frame

    params = _check_parameters(r)
    common: dict[str, Any] = {}
    if "claims" in params:
        common["claims"] = to_frame(corpus.claims)
    if "findings" in params:
        common["findings"] = to_frame(corpus.findings)
    if "summary_checks" in params:
        common["summary_checks"] = to_frame(corpus.summary_checks)
    if "corpus" in params:
        common["corpus"] = corpus
    if "config" in params:
        common["config"] = copy.deepcopy(dict(config or {}))  # each rule call its own copy
    if "finding" in params:
        for f in corpus.findings:
            if _finding_applies(r.meta, f, corpus):
                yield f"{corpus.id}:{f.id}", {**common, "finding": _FindingView(f, corpus)}, f.id
    elif "source" in params:
        for s in corpus.sources:
            yield f"{corpus.id}:{s.id}", {**common, "source": s}, None
    elif "check" in params:
        for ch in corpus.summary_checks:
            if _check_applies(r.meta, ch):
                yield f"{corpus.id}:{ch.id}", {**common, "check": _CheckView(ch, corpus)}, None
    else:
        yield corpus.id, common, None


class _FindingView:
    """A finding with its claims and sources at hand, so a rule can quote them."""

    def __init__(self, finding: Finding, corpus: Corpus) -> None:
        self._finding = finding
        self.corpus = corpus
        self.claims = [corpus.claim(c) for c in finding.claims]
        self.sources = {s.id: s for s in corpus.sources if s.id in finding.sources}

    def __getattr__(self, name: str) -> Any:
        return getattr(self._finding, name)

    def outlet(self, source_id: str) -> str:
        s = self.sources.get(source_id)
        return s.outlet if s and s.outlet else source_id

    def __repr__(self) -> str:
        return f"<finding {self._finding.id} {self._finding.verdict.value}: {self._finding.topic}>"


class _CheckView:
    """A summary check with its evidence claims at hand, so a rule can quote them."""

    def __init__(self, check: Check, corpus: Corpus) -> None:
        self._check = check
        self.corpus = corpus
        self.claims = [corpus.claim(c) for c in check.evidence]

    def __getattr__(self, name: str) -> Any:
        return getattr(self._check, name)

    def outlet(self, source_id: str) -> str:
        s = next((s for s in self.corpus.sources if s.id == source_id), None)
        return s.outlet if s and s.outlet else source_id

    def __repr__(self) -> str:
        return f"<summary check {self._check.claim.text!r} {self._check.verdict}>"


# --------------------------------------------------------------------------- running


class RuleTimeout(Exception):
    pass


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """SIGALRM-based limit (main thread, Unix); elsewhere no limit."""
    usable = seconds and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise RuleTimeout(f"ran past the time limit of {seconds:g} s")

    old = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, float(seconds or 0))
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _where(exc: BaseException, r: Rule) -> str:
    """file:line of the rule's own frame where it failed."""
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).resolve() == Path(r.path).resolve()
    ]
    f = frames[-1] if frames else None
    return f"{r.path}:{f.lineno}" if f else f"{r.path}:{r.line}"


def _assert_message(exc: AssertionError, r: Rule) -> str:
    if exc.args and str(exc.args[0]):
        return str(exc.args[0])
    frames = [
        f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).resolve() == Path(r.path).resolve()
    ]
    if frames:
        line = linecache.getline(frames[-1].filename, frames[-1].lineno or 0).strip()
        return f"{line}  ({r.path}:{frames[-1].lineno})"
    return "assertion failed"


#: what one rule call gave: (item, outcome, message, seconds, finding id, warned)
Row = tuple[str, Outcome, str, float, "str | None", bool]


def _rule_rows(
    r: Rule,
    corpora: Sequence[Corpus],
    timeout: float | None,
    config: dict[str, Any] | None,
    beat: Callable[[], None] | None = None,
) -> list[Row]:
    """Every call of one rule. Whatever a rule raises, KeyboardInterrupt and SystemExit included,
    is that call's result. ``beat`` is told before each call (the parent's watchdog)."""
    rows: list[Row] = []
    for corpus in corpora:
        if beat:
            beat()
        try:
            items = list(calls(r, corpus, config))
        except TypeError as exc:
            rows.append((corpus.id, "error", f"{r.path}:{r.line}: {exc}", 0.0, None, False))
            continue
        for item, kwargs, finding_id in items:
            if beat:
                beat()
            t0 = time.perf_counter()
            outcome: Outcome
            warned = False
            try:
                # a rule may warn instead of failing (``warnings.warn(message)``): a failure of
                # severity "warn" for that call, as CC107 does for an unsupported summary figure
                with _time_limit(timeout), warnings.catch_warnings(record=True) as said:
                    warnings.simplefilter("always")
                    r.func(**kwargs)  # type: ignore[misc]
                told = [w for w in said if issubclass(w.category, UserWarning)]
                if told:
                    outcome, message, warned = "fail", str(told[0].message), True
                else:
                    outcome, message = "pass", ""
            except AssertionError as exc:
                outcome, message = "fail", _assert_message(exc, r)
            except BaseException as exc:  # the rule's own bug, reported as that rule's error
                outcome, message = "error", f"{_where(exc, r)}: {type(exc).__name__}: {exc}"
            rows.append((item, outcome, message, time.perf_counter() - t0, finding_id, warned))
    return rows


def _child(r: Rule, corpora: Sequence[Corpus], timeout: float | None, config: dict[str, Any] | None, conn: Any) -> None:
    import os

    try:
        conn.send(("rows", _rule_rows(r, corpora, timeout, config, beat=lambda: conn.send(("call", None)))))
    finally:
        conn.close()
        os._exit(0)  # no atexit handlers, no flushing of the parent's buffers: the parent owns them


def _isolated_rows(
    r: Rule, corpora: Sequence[Corpus], timeout: float | None, config: dict[str, Any] | None
) -> list[Row]:
    """One rule in a forked child process, killed when it overruns: a rule that exits, crashes,
    loops in C or catches the timeout costs only its own result, and what it changes in the
    corpus or the config stays in the child."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    receiver, sender = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(r, corpora, timeout, config, sender), daemon=True)
    proc.start()
    sender.close()
    # the child says when each call starts: one that says nothing for a call's time limit (and
    # five seconds of grace, for importing pandas and building the tables a rule receives) is stopped
    limit = timeout + 5.0 if timeout else None
    rows: list[Row] | None = None
    killed = False
    try:
        while receiver.poll(limit):
            kind, payload = receiver.recv()
            if kind == "rows":
                rows = payload
                break
    except (EOFError, OSError):
        rows = None
    finally:
        proc.join(0.5)
        if proc.is_alive():
            killed = True
            proc.kill()
            proc.join()
        receiver.close()
    if rows is not None:
        return rows
    where = corpora[0].id if corpora else r.path
    if killed:
        why = f"ran past the time limit ({timeout:g} s a call) and was stopped"
    else:
        why = f"ended its process (exit code {proc.exitcode}) before giving a result"
    return [(where, "error", f"{r.path}:{r.line}: {why}", 0.0, None, False)]


def run(
    rules: Sequence[Rule],
    corpora: Sequence[Corpus],
    *,
    timeout: float | None = 10.0,
    config: dict[str, Any] | None = None,
    isolate: bool = True,
) -> list[Result]:
    """Every rule on every corpus: one Result per call; a rule's error never stops the others.

    With ``isolate`` (the default where the platform can fork) each rule runs in a child process
    of its own (see ``_isolated_rows``); without, in this process, as the pytest plugin does.
    """
    import multiprocessing

    isolate = isolate and "fork" in multiprocessing.get_all_start_methods()
    results: list[Result] = []
    for r in rules:
        if r.error:
            results.append(Result(r, r.path, "error", r.error))
            continue
        rows = _isolated_rows(r, corpora, timeout, config) if isolate else _rule_rows(r, corpora, timeout, config)
        results.extend(Result(r, *row) for row in rows)
    return results
