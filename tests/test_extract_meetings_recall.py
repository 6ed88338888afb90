"""Meetings told without the usual wire-report cues: interview answers, receptions without a meeting noun,
a second meeting the same afternoon, talks referred back to after a lead that only names a signing,
live blogs, series ("the third summit"), dates written loosely.

Every sentence is written for this file (none comes from the sample corpus or the development set).
"""

from __future__ import annotations

import hashlib

from kg.extract import extract
from kg.extract.dates import find_dates
from kg.model import Article


def _extract(text: str, *, lang: str = "en", date: str | None = "2025-06-11"):
    article = Article(
        text=text,
        sha256=hashlib.sha256(text.encode()).hexdigest(),
        source="test",
        lang=lang,
        date=date,
    )
    return extract(article)


def _summary(found) -> list[tuple]:
    return [
        (
            m.meeting_type,
            m.date.lexical if m.date else None,
            m.place.name if m.place else None,
            m.status,
            tuple(sorted(m.participant_countries)),
        )
        for m in found.meetings
    ]


# ---------------------------------------------------------------- interviews

_INTERVIEW = """Finnish Foreign Minister Elina Valtonen on the Baltic, Arctic trade and Asia

Elina Valtonen has been Finland's foreign minister since 2023. We met her in Helsinki.

What did your trip to Asia bring?

"A great deal. At our meeting in Hanoi in March, Foreign Minister Bui Thanh Son and I agreed to open direct flights."

And Japan?

"Not yet. We are working on it."
"""


def test_an_interview_answer_that_tells_a_past_meeting_is_a_meeting():
    found = _extract(_INTERVIEW, date="2025-06-11")
    hanoi = [m for m in found.meetings if m.place and m.place.name == "Hanoi"]
    assert hanoi, _summary(found)
    assert hanoi[0].status == "held"
    assert hanoi[0].date is not None and hanoi[0].date.lexical == "2025-03"
    assert "Elina Valtonen" in hanoi[0].participants  # "… and I agreed": the one interviewed was there


def test_the_same_words_quoted_in_a_report_are_still_only_speech():
    text = (
        'Finnish Foreign Minister Elina Valtonen spoke to reporters in Helsinki on Tuesday. "At our meeting in '
        'Hanoi in March, we agreed to open direct flights," she said.'
    )
    found = _extract(text)
    assert not [m for m in found.meetings if m.place and m.place.name == "Hanoi"], _summary(found)


# ---------------------------------------------------------------- dates


def test_a_month_with_last_or_next_year_moves_the_year():
    def lexical(text: str, lang: str = "en") -> list[str]:
        return [d.value.lexical for d in find_dates(text, article_date="2025-11-20")]

    assert lexical("the summit planned in August last year") == ["2024-08"]
    assert lexical("im August vergangenen Jahres") == ["2024-08"]
    assert lexical("in March next year") == ["2026-03"]
    assert lexical("Ende August") == ["2025-08"]


def test_a_bare_year_is_a_date_only_when_asked_for_and_never_a_range():
    assert find_dates("to be held in Lima in 2027", article_date="2025-06-11") == []
    years = find_dates("to be held in Lima in 2027", article_date="2025-06-11", years=True)
    assert [(d.value.lexical, d.value.datatype) for d in years] == [("2027", "gYear")]
    assert find_dates("valid in 2026 to 2028", article_date=None, years=True) == []


def test_a_planned_meeting_takes_a_year_said_in_its_own_clause_but_not_one_of_a_relative_clause():
    found = _extract(
        "The next round of consultations between Peru and Chile is planned to be held in Lima in 2027."
    )
    assert ("bilateral-talks", "2027", "Lima", "planned", ("CL", "PE")) in _summary(found)
    found = _extract(
        "Peruvian Foreign Minister Elmer Schialer visited Santiago de Chile on Monday, where he recalled "
        "the talks of his predecessor, which had produced an accord in 2019."
    )
    assert all(m.date is None or m.date.lexical != "2019" for m in found.meetings), _summary(found)


# ---------------------------------------------------------------- receptions and the same afternoon


def test_a_reception_without_a_meeting_noun_is_a_meeting_of_two_office_holders():
    text = (
        "Riga, 11 June 2025 – Latvian Foreign Minister Baiba Braže held talks with Slovak Foreign Minister "
        "Juraj Blanár in Riga today.\n\n"
        "In the afternoon Juraj Blanár was received by Latvian President Edgars Rinkēvičs."
    )
    found = _extract(text)
    people = [set(m.participants) for m in found.meetings]
    assert {"Juraj Blanár", "Edgars Rinkēvičs"} <= set().union(*people), _summary(found)
    second = next(m for m in found.meetings if "Edgars Rinkēvičs" in m.participants)
    assert second.date is not None and second.date.lexical == "2025-06-11"  # the afternoon of the same day
    assert second.place is not None and second.place.name == "Riga"


