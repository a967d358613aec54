"""`crosscheck batch`: a corpus into Parquet tables, the same whatever runs it, resumable, and
never stopped by one bad cluster."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pandas as pd
import pytest

import crosscheck
from crosscheck import batch, cli
from crosscheck.model import to_frame
from crosscheck.sources import example_corpus, read_jsonl

#: small partitions, so that the 26 dev clusters make several and the workers share them
SMALL = 4


@pytest.fixture
def dev_lines(multinews) -> list[str]:
    from conftest import MULTINEWS

    return [line for line in MULTINEWS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    b = crosscheck.read_batch(out)
    return {"sources": b.sources, "claims": b.claims, "findings": b.findings, "errors": b.errors}


def _assert_same(a: dict[str, pd.DataFrame], b: dict[str, pd.DataFrame]) -> None:
    for name in a:
        pd.testing.assert_frame_equal(a[name], b[name], obj=name)


def _cli(args: list[str], capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exit_:
        cli.main(args)
    out, err = capsys.readouterr()
    return int(exit_.value.code or 0), out, err


# --------------------------------------------------------------------------- the tables


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory) -> tuple[Path, Path]:
    """The bundled corpus twice, as a folder whose sub-folders are clusters, run into a folder."""
    root = tmp_path_factory.mktemp("clusters")
    for name in ("fallujah-a", "fallujah-b"):
        shutil.copytree(example_corpus(), root / name)
    out = root.parent / f"{root.name}-out"
    batch.run([root], out=out, workers=1)
    return root, out


def test_columns_are_those_of_to_frame_after_cluster(seed_run):
    root, out = seed_run
    (corpus,) = crosscheck.load([root / "fallujah-a"])
    corpus = crosscheck.compare(crosscheck.extract(corpus))
    b = crosscheck.read_batch(out)
    for table, items in ((b.sources, corpus.sources), (b.claims, corpus.claims), (b.findings, corpus.findings)):
        frame = to_frame(items)
        assert list(table.columns) == ["cluster", *(c for c in frame.columns if c != "cluster")]
    assert list(b.errors.columns) == ["cluster", "stage", "message"] and b.errors.empty
    assert b.checks is None


def test_rows_are_the_clusters_in_order_with_their_values(seed_run):
    root, out = seed_run
    (corpus,) = crosscheck.load([root / "fallujah-a"])
    corpus = crosscheck.compare(crosscheck.extract(corpus))
    b = crosscheck.read_batch(out)
    assert list(dict.fromkeys(b.claims.cluster)) == ["fallujah-a", "fallujah-b"]
    mine = b.claims[b.claims.cluster == "fallujah-a"]
    assert list(mine.id) == [c.id for c in corpus.claims]
    assert list(mine.text) == [c.text for c in corpus.claims]
    assert list(mine.actors) == [list(c.actors) for c in corpus.claims]  # lists, as to_frame() has them
    # a finding's bounds are text: a number as JSON writes it, a date as ISO
    findings = b.findings[b.findings.cluster == "fallujah-a"]
    bests = [f.to_dict()["best"] for f in corpus.findings]
    expected = [b if b is None or isinstance(b, str) else json.dumps(b) for b in bests]
    assert [None if pd.isna(b) else b for b in findings.best] == expected
    assert "25" in expected and "2014-01-05" in expected
    assert "conflict" in set(findings.verdict)
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["complete"] and manifest["counts"]["clusters"] == 2
    assert manifest["counts"]["articles"] == 10 and manifest["crosscheck"] == crosscheck.__version__


def test_parts_are_plain_parquet_with_one_schema(seed_run):
    import pyarrow.dataset as ds

    _, out = seed_run
    # what DuckDB or Spark does: every part of a table read as one dataset
    claims = ds.dataset(out / "claims", format="parquet").to_table()
    assert claims.num_rows == len(crosscheck.read_batch(out).claims)
    assert claims.schema.field("value").type == "double"


# --------------------------------------------------------------------------- the same results


def test_same_findings_as_report(tmp_path, dev_lines, capsys):
    from conftest import MULTINEWS

    report = tmp_path / "report.json"
    code, _, _ = _cli(["report", str(MULTINEWS), "-q", "--json", str(report)], capsys)
    assert code in (0, 1)
    code, out, _ = _cli(["batch", str(MULTINEWS), "--out", str(tmp_path / "b"), "-j", "1", "-q"], capsys)
    assert code == 0 and "26 clusters" in out and "0 errors" in out
    findings = crosscheck.read_batch(tmp_path / "b").findings
    corpora = json.loads(report.read_text())["corpora"]
    assert len(corpora) == 26
    for c in corpora:
        mine = findings[findings.cluster == c["corpus"]]
        assert list(mine.id) == [f["id"] for f in c["findings"]]
        assert list(mine.topic) == [f["topic"] for f in c["findings"]]
        assert list(mine.verdict) == [f["verdict"] for f in c["findings"]]
        assert list(mine.claims) == [f["claims"] for f in c["findings"]]


def test_two_workers_give_the_tables_one_gives(tmp_path, dev_lines):
    src = _jsonl(tmp_path / "dev.jsonl", dev_lines)
    batch.run([src], out=tmp_path / "one", workers=1, partition=SMALL)
    batch.run([src], out=tmp_path / "two", workers=2, partition=SMALL)
    assert len(list((tmp_path / "two" / "claims").glob("*.parquet"))) == 7
    _assert_same(_tables(tmp_path / "one"), _tables(tmp_path / "two"))


def test_a_dask_local_cluster_gives_the_same_tables(tmp_path, dev_lines):
    pytest.importorskip("distributed")
    src = _jsonl(tmp_path / "dev.jsonl", dev_lines[:8])
    batch.run([src], out=tmp_path / "one", workers=1, partition=2)
    run = batch.run([src], out=tmp_path / "dask", workers=2, dask="local", partition=2)
    assert run.counts["clusters"] == 8
    _assert_same(_tables(tmp_path / "one"), _tables(tmp_path / "dask"))


# --------------------------------------------------------------------------- failures


def test_a_failing_cluster_is_an_error_row_and_the_others_complete(tmp_path, dev_lines, monkeypatch, capsys):
    comparing = sys.modules["crosscheck.compare"]  # the package's `compare` is the function
    bad = json.loads(dev_lines[2])["id"]
    real = comparing.compare

    def compare(corpus, **kwargs):
        if corpus.id == bad:
            raise RuntimeError("the aligner fell over")
        return real(corpus, **kwargs)

    monkeypatch.setattr(comparing, "compare", compare)
    src = _jsonl(tmp_path / "dev.jsonl", [*dev_lines[:5], "{not json", '{"id": 7}'])
    code, out, _ = _cli(["batch", str(src), "--out", str(tmp_path / "b"), "-j", "1", "-q"], capsys)
    assert code == 1 and "3 errors" in out
    b = crosscheck.read_batch(tmp_path / "b")
    errors = b.errors.to_dict("records")
    assert errors[0] == {"cluster": bad, "stage": "compare", "message": "RuntimeError: the aligner fell over"}
    # a broken line says what `crosscheck report` says of it
    said = [c.skipped[0] for c in read_jsonl(src) if not isinstance(c, batch.Job) and getattr(c, "skipped", ())]
    assert [e["stage"] for e in errors[1:]] == ["read", "read"]
    assert [e["message"] for e in errors[1:]] == said
    assert [e["cluster"] for e in errors[1:]] == ["dev.jsonl:6", "dev.jsonl:7"]
    done = [json.loads(line)["id"] for line in dev_lines[:5]]
    done.remove(bad)
    assert list(dict.fromkeys(b.findings.cluster)) == done
    assert bad not in set(b.sources.cluster)  # a failed cluster leaves no half of itself


def test_an_interrupted_run_resumed_gives_the_uninterrupted_tables(tmp_path, dev_lines, capsys):
    src = _jsonl(tmp_path / "dev.jsonl", dev_lines[:12])
    batch.run([src], out=tmp_path / "whole", workers=1, partition=SMALL)
    seen = []

    def interrupt(counts):
        seen.append(counts)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        batch.run([src], out=tmp_path / "cut", workers=1, partition=SMALL, done=interrupt)
    assert sorted(batch.done_parts(tmp_path / "cut")) == [0, 1]
    # what a kill in the middle of a write leaves: a temporary file and a table of a partition with no marker
    (tmp_path / "cut" / "claims" / ".part-00002.parquet.tmp").write_bytes(b"half")
    shutil.copy(tmp_path / "cut" / "claims" / "part-00000.parquet", tmp_path / "cut" / "claims" / "part-00002.parquet")
    assert len(crosscheck.read_batch(tmp_path / "cut").sources.cluster.unique()) == 8
    code, out, _ = _cli(["batch", str(src), "--out", str(tmp_path / "cut"), "--resume", "-q"], capsys)
    assert code == 0 and "(8 already complete)" in out and "12 clusters" in out
    _assert_same(_tables(tmp_path / "whole"), _tables(tmp_path / "cut"))
    assert not list((tmp_path / "cut").glob("*/.*.tmp"))


def test_resume_refuses_other_settings(tmp_path, dev_lines):
    src = _jsonl(tmp_path / "dev.jsonl", dev_lines[:2])
    batch.run([src], out=tmp_path / "b", workers=1)
    with pytest.raises(crosscheck.ConfigError, match="other settings"):
        batch.run([src], out=tmp_path / "b", settings=crosscheck.Settings(min_outlets=3), resume=True)


# --------------------------------------------------------------------------- the command line


def test_usage_and_output_errors_are_one_line_and_exit_2(tmp_path, capsys):
    seeds = str(example_corpus())
    (tmp_path / "file").write_text("x")
    cases = {
        ("batch", seeds, "--out", str(tmp_path / "file")): "not a directory",
        ("batch", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "o")): "no such file",
        ("batch", str(tmp_path / "file"), "--out", str(tmp_path / "o")): "batch reads JSONL files",
        ("batch", "--out", str(tmp_path / "o")): "no INPUT",
        ("batch", seeds, "--out", str(tmp_path)): "not empty",
    }
    for args, said in cases.items():
        code, _, err = _cli(list(args), capsys)
        assert code == 2, args
        assert err.startswith("crosscheck: error: ") and said in err and err.count("\n") == 1, err


def test_a_second_run_into_one_folder_is_refused(tmp_path, capsys):
    out = str(tmp_path / "o")
    assert _cli(["batch", str(example_corpus()), "--out", out, "-q"], capsys)[0] == 0
    code, _, err = _cli(["batch", str(example_corpus()), "--out", out], capsys)
    assert code == 2 and "--resume" in err


def test_verify_needs_crosscheck_verify(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(batch, "verify_available", lambda: False)
    code, _, err = _cli(["batch", str(example_corpus()), "--out", str(tmp_path / "o"), "--verify"], capsys)
    assert code == 2
    assert err == "crosscheck: error: crosscheck batch --verify needs crosscheck verify (not in this version)\n"


def test_dask_without_dask_says_how_to_install_it(tmp_path, capsys, monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "distributed" else real(name, *a))
    code, _, err = _cli(["batch", str(example_corpus()), "--out", str(tmp_path / "o"), "--dask", "local"], capsys)
    assert code == 2 and "pip install 'crosscheck[dask]'" in err


def test_verify_writes_each_clusters_summary_checks(tmp_path, dev_lines):
    """--verify: each cluster's summary checked as `crosscheck verify` checks it, one row a claim."""
    from crosscheck.sources import load, make_source
    from crosscheck.verify import verify_corpus

    lines = dev_lines[:3]
    src = _jsonl(tmp_path / "dev.jsonl", lines)
    batch.run([src], out=tmp_path / "b", workers=1, verify=True)
    checks = crosscheck.read_batch(tmp_path / "b").checks
    assert checks is not None and list(checks.columns)[:4] == ["cluster", "id", "text", "start"]
    first = json.loads(lines[0])
    corpus = crosscheck.compare(crosscheck.extract(load([src], cluster=first["id"])[0]))
    v = verify_corpus(make_source("summary", "s", first["summary"], cluster=first["id"]), corpus, compared=True)
    mine = checks[checks.cluster == first["id"]]
    assert list(mine.text) == [c.claim.text for c in v.checks]
    assert list(mine.verdict) == [c.verdict for c in v.checks]
    assert set(checks.verdict) <= {"supported", "contradicted", "unsupported"}


def test_the_reader_streams_lines_as_read_jsonl_numbers_them(tmp_path, dev_lines):
    src = tmp_path / "dev.jsonl"
    src.write_bytes(b"\xef\xbb\xbf" + "\n\n".join(dev_lines[:3]).encode() + b"\r\n\n")
    stream = batch.jobs([src])
    first = next(stream)  # a generator: nothing past the first line need be read yet
    got = [first, *stream]
    assert [j.line for j in got] == [c.line for c in read_jsonl(src)] == [1, 3, 5]
    assert batch.count_clusters([src]) == 3
