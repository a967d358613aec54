"""The naive pipeline that `crosscheck bench` times crosscheck against, as a whole command.

What a user would write without crosscheck: read every article, split it into sentences, run
quantulum3.parse and dateparser.search_dates on each, write what they find as JSON. It extracts
only (no alignment), so the comparison flatters it.

    python -m crosscheck.baseline PATH... --json OUT
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def documents(path: Path) -> Iterator[tuple[str, str]]:
    """(id, text) of every article in a folder, a file or a JSONL file of clusters."""
    if path.is_dir():
        for p in sorted(path.iterdir()):
            if p.suffix.lower() in (".txt", ".md", ".html", ".htm"):
                yield p.stem, p.read_text(encoding="utf-8", errors="replace")
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                obj = json.loads(line)
                for i, doc in enumerate(obj.get("documents", [])):
                    yield f"{obj.get('id')}/{i}", str(doc)
    else:
        yield path.stem, path.read_text(encoding="utf-8", errors="replace")


def extract(text: str) -> list[dict[str, object]]:
    from dateparser.search import search_dates
    from quantulum3 import parser

    found: list[dict[str, object]] = []
    for sentence in _SENTENCE.split(text):
        for q in parser.parse(sentence):
            found.append({"type": "quantity", "text": q.surface, "value": q.value, "unit": q.unit.name})
        for span, when in search_dates(sentence, languages=["en"]) or []:
            found.append({"type": "date", "text": span, "date": when.isoformat()})
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--json" not in args or args.index("--json") == len(args) - 1:
        print("usage: python -m crosscheck.baseline PATH... --json OUT", file=sys.stderr)
        return 2
    i = args.index("--json")
    out, paths = args[i + 1], args[:i] + args[i + 2 :]
    if not paths:
        from .sources import example_corpus

        paths = [str(example_corpus())]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        claims = {doc_id: extract(text) for p in paths for doc_id, text in documents(Path(p))}
    Path(out).write_text(json.dumps(claims, ensure_ascii=False, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
