"""One exception hierarchy with stable codes (``NL104 malformed JSON at line 3``).

Codes are grouped by hundreds: 1xx input, 2xx store, 3xx queries and options.
The API renders any of them as ``{"error": {"code", "message"}}``.
"""

from __future__ import annotations

import re

_LINE_BREAKS = re.compile(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")


def printable(text: str) -> str:
    """``text`` on one line: line breaks folded to a space, other control characters escaped."""
    folded = _LINE_BREAKS.sub(" ", text)
    if folded.isprintable():
        return folded
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in folded)


def quote_name(name: str) -> str:
    """A file name or URL as printed in messages: as it is, or quoted with escapes when it
    holds a line break, a terminal escape or another invisible character."""
    return name if name.isprintable() else repr(name)


class NewsledgerError(Exception):
    """Base of every error newsledger raises on purpose."""

    code = "NL000"
    status = 500  # HTTP status when the web API reports it

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        prefix = f"{quote_name(self.source)}: " if self.source else ""
        return f"{prefix}{self.code} {printable(self.message)}"

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


class InputWarning(InputError):
    """The article is stored, but one of its fields was dropped or changed (a warning line)."""

    code = "NL115"


class InvalidDate(InputWarning):
    """A published date that is no calendar day ("2022-13-45", "2022-02-30", "someday").

    One bad field must not lose the article: it is stored with ``published`` null and this
    warning is printed. Dates are kept as YYYY-MM-DD: a datetime keeps its date, a relative
    date ("yesterday", "3 days ago") is resolved against the file's modification time (a URL's
    download time)."""

    code = "NL116"


class InvalidField(InputWarning):
    """A field of the wrong type (an object for a name) or too long (a language over 8
    characters): stored as null, the article kept."""

    code = "NL117"


class NotRegularFile(InputError):
    """A FIFO, socket or device: never opened, since reading it may block forever."""

    code = "NL118"


class DecompressedTooLarge(InputTooLarge):
    """A compressed input that unpacks to more than ``max_input_bytes`` (a gzip bomb)."""

    code = "NL119"


class UnparsableHTML(InputError):
    """The HTML libraries failed on the page (an lxml or htmldate error)."""

    code = "NL120"


class NoArticle(InputError):
    """A page whose text is no article: a login form, navigation, a cookie notice."""

    code = "NL121"


class EmptyArchive(InputError):
    """A readable WARC or ARC file without any HTML page in it."""

    code = "NL122"


class NoTelegramChannels(InputError):
    """A Telegram account export (``chats.list``) without channels; personal chats and groups
    are private and never read as articles."""

    code = "NL123"


class InternalError(NewsledgerError):
    """An unexpected exception while reading or analysing one input: a bug to report. The
    other inputs still go in, and ``ingest`` exits with 3."""

    code, status = "NL139", 500

    @classmethod
    def of(cls, error: BaseException, source: str) -> InternalError:
        """The line for ``error`` met while reading or analysing ``source``."""
        return cls(f"internal error ({type(error).__name__}: {error}); please report it",
                   source=source)


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


class ReferenceProblem(QueryError):
    """Official reference figures (``newsledger reference import``) that cannot be loaded."""

    code = "NL340"


class BadReferenceRow(ReferenceProblem):
    """One row of a reference CSV that cannot be read; the file's other rows still load. The
    line names the file and line: ``mobilization.csv:4: NL341 as_of ...``."""

    code = "NL341"


class BadReferenceFile(ReferenceProblem):
    """A reference CSV that cannot be read at all: missing, not UTF-8, or without the
    required columns."""

    code = "NL342"


class PrivateViewExposed(BadOption):
    """The private web view (full text, names unredacted) asked to listen beyond this machine:
    it binds only to a loopback address; ``serve --public`` serves the redacted edition."""

    code = "NL350"


class InvalidFilter(BadOption):
    """A read filter, sort key or page outside its allowed values (``counted="left"``,
    ``since="notadate"``): the message names the filter and what it allows."""

    code = "NL320"
