"""The command line: `crosscheck report`, `claims`, `verify`, `check`, `rules`, `batch`, `score`, `bench`.

Exit codes follow linters: 0 clean, 1 conflicts or failed rules, 2 usage, input or configuration
error. A problem the user can fix is one line on stderr, never a traceback. Built on click (typer
0.29 vendors its own click, pulls in pydantic at start-up and prints types as ``<list[Path]>``).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from . import __version__
from .errors import ConfigError, CrosscheckError, InputError, OutputError

if TYPE_CHECKING:
    from rich.console import Console

    from .model import Corpus
    from .settings import Settings
    from .sources import RawCluster

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}
#: where a report goes when its option names standard output
STDOUT = "-"


# --------------------------------------------------------------------------- shared options


def _paths(fn: F) -> F:
    return click.argument("paths", nargs=-1, metavar="[PATH]...", type=click.Path(path_type=str))(fn)


def _cluster(fn: F) -> F:
    return click.option("--cluster", metavar="ID", help="Only this cluster of a JSONL file.")(fn)


def _overrides(fn: F) -> F:
    fn = click.option(
        "--published",
        "published",
        multiple=True,
        metavar="SOURCE=YYYY-MM-DD",
        help="Set a source's publication date ('*' for every source). Repeatable.",
    )(fn)
    return click.option(
        "--outlet",
        "outlet",
        multiple=True,
        metavar="SOURCE=NAME",
        help="Set a source's outlet ('*' for every source). Repeatable.",
    )(fn)


def _color(fn: F) -> F:
    return click.option(
        "--color",
        type=click.Choice(["auto", "always", "never"]),
        default="auto",
        show_default=True,
        help="Colour in the output (NO_COLOR and FORCE_COLOR are honoured with auto).",
    )(fn)


def _quiet(help_text: str) -> Callable[[F], F]:
    return click.option("-q", "--quiet", is_flag=True, help=help_text)


def _format(choices: Sequence[str]) -> Callable[[F], F]:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(list(choices)),
        default="text",
        show_default=True,
        help="What goes to standard output.",
    )


def _json(fn: F) -> F:
    return click.option(
        "--json",
        "json_out",
        metavar="FILE",
        callback=_output,
        help="Also write the JSON report to FILE ('-' for standard output).",
    )(fn)


def _output(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """A path that names this process's standard output (/dev/stdout, /dev/fd/1) is '-': the
    report then goes there alone, without the console summary mixed into it."""
    if not value or value == STDOUT:
        return value
    try:
        return STDOUT if os.path.samestat(os.stat(value), os.fstat(1)) else value
    except OSError:
        return value


def _html(fn: F) -> F:
    return click.option(
        "--html",
        "html_out",
        metavar="FILE",
        callback=_output,
        help="Also write the self-contained HTML report to FILE.",
    )(fn)


def _symlinks(fn: F) -> F:
    return click.option(
        "--follow-symlinks", is_flag=True, help="Read symlinks in a folder that point outside it (skipped by default)."
    )(fn)


def _workers(fn: F) -> F:
    return click.option(
        "-j",
        "--workers",
        type=click.IntRange(min=0),
        default=0,
        metavar="N",
        help="Processes for extraction (default: the machine's cores, for inputs large enough to gain from them).",
    )(fn)


# --------------------------------------------------------------------------- helpers


def _console(color: str, *, stderr: bool = False) -> Console:
    """A rich console: no wrapping when piped, colours as asked (NO_COLOR/FORCE_COLOR with auto),
    untrusted text's control characters made visible."""
    from .report import SafeConsole as Console

    stream = sys.stderr if stderr else sys.stdout
    tty = stream.isatty()
    kwargs: dict[str, Any] = {"highlight": False, "stderr": stderr}
    if color == "always":
        kwargs["force_terminal"] = True
    elif color == "never":
        kwargs["no_color"] = True
        kwargs["color_system"] = None
    if not tty and "COLUMNS" not in os.environ:
        kwargs["width"] = 4096  # piped: a line is a line, for grep and for files
        kwargs["soft_wrap"] = True
    return Console(**kwargs)


