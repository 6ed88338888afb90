"""When and where a text was signed, and who signed it, when the sentence itself does not say (issue 4).

Each rule gives the cross-article pass a signing day or the parties it needs to join two reports of one
document. Every text is written for the test; none is taken from the development or resolution sets.
"""

from __future__ import annotations

from extracting import extract_text

from kg.model import Agreement, Extraction


def _extract(text: str, lang: str = "en", date: str | None = "2025-10-02") -> Extraction:
    return extract_text(text, lang, date)


def _one(x: Extraction, kind: str) -> Agreement:
    found = [a for a in x.agreements if a.agreement_type == kind]
    assert len(found) == 1, [(a.agreement_type, a.parties, a.title) for a in x.agreements]
    return found[0]


def _day(a: Agreement) -> str | None:
    return a.signed_on.lexical if a.signed_on else None


# ---------------------------------------------------------------- live blogs

NEWEST_FIRST = (
    "Latvia and Georgia in Riga: live updates\n\n"
    "18:40 CET\nForeign Ministers Baiba Braže of Latvia and Maka Botchorishvili of Georgia have signed a "
    "memorandum on cyber security cooperation, the Latvian ministry says.\n\n"
    "15:05 CET\nThe two ministers are now at the press conference.\n\n"
    "11:30 CET\nReporters are gathering outside the ministry.\n\n"
    "09:00 CET\nGood morning. Today Latvian Foreign Minister Baiba Braže holds talks with Georgian Foreign "
    "Minister Maka Botchorishvili in Riga.\n"
)


def test_a_text_signed_in_a_live_blog_entry_is_tied_to_the_days_meeting_told_below():
    x = _extract(NEWEST_FIRST)
    memorandum = _one(x, "memorandum")
    (meeting,) = x.meetings
    assert _day(memorandum) == "2025-10-02"
    assert memorandum.signed_at == meeting.key


def test_in_a_live_blog_read_top_down_a_meeting_told_later_is_not_where_it_was_signed():
    x = _extract(
        "Latvia and Georgia in Riga: live updates\n\n"
        "09:00 CET\nGood morning. Reporters are gathering outside the ministry.\n\n"
        "11:30 CET\nForeign Ministers Baiba Braže of Latvia and Maka Botchorishvili of Georgia have signed a "
        "memorandum on cyber security cooperation, the Latvian ministry says.\n\n"
        "15:05 CET\nThe two ministers are now at the press conference.\n\n"
        "18:40 CET\nLatvian Foreign Minister Baiba Braže held talks with Georgian Foreign Minister Maka "
        "Botchorishvili in Riga today.\n"
    )
    memorandum = _one(x, "memorandum")
    assert _day(memorandum) == "2025-10-02"  # still an entry of the day
    assert memorandum.signed_at is None


BLOG = (
    "Kazakhstan and Uzbekistan: live updates\n\n"
    "18:40 CET\nKazakhstan and Uzbekistan have signed a memorandum on water sharing, the Kazakh ministry says.\n\n"
    "15:05 CET\nThe press conference is over.\n\n"
    "11:30 CET\nReporters are gathering outside the ministry.\n"
)


def test_a_live_blog_entry_tells_a_signing_of_the_day():
    assert _day(_one(_extract(BLOG), "memorandum")) == "2025-10-02"


def test_a_signing_an_entry_tells_as_before_is_not_dated_by_the_blog():
    assert _day(_one(_extract(BLOG.replace("have signed", "had signed")), "memorandum")) is None


def test_two_time_stamps_do_not_make_a_live_blog():
    text = BLOG.replace("15:05 CET\n", "").replace("11:30 CET\n", "")
    assert _day(_one(_extract(text), "memorandum")) is None


# ---------------------------------------------------------------- "also", "zudem"

TWO_TEXTS = (
    "Kazakhstan and Uzbekistan signed a treaty on the demarcation of their border in Astana on Friday. Kazakh "
    "Foreign Minister Murat Nurtleu and Uzbek Foreign Minister Bakhtiyor Saidov also initialled an agreement "
    "on water sharing.\n"
)


def test_a_text_also_signed_takes_the_day_of_the_signing_just_told():
    x = _extract(TWO_TEXTS)
    assert _day(_one(x, "treaty")) == "2025-09-26"
    assert _day(_one(x, "agreement")) == "2025-09-26"


def test_zudem_paraphiert_takes_the_day_of_the_signing_just_told():
    x = _extract(
        "Kasachstan und Usbekistan unterzeichneten am Freitag in Astana einen Vertrag über die Demarkation "
        "ihrer Grenze. Die Außenminister Murat Nurtleu und Bachtijor Saidow paraphierten zudem ein Abkommen "
        "über die Wassernutzung.\n",
        lang="de",
    )
    assert _day(_one(x, "agreement")) == "2025-09-26"


def test_also_at_the_start_of_the_sentence_counts():
    text = TWO_TEXTS.replace(
        "Kazakh Foreign Minister Murat Nurtleu and Uzbek",
        "Also, Kazakh Foreign Minister Murat Nurtleu and Uzbek",
    ).replace(" also initialled", " initialled")
    assert _day(_one(_extract(text), "agreement")) == "2025-09-26"


