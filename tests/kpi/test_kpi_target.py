"""Targets: wording, exact boundaries, units, attainment, reading them from text."""

import unicodedata
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from vnlabor.kpi import Comparison, KpiUnit, PercentagePoints, Ratio, Target


def test_public_contract() -> None:
    assert Target.above(0.9).is_met(Ratio(9, 10)) is False
    assert Target.at_least(0.9).is_met(Ratio(9, 10)) is True
    assert Target.above(0.9).is_met(Ratio(0, 0)) is None
    assert Target.at_least(0.9).is_met(None) is None


@pytest.mark.parametrize("bound", [0.9, Decimal("0.9"), Fraction(9, 10), "90%", "90,0%"])
def test_bound_forms_are_all_exactly_nine_tenths(bound: object) -> None:
    target = Target.above(bound)  # type: ignore[arg-type]
    assert target.lower == Fraction(9, 10)
    assert target.is_met(Ratio(9, 10)) is False
    assert target.is_met(Ratio(901, 1_000)) is True


@pytest.mark.parametrize(
    ("target", "actual", "met"),
    [
        (Target.above(0.5), Fraction(1, 2), False),
        (Target.above(0.5), 0.51, True),
        (Target.at_least(0.5), Fraction(1, 2), True),
        (Target.at_least(0.5), Fraction(49, 100), False),
        (Target.at_most(0.34), Fraction(34, 100), True),
        (Target.at_most(0.34), Fraction(35, 100), False),
        (Target.below(0.34), Fraction(34, 100), False),
        (Target.below(0.34), Fraction(33, 100), True),
        (Target.between(0.1, 0.2), Fraction(1, 10), True),
        (Target.between(0.1, 0.2), Fraction(2, 10), True),
        (Target.between(0.1, 0.2), Fraction(21, 100), False),
        (Target.between(0.1, 0.2), Fraction(9, 100), False),
        (Target.count(150), 150, True),
        (Target.count(150), 149, False),
        (Target.count(1_600), Fraction(11_386, 5), True),
    ],
)
def test_boundaries(target: Target, actual: object, met: bool) -> None:
    assert target.is_met(actual) is met  # type: ignore[arg-type]


@given(st.fractions(), st.fractions(), st.fractions())
def test_comparisons_match_the_operators(bound: Fraction, other: Fraction, x: Fraction) -> None:
    assert Target.above(bound).is_met(x) is (x > bound)
    assert Target.at_least(bound).is_met(x) is (x >= bound)
    assert Target.at_most(bound).is_met(x) is (x <= bound)
    assert Target.below(bound).is_met(x) is (x < bound)
    lo, hi = sorted((bound, other))
    assert Target.between(lo, hi).is_met(x) is (lo <= x <= hi)


def test_percentage_point_targets_need_percentage_points() -> None:
    target = Target.between(PercentagePoints(1.15), PercentagePoints(1.56))
    assert target.unit is KpiUnit.PERCENTAGE_POINTS
    assert target.is_met(PercentagePoints(1.17)) is True
    assert target.is_met(PercentagePoints(1.14)) is False
    with pytest.raises(TypeError, match="PercentagePoints"):
        target.is_met(1.17)
    with pytest.raises(TypeError, match="ratio"):
        target.is_met(Ratio(117, 100))
    same = Target.between(1.15, 1.56, unit=KpiUnit.PERCENTAGE_POINTS)
    assert same == target


def test_shares_and_counts_refuse_percentage_points_and_ratios() -> None:
    with pytest.raises(TypeError, match="difference of rates"):
        Target.at_least(0.01).is_met(PercentagePoints(2))
    with pytest.raises(TypeError, match="ratio"):
        Target.count(10).is_met(Ratio(1, 2))


