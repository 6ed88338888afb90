"""Record the extractor's scores on the development set (tests/gold/dev) as the floor tests hold it to.

    .venv/bin/python bench/record_dev_scores.py          # write tests/gold/dev/scores.json
    .venv/bin/python bench/record_dev_scores.py --check  # compare only

Run it when scores go up, or when articles are added (the set is then another one, and its scores
become the floor, even when lower). The dev set is written independently of the rules: its gold is never
edited to match the output (docs/evaluation.md).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "tests" / "gold" / "dev"
SCORES = DEV / "scores.json"


def current() -> dict:
    from kg.evaluate import MAIN_CATEGORIES, evaluate

    report = evaluate(DEV)
    return {
        "articles": len(list(DEV.glob("*.txt"))),
        "overall_f1": round(report.overall_f1, 4),
        "categories": {c: round(report.totals[c].f1, 4) for c in MAIN_CATEGORIES},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="compare with the recorded scores, write nothing"
    )
    args = parser.parse_args(argv)
    now = current()
    print(json.dumps(now, indent=1))
    if args.check or not SCORES.exists():
        if not SCORES.exists() and not args.check:
            SCORES.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
        return 0
    before = json.loads(SCORES.read_text(encoding="utf-8"))
    grew = now["articles"] > before.get("articles", 40)  # new articles may lower the floor: a new set
    if now["overall_f1"] < before["overall_f1"] and not grew:
        print(
            f"overall F1 dropped {before['overall_f1']} -> {now['overall_f1']}: not written", file=sys.stderr
        )
        return 1
    SCORES.write_text(json.dumps(now, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
