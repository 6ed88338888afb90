"""The evaluator's matching rules, on hand-built extractions (independent of the extractor)."""

import copy
import json
from dataclasses import replace
from decimal import Decimal
from types import SimpleNamespace

import pytest

from kg.errors import InputError
from kg.evaluate import (
    CATEGORIES,
    MAIN_CATEGORIES,
    Counts,
    evaluate,
    find_gold,
    format_report,
    load_gold,
    overall_f1,
    same_person,
    score_extraction,
)
from kg.model import (
    Agreement,
    Article,
    DateValue,
    Evidence,
    Extraction,
    Meeting,
    Mission,
    PlaceRef,
    Position,
    Statistic,
)

FORMATS = {
    "central-asia-germany": SimpleNamespace(
        label_en="Central Asia–Germany",
        label_de="Zentralasien–Deutschland",
        aliases=(("Z5+1", "de"),),
        members=("KZ", "KG", "TJ", "TM", "UZ", "DE"),
    )
}
EV = [Evidence("A sentence.", 0, 11)]
ASTANA = PlaceRef("Astana", "KZ", 1526273, "Astana")

GOLD = {
    "persons": [
        {
            "name": "Aigerim Saparova",
            "aliases": ["Ajgerim Saparowa"],
            "role": "foreign_minister",
            "country": "KZ",
            "org": None,
        },
        {
            "name": "Aigerim Saparova",
            "aliases": ["Ajgerim Saparowa"],  # aliases belong to each entry, as in the user's scorer
            "role": "deputy_prime_minister",
            "country": "KZ",
        },
        {"name": "Lukas Brenner", "role": "foreign_minister", "country": "DE"},
    ],
    "meetings": [
        {
            "kind": "ministerial_meeting",
            "date": "2025-05-14",
            "city": "Astana",
            "participant_countries": ["KZ", "DE", "UZ"],
            "participant_persons": ["Aigerim Saparova", "Lukas Brenner"],
            "format": "Central Asia–Germany",
            "ordinal": 3,
        },
        {
            "kind": "bilateral_talks",
            "date": "2025-05-13",
            "city": "Astana",
            "participant_countries": ["KZ", "DE"],
            "participant_persons": ["Aigerim Saparova", "Lukas Brenner"],
            "format": None,
            "ordinal": None,
        },
    ],
    "agreements": [
        {"kind": "memorandum", "parties": ["KZ", "DE"], "valid_from": "2025", "valid_until": "2027"},
    ],
    "formats": [{"name": "Central Asia-Germany", "members": ["KZ", "KG", "TJ", "TM", "UZ", "DE"]}],
    "missions": [{"kind": "consulate_general", "sending": "DE", "host": "KZ", "city": "Astana"}],
    "figures": [{"kind": "trade_volume", "countries": ["KZ", "DE"], "year": 2024, "value": 2.5e9}],
}

EMPTY_GOLD = {key: [] for key in ("persons", "meetings", "agreements", "formats", "missions", "figures")}


def _date(lexical: str) -> DateValue:
    kinds = {10: "date", 7: "gYearMonth", 4: "gYear"}
    return DateValue(lexical, "gMonthDay" if lexical.startswith("--") else kinds[len(lexical)])


def perfect() -> Extraction:
    """An extraction that says exactly what GOLD says."""
    return Extraction(
        article=Article(text="x", sha256="0" * 64, source="a.txt", lang="en"),
        positions=[
            Position("Aigerim Saparova", "foreign-minister", "KZ", EV, confidence=0.95),
            Position("Aigerim Saparova", "deputy-prime-minister", "KZ", EV, confidence=0.95),
            Position("Lukas Brenner", "foreign-minister", "DE", EV, confidence=0.95),
        ],
        meetings=[
            Meeting(
                "m1",
                "ministerial-meeting",
                EV,
                date=_date("2025-05-14"),
                place=ASTANA,
                participants=["Aigerim Saparova", "Lukas Brenner"],
                participant_countries=["KZ", "DE", "UZ"],
                format="central-asia-germany",
                ordinal=3,
                confidence=0.9,
            ),
            Meeting(
                "m2",
                "bilateral-talks",
                EV,
                date=_date("2025-05-13"),
                place=ASTANA,
                participants=["Lukas Brenner", "Aigerim Saparova"],
                participant_countries=["DE", "KZ"],
                confidence=0.8,
            ),
        ],
        agreements=[
            Agreement(
                "memorandum",
                EV,
                parties=["DE", "KZ"],
                valid_from=_date("2025"),
                valid_until=_date("2027"),
                confidence=0.9,
            )
        ],
        missions=[Mission("consulate-general", EV, sending_country="DE", host_country="KZ", place=ASTANA)],
        statistics=[Statistic("trade-volume", Decimal("2500000000"), EV, "USD", 2024, ["DE", "KZ"])],
    )


