"""The shipped office-holder table: coverage, its loader and look-ups, and its place in the reference graph."""

from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode

from kg import reference
from kg.errors import KgError
from kg.rdf import reference_quads
from kg.resources import lexicon_dir
from kg.vocab import DIP, DIPR, OWL, RDF, WD, XSD

C5 = {"KZ", "KG", "TJ", "TM", "UZ"}
G20_STATES = {"AR", "AU", "BR", "CA", "CN", "DE", "FR", "GB", "ID", "IN", "IT", "JP", "KR", "MX", "RU", "SA", "TR",
              "US", "ZA"}  # fmt: skip
HEAD_ROLES = {"president", "prime-minister", "foreign-minister"}
QID = re.compile(r"^Q[1-9][0-9]*$")


def names(pairs) -> list[str]:
    return [holder.name for holder, _ in pairs]


# ---------------------------------------------------------------- coverage


def test_the_table_covers_at_least_sixty_states_with_the_three_offices():
    holders = reference.office_holders()
    countries = {t.country for h in holders.values() for t in h.terms} - {"EU"}
    assert len(countries) >= 60
    assert C5 | G20_STATES | {"AZ", "AM", "GE", "IR", "AE", "QA", "PK", "MN"} <= countries
    for code in C5 | {"CN", "RU", "DE", "GB", "US"}:
        roles = {t.role for h in holders.values() for t in h.terms if t.country == code}
        # Turkmenistan's and the United States' presidents head the government too
        assert roles >= (HEAD_ROLES - {"prime-minister"} if code in {"TM", "US"} else HEAD_ROLES), code


@pytest.mark.parametrize("year", range(2020, 2026))
def test_central_asia_china_and_russia_have_a_holder_of_each_office_every_year(year):
    day = date(year, 7, 1)
    for code in C5 | {"CN", "RU"}:
        for role in HEAD_ROLES:
            if role == "prime-minister" and code == "TM":
                continue
            if role == "foreign-minister" and code == "UZ" and year in (2022, 2023):
                continue  # Vladimir Norov was acting minister: acting holders are left out
            assert reference.holders_of(role, code, day), (role, code, year)


def test_every_entry_is_well_formed_and_every_wikidata_id_names_two_sources():
    for hid, holder in reference.office_holders().items():
        assert holder.id == hid and holder.name.strip()
        assert holder.names.get("en"), hid
        if holder.wikidata is not None:
            assert QID.match(holder.wikidata), hid
            sources = holder.checked["wikidata"]
            assert len(sources) >= 2 and len(set(sources)) == len(sources), hid
        for term in holder.terms:
            assert term.last_day is None or term.last_day >= term.first_day


def test_transliteration_variants_are_listed():
    table = reference.office_holders()
    assert {"Sergey Lavrov", "Sergej Lawrow"} <= set(table["sergey-lavrov"].all_names())
    assert {"Shavkat Mirziyoyev", "Schawkat Mirsijojew"} <= set(table["shavkat-mirziyoyev"].all_names())
    assert {"Jeenbek Kulubaev", "Zheenbek Kulubayev", "Dscheenbek Kulubajew"} <= set(
        table["jeenbek-kulubaev"].all_names()
    )


def test_a_sample_of_wikidata_ids():
    table = reference.office_holders()
    assert table["vladimir-putin"].wikidata == "Q7747"
    assert table["xi-jinping"].wikidata == "Q15031"
    assert table["angela-merkel"].wikidata == "Q567"
    # four ids in four files, but only two usable files, and they agree
    assert table["rishi-sunak"].wikidata == "Q20055561"
    assert table["kassym-jomart-tokayev"].wikidata == "Q200881"  # not the single-source Q61513
    assert table["cyril-ramaphosa"].wikidata == "Q1148669"  # three files agree, one contradicts: margin two
    # three files agree, one gives him Lee Hsien Loong's id: margin two
    assert table["lawrence-wong"].wikidata == "Q6504758"
    assert table["lee-hsien-loong"].wikidata is None  # files disagree one to one


def test_countries_and_organisations_keep_their_verified_ids():
    countries = reference.countries()
    for code, qid in {"KZ": "Q232", "KG": "Q813", "TJ": "Q863", "TM": "Q874", "UZ": "Q265", "CN": "Q148",
                      "RU": "Q159", "DE": "Q183", "US": "Q30", "TR": "Q43", "IR": "Q794"}.items():  # fmt: skip
        assert countries[code].wikidata == qid, code
    assert countries["NL"].wikidata is None
    formats = reference.formats()
    assert {f: formats[f].wikidata for f in ("sco", "asean", "g20", "opec", "oecd", "brics", "g7")} == {
        "sco": "Q485207", "asean": "Q7768", "g20": "Q19771", "opec": "Q7795", "oecd": "Q41550", "brics": "Q243630",
        "g7": "Q1764511",
    }  # fmt: skip
    assert "TL" in formats["asean"].members  # the eleventh member since October 2025


