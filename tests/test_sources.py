"""Loading: the bundled corpus, outlets and dates, page furniture, encodings, JSONL, overrides."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from conftest import CSM, DW, FRANCE24, MULTINEWS, RFERL_MALIKI, RFERL_US

import crosscheck
from crosscheck import InputError
from crosscheck.sources import SIDECAR, body_spans, decode, example_corpus, find_outlet, find_wires, load, normalise

SEED_IDS = [RFERL_MALIKI, FRANCE24, DW, RFERL_US, CSM]


# --------------------------------------------------------------------------- the bundled corpus


def test_load_without_paths_is_the_bundled_corpus(seed):
    assert seed.id == "fallujah-2014"
    assert [s.id for s in seed.sources] == SEED_IDS
    assert seed.skipped == ()
    for s in seed.sources:
        assert s.cluster == "fallujah-2014"
        assert s.path.endswith(f"{s.id}.txt")
        assert "Fallujah" in s.text


@pytest.mark.parametrize(
    "source_id, outlet",
    [
        (RFERL_MALIKI, "RFE/RL"),
        (FRANCE24, "FRANCE 24"),
        (DW, "DW"),
        (RFERL_US, "RFE/RL"),
        (CSM, "Christian Science Monitor"),
    ],
)
def test_outlet_detection(seed, source_id, outlet):
    assert seed.source(source_id).outlet == outlet


@pytest.mark.parametrize(
    "line, outlet",
    [
        ('RFE/RL has been declared an "undesirable organization" by the Russian government.', "RFE/RL"),
        ("Text by FRANCE 24", "FRANCE 24"),
        ("  3. Skip to more DW sites", "DW"),
        ("Get unlimited Monitor journalism.", "Christian Science Monitor"),
        ('He warned that Fallujah could face the "danger of armed clashes" if the military moves in.', None),
        # the writer's own outlet, in credits and self-references of unseen Multi-News pages
        ("bross@nydailynews.com", "New York Daily News"),  # lb118
        ("Twitter: @anblanx    andrew.blankstein@latimes.com", "Los Angeles Times"),  # lb109
        ("Write to Sarah Kent at sarah.kent@wsj.com", "Wall Street Journal"),  # lb038
        ("Contact Sean Whaley at swhaley@reviewjournal.com or 775-461-3820.", "Las Vegas Review-Journal"),  # lb144
        (
            "The Cumberland County District Court did not immediately respond to ABC News' request for information.",
            "ABC",
        ),
        ("His boss told ABC11 Monday he's going to buy a smart phone for the team.", "ABC"),  # lb116
        ("Message: * A friend wanted you to see this item from WRAL.com: http://wr.al/1755W", "WRAL"),
        ("Barbour said the Los Angeles Times and the Daily News called him.", None),  # a mention is no credit
        (
            "PLANTATION, Fla. (WSVN) -- An elderly woman got her engagement ring back.",
            "WSVN",
        ),  # lb166: a dateline's credit
        ("BOSTON (AP) — Lawyers for Boston Marathon bomber Dzhokhar Tsarnaev", "AP"),
        # multinews-more dev gold added 2026-12-04: bylines, footers and newsletter boxes
        ("April Baer / OPB", "OPB"),  # lb018
        ("Alan Boyle is NBCNews.com's science editor.", "NBC News"),  # lb089
        ("The most reliable politics newsletter. Sign up for POLITICO Playbook and get the latest news.", "Politico"),
        ("By Alex Acquisto , BDN Staff • June 14, 2017 2:30 pm", "Bangor Daily News"),  # lb153
        ("Variety was unable to verify the authenticity of the episodes.", "Variety"),  # lb179
        ("Read or Share this story: http://usat.ly/2bhE4i4", "USA TODAY"),  # lb061
        ("Get the latest Donald Trump news, video, and analysis from ABC News. Add Interest", "ABC"),  # lb126
        ("Erica Meier, the group's executive director, told USA TODAY.", None),  # a mention is no credit
        # multinews-more dev gold added 2026-12-04 (second session)
        ("Get The Beast In Your Inbox! Daily Digest Start and finish your day", "The Daily Beast"),  # lb042
        ("Contacted this morning by the Daily Beast, Royal press officers refused to comment.", "The Daily Beast"),
        ("Last week, he told The Daily Beast that he had uncovered it.", None),  # a mention is no credit
        ("Reach her at 442-1400, extension 317, or linda@northcoastjournal.com.", "North Coast Journal"),  # lb052
        ("Follow AP Film Writer Lindsey Bahr on Twitter: www.twitter.com/ldbahr", "AP"),  # lb105
        ("\u00d7 Close What is the Tomatometer\u00ae?", "Rotten Tomatoes"),  # lb105
    ],
)
def test_find_outlet_on_signature_lines(line, outlet):
    assert find_outlet(line) == outlet


def test_published_dates(seed):
    f24 = seed.source(FRANCE24)
    assert f24.published == date(2014, 1, 5)  # "Date created : 2014-01-05"
    assert f24.updated == date(2014, 1, 6)  # "Latest update : 2014-01-06"
    assert f24.published_inferred is False
    dw = seed.source(DW)
    assert dw.published == date(2014, 1, 6)  # the "January 6, 2014" dateline
    assert dw.published_inferred is False
    for sid in (RFERL_MALIKI, RFERL_US, CSM):
        s = seed.source(sid)
        assert s.published == date(2014, 1, 6), sid
        assert s.published_inferred is True, sid


def test_wire_credits(seed):
    assert seed.source(RFERL_MALIKI).wires == ("AP", "AFP", "dpa")  # "With reporting by AP, AFP, dpa, and"
    assert seed.source(FRANCE24).wires == ("AFP", "AP", "Reuters")  # "(FRANCE 24 with AFP, AP and REUTERS)"
    assert seed.source(DW).wires == ("Reuters", "AFP", "AP")  # "jm/tj (Reuters, AFP, AP)"
    assert seed.source(RFERL_US).wires == ("Reuters", "AP", "AFP")  # "Based on reporting by Reuters, AP, and AFP"
    assert seed.source(CSM).wires == ()
    assert find_wires("Kerry told reporters in Jerusalem.") == ()


# --------------------------------------------------------------------------- furniture


def _in_body(source, start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in source.body)


@pytest.mark.parametrize(
    "source_id, line",
    [
        (RFERL_MALIKI, "0:00 0:00:49 0:00"),
        (RFERL_MALIKI, "16x9 Image"),
        (RFERL_MALIKI, "27 languages in 23 countries"),
        (RFERL_MALIKI, "No media source currently available"),
        (RFERL_MALIKI, "WATCH: Iraqi Troops Clash With Militants In Ramadi"),
        (RFERL_MALIKI, "With reporting by AP, AFP, dpa, and"),
        (RFERL_MALIKI, "To find out more, click here."),
        (FRANCE24, "Read more"),
        (FRANCE24, "EU rejects Italy's budget proposal"),
        (FRANCE24, "South Africa vows to recover 'looted cash' in VBS bank collapse scandal"),
        (FRANCE24, "Dozens killed in Iraq Christmas bombings"),
        (FRANCE24, "Al Qaeda-linked militants seize control of Fallujah"),
        (FRANCE24, "Text by FRANCE 24"),
        (FRANCE24, "(FRANCE 24 with AFP, AP and REUTERS)"),
        (FRANCE24, "Date created : 2014-01-05"),
        (FRANCE24, "Latest update : 2014-01-06"),
        (DW, "Skip to more DW sites"),
        (DW, "January 6, 2014"),
        (DW, "Image: Reuters"),
        (CSM, "Unlimited digital access $11/month"),
        (CSM, "You've read  of  free articles. Subscribe to continue."),
        (CSM, "Get unlimited Monitor journalism."),
    ],
)
def test_furniture_lines_are_not_body(seed, source_id, line):
    s = seed.source(source_id)
    text = normalise(s.text)  # "27\u00a0languages": offsets are the same in the normalised text
    at = text.find(line)
    assert at >= 0
    while at >= 0:  # every occurrence ("Read more" is there twelve times)
        assert not _in_body(s, at, at + len(line)), f"{line!r} at {at} is in the body"
        at = text.find(line, at + 1)


@pytest.mark.parametrize(
    "source_id, line",
    [
        (RFERL_MALIKI, "Scores of people have been reported killed in fighting in Anbar in recent days"),
        (FRANCE24, "Iraqi army airstrikes and fighting killed more than 34 people on Sunday"),
        (FRANCE24, "Iraqi army launches assault on al Qaeda allies in Fallujah"),
        (DW, "killing 25 Islamist militants, according to local officials."),
        (RFERL_US, "10 in the upcoming weeks and another 48 later this year."),
        (CSM, "which left at least 34 people dead on Sunday"),
    ],
)
def test_article_lines_are_body(seed, source_id, line):
    s = seed.source(source_id)
    at = normalise(s.text).index(line)
    assert any(a <= at and at + len(line) <= b for a, b in s.body)


def test_body_spans_are_lines_of_the_original_text(seed):
    for s in seed.sources:
        previous = -1
        for a, b in s.body:
            assert previous <= a < b <= len(s.text)
            assert "\n" not in s.text[a:b] and s.text[a:b].strip()
            previous = b


def test_body_spans_of_a_video_block():
    text = (
        "please wait\n\nNo media source currently available\n\n0:00 0:00:49 0:00\n\n"
        "WATCH: Iraqi Troops Clash With Militants In Ramadi\n\n"
        "Maliki added that he had ordered security forces not to attack in residential areas.\n"
    )
    spans = body_spans(text)
    assert [text[a:b] for a, b in spans] == [
        "Maliki added that he had ordered security forces not to attack in residential areas."
    ]


def test_body_spans_drop_a_read_more_headline_list():
    text = (
        "Don't miss\n\n\n\n\nSouth Africa vows to recover 'looted cash' in VBS bank collapse scandal\n\n"
        "Read more\n\n\nEU rejects Italy's budget proposal\n\nRead more\n\nMiddle East\n\n"
        "Iraqi army launches assault on al Qaeda allies in Fallujah\n"
    )
    assert [text[a:b] for a, b in body_spans(text)] == [
        "Middle East",
        "Iraqi army launches assault on al Qaeda allies in Fallujah",
    ]


def test_body_spans_drop_the_paywall():
    text = (
        'ISIL "is notorious for the brutality it employs to maintain its regional power," he says.\n\n'
        "of stories this month > Get unlimited stories\nYou've read  of  free articles. Subscribe to continue."
        "\n\nUnlimited digital access $11/month.\n\nGet unlimited Monitor journalism."
    )
    assert [text[a:b] for a, b in body_spans(text)] == [
        'ISIL "is notorious for the brutality it employs to maintain its regional power," he says.'
    ]


def test_normalise_keeps_length_and_offsets(seed):
    s = seed.source(RFERL_MALIKI)
    n = normalise(s.text)
    assert len(n) == len(s.text)
    at = s.text.index("Iraq\u2019s military")
    assert n[at : at + len("Iraq's military")] == "Iraq's military"


# --------------------------------------------------------------------------- encodings and binary files


CSM_QUOTE = (
    "\u201cThis is a fight that belongs to the Iraqis,\u201d Kerry said toward the end of a visit to Jerusalem. "
    "G\u00fcnter Meyer, head of the Centre for Research on the Arab World at Mainz University, notes that "
    "in the past few days, ISIL has suffered severe setbacks."
)


def test_decode_windows_1252():
    assert decode(CSM_QUOTE.encode("cp1252")) == CSM_QUOTE


def test_windows_1252_file_loads(tmp_path, seed_text):
    text = seed_text(CSM)
    path = tmp_path / "csm.txt"
    path.write_bytes(text.encode("cp1252"))
    (corpus,) = load([path])
    (source,) = corpus.sources
    assert source.text == text
    assert "G\u00fcnter Meyer" in source.text
    assert source.outlet == "Christian Science Monitor"


@pytest.mark.parametrize("encoding, bom", [("utf-16", b""), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_file_loads(tmp_path, seed_text, encoding, bom):
    text = seed_text(FRANCE24)
    path = tmp_path / "f24.txt"
    path.write_bytes(bom + text.encode(encoding))
    (corpus,) = load([path])
    (source,) = corpus.sources
    assert source.text == text
    assert source.outlet == "FRANCE 24"
    assert source.published == date(2014, 1, 5)


def test_utf8_bom_is_dropped(tmp_path, seed_text):
    text = seed_text(DW)
    path = tmp_path / "dw.txt"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (corpus,) = load([path])
    assert corpus.sources[0].text == text


@pytest.mark.parametrize(
    "header, kind", [(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "PDF"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG")]
)
def test_binary_file_is_an_input_error(tmp_path, header, kind):
    path = tmp_path / "article.txt"
    path.write_bytes(header + b"\x00" * 64)
    with pytest.raises(InputError, match=kind):
        load([path])
    with pytest.raises(InputError, match=kind):
        decode(header, name="article.txt")


def test_binary_file_in_a_directory_is_skipped(tmp_path, seed_dir):
    shutil.copy(seed_dir / f"{DW}.txt", tmp_path)
    (tmp_path / "scan.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    (corpus,) = load([tmp_path])
    assert [s.id for s in corpus.sources] == [DW]
    assert len(corpus.skipped) == 1 and "PDF" in corpus.skipped[0] and "scan.txt" in corpus.skipped[0]


def test_directory_of_only_binary_files_is_an_input_error(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n")
    with pytest.raises(InputError, match="no readable sources"):
        load([tmp_path])


def test_missing_path_and_empty_directory(tmp_path):
    with pytest.raises(InputError, match="no such file or directory"):
        load([tmp_path / "nowhere"])
    with pytest.raises(InputError, match=r"no \.txt, \.md or \.html files"):
        load([tmp_path])


def test_loose_files_form_one_corpus(seed_dir):
    (corpus,) = load([seed_dir / f"{FRANCE24}.txt", seed_dir / f"{DW}.txt"])
    assert [s.id for s in corpus.sources] == [FRANCE24, DW]
    assert [s.outlet for s in corpus.sources] == ["FRANCE 24", "DW"]
    assert corpus.id == f"{FRANCE24}+{DW}"


def test_loose_files_of_one_name_are_two_sources_and_one_file_given_twice_is_one(seed_dir, tmp_path):
    """FRANCE 24's and the Monitor's texts both saved as article.txt in two folders are two outlets,
    not one id whose claims mix; the same file given twice is read once (it would agree with itself)."""
    for folder, stem in (("y1", FRANCE24), ("y2", CSM)):
        (tmp_path / folder).mkdir()
        shutil.copy(seed_dir / f"{stem}.txt", tmp_path / folder / "article.txt")
    (corpus,) = load([tmp_path / "y1" / "article.txt", tmp_path / "y2" / "article.txt"])
    assert [s.id for s in corpus.sources] == ["y1/article", "y2/article"]
    assert [s.outlet for s in corpus.sources] == ["FRANCE 24", "Christian Science Monitor"]
    agreements = [f for f in crosscheck.compare(crosscheck.extract(corpus)).findings if f.verdict.value == "agree"]
    assert agreements  # the Sunday toll, the militants: two outlets agree again
    (once,) = load([tmp_path / "y1" / "article.txt", tmp_path / "y1" / "article.txt"])
    assert [s.id for s in once.sources] == ["article"]
    assert once.skipped == (f"{tmp_path / 'y1' / 'article.txt'}: given twice, read once",)


# --------------------------------------------------------------------------- JSONL and Multi-News


@pytest.fixture()
def seed_jsonl(tmp_path, seed_text):
    """Two clusters made of the seed articles, a broken line between them, and a bad 'documents'."""
    docs = [seed_text(sid) for sid in SEED_IDS]
    path = tmp_path / "clusters.jsonl"
    lines = [
        json.dumps({"id": "fallujah", "documents": docs, "outlet_hints": ["?", None, "", "?", "?"]}),
        '{"id": "broken", "documents": [',
        json.dumps({"id": "dw", "documents": [docs[2]]}),
        json.dumps({"id": "bad", "documents": "not a list"}),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_jsonl_one_corpus_per_cluster_and_broken_lines_skipped(seed_jsonl):
    corpora = load([seed_jsonl])
    assert [c.id for c in corpora] == ["fallujah", "clusters.jsonl:2", "dw", "clusters.jsonl:4"]
    fallujah, broken, dw, bad = corpora
    assert [s.id for s in fallujah.sources] == [f"fallujah/{i}" for i in range(5)]
    assert [s.outlet for s in fallujah.sources] == ["RFE/RL", "FRANCE 24", "DW", "RFE/RL", "Christian Science Monitor"]
    assert all(s.cluster == "fallujah" for s in fallujah.sources)
    assert fallujah.source("fallujah/4").published == date(2014, 1, 6)
    assert fallujah.source("fallujah/4").published_inferred
    assert broken.sources == () and "clusters.jsonl:2: not a cluster line" in broken.skipped[0]
    assert [s.id for s in dw.sources] == ["dw/0"]
    assert bad.sources == () and "'documents' is not a list" in bad.skipped[0]


def test_jsonl_cluster_selection(tmp_path, seed_text):
    path = tmp_path / "two.jsonl"
    path.write_text(
        json.dumps({"id": "f24", "documents": [seed_text(FRANCE24)]})
        + "\n"
        + json.dumps({"id": "csm", "documents": [seed_text(CSM)]})
        + "\n",
        encoding="utf-8",
    )
    (corpus,) = load([path], cluster="csm")
    assert corpus.id == "csm"
    assert [s.outlet for s in corpus.sources] == ["Christian Science Monitor"]
    with pytest.raises(InputError, match="no cluster with id 'nope'"):
        load([path], cluster="nope")


def test_jsonl_cluster_with_a_broken_line_is_skipped_and_named(seed_jsonl):
    # asked for one cluster, a broken line is reported (file:line) and the requested cluster still loads
    corpora = load([seed_jsonl], cluster="dw")
    broken = [c for c in corpora if not c.sources]
    assert [c.id for c in corpora if c.sources] == ["dw"]
    assert broken and "clusters.jsonl:2: not a cluster line" in broken[0].skipped[0]


def test_jsonl_outlet_hints_fill_in_unknown_outlets(tmp_path):
    text = (
        "Lt. Gen. Rasheed Fleih, who leads the Anbar Military Command, told the state television Sunday "
        'that "two to three days" are needed to push the militants out of Fallujah and parts of Ramadi.'
    )
    path = tmp_path / "hints.jsonl"
    path.write_text(
        json.dumps({"id": "h", "documents": [text, text], "outlet_hints": ["VOA", "?"]}) + "\n", encoding="utf-8"
    )
    (corpus,) = load([path])
    assert [s.outlet for s in corpus.sources] == ["VOA", None]


def test_multinews_raw_text(tmp_path, seed_text):
    """Multi-News source format: documents joined by '|||||', line breaks written NEWLINE_CHAR."""
    docs = [seed_text(FRANCE24), seed_text(DW), seed_text(CSM)]
    raw = " ||||| ".join(d.replace("\n", "NEWLINE_CHAR") for d in docs)
    path = tmp_path / "fallujah-raw.txt"
    path.write_text(raw, encoding="utf-8")
    (corpus,) = load([path])
    assert corpus.id == "fallujah-raw"
    assert [s.id for s in corpus.sources] == ["fallujah-raw/0", "fallujah-raw/1", "fallujah-raw/2"]
    assert [s.text for s in corpus.sources] == [d.strip() for d in docs]
    assert all("NEWLINE_CHAR" not in s.text and "|||||" not in s.text for s in corpus.sources)
    assert [s.outlet for s in corpus.sources] == ["FRANCE 24", "DW", "Christian Science Monitor"]
    assert corpus.source("fallujah-raw/1").published == date(2014, 1, 6)
    # furniture is still found line by line once NEWLINE_CHAR is a line break again
    f24 = corpus.source("fallujah-raw/0")
    at = f24.text.index("Date created : 2014-01-05")
    assert not _in_body(f24, at, at + 10)


def test_real_multinews_jsonl_cluster(multinews):
    cluster = "multinews-lb184-robert-durst-gun-sentence"
    (corpus,) = load([MULTINEWS], cluster=cluster)
    assert corpus.id == cluster
    assert len(corpus.sources) == len(multinews[cluster]["documents"])
    assert [s.text for s in corpus.sources] == multinews[cluster]["documents"]
    assert [s.outlet for s in corpus.sources] == ["Reuters", "AP", "The Advocate (New Orleans)"]
    assert all(s.published == date(2016, 4, 27) and s.published_inferred for s in corpus.sources)


def test_real_multinews_file_loads_every_cluster(multinews):
    corpora = load([MULTINEWS])
    assert [c.id for c in corpora] == list(multinews)
    assert all(c.skipped == () and c.sources for c in corpora)


# --------------------------------------------------------------------------- overrides


@pytest.fixture()
def seed_copy(tmp_path, seed_dir):
    folder = tmp_path / "fallujah-2014"
    shutil.copytree(seed_dir, folder)
    return folder


def test_sidecar_overrides(seed_copy):
    (seed_copy / SIDECAR).write_text(
        json.dumps(
            {
                "sources": {
                    RFERL_US: {"outlet": "Radio Free Europe/Radio Liberty", "published": "2014-01-07"},
                    CSM: {"outlet": ""},
                }
            }
        ),
        encoding="utf-8",
    )
    (corpus,) = load([seed_copy])
    assert len(corpus.sources) == 5  # the sidecar is not an article
    us = corpus.source(RFERL_US)
    assert us.outlet == "Radio Free Europe/Radio Liberty"
    assert us.published == date(2014, 1, 7) and us.published_inferred is False
    assert corpus.source(CSM).outlet is None
    assert corpus.source(DW).outlet == "DW"


def test_overrides_argument_wins_over_the_sidecar(seed_copy):
    (seed_copy / SIDECAR).write_text(json.dumps({DW: {"outlet": "Deutsche Welle"}}), encoding="utf-8")
    (corpus,) = load([seed_copy], overrides={DW: {"outlet": "DW English"}, "*": {"published": "2014-01-06"}})
    assert corpus.source(DW).outlet == "DW English"
    for s in corpus.sources:
        assert s.published == date(2014, 1, 6) and s.published_inferred is False


def test_sidecar_beside_a_single_file(seed_copy):
    (seed_copy / SIDECAR).write_text(json.dumps({CSM: {"published": "2014-01-06"}}), encoding="utf-8")
    (corpus,) = load([seed_copy / f"{CSM}.txt"])
    (source,) = corpus.sources
    assert source.published == date(2014, 1, 6) and not source.published_inferred


def test_bad_override_date_is_an_input_error(seed_copy):
    with pytest.raises(InputError, match="'6 Jan 2014' is not YYYY-MM-DD"):
        load([seed_copy], overrides={CSM: {"published": "6 Jan 2014"}})


def test_bad_sidecar_is_an_input_error(seed_copy):
    (seed_copy / SIDECAR).write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="not a valid sidecar"):
        load([seed_copy])


def test_example_corpus_is_packaged():
    folder = example_corpus()
    assert sorted(p.stem for p in folder.glob("*.txt")) == SEED_IDS
    assert crosscheck.load([folder])[0].id == "fallujah-2014"


def test_a_wire_copy_is_marked_and_counts_as_one_outlet(seed_text, make_source):
    """FRANCE 24's article re-run under another name (a new headline, a line cut) is its copy;
    DW's own article on the same day is not. Their agreement is one text, not corroboration."""
    from crosscheck import compare, extract
    from crosscheck.model import Corpus
    from crosscheck.sources import mark_copies

    original = seed_text(FRANCE24)
    rerun = "Iraq: fighting in Anbar\n" + original.split("\n", 1)[1].rsplit("\n", 2)[0]
    sources = mark_copies(
        [
            make_source(original, source_id="f24"),
            make_source(rerun, source_id="rerun", published=date(2014, 1, 7)),
            make_source(seed_text(DW), source_id="dw"),
        ]
    )
    assert [s.copy_of for s in sources] == [None, "f24", None]
    corpus = compare(extract(Corpus(id="w", sources=tuple(sources))))
    toll = next(f for f in corpus.findings if any(corpus.claim(c).text == "more than 34" for c in f.claims))
    assert set(toll.sources) >= {"f24", "rerun"} and toll.outlets == len(set(toll.sources) - {"rerun"})
    alone = [f for f in corpus.findings if set(f.sources) == {"f24", "rerun"}]
    assert alone and all(f.verdict.value == "single-source" for f in alone)


