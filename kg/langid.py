"""Which language an article is written in, from its script and its commonest words.

:func:`detect_language` looks at the first few thousand characters only. Texts
in a script that belongs to few languages (Greek, Han, Hangul, Arabic …) are
named by the script; Latin and Cyrillic texts by counting function words
(articles, prepositions, pronouns, auxiliaries) against one short profile per
language. A word shared by several profiles counts for each in equal parts, so
``"de"`` or ``"die"`` alone decides nothing. The result is an ISO 639-1 code, or
``None`` when the text is too short or no profile clearly wins.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

__all__ = ["detect_language", "supported_languages"]

SAMPLE_CHARS = 5000
MIN_WORDS = 5  # fewer words than this: too little text to tell
MIN_HITS = 2.0  # the winner must match at least this many function words (weighted)
MIN_SHARE = 0.08  # … making up at least this share of all words
MIN_LEAD = 1.5  # … and score this many times the runner-up

# Function words per language, lower case. Kept short and common: what matters is
# that ordinary prose hits many of them.
_PROFILES: dict[str, str] = {
    "de": """der die das den dem des ein eine einen einem einer eines und oder aber nicht
        ist sind war waren wird werden wurde wurden hat haben hatte hatten sein sei mit von
        zu zum zur auf für bei nach aus über unter vor auch sich dass wie noch nur schon
        sie er es wir ihr ihre seine seiner im am beim vom ins durch gegen sowie dieser diese
        dieses heute sagte kann können soll sollen zwischen""",
    "en": """the a an and or but not is are was were be been being will would has have had
        of to in on at for with by from as that this these those which who whom whose it its
        he she they we his her their our also said after before between about into over than
        can could should may must there""",
    "fr": """le la les un une des du de et ou mais ne pas est sont était été sera ont avait
        avec pour par sur dans au aux ce cette ces qui que quoi dont il elle ils elles nous
        vous leur leurs son sa ses se plus aussi entre selon après avant lors été""",
    "es": """el la los las un una unos unas y o pero no es son era fue fueron será ha han
        había con para por en del al que quien cual cuyo este esta estos estas ese esa se su
        sus lo como más también entre según después antes sobre muy""",
    "pt": """o a os as um uma uns umas e ou mas não é são era foi foram será tem têm com
        para por em no na nos nas do da dos das ao aos que quem qual este esta estes estas
        esse essa se seu sua seus suas como mais também entre segundo depois antes sobre""",
    "it": """il lo la i gli le un uno una e o ma non è sono era erano fu sarà ha hanno aveva
        con per da in del dello della dei degli delle al allo alla ai agli alle nel nella che
        chi cui questo questa questi queste si suo sua suoi sue come più anche tra fra dopo""",
    "nl": """de het een en of maar niet is zijn was waren wordt worden werd werden heeft
        hebben had met van voor op aan bij naar uit over onder ook dat die dit deze wie wat
        zich hij zij ze wij we hun haar zijn er als dan nog om tussen volgens""",
    "pl": """i w z na do nie się jest są był była było były będzie to że a o od po przez
        dla przy za jak ale lub oraz który która które którzy tego tej jego jej ich co tak
        także już jeszcze między podczas według""",
    "tr": """ve bir bu da de ile için olarak olan gibi daha en çok ama veya değil ise ki
        şu o bu ne her kadar sonra önce arasında tarafından üzerinde göre ayrıca olan oldu
        olduğu etti eden yaptı""",
    "ru": """и в во не что он она оно они на я с со как а то все это так его её их но да
        ты к у же вы за бы по только от из о об для при после между также был была было были
        быть будет который которая которые этот эта эти этих""",
    "uk": """і й в у не що він вона воно вони на я з із як а то все це так його її їх але
        та ти до же ви за би по тільки від о про для при після між також був була було були
        бути буде який яка які цей ця ці цих""",
    "kk": """және мен бен пен да де та те бұл осы сол ол олар біз сіз үшін туралы арқылы
        бойынша кейін дейін бірге ретінде болды болып еді жылы жəне мен сондай ақ""",
}

# Letters that occur in one Cyrillic alphabet and not in Russian.
_KAZAKH_LETTERS = frozenset("әғқңөұүһ")
_UKRAINIAN_LETTERS = frozenset("іїєґ")
_PERSIAN_LETTERS = frozenset("پچژگ")

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def supported_languages() -> tuple[str, ...]:
    """The ISO 639-1 codes :func:`detect_language` can return."""
    return tuple(sorted({*_PROFILES, "ar", "el", "fa", "he", "hy", "ja", "ka", "ko", "zh"}))


@lru_cache(maxsize=1)
def _weights() -> dict[str, dict[str, float]]:
    """For each word, the languages whose profile has it, each with weight 1 / (number of such languages)."""
    owners: dict[str, set[str]] = {}
    for lang, words in _PROFILES.items():
        for word in words.split():
            owners.setdefault(word, set()).add(lang)
    return {word: {lang: 1.0 / len(langs) for lang in langs} for word, langs in owners.items()}


def _script(char: str) -> str | None:
    """A coarse script name for one letter, from its Unicode name."""
    try:
        name = unicodedata.name(char)
    except ValueError:
        return None
    head = name.split(" ", 1)[0]
    if head in {"CJK", "HIRAGANA", "KATAKANA", "HANGUL"}:
        return head
    return (
        head if head in {"LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW", "ARMENIAN", "GEORGIAN"} else None
    )


def _script_language(scripts: Counter[str], letters: set[str]) -> str | None:
    """The language named by a script that (nearly) only one language writes here."""
    script, _count = scripts.most_common(1)[0]
    if script in {"HIRAGANA", "KATAKANA"} or (script == "CJK" and scripts["HIRAGANA"] + scripts["KATAKANA"]):
        return "ja"
    simple = {"CJK": "zh", "HANGUL": "ko", "GREEK": "el", "HEBREW": "he", "ARMENIAN": "hy", "GEORGIAN": "ka"}
    if script in simple:
        return simple[script]
    if script == "ARABIC":
        return "fa" if letters & _PERSIAN_LETTERS else "ar"
    return None


def _by_function_words(words: list[str], candidates: set[str]) -> str | None:
    weights = _weights()
    scores: Counter[str] = Counter()
    for word in words:
        for lang, weight in weights.get(word, {}).items():
            if lang in candidates:
                scores[lang] += weight
    ranked = scores.most_common()
    if not ranked:
        return None
    best, best_score = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if best_score < MIN_HITS or best_score / len(words) < MIN_SHARE or best_score < MIN_LEAD * runner_up:
        return None
    return best


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language ``text`` is written in, or ``None`` when not confident.

    Deterministic; looks at the first ``SAMPLE_CHARS`` characters only.
    """
    sample = text[:SAMPLE_CHARS].lower()
    scripts: Counter[str] = Counter()
    for char, count in Counter(sample).items():
        script = _script(char) if char.isalpha() else None
        if script:
            scripts[script] += count
    if not scripts:
        return None
    letters = set(sample)
    by_script = _script_language(scripts, letters)
    if by_script:
        # Han, kana and Hangul carry a word in one or two characters, so a few suffice.
        return by_script if sum(scripts.values()) >= MIN_WORDS else None
    words = _WORD.findall(sample)
    if len(words) < MIN_WORDS:
        return None
    script = scripts.most_common(1)[0][0]
    if script == "CYRILLIC":
        if len(letters & _KAZAKH_LETTERS) >= 2:
            return "kk"
        candidates = {"ru", "uk", "kk"}
        if not letters & _UKRAINIAN_LETTERS:
            candidates.discard("uk")
        return _by_function_words(words, candidates)
    if script == "LATIN":
        return _by_function_words(words, set(_PROFILES) - {"ru", "uk", "kk"})
    return None
