"""Meetings told without the usual wire-report cues: interview answers, receptions without a meeting noun,
a second meeting the same afternoon, talks referred back to after a lead that only names a signing,
live blogs, series ("the third summit"), dates written loosely.

Every sentence is written for this file (none comes from the sample corpus or the development set).
"""

from __future__ import annotations

from extracting import extract_text

from kg.extract.dates import find_dates


def _extract(text: str, *, lang: str = "en", date: str | None = "2025-06-11"):
    return extract_text(text, lang, date)


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


# ---------------------------------------------------------------- two meetings of one article stay two


def _with(found, name: str):
    return [m for m in found.meetings if name in m.participants]


def test_a_reception_by_a_president_is_not_the_ministerial_meeting_of_the_headline():
    text = (
        "Nordic-Baltic foreign ministers' meeting in Riga: the day as it happened\n\n"
        "17.30\nPresident Edgars Rinkēvičs has received Norway's Foreign Minister Espen Barth Eide.\n\n"
        "10.05\nThe session has begun. Latvian Foreign Minister Baiba Braže chairs the meeting, "
        "the fifth ministerial meeting in this format in Riga.\n"
    )
    found = _extract(text, date="2025-06-11")
    reception = [m for m in found.meetings if "Edgars Rinkēvičs" in m.participants]
    assert len(reception) == 1, _summary(found)
    assert "Baiba Braže" not in reception[0].participants
    assert reception[0].meeting_type == "bilateral-talks"


def test_a_leader_receiving_the_visitor_is_not_the_talks_with_his_counterpart():
    text = (
        "Lebanon visit: live updates\n\n"
        "21:00\nThat's all from us on Jordanian Foreign Minister Ayman Safadi's visit to Lebanon today.\n\n"
        "19:10\nPresident Joseph Aoun received the Jordanian foreign minister this evening in Beirut.\n\n"
        "15:30\nThe talks between Safadi and Lebanese Foreign Minister Youssef Rajji have ended after two hours.\n"
    )
    found = _extract(text, lang="en", date="2025-06-11")
    aoun = _with(found, "Joseph Aoun")
    rajji = _with(found, "Youssef Rajji")
    assert aoun and rajji, _summary(found)
    assert not set(map(id, aoun)) & set(map(id, rajji))


def test_he_also_met_someone_else_is_not_the_reception_just_told():
    text = (
        "Der slowakische Außenminister Juraj Blanár ist in Wien von Bundespräsident Alexander Van der Bellen "
        "empfangen worden. Zudem traf er den Präsidenten des Bundesrates zu einem Gespräch.\n"
    )
    found = _extract(text, lang="de", date="2025-06-11")
    reception = _with(found, "Alexander Van der Bellen")
    assert len(reception) == 1, _summary(found)
    quoted = [e.sentence for e in reception[0].evidence]
    assert not any("Zudem" in q for q in quoted), quoted


def test_the_iranian_minister_is_the_one_iranian_minister_of_the_article():
    text = (
        "Am 18. November führten Außenminister Bachtijor Saidow und der iranische Außenminister Abbas "
        "Araghtschi in Taschkent Gespräche. Am 19. November wird der iranische Minister von Präsident "
        "Schawkat Mirsijojew empfangen.\n"
    )
    found = _extract(text, lang="de", date="2025-11-17")
    reception = _with(found, "Schawkat Mirsijojew")
    assert reception and "Abbas Araghtschi" in reception[0].participants, _summary(found)


# ---------------------------------------------------------------- wrong attributes


def test_a_town_named_as_where_one_need_not_look_is_not_where_they_met():
    text = (
        "Wer die Beziehungen verstehen will, musste am vergangenen Freitag nicht nach Paris schauen. "
        "Beim Treffen der Außenminister im Format Weimarer Dreieck saß Frankreichs Außenminister "
        "Jean-Noël Barrot zwei Kollegen gegenüber.\n"
    )
    found = _extract(text, lang="de", date="2025-06-11")
    assert not any(m.place and m.place.name == "Paris" for m in found.meetings), _summary(found)


