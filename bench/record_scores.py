"""Record the extractor's scores on the sample corpus in tests/gold/scores.json.

    .venv/bin/python bench/record_scores.py            # rewrite scores.json (refused if a score drops)
    .venv/bin/python bench/record_scores.py --check    # only compare with the recorded scores

tests/test_golden.py fails when an article's score in a main category falls below the
value recorded here. Run this script only when scores go UP (or a new gold file was added),
never to make a regression pass, and never edit a gold file to match the output: gold says
what the article says. If an article's recorded score must fall because its gold file was
corrected, pass --accept-drops and say why in the commit message.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.evaluate import MAIN_CATEGORIES, EvalReport, evaluate, format_report

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "data" / "articles"
GOLD = ROOT / "tests" / "gold"
SCORES = GOLD / "scores.json"
TOLERANCE = 1e-9
ABOUT = (
    "F1 per main category and article of the current extractor, written by bench/record_scores.py. "
    "tests/test_golden.py fails when a score falls below these. Rerun only when scores go up; "
    "gold files are never edited to match the output."
)


def as_record(report: EvalReport) -> dict:
    return {
        "about": ABOUT,
        "overall_f1": report.overall_f1,
        "overall_f1_by_language": report.overall_f1_by_language,
        "totals": {k: v.to_dict() for k, v in report.totals.items() if k in MAIN_CATEGORIES},
        "articles": {a.name: {k: a.counts[k].f1 for k in MAIN_CATEGORIES} for a in report.articles},
    }


def drops(old: dict, new: dict) -> list[str]:
    """Every article score (and the overall one, when the article set is unchanged) that fell."""
    out = []
    for name, scores in sorted(old.get("articles", {}).items()):
        now = new["articles"].get(name)
        if now is None:
            continue  # the article or its gold file was removed
        for category, before in sorted(scores.items()):
            after = now.get(category, 0.0)
            if after < before - TOLERANCE:
                out.append(f"{name} {category}: {before:.3f} -> {after:.3f}")
    same_set = set(old.get("articles", {})) == set(new["articles"])
    if same_set and new["overall_f1"] < old.get("overall_f1", 0.0) - TOLERANCE:
        out.append(f"overall F1: {old['overall_f1']:.3f} -> {new['overall_f1']:.3f}")
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with scores.json, write nothing")
    ap.add_argument("--accept-drops", action="store_true", help="write even if a recorded score falls")
    ap.add_argument("--per-article", action="store_true", help="show what each article gets wrong")
    args = ap.parse_args(argv)

    report = evaluate(ARTICLES, gold_dir=GOLD)
    print(format_report(report, per_article=args.per_article))
    new = as_record(report)
    old = json.loads(SCORES.read_text(encoding="utf-8")) if SCORES.is_file() else {}
    fallen = drops(old, new)
    added = sorted(set(new["articles"]) - set(old.get("articles", {})))
    for line in fallen:
        print(f"dropped: {line}", file=sys.stderr)
    if added:
        print(f"new articles: {', '.join(added)}")
    if args.check:
        return 1 if fallen else 0
    if fallen and not args.accept_drops:
        print(f"{SCORES.name} not written: scores dropped (see above)", file=sys.stderr)
        return 1
    SCORES.write_text(json.dumps(new, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {SCORES.relative_to(ROOT)} (overall F1 {report.overall_f1:.3f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
