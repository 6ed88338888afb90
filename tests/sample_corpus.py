"""The sample corpus (data/articles) ingested as the docs show it: from the project's root, so each
article's dip:source reads ``data/articles/…``."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from kg.ingest import ingest
from kg.store import Store

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = Path("data") / "articles"  # relative to ROOT


def ingest_sample(store: Store, paths: Sequence[Path] = (ARTICLES,)) -> None:
    """Ingest ``paths`` (relative to the project's root; default the sample corpus) into ``store``."""
    before = Path.cwd()
    os.chdir(ROOT)
    try:
        report = ingest(list(paths), store=store)
        assert report.ok, report.failed
    finally:
        os.chdir(before)