def test_received_a_letter_is_no_meeting():
    found = _extract("Latvian President Edgars Rinkēvičs received a letter from the city council on Monday.")
    assert found.meetings == []


def test_an_afternoon_talk_with_someone_else_is_a_second_meeting_de():
    text = (
        "Ljubljana, 11. Juni 2025 – Außenministerin Tanja Fajon hat heute den portugiesischen Außenminister "
        "Paulo Rangel zu einem Arbeitsgespräch empfangen.\n\n"
        "Am Nachmittag wurde der portugiesische Minister von Ministerpräsident Robert Golob zu einem "
        "Gespräch empfangen."
    )
    found = _extract(text, lang="de")
    assert len(found.meetings) == 2, _summary(found)
    assert all(m.date and m.date.lexical == "2025-06-11" for m in found.meetings)
    assert all(m.place and m.place.name == "Ljubljana" for m in found.meetings)  # the dateline's city


# ---------------------------------------------------------------- a lead that names only a signing


def test_talks_referred_back_to_take_the_date_and_place_of_the_lead():
    text = (
        "Oslo (NTB) – Der norwegische Außenminister Espen Barth Eide und sein isländischer Amtskollege "
        "Þorgerður Katrín Gunnarsdóttir unterzeichneten am Dienstag in Oslo eine Absichtserklärung.\n\n"
        "„Wir teilen dieselben Interessen im Nordatlantik“, sagte Eide nach dem gut einstündigen Gespräch."
    )
    found = _extract(text, lang="de", date="2025-06-11")
    talks = [m for m in found.meetings if m.meeting_type == "bilateral-talks"]
    assert talks, _summary(found)
    assert talks[0].date is not None and talks[0].date.lexical == "2025-06-10"
    assert talks[0].place is not None and talks[0].place.name == "Oslo"


def test_a_document_about_consultations_is_no_meeting_of_its_own():
    text = (
        "Chilean Foreign Minister Alberto van Klaveren held talks with Argentine Foreign Minister Gerardo "
        "Werthein in Santiago on Monday. After the talks the two ministers signed a memorandum of "
        "understanding on political consultations between their foreign ministries."
    )
    found = _extract(text)
    assert len(found.meetings) == 1, _summary(found)


# ---------------------------------------------------------------- status


def test_a_planned_agreement_named_after_the_meeting_word_does_not_make_the_meeting_planned():
    found = _extract(
        "Präsident Gustavo Petro empfing am Montag in Bogotá den ecuadorianischen Präsidenten Daniel Noboa "
        "zu einem Gespräch über das geplante Handelsabkommen.",
        lang="de",
    )
    assert found.meetings and all(m.status == "held" for m in found.meetings), _summary(found)


# ---------------------------------------------------------------- ordinals and series


def test_ordinals_of_the_event_not_of_a_day_or_a_comparison():
    found = _extract(
        "Es war der 12. Gipfel der Pazifik-Allianz in Lima am 10. Juni, an dem die Präsidenten Dina "
        "Boluarte und Gabriel Boric teilnahmen.",
        lang="de",
    )
    assert [m.ordinal for m in found.meetings] == [12], _summary(found)
    found = _extract(
        "Am zweiten Tag des Gipfels der Pazifik-Allianz in Lima am 10. Juni trafen sich die Präsidenten "
        "Dina Boluarte und Gabriel Boric.",
        lang="de",
    )
    assert all(m.ordinal != 2 for m in found.meetings), _summary(found)
    found = _extract(
        "Peruvian President Dina Boluarte met Chilean President Gabriel Boric in Lima on Monday, the first "
        "meeting between the two leaders in three years."
    )
    assert found.meetings and all(m.ordinal is None for m in found.meetings), _summary(found)


def test_the_next_summit_of_a_series_keeps_the_format_told_before():
    text = (
        "The leaders of Kazakhstan, Kyrgyzstan, Tajikistan, Turkmenistan, Uzbekistan and China met in "
        "Astana on Tuesday for the second Central Asia–China summit. The leaders agreed that the third "
        "summit will be held in China in 2027."
    )
    found = _extract(text)
    planned = [m for m in found.meetings if m.status == "planned"]
    assert planned and planned[0].format == "central-asia-china", _summary(found)
    assert planned[0].ordinal == 3 and planned[0].date is not None and planned[0].date.lexical == "2027"


