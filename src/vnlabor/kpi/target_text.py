r"""Reading a target as reports write it: ``"trên 90%"``, ``"1,15-1,56%"``, ``"150 người"``.

:meth:`vnlabor.kpi.Target.parse` is the entry point; this module holds its grammar.
Text is NFC-normalised, case-folded, and non-breaking or thin spaces count as spaces.
One target is::

    target   = [filler] (range | bounded | bare) [per-year]
    range    = ["từ" | "between" | "from"] quantity separator quantity [words]
    separator = "-" | "–" | "—" | "đến" | "tới" | "to" | "and"
    bounded  = word quantity [words]            (word: see the table below)
             | ["từ" | "from"] quantity after [words]
    after    = "trở lên" | "or more" | … | "trở xuống" | "or less" | …
    bare     = quantity [words]                 (a plain figure is a floor: at least)
    quantity = number [multiplier] [unit]
    filler   = "phấn đấu" | "đạt" | "aim for"   (ignored: "đạt trên 85%" is "trên 85%"),
               and "giảm" | "tăng" when the unit asked for is percentage points
    per-year = "/năm" | "mỗi năm" | "hằng năm" | "/year" | "per year" | "a year" (ignored)
    words    = anything without a digit: what is counted ("lao động", "người", …)

=======================  ==============================================================
comparison               words (Vietnamese, English, symbols)
=======================  ==============================================================
above (``>``)            trên, hơn, nhiều hơn, lớn hơn, cao hơn, vượt; above, over,
                         more than, greater than, higher than, exceeding; ``>``
at least (``≥``)         ít nhất, tối thiểu, không dưới, không ít hơn, không thấp hơn,
                         … trở lên; at least, no less than, not less than, minimum, … or
                         more; ``≥``, ``>=``
at most (``≤``)          không quá, không vượt quá, tối đa, nhiều nhất, không hơn, không
                         cao hơn, … trở xuống; at most, no more than, not more than, up to,
                         maximum, … or less; ``≤``, ``<=``
below (``<``)            dưới, thấp hơn, ít hơn, nhỏ hơn; below, under, less than, fewer
                         than, lower than; ``<``
=======================  ==============================================================

Units and numbers:

* ``%`` (or ``phần trăm``, ``percent``) makes a **share** (``"90%"`` is nine
  tenths); ``pp``, ``điểm phần trăm``,
  ``điểm %`` or ``percentage points`` make **percentage points**. In these a single
  ``,`` or ``.`` is the decimal mark (``"1,15%"`` = ``"1.15%"``); both at once is
  refused as ambiguous.
* ``đồng``, ``đ``, ``₫``, ``VND``, ``VNĐ`` make an amount of **VND**; anything else
  is a **count**. Both are read with :func:`vnlabor.l10n.parse_vnd`'s rules: ``.``
  groups thousands in threes (``"1.600"`` is one thousand six hundred, ``"1.5"`` is an
  error), ``,`` is a decimal mark only before ``nghìn``, ``triệu``, ``tỷ``
  (``"1,5 nghìn"``), and ``"1,600"`` is refused as ambiguous.
* Any number may also be an exact fraction ``p/q`` (``"100/3%"``): it is how
  ``str(target)`` writes a bound with no exact decimal.
* In a range the unit may be written once, after the second number (``"1,15-1,56%"``).

Every error is a ``ValueError`` that quotes the text.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

from vnlabor.kpi.unit import KpiUnit

__all__ = ["parse_target_text"]

_MAX_LENGTH = 500
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2212": "-"})


def _alternatives(words: list[str]) -> str:
    """A regex alternation, longest first, so "không dưới" wins over "dưới"."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# Bounded by a word before the quantity.
_PREFIXES = {
    "above": [
        ">",
        "trên",
        "hơn",
        "nhiều hơn",
        "lớn hơn",
        "cao hơn",
        "vượt",
        "above",
        "over",
        "more than",
        "greater than",
        "higher than",
        "exceeding",
    ],
    "at_least": [
        "≥",
        ">=",
        "ít nhất",
        "tối thiểu",
        "không dưới",
        "không ít hơn",
        "không thấp hơn",
        "at least",
        "no less than",
        "not less than",
        "no fewer than",
        "not fewer than",
        "minimum",
        "a minimum of",
    ],
    "at_most": [
        "≤",
        "<=",
        "không quá",
        "không vượt quá",
        "tối đa",
        "nhiều nhất",
        "không hơn",
        "không nhiều hơn",
        "không cao hơn",
        "không lớn hơn",
        "at most",
        "no more than",
        "not more than",
        "not exceeding",
        "up to",
        "maximum",
        "a maximum of",
    ],
    "below": [
        "<",
        "dưới",
        "thấp hơn",
        "ít hơn",
        "nhỏ hơn",
        "below",
        "under",
        "less than",
        "fewer than",
        "lower than",
    ],
}
_PREFIX_OF = {word: comparison for comparison, words in _PREFIXES.items() for word in words}
# Bounded by a word after the quantity ("từ 90% trở lên").
_SUFFIXES = {
    "at_least": ["trở lên", "or more", "or above", "and above", "and over", "or over"],
    "at_most": ["trở xuống", "or less", "or fewer", "or below", "and below", "and under"],
}
_SUFFIX_OF = {word: comparison for comparison, words in _SUFFIXES.items() for word in words}