def test_a_meeting_of_the_six_ministers_is_a_ministerial_meeting_not_the_summit_told():
    text = (
        "The leaders of ASEAN gathered in Kuala Lumpur on Monday for the 46th ASEAN summit. "
        "The summit followed a meeting of the ten foreign ministers in Penang in April.\n"
    )
    found = _extract(text, date="2025-05-27")
    summits = [m for m in found.meetings if m.meeting_type == "summit"]
    assert len(summits) == 1 and summits[0].place.name == "Kuala Lumpur", _summary(found)
    assert summits[0].date.lexical == "2025-05-26"


def test_a_call_that_prepared_a_visit_was_held():
    text = (
        "Die lettische Außenministerin Baiba Braže ist am Mittwoch zu einem Besuch in Wien eingetroffen. "
        "Vorbereitet worden war der Besuch bei einem Telefonat, das Braže und Beate Meinl-Reisinger am "
        "2. Juni geführt hatten.\n"
    )
    found = _extract(text, lang="de", date="2025-06-27")
    calls = [m for m in found.meetings if m.meeting_type == "phone-call"]
    assert calls and calls[0].status == "held" and calls[0].date.lexical == "2025-06-02", _summary(found)


def test_the_talks_of_a_visit_told_with_den_are_the_visit_and_a_format_they_discuss_is_a_topic():
    text = (
        "Der estnische Außenminister Margus Tsahkna ist am Montag in Berlin mit seinem deutschen "
        "Amtskollegen Johann Wadephul zusammengetroffen. Bei den estnisch-deutschen Gesprächen ging es "
        "vor allem um die Abstimmung innerhalb der NATO.\n"
    )
    found = _extract(text, lang="de", date="2025-06-11")
    assert len(found.meetings) == 1, _summary(found)
    assert found.meetings[0].format is None
    assert len(found.meetings[0].evidence) == 2


def test_a_meeting_of_the_five_foreign_ministers_is_a_ministerial_meeting():
    text = "Thai Foreign Minister Maris Sangiampongsa said a meeting of the five foreign ministers took place on 12 April.\n"
    found = _extract(text, date="2025-05-27")
    assert [m.meeting_type for m in found.meetings] == ["ministerial-meeting"], _summary(found)


def test_a_reception_that_discussed_preparations_for_a_summit_is_a_reception():
    text = (
        "Later in the day President Alexander Stubb received Swedish Foreign Minister Maria Malmer Stenergard "
        "in Helsinki and discussed preparations for the Nordic summit in August.\n"
    )
    found = _extract(text, date="2025-06-11")
    reception = _with(found, "Alexander Stubb")
    assert len(reception) == 1 and reception[0].meeting_type == "bilateral-talks", _summary(found)
    assert reception[0].status == "held"


def test_received_both_ministers_names_the_two_guests_and_the_talks_stay_theirs():
    text = (
        "Estonian Foreign Minister Margus Tsahkna and Latvian Foreign Minister Baiba Braže met in Vilnius "
        "on Friday. Lithuanian Foreign Minister Kęstutis Budrys opened the meeting.\n\n"
        "On Friday Lithuanian President Gitanas Nausėda received both ministers.\n\n"
        "The talks came weeks after new incidents in the Baltic Sea.\n"
    )
    found = _extract(text, date="2025-06-14")
    reception = _with(found, "Gitanas Nausėda")
    assert len(reception) == 1, _summary(found)
    assert {"Margus Tsahkna", "Baiba Braže"} <= set(reception[0].participants)
    assert "Kęstutis Budrys" not in reception[0].participants
    assert not any("The talks" in e.sentence for e in reception[0].evidence)


# ---------------------------------------------------------------- list items


def test_a_bullet_line_is_a_sentence_of_its_own():
    from kg.extract.text import segment

    text = "Intro without a full stop\n- Macron next met Scholz in Paris.\n• Later Tusk received Fiala\n"
    sentences = [s.text for p in segment(text) for s in p.sentences]
    assert sentences == [
        "Intro without a full stop",
        "- Macron next met Scholz in Paris.",
        "• Later Tusk received Fiala",
    ]


