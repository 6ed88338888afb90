"""Extraction rules that generalise beyond the corpora they were measured on.

Every sentence here is written for this file (none comes from the sample corpus or the development
set), so each test checks that a rule holds for news in general, not for one article.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from extracting import extract_text


def _extract(text: str, *, lang: str = "en", date: str | None = "2025-06-10"):
    return extract_text(text, lang, date)


def _roles(found) -> set[tuple[str, str, str | None]]:
    return {(p.person, p.role, p.country) for p in found.positions}


# ---------------------------------------------------------------- people


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Hungarian Foreign Minister Péter Szijjártó received his Mongolian counterpart Battsetseg "
            "Batmunkh in Budapest on Monday.",
            "en",
            ("Battsetseg Batmunkh", "foreign-minister", "MN"),
        ),
        (
            "Der lettische Außenminister Baiba Braže empfing am Montag ihren slowakischen Amtskollegen "
            "Juraj Blanár in Riga.",
            "de",
            ("Juraj Blanár", "foreign-minister", "SK"),
        ),
        (
            "Chilean President Gabriel Boric welcomed his Peruvian counterpart, Dina Boluarte, at the border.",
            "en",
            ("Dina Boluarte", "president", "PE"),
        ),
    ],
)
def test_a_named_counterpart_holds_the_same_office_for_the_adjectives_country(text, lang, expected):
    assert expected in _roles(_extract(text, lang=lang))


def test_a_counterpart_of_someone_without_a_diplomatic_office_is_not_guessed():
    found = _extract(
        "Bürgermeisterin Anna Keller empfing ihren polnischen Amtskollegen Tomasz Nowak im Rathaus.",
        lang="de",
    )
    assert not any(p.person == "Tomasz Nowak" for p in found.positions)


def test_the_country_can_follow_the_name():
    found = _extract("President Gitanas Nausėda of Lithuania opened the conference in Vilnius on Monday.")
    assert ("Gitanas Nausėda", "president", "LT") in _roles(found)


def test_a_title_said_once_covers_the_list_that_follows_it():
    found = _extract(
        "The Nordic states were represented by their prime ministers: Jonas Gahr Støre of Norway, "
        "Ulf Kristersson of Sweden and Petteri Orpo of Finland."
    )
    roles = _roles(found)
    assert ("Ulf Kristersson", "prime-minister", "SE") in roles
    assert ("Petteri Orpo", "prime-minister", "FI") in roles


def test_a_list_item_after_a_possessive_takes_the_title_of_the_item_before():
    found = _extract(
        "Around the table sat Estonian Foreign Minister Margus Tsahkna, Latvia's Baiba Braže and "
        "Lithuania's Kęstutis Budrys."
    )
    roles = _roles(found)
    assert ("Baiba Braže", "foreign-minister", "LV") in roles
    assert ("Kęstutis Budrys", "foreign-minister", "LT") in roles


def test_a_possessive_name_outside_a_list_gets_no_borrowed_title():
    found = _extract("Foreign Minister Margus Tsahkna later phoned Latvia's Ieva Kalniņa about the pipeline.")
    assert not any(p.person == "Ieva Kalniņa" for p in found.positions)


def test_courtesy_titles_stand_before_a_name_and_long_arabic_names_stay_whole():
    found = _extract(
        "Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani, Prime Minister of Qatar, arrived in Ankara."
    )
    assert ("Mohammed bin Abdulrahman bin Jassim Al Thani", "prime-minister", "QA") in _roles(found)


def test_roles_joined_by_a_dash_are_both_held():
    found = _extract(
        "Deputy Prime Minister – Minister of Foreign Affairs of the Republic of Tajikistan Farrukh Sharifov "
        "arrived in Minsk."
    )
    roles = _roles(found)
    assert ("Farrukh Sharifov", "deputy-prime-minister", "TJ") in roles
    assert ("Farrukh Sharifov", "foreign-minister", "TJ") in roles


@pytest.mark.parametrize(
    ("text", "country"),
    [
        (
            "Bundeskanzler Karl Nehammer empfing in Wien den Gast. Österreich und die Slowakei wollen "
            "enger zusammenarbeiten; Österreich liefert Strom.",
            "AT",
        ),
        ("Bundeskanzler Olaf Scholz empfing in Berlin den Gast aus Deutschlands Nachbarland Polen.", "DE"),
    ],
)
def test_a_title_of_two_countries_takes_the_one_the_article_is_about(text, country):
    found = _extract(text, lang="de")
    assert {p.country for p in found.positions if p.role == "prime-minister"} == {country}


def test_the_german_federal_foreign_minister_is_germanys():
    found = _extract("Bundesminister des Auswärtigen Hans Becker reiste am Montag nach Tiflis.", lang="de")
    assert ("Hans Becker", "foreign-minister", "DE") in _roles(found)


# ---------------------------------------------------------------- meetings


def test_a_denied_meeting_yields_nothing():
    found = _extract(
        "A government spokesman denied reports that Estonian Foreign Minister Margus Tsahkna and Latvian "
        "Foreign Minister Baiba Braže had met in Geneva on Friday to discuss the pipeline."
    )
    assert found.meetings == []


def test_a_denied_meeting_yields_nothing_in_german():
    found = _extract(
        "Berichte, wonach der estnische Außenminister Margus Tsahkna und die lettische Außenministerin "
        "Baiba Braže sich am Freitag in Genf getroffen hätten, wies ein Sprecher zurück.",
        lang="de",
    )
    assert found.meetings == []


def test_a_counterfactual_visit_is_no_new_meeting():
    found = _extract(
        "Der chilenische Präsident Gabriel Boric hat seinen Besuch in Peru abgesagt. Es wäre der erste "
        "Besuch eines chilenischen Präsidenten in Lima seit zehn Jahren gewesen.",
        lang="de",
    )
    assert len(found.meetings) == 1
    assert found.meetings[0].status == "cancelled"


def test_a_meeting_dated_after_the_article_is_planned():
    found = _extract(
        "Kasachstans Präsident Kassym-Schomart Tokajew sagte, das Gipfeltreffen im Format Zentralasien–China "
        "finde im kommenden Jahr in Astana statt.",
        lang="de",
        date="2025-06-10",
    )
    (meeting,) = found.meetings
    assert meeting.status == "planned"
    assert meeting.date is not None and meeting.date.lexical == "2026"


def test_a_planned_format_summit_lists_the_formats_members():
    found = _extract(
        "The next Central Asia–China summit will be held in Astana in 2027, Chinese Foreign Minister "
        "Wang Yi said on Tuesday."
    )
    (meeting,) = found.meetings
    assert meeting.status == "planned"
    assert set(meeting.participant_countries) >= {"CN", "KZ", "KG", "TJ", "TM", "UZ"}


def test_the_meeting_of_a_council_is_one_meeting_of_the_councils_kind():
    found = _extract(
        "Foreign ministers gathered in Minsk on Monday for the fifth meeting of the Council of Foreign "
        "Ministers of the Commonwealth of Independent States."
    )
    assert len(found.meetings) == 1
    assert found.meetings[0].meeting_type == "ministerial-meeting"


def test_the_first_such_meeting_refers_to_the_meeting_told():
    found = _extract(
        "Estonian Foreign Minister Margus Tsahkna met Latvian Foreign Minister Baiba Braže in Riga on "
        "Monday, the first such meeting since 2019."
    )
    assert len(found.meetings) == 1


def test_a_new_pair_of_leaders_is_a_new_meeting():
    found = _extract(
        "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday.\n\n"
        "Later that day Boric also met Bolivian President Luis Arce in Lima."
    )
    pairs = sorted(tuple(sorted(m.participants)) for m in found.meetings)
    assert pairs == [("Dina Boluarte", "Gabriel Boric"), ("Gabriel Boric", "Luis Arce")]


def test_an_organisations_title_is_not_the_format_of_the_meeting():
    found = _extract(
        "In Nairobi begann am Samstag das Gipfeltreffen der Afrikanischen Union. Auch UN-Generalsekretär "
        "António Guterres reiste zu dem Treffen an.",
        lang="de",
        date="2025-02-16",
    )
    assert {m.format for m in found.meetings} == {"african-union"}


def test_an_undated_visit_with_no_one_named_is_not_diplomatic():
    found = _extract(
        "Im Herbst reist eine Gruppe von Schülern zum Gegenbesuch nach Georgien, wo ein Ausflug nach Tiflis "
        "geplant ist.",
        lang="de",
    )
    assert found.meetings == []


def test_a_return_visit_with_a_minister_is_a_planned_visit():
    found = _extract(
        "Außenministerin Baiba Braže lud ihren estnischen Amtskollegen Margus Tsahkna zu einem Gegenbesuch "
        "nach Riga ein.",
        lang="de",
    )
    assert [m.meeting_type for m in found.meetings] == ["visit"]
    assert found.meetings[0].status == "planned"


# ---------------------------------------------------------------- agreements and figures


def test_countries_an_agreement_is_about_are_not_its_parties():
    found = _extract(
        "Chilean Foreign Minister Alberto van Klaveren and Peruvian Foreign Minister Elmer Schialer met in "
        "Lima on Monday. After the talks the ministers signed a joint statement calling for a ceasefire "
        "in Sudan."
    )
    (agreement,) = found.agreements
    assert set(agreement.parties) == {"CL", "PE"}


def test_the_signatories_countries_are_parties():
    found = _extract(
        "Bundesaußenminister Hans Becker und Elmer Schialer, Außenminister Perus, unterzeichneten am Montag "
        "in Lima einen Fahrplan für die deutsch-peruanische Rohstoffpartnerschaft.",
        lang="de",
    )
    (agreement,) = found.agreements
    assert set(agreement.parties) == {"DE", "PE"}


def test_trade_between_both_countries_takes_the_pair_of_the_meeting():
    found = _extract(
        "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday. "
        "Trade between both countries reached $5.2 billion in 2024, according to Chilean data."
    )
    (figure,) = found.statistics
    assert set(figure.concerns) == {"CL", "PE"}


def test_the_five_countries_refers_to_the_group_named_before():
    found = _extract(
        "Japan's foreign minister met the foreign ministers of the five Central Asian states in Tokyo on "
        "Monday.\n\nJapan's trade with the five countries reached $3.1 billion in 2024."
    )
    (figure,) = found.statistics
    assert set(figure.concerns) == {"JP", "KZ", "KG", "TJ", "TM", "UZ"}


def test_a_figure_a_country_wants_to_reach_is_a_target():
    found = _extract(
        "Trade between Chile and Peru reached $5.2 billion in 2024, and Santiago wants to lift it to "
        "$8 billion by 2030."
    )
    assert [f.value for f in found.statistics] == [Decimal("5.2e9")]


def test_a_dollar_sign_after_us_is_a_currency_not_a_country():
    found = _extract(
        "Chilean President Gabriel Boric met Peruvian President Dina Boluarte in Lima on Monday. "
        "The two leaders noted that bilateral trade reached US$5.2 billion in 2024."
    )
    (figure,) = found.statistics
    assert "US" not in figure.concerns


# ---------------------------------------------------------------- the reference table of office holders


def test_a_head_of_state_without_a_country_gets_it_from_the_office_holders_table():
    found = _extract("President Recep Tayyip Erdoğan will open the new airport on Friday.", date="2025-06-10")
    assert ("Recep Tayyip Erdoğan", "president", "TR") in _roles(found)


def test_a_shorter_spelling_of_a_holders_name_still_matches():
    found = _extract(
        "Präsident Tayyip Erdogan eröffnete am Freitag den Flughafen.", lang="de", date="2025-06-10"
    )
    assert ("Tayyip Erdogan", "president", "TR") in _roles(found)


def test_no_country_from_the_table_outside_the_holders_term():
    before_term = _extract("President Lee Jae-myung spoke at the forum on Monday.", date="2019-03-04")
    assert {p.country for p in before_term.positions} <= {None}  # no position, or one without a country
    # undated, the title the text gives him is taken as his, in the one country he held that office for
    undated = _extract("President Lee Jae-myung spoke at the forum on Monday.", date=None)
    assert {(p.person, p.country) for p in undated.positions} == {("Lee Jae-myung", "KR")}


def test_an_unknown_name_gets_no_country_from_the_table():
    found = _extract("President Anna Example spoke at the forum on Monday.", date="2025-06-10")
    assert {p.country for p in found.positions} <= {None}  # no position, or one without a country


def test_being_ready_to_sign_is_no_agreement():
    found = _extract(
        "Chilean Foreign Minister Alberto van Klaveren said Chile was ready to sign a fisheries treaty with "
        "Peru but wanted Lima to change its customs rules first."
    )
    assert found.agreements == []


def test_a_signed_agreement_stays_signed_when_a_later_clause_speaks_of_the_future():
    found = _extract(
        "Chilean Foreign Minister Alberto van Klaveren and Peruvian Foreign Minister Elmer Schialer signed a "
        "memorandum on consular cooperation that officials said would make it easier to renew passports."
    )
    (agreement,) = found.agreements
    assert agreement.status == "signed"


def test_a_planned_agreement_with_one_known_party_is_dropped():
    found = _extract(
        "Chilean President Gabriel Boric spoke by phone with Luis Arce on Monday.\n\n"
        "A declaration on the lithium corridor is expected to be signed next month."
    )
    assert found.agreements == []


def test_a_compound_adjective_before_the_measure_names_its_countries():
    found = _extract(
        "Chilean-Peruvian trade reached about $5.2 billion in 2024, less than a tenth of Sino-Peruvian trade."
    )
    (figure,) = found.statistics
    assert set(figure.concerns) == {"CL", "PE"}


def test_the_countries_of_an_organisation_are_its_members():
    found = _extract(
        "Trade between the Central Asian states and the GCC countries exceeded 3.1 billion US dollars in 2024."
    )
    (figure,) = found.statistics
    assert set(figure.concerns) >= {"KZ", "UZ", "SA", "AE", "QA", "KW", "BH", "OM"}


def test_a_fiscal_year_is_no_calendar_year():
    found = _extract("Trade between Chile and Peru reached $5.2 billion in the fiscal year to March 2025.")
    (figure,) = found.statistics
    assert figure.year is None


def test_remittances_between_two_countries_are_a_figure():
    found = _extract(
        "Remittances from Spain to Bolivia reached USD 310 million in 2024, the central bank said."
    )
    (figure,) = found.statistics
    assert figure.statistic_type == "other" and set(figure.concerns) == {"ES", "BO"}


def test_a_figure_about_one_country_alone_is_not_a_bilateral_figure():
    found = _extract("Chile's exports reached $99 billion in 2024, the central bank said.")
    assert found.statistics == []


def test_each_mission_takes_its_own_verb_and_place():
    found = _extract(
        "LIMA, June 9 — Bolivia has closed its embassy in Tegucigalpa and opened a consulate in the Chilean "
        "port city of Antofagasta, the foreign ministry said."
    )
    missions = {(m.mission_type, m.sending_country, m.host_country, m.status) for m in found.missions}
    assert missions == {("embassy", "BO", "HN", "closed"), ("consulate", "BO", "CL", "opened")}


def test_a_mission_told_in_the_headline_and_the_body_is_one():
    found = _extract(
        "Bolivia shuts embassy in Honduras\n\nBolivia has closed its embassy in Tegucigalpa, the foreign "
        "ministry in La Paz said on Monday."
    )
    (mission,) = found.missions
    assert (mission.host_country, mission.status) == ("HN", "closed")
    assert mission.place is not None and mission.place.name == "Tegucigalpa"


def test_a_denied_mission_change_yields_nothing():
    found = _extract(
        "A ministry spokesperson denied reports that the Bolivian embassy in Santiago would be closed."
    )
    assert found.missions == []


def test_talks_of_two_leaders_at_a_summit_are_their_own_meeting():
    found = _extract(
        "The summit of the Shanghai Cooperation Organisation opened in Tianjin on Monday. Chinese President "
        "Xi Jinping, Russian President Vladimir Putin and Indian Prime Minister Narendra Modi took part.\n\n"
        "Putin and Modi held talks for almost an hour on the sidelines."
    )
    kinds = sorted(m.meeting_type for m in found.meetings)
    assert kinds == ["bilateral-talks", "summit"]


def test_a_surname_after_a_title_with_a_country_takes_the_full_name_written_elsewhere():
    found = _extract(
        "Donald Tusk arrived in Vilnius on Monday. The Polish Prime Minister Tusk said the corridor mattered.",
        date="2025-06-10",
    )
    assert ("Donald Tusk", "prime-minister", "PL") in _roles(found)
