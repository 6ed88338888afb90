"""What an agreement's title is about, across languages, and the merging rules that read it (issue 4).

``data/lexicon/agreement_subjects.json`` names the subjects; :func:`kg.event_resolution.subject_words`
splits German compounds at their document head ("Konsultations|plan"); two reports of one document
whose titles say the same thing in two languages link. Two different documents between the same two
countries never merge. Every title is written for the test.
"""

from __future__ import annotations

import json

import pytest
from stored_events import stored_agreement

from kg import event_resolution as ev
from kg import reference
from kg.errors import KgError
from kg.event_resolution import StoredAgreement
from kg.translit import skeleton_tokens


def agreement(sha: str, title: str, lang: str, **values) -> StoredAgreement:
    values.setdefault("kind", "roadmap")
    values.setdefault("parties", {"KZ", "UZ"})
    return stored_agreement(sha, title, lang, **values)


def clusters(items: list[StoredAgreement]) -> list[list[str]]:
    items = sorted(items, key=lambda a: a.own)
    found = ev._cluster(items, ev._agreement_blocks, ev.agreement_conflict, ev.agreement_link)
    return sorted(sorted(items[i].sha for i in members) for members in found)


# ---------------------------------------------------------------- subjects of a title


@pytest.mark.parametrize(
    ("title", "lang", "subjects"),
    [
        ("Konsultationsplan", "de", {"@consultation"}),
        ("Plan für Konsultationen zwischen den Außenministerien", "de", {"@consultation"}),
        ("plan of consultations between their ministries", "en", {"@consultation"}),
        ("two-year plan of consultations", "en", {"@consultation"}),
        ("Text des Friedensabkommens", "de", {"@peace"}),
        ("Freihandelsabkommen", "de", {"@free", "@trade"}),
        ("free trade agreement", "en", {"@free", "@trade"}),
        (
            "Memorandum über den Ausbau des Grenzübergangs Korgas",
            "de",
            {"@border", "@crossing", "ausbau", "korgas"},
        ),
    ],
)
def test_a_title_is_read_as_its_subjects(title, lang, subjects):
    assert ev.subject_words(title, lang) == subjects


def test_an_english_word_ending_like_a_german_head_is_not_split():
    assert ev.subject_words("programme of airplane maintenance", "en") == {"airplane", "maintenance"}


def test_every_shipped_form_is_one_word_that_is_no_stop_word():
    from kg.resources import lexicon_dir

    shipped = json.loads((lexicon_dir() / ev.SUBJECTS_FILE).read_text(encoding="utf-8"))
    for subject, forms in shipped["subjects"].items():
        for form in forms:
            (folded,) = skeleton_tokens(form)
            assert folded not in ev._TITLE_STOP, (subject, form)