def test_a_gallery_counter_run_into_the_text_is_furniture():
    """lb087 (CNN): "... conviction. Hide Caption 1 of 23 Photos: The rise and fall of O.J. Simpson
    As a University of Southern California running back, Simpson accepts the Heisman Trophy in
    December 1968.": the counter yields no claim, the captions' facts still do."""
    from crosscheck import Corpus, extract
    from crosscheck.sources import make_source

    text = (
        "Simpson is serving a nine-to-33-year prison term. Hide Caption 1 of 23 Photos: The rise and fall of "
        "O.J. Simpson As a University of Southern California running back, Simpson accepts the Heisman Trophy "
        "in December 1968. Hide Caption 2 of 23 Photos: The rise and fall of O.J. Simpson"
    )
    claims = extract(Corpus(id="g", sources=(make_source("g", "g.txt", text),))).claims
    assert [c.text for c in claims] == ["nine-to-33-year", "December 1968"]


@pytest.mark.parametrize(
    "line",
    [
        # the Internet Archive's own page, saved in place of four Multi-News articles (lb011, lb087)
        'The goal is to fix all broken links on the web . Crawls of supported "No More 404" sites.',
        "[Related: Celebrities We Lost in 2014]",  # lb118
        "Click here to see the 50 least powerful people in the world.",  # lb071
        "This story was originally posted at 1:47 p.m. Monday:",  # lb069
        "Updated on Oct. 8, 2013 : An update has been attached to this article.",  # lb069: a metadata line
    ],
)
def test_more_furniture_lines_of_unseen_pages_yield_no_claims(line):
    from crosscheck import Corpus, extract
    from crosscheck.sources import make_source

    source = make_source("p", "p.txt", f"{line}\nPolice said 12 people were arrested.")
    assert [c.text for c in extract(Corpus(id="p", sources=(source,))).claims] == ["12"]


