"""More meetings told without a meeting noun: a planned "is due to meet" / "soll … treffen", "trifft",
"hatte … den Außenminister getroffen", a group of ministers named only by their countries, "the two men
met again", and "a meeting of the six foreign ministers" placed in the format told in the article.

Each rule has its negatives: "meet the target", a denial, "did not meet", a hypothetical, a quote, a
decision "getroffen", a football club's "two men". Every sentence is written for this file.
"""

from __future__ import annotations

from extracting import extract_text


def _meetings(text: str, lang: str = "en", date: str = "2025-06-11") -> list:
    return extract_text(text, lang, date).meetings


def _one(text: str, lang: str = "en", date: str = "2025-06-11"):
    found = _meetings(text, lang, date)
    assert len(found) == 1, [(m.meeting_type, m.participants, m.participant_countries) for m in found]
    return found[0]


# ---------------------------------------------------------------- "is due to meet", "soll … treffen"


def test_a_planned_meeting_told_with_meet():
    m = _one(
        "Polish Foreign Minister Radoslaw Sikorski is due to meet Lithuanian Foreign Minister Kestutis Budrys "
        "in Vilnius on June 17."
    )
    assert m.status == "planned"
    assert m.date is not None and m.date.lexical == "2025-06-17"
    assert m.place is not None and m.place.name == "Vilnius"
    assert sorted(m.participants) == ["Kestutis Budrys", "Radoslaw Sikorski"]


def test_a_planned_meeting_told_with_treffen():
    m = _one(
        "Der polnische Außenminister Radosław Sikorski soll am 17. Juni in Vilnius den litauischen "
        "Außenminister Kęstutis Budrys treffen.",
        "de",
    )
    assert m.status == "planned"
    assert m.date is not None and m.date.lexical == "2025-06-17"
    assert sorted(m.participant_countries) == ["LT", "PL"]


def test_a_planned_meeting_of_two_ministers_named_by_country():
    m = _one("Die Außenminister Polens und Litauens wollen sich am 17. Juni in Vilnius treffen.", "de")
    assert m.status == "planned"
    assert sorted(m.participant_countries) == ["LT", "PL"]


def test_meet_without_anyone_met_is_no_meeting():
    assert not _meetings(
        "Polish Foreign Minister Radoslaw Sikorski said Poland was ready to meet the targets agreed with "
        "Lithuanian Foreign Minister Kestutis Budrys in Vilnius on Monday."
    )
    assert not _meetings(
        "Der polnische Außenminister Radosław Sikorski wird am 17. Juni in Vilnius keine Entscheidung treffen.",
        "de",
    )


def test_a_refusal_a_denial_and_a_hypothetical_are_no_meeting():
    assert not _meetings(
        "Polish Foreign Minister Radoslaw Sikorski refused to meet Lithuanian Foreign Minister Kestutis Budrys "
        "in Vilnius on June 17."
    )
    assert not _meetings(
        "Polish Foreign Minister Radoslaw Sikorski did not meet Lithuanian Foreign Minister Kestutis Budrys "
        "in Vilnius on Monday."
    )
    assert not _meetings(
        "If Polish Foreign Minister Radoslaw Sikorski were to meet Lithuanian Foreign Minister Kestutis Budrys "
        "in Vilnius on June 17, it would be a first."
    )
    assert not _meetings(
        "Falls der polnische Außenminister Radosław Sikorski am 17. Juni in Vilnius den litauischen "
        "Außenminister Kęstutis Budrys treffen sollte, wäre das ein Novum.",
        "de",
    )
    assert not _meetings(
        "Der polnische Außenminister Radosław Sikorski wird den litauischen Außenminister Kęstutis Budrys am "
        "17. Juni in Vilnius nicht treffen.",
        "de",
    )


def test_a_meeting_announced_in_a_quote_is_speech():
    assert not _meetings(
        '"I will meet Lithuanian Foreign Minister Kestutis Budrys in Vilnius on June 17," Polish Foreign '
        "Minister Radoslaw Sikorski said on Monday."
    )


def test_a_headline_in_the_present_tense_is_the_meeting_the_body_tells():
    found = _meetings(
        "Sikorski and Budrys meet in Vilnius\n\nPolish Foreign Minister Radoslaw Sikorski held talks with "
        "Lithuanian Foreign Minister Kestutis Budrys in Vilnius on Monday."
    )
    assert len(found) == 1
    assert found[0].status == "held" and found[0].date is not None and found[0].date.lexical == "2025-06-09"


# ---------------------------------------------------------------- "trifft", "hatte … getroffen"


def test_trifft_with_the_one_met_after_the_day_and_place():
    m = _one(
        "Der polnische Außenminister Radosław Sikorski trifft am Montag in Warschau seinen litauischen "
        "Amtskollegen Kęstutis Budrys.",
        "de",
    )
    assert sorted(m.participants) == ["Kęstutis Budrys", "Radosław Sikorski"]
    assert m.place is not None and m.place.name == "Warsaw"


def test_trifft_a_decision_is_no_meeting():
    assert not _meetings(
        "Der polnische Außenminister Radosław Sikorski trifft am Montag in Warschau eine Entscheidung über "
        "die Botschaft.",
        "de",
    )


def test_getroffen_with_the_one_met_just_before_it():
    m = _one(
        "Der polnische Außenminister Radosław Sikorski hatte am Montag in Warschau auch den litauischen "
        "Außenminister Kęstutis Budrys getroffen.",
        "de",
    )
    assert sorted(m.participant_countries) == ["LT", "PL"]
    assert m.status == "held"


