"""Ways of writing that the development articles did not use: Swiss spelling, one title over a list of
countries and a list of names, counterparts known by one name, ranges of days, company contracts.

Each test is a text written for it, extracted, and the facts it must (or must not) yield.
"""

from __future__ import annotations

import re

import pytest
from extracting import extract_text

from kg.extract.dates import find_dates


def positions(found) -> set[tuple[str, str, str | None]]:
    return {(p.person, p.role, p.country or p.organization) for p in found.positions}


def test_swiss_german_writes_ss_for_sharp_s():
    found = extract_text(
        "Genf\n\nDer ägyptische Aussenminister Karim Mansour traf in Genf Uno-Generalsekretär António Guterres. "
        "Mansour traf danach seinen Schweizer Kollegen Ignazio Cassis.",
        "de",
        "2026-03-06",
    )
    assert positions(found) >= {
        ("Karim Mansour", "foreign-minister", "EG"),
        ("António Guterres", "secretary-general", "United Nations"),
        ("Ignazio Cassis", "foreign-minister", "CH"),
    }


def test_a_country_represented_only_by_a_deputy():
    de = extract_text(
        "Wien\n\nRussland war nur durch Vize-Aussenminister Alexander Gruschko vertreten.", "de"
    )
    en = extract_text("Vienna\n\nRussia was only represented by Deputy Foreign Minister Alexander Grushko.")
    assert ("Alexander Gruschko", "deputy-foreign-minister", "RU") in positions(de)
    assert ("Alexander Grushko", "deputy-foreign-minister", "RU") in positions(en)


def test_a_counterpart_who_goes_by_one_name():
    found = extract_text(
        "Jakarta\n\nAußenministerin Beate Meinl-Reisinger traf am Donnerstag in Jakarta ihren indonesischen "
        "Amtskollegen Sugiono. Sugiono sprach von einem neuen Kapitel.",
        "de",
        "2026-03-19",
    )
    assert ("Sugiono", "foreign-minister", "ID") in positions(found)
    (meeting,) = found.meetings
    assert set(meeting.participant_countries) == {"AT", "ID"}
    assert set(meeting.participants) == {"Beate Meinl-Reisinger", "Sugiono"}


def test_a_counterpart_named_by_surname_is_the_reference_holder():
    found = extract_text(
        "Ankara\n\nForeign Minister Hakan Fidan met his Russian counterpart Lavrov in Ankara on Monday.",
        "en",
        "2025-03-19",
    )
    assert ("Sergey Lavrov", "foreign-minister", "RU") in positions(found)


def test_one_title_over_a_list_of_countries_and_a_list_of_names():
    de = extract_text(
        "Genf\n\nVom 3. bis 5. März hatten die Aussenminister Ägyptens, Äthiopiens und Sudans, Badr Abdelatty, "
        "Gedion Timothewos und Mohieldin Salem, in Genf beraten.",
        "de",
        "2026-03-06",
    )
    assert positions(de) >= {
        ("Gedion Timothewos", "foreign-minister", "ET"),
        ("Mohieldin Salem", "foreign-minister", "SD"),  # Salem is a city too
    }
    (meeting,) = de.meetings
    assert meeting.date.lexical == "2026-03-03"  # a range of days: its first
    assert set(meeting.participant_countries) == {"EG", "ET", "SD"}
    en = extract_text(
        "Geneva\n\nIn Geneva, the foreign ministers of Brazil and India, Mauro Vieira and Subrahmanyam "
        "Jaishankar, held talks on Monday.",
        "en",
        "2026-03-06",
    )
    assert positions(en) >= {
        ("Mauro Vieira", "foreign-minister", "BR"),
        ("Subrahmanyam Jaishankar", "foreign-minister", "IN"),
    }


def test_a_list_of_names_longer_than_the_list_of_countries_is_not_paired():
    found = extract_text(
        "Geneva\n\nThe foreign ministers of Brazil and India, Mauro Vieira, Lena Hartmann and Subrahmanyam "
        "Jaishankar, spoke.",
    )
    assert not any(p.person == "Lena Hartmann" for p in found.positions)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("vom 3. bis 5. März", "2026-03-03"),
        ("am 3.-5. März 2025", "2025-03-03"),
        ("from 3 to 5 March 2026", "2026-03-03"),
        ("on March 3-5, 2026", "2026-03-03"),
        ("March 3 to 5", "2026-03-03"),
    ],
)
def test_a_range_of_days_is_dated_by_its_first(text, day):
    (mention,) = find_dates(text, article_date="2026-03-06")
    assert mention.value.lexical == day


def test_a_company_contract_is_no_agreement_between_states():
    found = extract_text(
        "Berlin\n\nDer kenianische Präsident William Ruto traf am Montag in Berlin Bundeskanzler Olaf Scholz. "
        "Bei dem Treffen unterzeichneten beide einen Grenzvertrag. Erst vor zwei Wochen hat ein Berliner "
        "Start-up mit der kenianischen Firma M-Kopa einen Liefervertrag über 40 Millionen Euro geschlossen.",
        "de",
        "2025-06-12",
    )
    (treaty,) = found.agreements
    assert treaty.title == "Grenzvertrag" and len(treaty.evidence) == 1


def missions(found) -> set[tuple[str, str, str, str | None, str]]:
    return {
        (m.mission_type, m.sending_country, m.host_country, m.place.name if m.place else None, m.status)
        for m in found.missions
    }


def test_missions_agreed_in_a_clause_or_to_be_opened():
    found = extract_text(
        "Berlin\n\nBeide Seiten vereinbarten, dass die Mongolei ein Generalkonsulat in München eröffnet.\n\n"
        "Österreich will seine Präsenz in Indonesien verstärken. In Denpasar auf der Insel Bali soll ein "
        "österreichisches Konsulat eröffnet werden.",
        "de",
        "2026-05-08",
    )
    assert missions(found) == {
        ("consulate-general", "MN", "DE", "Munich", "agreed"),
        ("consulate", "AT", "ID", "Denpasar", "agreed"),  # Bali is also a town in India
    }


def test_a_mission_opened_in_the_city_the_sentence_starts_in():
    found = extract_text(
        "Vilnius\n\nToday in Singapore, Minister of Foreign Affairs Kestutis Budrys officially opened the "
        "Embassy of the Republic of Lithuania, our first resident mission in the region.",
        "en",
        "2026-04-14",
    )
    assert missions(found) == {("embassy", "LT", "SG", "Singapore", "opened")}


def test_a_chancellor_is_of_the_country_whose_office_the_reference_says_he_holds():
    found = extract_text(
        "Wien\n\nIn Berlin traf Bundeskanzler Friedrich Merz am Mittwoch den mongolischen Präsidenten. "
        "Österreich, Österreich und nochmals Österreich: das Nachbarland war Thema.",
        "de",
        "2026-05-08",
    )
    assert ("Friedrich Merz", "prime-minister", "DE") in positions(found)


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        (
            "Der kenianische Präsident William Ruto besuchte im September Berlin und traf Olaf Scholz.",
            "de",
            "2024-09",
        ),
        (
            "Kenyan President William Ruto visited Berlin on 10 September and met Olaf Scholz.",
            "en",
            "2024-09-10",
        ),
        (
            "Der kenianische Präsident William Ruto besucht im September Berlin und trifft Olaf Scholz.",
            "de",
            "2025-09",
        ),
    ],
)
def test_a_month_told_in_the_past_is_the_last_one_before_the_article(text, lang, day):
    (meeting,) = extract_text("Berlin\n\n" + text, lang, "2025-06-12").meetings
    assert meeting.date.lexical == day


def test_an_agreement_in_force_for_a_number_of_years():
    found = extract_text(
        "Vilnius\n\nOn Tuesday Lithuanian Foreign Minister Kestutis Budrys met Singapore's Foreign Minister "
        "Vivian Balakrishnan in Singapore. The two ministers signed a memorandum of understanding on digital "
        "government. The memorandum will remain in force for five years.",
        "en",
        "2026-04-15",
    )
    (memorandum,) = found.agreements
    assert (memorandum.valid_from.lexical, memorandum.valid_until.lexical) == ("2026", "2031")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "On Tuesday Turkmen Foreign Minister Rashid Meredov held talks in Ashgabat with Korean Foreign "
            "Minister Cho Hyun. Following the talks, the following documents were signed:\n"
            "– Programme of Cooperation between the foreign ministries of Turkmenistan and Korea for 2026-2028;\n"
            "– Memorandum of Understanding between Turkmenistan and Korea on cooperation in digital economy.",
            "en",
        ),
        (
            "Am Dienstag führte der turkmenische Außenminister Rashid Meredov in Aschgabat Gespräche mit dem "
            "koreanischen Außenminister Cho Hyun. Im Anschluss wurden folgende Dokumente unterzeichnet:\n"
            "– Programm der Zusammenarbeit der Außenministerien Turkmenistans und Koreas für 2026-2028;\n"
            "– Memorandum zwischen Turkmenistan und Korea über die Zusammenarbeit in der Digitalwirtschaft.",
            "de",
        ),
    ],
)
def test_the_items_of_a_list_of_documents_signed(text, lang):
    found = extract_text("Ashgabat\n\n" + text, lang, "2026-02-12")
    kinds = sorted((a.agreement_type, tuple(sorted(a.parties)), a.status) for a in found.agreements)
    assert kinds == [("memorandum", ("KR", "TM"), "signed"), ("roadmap", ("KR", "TM"), "signed")]
    assert {a.signed_on.lexical for a in found.agreements} == {"2026-02-10"}


def test_a_list_under_a_heading_that_signs_nothing_is_no_agreement():
    found = extract_text(
        "Ashgabat\n\nOn Tuesday Turkmen Foreign Minister Rashid Meredov held talks in Ashgabat with Korean Foreign "
        "Minister Cho Hyun. The ministers discussed the following documents:\n"
        "– Programme of Cooperation between the foreign ministries of Turkmenistan and Korea for 2026-2028;\n"
        "– Memorandum of Understanding between Turkmenistan and Korea on cooperation in digital economy.",
        "en",
        "2026-02-12",
    )
    assert not found.agreements


def test_korea_alone_is_the_republic_of_korea_and_a_portfolio_of_two_words():
    found = extract_text(
        "Astana\n\nKorea's ambassador, Kim Dong-jin, has been in post since autumn. North Korea was not "
        "mentioned. Later the minister met Singapore's Minister for Trade and Industry, Gan Kim Yong, in Astana.",
        "en",
        "2026-03-14",
    )
    assert positions(found) >= {("Kim Dong-jin", "ambassador", "KR"), ("Gan Kim Yong", "minister", "SG")}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Brazil and South Africa will revive their joint commission, the Brazilian foreign ministry said in "
            "a statement on Wednesday, after Foreign Minister Mauro Vieira hosted his South African counterpart "
            "Ronald Lamola. The two ministers met on Tuesday for two hours.",
            "en",
        ),
        (
            "Brasilien und Südafrika wollen ihre Kommission wiederbeleben, teilte das Außenministerium am "
            "Mittwoch mit, nachdem Außenminister Mauro Vieira seinen südafrikanischen Amtskollegen Ronald Lamola "
            "empfangen hatte. Die beiden Minister trafen sich am Dienstag für zwei Stunden.",
            "de",
        ),
    ],
)
def test_the_day_a_ministry_reports_is_not_the_day_of_the_meeting(text, lang):
    found = extract_text("Brasilia\n\n" + text, lang, "2026-03-11")
    assert {m.date.lexical for m in found.meetings if m.date} == {"2026-03-10"}


def test_a_prince_is_named_without_his_courtesy_title_and_once():
    found = extract_text(
        "Riyadh\n\nSaudi Foreign Minister Prince Faisal bin Farhan Al Saud received his Turkish counterpart "
        "Hakan Fidan in Riyadh on Monday.",
        "en",
        "2026-02-14",
    )
    assert sorted((p.person, p.country) for p in found.positions) == [
        ("Faisal bin Farhan Al Saud", "SA"),
        ("Hakan Fidan", "TR"),
    ]


def test_a_minister_who_announces_on_a_day_of_his_visit_dates_the_visit():
    found = extract_text(
        "Tashkent\n\nHungary has opened a consulate general in Samarkand, Foreign Minister Péter Szijjártó "
        "announced on Wednesday during an official visit to Uzbekistan, where he met Foreign Minister "
        "Bakhtiyor Saidov.",
        "en",
        "2025-06-05",
    )
    assert {m.date.lexical for m in found.meetings if m.date} == {"2025-06-04"}


def test_a_cabinet_session_at_home_is_no_diplomatic_meeting_and_a_palace_no_town():
    cabinet = extract_text(
        "Wien\n\nDer Ministerrat tagte am Mittwoch in Wien unter Vorsitz von Bundeskanzler Christian Stocker.",
        "de",
        "2026-04-16",
    )
    assert not cabinet.meetings
    palace = extract_text(
        "Berlin\n\nBundespräsident Frank-Walter Steinmeier empfing am Dienstag im Schloss Bellevue den "
        "mongolischen Präsidenten Uchnaagiin Chürelsüch.",
        "de",
        "2026-05-08",
    )
    (meeting,) = palace.meetings
    assert meeting.place is None  # Bellevue is also a town in Washington State
    assert set(meeting.participant_countries) == {"DE", "MN"}


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("Leaders opened the seventh African Union–European Union summit in Luanda on Monday.", "au-eu"),
        (
            "The EU-ASEAN Ministerial Meeting opened in Brussels on Monday with 27 foreign ministers.",
            "eu-asean",
        ),
        ("The presidents of the Mercosur states held their summit in Asunción on Monday.", "mercosur"),
    ],
)
def test_formats_beyond_central_asia(text, fmt):
    (meeting,) = extract_text("Summit\n\n" + text, "en", "2025-11-25").meetings
    assert meeting.format == fmt


@pytest.mark.parametrize(
    ("text", "value", "currency"),
    [
        ("trade reached 17.2 billion U.S. dollars in 2025", 17_200_000_000, "USD"),
        ("bilateral trade touched Rs 26,000 crore in 2025", 260_000_000_000, "INR"),
        ("a package of Rs. 2 lakh crore", 2_000_000_000_000, "INR"),
        ("investment of R$ 12 billion", 12_000_000_000, "BRL"),
        ("an AED18.4 billion (US$5 billion) pledge", 18_400_000_000, "AED"),  # the conversion is no figure
        ("trade of N412.6 billion (about $268 million)", 412_600_000_000, "NGN"),
        ("Das Handelsvolumen lag bei 5 Mrd. Sum", 5_000_000_000, "UZS"),
    ],
)
def test_money_as_american_indian_and_brazilian_papers_write_it(text, value, currency):
    from kg.extract.numbers import find_money

    (money,) = find_money(text, lang="en")
    assert (money.value, money.currency) == (value, currency)


