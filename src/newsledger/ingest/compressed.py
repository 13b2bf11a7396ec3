"""Gzip-compressed inputs, unpacked to at most a limit (a small file may hold a gzip bomb)."""

from __future__ import annotations

import zlib

from newsledger.errors import DecompressedTooLarge

_GZIP_MAGIC = b"\x1f\x8b"


def gunzip_limited(data: bytes, limit: int, name: str) -> bytes:
    """``data`` unpacked when it is gzip (every member), else as it is.

    Raises ``DecompressedTooLarge`` after unpacking at most ``limit + 1`` bytes. A damaged or
    truncated stream gives what was unpacked before the damage, for the reader to judge.
    """
    if not data.startswith(_GZIP_MAGIC):
        return data
    out = bytearray()
    rest = data
    while rest.startswith(_GZIP_MAGIC):
        stream = zlib.decompressobj(wbits=31)
        try:
            out += stream.decompress(rest, limit + 1 - len(out))
            while stream.unconsumed_tail and len(out) <= limit:
                out += stream.decompress(stream.unconsumed_tail, limit + 1 - len(out))
            if len(out) <= limit and not stream.eof:
                out += stream.flush()
        except zlib.error:
            break
        if len(out) > limit:
            raise DecompressedTooLarge(
                f"unpacks to more than {limit} bytes (the limit)", source=name)
        if not stream.eof:
            break
        rest = stream.unused_data
    return bytes(out)
