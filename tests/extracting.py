"""Extraction of a text written in a test, as an article of a given language and date."""

from __future__ import annotations

import hashlib

from kg.extract import extract
from kg.model import Article, Extraction


def extract_text(text: str, lang: str = "en", date: str | None = None) -> Extraction:
    """Extract ``text`` as an article in ``lang`` published on ``date`` (ISO, or None: undated)."""
    sha = hashlib.sha256(text.encode()).hexdigest()
    return extract(Article(text=text, sha256=sha, source="test.txt", lang=lang, date=date))
