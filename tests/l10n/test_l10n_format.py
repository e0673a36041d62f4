from __future__ import annotations

import decimal
from collections.abc import Callable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnlabor.l10n import (
    format_date,
    format_number,
    format_percent,
    format_percentage_points,
    format_period,
    format_vnd,
    parse_vnd,
)
from vnlabor.model.period import ReportingPeriod

NBSP, NNBSP, THIN = "\u00a0", "\u202f", "\u2009"


# --- format_vnd ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "kwargs", "expected"),
    [
        (1_500_000, {}, f"1.500.000{NBSP}₫"),
        (1_500_000, {"plain": True}, "1.500.000 ₫"),
        (0, {}, f"0{NBSP}₫"),
        (12_700, {}, f"12.700{NBSP}₫"),
        (-20_000, {"plain": True}, "-20.000 ₫"),
        (Decimal("1500000"), {}, f"1.500.000{NBSP}₫"),
        (Decimal("1.5E+6"), {}, f"1.500.000{NBSP}₫"),
        (Fraction(3_000_000, 2), {}, f"1.500.000{NBSP}₫"),
        (1_500_000, {"locale": "en"}, "₫1,500,000"),
        (9_700_000_000, {"compact": True}, "9,7 tỷ đồng"),
        (9_700_000_000, {"compact": True, "locale": "en"}, "9.7 billion VND"),
        (2_000_000, {"compact": True}, "2 triệu đồng"),
        (500_000, {"compact": True}, "500 nghìn đồng"),
        (500, {"compact": True}, "500 đồng"),
        (0, {"compact": True}, "0 đồng"),
        (1_200_000_000_000, {"compact": True}, "1,2 nghìn tỷ đồng"),
        (-9_700_000_000, {"compact": True}, "-9,7 tỷ đồng"),
    ],
)
def test_format_vnd_examples(amount: Any, kwargs: dict[str, Any], expected: str) -> None:
    assert format_vnd(amount, **kwargs) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (1_250_000, "1,3 triệu đồng"),  # half up; babel alone says "1,2 triệu"
        (1_350_000, "1,4 triệu đồng"),
        (1_249_999, "1,2 triệu đồng"),
        (-1_250_000, "-1,3 triệu đồng"),  # half away from zero
        (999_949, "999,9 nghìn đồng"),
        (999_950, "1 triệu đồng"),  # rolls over to the next unit, not "1000 nghìn"
        (999_960, "1 triệu đồng"),
        (1_049, "1 nghìn đồng"),
        (1_050, "1,1 nghìn đồng"),
    ],
)
def test_format_vnd_compact_rounds_half_up(amount: int, expected: str) -> None:
    assert format_vnd(amount, compact=True) == expected


def test_format_vnd_huge_amount_is_exact() -> None:
    # More digits than the default decimal context (28) holds.
    assert format_vnd(10**40 + 1, plain=True) == "10." + "000." * 12 + "001 ₫"


@pytest.mark.parametrize("bad", [1.5, 1500000.0, True, "1500000", None, [1]])
def test_format_vnd_rejects_non_integers_with_type_error(bad: Any) -> None:
    with pytest.raises(TypeError, match="amount must be"):
        format_vnd(bad)


@pytest.mark.parametrize(
    "bad", [Decimal("1500000.5"), Decimal("NaN"), Decimal("Infinity"), Fraction(1, 2)]
)
def test_format_vnd_rejects_fractions_of_a_dong(bad: Any) -> None:
    with pytest.raises(ValueError, match="amount must be"):
        format_vnd(bad)


