"""Extraction of one very long article: seconds per MB, and whether the output stays sane.

    .venv/bin/python bench/long_article.py                 # 1 MB and 5 MB, English and German
    .venv/bin/python bench/long_article.py --sizes 0.5 1   # other sizes, in MB

The article repeats the paragraphs of the sample articles in data/articles/ (one language) until
it has the size asked for. Extraction must finish in time linear in the size and give a bounded,
deduplicated set of meetings and people (the same few are told again and again) with every piece
of evidence inside the text. The lexicons are built before the clock starts. The numbers go to
docs/benchmarks.md (Notes) by hand.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "articles"


def long_text(size: int, *, lang: str) -> str:
    """``size`` characters of news text: the sample articles' paragraphs in order, repeated."""
    paragraphs = [
        block.strip()
        for path in sorted(SAMPLES.glob(f"*.{lang}.txt"))
        for block in path.read_text(encoding="utf-8").split("\n\n")
        if block.strip()
    ]
    parts: list[str] = []
    total = 0
    while total < size:
        paragraph = paragraphs[len(parts) % len(paragraphs)]
        parts.append(paragraph)
        total += len(paragraph) + 2
    return "\n\n".join(parts)[:size]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1.0, 5.0], help="sizes in MB")
    parser.add_argument("--langs", nargs="+", default=["en", "de"])
    args = parser.parse_args(argv)

    from kg.extract import extract
    from kg.model import Article

    for lang in args.langs:
        extract(Article(text="Warm-up.", sha256="0" * 64, source="warm-up", lang=lang))  # builds the lexicons
    print("| lang | MB | seconds | s/MB | positions | meetings | agreements | figures |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for lang in args.langs:
        for mb in args.sizes:
            text = long_text(int(mb * 1_000_000), lang=lang)
            article = Article(
                text=text,
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                source="long",
                lang=lang,
                date="2025-05-01",
            )
            start = time.perf_counter()
            found = extract(article)
            seconds = time.perf_counter() - start
            c = found.counts()
            print(
                f"| {lang} | {mb:g} | {seconds:.1f} | {seconds / mb:.1f} | {c['positions']} | {c['meetings']} "
                f"| {c['agreements']} | {c['statistics']} |"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
