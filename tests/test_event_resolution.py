"""Merging meetings and agreements across articles (kg.event_resolution, docs/decisions/2026-11-29-event-merging.md).

Rules are tested on hand-made :class:`StoredMeeting` / :class:`StoredAgreement` values; the store
behaviour on hand-made extractions (not the extractor's output, which other work changes), mapped
by :mod:`kg.rdf` and stored as ingest stores them.
"""

from __future__ import annotations

import hashlib
import io

import pytest
from stored_events import stored_agreement

from kg import event_resolution as ev
from kg.event_resolution import StoredAgreement, StoredMeeting
from kg.export import export
from kg.model import Agreement, Article, DateValue, Evidence, Extraction, Meeting, PlaceRef, Position
from kg.rdf import extraction_quads
from kg.resolution import resolve_store
from kg.store import Store
from kg.vocab import article_graph

CAC = ["CN", "KG", "KZ", "TJ", "TM", "UZ"]


def meeting(sha: str, **values) -> StoredMeeting:
    m = StoredMeeting(sha, f"m-{sha}", own=f"m-{sha}", kind=values.pop("kind", "bilateral-talks"))
    for key, value in values.items():
        setattr(m, key, set(value) if key in ("countries", "people", "status") else value)
    return m


# ---------------------------------------------------------------- dates and kinds


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        (("2025-04", "gYearMonth"), ("2025-04-26", "date"), True),
        (("2025", "gYear"), ("2025-04-26", "date"), True),
        (("2025", "gYear"), ("2025-04", "gYearMonth"), True),
        (("--04-26", "gMonthDay"), ("2025-04-26", "date"), True),
        (("2025-04-26", "date"), ("2025-04-27", "date"), False),
        (("2025-03", "gYearMonth"), ("2025-04-26", "date"), False),
        (("--04-27", "gMonthDay"), ("2025-04-26", "date"), False),
        (("2024", "gYear"), ("2025-04", "gYearMonth"), False),
        (None, ("2025-04-26", "date"), True),
    ],
)
def test_a_date_is_compatible_with_its_refinements_only(a, b, ok):
    assert ev.dates_compatible(a, b) is ok
    assert ev.dates_compatible(b, a) is ok


def test_the_most_precise_date_wins():
    values = [("2025", "gYear"), ("2025-04-26", "date"), ("2025-04", "gYearMonth")]
    assert ev.most_precise(values) == ("2025-04-26", "date")
    assert ev.most_precise(reversed(values)) == ("2025-04-26", "date")


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [
        ("visit", "bilateral-talks", True),
        ("ministerial-meeting", "bilateral-talks", True),
        ("phone-call", "visit", False),
        ("phone-call", "bilateral-talks", False),
        ("summit", "ministerial-meeting", False),
        ("summit", "summit", True),
        ("phone-call", "phone-call", True),
    ],
)
def test_kinds(a, b, ok):
    assert ev.kinds_compatible(a, b) is ok


# ---------------------------------------------------------------- meeting rules

TALKS = {"place": "tashkent", "countries": {"RU", "UZ"}, "people": {"lavrov", "saidov"}}


def test_a_month_and_a_day_of_the_same_talks_link():
    a = meeting("a", date=("2025-06-10", "date"), **TALKS)
    b = meeting("b", date=("2025-06", "gYearMonth"), kind="visit", **TALKS)
    assert ev.meeting_conflict(a, b) is None
    assert ev.meeting_link(a, b) == 2


@pytest.mark.parametrize(
    ("change", "why"),
    [
        ({"kind": "phone-call"}, "kinds"),
        ({"place": "moscow"}, "place"),
        ({"date": ("2025-06-11", "date")}, "dates"),
        ({"people": {"lavrov", "mirziyoyev"}}, "different people"),
        ({"countries": {"KZ", "CN"}}, "disjoint countries"),
        ({"countries": {"RU", "UZ", "KZ"}}, "different countries"),
    ],
)
def test_what_keeps_two_reports_apart(change, why):
    a = meeting("a", date=("2025-06-10", "date"), **TALKS)
    b = meeting("b", **{**dict(date=("2025-06-10", "date"), **TALKS), **change})
    assert why in (ev.meeting_conflict(a, b) or "")