_FILLER = re.compile(r"^(?:phấn đấu|đạt|aim for)\s+")
# "giảm 1-1,5%/năm": the target of a change of a rate, read only when the caller says
# the target is in percentage points.
_CHANGE = re.compile(r"^(?:giảm|tăng)\s+")
_PER_YEAR = re.compile(
    r"\s*(?:/\s*(?:năm|year|yr)|(?:mỗi|hằng|hàng|một)\s+năm|per\s+(?:year|annum)|a\s+year)$"
)

_NUMBER = r"-?\d[\d.,]*(?:/\d+)?"
_MULTIPLIER = "nghìn tỷ|nghìn tỉ|ngàn tỷ|ngàn tỉ|nghìn|ngàn|triệu|tỷ|tỉ"
_PERCENT = r"%|phần trăm|percent|per cent"
_POINTS = r"điểm phần trăm|điểm %|percentage[ -]points?|p\.p\.|pp"
# "đồng bào" (fellow countrymen, as in "đồng bào dân tộc thiểu số") is not money.
_CURRENCY = r"đồng(?!\s*bào)|vnđ|vnd|₫|đ"
_WORDS = r"(?:\s+(?P<words>\D*))?"


def _quantity(i: int) -> str:
    return (
        rf"(?P<number{i}>{_NUMBER})"
        rf"(?:\s*(?P<multiplier{i}>{_MULTIPLIER})(?!\w))?"
        rf"(?:\s*(?P<unit{i}>{_POINTS}|{_PERCENT}|{_CURRENCY})(?!\w))?"
    )


_RANGE = re.compile(
    rf"(?:(?:từ|between|from)\s*)?{_quantity(1)}\s*(?:-|–|—|đến|tới|to|and)\s*{_quantity(2)}"
    + _WORDS
)
_SUFFIXED = re.compile(
    rf"(?:(?:từ|from)\s*)?{_quantity(1)}\s*(?P<suffix>{_alternatives(list(_SUFFIX_OF))})" + _WORDS
)
_PREFIXED = re.compile(rf"(?P<prefix>{_alternatives(list(_PREFIX_OF))})\s*{_quantity(1)}" + _WORDS)
_BARE = re.compile(_quantity(1) + _WORDS)


class _UnreadableError(ValueError):
    """Why a piece of the text cannot be read (the caller adds the text itself)."""


def _unit_of(marker: str | None, multiplier: str | None) -> KpiUnit | None:
    if marker is None:
        return KpiUnit.COUNT if multiplier else None
    if re.fullmatch(_POINTS, marker):
        return KpiUnit.PERCENTAGE_POINTS
    if re.fullmatch(_PERCENT, marker):
        return KpiUnit.SHARE
    return KpiUnit.VND


def _decimal(number: str) -> Fraction:
    """A share's or a point's number: one ',' or '.' is the decimal mark."""
    if "," in number and "." in number:
        raise _UnreadableError(f"both ',' and '.' in {number!r}: which one is the decimal mark?")
    if not re.fullmatch(r"\d+(?:[.,]\d+)?", number):
        raise _UnreadableError(f"{number!r} is not a number with at most one decimal mark")
    try:
        return Fraction(Decimal(number.replace(",", ".")))
    except InvalidOperation:  # pragma: no cover - the pattern above guarantees a decimal
        raise _UnreadableError(f"{number!r} is not a number") from None


def _whole(number: str, multiplier: str | None) -> Fraction:
    """A count's or an amount's number, read as Vietnamese amounts are."""
    from vnlabor.l10n.parse import parse_vnd  # local, as vnlabor.types does

    text = f"{number} {multiplier}" if multiplier else number
    try:
        return Fraction(parse_vnd(text))
    except ValueError as exc:
        # parse_vnd's message is "... cannot read amount '<text>': <reason>".
        raise _UnreadableError(f"{text!r}: {str(exc).rsplit(': ', 1)[-1]}") from None


def _value(number: str, multiplier: str | None, unit: KpiUnit) -> Fraction:
    sign = 1
    if number.startswith("-"):
        sign, number = -1, number[1:]
    if re.fullmatch(r"\d+/\d+", number):
        if multiplier:
            raise _UnreadableError(f"a fraction {number!r} cannot take {multiplier!r}")
        numerator, denominator = (int(part) for part in number.split("/"))
        if denominator == 0:
            raise _UnreadableError(f"zero denominator in {number!r}")
        value = Fraction(numerator, denominator)
        return sign * (value / 100 if unit is KpiUnit.SHARE else value)
    if unit in (KpiUnit.SHARE, KpiUnit.PERCENTAGE_POINTS):
        if multiplier:
            raise _UnreadableError(f"{multiplier!r} does not go with a percentage")
        value = _decimal(number)
        return sign * (value / 100 if unit is KpiUnit.SHARE else value)
    return sign * _whole(number, multiplier)


