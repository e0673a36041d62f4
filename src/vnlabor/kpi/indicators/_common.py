"""What the named indicators share: filtering records by period, and building a result."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from fractions import Fraction
from typing import TypeVar

from vnlabor.kpi.breakdown import Breakdown, KeyFunction, breakdown
from vnlabor.kpi.date_range import DateRange
from vnlabor.kpi.definitions import kpi_definition
from vnlabor.kpi.points import PercentagePoints
from vnlabor.kpi.ratio import Ratio
from vnlabor.kpi.result import KpiResult
from vnlabor.kpi.target import Target
from vnlabor.model.period import ReportingPeriod

Period = ReportingPeriod | DateRange
"""A reporting period or an arbitrary range of days."""


By = str | KeyFunction
"""A breakdown key: an attribute name, a period word or a function (see :func:`breakdown`)."""


_R = TypeVar("_R")


def in_period(period: Period | None, day: date | None) -> bool:
    return period is None or (day is not None and period.contains(day))


def select_in(records: Iterable[_R], period: Period | None, day: Callable[[_R], date]) -> list[_R]:
    return [r for r in records if in_period(period, day(r))]


def kpi_result(
    key: str,
    value: Ratio | PercentagePoints | int | Fraction | None,
    *,
    target: Target | None,
    period: Period | None = None,
    missing: int = 0,
    parts: Breakdown | None = None,
) -> KpiResult:
    return KpiResult(
        definition=kpi_definition(key),
        value=value,
        target=target,
        period=period,
        missing=missing,
        breakdown=parts,
    )


def kpi_share(
    key: str,
    records: list[_R],
    hit: Callable[[_R], bool],
    *,
    by: By | None,
    target: Target | None,
    period: Period | None,
    missing: int,
) -> KpiResult:
    if by is None:
        ratio = Ratio(sum(1 for r in records if hit(r)), len(records))
        return kpi_result(key, ratio, target=target, period=period, missing=missing)
    parts = breakdown(records, by=by, numerator=hit)
    return kpi_result(key, parts.total, target=target, period=period, missing=missing, parts=parts)
