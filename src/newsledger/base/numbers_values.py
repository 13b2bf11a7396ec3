"""Evaluating a matched number span: digit strings in national formats and number-word sequences.

Words are combined with the usual additive/multiplicative rule: additive words (units, teens,
tens, hundreds such as "двести") must come in strictly decreasing order, a multiplier ("hundred",
"cento") multiplies what precedes it, a magnitude ("thousand", "тысяч", "dozen") closes a group
and must be smaller than the previous magnitude. The first word that breaks these rules ends the
number, so "cinco e seis" is five, and "700mila e un milione" stops after "700mila".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsledger.base.numbers_grammar import NumberGrammar

_NON_DIGIT = re.compile(r"\D")


@dataclass(frozen=True, slots=True)
class SpanValue:
    """The value of a number span and how much of the span the grammar accepted."""

    value: float | None
    end: int  # offset in the text where the accepted part ends
    kind: str  # "digits", "words" or "mixed"
    scale: float  # the magnitude that closes the number ("10-11 thousand"), 1 when none
    approximate: bool = False  # a word such as "desetak", "une centaine" rounds the number
    fraction: bool = False  # not a whole number, or digits with a decimal part and no magnitude


def whole(value: float) -> bool:
    """Whether a value is a whole number (up to the float error of "1.1 million")."""
    return abs(value - round(value)) < 1e-6


def digits_value(digits: str, decimal_separator: str, scaled: bool) -> float | None:
    """The value of a digit string such as ``1,176`` ``1 176`` ``2,5`` ``1.234,5`` (None for
    clock times). One separator followed by exactly three digits groups thousands, unless it is
    the language's decimal separator and a magnitude word follows ("1,500 Mio.")."""
    separators = _NON_DIGIT.findall(digits)
    parts = _NON_DIGIT.split(digits)
    if not separators:
        return float(digits)
    if ":" in separators or "h" in separators or "H" in separators:
        return None  # a clock time
    if len(set(separators)) == 1:
        single = len(separators) == 1
        decimal = single and (
            len(parts[1]) != 3 or (scaled and separators[0] == decimal_separator)
        )
        if not decimal:
            return float("".join(parts))
        return float(f"{parts[0]}.{parts[1]}")
    return float("".join(parts[:-1]) + "." + parts[-1])


def evaluate_span(grammar: NumberGrammar, text: str, start: int, end: int) -> SpanValue | None:
    """Evaluate ``text[start:end]``; None when no number word or digit starts it."""
    lex = grammar.lexicon
    tokens = [
        (match.group().lower(), match.lastgroup == "digits", match.start(), match.end())
        for match in grammar.tokenizer.finditer(text, start, end)
    ]
    total = current = 0.0
    last_add = last_scale = float("inf")
    accepted_end, kind, scale, inverted, approximate = start, "", 1.0, False, False
    decimal = False
    for index, (form, is_digits, _, token_end) in enumerate(tokens):
        if is_digits:
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            suffix = _suffix(grammar, text, token_end, end)
            scaled = suffix is not None or following in lex.words["magnitudes"] or \
                following in lex.words["multipliers"]
            value = digits_value(form, lex.decimal_separator, scaled)
            if index and not (current == 0 and value is not None and value < last_scale):
                break  # digits go on only after a larger magnitude ("2万2215")
            if value is None:
                return SpanValue(None, token_end, "digits", 1.0)
            decimal = value != float(_NON_DIGIT.sub("", form))  # "2.5", "99.20", not "1,500"
            if suffix is not None:
                factor = lex.suffixes[suffix.group("suffix").lower()]
                return SpanValue(value * factor, suffix.end(), "mixed", factor,
                                 fraction=not whole(value * factor))
            current, last_add, kind = value, 0.0, "mixed" if index else "digits"
        elif form in lex.joiners or form in lex.inner_joiners:
            inverted = form in lex.inner_joiners  # "fünfundzwanzig": the unit comes first
            continue
        elif form in lex.words["numbers"] or form in lex.words["fractions"]:
            value = lex.words["numbers"].get(form, lex.words["fractions"].get(form, 0.0))
            if value < 1 and current == 0 and last_scale != float("inf"):
                total += value * last_scale  # "a million and a half", "milion i po"
                accepted_end = token_end
                continue
            if value >= last_add and not inverted:
                break
            if form in lex.weak and last_add != float("inf") and last_add % 10:
                break  # "vingt et un" is 21, "cinco e uma pessoa" is five
            current, last_add, inverted = current + value, value, False
        elif form in lex.words["multipliers"]:
            value = lex.words["multipliers"][form]
            if current >= value:
                break
            current, last_add, scale = (current or 1) * value, value, value
        elif form in lex.words["magnitudes"]:
            value = lex.words["magnitudes"][form]
            if value >= last_scale:
                break
            total += (current or 1) * value
            current, last_add, last_scale, scale = 0.0, value, value, value
        else:
            break
        if not is_digits:
            kind = "mixed" if kind in ("digits", "mixed") else "words"
            scale = scale if form not in lex.words["numbers"] else 1.0
        approximate = approximate or form in lex.approximate
        accepted_end = token_end
    if not kind:
        return None
    value = total + current
    fraction = not whole(value) or decimal and scale == 1
    return SpanValue(value, accepted_end, kind, scale, approximate, fraction)


def _suffix(grammar: NumberGrammar, text: str, position: int, end: int) -> re.Match | None:
    """A magnitude letter right after digits: glued ("1.5m", "700k"), or after a space only
    when written in capitals ("8 B")."""
    found = grammar.suffix_after.match(text, position, end)
    if found is None or found.group("space") and not found.group("suffix").isupper():
        return None
    return found


def vague_interval(scale: float) -> tuple[int, int]:
    """The conventional interval of a vague magnitude: dozens/tens 24..99, otherwise
    [2 x scale, 10 x scale - 1] (hundreds 200..999, tens of thousands 20000..99999)."""
    if scale <= 12:
        return 24, 99
    return int(2 * scale), int(10 * scale - 1)
