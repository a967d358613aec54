"""`crosscheck batch`: a whole corpus, streamed, on every core or on a Dask cluster.

The input is read line by line (or folder by folder) and cut into partitions of ``PARTITION``
clusters in input order. Each partition is worked on by one worker (build, extract, compare,
optionally verify), which returns its tables already encoded as Parquet; the parent writes each
table to a temporary file and renames it into place, then writes the partition's marker in
``_done/``. So an interrupted run leaves only complete partitions, ``--resume`` skips those whose
marker exists, and the tables are the same (row order included) whatever runs the partitions,
one process, a pool or Dask. A cluster that fails goes to the ``errors`` table; the run goes on.
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .errors import ConfigError, InputError, OutputError
from .settings import DEFAULT, Settings
from .sources import JSONL_SUFFIXES

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

    from .model import Corpus

__all__ = ["PARTITION", "Batch", "BatchRun", "read_batch", "run"]

#: clusters a partition holds: the unit of work, of output files and of resuming
PARTITION = 16
#: the tables every run writes, in this order; ``checks`` is added by --verify
TABLES = ("sources", "claims", "findings", "errors")
CHECKS = "checks"
DONE = "_done"
MANIFEST = "manifest.json"
#: partitions in flight per worker: enough to keep each busy, few enough that memory stays flat
IN_FLIGHT = 2
VERIFY_MISSING = "crosscheck batch --verify needs crosscheck verify (not in this version)"
DASK_MISSING = "--dask needs Dask: pip install 'crosscheck[dask]'"


# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class Job:
    """One cluster as the input holds it: a JSONL line (parsed by the worker, in parallel) or a
    folder of articles. Nothing here is built yet, so the parent only reads."""

    path: str
    line: int = 0
    text: str | None = None
    overrides: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    follow_symlinks: bool = False

    @property
    def name(self) -> str:
        """The cluster's name before its line is parsed (what a broken line is called)."""
        return f"{Path(self.path).name}:{self.line}" if self.text is not None else Path(self.path).resolve().name


def cluster_folders(folder: Path) -> list[Path]:
    """The clusters of a folder: its sub-directories by name, or the folder itself when it has none."""
    subs = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith("."))
    return subs or [folder]


def check_inputs(paths: Sequence[str]) -> list[Path]:
    """The inputs as paths, or InputError before any work: each is a JSONL file or a folder."""
    if not paths:
        raise InputError("no INPUT: give JSONL files of clusters or folders of cluster folders")
    out = []
    for p in map(Path, paths):
        if not p.exists():
            raise InputError(f"{p}: no such file or directory")
        if not p.is_dir() and p.suffix.lower() not in JSONL_SUFFIXES:
            raise InputError(f"{p}: batch reads JSONL files of clusters (.jsonl, .ndjson) and folders of clusters")
        out.append(p)
    return out


def _lines(path: Path) -> Iterator[tuple[int, str]]:
    """(line number, text) of every non-blank line, read as a stream: memory stays flat however
    large the file. JSON lines are UTF-8; a line that is not is decoded as ``read_text`` would."""
    from .sources import decode

    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            if not raw.strip():
                continue
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    text = decode(raw, name=f"{path}:{lineno}")
                except InputError as exc:
                    text = "\x00" + str(exc)  # no JSON: the worker reports it as this line's read error
            yield lineno, text.rstrip("\r\n")


def jobs(paths: Sequence[Path], *, settings: Settings = DEFAULT, follow_symlinks: bool = False) -> Iterator[Job]:
    """Every cluster of the inputs, in input order, as a stream."""
    from .sources import read_sidecar

    for p in paths:
        if p.is_dir():
            for folder in cluster_folders(p):
                yield Job(str(folder), overrides=settings.overrides(), follow_symlinks=follow_symlinks)
        else:
            overrides = {**read_sidecar(p.parent), **settings.overrides()}
            for lineno, text in _lines(p):
                yield Job(str(p), line=lineno, text=text, overrides=overrides)


def count_clusters(paths: Sequence[Path]) -> int:
    """How many clusters the inputs hold (non-blank lines, cluster folders): one quick pass."""
    n = 0
    for p in paths:
        if p.is_dir():
            n += len(cluster_folders(p))
        else:
            with open(p, "rb") as fh:
                n += sum(1 for line in fh if line.strip())
    return n


