"""``kg eval`` on the resolution test set: pairwise precision and recall of merges stay at the recorded
values (docs/evaluation.md, "Entity resolution")."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.resolution_eval import evaluate_resolution, find_clusters, format_resolution

SET = Path(__file__).parent / "gold" / "resolution"
# kind -> (precision, recall) recorded in docs/evaluation.md; fix the system, never these numbers
# meetings: P is held down by nodes the extractor folds (two events of one article in one node, see
# `kg eval --show`: "one node of … holds two expected clusters"), not by the corpus pass
RECORDED = {"person": (1.0, 1.0), "meeting": (1.0, 0.92), "agreement": (1.0, 1.0)}


@pytest.fixture(scope="module")
def report():
    clusters = find_clusters(SET)
    assert clusters is not None
    return evaluate_resolution(SET, clusters)


@pytest.mark.parametrize("kind", sorted(RECORDED))
def test_pairwise_scores_do_not_drop(report, kind):
    precision, recall = RECORDED[kind]
    score = report.scores[kind]
    assert round(score.precision, 2) >= precision, format_resolution(report, details=True)
    assert round(score.recall, 2) >= recall, format_resolution(report, details=True)


def test_people_meet_the_targets(report):
    person = report.scores["person"]
    assert person.precision >= 0.98 and person.recall >= 0.90
    assert person.gold >= 100  # pairs across articles: the set exercises resolution


def test_report_lines(report):
    lines = format_resolution(report).splitlines()
    assert lines[1].startswith("resolution.person")