PLACE = "https://w3id.org/dipkg/id/place/"


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        ("belek-tr", "antalya-tr", True),  # a conference centre outside the city, 33 km
        ("antalya-tr", "antalya-tr", True),
        ("almaty-kz", "astana-kz", False),  # 970 km
        ("ankara-tr", "istanbul-tr", False),
        ("strasbourg-fr", "kehl-de", False),  # across a border, however close
        ("belek-tr", "the-venue-nobody-knows-tr", False),  # not a GeoNames city: names must agree
    ],
)
def test_towns_close_together_are_one_place_for_a_meeting(first, second, one):
    a = meeting("a", **{**TALKS, "date": ("2025-04-12", "date"), "place": PLACE + first})
    b = meeting("b", **{**TALKS, "date": ("2025-04-12", "date"), "place": PLACE + second})
    assert (ev.meeting_conflict(a, b) is None) is one
    assert ev.places_near(PLACE + first, PLACE + second) is one


def test_two_meetings_of_one_article_never_join():
    a = meeting("a", date=("2025-06-10", "date"), **TALKS)
    b = meeting("a", date=("2025-06-10", "date"), **TALKS)
    b.stored = b.own = "m-a2"
    assert ev.meeting_conflict(a, b) == "one article"


def test_an_undated_report_is_placed_by_its_article_date_and_status():
    held = meeting(
        "a", date=("2025-06-17", "date"), kind="summit", place="astana", format="cac", countries=CAC
    )
    later = meeting(
        "b",
        kind="summit",
        place="astana",
        format="cac",
        countries=CAC,
        status={"held"},
        article_date="2025-06-20",
    )
    ahead = meeting(
        "c",
        kind="summit",
        place="astana",
        format="cac",
        countries=CAC,
        status={"planned"},
        article_date="2025-06-10",
    )
    old = meeting(
        "d",
        kind="summit",
        place="astana",
        format="cac",
        countries=CAC,
        status={"held"},
        article_date="2026-03-01",
    )
    after = meeting(
        "e",
        kind="summit",
        place="astana",
        format="cac",
        countries=CAC,
        status={"planned"},
        article_date="2025-06-17",
    )
    for ok in (later, ahead):
        assert ev.meeting_conflict(held, ok) is None and ev.meeting_link(held, ok) == 1
    for far in (old, after):
        assert "article date" in (ev.meeting_conflict(held, far) or "")


def test_two_undated_reports_need_two_shared_people():
    a = meeting("a", place="dushanbe", status={"held"}, article_date="2025-05-14", **_tj("saidov", "rahmon"))
    b = meeting("b", place="dushanbe", status={"held"}, article_date="2025-05-15", **_tj("saidov", "rahmon"))
    c = meeting("c", place="dushanbe", status={"held"}, article_date="2025-05-15", **_tj("saidov"))
    assert ev.meeting_link(a, b) == 1
    assert ev.meeting_link(a, c) == 0


def _tj(*people: str) -> dict:
    return {"countries": {"TJ", "UZ"}, "people": set(people)}


def _clusters(items):
    found = ev._cluster(items, ev._meeting_blocks, ev.meeting_conflict, ev.meeting_link)
    return sorted(sorted(items[i].sha for i in c) for c in found)


def test_a_coarse_report_between_two_equally_reported_meetings_joins_neither():
    tue = meeting("tue", date=("2025-03-04", "date"), place="moscow", countries={"RU", "UZ"})
    wed = meeting("wed", date=("2025-03-05", "date"), place="moscow", countries={"RU", "UZ"})
    march = meeting("mar", date=("2025-03", "gYearMonth"), place="moscow", countries={"RU", "UZ"})
    assert _clusters([march, tue, wed]) == [["mar"], ["tue"], ["wed"]]
    # once more articles report Tuesday's talks, "March" means those
    tue2 = meeting("tue2", date=("2025-03-04", "date"), place="moscow", countries={"RU", "UZ"})
    assert _clusters([march, tue, tue2, wed]) == [["mar", "tue", "tue2"], ["wed"]]


def test_complete_linkage_never_chains_two_different_meetings():
    choe = meeting("a", date=("2025-07-12", "date"), place="wonsan", people={"lavrov", "choe"})
    kim = meeting("b", date=("2025-07-12", "date"), place="wonsan", people={"lavrov", "kim"})
    vague = meeting("c", date=("2025-07-12", "date"), place="wonsan", people={"lavrov"})
    clusters = _clusters([choe, kim, vague])
    assert ["a", "b"] not in clusters and not any(len(c) == 3 for c in clusters)