def test_invalid_targets() -> None:
    with pytest.raises(ValidationError, match="above upper"):
        Target.between(0.5, 0.4)
    with pytest.raises(ValueError, match="different units"):
        Target.between(PercentagePoints(1), 2)
    with pytest.raises(ValueError, match="percentage points"):
        Target.above(PercentagePoints(1), unit=KpiUnit.SHARE)
    with pytest.raises(ValidationError, match="needs"):
        Target(comparison=Comparison.ABOVE, upper=1)
    for bad in (-1, 1.5, True):
        with pytest.raises(ValueError, match="whole number"):
            Target.count(bad)  # type: ignore[arg-type]


def test_target_text_and_str() -> None:
    t = Target.above(0.9, text="trên 90% lao động sau khi học nghề được kết nối việc làm")
    assert t.text is not None
    assert str(t) == "> 90%"
    assert str(Target.count(150)) == "≥ 150"
    assert (
        str(Target.between(PercentagePoints(1.15), PercentagePoints(1.56))) == "1.15 pp – 1.56 pp"
    )
    assert str(Target.below(0.1)) == "< 10%"
    assert str(Target.at_most(0.34)) == "≤ 34%"


def test_target_round_trips_through_json_exactly() -> None:
    t = Target.above(0.9)
    assert Target.model_validate_json(t.model_dump_json()) == t
    assert '"9/10"' in t.model_dump_json()


def test_attainment_against_the_reference_bound() -> None:
    a = Target.count(150).attainment(57)
    assert a is not None
    assert a.ratio == Fraction(38, 100)
    assert a.shortfall == 93
    assert a.surplus == 0
    plan = Target.count(1_600).attainment(2_277)
    assert plan is not None
    assert plan.surplus == 677
    assert Target.above(0.9).attainment(Ratio(0, 0)) is None
    share = Target.above(0.9).attainment(Ratio(85, 100))
    assert share is not None
    assert share.difference_in_points == PercentagePoints(-5)
    assert Target.at_most(0.34).reference == Fraction(34, 100)


# ------------------------------------------------------------------ reading targets


def test_str_of_counts_and_amounts_is_exact_and_names_the_unit() -> None:
    assert str(Target.at_least(Fraction(11_386, 5), unit=KpiUnit.COUNT)) == "≥ 11386/5"
    assert str(Target.at_least(2_277, unit=KpiUnit.COUNT)) == "≥ 2277"
    assert str(Target.above(9_700_000_000, unit=KpiUnit.VND)) == "> 9700000000 VND"
    assert str(Target.above(Fraction(1, 3))) == "> 100/3%"


S = KpiUnit.SHARE
PP = KpiUnit.PERCENTAGE_POINTS
N = KpiUnit.COUNT
C = Comparison