def partitions(items: Iterable[Job], size: int = PARTITION) -> Iterator[tuple[int, list[Job]]]:
    """(index, jobs) of consecutive ``size`` jobs, in input order."""
    chunk: list[Job] = []
    index = 0
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield index, chunk
            index, chunk = index + 1, []
    if chunk:
        yield index, chunk


# --------------------------------------------------------------------------- one partition


def schemas() -> dict[str, pa.Schema]:
    """The tables' columns: ``cluster``, then those of ``to_frame()`` of the same objects.

    Fixed, so that every part of a table has one schema (DuckDB and pyarrow read them as one).
    A finding's low/best/high is a number for a quantity and an ISO date for a date: as text in
    both cases ("34", "2014-01-05").
    """
    import pyarrow as pa

    s, i, f, b, ls = pa.string(), pa.int64(), pa.float64(), pa.bool_(), pa.list_(pa.string())
    return {
        "sources": pa.schema(
            [
                ("cluster", s),
                ("id", s),
                ("path", s),
                ("outlet", s),
                ("published", s),
                ("published_inferred", b),
                ("wires", ls),
                ("chars", i),
                ("copy_of", s),
            ]
        ),
        "claims": pa.schema(
            [
                ("cluster", s),
                ("id", s),
                ("source", s),
                ("type", s),
                ("text", s),
                ("start", i),
                ("end", i),
                ("sentence", s),
                ("value", f),
                ("low", f),
                ("high", f),
                ("unit", s),
                ("subject", s),
                ("event", s),
                ("date", s),
                ("qualifier", s),
                ("sentence_start", i),
                ("context", s),
                ("subject_class", s),
                ("modality", s),
                ("attribution", s),
                ("place", s),
                ("actors", ls),
            ]
        ),
        "findings": pa.schema(
            [
                ("cluster", s),
                ("id", s),
                ("topic", s),
                ("verdict", s),
                ("claims", ls),
                ("sources", ls),
                ("outlets", i),
                ("explanation", s),
                ("low", s),
                ("best", s),
                ("high", s),
                ("type", s),
                ("update", b),
            ]
        ),
        "errors": pa.schema([("cluster", s), ("stage", s), ("message", s)]),
    }


def _as_text(value: Any) -> str | None:
    """A finding's bound as text: a date as written, a number as JSON writes it (34, 2.5)."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value)


def _rows(corpus: Corpus) -> dict[str, list[dict[str, Any]]]:
    sources = [
        {"cluster": corpus.id, **{k: v for k, v in s.to_dict().items() if k != "cluster"}} for s in corpus.sources
    ]
    claims = [{"cluster": corpus.id, **c.to_dict()} for c in corpus.claims]
    findings = []
    for f in corpus.findings:
        d = {"cluster": corpus.id, **f.to_dict()}
        for key in ("low", "best", "high"):
            d[key] = _as_text(d[key])
        findings.append(d)
    return {"sources": sources, "claims": claims, "findings": findings}


def _checks_frame(cluster_raw: Any, corpus: Corpus, settings: Settings) -> pd.DataFrame | None:
    """The summary checks of ``crosscheck verify`` for one cluster, with a ``cluster`` column;
    None for a cluster that carries no summary. The one place batch touches verify."""
    from .model import to_frame

    summary = cluster_raw.get("summary") if isinstance(cluster_raw, Mapping) else None
    if not isinstance(summary, str) or not summary.strip():
        return None
    from .sources import make_source

    verify = importlib.import_module("crosscheck.verify")
    # the cluster is already extracted and compared: its summary is checked against it as it is
    summary_source = make_source(verify.SUMMARY_ID, f"{corpus.id}#summary", summary, cluster=corpus.id)
    v = verify.verify_corpus(summary_source, corpus, settings=settings, compared=True)
    frame = to_frame(v.checks)
    frame.insert(0, "cluster", corpus.id)
    return frame


def verify_available() -> bool:
    return importlib.util.find_spec("crosscheck.verify") is not None


def _build(job: Job) -> tuple[Corpus, dict[str, Any] | None]:
    """The cluster's corpus (sources made, nothing extracted) and, for a JSONL line, its object."""
    from .sources import cluster_object, load_directory, raw_cluster

    if job.text is None:
        return load_directory(Path(job.path), overrides=job.overrides, follow_symlinks=job.follow_symlinks)[0], None
    if job.text.startswith("\x00"):
        raise InputError(job.text[1:])
    try:
        obj = cluster_object(job.text)
    except InputError as exc:
        raise InputError(f"{job.path}:{job.line}: not a cluster line ({exc})") from None
    return raw_cluster(Path(job.path), job.line, obj, overrides=job.overrides).build(), obj


