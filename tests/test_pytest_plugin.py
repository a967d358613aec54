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
