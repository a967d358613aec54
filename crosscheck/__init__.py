"""crosscheck: claim-consistency and fact cross-checker for news.

    >>> import crosscheck
    >>> corpus = crosscheck.compare(crosscheck.extract(crosscheck.load()[0]))
"""

__version__ = "0.2.0"

from .compare import compare  # noqa: E402
from .errors import ConfigError, CrosscheckError, InputError, OutputError, RuleError  # noqa: E402
from .extract import extract  # noqa: E402
from .model import Claim, Corpus, Finding, Source, Verdict, to_frame  # noqa: E402
from .settings import Settings, Tolerances, load_settings  # noqa: E402
from .sources import load  # noqa: E402

__all__ = ["Claim", "ConfigError", "Corpus", "CrosscheckError", "Finding", "InputError", "OutputError", "RuleError",
           "Settings", "Source", "Tolerances", "Verdict", "__version__", "compare", "extract", "load",
           "load_settings", "to_frame"]
