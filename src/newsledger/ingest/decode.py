"""Bytes to text: refuse binary data, detect legacy encodings before giving up.

Order: a BOM, strict UTF-8, then Cyrillic cp1251 when it reads as Cyrillic words, then
latin-1 only for text that looks like Western European prose.
"""

from __future__ import annotations

import codecs
import re

from newsledger.errors import BinaryInput, EmptyInput, EncodingProblem

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_CYRILLIC_WORD = re.compile(r"[а-яё]{3,}", re.IGNORECASE)
_LATIN_WORD = re.compile(r"[a-zà-ÿ]{3,}", re.IGNORECASE)


def decode_bytes(data: bytes, name: str) -> str:
    """Decode an input's bytes or raise a coded error naming the input."""
    if not data.strip():
        raise EmptyInput("empty input", source=name)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding)
    if b"\x00" in data[:8192]:
        raise BinaryInput("binary data, not text", source=name)
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
