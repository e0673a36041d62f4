r"""Format money, numbers, ratios, dates and reporting periods for Vietnamese or English.

Every function takes ``locale="vi"`` (the default) or ``locale="en"``; any other locale
is a ``ValueError`` naming it. Numbers go through babel with that locale: Vietnamese
groups thousands with ``.`` and writes decimals with ``,``.

Conventions:

* **Money** (:func:`format_vnd`) is whole đồng: ``int``, or an integral ``Decimal`` or
  ``Fraction``. A ``float`` is a ``TypeError`` (it cannot be trusted to be whole); a
  fraction of a đồng is a ``ValueError``. Negative amounts (differences) are allowed.
* **Other numbers** (:func:`format_number`, :func:`format_percent`,
  :func:`format_percentage_points`) may be ``int``, ``Decimal``, ``Fraction`` or
  ``float``; a ``float`` is read through its shortest ``repr`` (``0.1`` is one tenth),
  every other type exactly.
* **Rounding** is always half away from zero (``ROUND_HALF_UP``: 0.125 → 0.13,
  -0.125 → -0.13), done exactly on the rational value before babel sees it, so
  babel's silent half-to-even rounding never applies. A result that rounds to zero is
  shown without a minus sign.
* ``plain=True`` replaces the non-breaking spaces babel puts between a number and its
  unit (U+00A0, U+202F, U+2009) with ordinary spaces, for CSV files and spreadsheets.
* Dates: ``short`` is ``dd/mm/yyyy`` in both locales (the form
  :func:`vnlabor.l10n.parse_date` reads back); ``formal`` follows the rule for
  administrative documents (Decree 30/2020/NĐ-CP, Appendix I): a day below 10 and the
  months 1 and 2 take a leading zero, ``ngày 05 tháng 02 năm 2021`` but
  ``ngày 17 tháng 8 năm 2021``.

>>> format_vnd(1_500_000)
'1.500.000\xa0₫'
>>> format_vnd(1_500_000, plain=True)
'1.500.000 ₫'
>>> format_vnd(9_700_000_000, compact=True), format_vnd(9_700_000_000, compact=True, locale="en")
('9,7 tỷ đồng', '9.7 billion VND')
>>> format_percent(Decimal("0.8551")), format_percent(Decimal("0.0493"), locale="en")
('85,51%', '4.93%')
>>> format_percentage_points(Fraction("1.17"))
'1,17 điểm phần trăm'
>>> format_date(date(2021, 2, 17)), format_date(date(2021, 2, 17), style="formal")
('17/02/2021', 'ngày 17 tháng 02 năm 2021')
>>> from vnlabor.model.period import ReportingPeriod
>>> format_period(ReportingPeriod.half_year(2025, 1))
'6 tháng đầu năm 2025'
>>> format_vnd(1.5)
Traceback (most recent call last):
...
vnlabor.errors.VnlaborTypeError: số tiền phải là số nguyên / amount must be an int or a Decimal, not float: 1.5
>>> format_vnd(Decimal("1500000.5"))
Traceback (most recent call last):
...
vnlabor.errors.VnlaborValueError: số tiền phải là số đồng nguyên / amount must be whole đồng: Decimal('1500000.5')
>>> format_number(1, locale="vi-VN")
Traceback (most recent call last):
...
vnlabor.errors.VnlaborValueError: ngôn ngữ không được hỗ trợ / unsupported locale: 'vi-VN' (supported: 'vi', 'en')
"""  # noqa: E501

from __future__ import annotations

import decimal
import functools
import math
from datetime import date
from decimal import Decimal
from fractions import Fraction
from numbers import Integral
from typing import Literal, Protocol, runtime_checkable

from vnlabor.errors import VnlaborTypeError, VnlaborValueError
from vnlabor.l10n.labels import check_locale

__all__ = [
    "PeriodShape",
    "format_date",
    "format_number",
    "format_percent",
    "format_percentage_points",
    "format_period",
    "format_vnd",
]


class RatioShape(Protocol):
    """A quotient of two whole counts: a :class:`vnlabor.kpi.Ratio` (or numpy's integers)."""

    @property
    def numerator(self) -> int:
        """The count on top."""
        ...

    @property
    def denominator(self) -> int:
        """The count below; zero makes the ratio undefined."""
        ...


Number = int | Decimal | Fraction | float | RatioShape
"""What the number formatters accept (``bool`` excluded): numbers, and ratios as their value."""

COMPACT_FRACTION_DIGITS = 1
"""Decimals shown by ``format_vnd(..., compact=True)``: ``9,7 tỷ đồng``."""