# --- numbers, percentages, points ---------------------------------------------------


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (1_234_567, {}, "1.234.567"),
        (1_234_567, {"locale": "en"}, "1,234,567"),
        (Decimal("1234.5"), {}, "1.234,5"),
        (Decimal("1.50"), {}, "1,5"),
        (Fraction(1, 8), {}, "0,125"),
        (Fraction(2, 3), {"digits": 2}, "0,67"),
        (Decimal("2.5"), {"digits": 0}, "3"),
        (Decimal("-2.5"), {"digits": 0}, "-3"),
        (Decimal("0.125"), {"digits": 2}, "0,13"),
        (0.125, {"digits": 2}, "0,13"),
        (1.005, {"digits": 2}, "1,01"),  # the float's repr, not its binary value
        (Decimal("-0.001"), {"digits": 2}, "0,00"),  # no "-0,00"
        (7, {"digits": 2}, "7,00"),
    ],
)
def test_format_number_examples(value: Any, kwargs: dict[str, Any], expected: str) -> None:
    assert format_number(value, **kwargs) == expected


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (Decimal("0.8551"), {}, "85,51%"),
        (Fraction("0.8551"), {}, "85,51%"),
        (Decimal("0.0493"), {}, "4,93%"),  # babel's default pattern says "5%"
        (Decimal("0.0493"), {"locale": "en"}, "4.93%"),
        (Decimal("0.12345"), {}, "12,35%"),  # half up; half-even would give 12,34
        (Decimal("-0.12345"), {}, "-12,35%"),
        (Fraction(1, 3), {}, "33,33%"),
        (Fraction(2, 3), {}, "66,67%"),
        (Fraction(2, 3), {"digits": 0}, "67%"),
        (1, {"digits": 1}, "100,0%"),
        (12, {}, "1.200,00%"),
        (Decimal("0.000005"), {}, "0,00%"),
        (0.8551, {}, "85,51%"),
    ],
)
def test_format_percent_examples(value: Any, kwargs: dict[str, Any], expected: str) -> None:
    assert format_percent(value, **kwargs) == expected


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (Fraction("1.17"), {}, "1,17 điểm phần trăm"),
        (Fraction("1.17"), {"locale": "en"}, "1.17 percentage points"),
        (Decimal("1.17"), {}, "1,17 điểm phần trăm"),
        (Decimal("-0.5"), {"locale": "en"}, "-0.50 percentage points"),
        (1, {"digits": 0, "locale": "en"}, "1 percentage point"),
        (Decimal("1.005"), {}, "1,01 điểm phần trăm"),
    ],
)
def test_format_percentage_points_examples(
    value: Any, kwargs: dict[str, Any], expected: str
) -> None:
    assert format_percentage_points(value, **kwargs) == expected


NUMBER_FORMATTERS: list[Callable[..., str]] = [
    format_number,
    format_percent,
    format_percentage_points,
]


@pytest.mark.parametrize("formatter", NUMBER_FORMATTERS)
@pytest.mark.parametrize("bad", ["0.5", None, True, [1], complex(1, 0)])
def test_number_formatters_reject_non_numbers(formatter: Callable[..., str], bad: Any) -> None:
    with pytest.raises(TypeError, match="must be a number"):
        formatter(bad, digits=2)


@pytest.mark.parametrize("formatter", NUMBER_FORMATTERS)
@pytest.mark.parametrize("bad", [float("nan"), float("inf"), Decimal("NaN"), Decimal("-Infinity")])
def test_number_formatters_reject_non_finite(formatter: Callable[..., str], bad: Any) -> None:
    with pytest.raises(ValueError, match="finite"):
        formatter(bad, digits=2)


@pytest.mark.parametrize("formatter", NUMBER_FORMATTERS)
def test_number_formatters_reject_bad_digits(formatter: Callable[..., str]) -> None:
    with pytest.raises(ValueError, match="digits must be ≥ 0"):
        formatter(1, digits=-1)
    with pytest.raises(TypeError, match="digits must be an int"):
        formatter(1, digits=1.5)
    with pytest.raises(TypeError, match="digits must be an int"):
        formatter(1, digits=True)


def test_format_number_needs_digits_for_non_terminating_fraction() -> None:
    with pytest.raises(ValueError, match="1/3 has no exact decimal form"):
        format_number(Fraction(1, 3))