def _parse_overrides(outlets: Sequence[str], published: Sequence[str]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for key, values in (("outlet", outlets), ("published", published)):
        for item in values:
            if "=" not in item:
                raise click.BadParameter(f"{item!r}: expected SOURCE={key.upper()}", param_hint=f"--{key}")
            sid, value = item.split("=", 1)
            out.setdefault(sid.strip(), {})[key] = value.strip()
    return out


def _settings(outlets: Sequence[str] = (), published: Sequence[str] = ()) -> tuple[Settings, dict[str, dict[str, str]]]:
    from .settings import load_settings

    settings = load_settings()
    cli = _parse_overrides(outlets, published)
    if cli:  # the same schema as [tool.crosscheck] outlets
        from .settings import check_settings

        check_settings({"outlets": cli}, where="--outlet/--published")
    return settings, cli


def _inputs(paths: Sequence[str]) -> tuple[str, ...]:
    """What a command reads: its paths, or the bundled corpus when none is given."""
    from .sources import example_corpus

    return tuple(paths) or (str(example_corpus()),)


def _read_as_source(path: str) -> bool:
    """Whether a file of this name in an input folder would be read back: as an article, its
    sidecar, or (in a --rules folder) a rules file."""
    from .sources import HTML_SUFFIXES, SIDECAR, TEXT_SUFFIXES

    suffix = Path(path).suffix.lower()
    return suffix in TEXT_SUFFIXES | HTML_SUFFIXES or suffix == ".py" or Path(path).name == SIDECAR


def _check_targets(inputs: Sequence[str] = (), **targets: str | None) -> None:
    """Two outputs to one file would lose one of them, an output over an input would destroy it,
    and one inside an input folder would be read back as a source next time: refuse each before
    any work is done."""
    seen: dict[str, str] = {}
    read = [(p, os.path.realpath(p)) for p in inputs if p and p != STDOUT and os.path.exists(p)]
    for option, target in targets.items():
        if not target:
            continue
        if target != STDOUT:  # a target that cannot be written is refused before any work is done
            from .report import writable

            writable(Path(target), probe=True)
            real = os.path.realpath(target)
            for given, path in read:
                if real == path:
                    raise OutputError(f"--{option.replace('_', '-')} {target!r} is an input: it would be overwritten")
                if os.path.isdir(path) and os.path.dirname(real) == path.rstrip(os.sep) and _read_as_source(real):
                    raise OutputError(
                        f"--{option.replace('_', '-')} {target!r} is inside the input folder {given!r}: "
                        "the report would be read back as a source; write it elsewhere"
                    )
        key = STDOUT if target == STDOUT else os.path.realpath(target)
        if key in seen:
            where = "standard output" if key == STDOUT else repr(target)
            raise OutputError(f"--{seen[key]} and --{option} both write to {where}")
        seen[key] = option.replace("_", "-")


class _NoProgress:
    """What a progress bar does where none is shown (piped, --quiet): nothing, and no import."""

    def __enter__(self) -> _NoProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    def add_task(self, *args: Any, **kwargs: Any) -> int:
        return 0

    def advance(self, *args: Any, **kwargs: Any) -> None:
        return None


def _progress(console: Console, total: int, description: str) -> Any:
    """A transient progress bar on stderr, for work of more than one corpus on a terminal."""
    if not console.is_terminal or total < 2:
        return _NoProgress()
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    )


def _run(
    paths: Sequence[str],
    *,
    cluster: str | None,
    settings: Settings,
    cli: dict[str, dict[str, str]],
    compare: bool,
    workers: int,
    quiet: bool,
    color: str,
    json_wanted: bool = False,
    follow_symlinks: bool = False,
) -> tuple[list[Corpus], list[str] | None]:
    """Load, extract (and compare) every corpus, with a progress bar on stderr for long inputs.

    With ``json_wanted`` and several corpora, each corpus's JSON is made where the corpus is.
    """
    from .pipeline import process_encoded
    from .report import visible
    from .sources import JSONL_SUFFIXES, RawCluster, read

    overrides = {**settings.overrides(), **cli}
    if cluster is not None and not any(Path(p).suffix.lower() in JSONL_SUFFIXES for p in paths):
        raise click.UsageError(f"--cluster {cluster!r} picks a cluster of a JSONL file, and no JSONL file is given")
    items = read(list(paths), cluster=cluster, overrides=overrides, follow_symlinks=follow_symlinks)
    _check_override_targets(cli, items)
    corpora: list[Corpus | RawCluster] = []
    for c in items:  # a bad source is reported and skipped; the others are processed
        if isinstance(c, RawCluster):
            corpora.append(c)
            continue
        for problem in c.skipped:
            said = problem if problem.startswith("note: ") else f"warning: skipped {problem}"
            click.echo(f"crosscheck: {visible(said)}", err=True)
        if c.sources:
            corpora.append(c)
    if not corpora:
        raise InputError("no readable sources")
    encode = json_wanted and len(corpora) > 1
    bar = _NoProgress() if quiet else _progress(_console(color, stderr=True), len(corpora), "cross-checking")
    with bar:
        task = bar.add_task("cross-checking", total=len(corpora))
        pairs = process_encoded(
            corpora,
            settings=settings,
            compare=compare,
            workers=workers,
            encode=encode,
            done=lambda n: bar.advance(task, n),
        )
    done = [c for c, _ in pairs]
    for before, after in zip(corpora, done):
        for problem in after.skipped[0 if isinstance(before, RawCluster) else len(before.skipped) :]:
            click.echo(f"crosscheck: warning: {visible(problem)}", err=True)
    fragments = [f for _, f in pairs if f is not None]
    return done, (fragments if encode and len(fragments) == len(done) else None)


