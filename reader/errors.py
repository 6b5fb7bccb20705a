"""The error hierarchy: every error a user can cause is a ReaderError.

The CLI prints ``rtl-reader: <subject>: <message>`` for these and exits 1; the
GUI shows the same line in a dialog. Anything else is a bug and may traceback.
"""

from __future__ import annotations


class ReaderError(Exception):
    """A failure caused by input or environment, reported as one line.

    ``subject`` names what the user gave (a path, an ID, a query); ``str(err)``
    is the cause alone, without the subject.
    """

    def __init__(self, subject: str, message: str) -> None:
        super().__init__(message)
        self.subject = str(subject)
        self.message = message

    def __reduce__(self) -> tuple[type[ReaderError], tuple[str, str]]:
        # Errors cross from the worker processes of an import (pickled).
        return type(self), (self.subject, self.message)

    def line(self) -> str:
        """The one-line form: ``<subject>: <cause>``. A subject that shows
        nothing (only spaces or invisible characters) is written as its
        escapes, quoted (``'\\u202e'``): as it is, the line named a blank."""
        from reader.text.bidi import shows_nothing  # errors sit below every layer

        if not self.subject:
            return self.message
        subject = ascii(self.subject) if shows_nothing(self.subject) else self.subject
        return f"{subject}: {self.message}"


class UnsupportedFile(ReaderError):
    """The file is not a kind we import (binary, unknown format)."""


class DecodeFailed(ReaderError):
    """The bytes are not text in any encoding we accept (or decode to mojibake)."""


class InputTooLarge(ReaderError):
    """The input is over a documented size or nesting limit; nothing was read whole."""


class EmptyInput(ReaderError):
    """The input holds no article text."""


class FetchFailed(ReaderError):
    """A web address could not be fetched."""


class StoreError(ReaderError):
    """The article store cannot be used."""


class StoreDamaged(StoreError):
    """The store file is an rtl-reader store (an SQLite file) whose pages are
    damaged or missing: ``--backup-and-reset`` keeps it aside and starts anew."""


class NoStore(StoreError):
    """Nothing at the store path, and the caller did not ask to create a store."""


class StoreLocked(StoreError):
    """Another process holds the store's write lock for longer than we wait."""


class NotADatabase(StoreError):
    """The store path exists but is not an rtl-reader SQLite file (never overwritten)."""


class StoreTooNew(StoreError):
    """The store was written by a newer rtl-reader (schema version above ours)."""


class StoreReadOnly(StoreError):
    """The store file or its folder cannot be written."""


class NotFound(ReaderError):
    """No article (or highlight) with that ID."""


class CannotRestore(ReaderError):
    """A deleted article cannot come back under its own id: another article
    has that id now, or has exactly its text."""


class QueryError(ReaderError):
    """A malformed search or find query."""


class ExportError(ReaderError):
    """An export could not be written."""


class OutputExists(ExportError):
    """The output file exists and overwriting was not allowed."""


class OutputFailed(ReaderError):
    """Standard output refused what the command printed (closed, a full disk)."""
