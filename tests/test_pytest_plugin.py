"""The pytest plugin: the same rules inside pytest, with its fixtures and options."""

from __future__ import annotations

# imported here, before any in-process pytester run: pytester restores sys.modules after each run,
# and numpy cannot be imported twice in one process
import pandas  # noqa: F401
import pytest

from crosscheck.rules import builtin_rules_dir
from crosscheck.sources import example_corpus

CORPUS = str(example_corpus())


def test_builtin_rules_under_pytest(pytester: pytest.Pytester):
    result = pytester.runpytest_subprocess(
        str(builtin_rules_dir()), "--crosscheck-corpus", CORPUS, "-p", "no:cacheprovider"
    )
    outcomes = result.parseoutcomes()
    assert outcomes["failed"] == 2
    assert outcomes.get("xfailed", 0) >= 1  # warn-severity rules
    result.stdout.fnmatch_lines(["*check_figures_agree*", "*check_dates_agree*"])


def test_user_rule_with_fixtures_and_assertion_rewriting(pytester: pytest.Pytester):
    pytester.makepyfile(
        check_team="""
        def check_every_fact_has_two_outlets(finding):
            assert finding.outlets >= 5

        def check_claims_frame(claims, findings, corpus):
            assert len(claims) == len(corpus.claims)
            assert set(findings["verdict"]) <= {"agree", "conflict", "single-source"}

        def test_sources(source):
            assert source.text[:0] == ""
        """
    )
    result = pytester.runpytest("--crosscheck-corpus", CORPUS, "-p", "no:cacheprovider")
    outcomes = result.parseoutcomes()
    assert outcomes["passed"] == 1 + 5  # the frame check and five sources
    assert outcomes["failed"] >= 2
    # assertion rewriting shows the compared value
    result.stdout.fnmatch_lines(["*assert * >= 5*", "*where * = <finding *>.outlets*"])


def test_k_x_and_junitxml(pytester: pytest.Pytester):
    pytester.makepyfile(
        check_team="""
        def check_fails_first(finding):
            assert False, finding.topic
        """
    )
    xml = pytester.path / "out.xml"
    result = pytester.runpytest("--crosscheck-corpus", CORPUS, "-x", f"--junitxml={xml}", "-p", "no:cacheprovider")
    assert result.parseoutcomes()["failed"] == 1
    assert xml.read_text().count("<testcase") == 1
    none = pytester.runpytest("--crosscheck-corpus", CORPUS, "-k", "nothing_matches", "-p", "no:cacheprovider")
    assert none.ret == pytest.ExitCode.NO_TESTS_COLLECTED


def test_plugin_is_inert_without_a_corpus(pytester: pytest.Pytester):
    pytester.makepyfile(
        check_team="""
        def check_never_collected(finding):
            assert False
        """,
        test_plain="""
        def test_plain():
            assert 1 + 1 == 2
        """,
    )
    result = pytester.runpytest("-p", "no:cacheprovider")
    assert result.parseoutcomes() == {"passed": 1}


def test_plugin_reads_the_same_settings_as_crosscheck_check(pytester: pytest.Pytester):
    """[tool.crosscheck] outlets, tolerances and options reach pytest as they reach `crosscheck check`."""
    pytester.makefile(
        ".toml",
        pyproject="""
        [tool.crosscheck]
        outlets = {"003_0d355d4e0f566fcb" = {outlet = "Radio Free Europe"}}
        tolerances = {rounding = 0.1}

        [tool.crosscheck.options]
        team = "desk"
        """,
    )
    pytester.makepyfile(
        check_settings="""
        def check_outlet_and_config(corpus, config):
            assert corpus.source("003_0d355d4e0f566fcb").outlet == "Radio Free Europe"
            assert config["tolerances"]["rounding"] == 0.1 and config["team"] == "desk"
            config["team"] = "changed"

        def check_config_is_a_fresh_copy(corpus, config):
            assert config["team"] == "desk"
        """
    )
    result = pytester.runpytest("--crosscheck-corpus", CORPUS, "-p", "no:cacheprovider")
    assert result.parseoutcomes() == {"passed": 2}


def test_plugin_reports_bad_settings_as_a_usage_error(pytester: pytest.Pytester):
    pytester.makefile(".toml", pyproject='[tool.crosscheck]\nselect = "CC104"\n')
    pytester.makepyfile(check_x="def check_x(corpus):\n    pass\n")
    result = pytester.runpytest("--crosscheck-corpus", CORPUS, "-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.USAGE_ERROR
    result.stderr.fnmatch_lines(["*select: expected a list of strings, got 'CC104'*"])


ONE_ENGINE = '''
import os
from crosscheck.rules import rule

@rule("EV001", "exits")
def check_exits(corpus):
    """Exits the process: under pytest too, an error, not a silent pass."""
    os._exit(0)

@rule("EV002", "hangs")
def check_hangs(corpus):
    """Swallows the time limit."""
    while True:
        try:
            while True:
                pass
        except Exception:
            pass

@rule("EV003", "compares", severity="warn")
def check_compares(finding):
    """A plain assert, explained the same way by both."""
    assert finding.outlets >= 3

@rule("EV004", "passes")
def check_passes(source):
    assert source.text
'''


def test_check_and_pytest_run_one_engine(pytester: pytest.Pytester):
    """Every call gets the same outcome and message from `crosscheck check` and from pytest."""
    import json
    import subprocess
    import sys
    import xml.etree.ElementTree as ET

    pytester.makefile(".toml", pyproject="[tool.crosscheck]\ntimeout = 1\n")
    pytester.makepyfile(check_engine=ONE_ENGINE)
    rules = str(pytester.path / "check_engine.py")
    done = subprocess.run(
        [sys.executable, "-m", "crosscheck", "check", CORPUS, "--rules", rules, "--format", "json", "--select", "EV"],
        capture_output=True,
        text=True,
        cwd=pytester.path,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr
    by_check = {(r["name"], r["item"]): (r["outcome"], r["message"]) for r in json.loads(done.stdout)}
    xml = pytester.path / "j.xml"
    result = pytester.runpytest_subprocess(
        rules, "--crosscheck-corpus", CORPUS, f"--junitxml={xml}", "-p", "no:cacheprovider", timeout=120
    )
    assert result.ret == pytest.ExitCode.TESTS_FAILED
    by_pytest = {}
    for case in ET.parse(xml).getroot().iter("testcase"):
        name = dict((p.get("name"), p.get("value")) for p in case.iter("property"))["name"]
        item = case.get("name").split("[", 1)[1].removesuffix("]")
        failure, skipped = case.find("failure"), case.find("skipped")
        if failure is not None and failure.text.splitlines()[1].startswith("error: "):
            by_pytest[(name, item)] = ("error", failure.text.split("error: ", 1)[1])
        elif failure is not None:
            by_pytest[(name, item)] = ("fail", failure.text.split("\n", 1)[1])
        elif skipped is not None:  # xfailed: a warn-severity failure
            by_pytest[(name, item)] = ("fail", skipped.get("message").split(": ", 1)[1])
        else:
            by_pytest[(name, item)] = ("pass", "")
    assert by_pytest == by_check
    assert by_check[("exits", "fallujah-2014")][0] == "error"
    assert "ran past the time limit" in by_check[("hangs", "fallujah-2014")][1]
    assert any("assert 2 >= 3" in m and "where 2 = <finding" in m for _, m in by_check.values())