def test_an_updated_on_line_dates_the_update():
    from crosscheck.sources import find_dates

    text = "Updated on Oct. 8, 2013 : An update has been attached to this article.\nPolice said 12 people came."
    assert find_dates(text) == (None, date(2013, 10, 8))


@pytest.mark.parametrize(
    "text, kept",
    [
        # lb000 (Reuters) and lb052 (SFGate): a slideshow's counters run into the captions
        ("1 of 6. The Occupy Los Angeles encampment is seen before the deadline for eviction.", []),
        (
            "Getty Images Image 1 of / 47 Caption Close Feds thought she was missing 1 / 47 Back to Gallery",
            [],
        ),
        # lb087 (CNN): an embedded tweet's signature; the tweet's own words stay
        (
            "O.J. Simpson wins parole after serving nine years https://t.co/di9NLhRSI6 \u2014 CNN (@CNN) July 20, 2017",
            ["nine years"],
        ),
    ],
)
def test_slideshow_counters_and_tweet_signatures_are_cut_from_the_text(text, kept):
    from crosscheck import Corpus, extract
    from crosscheck.sources import make_source

    source = make_source("p", "p.txt", text)
    assert [c.text for c in extract(Corpus(id="p", sources=(source,))).claims] == kept
    body = " ".join(text[a:b] for a, b in source.body)
    assert not any(cut in body for cut in ("1 of 6", "1 of / 47", "1 / 47", "@CNN", "July 20"))
    assert body.split()[-1] in ("eviction.", "missing", "https://t.co/di9NLhRSI6")  # the words around stay