def score(extraction: Extraction, gold: dict | None = None) -> dict[str, Counts]:
    return score_extraction(extraction, GOLD if gold is None else gold, formats=FORMATS)


# ---------------------------------------------------------------- whole extractions


def test_perfect_extraction_scores_one_everywhere():
    counts = score(perfect())
    assert set(counts) == set(CATEGORIES)
    for name, c in counts.items():
        assert c.f1 == 1.0, (name, c)
    assert counts["meetings"] == Counts(2, 2, 2)
    assert counts["roles"] == Counts(3, 3, 3)
    assert counts["persons"] == Counts(2, 2, 2)
    assert counts["format.members"] == Counts(6, 6, 6)
    assert overall_f1(counts) == 1.0


def test_missing_meeting_lowers_meeting_recall_only():
    x = perfect()
    x.meetings = [m for m in x.meetings if m.meeting_type != "bilateral-talks"]
    counts = score(x)
    assert counts["meetings"] == Counts(1, 1, 2)
    assert counts["meetings"].precision == 1.0
    assert counts["meetings"].recall == 0.5
    assert overall_f1(counts) < 1.0


def test_extra_agreement_lowers_agreement_precision_only():
    x = perfect()
    x.agreements.append(Agreement("joint-statement", EV, parties=["KZ", "UZ"]))
    counts = score(x)
    assert counts["agreements"] == Counts(1, 2, 1)
    assert counts["agreements"].recall == 1.0
    assert counts["agreements"].precision == 0.5


def test_distractor_with_no_output_scores_one():
    empty = Extraction(article=Article(text="x", sha256="1" * 64, source="b.txt"))
    counts = score(empty, EMPTY_GOLD)
    assert all(c.f1 == 1.0 for c in counts.values())
    assert overall_f1(counts) == 1.0


def test_distractor_with_output_scores_zero_in_that_category():
    counts = score(perfect(), EMPTY_GOLD)
    assert counts["meetings"] == Counts(0, 2, 0)
    assert counts["meetings"].f1 == 0.0
    assert counts["meetings"].recall == 0.0


def test_boilerplate_gold_is_dropped():
    gold = copy.deepcopy(GOLD)
    gold["figures"].append(
        {"kind": "trade_volume", "countries": ["RU", "KZ"], "year": 2024, "value": 1e9, "zone": "boilerplate"}
    )
    assert score(perfect(), gold)["figures"] == Counts(1, 1, 1)


def test_duplicate_facts_count_once():
    x = perfect()
    x.meetings.append(replace(x.meetings[1], key="m3"))
    x.statistics.append(replace(x.statistics[0]))
    counts = score(x)
    assert counts["meetings"] == Counts(2, 2, 2)
    assert counts["figures"] == Counts(1, 1, 1)


def test_meetings_of_one_key_with_different_people_are_two_as_the_graph_keeps_them():
    x = perfect()
    x.meetings.append(replace(x.meetings[1], key="m3", participants=["Somebody Else"]))
    assert score(x)["meetings"] == Counts(2, 3, 2)


# ---------------------------------------------------------------- single rules


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Jeenbek Kulubaev", "J. Kulubaev", True),
        ("Péter Szijjártó", "Peter Szijjarto", True),
        ("Kassym-Jomart Tokayev", "Kassym Jomart Tokayev", True),
        ("Jeenbek Kulubaev", "Zheenbek Kulubaev", False),
        ("Wang Yi", "Wang Yu", False),
        ("", "Wang Yi", False),
    ],
)
def test_same_person(a, b, same):
    assert same_person(a, b) is same


def test_gold_aliases_match_other_spellings():
    x = perfect()
    for p in x.positions:
        if p.person == "Aigerim Saparova":
            p.person = "Ajgerim Saparowa"  # another transliteration: only the gold alias matches it
    counts = score(x)
    assert counts["persons"] == Counts(2, 2, 2)
    assert counts["roles"] == Counts(3, 3, 3)


