"""Property tests: whatever text comes in, extraction returns and every evidence span is the text's own."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.extract import extract
from kg.model import Article

# Words the rules react to, mixed with noise, so that random text reaches deep into every stage.
WORDS = [
    "Außenminister", "Foreign Minister", "Kasachstans", "kasachisch-chinesischer", "China", "Wang Yi",
    "Murat Nurtleu", "Treffen", "meeting", "talks", "Gipfel", "in", "Almaty", "Peking", "am", "26.", "April",
    "2024", "2026 bis 2028", "Memorandum", "unterzeichnet", "signed", "Generalkonsulat", "embassy", "opened",
    "43,8", "Milliarden", "US-Dollar", "$4.9 billion", "Handel", "trade", "„", "“", '"', ",", ".", "–", "\n\n",
    "der", "the", "of", "between", "zwischen", "und", "and", "Related articles", "nicht", "will", "sechste",
    "C5+1", "Zentralasien-China-Format", "EU", "U.S.", "yesterday", "am Dienstag", "einen Tag vor dem",
]  # fmt: skip

texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=12)), max_size=120).map(" ".join)


def _spans(extraction):
    facts = [
        *extraction.positions, *extraction.meetings, *extraction.agreements, *extraction.missions,
        *extraction.statistics, *extraction.statements,
    ]  # fmt: skip
    for fact in facts:
        yield from fact.evidence


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=texts, lang=st.sampled_from(["de", "en"]), date=st.sampled_from([None, "2025-04-27", "2024-02-29"])
)
def test_extraction_never_raises_and_evidence_lies_in_the_text(text, lang, date):
    extraction = extract(Article(text=text, sha256="0" * 64, source="random", lang=lang, date=date))
    for evidence in _spans(extraction):
        assert 0 <= evidence.char_start <= evidence.char_end <= len(text)
        assert text[evidence.char_start : evidence.char_end] == evidence.sentence


@settings(max_examples=60, deadline=None)
@given(text=st.text(max_size=400))
def test_any_unicode_text_is_read_without_error(text):
    extraction = extract(Article(text=text, sha256="0" * 64, source="random", lang="en"))
    for evidence in _spans(extraction):
        assert text[evidence.char_start : evidence.char_end] == evidence.sentence


def test_hostile_input_finishes_with_bounded_output():
    one_line = ("Kazakh Foreign Minister Murat Nurtleu met Wang Yi in Almaty on Monday. " * 1500)[:100_000]
    repeated = "Kasachstan, China und Usbekistan. " * 10_000
    for text, lang in ((one_line, "en"), (repeated, "de")):
        extraction = extract(
            Article(text=text, sha256="0" * 64, source="hostile", lang=lang, date="2025-05-20")
        )
        assert len(extraction.meetings) <= 5, "one meeting told a thousand times is still one meeting"
        assert sum(extraction.counts().values()) < 100