def test_letters_before_a_number_are_no_rupees():
    from kg.extract.numbers import find_money

    assert find_money("Mrs 5 million and cars 26 crore", lang="en") == []
    assert find_money("N95 masks on route N1", lang="en") == []


def test_a_figure_between_the_pair_the_report_is_about():
    found = extract_text(
        "Moskau\n\nKasachstans Präsident Kassym-Schomart Tokajew ist am Montag in Moskau mit Präsident "
        "Wladimir Putin zusammengetroffen. Das Handelsvolumen stieg 2025 um 9 Prozent auf 28 Milliarden "
        "US-Dollar, doch Kasachstan achtet auf die Sanktionen. Deutschland ist Indiens wichtigster "
        "Handelspartner in der Europäischen Union; der Handel belief sich 2025 auf 31 Milliarden Euro.",
        "de",
        "2026-02-18",
    )
    assert sorted((tuple(sorted(f.concerns)), float(f.value)) for f in found.statistics) == [
        (("DE", "IN"), 31e9),
        (("KZ", "RU"), 28e9),
    ]


def test_a_delegation_listed_under_the_side_it_belongs_to():
    found = extract_text(
        "Berlin\n\nBundeskanzler Friedrich Merz und der indische Premierminister Narendra Modi leiteten am 14. "
        "April 2026 in Berlin die achten Deutsch-Indischen Regierungskonsultationen. An den "
        "Konsultationen nahmen teil:\n\nauf deutscher Seite\n- Bundesminister des Auswärtigen Johann Wadephul\n"
        "- Bundesministerin für Wirtschaft und Energie Katherina Reiche\n\nauf indischer Seite\n"
        "- Außenminister Dr. S. Jaishankar\n- Minister für Handel und Industrie Piyush Goyal\n"
        "- Verteidigungsminister Rajnath Singh\n",
        "de",
        "2026-04-15",
    )
    assert positions(found) >= {
        ("Katherina Reiche", "minister", "DE"),
        ("S. Jaishankar", "foreign-minister", "IN"),  # an initial, after a courtesy title
        ("Piyush Goyal", "minister", "IN"),
        ("Rajnath Singh", "minister", "IN"),
    }
    (meeting,) = found.meetings  # "Regierungskonsultationen" are talks
    assert meeting.date.lexical == "2026-04-14"


def test_museums_sign_no_state_agreement_and_a_headline_country_is_not_the_next_title():
    found = extract_text(
        "Kurz gemeldet\n\nNeue Botschafterin Chiles akkreditiert\nBundespräsident Frank-Walter Steinmeier hat am "
        "Mittwoch die neue Botschafterin der Republik Chile, Carolina Aránguiz, akkreditiert.\n\n"
        "Leihgaben aus Seoul\nDas Museum für Asiatische Kunst in Berlin und das Nationalmuseum von Korea haben "
        "eine Vereinbarung über einen Leihverkehr unterzeichnet.",
        "de",
        "2026-04-17",
    )
    assert ("Frank-Walter Steinmeier", "president", "DE") in positions(found)
    assert not found.agreements


def test_a_consulate_opened_in_a_city_named_by_its_adjective():
    found = extract_text(
        "Nürnberg\n\nAm Mittwoch eröffnete Usbekistan in der Nürnberger Innenstadt ein usbekisches "
        "Generalkonsulat.",
        "de",
        "2026-04-17",
    )
    assert missions(found) == {("consulate-general", "UZ", "DE", "Nuremberg", "opened")}


def test_a_title_without_a_name_is_the_one_holder_of_that_office():
    found = extract_text(
        "New Delhi\n\nNEW DELHI: External Affairs Minister Dr S Jaishankar returned on Sunday from a tour. The EAM "
        "began his tour in Vienna on 10th March, where he held talks with his Austrian counterpart Beate "
        "Meinl-Reisinger. The ministers discussed Ukraine.",
        "en",
        "2026-03-15",
    )
    assert ("S Jaishankar", "foreign-minister", "IN") in positions(found)
    (meeting,) = found.meetings
    assert meeting.date.lexical == "2026-03-10"
    assert set(meeting.participants) == {"S Jaishankar", "Beate Meinl-Reisinger"}


def test_today_in_a_readout_is_the_day_on_the_line_above_it():
    found = extract_text(
        "Readouts of the week\n\nSecretary Rubio's Meeting with Korean Foreign Minister Cho\n\nApril 1, 2026\n\n"
        "Secretary of State Marco Rubio met today with Korean Foreign Minister Cho Hyun in Washington.\n",
        "en",
        "2026-04-03",
    )
    (meeting,) = found.meetings
    assert meeting.date.lexical == "2026-04-01"


def test_memoranda_exchanged_in_a_list_and_a_country_where_a_text_was_signed():
    exchanged = extract_text(
        "Hanoi\n\nHANOI: The President of the UAE, Sheikh Mohamed bin Zayed Al Nahyan, held talks on Tuesday with "
        "Vietnamese President Luong Cuong in Hanoi. Following the talks, the two leaders witnessed the exchange "
        "of the following MoUs:\n- an MoU on investment cooperation;\n- an MoU on food security.\n",
        "en",
        "2025-10-15",
    )
    assert sorted((a.agreement_type, tuple(sorted(a.parties))) for a in exchanged.agreements) == [
        ("memorandum", ("AE", "VN")),
        ("memorandum", ("AE", "VN")),
    ]
    doha = extract_text(
        "Doha\n\nNach wochenlangen Gefechten haben Äthiopien und Eritrea in Katar ein Waffenstillstandsabkommen "
        "unterzeichnet.",
        "de",
        "2026-11-25",
    )
    (ceasefire,) = doha.agreements
    assert sorted(ceasefire.parties) == ["ER", "ET"]


def test_a_swiss_president_of_the_confederation():
    found = extract_text(
        "Bern\n\nBern (sda) Der indonesische Präsident Prabowo Subianto ist am Donnerstag zu einem Staatsbesuch in "
        "der Schweiz eingetroffen. Bundespräsidentin Karin Keller-Sutter empfing den Gast in Bern. Die Schweiz "
        "und Indonesien wollen enger zusammenarbeiten.",
        "de",
        "2025-11-13",
    )
    assert ("Karin Keller-Sutter", "president", "CH") in positions(found)


def test_the_head_of_the_swiss_foreign_department_is_switzerlands_foreign_minister():
    found = extract_text(
        "Bern\n\nEDA-Vorsteher Ignazio Cassis empfing am Donnerstag in Bern den indonesischen Aussenminister "
        "Sugiono.",
        "de",
        "2025-11-13",
    )
    assert ("Ignazio Cassis", "foreign-minister", "CH") in positions(found)


def test_spokespeople_and_aides_whose_office_names_the_country():
    en = extract_text(
        "Moscow\n\nKremlin spokesman Oleg Antonov said no summit was planned. Iranian Foreign Ministry "
        "spokesman Reza Karimi told reporters in Tehran that the report was false. Briefing reporters in "
        "Delhi, MEA spokesperson Arun Mehta said the visit went well.",
        "en",
        "2026-05-04",
    )
    de = extract_text(
        "Moskau\n\nDas Gespräch dauerte nach Angaben von Kremlsprecher Oleg Antonow zwei Stunden.", "de"
    )
    assert positions(en) >= {
        ("Oleg Antonov", "other", "RU"),
        ("Reza Karimi", "other", "IR"),
        ("Arun Mehta", "other", "IN"),
    }
    assert ("Oleg Antonow", "other", "RU") in positions(de)


def test_the_chair_of_the_african_union_commission_holds_an_office_of_the_union():
    en = extract_text(
        "Addis Ababa\n\nThe Chairperson of the AU Commission, Amina Diallo, told the ministers to act.", "en"
    )
    de = extract_text(
        "Addis Abeba\n\nAls Zeugin unterschrieb die Vorsitzende der Kommission der Afrikanischen Union, "
        "Amina Diallo.",
        "de",
    )
    assert ("Amina Diallo", "other", "African Union") in positions(en)
    assert ("Amina Diallo", "other", "African Union") in positions(de)


def test_an_ambassador_to_a_country_with_the_name_after_a_comma():
    en = extract_text(
        "London\n\nThe centre was opened by Kazakhstan's Ambassador to the United Kingdom, Aigerim Sadykova.",
        "en",
    )
    de = extract_text(
        "Berlin\n\nKasachstans Botschafter in Deutschland, Daniyar Ospanow, eröffnete die Schau.", "de"
    )
    assert ("Aigerim Sadykova", "ambassador", "KZ") in positions(en)
    assert ("Daniyar Ospanow", "ambassador", "KZ") in positions(de)


def test_a_former_minister_named_before_the_title():
    de = extract_text(
        "Almaty\n\n„Wir wollen Partner“, sagt Serik Bekow, früherer Außenminister Kasachstans.", "de"
    )
    en = extract_text(
        "Almaty\n\nSerik Bekov, a former foreign minister of Kazakhstan, said so. He met Wang Yi, and said so."
    )
    assert ("Serik Bekow", "foreign-minister", "KZ") in positions(de)
    assert ("Serik Bekov", "foreign-minister", "KZ") in positions(en)
    assert not any(p[0] == "Wang Yi" and p[2] == "KZ" for p in positions(en))


def test_latin_american_titles_and_full_state_names():
    found = extract_text(
        "Asunción\n\nThe Canciller of the Republic of Paraguay, Raúl Benítez Soto, received his counterparts, "
        "the Canciller of the Argentine Republic, Martín Acosta, and the Minister of Foreign Relations of the "
        "Federative Republic of Brazil, João Pedro Lins Carvalho, in Asunción.",
        "en",
        "2025-10-15",
    )
    assert positions(found) >= {
        ("Raúl Benítez Soto", "foreign-minister", "PY"),
        ("Martín Acosta", "foreign-minister", "AR"),
        ("João Pedro Lins Carvalho", "foreign-minister", "BR"),
    }


def test_a_foreign_ministry_with_a_second_portfolio_and_abbreviated_given_names():
    found = extract_text(
        "Freetown\n\nThe council was chaired by Sierra Leone's Minister of Foreign Affairs and International "
        "Cooperation, Alusine Kamara, in Freetown. He later met the Philippine Secretary of Foreign Affairs, "
        "Ma. Luisa Reyes.",
        "en",
    )
    assert positions(found) >= {
        ("Alusine Kamara", "foreign-minister", "SL"),
        ("Ma. Luisa Reyes", "foreign-minister", "PH"),
    }


def test_a_name_before_the_office_it_was_sworn_in_to():
    found = extract_text(
        "Bangkok\n\nWhen Somchai Wongsa was sworn in as Thailand's Minister of Foreign Affairs on Tuesday, the "
        "staff applauded.",
        "en",
    )
    assert ("Somchai Wongsa", "foreign-minister", "TH") in positions(found)


def test_an_envoy_of_the_union_named_after_a_comma():
    found = extract_text(
        "Bischkek\n\nDer Sanktionsbeauftragte der EU, Pieter de Smet, war im März in Bischkek.", "de"
    )
    assert ("Pieter de Smet", "special-envoy", "European Union") in positions(found)


def test_an_organisations_building_or_a_topic_is_no_meeting_format():
    found = extract_text(
        "Addis Ababa\n\nOn Wednesday, Azerbaijani Foreign Minister Jeyhun Bayramov was received by the "
        "Chairperson of the AU Commission, Amina Diallo, at the AU headquarters in Addis Ababa. On Tuesday "
        "Bayramov and Ethiopian Foreign Minister Gedion Timothewos held talks in Addis Ababa on trade and "
        "cooperation at the United Nations.",
        "en",
        "2025-06-05",
    )
    assert found.meetings
    assert all(m.format is None for m in found.meetings)


def test_the_spokesperson_a_report_cites_is_not_at_the_meeting():
    found = extract_text(
        "Beijing\n\nXi Jinping and Vladimir Putin will hold talks in Beijing tomorrow, Kremlin aide Oleg "
        "Antonov has told reporters.",
        "en",
        "2025-09-01",
    )
    (talks,) = found.meetings
    assert set(talks.participants) == {"Xi Jinping", "Vladimir Putin"}


def test_a_figure_goes_on_with_earlier_years_in_the_next_sentence():
    found = extract_text(
        "Handel\n\nDer Handel zwischen Deutschland und Chile wächst. Das bilaterale Handelsvolumen erreichte "
        "2025 rund 6,4 Mrd. Euro. 2024 hatten Exporte und Importe zusammen bei 5,9 Mrd. Euro gelegen, 2023 "
        "erst bei 5,1 Mrd. Euro.\n\nEin Unternehmen investierte 2022 weitere 300 Millionen Euro.",
        "de",
        "2026-02-20",
    )
    figures = {(s.statistic_type, int(s.value), s.year, frozenset(s.concerns)) for s in found.statistics}
    pair = frozenset({"DE", "CL"})
    assert figures == {
        ("trade-volume", 6_400_000_000, 2025, pair),
        ("trade-volume", 5_900_000_000, 2024, pair),
        ("trade-volume", 5_100_000_000, 2023, pair),
    }


def test_a_reopened_embassy_and_a_consulate_in_the_city_named_before():
    de = extract_text(
        "Meldungen\n\nDamaskus. Österreich hat seine Botschaft in Syrien wieder geöffnet.\n\nLeipzig. Der Stadtrat "
        "freut sich. Dafür kündigt sich Zuwachs an: Usbekistan will ein Generalkonsulat in der Messestadt eröffnen.",
        "de",
    )
    en = extract_text("Syria\n\nAustria has reopened its embassy in Syria after more than ten years.", "en")
    missions = {(m.mission_type, m.sending_country, m.host_country, m.place and m.place.name, m.status)
                for m in de.missions}  # fmt: skip
    assert missions == {
        ("embassy", "AT", "SY", None, "opened"),
        ("consulate-general", "UZ", "DE", "Leipzig", "agreed"),
    }
    assert [(m.sending_country, m.host_country, m.status) for m in en.missions] == [("AT", "SY", "opened")]


