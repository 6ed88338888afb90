"""One pass of a multi-pattern matcher over the text.

All surface forms of a lexicon (country names, titles, formats, cities,
event words …) are compiled into a single regular expression whose
alternatives form a trie, so matching costs one scan of the text rather than
one scan per entry. Matches are whole words, longest first, and never
overlap. Each surface form maps to one or more payloads ``(kind, value)``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

__all__ = ["Gazetteer", "Mention"]

_WORD = r"[\w\u00C0-\u024F]"


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str
    value: object


def _trie_pattern(words: Iterable[str]) -> str:
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        if "" in node and len(node) == 1:
            return ""
        alternatives = []
        optional = False
        for ch in sorted(node, key=lambda c: (c == "", c)):
            if ch == "":
                optional = True
                continue
            alternatives.append(re.escape(ch) + build(node[ch]))
        if len(alternatives) == 1 and not optional:
            return alternatives[0]
        body = "(?:" + "|".join(alternatives) + ")"
        return body + "?" if optional else body

    return build(trie)


class Gazetteer:
    """Surface forms -> payloads, matched case-sensitively or with a case-folded first letter.

    ``add(surface, kind, value, fold_first=False)``: with ``fold_first`` the
    surface also matches with its first letter in the other case (German
    adjectives at the start of a sentence or in a headline: "Kasachisch-").
    """

    def __init__(self) -> None:
        self._entries: dict[str, list[tuple[str, object]]] = defaultdict(list)
        self._regex: re.Pattern[str] | None = None

    def add(self, surface: str, kind: str, value: object, *, fold_first: bool = False) -> None:
        surface = surface.strip()
        if not surface:
            return
        forms = {surface}
        if fold_first:
            forms.add(surface[0].swapcase() + surface[1:])
        for form in forms:
            payload = (kind, value)
            if payload not in self._entries[form]:
                self._entries[form].append(payload)
        self._regex = None

    def add_spellings(self, respell: Callable[[str], str]) -> None:
        """Every surface form also as ``respell`` writes it, with the same payloads ("Außenminister" ->
        "Aussenminister": Swiss German never writes ß)."""
        for surface, payloads in list(self._entries.items()):
            other = respell(surface)
            if other != surface:
                for payload in payloads:
                    if payload not in self._entries[other]:
                        self._entries[other].append(payload)
        self._regex = None

    def __len__(self) -> int:
        return len(self._entries)

    def compile(self) -> None:
        # Longest alternatives first is implied by the trie: regex alternation tries the longer
        # branch because optional endings are greedy ("?").
        pattern = _trie_pattern(self._entries)
        self._regex = re.compile(rf"(?<!{_WORD})(?:{pattern})(?!{_WORD})")

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Mention]:
        """Every match in ``text[start:end]``, one Mention per payload, in text order."""
        if self._regex is None:
            self.compile()
        assert self._regex is not None
        end = len(text) if end is None else end
        out = []
        for match in self._regex.finditer(text, start, end):
            surface = match.group(0)
            for kind, value in self._entries[surface]:
                out.append(Mention(match.start(), match.end(), surface, kind, value))
        return out
