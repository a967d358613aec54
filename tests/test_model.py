"""The data model: claims keep exact spans, reject impossible bounds, and table/JSON the same way."""

from __future__ import annotations

import dataclasses
import json

import pandas as pd
import pytest
from conftest import CSM, FRANCE24

from crosscheck import Claim, Corpus, Finding, Source, Verdict, to_frame
from crosscheck.model import SCHEMA_VERSION

F24_SENTENCE = (
    "Iraqi army airstrikes and fighting killed more than 34 people on Sunday, officials said, "
    "as well as at least 25 militants."
)


def _claim(**kw) -> Claim:
    start = F24_SENTENCE.index("more than 34")
    base = dict(
        id="q1",
        source=FRANCE24,
        type="quantity",
        text="more than 34",
        start=start,
        end=start + 12,
        sentence=F24_SENTENCE,
        value=34.0,
        low=35.0,
        high=None,
        subject="people",
        event="killed",
        date="2014-01-05",
        qualifier="more than",
    )
    base.update(kw)
    return Claim(**base)


def test_claim_rejects_low_above_high():
    with pytest.raises(ValueError, match=r"low 35\.0 above high 34\.0"):
        _claim(low=35.0, high=34.0)


def test_claim_rejects_end_before_start():
    with pytest.raises(ValueError, match="before start"):
        _claim(start=54, end=42)


def test_claim_accepts_a_range_and_an_open_bound():
    assert _claim(low=2.0, high=3.0).high == 3.0
    assert _claim(low=35.0, high=None).low == 35.0


def test_claim_to_dict_writes_whole_numbers_as_the_outlet_did():
    d = _claim().to_dict()
    assert d["value"] == 34 and isinstance(d["value"], int)
    assert d["low"] == 35 and isinstance(d["low"], int)
    assert d["high"] is None
    assert json.loads(json.dumps(d))["text"] == "more than 34"
    # 1.4 million stays a float only when it is not whole
    assert _claim(value=2.5, low=2.5, high=2.5).to_dict()["value"] == 2.5


def test_claims_frame_columns_are_the_json_fields(seed_extracted):
    frame = to_frame(seed_extracted.claims)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(seed_extracted.claims[0].to_dict())
    for column in (
        "id",
        "source",
        "type",
        "text",
        "start",
        "end",
        "sentence",
        "value",
        "low",
        "high",
        "unit",
        "subject",
        "event",
        "date",
    ):
        assert column in frame.columns
    assert len(frame) == len(seed_extracted.claims)
    row = frame[(frame.source == FRANCE24) & (frame.text == "more than 34")].iloc[0]
    assert row["low"] == 35 and row["subject"] == "people" and row["date"] == "2014-01-05"
    row = frame[(frame.source == CSM) & (frame.text == "at least 34")].iloc[0]
    assert row["low"] == 34 and pd.isna(row["high"])


def test_sources_and_findings_frames(seed_compared):
    sources = to_frame(seed_compared.sources)
    assert list(sources.columns) == list(seed_compared.sources[0].to_dict())
    assert sorted(sources.outlet) == sorted(s.outlet for s in seed_compared.sources)
    findings = to_frame(seed_compared.findings)
    assert list(findings.columns) == list(seed_compared.findings[0].to_dict())
    assert set(findings.verdict) <= {"agree", "conflict", "single-source"}
    assert (findings.verdict == "conflict").sum() == sum(f.verdict is Verdict.CONFLICT for f in seed_compared.findings)


def test_source_to_dict(seed):
    s = seed.source(FRANCE24)
    d = s.to_dict()
    assert d["outlet"] == "FRANCE 24"
    assert d["published"] == "2014-01-05"
    assert d["published_inferred"] is False
    assert d["chars"] == len(s.text)
    assert d["cluster"] == "fallujah-2014"


def test_verdict_values_and_str():
    assert [v.value for v in Verdict] == ["agree", "conflict", "single-source"]
    assert str(Verdict.CONFLICT) == "conflict"
    assert Verdict("agree") is Verdict.AGREE


def test_finding_to_dict_is_plain_json(seed_compared):
    f = next(f for f in seed_compared.findings if f.verdict is Verdict.AGREE and f.type == "quantity")
    d = json.loads(json.dumps(f.to_dict()))
    assert d["verdict"] == "agree"
    assert isinstance(d["claims"], list) and isinstance(d["sources"], list)
    assert d["explanation"] == f.explanation


def test_corpus_lookup_and_to_dict(seed_extracted):
    c = seed_extracted.claims[0]
    assert seed_extracted.claim(c.id) is c
    assert seed_extracted.source(CSM).outlet == "Christian Science Monitor"
    with pytest.raises(KeyError):
        seed_extracted.source("no-such-source")
    with pytest.raises(KeyError):
        seed_extracted.claim("q0000000000")
    d = seed_extracted.to_dict(findings=False)
    assert d["schema_version"] == SCHEMA_VERSION == 1
    assert "findings" not in d
    assert len(d["claims"]) == len(seed_extracted.claims)


def test_models_are_frozen(seed):
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed.sources[0].outlet = "someone else"  # type: ignore[misc]
    assert isinstance(seed, Corpus) and all(isinstance(s, Source) for s in seed.sources)
    assert Finding.__dataclass_params__.frozen
