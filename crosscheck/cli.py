"""The command line: `crosscheck report`, `claims`, `score`, `bench`.

Exit codes follow linters: 0 no conflict, 1 conflicts found, 2 usage or input error. Bad input is
one line on stderr, never a traceback.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console

from .sources import InputError

app = typer.Typer(add_completion=False, no_args_is_help=False, pretty_exceptions_enable=False,
                  help="Cross-check the numbers and dates that several news outlets report about one event.")

Paths = Annotated[Optional[list[Path]], typer.Argument(help="Directories, files or JSONL cluster files "
                                                            "(default: the bundled Fallujah 2014 corpus).")]
Cluster = Annotated[Optional[str], typer.Option("--cluster", help="Only this cluster id of a JSONL file.")]
JsonOut = Annotated[Optional[Path], typer.Option("--json", help="Also write the JSON report here.")]
OutletOpt = Annotated[Optional[list[str]], typer.Option("--outlet", help="SOURCE=NAME: set a source's outlet ('*' for all).")]
PublishedOpt = Annotated[Optional[list[str]], typer.Option("--published", help="SOURCE=YYYY-MM-DD: set a source's date ('*' for all).")]


def _overrides(outlets: list[str] | None, published: list[str] | None) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, values in (("outlet", outlets or []), ("published", published or [])):
        for item in values:
            if "=" not in item:
                raise InputError(f"--{key} {item!r}: expected SOURCE={key.upper()}")
            sid, value = item.split("=", 1)
            out.setdefault(sid.strip(), {})[key] = value.strip()
    return out


def _load(paths, cluster, outlets, published):
    """Corpora from the paths, with [tool.crosscheck] outlets and tolerances applied."""
    from .rules import load_config
    from .sources import load

    cfg = load_config()
    _apply_tolerances(cfg)
    overrides = {**cfg.get("outlets", {}), **_overrides(outlets, published)}
    corpora = load(paths or [], cluster=cluster, overrides=overrides)
    for c in corpora:  # a bad source is reported and skipped; the others are processed
        for problem in c.skipped:
            print(f"crosscheck: warning: skipped {problem}", file=sys.stderr)
    corpora = [c for c in corpora if c.sources]
    if not corpora:
        raise InputError("no readable sources")
    return corpora


def _console() -> Console:
    return Console(highlight=False, soft_wrap=False)


@app.command()
def report(paths: Paths = None, cluster: Cluster = None, json_out: JsonOut = None,
           html: Annotated[Optional[Path], typer.Option("--html", help="Also write the self-contained HTML report here.")] = None,
           show: Annotated[Optional[list[str]], typer.Option("--show", help="'single' lists single-source claims too.")] = None,
           quiet: Annotated[bool, typer.Option("--quiet", "-q", help="One summary line per corpus.")] = False,
           outlet: OutletOpt = None, published: PublishedOpt = None) -> None:
    """Where the outlets agree, where they conflict, and what only one of them claims."""
    from .compare import compare
    from .extract import extract
    from .model import Verdict
    from .report import Report, summary_line, write_json

    corpora = [compare(extract(c)) for c in _load(paths, cluster, outlet, published)]
    console = _console()
    for c in corpora:
        if quiet:
            console.print(summary_line(c))
        else:
            console.print(Report(c, show_single="single" in (show or [])))
    if json_out:
        write_json(json_out, corpora)
    if html:
        from .html import write_html

        write_html(html, corpora)
    conflicts = any(f.verdict is Verdict.CONFLICT for c in corpora for f in c.findings)
    raise typer.Exit(1 if conflicts else 0)


@app.command()
def claims(paths: Paths = None, cluster: Cluster = None, json_out: JsonOut = None,
           outlet: OutletOpt = None, published: PublishedOpt = None) -> None:
    """Every numeric and dated claim of every source, with its span."""
    from .extract import extract
    from .report import ClaimsTable, write_json

    corpora = [extract(c) for c in _load(paths, cluster, outlet, published)]
    console = _console()
    for c in corpora:
        console.print(ClaimsTable(c))
    if json_out:
        write_json(json_out, corpora, findings=False)


@app.command()
def score(gold: Annotated[Optional[list[Path]], typer.Argument(help="Gold files (default: tests/gold/*.json).")] = None,
          corpora: Annotated[Path, typer.Option(help="Folder holding multinews-dev.jsonl.")] = Path("../shared/corpora"),
          verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every miss.")] = False) -> None:
    """Accuracy against hand-written gold: extraction recall/precision, findings, false conflicts."""
    from . import score as scoring

    files = gold or scoring.gold_files(Path("tests/gold"))
    if not files:
        raise InputError("no gold files given and none in tests/gold")
    console = _console()
    totals = {"gold": 0, "correct": 0, "extracted": 0, "matched": 0, "fg": 0, "fr": 0, "fc": 0, "n": 0}
    for s in scoring.run(files, corpora=corpora):
        console.print(f"{s.corpus}: recall {s.recall:.1%} ({s.correct}/{s.gold})  precision {s.precision:.1%} "
                      f"({s.matched}/{s.extracted})  furniture claims {s.furniture}  findings right "
                      f"{s.findings_accuracy:.0%} ({s.findings_right}/{s.findings_gold})  false conflicts {s.false_conflicts}")
        if verbose:
            for line in s.misses + s.extras + s.finding_errors:
                console.print(f"    {line}", markup=False)
        if s.corpus != "fallujah-2014":
            totals["gold"] += s.gold
            totals["correct"] += s.correct
            totals["extracted"] += s.extracted
            totals["matched"] += s.matched
            totals["fg"] += s.findings_gold
            totals["fr"] += s.findings_right
            totals["fc"] += s.false_conflicts
            totals["n"] += 1
    if totals["n"]:
        console.print(f"Multi-News gold ({totals['n']} clusters): recall {totals['correct'] / max(1, totals['gold']):.1%}  "
                      f"precision {totals['matched'] / max(1, totals['extracted']):.1%}  findings right "
                      f"{totals['fr'] / max(1, totals['fg']):.0%}  false conflicts per cluster {totals['fc'] / totals['n']:.2f}")


@app.command()
def bench(corpora: Annotated[Path, typer.Option(help="Folder holding multinews-dev.jsonl.")] = Path("../shared/corpora"),
          baseline: Annotated[bool, typer.Option(help="Also time quantulum3.parse + dateparser.search_dates.")] = True) -> None:
    """Articles per second and peak memory, beside the pipeline a user would otherwise write."""
    from .bench import run

    run(corpora=corpora, baseline=baseline, console=_console())


RulesOpt = Annotated[Optional[list[Path]], typer.Option("--rules", help="Extra rules directory or file (repeatable).")]


@app.command("rules")
def list_rules(rules_dirs: RulesOpt = None) -> None:
    """Every rule: code, name, severity and what it checks."""
    from rich.table import Table

    from .rules import builtin_rules_dir, collect, load_config

    cfg = load_config()
    rules = collect([builtin_rules_dir(), *_config_rule_dirs(cfg), *(rules_dirs or [])])
    table = Table(title="crosscheck rules")
    for col in ("code", "name", "severity", "checks", "where"):
        table.add_column(col, overflow="fold")
    for r in rules:
        table.add_row(r.code, r.name, r.severity, r.error or r.summary, f"{Path(r.path).name}:{r.line}")
    _console().print(table)


def _config_rule_dirs(cfg: dict) -> list[Path]:
    root = Path(cfg.get("_root", "."))
    paths = cfg.get("rules", [])
    return [root / p for p in ([paths] if isinstance(paths, str) else paths)]


def _apply_tolerances(cfg: dict) -> None:
    from . import align, compare

    tol = cfg.get("tolerances", {})
    if "rounding" in tol:
        compare.ROUNDING = float(tol["rounding"])
    if "similarity" in tol:
        align.SIMILARITY = float(tol["similarity"])
    if "magnitude" in tol:
        align.MAGNITUDE = float(tol["magnitude"])


@app.command()
def check(paths: Paths = None, cluster: Cluster = None, rules_dirs: RulesOpt = None,
          select: Annotated[Optional[list[str]], typer.Option("--select", help="Only these codes or code prefixes (CC1).")] = None,
          ignore: Annotated[Optional[list[str]], typer.Option("--ignore", help="Skip these codes or names.")] = None,
          junitxml: Annotated[Optional[Path], typer.Option("--junitxml", help="Write JUnit XML results here.")] = None,
          html: Annotated[Optional[Path], typer.Option("--html", help="Write the HTML report with rule results.")] = None,
          json_out: JsonOut = None,
          verbose: Annotated[bool, typer.Option("--verbose", "-v", help="One line per rule call.")] = False,
          quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Only the closing summary line.")] = False,
          timeout: Annotated[float, typer.Option(help="Seconds one rule call may take.")] = 10.0,
          outlet: OutletOpt = None, published: PublishedOpt = None) -> None:
    """Run the built-in and your rules; fail like a test suite when sources disagree."""
    from .checks import CheckReport, write_junit
    from .compare import compare
    from .extract import extract
    from .report import write_json
    from .rules import builtin_rules_dir, collect, load_config, run, select_rules

    cfg = load_config()
    corpora = [compare(extract(c)) for c in _load(paths, cluster, outlet, published)]
    rules = collect([builtin_rules_dir(), *_config_rule_dirs(cfg), *(rules_dirs or [])])
    rules = select_rules(rules, select=select or cfg.get("select", []), ignore=ignore or cfg.get("ignore", []))
    t0 = __import__("time").perf_counter()
    results = run(rules, corpora, timeout=float(cfg.get("timeout", timeout)), config=cfg)
    report = CheckReport(corpora, rules, results, seconds=__import__("time").perf_counter() - t0, verbose=verbose)
    if quiet:
        _console().print(report.summary(), highlight=False)
    else:
        _console().print(report)
    if junitxml:
        write_junit(junitxml, results)
    if json_out:
        write_json(json_out, corpora)
    if html:
        from .html import write_html

        write_html(html, corpora, checks=[r.to_dict() for r in results])
    raise typer.Exit(report.exit_code)


def main() -> None:
    try:
        rc = app(standalone_mode=False)
        sys.exit(rc if isinstance(rc, int) else 0)
    except InputError as exc:
        print(f"crosscheck: error: {exc}", file=sys.stderr)
        sys.exit(2)
    except KeyboardInterrupt:
        print("crosscheck: interrupted", file=sys.stderr)
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except SystemExit:
        raise
    except Exception as exc:  # click usage errors and the like
        # typer ships its own copy of click's exceptions: recognise them by what they are
        names = {cls.__name__ for cls in type(exc).__mro__}
        if "ClickException" in names:
            print(f"crosscheck: error: {exc.format_message()}", file=sys.stderr)  # type: ignore[attr-defined]
            sys.exit(2)
        if "Abort" in names:
            sys.exit(130)
        raise