@pytest.mark.parametrize(
    ("text", "comparison", "lower", "upper", "unit"),
    [
        ("trên 90%", C.ABOVE, Fraction(9, 10), None, S),
        ("above 90%", C.ABOVE, Fraction(9, 10), None, S),
        ("hơn 90 %", C.ABOVE, Fraction(9, 10), None, S),
        ("> 90%", C.ABOVE, Fraction(9, 10), None, S),
        ("ít nhất 90%", C.AT_LEAST, Fraction(9, 10), None, S),
        ("≥ 90%", C.AT_LEAST, Fraction(9, 10), None, S),
        (">=90%", C.AT_LEAST, Fraction(9, 10), None, S),
        ("tối thiểu 90%", C.AT_LEAST, Fraction(9, 10), None, S),
        ("at least 90%", C.AT_LEAST, Fraction(9, 10), None, S),
        ("từ 90% trở lên", C.AT_LEAST, Fraction(9, 10), None, S),
        ("90% or more", C.AT_LEAST, Fraction(9, 10), None, S),
        ("không dưới 90%", C.AT_LEAST, Fraction(9, 10), None, S),
        ("dưới 5%", C.BELOW, None, Fraction(1, 20), S),
        ("below 5%", C.BELOW, None, Fraction(1, 20), S),
        ("< 5%", C.BELOW, None, Fraction(1, 20), S),
        ("không quá 5%", C.AT_MOST, None, Fraction(1, 20), S),
        ("tối đa 5%", C.AT_MOST, None, Fraction(1, 20), S),
        ("no more than 5%", C.AT_MOST, None, Fraction(1, 20), S),
        ("≤ 5%", C.AT_MOST, None, Fraction(1, 20), S),
        ("5% trở xuống", C.AT_MOST, None, Fraction(1, 20), S),
        ("1,15-1,56%", C.BETWEEN, Fraction(115, 10_000), Fraction(156, 10_000), S),
        ("1.15–1.56%", C.BETWEEN, Fraction(115, 10_000), Fraction(156, 10_000), S),
        ("1,15 - 1,56 %", C.BETWEEN, Fraction(115, 10_000), Fraction(156, 10_000), S),
        ("từ 1,15% đến 1,56%", C.BETWEEN, Fraction(115, 10_000), Fraction(156, 10_000), S),
        ("from 1.15% to 1.56%", C.BETWEEN, Fraction(115, 10_000), Fraction(156, 10_000), S),
        ("between 1 and 1.5 pp", C.BETWEEN, Fraction(1), Fraction(3, 2), PP),
        ("1,17 điểm phần trăm", C.AT_LEAST, Fraction(117, 100), None, PP),
        ("150 người", C.AT_LEAST, Fraction(150), None, N),
        ("150", C.AT_LEAST, Fraction(150), None, N),
        ("đạt 150 lao động", C.AT_LEAST, Fraction(150), None, N),
        ("350-500 lao động mỗi năm", C.BETWEEN, Fraction(350), Fraction(500), N),
        ("hơn 12.700 lao động", C.ABOVE, Fraction(12_700), None, N),
        ("ít nhất 1.600 người/năm", C.AT_LEAST, Fraction(1_600), None, N),
        ("trên 1,8 nghìn lao động", C.ABOVE, Fraction(1_800), None, N),
        ("150 đồng bào dân tộc thiểu số", C.AT_LEAST, Fraction(150), None, N),
        ("trên 9,7 tỷ đồng", C.ABOVE, Fraction(9_700_000_000), None, KpiUnit.VND),
        ("tối đa 400.000 đ", C.AT_MOST, None, Fraction(400_000), KpiUnit.VND),
        (
            "Phấn đấu TRÊN 90% lao động sau khi học nghề được kết nối việc làm",
            C.ABOVE,
            Fraction(9, 10),
            None,
            S,
        ),
        ("đạt trên 85%", C.ABOVE, Fraction(85, 100), None, S),
    ],
)
def test_parse_wordings(
    text: str,
    comparison: Comparison,
    lower: Fraction | None,
    upper: Fraction | None,
    unit: KpiUnit,
) -> None:
    t = Target.parse(text)
    assert (t.comparison, t.lower, t.upper, t.unit) == (comparison, lower, upper, unit)
    assert t.text == text


def test_parsed_bounds_keep_their_boundaries() -> None:
    # Exactly on the bound: strict wordings fail, inclusive ones pass.
    assert Target.parse("trên 90%").is_met(Ratio(9, 10)) is False
    assert Target.parse("trên 90%").is_met(Ratio(901, 1_000)) is True
    assert Target.parse("ít nhất 90%").is_met(Ratio(9, 10)) is True
    assert Target.parse("dưới 5%").is_met(Ratio(5, 100)) is False
    assert Target.parse("dưới 5%").is_met(Ratio(49, 1_000)) is True
    assert Target.parse("không quá 5%").is_met(Ratio(5, 100)) is True
    assert Target.parse("không quá 5%").is_met(Ratio(51, 1_000)) is False
    band = Target.parse("1,15-1,56%", unit=KpiUnit.PERCENTAGE_POINTS)
    assert band.is_met(PercentagePoints(1.15)) is True
    assert band.is_met(PercentagePoints(1.56)) is True
    assert band.is_met(PercentagePoints(1.14)) is False
    assert band.is_met(PercentagePoints(1.57)) is False
    assert Target.parse("150 người").is_met(150) is True
    assert Target.parse("150 người").is_met(149) is False


