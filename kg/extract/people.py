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

from kg.extract.document import Document, PersonMention
from kg.model import Position

__all__ = ["find_people"]

_UPPER = "A-ZÄÖÜÀ-ÖØ-Þ"
_TOKEN = rf"[{_UPPER}][\w'’\-]*\w"
_PARTICLE = r"(?:al|el|bin|ibn|de|da|di|do|dos|du|van|von|der|den|la|le|ter|zu|y|al-[\w]+)"
NAME = re.compile(rf"{_TOKEN}(?:\s+(?:{_PARTICLE}\s+)*{_TOKEN}){{0,3}}")
_COUNTRY_LINK_AFTER = re.compile(r"^\s*(?:of the|of|der|des|von|from)?\s*$")
_POSSESSIVE = re.compile(r"['’]s$")


@dataclass
class _Title:
    start: int
    end: int
    roles: list[tuple[str, str]]  # (role concept, title text)
    country: str | None
    organization: str | None
    qualifier: str | None


def _valid_name_token(token: str, doc: Document) -> bool:
    cues = doc.cues
    if token in cues.NAME_STOPWORDS or token in doc.lexicon.surname_blocklist:
        return False
    lower = token.lower()
    return not (doc.lang == "de" and lower.endswith(cues.NOUN_SUFFIXES))


def _clean_name(raw: str, doc: Document) -> str | None:
    tokens = raw.split()
    while tokens and not _valid_name_token(tokens[-1], doc):
        tokens.pop()
    while tokens and not _valid_name_token(tokens[0], doc):
        tokens.pop(0)
    if not tokens or any(not _valid_name_token(t, doc) and t[:1].isupper() for t in tokens):
        return None
    return _POSSESSIVE.sub("", " ".join(tokens))


def _name_after(doc: Document, pos: int, known: dict[str, str]) -> tuple[str, int, int] | None:
    text = doc.text
    window = text[pos : pos + 80]
    gap = re.match(r"[ \t]*,?[ \t]*", window)
    start = pos + (gap.end() if gap else 0)
    m = NAME.match(text, start)
    if not m:
        return None
    raw = m.group(0)
    inside = [x for x in doc.mentions_in(start, m.end()) if x.kind not in ("city", "demonym")]
    if inside:  # a name never runs into a country, city, title or event word
        raw = text[start : inside[0].start].rstrip(" -")
    name = _clean_name(raw, doc) if raw else None
    if not name or not m.group(0).startswith(name.split()[0]):
        return None
    end = start + len(name)
    if len(name.split()) == 1 and name not in known:
        return None
    return name, start, end


def _name_before(doc: Document, pos: int, known: dict[str, str], floor: int) -> tuple[str, int, int] | None:
    text = doc.text
    head = text[floor:pos]
    comma = re.search(r",\s*(?:(?:der|die|the)\s+)?$", head)
    if not comma:
        return None
    left = floor + comma.start()
    candidates = list(NAME.finditer(text, floor, left))
    if not candidates or candidates[-1].end() != left:
        return None
    raw = candidates[-1].group(0)
    tokens = raw.split()
    # keep the last run of valid tokens: "darunter Zheenbek Kulubaev" -> "Zheenbek Kulubaev"
    kept: list[str] = []
    for token in reversed(tokens):
        if not _valid_name_token(token, doc):
            break
        kept.insert(0, token)
    if not kept:
        return None
    name = _POSSESSIVE.sub("", " ".join(kept))
    if len(kept) == 1 and name not in known:
        return None
    return name, left - len(" ".join(kept)), left


def _titles(doc: Document) -> list[_Title]:
    """Role mentions grouped ("Premierminister und Außenminister"), with country and qualifier."""
    text = doc.text
    roles = [m for m in doc.mentions if m.kind == "role"]
    titles: list[_Title] = []
    i = 0
    while i < len(roles):
        group = [roles[i]]
        while i + 1 < len(roles) and doc.cues.CONJUNCTION.match(text[group[-1].end : roles[i + 1].start]):
            group.append(roles[i + 1])
            i += 1
        i += 1
        start, end = group[0].start, group[-1].end
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
                and re.fullmatch(r"(?:\s*-\s*|\s+(?:\w+\s+){0,1})", gap or " ")
            ) and (
                m.kind == "country_adj"
                or m.text.endswith(("s", "'s", "’s"))
                or doc.lang == "en"
                or gap == "-"
            ):  # "kasachische Außenminister", "Kasachstans Außenminister", "US-Außenminister"
                country = str(m.value)
                start = m.start
        designate = re.match(r"-?\s?(?:designate|elect)\b", text[end : end + 12], re.IGNORECASE)
        if designate:  # "Foreign Minister-designate of Japan"
            qualifier, end = "designate", end + designate.end()
        after = doc.mentions_in(end, min(len(text), end + 60), "country", "format")
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
            country = _represented_country(doc, start)
        if country is None:
            implied = {g.value[2] for g in group if len(g.value) > 2 and g.value[2]}  # type: ignore[arg-type]
            country = implied.pop() if len(implied) == 1 else None
        written = [(g.value[0], g.text) for g in group]  # the title as the article writes it
        titles.append(_Title(start, end, written, country, organization, qualifier))
    return titles


