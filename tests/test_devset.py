"""The development set (tests/gold/dev): 76 articles written for the project, each with its gold.

It measures how the extraction generalises beyond the sample corpus it was tuned on. The tests
hold the extractor to the recorded scores (bench/record_dev_scores.py) and to the rule that a
distractor (sport, business, domestic politics, culture) yields no diplomatic fact at all.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.evaluate import MAIN_CATEGORIES, evaluate, load_gold

DEV = Path(__file__).resolve().parent / "gold" / "dev"
SCORES = DEV / "scores.json"
ARTICLES = sorted(DEV.glob("*.txt"))


def _is_distractor(path: Path) -> bool:
    gold = load_gold(path.with_name(path.name[: -len(".txt")] + ".gold.json"))
    return not any(gold.get(k) for k in ("meetings", "agreements", "missions", "figures"))


DISTRACTORS = [p for p in ARTICLES if _is_distractor(p)]


@pytest.fixture(scope="module")
def report():
    return evaluate(DEV)


def test_the_dev_set_is_balanced_and_complete():
    assert len(ARTICLES) >= 40
    assert len([p for p in ARTICLES if p.name.endswith(".de.txt")]) >= 20
    assert len([p for p in ARTICLES if p.name.endswith(".en.txt")]) >= 20
    assert len(DISTRACTORS) >= 8
    for path in ARTICLES:
        assert path.with_name(path.name[: -len(".txt")] + ".gold.json").is_file(), path.name


@pytest.mark.parametrize("path", DISTRACTORS, ids=lambda p: p.stem)
def test_distractors_yield_no_diplomatic_fact(path: Path):
    from kg.extract import extract
    from kg.sources import iter_articles

    (article,) = list(iter_articles([path]))
    found = extract(article)
    assert not (found.meetings or found.agreements or found.missions or found.statistics), path.name


def test_scores_are_no_worse_than_recorded(report):
    recorded = json.loads(SCORES.read_text(encoding="utf-8"))
    assert recorded["articles"] == len(ARTICLES), "articles changed: rerun bench/record_dev_scores.py"
    assert report.overall_f1 >= recorded["overall_f1"] - 0.0005  # recorded to 4 decimals
    worse = {
        c: (round(report.totals[c].f1, 4), recorded["categories"][c])
        for c in MAIN_CATEGORIES
        if report.totals[c].f1 < recorded["categories"][c] - 0.0005
    }
    assert not worse, worse
