"""Hostile-input battery, 4. rules cannot fake a result: under `crosscheck check` and under pytest."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

# imported here, before any in-process pytester run: pytester restores sys.modules after each run,
# and numpy cannot be imported twice in one process
import pandas  # noqa: F401
import pytest

from crosscheck.sources import example_corpus

CORPUS = str(example_corpus())
pytestmark = [pytest.mark.hostile, pytest.mark.timeout(300)]


def _cli(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "crosscheck", *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120
    )


#: a rule that catches the time limit and goes on
SWALLOWS = '''
@rule("EV003", "swallows-timeout")
def check_swallows(corpus):
    """Catches the timeout."""
    while True:
        try:
            while True:
                pass
        except Exception:
            pass
'''

EVIL = (
    '''
import itertools, os
from crosscheck.rules import rule

@rule("EV001", "exits")
def check_exits(corpus):
    """Exits the process."""
    os._exit(0)

@rule("EV002", "loops-in-c")
def check_loops(corpus):
    """Loops in C code."""
    sum(itertools.repeat(1, 10**11))
'''
    + SWALLOWS
    + '''
@rule("EV004", "interrupts")
def check_interrupts(corpus):
    """Raises KeyboardInterrupt."""
    raise KeyboardInterrupt

@rule("EV005", "mutates")
def check_mutates(corpus, config):
    """Changes the corpus and the config."""
    object.__setattr__(corpus, "findings", ())
    config["min_outlets"] = 99

@rule("EV006", "sees-the-original")
def check_sees_original(corpus, config):
    """Sees what EV005 changed? It must not."""
    assert corpus.findings and config.get("min_outlets", 2) == 2

@rule("EV007", "xml-hostile")
def check_xml(corpus):
    """A message XML cannot hold."""
    assert False, "nul:\\x00 esc:\\x1b ffff:\\uffff"
'''
)


def test_rules_that_exit_hang_interrupt_or_mutate_cannot_fake_a_result(tmp_path):
    import xml.etree.ElementTree as ET

    (tmp_path / "evil").mkdir()
    (tmp_path / "evil" / "check_evil.py").write_text(EVIL)
    t0 = __import__("time").perf_counter()
    done = _cli("check", "--rules", tmp_path / "evil", "--timeout", "1", "--junitxml", tmp_path / "j.xml", cwd=tmp_path)
    assert __import__("time").perf_counter() - t0 < 60
    assert done.returncode == 1, done.stderr
    out = done.stdout
    for code in ("EV001", "EV002", "EV003", "EV004"):
        line = next((x for x in out.splitlines() if f"[{code}" in x and "::" in x), out)
        assert " E " in line + " ", line
    assert "ended its process" in out and "ran past the time limit" in out and "KeyboardInterrupt" in out
    assert "EV006" in out and "sees-the-original" in out
    assert not any("[EV006" in x and " F " in x + " " for x in out.splitlines())
    suite = ET.parse(tmp_path / "j.xml").getroot()[0]  # well-formed despite the message
    assert int(suite.get("errors")) >= 4


ONE_ENGINE = (
    '''
import os
from crosscheck.rules import rule

@rule("EV001", "exits")
def check_exits(corpus):
    """Exits the process: under pytest too, an error, not a silent pass."""
    os._exit(0)
'''
    + SWALLOWS
    + '''
@rule("EV005", "compares", severity="warn")
def check_compares(finding):
    """A plain assert, explained the same way by both."""
    assert finding.outlets >= 3

@rule("EV004", "passes")
def check_passes(source):
    assert source.text
'''
)


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
    assert "ran past the time limit" in by_check[("swallows-timeout", "fallujah-2014")][1]
    assert any("assert 2 >= 3" in m and "where 2 = <finding" in m for _, m in by_check.values())


def test_ctrl_c_stops_a_run_stuck_in_a_rule(tmp_path):
    (tmp_path / "r").mkdir()
    (tmp_path / "r" / "check_stuck.py").write_text(
        "import itertools\n\ndef check_stuck(corpus):\n    sum(itertools.repeat(1, 10**12))\n"
    )
    proc = subprocess.Popen(
        [sys.executable, "-m", "crosscheck", "check", "--rules", "r", "--timeout", "600"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(8)  # the built-in rules have run; the stuck one is in its child
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130 and "Traceback" not in err, err
