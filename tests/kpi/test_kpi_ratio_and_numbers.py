"""Ratio, PercentagePoints and exact number conversion."""

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from vnlabor.kpi import PercentagePoints, Ratio, to_fraction
from vnlabor.kpi.number import decimal_text


def test_ratio_positional_and_keyword_forms() -> None:
    assert Ratio(9, 10).value == Fraction(9, 10)
    assert Ratio(numerator=5_000, denominator=5_816).value == Fraction(5_000, 5_816)
    r = Ratio(1, 2, "employed", "trainees")
    assert (r.numerator_label, r.denominator_label) == ("employed", "trainees")


def test_zero_denominator_is_undefined_not_zero() -> None:
    assert Ratio(0, 0).value is None
    assert Ratio(0, 0).percent is None
    assert not Ratio(0, 0).is_defined
    assert Ratio(0, 5).value == 0
    assert Ratio(0, 5).is_defined


def test_numerator_may_exceed_denominator() -> None:
    assert Ratio(2_277, 1_600).value == Fraction(2_277, 1_600)


@pytest.mark.parametrize("bad", [-1, 1.5, True, "3", None])
def test_ratio_parts_must_be_non_negative_whole_numbers(bad: object) -> None:
    with pytest.raises(ValidationError):
        Ratio(bad, 3)  # type: ignore[arg-type]
    with pytest.raises(ValidationError):
        Ratio(3, bad)  # type: ignore[arg-type]


def test_ratio_is_frozen_and_round_trips_through_json() -> None:
    r = Ratio(4_973, 5_816, "có việc làm", "học viên")
    with pytest.raises(ValidationError):
        r.numerator = 1  # type: ignore[misc]
    assert Ratio.model_validate_json(r.model_dump_json()) == r


def test_ratio_percent_and_pooling() -> None:
    assert Ratio(8_551, 10_000).percent == Fraction(8_551, 100)
    pooled = Ratio(1, 2, "a", "b") + Ratio(3, 4, "a", "c")
    assert (pooled.numerator, pooled.denominator) == (4, 6)
    assert pooled.numerator_label == "a"
    assert pooled.denominator_label is None
    assert str(pooled) == "4/6"


@given(st.integers(0, 10**6), st.integers(0, 10**6), st.integers(0, 10**6), st.integers(1, 10**6))
def test_pooled_ratio_lies_between_its_parts(a: int, b: int, c: int, d: int) -> None:
    b = max(b, 1)
    pooled = (Ratio(a, b) + Ratio(c, d)).value
    assert pooled is not None
    assert min(Fraction(a, b), Fraction(c, d)) <= pooled <= max(Fraction(a, b), Fraction(c, d))


def test_percentage_points_from_two_rates() -> None:
    change = PercentagePoints.change(Ratio(750, 10_000), Ratio(516, 10_000))
    assert change == PercentagePoints(Fraction(-234, 100))
    assert change is not None
    assert (-change / 2).points == Fraction(117, 100)
    assert PercentagePoints.change(Ratio(1, 0), Ratio(1, 2)) is None
    assert (PercentagePoints(1) + PercentagePoints(0.5)).points == Fraction(3, 2)
    assert (PercentagePoints(1) - PercentagePoints("50%")).points == Fraction(1, 2)
    assert str(PercentagePoints(1.17)) == "1.17 pp"


