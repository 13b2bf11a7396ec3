"""Bytes to text: refuse binary data, detect legacy encodings before giving up.

Order: a BOM (UTF-8, UTF-16, UTF-32: then the text must decode strictly), UTF-16 or UTF-32
without a BOM when every character decodes to text, strict UTF-8, then Cyrillic cp1251 when
it reads as Cyrillic words, then latin-1 only for text that looks like Western European prose.
"""

from __future__ import annotations

import codecs
import re

from newsledger.errors import BinaryInput, EmptyInput, EncodingProblem

# UTF-32 first: its little-endian BOM starts with UTF-16's.
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32-le"),
         (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))
_WIDE = ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_CYRILLIC_WORD = re.compile(r"[а-яё]{3,}", re.IGNORECASE)
_LATIN_WORD = re.compile(r"[a-zà-ÿ]{3,}", re.IGNORECASE)


def _strict(data: bytes, encoding: str, name: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise EncodingProblem(f"{why}, but byte {error.start} is not valid {encoding}",
                              source=name) from error


def _wide_text(data: bytes) -> str | None:
    """The text of UTF-16 or UTF-32 data without a BOM, when one of them reads cleanly."""
    for encoding in _WIDE:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        odd = sum(1 for char in text if not char.isprintable() and not char.isspace())
        if _CONTROL.search(text) is None and "\ufffd" not in text and odd * 100 <= len(text):
            return text
    return None


def decode_bytes(data: bytes, name: str) -> str:
    """Decode an input's bytes or raise a coded error naming the input."""
    if not data.strip():
        raise EmptyInput("empty input", source=name)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], encoding, name, f"a {encoding} byte-order mark")
            if not text.strip():
                raise EmptyInput("empty input", source=name)
            return text
    if b"\x00" in data[:8192]:
        text = _wide_text(data)
        if text is None:
            raise BinaryInput("binary data, not text", source=name)
        return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        utf8_error = error
    text = data.decode("cp1251", errors="replace")
    if len(_CYRILLIC_WORD.findall(text)) >= 3 and "\ufffd" not in text:
        return text
    text = data.decode("latin-1")
    if _CONTROL.search(text) is None and len(_LATIN_WORD.findall(text)) >= 3:
        return text
    raise EncodingProblem(
        f"not valid UTF-8 (byte {utf8_error.start}) and not cp1251 or latin-1 text", source=name)
