"""One error hierarchy, as flake8 has: the CLI turns any of these into one line and exit code 2.

Everything else that escapes is a bug in crosscheck and keeps its traceback.
"""

from __future__ import annotations


class CrosscheckError(Exception):
    """Something the user can fix: reported in one line, never as a traceback."""


class InputError(CrosscheckError, ValueError):
    """An input that cannot be read: a missing path, a binary file, a broken JSONL line."""


class ConfigError(CrosscheckError, ValueError):
    """A setting that is unknown or of the wrong type ([tool.crosscheck], a sidecar, an option)."""


class RuleError(CrosscheckError):
    """A rule set that cannot be used: a missing rules folder, a selection that matches nothing."""


class OutputError(CrosscheckError):
    """A report that cannot be written where it was asked to go."""