def test_a_page_with_no_date_of_its_own_is_dated_by_its_newest_date_but_not_by_a_file_photo():
    """lb087 (CNN) writes no dateline, only an embedded tweet of July 20, 2017 and older dates;
    lb165 (AP) writes "This Sept. 30, 2003, file photo" beside "announced on Monday, Aug. 15, 2016"."""
    from crosscheck.sources import infer_published, make_source

    tweet = make_source(
        "t",
        "t.txt",
        "He was granted parole on Thursday. Simpson, in a hearing on May 13, 2013, said he was sorry.\n"
        "O.J. Simpson wins parole https://t.co/di9NLhRSI6 \u2014 CNN (@CNN) July 20, 2017",
    )
    (dated,) = infer_published([tweet])
    assert dated.published == date(2017, 7, 20) and dated.published_inferred
    photo = make_source(
        "f",
        "f.txt",
        "FILE - This Sept. 30, 2023, file photo, shows the hall. The university announced on Monday, Aug. 15, 2016, a deal.",
    )
    (dated,) = infer_published([photo])
    assert dated.published == date(2016, 8, 15)


def test_a_posted_stamp_inside_a_headline_line_dates_the_page():
    """lb166 (WSVN): "... after theft at hospital Posted: Monday, June 23, 2014 11:03 PM EDT Updated:
    Monday, August 18, 2014 11:03 PM EDT": published June 23; the line is metadata, not claims."""
    from crosscheck import Corpus, extract
    from crosscheck.sources import find_dates, make_source

    text = (
        "Officer replaces woman's engagement ring after theft at hospital Posted: Monday, June 23, 2014 11:03 PM EDT "
        "Updated: Monday, August 18, 2014 11:03 PM EDT\nPolice said the ring cost $400 in 1946."
    )
    assert find_dates(text)[0] == date(2014, 6, 23)
    source = make_source("w", "w.txt", text)
    assert [c.text for c in extract(Corpus(id="w", sources=(source,))).claims] == ["$400", "1946"]


