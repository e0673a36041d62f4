"""Targets: wording, exact boundaries, units, attainment."""

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
