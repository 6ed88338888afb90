"""Where the shipped data lives: ontology, lexicons and saved queries.

In a source checkout (``pip install -e .``) they are the top-level folders
``ontology/``, ``data/lexicon/`` and ``queries/``; in an installed wheel they
are copied into ``kg/_resources/``.
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["lexicon_dir", "ontology_dir", "queries_dir"]

_PACKAGE = Path(__file__).resolve().parent
_REPO = _PACKAGE.parent


def _find(installed: str, checkout: str) -> Path:
    bundled = _PACKAGE / "_resources" / installed
    return bundled if bundled.is_dir() else _REPO / checkout


def ontology_dir() -> Path:
    return _find("ontology", "ontology")


def lexicon_dir() -> Path:
    return _find("lexicon", "data/lexicon")


def queries_dir() -> Path:
    return _find("queries", "queries")
