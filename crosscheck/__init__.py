"""crosscheck: claim-consistency and fact cross-checker for news.

>>> import crosscheck
>>> corpus = crosscheck.compare(crosscheck.extract(crosscheck.load()[0]))
"""

__version__ = "0.2.0"

from .batch import Batch, read_batch
from .compare import compare
from .errors import ConfigError, CrosscheckError, InputError, OutputError, RuleError
from .extract import extract
from .model import Check, Claim, Corpus, Finding, Source, Verdict, Verification, to_frame
from .settings import Settings, Tolerances, load_settings
from .sources import load
from .verify import verify

__all__ = [
    "Batch",
    "Check",
    "Claim",
    "ConfigError",
    "Corpus",
    "CrosscheckError",
    "Finding",
    "InputError",
    "OutputError",
    "RuleError",
    "Settings",
    "Source",
    "Tolerances",
    "Verdict",
    "Verification",
    "__version__",
    "compare",
    "extract",
    "load",
    "load_settings",
    "read_batch",
    "to_frame",
    "verify",
]