@dataclass(frozen=True)
class Part:
    """A partition's tables, encoded as Parquet where they were made, and what it counted."""

    index: int
    files: dict[str, bytes]
    counts: dict[str, int]


def _parquet(table: pa.Table) -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return bytes(sink.getvalue().to_pybytes())


def run_partition(index: int, items: Sequence[Job], *, settings: Settings = DEFAULT, verify: bool = False) -> Part:
    """Build, extract, compare (and verify) each cluster; a cluster that fails is a row of
    ``errors`` (the stage it failed in and why) and leaves no row in the other tables."""
    import pyarrow as pa

    from .compare import compare
    from .extract import extract

    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    checks: list[pd.DataFrame] = []
    counts = dict.fromkeys(("clusters", "articles", "claims", "findings", "conflicts", "errors"), 0)
    for job in items:
        stage, cluster = "read", job.name
        try:
            corpus, obj = _build(job)
            cluster = corpus.id
            if not corpus.sources:
                raise InputError(corpus.skipped[0] if corpus.skipped else "no sources")
            stage = "extract"
            corpus = extract(corpus, max_claims=settings.max_claims)
            stage = "compare"
            corpus = compare(corpus, settings=settings)
            stage = "verify"
            frame = _checks_frame(obj, corpus, settings) if verify else None
        except Exception as exc:
            message = str(exc) if isinstance(exc, InputError) else f"{type(exc).__name__}: {exc}"
            rows["errors"].append({"cluster": cluster, "stage": stage, "message": message})
            counts["errors"] += 1
            continue
        for name, new in _rows(corpus).items():
            rows[name].extend(new)
        if frame is not None:
            checks.append(frame)
        counts["clusters"] += 1
        counts["articles"] += len(corpus.sources)
        counts["claims"] += len(corpus.claims)
        counts["findings"] += len(corpus.findings)
        counts["conflicts"] += sum(f.verdict == "conflict" for f in corpus.findings)
    files = {name: _parquet(pa.Table.from_pylist(rows[name], schema=schema)) for name, schema in schemas().items()}
    if verify:
        import pandas as pd

        frame = pd.concat(checks, ignore_index=True) if checks else pd.DataFrame({"cluster": pd.Series([], dtype=str)})
        files[CHECKS] = _parquet(pa.Table.from_pandas(frame, preserve_index=False))
    return Part(index, files, counts)


# --------------------------------------------------------------------------- writing


