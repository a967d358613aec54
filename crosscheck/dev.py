"""Development tools, not part of what users run: the example report in reports/ and its screenshot.

    python -m crosscheck.dev reports/

writes the bundled corpus's report as HTML, JSON and a PNG of its first screen (Debian's
Chromium, driven by playwright; ``CHROMIUM`` names another binary).
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from .model import Corpus

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def screenshot(html_file: Path, png_file: Path, *, width: int = 1280, height: int = 1500, browser: Any = None) -> None:
    """A PNG of the first screenful of an HTML file (header, conflicts, agreements), taken by
    Debian's Chromium through playwright (or by the playwright ``browser`` given)."""
    if browser is not None:
        page = browser.new_page(viewport={"width": width, "height": height}, device_scale_factor=1)
        try:
            page.goto(Path(html_file).resolve().as_uri())
            page.wait_for_load_state("load")
            page.screenshot(path=str(png_file), full_page=False)
        finally:
            page.close()
        return
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} not found: apt-get install chromium")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            screenshot(html_file, png_file, width=width, height=height, browser=launched)
        finally:
            launched.close()


def example_corpora() -> list[Corpus]:
    """The bundled corpus, compared, with source paths relative to the repository (reproducible)."""
    from .compare import compare
    from .extract import extract
    from .sources import load

    package_parent = Path(str(resources.files("crosscheck"))).parent
    out = []
    for corpus in load([]):
        corpus = compare(extract(corpus))
        sources = []
        for s in corpus.sources:
            try:
                s = replace(s, path=Path(s.path).resolve().relative_to(package_parent.resolve()).as_posix())
            except ValueError:
                pass
            sources.append(s)
        out.append(replace(corpus, sources=tuple(sources)))
    return out


def regenerate(folder: Path | str, *, png: bool = True, browser: Any = None) -> list[Path]:
    """Write the example report of the bundled corpus into folder: NAME.html, NAME.json, NAME.png."""
    from .html import write_html
    from .report import write_json

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    corpora = example_corpora()
    name = corpora[0].id
    written = [folder / f"{name}.html", folder / f"{name}.json"]
    write_html(written[0], corpora)
    write_json(written[1], corpora)
    if png:
        written.append(folder / f"{name}.png")
        screenshot(written[0], written[2], browser=browser)
    for path in written:  # published files: readable by all (write_atomic's temporary files are private)
        path.chmod(0o644)
    return written


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0] in ("-h", "--help"):
        print(
            "usage: python -m crosscheck.dev FOLDER   (writes the bundled corpus's report: .html, .json, .png)",
            file=sys.stderr,
        )
        return 2
    for path in regenerate(argv[0]):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
