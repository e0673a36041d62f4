"""Reusable annotated types for pydantic fields (money, counts, province codes).

Each type carries its own validation and a stable error code (``vnlabor.*``) that
applications can route and translate; messages are bilingual and name the value,
except for personal identifiers, which are only ever shown masked.
"""

from __future__ import annotations

import functools
import math
import re
import tomllib
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from importlib import resources
from numbers import Integral
from typing import Annotated, Any, Final

from pydantic import BeforeValidator, Field, PlainValidator
from pydantic_core import PydanticCustomError

from vnlabor.errors import VnlaborTypeError, quoted

__all__ = [
    "MAX_VND",
    "VIETNAM_TIME",
    "VND",
    "NonNegativeCount",
    "ProvinceCode",
    "as_date",
    "coerce_province_code",
    "coerce_vnd",
    "quoted",
    "vietnam_date",
]

MAX_VND: Final = 2**63 - 1
"""The largest amount vnlabor holds (the int64 maximum, ≈ 9.2 × 10¹⁸ đồng): far above any
budget, and what the columnar engine can store, so both engines accept the same amounts."""

_EXACT_FLOAT: Final = 2**53
"""From here on a float cannot hold every whole number: a float amount this large may
already have lost đồng, so it is refused as inexact."""

VIETNAM_TIME: Final = timezone(timedelta(hours=7), "ICT")
"""Vietnam's time zone (UTC+7, no daylight saving): the day a time stamp falls on."""


def vietnam_date(value: datetime) -> date:
    """The calendar day of ``value`` in Vietnam: aware times are converted to UTC+7 first.

    A naive ``datetime`` is taken as Vietnamese time already.

    >>> from datetime import timezone
    >>> vietnam_date(datetime(2024, 2, 29, 18, 0, tzinfo=timezone.utc))
    datetime.date(2024, 3, 1)
    """
    if value.tzinfo is not None and value.utcoffset() is not None:
        value = value.astimezone(VIETNAM_TIME)
    return value.date()


def _vnd_type_error(value: Any) -> PydanticCustomError:
    return PydanticCustomError(
        "vnlabor.vnd_type",
        "số tiền phải là số / amount must be a number: {value}",
        {"value": repr(value)},
    )


def coerce_vnd(value: Any) -> int:
    """Turn an amount of money into whole đồng, refusing anything inexact.

    Accepts ``int`` and other integers (numpy's), an integral ``Decimal`` or ``float``
    (spreadsheets hand those out), and Vietnamese text such as ``"1.500.000"`` or
    ``"2 triệu"`` (see :func:`vnlabor.l10n.parse_vnd`). The đồng has no minor unit, so
    a fraction is an error, never rounded away; so is a float of 2**53 or more (it can
    no longer hold every đồng), a NaN or an infinity, and an amount above
    :data:`MAX_VND`.

    >>> coerce_vnd(1_500_000)
    1500000
    >>> coerce_vnd(-1)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: số tiền không được âm / ... -1
    """
    if value.__class__ is int and 0 <= value <= MAX_VND:
        return value  # the common case, first: this runs once per household read
    if isinstance(value, bool) or type(value).__name__ == "bool_":  # numpy's bool too
        raise _vnd_type_error(value)
    if isinstance(value, str):
        from vnlabor.l10n.parse import parse_vnd  # local: l10n imports babel lazily

        try:
            value = parse_vnd(value)
        except ValueError as exc:
            raise PydanticCustomError(
                "vnlabor.vnd_parsing", "{reason}", {"reason": str(exc), "value": value}
            ) from None
    elif isinstance(value, Integral):
        value = int(value)  # numpy and other integer types
    elif isinstance(value, float | Decimal):
        # is_finite, not comparisons: a signalling Decimal NaN raises when compared.
        finite = value.is_finite() if isinstance(value, Decimal) else math.isfinite(value)
        if not finite or value != int(value):
            raise PydanticCustomError(
                "vnlabor.vnd_fraction",
                "số tiền phải là số đồng nguyên / amount must be whole đồng: {value}",
                {"value": repr(value)},
            )
        if isinstance(value, float) and abs(value) >= _EXACT_FLOAT:
            raise PydanticCustomError(
                "vnlabor.vnd_inexact",
                "số tiền kiểu float từ 2^53 trở lên không chính xác / a float amount of "
                "2^53 or more is inexact: {value} (give it as an integer or text)",
                {"value": repr(value)},
            )
        value = int(value)
    if not isinstance(value, int):
        raise _vnd_type_error(value)
    if value < 0:
        raise PydanticCustomError(
            "vnlabor.vnd_negative",
            "số tiền không được âm / amount must not be negative: {value}",
            {"value": repr(value) if value >= -MAX_VND else "-…"},
        )
    if value > MAX_VND:
        # Not repr(value): Python refuses to write an int of more than 4,300 digits.
        raise PydanticCustomError(
            "vnlabor.vnd_too_large",
            "số tiền quá lớn / amount too large: more than {most} đồng",
            {"most": f"{MAX_VND:,}".replace(",", ".")},
        )
    return value


