"""Golden files: the extractor on the sample corpus may never score worse than recorded.

Every ``data/articles/NAME.txt`` with a ``tests/gold/NAME.json`` is extracted and scored
(``kg.evaluate``). Each main category's F1 must reach the value recorded for that article in
``tests/gold/scores.json``; ``bench/record_scores.py`` rewrites that file, and is run only when
scores go up. Gold files are never edited to match the output (docs/evaluation.md).
"""

import json
from pathlib import Path

import pytest

from kg.evaluate import MAIN_CATEGORIES, Counts, load_gold, overall_f1, score_extraction
from kg.model import Article

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
GOLD = ROOT / "tests" / "gold"
SCORES = GOLD / "scores.json"
TOLERANCE = 1e-9

GOLDEN = sorted(p.stem for p in ARTICLES.glob("*.txt") if (GOLD / f"{p.stem}.json").is_file())


def _is_distractor(name: str) -> bool:
    gold = load_gold(GOLD / f"{name}.json")
    return not gold.get("meetings") and not gold.get("agreements")


DISTRACTORS = [name for name in GOLDEN if _is_distractor(name)]


@pytest.fixture(scope="module")
def run():
    """Extract and score one golden article, each at most once per test module."""
    from kg.extract import extract
    from kg.sources import iter_articles

    done = {}

    def one(name: str):
        if name not in done:
            items = list(iter_articles([ARTICLES / f"{name}.txt"]))
            assert len(items) == 1 and isinstance(items[0], Article), f"{name}: {items}"
            extraction = extract(items[0])
            done[name] = (extraction, score_extraction(extraction, load_gold(GOLD / f"{name}.json")))
        return done[name]

    return one


@pytest.fixture(scope="module")
def recorded() -> dict:
    assert SCORES.is_file(), f"{SCORES} is missing: run bench/record_scores.py"
    return json.loads(SCORES.read_text(encoding="utf-8"))


def test_the_corpus_has_golden_articles_and_distractors():
    assert len(GOLDEN) >= 8
    assert DISTRACTORS


@pytest.mark.parametrize("name", GOLDEN)
def test_article_scores_no_worse_than_recorded(name, run, recorded):
    baseline = recorded["articles"].get(name)
    assert baseline is not None, f"no recorded scores for {name}: run bench/record_scores.py"
    _, counts = run(name)
    worse = {
        category: f"F1 {counts[category].f1:.3f} < recorded {baseline[category]:.3f} "
        f"(tp/sys/gold {counts[category].tp}/{counts[category].sys}/{counts[category].gold})"
        for category in MAIN_CATEGORIES
        if counts[category].f1 < baseline[category] - TOLERANCE
    }
    assert not worse, f"{name} got worse: {worse}"


@pytest.mark.parametrize("name", DISTRACTORS)
def test_distractors_yield_no_meeting_and_no_agreement(name, run):
    extraction, _ = run(name)
    assert [m.meeting_type for m in extraction.meetings] == []
    assert [a.agreement_type for a in extraction.agreements] == []


def test_corpus_overall_f1_no_worse_than_recorded(run, recorded):
    assert sorted(recorded["articles"]) == GOLDEN, "the golden set changed: run bench/record_scores.py"
    totals = {k: sum((run(name)[1][k] for name in GOLDEN), Counts()) for k in MAIN_CATEGORIES}
    assert overall_f1(totals) >= recorded["overall_f1"] - TOLERANCE
