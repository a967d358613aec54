"""Rule checks: collection, running, errors, selection, configuration and the check command."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from crosscheck import compare, extract, load
from crosscheck.rules import builtin_rules_dir, collect, rule, run, select_rules
from crosscheck.settings import load_settings


@pytest.fixture(scope="module")
def seed():
    return compare(extract(load()[0]))


@pytest.fixture(scope="module")
def builtin():
    return collect([builtin_rules_dir()])


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_builtin_rules_have_codes_names_and_docstrings(builtin):
    codes = [r.code for r in builtin]
    assert codes == ["CC101", "CC102", "CC103", "CC104", "CC105", "CC106", "CC107"]
    for r in builtin:
        assert r.error is None
        assert r.name == r.name.lower() and " " not in r.name
        assert r.summary and r.severity in ("warn", "fail")


def test_seed_fails_on_exactly_the_two_conflicts(seed, builtin):
    results = run(builtin, [seed])
    failed = [r for r in results if r.failed]
    topics = sorted(seed.findings[[f.id for f in seed.findings].index(r.finding)].topic for r in failed)
    assert topics == ["date help was offered", "residents fled"]
    assert {r.rule.code for r in failed} == {"CC101", "CC102"}
    # the messages quote each outlet's value and sentence
    iran = next(r for r in failed if r.rule.code == "CC102")
    assert "DW says 'Sunday'" in iran.message and "January 6" in iran.message
    assert "Hejazi" in iran.message
    assert not [r for r in results if r.outcome == "error"]


def test_agreements_pass(seed, builtin):
    results = run(builtin, [seed])
    by_finding = {r.finding: r for r in results if r.rule.code in ("CC101", "CC102")}
    agreed = [f for f in seed.findings if f.verdict.value == "agree"]
    assert agreed and all(by_finding[f.id].outcome == "pass" for f in agreed)


def test_parts_rule_reports_france24_breakdown(seed, builtin):
    parts = next(r for r in run(builtin, [seed]) if r.rule.code == "CC103")
    assert parts.outcome == "fail" and parts.rule.severity == "warn" and not parts.failed
    assert "FRANCE 24: 22 soldiers + 12 civilians = 34 people killed" in parts.message
    assert "'more than 34'" in parts.message


def test_weekday_rule_catches_wrong_weekday(tmp_path, builtin):
    (tmp_path / "a.txt").write_text("The ruling came on Monday, January 7, 2014, in Baghdad, officials said.\n")
    corpus = compare(extract(load([tmp_path])[0]))
    weekday = [r for r in builtin if r.code == "CC104"]
    (result,) = run(weekday, [corpus])
    assert result.outcome == "fail"
    assert "2014-01-07 was a Tuesday" in result.message


def _write_rules(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(textwrap.dedent(text))
    return folder


def test_user_rule_errors_are_reported_and_others_still_run(tmp_path, seed):
    folder = _write_rules(
        tmp_path / "myrules",
        {
            "check_broken.py": """
            def check_raises(corpus):
                '''Always raises.'''
                raise RuntimeError("boom")
            """,
            "check_syntax.py": "def check_bad(:\n    pass\n",
            "check_import.py": "import no_such_module_here\n",
            "check_ok.py": """
            from crosscheck.rules import rule

            @rule("XX001", "has-sources")
            def check_has_sources(corpus):
                '''The corpus has sources.'''
                assert len(corpus.sources) == 5
            """,
            "check_slow.py": """
            import time

            def check_sleeps(corpus):
                time.sleep(5)
            """,
        },
    )
    rules = collect([folder])
    results = run(rules, [seed], timeout=0.5)
    by_name = {r.rule.function: r for r in results}
    assert by_name["check_raises"].outcome == "error"
    assert (
        "check_broken.py:4" in by_name["check_raises"].message
        and "RuntimeError: boom" in by_name["check_raises"].message
    )
    assert by_name["check_syntax"].outcome == "error" and "check_syntax.py:1" in by_name["check_syntax"].message
    assert by_name["check_import"].outcome == "error" and "ModuleNotFoundError" in by_name["check_import"].message
    assert by_name["check_sleeps"].outcome == "error" and "time limit" in by_name["check_sleeps"].message
    assert by_name["check_has_sources"].outcome == "pass"


def test_rule_decorator_validates_metadata():
    with pytest.raises(ValueError, match="kebab-case"):
        rule("CC900", "Not Kebab")
    with pytest.raises(ValueError, match="CC101"):
        rule("bad", "fine-name")
    with pytest.raises(ValueError, match="severity"):
        rule("CC900", "fine-name", severity="loud")


def test_select_and_ignore(builtin):
    assert [
        r.code
        for r in select_rules(
            builtin, select=["CC10"], ignore=["CC105", "wire-only-corroboration", "unsupported-summary-figure"]
        )
    ] == ["CC101", "CC102", "CC103", "CC104"]
    assert [r.code for r in select_rules(builtin, select=["date-mismatch"])] == ["CC102"]


def test_check_command_exit_codes_and_junit(tmp_path):
    done = _cli("check", cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "2 failed" in done.stdout and "FAILURES" in done.stdout
    ok = _cli("check", "--ignore", "CC101", "--ignore", "CC102", "--junitxml", str(tmp_path / "r.xml"), cwd=tmp_path)
    assert ok.returncode == 0, ok.stdout
    suite = ET.parse(tmp_path / "r.xml").getroot().find("testsuite")
    assert suite is not None and int(suite.get("failures")) == 0 and int(suite.get("tests")) > 10
    assert int(suite.get("skipped")) >= 1  # warn-severity failures
    bad = _cli("check", "--rules", str(tmp_path / "missing"), cwd=tmp_path)
    assert bad.returncode == 2 and "missing" in bad.stderr and "Traceback" not in bad.stderr


def test_rules_command_lists_every_rule(tmp_path):
    done = _cli("rules", cwd=tmp_path)
    assert done.returncode == 0
    for code in ("CC101", "CC102", "CC103", "CC104", "CC105", "CC106"):
        assert code in done.stdout


def test_tool_crosscheck_config(tmp_path):
    _write_rules(
        tmp_path / "team_rules",
        {
            "check_team.py": """
        from crosscheck.rules import rule

        @rule("TM001", "too-few-sources")
        def check_enough_sources(corpus, config):
            '''At least the configured number of sources.'''
            assert len(corpus.sources) >= config["min_sources"], f"only {len(corpus.sources)} sources"
        """
        },
    )
    (tmp_path / "pyproject.toml").write_text(
        textwrap.dedent("""
        [tool.crosscheck]
        rules = ["team_rules"]
        select = ["TM", "CC104"]

        [tool.crosscheck.options]
        min_sources = 6
        """)
    )
    settings = load_settings(tmp_path)
    assert settings.select == ("TM", "CC104") and settings.rule_config()["min_sources"] == 6
    done = _cli("check", cwd=tmp_path)
    assert done.returncode == 1
    assert "TM001 too-few-sources" in done.stdout and "only 5 sources" in done.stdout
    assert "CC101" not in done.stdout


def test_builtin_rules_run_without_errors_on_real_clusters(multinews):
    """pandas 3 reads missing dates as NaN, which CC104 once took for a string on 6 clusters."""
    from conftest import MULTINEWS

    corpora = [compare(extract(c)) for c in load([MULTINEWS])]
    results = run(collect([builtin_rules_dir()]), corpora, timeout=30)
    errors = [r.message for r in results if r.outcome == "error"]
    assert not errors, errors[:3]
    assert sum(r.rule.code == "CC104" for r in results) == len(corpora)
