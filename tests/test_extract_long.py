"""A very long article finishes, and what it yields stays sane (no timing: speed is in bench/long_article.py).

The full 5 MB case runs in bench/long_article.py (docs/benchmarks.md records seconds per MB); here a
1 MB article made of the sample articles' paragraphs, repeated, must give the same bounded set of
people and meetings that one pass over the samples gives, with all evidence inside the text.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from bench_scripts import load_bench_script

from kg.extract import extract
from kg.model import Article

SAMPLES = Path(__file__).resolve().parents[1] / "data" / "articles"


def _long_article(size: int, lang: str) -> Article:
    text = load_bench_script("long_article").long_text(size, lang=lang)
    return Article(
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        source="long",
        lang=lang,
        date="2025-05-01",
    )


@pytest.mark.parametrize("lang", ["en"])
def test_a_one_megabyte_article_finishes_with_sane_output(lang):
    article = _long_article(1_000_000, lang)
    found = extract(article)
    text = article.text
    once = extract(
        _long_article(sum(len(p.read_text(encoding="utf-8")) for p in SAMPLES.glob(f"*.{lang}.txt")), lang)
    )
    # the same people, told a hundred times, are still the same people; one meeting told again is one
    assert len({p.person for p in found.positions}) <= len({p.person for p in once.positions}) + 5
    assert len(found.meetings) <= 3 * max(1, len(once.meetings))
    for fact in (*found.positions, *found.meetings, *found.agreements, *found.statistics):
        for evidence in fact.evidence:
            assert text[evidence.char_start : evidence.char_end] == evidence.sentence