# A plain validator: coerce_vnd checks the value completely, so pydantic's own int check
# would only repeat it, once per household read.
VND = Annotated[
    int,
    PlainValidator(coerce_vnd, json_schema_input_type=Annotated[int, Field(ge=0)]),
]
"""An amount of Vietnamese đồng: a non-negative ``int`` (the đồng has no minor unit)."""


@functools.cache
def _province_codes() -> frozenset[str]:
    """Every code a provincial-level unit of either map ever carried.

    Read from the geography data (``vnlabor/geo/data/provinces.toml``), codes only: the
    registry built from that file (:mod:`vnlabor.geo`) stands on the law and record
    layers, whose records validate their province codes with this module's type.
    """
    text = resources.files("vnlabor").joinpath("geo", "data", "provinces.toml").read_text("utf-8")
    return frozenset(str(entry["code"]) for entry in tomllib.loads(text).get("province", ()))


def coerce_province_code(value: Any) -> str:
    """Pydantic before-validator: a code of either map, as its two-digit string.

    Spreadsheets hand out ``1`` for ``"01"``, so an int or a one-digit string is padded;
    nothing that would need guessing (floats, bools, names) is accepted.

    Raises:
        PydanticCustomError: ``vnlabor.province_unknown`` when no unit of either map
            ever carried the code; the message names the value.

    >>> coerce_province_code(1), coerce_province_code(" 79 "), coerce_province_code("02")
    ('01', '79', '02')
    """
    codes = _province_codes()
    if value.__class__ is str and value in codes:
        return str(value)  # the common case first: this runs once per record read
    code: str | None = None
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 99:
        code = f"{value:02d}"
    elif isinstance(value, str) and re.fullmatch(r"\d{1,2}", value.strip()):
        code = value.strip().zfill(2)
    if code is None or code not in codes:
        raise PydanticCustomError(
            "vnlabor.province_unknown",
            "mã tỉnh không tồn tại / unknown province code: {value}",
            # pydantic-core renders context values with str() (True shows as 1, "" as
            # nothing); a repr names the value unambiguously.
            {"value": repr(value)},
        )
    return code


ProvinceCode = Annotated[str, BeforeValidator(coerce_province_code)]
"""A two-digit code of a provincial-level unit of either map (pre- or post-2025).

``1`` and ``"1"`` become ``"01"``; a code no unit ever carried is refused
(``vnlabor.province_unknown``, see :func:`coerce_province_code`). Whether
the code fits the date of the record it sits in is the record's business.
"""


def _coerce_count(value: Any) -> int:
    if isinstance(value, Integral) and not isinstance(value, bool):
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        else:
            raise PydanticCustomError(
                "vnlabor.count_type",
                "phải là số nguyên / must be a whole number: {value}",
                {"value": repr(value)},
            )
    if value < 0:
        raise PydanticCustomError(
            "vnlabor.count_negative",
            "không được âm / must not be negative: {value}",
            {"value": repr(value)},
        )
    return int(value)


NonNegativeCount = Annotated[int, BeforeValidator(_coerce_count)]
"""A count of people, days, sessions…: a whole number ≥ 0."""


def as_date(value: object, name: str = "on") -> date:
    """The calendar day a rule applies to: a ``date``, or the date of a ``datetime``.

    A pandas ``Timestamp`` is a ``datetime``, so notebook dates work as they are. An
    aware ``datetime`` is read in Vietnam's time zone (:func:`vietnam_date`): 18:00 UTC
    is already the next day in Vietnam. Text is refused (parse it first with
    :func:`vnlabor.l10n.parse_date`).

    >>> as_date(datetime(2024, 3, 1, 10, 30))
    datetime.date(2024, 3, 1)
    >>> as_date(datetime(2024, 2, 29, 17, 0, tzinfo=timezone.utc))
    datetime.date(2024, 3, 1)
    >>> as_date("2024-03-01")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    vnlabor.errors.VnlaborTypeError: on phải là một ngày / on must be a date, not str: ...
    """
    if isinstance(value, datetime):
        return vietnam_date(value)
    if isinstance(value, date):
        return value
    hint = " (parse text with vnlabor.l10n.parse_date)" if isinstance(value, str) else ""
    raise VnlaborTypeError(
        f"{name} phải là một ngày / {name} must be a date, "
        f"not {type(value).__name__}: {value!r}{hint}"
    )