def test_list_items_under_a_sidelines_heading_are_meetings_beside_the_summit():
    text = (
        "NATO leaders met in The Hague on Wednesday for the alliance's summit. "
        "Secretary-General Mark Rutte opened the summit.\n\n"
        "ON THE SIDELINES\n"
        "- French President Emmanuel Macron met Turkish President Recep Tayyip Erdogan.\n"
        "- In the afternoon Macron received Polish Prime Minister Donald Tusk.\n"
    )
    found = _extract(text, date="2025-06-25")
    erdogan = _with(found, "Recep Tayyip Erdogan")
    tusk = _with(found, "Donald Tusk")
    assert erdogan and tusk, _summary(found)
    assert erdogan[0] is not tusk[0]
    assert all(m.meeting_type != "summit" for m in (erdogan[0], tusk[0]))


def test_the_two_ministers_had_last_met_names_who_met_before():
    text = (
        "Foreign Minister of Latvia Baiba Braže held talks today in Riga with Minister of Foreign Affairs of "
        "Estonia Margus Tsahkna.\n\n"
        "The two foreign ministers had last met in Vilnius on 12 April at the meeting of foreign ministers "
        "of the Baltic states.\n"
    )
    found = _extract(text, date="2025-05-14")
    earlier = [m for m in found.meetings if m.date and m.date.lexical == "2025-04-12"]
    assert len(earlier) == 1, _summary(found)
    assert set(earlier[0].participants) == {"Baiba Braže", "Margus Tsahkna"}
    assert earlier[0].place.name == "Vilnius"


def test_zusammentraf_in_a_subordinate_clause_is_a_meeting():
    text = (
        "Als Estlands Außenminister Margus Tsahkna am 17. März in Riga mit Außenministerin Baiba Braže "
        "zusammentraf, ging es um Energie.\n"
    )
    found = _extract(text, lang="de", date="2025-03-24")
    assert len(found.meetings) == 1, _summary(found)
    assert found.meetings[0].place.name == "Riga"


def test_negotiations_on_the_text_of_a_treaty_are_not_a_meeting():
    text = (
        "Im Mai hatten Serbien und Kroatien mitgeteilt, dass die Verhandlungen über den Text eines "
        "Grenzvertrags abgeschlossen seien. Am Samstag traf Kroatiens Außenminister Gordan Grlić Radman in "
        "Split den serbischen Außenminister Marko Đurić.\n"
    )
    found = _extract(text, lang="de", date="2025-06-14")
    assert all(m.date is None or m.date.lexical != "2025-05" for m in found.meetings), _summary(found)
    assert not any("Verhandlungen" in e.sentence for m in found.meetings for e in m.evidence)


def test_the_summit_named_to_place_a_ministerial_meeting_keeps_its_own_town():
    text = (
        "The leaders of ASEAN gathered in Kuala Lumpur on Monday for the 46th ASEAN summit.\n\n"
        "The summit followed a meeting of the ten foreign ministers in Penang in April.\n"
    )
    found = _extract(text, date="2025-05-27")
    summits = [m for m in found.meetings if m.meeting_type == "summit"]
    assert len(summits) == 1 and summits[0].place.name == "Kuala Lumpur", _summary(found)
    assert not any("Penang" in e.sentence for e in summits[0].evidence)


def test_a_summit_prepared_at_a_ministerial_meeting_does_not_take_its_town():
    text = (
        "Die Staats- und Regierungschefs der ASEAN kamen am Montag in Kuala Lumpur zum 46. ASEAN-Gipfel "
        "zusammen. Vorbereitet worden war der Gipfel bei einem Treffen der Außenminister im April in Penang.\n"
    )
    found = _extract(text, lang="de", date="2025-05-27")
    summits = [m for m in found.meetings if m.meeting_type == "summit"]
    assert summits and all(m.place is None or m.place.name != "Penang" for m in summits), _summary(found)