_PLAIN = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})

_CURRENCY_WORD = {"vi": "đồng", "en": "VND"}


def _finish(text: str, plain: bool) -> str:
    return text.translate(_PLAIN) if plain else text


def _exact(value: object, what: str = "value") -> Fraction:
    """``value`` as an exact rational; ``float`` through its shortest repr.

    Besides numbers, anything with whole ``numerator`` and ``denominator`` (a
    :class:`vnlabor.kpi.Ratio`, numpy's integers) is read as their quotient; a zero
    denominator is an undefined ratio, a :class:`~vnlabor.errors.VnlaborValueError`.
    """
    if isinstance(value, bool):
        raise _not_a_number(value, what)
    if isinstance(value, int | Fraction):
        return Fraction(value)
    if isinstance(value, Integral):  # numpy's integers (a pandas column's cells)
        return Fraction(int(value))
    if isinstance(value, Decimal | float):
        if not math.isfinite(value):
            raise VnlaborValueError(f"{what} phải là số hữu hạn / {what} must be finite: {value!r}")
        return Fraction(Decimal(repr(value))) if isinstance(value, float) else Fraction(value)
    numerator = getattr(value, "numerator", None)
    denominator = getattr(value, "denominator", None)
    if isinstance(numerator, int) and isinstance(denominator, int):
        if denominator == 0:
            raise VnlaborValueError(
                f"{what} không xác định (mẫu số bằng 0) / {what} is undefined "
                f"(denominator 0): {value!r}"
            )
        return Fraction(numerator, denominator)
    raise _not_a_number(value, what)


def _not_a_number(value: object, what: str) -> VnlaborTypeError:
    return VnlaborTypeError(
        f"{what} phải là số / {what} must be a number "
        f"(int, Decimal, Fraction, float or a Ratio), not {type(value).__name__}: {value!r}"
    )


def _check_digits(digits: object) -> int:
    if isinstance(digits, bool) or not isinstance(digits, int):
        raise VnlaborTypeError(
            f"digits phải là số nguyên / digits must be an int, not {type(digits).__name__}: "
            f"{digits!r}"
        )
    if digits < 0:
        raise VnlaborValueError(f"digits không được âm / digits must be ≥ 0, got {digits}")
    return digits


def _half_up(value: Fraction, digits: int, exponent_shift: int = 0) -> Decimal:
    """``value`` rounded half away from zero to ``digits`` decimals, as an exact Decimal.

    The result is ``value`` × 10**``exponent_shift`` in disguise: the digits are those
    of the rounded ``value`` but the exponent is lowered by ``exponent_shift`` (used to
    hand a rounded percentage to babel as a ratio without a lossy division).
    """
    scaled = value * 10**digits
    magnitude = math.floor(abs(scaled) + Fraction(1, 2))
    negative = int(scaled < 0 and magnitude != 0)
    return Decimal((negative, tuple(int(c) for c in str(magnitude)), -digits - exponent_shift))


def _terminating_digits(value: Fraction) -> int | None:
    """Decimals needed to write ``value`` exactly, or None if it never terminates."""
    denominator, twos, fives = value.denominator, 0, 0
    while denominator % 2 == 0:
        denominator, twos = denominator // 2, twos + 1
    while denominator % 5 == 0:
        denominator, fives = denominator // 5, fives + 1
    return max(twos, fives) if denominator == 1 else None


def _context_for(value: Decimal) -> decimal.Context:
    """A context wide enough that babel's quantisation of ``value`` is exact."""
    return decimal.Context(prec=max(28, len(value.as_tuple().digits) + 10))


def _decimal_pattern(digits: int) -> str:
    return "#,##0" + ("." + "0" * digits if digits else "")