def _check_override_targets(cli: dict[str, dict[str, str]], corpora: Sequence[Corpus | RawCluster]) -> None:
    from .sources import RawCluster

    known = {
        sid for c in corpora for sid in (c.source_ids() if isinstance(c, RawCluster) else [s.id for s in c.sources])
    }
    for sid, o in cli.items():
        if sid != "*" and sid not in known:
            names = ", ".join(sorted(known)[:8]) + (", ..." if len(known) > 8 else "")
            option = "--outlet" if "outlet" in o else "--published"
            raise InputError(f"{option} {sid}: no source with that id (sources: {names})")


def _write(target: str, text: str) -> None:
    from .report import write_atomic

    write_atomic(target, text)


def _json_text(corpora: list[Corpus], fragments: list[str] | None = None, *, findings: bool = True) -> str:
    from .report import dumps, join_fragments, report_dict

    if fragments is not None:
        return join_fragments(fragments) + "\n"
    return dumps(report_dict(corpora, findings=findings)) + "\n"


# --------------------------------------------------------------------------- commands


@click.group(context_settings=CONTEXT, epilog="Example: crosscheck report articles/ --html report.html")
@click.version_option(__version__, "-V", "--version", prog_name="crosscheck")
def app() -> None:
    """Cross-check the numbers and dates that several news outlets report about one event."""


SHOW = ("all", "single", "conflicts")


@app.command(epilog="Example: crosscheck report articles/ --json report.json --html report.html")
@_paths
@_cluster
@_json
@_html
@_format(("text", "json", "csv", "github", "sarif"))
@click.option(
    "--show",
    multiple=True,
    type=click.Choice(SHOW),
    metavar="WHAT",
    help="all: every table, even when piped or writing files; single: single-source claims too; "
    "conflicts: only the summary and the conflicts.",
)
@_quiet("One summary line per corpus.")
@_overrides
@_symlinks
@_workers
@_color
def report(
    paths: tuple[str, ...],
    cluster: str | None,
    json_out: str | None,
    html_out: str | None,
    fmt: str,
    show: tuple[str, ...],
    quiet: bool,
    outlet: tuple[str, ...],
    published: tuple[str, ...],
    workers: int,
    follow_symlinks: bool,
    color: str,
) -> None:
    """Where the outlets agree, where they conflict, and what only one of them claims.

    PATH is a folder of articles (.txt, .md, .html), an article file, a JSONL file of clusters
    or '-' for one article on standard input; with none, the bundled Fallujah 2014 corpus.
    """
    from .model import Verdict

    _check_targets(_inputs(paths), json=json_out, html=html_out, format=STDOUT if fmt != "text" else None)
    settings, cli = _settings(outlet, published)
    corpora, fragments = _run(
        paths,
        cluster=cluster,
        settings=settings,
        cli=cli,
        compare=True,
        workers=workers,
        quiet=quiet,
        color=color,
        json_wanted=bool(json_out) or fmt == "json",
        follow_symlinks=follow_symlinks,
    )
    if fmt == "text" and STDOUT not in (json_out, html_out):
        _print_report(corpora, show=show, quiet=quiet, files=bool(json_out or html_out), color=color)
    elif fmt != "text":
        from . import formats

        text = {
            "json": lambda: _json_text(corpora, fragments),
            "csv": lambda: formats.findings_csv(corpora),
            "github": lambda: formats.findings_github(corpora),
            "sarif": lambda: _dump(formats.findings_sarif(corpora)),
        }[fmt]()
        _write(STDOUT, text)
    if json_out:
        _write(json_out, _json_text(corpora, fragments))
    if html_out:
        from .html import render_html

        _write(html_out, render_html(corpora))
    conflicts = any(f.verdict is Verdict.CONFLICT for c in corpora for f in c.findings)
    sys.exit(1 if conflicts or _limits_hit(corpora) else 0)


