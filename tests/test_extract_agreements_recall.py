"""Agreements as reports name them, and what the cross-article pass needs of them (issues 3 and 4).

Each text is written for the test; none is taken from the development or resolution sets.
"""

from __future__ import annotations

from extracting import extract_text

from kg import reference
from kg.model import Extraction


def _extract(text: str, lang: str = "en", date: str | None = "2025-09-17") -> Extraction:
    return extract_text(text, lang, date)


def _summary(x: Extraction) -> list[tuple]:
    return [
        (a.agreement_type, sorted(a.parties), a.signed_on and a.signed_on.lexical, a.status, a.title)
        for a in x.agreements
    ]


# ---------------------------------------------------------------- plans and programmes


def test_a_plan_of_consultations_is_a_roadmap_with_its_period():
    x = _extract(
        "Foreign Minister Bakhtiyor Saidov of Uzbekistan held talks with Foreign Minister Jeyhun Bayramov "
        "of Azerbaijan in Baku on Monday. The two ministers signed a plan of consultations between their "
        "ministries for 2026-2027.\n"
    )
    plans = [a for a in x.agreements if a.agreement_type == "roadmap"]
    assert len(plans) == 1, _summary(x)
    plan = plans[0]
    assert set(plan.parties) == {"UZ", "AZ"}
    assert (plan.valid_from.lexical, plan.valid_until.lexical) == ("2026", "2027")
    assert plan.title.startswith("plan of consultations")


def test_german_plan_and_compound_plan_are_roadmaps():
    x = _extract(
        "Die Außenminister Kasachstans und Armeniens, Murat Nurtleu und Ararat Mirsojan, trafen sich am "
        "Dienstag in Astana. Beide unterzeichneten einen Plan für Konsultationen zwischen den Ministerien.\n",
        lang="de",
    )
    assert [(a.agreement_type, sorted(a.parties)) for a in x.agreements] == [("roadmap", ["AM", "KZ"])]
    assert x.agreements[0].title.startswith("Plan für Konsultationen")


def test_a_compound_plan_agreed_earlier_keeps_its_own_date_not_the_meetings():
    x = _extract(
        "Der Außenminister Usbekistans, Bachtijor Saidow, hat heute in Taschkent Gespräche mit dem "
        "Außenminister Aserbaidschans, Dschejhun Bajramow, geführt. Beide Seiten stellten fest, dass der im "
        "August in Baku vereinbarte Kooperationsplan umgesetzt wird.\n",
        lang="de",
    )
    plans = [a for a in x.agreements if a.agreement_type == "roadmap"]
    assert len(plans) == 1, _summary(x)
    assert plans[0].signed_on.lexical == "2025-08"
    assert plans[0].signed_at is None  # not signed at today's talks


def test_two_named_years_are_the_period_of_validity():
    x = _extract(
        "Usbekistan und Aserbaidschan unterzeichneten am Montag in Baku einen Aktionsplan für die Jahre "
        "2026 und 2027.\n",
        lang="de",
    )
    assert [(a.valid_from.lexical, a.valid_until.lexical, a.title) for a in x.agreements] == [
        ("2026", "2027", "Aktionsplan")
    ], _summary(x)


def test_agreed_a_plan_signs_it_but_plans_to_sign_is_no_document():
    agreed = _extract(
        "Kazakh Foreign Minister Murat Nurtleu met Armenian Foreign Minister Ararat Mirzoyan in Yerevan "
        "in March, when the two ministries agreed a three-year programme of joint events.\n"
    )
    assert [a.agreement_type for a in agreed.agreements] == ["roadmap"], _summary(agreed)
    plans = _extract("Kazakhstan plans to sign a memorandum with Armenia on transit, officials said.\n")
    assert all(a.agreement_type != "roadmap" for a in plans.agreements)


# ---------------------------------------------------------------- status, negation, numbers


def test_a_draft_approved_is_a_planned_text_without_a_signing_date():
    x = _extract(
        "Chinese Foreign Minister Wang Yi and his counterparts from the five Central Asian states met in "
        "Bishkek on Friday for a Central Asia-China foreign ministers' meeting. "
        "They approved a draft list of documents for the next summit, including a treaty on water sharing.\n"
    )
    treaties = [a for a in x.agreements if a.agreement_type == "treaty"]
    assert len(treaties) == 1, _summary(x)
    assert treaties[0].status == "planned" and treaties[0].signed_on is None