def format_vnd(
    amount: int | Decimal | Fraction,
    *,
    locale: str = "vi",
    compact: bool = False,
    plain: bool = False,
) -> str:
    """Format an amount of đồng.

    The full form is babel's currency format for the locale (``1.500.000 ₫`` in
    Vietnamese, ``₫1,500,000`` in English), with a non-breaking space where babel puts
    one. The compact form gives one decimal of the largest fitting unit (nghìn, triệu,
    tỷ, nghìn tỷ / thousand, million, billion, trillion) followed by ``đồng`` / ``VND``;
    the amount is first rounded half up to that precision, so ``1.250.000`` is
    ``1,3 triệu đồng`` and ``999.960`` is ``1 triệu đồng``. Below 1.000 the compact form
    is exact.

    Args:
        amount: Whole đồng.
        locale: ``"vi"`` (default) or ``"en"``.
        compact: Use the compact, word form.
        plain: Use ordinary spaces only.

    Returns:
        The formatted amount.

    Raises:
        TypeError: ``amount`` is a ``float``, a ``bool`` or not a number.
        ValueError: ``amount`` is not whole đồng, or unsupported locale.

    >>> format_vnd(0, plain=True), format_vnd(-20_000, plain=True)
    ('0 ₫', '-20.000 ₫')
    >>> format_vnd(1_500_000, locale="en")
    '₫1,500,000'
    >>> format_vnd(1_250_000, compact=True), format_vnd(999_960, compact=True)
    ('1,3 triệu đồng', '1 triệu đồng')
    >>> format_vnd(500, compact=True), format_vnd(2_000_000, compact=True, locale="en")
    ('500 đồng', '2 million VND')
    """
    check_locale(locale)
    if isinstance(amount, Integral) and not isinstance(amount, int):
        amount = int(amount)  # numpy's integers
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal | Fraction):
        raise VnlaborTypeError(
            "số tiền phải là số nguyên / amount must be an int or a Decimal, "
            f"not {type(amount).__name__}: {amount!r}"
        )
    if isinstance(amount, Decimal) and not amount.is_finite():
        raise VnlaborValueError(f"số tiền phải là số hữu hạn / amount must be finite: {amount!r}")
    if type(amount) is int:
        whole = amount  # the common case: no Fraction needed
    else:
        exact = Fraction(amount)
        if exact.denominator != 1:
            raise VnlaborValueError(
                f"số tiền phải là số đồng nguyên / amount must be whole đồng: {amount!r}"
            )
        whole = exact.numerator
    if compact:
        return _finish(_compact_vnd(whole, locale), plain)

    layout = _vnd_layout(locale)
    if layout is not None:
        prefix, group, suffix = layout[whole < 0]
        return _finish(f"{prefix}{abs(whole):,}{suffix}".replace(",", group), plain)
    return _finish(_babel_vnd(whole, locale), plain)


def _babel_vnd(whole: int, locale: str) -> str:
    from babel.numbers import format_currency

    value = Decimal(whole)
    with decimal.localcontext(_context_for(value)):
        return format_currency(value, "VND", locale=locale)


@functools.cache
def _vnd_layout(locale: str) -> tuple[tuple[str, str, str], tuple[str, str, str]] | None:
    """Babel's VND layout for ``locale`` (prefix, group symbol, suffix; positive, negative).

    Babel re-reads the locale's pattern on every call, which made money the slowest
    part of a rendered explanation. The layout is learnt from babel's own output once
    and used only if it reproduces that output; otherwise every call goes to babel.
    """
    from babel.numbers import get_group_symbol

    group = get_group_symbol(locale=locale)
    layouts = []
    for sign in (1, -1):
        text = _babel_vnd(sign * 1_234_567, locale)
        prefix, found, suffix = text.partition(f"1{group}234{group}567")
        if not found:
            return None
        layouts.append((prefix, group, suffix))
    if any(
        _babel_vnd(n, locale)
        != f"{layouts[n < 0][0]}{abs(n):,}{layouts[n < 0][2]}".replace(",", group)
        for n in (0, 7, -12, 999, 1000, -1_000_000, 10**15)
    ):
        return None
    return layouts[0], layouts[1]


def _compact_vnd(amount: int, locale: str) -> str:
    from babel import Locale
    from babel.numbers import format_compact_decimal

    # Find the unit babel will pick (CLDR compact-decimal rules: the largest magnitude
    # not above the amount, divided by 10 per extra 0 in its pattern) and round half up
    # to a tenth of it ourselves: babel would round half to even, and 999.960 would
    # come out as "1000 nghìn" instead of "1 triệu".
    patterns = Locale.parse(locale).compact_decimal_formats["long"]["other"]
    size = abs(amount)
    step = 0
    for magnitude in sorted((int(key) for key in patterns), reverse=True):
        if size >= magnitude:
            zeros = patterns[str(magnitude)].pattern.count("0")
            unit = magnitude // 10 ** (zeros - 1) if zeros else 1
            step = unit // 10**COMPACT_FRACTION_DIGITS
            break
    if step > 1:
        size = math.floor(Fraction(size, step) + Fraction(1, 2)) * step
    value = Decimal(-size if amount < 0 else size)
    with decimal.localcontext(_context_for(value)):
        number = format_compact_decimal(
            value, format_type="long", locale=locale, fraction_digits=COMPACT_FRACTION_DIGITS
        )
    return f"{number} {_CURRENCY_WORD[locale]}"