def test_wrong_role_country_costs_a_role_not_a_person():
    x = perfect()
    x.positions[2].country = "AT"
    counts = score(x)
    assert counts["persons"] == Counts(2, 2, 2)
    assert counts["roles"] == Counts(2, 3, 3)


def test_month_day_date_fits_the_full_gold_date_and_a_wrong_date_is_counted():
    x = perfect()
    x.meetings[0].date = _date("--05-14")
    assert score(x)["meeting.date"] == Counts(2, 2, 2)
    x.meetings[0].date = _date("2025-05-15")
    counts = score(x)
    assert counts["meetings"] == Counts(2, 2, 2)
    assert counts["meeting.date"] == Counts(1, 2, 2)


def test_format_members_the_gold_leaves_out_are_not_held_against_the_system():
    x = perfect()
    x.meetings[0].participant_countries = ["KZ", "KG", "TJ", "TM", "UZ", "DE"]
    counts = score(x)
    assert counts["meetings"] == Counts(2, 2, 2)
    assert counts["meeting.countries"] == Counts(5, 5, 5)


def test_meeting_with_other_countries_does_not_match():
    x = perfect()
    x.meetings[1].participant_countries = ["FR", "IT"]
    x.meetings[1].place = PlaceRef("Rome", "IT")
    assert score(x)["meetings"] == Counts(1, 2, 2)


def test_meeting_attributes_are_scored_on_matched_pairs():
    x = perfect()
    x.meetings[0].ordinal = 4
    x.meetings[0].meeting_type = "summit"
    x.meetings[0].participants = ["Aigerim Saparova", "Olaf Wendt"]
    counts = score(x)
    assert counts["meetings"] == Counts(2, 2, 2)
    assert counts["meeting.ordinal"] == Counts(0, 1, 1)
    assert counts["meeting.type"] == Counts(1, 2, 2)
    assert counts["meeting.persons"] == Counts(3, 4, 4)


def test_unknown_format_id_names_no_format():
    x = perfect()
    x.meetings[0].format = "no-such-format"
    counts = score(x)
    assert counts["formats"] == Counts(0, 1, 1)
    assert counts["meeting.format"] == Counts(0, 1, 1)


def test_agreement_needs_half_the_parties_and_validity_is_by_year():
    x = perfect()
    x.agreements[0].valid_until = _date("2028-12-31")
    counts = score(x)
    assert counts["agreement.validity"] == Counts(1, 2, 2)
    x.agreements[0].parties = ["DE", "FR", "IT"]
    assert score(x)["agreements"] == Counts(0, 1, 1)


def test_agreements_of_one_key_with_different_titles_are_scored_apart_as_the_graph_keeps_them():
    x = perfect()
    first = x.agreements[0]
    x.agreements = [replace(first, title="MoU on energy"), replace(first, title="MoU on water")]
    gold = copy.deepcopy(GOLD)
    gold["agreements"] = [dict(GOLD["agreements"][0], title=t) for t in ("MoU on energy", "MoU on water")]
    assert score(x, gold)["agreements"] == Counts(2, 2, 2)
    x.agreements[1].title = "MoU on energy"  # one text told twice is one agreement
    assert score(x, gold)["agreements"] == Counts(1, 1, 2)


def test_mission_needs_sending_and_host():
    x = perfect()
    x.missions[0].sending_country, x.missions[0].host_country = "KZ", "DE"
    assert score(x)["missions"] == Counts(0, 1, 1)


@pytest.mark.parametrize(("value", "hit"), [("2.54e9", 1), ("2.46e9", 1), ("2.56e9", 0), ("2.4e9", 0)])
def test_figure_value_within_two_percent(value, hit):
    x = perfect()
    x.statistics[0].value = Decimal(value)
    assert score(x)["figures"] == Counts(hit, 1, 1)


def test_figure_year_must_agree_when_gold_gives_one():
    x = perfect()
    x.statistics[0].year = 2023
    assert score(x)["figures"].tp == 0
    x.statistics[0].year = None
    assert score(x)["figures"].tp == 0


def test_counts_conventions():
    assert Counts(0, 0, 0).f1 == 1.0
    assert Counts(0, 3, 0).f1 == 0.0
    assert Counts(0, 0, 2).f1 == 0.0
    assert Counts(1, 2, 1) + Counts(1, 0, 1) == Counts(2, 2, 2)
    assert Counts(1, 2, 4).f1 == pytest.approx(2 * 0.5 * 0.25 / 0.75)


