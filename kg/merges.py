"""The merge file: a user's pins and forbids for entity resolution, plain JSON.

::

    {
      "pin":    [{"from": "Jeenbek Kulubaev", "to": "dipr:person/zheenbek-kulubaev"}],
      "forbid": [{"a": "Kim Sung", "b": "dipr:person/kim-jong-un"}]
    }

An entry is a person's name (as any article writes it; transliteration variants match) or a
person IRI (``dipr:person/…`` or the full ``https://w3id.org/dipkg/id/person/…``).

* ``pin`` ``from`` -> ``to``: a mention of ``from`` (or one the resolver gave the IRI ``from``) gets
  the IRI of ``to``. Pins chain (A -> B -> C puts A on C's IRI).
* ``forbid`` ``a`` / ``b``: a mention of ``a`` never gets the IRI of ``b``, nor the reverse; it keeps
  its own name's IRI instead.

:func:`load_merges` checks the whole file before anything is written: malformed JSON or entries,
an IRI that neither the store nor the office-holder table knows, a pin cycle, a name pinned to two
places, and a forbid between two entries a pin joins are each a one-line
:class:`~kg.errors.InputError` naming the file and the entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import InputError
from kg.translit import skeleton
from kg.vocab import DIPR

if TYPE_CHECKING:
    from kg.resolution import Mention, PersonResolver, Resolution

__all__ = ["MERGES_FILE", "Entry", "MergeFile", "default_merges_path", "load_merges"]

MERGES_FILE = "merges.json"
_PERSON = f"{DIPR}person/"


def default_merges_path(store_path: str | Path | None) -> Path | None:
    """``merges.json`` beside the store folder (``.dipkg/merges.json`` for ``.dipkg/store``)."""
    if store_path is None or str(store_path).lower().startswith(("http://", "https://")):
        return None
    return Path(store_path).parent / MERGES_FILE


@dataclass(frozen=True)
class Entry:
    """One side of a pin or forbid: a person IRI, or a name (compared by transliteration skeleton)."""

    text: str
    iri: str | None = None

    @property
    def node(self) -> str:
        return self.iri or f"name:{skeleton(self.text)}"

    def matches(self, name: str, iri: str, resolver: PersonResolver) -> bool:
        """A mention of this entry: its IRI, or (a name) its spelling or the IRI the name resolves to."""
        if self.iri:
            return iri == self.iri
        return skeleton(name) == skeleton(self.text) or iri == resolver.iri_of_name(self.text)

    def target(self, resolver: PersonResolver) -> str:
        return self.iri or resolver.iri_of_name(self.text)


@dataclass(frozen=True)
class MergeFile:
    path: Path
    pins: tuple[tuple[Entry, Entry, int], ...] = ()
    forbids: tuple[tuple[Entry, Entry, int], ...] = ()

    def apply(self, mention: Mention, base: Resolution, resolver: PersonResolver) -> Resolution:
        from kg.resolution import Decision, Resolution, key_iri

        iri = base.iri
        decisions = list(base.decisions)
        for a, b, number in self.forbids:
            for this, other in ((a, b), (b, a)):
                if this.matches(mention.name, iri, resolver) and iri == other.target(resolver):
                    own = key_iri(mention.name)
                    if own == iri:
                        country = sorted(mention.countries)
                        own = f"{own}-{'-'.join(c.lower() for c in country) if country else 'other'}"
                    why = f"{self.path}: forbid #{number} ({a.text} / {b.text})"
                    decisions.append(Decision(mention.name, "forbidden", other.text, iri, own, 0.0, (why,)))
                    iri = own
        applied: set[int] = set()
        while True:  # chains are acyclic (checked on load)
            step = next(
                (
                    (s, d, n)
                    for s, d, n in self.pins
                    if n not in applied and s.matches(mention.name, iri, resolver)
                ),
                None,
            )
            if step is None:
                break
            source, dest, number = step
            applied.add(number)
            target = dest.target(resolver)
            if target == iri:
                continue
            why = f"{self.path}: pin #{number} ({source.text} -> {dest.text})"
            decisions.append(Decision(mention.name, "pinned", dest.text, target, target, 1.0, (why,)))
            iri = target
        if iri == base.iri and len(decisions) == len(base.decisions):
            return base
        kept = tuple(
            d if d.outcome in ("pinned", "forbidden") else replace(d, resolved_to=iri) for d in decisions
        )
        if iri == base.iri:
            return Resolution(iri, kept, base.label, base.label_lang)
        return Resolution(iri, kept, mention.name, mention.lang)


def _entry(path: Path, where: str, value: object) -> Entry:
    if not isinstance(value, str) or not value.strip():
        raise InputError(f"{path}: {where}: expected a name or a person IRI, got {value!r}")
    text = value.strip()
    if text.startswith("dipr:"):
        return Entry(text, DIPR + text[len("dipr:") :])
    if text.startswith(("http://", "https://")):
        return Entry(text, text)
    return Entry(text)


def _pairs(path: Path, data: dict, key: str, sides: tuple[str, str]) -> list[tuple[Entry, Entry, int]]:
    items = data.get(key, [])
    if not isinstance(items, list):
        raise InputError(f"{path}: '{key}' must be a list")
    out = []
    for number, item in enumerate(items, start=1):
        where = f"{key} #{number}"
        if not isinstance(item, dict) or set(item) - {*sides, "note"} or not all(s in item for s in sides):
            raise InputError(
                f"{path}: {where}: expected {{{', '.join(repr(s) for s in sides)}}}, got {item!r}"
            )
        out.append((_entry(path, where, item[sides[0]]), _entry(path, where, item[sides[1]]), number))
    return out


def load_merges(path: str | Path, *, known: Callable[[str], bool] | None = None) -> MergeFile:
    """Read and check a merge file. ``known(iri)`` says whether a person IRI exists (store or table)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: merge file not found") from None
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read merge file ({error.__class__.__name__})") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: invalid JSON at line {error.lineno}: {error.msg}") from None
    if not isinstance(data, dict) or set(data) - {"pin", "forbid", "schema", "note"}:
        raise InputError(f"{path}: expected an object with 'pin' and/or 'forbid' lists")
    pins = _pairs(path, data, "pin", ("from", "to"))
    forbids = _pairs(path, data, "forbid", ("a", "b"))
    for kind, items in (("pin", pins), ("forbid", forbids)):
        for a, b, number in items:
            for entry in (a, b):
                if entry.iri is None:
                    continue
                if not entry.iri.startswith(_PERSON) or len(entry.iri) == len(_PERSON):
                    raise InputError(f"{path}: {kind} #{number}: {entry.text} is not a person IRI")
                if known is not None and not known(entry.iri):
                    raise InputError(f"{path}: {kind} #{number}: unknown IRI {entry.text}")
            if a.node == b.node:
                raise InputError(f"{path}: {kind} #{number}: both sides name the same person ({a.text})")
    edges: dict[str, tuple[str, int]] = {}
    for a, b, number in pins:
        if a.node in edges and edges[a.node][0] != b.node:
            raise InputError(f"{path}: pin #{number}: {a.text} is already pinned by pin #{edges[a.node][1]}")
        edges[a.node] = (b.node, number)
    for start in edges:
        seen = [start]
        node = start
        while node in edges:
            node, number = edges[node]
            if node in seen:
                raise InputError(f"{path}: pin #{number}: pins form a cycle ({' -> '.join([*seen, node])})")
            seen.append(node)
    root: dict[str, str] = {}
    for node in {n for edge in edges.items() for n in (edge[0], edge[1][0])}:
        end = node
        while end in edges:
            end = edges[end][0]
        root[node] = end
    for a, b, number in forbids:
        if a.node in root and root.get(a.node) == root.get(b.node):
            raise InputError(f"{path}: forbid #{number}: {a.text} and {b.text} are joined by a pin")
    return MergeFile(path, tuple(pins), tuple(forbids))