def format_number(
    value: Number, *, locale: str = "vi", digits: int | None = None, plain: bool = False
) -> str:
    """Format a number with the locale's grouping and decimal separator.

    Args:
        value: The number.
        locale: ``"vi"`` (default) or ``"en"``.
        digits: Exactly this many decimals, rounded half up; ``None`` (default) writes
            the value exactly, which a non-terminating ``Fraction`` cannot be.
        plain: Use ordinary spaces only.

    Returns:
        The formatted number.

    Raises:
        TypeError: ``value`` is not a number (``bool`` included).
        ValueError: ``value`` is infinite or NaN, cannot be written exactly with
            ``digits=None``, or unsupported locale.

    >>> format_number(1_234_567), format_number(Decimal("1234.5"), locale="en")
    ('1.234.567', '1,234.5')
    >>> format_number(Fraction(1, 8)), format_number(Fraction(2, 3), digits=2)
    ('0,125', '0,67')
    >>> format_number(0.125, digits=2), format_number(-0.001, digits=2)
    ('0,13', '0,00')
    >>> format_number(Fraction(1, 3))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    vnlabor.errors.VnlaborValueError: ... / 1/3 has no exact decimal form; pass digits= to round it
    """
    check_locale(locale)
    exact = _exact(value)
    if digits is None:
        needed = _terminating_digits(exact)
        if needed is None:
            raise VnlaborValueError(
                f"{exact} không viết được chính xác dưới dạng thập phân, hãy cho digits= / "
                f"{exact} has no exact decimal form; pass digits= to round it"
            )
        rounded = _half_up(exact, needed)
        pattern = _decimal_pattern(needed)
    else:
        rounded = _half_up(exact, _check_digits(digits))
        pattern = _decimal_pattern(digits)

    from babel.numbers import format_decimal

    with decimal.localcontext(_context_for(rounded)):
        return _finish(format_decimal(rounded, pattern, locale=locale), plain)


def format_percent(
    value: Number, *, digits: int = 2, locale: str = "vi", plain: bool = False
) -> str:
    """Format a ratio as a percentage with a fixed number of decimals.

    Args:
        value: The ratio (``Decimal("0.8551")`` is 85,51 %).
        digits: Decimals of the percentage, rounded half up (default 2).
        locale: ``"vi"`` (default) or ``"en"``.
        plain: Use ordinary spaces only.

    Returns:
        The percentage.

    Raises:
        TypeError: ``value`` is not a number.
        ValueError: ``value`` is infinite or NaN, ``digits`` < 0, or unsupported locale.

    >>> format_percent(Fraction(1, 3)), format_percent(Fraction(1, 3), digits=0)
    ('33,33%', '33%')
    >>> format_percent(Decimal("0.000005")), format_percent(1, digits=1, locale="en")
    ('0,00%', '100.0%')
    """
    check_locale(locale)
    digits = _check_digits(digits)
    # Round the percentage, then hand babel the same digits as a ratio (exponent - 2):
    # babel's "%" multiplies by 100 exactly, so it has nothing left to round.
    ratio = _half_up(_exact(value) * 100, digits, exponent_shift=2)

    from babel.numbers import format_percent as babel_percent

    with decimal.localcontext(_context_for(ratio)):
        return _finish(babel_percent(ratio, _decimal_pattern(digits) + "%", locale=locale), plain)


def format_percentage_points(
    value: Number, digits: int = 2, *, locale: str = "vi", plain: bool = False
) -> str:
    """Format a difference of two percentages, given in points.

    Args:
        value: The difference in points (``Fraction("1.17")`` for 1,17 points).
        digits: Decimals, rounded half up (default 2).
        locale: ``"vi"`` (default) or ``"en"``.
        plain: Use ordinary spaces only.

    Returns:
        ``"1,17 điểm phần trăm"`` / ``"1.17 percentage points"``.

    Raises:
        TypeError: ``value`` is not a number.
        ValueError: ``value`` is infinite or NaN, ``digits`` < 0, or unsupported locale.

    >>> format_percentage_points(Decimal("-0.5"), locale="en")
    '-0.50 percentage points'
    >>> format_percentage_points(1, digits=0, locale="en")
    '1 percentage point'
    """
    number = format_number(value, locale=locale, digits=digits, plain=plain)
    if locale == "vi":
        return f"{number} điểm phần trăm"
    unit = "percentage point" if number in ("1", "-1") else "percentage points"
    return f"{number} {unit}"


DateStyle = Literal["short", "formal"]


