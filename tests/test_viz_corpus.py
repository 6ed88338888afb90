"""A small graph in the store's vocabulary for the network view tests, and checks that it loads as meant.

Other test modules import :func:`corpus_store` from here. Five meetings over 2024-2026 (one planned,
one with a year-less date), two agreements, a consulate, a trade figure, three people with offices,
two formats; one article's title, one person's name and one sentence are hostile markup.

Held meetings and signed agreements per country pair (what the countries view draws):

    CN-KZ  m1 (2024-04-26), m2 (2025-03-04), ag1 (signed at m1)   3
    KZ-UZ  m1, m3 (2025-06), ag2 (2025-06-10)                     3
    CN-UZ  m1, m5 (--11-05, no year)                              2
    CN-KG, KG-KZ, KG-UZ  m1                                        1 each
"""

from __future__ import annotations

import gc
from pathlib import Path

import pyoxigraph as ox

DIP = "https://w3id.org/dipkg/ontology#"
DIPR = "https://w3id.org/dipkg/id/"
GRAPH = "https://w3id.org/dipkg/graph/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCT = "http://purl.org/dc/terms/"
SCHEMA_URL = "http://schema.org/url"

PWN = "document.body.setAttribute('data-pwned','{n}')"
HOSTILE_SENTENCE = (
    f"Wang Yi said \"<script>{PWN.format(n=1)}</script>\" & 'more' "
    f'<img src=x onerror="{PWN.format(n=2)}"> </script><!-- end'
)
HOSTILE_TITLE = f"</script><script>{PWN.format(n=3)}</script> Talks in Almaty"
HOSTILE_PERSON = f'Murat <img src=x onerror="{PWN.format(n=4)}"> Nurtleu'
HOSTILE_URL = f"javascript:{PWN.format(n=5)}"

COUNTRIES = {
    "KZ": ("Kazakhstan", "Kasachstan", "Q232"),
    "CN": ("China", "China", "Q148"),
    "UZ": ("Uzbekistan", "Usbekistan", "Q265"),
    "KG": ("Kyrgyzstan", "Kirgisistan", "Q813"),
    "DE": ("Germany", "Deutschland", "Q183"),
    "RU": ("Russia", "Russland", "Q159"),
}


def iri(tail: str) -> str:
    return DIPR + tail


class _Builder:
    def __init__(self) -> None:
        self.quads: list[ox.Quad] = []
        self.graph: ox.NamedNode = ox.NamedNode(GRAPH + "reference")

    def in_graph(self, name: str) -> None:
        self.graph = ox.NamedNode(GRAPH + name)

    def add(
        self, subject: str, predicate: str, value: object, *, lang: str | None = None, datatype=None
    ) -> None:
        if (
            isinstance(value, str)
            and value.startswith(("https://", "http://"))
            and datatype is None
            and not lang
        ):
            obj: ox.NamedNode | ox.Literal = ox.NamedNode(value)
        elif lang:
            obj = ox.Literal(str(value), language=lang)
        elif datatype:
            obj = ox.Literal(str(value), datatype=ox.NamedNode(XSD + datatype))
        else:
            obj = ox.Literal(str(value))
        self.quads.append(ox.Quad(ox.NamedNode(subject), ox.NamedNode(predicate), obj, self.graph))

    def typed(self, subject: str, cls: str) -> None:
        self.add(subject, RDF_TYPE, DIP + cls)


def corpus_store(*, hostile: bool = True) -> ox.Store:
    """An in-memory Oxigraph store holding the corpus (named graphs only, as the tests of old did)."""
    store = ox.Store()
    store.extend(corpus_quads(hostile=hostile))
    return store


