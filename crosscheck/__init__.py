"""crosscheck: claim-consistency and fact cross-checker for news.

    >>> import crosscheck
    >>> corpus = crosscheck.compare(crosscheck.extract(crosscheck.load()[0]))
"""

from .compare import compare
from .extract import extract
from .model import Claim, Corpus, Finding, Source, Verdict, to_frame
from .sources import InputError, load

__all__ = ["Claim", "Corpus", "Finding", "InputError", "Source", "Verdict", "compare", "extract", "load", "to_frame"]
__version__ = "0.1.0"