def _limits_hit(corpora: Sequence[Corpus]) -> bool:
    """Whether a work limit left anything unchecked: claims past max_claims, pairs alignment did
    not compare (then a clean exit would be a lie)."""
    from .align import CAP_NOTE
    from .extract import CLAIMS_CAP_NOTE

    return any(note.startswith(CAP_NOTE) or CLAIMS_CAP_NOTE in note for c in corpora for note in c.skipped)


def _dump(obj: Any) -> str:
    import json

    return json.dumps(obj, ensure_ascii=False, indent=1, allow_nan=False) + "\n"


def _print_report(corpora: list[Corpus], *, show: Sequence[str], quiet: bool, files: bool, color: str) -> None:
    """The whole report on a terminal; piped or beside a written file, the summary and the conflicts."""
    from .model import Verdict
    from .report import ConflictPanel, Report, summary_line

    console = _console(color)
    full = "all" in show or (sys.stdout.isatty() and not files and "conflicts" not in show)
    for c in corpora:
        if quiet:
            console.print(summary_line(c), markup=False)
        elif full:
            console.print(Report(c, show_single="single" in show or "all" in show))
        else:
            console.print(summary_line(c), markup=False)
            for f in c.findings:
                if f.verdict is Verdict.CONFLICT:
                    console.print(ConflictPanel(c, f))


@app.command(epilog="Example: crosscheck claims articles/ --format csv > claims.csv")
@_paths
@_cluster
@_json
@_format(("text", "json", "csv"))
@click.option(
    "--show",
    multiple=True,
    type=click.Choice(["all"]),
    metavar="all",
    help="Print the claims table even when piped or writing a file.",
)
@_quiet("Only the summary line.")
@_overrides
@_symlinks
@_workers
@_color
def claims(
    paths: tuple[str, ...],
    cluster: str | None,
    json_out: str | None,
    fmt: str,
    show: tuple[str, ...],
    quiet: bool,
    outlet: tuple[str, ...],
    published: tuple[str, ...],
    workers: int,
    follow_symlinks: bool,
    color: str,
) -> None:
    """Every numeric and dated claim of every source, with its span."""
    from .report import ClaimsTable

    _check_targets(_inputs(paths), json=json_out, format=STDOUT if fmt != "text" else None)
    settings, cli = _settings(outlet, published)
    corpora, fragments = _run(
        paths,
        cluster=cluster,
        settings=settings,
        cli=cli,
        compare=False,
        workers=workers,
        quiet=quiet,
        color=color,
        json_wanted=bool(json_out) or fmt == "json",
        follow_symlinks=follow_symlinks,
    )
    if fmt == "json":
        _write(STDOUT, _json_text(corpora, fragments, findings=False))
    elif fmt == "csv":
        from .formats import claims_csv

        _write(STDOUT, claims_csv(corpora))
    elif json_out != STDOUT:
        console = _console(color)
        table = not quiet and ("all" in show or (sys.stdout.isatty() and not json_out))
        for c in corpora:
            if table:
                console.print(ClaimsTable(c))
            else:
                console.print(f"{c.id}: {len(c.sources)} sources, {len(c.claims)} claims", markup=False)
    if json_out:
        _write(json_out, _json_text(corpora, fragments, findings=False))


