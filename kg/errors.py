"""One error hierarchy for the whole library.

    KgError                 anything dipkg reports to a user as one line
    ├── InputError          an article file, folder, meta file or JSONL line that cannot be read
    ├── StoreError          the store cannot be opened, written or read
    ├── QueryError          a malformed query, or an update sent to a read-only command
    ├── ExportError         an unknown export format or an output that cannot be written
    └── ValidationError     SHACL validation could not run (violations are results, not errors)

Every message names the file or argument at fault. The CLI prints
``kg: <message>`` and exits non-zero; it never shows a traceback for these.
"""

from __future__ import annotations

__all__ = ["ExportError", "InputError", "KgError", "QueryError", "StoreError", "ValidationError"]


class KgError(Exception):
    """Base class: a problem to report to the user in one line."""


class InputError(KgError):
    """An input file or argument cannot be read as an article."""


class StoreError(KgError):
    """The store cannot be opened, read or written."""


class QueryError(KgError):
    """A query that is malformed or not allowed here."""


class ExportError(KgError):
    """An export that cannot be made."""


class ValidationError(KgError):
    """SHACL validation could not be run."""