def test_a_lettered_list_of_signed_documents_in_a_government_answer():
    found = extract_text(
        "Antwort der Bundesregierung\n\n1. Welche Vereinbarungen hat die Bundesregierung mit Usbekistan "
        "unterzeichnet?\n\nSeit 2023 wurden folgende Vereinbarungen unterzeichnet:\n"
        "a) das Abkommen zwischen der Bundesrepublik Deutschland und der Republik Usbekistan über die "
        "Berufsbildung, unterzeichnet am 2. Mai 2023 in Berlin; das Abkommen gilt bis 2030;\n"
        "b) die Gemeinsame Absichtserklärung über grünen Wasserstoff, unterzeichnet am 3. April 2024 in "
        "Taschkent;\n"
        "c) das Luftverkehrsabkommen zwischen der Bundesrepublik Deutschland und der Republik Usbekistan, "
        "unterzeichnet am 5. Juni 2025 in Berlin; es tritt in Kraft, sobald beide Seiten es notifiziert haben.\n\n"
        "2. Hat die Bundesregierung ein Investitionsschutzabkommen mit Usbekistan unterzeichnet?\n\nNein.",
        "de",
        "2025-12-03",
    )
    signed = sorted(
        (a.agreement_type, tuple(sorted(a.parties)), a.signed_on and a.signed_on.lexical)
        for a in found.agreements
    )
    assert signed == [
        ("agreement", ("DE", "UZ"), "2023-05-02"),
        ("agreement", ("DE", "UZ"), "2025-06-05"),
        ("memorandum", ("DE", "UZ"), "2024-04-03"),
    ]


def test_phone_talks_a_double_surname_and_a_particle_before_a_noun():
    en = extract_text(
        "Asunción\n\nThe Canciller of Paraguay, Raúl Benítez Soto, received Brazil's Foreign Minister Mauro "
        "Vieira on Monday in Asunción. Benítez Soto and Vieira held talks on the border. On Tuesday Benítez "
        "Soto held phone talks with Chilean Foreign Minister Alberto van Klaveren.",
        "en",
        "2025-10-15",
    )
    de = extract_text("Berlin\n\nAußenminister Wadephul empfängt heute den ägyptischen Außenminister Badr "
                      "Abdelatty zu Gesprächen in Berlin.", "de", "2025-11-12")  # fmt: skip
    assert {m.meeting_type for m in en.meetings} >= {"phone-call"}
    talks = [m for m in en.meetings if m.meeting_type != "phone-call"]
    assert all(set(m.participants) <= {"Raúl Benítez Soto", "Mauro Vieira"} for m in talks)
    assert ("Badr Abdelatty", "foreign-minister", "EG") in positions(de)


def test_a_consent_to_open_and_no_host_without_in():
    found = extract_text(
        "Griechenland schließt Generalkonsulat, Kasachstan kommt\n\nHamburg. Das Generalkonsulat bleibt zu. "
        "Athen hatte das im Herbst entschieden. Hamburg verliert damit eine Vertretung. Kasachstan will im "
        "Frühjahr ein Generalkonsulat in der Hansestadt eröffnen. Die Bundesregierung hat ihr Einverständnis "
        "zur Eröffnung eines Generalkonsulats der Republik Usbekistan in München erteilt.",
        "de",
        "2026-01-20",
    )
    missions = {
        (m.sending_country, m.host_country, m.place and m.place.name, m.status) for m in found.missions
    }
    assert missions == {("KZ", "DE", "Hamburg", "agreed"), ("UZ", "DE", "Munich", "agreed")}


def test_a_suffix_a_ministry_after_the_title_and_a_suspended_compound():
    en = extract_text("Manila\n\nHe later met Philippine President Ferdinand Marcos Jr. at the palace.", "en")
    de = extract_text(
        "Hanoi\n\nDort warben der Parlamentarische Staatssekretär im Bundeswirtschaftsministerium, Stefan Rothmann, "
        "und Vietnams Vize-Industrie- und Handelsminister Tran Van Long für mehr Beteiligung.",
        "de",
    )
    assert ("Ferdinand Marcos Jr.", "president", "PH") in positions(en)
    people = {(name, country) for name, _, country in positions(de)}
    assert people == {("Stefan Rothmann", "DE"), ("Tran Van Long", "VN")}


def test_west_african_adjectives_and_the_ecowas_format():
    found = extract_text(
        "Freetown\n\nThe Togolese Foreign Minister Robert Dussey and Liberia's Foreign Minister Sara Nyanti met "
        "in the Sierra Leonean capital on Thursday at the 96th Ordinary Session of the ECOWAS Council of "
        "Ministers.",
        "en",
        "2026-06-13",
    )
    assert ("Robert Dussey", "foreign-minister", "TG") in positions(found)
    (session,) = [m for m in found.meetings if m.format]
    assert (session.format, session.place and session.place.name) == ("ecowas", "Freetown")


@pytest.mark.parametrize(
    "text",
    [
        "Bilateral trade between Kazakhstan and China reached $43 billion in 2024. Kazakhstan's GDP grew to "
        "$260 billion in 2023.",
        "Trade between Germany and Chile reached €6bn in 2025. In 2024 Chile's copper exports were worth $50bn.",
        "Trade between Germany and Chile reached €6bn in 2025. The project, due in 2027, will cost €2bn.",
    ],
)
def test_a_figure_after_a_trade_figure_is_not_more_of_it_without_saying_so(text):
    found = extract_text("Trade\n\n" + text, "en", "2026-03-19")
    assert len(found.statistics) == 1


def test_a_format_discussed_is_not_the_format_met_in():
    found = extract_text(
        "Accra\n\nGhana's Foreign Minister Samuel Ablakwa met Senegal's Foreign Minister Cheikh Niang and "
        "Togo's Robert Dussey in Accra on Monday to discuss the ECOWAS standby force.",
        "en",
        "2026-03-19",
    )
    (meeting,) = found.meetings
    assert meeting.format is None
    assert set(meeting.participant_countries) == {"GH", "SN", "TG"}


def test_a_member_that_was_not_represented_is_not_at_the_session():
    found = extract_text(
        "Freetown\n\nThe 96th Ordinary Session of the ECOWAS Council of Ministers opened in Freetown on "
        "Thursday.\n\nGuinea-Bissau, whose membership remains suspended, was not represented.",
        "en",
        "2026-06-13",
    )
    (session,) = found.meetings
    assert session.format == "ecowas"
    assert "GW" not in session.participant_countries and "GH" in session.participant_countries


def test_names_that_start_with_a_letter_of_latin_extended():
    found = extract_text(
        "Belgrade\n\nThe Foreign Secretary held talks with her Serbian counterpart Marko Đurić in Belgrade. "
        "Serbia's Prime Minister Đuro Macut joined them, as did Poland's Foreign Minister Łukasz Żak.",
        "en",
        "2026-03-13",
    )
    assert positions(found) >= {
        ("Marko Đurić", "foreign-minister", "RS"),
        ("Đuro Macut", "prime-minister", "RS"),
        ("Łukasz Żak", "foreign-minister", "PL"),
    }


def test_a_german_article_after_a_name_is_not_a_particle_and_the_commission_is_the_unions():
    found = extract_text(
        "Bern\n\nDamals gaben die Bundespräsidentin Viola Amherd den Startschuss. Kommissionspräsidentin "
        "Ursula von der Leyen stellte die Pläne vor. Die Schweiz verhandelt.",
        "de",
        "2024-03-21",
    )
    assert positions(found) >= {
        ("Viola Amherd", "president", "CH"),
        ("Ursula von der Leyen", "other", "European Union"),
    }


def test_missions_inaugurated_upgraded_suspended_and_honorary():
    en = extract_text(
        "Nairobi\n\nKenya inaugurates its Embassy in Astana. We welcome the decision of the Government of "
        "Kazakhstan to upgrade its consulate in Nairobi to a fully fledged embassy. The Consulate of Kenya in "
        "Goma suspended operations on 3 February.",
        "en",
        "2026-02-17",
    )
    de = extract_text(
        "Bern\n\nDie Schweiz hat in Almaty ein Honorarkonsulat eröffnet. Die Aussenstelle in Eriwan wird per "
        "1. Juli zu einer eigenständigen Botschaft der Schweiz aufgewertet.",
        "de",
        "2026-03-18",
    )

    def missions(found):
        return {(m.mission_type, m.sending_country, m.host_country, m.status) for m in found.missions}

    assert missions(en) == {
        ("embassy", "KE", "KZ", "opened"),
        ("embassy", "KZ", "KE", "agreed"),
        ("consulate", "KE", "CD", "closed"),
    }
    assert missions(de) == {("consulate", "CH", "KZ", "opened"), ("embassy", "CH", "AM", "agreed")}


def test_an_agreement_told_by_its_entry_into_force():
    de = extract_text(
        "Bern\n\nDas Freihandelsabkommen zwischen der Schweiz und China ist am 1. Juli 2014 in Kraft getreten.",
        "de",
        "2026-03-21",
    )
    en = extract_text(
        "Putrajaya\n\nThe agreement between Malaysia and Uzbekistan on the avoidance of double taxation entered "
        "into force on 1 January 2026.",
        "en",
        "2026-02-11",
    )
    for found, parties, year in ((de, {"CH", "CN"}, "2014"), (en, {"MY", "UZ"}, "2026")):
        (agreement,) = found.agreements
        assert set(agreement.parties) == parties
        assert agreement.signed_on is None  # the day it entered into force is not the day it was signed
        assert agreement.valid_from is not None and agreement.valid_from.lexical == year


def test_a_courtesy_call_is_a_meeting_and_calling_on_a_state_to_act_is_not():
    found = extract_text(
        "Kuwait City\n\nKyrgyz Foreign Minister Jeenbek Kulubaev called on Kuwaiti Prime Minister Sheikh Ahmad "
        "Abdullah Al-Sabah in Kuwait City on Monday. Kulubaev also called on Russia to respect the ceasefire. "
        "Thai Foreign Minister Somchai Wongsa paid a courtesy call on Philippine President Ferdinand Marcos Jr. "
        "in Manila on Tuesday.",
        "en",
        "2026-01-21",
    )
    sides = sorted(tuple(sorted(m.participant_countries)) for m in found.meetings)
    assert sides == [("KG", "KW"), ("PH", "TH")]


def test_a_country_heading_a_list_line_and_offices_of_the_holders_table():
    en = extract_text(
        "Riga\n\nThe ministers attending were:\n– Norway: Andreas Vik, State Secretary;\n– Iceland: Jon Jonsson, "
        "Minister for Foreign Affairs.",
        "en",
        "2026-02-20",
    )
    de = extract_text(
        "Genf\n\nBei ihrem Treffen mit Vizepremier He Lifeng in Genf warb Finanzministerin Karin Keller-Sutter "
        "für mehr Handel.",
        "de",
        "2025-05-12",
    )
    assert {(p[0], p[2]) for p in positions(en)} == {("Andreas Vik", "NO"), ("Jon Jonsson", "IS")}
    assert positions(de) >= {
        ("He Lifeng", "deputy-prime-minister", "CN"),
        ("Karin Keller-Sutter", "minister", "CH"),
    }


def test_malaysian_honorifics_a_palace_named_like_a_town_and_new_york():
    found = extract_text(
        "Putrajaya\n\nThe Minister of Foreign Affairs of Malaysia, YB Dato' Seri Utama Haji Mohamad bin Haji "
        "Hasan, and Malaysia's Minister Tan Sri Ahmad Rahman met Kyrgyz Foreign Minister Jeenbek Kulubaev at "
        "Bayan Palace on Monday.",
        "en",
        "2026-01-21",
    )
    assert positions(found) >= {
        ("Mohamad bin Haji Hasan", "foreign-minister", "MY"),
        ("Ahmad Rahman", "minister", "MY"),
    }
    assert all(m.place is None or m.place.name != "Bayan" for m in found.meetings)
    new_york = extract_text(
        "New York\n\nKazakh Foreign Minister Murat Nurtleu met Uzbek Foreign Minister Bakhtiyor Saidov in New "
        "York on Monday.",
        "en",
        "2025-09-24",
    )
    assert [m.place and m.place.name for m in new_york.meetings] == ["New York City"]


def test_a_meeting_dated_before_the_articles_month_is_not_planned():
    found = extract_text(
        "Bern\n\nSeit dem Besuch von Ministerpräsident Li Qiang in Bern im Januar 2024 wird verhandelt.",
        "de",
        "2026-03-21",
    )
    (visit,) = found.meetings
    assert (visit.date.lexical, visit.status) == ("2024-01", "held")


def test_a_small_format_named_before_a_statement_adopts_it():
    found = extract_text(
        "Riga\n\nNordic-Baltic Eight foreign ministers meet in Riga with Poland and Ukraine, adopt joint "
        "statement on Baltic Sea security",
        "en",
        "2026-02-20",
    )
    (statement,) = found.agreements
    assert set(statement.parties) == {"DK", "EE", "FI", "IS", "LT", "LV", "NO", "SE", "PL", "UA"}


def test_an_agreement_named_by_its_year():
    en = extract_text(
        "Kuwait\n\nKuwaiti Foreign Minister Abdullah Al-Yahya and Kyrgyz Foreign Minister Jeenbek Kulubaev "
        "reviewed projects carried out under the 2019 framework agreement on economic cooperation between the "
        "two governments. Companies from both countries signed 58 agreements.",
        "en",
        "2026-01-19",
    )
    de = extract_text(
        "Berlin\n\nDas neue Polizeiabkommen zwischen Deutschland und Usbekistan ersetzt das 1998 geschlossene "
        "Abkommen über die Bekämpfung der Kriminalität.",
        "de",
        "2026-01-29",
    )
    assert [(sorted(a.parties), a.signed_on and a.signed_on.lexical) for a in en.agreements] == [
        (["KG", "KW"], "2019")
    ]
    assert (["DE", "UZ"], "1998") in [
        (sorted(a.parties), a.signed_on and a.signed_on.lexical) for a in de.agreements
    ]