def test_the_date_of_a_past_event_named_in_passing_does_not_date_the_page():
    """lb167: "sentenced to death in June for helping his older brother carry out the April 15, 2013,
    blasts": the bombing's date, not the day of a story about his appeal; the page stays undated."""
    from crosscheck.sources import infer_published, make_source

    text = (
        "Tsarnaev was sentenced to death in June for helping his older brother carry out the April 15, 2013, "
        "blasts that killed three people. His lawyers filed the motion on Monday."
    )
    (source,) = infer_published([make_source("b", "b.txt", text)])
    assert source.published is None
    dated = "Judge Kurt Engelhardt on Wednesday, April 27, 2016, approved a plea agreement."
    (source,) = infer_published([make_source("d", "d.txt", dated)])
    assert source.published == date(2016, 4, 27)


def test_phone_numbers_and_photo_counters_are_cut_from_the_text():
    from crosscheck import Corpus, extract
    from crosscheck.sources import make_source

    text = (
        "If you have any information on this theft, call Broward County Crime Stoppers at 954-493-TIPS.\n"  # lb166
        "7 PHOTOS Police officer replaces old woman's stolen ring\n"
        "Reach Adam Tamburin at 615-726-5986 and on Twitter @tamburintweets."  # lb165
    )
    assert extract(Corpus(id="p", sources=(make_source("p", "p.txt", text),))).claims == ()