@app.command(
    epilog="Examples: crosscheck verify summary.txt --sources articles/ --html checks.html; "
    "crosscheck verify clusters.jsonl --cluster lb184"
)
@click.argument("summary", metavar="SUMMARY")
@click.option(
    "--sources",
    "source_paths",
    multiple=True,
    metavar="PATH",
    help="What the summary was written from: anything `report` takes. Repeatable.",
)
@_cluster
@_json
@_html
@_format(("text", "json", "csv", "github"))
@_quiet("Only the summary line and the flagged claims.")
@_overrides
@_symlinks
@_workers
@_color
def verify(
    summary: str,
    source_paths: tuple[str, ...],
    cluster: str | None,
    json_out: str | None,
    html_out: str | None,
    fmt: str,
    quiet: bool,
    outlet: tuple[str, ...],
    published: tuple[str, ...],
    workers: int,
    follow_symlinks: bool,
    color: str,
) -> None:
    """Whether every figure and date of a summary is backed by its sources.

    SUMMARY is a text, Markdown or HTML file ('-' for standard input) checked against --sources;
    or a JSONL file of clusters, each cluster's 'summary' checked against its documents. Each
    claim is supported, contradicted or unsupported. Exit 0 when all are supported, 1 when one
    is contradicted or unsupported, 2 on a usage or input error.
    """
    from .model import Corpus, Verification
    from .report import VerificationView, verification_dict
    from .sources import JSONL_SUFFIXES, STDIN, jsonl_summaries, read_summary
    from .verify import verify_corpus

    _check_targets((summary, *source_paths), json=json_out, html=html_out, format=STDOUT if fmt != "text" else None)
    settings, cli = _settings(outlet, published)
    jsonl = Path(summary).suffix.lower() in JSONL_SUFFIXES and not source_paths
    if not jsonl and not source_paths:
        raise click.UsageError("say what the summary was written from: --sources PATH (or give a JSONL of clusters)")
    if jsonl:
        if not Path(summary).exists():
            raise InputError(f"{summary}: no such file")
        summaries = jsonl_summaries([summary])
        paths: Sequence[str] = (summary,)
    else:
        summary_source = read_summary(summary)
        paths = source_paths
    if summary == STDIN and STDIN in paths:
        raise click.UsageError("'-' (standard input) cannot be both the summary and a source")
    corpora, _ = _run(
        paths,
        cluster=cluster,
        settings=settings,
        cli=cli,
        compare=True,
        workers=workers,
        quiet=True,
        color=color,
        follow_symlinks=follow_symlinks,
    )
    verifications: list[Verification] = []
    if jsonl:
        from .sources import make_source

        for c in corpora:
            text = summaries.get(c.id)
            if text is None:
                click.echo(f"crosscheck: warning: {c.id}: no summary to verify", err=True)
                continue
            s = make_source("summary", f"{summary}#{c.id}", text, cluster=c.id)
            verifications.append(verify_corpus(s, c, settings=settings, compared=True))
        if not verifications:
            raise InputError(f"{summary}: no cluster has a 'summary' to verify")
    else:
        if len(corpora) > 1:  # several folders or JSONL clusters: the summary was written from all of them
            from .compare import compare as compare_corpus

            merged = Corpus(
                id="+".join(c.id for c in corpora),
                sources=tuple(s for c in corpora for s in c.sources),
                claims=tuple(x for c in corpora for x in c.claims),  # extracted once: only compared again
                skipped=tuple(x for c in corpora for x in c.skipped),
            )
            corpora = [compare_corpus(merged, settings=settings)]
        verifications.append(verify_corpus(summary_source, corpora[0], settings=settings, compared=True))
        if not verifications[0].checks:  # nothing to back: passing it is right, but say so
            click.echo(f"crosscheck: warning: {summary}: the summary states no figure or date to check", err=True)
    if fmt == "text" and STDOUT not in (json_out, html_out):
        console = _console(color)
        for v in verifications:
            console.print(VerificationView(v, quiet=quiet))
    elif fmt != "text":
        from . import formats

        text = {
            "json": lambda: _dump(verification_dict(verifications)),
            "csv": lambda: formats.checks_csv(verifications),
            "github": lambda: formats.checks_github(verifications),
        }[fmt]()
        _write(STDOUT, text)
    if json_out:
        _write(json_out, _dump(verification_dict(verifications)))
    if html_out:
        from .html import render_verification_html

        _write(html_out, render_verification_html(verifications))
    flagged = any(ch.verdict != "supported" for v in verifications for ch in v.checks)
    sys.exit(1 if flagged or _limits_hit([v.corpus for v in verifications]) else 0)


@app.command("rules", epilog="Example: crosscheck rules --rules my_rules/")
@click.option("--rules", "rules_dirs", multiple=True, metavar="PATH", help="Extra rules folder or file. Repeatable.")
@_color
def list_rules(rules_dirs: tuple[str, ...], color: str) -> None:
    """Every rule: code, name, severity and what it checks."""
    from rich.table import Table
    from rich.text import Text

    from .rules import builtin_rules_dir, collect

    settings, _ = _settings()
    rules = collect([builtin_rules_dir(), *settings.rule_dirs(), *map(Path, rules_dirs)])
    table = Table(title="crosscheck rules")
    for col in ("code", "name", "severity", "checks", "where"):
        table.add_column(col, overflow="fold")
    for r in rules:
        table.add_row(
            Text(r.code),
            Text(r.name),
            Text(r.severity),
            Text(r.error or r.summary),
            Text(f"{Path(r.path).name}:{r.line}"),
        )
    _console(color).print(table)