def test_a_counterpart_named_by_title_after_a_comma_takes_the_adjectives_country():
    de = extract_text(
        "Berlin\n\nAm 19. Januar war ich in Vilnius bei meinem litauischen Kollegen, Vizeaußenminister Tomas "
        "Petraitis.",
        "de",
        "2026-03-14",
    )
    en = extract_text(
        "Vilnius\n\nI met my Lithuanian counterpart, Deputy Foreign Minister Tomas Petraitis, in Vilnius."
    )
    assert ("Tomas Petraitis", "deputy-foreign-minister", "LT") in positions(de)
    assert ("Tomas Petraitis", "deputy-foreign-minister", "LT") in positions(en)


def test_a_communique_adopted_by_a_session_is_adopted_by_those_present():
    found = extract_text(
        "Freetown\n\nThe 96th Ordinary Session of the ECOWAS Council of Ministers opened in Freetown on "
        "Thursday.\n\nGuinea-Bissau was not represented.\n\nECOWAS foreign ministers wrapped up their session "
        "on Friday, adopting a final communiqué on free movement.",
        "en",
        "2026-06-13",
    )
    (communique,) = found.agreements
    assert communique.agreement_type == "joint-statement" and communique.status == "adopted"
    assert "GW" not in communique.parties and {"GH", "NG", "SN"} <= set(communique.parties)


def test_an_undated_article_gives_a_titled_office_holder_the_country_of_his_office():
    en = extract_text("Seoul\n\nForeign Minister Cho Tae-yul spoke by phone with a European colleague.")
    assert ("Cho Tae-yul", "foreign-minister", "KR") in positions(en)  # his term has ended: any day fits
    # a name the table does not hold stays without a country when nothing in the text gives one
    unknown = extract_text("Kiew\n\nPräsident Taras Hnatenko empfing den Gast im Präsidialamt.", "de", None)
    assert not any(p.country for p in unknown.positions)


def test_missions_told_by_a_capital_for_its_government_or_by_the_state_before_the_verb():
    de = extract_text(
        "Berlin\n\nManila hat entschieden, im kommenden Jahr in Stuttgart ein Generalkonsulat einzurichten.",
        "de",
        "2026-03-07",
    )
    en = extract_text(
        "Rio\n\n16:12 — Jakarta says Indonesia will open a consulate general in São Paulo next year, its "
        "second mission in Brazil after the embassy in Brasília.",
        "en",
        "2025-07-06",
    )
    assert missions(de) == {("consulate-general", "PH", "DE", "Stuttgart", "agreed")}
    # the embassy named for comparison is no news
    assert missions(en) == {("consulate-general", "ID", "BR", "São Paulo", "agreed")}
    # a city that is the mission's place is no subject: "in Kuwait City and opened"
    busan = extract_text(
        "Bishkek\n\nKyrgyzstan has closed its embassy in Kuwait City and opened a consulate in Busan.",
        "en",
        "2025-08-06",
    )
    assert {m[1] for m in missions(busan)} == {"KG"}


def test_missions_permitted_taking_up_work_abolished_or_upgraded_in_german():
    found = extract_text(
        "Bern\n\nTurkmenistan darf in Frankfurt am Main ein Generalkonsulat errichten. In Leipzig nimmt nun "
        "auch das neue Generalkonsulat Kasachstans den Betrieb auf. Georgien hat sein Generalkonsulat in "
        "Chongqing aufgehoben. Im Januar wertete Polen sein Verbindungsbüro in Aschgabat zur Botschaft auf.",
        "de",
        "2026-02-13",
    )
    assert missions(found) == {
        ("consulate-general", "TM", "DE", "Frankfurt am Main", "agreed"),
        ("consulate-general", "KZ", "DE", "Leipzig", "opened"),
        ("consulate-general", "GE", "CN", "Chongqing", "closed"),
        ("embassy", "PL", "TM", "Ashgabat", "opened"),
    }


def test_a_mission_taken_up_again_is_the_one_named_before_and_a_high_commission_is_an_embassy():
    found = extract_text(
        "Beijing\n\nQ: After the flood, the Chinese Consulate-General in Mandalay sent its staff to Yangon. "
        "A: The Consulate-General resumed full operations on Monday. Separately, Fiji's prime minister cut "
        "the ribbon on Vanuatu's new High Commission in Suva.",
        "en",
        "2025-06-10",
    )
    assert missions(found) == {
        ("consulate-general", "CN", "MM", "Mandalay", "opened"),
        ("embassy", "VU", "FJ", "Suva", "opened"),
    }
    commissioner = extract_text(
        "Geneva\n\nThe UN High Commissioner for Refugees opened a new office in Nairobi.", "en", "2025-06-10"
    )
    assert not commissioner.missions


def test_a_live_blog_whose_stamps_run_into_the_entry_dates_its_meetings_that_day():
    blog = (
        "LIVE: Leaders gather in Jakarta\n\n"
        "08:10 — Motorcades queue outside the convention centre.\n\n"
        "09:30 — President Prabowo Subianto opens the ASEAN summit in Jakarta.\n\n"
        "10:05 — Delegations file into the plenary hall.\n"
    )
    (summit,) = extract_text(blog, "en", "2025-10-26").meetings
    assert summit.date is not None and summit.date.lexical == "2025-10-26"
    # without the dash, the numbers open no entry: "09:30 President …" is no live blog
    undashed = blog.replace(" — ", " ")
    assert all(m.date is None for m in extract_text(undashed, "en", "2025-10-26").meetings)


def test_roman_numbered_items_are_sentences_of_their_own():
    from kg.extract.text import segment

    text = "Outcomes:\n(i) India will open a Consulate General in Almaty.\n(ii) visa-free travel is agreed."
    (paragraph,) = segment(text)
    assert [s.text.strip() for s in paragraph.sentences] == [
        "Outcomes:",
        "(i) India will open a Consulate General in Almaty.",
        "(ii) visa-free travel is agreed.",
    ]


def _validity(agreement) -> tuple[str | None, str | None]:
    return tuple(v.lexical if v else None for v in (agreement.valid_from, agreement.valid_until))


def test_an_agreement_is_valid_from_its_entry_into_force_for_the_years_it_runs():
    de = extract_text(
        "Berlin\n\nDas in Tiflis am 27. Februar 2025 unterzeichnete Abkommen zwischen Deutschland und Georgien "
        "über Jugendaustausch ist am 1. Mai 2026 in Kraft getreten. Es gilt für zunächst fünf Jahre.",
        "de",
        "2026-05-13",
    )
    en = extract_text(
        "Nairobi\n\nKenya and Kazakhstan signed a memorandum on political consultations on 17 February 2025. "
        "It entered into force on 1 January 2026 for an initial period of five years.",
        "en",
        "2026-02-18",
    )
    (agreement,) = de.agreements
    assert agreement.signed_on.lexical == "2025-02-27"
    assert _validity(agreement) == ("2026", "2031")
    (memorandum,) = en.agreements
    assert _validity(memorandum) == ("2026", "2031")


def test_counterparts_named_by_their_adjectives_only_are_sides_of_the_meeting():
    en = extract_text(
        "Beijing\n\nForeign Minister Wang Yi met his Afghan and Pakistani counterparts in Beijing on May 21.",
        "en",
        "2025-06-10",
    )
    de = extract_text(
        "Peking\n\nAußenminister Wang Yi traf am 21. Mai in Peking seine afghanischen und pakistanischen "
        "Amtskollegen.",
        "de",
        "2025-06-10",
    )
    for found in (en, de):
        (meeting,) = found.meetings
        assert set(meeting.participant_countries) == {"CN", "AF", "PK"}


def test_a_call_taken_from_a_counterpart_and_a_video_conference_are_phone_calls():
    en = extract_text(
        "Beijing\n\nOn June 9, Foreign Minister Wang Yi took a call from Egyptian Foreign Minister Badr "
        "Abdelatty.",
        "en",
        "2025-06-10",
    )
    de = extract_text(
        "Berlin\n\nAm Dienstag beriet Außenminister Johann Wadephul in einer Videokonferenz mit dem "
        "französischen Außenminister Jean-Noël Barrot.",
        "de",
        "2025-06-10",
    )
    for found in (en, de):
        (meeting,) = found.meetings
        assert meeting.meeting_type == "phone-call"
        assert len(meeting.participant_countries) == 2


def test_a_possessive_ends_a_name():
    found = extract_text(
        "Beijing\n\nAt Spokesperson Lin Jian's Regular Press Conference it was said that Foreign Minister "
        "Wang Yi met Egyptian Foreign Minister Badr Abdelatty in Beijing on June 9.",
        "en",
        "2025-06-10",
    )
    (meeting,) = found.meetings
    assert not any("Regular" in p or "'s" in p for p in meeting.participants)


def test_a_town_that_hosts_is_where_the_meeting_is_and_a_capital_named_by_its_country():
    found = extract_text(
        "Dushanbe\n\n- 31 March: Khujand hosts a trilateral summit of Tajik President Emomali Rahmon, Kyrgyz "
        "President Sadyr Japarov and Uzbek President Shavkat Mirziyoyev.\n\n"
        "Pacific Islands Forum leaders met in the Solomon Islands capital on Friday.",
        "en",
        "2025-04-02",
    )
    assert {m.place.name for m in found.meetings if m.place} == {"Khujand", "Honiara"}
    forum = next(m for m in found.meetings if m.place and m.place.name == "Honiara")
    assert forum.format == "pacific-islands-forum"


def test_the_chair_of_a_session_in_the_host_capital_is_of_the_host_country():
    found = extract_text(
        "Honiara\n\nPacific Islands Forum leaders met in the Solomon Islands capital on Friday. The session "
        "opened under the chairmanship of Prime Minister Jeremiah Tolo, with New Zealand Prime Minister "
        "Christopher Luxon and Fiji's Prime Minister Sitiveni Rabuka at the table.",
        "en",
        "2025-09-13",
    )
    assert ("Jeremiah Tolo", "prime-minister", "SB") in positions(found)
    # a titled name chairing nothing stays without a country
    plain = extract_text(
        "Honiara\n\nPrime Minister Jeremiah Tolo spoke to reporters on Friday.", "en", "2025-09-13"
    )
    assert not plain.positions


def test_the_two_leaders_sign_for_the_two_sides_of_the_talks_just_told():
    found = extract_text(
        "Honiara\n\nPacific Islands Forum leaders met in Honiara on Wednesday, with Australian Prime Minister Anthony Albanese "
        "and New Zealand Prime Minister Christopher Luxon among them.\n\n"
        "On Thursday Papua New Guinea Prime Minister James Marape and Solomon Islands Prime Minister "
        "Jeremiah Manele held talks on the sidelines. At the end of the hour-long session the two leaders "
        "exchanged signed copies of a fisheries agreement.",
        "en",
        "2025-09-13",
    )
    (agreement,) = found.agreements
    assert sorted(agreement.parties) == ["PG", "SB"]


def test_capitals_that_conclude_a_treaty_are_its_parties_and_small_capitals_are_known():
    found = extract_text(
        "Canberra\n\nThe patrol deal rests on the Falepili Union, the treaty Canberra and Funafuti concluded "
        "in Rarotonga in November 2023.",
        "en",
        "2025-09-13",
    )
    (treaty,) = found.agreements
    assert sorted(treaty.parties) == ["AU", "TV"]
    # a capital naming a document is no party: "the Minsk agreements"
    minsk = extract_text("Kyiv\n\nUkraine and Russia signed the Minsk agreement in 2015.", "en", "2025-09-13")
    assert all("BY" not in a.parties for a in minsk.agreements)


def test_more_ways_of_signing_and_more_kinds_of_text():
    en = extract_text(
        "Tashkent\n\nLate October: the water ministries of Turkmenistan and Uzbekistan put pen to a "
        "memorandum on the lower Amu Darya. Australia and Tuvalu brought into force a maritime security "
        "arrangement on 10 September 2025. New Zealand and Samoa signed a Statement of Partnership.",
        "en",
        "2025-11-02",
    )
    de = extract_text(
        "Mexiko-Stadt\n\nAm Dienstag setzten die deutsche Wirtschaftsministerin Katherina Reiche und ihr "
        "mexikanischer Amtskollege Marcelo Ebrard ihre Unterschriften unter eine Gemeinsame "
        "Absichtserklärung über Lieferketten.",
        "de",
        "2025-10-24",
    )
    kinds = {(a.agreement_type, tuple(sorted(a.parties))) for a in en.agreements}
    assert kinds == {
        ("memorandum", ("TM", "UZ")),
        ("agreement", ("AU", "TV")),
        ("joint-statement", ("NZ", "WS")),
    }
    (intent,) = de.agreements
    assert (intent.agreement_type, sorted(intent.parties)) == ("memorandum", ["DE", "MX"])


def test_indian_honorifics_and_foreign_ministers_with_a_second_portfolio():
    found = extract_text(
        "New Delhi\n\nThe Union Cabinet chaired by Prime Minister Shri Narendra Modi met on Wednesday. "
        "Minister of Foreign Affairs and Cooperation of the Democratic Republic of Timor-Leste Bendito dos "
        "Santos Freitas will visit China. Ireland's Minister for Foreign Affairs and Trade Simon Harris "
        "spoke.",
        "en",
        "2026-03-04",
    )
    assert positions(found) >= {
        ("Narendra Modi", "prime-minister", "IN"),
        ("Bendito dos Santos Freitas", "foreign-minister", "TL"),
        ("Simon Harris", "foreign-minister", "IE"),
    }


TRANSCRIPT = (
    "Interview\n\nArmeniens Vizeaußenminister Wahan Kostanjan im Gespräch.\n\nWo waren Sie?\n\n"
    "Kostanjan: Am 19. Januar war ich in Vilnius bei meinem litauischen Kollegen, Vizeaußenminister "
    "Marius Gražulis. Am 4. Februar habe ich in Brasília den brasilianischen Vizeaußenminister Paulo "
    "Mendes getroffen.\n\nUnd dann?\n\nKostanjan: Auf dem Rückweg war ich am 2. März in Tirana bei "
    "Albaniens Außenministerin Elisa Spiropali."
)


