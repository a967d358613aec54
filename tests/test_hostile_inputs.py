"""Hostile-input battery, 2. what is read: nothing leaked, nothing obeyed, a bad file costs only itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from crosscheck.errors import ConfigError
from crosscheck.settings import check_sidecar

SEED = Path(__file__).parents[1] / "crosscheck" / "examples" / "fallujah-2014"
pytestmark = [pytest.mark.hostile, pytest.mark.timeout(300)]


def run(*args, cwd: Path, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=timeout
    )


def test_a_symlink_out_of_the_folder_is_not_read(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "good.txt").write_text((SEED / "001_1601a2bcdfb07497.txt").read_text(encoding="utf-8"))
    secret = tmp_path / "secret.txt"
    secret.write_text("The password is 123456 and 42 people know it.\n")
    (folder / "link.txt").symlink_to(secret)
    done = run("report", folder, "-q", "--json", tmp_path / "r.json", cwd=tmp_path)
    assert "outside the folder" in done.stderr and "123456" not in (tmp_path / "r.json").read_text()
    done = run("report", folder, "-q", "--follow-symlinks", "--json", tmp_path / "r.json", cwd=tmp_path)
    assert "123456" in (tmp_path / "r.json").read_text()


def test_terminal_escapes_and_markup_in_articles_and_names_are_shown_not_obeyed(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "e[b]x.txt").write_text(
        "Two people died on Monday, police said. \x1b]0;PWNED\x1b\\ \x1b[2J \x1b[8m hidden.\n"
        "Officials said three people died on Monday.\n"
    )
    (folder / "f.txt").write_text("Officials said nine people died on Monday in [bold]Kabul[/].\n")
    outlet = "e[b]x=[/]\x1b]0;PWNED\x1b\\Outlet[red]"
    for color in ("never", "always"):
        done = run("report", folder, "--show", "all", "--color", color, "--outlet", outlet, cwd=tmp_path)
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
        for escape in ("\x1b]0;", "\x1b[2J", "\x1b[8m"):
            assert escape not in done.stdout
        assert "\u241b]0;PWNED" in done.stdout  # the ESC shown as its picture
        assert "[/]" in done.stdout and "Outlet[red]" in done.stdout


def test_a_broken_file_in_a_folder_is_skipped_the_others_read(tmp_path):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "good.txt").write_text((SEED / "001_1601a2bcdfb07497.txt").read_text(encoding="utf-8"))
    (folder / "a.txt").write_bytes(b"\xff\xfeA\x00B")  # UTF-16 of odd length
    (folder / "b.txt").write_bytes(b"\xff\xfe\x00\xd8A\x00")  # a lone surrogate
    done = run("report", folder, "-q", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr
    assert done.stdout.startswith("d: 1 sources")
    assert "skipped" in done.stderr and "a.txt" in done.stderr and "b.txt" in done.stderr


@pytest.mark.parametrize(
    "line, fragment",
    [
        ('{"id": "x", "documents": ["Two died."], "outlet_hints": 5}', "'outlet_hints' is not a list of strings"),
        ('{"id": "x", "documents": [1, "Two died."]}', "documents[0] is not a string"),
        ("[1, 2]", "a line is a JSON object"),
        ('{"id": null, "documents": ["Two died."]}', "'id' is not a string or a number: null"),
        ('{"id": "x", "documents": ["Two died."], "summary": 5}', "'summary' is not a string"),
        ('{"id": "x", "documents": ["34 killed \\ud800 on Sunday"]}', "documents[0] holds a lone surrogate"),
        ("[" * 100_000, "nested too deeply"),
        ('{"id": "x\\udc00", "documents": ["Two died."]}', "id holds a lone surrogate"),
        ('{"id": "x", "documents": ["Two died."], "outlet_hints": ["AP\\udc00"]}', "outlet_hints[0] holds a lone"),
        ('{"id": "x", "documents": ["Two died."], "summary": "Two died.", "findings": {}}', None),
    ],
)
def test_wrongly_typed_jsonl_fields_are_named(tmp_path, line, fragment):
    (tmp_path / "c.jsonl").write_text(line + "\n")
    done = run("report", tmp_path / "c.jsonl", "-q", cwd=tmp_path)
    assert "Traceback" not in done.stderr
    if fragment is None:  # a good line, with a key crosscheck does not read
        assert done.returncode == 0, done.stderr
        return
    assert done.returncode == 2 and "c.jsonl:1" in done.stderr and fragment in done.stderr
    verified = run("verify", tmp_path / "c.jsonl", cwd=tmp_path)  # verify reads the summaries the same way
    assert verified.returncode == 2 and "Traceback" not in verified.stderr


def test_verify_takes_the_summary_of_the_cluster_it_checks(tmp_path):
    """Two lines of one id: the first is the cluster (the second is skipped and named), and its
    own summary is verified, not the second line's."""
    lines = [
        {"id": "x", "documents": ["Police said 12 people were arrested on Monday."], "summary": "Police arrested 12."},
        {"id": "x", "documents": ["Police said 40 were arrested."], "summary": "Police arrested 40."},
    ]
    (tmp_path / "c.jsonl").write_text("".join(json.dumps(x) + "\n" for x in lines))
    done = run("verify", "c.jsonl", "-q", cwd=tmp_path)
    assert "c.jsonl:2" in done.stderr and "0 contradicted" in done.stdout, (done.stdout, done.stderr)