def test_clustering_does_not_depend_on_input_order():
    items = [
        meeting("a", date=("2025-06-10", "date"), **TALKS),
        meeting("b", date=("2025-06", "gYearMonth"), **TALKS),
        meeting("c", date=("2025-06-10", "date"), kind="phone-call", countries={"RU", "UZ"}),
        meeting("d", date=("2025", "gYear"), kind="visit", **TALKS),
    ]
    first = _clusters(sorted(items, key=lambda m: m.own))
    assert first == [["a", "b", "d"], ["c"]]


# ---------------------------------------------------------------- agreement rules


def agreement(sha: str, title: str, lang: str, **values) -> StoredAgreement:
    values.setdefault("kind", "memorandum")
    values.setdefault("parties", {"CN", "KZ"})
    return stored_agreement(sha, title, lang, **values)


def test_one_memorandum_in_two_languages_links_by_its_subject():
    a = agreement("a", "memorandum on the Bakhty-Tacheng border crossing", "en")
    b = agreement("b", "Memorandum über den Ausbau des Grenzübergangs Bachty–Tacheng", "de")
    assert ev.agreement_conflict(a, b) is None
    assert ev.agreement_link(a, b) == 2


@pytest.mark.parametrize(
    ("other", "why"),
    [
        ({"kind": "joint-statement"}, "kinds"),
        ({"parties": {"RU", "UZ"}}, "parties"),
        ({"signed_on": ("2025-06-10", "date")}, "signing dates"),
    ],
)
def test_what_keeps_two_documents_apart(other, why):
    a = agreement(
        "a", "memorandum on the Bakhty-Tacheng border crossing", "en", signed_on=("2025-04-26", "date")
    )
    b = agreement("b", "memorandum on the Bakhty-Tacheng border crossing", "en", **other)
    assert why in (ev.agreement_conflict(a, b) or "")


def test_two_titles_of_one_language_without_a_common_word_are_two_documents():
    a = agreement("a", "memorandum on labour recruitment", "en", parties={"RU", "UZ"})
    b = agreement("b", "memorandum on university exchanges", "en", parties={"RU", "UZ"})
    assert "no word in common" in (ev.agreement_conflict(a, b) or "")


# ---------------------------------------------------------------- in a store


def _article(text: str, lang: str, date: str) -> Article:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return Article(
        text=text, sha256=sha, source=f"test-{sha[:8]}.{lang}.txt", title=text[:20], lang=lang, date=date
    )


def _ev(article: Article, words: str) -> list[Evidence]:
    start = article.text.index(words)
    return [Evidence(words, start, start + len(words))]


ALMATY = PlaceRef("Almaty", "KZ")
TASHKENT = PlaceRef("Tashkent", "UZ")


def day_report() -> Extraction:
    """An article dated 2025-04-26: the ministerial in Almaty that day, the memorandum, Lavrov's talks."""
    text = (
        "Wang Yi met the Central Asian ministers in Almaty on Saturday. "
        "Kazakhstan and China signed a memorandum on the Bakhty-Tacheng border crossing. "
        "Sergey Lavrov held talks with Bakhtiyor Saidov in Tashkent on 10 June."
    )
    a = _article(text, "en", "2025-04-26")
    s1, s2, s3 = text.split(". ")
    return Extraction(
        a,
        positions=[Position("Wang Yi", "foreign-minister", "CN", _ev(a, "Wang Yi"))],
        meetings=[
            Meeting(
                "m1",
                "ministerial-meeting",
                _ev(a, s1),
                date=DateValue("2025-04-26", "date", "on Saturday", "relative-to-article"),
                place=ALMATY,
                venue_country="KZ",
                participants=["Wang Yi"],
                participant_countries=CAC,
                format="central-asia-china",
            ),
            Meeting(
                "m2",
                "bilateral-talks",
                _ev(a, s3),
                date=DateValue("2025-06-10", "date", "on 10 June"),
                place=TASHKENT,
                participants=["Sergey Lavrov", "Bakhtiyor Saidov"],
                participant_countries=["RU", "UZ"],
            ),
        ],
        agreements=[
            Agreement(
                "memorandum",
                _ev(a, s2),
                parties=["CN", "KZ"],
                signed_at="m1",
                title="memorandum on the Bakhty-Tacheng border crossing",
            )
        ],
        persons={"Wang Yi": [], "Sergey Lavrov": [], "Bakhtiyor Saidov": []},
    )


