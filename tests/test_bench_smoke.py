"""Smoke test of bench/ingest.py: the whole benchmark on 20 articles, with no timing assertions."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bench_scripts import load_bench_script

BENCH = Path(__file__).resolve().parents[1] / "bench" / "ingest.py"
QUERIES = sorted(p.stem for p in (Path(__file__).resolve().parents[1] / "queries").glob("*.rq"))


@pytest.fixture(scope="module")
def bench():
    return load_bench_script("ingest")


@pytest.fixture(scope="module")
def run(bench, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("bench")
    written = tmp / "benchmarks.md"
    written.write_text("old results\n" + bench.NOTES_MARKER + "\nA note kept by hand.\n", encoding="utf-8")
    argv = ["--quick", "--articles", "20", "--runs", "2", "--workdir", str(tmp / "work")]
    argv += ["--profile", "--profile-articles", "5", "--write", str(written)]
    code = bench.main(argv)
    return code, written.read_text(encoding="utf-8")


def test_the_quick_run_succeeds_and_names_every_query(run):
    code, report = run
    assert code == 0
    assert QUERIES, "no saved queries found"
    for name in QUERIES:
        assert f"`{name}`" in report


def test_the_rates_are_positive(run):
    _, report = run
    for row in ("(a) extraction alone", "(b) ingest, fresh on-disk store", "(c) re-ingest, same corpus"):
        match = re.search(re.escape(row) + r" \| ([\d,.]+) \|", report)
        assert match, f"no rate for {row}"
        assert float(match.group(1).replace(",", "")) > 0


def test_the_report_describes_the_machine_and_the_corpus(run):
    _, report = run
    assert "## Machine" in report and "pyoxigraph" in report and "Python" in report
    assert "20 synthetic articles" in report
    assert "20 new, 0 failed" in report
    assert "20 unchanged, 0 written, 0 failed" in report
    assert "## Where extraction time goes" in report


def test_rewriting_keeps_the_hand_written_notes(run):
    _, report = run
    assert "old results" not in report
    assert report.count("A note kept by hand.") == 1


def test_the_corpus_is_deterministic_and_keeps_languages_apart(bench):
    samples = bench.load_samples(bench.SAMPLES)
    first = bench.build_corpus(samples, count=30, seed=7)
    again = bench.build_corpus(samples, count=30, seed=7)
    other = bench.build_corpus(samples, count=30, seed=8)
    assert [a.sha256 for a in first] == [a.sha256 for a in again]
    assert [a.sha256 for a in first] != [a.sha256 for a in other]
    assert len({a.sha256 for a in first}) == 30
    for article in first:
        assert article.lang in samples
        assert "2024-01-01" <= article.date <= "2025-12-31"
        paragraphs = article.text.split("\n\n")[1:]
        own = {p for s in samples[article.lang] for p in (s.lead, *s.paragraphs)}
        whole = [p.strip() for p in paragraphs if p.strip() in own]
        assert len(whole) >= len(paragraphs) - 1  # at most the last one is cut at a sentence end
        assert 2500 <= len(article.text.encode("utf-8")) <= 4000