def test_an_interviewees_visits_told_in_a_transcript_without_a_meeting_word():
    found = extract_text(TRANSCRIPT, "de", "2026-03-14")
    met = {(m.place.name, frozenset(m.participants)) for m in found.meetings if m.place}
    assert met == {
        ("Vilnius", frozenset({"Wahan Kostanjan", "Marius Gražulis"})),
        ("Brasília", frozenset({"Wahan Kostanjan", "Paulo Mendes"})),
        ("Tirana", frozenset({"Wahan Kostanjan", "Elisa Spiropali"})),
    }
    # the same sentences told by a reporter name no one who travelled: no visit
    reported = TRANSCRIPT.replace("Kostanjan: ", "").replace("Wo waren Sie?", "Er reiste viel.")
    reported = reported.replace("Und dann?", "Danach.")
    assert not any(
        m.place and m.place.name == "Vilnius" for m in extract_text(reported, "de", "2026-03-14").meetings
    )


def test_an_english_interviewee_who_was_in_a_town_to_see_a_minister():
    found = extract_text(
        "Interview\n\nDeputy Foreign Minister Wahan Kostanyan of Armenia talks to us.\n\nWhere did you go?\n\n"
        "Kostanyan: On 2 March I was in Tirana to see Albania's Foreign Minister Elisa Spiropali.\n\n"
        "And then?\n\nKostanyan: Home.",
        "en",
        "2026-03-14",
    )
    (visit,) = found.meetings
    assert visit.place.name == "Tirana" and set(visit.participants) == {"Wahan Kostanyan", "Elisa Spiropali"}


def test_a_name_before_its_title_with_the_clause_verb_and_a_town_between():
    found = extract_text(
        "Suva\n\nAm 24. Februar hat den Gast in Suva Sitiveni Rabuka empfangen, der Premierminister von Fidschi.",
        "de",
        "2026-03-14",
    )
    assert ("Sitiveni Rabuka", "prime-minister", "FJ") in positions(found)


def test_a_factbox_of_dated_items_on_one_pair_of_countries():
    found = extract_text(
        "FACTBOX-Berlin and Tashkent: three decades of deals\n\n"
        "* 1993 - The two governments concluded an agreement on the protection of investments.\n\n"
        "* 1995 - The labour ministries signed a memorandum on seasonal work in March.\n\n"
        "* 2001 - Germany and Uzbekistan signed a convention on the avoidance of double taxation.",
        "en",
        "2026-06-17",
    )
    told = {(a.agreement_type, tuple(sorted(a.parties)), a.signed_on.lexical) for a in found.agreements}
    assert told == {
        ("agreement", ("DE", "UZ"), "1993"),
        ("memorandum", ("DE", "UZ"), "1995-03"),
        ("treaty", ("DE", "UZ"), "2001"),
    }
    # without a headline naming the pair, "the two governments" name no one
    headless = extract_text(
        "Deals\n\n* 1993 - The two governments concluded an agreement on the protection of investments.",
        "en",
        "2026-06-17",
    )
    assert not headless.agreements


def test_a_text_members_are_asked_to_ratify_is_not_signed_there():
    found = extract_text(
        "Honiara\n\nLeaders of Fiji, Tonga and Samoa signed a communiqué on Friday that asks members to "
        "ratify the regional fisheries convention.",
        "en",
        "2025-09-13",
    )
    assert [a.agreement_type for a in found.agreements] == ["joint-statement"]


THREAD = (
    "Thread: Margus Tsahkna in Jakarta\n\nMargus Tsahkna, Minister of Foreign Affairs of Estonia\n\n"
    "1/ Touched down in Jakarta.\n\n"
    "2/ Good talks this morning with my friend and Indonesian counterpart Sugiono at Pejambon.\n\n"
    "3/ Between meetings, a quick call with my Ukrainian colleague Andrii Sybiha.\n\n"
    "4/ Singapore, day two. Breakfast with Foreign Minister Vivian Balakrishnan of Singapore.\n\n"
    "5/ Back to Tallinn tonight."
)


def test_a_ministers_thread_of_posts_tells_what_the_author_did():
    found = extract_text(THREAD, "en", "2025-11-12")
    met = {(m.meeting_type, frozenset(m.participants)) for m in found.meetings}
    assert met == {
        ("bilateral-talks", frozenset({"Margus Tsahkna", "Sugiono"})),
        ("phone-call", frozenset({"Margus Tsahkna", "Andrii Sybiha"})),
        ("bilateral-talks", frozenset({"Margus Tsahkna", "Vivian Balakrishnan"})),
    }
    assert ("Sugiono", "foreign-minister", "ID") in positions(found)
    # the same lines in a reporter's article without numbered posts name no author who met
    reported = re.sub(r"\d/ ", "", THREAD)
    assert all(
        "Margus Tsahkna" not in m.participants for m in extract_text(reported, "en", "2025-11-12").meetings
    )


def test_a_round_of_negotiations_between_two_sides_on_a_text():
    de = extract_text(
        "Abu Dhabi\n\nDie neunte Verhandlungsrunde über ein Freihandelsabkommen zwischen der Europäischen "
        "Union und den Vereinigten Arabischen Emiraten ist an diesem Freitag in Abu Dhabi zu Ende gegangen.",
        "de",
        "2026-09-25",
    )
    en = extract_text(
        "Brussels\n\nThe ninth round of negotiations on a trade agreement between the European Union and "
        "India ended in Brussels on Friday.",
        "en",
        "2026-09-25",
    )
    for found, sides in ((de, {"EU", "AE"}), (en, {"EU", "IN"})):
        (meeting,) = found.meetings
        assert set(meeting.participant_countries) == sides and meeting.ordinal == 9


def test_our_embassy_in_a_speakers_answer_is_the_speakers_countrys():
    found = extract_text(
        THREAD.replace("5/ Back to Tallinn tonight.", "5/ Opened our new embassy in Jakarta."),
        "en",
        "2025-11-12",
    )
    assert missions(found) == {("embassy", "EE", "ID", "Jakarta", "opened")}
    reported = extract_text("Jakarta\n\nThe minister opened our new embassy in Jakarta.", "en", "2025-11-12")
    assert not reported.missions  # "our" of a reporter names no state


def test_surnames_written_in_capitals_as_ministries_readouts_do():
    found = extract_text(
        "Tokyo\n\n1. On June 12, Mr. IWAYA Takeshi, Minister for Foreign Affairs of Japan, held a meeting with "
        "H.E. Mr. Ararat MIRZOYAN, Minister of Foreign Affairs of the Republic of Armenia. 2. Minister IWAYA "
        "welcomed Minister MIRZOYAN.",
        "en",
        "2025-06-12",
    )
    assert positions(found) >= {
        ("Takeshi Iwaya", "foreign-minister", "JP"),
        ("Ararat Mirzoyan", "foreign-minister", "AM"),
    }
    (meeting,) = found.meetings
    assert set(meeting.participants) == {"Takeshi Iwaya", "Ararat Mirzoyan"}
    # surname first stays first when the table does not say otherwise: "BUI Thanh Son" is Bui Thanh Son
    viet = extract_text(
        "Hanoi\n\nH.E. Mr. BUI Thanh Son, Minister of Foreign Affairs of Viet Nam, met the press.",
        "en",
        "2025-06-12",
    )
    assert {p.person for p in viet.positions} <= {"Bui Thanh Son"}


def test_a_look_back_on_a_year_dates_its_days_in_that_year():
    text = (
        "2025 in Central Asian diplomacy: a timeline\n\n"
        "- 31 March: Khujand hosts a trilateral summit of Tajik President Emomali Rahmon, Kyrgyz President "
        "Sadyr Japarov and Uzbek President Shavkat Mirziyoyev."
    )
    (summit,) = extract_text(text, "en", "2026-01-06").meetings
    assert (summit.date.lexical, summit.status) == ("2025-03-31", "held")
    # a headline that looks forward keeps the coming March
    ahead = text.replace(
        "2025 in Central Asian diplomacy: a timeline", "Central Asian diplomacy: the year ahead"
    )
    (planned,) = extract_text(ahead, "en", "2026-01-06").meetings
    assert planned.date.lexical == "2026-03-31"


def test_a_ministrys_release_speaks_for_its_state():
    release = (
        "Changes to the network of missions\n\n"
        "Press release of the Ministry of Foreign Affairs of the Republic of Estonia\n\n"
        "The consulate general in Sankt Petersburg has ceased operations. The embassy in Uganda will be opened "
        "in Kampala next year. Our first resident mission in Central America opens in Panama City in May."
    )
    found = extract_text(release, "en", "2026-02-10")
    assert missions(found) >= {
        ("consulate-general", "EE", "RU", "Saint Petersburg", "closed"),
        ("embassy", "EE", "UG", None, "agreed"),
    }
    # the same lines in a newspaper's report say nothing of whose missions they are
    report = release.replace(
        "Press release of the Ministry of Foreign Affairs of the Republic of Estonia", "By our correspondent"
    )
    assert not extract_text(report, "en", "2026-02-10").missions
    # the release line names its ministry without its state: the ministry's own name says it
    german = extract_text(
        "Auslandsnetz\n\nPressemitteilung des Auswärtigen Amts, 10.02.2026\n\n"
        "Das Generalkonsulat in Jekaterinburg hat seinen Betrieb zum 1. Februar eingestellt.",
        "de",
        "2026-02-10",
    )
    assert ("consulate-general", "DE", "RU", "Yekaterinburg", "closed") in missions(german)


def test_a_report_of_a_statement_is_no_release_line():
    found = extract_text(
        "Missions\n\nThe decision was confirmed by Estonia, the presidency's press office said.\n\n"
        "The consulate general in Sankt Petersburg has ceased operations.",
        "en",
        "2026-02-10",
    )
    assert not found.missions


def test_a_mission_moved_from_one_town_to_another():
    found = extract_text(
        "Nigeria\n\nPolen hat seine Botschaft in Nigeria im März von Lagos in die Hauptstadt Abuja verlegt.",
        "de",
        "2026-04-02",
    )
    assert missions(found) >= {
        ("embassy", "PL", "NG", "Lagos", "closed"),
        ("embassy", "PL", "NG", "Abuja", "opened"),
    }
    # a move that is only planned is no closing yet
    planned = extract_text(
        "Nigeria\n\nPolen will seine Botschaft in Nigeria von Lagos nach Abuja verlegen.", "de", "2026-04-02"
    )
    assert not any(m.status == "closed" for m in planned.missions)


def test_a_heading_line_is_not_the_subject_of_its_paragraph():
    found = extract_text(
        "Auslandsnetz\n\nPressemitteilung des Auswärtigen Amts\n\nNairobi\nDie Botschaft in Ruanda ist seit "
        "dem 3. März in Kigali tätig.",
        "de",
        "2026-03-20",
    )
    assert ("embassy", "DE", "RW") in {m[:3] for m in missions(found)}


def test_a_mission_only_described_in_a_relative_clause_is_not_the_one_told():
    found = extract_text(
        "Aussennetz\n\nDas Büro in Chisinau, das bisher der Botschaft in Bukarest unterstellt war, wird im "
        "Sommer zu einer Botschaft aufgewertet, teilte Liechtenstein mit.",
        "de",
        "2026-03-20",
    )
    assert {(m.host_country, m.place.name if m.place else None) for m in found.missions} <= {
        ("MD", "Chisinau")
    }


def test_your_country_in_an_interviewers_question_is_the_interviewees():
    found = extract_text(
        "Interview mit dem kasachischen Außenminister Murat Nurtleu\n\n"
        "Herr Nurtleu, Ihr Land hat im Mai ein Generalkonsulat in Hamburg eröffnet. Warum dort?\n\n"
        "Nurtleu: Viele Unternehmen sitzen im Norden. Das war der logische Schritt.\n\n"
        "Was erwarten Sie von Berlin?\n\n"
        "Nurtleu: Mehr Investitionen.",
        "de",
        "2025-06-02",
    )
    assert ("consulate-general", "KZ", "DE", "Hamburg", "opened") in missions(found)


def test_a_mayors_visit_is_no_meeting_of_states():
    found = extract_text(
        "Twinning\n\nLeeds's Lord Mayor, Jane Dowson, led a delegation on a visit to Dortmund, where Mayor "
        "Alexander Kalouti received her at the town hall.",
        "en",
        "2026-05-14",
    )
    assert not found.meetings and not found.agreements


def test_bundesrat_before_a_swiss_ministers_name_is_no_part_of_it():
    found = extract_text(
        "Bern\n\nBundesrat Beat Jans, Vorsteher des Justizdepartements, und Aussenminister Ignazio Cassis "
        "empfingen Bundesrätin Elisabeth Baume-Schneider.",
        "de",
        "2026-05-14",
    )
    assert not any(p.person.startswith("Bundesr") for p in found.positions)


def test_a_ministers_portfolio_in_full():
    found = extract_text(
        "Signing\n\nThe memorandum was signed by Kazakhstan's Minister of Science and Higher Education "
        "Sayasat Nurbek and Hungary's Minister for Culture and Innovation Balázs Hankó.",
        "en",
        "2026-03-02",
    )
    assert positions(found) >= {("Sayasat Nurbek", "minister", "KZ"), ("Balázs Hankó", "minister", "HU")}
    german = extract_text(
        "Berlin\n\nDie Ministerin für Bildung, Familie und Senioren Karin Prien empfing ihren polnischen "
        "Amtskollegen.",
        "de",
        "2026-03-02",
    )
    assert any(p.person == "Karin Prien" and p.role == "minister" for p in german.positions) or not any(
        "Bildung" in p.person or "Senioren" in p.person for p in german.positions
    )


def test_a_head_of_government_met_abroad_is_of_the_host_country():
    found = extract_text(
        "Trip\n\nAustralian Foreign Minister Penny Wong began the trip in Port Moresby on Monday, where she held talks with Prime Minister "
        "Kessai Nalu and PNG's Foreign Minister Justin Tkatchenko.",
        "en",
        "2026-03-02",
    )
    assert positions(found) >= {
        ("Kessai Nalu", "prime-minister", "PG"),
        ("Justin Tkatchenko", "foreign-minister", "PG"),
    }
    # the one who travels is not of the town he travels to
    visitor = extract_text(
        "Vertrag\n\nAls Premierminister Kessai Nalu im September nach Dhaka reiste, traf er Außenminister "
        "Amir Khosru Mahmud Chowdhury.",
        "de",
        "2026-03-02",
    )
    assert not any(p.person == "Kessai Nalu" and p.country == "BD" for p in visitor.positions)