def test_format_number_huge_values_are_exact() -> None:
    value = Decimal("1" + "0" * 40 + ".5")
    assert format_number(value, digits=0, locale="en") == "10" + ",000" * 12 + ",001"
    assert format_number(value, locale="en") == "10" + ",000" * 13 + ".5"


# --- dates and periods --------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "kwargs", "expected"),
    [
        (date(2021, 2, 17), {}, "17/02/2021"),
        (date(2021, 2, 17), {"locale": "en"}, "17/02/2021"),
        (date(2021, 2, 7), {}, "07/02/2021"),
        (date(2021, 2, 17), {"style": "formal"}, "ngày 17 tháng 02 năm 2021"),
        (date(2021, 2, 17), {"style": "formal", "locale": "en"}, "17 February 2021"),
        (date(2023, 8, 5), {"style": "formal"}, "ngày 05 tháng 8 năm 2023"),
        (date(2023, 1, 1), {"style": "formal"}, "ngày 01 tháng 01 năm 2023"),
        (date(2023, 12, 31), {"style": "formal"}, "ngày 31 tháng 12 năm 2023"),
        (date(2023, 3, 9), {"style": "formal", "locale": "en"}, "9 March 2023"),
        (datetime(2021, 2, 17, 13, 45), {}, "17/02/2021"),
    ],
)
def test_format_date_examples(d: date, kwargs: dict[str, Any], expected: str) -> None:
    assert format_date(d, **kwargs) == expected


def test_format_date_rejects_bad_input() -> None:
    with pytest.raises(TypeError, match="takes a date"):
        format_date("2021-02-17")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown date style 'long'"):
        format_date(date(2021, 2, 17), style="long")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("period", "vi", "en"),
    [
        (ReportingPeriod.month(2025, 7), "Tháng 7 năm 2025", "July 2025"),
        (ReportingPeriod.month(2025, 12), "Tháng 12 năm 2025", "December 2025"),
        (ReportingPeriod.quarter(2025, 3), "Quý 3 năm 2025", "Q3 2025"),
        (ReportingPeriod.half_year(2025, 1), "6 tháng đầu năm 2025", "H1 2025"),
        (ReportingPeriod.half_year(2025, 2), "6 tháng cuối năm 2025", "H2 2025"),
        (ReportingPeriod.calendar_year(2025), "Năm 2025", "2025"),
        (ReportingPeriod.plan(2021, 2025), "Giai đoạn 2021-2025", "2021-2025"),
    ],
)
def test_format_period_examples(period: ReportingPeriod, vi: str, en: str) -> None:
    assert format_period(period) == vi
    assert format_period(period, locale="en") == en


def test_format_period_rejects_other_objects() -> None:
    with pytest.raises(TypeError, match="takes a ReportingPeriod"):
        format_period("2025-Q3")  # type: ignore[arg-type]


# --- locales and plain output -------------------------------------------------------

CALLS: list[Callable[[str], str]] = [
    lambda loc: format_vnd(1, locale=loc),
    lambda loc: format_vnd(1, locale=loc, compact=True),
    lambda loc: format_number(1, locale=loc),
    lambda loc: format_percent(1, locale=loc),
    lambda loc: format_percentage_points(1, locale=loc),
    lambda loc: format_date(date(2021, 1, 1), locale=loc),
    lambda loc: format_period(ReportingPeriod.calendar_year(2025), locale=loc),
]


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("locale", ["fr", "vi_VN", "EN", ""])
def test_unknown_locale_is_named(call: Callable[[str], str], locale: str) -> None:
    with pytest.raises(ValueError, match=f"unsupported locale: {locale!r}"):
        call(locale)


