"""Rule-based extraction: an Article in, an Extraction (plain facts with evidence) out.

The stages run in order over one :class:`~kg.extract.document.Document`;
each reads what the earlier ones found and adds its own facts::

    read      paragraphs, sentences, quotations, one gazetteer pass
    people    titles + names -> Positions; every later mention of a person
    meetings  meeting words anchored by date/place/format/verb -> Meetings, participants
    agreements / missions   signed or adopted agreements; missions opened, agreed, closed
    statistics / quotes     money figures with what they measure; quotes with speakers
"""

from __future__ import annotations

from kg.extract.agreements import find_agreements, find_missions
from kg.extract.document import Document
from kg.extract.figures import find_quotes, find_statistics
from kg.extract.meetings import find_meetings
from kg.extract.people import find_people
from kg.model import Article, Extraction

__all__ = ["EXTRACTOR", "STAGES", "SUPPORTED_LANGUAGES", "extract"]

EXTRACTOR = "dipkg-rules/0.1"
SUPPORTED_LANGUAGES = ("de", "en")
STAGES = (find_people, find_meetings, find_agreements, find_missions, find_statistics, find_quotes)


def extract(article: Article) -> Extraction:
    """All facts of one German or English article (other languages are read with the English rules)."""
    doc = Document.read(article)
    for stage in STAGES:
        stage(doc)
    doc.found.extractor = EXTRACTOR
    return doc.found