def test_irish_titles():
    found = extract_text(
        "Hanoi\n\nTánaiste and Minister for Foreign Affairs and Trade Simon Harris met Foreign Minister "
        "Le Hoai Trung of Viet Nam in Hanoi.",
        "en",
        "2026-03-02",
    )
    assert positions(found) >= {
        ("Simon Harris", "deputy-prime-minister", "IE"),
        ("Simon Harris", "foreign-minister", "IE"),
    }


def test_an_amount_without_its_currency_goes_on_in_the_one_before():
    found = extract_text(
        "Handel\n\nDer Warenaustausch zwischen Südkorea und Kasachstan lag 2023 bei 6,4 Milliarden US-Dollar "
        "und stieg 2024 auf 7,1 Milliarden.",
        "de",
        "2025-11-20",
    )
    assert {(float(s.value), s.currency, s.year) for s in found.statistics} == {
        (6.4e9, "USD", 2023),
        (7.1e9, "USD", 2024),
    }


def test_until_today_is_no_signing_day_and_the_year_after_the_verb_is():
    found = extract_text(
        "Korea\n\nMit Usbekistan unterzeichnete Südkorea 2019 ein Abkommen über eine strategische "
        "Partnerschaft, das bis heute als Vorbild gilt.",
        "de",
        "2025-11-20",
    )
    (agreement,) = found.agreements
    assert agreement.signed_on.lexical == "2019"


def test_each_item_of_a_numbered_list_is_its_own_document():
    found = extract_text(
        "Visit\n\nISLAMABAD, 24 February 2026 – Prime Minister Shehbaz Sharif received President Serdar "
        "Berdimuhamedov of Turkmenistan. The following documents were signed:\n"
        "1. Agreement on Cooperation in Higher Education;\n"
        "2. Memorandum of Understanding between the Lahore Chamber of Commerce and the Ashgabat Chamber of "
        "Commerce;\n"
        "3. Memorandum of Understanding on Cooperation in Railway Transport.",
        "en",
        "2026-02-24",
    )
    titles = {a.title for a in found.agreements}
    assert any("Higher Education" in t for t in titles) and any("Railway" in t for t in titles)
    assert not any("Chamber" in t for t in titles)  # chambers of commerce sign for themselves


def test_a_headline_clause_after_as_speaks_of_other_things():
    found = extract_text(
        "Leaders sign off Suva communiqué as PNG and Solomons seal tuna deal\n\n"
        "SUVA – The leaders of the Pacific Islands Forum closed their meeting on Friday.",
        "en",
        "2026-09-12",
    )
    assert not any(
        set(a.parties) == {"PG", "SB"} and a.agreement_type == "joint-statement" for a in found.agreements
    )


def meetings_of(found) -> set[tuple]:
    return {
        (
            m.meeting_type,
            m.date.lexical if m.date else None,
            m.place.name if m.place else None,
            m.status,
            frozenset(m.participant_countries),
        )
        for m in found.meetings
    }


def test_a_town_alone_before_the_text_is_its_dateline():
    found = extract_text(
        "Wien und Ankara\n\nWien. Nach einem Arbeitsgespräch zwischen Außenministerin Beate Meinl-Reisinger und "
        "dem türkischen Außenminister Hakan Fidan am Mittwoch wurde ein Abkommen angekündigt.",
        "de",
        "2026-10-08",
    )
    assert ("bilateral-talks", "2026-10-07", "Vienna", "held", frozenset({"AT", "TR"})) in meetings_of(found)


def test_a_meeting_of_two_named_sides_told_by_a_noun_and_its_denial():
    text = (
        "Wien\n\nAußenministerin Beate Meinl-Reisinger empfing am Mittwoch den türkischen Außenminister Hakan "
        "Fidan. Ein Zusammentreffen Fidans mit Bundeskanzler Christian Stocker war vorgesehen, musste aber "
        "abgesagt werden."
    )
    found = extract_text(text, "de", "2026-10-08")
    cancelled = [m for m in found.meetings if m.status == "cancelled"]
    assert [set(m.participants) for m in cancelled] == [{"Hakan Fidan", "Christian Stocker"}]
    denied = text.replace("war vorgesehen, musste aber abgesagt werden", "gab es hingegen nicht")
    assert not [
        m for m in extract_text(denied, "de", "2026-10-08").meetings if "Christian Stocker" in m.participants
    ]


def test_a_plan_taken_into_view_is_planned():
    found = extract_text(
        "Wien\n\nEin Gegenbesuch von Außenministerin Beate Meinl-Reisinger bei Hakan Fidan in Ankara wurde "
        "in Aussicht genommen.",
        "de",
        "2026-10-08",
    )
    assert [m.status for m in found.meetings] == ["planned"]


def test_the_foreign_offices_junior_minister_and_a_party_in_brackets():
    found = extract_text(
        "Interview mit Staatsminister Hahn\n\nMöller: Herr Hahn, wo waren Sie?\n\n"
        "Hahn: Ich habe am Montag in Jerewan mit Außenminister Ararat Mirsojan gesprochen.\n\n"
        "Möller: Und jetzt?\n\nHahn: Jetzt warten wir.\n\n"
        "Möller: Florian Hahn (CSU), Staatsminister im Auswärtigen Amt, vielen Dank.",
        "de",
        "2026-02-18",
    )
    assert ("Florian Hahn", "deputy-foreign-minister", "DE") in positions(found)
    assert ("bilateral-talks", "2026-02-16", "Yerevan", "held", frozenset({"DE", "AM"})) in meetings_of(found)


@pytest.mark.parametrize(
    ("text", "lexical"),
    [
        ("Der Vertrag ist im vergangenen August paraphiert worden.", "2025-08"),
        ("The text was initialled last August.", "2025-08"),
        ("Die Konsultationen folgen im kommenden Mai.", "2026-05"),
        ("They meet again next March.", "2026-03"),
        ("The talks held in Almaty in May last year failed.", "2025-05"),
    ],
)
def test_a_month_counted_from_the_article(text, lexical):
    assert [d.value.lexical for d in find_dates(text, article_date="2026-02-18")] == [lexical]


def test_last_may_is_no_month_written_small():
    assert find_dates("The last may have been the best.", article_date="2026-02-18") == []


def test_a_readout_in_indian_style():
    found = extract_text(
        "Visit of External Affairs Minister to Ethiopia\n\n"
        "External Affairs Minister Dr. S. Jaishankar paid an official visit to Addis Ababa on February 9-10, "
        "2026.\n\n"
        "2. EAM and Foreign Minister H.E. Dr. Gedion Timothewos co-chaired the 2nd session of the "
        "India-Ethiopia Joint Commission on February 10.\n\n"
        "3. The following MoUs were exchanged in the presence of the two Ministers:\n\n"
        "i. MoU on cooperation in digital solutions;\n"
        "ii. MoU on cooperation in agriculture.\n\n"
        "4. The Ethiopian side announced its decision to open a Consulate General in Mumbai.",
        "en",
        "2026-02-10",
    )
    assert ("Gedion Timothewos", "foreign-minister", "ET") in positions(found)  # not India's: "EAM and …"
    session = next(m for m in found.meetings if m.date and m.date.lexical == "2026-02-10")
    assert set(session.participant_countries) == {"IN", "ET"}
    assert sorted(a.title for a in found.agreements) == [
        "MoU on cooperation in agriculture",
        "MoU on cooperation in digital solutions",
    ]
    assert ("consulate-general", "ET", "IN", "Mumbai", "agreed") in missions(found)


def test_a_kremlin_readout():
    found = extract_text(
        "Russian-Lao talks\n\nVladimir Putin held talks in the Kremlin with President of Laos Thongloun "
        "Sisoulith on April 22.\n\nThe Russian delegation included Minister of Foreign Affairs Sergei Lavrov, "
        "Deputy Prime Minister Alexei Overchuk and Minister of Energy Sergei Tsivilev.\n\n"
        "The parties agreed on the opening of a Consulate General of the Russian Federation in Luang Prabang.",
        "en",
        "2026-04-22",
    )
    assert {m.place.name for m in found.meetings if m.place} == {"Moscow"}  # the Kremlin's, not Vladimir's
    assert positions(found) >= {
        ("Alexei Overchuk", "deputy-prime-minister", "RU"),
        ("Sergei Tsivilev", "minister", "RU"),
    }
    assert ("consulate-general", "RU", "LA", "Luang Prabang", "agreed") in missions(found)
    kazan = extract_text(
        "Kasan\n\nPutin eröffnete am Dienstag im Kasaner Kreml den Gipfel der BRICS-Staaten.",
        "de",
        "2024-10-23",
    )
    assert "Moscow" not in {m.place.name for m in kazan.meetings if m.place}


def test_a_chairs_press_release_of_a_retreat():
    found = extract_text(
        "Press Release by the Chair\n\nCEBU, 29 January 2026 – The ASEAN Foreign Ministers' Retreat was held "
        "today in Cebu under the chairmanship of H.E. Ma. Theresa P. Lazaro, Secretary for Foreign Affairs of "
        "the Philippines. It was attended by H.E. Sugiono, Minister for Foreign Affairs of Indonesia.",
        "en",
        "2026-01-29",
    )
    assert ("Sugiono", "foreign-minister", "ID") in positions(found)
    assert any(p.person.endswith("Theresa P. Lazaro") and p.country == "PH" for p in found.positions)
    retreat = next(m for m in found.meetings if m.format == "asean")
    assert (retreat.meeting_type, retreat.place.name) == ("ministerial-meeting", "Cebu City")


def test_a_postponed_meeting_stays_a_plan_without_its_old_day():
    found = extract_text(
        "Japan-Poland Foreign Ministers' Meeting\n\n1. On September 4, 2025, Foreign Minister Takeshi Iwaya "
        "held a meeting with Foreign Minister Radosław Sikorski of Poland.\n\n2. Both Ministers confirmed that "
        "the Japan-Poland Economic Consultations, which had been scheduled to take place in Warsaw in July but "
        "were postponed, would be held at an early date.\n\n3. Prior to the meeting, Sikorski paid a courtesy "
        "call on Prime Minister Shigeru Ishiba.",
        "en",
        "2025-09-04",
    )
    consultations = [m for m in found.meetings if m.status == "planned"]
    assert [(m.date, set(m.participant_countries)) for m in consultations] == [(None, {"JP", "PL"})]
    assert not any(
        m.date and m.date.lexical == "2025-07" for m in found.meetings
    )  # not the courtesy call's day
    # the headline's two-country "Foreign Ministers' Meeting" is the body's meeting, not a second one
    assert (
        len([m for m in found.meetings if m.status == "held" and m.date and m.date.lexical == "2025-09-04"])
        == 1
    )


def test_a_senators_title_and_a_towns_name_inside_a_persons():
    found = extract_text(
        "Islamabad\n\nSenator Mohammad Ishaq Dar, Deputy Prime Minister and Foreign Minister of Pakistan, met "
        "Chinese President Xi Jinping. The first summit had been held in Xi'an.",
        "en",
        "2026-02-24",
    )
    assert ("Mohammad Ishaq Dar", "foreign-minister", "PK") in positions(found)
    assert "Xi'an" in {m.place.written for m in found.meetings if m.place} or not any(
        m.place is None and "Xi Jinping" in m.participants and m.date is None for m in found.meetings
    )


def test_a_piece_on_a_format_gives_its_meetings_that_format():
    found = extract_text(
        "Hintergrund: Das Weimarer Dreieck\n\nAm 29. August 1991 trafen sich die Außenminister Hans-Dietrich "
        "Genscher (Deutschland), Roland Dumas (Frankreich) und Krzysztof Skubiszewski (Polen) in Weimar.",
        "de",
        "2026-05-20",
    )
    assert positions(found) >= {
        ("Hans-Dietrich Genscher", "foreign-minister", "DE"),
        ("Roland Dumas", "foreign-minister", "FR"),
        ("Krzysztof Skubiszewski", "foreign-minister", "PL"),
    }
    (meeting,) = found.meetings
    assert (meeting.meeting_type, meeting.format) == ("ministerial-meeting", "weimar-triangle")
    # without the format in the headline, three states meeting are just three states
    plain = extract_text(
        "Weimar\n\nAm 29. August 1991 trafen sich die Außenminister Hans-Dietrich Genscher (Deutschland), Roland "
        "Dumas (Frankreich) und Krzysztof Skubiszewski (Polen) in Weimar.",
        "de",
        "2026-05-20",
    )
    assert [m.format for m in plain.meetings] == [None]


def test_a_province_signs_for_itself():
    found = extract_text(
        "Hanoi\n\nAm Dienstag traf Ministerpräsident Michael Kretschmer in Hanoi den vietnamesischen "
        "Premierminister Pham Minh Chinh. Am Mittwoch unterzeichnete Kretschmer in Hanoi eine Absichtserklärung mit "
        "dem Volkskomitee der Provinz Bac Ninh.",
        "de",
        "2026-04-23",
    )
    assert not found.agreements


def test_an_undated_article_reads_its_day_from_its_masthead():
    ticker = (
        "Diplomatie-Ticker vom Donnerstag, 12. März 2026\n\n+++ 17:50 Uhr – Wadephul reist morgen nach "
        "Warschau +++\nBundesaußenminister Johann Wadephul wird am Freitag in Warschau mit seinem polnischen "
        "Kollegen Radosław Sikorski zusammenkommen.\n\n+++ 09:45 Uhr – Telefonat +++\nAußenminister Wadephul hat "
        "am Morgen mit dem indischen Außenminister Subrahmanyam Jaishankar telefoniert."
    )
    found = extract_text(ticker, "de", None)
    dates = {m.meeting_type: m.date.lexical if m.date else None for m in found.meetings}
    assert dates["visit"] == "2026-03-13"  # "morgen", "am Freitag", seen from Thursday
    assert dates["phone-call"] != "2026-03-13"  # "am Morgen" is the morning, not tomorrow
    assert found.article.date is None  # the graph states no publication day it was not given
    dateline = extract_text(
        "Wong ends Pacific tour\n\nCANBERRA, 13 February 2026 (Pacific Wire) – Foreign Minister Penny Wong "
        "returned on Friday. On Monday she held talks in Port Moresby with Foreign Minister Justin Tkatchenko "
        "of Papua New Guinea.",
        "en",
        None,
    )
    assert {m.date.lexical for m in dateline.meetings if m.date} == {"2026-02-09"}
    # a day the body tells of is no masthead: an undated story stays undated
    body = extract_text(
        "Weimar\n\nAm 29. August 1991 trafen sich die Außenminister in Weimar, und am Freitag treffen sich die "
        "Außenminister Johann Wadephul und Radosław Sikorski in Warschau, wie es am Mittwoch hieß.",
        "de",
        None,
    )
    assert all(m.date is None or m.date.lexical.startswith("1991") for m in body.meetings)