def month_report() -> Extraction:
    """An article dated 2025-06-12, German: the ministerial "im April", the memorandum signed then,
    Lavrov's "Besuch" in Taschkent, his meeting with Mirziyoyev, and a phone call the same day."""
    text = (
        "Im April trafen sich die Außenminister in Almaty. "
        "Damals wurde ein Memorandum über den Grenzübergang Bachty–Tacheng unterzeichnet. "
        "Sergej Lawrow besuchte am Dienstag Taschkent und traf Bachtijor Saidow. "
        "Am selben Tag empfing ihn Schawkat Mirsijojew. "
        "Am Abend telefonierte Saidow mit Lawrow."
    )
    a = _article(text, "de", "2025-06-12")
    s1, s2, s3, s4, s5 = text.split(". ")
    day = DateValue("2025-06-10", "date", "am Dienstag")
    return Extraction(
        a,
        meetings=[
            Meeting(
                "m1",
                "ministerial-meeting",
                _ev(a, s1),
                date=DateValue("2025-04", "gYearMonth", "Im April", "relative-to-article"),
                place=ALMATY,
                venue_country="KZ",
                participant_countries=CAC,
                format="central-asia-china",
            ),
            Meeting(
                "m2",
                "visit",
                _ev(a, s3),
                date=day,
                place=TASHKENT,
                participants=["Sergej Lawrow", "Bachtijor Saidow"],
                participant_countries=["RU", "UZ"],
            ),
            Meeting(
                "m3",
                "bilateral-talks",
                _ev(a, s4),
                date=day,
                place=TASHKENT,
                participants=["Sergej Lawrow", "Schawkat Mirsijojew"],
                participant_countries=["RU", "UZ"],
            ),
            Meeting(
                "m4",
                "phone-call",
                _ev(a, s5),
                date=day,
                participants=["Bachtijor Saidow", "Sergej Lawrow"],
                participant_countries=["RU", "UZ"],
            ),
        ],
        agreements=[
            Agreement(
                "memorandum",
                _ev(a, s2),
                parties=["CN", "KZ"],
                signed_on=DateValue("2025-04", "gYearMonth", "Im April"),
                signed_at="m1",
                title="Memorandum über den Grenzübergang Bachty–Tacheng",
            )
        ],
        persons={"Sergej Lawrow": [], "Bachtijor Saidow": [], "Schawkat Mirsijojew": []},
    )


def put(store: Store, extraction: Extraction) -> None:
    store.ensure_reference()
    store.put_article(extraction.article.sha256, extraction_quads(extraction))
    resolve_store(store)


