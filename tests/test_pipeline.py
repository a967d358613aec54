"""Many corpora on every core: the same findings and the same bytes as one process."""

from __future__ import annotations

from crosscheck import load
from crosscheck.pipeline import process, process_encoded
from crosscheck.report import dumps, join_fragments, report_dict
from crosscheck.sources import read


def _inputs(seed_dir, multinews):
    from conftest import MULTINEWS

    return [str(seed_dir), str(MULTINEWS)]


def test_two_workers_give_what_one_gives(seed_dir, multinews):
    paths = _inputs(seed_dir, multinews)
    one = process(load(paths), workers=1)
    two = process(read(paths), workers=2)  # JSONL clusters built in the workers
    assert [c.id for c in one] == [c.id for c in two]
    assert one == two


def test_json_made_in_the_workers_is_byte_identical(seed_dir, multinews):
    paths = _inputs(seed_dir, multinews)
    pairs = process_encoded(read(paths), workers=2, encode=True)
    corpora = [c for c, _ in pairs]
    assert join_fragments([f for _, f in pairs]) == dumps(report_dict(corpora))
    claims_only = process_encoded(read(paths), workers=2, encode=True, compare=False)
    assert join_fragments([f for _, f in claims_only]) == dumps(
        report_dict([c for c, _ in claims_only], findings=False)
    )


def test_small_input_stays_in_process(seed):
    (corpus,) = process([seed])
    assert corpus.findings and corpus.claims
