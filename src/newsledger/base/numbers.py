"""Number expressions in running text, in every supported language.

:func:`find_number_expressions` returns every number expression of a text, left to right and
non-overlapping, with the qualifier words directly attached ("around 98,000", "более 2 тысяч",
"hundreds of thousands", "près de 10 000", "мінімум у 23", "10-11 thousand") and the interval it
means under the ledger's conventions (exact [N,N]; approx [N,N]; at_least and more_than [N,None];
at_most and less_than [None,N]; range [N,M]; vague magnitudes such as "tens of thousands"
[20000, 99999]). It does not decide what is a figure: it reports what follows a number
(``followed_by``: percent, money, age, duration, year, distance, time, ordinal, measure, and
"date" for a day.month such as "21.09"), what stands right before it (``preceded_by``: "legal"
after "статья", "article", "Artikel"; "number_sign" after "№", "No."; "age" after "aged", "the
age of", "в возрасте"; "phone" after a "+7" prefix; "year" after a temporal preposition ("by
2120"); "name" when glued by a hyphen to a word or right after an acronym: "COVID-19", "FTSE
100"), whether the number looks like a year (``is_year_like``) and whether it is a decimal no
magnitude makes whole (``fractional``: "1.5", "7,425.81"; "1.5m" and "2,5 тыс." are whole); the
figure extractor filters on those. Dates with a slash ("21/09") and full dates ("21.09.2022")
are no number at all.

Language tables
---------------
Each language is one TOML file ``lang/numbers/<iso639-1>.toml``; ``common.toml`` is merged into
every language (symbols, currency signs, digit range dashes). All words are matched without regard
to case; a space in a phrase matches any whitespace, ``*`` at the end of a unit word matches any
ending (a stem, for inflected units). Keys:

``decimal_separator``  "," or "." — decides "1,500 Mio." (decimal) vs "1,500 million".
``also``               other tables to merge (a close language borrowing a table).
``compound``           true when number words are glued together ("trecentomila").
``inner_joiners``      glue inside a compound word ("und" in "fünfundzwanzig").
``joiners``            separate words allowed between number words ("and", "y", "e", "și").
``union``              false to leave the table out of the union of all tables read for a text
                       of unknown language (its short words are words of other languages:
                       Norwegian "to", Turkish "on", Czech "set").
``weak``               forms that are a number only before a multiplier or magnitude
                       ("a" in "a million"; "un", "ein", "um" are articles otherwise).
``joined_weak``        weak forms that are numbers after a round number ("vingt et un", "cent
                       un", "vinte e um", "treinta y una"; but "cinco e uma pessoa" is five).
``[numbers]``          additive values -> forms: units, teens, tens, hundreds, all case forms
                       (``"2" = ["два", "две", "двух", ...]``); keys are decimal strings.
``[fractions]``        additive fractional values (``"1.5" = ["полтора", ...]``, ``"0.5" = ["and
                       a half"]``).
``[multipliers]``      words that multiply what precedes them ("hundred", "cent", "cento").
``[magnitudes]``       words that close a group: thousand, million, dozen (12), their case forms
                       and abbreviations ("тыс.", "Mio.", "tys.", "mln").
``[vague]``            plural magnitude words -> their base ("hundreds" = 100, "Zehntausende" =
                       10000, "десятки" = 10); a vague expression multiplies its bases
                       ("tens of thousands" = 10 x 1000) and maps a scale s to [2s, 10s-1]
                       (tens and dozens: [24, 99]).
``several``            words that make a magnitude vague ("several thousand", "несколько тысяч").
``[vague_spans]``      vague words with their own interval, multiplied by the magnitudes after
                       them ("kilkanaście" = [12, 19]: "kilkanaście tysięcy" is 12000..19999).
``approximate``        number or magnitude forms that make an exact number approx ("desetak",
                       "une centaine", "un millier", "un centenar", "een tiental").
``singular_after_qualifier`` forms that are plural magnitudes alone but one round number after a
                       qualifier ("сотни" in "более сотни тысяч" is 100000, more_than).
``vague_connectors``   words between vague magnitudes ("of", "de", "di").
``[qualifiers]``       approx, at_least, more_than, at_most, less_than -> phrases placed directly
                       before the number ("about", "не менее", "près de", "мінімум у").
``[qualifiers_after]`` the same kinds -> phrases right after a number with no qualifier before
                       it, included in the expression ("100,000 or more" and "10,000+" at_least,
                       "1000 с лишним" more_than, "50 or fewer" at_most, "100 environ" approx).
                       A phrase starting with a sign ("+", "-odd") is glued to the number.
``[ranges]``           ``openers``/``closers`` ("from".."to", "от".."до", "tra".."e") and
                       ``connectors`` between two numbers ("to", "à", "-", "–").
``counters``           counter words of people glued to a number, part of the expression in
                       languages that count with them ("人" in "30万人", "명" in "20만 명").
``[verbal_after]``     qualifier kinds -> verbs right after a number (or its counter) that set
                       its qualifier but stay outside the expression ("20万人を超える" more_than).
``digits_after_magnitude`` true when digits after a magnitude word add to it ("44 bin 218",
                       "mil 404"): a group of three digits.
``[suffixes]``         magnitude letters after digits -> forms ("1000" = ["k"]): glued ("700k",
                       "1.5m") or, written in capitals, after one space ("8 B").
``[units]``            percent, money, age, duration, year, distance, time, ordinal, measure
                       (weights, volumes, areas) -> words that right after a number mark it as
                       not a count of people or events.
``currency_before``    signs placed before an amount ("$", "€").
``[preceded_by]``      legal, number_sign, age, phone, year -> words right before a number that
                       make it an identifier, an age or (a bare four-digit number) a year
                       ("статья", "artículo", "№", "aged", "w wieku", "by", "d'ici").
``change_words``       words (stems with ``*``) after which an at_most phrase means "to" a new
                       level, not "up to" ("wzrosła do 10 tysięcy", "выросло до 5 тысяч").

Adding a language is adding its table and a test file with sentences in that language. Words
of scripts written without spaces (kana, ideographs, Hangul glued to particles) need no word
boundary next to a letter of those scripts ("約10万人", "300명 이상", "500多名").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsledger.base.folding import fold
from newsledger.base.numbers_grammar import NumberGrammar, grammar_for
from newsledger.base.numbers_tables import QUALIFIER_KINDS, Lexicon, available_languages
from newsledger.base.numbers_values import SpanValue, evaluate_span, vague_interval, whole

_YEAR = re.compile(r"(?:19|20)\d\d")
_DATED_YEAR = re.compile(r"[12]\d{3}")  # a year when a temporal preposition says so ("by 2120")
# A number glued by a hyphen to a word ("COVID-19", "Su-25") or right after an acronym
# ("FTSE 100", "CAC 40") is part of a name.
_WORD = re.compile(r"[^\W\d_]+")
_LAST_WORD = re.compile(r"([^\W\d_]+)[^\w]*$")
_NAME_BEFORE = re.compile(
    r"(?:[^\W\d_][-\u2010\u2011]|(?<![\w&-])(?P<acronym>[^\W\d_]{2,5})[ \u00a0])$")
_CLOCK = re.compile(r"\d{1,2}[hH]\d{2}")
_DAY_MONTH = re.compile(r"(?:0?[1-9]|[12]\d|3[01])\.(?:0[1-9]|1[0-2])")  # "21.09"


@dataclass(frozen=True, slots=True)
class NumberExpression:
    """One number expression: its span, its interval and what kind of number it is."""

    start: int  # char offsets into the text
    end: int
    text: str  # == text[start:end], qualifier words included
    low: int | None
    high: int | None
    qualifier: str  # exact, approx, at_least, more_than, at_most, less_than, range, vague
    value_start: int  # offsets of the bare numeric core, without qualifier or range opener
    value_end: int
    kind: str  # "digits", "words", "vague", "mixed" ("98 тысяч", "2,5 Mio.")
    followed_by: str  # percent, money, age, duration, year, distance, time, ordinal, date or ""
    preceded_by: str = ""  # legal ("статья 328"), number_sign ("№ 5"), age ("aged 34"), phone
    fractional: bool = False  # "1.5", "7,425.81", "99.20": a decimal no magnitude makes whole

    @property
    def is_year_like(self) -> bool:
        """A hint that this is a date, not a count: a number followed by a year word ("2022
        году"), or a bare four-digit 1900-2099 without an approximating or lower-bound qualifier
        ("in 2022", "до 2023", "2022-2023"; but not "about 2000", "more than 1,900")."""
        core = self.text[self.value_start - self.start:self.value_end - self.start]
        runs = re.findall(r"\d+", core)
        year = _DATED_YEAR if self.preceded_by == "year" else _YEAR
        bare = self.kind == "digits" and all(year.fullmatch(run) for run in runs)
        plain = self.qualifier in ("exact", "at_most", "range")
        return self.followed_by == "year" or (bare and plain)


def find_number_expressions(text: str, language: str | None) -> list[NumberExpression]:
    """All number expressions in text, left to right, non-overlapping."""
    grammar = grammar_for(language if language in available_languages() else None)
    found: list[NumberExpression] = []
    position = 0
    folded = fold(text) if grammar.folded_scanner is not None else None
    while match := _next_match(grammar, text, folded, position):
        expression = _expression(grammar, text, match)
        if expression is None and (single := grammar.single.match(text, match.start())):
            expression = _expression(grammar, text, single)
        if expression is None:
            position = match.start() + 1
            continue
        found.append(expression)
        unit = grammar.unit_after.match(text, expression.end) if expression.followed_by else None
        position = unit.end() if unit else expression.end  # "pour cent" holds no second number
    return found


def _next_match(grammar: NumberGrammar, text: str, folded: str | None,
                position: int) -> re.Match | None:
    """The scanner's next match; the case-sensitive scan of the folded text finds where."""
    if folded is None:
        return grammar.scanner.search(text, position)
    hit = grammar.folded_scanner.search(folded, position)
    return grammar.scanner.match(text, hit.start()) if hit else None


def parse_number(text: str, language: str | None) -> int | None:
    """The value of a text that is one number ("1 176", "98 тыс.", "двух тысяч", "two dozen");
    None when it is not exactly one number with a single value."""
    stripped = text.strip()
    found = find_number_expressions(stripped, language)
    if len(found) != 1 or found[0].text != stripped or found[0].low != found[0].high:
        return None
    return found[0].low


def _expression(grammar: NumberGrammar, text: str, match: re.Match) -> NumberExpression | None:
    kind = next((k for k in QUALIFIER_KINDS if match.group(k) is not None), "exact")
    if kind == "at_most" and grammar.change_before.search(text, max(0, match.start() - 40),
                                                          match.start()):
        kind = "to_level"  # "wzrosła do 10 tysięcy": the preposition means "to", not "up to"
    if "opener" in match.re.groupindex and match.group("opener") is not None:
        return _range(grammar, text, match, kind, match.span("ra"), match.span("rb"))
    if "ra2" in match.re.groupindex and match.group("ra2") is not None:
        if match.group("rb2").lower() in grammar.lexicon.words["magnitudes"]:
            return None  # "53-tisíc" is one number, not a range
        return _range(grammar, text, match, kind, match.span("ra2"), match.span("rb2"))
    if match.group("vague") is not None:
        return _vague(grammar, text, match, kind)
    value = evaluate_span(grammar, text, *match.span("num"))
    if value is None:
        return None
    start = match.start("num") if kind == "to_level" else match.start()
    kind, end = "exact" if kind == "to_level" else kind, _counter_end(grammar, text, value.end)
    kind = "approx" if kind == "exact" and value.approximate else kind
    if kind == "exact" and (after := grammar.qualifier_after.match(text, end)):
        kind, end = after.lastgroup or kind, after.end()  # "100,000 or more", "1000 с лишним"
    elif kind == "exact" and (verb := grammar.verbal_after.match(text, end)):
        kind = verb.lastgroup or kind  # "20万人を超える": the verb stays outside the expression
    low, high = _interval(kind, _integer(value.value))
    return _make(grammar, text, start, end, low, high, kind, (match.start("num"), value.end),
                 value.kind, value.fraction)


def _range(grammar: NumberGrammar, text: str, match: re.Match, qualifier: str,
           first: tuple[int, int], second: tuple[int, int]) -> NumberExpression | None:
    high = evaluate_span(grammar, text, *second)
    if high is None or high.value is None:
        return None
    if text[first[0]:first[1]].lower() in grammar.lexicon.several:
        return _make(grammar, text, match.start(), high.end, None, _integer(high.value),
                     "at_most", (first[0], high.end), high.kind)
    low = evaluate_span(grammar, text, *first)
    if low is None or low.value is None or low.end != first[1]:
        return None
    low_value = _scaled_low(low, high)
    if low_value >= high.value:
        return None
    kind = high.kind if low.kind == high.kind else "mixed"
    fraction = high.fraction or (low.fraction if low_value == low.value else not whole(low_value))
    return _make(grammar, text, match.start(), _counter_end(grammar, text, high.end),
                 _integer(low_value), _integer(high.value), "range", (first[0], high.end), kind,
                 fraction)


def _counter_end(grammar: NumberGrammar, text: str, end: int) -> int:
    """Where a number ends with the counter word of people glued to it ("30万人", "20만 명")."""
    counter = grammar.counter_after.match(text, end)
    return counter.end() if counter else end


def _scaled_low(low: SpanValue, high: SpanValue) -> float:
    """"10-11 thousand": the magnitude closing the second number applies to the first."""
    if low.scale == 1 and high.scale > 1 and low.value * high.scale <= high.value:
        return low.value * high.scale
    return low.value


def _vague(grammar: NumberGrammar, text: str, match: re.Match, qualifier: str) -> NumberExpression:
    lex = grammar.lexicon
    start, end = match.span("vague")
    forms = [token.group().lower() for token in grammar.vague_tokenizer.finditer(text, start, end)]
    scales = [form for form in forms if form not in lex.vague_connectors]
    if qualifier != "exact" and _singular(lex, scales):
        # "около тысячи", "более сотни тысяч": after a qualifier the plural-looking form is
        # singular.
        value = 1.0
        for form in scales:
            value *= lex.words["magnitudes"][form]
        low, high = _interval(qualifier, int(value))
        return _make(grammar, text, match.start(), _counter_end(grammar, text, end), low, high,
                     qualifier, (start, end),
                     "words")
    scale, span = 1.0, None
    for form in scales:
        base = (lex.words["vague"].get(form) or lex.words["magnitudes"].get(form)
                or lex.words["multipliers"].get(form))
        span = lex.spans.get(form, span)
        scale *= 10 if base == 12 and len(scales) > 1 else (base or 1)
    low, high = vague_interval(scale) if span is None else (
        span[0] * scale, (span[1] + 1) * scale - 1)  # "kilkanaście tysięcy": 12000..19999
    return _make(grammar, text, start, _counter_end(grammar, text, end), int(low), int(high),
                 "vague", (start, end), "vague")


def _singular(lex: Lexicon, forms: list[str]) -> bool:
    """Whether magnitude words after a qualifier read as one round number: all are magnitudes
    and the first is not only a plural ("более сотни тысяч", but "over hundreds of thousands")."""
    first_plural = forms[0] in lex.words["vague"] and forms[0] not in lex.singular
    single = len(forms) == 1 or not first_plural
    return single and all(form in lex.words["magnitudes"] for form in forms)


def _interval(qualifier: str, value: int | None) -> tuple[int | None, int | None]:
    if qualifier in ("at_least", "more_than"):
        return value, None
    if qualifier in ("at_most", "less_than"):
        return None, value
    return value, value


def _integer(value: float | None) -> int | None:
    return None if value is None else int(round(value))


def _make(grammar: NumberGrammar, text: str, start: int, end: int, low: int | None,
          high: int | None,
          qualifier: str, core: tuple[int, int], kind: str, fractional: bool = False
          ) -> NumberExpression:
    return NumberExpression(
        start=start, end=end, text=text[start:end], low=low, high=high, qualifier=qualifier,
        value_start=core[0], value_end=core[1], kind=kind,
        followed_by=_unit(grammar, text, core, end), preceded_by=_preceded(grammar, text, start),
        fractional=fractional,
    )


def _preceded(grammar: NumberGrammar, text: str, start: int) -> str:
    """The kind of word right before the expression that makes it an identifier, an age or a
    year, not a count; "name" when it is part of a name."""
    name = _NAME_BEFORE.search(text, max(0, start - 7), start)
    if name and (not name.group("acronym") or _acronym(text, name.start())):
        return "name"
    before = grammar.preceded_by.search(text, max(0, start - 30), start)
    return (before.lastgroup or "") if before else ""


def _acronym(text: str, start: int) -> bool:
    """Whether the word at ``start`` is in capitals and the word before it is not (in a
    headline in capitals, "CALLS UP 300,000", no word is an acronym)."""
    word = _WORD.match(text, start)
    before = _LAST_WORD.search(text, max(0, start - 30), start)
    return bool(word and word.group().isupper() and not (before and before.group(1).isupper()))


def _unit(grammar: NumberGrammar, text: str, core: tuple[int, int], end: int) -> str:
    """The unit kind right after the number (or after a qualifier that follows it: "30 or more
    years"), "time" for a clock time, or "money" for a currency sign right before the number."""
    value_start = core[0]
    digits = text[value_start:core[1]]
    if ":" in digits or _CLOCK.fullmatch(digits):
        return "time"
    if _DAY_MONTH.fullmatch(digits):
        return "date"
    after = grammar.unit_after.match(text, core[1]) or grammar.unit_after.match(text, end)
    if after is not None:
        return after.lastgroup or ""
    if grammar.currency_before.search(text, max(0, value_start - 4), value_start):
        return "money"
    return ""