def test_missions_told_by_a_side_by_what_a_capital_gets_and_by_an_upgrade_in_the_passive():
    side = extract_text(
        "Visit\n\nThe leaders welcomed the decision of the Turkmen side to open a Consulate General in Karachi.",
        "en",
        "2026-02-24",
    )
    assert ("consulate-general", "TM", "PK", "Karachi", "agreed") in missions(side)
    gets = extract_text(
        "Aussennetz\n\nAschgabat erhält eine Schweizer Botschaft.\n\nDer Entscheid fiel am Mittwoch.",
        "de",
        "2026-09-14",
    )
    assert ("embassy", "CH", "TM") in {m[:3] for m in missions(gets)}
    upgraded = extract_text(
        "Harris in Vietnam\n\nTánaiste Simon Harris announced in Ho Chi Minh City today that the Consulate of "
        "Ireland in the city has been upgraded to a Consulate General with immediate effect.",
        "en",
        "2026-03-02",
    )
    assert ("consulate-general", "IE", "VN", "Ho Chi Minh City", "opened") in missions(upgraded)
    ends = extract_text(
        "Dili\n\nPressemitteilung des Auswärtigen Amts\n\nDas Honorarkonsulat in Dili, das Deutschland seit 2004 "
        "vertreten hat, stellt seine Tätigkeit zum 31. Mai ein.",
        "de",
        "2026-05-15",
    )
    assert ("consulate", "DE", "TL", "Dili", "closed") in missions(ends)


def test_a_piece_about_one_treaty_of_two_states():
    found = extract_text(
        "Was bedeutet das Truppenabkommen zwischen Japan und den Philippinen?\n\n"
        "Das Reciprocal Access Agreement (RAA) ist am 11. September 2025 in Kraft getreten. Unterschrieben wurde "
        "der Vertrag bereits am 8. Juli 2024 in Manila.",
        "de",
        "2025-09-12",
    )
    (agreement,) = found.agreements  # one document, whether called "Agreement" or "der Vertrag"
    assert set(agreement.parties) == {"JP", "PH"}
    assert (agreement.signed_on.lexical, agreement.valid_from.lexical) == ("2024-07-08", "2025")


def test_a_treaty_in_force_now_and_one_of_a_year():
    found = extract_text(
        "Steuern\n\nDas neue Doppelbesteuerungsabkommen zwischen Deutschland und der Mongolei ist in Kraft. Das "
        "Investitionsschutzabkommen zwischen Deutschland und der Mongolei aus dem Jahr 1991 bleibt unberührt.",
        "de",
        "2026-02-16",
    )
    assert sorted(
        (a.title.split()[0], a.signed_on.lexical if a.signed_on else None) for a in found.agreements
    ) == [
        ("Investitionsschutzabkommen", "1991"),  # its own document, not the tax treaty told before
        ("neue", None),
    ]
    english = extract_text(
        "Manila\n\nThe Philippines and the United States are bound by the Visiting Forces Agreement of 1999.",
        "en",
        "2025-09-12",
    )
    assert [(set(a.parties), a.signed_on.lexical) for a in english.agreements] == [({"PH", "US"}, "1999")]


def test_the_diplomatic_corps_in_the_capital():
    found = extract_text(
        "Berlin\n\nBundespräsident Frank-Walter Steinmeier nahm die Beglaubigungsschreiben von drei neuen "
        "Botschaftern entgegen: Gulnara Abdrakhmanova für Kasachstan, Rodrigo Pizarro Fuentes für Chile und "
        "Bat-Erdene Tsogt für die Mongolei.\n\nDie eigentliche Nachricht kommt aus Somalia. Das Land hat am "
        "Montag seine Botschaft in Berlin wiedereröffnet.\n\nUmgekehrt ist Deutschland in Somalia schon länger "
        "präsent. Die Botschaft in Mogadischu ist seit 2021 wieder geöffnet.",
        "de",
        "2026-05-21",
    )
    assert positions(found) >= {
        ("Gulnara Abdrakhmanova", "ambassador", "KZ"),
        ("Rodrigo Pizarro Fuentes", "ambassador", "CL"),
        ("Bat-Erdene Tsogt", "ambassador", "MN"),
    }
    assert {m[:3] for m in missions(found)} == {("embassy", "SO", "DE"), ("embassy", "DE", "SO")}


def agreements_of(found) -> set[tuple]:
    return {
        (
            a.agreement_type,
            frozenset(a.parties),
            a.signed_on.lexical[:4] if a.signed_on else None,
            a.valid_until.lexical if a.valid_until else None,
        )
        for a in found.agreements
    }


def test_a_terminated_treaty_and_its_successor_are_two_documents():
    de = extract_text(
        "Neues Sozialabkommen\n\nDas neue Sozialversicherungsabkommen zwischen Österreich und Chile ist in Kraft. "
        "Chile hatte 2015 das Sozialversicherungsabkommen von 1997 gekündigt. "
        "Am 2. März 2026 ist das neue Abkommen in Kraft getreten.",
        "de",
        "2026-03-10",
    )
    assert {(a.signed_on.lexical if a.signed_on else None, a.valid_until and a.valid_until.lexical)
            for a in de.agreements} == {(None, None), ("1997", "2015")}  # fmt: skip
    new = next(a for a in de.agreements if a.signed_on is None)
    assert new.valid_from.lexical == "2026" and len(new.evidence) == 2  # "das neue Abkommen" is the new one
    en = extract_text(
        "Labour deal\n\nIn July Jordan and Qatar terminated the labour agreement of 2008 and signed a new "
        "agreement between the two countries on the same day.",
        "en",
        "2026-09-01",
    )
    assert agreements_of(en) == {
        ("agreement", frozenset({"JO", "QA"}), "2008", "2026"),
        ("agreement", frozenset({"JO", "QA"}), "2026", None),
    }


def test_a_class_of_treaties_terminated_is_no_document():
    found = extract_text(
        "Handel\n\nEin geplantes Investitionsschutzabkommen mit Brasilien ruht, weil Brasília die alten "
        "bilateralen Verträge 2019 gekündigt hat.",
        "de",
        "2026-03-10",
    )
    assert found.agreements == []


def test_an_agreement_extended_until_a_year():
    de = extract_text(
        "Pflegekräfte\n\nAußenministerin Anna Berg telefonierte mit ihrem philippinischen Amtskollegen. Beide "
        "begrüßten, dass die Vereinbarung zwischen Deutschland und den Philippinen über die Anwerbung von "
        "Pflegekräften bis Ende 2028 verlängert wurde.",
        "de",
        "2026-05-05",
    )
    assert ("agreement", frozenset({"DE", "PH"}), None, "2028") in agreements_of(de)
    en = extract_text(
        "Policing\n\nThe policing agreement between Samoa and Australia, signed in 2021, has been extended "
        "until the end of 2029.",
        "en",
        "2026-05-05",
    )
    assert {(frozenset(a.parties), a.valid_until.lexical) for a in en.agreements} == {
        (frozenset({"WS", "AU"}), "2029")
    }


def test_a_ratification_by_one_parliament_is_not_the_signing():
    de = extract_text(
        "Steuern\n\nDer Bundestag hat am Donnerstag das Doppelbesteuerungsabkommen mit Kolumbien ratifiziert.",
        "de",
        "2026-06-12",
    )
    assert agreements_of(de) == {("agreement", frozenset({"DE", "CO"}), None, None)}
    en = extract_text(
        "Ratified\n\nASTANA - On Wednesday the Mazhilis ratified the Agreement between the Government of the "
        "Republic of Kazakhstan and the Government of Georgia on air services.",
        "en",
        "2026-03-11",
    )
    assert agreements_of(en) == {("agreement", frozenset({"KZ", "GE"}), None, None)}


def test_between_both_countries_is_the_pair_told_before():
    found = extract_text(
        "Vietnam\n\nIm Mai 2024 unterzeichneten Deutschland und Vietnam ein Abkommen über Berufsbildung. "
        "Das Investitionsschutzabkommen zwischen beiden Ländern aus dem Jahr 1993 bleibt in Kraft. "
        "Grundlage ist ein Arbeitsprogramm für die Jahre 2025 bis 2027, das die Außenministerien beider "
        "Staaten im vergangenen Jahr unterzeichnet hatten.",
        "de",
        "2026-05-05",
    )
    assert {
        (a.agreement_type, frozenset(a.parties), a.signed_on and a.signed_on.lexical[:4])
        for a in found.agreements
    } == {  # fmt: skip
        ("agreement", frozenset({"DE", "VN"}), "2024"),
        ("agreement", frozenset({"DE", "VN"}), "1993"),
        ("roadmap", frozenset({"DE", "VN"}), "2025"),
    }


def test_the_two_who_met_sign_and_a_treaty_still_negotiated_is_none():
    en = extract_text(
        "Visit\n\nQatar's Foreign Minister Mohammed Al-Khulaifi held talks with Montenegro's Foreign Minister "
        "Ervin Ibrahimovic in Podgorica on Monday. The two signed a memorandum of understanding on political "
        "consultations.",
        "en",
        "2026-03-16",
    )
    assert {(a.agreement_type, frozenset(a.parties)) for a in en.agreements} == {
        ("memorandum", frozenset({"QA", "ME"}))
    }
    de = extract_text(
        "Gas\n\nTurkmenistan und China schlossen 2019 ein Gasabkommen. Über die Konditionen eines "
        "Nachfolgevertrags wird seit Monaten gerungen.",
        "de",
        "2026-03-16",
    )
    assert [a.agreement_type for a in de.agreements] == ["agreement"]


def test_a_sea_named_after_a_state_or_town_is_neither():
    from kg.extract.document import Document
    from kg.model import Article

    text = (
        "Accra\n\nMinisters of Ghana and Togo discussed piracy in the Gulf of Guinea and the Golf von Oman, "
        "then crossed the Gulf of Aden to Aden."
    )
    doc = Document.read(
        Article(text=text, sha256="0", lang="en", date="2026-05-21", title="Accra", url="u", source="s")
    )
    places = [m.text for m in doc.mentions if m.kind in ("country", "city")]
    assert places == ["Accra", "Ghana", "Togo", "Aden"]


def test_a_trade_fair_opened_by_a_minister_of_no_stated_country_is_no_meeting():
    found = extract_text(
        "Fair\n\nDURBAN - Transport Minister Lindiwe Khoza opened the Southern Ports Summit on Monday. "
        "A Nigerian start-up said it had raised $12 million from investors at Lagos-based Sahel Trade Partners.",
        "en",
        "2026-09-23",
    )
    assert found.meetings == [] and found.statistics == []


INTERVIEW_EN = (
    "Interview\n\nMalta's Foreign Minister Ian Borg received the Harbour Review in Valletta on Monday.\n\n"
    "Q: What came of your winter travels?\n\n"
    "A: Last month we signed a memorandum of understanding with Croatia on maritime training. "
    "Our embassy in Accra opens in May.\n\n"
    "Q: A newspaper wrote that you signed a fisheries agreement with Libya in Tripoli. Is that so?\n\n"
    "A: That is simply wrong. There is no such text.\n\n"
    "Q: Reports claimed you met Iran's foreign minister, Abbas Araghchi, in Vienna last week. Did you?\n\n"
    "A: That meeting did not take place. I was in Brussels all week.\n"
)
INTERVIEW_DE = (
    "Interview\n\nMaltas Außenminister Ian Borg empfing uns am Montag in Valletta.\n\n"
    "Frage: Was hat der Winter gebracht?\n\n"
    "Antwort: Wir haben im März ein Memorandum mit Kroatien unterzeichnet. Unsere Botschaft in Accra "
    "öffnet im Mai.\n\n"
    "Frage: Es hieß, Sie hätten sich in Wien mit dem iranischen Außenminister Abbas Araghtschi getroffen. "
    "Stimmt das?\n\n"
    "Antwort: Das ist frei erfunden. Ein solches Treffen hat es nicht gegeben.\n"
)


def test_an_interviewee_signs_and_opens_in_the_first_person_and_denies_what_questions_claim():
    for text, lang in ((INTERVIEW_EN, "en"), (INTERVIEW_DE, "de")):
        found = extract_text(text, lang, "2026-04-14")
        assert {(a.agreement_type, frozenset(a.parties)) for a in found.agreements} == {
            ("memorandum", frozenset({"MT", "HR"}))
        }, lang
        assert {(m.sending_country, m.host_country) for m in found.missions} == {("MT", "GH")}, lang
        assert found.meetings == [], lang  # the meeting a question claimed and the answer denied


def test_a_meeting_that_did_not_come_about_is_none():
    de = extract_text(
        "Brüssel\n\nDas am Nachmittag erwartete Gespräch zwischen Bundeskanzler Friedrich Merz und dem "
        "slowakischen Ministerpräsidenten Robert Fico ist nicht zustande gekommen.",
        "de",
        "2026-06-25",
    )
    en = extract_text(
        "Brussels\n\nThe meeting between Chancellor Friedrich Merz and Slovak Prime Minister Robert Fico "
        "expected in the afternoon did not materialise.",
        "en",
        "2026-06-25",
    )
    assert de.meetings == [] and en.meetings == []


def test_an_eu_summit_all_of_whose_members_are_counted():
    de = extract_text(
        "EU-Gipfel in Brüssel\n\nDie Staats- und Regierungschefs kamen am Donnerstag in Brüssel zum EU-Gipfel "
        "zusammen. Alle 27 Mitgliedstaaten nahmen die Erklärung an.",
        "de",
        "2026-06-25",
    )
    (summit,) = de.meetings
    assert summit.format == "eu" and len(summit.participant_countries) == 27
    assert [len(a.parties) for a in de.agreements] == [27]
    en = extract_text(
        "NATO\n\nThe leaders of all 32 allies met at the NATO summit in The Hague on Wednesday.",
        "en",
        "2025-06-25",
    )
    assert [len(m.participant_countries) for m in en.meetings] == [32]
    uncounted = extract_text(
        "EU summit\n\nEU leaders met in Brussels on Thursday for an EU summit.", "en", "2026-06-25"
    )
    assert [(m.format, m.participant_countries) for m in uncounted.meetings] == [("eu", [])]


