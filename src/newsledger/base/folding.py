"""Case-insensitive matching made fast: fold the text once, then match case-sensitively.

A case-insensitive regular expression is slow to scan (the engine cannot skip ahead on a
letter it compares case-insensitively). `fold` lower-cases a text without moving any offset
and writes letters that ``re.IGNORECASE`` equates (σ and ς, s and ſ...) alike; `folded_pattern`
rewrites a case-insensitive pattern into a case-sensitive one that matches the folded text
exactly where, and as far as, the original matches the original text.
"""

from __future__ import annotations

import re

_GROUP = re.compile(r"\(\?P<\w+>")  # a named group's opening
# an escape or a group's name (kept as written), or a run of literal characters
_LITERAL = re.compile(r"(\\.|\(\?P<\w+>|\(\?P=\w+\))|((?:(?!\(\?P[<=])[^\\])+)")
_CODED = re.compile(r"\\[N0-7]|\(\?[aiLmsux-]")  # a character by name or octal code, a flag
_HEX = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))")
# letters re.IGNORECASE takes for one another beyond lower case (re._casefix), written as one
# word character of their class; the combining ypogegrammeni (not a word character) is left
# alone and makes a text unfoldable
_SAME_LETTER = str.maketrans(
    "\u0131\u017f\u00b5\u1fbe\u1fd3\u1fe3\u03d0\u03f5\u03d1\u03f0\u03d6\u03f1\u03c2\u03d5"
    "\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85\u1c86\u1c87\ua64b\u1e9b\ufb06",
    "is\u03bc\u03b9\u0390\u03b0\u03b2\u03b5\u03b8\u03ba\u03c0\u03c1\u03c3\u03c6"
    "\u0432\u0434\u043e\u0441\u0442\u0442\u044a\u0463\u1c88\u1e61\ufb05")
_UNFOLDABLE = "\u0345"
_EQUATED = re.compile("[" + "".join(map(chr, _SAME_LETTER)) + "]")


def fold(text: str) -> str | None:
    """``text`` lower-cased with equated letters written alike, offsets unchanged; None when
    that cannot be (a letter whose lower case is longer, such as "İ")."""
    lowered = text.lower()
    if len(lowered) != len(text) or _UNFOLDABLE in lowered:
        return None
    return lowered.translate(_SAME_LETTER) if _EQUATED.search(lowered) else lowered


def folded_pattern(source: str, keep_groups: bool = False) -> str | None:
    """A case-sensitive pattern that matches folded text where the case-insensitive
    ``source`` matches the text: literal letters folded, named groups made plain unless
    ``keep_groups``. None when that cannot be (a letter by its code, an inline flag, a
    letter whose lower case is longer)."""
    if not keep_groups and "(?P=" in source:
        return None  # a reference to a group about to be made plain
    plain = source if keep_groups else _GROUP.sub("(?:", source)
    if _CODED.search(plain) or len(plain.lower()) != len(plain) or _UNFOLDABLE in plain or any(
            _cased(chr(int("".join(code), 16))) for code in _HEX.findall(plain)):
        return None
    return _LITERAL.sub(lambda part: part.group(1) or _fold_literal(part.group(2)), plain)


def _cased(char: str) -> bool:
    return char.lower() != char or char.upper() != char or _fold_literal(char) != char


def _fold_literal(literal: str) -> str:
    return literal.lower().translate(_SAME_LETTER)
