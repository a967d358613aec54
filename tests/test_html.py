"""The HTML export: safe (every source byte escaped, nothing loaded, a CSP), faithful (every
highlight is its claim's exact text) and usable (filters, search, JS off, print), checked on the
rendered page and in Debian's Chromium driven by playwright."""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import re
from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

import crosscheck
from crosscheck import dev
from crosscheck import html as chtml
from crosscheck.cli import app
from crosscheck.model import Claim, Corpus, Finding, Source, Verdict
from crosscheck.report import report_dict

ROOT = Path(__file__).resolve().parents[1]
REPORTS = ROOT / "reports"

SCRIPT_ALERT = "<script>alert(1)</script>"
IMG_ALERT = "<img src=x onerror=alert(1)>"
INJECTED = (
    "Officials said <script>window.__pwned=1</script> that 12 people were killed on Sunday in Fallujah.\n\n"
    'Police said <img src=x onerror="window.__pwned=1"> at least 30 militants died in the fighting on Sunday.\n\n'
    "A spokesman <script>alert(1)</script> said 200 families fled the city.\n\n"
    '<img src=x onerror=alert(1)> <a href="javascript:alert(1)">click</a> <iframe src="https://example.com"></iframe>\n'
)
SECOND = (
    "Officials said 15 people were killed on Sunday in Fallujah.\n\n"
    "Police said 30 militants died in the fighting on Sunday.\n"
)


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def seed_corpora() -> list[Corpus]:
    return dev.example_corpora()


@pytest.fixture(scope="module")
def seed_html(seed_corpora) -> str:
    return chtml.render_html(seed_corpora)


@pytest.fixture(scope="module")
def seed_doc(seed_html):
    return lxml.html.document_fromstring(seed_html)


