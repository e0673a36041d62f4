r"""Read amounts of money and dates written the Vietnamese way, refusing anything ambiguous.

Input is NFC-normalised first (Vietnamese text often arrives decomposed), surrounding
whitespace is dropped and non-breaking or thin spaces count as spaces.

**Amounts** (:func:`parse_vnd`) follow this grammar, case-insensitively, with optional
spaces between the parts::

    amount     = [currency] number [multiplier] [currency]    (one currency at most)
    number     = integer ["," decimals]                        (decimals need a multiplier)
    integer    = "0" | digits without leading zero | 1-3 digits ("." 3 digits)+
    multiplier = "nghìn" | "ngàn" | "triệu" | "tỷ" | "tỉ" | "nghìn tỷ" | "ngàn tỷ" | ...
    currency   = "đồng" | "đ" | "₫" | "VND" | "VNĐ"

* ``.`` only groups thousands, in groups of exactly three: ``1.500`` is one thousand
  five hundred, ``1.5`` is an error.
* ``,`` is the decimal separator and only makes sense before a multiplier
  (``1,5 triệu``). Without one, ``1,500`` could be English grouping or a fraction of a
  đồng, so it is refused.
* Arithmetic is exact (integers); the result must be whole đồng (``1,2345 nghìn`` is
  an error). Signs, spaces inside the number, English words and abbreviations such as
  ``tr`` or ``k`` are refused.

**Dates** (:func:`parse_date`) are ISO ``yyyy-mm-dd`` or ``dd/mm/yyyy`` (day and month
may have one digit; the year has four). Nothing else is guessed at: ``02/17/2021``
is an error, not February 17th.

Every error is a ``ValueError`` whose message quotes the text.

>>> parse_vnd("1.500.000 đồng"), parse_vnd("9,7 tỷ"), parse_vnd("VND 1.500.000")
(1500000, 9700000000, 1500000)
>>> parse_vnd("1,500")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
vnlabor.errors.VnlaborValueError: không đọc được số tiền / cannot read amount '1,500': ',' is the decimal separator...
>>> parse_date("17/02/2021"), parse_date("2021-02-17")
(datetime.date(2021, 2, 17), datetime.date(2021, 2, 17))
>>> parse_date("31/02/2021")
Traceback (most recent call last):
...
vnlabor.errors.VnlaborValueError: không đọc được ngày / cannot read date '31/02/2021': day is out of range for month
"""  # noqa: E501

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator

from vnlabor.errors import VnlaborTypeError, VnlaborValueError, quoted

__all__ = ["VietnameseDate", "coerce_date", "parse_date", "parse_vnd"]

_MULTIPLIERS = {
    "nghìn tỷ": 10**12,
    "nghìn tỉ": 10**12,
    "ngàn tỷ": 10**12,
    "ngàn tỉ": 10**12,
    "nghìn": 10**3,
    "ngàn": 10**3,
    "triệu": 10**6,
    "tỷ": 10**9,
    "tỉ": 10**9,
}
_CURRENCY = "đồng|vnđ|vnd|₫|đ"  # longest first: "đồng" before "đ"

_AMOUNT = re.compile(
    rf"""
    (?:(?P<before>{_CURRENCY})\s*)?
    (?P<integer>0|[1-9][0-9]{{0,2}}(?:\.[0-9]{{3}})+|[1-9][0-9]*)
    (?:,(?P<decimals>[0-9]+))?
    (?:\s*(?P<multiplier>{"|".join(map(re.escape, sorted(_MULTIPLIERS, key=len, reverse=True)))}))?
    (?:\s*(?P<after>{_CURRENCY}))?
    """,
    re.VERBOSE,
)
_MAX_LENGTH = 64  # far beyond any real amount; keeps int() away from huge digit strings
_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_SPACES)
    return " ".join(text.split())


def _amount_error(text: str, reason: str) -> VnlaborValueError:
    return VnlaborValueError(
        f"không đọc được số tiền / cannot read amount {quoted(text)}: {reason}"
    )