def test_getroffen_of_a_decision_or_by_the_one_named_is_no_meeting():
    assert not _meetings(
        "Der polnische Außenminister Radosław Sikorski hat am Montag in Warschau Vorkehrungen getroffen.",
        "de",
    )
    assert not _meetings(
        "Der litauische Außenminister Kęstutis Budrys hat am Montag in Warschau eine Entscheidung getroffen.",
        "de",
    )
    assert not _meetings(
        "Der polnische Außenminister Radosław Sikorski sagte, er habe in Warschau den litauischen "
        "Außenminister nie getroffen.",
        "de",
    )


def test_getroffen_in_a_quote_is_speech():
    assert not _meetings(
        "„Wir haben am Montag in Warschau den litauischen Außenminister getroffen“, sagte der polnische "
        "Außenminister Radosław Sikorski.",
        "de",
    )


# ---------------------------------------------------------------- nobody named: the group's countries


def test_ministers_named_by_their_countries_met():
    for text, lang in (
        ("The foreign ministers of Estonia, Latvia and Lithuania met in Riga on Monday.", "en"),
        ("Die Außenminister Estlands, Lettlands und Litauens trafen sich am Montag in Riga.", "de"),
    ):
        m = _one(text, lang)
        assert sorted(m.participant_countries) == ["EE", "LT", "LV"], text
        assert m.meeting_type == "ministerial-meeting", text
        assert m.date is not None and m.date.lexical == "2025-06-09", text


def test_a_group_that_did_not_meet_or_is_not_the_subject_is_no_meeting():
    assert not _meetings(
        "The foreign ministers of Estonia, Latvia and Lithuania did not meet in Riga on Monday."
    )
    assert not _meetings(
        "Die Außenminister Estlands, Lettlands und Litauens trafen sich am Montag nicht in Riga.", "de"
    )
    assert not _meetings(
        "The finance ministers said the prices of Estonia, Latvia and Lithuania met expectations in Riga on "
        "Monday."
    )
    assert not _meetings(
        "Reports that the foreign ministers of Estonia, Latvia and Lithuania met in Riga on Monday were denied "
        "by all three governments."
    )


def test_a_group_with_two_formats_in_the_sentence_is_left_alone():
    # "whose ministers": the C5+1's or the Central Asia-China format's? Not guessed.
    assert not _meetings(
        "The C5+1 has less weight than the Central Asia-China format, whose ministers will meet in Astana in "
        "July."
    )


# ---------------------------------------------------------------- "the two men met again"


def test_the_two_men_met_again_are_the_two_ministers_told():
    for text, lang in (
        (
            "Polish Foreign Minister Radoslaw Sikorski and Lithuanian Foreign Minister Kestutis Budrys held talks "
            "in Vilnius on Monday. On Tuesday the two men met again, this time in Warsaw.",
            "en",
        ),
        (
            "Der polnische Außenminister Radosław Sikorski und der litauische Außenminister Kęstutis Budrys "
            "führten am Montag in Vilnius Gespräche. Am Dienstag trafen sich die beiden Männer erneut, diesmal "
            "in Warschau.",
            "de",
        ),
    ):
        found = _meetings(text, lang)
        assert len(found) == 2, text
        second = next(m for m in found if m.place is not None and m.place.name == "Warsaw")
        assert len(second.participants) == 2, text
        assert second.date is not None and second.date.lexical == "2025-06-10", text


def test_two_men_with_no_ministers_told_are_no_meeting():
    assert not _meetings(
        "The two men met again in Warsaw on Tuesday, the club said after the football match."
    )
    assert not _meetings(
        "Die beiden Männer trafen sich am Dienstag erneut in Warschau, teilte der Verein nach dem Spiel mit.",
        "de",
    )


# ---------------------------------------------------------------- "a meeting of the six foreign ministers"

_C5 = (
    "US Secretary of State Marco Rubio met the foreign ministers of Kazakhstan, Kyrgyzstan, Tajikistan, "
    "Turkmenistan and Uzbekistan in the C5+1 format in Washington on Monday. "
)


def test_counted_ministers_take_the_format_with_as_many_countries():
    found = _meetings(
        _C5 + "The talks followed a meeting of the six foreign ministers in Samarkand in March."
    )
    samarkand = [m for m in found if m.place is not None and m.place.name == "Samarkand"]
    assert len(samarkand) == 1
    assert samarkand[0].format == "c5-plus-1"
    assert len(samarkand[0].participant_countries) == 6


def test_counted_ministers_of_another_number_get_no_format():
    found = _meetings(
        _C5 + "The talks followed a meeting of the four foreign ministers in Samarkand in March."
    )
    assert not [m for m in found if m.place is not None and m.place.name == "Samarkand"]


_C5_DE = (
    "US-Außenminister Marco Rubio traf am Montag in Washington die Außenminister Kasachstans, Kirgistans, "
    "Tadschikistans, Turkmenistans und Usbekistans im Format C5+1.\n\n"
)


def test_counted_ministers_in_german():
    found = _meetings(
        _C5_DE + "Die Runde folgte auf eine Konferenz der sechs Außenminister im März in Samarkand.", "de"
    )
    samarkand = [m for m in found if m.place is not None and m.place.name == "Samarkand"]
    assert len(samarkand) == 1 and samarkand[0].format == "c5-plus-1"
    found = _meetings(
        _C5_DE + "Die Runde folgte auf eine Konferenz der vier Außenminister im März in Samarkand.", "de"
    )
    assert not [m for m in found if m.place is not None and m.place.name == "Samarkand"]