def test_a_format_named_in_quote_marks_is_still_the_format():
    found = _extract(
        "Die Minister sprachen am Montag in Tokio auch über die Vorbereitung des nächsten Gipfels im Format "
        "„Zentralasien plus Japan“.",
        lang="de",
    )
    assert any(m.format == "central-asia-japan" for m in found.meetings), _summary(found)


def test_a_dialogue_partner_is_no_dialogue():
    found = _extract(
        "Turkish President Recep Tayyip Erdogan came to Tianjin on Monday as a guest because Turkey is an "
        "SCO dialogue partner."
    )
    assert not [m for m in found.meetings if m.meeting_type in (None, "strategic-dialogue")], _summary(found)


# ---------------------------------------------------------------- live blogs

_LIVE = """Pacific Alliance summit in Lima: live

18:40 GMT
That's all from us for today.

17:05 GMT
The three-way meeting has begun. Dina Boluarte, Gabriel Boric and Claudia Sheinbaum are at the table.

15:30 GMT
Boric has arrived at the Palacio de Gobierno for talks with Boluarte.

09:00 GMT
Good morning. Today Peruvian President Dina Boluarte hosts the leaders of Chile and Mexico in Lima.
"""


def test_a_live_blog_tells_the_days_meetings_at_the_days_venue():
    found = _extract(_LIVE, date="2025-06-11")
    assert found.meetings, _summary(found)
    for meeting in found.meetings:
        assert meeting.date is not None and meeting.date.lexical == "2025-06-11", _summary(found)
        assert meeting.place is not None and meeting.place.name == "Lima", _summary(found)


# ---------------------------------------------------------------- summits: leaders of a format, sidelines


def test_leaders_of_a_format_who_gather_hold_its_summit_and_a_sideline_meeting_is_its_own():
    text = (
        "The leaders of the Gulf Cooperation Council gathered in Doha on Tuesday. Emir Tamim bin Hamad Al "
        "Thani opened the session.\n\n"
        "On the sidelines, Saudi Foreign Minister Faisal bin Farhan and Omani Foreign Minister Badr Albusaidi "
        "met for an hour."
    )
    found = _extract(text, date="2025-12-04")
    summits = [m for m in found.meetings if m.meeting_type == "summit"]
    assert summits and summits[0].format == "gcc", _summary(found)
    side = [m for m in found.meetings if m.meeting_type != "summit"]
    assert side, _summary(found)
    assert side[0].date is not None and side[0].date.lexical == "2025-12-02"  # the summit's day
    assert side[0].place is not None and side[0].place.name == "Doha"


def test_a_visit_called_off_at_the_end_of_a_long_sentence_is_cancelled():
    found = _extract(
        "A visit by Chilean President Gabriel Boric to Lima, scheduled for late June and meant to deepen "
        "trade ties with Peru, was called off at short notice."
    )
    assert [m.status for m in found.meetings] == ["cancelled"], _summary(found)


def test_a_weekday_with_the_time_of_day_in_one_word_is_a_date():
    found = find_dates("telefonierten am Dienstagabend", article_date="2025-11-12")
    assert [(d.value.lexical, d.value.text) for d in found] == [("2025-11-11", "am Dienstagabend")]


def test_the_session_of_a_meeting_that_names_no_one_gets_no_participant():
    text = (
        "Der Entwurf beruht auf einer Einigung, die die Parteispitzen bei einem Treffen im Kanzleramt am "
        "Sonntagabend erzielt hatten. Auch Außenminister Johann Wadephul meldete sich in der Sitzung zu Wort."
    )
    assert _extract(text, lang="de", date="2025-07-30").meetings == []


def test_the_african_union_has_its_fifty_five_members():
    from kg import reference

    members = set(reference.formats()["african-union"].members)
    assert len(members) == 55 and {"ET", "ZA", "MA", "EH", "SS"} <= members


def test_a_meeting_on_the_sidelines_of_a_summit_not_told_before_tells_of_both():
    found = _extract(
        "The thaw began when Brazilian President Luiz Inácio Lula da Silva met Argentine President Javier "
        "Milei on the sidelines of the Mercosur summit in Montevideo."
    )
    kinds = sorted(m.meeting_type or "" for m in found.meetings)
    assert kinds == ["bilateral-talks", "summit"], _summary(found)
    talks = next(m for m in found.meetings if m.meeting_type == "bilateral-talks")
    assert talks.format is None and talks.place is not None and talks.place.name == "Montevideo"