def parse_vnd(text: str) -> int:
    """Read an amount of đồng written in Vietnamese notation (grammar in the module doc).

    Args:
        text: E.g. ``"1.500.000 ₫"``, ``"1.500.000đ"``, ``"2 triệu"``, ``"500 ngàn"``.

    Returns:
        The amount in whole đồng.

    Raises:
        TypeError: ``text`` is not a string.
        ValueError: ``text`` is empty, negative, ambiguous, not whole đồng or not an
            amount; the message quotes it.

    >>> parse_vnd("1.500.000đ"), parse_vnd("1,5 triệu đồng"), parse_vnd("500 ngàn")
    (1500000, 1500000, 500000)
    >>> parse_vnd("12.700"), parse_vnd("1500000"), parse_vnd("1,2 nghìn tỷ")
    (12700, 1500000, 1200000000000)
    >>> parse_vnd("1.5")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    vnlabor.errors.VnlaborValueError: không đọc được số tiền / cannot read amount '1.5': '.' groups thousands in threes...
    >>> parse_vnd("1,2345 nghìn")
    Traceback (most recent call last):
    ...
    vnlabor.errors.VnlaborValueError: không đọc được số tiền / cannot read amount '1,2345 nghìn': not whole đồng (1234,5)
    """  # noqa: E501
    if not isinstance(text, str):
        raise VnlaborTypeError(
            f"parse_vnd() cần một chuỗi / parse_vnd() takes a str, "
            f"not {type(text).__name__}: {text!r}"
        )
    cleaned = _normalise(text).lower()
    if len(cleaned) > _MAX_LENGTH:
        raise _amount_error(text, f"longer than {_MAX_LENGTH} characters")
    match = _AMOUNT.fullmatch(cleaned)
    if match is None:
        raise _amount_error(text, _diagnose(cleaned))
    if match["before"] and match["after"]:
        raise _amount_error(text, "the currency is given twice")
    multiplier = _MULTIPLIERS[match["multiplier"]] if match["multiplier"] else 1
    decimals: str = match["decimals"] or ""
    integer: str = match["integer"]
    if decimals and multiplier == 1:
        raise _amount_error(text, _COMMA_REASON)
    numerator = int(integer.replace(".", "") + decimals) * multiplier
    scale: int = 10 ** len(decimals)
    whole, remainder = divmod(numerator, scale)
    if remainder:
        exact = f"{whole},{str(remainder).rjust(len(decimals), '0').rstrip('0')}"
        raise _amount_error(text, f"not whole đồng ({exact})")
    return whole


_COMMA_REASON = (
    "',' is the decimal separator and needs a multiplier word (nghìn, triệu, tỷ); "
    "'1,500' with English grouping is not accepted"
)


def _diagnose(cleaned: str) -> str:
    """Why a normalised text is not an amount, as helpfully as cheaply possible."""
    if not cleaned:
        return "empty"
    if cleaned.startswith(("-", "−", "(")) or re.search(r"\s-", cleaned):
        return "an amount of money cannot be negative"
    if any(char.isdigit() and not char.isascii() for char in cleaned):
        return "only the digits 0-9 are read"
    if not re.search(r"[0-9]", cleaned):
        return "no digits"
    if re.search(r"[0-9] [0-9]", cleaned):
        return "digits separated by spaces; group thousands with '.' (1.500.000)"
    if re.search(r"[0-9]\.(?![0-9]{3}(?![0-9]))", cleaned):
        return (
            "'.' groups thousands in threes (1.500.000); "
            "use ',' for decimals before a multiplier word (1,5 triệu)"
        )
    if re.search(r"[0-9],[0-9]{3}(?:,[0-9]{3})*(?![0-9])", cleaned) and "." not in cleaned:
        return _COMMA_REASON
    if re.search(r"(?<![0-9.,])0[0-9]", cleaned):
        return "leading zero"
    return "expected e.g. '1.500.000 đồng', '1.500.000 ₫' or '1,5 triệu'"


_ISO = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DMY = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")


def parse_date(text: str) -> date:
    """Read a date written ``yyyy-mm-dd`` or ``dd/mm/yyyy`` (also ``d/m/yyyy``).

    Args:
        text: The date; surrounding whitespace is ignored.

    Returns:
        The date.

    Raises:
        TypeError: ``text`` is not a string.
        ValueError: Any other form, or no such day; the message quotes the text.

    >>> parse_date(" 7/2/2021 ")
    datetime.date(2021, 2, 7)
    >>> parse_date("02/17/2021")
    Traceback (most recent call last):
    ...
    vnlabor.errors.VnlaborValueError: không đọc được ngày / cannot read date '02/17/2021': month must be in 1..12
    """  # noqa: E501
    if not isinstance(text, str):
        raise VnlaborTypeError(
            f"parse_date() cần một chuỗi / parse_date() takes a str, "
            f"not {type(text).__name__}: {text!r}"
        )
    cleaned = unicodedata.normalize("NFC", text).strip()
    try:
        if _ISO.fullmatch(cleaned):
            # Only after the shape check: fromisoformat also takes "20210217", weeks...
            return date.fromisoformat(cleaned)
        if match := _DMY.fullmatch(cleaned):
            day, month, year = (int(part) for part in match.groups())
            return date(year, month, day)
    except ValueError as exc:
        raise VnlaborValueError(
            f"không đọc được ngày / cannot read date {quoted(text)}: {exc}"
        ) from None
    raise VnlaborValueError(
        f"không đọc được ngày / cannot read date {quoted(text)}: expected yyyy-mm-dd or dd/mm/yyyy"
    )


def coerce_date(value: Any) -> Any:
    """Pydantic before-validator: parse a ``str`` with :func:`parse_date`, pass others on.

    >>> coerce_date("17/02/2021"), coerce_date(date(2021, 2, 17)), coerce_date(None)
    (datetime.date(2021, 2, 17), datetime.date(2021, 2, 17), None)
    """
    return parse_date(value) if isinstance(value, str) else value


VietnameseDate = Annotated[date, BeforeValidator(coerce_date)]
"""A ``date`` field that also accepts ``"17/02/2021"`` (and ISO) text."""