@pytest.fixture(scope="module")
def injected_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("injected")
    (folder / "evil.txt").write_text(INJECTED, encoding="utf-8")
    (folder / "plain.txt").write_text(SECOND, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def injected_corpora(injected_dir) -> list[Corpus]:
    overrides = {"*": {"published": "2014-01-06"}, "evil": {"outlet": '<b onmouseover="alert(1)">Evil</b>'}}
    return [crosscheck.compare(crosscheck.extract(c)) for c in crosscheck.load([injected_dir], overrides=overrides)]


def _marks(doc) -> list[tuple[str, str, str]]:
    """(corpus index, claim id, text) of every highlight."""
    return [(m.get("data-corpus"), m.get("data-claim"), m.text_content()) for m in doc.xpath("//mark[@data-claim]")]


def _claim_texts(corpora: list[Corpus]) -> dict[tuple[str, str], str]:
    return {(str(k), c.id): c.text for k, corpus in enumerate(corpora) for c in corpus.claims}


# --------------------------------------------------------------------------- the page, unit tests


@pytest.mark.hostile
def test_source_text_is_escaped(injected_corpora):
    html = chtml.render_html(injected_corpora)
    assert any(c.source == "evil" for c in injected_corpora[0].claims), "the injected article has claims"
    for raw in (
        SCRIPT_ALERT,
        IMG_ALERT,
        "<script>window.__pwned=1</script>",
        '<img src=x onerror="window.__pwned=1">',
        "<iframe",
        'href="javascript:',
        "<b onmouseover",
    ):
        assert raw not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    doc = lxml.html.document_fromstring(html)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and not scripts[0].get("src"), "only the page's own inline script"
    assert not doc.xpath("//img | //iframe | //object | //embed | //form | //base | //link[@rel='stylesheet']")
    assert not [a for el in doc.iter() if isinstance(el.tag, str) for a in el.attrib if a.lower().startswith("on")]
    assert "Evil" in doc.xpath("string(//table[contains(@class,'sources')])")


def test_every_highlight_is_its_claims_exact_text(seed_corpora, seed_doc):
    expected = _claim_texts(seed_corpora)
    marks = _marks(seed_doc)
    assert marks
    for corpus, claim, text in marks:
        assert text == expected[(corpus, claim)], claim
    in_findings = {(m.get("data-corpus"), m.get("data-claim")) for m in seed_doc.xpath("//tr[@data-finding]//mark")}
    assert in_findings == set(expected), "every claim is shown in its finding"
    in_fulltext = {
        (m.get("data-corpus"), m.get("data-claim")) for m in seed_doc.xpath("//div[@class='fulltext']//mark")
    }
    assert in_fulltext == set(expected), "every claim is highlighted in its source"


def test_segments_rebuild_sentence_and_text(seed_corpora):
    corpus = seed_corpora[0]
    for c in corpus.claims:
        segs = chtml.sentence_segments(c)
        assert "".join(s.text for s in segs) == c.sentence
        assert [s.text for s in segs if s.claim] == [c.text]
    for s in corpus.sources:
        segs, left_out = chtml.fulltext_segments(s, [c for c in corpus.claims if c.source == s.id])
        assert not left_out
        squeeze = lambda t: re.sub(r"\s+", " ", t).strip()  # noqa: E731 (runs of blank lines are shortened)
        assert squeeze("".join(x.text for x in segs)) == squeeze(s.text)
        for x in segs:
            if x.claim:
                assert s.text[x.claim.start : x.claim.end] == x.text == x.claim.text


def test_overlapping_claim_is_skipped_in_full_text_but_shown_in_finding():
    text = "Officials said more than 30 people died on Sunday."
    source = Source(id="s", path="s.txt", text=text, outlet="Wire")
    other = Source(id="t", path="t.txt", text=text, outlet="Paper")

    def claim(cid, src, phrase, inner=None):
        start = text.index(inner or phrase) if inner else text.index(phrase)
        span = inner or phrase
        return Claim(
            id=cid,
            source=src,
            type="quantity",
            text=span,
            start=start,
            end=start + len(span),
            sentence=text,
            value=30,
            low=31,
            subject="people",
            event="died",
        )

    outer = claim("qouter", "s", "more than 30")
    inner = claim("qinner", "s", "more than 30", inner="30")
    theirs = claim("qtheirs", "t", "more than 30")
    findings = (
        Finding(
            id="f1",
            topic="people died",
            verdict=Verdict.AGREE,
            claims=("qouter", "qtheirs"),
            sources=("s", "t"),
            outlets=2,
            explanation="same",
            low=31,
            best=31,
            high=None,
        ),
        Finding(
            id="f2",
            topic="people died (inner)",
            verdict=Verdict.SINGLE,
            claims=("qinner",),
            sources=("s",),
            outlets=1,
            explanation="only",
            low=30,
            best=30,
            high=30,
        ),
    )
    corpus = Corpus(id="overlap", sources=(source, other), claims=(outer, inner, theirs), findings=findings)
    segs, left_out = chtml.fulltext_segments(source, [outer, inner])
    assert [s.claim.id for s in segs if s.claim] == ["qouter"] and left_out == [inner]
    doc = lxml.html.document_fromstring(chtml.render_html([corpus]))
    full = {m.get("data-claim") for m in doc.xpath("//div[@class='fulltext']//mark")}
    assert full == {"qouter", "qtheirs"}
    row = doc.xpath("//tr[@data-finding='f2']")[0]
    assert [m.text_content() for m in row.xpath(".//mark")] == ["30"]


@pytest.mark.hostile
def test_one_file_nothing_external(seed_html, seed_doc):
    for el in seed_doc.iter():
        if not isinstance(el.tag, str):
            continue
        for name in ("src", "href", "action", "srcset", "poster", "data", "xlink:href", "formaction"):
            value = el.get(name)
            if value is not None:
                assert value.startswith("#") or value.startswith("data:"), (el.tag, name, value)
    assert not re.search(r"https?://", seed_html)
    style = "".join(seed_doc.xpath("//style/text()"))
    assert "url(" not in style and "@import" not in style
    assert not seed_doc.xpath("//script[@src] | //link[@rel='stylesheet'] | //img")


@pytest.mark.hostile
def test_content_security_policy(seed_doc):
    metas = seed_doc.xpath("//meta[@http-equiv='Content-Security-Policy']")
    assert len(metas) == 1
    csp = metas[0].get("content")
    directives = {d.split()[0]: d.split()[1:] for d in csp.split(";") if d.strip()}
    assert directives["default-src"] == ["'none'"]
    assert directives["style-src"] == ["'unsafe-inline'"]
    assert directives["img-src"] == ["data:"]
    script = seed_doc.xpath("//script")[0].text
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    assert directives["script-src"] == [f"'sha256-{digest}'"], "the hash of the one inline script, no unsafe-inline"
    assert seed_doc.xpath("//head/meta[1]/@charset") == ["utf-8"]


def test_range_plot_for_every_numeric_finding(seed_corpora, seed_doc):
    corpus = seed_corpora[0]
    claims = {c.id: c for c in corpus.claims}
    for f in corpus.findings:
        row = seed_doc.xpath(f"//tr[@data-finding='{f.id}']")[0]
        svgs = row.xpath(".//svg[contains(@class,'plot')]")
        if f.type == "quantity":
            assert len(svgs) == 1, f.topic
            svg = svgs[0]
            assert svg.get("role") == "img" and f.topic in svg.get("aria-label")
            marks = svg.xpath(".//*[contains(@class,'bar')]")
            assert marks, f.topic
            labels = [t.text for t in svg.xpath(".//text[contains(@class,'lbl')]")]
            assert len(labels) == len(f.claims)
            assert all(claims[cid].text in svg.get("aria-label") for cid in f.claims)


def test_range_plot_puts_conflicting_intervals_apart(seed_corpora):
    corpus = seed_corpora[0]
    claims = {c.id: c for c in corpus.claims}
    conflicts = [f for f in corpus.findings if f.verdict is Verdict.CONFLICT and f.type == "quantity"]
    assert conflicts
    for f in conflicts:
        plot = chtml.range_plot(f, [claims[c] for c in f.claims], {})
        spans = sorted((r.x1, r.x2) for r in plot.rows if r.x1 is not None)
        assert any(a[1] < b[0] for a, b in itertools.pairwise(spans)), "a visible gap between disagreeing outlets"
        for r in plot.rows:
            assert plot.x0 <= r.x1 <= r.x2 <= plot.x1


def test_range_plot_open_ended_and_dates():
    text = "at least 25 killed; 25 killed on Sunday"
    a = Claim(
        id="a",
        source="s",
        type="quantity",
        text="at least 25",
        start=0,
        end=11,
        sentence=text,
        value=25,
        low=25,
        qualifier="at least",
    )
    b = Claim(
        id="b", source="t", type="quantity", text="25", start=20, end=22, sentence=text, value=25, low=25, high=25
    )
    f = Finding(
        id="f",
        topic="killed",
        verdict=Verdict.AGREE,
        claims=("a", "b"),
        sources=("s", "t"),
        outlets=2,
        explanation="",
        low=25,
        best=25,
        high=25,
    )
    plot = chtml.range_plot(f, [a, b], {"s": "S1 A", "t": "S2 B"})
    assert plot.rows[0].open_right and plot.rows[0].arrows and plot.rows[1].point
    assert plot.rows[0].x1 == plot.rows[1].x1 and plot.rows[0].x2 == plot.x1
    d1 = replace(a, id="d1", type="date", text="Sunday", date="2014-01-05", value=None, low=None, qualifier=None)
    d2 = replace(b, id="d2", type="date", text="January 6", date="2014-01-06", value=None, low=None, high=None)
    fd = Finding(
        id="g",
        topic="date of x",
        verdict=Verdict.CONFLICT,
        claims=("d1", "d2"),
        sources=("s", "t"),
        outlets=2,
        explanation="",
        low="2014-01-05",
        best=None,
        high="2014-01-06",
        type="date",
    )
    plot = chtml.range_plot(fd, [d1, d2], {})
    assert plot.rows[0].x2 <= plot.rows[1].x1, "two different days sit side by side"
    assert any("5 Jan" == t[1] for t in plot.ticks)


def test_header_counts_sources_and_inferred_dates(seed_corpora, seed_doc):
    corpus = seed_corpora[0]
    rows = seed_doc.xpath("//table[contains(@class,'sources')]/tbody/tr")
    assert len(rows) == len(corpus.sources)
    for s, row in zip(corpus.sources, rows):
        cells = row.text_content()
        assert (s.outlet or "unknown") in cells and s.published.isoformat() in cells
        assert ("inferred" in cells) == s.published_inferred
    counts = seed_doc.xpath("string(//ul[@class='counts'])")
    n_conflict = sum(f.verdict is Verdict.CONFLICT for f in corpus.findings)
    assert re.search(rf"{n_conflict}\s+\S*\s*Conflict", counts)
    badges = seed_doc.xpath("//tr[@data-verdict='conflict']//span[contains(@class,'badge')]")
    assert badges and all(b.text_content().strip().endswith("Conflict") for b in badges), "verdicts in words"


def test_findings_link_to_sources_and_back(seed_doc):
    ids = seed_doc.xpath("//@id")
    assert len(ids) == len(set(ids)), "no duplicate id"
    targets = set(ids)
    hrefs = [h[1:] for h in seed_doc.xpath("//a/@href")]
    assert hrefs and all(h in targets for h in hrefs), "every link lands"
    for mark in seed_doc.xpath("//div[@class='fulltext']//mark[@data-finding]"):
        link = mark.xpath("./a/@href")[0][1:]
        assert seed_doc.xpath(f"//tr[@id='{link}']/@data-finding") == [mark.get("data-finding")]


def test_rule_checks_section_only_when_given(seed_corpora, seed_html):
    assert "Rule checks" not in seed_html
    corpus = seed_corpora[0]
    conflict = next(f for f in corpus.findings if f.verdict is Verdict.CONFLICT)
    checks = [
        {
            "code": "CC101",
            "name": "figure-mismatch",
            "severity": "fail",
            "outcome": "fail",
            "message": "outlets disagree <script>alert(1)</script>",
            "finding": conflict.id,
        },
        {"code": "CC200", "name": "weekday", "severity": "warn", "outcome": "fail", "message": "odd", "finding": None},
        {
            "code": "CC300",
            "name": "broken",
            "severity": "fail",
            "outcome": "error",
            "message": "boom",
            "finding": "nope",
        },
        {"code": "CC400", "name": "fine", "severity": "fail", "outcome": "pass", "message": "", "finding": None},
    ]
    html = chtml.render_html(seed_corpora, checks=checks)
    assert "<script>alert(1)</script>" not in html
    doc = lxml.html.document_fromstring(html)
    section = doc.xpath("//section[@id='checks']")[0]
    assert section.xpath("string(h2)") == "Rule checks"
    rows = section.xpath(".//tr[contains(@class,'check')]")
    assert [r.get("data-code") for r in rows] == ["CC101", "CC300", "CC200"], "failures first, passes summarised"
    assert "CC400" in section.xpath("string(.//p[contains(@class,'passed')])")
    link = rows[0].xpath(".//a/@href")[0]
    assert link == f"#k0-f-{conflict.id}"
    back = doc.xpath(f"//tr[@data-finding='{conflict.id}']//a[contains(@class,'rule')]/@href")
    assert back == [f"#{rows[0].get('id')}"]
    empty = lxml.html.document_fromstring(chtml.render_html(seed_corpora, checks=[]))
    assert empty.xpath("//section[@id='checks']") and "No rule was run" in empty.text_content()


def test_several_corpora_and_an_empty_one(seed_corpora):
    empty = Corpus(id="empty", sources=(), skipped=("x.txt: <unreadable>",))
    html = chtml.render_html([*seed_corpora, seed_corpora[0], empty])
    doc = lxml.html.document_fromstring(html)
    ids = doc.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert len(doc.xpath("//section[contains(@class,'corpus')]")) == 3
    assert "&lt;unreadable&gt;" in html
    assert _marks(doc) and all(
        text == _claim_texts([*seed_corpora, seed_corpora[0]])[(k, c)] for k, c, text in _marks(doc)
    )


def test_cli_report_html(tmp_path, injected_dir):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(injected_dir), "--html", str(out), "-q"])
    assert result.exit_code in (0, 1), result.output
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "&lt;script&gt;" in html
    assert not list(tmp_path.glob(".*.tmp")), "written atomically"