@settings(deadline=None)
@given(
    amount=st.integers(-(10**16), 10**16),
    value=st.fractions(max_denominator=10**6) | st.decimals(allow_nan=False, allow_infinity=False),
    locale=st.sampled_from(["vi", "en"]),
)
def test_plain_output_has_only_ordinary_spaces(amount: int, value: Any, locale: str) -> None:
    texts = [
        format_vnd(amount, locale=locale, plain=True),
        format_vnd(amount, locale=locale, compact=True, plain=True),
        format_number(value, locale=locale, digits=3, plain=True),
        format_percent(value, locale=locale, plain=True),
        format_percentage_points(value, locale=locale, plain=True),
    ]
    for text in texts:
        assert not {NBSP, NNBSP, THIN} & set(text), text


# --- properties ---------------------------------------------------------------------


@settings(deadline=None)
@given(st.integers(0, 10**13), st.booleans())
def test_format_vnd_full_form_round_trips(amount: int, plain: bool) -> None:
    assert parse_vnd(format_vnd(amount, plain=plain)) == amount


@settings(deadline=None)
@given(st.integers(0, 10**18))
def test_format_vnd_compact_reads_back_within_rounding(amount: int) -> None:
    text = format_vnd(amount, compact=True)
    # One decimal of a unit no larger than the amount: off by at most 5 % of it.
    assert abs(parse_vnd(text) - amount) * 20 <= amount, text
    if amount < 1000:
        assert parse_vnd(text) == amount


def _read_back(text: str, locale: str) -> Decimal:
    group, point = (".", ",") if locale == "vi" else (",", ".")
    return Decimal(text.replace(group, "").replace(point, "."))


def _half_up(value: Fraction, digits: int) -> Decimal:
    with decimal.localcontext(prec=200):
        exact = Decimal(value.numerator) / Decimal(value.denominator)
        return exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)


@settings(deadline=None)
@given(
    ratio=st.fractions(min_value=-100, max_value=100, max_denominator=10**9),
    digits=st.integers(0, 6),
    locale=st.sampled_from(["vi", "en"]),
)
def test_format_percent_is_the_ratio_rounded_half_up(
    ratio: Fraction, digits: int, locale: str
) -> None:
    text = format_percent(ratio, digits=digits, locale=locale)
    assert text.endswith("%")
    shown = _read_back(text[:-1], locale)
    assert shown == _half_up(ratio * 100, digits)
    assert abs(Fraction(shown) - ratio * 100) <= Fraction(1, 2 * 10**digits)
    decimals = text[:-1].rpartition("," if locale == "vi" else ".")[2]
    assert digits == 0 or len(decimals) == digits
    # Same digits in both locales, only the separators swap.
    other = "en" if locale == "vi" else "vi"
    assert _read_back(format_percent(ratio, digits=digits, locale=other)[:-1], other) == shown
    # Points read the same number as the percentage.
    points = format_percentage_points(ratio * 100, digits, locale=locale)
    assert points.startswith(text[:-1] + " ")


@settings(deadline=None)
@given(
    value=st.decimals(allow_nan=False, allow_infinity=False, places=4),
    locale=st.sampled_from(["vi", "en"]),
)
def test_format_number_exact_form_reads_back(value: Decimal, locale: str) -> None:
    assert _read_back(format_number(value, locale=locale), locale) == value


@settings(max_examples=300)
@given(
    amount=st.integers(min_value=-(10**18), max_value=10**18),
    locale=st.sampled_from(["vi", "en"]),
)
def test_format_vnd_fast_layout_equals_babel(amount: int, locale: str) -> None:
    # format_vnd reuses babel's layout learnt once; it must match babel call by call.
    from babel.numbers import format_currency

    with decimal.localcontext(decimal.Context(prec=40)):
        expected = format_currency(Decimal(amount), "VND", locale=locale)
    assert format_vnd(amount, locale=locale) == expected


@given(d=st.dates(min_value=date(1, 1, 1)), locale=st.sampled_from(["vi", "en"]))
def test_short_date_equals_babel_pattern(d: date, locale: str) -> None:
    from babel.dates import format_date as babel_date

    assert format_date(d, locale=locale) == babel_date(d, "dd/MM/yyyy", locale=locale)