# ---------------------------------------------------------------- look-ups


def test_holders_of_a_day():
    assert names(reference.holders_of("foreign-minister", "CN", date(2023, 6, 1))) == ["Qin Gang"]
    assert names(reference.holders_of("foreign-minister", "cn", "2024-01-15")) == ["Wang Yi"]
    # the day of a handover: the one leaving and the one arriving
    assert names(reference.holders_of("foreign-minister", "CN", "2022-12-30")) == ["Wang Yi", "Qin Gang"]
    assert names(reference.holders_of("prime-minister", "DE", "2021-12-07")) == ["Angela Merkel"]
    assert names(reference.holders_of("president", "US", "2025-06-01")) == ["Donald Trump"]
    assert reference.holders_of("foreign-minister", "CN", "1999-01-01") == []
    with pytest.raises(KgError, match="not a day"):
        reference.holders_of("president", "US", "June 2025")


def test_partial_dates_cover_their_whole_month_or_year():
    term = reference.OfficeTerm("foreign-minister", "KZ", "2023-04", "2025")
    assert term.first_day == date(2023, 4, 1) and term.last_day == date(2025, 12, 31)
    assert term.covers(date(2025, 12, 31)) and not term.covers(date(2023, 3, 31))
    assert reference.OfficeTerm("president", "KZ", "2024-02", "2024-02").last_day == date(2024, 2, 29)
    kz = names(reference.holders_of("foreign-minister", "KZ", "2025-06-01"))
    assert kz == ["Murat Nurtleu", "Yermek Kosherbayev"]  # the month of the handover is not certain


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("Sergej Lawrow", "sergey-lavrov"),
        ("sergei lavrov", "sergey-lavrov"),
        ("Schawkat Mirsijojew", "shavkat-mirziyoyev"),
        ("Kulubajew", None),  # a family name alone is not a spelling of the table
        ("Dscheenbek Kulubajew", "jeenbek-kulubaev"),
        ("Recep Tayyip Erdogan", "recep-tayyip-erdogan"),
        ("Mevlut  Cavusoglu", "mevlut-cavusoglu"),
        ("Nobody Inparticular", None),
    ],
)
def test_holder_by_name_ignores_case_accents_and_spacing(spelling, expected):
    holder = reference.holder_by_name(spelling)
    assert (holder.id if holder else None) == expected


# ---------------------------------------------------------------- bad files


@pytest.fixture
def lexicon_copy(tmp_path: Path, monkeypatch):
    for name in ("roles.json", "countries.json"):
        shutil.copy(lexicon_dir() / name, tmp_path / name)
    monkeypatch.setattr(reference, "lexicon_dir", lambda: tmp_path)

    def clear() -> None:
        reference._read_text.cache_clear()
        reference.office_holders.cache_clear()
        reference._holders_by_name.cache_clear()

    clear()
    yield tmp_path
    monkeypatch.undo()
    clear()


def write_table(folder: Path, *holders: dict) -> None:
    data = {"schema": 1, "sources": {}, "holders": list(holders)}
    (folder / "office_holders.json").write_text(json.dumps(data), encoding="utf-8")


def holder(**changes) -> dict:
    entry = {
        "id": "ana-example",
        "name": "Ana Example",
        "wikidata": None,
        "names": {"en": ["Ana Example"]},
        "terms": [{"role": "foreign-minister", "country": "MN", "start": "2022-01-10", "end": "2024"}],
        "checked": {},
    }
    entry.update(changes)
    return entry


