"""Exact numbers for KPIs: every rate, target and weight is a :class:`~fractions.Fraction`.

Binary floats cannot hold 0.9 exactly (``Fraction(0.9)`` is
``8106479329266893/9007199254740992``, a hair *below* nine tenths), so a target
"above 90%" built from the float 0.9 would be met by exactly 90%. vnlabor therefore
converts a float through its shortest decimal text (``repr``), which is the number
the caller typed: ``to_fraction(0.9) == Fraction(9, 10)``.

Strings are accepted as percentages (``"90%"``, ``"85,51%"``), as exact fractions
(``"9/10"``, the form vnlabor writes to JSON) or as bare whole numbers (``"150"``).
A decimal string is refused: a Vietnamese ``"1.600"`` means one thousand six hundred
while an English reader sees 1.6, so vnlabor refuses to guess.

>>> to_fraction(0.9)
Fraction(9, 10)
>>> to_fraction("85,51%")
Fraction(8551, 10000)
>>> to_fraction("1.600")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: chỉ nhận chuỗi phần trăm ... got '1.600'
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer
from pydantic_core import PydanticCustomError

__all__ = ["Exact", "Number", "decimal_text", "to_fraction"]

Number = int | Fraction | Decimal | float | str
"""What a KPI function accepts as a number; it is turned into a ``Fraction`` at once."""

# Spaces babel and spreadsheets put before a percent sign: normal, no-break, narrow no-break.
_SPACES = " \u00a0\u202f"
# Unambiguous number texts: "150", "-3", "9/10" (what pydantic writes for a Fraction).
_EXACT_TEXT = re.compile(r"-?\d+(/\d+)?")


def to_fraction(value: Number) -> Fraction:
    """Turn ``value`` into an exact ``Fraction``.

    Args:
        value: An ``int``, ``Fraction``, ``Decimal``, a finite ``float`` (read as the
            decimal it prints as), a percent string (``"90%"``, ``"1,15 %"``; a comma
            or a point is the decimal mark, never both), a fraction ``"p/q"`` or a
            whole number ``"150"``.

    Returns:
        The exact value; a percent string is divided by 100.

    Raises:
        TypeError: For ``bool`` and other types.
        ValueError: For NaN, infinities and strings that are not percentages.

    >>> to_fraction(Decimal("1.15")), to_fraction("90 %"), to_fraction("9/10")
    (Fraction(23, 20), Fraction(9, 10), Fraction(9, 10))
    """
    if isinstance(value, bool):
        raise TypeError(f"cần một số, không phải {value!r} / expected a number, got {value!r}")
    if isinstance(value, Fraction | int):
        return Fraction(value)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"số không hữu hạn / not a finite number: {value!r}")
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"số không hữu hạn / not a finite number: {value!r}")
        # repr gives the shortest decimal that round-trips: the number the caller typed.
        return Fraction(repr(value))
    if isinstance(value, str):
        return _parse_percent(value)
    raise TypeError(f"cần một số / expected a number, got {type(value).__name__}")


def _parse_percent(text: str) -> Fraction:
    body = text.strip(_SPACES)
    if _EXACT_TEXT.fullmatch(body):
        try:
            return Fraction(body)
        except ZeroDivisionError:
            raise ValueError(f"mẫu số bằng 0 / zero denominator: {text!r}") from None
    if not body.endswith("%"):
        raise ValueError(
            'chỉ nhận chuỗi phần trăm như "90%" / only percent strings such as "90%" '
            f"are accepted, got {text!r}"
        )
    body = body[:-1].strip(_SPACES)
    if "," in body and "." in body:
        raise ValueError(f"vừa có dấu phẩy vừa có dấu chấm / ambiguous decimal mark: {text!r}")
    try:
        return Fraction(Decimal(body.replace(",", "."))) / 100
    except (ArithmeticError, ValueError):
        raise ValueError(f"không đọc được phần trăm / not a percentage: {text!r}") from None


def decimal_text(value: Fraction) -> str:
    """Plain text of ``value``: an exact decimal when there is one, else ``"p/q"``.

    Neutral (point as decimal mark): for logs and ``str()``; reports format with
    :mod:`vnlabor.l10n`.

    >>> decimal_text(Fraction(117, 100)), decimal_text(Fraction(1, 3)), decimal_text(Fraction(-2))
    ('1.17', '1/3', '-2')
    """
    twos = fives = 0
    rest = value.denominator
    while rest % 2 == 0:
        rest, twos = rest // 2, twos + 1
    while rest % 5 == 0:
        rest, fives = rest // 5, fives + 1
    if rest != 1:
        return f"{value.numerator}/{value.denominator}"
    places = max(twos, fives)
    scaled = abs(value.numerator) * 10**places // value.denominator  # exact: no remainder
    digits = str(scaled).rjust(places + 1, "0")
    whole, fraction = digits[: len(digits) - places], digits[len(digits) - places :]
    sign = "-" if value < 0 else ""
    return f"{sign}{whole}.{fraction}".rstrip("0").rstrip(".") if places else f"{sign}{whole}"


def _coerce_exact(value: Any) -> Fraction:
    try:
        return to_fraction(value)
    except (TypeError, ValueError) as exc:
        raise PydanticCustomError(
            "vnlabor.exact_number", "{reason}", {"reason": str(exc)}
        ) from None


Exact = Annotated[
    Fraction,
    BeforeValidator(_coerce_exact),
    PlainSerializer(str, return_type=str, when_used="json"),
]
"""A pydantic field holding an exact ``Fraction`` (floats read as their decimal text)."""