def test_a_negation_in_another_clause_does_not_undo_the_signing():
    x = _extract(
        "The border treaty signed by Kyrgyzstan and Tajikistan in Bishkek on Monday obliges both states "
        "not to station troops in the valley.\n"
    )
    assert [(a.agreement_type, sorted(a.parties)) for a in x.agreements] == [("treaty", ["KG", "TJ"])]
    assert x.agreements[0].signed_on.lexical == "2025-09-15"


def test_a_negated_signing_yields_nothing_in_either_language():
    assert not _extract("Kyrgyzstan and Tajikistan did not sign the border treaty on Monday.\n").agreements
    assert not _extract(
        "Armenien und Aserbaidschan hatten sich im März auf den Text eines Abkommens über den Grenzverlauf "
        "verständigt; unterzeichnet ist es bislang nicht.\n",
        lang="de",
    ).agreements


def test_counted_documents_of_companies_are_no_agreement():
    x = _extract(
        "Presidents Shavkat Mirziyoyev and Kassym-Jomart Tokayev met in Tashkent on Monday. "
        "Business delegations signed 31 agreements worth $2 billion on the sidelines.\n"
    )
    assert not x.agreements, _summary(x)


def test_the_datelines_day_is_not_the_signing_day():
    x = _extract(
        "BISHKEK, Sept 17 (Example Wire) - The border treaty signed by Kyrgyzstan and Tajikistan on Monday "
        "ends a dispute of three decades.\n"
    )
    assert [a.signed_on.lexical for a in x.agreements] == ["2025-09-15"], _summary(x)


# ---------------------------------------------------------------- parties


def test_a_group_of_states_names_each_member_as_a_party():
    x = _extract(
        "China and the five Central Asian states signed a treaty on transport corridors in Samarkand "
        "on Monday.\n"
    )
    assert [sorted(a.parties) for a in x.agreements] == [["CN", "KG", "KZ", "TJ", "TM", "UZ"]], _summary(x)


def test_people_after_with_are_signatories_too():
    x = _extract(
        "Prime Minister Nikol Pashinyan of Armenia signed a joint declaration with President Ilham Aliyev "
        "of Azerbaijan and President Donald Trump in Washington on Monday.\n"
    )
    assert [sorted(a.parties) for a in x.agreements] == [["AM", "AZ", "US"]], _summary(x)


def test_a_second_document_of_the_sentence_takes_the_signers_of_its_own_clause():
    x = _extract(
        "President Kassym-Jomart Tokayev of Kazakhstan and President Sadyr Japarov of Kyrgyzstan signed a "
        "joint statement with President Shavkat Mirziyoyev of Uzbekistan, and their foreign ministers "
        "initialled the text of a border treaty.\n"
    )
    found = {a.agreement_type: sorted(a.parties) for a in x.agreements}
    assert found == {"joint-statement": ["KG", "KZ", "UZ"], "treaty": ["KG", "KZ"]}, _summary(x)


def test_the_signers_of_a_relative_clause_are_the_parties_not_the_meetings_participants():
    x = _extract(
        "Chinese Foreign Minister Wang Yi and his counterparts from the five Central Asian states met in "
        "Astana on Monday. Kazakh Foreign Minister Murat Nurtleu praised the memorandum on customs checks, "
        "which he and Foreign Minister Wang Yi of China signed in Almaty in March.\n"
    )
    memoranda = [a for a in x.agreements if a.agreement_type == "memorandum"]
    assert [sorted(a.parties) for a in memoranda] == [["CN", "KZ"]], _summary(x)


def test_he_in_a_relative_clause_is_the_person_named_just_before():
    x = _extract(
        "Beim Treffen der Außenminister in Astana saß Chinas Außenminister Wang Yi fünf Kollegen gegenüber. "
        "Das Abkommen über Zollkontrollen, das er mit dem usbekischen Außenminister Bachtijor Saidow "
        "unterschrieb, gilt als wichtig.\n",
        lang="de",
    )
    assert [sorted(a.parties) for a in x.agreements] == [["CN", "UZ"]], _summary(x)