def test_a_readouts_spoke_with_is_a_call_unless_they_met_and_a_trade_convention_is_no_treaty():
    call = extract_text(
        "Readout\n\nPrime Minister Mark Carney of Canada today spoke with the Prime Minister of Australia, "
        "Anthony Albanese. The leaders welcomed the memorandum of understanding on critical minerals signed "
        "in March on the margins of the PDAC convention in Toronto.",
        "en",
        "2026-04-14",
    )
    assert [(m.meeting_type, set(m.participant_countries)) for m in call.meetings] == [
        ("phone-call", {"CA", "AU"})
    ]
    assert [a.agreement_type for a in call.agreements] == ["memorandum"]
    met = extract_text(
        "Summit\n\nPrime Minister Mark Carney of Canada spoke with Australian Prime Minister Anthony Albanese "
        "on the sidelines of the G20 summit in Johannesburg on Saturday.",
        "en",
        "2025-11-23",
    )
    assert "phone-call" not in {m.meeting_type for m in met.meetings}
    both = extract_text(
        "Interview\n\nUzbek Foreign Minister Bakhtiyor Saidov said: I spoke with my Japanese counterpart, "
        "Toshimitsu Motegi, by telephone on 28 October.",
        "en",
        "2025-11-10",
    )
    assert [m.meeting_type for m in both.meetings] == ["phone-call"]


def test_states_named_as_present_in_the_sentences_after_a_meeting_take_part():
    en = extract_text(
        "Jeddah\n\nForeign ministers met in Jeddah on Monday to discuss the war in Sudan. Saudi Foreign Minister "
        "Faisal bin Farhan chaired the meeting, attended by Egypt's Badr Abdelatty and Kenya's Musalia Mudavadi. "
        "Also present were Qatar, the United Arab Emirates and Türkiye. Norway and the United Kingdom were "
        "represented by deputy ministers. Israel declined to attend, and the African Union sat in as an observer.",
        "en",
        "2026-11-17",
    )
    de = extract_text(
        "Kairo\n\nDie Außenminister trafen sich am Montag in Kairo, um über den Krieg im Sudan zu beraten. Der "
        "ägyptische Außenminister Badr Abdelatty leitete das Treffen, an dem auch der saudische Außenminister "
        "Faisal bin Farhan teilnahm. Außerdem waren Katar, Jordanien und die Türkei vertreten. Norwegen und "
        "Großbritannien schickten Staatssekretäre. Israel sagte seine Teilnahme ab.",
        "de",
        "2026-02-11",
    )
    assert [set(m.participant_countries) for m in en.meetings] == [
        {"SA", "EG", "KE", "QA", "AE", "TR", "NO", "GB"}
    ]
    assert [set(m.participant_countries) for m in de.meetings] == [{"EG", "SA", "QA", "JO", "TR", "NO", "GB"}]


def test_a_release_names_its_own_minister_without_a_country_and_counts_a_formats_members():
    found = extract_text(
        "B9 ministers meet\n\nPress release, Ministry of Foreign Affairs of Romania\n\nBucharest, 4 June 2026 - "
        "Minister of Foreign Affairs Oana Țoiu today chaired the meeting of foreign ministers of the Bucharest "
        "Nine, joined by Polish Foreign Minister Radosław Sikorski and Estonian Foreign Minister Margus Tsahkna. "
        "Finnish Foreign Minister Elina Valtonen took part as a guest. At the end of the meeting, the nine "
        "member states adopted a joint statement.",
        "en",
        "2026-06-04",
    )
    assert ("Oana Țoiu", "foreign-minister", "RO") in positions(found)
    (meeting,) = found.meetings
    assert meeting.format == "bucharest-nine" and {"RO", "PL", "EE", "FI"} <= set(
        meeting.participant_countries
    )
    assert [sorted(a.parties) for a in found.agreements] == [
        ["BG", "CZ", "EE", "HU", "LT", "LV", "PL", "RO", "SK"]
    ]


def test_a_host_named_by_his_role_in_the_meeting_keeps_his_name():
    found = extract_text(
        "Bischkek\n\nGastgeber Sadyr Dschaparow, der Präsident Kirgistans, eröffnete die Sitzung. Danach "
        "empfing er den chinesischen Präsidenten Xi Jinping.",
        "de",
        "2026-06-25",
    )
    assert {p.person for p in found.positions} == {"Sadyr Dschaparow", "Xi Jinping"}


def test_a_chancellor_of_a_university_holds_no_state_office():
    found = extract_text(
        "Sydney CEO summit\n\nSYDNEY - The Sydney CEO summit closed on Thursday. The summit's closing session "
        "was chaired by Professor Helen Marsh, chancellor of Southern Cross Metropolitan University, who urged "
        "clubs to sign partnership treaties with universities.",
        "en",
        "2026-01-16",
    )
    assert found.positions == [] and found.meetings == [] and found.agreements == []


def test_a_foreign_minister_of_integration_and_of_the_nationals_abroad():
    found = extract_text(
        "Dakar\n\nDAKAR - The Minister of Foreign Affairs, African Integration and Senegalese Abroad, Cheikh "
        "Niang, and Léon Kacou Adom, Minister of Foreign Affairs, African Integration and Ivorians Abroad, closed "
        "the fifth session of the Joint Commission on Wednesday.",
        "en",
        "2026-04-22",
    )
    assert positions(found) >= {("Cheikh Niang", "foreign-minister", "SN")}


def test_a_latin_american_chancellor_is_the_foreign_minister_and_a_second_surname_is_no_other_person():
    en = extract_text(
        "Mexico City\n\nMEXICO CITY - Colombian Chancellor Rosa Yolanda Villavicencio held talks with Mexico's "
        "Foreign Minister Juan Ramón de la Fuente on Tuesday. Colombia's Vice Chancellor, Mauricio Jaramillo "
        "Jassir, joined them. Later she was received by President Claudia Sheinbaum Pardo.",
        "en",
        "2026-03-10",
    )
    assert positions(en) >= {
        ("Rosa Yolanda Villavicencio", "foreign-minister", "CO"),
        ("Mauricio Jaramillo Jassir", "deputy-foreign-minister", "CO"),
        ("Claudia Sheinbaum Pardo", "president", "MX"),
    }
    de = extract_text(
        "La Paz\n\nDer bolivianische Kanzler Fernando Aramayo empfing am Montag seinen Gast.",
        "de",
        "2026-10-12",
    )
    assert ("Fernando Aramayo", "foreign-minister", "BO") in positions(de)
    berlin = extract_text("Berlin\n\nKanzler Friedrich Merz empfing am Montag Gäste.", "de", "2026-10-12")
    assert ("Friedrich Merz", "prime-minister", "DE") in positions(berlin)


def test_a_german_foreign_minister_of_african_integration():
    found = extract_text(
        "Bamako\n\nSenegal sucht neue Wege in der Sahelzone. Der senegalesische Minister für auswärtige "
        "Angelegenheiten und afrikanische Integration, Cheikh Niang, traf am Montag in Bamako seinen malischen "
        "Amtskollegen Abdoulaye Diop.",
        "de",
        "2026-11-18",
    )
    assert ("Cheikh Niang", "foreign-minister", "SN") in positions(found)


def test_a_title_told_for_one_side_and_dollars_of_other_states():
    found = extract_text(
        "Budapest\n\nBUDAPEST - The commission was co-chaired on the Kazakh side by Deputy Prime Minister Serik "
        "Zhumangarin and on the Hungarian side by Foreign Minister Péter Szijjártó on Wednesday. Trade between the "
        "two countries amounted to USD 812 million in 2025.",
        "en",
        "2026-02-19",
    )
    assert ("Serik Zhumangarin", "deputy-prime-minister", "KZ") in positions(found)
    assert [(s.statistic_type, set(s.concerns), s.currency) for s in found.statistics] == [
        ("trade-volume", {"KZ", "HU"}, "USD")
    ]
    from kg.extract.numbers import find_money

    money = "NZ$1.6 billion, RM4.86 billion, 312 billion CFA francs, A$171 million, 1.5 billion kroner"
    assert [m.currency for m in find_money(money, lang="en")] == ["NZD", "MYR", "XOF", "AUD", "NOK"]


def test_aid_pledged_and_provided_targets_and_totals_of_many():
    en = extract_text(
        "Aid\n\nTOKYO - Japanese Foreign Minister Toshimitsu Motegi met Sudanese Foreign Minister Mohieldin "
        "Salim in Tokyo on Monday. Japan pledged $50 million in humanitarian aid to Sudan. The two ministers "
        "agreed to work towards trade of US$ 1 billion by 2030. Japan's trade with the EU's 27 members crossed "
        "$140 billion last year.",
        "en",
        "2026-03-10",
    )
    assert [(s.statistic_type, set(s.concerns), float(s.value)) for s in en.statistics] == [
        ("other", {"JP", "SD"}, 50e6)
    ]
    de = extract_text(
        "Amman\n\nAußenminister Johann Wadephul traf in Amman seinen jordanischen Amtskollegen Ayman Safadi. "
        "Deutschland stellt Jordanien weitere 30 Millionen Euro für Wasserprojekte bereit.",
        "de",
        "2026-03-10",
    )
    assert [(s.statistic_type, set(s.concerns), float(s.value)) for s in de.statistics] == [
        ("other", {"DE", "JO"}, 30e6)
    ]
    many = extract_text(
        "Cairo\n\nCAIRO - Donors met in Cairo on Tuesday. Saudi Arabia and Qatar each pledged $1 billion, the "
        "United Arab Emirates $750 million, and Germany promised 200 million euros.",
        "en",
        "2026-10-14",
    )
    assert many.statistics == []


def test_a_headline_pledge_and_the_bodys_investment_are_one_figure():
    found = extract_text(
        "Korea pledges US$2.3bn for Chilean lithium\n\nSANTIAGO - South Korean companies will invest US$2.3bn in "
        "Chile's lithium projects over the next five years, Seoul's Trade Minister Yeo Han-koo said on Tuesday "
        "after talks with Chilean Foreign Minister Alberto van Klaveren.",
        "en",
        "2026-03-10",
    )
    assert [s.statistic_type for s in found.statistics] == ["investment"]


def test_a_mission_only_weighed_and_one_that_takes_over_after_a_semicolon():
    de = extract_text(
        "Bern\n\nEnde März hat die Schweiz ihr Generalkonsulat in Osaka geschlossen; dessen Aufgaben übernimmt "
        "nun die Botschaft in Tokio. Peking erwäge zudem, ein Generalkonsulat in Debrecen einzurichten, sagte "
        "der ungarische Außenminister Péter Szijjártó.",
        "de",
        "2026-04-20",
    )
    assert [(m.sending_country, m.host_country, m.place and m.place.name, m.status) for m in de.missions] == [
        ("CH", "JP", "Osaka", "closed")
    ]
    en = extract_text(
        "Podgorica\n\nTurkish Ambassador Zeynep Akbulut said Ankara was considering a consulate in Bar.",
        "en",
        "2026-03-16",
    )
    assert en.missions == []


def test_trade_turnover_after_a_sentence_about_the_two_countries():
    found = extract_text(
        "Kremlin\n\nMOSCOW - President Vladimir Putin held talks with Lao President Thongloun Sisoulith in the "
        "Kremlin on Tuesday. Putin noted that relations between the two countries have traditionally been "
        "friendly. Trade turnover grew by 18 percent last year, reaching 190 million US dollars.",
        "en",
        "2026-02-18",
    )
    assert [(s.statistic_type, set(s.concerns), s.year) for s in found.statistics] == [
        ("trade-volume", {"RU", "LA"}, 2025)
    ]


def test_titles_of_other_governments_and_a_phone_call_told_as_last_thursdays():
    en = extract_text(
        "Readout\n\nThe Minister of International Relations and Cooperation, Mr Ronald Lamola, held a telephone "
        "conversation with the Minister for Foreign Affairs of Japan, Mr Toshimitsu Motegi, on Thursday last week.",
        "en",
        "2026-02-16",
    )
    assert ("Ronald Lamola", "foreign-minister", "ZA") in positions(en)
    de = extract_text(
        "Wien\n\nAußenminister Hakan Fidan traf im vergangenen November in Wien Bundesministerin Beate "
        "Meinl-Reisinger.",
        "de",
        "2026-06-10",
    )
    assert ("Beate Meinl-Reisinger", "minister", "AT") in positions(de)
    call = extract_text(
        "Pretoria\n\nWer verstehen will, wie ernst Südafrika und Brasilien ihre Partnerschaft nehmen, sollte sich "
        "das Telefonat vom vergangenen Donnerstag ansehen. Präsident Cyril Ramaphosa und sein brasilianischer "
        "Amtskollege Luiz Inácio Lula da Silva sprachen fast eine Stunde miteinander.",
        "de",
        "2026-03-16",
    )
    assert [(m.meeting_type, m.status, m.date and m.date.lexical) for m in call.meetings] == [
        ("phone-call", "held", "2026-03-12")
    ]


def test_hearsay_advice_things_weighed_and_former_ministers_are_no_facts():
    en = extract_text(
        "Fact check\n\nGerman Foreign Minister Johann Wadephul held talks with Kazakhstan's Foreign Minister "
        "Murat Nurtleu in Astana on Wednesday. The post also says Wadephul met President Kassym-Jomart Tokayev. "
        "A viral post claims that the two signed a raw-materials treaty. Both should now sign a pact on water.",
        "en",
        "2025-07-18",
    )
    assert [set(m.participant_countries) for m in en.meetings] == [{"DE", "KZ"}]
    assert en.agreements == []
    de = extract_text(
        "Berlin\n\nBerichten iranischer Medien zufolge soll in Aschgabat zudem ein Abkommen über Gaslieferungen "
        "zwischen Turkmenistan und Iran unterzeichnet worden sein. Armenien und Aserbaidschan sollten nun zügig "
        "einen Friedensvertrag unterzeichnen. Ein Besuch von Außenminister Johann Wadephul in Baku werde geprüft. "
        "Der frühere Außenminister Sigmar Gabriel traf in Almaty mit Unternehmern zusammen.",
        "de",
        "2025-11-12",
    )
    assert de.agreements == [] and de.meetings == []