def test_a_story_that_names_the_day_after_its_newest_date_was_published_that_day():
    """lb000 (Reuters): the caption's "November 27, 2011" is a Sunday, and police moved in "before
    dawn on Monday": the story is of Monday 28 November, so its Monday is not six days earlier."""
    from crosscheck.sources import infer_published, make_source

    text = (
        "Police moved on the protesters before dawn on Monday.\n"
        "The camp before the deadline, November 27, 2011. REUTERS/Lucy Nicholson"
    )
    (source,) = infer_published([make_source("r", "r.txt", text)])
    assert str(source.published) == "2011-11-28" and source.published_inferred
    (other,) = infer_published([make_source("s", "s.txt", "The camp, November 27, 2011, before the deadline.")])
    assert str(other.published) == "2011-11-27"


def test_knowledge_files_are_checked_against_their_shape():
    """Every shipped data file has the shape extraction reads; a broken edit is one line naming the key."""
    import pytest

    from crosscheck.errors import ConfigError
    from crosscheck.sources import DATA_SHAPES, check_data, load_data

    for name, shape in DATA_SHAPES.items():
        check_data(load_data(name), shape, where=name)
    shape = DATA_SHAPES["quantities.json"]
    broken = {**load_data("quantities.json"), "street_words": "Street"}
    with pytest.raises(ConfigError, match="'street_words' should be a list of strings"):
        check_data(broken, shape, where="quantities.json")
    with pytest.raises(ConfigError, match="missing key 'lines'"):
        check_data({"_doc": ""}, DATA_SHAPES["furniture.json"], where="furniture.json")