def test_write_html(tmp_path, seed_corpora, seed_html):
    chtml.write_html(tmp_path / "r.html", seed_corpora)
    assert (tmp_path / "r.html").read_text(encoding="utf-8") == seed_html


def test_templates_are_package_files():
    from importlib import resources

    names = {p.name for p in resources.files("crosscheck").joinpath("templates").iterdir()}
    assert {"report.html.j2", "_macros.html.j2", "report.js", "_style.css"} <= names
    env = chtml._environment()
    assert env.autoescape is True


def test_committed_example_report_is_current(tmp_path):
    """reports/ holds what `python -m crosscheck.dev reports/` writes today."""
    if not (REPORTS / "fallujah-2014.html").exists():
        pytest.skip("no committed reports/")
    dev.regenerate(tmp_path, png=False)
    for name in ("fallujah-2014.html", "fallujah-2014.json"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (REPORTS / name).read_text(encoding="utf-8"), (
            f"reports/{name} is stale: run `python -m crosscheck.dev reports/`"
        )
    data = json.loads((REPORTS / "fallujah-2014.json").read_text(encoding="utf-8"))
    assert data["corpus"] == "fallujah-2014" and not any(s["path"].startswith("/") for s in data["sources"])
    assert (REPORTS / "fallujah-2014.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "![crosscheck HTML report](reports/fallujah-2014.png)" in (ROOT / "README.md").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- in a real browser


@pytest.fixture(scope="module")
def browser():
    if not Path(dev.CHROMIUM).exists():
        pytest.skip(f"{dev.CHROMIUM} absent (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=dev.CHROMIUM, args=dev.CHROMIUM_ARGS)
        yield b
        b.close()


class Opened:
    def __init__(self, browser, path: Path, *, javascript: bool = True) -> None:
        self.context = browser.new_context(java_script_enabled=javascript, viewport={"width": 1280, "height": 900})
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_load_state("load")

    def visible(self) -> list[str]:
        return self.page.evaluate("""() => Array.from(document.querySelectorAll('tr.finding'))
            .filter(r => r.getClientRects().length > 0).map(r => r.dataset.verdict)""")

    def close(self) -> None:
        self.context.close()


@pytest.fixture()
def open_page(browser):
    opened: list[Opened] = []

    def open_(path: Path, **kw) -> Opened:
        o = Opened(browser, path, **kw)
        opened.append(o)
        return o

    yield open_
    for o in opened:
        o.close()


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory, seed_html) -> Path:
    path = tmp_path_factory.mktemp("html") / "fallujah-2014.html"
    path.write_text(seed_html, encoding="utf-8")
    return path


def test_browser_loads_without_console_errors(open_page, seed_file, seed_corpora):
    o = open_page(seed_file)
    assert o.errors == []
    assert o.page.is_visible("#controls"), "the script ran (its CSP hash matched)"
    assert (
        o.page.inner_text("#shown")
        == f"Showing {len(seed_corpora[0].findings)} of {len(seed_corpora[0].findings)} findings"
    )
    assert all(u.startswith("file:") for u in o.requests), o.requests
    assert o.page.evaluate("document.querySelectorAll('svg.plot').length") >= 1


def test_browser_filters_show_and_hide_rows(open_page, seed_file, seed_corpora):
    findings = seed_corpora[0].findings
    o = open_page(seed_file)
    assert len(o.visible()) == len(findings)
    for verdict in ("conflict", "agree", "single-source"):
        o.page.click(f"label.choice.{verdict}")
        shown = o.visible()
        assert shown == [f.verdict.value for f in findings if f.verdict.value == verdict] and shown, verdict
    o.page.click("label.choice.all")
    assert len(o.visible()) == len(findings)
    assert o.errors == []


def test_browser_search_box(open_page, seed_file, seed_corpora):
    corpus = seed_corpora[0]
    o = open_page(seed_file)
    o.page.fill("#search", "Hejazi")
    rows = o.page.evaluate("""() => Array.from(document.querySelectorAll('tr.finding'))
        .filter(r => r.getClientRects().length > 0).map(r => r.dataset.finding)""")
    claims = {c.id: c for c in corpus.claims}
    expected = [
        f.id
        for f in corpus.findings
        if any("Hejazi" in claims[c].sentence for c in f.claims) or "Hejazi" in f.explanation
    ]
    assert rows == expected and rows
    o.page.click("label.choice.agree")
    assert set(o.visible()) <= {"agree"}
    o.page.fill("#search", "zzz no such words")
    assert o.visible() == [] and o.page.is_visible("tr.no-match")
    o.page.click("#reset")
    assert len(o.visible()) == len(corpus.findings) and not o.page.is_visible("tr.no-match")


def test_browser_highlights_equal_claims(open_page, seed_file, seed_corpora):
    data = report_dict(seed_corpora)
    texts = {c["id"]: c["text"] for c in data["claims"]}
    o = open_page(seed_file)
    marks = o.page.evaluate("""() => Array.from(document.querySelectorAll('mark[data-claim]'))
        .map(m => [m.dataset.claim, m.textContent])""")
    assert len(marks) >= 2 * len(texts)
    for claim_id, text in marks:
        assert text == texts[claim_id], claim_id
    assert {c for c, _ in marks} == set(texts)


def test_browser_link_reveals_a_filtered_out_finding(open_page, seed_file, seed_corpora):
    o = open_page(seed_file)
    o.page.click("label.choice.conflict")
    mark = o.page.locator("div.fulltext mark.claim.agree a").first
    target = mark.get_attribute("href")[1:]
    assert o.page.evaluate(f"document.getElementById('{target}').hidden")
    mark.click()
    o.page.wait_for_function(f"!document.getElementById('{target}').hidden")
    assert o.page.evaluate("location.hash") == f"#{target}"


@pytest.mark.hostile
def test_browser_injected_article_runs_nothing(open_page, tmp_path, injected_corpora):
    path = tmp_path / "injected.html"
    chtml.write_html(path, injected_corpora)
    o = open_page(path)
    o.page.wait_for_timeout(300)
    assert o.page.evaluate("typeof window.__pwned") == "undefined"
    assert o.dialogs == []
    assert o.errors == []
    assert all(u.startswith("file:") for u in o.requests), o.requests
    body = o.page.inner_text("body")
    assert "<script>window.__pwned=1</script>" in body and '<img src=x onerror="window.__pwned=1">' in body
    assert o.page.evaluate("document.querySelectorAll('img, iframe').length") == 0
    assert o.page.evaluate("document.scripts.length") == 1


def test_browser_javascript_off_shows_every_finding(open_page, seed_file, seed_corpora):
    o = open_page(seed_file, javascript=False)
    assert len(o.visible()) == len(seed_corpora[0].findings)
    assert not o.page.is_visible("#controls"), "filters degrade"
    assert o.page.is_visible("p.nojs")
    assert o.page.evaluate("document.querySelectorAll('div.fulltext mark').length") == len(seed_corpora[0].claims)


def test_browser_print(open_page, seed_file, seed_corpora, tmp_path):
    o = open_page(seed_file)
    o.page.emulate_media(media="print")
    assert not o.page.is_visible("#controls")
    assert len(o.visible()) == len(seed_corpora[0].findings)
    pdf = o.page.pdf()
    assert pdf[:5] == b"%PDF-" and len(pdf) > 10_000


def test_browser_screenshot_regenerated(browser, tmp_path):
    written = dev.regenerate(tmp_path, browser=browser)
    assert [p.name for p in written] == ["fallujah-2014.html", "fallujah-2014.json", "fallujah-2014.png"]
    png = written[2].read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(png[16:20], "big"), int.from_bytes(png[20:24], "big")
    assert (width, height) == (1280, 1500), "the first screenful: header, conflicts, agreements"