def corpus_quads(*, hostile: bool = True) -> list[ox.Quad]:
    b = _Builder()
    for code, (en, de, qid) in COUNTRIES.items():
        country = iri(f"country/{code}")
        b.typed(country, "Country")
        b.add(country, RDFS_LABEL, en, lang="en")
        b.add(country, RDFS_LABEL, de, lang="de")
        b.add(country, DIP + "isoCode", code)
        b.add(country, OWL_SAME_AS, f"http://www.wikidata.org/entity/{qid}")
    for tail, en, de, members in (
        ("format/central-asia-china", "Central Asia\u2013China", "Zentralasien\u2013China", "CN KZ UZ KG"),
        ("format/c5", "C5", "C5", "KZ UZ KG"),
    ):
        b.typed(iri(tail), "Format")
        b.add(iri(tail), RDFS_LABEL, en, lang="en")
        b.add(iri(tail), RDFS_LABEL, de, lang="de")
        for code in members.split():
            b.add(iri(tail), DIP + "member", iri(f"country/{code}"))
    for tail, name, code in (
        ("place/almaty-kz", "Almaty", "KZ"),
        ("place/beijing-cn", "Beijing", "CN"),
        ("place/frankfurt-de", "Frankfurt", "DE"),
    ):
        b.typed(iri(tail), "Place")
        b.add(iri(tail), RDFS_LABEL, name, lang="en")
        b.add(iri(tail), DIP + "inCountry", iri(f"country/{code}"))
    for tail, en, de in (
        ("role/foreign-minister", "foreign minister", "Au\u00dfenminister"),
        ("role/deputy-prime-minister", "deputy prime minister", "stellvertretender Ministerpr\u00e4sident"),
        ("meeting-type/ministerial-meeting", "ministerial meeting", "Ministertreffen"),
        ("meeting-type/summit", "summit", "Gipfel"),
        ("meeting-type/phone-call", "phone call", "Telefonat"),
        ("meeting-type/bilateral-talks", "bilateral talks", "bilaterale Gespr\u00e4che"),
        ("agreement-type/memorandum", "memorandum", "Memorandum"),
        ("agreement-type/roadmap", "roadmap", "Fahrplan"),
        ("mission-type/consulate-general", "consulate general", "Generalkonsulat"),
        ("statistic-type/trade-volume", "trade volume", "Handelsvolumen"),
    ):
        b.add(iri(tail), SKOS + "prefLabel", en, lang="en")
        b.add(iri(tail), SKOS + "prefLabel", de, lang="de")

    def article(name: str, title: str, url: str | None) -> str:
        b.in_graph(f"article/{name}")
        node = iri(f"article/{name}")
        b.typed(node, "Article")
        b.add(node, DCT + "title", title)
        b.add(node, DIP + "source", f"data/{name}.txt")
        b.add(node, DIP + "publisher", "Ministry of Foreign Affairs")
        if url:
            b.add(node, SCHEMA_URL, url, datatype="string")  # kg.rdf writes the address as a string
        return node

    evidence_count = [0]

    def evidence(fact: str, art: str, sentence: str) -> None:
        evidence_count[0] += 1
        node = iri(f"evidence/e{evidence_count[0]}")
        b.typed(node, "Evidence")
        b.add(fact, DIP + "evidence", node)
        b.add(node, DIP + "article", art)
        b.add(node, DIP + "sentence", sentence)

    def person(
        tail: str, name: str, role: str, country: str, art: str, sentence: str, qid: str | None = None
    ):
        node = iri(f"person/{tail}")
        b.typed(node, "Person")
        b.add(node, RDFS_LABEL, name)
        if qid:
            b.add(node, OWL_SAME_AS, f"http://www.wikidata.org/entity/{qid}")
        position = iri(f"position/{tail}")
        b.typed(position, "Position")
        b.add(position, DIP + "holder", node)
        b.add(position, DIP + "roleType", iri(f"role/{role}"))
        b.add(position, DIP + "ofCountry", iri(f"country/{country}"))
        evidence(position, art, sentence)

    def meeting(tail: str, kind: str, when: tuple[str, str] | None, art: str, sentence: str, **links) -> None:
        node = iri(f"meeting/{tail}")
        b.typed(node, "Meeting")
        b.add(node, DIP + "meetingType", iri(f"meeting-type/{kind}"))
        if when:
            b.add(node, DIP + "date", when[0], datatype=when[1])
        for name, values in links.items():
            if name == "status":
                b.add(node, DIP + "status", values)
                continue
            for value in values.split():
                b.add(node, DIP + name, iri(value))
        evidence(node, art, sentence)

    sentence = HOSTILE_SENTENCE if hostile else "Wang Yi met Murat Nurtleu in Almaty."
    a1 = article("a1", HOSTILE_TITLE if hostile else "Talks in Almaty", "https://example.org/news/1")
    person("wang-yi", "Wang Yi", "foreign-minister", "CN", a1, "Foreign Minister Wang Yi.", qid="Q16245")
    person(
        "murat-nurtleu",
        HOSTILE_PERSON if hostile else "Murat Nurtleu",
        "deputy-prime-minister",
        "KZ",
        a1,
        "Deputy Prime Minister Murat Nurtleu.",
    )
    meeting(
        "m1",
        "ministerial-meeting",
        ("2024-04-26", "date"),
        a1,
        sentence,
        participant="person/wang-yi person/murat-nurtleu",
        participantCountry="country/CN country/KZ country/UZ country/KG",
        format="format/central-asia-china",
        location="place/almaty-kz",
    )
    b.add(iri("meeting/m1"), DIP + "ordinal", "6", datatype="integer")
    ag1 = iri("agreement/ag1")
    b.typed(ag1, "Agreement")
    b.add(ag1, DIP + "agreementType", iri("agreement-type/memorandum"))
    for code in ("KZ", "CN"):
        b.add(ag1, DIP + "partyCountry", iri(f"country/{code}"))
    b.add(ag1, DIP + "signedAt", iri("meeting/m1"))
    b.add(ag1, DIP + "validFrom", "2026", datatype="gYear")
    b.add(ag1, DIP + "validUntil", "2028", datatype="gYear")
    evidence(ag1, a1, "A memorandum for 2026 to 2028 was signed.")

    a2 = article("a2", "Wang Yi in Beijing", None)
    meeting(
        "m2",
        "bilateral-talks",
        ("2025-03-04", "date"),
        a2,
        "Wang Yi received Murat Nurtleu in Beijing.",
        participant="person/wang-yi person/murat-nurtleu",
        participantCountry="country/CN country/KZ",
        location="place/beijing-cn",
    )
    stat = iri("statistic/s1")
    b.typed(stat, "Statistic")
    b.add(stat, DIP + "statisticType", iri("statistic-type/trade-volume"))
    b.add(stat, DIP + "value", "43800000000", datatype="decimal")
    b.add(stat, DIP + "currency", "USD")
    b.add(stat, DIP + "year", "2024", datatype="gYear")
    for code in ("KZ", "CN"):
        b.add(stat, DIP + "concerns", iri(f"country/{code}"))
    evidence(stat, a2, "Trade reached 43.8 billion dollars in 2024.")

    a3 = article("a3", "Tashkent and Astana", HOSTILE_URL if hostile else None)
    person("bakhtiyor-saidov", "Bakhtiyor Saidov", "foreign-minister", "UZ", a3, "Foreign Minister Saidov.")
    meeting(
        "m3",
        "phone-call",
        ("2025-06", "gYearMonth"),
        a3,
        "Nurtleu and Saidov spoke by phone in June.",
        participant="person/murat-nurtleu person/bakhtiyor-saidov",
        participantCountry="country/KZ country/UZ",
    )
    meeting(
        "m4",
        "summit",
        ("2026", "gYear"),
        a3,
        "A summit of Central Asia and China is planned for 2026.",
        participantCountry="country/CN country/KZ country/UZ country/KG",
        format="format/central-asia-china",
        status="planned",
    )
    ag2 = iri("agreement/ag2")
    b.typed(ag2, "Agreement")
    b.add(ag2, DIP + "agreementType", iri("agreement-type/roadmap"))
    b.add(ag2, DIP + "title", "Roadmap on transit")
    for code in ("KZ", "UZ"):
        b.add(ag2, DIP + "partyCountry", iri(f"country/{code}"))
    b.add(ag2, DIP + "signedOn", "2025-06-10", datatype="date")
    evidence(ag2, a3, "The two ministries signed a roadmap on transit.")

    a4 = article("a4", "Consulate in Frankfurt", "https://example.org/news/4")
    meeting(
        "m5",
        "ministerial-meeting",
        ("--11-05", "gMonthDay"),
        a4,
        "Saidov met Wang Yi on 5 November.",
        participant="person/bakhtiyor-saidov person/wang-yi",
        participantCountry="country/UZ country/CN",
    )
    mission = iri("mission/x1")
    b.typed(mission, "DiplomaticMission")
    b.add(mission, DIP + "missionType", iri("mission-type/consulate-general"))
    b.add(mission, DIP + "sendingCountry", iri("country/KZ"))
    b.add(mission, DIP + "hostCountry", iri("country/DE"))
    b.add(mission, DIP + "location", iri("place/frankfurt-de"))
    b.add(mission, DIP + "status", "opened")
    evidence(mission, a4, "Kazakhstan opened a consulate general in Frankfurt.")
    return b.quads