def dump(store: Store) -> bytes:
    out = io.BytesIO()
    export(store, fmt="trig", output=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def stores(tmp_path_factory):
    base = tmp_path_factory.mktemp("events")
    forward, backward = Store.open(base / "forward"), Store.open(base / "backward")
    for extraction in (day_report(), month_report()):
        put(forward, extraction)
    for extraction in (month_report(), day_report()):
        put(backward, extraction)
    return forward, backward


PREFIX = "PREFIX dip: <https://w3id.org/dipkg/ontology#>\n"


def rows(store: Store, query: str, **options) -> list[tuple[str, ...]]:
    return sorted(tuple(t.value for t in r.values()) for r in store.select(PREFIX + query, **options))


def test_any_order_gives_the_same_graph(stores):
    first, second = stores
    assert dump(first) == dump(second)


def test_resolving_again_changes_nothing(stores):
    store, _ = stores
    before = dump(store)
    assert resolve_store(store).rewritten == 0
    assert dump(store) == before


def test_the_ministerial_is_one_node_with_the_day(stores):
    store, _ = stores
    found = rows(
        store,
        """SELECT ?m ?date (COUNT(DISTINCT ?a) AS ?n) WHERE {
             ?m dip:format ?f ; dip:date ?date ; dip:evidence/dip:article ?a } GROUP BY ?m ?date""",
    )
    assert len(found) == 1 and found[0][1:] == ("2025-04-26", "2")


def test_the_coarse_article_keeps_its_own_month_as_an_attestation(stores):
    store, _ = stores
    graph = article_graph(month_report().article.sha256)
    in_graph = rows(
        store,
        f"SELECT ?p ?o WHERE {{ GRAPH <{graph}> {{ ?m dip:format ?f ; ?p ?o . "
        "FILTER(?p IN (dip:date, dip:reportedDate)) } }",
        use_default_graph_as_union=False,
    )
    assert in_graph == [("https://w3id.org/dipkg/ontology#reportedDate", "2025-04")]


def test_talks_and_a_visit_join_with_one_kind(stores):
    store, _ = stores
    found = rows(
        store,
        """SELECT ?m (COUNT(DISTINCT ?t) AS ?kinds) (COUNT(DISTINCT ?r) AS ?reported) WHERE {
             ?m dip:participant ?p ; dip:meetingType ?t ; dip:location ?l .
             FILTER(CONTAINS(STR(?p), "saidov")) FILTER(CONTAINS(STR(?l), "tashkent"))
             OPTIONAL { ?m dip:reportedMeetingType ?r } } GROUP BY ?m""",
    )
    assert [f[1:] for f in found] == [("1", "1")]


def test_a_phone_call_and_the_meeting_with_the_president_stay_apart(stores):
    store, _ = stores
    found = rows(
        store,
        """SELECT DISTINCT ?m WHERE { ?m a dip:Meeting ; dip:date "2025-06-10"^^<http://www.w3.org/2001/XMLSchema#date> }""",
    )
    assert len(found) == 3  # the talks (two reports), the president's reception, the phone call


def test_the_memorandum_is_one_node_signed_at_the_merged_meeting(stores):
    store, _ = stores
    found = rows(
        store,
        """SELECT ?x (COUNT(DISTINCT ?m) AS ?meetings) (COUNT(DISTINCT ?a) AS ?articles) WHERE {
             ?x a dip:Agreement ; dip:signedAt ?m ; dip:evidence/dip:article ?a } GROUP BY ?x""",
    )
    assert [f[1:] for f in found] == [("1", "2")]


def test_the_merged_store_validates(stores):
    from kg.validate import validate

    store, _ = stores
    report = validate(store)
    assert report.conforms, report.violations[:5]


def test_removing_the_precise_article_gives_the_coarse_one_its_date_back(tmp_path):
    store = Store.open(tmp_path / "store")
    put(store, day_report())
    put(store, month_report())
    store.remove_article(day_report().article.sha256)
    resolve_store(store)
    dates = rows(
        store,
        "SELECT ?m ?p ?d WHERE { ?m dip:format ?f ; ?p ?d . FILTER(?p IN (dip:date, dip:reportedDate)) }",
    )
    assert [d[1:] for d in dates] == [("https://w3id.org/dipkg/ontology#date", "2025-04")]
    alone = Store.open(tmp_path / "alone")
    put(alone, month_report())
    assert dump(alone) == dump(store)


def test_an_undated_report_is_placed_by_where_not_by_who():
    talks = meeting(
        "a", date=("2025-05-21", "date"), place="almaty", countries={"CN", "KZ"}, people={"wang", "nurtleu"}
    )
    invitation = meeting(
        "b",
        kind="visit",
        venue=None,
        countries={"CN", "KZ"},
        people={"wang", "nurtleu"},
        status={"planned"},
        article_date="2025-05-20",
    )
    assert ev.meeting_conflict(talks, invitation) is None
    assert ev.meeting_link(talks, invitation) == 0
    invitation.place = "almaty"
    assert ev.meeting_link(talks, invitation) == 1


# ---------------------------------------------------------------- two meetings of one day, town and pair


def courtesy_report() -> Extraction:
    """An article dated 2025-06-11: Lavrov's talks with Saidov and his reception by Mirziyoyev, both on
    10 June in Tashkent, both Russia–Uzbekistan talks: one key but for who met."""
    text = (
        "Sergey Lavrov held talks with Bakhtiyor Saidov in Tashkent on Tuesday. "
        "President Shavkat Mirziyoyev received Lavrov on the same day."
    )
    a = _article(text, "en", "2025-06-11")
    s1, s2 = text.split(". ")
    day = DateValue("2025-06-10", "date", "on Tuesday", "relative-to-article")
    return Extraction(
        a,
        meetings=[
            Meeting(
                "m1",
                "bilateral-talks",
                _ev(a, s1),
                date=day,
                place=TASHKENT,
                venue_country="UZ",
                participants=["Sergey Lavrov", "Bakhtiyor Saidov"],
                participant_countries=["RU", "UZ"],
            ),
            Meeting(
                "m2",
                "bilateral-talks",
                _ev(a, s2),
                date=day,
                place=TASHKENT,
                venue_country="UZ",
                participants=["Shavkat Mirziyoyev", "Sergey Lavrov"],
                participant_countries=["RU", "UZ"],
            ),
        ],
        persons={"Sergey Lavrov": [], "Bakhtiyor Saidov": [], "Shavkat Mirziyoyev": []},
    )


_MEETING_PEOPLE = """SELECT ?m (GROUP_CONCAT(?name; separator="|") AS ?who) WHERE {
  SELECT DISTINCT ?m ?name WHERE { ?m a dip:Meeting ; dip:participant ?p . ?p dip:name ?name }
  ORDER BY ?name
} GROUP BY ?m"""


def test_two_meetings_of_one_day_town_and_pair_are_two_nodes(tmp_path):
    store = Store.open(tmp_path / "store")
    put(store, courtesy_report())
    meetings = rows(store, "SELECT DISTINCT ?m WHERE { ?m a dip:Meeting }")
    assert len(meetings) == 2


def test_each_of_two_same_day_meetings_merges_with_its_own_report(tmp_path):
    store = Store.open(tmp_path / "store")
    put(store, courtesy_report())
    put(store, month_report())  # its visit (Lawrow–Saidow) and reception (Lawrow–Mirsijojew) on 10 June
    by_meeting: dict[str, set[str]] = {}
    query = "SELECT ?m ?p WHERE { ?m a dip:Meeting ; dip:meetingType ?t ; dip:participant ?p }"
    for m, p in rows(store, query):
        by_meeting.setdefault(m, set()).add(p)
    in_person = [people for people in by_meeting.values() if len(people) >= 2]
    # talks + visit, reception + reception, the phone call: no node holds Saidov and Mirziyoyev together
    assert all(len(people) <= 2 for people in in_person), by_meeting


def test_removing_an_article_resolves_the_rest_again(tmp_path):
    from kg.ingest import remove_articles

    store = Store.open(tmp_path / "store")
    put(store, day_report())
    put(store, month_report())
    remove_articles(store, day_report().article.sha256)
    alone = Store.open(tmp_path / "alone")
    put(alone, month_report())
    assert dump(alone) == dump(store)


def test_reports_of_one_session_may_name_different_delegations():
    day = ("2025-04-26", "date")
    full = meeting(
        "a",
        kind="ministerial-meeting",
        date=day,
        place="almaty",
        format="central-asia-china",
        countries=set(CAC),
        people={"wang", "nurtleu", "saidov", "muhriddin"},
    )
    two = meeting(
        "b",
        kind="ministerial-meeting",
        date=day,
        place="almaty",
        countries={"TJ", "UZ"},
        people={"saidov", "muhriddin"},
    )
    host = meeting(
        "c",
        kind="ministerial-meeting",
        date=("2025-04", "gYearMonth"),
        place="almaty",
        countries={"CN"},
        people={"wang"},
    )
    assert ev.meeting_conflict(full, two) is None and ev.meeting_link(full, two) == 3
    assert ev.meeting_conflict(two, host) is None  # each names some delegations of one session
    undated = meeting(
        "d",
        kind="ministerial-meeting",
        format="central-asia-china",
        countries=set(CAC),
        people={"wang"},
        article_date="2025-04-30",
        status={"held"},
    )
    assert ev.meeting_conflict(undated, two) is None  # Tajikistan and Uzbekistan are of the format


def test_talks_of_other_pairs_the_same_day_and_town_stay_apart():
    day = ("2025-04-26", "date")
    one = meeting("a", date=day, place="almaty", countries={"CN", "KZ"}, people={"wang", "tokayev"})
    other = meeting("b", date=day, place="almaty", countries={"TJ", "UZ"}, people={"saidov", "muhriddin"})
    assert ev.meeting_conflict(one, other) == "disjoint countries"