def _resolve_unit(found: list[KpiUnit | None], asked: KpiUnit | None) -> KpiUnit:
    """The one unit of the target: written, asked for, or a count by default."""
    written = {u for u in found if u is not None}
    if len(written) > 1:
        names = ", ".join(sorted(u.value for u in written))
        raise _UnreadableError(f"the bounds are in different units: {names}")
    unit = next(iter(written), None)
    if asked is None:
        return unit or KpiUnit.COUNT
    if unit is None:
        if asked is KpiUnit.SHARE:
            raise _UnreadableError("a share needs a percent sign ('90%')")
        return asked
    if unit is asked:
        return unit
    # "%" in a target on a difference of rates means percentage points: the caller says so.
    if unit is KpiUnit.SHARE and asked is KpiUnit.PERCENTAGE_POINTS:
        return asked
    raise _UnreadableError(f"the text is in {unit.value} but unit={asked.value} was asked for")


def _normalise(text: str, asked: KpiUnit | None) -> str:
    cleaned = " ".join(unicodedata.normalize("NFC", text).translate(_SPACES).split()).casefold()
    cleaned = _PER_YEAR.sub("", cleaned)
    cleaned = _FILLER.sub("", cleaned)
    if asked is KpiUnit.PERCENTAGE_POINTS:
        cleaned = _CHANGE.sub("", cleaned)
    return cleaned


def parse_target_text(text: str, unit: KpiUnit | None = None) -> dict[str, Any]:
    """The fields of a :class:`~vnlabor.kpi.Target` (without ``text``) read from ``text``.

    Args:
        text: The target as written (grammar in the module docstring).
        unit: The unit the target must be in. ``None`` reads it from the text (a count
            when no unit is written). :attr:`KpiUnit.PERCENTAGE_POINTS` also reads
            ``%`` as points, as Vietnamese targets on a reduction of a rate write them
            (``"giảm 1-1,5%/năm"``).

    Returns:
        ``comparison``, ``lower``, ``upper`` and ``unit``, ready for validation.

    Raises:
        TypeError: ``text`` is not a string.
        ValueError: The text is not a target; the message quotes it and says why.

    >>> parse_target_text("trên 90%")["lower"]
    Fraction(9, 10)
    >>> f = parse_target_text("1,15 - 1,56%/năm", unit=KpiUnit.PERCENTAGE_POINTS)
    >>> f["comparison"], f["lower"], f["upper"]
    ('between', Fraction(23, 20), Fraction(39, 25))
    """
    if not isinstance(text, str):
        raise TypeError(f"a target is read from a str, not {type(text).__name__}: {text!r}")
    try:
        if len(text) > _MAX_LENGTH:
            raise _UnreadableError(f"longer than {_MAX_LENGTH} characters")
        return _read(_normalise(text, unit), unit)
    except _UnreadableError as exc:
        raise ValueError(f"không đọc được chỉ tiêu / cannot read target {text!r}: {exc}") from None


def _read(cleaned: str, asked: KpiUnit | None) -> dict[str, Any]:
    if not cleaned:
        raise _UnreadableError("empty")
    if not re.search(r"\d", cleaned):
        raise _UnreadableError("no number")
    if match := _RANGE.fullmatch(cleaned):
        units = [_unit_of(match[f"unit{i}"], match[f"multiplier{i}"]) for i in (1, 2)]
        unit = _resolve_unit(units, asked)
        lower, upper = (_value(match[f"number{i}"], match[f"multiplier{i}"], unit) for i in (1, 2))
        return {"comparison": "between", "lower": lower, "upper": upper, "unit": unit}
    if match := _SUFFIXED.fullmatch(cleaned):
        comparison = _SUFFIX_OF[match["suffix"]]
    elif match := _PREFIXED.fullmatch(cleaned):
        comparison = _PREFIX_OF[match["prefix"]]
    elif match := _BARE.fullmatch(cleaned):
        comparison = "at_least"
    elif _CHANGE.match(cleaned):
        raise _UnreadableError(
            "'giảm' / 'tăng' sets a target on a change of a rate: pass "
            "unit=KpiUnit.PERCENTAGE_POINTS to read its '%' as percentage points"
        )
    else:
        raise _UnreadableError(
            "expected e.g. 'trên 90%', 'ít nhất 150 người', 'dưới 5%', '1,15-1,56%' "
            "or 'từ 1,15% đến 1,56%'"
        )
    unit = _resolve_unit([_unit_of(match["unit1"], match["multiplier1"])], asked)
    value = _value(match["number1"], match["multiplier1"], unit)
    side = "lower" if comparison in ("above", "at_least") else "upper"
    return {"comparison": comparison, side: value, "unit": unit}
