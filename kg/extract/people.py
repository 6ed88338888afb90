"""People and the offices they hold.

Needs: role, country, country_adj, modifier mentions. Adds: ``found.positions``,
``found.persons`` and ``doc.person_mentions`` (every mention of a known
person, including later surname-only ones, resolved to the full name).

A title and a name are joined whichever way round they are written:

* title first: "Außenminister Chinas, Wang Yi", "Kazakh Foreign Minister Murat Nurtleu",
  "Foreign Minister of Uzbekistan Bakhtiyor Saidov", "der stellvertretende
  Premierminister und Außenminister Kasachstans, Murat Atteneu" (two roles);
* name first: "Zheenbek Kulubaev, Außenminister der Kirgisischen Republik",
  "Hakan Fidan, Turkey's foreign minister".

The country is the genitive, "of"-phrase or adjective next to the title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from kg.extract.document import Document, PersonMention
from kg.extract.text import LIST_ITEM
from kg.model import Position
from kg.reference import OfficeTerm

__all__ = ["find_people"]

# capitals of Latin-1 and Latin Extended-A/B: "Đuro Macut", "Łukasz", "Šefčovič", "Žilinskas"
_UPPER = "A-ZÀ-ÖØ-Þ" + "".join(chr(c) for c in range(0x100, 0x250) if chr(c).isupper())
_TOKEN = rf"[{_UPPER}](?:[\w\-]|['’](?!s\b))*\w"  # a possessive "'s" ends the name: "Lin Jian's briefing"
# "der"/"den" only after "van"/"von": in German they are articles ("Viola Amherd den Startschuss")
_PARTICLE_WORDS = r"al|el|bin|ibn|de|da|di|do|dos|du|[Vv]an der|[Vv]an den|[Vv]on der|van|von|la|le|ter|zu|y"
_PARTICLE = rf"(?:{_PARTICLE_WORDS}|al-[\w]+)"
_ARTICLE_TOKEN = rf"(?:al|el|as|ad|ash|ar|an|at|az)-{_TOKEN}"  # "al-Sisi", "el-Sisi" end a name too
_INITIALS = (  # "S. Jaishankar", "Dr S Jaishankar", "Ma. Theresa Lazaro", "Md. Touhid Hossain"
    rf"(?:[{_UPPER}]\.\s?|(?:Ma|Md|Mohd|Muh)\.\s|(?![AI]\s)[{_UPPER}]\s){{1,2}}\s*(?={_TOKEN})"
)
NAME = re.compile(  # "Ferdinand Marcos Jr." keeps its period
    rf"(?:{_INITIALS})?{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*(?!(?:Jr|Sr)\.)(?:{_TOKEN}|{_ARTICLE_TOKEN})){{0,5}}"
    r"(?:\s+(?:Jr|Sr)\.)?"
)
# "Minister of Foreign Relations of the Federative Republic of Brazil", "Canciller of the Argentine Republic"
_STATE_WORDS = (
    r"(?:(?:Federative|Islamic|People['’]s|Democratic|Socialist|Federal|United|Plurinational|Bolivarian|"
    r"Oriental|Hashemite|Arab)\s+)*(?:Republic|Kingdom|State|Federation|Sultanate|Grand Duchy|Principality)"
)
_COUNTRY_LINK_AFTER = re.compile(
    rf"^\s*(?:(?:of the|of)\s+{_STATE_WORDS}\s+of\s+(?:the\s+)?|of the|of|der|des|von|from)?\s*$"
)
_STATE_AFTER_ADJECTIVE = re.compile(r"\s+(?:Republic|Republik)\b")  # "of the Argentine Republic"
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass
class _Title:
    start: int
    end: int
    roles: list[tuple[str, str]]  # (role concept, title text)
    country: str | None
    organization: str | None
    qualifier: str | None
    confidence: float | None = None  # None: by whether the title has a country or organisation
    candidates: tuple[str, ...] = ()  # "Bundeskanzler": Germany's or Austria's, ``country`` the likelier


def _valid_name_token(token: str, doc: Document) -> bool:
    cues = doc.cues
    if token in cues.NAME_STOPWORDS or token in doc.lexicon.surname_blocklist:
        return False
    lower = token.lower()
    return not (doc.lang == "de" and lower.endswith(cues.NOUN_SUFFIXES))


_END_PARTICLE = re.compile(_PARTICLE_WORDS)  # never a name's end


def _clean_name(raw: str, doc: Document) -> str | None:
    tokens = raw.split()
    while tokens and (not _valid_name_token(tokens[-1], doc) or _END_PARTICLE.fullmatch(tokens[-1])):
        tokens.pop()  # "Badr Abdelatty zu Gesprächen": neither the noun nor the particle before it
    while tokens and not _valid_name_token(tokens[0], doc):
        tokens.pop(0)
    if not tokens or any(not _valid_name_token(t, doc) and t[:1].isupper() for t in tokens):
        return None
    return _POSSESSIVE.sub("", " ".join(tokens))


_TWO_WORD_COURTESY = re.compile(r"(?:Tan Sri|Puan Sri|Toh Puan)[ \t]+")
_COURTESY = re.compile(r"([\w.'’]+)[ \t]+")  # "Sheikh", "H.E.", "Dato'"


def _name_after(
    doc: Document, pos: int, known: dict[str, str], *, surname_ok: bool = False
) -> tuple[str, int, int] | None:
    text = doc.text
    window = text[pos : pos + 80]
    gap = re.match(r"[ \t]*,?[ \t]*", window)
    start = pos + (gap.end() if gap else 0)
    two_words = _TWO_WORD_COURTESY.match(text, start)  # "Tan Sri Muhyiddin Yassin" (Tan is also a surname)
    start = two_words.end() if two_words else start
    courtesy = _COURTESY.match(text, start)
    while courtesy and courtesy.group(1) in doc.cues.HONORIFICS:  # "President His Highness Sheikh Mohamed …"
        start = courtesy.end()
        courtesy = _COURTESY.match(text, start)
    m = NAME.match(text, start)
    if not m:
        return None
    raw = m.group(0)
    inside = [x for x in doc.mentions_in(start, m.end()) if x.kind not in ("city", "demonym")]
    if inside:  # a name never runs into a country, city, title or event word
        raw = text[start : inside[0].start].rstrip(" -")
    name = _clean_name(raw, doc) if raw else None
    if not name:
        return None
    skipped = raw[: raw.find(name)].split() if name in raw else None
    if skipped is None or any(token not in doc.cues.HONORIFICS for token in skipped):
        return None  # only a courtesy title may stand before the name: "Scheich Mohammed …"
    start += raw.find(name)
    end = start + len(name)
    if len(name.split()) == 1 and name not in known:
        full = _full_name_elsewhere(doc, name) if surname_ok else None
        if full is None:
            return None
        known[name] = full  # "US-Präsident Trump" when "Donald Trump" is written elsewhere in the article
    return name, start, end


def _holder_by_surname(doc: Document, title: _Title, known: dict[str, str]) -> tuple[str, int, int] | None:
    """ "Prime Minister Pashinyan and President Trump" with no full name in the article: the surname after a
    title of head of state, head of government or foreign minister is the one holder of the reference
    table with that surname who holds that office (of the title's country, if it names one) on the
    article's day. Nothing without the article's day, nothing when two holders fit."""
    on = _iso_day((doc.article.date or "")[:10])
    if on is None:
        return None
    roles = {_HOLDER_ROLE.get(role, role) for role, _ in title.roles} & {
        "president",
        "prime-minister",
        "foreign-minister",
    }
    gap = re.match(r"[ \t]*", doc.text[title.end : title.end + 5])
    start = title.end + (gap.end() if gap else 0)
    m = NAME.match(doc.text, start)
    if not roles or not m or len(m.group(0).split()) != 1 or m.start() != start:
        return None
    surname = m.group(0)
    if not _valid_name_token(surname, doc) or doc.mentions_in(m.start(), m.end()):
        return None
    folded = _folded_tokens(surname)
    fitting = {
        holder
        for holder in _holders_by_last_name().get(folded[-1] if folded else "", ())
        if any(t.role in roles and t.covers(on) and title.country in (None, t.country) for t in holder.terms)
    }
    if len(fitting) != 1:
        return None
    holder = fitting.pop()
    spellings = [*holder.names.get(doc.lang, ()), holder.name, *holder.all_names()]
    full = next((n for n in spellings if n.split()[-1] == surname), None) or next(
        (n for n in spellings if _folded_tokens(n)[-1:] == folded[-1:]), holder.name
    )
    known[surname] = full
    return surname, m.start(), m.end()


def _full_name_elsewhere(doc: Document, surname: str) -> str | None:
    """The one full name the article writes with this surname ("Donald Trump" for "Trump"), if any."""
    found = {
        f"{m.group(1)} {surname}"
        for m in re.finditer(rf"\b([{_UPPER}](?:[\w'’\-]*\w|\.)?)\s+{re.escape(surname)}\b", doc.text)
        if _valid_name_token(m.group(1), doc) and not doc.mentions_in(m.start(1), m.end(1))
    }
    return found.pop() if len(found) == 1 else None


_TAIL_INITIAL = rf"(?<![\w.])(?:[{_UPPER}]\.|Ma\.|Md\.|Mohd\.|Muh\.)"  # "Ma. Theresa P. Lazaro", not "H.E."
_NAME_TAIL = re.compile(
    rf"(?:{_TOKEN}|{_PARTICLE}|{_TAIL_INITIAL})(?:\s+(?:{_TOKEN}|{_PARTICLE}|{_ARTICLE_TOKEN}|{_TAIL_INITIAL})){{0,7}}"
    rf"(?<=\w)$"
)


_CLAUSE_VERB_BEFORE = re.compile(r"\s+(?:ge[a-zäöüß]+(?:en|t)|empfangen|besucht|getroffen|begrüßt)$")
_COMMA_BEFORE_TITLE = re.compile(
    r",\s*(?P<article>(?:der|die|the|a|an|ein|eine)\s+)?(?P<words>(?:[a-zäöüß][\w-]*\s+){0,3})$"
)


# "When X was sworn in as Thailand's Minister of Foreign Affairs", "X has been appointed as the new ambassador"
_APPOINTED_AS = re.compile(
    r"\s+(?:was|has been|had been|is|will be)\s+(?:formally\s+)?(?:sworn in|appointed|named|elected|confirmed|"
    r"installed)\s+as\s+(?:the\s+)?(?:new\s+)?$"
)


_PARENTHESIS_BEFORE = re.compile(r"\s*\([^()\n]{1,30}\)\s*$")


def _name_before(doc: Document, pos: int, known: dict[str, str], floor: int) -> tuple[str, int, int] | None:
    text = doc.text
    head = text[floor:pos]
    # "Akmal Saidov, the veteran first deputy speaker", "X, die langjährige Außenministerin", "X, früherer …"
    comma = _COMMA_BEFORE_TITLE.search(head) or _APPOINTED_AS.search(head)
    if not comma:
        return None
    if comma.re is _COMMA_BEFORE_TITLE and comma.group("words") and not comma.group("article"):
        words_start = floor + comma.start("words")
        covered = sum(m.end - m.start for m in doc.mentions_in(words_start, pos, "modifier"))
        if covered < len(comma.group("words").rstrip()):
            return None  # only "former"/"früherer" may stand between the comma and a title without an article
    left = floor + comma.start()
    party = _PARENTHESIS_BEFORE.search(text, max(floor, left - 40), left)
    if party:  # "Florian Hahn (CSU), Staatsminister im Auswärtigen Amt": the party is not the name
        left = party.start()
    line = text.rfind("\n", 0, left) + 1  # a name never starts on the line above ("11:30 BST")
    tail = _NAME_TAIL.search(text, max(floor, left - 120, line), left)  # the name that ends at the comma
    if not tail and doc.lang == "de" and comma.re is _COMMA_BEFORE_TITLE and comma.group("article"):
        # "hat mich in Suva Sitiveni Rabuka empfangen, der Premierminister von Fidschi": the verb that ends
        # the clause stands between the name and the comma
        verb = _CLAUSE_VERB_BEFORE.search(text, max(floor, left - 30), left)
        if verb:
            left = verb.start()
            tail = _NAME_TAIL.search(text, max(floor, left - 120, line), left)
    if not tail:
        return None
    raw = tail.group(0)
    tokens = raw.split()
    while tokens and tokens[0][:1].islower():  # a particle never starts the name
        tokens.pop(0)
    # keep the last run of valid tokens: "darunter Zheenbek Kulubaev" -> "Zheenbek Kulubaev"
    kept: list[str] = []
    for token in reversed(tokens):
        if not _valid_name_token(token, doc):
            break
        kept.insert(0, token)
    if not kept:
        return None
    start = left - len(" ".join(kept))
    while len(kept) > 1 and doc.mentions_in(start, start + len(kept[0]), "city", "country"):
        start += len(kept.pop(0)) + 1  # "in Suva Sitiveni Rabuka": the town before the name is not part of it
    name = _POSSESSIVE.sub("", " ".join(kept))
    if len(kept) == 1 and name not in known and not _one_name_in_table(name):
        return None  # one word is a name only when the article or the office-holder table says so ("H.E. Sugiono")
    return name, start, left


def _one_name_in_table(name: str) -> bool:
    from kg import reference

    return reference.holder_by_name(name) is not None


_ABBREVIATED = re.compile(
    r"[A-Z]{2,4}"
)  # a title written as its initials ("EAM", "MoS" aside) stands for a person


_OF_A_NON_STATE_BODY = re.compile(
    r"\s+(?:of|at|der|des|an der|am)\s+(?:the\s+)?(?:[A-ZÄÖÜ][\w'&.-]*\s+){0,5}?"
    r"(?:University|College|Institute|Academy|School|Club|Bank|Group|Company|Corporation|Foundation|"
    r"Universität|Hochschule|Akademie|Schule|Vereins?|Klubs?|Stiftung|Konzerns?)\b"
)


def _titles(doc: Document) -> list[_Title]:
    """Role mentions grouped ("Premierminister und Außenminister"), with country and qualifier."""
    text = doc.text
    roles = [m for m in doc.mentions if m.kind == "role"]
    titles: list[_Title] = []
    mention_counts: dict[str, int] = {}
    i = 0
    while i < len(roles):
        group = [roles[i]]
        while (
            i + 1 < len(roles)
            and doc.cues.CONJUNCTION.match(text[group[-1].end : roles[i + 1].start])
            and not _ABBREVIATED.fullmatch(group[0].text)  # "EAM and Foreign Minister Gedion": two people
        ):
            group.append(roles[i + 1])
            i += 1
        i += 1
        start, end = group[0].start, group[-1].end
        if _OF_A_NON_STATE_BODY.match(text, end):
            continue  # "chancellor of Southern Cross University", "Kanzler der Universität": no state office
        country, organization = None, None
        before = [m for m in doc.mentions_in(max(0, start - 40), start, "country", "country_adj", "modifier")]
        owner = doc.mentions_in(max(0, start - 40), start, "format")
        if owner and re.fullmatch(
            r"\s*|-", text[owner[-1].end : start]
        ):  # "CICA Secretary General", "UN-Generalsekretär"
            organization = _organization_name(str(owner[-1].value))  # "CICA Secretary General Kairat Sarybay"
        qualifier = None
        for m in reversed(before):
            gap = text[m.end : start]
            if m.kind == "modifier" and re.fullmatch(r"[\s\w-]{0,30}", gap) and len(gap.split()) <= 2:
                qualifier = str(m.value)
            elif (
                m.kind in ("country", "country_adj")
                and country is None
                and "\n" not in gap  # a headline's country is not the title's on the next line
                and (
                    re.fullmatch(r"(?:\s*-\s*|\s+(?:\w+\s+){0,1})", gap or " ")
                    and not _LINK_WORD.search(gap)  # "President Aliyev of Azerbaijan and President Trump"
                    or _SUSPENDED_COMPOUND.fullmatch(gap)  # "Vietnams Vize-Industrie- und Handelsminister"
                )
            ) and (
                m.kind == "country_adj"
                or m.text.endswith(("s", "'s", "’s"))
                or doc.lang == "en"
                or gap == "-"
            ):  # "kasachische Außenminister", "Kasachstans Außenminister", "US-Außenminister"
                country = str(m.value)
                start = m.start
                if organization and owner[-1].start == m.start:  # "EU-Außenbeauftragte": the union's office
                    country = None
        ministers = all(g.value[0] == "minister" for g in group)
        portfolio = _PORTFOLIO_MORE.match(text, end) if ministers else None
        if all(g.value[0] == "foreign-minister" for g in group):  # "… and International Cooperation"
            portfolio = _FOREIGN_PORTFOLIO_MORE.match(text, end)
        if ministers and portfolio is None and doc.lang == "de":
            portfolio = _PORTFOLIO_DE.match(text, end)
        if portfolio:  # "Minister for Trade and Industry, Gan Kim Yong"
            end = portfolio.end()
            abroad = [
                m
                for m in doc.mentions_in(portfolio.start(), end, "country_adj")
                if text.startswith(" Abroad", m.end)
            ]
            if country is None and abroad:  # "… and Senegalese Abroad": the minister of the Senegalese
                country = str(abroad[0].value)
        designate = re.match(r"-?\s?(?:designate|elect)\b", text[end : end + 12], re.IGNORECASE)
        if designate:  # "Foreign Minister-designate of Japan"
            qualifier, end = "designate", end + designate.end()
        # "der Parlamentarische Staatssekretär im Bundeswirtschaftsministerium, Stefan Rouenhoff"
        ministry = _MINISTRY_AFTER.match(text, end)
        if ministry:
            end = ministry.end()
            if country is None and ministry.group("federal"):
                country = _most_mentioned(doc, ("DE", "AT"), mention_counts)  # a federal ministry
        if country is not None and all(g.value[0] == "ambassador" for g in group):
            end = _host_after(doc, end)  # "Kazakhstan's Ambassador to the United Kingdom, Magzhan Ilyassov"
        after = doc.mentions_in(end, min(len(text), end + 80), "country", "country_adj", "format")
        if after and after[0].kind == "country_adj":  # "the Canciller of the Argentine Republic, Gerardo …"
            state = _STATE_AFTER_ADJECTIVE.match(text, after[0].end)
            gap = text[end : after[0].start]
            if state and country is None and re.fullmatch(r"\s+of\s+the\s+", gap):
                country, end = str(after[0].value), state.end()
            after = []
        if after:
            m = after[0]
            gap = text[end : m.start]
            if _COUNTRY_LINK_AFTER.match(gap):
                if m.kind == "country" and country is None:
                    country = str(m.value)
                    end = m.end
                    host = re.match(r"\s+(?:to|in|at|bei|in der|in den|im)\s+", text[end : end + 12])
                    hosts = doc.mentions_in(end, end + 60, "country") if host else []
                    if hosts and hosts[0].start == end + host.end():  # "Ambassador of Uzbekistan to France"
                        end = hosts[0].end
                elif m.kind == "format" and all(g.value[0] == "secretary-general" for g in group):
                    organization = _organization_name(str(m.value))
                    end = m.end
        if country is None:
            country = _counterpart_country(doc, start)  # "seinem litauischen Kollegen, Vizeaußenminister X"
        if country is None:
            country = _represented_country(doc, start)
        if country is None:
            country = _side_heading_country(doc, start)
        if country is None:
            country = _delegation_list_country(doc, start)
        if country is None and organization is None:
            offices = {g.value[3] for g in group if len(g.value) > 3 and g.value[3]}  # type: ignore[arg-type]
            if len(offices) == 1:  # "the Chairperson of the AU Commission"
                organization = _organization_name(str(offices.pop()))
        if country is None and organization is None:
            country = _place_before(doc, start)
        if country is None and organization is None:
            country = _side_before(doc, start)  # "co-chaired on the Kazakh side by Deputy Prime Minister …"
        candidates: tuple[str, ...] = ()
        if country is None:
            implied = {g.value[2] for g in group if len(g.value) > 2 and g.value[2]}  # type: ignore[arg-type]
            country = implied.pop() if len(implied) == 1 else None
            if isinstance(country, tuple):  # "Bundeskanzler": Germany's or Austria's
                candidates = country
                country = _most_mentioned(doc, country, mention_counts)
        # the title as the article writes it ("Chancellor" of Colombia is its foreign minister)
        written = [(_as_the_country_uses_it(str(g.value[0]), g.text, country), g.text) for g in group]
        titles.append(_Title(start, end, written, country, organization, qualifier, candidates=candidates))
    return titles


@lru_cache(maxsize=1)
def _chancellor_countries() -> frozenset[str]:
    from kg import reference

    return frozenset(reference.role_lexicon().get("chancellor_is_foreign_minister", {}).get("countries", ()))


_CHANCELLOR_WORD = re.compile(r"(?i)(?P<vice>vice[- ]?|vize|deputy\s+)?(?:chancellor|kanzler|canciller)\w*")


def _as_the_country_uses_it(role: str, text: str, country: str | None) -> str:
    """A chancellor of a Spanish-speaking American state (canciller) is its foreign minister, a vice
    chancellor its deputy ("Colombian Chancellor Rosa Villavicencio", "der argentinische Kanzler")."""
    if country is None or country not in _chancellor_countries():
        return role
    word = _CHANCELLOR_WORD.fullmatch(text.strip())
    if word is None:
        return role
    return "deputy-foreign-minister" if word.group("vice") else "foreign-minister"


_SIDE_BEFORE = re.compile(
    r"\b(?:on the (?P<en>[A-Z][\w-]+) side(?:\s+by)?|(?:auf|von) (?P<de>[a-zäöü][\w-]*er) Seite(?:\s+(?:von|durch))?)"
    r"\s+(?:the\s+|dem\s+|der\s+)?$"
)


def _side_before(doc: Document, start: int) -> str | None:
    """The state of the side a title is told for: "on the Kazakh side by Deputy Prime Minister X", "auf
    ungarischer Seite von Außenminister Y"."""
    side = _SIDE_BEFORE.search(doc.text, max(0, start - 50), start)
    if side is None:
        return None
    word_start = side.start("en") if side.group("en") else side.start("de")
    adjective = doc.mentions_in(word_start, word_start + 40, "country_adj")
    return str(adjective[0].value) if adjective and adjective[0].start == word_start else None


_SUSPENDED_COMPOUND = re.compile(r"\s+[\w-]+-\s+(?:und|and)\s+")
_MINISTRY_AFTER = re.compile(
    r"\s+(?:im|in der|beim)\s+(?P<federal>Bundes)?[\w-]*(?:ministerium|Ministerium|Kanzleramt)\b(?=\s*,)"
)
_HOST_LINK = re.compile(r"\s+(?:to|in|at|bei|in der|in den|im)\s+(?:the\s+)?")


def _host_after(doc: Document, end: int) -> int:
    """The end of an ambassador's host country or city right after the title ("… to France"), else ``end``."""
    link = _HOST_LINK.match(doc.text, end)
    if link is None:
        return end
    hosts = doc.mentions_in(link.end(), link.end() + 60, "country", "capital", "city")
    return hosts[0].end if hosts and hosts[0].start == link.end() else end


_PORTFOLIO_MORE = re.compile(r"(?:,?\s+(?:and|und|&)\s+[A-ZÄÖÜ][\w-]+)+(?=\s*,)")
_FOREIGN_PORTFOLIO_MORE = re.compile(
    r"(?:(?:,?\s+(?:and|und|&)|,)\s+(?:International|Regional|African|European|Overseas|Foreign|Diaspora|Worship|"
    r"Trade|Cooperation|Co-operation|Integration|Francophonie|Expatriates|Commonwealth|Internationale|"
    r"[A-Z][a-zé]+(?=\s+Abroad\b)|"  # "…, African Integration and Senegalese Abroad"
    r"(?:afrikanische|regionale|europäische|internationale|afrikanischer|regionaler)(?=\s+(?:Integration|Zusammenarbeit)))"
    r"(?:\s+(?:Cooperation|Co-operation|Integration|Affairs|Trade|Relations|Zusammenarbeit|Nigerians|Ghanaians|"
    r"Abroad))*)+"
    r"(?=\s*,|\s+[A-ZÄÖÜ])"
)
_PORTFOLIO_WORDS = (
    "Wirtschaft|Energie|Forschung|Technologie|Raumfahrt|Handel|Industrie|Verteidigung|Finanzen|Justiz|Inneres|"
    "Heimat|Arbeit|Soziales|Gesundheit|Bildung|Umwelt|Naturschutz|Verkehr|Landwirtschaft|Ernährung|Entwicklung|"
    "wirtschaftliche Zusammenarbeit|Zusammenarbeit|Digitales|Staatsmodernisierung|Kultur|Medien|Familie|Senioren|"
    "Frauen|Jugend|Bauen|Wohnen|Stadtentwicklung|Klimaschutz|Tourismus|Außenhandel|Europa|Integration|Sport"
)
# "Bundesministerin für Wirtschaft und Energie Katherina Reiche", "Minister für Handel und Industrie Piyush Goyal"
_PORTFOLIO_DE = re.compile(
    rf"\s+(?:für|der|des)\s+(?:{_PORTFOLIO_WORDS})(?:(?:\s*,\s*|\s+und\s+|\s+sowie\s+)(?:{_PORTFOLIO_WORDS}))*(?=\s)"
)
_LINK_WORD = re.compile(
    r"\b(?:and|or|with|to|of|by|at|in|on|from|for|und|oder|mit|zu|von|bei|für|met|traf|said|sagte)\b", re.I
)


def _most_mentioned(doc: Document, candidates: tuple[str, ...], counts: dict[str, int]) -> str:
    """The candidate country the article names most often (by name, adjective, capital or city); ties: the first.

    ``counts`` is filled on the first call and reused for the article's other titles.
    """
    if not counts:
        counts["_"] = 0
        for m in doc.mentions:
            if m.kind in ("country", "country_adj", "capital"):
                counts[str(m.value)] = counts.get(str(m.value), 0) + 1
            elif m.kind == "city":
                city = m.value[0]  # type: ignore[index]
                counts[city.country] = counts.get(city.country, 0) + 1
    return max(candidates, key=lambda c: (counts.get(c, 0), -candidates.index(c)))


def _organization_name(format_id: str) -> str:
    """The English name of an organisation of the format lexicon ("sco" -> "Shanghai Cooperation Organisation")."""
    from kg import reference

    fmt = reference.formats().get(format_id)
    return fmt.label_en if fmt else format_id


_COUNTERPART_BEFORE_TITLE = re.compile(
    r"\s+(?:counterpart|colleague|Kollegen|Kollegin|Amtskollegen|Amtskollegin)\s*,\s*$"
)


def _counterpart_country(doc: Document, title_start: int) -> str | None:
    """ "my Lithuanian counterpart, Deputy Foreign Minister X", "meinem aserbaidschanischen Amtskollegen,
    Vizeaußenminister X": the country of the adjective before the counterpart word."""
    adjectives = doc.mentions_in(max(0, title_start - 60), title_start, "country_adj")
    if adjectives and _COUNTERPART_BEFORE_TITLE.fullmatch(doc.text, adjectives[-1].end, title_start):
        return str(adjectives[-1].value)
    return None


def _represented_country(doc: Document, title_start: int) -> str | None:
    """ "Tadschikistan wurde von Außenminister X vertreten", "Kyrgyzstan by Foreign Minister X", "Uzbekistan sent its …",
    "the Ukrainian team led by Defence Minister X", "die russische Delegation unter Leitung von Vizeaußenminister X"."""
    text = doc.text
    floor = max(0, title_start - 60)
    for m in reversed(doc.mentions_in(floor, title_start, "country", "country_adj")):
        gap = text[m.end : title_start]
        if m.kind == "country" and doc.cues.REPRESENTED_BY.fullmatch(gap):
            return str(m.value)
        if m.kind == "country_adj" and doc.cues.DELEGATION_LED_BY.fullmatch(gap):
            return str(m.value)
        break
    return None


def _delegation_list_country(doc: Document, title_start: int) -> str | None:
    """ "The Russian delegation included Minister of Foreign Affairs X, Deputy Prime Minister Y …", "Die
    laotische Seite war vertreten durch …": the delegation's country, for every title of the list that
    follows in the sentence."""
    sentence = doc.sentence_at(title_start)
    if sentence is None:
        return None
    heads = [
        m
        for m in doc.mentions_in(sentence.start, title_start, "country_adj")
        if doc.cues.DELEGATION_INCLUDED.match(doc.text, m.end)
    ]
    if not heads:
        return None
    listed_from = doc.cues.DELEGATION_INCLUDED.match(doc.text, heads[-1].end).end()  # type: ignore[union-attr]
    return str(heads[-1].value) if _list_like(doc, listed_from, title_start) else None


_SIDE_HEADING = re.compile(
    r"^\s*(?:auf|on the|for the)\s+(?P<adj>\S+)\s+(?:Seite|side)\s*:?\s*$", re.IGNORECASE
)


def _side_heading_country(doc: Document, title_start: int) -> str | None:
    """A list of delegation members under "auf indischer Seite" / "on the Indian side": the heading's
    country, for the items up to the next line that is not an item."""
    text = doc.text
    line_start = text.rfind("\n", 0, title_start) + 1
    if not LIST_ITEM.match(text[line_start:title_start]):
        return None
    cursor = line_start
    for _ in range(30):  # walk up over the list's items to its heading
        if cursor == 0:
            return None
        previous_start = text.rfind("\n", 0, cursor - 1) + 1
        line = text[previous_start : cursor - 1]
        if LIST_ITEM.match(line) or not line.strip():
            cursor = previous_start
            continue
        heading = _SIDE_HEADING.match(line)
        if heading is None:
            return None
        adjectives = doc.mentions_in(previous_start, cursor - 1, "country_adj")
        return str(adjectives[0].value) if adjectives else None
    return None


def _place_before(doc: Document, title_start: int) -> str | None:
    """ "Busan Mayor Park Heong-joon", "Istanbuls Bürgermeister X": the country of the city written right before."""
    cities = doc.mentions_in(max(0, title_start - 40), title_start, "city")
    if not cities or not re.fullmatch(r"(?:['’]?s)?[ \t]*|-", doc.text[cities[-1].end : title_start]):
        return None
    return cities[-1].value[0].country  # type: ignore[index]


def _sentence_floor(doc: Document, pos: int) -> int:
    sentence = doc.sentence_at(pos)
    return sentence.start if sentence else max(0, pos - 200)


def find_people(doc: Document) -> None:
    known: dict[str, str] = {}  # full name -> itself (single-token keys for surnames added later)
    linked: list[tuple[_Title, str, int, int]] = []
    claimed: set[int] = set()  # where names already taken by the title before them start
    titles = _titles(doc)
    for title in titles:
        hit = _name_after(doc, title.end, known, surname_ok=title.country is not None)
        if hit is None:
            hit = _holder_by_surname(doc, title, known)
        if hit is None:
            hit = _name_before(doc, title.start, known, _sentence_floor(doc, title.start))
            if hit is not None and hit[1] in claimed:
                continue  # "Singapore's Foreign Minister V. B., Indonesian Foreign Minister …": not V. B.'s title
        if hit is None:
            continue
        name, start, end = hit
        claimed.add(start)
        if len(name.split()) < 2:
            name = known.get(name, name)
        written, name = name, _in_usual_case(name)
        if (
            written != name
        ):  # "Mr. IWAYA Takeshi", "H.E. Mr. Ararat MIRZOYAN": the text's spelling stays a key
            known[written] = name
        if title.candidates:  # "Bundeskanzler Friedrich Merz" in an article that names Austria more often
            title.country = _office_country(doc, name, title) or title.country
        if title.country is None and title.organization is None and end > title.end:
            title.country = _country_after_name(doc, end)  # "President Ilham Aliyev of Azerbaijan"
        if title.country is None and title.organization is None:
            title.country = _country_heading(doc, start)  # "– Norway: Andreas Kravik, State Secretary;"
        known[name] = name
        linked.append((title, name, start, end))

    for title, name, start, end in [
        *_list_items(doc, known),
        *_table_holders(doc, known),
        *_respective_items(doc, known),
    ]:
        known[name] = name
        linked.append((title, name, start, end))
    for name in _relatives(doc):  # a person, but no office: no position
        known.setdefault(name, name)

    # surnames (and first tokens of East-Asian names) that point to exactly one person
    short: dict[str, set[str]] = {}
    for name in known:
        tokens = name.split()
        if len(tokens) > 1:  # of the name the text writes, the person it names ("IWAYA" of Takeshi Iwaya)
            short.setdefault(tokens[-1], set()).add(known[name])
            short.setdefault(tokens[0], set()).add(known[name])
        if len(tokens) > 2 and all(t[:1].isupper() for t in tokens[-2:]):  # "Ramírez Lezcano": two surnames
            short.setdefault(" ".join(tokens[-2:]), set()).add(known[name])
    shared = _shared_surnames(doc) if short else frozenset()
    for key, names in short.items():
        if len(names) == 1 and key not in known and key not in shared and _valid_name_token(key, doc):
            known[key] = next(iter(names))

    _collect_mentions(doc, known)
    _make_positions(doc, linked)
    counterparts = _named_counterparts(doc, known)
    if counterparts:
        for _, name, _, _ in counterparts:
            known.setdefault(name, name)
            for token in (name.split()[-1], name.split()[0]):  # "Gedion Timothewos" is also "Gedion"
                if token not in known and token != name and _valid_name_token(token, doc):
                    known[token] = name
        _collect_mentions(doc, known)
        _make_positions(doc, counterparts)
    _drop_generic_titles(doc)
    _complete_countries(doc)
    _countries_of_office_holders(doc)
    _complete_countries(
        doc
    )  # the holder's other titles: "Deputy Prime Minister and Minister of Foreign Affairs"
    _resolve_counterparts(doc)
    _resolve_definite_titles(doc)
    _country_of_the_office_told_before(doc, titles, {start for _, _, start, _ in linked})
    _the_publishers_own(doc)
    _drop_unplaced(doc)


_MINISTRY_ROLES = frozenset({"foreign-minister", "deputy-foreign-minister"})


def _the_publishers_own(doc: Document) -> None:
    """ "Minister of Foreign Affairs Oana Țoiu today chaired …" in a release of Romania's foreign ministry:
    the ministry's own minister (or deputy), titled without a country, is the publisher's (confidence 0.7),
    unless the release names another holder of that office for it."""
    if doc.publisher is None:
        return
    for position in doc.found.positions:
        if position.country or position.organization or position.role not in _MINISTRY_ROLES:
            continue
        if any(p.role == position.role and p.country == doc.publisher for p in doc.found.positions):
            continue
        for same in (p for p in doc.found.positions if p.person == position.person and not p.country):
            same.country, same.confidence = doc.publisher, 0.7
        doc.person_country.setdefault(position.person, doc.publisher)


def _country_of_the_office_told_before(doc: Document, titles: list[_Title], named_at: set[int]) -> None:
    """ "Luxemburgs Chefdiplomat kehrt … zurück" in the lead, then "Vizepremier und Außenminister Xavier
    Bettel": the first holder of that office the article names after telling of it without a name, and
    gives no country to, holds it for that country (a guess: confidence 0.7)."""
    placeless = [p for p in doc.found.positions if not (p.country or p.organization) and p.evidence]
    if not placeless:
        return
    unnamed = [  # a title of one country whose holder the text does not name right there
        t
        for t in titles
        if t.country and not any(t.end <= at <= t.end + 2 for at in named_at) and not doc.in_quote(t.start)
    ]
    for title in unnamed:
        roles = {role for role, _ in title.roles} - {"other"}  # ("a spokesperson" could be anyone's)
        if any(p.role in roles and p.country == title.country for p in doc.found.positions):
            continue  # "India's External Affairs Minister" is the one the article names as such
        named = [
            p
            for p in doc.found.positions
            if p.role in roles and p.evidence and p.evidence[0].char_start >= title.end
        ]
        first = min(named, key=lambda p: p.evidence[0].char_start, default=None)
        if first is not None and first in placeless:
            for position in (p for p in placeless if p.person == first.person):
                position.country, position.confidence = title.country, 0.7
            doc.person_country.setdefault(first.person, title.country)


def _drop_unplaced(doc: Document) -> None:
    """A title the article ties to no country and no organisation ("Präsident X" in an undated article,
    "spokesman X") is kept as a known person (meetings still count him) but yields no position: measured on
    the development set, none of those positions had the country the office belongs to."""
    doc.unplaced[:] = [p for p in doc.found.positions if not (p.country or p.organization)]
    doc.found.positions[:] = [p for p in doc.found.positions if p.country or p.organization]


def _collect_mentions(doc: Document, known: dict[str, str]) -> None:
    if not known:
        return
    forms = sorted(known, key=len, reverse=True)
    # "Lavrov's"; in German also the genitive "Sugionos", "Wadephuls" ("ein Zusammentreffen Sugionos mit …")
    # (before a lower-case word only: "Wadephuls Vorgängerin" was read as the name going on)
    genitive = r"(?:['’]s|s(?=\s+[a-zäöüß]))?" if doc.lang == "de" else r"(?:['’]s)?"
    pattern = re.compile(
        r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")" + genitive + r"(?![\w])(?!['’]\w)"
    )
    mentions = []
    for m in pattern.finditer(doc.text):
        surface = _POSSESSIVE.sub("", m.group(0))
        if surface not in known and surface.endswith("s") and surface[:-1] in known:
            surface = surface[:-1]
        mentions.append(PersonMention(m.start(), m.start() + len(surface), known[surface]))
    doc.person_mentions = mentions
    for name in {known[f] for f in forms}:
        doc.found.persons.setdefault(name, [])


_NAME_OF = re.compile(r"([\w'’\-]+(?:\s+[\w'’\-]+){0,5})\s+(?:of|für|for)\s+(?:the\s+|die\s+)?$")
_LIST_WORDS = frozenset("and of the und der des sowie von für for die".split())
_WORDS = re.compile(r"[^\W\d_]+")


_EMPTIED_BRACKETS = re.compile(r"\(\s*\)")


def _list_like(doc: Document, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` only continues a list: names, titles, countries, commas, "and", "of"."""
    text = doc.text
    cursor, parts = start, []
    for m in doc.mentions_in(start, end):
        parts.append(text[cursor : m.start])
        cursor = max(cursor, m.end)
    parts.append(text[cursor:end])
    gap = _EMPTIED_BRACKETS.sub(
        " ", " ".join(parts)
    )  # "Genscher (Deutschland), Dumas …": a country in brackets
    if re.search(r"[.;!?()]", gap):
        return False
    return all(w[0].isupper() or w in _LIST_WORDS for w in _WORDS.findall(gap))


def _list_items(doc: Document, known: dict[str, str]) -> list[tuple[_Title, str, int, int]]:
    """Members of a list whose title stands once: "represented by their presidents: Kassym-Jomart Tokayev of
    Kazakhstan, Sadyr Japarov of Kyrgyzstan …", "Indonesian Foreign Minister Sugiono, Thailand's Maris Sangiampongsa".

    An item is "NAME of COUNTRY" or "COUNTRY's NAME"; it takes the title that stands before it in the same
    sentence when only list items lie between them.
    """
    text = doc.text
    names = set(known.values())
    out: list[tuple[_Title, str, int, int]] = []
    for sentence in doc.sentences:
        roles = [
            r for r in doc.mentions_in(sentence.start, sentence.end, "role") if not doc.in_quote(r.start)
        ]
        if not roles:
            continue
        items: list[tuple[int, int, int, str, str]] = []  # item start, name start, end, name, country
        for country in doc.mentions_in(sentence.start, sentence.end, "country"):
            if doc.lang == "en" and country.text.endswith(("'s", "’s")):  # "Thailand's Maris Sangiampongsa"
                m = NAME.match(text, country.end + 1)
                if m and not doc.mentions_in(m.start(), m.end()):
                    name = _clean_name(m.group(0), doc)
                    if name and m.group(0).startswith(name):
                        items.append(
                            (country.start, m.start(), m.start() + len(name), name, str(country.value))
                        )
            tail = text[max(sentence.start, country.start - 10) : country.start]
            link = (
                _NAME_OF.search(text, max(sentence.start, country.start - 90), country.start)
                if tail.endswith((" of ", " of the ", " für ", " für die ", " for ", " for the "))
                else None
            )
            if text[country.start - 1 : country.start] == "(" and text[country.end : country.end + 1] == ")":
                # "die Außenminister Hans-Dietrich Genscher (Deutschland), Roland Dumas (Frankreich) und …"
                segment_start = max(sentence.start, country.start - 80)
                raw = text[segment_start : country.start - 1].rstrip()
                head = list(NAME.finditer(raw))
                name = _clean_name(head[-1].group(0), doc) if head and head[-1].end() == len(raw) else None
                if name and raw.endswith(name) and len(name.split()) >= 2:
                    name_start = segment_start + len(raw) - len(name)
                    items.append((name_start, name_start, country.end + 1, name, str(country.value)))
            if link:  # "Kassym-Jomart Tokayev of Kazakhstan"
                raw = link.group(1)
                head = [m for m in NAME.finditer(raw)]
                name = _clean_name(head[-1].group(0), doc) if head and head[-1].end() == len(raw) else None
                if name and raw.endswith(name) and len(name.split()) >= 2:
                    name_start = link.start(1) + len(raw) - len(name)
                    items.append((name_start, name_start, country.end, name, str(country.value)))
        for item_start, name_start, end, name, country in sorted(items):
            if name in names or doc.mentions_in(name_start, name_start + len(name)):
                continue
            before = [r for r in roles if r.end <= item_start]
            list_from = before[-1].end if before else item_start
            colon = text.find(":", list_from, item_start)  # "von vier neuen Botschaftern entgegen: X für …"
            if 0 <= colon - list_from <= 40:
                list_from = colon + 1
            if not before or not _list_like(doc, list_from, item_start):
                continue
            role = before[-1]
            if role.value[0] not in _DIPLOMATIC_ROLES:  # type: ignore[index]
                continue
            title = _Title(item_start, end, [(str(role.value[0]), role.text)], country, None, None)  # type: ignore[index]
            out.append((title, name, name_start, name_start + len(name)))
            names.add(name)
    return out


_FIRST_COUNTRY = re.compile(r"\s*(?:of the|of|der|des)?\s*")
_NEXT_ITEM = re.compile(r"\s*(?:,|and|und|sowie|&)\s*(?:the\s+)?|\s*,\s*(?:and|und)\s+(?:the\s+)?")
_FIRST_NAME_GAP = re.compile(r"\s*,\s*")


def _respective_items(doc: Document, known: dict[str, str]) -> list[tuple[_Title, str, int, int]]:
    """One title over two lists, in the same order: "die Aussenminister Ägyptens, Äthiopiens und Sudans, Badr
    Abdelatty, Gedion Timothewos und Mohieldin Salem", "the foreign ministers of Brazil and India, Mauro
    Vieira and Subrahmanyam Jaishankar". Nothing unless there are as many names as countries."""
    text = doc.text
    out: list[tuple[_Title, str, int, int]] = []
    for role in doc.mentions:
        if role.kind != "role" or role.value[0] not in _DIPLOMATIC_ROLES or doc.in_quote(role.start):  # type: ignore[index]
            continue
        sentence = doc.sentence_at(role.start)
        if sentence is None:
            continue
        countries, cursor = [], role.end
        for m in doc.mentions_in(role.end, sentence.end):
            gap = _FIRST_COUNTRY if not countries else _NEXT_ITEM
            if m.kind != "country" or not gap.fullmatch(text, cursor, m.start):
                break
            countries.append(str(m.value))
            cursor = m.end
        if len(countries) < 2:
            continue
        names: list[tuple[str, int, int]] = []
        for i in range(len(countries)):
            gap = (_FIRST_NAME_GAP if i == 0 else _NEXT_ITEM).match(text, cursor, sentence.end)
            m = NAME.match(text, gap.end()) if gap else None
            if m is None:
                break
            raw = m.group(0)
            inside = [x for x in doc.mentions_in(m.start(), m.end()) if x.kind not in ("city", "demonym")]
            if inside:  # "Mohieldin Salem" is a name, though Salem is a city too
                raw = text[m.start() : inside[0].start].rstrip(" -")
            for joiner in (" und ", " and ", " sowie "):  # "Gedion Timothewos und Mohieldin Salem"
                raw = raw.split(joiner)[0]
            name = _clean_name(raw, doc) if raw else None
            if not name or not raw.startswith(name) or (len(name.split()) < 2 and name not in known):
                break
            names.append((name, m.start(), m.start() + len(name)))
            cursor = m.start() + len(name)
        more = _NEXT_ITEM.match(text, cursor, sentence.end)
        if len(names) != len(countries) or (more and NAME.match(text, more.end())):
            continue  # "…, Mauro Vieira, Lena Hartmann and …": more names than countries
        for country, (name, start, end) in zip(countries, names, strict=True):
            title = _Title(role.start, role.end, [(str(role.value[0]), role.text)], country, None, None)  # type: ignore[index]
            out.append((title, name, start, end))
    return out


_KIN = (
    r"(?:father|mother|son|daughter|brother|sister|wife|husband|widow|Vater|Mutter|Sohn|Tochter|Bruder|"
    r"Schwester|Ehefrau|Ehemann|Witwe)"
)
_KIN_ANY = re.compile(rf"\b{_KIN}\b")
_KIN_BEFORE = re.compile(rf"\b(?i:his|her|their|sein|seine|ihr|ihre)\s+(?:\w+\s+)?{_KIN}[ \t]$")
_KIN_AFTER = re.compile(
    rf"^,[ \t]+(?i:the|his|her|der|die|sein|seine|ihr|ihre)\s+(?:[\w-]+\s+){{0,2}}{_KIN}$"
)


def _relatives(doc: Document) -> list[str]:
    """ "Sein Vater Heydar Alijew", "Kim Yo Jong, die einflussreiche Schwester des Machthabers": a full name
    told as someone's relative is a person of its own (and keeps a shared surname from naming the other).
    Only the name runs next to a kinship word are read."""
    out: list[str] = []
    text = doc.text
    for kin in _KIN_ANY.finditer(text):
        after = NAME.match(text, kin.end() + 1) if text[kin.end() : kin.end() + 1] in (" ", "\t") else None
        if after and _KIN_BEFORE.search(text, max(0, kin.start() - 30), kin.end() + 1):
            _add_relative(doc, after.start(), after.end(), out)  # "Sein Vater Heydar Alijew"
        floor = max(0, kin.start() - 120)
        comma = text.rfind(",", floor, kin.start())
        if comma < 0 or not _KIN_AFTER.match(text[comma : kin.end()]):
            continue
        before = None
        for run in NAME.finditer(text, max(floor, comma - 60), comma):
            before = run
        if before is not None and before.end() == comma:  # "Kim Yo Jong, die einflussreiche Schwester"
            _add_relative(doc, before.start(), before.end(), out)
    return out


def _add_relative(doc: Document, start: int, end: int, out: list[str]) -> None:
    name = _clean_name(doc.text[start:end], doc)
    if not name or len(name.split()) < 2 or name in out:
        return
    at = doc.text.find(name, start, end)
    if at >= 0 and not doc.mentions_in(at, at + len(name), "role", "country", "country_adj", "city"):
        out.append(name)


def _shared_surnames(doc: Document) -> frozenset[str]:
    """Last words the article writes after two different first names ("Ilham Alijew", "Heydar Alijew"):
    alone ("Alijew") they name no one for sure."""
    first_names: dict[str, set[str]] = {}  # last word -> the words before it, over every written full name
    for run in NAME.finditer(doc.text):
        tokens = run.group(0).split()
        opens = doc.sentence_at(run.start())
        for k in range(1, len(tokens)):
            first = tokens[k - 1]
            if (
                not _valid_name_token(first, doc)
                or first in doc.cues.HONORIFICS
                or first.isupper()  # "BST Putin"
                or _COUNTERPART.fullmatch(" " + first)  # "Kollegen Mirsojan"
                or (k == 1 and opens is not None and opens.start == run.start())  # "Whether Tokayev …"
            ):
                continue
            first_names.setdefault(tokens[k], set()).add(first)
    return frozenset(last for last, firsts in first_names.items() if len(firsts) > 1)


def _table_holders(doc: Document, known: dict[str, str]) -> list[tuple[_Title, str, int, int]]:
    """Heads of state, heads of government and foreign ministers the article names without a title ("Xi Jinping,
    Kassym-Jomart Tokayev of Kazakhstan … put their names to", "Gastgeber Wladimir Putin"): a full name (two
    words or more) that is exactly one spelling of the reference table of office holders, with the offices
    his terms give him on the article's day (none without a date). One pass over the capitalised
    word runs of the text, one dictionary look-up per run and sub-run."""
    from kg import reference

    day = (doc.article.date or "")[:10]
    on = _iso_day(day)
    if on is None:
        return []  # without the article's day the table cannot say who holds an office
    taken = {id(h) for h in map(_holder, set(known.values())) if h is not None}
    written = " | ".join(known.values())
    out: list[tuple[_Title, str, int, int]] = []
    for run in NAME.finditer(doc.text):
        words = list(re.finditer(r"\S+", run.group(0)))
        if len(words) < 2:
            continue
        i = 0
        while i < len(words) - 1:
            for j in range(min(len(words), i + 6), i + 1, -1):  # the longest sub-run first
                last = _POSSESSIVE.sub("", words[j - 1].group(0))  # "Antony Blinken's project"
                if last.casefold() not in _holder_last_words():
                    continue  # no holder's name ends so: no look-up
                start = run.start() + words[i].start()
                end = run.start() + words[j - 1].start() + len(last)
                name = doc.text[start:end]
                holder = reference.holder_by_name(name)
                if (
                    holder is None
                    or id(holder) in taken
                    or name in written  # "Mohammed bin Zayed" of "Mohammed bin Zayed Al Nahyan, Präsident …"
                    or doc.mentions_in(start, end, "role", "country")
                ):
                    continue
                offices = {(t.role, t.country) for t in holder.terms if t.covers(on)}
                qualifier = None
                if not offices:  # "Seine Vorgängerin Annalena Baerbock": all his terms ended before the day
                    offices, qualifier = _last_office(holder.terms, on), "former"
                if not offices or len({c for _, c in offices}) != 1:
                    continue
                taken.add(id(holder))
                country = next(iter(offices))[1]
                roles = [(role, "") for role in sorted({r for r, _ in offices})]
                title = _Title(start, end, roles, country, None, qualifier, 0.75)
                out.append((title, name, start, end))
                i = j - 1
                break
            i += 1
    return out


def _last_office(terms, on) -> set[tuple[str, str]]:
    """The office of the term that ended last, when every term ended before ``on`` (none while one runs
    or starts later)."""
    if not terms or any(t.last_day is None or t.last_day >= on for t in terms):
        return set()
    last = max(t.last_day for t in terms)
    return {(t.role, t.country) for t in terms if t.last_day == last}


@lru_cache(maxsize=1)
def _holder_last_words() -> frozenset[str]:
    """The last words of every spelling of the office-holder table, case-folded, as written and in ASCII."""
    from anyascii import anyascii

    from kg import reference

    words = set()
    for holder in reference.office_holders().values():
        for spelling in holder.all_names():
            if spelling.split():
                last = spelling.split()[-1].casefold()
                words.update((last, anyascii(last)))
    return frozenset(words)


def _iso_day(day: str):
    import datetime as dt

    return dt.date.fromisoformat(day) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else None


_HEADING_COLON = re.compile(r"\s*:\s*$")


def _country_heading(doc: Document, name_start: int) -> str | None:
    """The country that heads the line of a list, before a colon and the name: "– Norway: Andreas Kravik, …"."""
    line_start = doc.text.rfind("\n", 0, name_start) + 1
    item = LIST_ITEM.match(doc.text, line_start)
    head_start = item.end() if item else line_start
    countries = doc.mentions_in(head_start, name_start, "country")
    if len(countries) != 1 or countries[0].start != head_start:
        return None
    return (
        str(countries[0].value) if _HEADING_COLON.fullmatch(doc.text, countries[0].end, name_start) else None
    )


_OF_COUNTRY = re.compile(r"\s+of\s+(?:the\s+)?")


def _country_after_name(doc: Document, end: int) -> str | None:
    """ "President Ilham Aliyev of Azerbaijan", "die Außenminister Hans-Dietrich Genscher (Deutschland), …":
    the country right after the name."""
    link = _OF_COUNTRY.match(doc.text, end) or _BRACKET_OPEN.match(doc.text, end)
    if not link:
        return None
    after = doc.mentions_in(link.end(), link.end() + 60, "country")
    if not after or after[0].start != link.end():
        return None
    if link.re is _BRACKET_OPEN and not doc.text.startswith(")", after[0].end):
        return None
    return str(after[0].value)


_BRACKET_OPEN = re.compile(r" \(")


_DIPLOMATIC_ROLES = ("foreign-minister", "deputy-foreign-minister", "president", "prime-minister",
                     "deputy-prime-minister", "ambassador", "minister", "special-envoy")  # fmt: skip


def _named_counterparts(doc: Document, known: dict[str, str]) -> list[tuple[_Title, str, int, int]]:
    """ "Fidan and his Azerbaijani counterpart Jeyhun Bayramov", "seinen tadschikischen Amtskollegen Sirojiddin Muhriddin".

    The counterpart holds the office of the person whose counterpart he is (the nearest office holder
    before him in the sentence, else in the paragraph) for the country of the adjective.
    """
    out = []
    for adj in (m for m in doc.mentions if m.kind == "country_adj"):
        tail = _COUNTERPART.match(doc.text, adj.end)
        if not tail:
            continue
        hit = _name_after(doc, tail.end(), known) or _single_name_after(
            doc, tail.end(), known, str(adj.value)
        )
        sentence = doc.sentence_at(adj.start)
        if hit is None or sentence is None or doc.in_quote(adj.start):
            continue
        paragraph = doc.paragraphs[sentence.paragraph]
        subject = None
        for floor in (sentence.start, paragraph.start):
            before = [p for p in doc.persons_in(floor, adj.start) if doc.person_roles.get(p.name)]
            if before:
                subject = before[-1].name
                break
        if subject is None and doc.in_answer(adj.start):  # "my Indonesian counterpart Sugiono": the speaker's
            subject = doc.interviewee(doc.person_roles.get)
        roles = [r for r in _DIPLOMATIC_ROLES if r in doc.person_roles.get(subject or "", set())]
        if "foreign-minister" in roles:
            roles = ["foreign-minister"]
        if len(roles) != 1:
            continue
        name, start, end = hit
        name = known.get(name, name)
        if name == subject:
            continue
        title = _Title(adj.start, tail.end(), [(roles[0], tail.group(0).strip())], str(adj.value), None, None)
        out.append((title, name, start, end))
    return out


def _single_name_after(
    doc: Document, pos: int, known: dict[str, str], country: str
) -> tuple[str, int, int] | None:
    """ "ihren indonesischen Amtskollegen Sugiono": one name token after a counterpart. The full name of
    the one holder of the reference table of that country with that last name, when there is one
    ("his Russian counterpart Lavrov" is Sergey Lavrov); else the token, as people who go by one name
    are written."""
    m = NAME.match(doc.text, re.compile(r"[ \t]*").match(doc.text, pos).end())
    if not m or " " in m.group(0) or len(m.group(0)) < 3 or doc.mentions_in(m.start(), m.end()):
        return None
    token = _POSSESSIVE.sub("", m.group(0))
    if not _valid_name_token(token, doc) or token in doc.cues.HONORIFICS:
        return None
    folded = _folded_tokens(token)
    holders = {
        holder
        for holder in _holders_by_last_name().get(folded[-1] if folded else "", ())
        if any(term.country == country for term in holder.terms)
    }
    full = token
    if len(holders) == 1:
        holder = holders.pop()
        spellings = [*holder.names.get(doc.lang, ()), holder.name, *holder.all_names()]
        full = next((n for n in spellings if n.split()[-1] == token), holder.name)
    known[token] = full
    return token, m.start(), m.start() + len(token)


_SPECIFIC_MINISTERS = {
    "foreign-minister",
    "deputy-foreign-minister",
    "deputy-prime-minister",
    "prime-minister",
}


def _drop_generic_titles(doc: Document) -> None:
    """ "Bundesminister Wadephul" for the foreign minister the article names: "minister" says nothing more."""
    specific = {
        p.person for p in doc.found.positions if p.role in _SPECIFIC_MINISTERS and p.qualifier is None
    }
    doc.found.positions[:] = [
        p
        for p in doc.found.positions
        if not (p.role == "minister" and p.person in specific and p.qualifier is None)
    ]


def _complete_countries(doc: Document) -> None:
    """A title with no country, for a person the article places elsewhere: "Außenminister Wadephul (CDU)"."""
    for position in doc.found.positions:
        if (
            position.country is None
            and position.organization is None
            and position.person in doc.person_country
        ):
            position.country = doc.person_country[position.person]
            position.confidence = 0.8


_HOLDER_ROLE = {
    "head-of-state": "president",
    "head-of-government": "prime-minister",
    "chancellor": "prime-minister",
}


@lru_cache(maxsize=1)
def _holders_by_last_name() -> dict[str, tuple]:
    """Office holders of the reference table by the folded last word of each spelling."""
    from kg import reference

    index: dict[str, list] = {}
    for holder in reference.office_holders().values():
        for spelling in holder.all_names():
            tokens = _folded_tokens(spelling)
            if tokens and holder not in index.setdefault(tokens[-1], []):
                index[tokens[-1]].append(holder)
    return {key: tuple(value) for key, value in index.items()}


def _folded_tokens(name: str) -> list[str]:
    from anyascii import anyascii

    return re.sub(r"[^0-9a-z]+", " ", anyascii(name).casefold()).split()


def _in_usual_case(name: str) -> str:
    """A name written with its surname in capitals, as ministries' readouts do ("Ararat MIRZOYAN", "IWAYA
    Takeshi"), in the usual case; the surname put last when that is how the reference table of office
    holders spells the person ("Takeshi Iwaya"), else left where it stands ("Bui Thanh Son" is written
    surname first in English too)."""
    tokens = name.split()
    caps = [len(t) > 2 and t.isupper() and t.replace("-", "").isalpha() for t in tokens]
    if not any(caps) or all(caps):
        return name
    usual = [t.capitalize() if c else t for t, c in zip(tokens, caps, strict=True)]
    if caps[0]:
        turned = " ".join([*usual[1:], usual[0]])
        if _holder(turned) is not None and _holder(" ".join(usual)) is None:
            return turned
    return " ".join(usual)


def _holder(name: str):
    """The reference office holder ``name`` is: one of his spellings, or all its words within one spelling
    ("Tayyip Erdogan" in "Recep Tayyip Erdoğan"); None when none or several fit."""
    from kg import reference

    found = reference.holder_by_name(name)
    if found is not None:
        return found
    tokens = _folded_tokens(name)
    if len(tokens) < 2:
        return None
    fitting = {
        holder
        for holder in _holders_by_last_name().get(tokens[-1], ())
        if any(set(tokens) <= set(_folded_tokens(spelling)) for spelling in holder.all_names())
    }
    if (
        not fitting and len(tokens) >= 3
    ):  # "Claudia Sheinbaum Pardo", "Gustavo Petro Urrego": a second surname
        fitting = {
            holder
            for holder in _holders_by_last_name().get(tokens[-2], ())
            if any(tokens[:-1] == _folded_tokens(spelling) for spelling in holder.all_names())
        }
    return fitting.pop() if len(fitting) == 1 else None


def _office_country(doc: Document, name: str, title: _Title) -> str | None:
    """The one of the title's candidate countries whose office the reference holder ``name`` holds on the
    article's day, if any."""
    on = _iso_day((doc.article.date or "")[:10])
    holder = _holder(name) if on else None
    if holder is None:
        return None
    roles = {_HOLDER_ROLE.get(role, role) for role, _ in title.roles}
    fitting = {
        t.country for t in holder.terms if t.role in roles and t.covers(on) and t.country in title.candidates
    }
    if not fitting and roles <= {
        "minister"
    }:  # "Bundesministerin Beate Meinl-Reisinger": a minister of Austria
        fitting = {t.country for t in holder.terms if t.covers(on) and t.country in title.candidates}
    return fitting.pop() if len(fitting) == 1 else None


def _countries_of_office_holders(doc: Document) -> None:
    """ "President Erdoğan", "Präsident Tokajew", "Vizepremier He Lifeng": an office holder the article names
    without a country gets it from the reference table of office holders, but only when the name is one of a
    holder's and his term of that office covers the article's date. An article without a date (a wire text
    pasted without its dateline) still gives "Präsident Wolodymyr Selenskyj" his country when every term of
    that office the table knows for him is for one country: the title the text gives is then his in that
    country, whenever the text was written."""
    import datetime as dt

    day = (doc.article.date or "")[:10]
    on = dt.date.fromisoformat(day) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) else None
    for position in doc.found.positions:
        if position.country or position.organization or position.qualifier == "designate":
            continue
        holder = _holder(position.person)
        if holder is None:
            continue
        role = _HOLDER_ROLE.get(position.role, position.role)
        terms = [t for t in holder.terms if t.role == role]  # "Vizepremier He Lifeng", "Finanzministerin …"
        if on is None:
            undated = {t.country for t in terms}
            if position.qualifier is not None or len(undated) != 1:
                continue
            position.country, position.confidence = undated.pop(), 0.7
        elif not _country_on(position, terms, on):
            continue
        if position.country == "EU":  # "Commission President Ursula von der Leyen": an office of the Union
            position.country, position.organization = None, _organization_name("eu")
        else:
            doc.person_country.setdefault(position.person, position.country)


def _country_on(position: Position, terms: list[OfficeTerm], on: date) -> bool:
    """Give the position the country whose office its holder held on the article's day ``on``; for "der
    damalige Premierminister Fumio Kishida", "then Foreign Minister Cho Tae-yul" the office he held before
    that day, when he held it for one country. False when no one country fits."""
    current = {t.country for t in terms if t.covers(on)}
    if position.qualifier is None and len(current) == 1:
        position.country, position.confidence = current.pop(), 0.85
        return True
    earlier = {t.country for t in terms if t.first_day <= on}
    if len(earlier) != 1 or (position.qualifier is None and current):
        return False
    position.country, position.confidence = earlier.pop(), 0.75
    if all(t.last_day is not None and t.last_day < on for t in terms):
        position.qualifier = "former"
    return True


_COUNTERPART = re.compile(r"\s*(?:counterparts?|Amtskolleg(?:e|en|in|innen)|Kolleg(?:e|en|in))\b")


def _resolve_counterparts(doc: Document) -> None:
    """ "seinen chinesischen Amtskollegen", "his Uzbek counterpart" -> the one office holder of that country."""
    added = []
    for adj in (m for m in doc.mentions if m.kind == "country_adj"):
        tail = _COUNTERPART.match(doc.text, adj.end)
        if not tail:
            continue
        holders = {p.person for p in doc.found.positions if p.country == adj.value and p.qualifier is None}
        # a counterpart holds the same office as the one whose counterpart he is
        sentence = doc.sentence_at(adj.start)
        near = {p.name for p in doc.persons_in(sentence.start, adj.start)} if sentence else set()
        offices = set().union(*(doc.person_roles.get(n, set()) for n in near)) if near else set()
        if offices or len(holders) > 1:
            holders = {h for h in holders if doc.person_roles.get(h, set()) & offices}
        if len(holders) == 1:
            added.append(PersonMention(adj.start, adj.end + tail.end() - adj.end, holders.pop()))
    if added:
        doc.person_mentions = sorted([*doc.person_mentions, *added], key=lambda p: p.start)


_DEFINITE = re.compile(r"\b(?:the|The|der|Der|die|Die|den|Den|dem|Dem|des|Des)\s+$")
_NAME_NEXT = re.compile(rf"[ \t]*,?[ \t]*(?:{_TOKEN})")


@lru_cache(maxsize=2)
def _plural_titles(lang: str) -> frozenset[str]:
    """The plural forms of the role lexicon's titles ("ministers", "Außenminister")."""
    from kg import reference

    out: set[str] = set()
    for item in reference.role_lexicon().get(lang, []):
        plural = item.get("plural")
        for form in [plural] if isinstance(plural, str) else plural or []:
            out.update({form, form.lower(), form[:1].upper() + form[1:]})
    return frozenset(out)


def _resolve_definite_titles(doc: Document) -> None:
    """ "The EAM began his tour in Vienna", "die Chefdiplomatin", "der Bundesrat": a title with a definite
    article and no name is the one person of the article who holds that office (of that country, when
    the title names one); nothing when two do."""
    holders: dict[str, set[tuple[str, str | None]]] = {}
    for p in doc.found.positions:
        if p.qualifier is None:
            holders.setdefault(p.role, set()).add((p.person, p.country))
    if not holders:
        return
    taken = {(m.start, m.end) for m in doc.person_mentions}
    added = []
    for title in (m for m in doc.mentions if m.kind == "role"):
        role = str(title.value[0])  # type: ignore[index]
        if role not in holders or doc.in_quote(title.start):
            continue
        head = doc.text[max(0, title.start - 40) : title.start]
        if title.text in _plural_titles(doc.lang) and (
            doc.lang == "en" or re.search(r"\b(?:die|Die|den|Den|der beiden)\s+(?:\w+\s+)?$", head)
        ):
            continue  # "The ministers discussed …", "die Außenminister": more than one
        adjective = doc.mentions_in(max(0, title.start - 30), title.start, "country_adj")
        country = (
            str(adjective[-1].value)
            if adjective and _DEFINITE.search(doc.text, max(0, adjective[-1].start - 6), adjective[-1].start)
            else None
        )
        if country is None and not _DEFINITE.search(head) and not _ABBREVIATED.fullmatch(title.text):
            continue  # ("EAM called on Prime Minister …": initials need no article)
        implied = title.value[2] if len(title.value) > 2 else None  # type: ignore[arg-type,index]
        if country is None and isinstance(implied, str):
            country = implied  # "the EAM": India's
        name_next = _NAME_NEXT.match(doc.text, title.end)
        if name_next and not doc.mentions_in(title.end, name_next.end()):
            continue  # "the foreign minister Wang Yi": a title with its name
        near = doc.persons_in(title.end, title.end + 60)
        if near and not re.search(r"[.;:!?]", doc.text[title.end : near[0].start]):
            continue  # "the Minister for Foreign Affairs of Singapore, Dr Vivian Balakrishnan": named after all
        people = {person for person, of in holders[role] if country is None or of == country}
        if len(people) == 1 and (title.start, title.end) not in taken:
            added.append(PersonMention(title.start, title.end, people.pop()))
    if added:
        doc.person_mentions = sorted([*doc.person_mentions, *added], key=lambda p: p.start)


def _union_office(title: _Title) -> None:
    """ "die Hohe Vertreterin der EU", the President of the European Council: a union's office, held for
    the organisation, not for a country (the country table lists the EU, the format table too)."""
    from kg import reference

    if title.country and title.country.lower() in reference.formats():
        title.organization = title.organization or _organization_name(title.country.lower())
        title.country = None


def _make_positions(doc: Document, linked: list[tuple[_Title, str, int, int]]) -> None:
    by_key: dict[tuple, Position] = {  # a counterpart found later may be a holder already named
        (p.person, p.role, p.country, p.organization, p.qualifier): p for p in doc.found.positions
    }
    for title, name, start, _end in linked:
        _union_office(title)
        sentence = doc.sentence_at(min(start, title.start))
        if sentence is None:
            continue
        evidence = doc.evidence(sentence)
        for role, title_text in title.roles:
            key = (name, role, title.country, title.organization, title.qualifier)
            # measured (docs/evaluation.md): a title with its country or organisation is nearly always right,
            # one with neither is mostly a head of state whose country the article takes as known
            confidence = title.confidence or (0.9 if title.country or title.organization else 0.4)
            if key in by_key:
                if by_key[key].evidence[-1] != evidence:  # sentences come in order
                    by_key[key].evidence.append(evidence)
                continue
            position = Position(
                person=name,
                role=role,
                country=title.country,
                evidence=[evidence],
                organization=title.organization,
                qualifier=title.qualifier,
                title_text=title_text,
                confidence=confidence,
            )
            by_key[key] = position
            doc.found.positions.append(position)
            if title.qualifier is None:
                doc.person_roles.setdefault(name, set()).add(role)
                if title.country and name not in doc.person_country:
                    doc.person_country[name] = title.country