def test_percentage_points_reject_floats_turned_inexact() -> None:
    assert PercentagePoints(1.15).points == Fraction(115, 100)
    with pytest.raises(ValidationError):
        PercentagePoints(float("nan"))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.9, Fraction(9, 10)),
        (1.15, Fraction(115, 100)),
        (Decimal("1.56"), Fraction(156, 100)),
        (Fraction(1, 3), Fraction(1, 3)),
        (7, Fraction(7)),
        ("90%", Fraction(9, 10)),
        ("85,51%", Fraction(8_551, 10_000)),
        ("85.51 %", Fraction(8_551, 10_000)),
        ("1,15\u00a0%", Fraction(115, 10_000)),
        ("-5%", Fraction(-1, 20)),
        ("9/10", Fraction(9, 10)),
        (" -3 ", Fraction(-3)),
    ],
)
def test_to_fraction_is_exact(value: object, expected: Fraction) -> None:
    assert to_fraction(value) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("value", "error"),
    [
        (True, TypeError),
        (None, TypeError),
        ([1], TypeError),
        (float("inf"), ValueError),
        (float("nan"), ValueError),
        (Decimal("NaN"), ValueError),
        ("0.9", ValueError),
        ("1.600", ValueError),
        ("1.234,5%", ValueError),
        ("abc%", ValueError),
        ("1/0", ValueError),
        ("1e3", ValueError),
    ],
)
def test_to_fraction_refuses_what_it_would_have_to_guess(
    value: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        to_fraction(value)  # type: ignore[arg-type]


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_become_the_decimal_they_print_as(x: float) -> None:
    assert to_fraction(x) == Fraction(repr(x))
    assert float(to_fraction(x)) == x


@given(st.fractions())
def test_decimal_text_round_trips_terminating_fractions(x: Fraction) -> None:
    text = decimal_text(x)
    if "/" in text:
        assert Fraction(text) == x
    else:
        assert Fraction(Decimal(text)) == x


def test_positional_form_does_not_hide_mistakes() -> None:
    with pytest.raises(TypeError, match="multiple values"):
        Ratio(1, 2, numerator=3)  # type: ignore[misc]
    with pytest.raises(TypeError, match="at most 4"):
        Ratio(1, 2, "a", "b", "c")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match="one value"):
        PercentagePoints(1, points=2)  # type: ignore[misc]
    with pytest.raises(ValidationError):
        Ratio.model_validate({"numerator": 1})
    with pytest.raises(ValidationError):
        Ratio.model_validate({"numerator": 1, "denominator": 2, "points": 3})


def test_ratio_and_points_validate_inside_unions() -> None:
    from pydantic import TypeAdapter

    adapter: TypeAdapter[Ratio | PercentagePoints | int | Fraction] = TypeAdapter(
        Ratio | PercentagePoints | int | Fraction
    )
    for value in (Ratio(1, 2), PercentagePoints(1.17), 57, Fraction(11_386, 5)):
        assert adapter.validate_json(adapter.dump_json(value)) == value


def test_a_ratio_flows_into_numbers() -> None:
    import math

    from vnlabor.l10n import format_number, format_percent

    r = Ratio(4_973, 5_816)
    assert float(r) == 4_973 / 5_816
    assert math.isnan(float(Ratio(0, 0)))
    assert format_percent(r) == "85,51%"
    assert format_percent(r, locale="en") == "85.51%"
    assert format_number(Ratio(1, 8)) == "0,125"
    assert format_number(r, digits=3, locale="en") == "0.855"


def test_a_ratio_compares_with_numbers_exactly_at_the_boundary() -> None:
    nine_tenths = Ratio(9, 10)
    assert nine_tenths == 0.9  # the float read as the decimal it prints as
    assert nine_tenths >= 0.9
    assert not nine_tenths > 0.9
    assert nine_tenths <= Fraction(9, 10)
    assert Ratio(900_001, 1_000_000) > 0.9  # one over the bound
    assert Ratio(899_999, 1_000_000) < Decimal("0.9")  # one under
    assert Ratio(1, 2) == Ratio(1, 2)
    assert Ratio(1, 2) != Ratio(2, 4)  # the same value, a different record
    assert not Ratio(1, 2) < Ratio(2, 4)
    assert not Ratio(1, 2) > Ratio(2, 4)
    assert Ratio(1, 2) != "1/2"
    assert Ratio(1, 2) != True  # noqa: E712 - a bool is no number here
    assert hash(Ratio(1, 2)) == hash(Ratio(1, 2))


def test_an_undefined_ratio_equals_no_number_and_cannot_be_ordered() -> None:
    from vnlabor.errors import VnlaborValueError

    assert Ratio(0, 0) != 0
    with pytest.raises(VnlaborValueError, match=r"không xác định .* / the ratio 0/0 is undefined"):
        _ = Ratio(0, 0) < 0.5
    with pytest.raises(VnlaborValueError, match=r"the ratio 0/0 is undefined"):
        _ = Ratio(1, 2) >= Ratio(0, 0)


def test_ordering_a_ratio_with_text_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        _ = Ratio(1, 2) < "0.5"


@given(
    st.integers(0, 10**6),
    st.integers(1, 10**6),
    st.fractions(min_value=0, max_value=2, max_denominator=10**4),
)
def test_ratio_comparisons_agree_with_its_exact_value(n: int, d: int, other: Fraction) -> None:
    r = Ratio(n, d)
    exact = Fraction(n, d)
    assert (r < other) == (exact < other)
    assert (r <= other) == (exact <= other)
    assert (r > other) == (exact > other)
    assert (r >= other) == (exact >= other)
    assert (r == other) == (exact == other)
