"""[tool.crosscheck] and crosscheck.meta.json: validated, one line per mistake, the same everywhere."""

from __future__ import annotations

import math
import pickle
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crosscheck import ConfigError, Settings, Tolerances, compare, extract, load
from crosscheck.settings import from_mapping, load_settings


def pyproject(tmp_path: Path, body: str) -> Path:
    (tmp_path / "pyproject.toml").write_text("[tool.crosscheck]\n" + textwrap.dedent(body), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    "body, key, expected",
    [
        ('selct = ["CC104"]\n', "unknown key 'selct'", "known: "),
        ('select = "CC104"\n', "select:", "expected a list of strings, got 'CC104'"),
        ('tolerances = {rounding = "x"}\n', "tolerances.rounding:", "expected a number, got 'x'"),
        ('timeout = "ten"\n', "timeout:", "expected a number, got 'ten'"),
        ('outlets = {"a" = {outlet = 5}}\n', "outlets.a.outlet:", "expected a string or null, got 5"),
        ("tolerances = {rounding = -0.5}\n", "tolerances.rounding:", "expected a number >= 0, got -0.5"),
        ("tolerances = {similarity = nan}\n", "tolerances.similarity:", "expected a finite number, got nan"),
        ("timeout = -1\n", "timeout:", "expected a number > 0, got -1"),
        ("timeout = inf\n", "timeout:", "expected a finite number, got inf"),
        ('outlets = {"a" = {published = "yesterday"}}\n', "outlets.a.published:", "expected a date YYYY-MM-DD"),
    ],
)
def test_bad_settings_name_the_key_and_the_expected_type(tmp_path, body, key, expected):
    with pytest.raises(ConfigError) as info:
        load_settings(pyproject(tmp_path, body))
    message = str(info.value)
    assert "pyproject.toml [tool.crosscheck]" in message and key in message and expected in message
    assert "\n" not in message


def test_bad_settings_are_one_line_and_exit_2_for_every_command(tmp_path):
    pyproject(tmp_path, 'select = "CC104"\n')
    for command in ("report", "claims", "check", "rules"):
        done = subprocess.run(
            [sys.executable, "-m", "crosscheck", command], cwd=tmp_path, capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 2, (command, done.stdout, done.stderr)
        assert done.stderr.count("\n") == 1 and "select: expected a list of strings" in done.stderr
        assert "Traceback" not in done.stderr


def test_good_settings_reach_compare(tmp_path):
    settings = load_settings(
        pyproject(
            tmp_path,
            """
        select = ["CC1"]
        timeout = 5
        tolerances = {rounding = 0.1, similarity = 60}
        outlets = {"003_0d355d4e0f566fcb" = {outlet = "Radio Free Europe"}}
        [tool.crosscheck.options]
        team = "desk"
        """,
        )
    )
    assert settings.select == ("CC1",) and settings.timeout == 5.0 and settings.root == tmp_path
    assert settings.tolerances == Tolerances(rounding=0.1, similarity=60.0)
    assert settings.rule_config()["team"] == "desk"
    corpus = load(overrides=settings.overrides())[0]
    assert corpus.source("003_0d355d4e0f566fcb").outlet == "Radio Free Europe"
    # a wide rounding joins figures the default keeps apart: the setting is really used
    strict, loose = compare(extract(corpus)), compare(extract(corpus), settings=settings)
    assert strict.findings != loose.findings


def test_settings_are_frozen_picklable_and_copied_for_rules():
    s = from_mapping({"options": {"limits": [1, 2]}, "outlets": {"*": {"outlet": "AP"}}})
    with pytest.raises(AttributeError):
        s.timeout = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        s.options["limits"] = []  # type: ignore[index]
    config = s.rule_config()
    config["limits"].append(3)
    assert s.rule_config()["limits"] == [1, 2]
    assert pickle.loads(pickle.dumps(s)) == s


def test_replace_validates():
    with pytest.raises(ConfigError, match="timeout"):
        Settings().replace(timeout=-2)
    with pytest.raises(ConfigError, match="similarity"):
        Tolerances(similarity=math.nan)


def test_no_pyproject_means_the_defaults(tmp_path):
    assert load_settings(tmp_path) in (Settings(), load_settings(tmp_path))