# ---------------------------------------------------------------- gold files and folders


def test_load_gold_rejects_bad_files(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        load_gold(bad)
    bad.write_text('{"agreements": [{"kind": "memorandum"}]}', encoding="utf-8")
    with pytest.raises(InputError, match=r"agreements\[0\] lacks parties"):
        load_gold(bad)
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        load_gold(bad)
    with pytest.raises(InputError, match="missing.json"):
        load_gold(tmp_path / "missing.json")


def _folder(tmp_path):
    articles, gold_dir = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold_dir.mkdir()
    for name in ("a-talks.en", "b-sport.en", "c-no-gold.en"):
        (articles / f"{name}.txt").write_text(f"Title {name}\n\nSome text.\n", encoding="utf-8")
        (articles / f"{name}.meta.json").write_text('{"lang": "en"}', encoding="utf-8")
    (gold_dir / "a-talks.en.json").write_text(json.dumps(GOLD), encoding="utf-8")
    (articles / "b-sport.en.gold.json").write_text(json.dumps(EMPTY_GOLD), encoding="utf-8")
    return articles, gold_dir


def test_find_gold_prefers_the_gold_folder(tmp_path):
    articles, gold_dir = _folder(tmp_path)
    (articles / "a-talks.en.gold.json").write_text("{}", encoding="utf-8")
    assert find_gold(articles / "a-talks.en.txt", gold_dir=gold_dir) == gold_dir / "a-talks.en.json"
    assert find_gold(articles / "a-talks.en.txt") == articles / "a-talks.en.gold.json"
    assert find_gold(articles / "c-no-gold.en.txt", gold_dir=gold_dir) is None


def test_evaluate_a_folder_with_a_stand_in_extractor(tmp_path):
    articles, gold_dir = _folder(tmp_path)

    def extractor(article: Article) -> Extraction:
        if "a-talks" in article.source:
            return replace(perfect(), article=article)
        return Extraction(article=article)

    report = evaluate(articles, gold_dir=gold_dir, extractor=extractor, formats=FORMATS)
    assert [a.name for a in report.articles] == ["a-talks.en", "b-sport.en"]
    assert report.without_gold == ("c-no-gold.en",)
    assert report.overall_f1 == 1.0
    assert report.overall_f1_by_language == {"en": 1.0}
    assert report.totals["meetings"] == Counts(2, 2, 2)
    table = format_report(report, per_article=True)
    assert table.splitlines()[-1] == "overall F1 1.000"
    assert "b-sport.en: all right" in table
    data = json.loads(format_report(report, as_json=True, per_article=True))
    assert data["overall_f1"] == 1.0
    assert data["per_article"]["a-talks.en"]["scores"]["meetings"]["tp"] == 2
    assert set(data["confidence_bands"]) == {"meetings", "agreements", "positions", "missions", "figures"}


def test_confidence_bands_count_matched_system_facts(tmp_path):
    articles, gold_dir = _folder(tmp_path)

    def extractor(article: Article) -> Extraction:
        x = replace(perfect(), article=article)
        if "b-sport" in article.source:  # all of it is wrong for a distractor
            for m in x.meetings:
                m.confidence = 0.3
        return x

    report = evaluate(articles, gold_dir=gold_dir, extractor=extractor, formats=FORMATS)
    low, mid, high, top = report.bands["meetings"]
    assert (low.facts, low.correct) == (2, 0)
    assert (high.facts, high.correct) == (1, 1)  # the bilateral talks at 0.8
    assert (top.facts, top.correct) == (1, 1)  # the ministerial meeting at 0.9
    assert mid.facts == 0 and mid.precision is None
    assert report.bands["positions"][3].facts == 6
    assert report.bands["positions"][3].correct == 3
    assert report.overall_f1 < 1.0


def test_evaluate_without_any_gold_is_an_input_error(tmp_path):
    (tmp_path / "x.txt").write_text("Title\n\nText.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no article with a gold file"):
        evaluate(tmp_path, extractor=lambda a: Extraction(article=a), formats=FORMATS)
    with pytest.raises(InputError, match="no such folder"):
        evaluate(tmp_path / "nope", formats=FORMATS)


def test_main_categories_are_a_subset_of_all():
    assert set(MAIN_CATEGORIES) <= set(CATEGORIES)