@pytest.fixture
def lexicon(tmp_path, monkeypatch):
    monkeypatch.setattr("kg.reference.lexicon_dir", lambda: tmp_path)
    ev.title_subjects.cache_clear()
    reference._read_text.cache_clear()
    yield tmp_path
    ev.title_subjects.cache_clear()
    reference._read_text.cache_clear()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "invalid JSON at line 1"),
        ('{"subjects": {}}', "expected"),
        ('{"compound_heads": {"de": ["plan"]}, "subjects": {"peace": ["peace talks"]}}', "is not one word"),
        ('{"compound_heads": {"de": "plan"}, "subjects": {}}', "expected a list"),
    ],
)
def test_a_broken_subjects_file_is_one_error_naming_it(lexicon, content, message):
    (lexicon / ev.SUBJECTS_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(KgError, match=message) as error:
        ev.title_subjects()
    assert ev.SUBJECTS_FILE in str(error.value) and "\n" not in str(error.value)


# ---------------------------------------------------------------- one document in two languages, two documents

MARCH_4 = ("2025-03-04", "date")
MARCH = ("2025-03", "gYearMonth")


def test_a_compound_title_and_its_english_phrase_in_one_month_link():
    german = agreement("de", "Konsultationsplan", "de", signed_on=MARCH)
    english = agreement("en", "plan of consultations between their ministries", "en", signed_on=MARCH_4)
    assert ev.agreement_conflict(german, english) is None
    assert ev.agreement_link(german, english) == 2


def test_the_compound_and_the_spelled_out_german_title_share_their_subject():
    compound = agreement("a", "Konsultationsplan", "de", signed_on=MARCH)
    spelled = agreement("b", "Plan für Konsultationen zwischen den Außenministerien", "de", signed_on=MARCH_4)
    assert ev.agreement_conflict(compound, spelled) is None  # no longer "no word in common"
    assert ev.agreement_link(compound, spelled) == 2


@pytest.mark.parametrize(
    ("change", "what"),
    [
        ({"signed_on": None}, "undated"),
        ({"signed_on": ("2025", "gYear")}, "a year only"),
        ({"parties": {"KZ", "KG"}}, "other parties"),
        ({"kind": "memorandum"}, "another kind"),
    ],
)
def test_the_subject_link_needs_the_month_the_parties_and_the_kind(change, what):
    german = agreement("de", "Konsultationsplan", "de", **{"signed_on": MARCH, **change})
    english = agreement("en", "plan of consultations", "en", signed_on=MARCH_4)
    assert ev.agreement_link(german, english) == 0, what


def test_two_plans_of_one_month_about_different_things_stay_apart():
    consultations = agreement("a", "Konsultationsplan", "de", signed_on=MARCH)
    culture = agreement("b", "plan of cultural exchanges", "en", signed_on=MARCH_4)
    assert ev.agreement_link(consultations, culture) == 0
    assert clusters([consultations, culture]) == [["a"], ["b"]]


def test_two_plans_of_consultations_for_two_periods_are_two_documents():
    first = agreement("a", "plan of consultations", "en", valid=("2025^gYear", "2026^gYear"))
    second = agreement("b", "Konsultationsplan", "de", valid=("2027^gYear", "2028^gYear"), signed_on=MARCH)
    assert ev.agreement_conflict(first, second) == "periods of validity"


def test_two_memoranda_between_the_same_countries_in_one_month_stay_apart():
    labour = agreement(
        "a",
        "memorandum on organised labour recruitment",
        "en",
        kind="memorandum",
        signed_on=("2025-06-10", "date"),
    )
    health = agreement(
        "b",
        "Memorandum über Zusammenarbeit im Gesundheitswesen",
        "de",
        kind="memorandum",
        signed_on=("2025-06", "gYearMonth"),
    )
    assert ev.agreement_link(labour, health) == 0
    assert clusters([labour, health]) == [["a"], ["b"]]


def test_the_plan_joins_its_reports_and_not_the_memorandum_of_the_same_countries():
    reports = [
        agreement("a", "plan of consultations between their ministries", "en", signed_on=MARCH_4),
        agreement("b", "Plan für Konsultationen", "de", signed_on=MARCH_4),
        agreement("c", "Konsultationsplan", "de", signed_on=MARCH),
        agreement(
            "d", "Memorandum über die Anwerbung von Arbeitskräften", "de", kind="memorandum", signed_on=MARCH
        ),
        agreement(
            "e", "memorandum on labour recruitment", "en", kind="memorandum", signed_on=("2025-03-20", "date")
        ),
    ]
    assert clusters(reports) == [["a", "b", "c"], ["d", "e"]]


def test_a_peace_agreement_in_two_languages_shares_its_subject():
    german = agreement("de", "Text des Friedensabkommens", "de", kind="agreement", parties={"AM", "AZ"})
    english = agreement(
        "en",
        "agreement on establishing peace and interstate relations",
        "en",
        kind="agreement",
        parties={"AM", "AZ"},
    )
    assert ev._shared_words(german, english) == (1, False)
