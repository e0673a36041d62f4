"""Attainment, surplus and shortfall, pro-rata progress."""

from datetime import date
from fractions import Fraction

import pytest
from pydantic import ValidationError

from vnlabor.kpi import DateRange, KpiUnit, PercentagePoints, attainment, progress
from vnlabor.model.period import ReportingPeriod


def test_new_jobs_above_plan() -> None:
    a = attainment(2_277, 1_600)
    assert a.difference == 677
    assert a.surplus == 677
    assert a.shortfall == 0
    assert a.ratio == Fraction(2_277, 1_600)
    assert a.difference_in_points is None


def test_departures_below_plan() -> None:
    a = attainment(57, 150)
    assert a.shortfall == 93
    assert a.ratio == Fraction(38, 100)


def test_zero_plan_has_no_attainment_ratio() -> None:
    assert attainment(5, 0).ratio is None


def test_share_attainment_difference_in_points() -> None:
    a = attainment(0.8551, 0.9, unit=KpiUnit.SHARE)
    assert a.difference_in_points == PercentagePoints(Fraction(-449, 100))


def test_progress_on_a_calendar_year() -> None:
    year = ReportingPeriod.calendar_year(2021)
    p = progress(75, 150, year, on=date(2021, 6, 30))
    assert p.elapsed == Fraction(181, 365)
    assert p.expected == Fraction(150 * 181, 365)
    assert p.on_track is True
    assert p.pace == Fraction(75 * 365, 150 * 181)
    assert p.of_plan.ratio == Fraction(1, 2)
    before = progress(0, 150, year, on=date(2020, 12, 31))
    assert before.expected == 0
    assert before.pace is None
    assert before.on_track is True
    after = progress(149, 150, year, on=date(2022, 1, 1))
    assert after.elapsed == 1
    assert after.on_track is False


def test_progress_on_a_date_range() -> None:
    ten_months = DateRange(start=date(2019, 1, 1), end=date(2019, 10, 31))
    assert ten_months.days == 304
    p = progress(1_000, 1_200, ten_months, on=date(2019, 10, 31))
    assert p.expected == 1_200
    assert ten_months.elapsed(date(2018, 1, 1)) == 0
    assert ten_months.elapsed(date(2019, 1, 1)) == Fraction(1, 304)


def test_date_range_must_be_ordered() -> None:
    with pytest.raises(ValidationError, match="before start"):
        DateRange(start=date(2020, 2, 1), end=date(2020, 1, 1))