def test_a_text_signed_afterwards_is_not_tied_to_the_summit_announced_before():
    x = _extract(
        "Kazakh Foreign Minister Murat Nurtleu and Chinese Foreign Minister Wang Yi held talks in Almaty "
        "today. They discussed the summit that will take place in Astana in November.\n"
        "Afterwards Nurtleu and Wang signed a memorandum on rail freight.\n",
        date="2025-09-17",
    )
    memoranda = [a for a in x.agreements if a.agreement_type == "memorandum"]
    assert len(memoranda) == 1, _summary(x)
    assert memoranda[0].signed_on is None or memoranda[0].signed_on.lexical == "2025-09-17"


# ---------------------------------------------------------------- titles and later mentions


def test_title_keeps_the_modifiers_before_and_stops_at_with():
    x = _extract(
        "Armenia and Georgia signed a strategic partnership treaty with a clause on transit in Tbilisi "
        "on Monday.\n"
    )
    assert [a.title for a in x.agreements] == ["strategic partnership treaty"], _summary(x)


def test_a_later_definite_mention_is_more_evidence_of_the_one_document():
    x = _extract(
        "Uzbekistan and Kazakhstan signed a memorandum on water sharing in Tashkent on Monday. "
        "Officials said little else.\n"
        "The memorandum on water sharing foresees joint gauging stations on the Syr Darya.\n"
    )
    assert len(x.agreements) == 1, _summary(x)
    sentences = [e.sentence for e in x.agreements[0].evidence]
    assert any(s.startswith("The memorandum on water sharing foresees") for s in sentences)


# ---------------------------------------------------------------- reference data the rules read


def test_asean_has_eleven_members_since_timor_leste_joined():
    assert set(reference.formats()["asean"].members) == {
        *("BN", "ID", "KH", "LA", "MM", "MY", "PH", "SG", "TH", "VN"),
        "TL",
    }


# ---------------------------------------------------------------- what the cross-article pass does with them


def _stored(sha: str, title: str, lang: str, **values):
    from kg.event_resolution import StoredAgreement

    a = StoredAgreement(sha, f"x-{sha}", own=f"x-{sha}", kind=values.pop("kind", "memorandum"))
    a.parties = set(values.pop("parties", {"RU", "UZ"}))
    a.titles = {title: lang}
    for key, value in values.items():
        setattr(a, key, value)
    return a


def test_one_signing_day_told_at_two_meetings_of_the_visit_is_one_document():
    from kg.event_resolution import agreement_conflict, agreement_link

    day = ("2025-09-15", "date")
    a = _stored("a", "memorandum on labour recruitment", "en", signed_on=day, meeting="m-talks")
    b = _stored("b", "Memorandum über Arbeitsmigration", "de", signed_on=day, meeting="m-reception")
    assert agreement_conflict(a, b) is None and agreement_link(a, b) == 3
    c = _stored("c", "Memorandum über Arbeitsmigration", "de", signed_on=("2025-09", "gYearMonth"))
    c.meeting = "m-other"
    assert agreement_conflict(a, c) == "signed at two meetings"  # not the same day: still two meetings


def test_the_same_kind_among_the_same_three_or_more_states_links_without_a_common_word():
    from kg.event_resolution import agreement_conflict, agreement_link

    six = {"CN", "KZ", "KG", "TJ", "TM", "UZ"}
    planned = _stored("a", "treaty on long-term good-neighbourliness", "en", kind="treaty", parties=six)
    signed = _stored(
        "b",
        "Vertrag über dauerhafte gute Nachbarschaft",
        "de",
        kind="treaty",
        parties=six,
        signed_on=("2025-09-15", "date"),
    )
    assert agreement_conflict(planned, signed) is None and agreement_link(planned, signed) == 2
    two = _stored("c", "treaty on transit", "en", kind="treaty", parties={"CN", "KZ"})
    other_two = _stored("d", "Vertrag über Zollfragen", "de", kind="treaty", parties={"CN", "KZ"})
    assert agreement_link(two, other_two) == 0  # two parties sign many texts: that is no evidence
    statement = _stored("e", "joint statement", "en", kind="joint-statement", parties=six)
    assert agreement_link(planned, statement) == 0
