"""An agreement as the merging pass sees it (kg.event_resolution.StoredAgreement), built in a test."""

from __future__ import annotations

from collections.abc import Iterable

from kg.event_resolution import StoredAgreement


def stored_agreement(
    sha: str, title: str, lang: str, *, kind: str, parties: Iterable[str], **values
) -> StoredAgreement:
    """A report of ``kind`` between ``parties`` titled ``title`` (in ``lang``) by article ``sha``;
    ``values`` set any other attribute (``signed_on``, ``valid_from``, …)."""
    a = StoredAgreement(sha, f"x-{sha}", own=f"x-{sha}", kind=kind)
    a.parties = set(parties)
    a.titles = {title: lang}
    for key, value in values.items():
        setattr(a, key, value)
    return a
