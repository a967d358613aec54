"""Accuracy against the hand-written gold in tests/gold (see tests/gold/README.md)."""

from __future__ import annotations

import pytest

from conftest import CORPORA, GOLD, MULTINEWS
from crosscheck import score


@pytest.fixture(scope="module")
def seed_score():
    (s,) = score.run([GOLD / "fallujah-2014.json"], corpora=CORPORA)
    return s


@pytest.fixture(scope="module")
def multinews_scores():
    if not MULTINEWS.is_file():
        pytest.skip(f"{MULTINEWS} not present")
    files = sorted(GOLD.glob("multinews-*.json"))
    assert len(files) == 4
    return score.run(files, corpora=CORPORA)


def test_seed_recall(seed_score):
    assert seed_score.corpus == "fallujah-2014"
    assert seed_score.gold >= 50
    assert seed_score.recall >= 0.95, "\n".join(seed_score.misses)


def test_seed_has_no_furniture_claims(seed_score):
    assert seed_score.furniture == 0, "\n".join(seed_score.extras)


def test_seed_precision_and_false_conflicts(seed_score):
    assert seed_score.precision >= 0.90, "\n".join(seed_score.extras)
    assert seed_score.false_conflicts == 0, "\n".join(seed_score.finding_errors)


def test_multinews_pooled_recall_and_precision(multinews_scores):
    gold = sum(s.gold for s in multinews_scores)
    correct = sum(s.correct for s in multinews_scores)
    extracted = sum(s.extracted for s in multinews_scores)
    matched = sum(s.matched for s in multinews_scores)
    misses = "\n".join(m for s in multinews_scores for m in s.misses)
    extras = "\n".join(m for s in multinews_scores for m in s.extras)
    assert gold >= 150 and extracted > 0
    assert correct / gold >= 0.85, misses
    assert matched / extracted >= 0.90, extras


def test_multinews_clusters_load_from_the_shared_corpus(multinews_scores):
    assert [s.corpus.split("#")[1] for s in multinews_scores] == [
        "multinews-lb014-jets-cheerleaders-settlement", "multinews-lb033-chicago-daycare-hot-glue",
        "multinews-lb058-bill-cosby-sentenced", "multinews-lb184-robert-durst-gun-sentence"]
    assert all(s.extracted > 0 and s.found > 0 for s in multinews_scores)


def test_missing_corpus_is_an_input_error(tmp_path):
    from crosscheck import InputError

    with pytest.raises(InputError, match="not found"):
        score.run([GOLD / "multinews-lb184-robert-durst-gun-sentence.json"], corpora=tmp_path)
