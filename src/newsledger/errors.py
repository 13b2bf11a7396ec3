"""One exception hierarchy with stable codes (``NL104 malformed JSON at line 3``).

Codes are grouped by hundreds: 1xx input, 2xx store, 3xx queries and options.
The API renders any of them as ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations


class NewsledgerError(Exception):
    """Base of every error newsledger raises on purpose."""

    code = "NL000"
    status = 500  # HTTP status when the web API reports it

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        prefix = f"{self.source}: " if self.source else ""
        return f"{prefix}{self.code} {self.message}"

    def as_dict(self) -> dict:
        return {"error": {"code": self.code, "message": str(self)}}


class InputError(NewsledgerError):
    code, status = "NL100", 400


class EmptyInput(InputError):
    code = "NL101"


class BinaryInput(InputError):
    code = "NL102"


class EncodingProblem(InputError):
    code = "NL103"


class MalformedJSON(InputError):
    code = "NL104"


class MissingText(InputError):
    code = "NL105"


class InputTooLarge(InputError):
    code = "NL106"


class InputNotFound(InputError):
    code = "NL107"


class UnreadableInput(InputError):
    code = "NL108"


class FetchFailed(InputError):
    code = "NL109"


class MalformedHTML(InputError):
    code = "NL110"


class UnsupportedInput(InputError):
    code = "NL111"


class NotArticleData(InputError):
    """A data file met in a folder walk that holds no articles (gold files, indexes)."""

    code = "NL112"


class MalformedFeed(InputError):
    code = "NL113"


class MalformedArchive(InputError):
    """A WARC file warcio cannot read."""

    code = "NL114"


class LabelsOutOfDate(InputError):
    """A label file whose texts changed since labelling, or whose offsets do not fit them."""

    code = "NL150"


class StoreError(NewsledgerError):
    code = "NL200"


class SchemaTooNew(StoreError):
    code = "NL201"


class UnsupportedDatabase(StoreError):
    code = "NL202"


class MigrationFailed(StoreError):
    """A ledger copy into a non-empty target, or counts that differ after copying."""

    code = "NL203"


class LedgerNotFound(StoreError):
    """A ledger to read (or migrate from) that does not exist: reading never creates one."""

    code = "NL204"


class NotALedger(StoreError):
    """A file that is not a SQLite database, or a database that holds no ledger."""

    code = "NL205"


class LedgerUnavailable(StoreError):
    """A database that cannot be opened or reached (no server, no such database)."""

    code = "NL206"


class LedgerReadOnly(StoreError):
    """A write to a ledger that can only be read (read-only media, a read-only connection)."""

    code = "NL207"


class LedgerBusy(StoreError):
    """Another writer held the ledger's write lock longer than the busy timeout."""

    code = "NL208"


class QueryError(NewsledgerError):
    code, status = "NL300", 400


class NotFound(QueryError):
    code, status = "NL301", 404


class BadOption(QueryError):
    code = "NL302"


class ExportRefused(QueryError):
    """An export that would publish what must stay private (raw text, unredacted names)."""

    code = "NL310"


class ExportNotWritten(QueryError):
    """An export file that cannot be written (no such folder, no permission)."""

    code = "NL311"