@app.command(epilog="Example: crosscheck check articles/ --select CC1 --junitxml results.xml")
@_paths
@_cluster
@click.option("--rules", "rules_dirs", multiple=True, metavar="PATH", help="Extra rules folder or file. Repeatable.")
@click.option("--select", multiple=True, metavar="CODE", help="Only these codes, code prefixes (CC1) or names.")
@click.option("--ignore", multiple=True, metavar="CODE", help="Skip these codes, prefixes or names.")
@click.option("--junitxml", metavar="FILE", callback=_output, help="Write JUnit XML results to FILE.")
@_html
@_json
@_format(("text", "json", "csv", "github", "sarif"))
@click.option("-v", "--verbose", is_flag=True, help="One line per rule call.")
@_quiet("Only the closing summary line.")
@click.option("--timeout", type=float, metavar="SECONDS", help="Seconds one rule call may take (default 10).")
@click.option(
    "--summary",
    "summary_file",
    metavar="FILE",
    help="A summary or draft written from the sources: its figures are checked (CC107). '-' reads standard input.",
)
@click.option("--summaries", is_flag=True, help="Check each JSONL cluster's own 'summary' field (CC107).")
@_overrides
@_symlinks
@_workers
@_color
def check(
    paths: tuple[str, ...],
    cluster: str | None,
    rules_dirs: tuple[str, ...],
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    junitxml: str | None,
    html_out: str | None,
    json_out: str | None,
    fmt: str,
    verbose: bool,
    quiet: bool,
    timeout: float | None,
    summary_file: str | None,
    summaries: bool,
    outlet: tuple[str, ...],
    published: tuple[str, ...],
    workers: int,
    follow_symlinks: bool,
    color: str,
) -> None:
    """Run the built-in rules and yours; fail like a test suite when sources disagree."""
    import time

    from . import formats
    from .checks import CheckReport, junit_xml
    from .rules import builtin_rules_dir, collect, run, select_rules

    _check_targets(
        (*_inputs(paths), *rules_dirs, summary_file or ""),
        junitxml=junitxml,
        html=html_out,
        json=json_out,
        format=STDOUT if fmt != "text" else None,
    )
    if summary_file and summaries:
        raise click.UsageError("--summary FILE and --summaries are alternatives: give one")
    settings, cli = _settings(outlet, published)
    if timeout is not None:
        if not 0 < timeout < float("inf"):  # NaN compares false too
            raise ConfigError(f"--timeout: expected a finite number > 0, got {timeout}")
        settings = settings.replace(timeout=timeout)
    rules = collect([builtin_rules_dir(), *settings.rule_dirs(), *map(Path, rules_dirs)])
    rules = select_rules(rules, select=select or settings.select, ignore=ignore or settings.ignore)
    corpora, fragments = _run(
        paths,
        cluster=cluster,
        settings=settings,
        cli=cli,
        compare=True,
        workers=workers,
        quiet=quiet,
        color=color,
        json_wanted=bool(json_out),
        follow_symlinks=follow_symlinks,
    )
    if summary_file or summaries:
        from .sources import jsonl_summaries, read_summary
        from .verify import attach

        own = jsonl_summaries(paths) if summaries else {}
        if summaries:
            if not own:
                raise InputError("--summaries: no JSONL cluster given has a 'summary'")
        corpora = attach(
            corpora, summary=read_summary(summary_file) if summary_file else None, summaries=own, settings=settings
        )
    t0 = time.perf_counter()
    results = run(rules, corpora, timeout=settings.timeout, config=settings.rule_config())
    outcome = CheckReport(corpora, rules, results, seconds=time.perf_counter() - t0, verbose=verbose)
    if fmt == "text" and STDOUT not in (json_out, junitxml, html_out):
        console = _console(color)
        if quiet:
            console.print(outcome.summary(), markup=False)
        else:
            console.print(outcome, soft_wrap=True)  # pytest-style: a line is a line, never cut or folded
    elif fmt != "text":
        import json

        text = {
            "json": lambda: (
                json.dumps([r.to_dict() for r in results], ensure_ascii=False, indent=1, allow_nan=False) + "\n"
            ),
            "csv": lambda: formats.results_csv(results),
            "github": lambda: formats.results_github(results, corpora),
            "sarif": lambda: _dump(formats.results_sarif(results, corpora)),
        }[fmt]()
        _write(STDOUT, text)
    if junitxml:
        _write(junitxml, junit_xml(results))
    if json_out:
        _write(json_out, _json_text(corpora, fragments))
    if html_out:
        from .html import render_html

        _write(html_out, render_html(corpora, checks=[r.to_dict() for r in results]))
    sys.exit(outcome.exit_code)


