"""Cross-article entity resolution: the matcher, the resolver, the corpus pass and the merge file."""

from __future__ import annotations

import json

import pytest

from kg.errors import InputError
from kg.merges import load_merges
from kg.resolution import (
    Holder,
    Mention,
    PersonResolver,
    StoredMention,
    Term,
    cluster_people,
    key_iri,
    name_similarity,
)
from kg.translit import name_key, same_spelling, skeleton

LAVROV = Holder(
    id="sergey-lavrov",
    name="Sergey Lavrov",
    names=("Sergey Lavrov", "Sergei Lavrov", "Sergej Lawrow"),
    terms=(Term("foreign-minister", "RU", "2004-03-09", None),),
    wikidata="Q83148",
)
KIM_KP = Holder(
    id="kim-song-nam",
    name="Kim Song-nam",
    names=("Kim Song-nam",),
    terms=(Term("minister", "KP", "2020-01-01", None),),
)
TABLE = (LAVROV, KIM_KP)


def resolver(merges=None) -> PersonResolver:
    return PersonResolver(TABLE, merges=merges)


def mention(name, lang="en", *roles, date="2025-06-10") -> Mention:
    return Mention(name, lang, frozenset(roles), date)


# ---------------------------------------------------------------- keys and scores


@pytest.mark.parametrize(
    "names",
    [
        ("Sergey Lavrov", "Sergej Lawrow", "Sergei Lavrov"),
        ("Zheenbek Kulubaev", "Zheenbek Kulubayev", "Zheenbek Kulubajew"),
        ("Shavkat Mirziyoyev", "Schawkat Mirsijojew"),
        ("Jeenbek Kulubaev", "Dscheenbek Kulubajew"),
        ("Sadyr Japarov", "Sadyr Dschaparow"),
    ],
)
def test_transliteration_variants_share_a_skeleton(names):
    assert len({skeleton(n) for n in names}) == 1, [skeleton(n) for n in names]


def test_name_key_folds_german_endings_only():
    assert name_key("Sergej Lawrow") == "sergey-lawrov"
    assert name_key("Raschid Meredow") == "raschid-meredov"
    assert name_key("Olaf Scholz") == "olaf-scholz"  # a native German name is left alone


@pytest.mark.parametrize(
    ("a", "b", "why"),
    [
        ("Zheenbek Kulubayev", "Jeenbek Kulubaev", "family"),
        ("Kassym-Jomart Tokayev", "Kassym-Schomart Tokajew", "family"),
        ("Sirodschiddin Muhriddin", "Sirojiddin Mukhriddin", "family"),
    ],
)
def test_close_variants_score_high_with_reasons(a, b, why):
    score, reasons = name_similarity(a, b)
    assert score >= 0.85
    assert any(why in r for r in reasons)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong Un", "Kim Hong-kyun"),  # the same family name, two people
        ("Ilham Aliyev", "Heydar Aliyev"),  # father and son
        ("Wang Yi", "Wang Wentao"),
        ("Ilham Aliyev", "Mehriban Aliyeva"),
    ],
)
def test_different_people_score_low(a, b):
    score, _ = name_similarity(a, b)
    assert score < 0.8


def test_same_spelling_is_what_a_reader_takes_for_one_name():
    assert same_spelling("J. Kulubaev", "Jeenbek Kulubaev")
    assert same_spelling("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan")
    assert not same_spelling("Zheenbek Kulubaev", "Jeenbek Kulubaev")


# ---------------------------------------------------------------- the resolver (table)


def test_german_spelling_with_agreeing_role_gets_the_table_iri():
    res = resolver().resolve(mention("Sergej Lawrow", "de", ("foreign-minister", "RU")))
    assert res.iri == LAVROV.iri
    (decision,) = res.decisions
    assert decision.outcome == "merged" and decision.score == 1.0
    assert any("foreign-minister of RU agrees" in r for r in decision.reasons)
    assert any("office-holder table" in r for r in decision.reasons)


def test_exact_table_name_is_a_trivial_decision():
    res = resolver().resolve(mention("Sergey Lavrov", "en", ("foreign-minister", "RU")))
    assert res.iri == LAVROV.iri and res.decisions == ()


def test_a_contradicting_country_keeps_a_namesake_apart():
    res = resolver().resolve(mention("Kim Song-nam", "en", ("minister", "KR")))
    assert res.iri == key_iri("Kim Song-nam") + "-kr" != KIM_KP.iri
    (decision,) = res.decisions
    assert decision.outcome == "kept-apart" and decision.candidate_iri == KIM_KP.iri
    assert any("country differs" in r for r in decision.reasons)


def test_someone_the_table_does_not_know_gets_the_name_key():
    res = resolver().resolve(mention("Raschid Meredow", "de"))
    assert res.iri.endswith("/person/raschid-meredov") and res.decisions == ()


# ---------------------------------------------------------------- the corpus pass


def stored(sha, name, lang, *roles):
    return StoredMention(sha, key_iri(name), Mention(name, lang, frozenset(roles), None))