def test_a_broken_jsonl_line_costs_only_itself_and_an_id_is_one_clusters(tmp_path):
    """A lone surrogate or a line nested 100,000 deep is skipped and named; the good lines are
    reported, and a second cluster of one id is skipped (which would --cluster mean?)."""
    good = '{"id": "ok", "documents": ["34 people were killed on Sunday."]}'
    lines = ['{"id": "u", "documents": ["34 killed \\ud800 x"]}', good, "[" * 100_000, good.replace("34", "40")]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n")
    done = run("report", "c.jsonl", "-q", "--json", "out.json", cwd=tmp_path)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert done.stdout.startswith("ok: 1 sources, 2 claims")
    assert "c.jsonl:1" in done.stderr and "c.jsonl:3" in done.stderr and "'ok' is the id of line 2" in done.stderr
    assert json.loads((tmp_path / "out.json").read_text())["corpus"] == "ok"  # one cluster: one corpus


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON, Dec. 31, 9999 - Officials said 10 drones will arrive in the coming weeks.",
        "LONDON, Jan 1, 0001 - 34 were killed last year and 5 the day before.",
        "The meeting was on December 31, 9999, and 10 people came at midnight. The next day 5 more came.",
    ],
)
def test_a_date_at_the_ends_of_the_calendar_is_no_traceback(tmp_path, text):
    (tmp_path / "a.txt").write_text(text)
    done = run("report", "a.txt", "-q", "--json", "out.json", cwd=tmp_path)
    assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
    assert json.loads((tmp_path / "out.json").read_text())["claims"]


@pytest.mark.parametrize(
    "gold, fragment",
    [
        ({"corpus": 5}, "'corpus' is not a string"),
        ({"corpus": "fallujah-2014", "claims": [1, 2]}, "claims[0] is not a table"),
        ({"corpus": "fallujah-2014", "findings": 5}, "'findings' is not a list"),
        (
            {"corpus": "fallujah-2014", "findings": [{"claims": [], "verdict": "agree"}]},
            "findings[0].id is missing or not a string",
        ),
        (
            {
                "corpus": "fallujah-2014",
                "claims": [{"id": "a", "source": "s", "type": "quantity", "start": 0, "text": "x", "value": "34"}],
            },
            "claims[0].value is not a number or null",
        ),
        (
            {
                "corpus": "fallujah-2014",
                "claims": [{"id": "a", "source": "s", "type": "date", "start": "abc", "text": "x"}],
            },
            "claims[0].start is missing or not a whole number",
        ),
    ],
)
def test_a_badly_shaped_gold_file_is_one_line(tmp_path, gold, fragment):
    (tmp_path / "g.json").write_text(json.dumps(gold))
    done = run("score", "g.json", cwd=tmp_path)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == f"crosscheck: error: g.json: not a gold file ({fragment})"


@pytest.mark.parametrize(
    "sidecar, fragment",
    [
        ({"sources": [1]}, "sources: expected a table"),
        ({"sources": {"a": {"outlet": 5}}}, "sources.a.outlet: expected a string or null, got 5"),
        ({"a": {"published": "5 May"}}, "a.published: expected a date YYYY-MM-DD"),
        ({"a": {"outlt": "AP"}}, "unknown key 'outlt'"),
    ],
)
def test_bad_sidecar_fields_are_named(sidecar, fragment):
    with pytest.raises(ConfigError) as info:
        check_sidecar(sidecar, where="d/crosscheck.meta.json")
    assert fragment in str(info.value) and str(info.value).startswith("d/crosscheck.meta.json: ")


def test_bad_sidecar_is_a_one_line_error_from_the_cli(tmp_path, seed_dir):
    folder = tmp_path / "d"
    folder.mkdir()
    (folder / "a.txt").write_text((seed_dir / "001_1601a2bcdfb07497.txt").read_text(encoding="utf-8"))
    (folder / "crosscheck.meta.json").write_text(json.dumps({"sources": {"a": {"outlet": 5}}}))
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "report", str(folder)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2 and "crosscheck.meta.json: sources.a.outlet: expected a string or null" in done.stderr


def test_deeply_nested_html_falls_back_to_the_pages_plain_text(tmp_path):
    from crosscheck.sources import html_to_text

    html = "<html><body>" + "<div>" * 300 + "<p>Officials said 34 people were killed on Sunday.</p>" + "</div>" * 300
    html += "<script>var x = 99;</script></body></html>"
    text, info = html_to_text(html, name="deep.html")
    assert text == "Officials said 34 people were killed on Sunday."
    assert "plain text" in (info.get("note") or "")


def test_thin_space_thousands_and_powers(tmp_path):
    from crosscheck import extract
    from crosscheck.sources import make_source

    text = "They counted 1\u2009000 people, 1\u00a0000 cars and 10^1000 grains."
    claims = extract([make_source("t", "t.txt", text)]).claims
    assert [(c.text, c.value) for c in claims] == [("1\u2009000", 1000), ("1\u00a0000", 1000)]


def test_markup_in_a_cluster_id_and_a_rule_docstring_is_text(tmp_path):
    line = {
        "id": "[/]c[bold]",
        "documents": ["Officials said 12 people died on Monday.", "Police said 14 died Monday."],
    }
    (tmp_path / "c.jsonl").write_text(json.dumps(line) + "\n")
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "check_markup.py").write_text(
        'from crosscheck.rules import rule\n\n@rule("MK001", "markup")\n'
        'def check_markup(corpus):\n    """[/] closes nothing [red]."""\n    assert False, "[/]"\n'
    )
    for args in (("report", "--show", "all"), ("check", "--rules", "r"), ("rules", "--rules", "r")):
        done = run(*args, *(["c.jsonl"] if args[0] != "rules" else []), cwd=tmp_path)
        assert done.returncode in (0, 1) and "Traceback" not in done.stderr, done.stderr
        assert "[/]" in done.stdout