def _organization_name(format_id: str) -> str:
    """The English name of an organisation of the format lexicon ("sco" -> "Shanghai Cooperation Organisation")."""
    from kg import reference

    fmt = reference.formats().get(format_id)
    return fmt.label_en if fmt else format_id


def _represented_country(doc: Document, title_start: int) -> str | None:
    """ "Tadschikistan wurde von Außenminister X vertreten", "Kyrgyzstan by Foreign Minister X", "Uzbekistan sent its …"."""
    text = doc.text
    floor = max(0, title_start - 60)
    for m in reversed(doc.mentions_in(floor, title_start, "country")):
        gap = text[m.end : title_start]
        if doc.cues.REPRESENTED_BY.fullmatch(gap):
            return str(m.value)
        break
    return None


def _sentence_floor(doc: Document, pos: int) -> int:
    sentence = doc.sentence_at(pos)
    return sentence.start if sentence else max(0, pos - 200)


def find_people(doc: Document) -> None:
    known: dict[str, str] = {}  # full name -> itself (single-token keys for surnames added later)
    linked: list[tuple[_Title, str, int, int]] = []
    for title in _titles(doc):
        hit = _name_after(doc, title.end, known)
        if hit is None:
            hit = _name_before(doc, title.start, known, _sentence_floor(doc, title.start))
        if hit is None:
            continue
        name, start, end = hit
        if len(name.split()) < 2:
            name = known.get(name, name)
        known[name] = name
        linked.append((title, name, start, end))

    # surnames (and first tokens of East-Asian names) that point to exactly one person
    short: dict[str, set[str]] = {}
    for name in known:
        tokens = name.split()
        if len(tokens) > 1:
            short.setdefault(tokens[-1], set()).add(name)
            short.setdefault(tokens[0], set()).add(name)
    for key, names in short.items():
        if len(names) == 1 and key not in known and _valid_name_token(key, doc):
            known[key] = next(iter(names))

    _collect_mentions(doc, known)
    _make_positions(doc, linked)
    _complete_countries(doc)
    _resolve_counterparts(doc)


def _collect_mentions(doc: Document, known: dict[str, str]) -> None:
    if not known:
        return
    forms = sorted(known, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(f) for f in forms) + r")(?:['’]s)?(?![\w])")
    mentions = []
    for m in pattern.finditer(doc.text):
        surface = _POSSESSIVE.sub("", m.group(0))
        mentions.append(PersonMention(m.start(), m.start() + len(surface), known[surface]))
    doc.person_mentions = mentions
    for name in {known[f] for f in forms}:
        doc.found.persons.setdefault(name, [])


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


_COUNTERPART = re.compile(r"\s*(?:counterparts?|Amtskolleg(?:e|en|in|innen)|Kolleg(?:e|en|in))\b")


def _resolve_counterparts(doc: Document) -> None:
    """ "seinen chinesischen Amtskollegen", "his Uzbek counterpart" -> the one office holder of that country."""
    added = []
    for adj in (m for m in doc.mentions if m.kind == "country_adj"):
        tail = _COUNTERPART.match(doc.text, adj.end)
        if not tail:
            continue
        holders = {p.person for p in doc.found.positions if p.country == adj.value and p.qualifier is None}
        if len(holders) > 1:  # a counterpart holds the same office as the one whose counterpart he is
            sentence = doc.sentence_at(adj.start)
            near = {p.name for p in doc.persons_in(sentence.start, sentence.end)} if sentence else set()
            offices = set().union(*(doc.person_roles.get(n, set()) for n in near)) if near else set()
            holders = {h for h in holders if doc.person_roles.get(h, set()) & offices}
        if len(holders) == 1:
            added.append(PersonMention(adj.start, adj.end + tail.end() - adj.end, holders.pop()))
    if added:
        doc.person_mentions = sorted([*doc.person_mentions, *added], key=lambda p: p.start)


def _make_positions(doc: Document, linked: list[tuple[_Title, str, int, int]]) -> None:
    by_key: dict[tuple, Position] = {}
    for title, name, start, _end in linked:
        sentence = doc.sentence_at(min(start, title.start))
        if sentence is None:
            continue
        evidence = doc.evidence(sentence)
        for role, title_text in title.roles:
            key = (name, role, title.country, title.organization, title.qualifier)
            confidence = (
                0.9 if title.country else 0.55
            )  # measured: a title with no country is often not the full story
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