def test_corpus_pass_joins_variants_with_agreeing_role():
    result = cluster_people(
        [
            stored("a" * 64, "Rashid Meredov", "en", ("foreign-minister", "TM")),
            stored("b" * 64, "Raschid Meredow", "de", ("foreign-minister", "TM")),
            stored("c" * 64, "Rashid Meredow", "en"),
        ],
        resolver(),
    )
    iris = {r.iri for r in result.values()}
    assert iris == {key_iri("Rashid Meredov")}
    merged = result[("b" * 64, "Raschid Meredow")]
    assert merged.decisions[0].outcome == "merged"
    assert merged.display("Raschid Meredow", "de") == ("Rashid Meredov", "en")


def test_corpus_pass_never_joins_namesakes_of_two_countries():
    result = cluster_people(
        [
            stored("a" * 64, "Kim Min-ho", "en", ("minister", "KR")),
            stored("b" * 64, "Kim Min-ho", "en", ("minister", "KP")),
            stored("c" * 64, "Kim Min-ho", "de", ("minister", "KR")),
        ],
        resolver(),
    )
    kr = result[("a" * 64, "Kim Min-ho")].iri
    kp = result[("b" * 64, "Kim Min-ho")].iri
    assert kr != kp
    assert result[("c" * 64, "Kim Min-ho")].iri == kr
    assert any(d.outcome == "kept-apart" for d in result[("b" * 64, "Kim Min-ho")].decisions)


def test_corpus_pass_does_not_join_father_and_son():
    result = cluster_people(
        [
            stored("a" * 64, "Ilham Aliyev", "en", ("president", "AZ")),
            stored("b" * 64, "Heydar Aliyev", "en", ("president", "AZ")),
        ],
        resolver(),
    )
    assert len({r.iri for r in result.values()}) == 2


def test_corpus_pass_is_a_function_of_the_set():
    items = [
        stored("a" * 64, "Rashid Meredov", "en", ("foreign-minister", "TM")),
        stored("b" * 64, "Raschid Meredow", "de", ("foreign-minister", "TM")),
        stored("c" * 64, "Sergej Lawrow", "de", ("foreign-minister", "RU")),
    ]
    assert cluster_people(items, resolver()) == cluster_people(list(reversed(items)), resolver())


# ---------------------------------------------------------------- the merge file


def write(tmp_path, data) -> str:
    path = tmp_path / "merges.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def known(*iris):
    return lambda iri: iri in {f"https://w3id.org/dipkg/id/{i}" for i in iris}


def test_pin_puts_a_name_on_another_iri(tmp_path):
    merges = load_merges(
        write(tmp_path, {"pin": [{"from": "Jeenbek Kulubaev", "to": "dipr:person/sergey-lavrov"}]}),
        known=known("person/sergey-lavrov"),
    )
    res = resolver(merges).resolve(mention("Jeenbek Kulubaev"))
    assert res.iri == LAVROV.iri
    assert res.decisions[-1].outcome == "pinned" and "pin #1" in res.decisions[-1].reasons[0]


def test_pins_chain(tmp_path):
    merges = load_merges(
        write(tmp_path, {"pin": [{"from": "Anna A", "to": "Anna B"}, {"from": "Anna B", "to": "Anna C"}]})
    )
    assert resolver(merges).resolve(mention("Anna A")).iri == key_iri("Anna C")


def test_forbid_keeps_a_variant_off_the_table_iri(tmp_path):
    merges = load_merges(
        write(tmp_path, {"forbid": [{"a": "Sergej Lawrow", "b": "dipr:person/sergey-lavrov"}]}),
        known=known("person/sergey-lavrov"),
    )
    res = resolver(merges).resolve(mention("Sergej Lawrow", "de", ("foreign-minister", "RU")))
    assert res.iri != LAVROV.iri
    assert res.decisions[-1].outcome == "forbidden"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"pin": [{"from": "A B", "to": "dipr:person/nobody"}]}, "pin #1: unknown IRI dipr:person/nobody"),
        (
            {"pin": [{"from": "A B", "to": "C D"}, {"from": "C D", "to": "A B"}]},
            "pin #2: pins form a cycle",
        ),
        (
            {"pin": [{"from": "A B", "to": "C D"}], "forbid": [{"a": "A B", "b": "C D"}]},
            "forbid #1: A B and C D are joined by a pin",
        ),
        ({"pin": [{"from": "A B"}]}, "pin #1: expected"),
        ({"pin": [{"from": "A B", "to": "dipr:place/almaty-kz"}]}, "is not a person IRI"),
        ({"merge": []}, "expected an object with 'pin' and/or 'forbid'"),
        ("{not json", "invalid JSON at line 1"),
    ],
)
def test_bad_merge_file_is_one_line_naming_file_and_entry(tmp_path, data, message):
    path = write(tmp_path, data)
    with pytest.raises(InputError) as info:
        load_merges(path, known=known())
    text = str(info.value)
    assert text.startswith(path) and message in text and "\n" not in text


def test_missing_merge_file(tmp_path):
    with pytest.raises(InputError, match="merge file not found"):
        load_merges(tmp_path / "nope.json")