def _replace(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: a reader (or a resumed run) sees all or nothing."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def part_name(index: int) -> str:
    return f"part-{index:05d}"


def write_part(out: Path, part: Part) -> None:
    """Every table file of a partition, then its marker (with its counts): the marker says complete."""
    for name, data in part.files.items():
        _replace(out / name / f"{part_name(part.index)}.parquet", data)
    _replace(out / DONE / f"{part_name(part.index)}.json", json.dumps(part.counts).encode())


def done_parts(out: Path) -> dict[int, dict[str, int]]:
    """The complete partitions of a run folder, with their counts."""
    folder = out / DONE
    if not folder.is_dir():
        return {}
    found = {}
    for p in folder.glob("part-*.json"):
        try:
            found[int(p.stem.removeprefix("part-"))] = json.loads(p.read_text(encoding="utf-8"))
        except (ValueError, OSError):
            continue  # not a marker of ours: the partition is done again
    return found


def _settings_dict(settings: Settings) -> dict[str, Any]:
    """What of the settings changes the tables (rule selection and time limits do not)."""
    return {
        "min_outlets": settings.min_outlets,
        "max_claims": settings.max_claims,
        "tolerances": dataclasses.asdict(settings.tolerances),
        "outlets": settings.overrides(),
    }


def _input_dict(paths: Sequence[Path]) -> list[dict[str, Any]]:
    return [{"path": str(p.resolve()), "bytes": None if p.is_dir() else p.stat().st_size} for p in paths]


def _partition_of(out: Path, default: int) -> int:
    """The partition size a run folder was written with (a resumed run cuts the input as it did)."""
    try:
        size = json.loads((out / MANIFEST).read_text(encoding="utf-8")).get("partition")
    except (OSError, ValueError, AttributeError):
        return default
    return size if isinstance(size, int) and size > 0 else default


def prepare(out: Path, *, identity: dict[str, Any], resume: bool) -> dict[int, dict[str, int]]:
    """Make (or reopen with ``resume``) a run folder; the complete partitions it already holds.

    A folder that holds another run, or anything else, is refused: resuming a run under other
    inputs or settings would mix two runs in one table.
    """
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: not a directory")
    manifest = out / MANIFEST
    if out.is_dir() and any(out.iterdir()):
        if not manifest.is_file():
            raise OutputError(f"{out}: not empty and not a crosscheck batch folder")
        if not resume:
            raise OutputError(f"{out}: already holds a batch run (--resume completes it; or give another --out)")
        try:
            before = json.loads(manifest.read_text(encoding="utf-8"))
        except (ValueError, OSError) as exc:
            raise OutputError(f"{manifest}: unreadable ({exc})") from None
        changed = [k for k, v in identity.items() if before.get(k) != v]
        if changed:
            raise ConfigError(f"--resume: {out} was written with other {' and '.join(changed)}; give another --out")
    try:
        for name in (*TABLES, DONE, *([CHECKS] if identity.get("verify") else [])):
            (out / name).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(f"{out}: cannot write ({exc.strerror or exc})") from None
    for leftover in out.glob("*/.part-*.tmp"):  # a write an interruption cut short
        leftover.unlink(missing_ok=True)
    return done_parts(out)


# --------------------------------------------------------------------------- running


@dataclass
class BatchRun:
    """What a run did: this run's counts, and the whole folder's."""

    out: Path
    total: int | None
    skipped: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    all_counts: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def errors(self) -> int:
        return self.all_counts.get("errors", 0)


def _add(into: dict[str, int], counts: Mapping[str, int]) -> None:
    for k, v in counts.items():
        into[k] = into.get(k, 0) + v


def _pool_parts(
    work: Iterator[tuple[int, list[Job]]], *, workers: int, settings: Settings, verify: bool
) -> Iterator[Part]:
    """Partitions on a pool of forked processes, at most IN_FLIGHT per worker submitted at once."""
    import concurrent.futures as cf
    import multiprocessing

    pool = cf.ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    pending: set[cf.Future[Part]] = set()
    try:
        for index, items in work:
            while len(pending) >= workers * IN_FLIGHT:
                done, pending = cf.wait(pending, return_when=cf.FIRST_COMPLETED)
                for f in done:
                    yield f.result()
            pending.add(pool.submit(run_partition, index, items, settings=settings, verify=verify))
        for f in cf.as_completed(pending):
            yield f.result()
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # Ctrl-C: what has not started never starts
        raise
    pool.shutdown()


def _dask_parts(
    work: Iterator[tuple[int, list[Job]]], *, address: str, workers: int, settings: Settings, verify: bool
) -> Iterator[Part]:
    """Partitions as futures on a Dask scheduler (``local``: a LocalCluster of ``workers``
    single-threaded processes for this run), at most IN_FLIGHT per worker thread at once."""
    import logging

    try:
        from distributed import Client, LocalCluster, as_completed
    except ImportError:
        raise ConfigError(DASK_MISSING) from None
    cluster = None
    try:
        if address == "local":
            cluster = LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            client = Client(cluster)
        else:
            client = Client(address, timeout=30)
    except OSError as exc:
        raise ConfigError(f"--dask {address}: cannot reach the scheduler ({exc})") from None
    try:
        slots = max(1, sum(client.nthreads().values())) * IN_FLIGHT
        running = as_completed()
        for index, items in work:
            if running.count() >= slots:
                yield next(running).result()
            running.add(
                client.submit(
                    run_partition, index, items, settings=settings, verify=verify, key=f"crosscheck-batch-{index}"
                )
            )
        for future in running:
            yield future.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run(
    paths: Sequence[str | Path],
    *,
    out: Path,
    settings: Settings = DEFAULT,
    workers: int = 1,
    dask: str | None = None,
    resume: bool = False,
    verify: bool = False,
    follow_symlinks: bool = False,
    partition: int = PARTITION,
    started: Callable[[BatchRun], None] | None = None,
    done: Callable[[Mapping[str, int]], None] | None = None,
) -> BatchRun:
    """Run a corpus into ``out``; ``started`` is told the total, ``done`` each partition's counts."""
    inputs = check_inputs([str(p) for p in paths])
    if verify and not verify_available():
        raise ConfigError(VERIFY_MISSING)
    if dask is not None and importlib.util.find_spec("distributed") is None:
        raise ConfigError(DASK_MISSING)
    if resume:
        partition = _partition_of(out, partition)
    identity = {
        "input": _input_dict(inputs),
        "settings": _settings_dict(settings),
        "partition": partition,
        "verify": verify,
    }
    complete = prepare(out, identity=identity, resume=resume)
    t0 = time.time()
    result = BatchRun(out=out, total=count_clusters(inputs))
    for counts in complete.values():
        _add(result.all_counts, counts)
        result.skipped += counts.get("clusters", 0) + counts.get("errors", 0)
    manifest: dict[str, Any] = {
        "crosscheck": __version__,
        **identity,
        "workers": workers,
        "dask": dask,
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(t0)),
        "complete": False,
    }
    _replace(out / MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode())
    if started:
        started(result)
    work = (
        (i, items)
        for i, items in partitions(jobs(inputs, settings=settings, follow_symlinks=follow_symlinks), partition)
        if i not in complete
    )
    parts: Iterator[Part]
    if dask is not None:
        parts = _dask_parts(work, address=dask, workers=workers, settings=settings, verify=verify)
    elif workers > 1 and "fork" in _start_methods():
        parts = _pool_parts(work, workers=workers, settings=settings, verify=verify)
    else:
        parts = (run_partition(i, items, settings=settings, verify=verify) for i, items in work)
    for part in parts:
        write_part(out, part)
        _add(result.counts, part.counts)
        _add(result.all_counts, part.counts)
        if done:
            done(part.counts)
    result.seconds = time.time() - t0
    manifest.update(
        complete=True,
        finished=time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        seconds=round(result.seconds, 3),
        partitions=len(done_parts(out)),
        counts=result.all_counts,
    )
    _replace(out / MANIFEST, (json.dumps(manifest, indent=1) + "\n").encode())
    return result


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