def test_without_also_or_in_another_paragraph_the_second_text_stays_undated():
    assert _day(_one(_extract(TWO_TEXTS.replace(" also ", " ")), "agreement")) is None
    assert _day(_one(_extract(TWO_TEXTS.replace("Friday. ", "Friday.\n\n")), "agreement")) is None


# ---------------------------------------------------------------- "we signed", "signed it"


def test_we_signed_names_the_two_office_holders_of_the_sentence_before():
    x = _extract(
        "Interview with Kazakh Foreign Minister Murat Nurtleu\n\nQ: You were in Tashkent last week.\n\n"
        "Nurtleu: Yes, I had long talks with Uzbek Foreign Minister Bakhtiyor Saidov. We signed a memorandum "
        "on water sharing, which matters for both of us.\n"
    )
    assert sorted(_one(x, "memorandum").parties) == ["KZ", "UZ"]


def test_wir_unterzeichneten_after_the_speakers_label_names_the_two_office_holders():
    x = _extract(
        "Interview mit dem kasachischen Außenminister Murat Nurtleu\n\nFrage: Sie waren in Taschkent.\n\n"
        "Nurtleu: Ja, ich habe lange mit dem usbekischen Außenminister Bachtijor Saidow gesprochen. Nurtleu: "
        "Wir unterzeichneten ein Memorandum über die Wassernutzung.\n",
        lang="de",
    )
    assert sorted(_one(x, "memorandum").parties) == ["KZ", "UZ"]


def test_we_signed_after_a_question_or_among_three_countries_names_no_parties():
    question = _extract(
        "Interview with Kazakh Foreign Minister Murat Nurtleu\n\nQ: Did Uzbek Foreign Minister Bakhtiyor "
        "Saidov come to Astana?\n\nNurtleu: We signed a memorandum on water sharing, which matters for both "
        "of us.\n"
    )
    three = _extract(
        "Interview with Kazakh Foreign Minister Murat Nurtleu\n\nNurtleu: I spoke to Uzbek Foreign Minister "
        "Bakhtiyor Saidov, Kyrgyz Foreign Minister Jeenbek Kulubaev and Tajik Foreign Minister Sirojiddin "
        "Muhriddin. We signed a memorandum on water sharing, which matters for all of us.\n"
    )
    assert question.agreements == [] and three.agreements == []


SIGNED_IT = (
    "Kazakh Foreign Minister Murat Nurtleu and Uzbek Foreign Minister Bakhtiyor Saidov met in Tashkent on "
    "Monday and signed a memorandum on water sharing.\n\nQ: Is the text final?\n\n"
    "Nurtleu: We worked for months on the memorandum. Bakhtiyor Saidov and I signed it on Monday.\n"
)


def test_signed_it_after_a_sentence_naming_the_document_is_its_evidence():
    memorandum = _one(_extract(SIGNED_IT), "memorandum")
    assert "Bakhtiyor Saidov and I signed it on Monday." in [e.sentence for e in memorandum.evidence]


def test_unterzeichneten_es_after_a_sentence_naming_the_document_is_its_evidence():
    x = _extract(
        "Die Außenminister Kasachstans und Usbekistans, Murat Nurtleu und Bachtijor Saidow, unterzeichneten am "
        "Montag in Taschkent ein Memorandum über die Wassernutzung.\n\nFrage: Ist der Text endgültig?\n\n"
        "Nurtleu: Wir haben monatelang an dem Memorandum gearbeitet. Bachtijor Saidow und ich unterzeichneten "
        "es am Montag.\n",
        lang="de",
    )
    evidence = [e.sentence for e in _one(x, "memorandum").evidence]
    assert "Bachtijor Saidow und ich unterzeichneten es am Montag." in evidence


def test_signed_it_after_a_sentence_without_a_document_is_not():
    text = SIGNED_IT.replace("on the memorandum.", "on it.")
    memorandum = _one(_extract(text), "memorandum")
    assert all("signed it" not in e.sentence for e in memorandum.evidence)


# ---------------------------------------------------------------- titles and negotiations


def test_a_title_stops_before_the_verb_after_a_compound():
    x = _extract(
        "Der Außenminister Usbekistans, Bachtijor Saidow, hat heute in Taschkent Gespräche mit dem "
        "Außenminister Kasachstans, Murat Nurtleu, geführt. Beide Seiten stellten fest, dass der in Astana "
        "vereinbarte Kooperationsplan erfolgreich umgesetzt wird.\n",
        lang="de",
    )
    assert _one(x, "roadmap").title == "Kooperationsplan"


def test_a_title_keeps_its_complement():
    x = _extract(
        "Foreign Minister Bakhtiyor Saidov of Uzbekistan and Foreign Minister Murat Nurtleu of Kazakhstan "
        "signed a Roadmap for the development of the strategic partnership in Tashkent on Monday.\n"
    )
    assert _one(x, "roadmap").title.startswith("Roadmap for the development of the strategic partnership")


def test_agreeing_to_negotiate_a_treaty_signs_none():
    x = _extract(
        "Die Außenminister Usbekistans und Tadschikistans, Bachtijor Saidow und Sirodschiddin Muhriddin, "
        "vereinbarten am Montag in Duschanbe, weiter über den Text eines Grenzvertrags zu verhandeln.\n",
        lang="de",
    )
    assert x.agreements == []