def test_parse_is_the_constructor_with_the_wording() -> None:
    assert Target.parse("trên 90%") == Target.above(0.9, text="trên 90%")
    assert Target.parse("150") == Target.count(150, text="150")
    decomposed = unicodedata.normalize("NFD", "  tối thiểu 90%  ")
    t = Target.parse(decomposed)
    assert t == Target.at_least(0.9, text="tối thiểu 90%")


def test_parse_with_a_unit() -> None:
    # A target on a change of a rate: its "%" is percentage points.
    pp = Target.parse("giảm từ 1,15 - 1,56%/năm", unit=KpiUnit.PERCENTAGE_POINTS)
    assert pp == Target.between(
        PercentagePoints(1.15), PercentagePoints(1.56), text="giảm từ 1,15 - 1,56%/năm"
    )
    assert Target.parse("1,5", unit=KpiUnit.PERCENTAGE_POINTS).lower == Fraction(3, 2)
    assert Target.parse("1.000", unit=KpiUnit.VND).lower == 1_000
    with pytest.raises(ValueError, match="percent sign"):
        Target.parse("90", unit=KpiUnit.SHARE)
    with pytest.raises(ValueError, match="unit=count"):
        Target.parse("90%", unit=KpiUnit.COUNT)
    with pytest.raises(ValueError, match="PERCENTAGE_POINTS"):
        Target.parse("giảm 1-1,5%")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("trên", "no number"),
        ("90% hoặc 95%", "expected"),
        ("1,600 người", "English grouping"),  # Vietnamese 1,6 or English 1600?
        ("1.5 người", "groups thousands"),  # Vietnamese 1.5 is no number at all
        ("1.234,5%", "decimal mark"),
        ("1 triệu %", "percentage"),
        ("5 - 3%", "above upper"),
        ("90% - 95 pp", "different units"),
        ("1/0", "zero denominator"),
        ("x" * 600 + " 5", "longer than"),
    ],
)
def test_unreadable_targets_are_value_errors_naming_the_text(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason) as info:
        Target.parse(text)
    assert repr(text) in str(info.value)
    assert not isinstance(info.value, ValidationError)


def test_parse_refuses_non_text() -> None:
    with pytest.raises(TypeError):
        Target.parse(90)  # type: ignore[arg-type]


@given(
    st.decimals(min_value=0, max_value=1_000, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["trên", "above", "ít nhất", "at least", "dưới", "below", "tối đa"]),
)
def test_decimal_comma_and_decimal_point_read_the_same(value: Decimal, word: str) -> None:
    point = f"{value}"
    comma = point.replace(".", ",")
    a, b = Target.parse(f"{word} {point}%"), Target.parse(f"{word} {comma}%")
    assert a.reference == b.reference == Fraction(value) / 100


_bounds = st.fractions(min_value=-(10**6), max_value=10**6, max_denominator=10_000)


@st.composite
def _targets(draw: st.DrawFn) -> Target:
    unit = draw(st.sampled_from(list(KpiUnit)))
    comparison = draw(st.sampled_from(list(Comparison)))
    a = draw(_bounds)
    if comparison is Comparison.BETWEEN:
        low, high = sorted((a, draw(_bounds)))
        return Target.between(low, high, unit=unit)
    make = {
        Comparison.ABOVE: Target.above,
        Comparison.AT_LEAST: Target.at_least,
        Comparison.AT_MOST: Target.at_most,
        Comparison.BELOW: Target.below,
    }[comparison]
    return make(a, unit=unit)


@given(_targets())
def test_str_reads_back_to_the_same_target(target: Target) -> None:
    parsed = Target.parse(str(target))
    assert parsed.text == str(target)
    assert parsed == target.model_copy(update={"text": str(target)})
