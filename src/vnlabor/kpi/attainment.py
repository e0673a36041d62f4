"""Attainment of a plan (*đạt … % kế hoạch*), surplus or shortfall, and pro-rata progress.

>>> a = attainment(57, 150, unit=KpiUnit.COUNT)
>>> a.ratio, a.shortfall
(Fraction(19, 50), Fraction(93, 1))
>>> attainment(2_277, 1_600, unit=KpiUnit.COUNT).surplus
Fraction(677, 1)
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from vnlabor.base.model import VnlaborModel
from vnlabor.kpi.date_range import DateRange
from vnlabor.kpi.number import Exact, Number, to_fraction
from vnlabor.kpi.points import PercentagePoints
from vnlabor.kpi.unit import KpiUnit
from vnlabor.model.period import ReportingPeriod

__all__ = ["Attainment", "Progress", "attainment", "progress"]


class Attainment(VnlaborModel):
    """An actual value set against the planned one."""

    actual: Exact
    """What was achieved (*thực hiện*)."""
    planned: Exact
    """What the plan asked for (*kế hoạch, chỉ tiêu*)."""
    unit: KpiUnit = KpiUnit.COUNT
    """Unit of both values."""

    @property
    def ratio(self) -> Fraction | None:
        """``actual / planned`` (``Fraction(19, 50)`` is 38% of plan); ``None`` if the plan is 0."""
        if self.planned == 0:
            return None
        return self.actual / self.planned

    @property
    def difference(self) -> Fraction:
        """``actual − planned``: positive is a surplus (*vượt*), negative a shortfall (*thiếu*)."""
        return self.actual - self.planned

    @property
    def surplus(self) -> Fraction:
        """How far the actual exceeds the plan (0 when it does not)."""
        return max(self.difference, Fraction(0))

    @property
    def shortfall(self) -> Fraction:
        """How far the actual falls short of the plan (0 when it does not)."""
        return max(-self.difference, Fraction(0))

    @property
    def difference_in_points(self) -> PercentagePoints | None:
        """For shares, the difference in percentage points (85% vs 90% is −5 pp); else ``None``.

        >>> attainment(0.85, 0.9, unit=KpiUnit.SHARE).difference_in_points
        PercentagePoints(points=Fraction(-5, 1))
        """
        if self.unit is not KpiUnit.SHARE:
            return None
        return PercentagePoints(self.difference * 100)


def attainment(actual: Number, planned: Number, *, unit: KpiUnit = KpiUnit.COUNT) -> Attainment:
    """Set ``actual`` against ``planned`` (both exact; floats read as their decimal text)."""
    return Attainment(actual=to_fraction(actual), planned=to_fraction(planned), unit=unit)


class Progress(VnlaborModel):
    """Progress towards a plan part-way through its period, assuming an even pace.

    The expected value on a day is the plan times the share of the period's days
    elapsed by the end of that day (:meth:`ReportingPeriod.elapsed`). Real work is
    seldom even (training follows the farming calendar, departures follow the
    receiving country's intake), so read the pace as a signal, not a verdict.

    >>> p = progress(40, 150, ReportingPeriod.calendar_year(2021), on=date(2021, 6, 30))
    >>> p.expected, p.on_track
    (Fraction(5430, 73), False)
    """

    actual: Exact
    """Achieved so far."""
    planned: Exact
    """Plan for the whole period."""
    period: ReportingPeriod | DateRange
    """The period (or range of days) the plan covers."""
    on: date
    """The day the actual was counted (inclusive)."""

    @property
    def elapsed(self) -> Fraction:
        """Share of the period elapsed by the end of :attr:`on` (0 to 1)."""
        return self.period.elapsed(self.on)

    @property
    def expected(self) -> Fraction:
        """What an even pace would have achieved by :attr:`on`."""
        return self.planned * self.elapsed

    @property
    def of_plan(self) -> Attainment:
        """The actual against the whole period's plan."""
        return Attainment(actual=self.actual, planned=self.planned)

    @property
    def pace(self) -> Fraction | None:
        """``actual / expected``; ``None`` before the period starts or with a zero plan."""
        expected = self.expected
        if expected == 0:
            return None
        return self.actual / expected

    @property
    def on_track(self) -> bool:
        """Whether the actual has kept up with an even pace."""
        return self.actual >= self.expected


def progress(
    actual: Number, planned: Number, period: ReportingPeriod | DateRange, *, on: date
) -> Progress:
    """Progress of ``actual`` towards ``planned`` for ``period``, counted up to ``on``."""
    return Progress(actual=to_fraction(actual), planned=to_fraction(planned), period=period, on=on)