def format_date(d: date, *, locale: str = "vi", style: DateStyle = "short") -> str:
    """Format a date.

    Args:
        d: The date (a ``datetime`` is shown by its date).
        locale: ``"vi"`` (default) or ``"en"``.
        style: ``"short"`` (``17/02/2021``, both locales) or ``"formal"``
            (``ngày 17 tháng 02 năm 2021`` / ``17 February 2021``).

    Returns:
        The formatted date.

    Raises:
        TypeError: ``d`` is not a date.
        ValueError: Unknown style or unsupported locale.

    >>> format_date(date(2021, 8, 5), style="formal")
    'ngày 05 tháng 8 năm 2021'
    >>> format_date(date(2021, 2, 17), locale="en", style="formal")
    '17 February 2021'
    >>> format_date(date(2021, 2, 17), style="long")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    vnlabor.errors.VnlaborValueError: ... unknown date style 'long' (expected 'short' or 'formal')
    """
    check_locale(locale)
    if not isinstance(d, date):
        raise VnlaborTypeError(
            f"format_date() cần một ngày / format_date() takes a date, "
            f"not {type(d).__name__}: {d!r}"
        )
    if style not in ("short", "formal"):
        raise VnlaborValueError(
            f"kiểu ngày không hợp lệ / unknown date style {style!r} (expected 'short' or 'formal')"
        )
    if style == "formal" and locale == "vi":
        # Decree 30/2020/NĐ-CP: zero-pad days 1-9 and months 1-2 (so "1" cannot become
        # "11" or "12" by a stroke of the pen), and nothing else.
        month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
        return f"ngày {d.day:02d} tháng {month} năm {d.year}"

    if style == "short":  # digits and slashes only: the same in every supported locale
        return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"

    from babel.dates import format_date as babel_date

    return babel_date(d, "d MMMM yyyy", locale=locale)


@runtime_checkable
class PeriodShape(Protocol):
    """What :func:`format_period` reads of a reporting period.

    :class:`vnlabor.model.ReportingPeriod` has this shape. The formatters sit below the
    models (the models' error messages use this package), so they name a period by
    what they read of it, not by its class.
    """

    @property
    def kind(self) -> str:
        """``"month"``, ``"quarter"``, ``"half_year"``, ``"year"`` or ``"plan"``."""
        ...

    @property
    def year(self) -> int:
        """The (first) calendar year."""
        ...

    @property
    def index(self) -> int:
        """Month 1-12, quarter 1-4 or half 1-2 within :attr:`year`; 1 otherwise."""
        ...

    @property
    def end_year(self) -> int | None:
        """Last calendar year of a plan period."""
        ...


_PERIOD_KINDS = frozenset({"month", "quarter", "half_year", "year", "plan"})


def format_period(period: PeriodShape, *, locale: str = "vi") -> str:
    """Name a reporting period the way reports head their tables.

    Args:
        period: The period (a :class:`vnlabor.model.ReportingPeriod`).
        locale: ``"vi"`` (default) or ``"en"``.

    Returns:
        E.g. ``"Quý 3 năm 2025"`` / ``"Q3 2025"``.

    Raises:
        TypeError: ``period`` is not a ReportingPeriod.
        ValueError: Unsupported locale.

    >>> from vnlabor.model.period import ReportingPeriod
    >>> p = ReportingPeriod.month(2025, 7)
    >>> format_period(p), format_period(p, locale="en")
    ('Tháng 7 năm 2025', 'July 2025')
    >>> format_period(ReportingPeriod.plan(2021, 2025))
    'Giai đoạn 2021-2025'
    """
    check_locale(locale)
    if not isinstance(period, PeriodShape) or period.kind not in _PERIOD_KINDS:
        raise VnlaborTypeError(
            "format_period() cần một kỳ báo cáo / format_period() takes a ReportingPeriod, "
            f"not {period!r}"
        )
    kind, year, index = period.kind, period.year, period.index
    vi = locale == "vi"
    if kind == "month":
        if vi:
            return f"Tháng {index} năm {year}"
        from babel.dates import get_month_names

        return f"{get_month_names('wide', locale=locale)[index]} {year}"
    if kind == "quarter":
        return f"Quý {index} năm {year}" if vi else f"Q{index} {year}"
    if kind == "half_year":
        if vi:
            return f"6 tháng {'đầu' if index == 1 else 'cuối'} năm {year}"
        return f"H{index} {year}"
    if kind == "year":
        return f"Năm {year}" if vi else str(year)
    return f"Giai đoạn {year}-{period.end_year}" if vi else f"{year}-{period.end_year}"