def term(**changes) -> list[dict]:
    entry = {"role": "foreign-minister", "country": "MN", "start": "2022-01-10", "end": None}
    entry.update(changes)
    return [entry]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (holder(terms=term(country="XX")), r"holder 'ana-example': unknown country 'XX'"),
        (holder(terms=term(role="emperor")), r"holder 'ana-example': unknown role 'emperor'"),
        (holder(terms=term(start="10.01.2022")), r"bad start date '10\.01\.2022'"),
        (holder(terms=term(start="2022-13-01")), r"bad start date '2022-13-01'"),
        (holder(terms=term(end="2021-12")), r"end 2021-12 before start 2022-01-10"),
        (holder(terms=[]), r"'terms' must be a non-empty list"),
        (holder(id="Ana Example"), r"'id' must be a lower-case slug"),
        (holder(wikidata="Q123"), r"needs two sources in checked\.wikidata"),
        (holder(wikidata="123", checked={"wikidata": ["a", "b"]}), r"bad Wikidata id '123'"),
        (holder(names={"en": "Ana Example"}), r"'names' must map a language to a list"),
    ],
)
def test_a_bad_entry_is_a_one_line_error_naming_the_file_and_the_entry(lexicon_copy, entry, message):
    write_table(lexicon_copy, entry)
    with pytest.raises(KgError, match=message) as caught:
        reference.office_holders()
    text = str(caught.value)
    assert "\n" not in text and text.startswith(str(lexicon_copy / "office_holders.json"))


def test_duplicates_and_a_wrong_schema_are_refused(lexicon_copy):
    write_table(lexicon_copy, holder(), holder())
    with pytest.raises(KgError, match="holder 'ana-example': duplicate id"):
        reference.office_holders()
    (lexicon_copy / "office_holders.json").write_text('{"schema": 2, "holders": []}', encoding="utf-8")
    reference._read_text.cache_clear()
    with pytest.raises(KgError, match=r"office_holders\.json: expected an object with \"schema\": 1"):
        reference.office_holders()


def test_a_good_small_table_loads(lexicon_copy):
    write_table(lexicon_copy, holder(wikidata="Q123", checked={"wikidata": ["source a", "source b"]}))
    table = reference.office_holders()
    assert list(table) == ["ana-example"]
    assert table["ana-example"].terms[0].end == "2024"
    assert names(reference.holders_of("foreign-minister", "MN", "2024-12-31")) == ["Ana Example"]


# ---------------------------------------------------------------- the reference graph


@pytest.fixture(scope="module")
def graph() -> set[tuple]:
    return {(q.subject, q.predicate, q.object) for q in reference_quads()}


def objects(graph: set[tuple], subject: str, predicate: NamedNode) -> set:
    return {o for s, p, o in graph if s == NamedNode(subject) and p == predicate}


def test_holders_are_people_with_wikidata_links_and_spellings(graph):
    xi = f"{DIPR}person/xi-jinping"
    assert objects(graph, xi, RDF.type) == {DIP.Person}
    assert objects(graph, xi, OWL.sameAs) == {NamedNode(WD + "Q15031")}
    lavrov = f"{DIPR}person/sergey-lavrov"
    spellings = {
        o.value for s, p, o in graph if s == NamedNode(lavrov) and p != RDF.type and isinstance(o, Literal)
    }
    assert {"Sergey Lavrov", "Sergej Lawrow"} <= spellings
    assert not objects(graph, f"{DIPR}person/lee-hsien-loong", OWL.sameAs)  # no checked id: no link


def test_each_term_is_an_office_term_not_an_attested_position(graph):
    wang = NamedNode(f"{DIPR}person/wang-yi")
    terms = {s for s, p, o in graph if p == DIP.holder and o == wang}
    assert len(terms) == 2
    for node in terms:
        assert objects(graph, node.value, RDF.type) == {DIP.OfficeTerm}
        assert objects(graph, node.value, DIP.roleType) == {NamedNode(f"{DIPR}role/foreign-minister")}
        assert objects(graph, node.value, DIP.ofCountry) == {NamedNode(f"{DIPR}country/CN")}
    second = NamedNode(f"{DIPR}office-term/wang-yi/foreign-minister-CN-2023-07-25")
    assert objects(graph, second.value, DIP.startDate) == {Literal("2023-07-25", datatype=XSD.date)}
    assert not objects(graph, second.value, DIP.endDate)  # in office
    nurtleu = f"{DIPR}office-term/murat-nurtleu/foreign-minister-KZ-2023-04-01"
    assert objects(graph, nurtleu, DIP.endDate) == {Literal("2025", datatype=XSD.gYear)}
    assert not any(o == DIP.Position for s, p, o in graph if p == RDF.type)
    assert not any(p in (DIP.evidence, DIP.attestedOn) for s, p, o in graph)


def test_the_graph_counts_one_office_term_per_term(graph):
    terms = sum(len(h.terms) for h in reference.office_holders().values())
    assert sum(1 for s, p, o in graph if p == RDF.type and o == DIP.OfficeTerm) == terms
    people = {o for s, p, o in graph if p == DIP.holder}
    assert len(people) == len(reference.office_holders())