def write_corpus_store(path: Path) -> Path:
    """An on-disk store at ``path`` holding the test corpus, closed again so the CLI can open it."""
    database = ox.Store(str(path))
    database.extend(corpus_quads())
    database.flush()
    del database
    gc.collect()
    return path


# ---------------------------------------------------------------- the corpus itself


def test_the_corpus_loads_with_its_facts():
    store = corpus_store()
    rows = store.query(
        "SELECT ?cls (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?cls } } GROUP BY ?cls",
    )
    counts = {row["cls"].value.rsplit("#", 1)[-1]: int(row["n"].value) for row in rows}
    assert counts["Meeting"] == 5 and counts["Agreement"] == 2 and counts["Person"] == 3
    assert counts["Country"] == 6 and counts["Format"] == 2 and counts["Article"] == 4


def test_the_hostile_parts_are_in_the_store_as_written():
    store = corpus_store()
    labels = {row["l"].value for row in store.query("SELECT ?l WHERE { GRAPH ?g { ?s ?p ?l } }")}
    assert {HOSTILE_SENTENCE, HOSTILE_TITLE, HOSTILE_PERSON} <= labels
    assert HOSTILE_PERSON not in {
        row["l"].value
        for row in corpus_store(hostile=False).query("SELECT ?l WHERE { GRAPH ?g { ?s ?p ?l } }")
    }