@app.command(epilog="Example: crosscheck batch multinews.jsonl --out runs/multinews --workers 2")
@click.argument("inputs", nargs=-1, metavar="INPUT...", type=click.Path(path_type=str))
@click.option(
    "--out", "out", required=True, metavar="DIR", type=click.Path(path_type=Path), help="Folder of the tables."
)
@click.option(
    "-j",
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Local processes (default: the machine's cores); with --dask local, the LocalCluster's workers.",
)
@click.option(
    "--dask",
    metavar="ADDRESS|local",
    help="Run on the Dask scheduler at ADDRESS (tcp://host:8786), or 'local' for a LocalCluster "
    "(needs crosscheck[dask]).",
)
@click.option("--resume", is_flag=True, help="Skip the partitions DIR already holds complete.")
@click.option("--verify", is_flag=True, help="Also check each cluster's summary (crosscheck verify): a checks table.")
@_symlinks
@_quiet("No progress bar (the summary line stays).")
@_color
def batch(
    inputs: tuple[str, ...],
    out: Path,
    workers: int | None,
    dask: str | None,
    resume: bool,
    verify: bool,
    follow_symlinks: bool,
    quiet: bool,
    color: str,
) -> None:
    """A whole corpus into Parquet tables (sources, claims, findings, errors), streamed, on every core.

    INPUT is a JSONL file of clusters (as multinews-dev.jsonl) or a folder whose sub-folders are
    clusters. A cluster that fails is a row of the errors table and the run goes on. Exit 0 when
    every cluster was cross-checked, 1 when some failed (the errors table is not empty), 2 for a
    usage, input or output error. Read the tables with crosscheck.read_batch(DIR).
    """
    from . import batch as batching
    from .pipeline import default_workers

    if verify and not batching.verify_available():
        raise ConfigError(batching.VERIFY_MISSING)
    if dask is not None:
        import importlib.util

        if importlib.util.find_spec("distributed") is None:
            raise ConfigError(batching.DASK_MISSING)
    settings, _ = _settings()
    err = _console(color, stderr=True)
    with _batch_progress(err, quiet=quiet) as bar:
        result = batching.run(
            inputs,
            out=out,
            settings=settings,
            workers=workers or default_workers(),
            dask=dask,
            resume=resume,
            verify=verify,
            follow_symlinks=follow_symlinks,
            started=bar.started,
            done=bar.done,
        )
    _console(color).print(_batch_summary(result), markup=False)
    sys.exit(1 if result.errors else 0)


class _batch_progress:  # noqa: N801 - used as a context manager, as a function would be
    """Clusters done of the total, articles/s and errors so far, on stderr when it is a terminal."""

    def __init__(self, console: Console, *, quiet: bool) -> None:
        self.bar: Any = None
        self.task: Any = None
        self.t0 = 0.0
        self.articles = 0
        self.errors = 0
        if quiet or not console.is_terminal:
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.bar = Progress(
            TextColumn("batch"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:.1f} articles/s"),
            TextColumn("{task.fields[errors]} errors"),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )

    def __enter__(self) -> _batch_progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def started(self, run: Any) -> None:
        import time

        self.t0 = time.perf_counter()
        self.errors = run.all_counts.get("errors", 0)
        if self.bar is not None:
            self.task = self.bar.add_task("batch", total=run.total, completed=run.skipped, rate=0.0, errors=self.errors)

    def done(self, counts: Any) -> None:
        import time

        self.articles += counts["articles"]
        self.errors += counts["errors"]
        if self.bar is not None:
            rate = self.articles / max(time.perf_counter() - self.t0, 1e-9)
            self.bar.update(self.task, advance=counts["clusters"] + counts["errors"], rate=rate, errors=self.errors)


def _batch_summary(result: Any) -> str:
    c, all_ = result.counts, result.all_counts
    rate = c.get("articles", 0) / result.seconds if result.seconds else 0.0
    resumed = f" ({result.skipped} already complete)" if result.skipped else ""
    return (
        f"crosscheck batch: {all_.get('clusters', 0) + all_.get('errors', 0)} clusters{resumed}, "
        f"{all_.get('articles', 0)} articles, {all_.get('claims', 0)} claims, {all_.get('findings', 0)} findings "
        f"({all_.get('conflicts', 0)} conflicts), {all_.get('errors', 0)} errors; "
        f"{result.seconds:.1f} s, {rate:.1f} articles/s -> {result.out}"
    )


@app.command(epilog="Example: crosscheck score tests/gold --corpora ../shared/corpora")
@click.argument("gold", nargs=-1, required=True, metavar="GOLD...", type=click.Path(path_type=Path))
@click.option(
    "--corpora",
    type=click.Path(path_type=Path, file_okay=False),
    metavar="DIR",
    default=lambda: os.environ.get("CROSSCHECK_CORPORA"),
    help="Folder holding the corpus files the gold names (default: $CROSSCHECK_CORPORA).",
)
@click.option("-v", "--verbose", is_flag=True, help="List every miss.")
@_color
def score(gold: tuple[Path, ...], corpora: Path | None, verbose: bool, color: str) -> None:
    """Accuracy against hand-written gold: claims, findings, false conflicts, summary checks.

    GOLD is a gold JSON file or a folder of them (see tests/gold/README.md for the format).
    """
    from . import score as scoring

    files = [p for g in gold for p in (scoring.gold_files(g) if g.is_dir() else [g])]
    if not files:
        raise InputError(f"{', '.join(map(str, gold))}: no gold files")
    console = _console(color)
    err = _console(color, stderr=True)
    with _progress(err, len(files), "scoring") as bar:
        task = bar.add_task("scoring", total=len(files))
        scores = []
        summaries = []
        for f in files:
            scores.extend(scoring.run([f], corpora=corpora))
            summaries.extend(scoring.run_summaries([f], corpora=corpora))
            bar.advance(task)
    scoring.print_scores(scores, console=console, verbose=verbose)
    scoring.print_summary_scores(summaries, console=console, verbose=verbose)


@app.command(epilog="Example: crosscheck bench articles/ corpus.jsonl --repeat 3")
@_paths
@click.option(
    "--baseline/--no-baseline",
    default=True,
    show_default=True,
    help="Also time the naive pipeline (quantulum3.parse + dateparser.search_dates).",
)
@click.option(
    "--repeat",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    metavar="N",
    help="Runs of each crosscheck command (the median counts).",
)
@click.option(
    "--batch",
    "batch_bench",
    is_flag=True,
    help="Time `crosscheck batch` instead: PATH (one JSONL file) repeated to --clusters clusters, "
    "with 1 and 2 workers and --dask local, beside `crosscheck claims`.",
)
@click.option(
    "--clusters",
    type=click.IntRange(min=10),
    default=1000,
    show_default=True,
    metavar="N",
    help="With --batch: clusters of the repeated corpus.",
)
@_quiet("No progress bar.")
@_color
def bench(
    paths: tuple[str, ...], baseline: bool, repeat: int, batch_bench: bool, clusters: int, quiet: bool, color: str
) -> None:
    """Whole commands timed as a user runs them, beside the naive pipeline, with peak memory.

    PATH as for report (default: the bundled corpus).
    """
    from .bench import run

    if batch_bench:
        import importlib.util

        from .bench import run_batch
        from .sources import JSONL_SUFFIXES

        if len(paths) != 1 or Path(paths[0]).suffix.lower() not in JSONL_SUFFIXES or not Path(paths[0]).is_file():
            raise InputError("bench --batch: give one JSONL file of clusters (e.g. multinews-dev.jsonl)")
        run_batch(
            Path(paths[0]),
            clusters=clusters,
            dask=importlib.util.find_spec("distributed") is not None,
            console=_console(color),
            progress_console=None if quiet else _console(color, stderr=True),
        )
        return
    run(
        list(paths),
        baseline=baseline,
        repeat=repeat,
        console=_console(color),
        progress_console=None if quiet else _console(color, stderr=True),
    )


# --------------------------------------------------------------------------- entry point


def _terminated(signum: int, frame: object) -> None:
    # SystemExit unwinds like Ctrl-C: a report being written removes its temporary file
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> None:
    """`crosscheck`: exit 0 clean, 1 findings, 2 usage or input error, 130 interrupted, 143 terminated."""
    import signal

    signal.signal(signal.SIGTERM, _terminated)
    try:
        app.main(args=list(argv) if argv is not None else None, prog_name="crosscheck", standalone_mode=False)
    except CrosscheckError as exc:
        from .report import visible

        click.echo(f"crosscheck: error: {visible(str(exc))}", err=True)
        sys.exit(2)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        hint = ""
        if isinstance(exc, click.UsageError) and exc.ctx is not None:
            hint = f" (see '{exc.ctx.command_path} -h')"
        click.echo(f"crosscheck: error: {exc.format_message()}{hint}", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("crosscheck: interrupted", err=True)
        sys.exit(130)
    except KeyboardInterrupt:
        click.echo("crosscheck: interrupted", err=True)
        sys.exit(130)
    except BrokenPipeError:  # `crosscheck claims | head`: the reader has gone, which is no error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(0)
    sys.exit(0)