# --------------------------------------------------------------------------- reading a result


@dataclass(frozen=True)
class Batch:
    """A batch run's tables as pandas DataFrames, partitions in input order."""

    sources: pd.DataFrame
    claims: pd.DataFrame
    findings: pd.DataFrame
    errors: pd.DataFrame
    checks: pd.DataFrame | None
    manifest: dict[str, Any]


def read_batch(path: str | Path) -> Batch:
    """The tables of a ``crosscheck batch`` folder: its complete partitions, in input order."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = Path(path)
    try:
        manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise InputError(f"{out}: not a crosscheck batch folder (no {MANIFEST})") from None
    indices = sorted(done_parts(out))

    def table(name: str, schema: pa.Schema | None) -> pd.DataFrame:
        parts = [pq.read_table(out / name / f"{part_name(i)}.parquet") for i in indices]
        if schema is not None:
            frame = pa.concat_tables(parts or [schema.empty_table()]).to_pandas()
            for col in (f.name for f in schema if pa.types.is_list(f.type)):
                frame[col] = [list(v) for v in frame[col]]  # lists, as to_frame() has them
            return frame
        return pd.concat([p.to_pandas() for p in parts], ignore_index=True) if parts else pd.DataFrame()

    known = schemas()
    frames = {name: table(name, known[name]) for name in TABLES}
    checks = table(CHECKS, None) if manifest.get("verify") else None
    return Batch(frames["sources"], frames["claims"], frames["findings"], frames["errors"], checks, manifest)
