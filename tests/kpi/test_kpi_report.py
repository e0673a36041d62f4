"""KPIs in words: targets, verdicts, gaps, breakdowns, definitions (vi and en)."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import vnlabor as vl
from vnlabor import kpi
from vnlabor.kpi import KpiResult, PercentagePoints, Ratio, Target, describe_target
from vnlabor.kpi.definitions import kpi_definition

DAY = date(2024, 3, 1)


def _two_decimals(value: Fraction) -> str:
    q = Decimal(value.numerator) / Decimal(value.denominator)
    return str(q.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)).replace(".", ",")


@pytest.mark.parametrize(
    ("target", "vi", "en"),
    [
        (Target.above(0.9), "trên 90%", "above 90%"),
        (Target.at_least(Fraction(855, 1000)), "từ 85,5% trở lên", "at least 85.5%"),
        (Target.at_most(0.05), "không quá 5%", "at most 5%"),
        (Target.below(0.3), "dưới 30%", "below 30%"),
        (
            Target.between(PercentagePoints(1.15), PercentagePoints(1.56)),
            "từ 1,15 điểm phần trăm đến 1,56 điểm phần trăm",
            "between 1.15 percentage points and 1.56 percentage points",
        ),
        (Target.count(1_600), "từ 1.600 trở lên", "at least 1,600"),
    ],
)
def test_targets_are_worded_as_plans_write_them(target: Target, vi: str, en: str) -> None:
    assert describe_target(target) == vi
    assert describe_target(target, "en") == en


def test_share_below_a_strict_floor_says_not_met_and_by_how_many_points() -> None:
    placed = Ratio(4_973, 5_816)
    result = KpiResult(
        definition=kpi_definition("share_employed_after_training"),
        value=placed,
        target=Target.parse("trên 90%"),
        missing=12,
    )
    text = result.explain()
    gap = _two_decimals((Fraction(9, 10) - Fraction(4_973, 5_816)) * 100)
    assert text.splitlines()[0].endswith(": 85,51% (4.973/5.816)")
    assert f"- Chỉ tiêu trên 90%: chưa đạt (thiếu {gap} điểm phần trăm)." in text
    assert "- Số bản ghi thiếu dữ liệu, không tính được: 12." in text
    assert "Cách tính: " in text
    english = result.explain("en")
    assert f"Target above 90%: not met (short by {gap.replace(',', '.')} percentage points)." in (
        english
    )


def test_count_against_plan_gives_shortfall_and_share_of_plan() -> None:
    result = KpiResult(
        definition=kpi_definition("departures_abroad"), value=57, target=Target.count(150)
    )
    assert "Chỉ tiêu từ 150 trở lên: chưa đạt (thiếu 93, bằng 38,00% chỉ tiêu)." in (
        result.explain()
    )
    surplus = KpiResult(
        definition=kpi_definition("departures_abroad"), value=160, target=Target.count(150)
    )
    assert "đạt (vượt 10, bằng 106,67% chỉ tiêu)" in surplus.explain()
    exact = KpiResult(
        definition=kpi_definition("departures_abroad"), value=150, target=Target.count(150)
    )
    assert "Chỉ tiêu từ 150 trở lên: đạt." in exact.explain()


def test_ceiling_targets_speak_of_the_ceiling() -> None:
    statuses = [vl.PovertyStatus.POOR] * 3 + [vl.PovertyStatus.NON_POOR] * 5
    over = kpi.poverty_rate(statuses, target=Target.parse("không quá 30%"))
    assert "not met (over the ceiling by 7.50 percentage points)" in over.explain("en")
    under = kpi.poverty_rate(statuses, target=Target.parse("dưới 40%"))
    assert "đạt (thấp hơn mức tối đa 2,50 điểm phần trăm)" in under.explain()


def test_breakdown_groups_are_labelled() -> None:
    households = [
        vl.classify(vl.Household(area=area, monthly_income_per_capita=income), on=DAY)
        for area, income in (("rural", 0), ("rural", 5_000_000), ("urban", 5_000_000))
    ]
    text = kpi.near_poor_rate(households, by="area").explain()
    assert "Chia theo nhóm: nông thôn 50,00% (1/2); thành thị 0,00% (0/1)." in text


def test_undefined_value_and_undetermined_target() -> None:
    result = KpiResult(
        definition=kpi_definition("poverty_rate"), value=Ratio(0, 0), target=Target.below(0.3)
    )
    text = result.explain("en")
    assert text.splitlines()[0].endswith(": undefined (denominator 0)")
    assert "Target below 30%: cannot be determined." in text


@given(
    numerator=st.integers(0, 500),
    extra=st.integers(0, 500),
    bound=st.fractions(min_value=0, max_value=1),
    comparison=st.sampled_from(["above", "at_least", "at_most", "below"]),
)
def test_the_verdict_in_words_is_the_targets_verdict(
    numerator: int, extra: int, bound: Fraction, comparison: str
) -> None:
    target: Target = getattr(Target, comparison)(bound)
    ratio = Ratio(numerator, numerator + extra)
    result = KpiResult(definition=kpi_definition("poverty_rate"), value=ratio, target=target)
    line = result.explain("en").splitlines()[1]
    met = target.is_met(ratio)
    if met is None:
        assert "cannot be determined" in line
    else:
        assert (": met" in line) is met
        assert (": not met" in line) is (not met)
