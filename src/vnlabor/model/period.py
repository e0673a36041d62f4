"""Reporting periods (*kỳ báo cáo*): month, quarter, year and multi-year plan periods."""

from __future__ import annotations

import calendar
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import Self

from pydantic import model_validator

from vnlabor.base.model import VnlaborModel

__all__ = [
    "PeriodKind",
    "ReportingPeriod",
    "elapsed_share",
]


class PeriodKind(StrEnum):
    """How long a reporting period is."""

    MONTH = "month"
    """Tháng."""
    QUARTER = "quarter"
    """Quý."""
    HALF_YEAR = "half_year"
    """Sáu tháng."""
    YEAR = "year"
    """Năm."""
    PLAN = "plan"
    """Giai đoạn (a multi-year plan period such as 2021-2025)."""


class ReportingPeriod(VnlaborModel):
    """A closed range of whole months that a report or a target refers to.

    >>> q = ReportingPeriod.quarter(2025, 3)
    >>> q.start, q.end
    (datetime.date(2025, 7, 1), datetime.date(2025, 9, 30))
    >>> ReportingPeriod.plan(2021, 2025).contains(date(2023, 5, 1))
    True
    """

    kind: PeriodKind
    """Month, quarter, half-year, year or plan period."""
    year: int
    """The (first) calendar year."""
    index: int = 1
    """Month 1-12, quarter 1-4 or half 1-2 within ``year``; 1 for years and plans."""
    end_year: int | None = None
    """Last calendar year of a plan period (inclusive)."""

    @model_validator(mode="after")
    def _check(self) -> Self:
        limit = {PeriodKind.MONTH: 12, PeriodKind.QUARTER: 4, PeriodKind.HALF_YEAR: 2}.get(
            self.kind, 1
        )
        if not 1 <= self.index <= limit:
            raise ValueError(f"index {self.index} is outside 1..{limit} for a {self.kind}")
        if self.kind is PeriodKind.PLAN:
            if self.end_year is None or self.end_year < self.year:
                raise ValueError(f"a plan period needs end_year ≥ year, got {self.end_year}")
        elif self.end_year is not None:
            raise ValueError("end_year is only for plan periods")
        return self

    @classmethod
    def month(cls, year: int, month: int) -> ReportingPeriod:
        """The calendar month ``month`` of ``year``."""
        return cls(kind=PeriodKind.MONTH, year=year, index=month)

    @classmethod
    def quarter(cls, year: int, quarter: int) -> ReportingPeriod:
        """Quarter 1-4 of ``year``."""
        return cls(kind=PeriodKind.QUARTER, year=year, index=quarter)

    @classmethod
    def half_year(cls, year: int, half: int) -> ReportingPeriod:
        """First (1) or second (2) half of ``year``."""
        return cls(kind=PeriodKind.HALF_YEAR, year=year, index=half)

    @classmethod
    def calendar_year(cls, year: int) -> ReportingPeriod:
        """The calendar year ``year``."""
        return cls(kind=PeriodKind.YEAR, year=year)

    @classmethod
    def plan(cls, first_year: int, last_year: int) -> ReportingPeriod:
        """A plan period such as 2021-2025, both years included."""
        return cls(kind=PeriodKind.PLAN, year=first_year, end_year=last_year)

    @property
    def _months(self) -> tuple[int, int, int, int]:
        """(first year, first month, last year, last month)."""
        if self.kind is PeriodKind.MONTH:
            return self.year, self.index, self.year, self.index
        if self.kind is PeriodKind.QUARTER:
            return self.year, 3 * self.index - 2, self.year, 3 * self.index
        if self.kind is PeriodKind.HALF_YEAR:
            return self.year, 6 * self.index - 5, self.year, 6 * self.index
        if self.kind is PeriodKind.YEAR:
            return self.year, 1, self.year, 12
        assert self.end_year is not None
        return self.year, 1, self.end_year, 12

    @property
    def start(self) -> date:
        """First day of the period."""
        y, m, _, _ = self._months
        return date(y, m, 1)

    @property
    def end(self) -> date:
        """Last day of the period (inclusive)."""
        _, _, y, m = self._months
        return date(y, m, calendar.monthrange(y, m)[1])

    @property
    def days(self) -> int:
        """Number of days in the period."""
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside the period."""
        return self.start <= day <= self.end

    def elapsed(self, on: date) -> Fraction:
        """Share of the period's days elapsed by the end of ``on`` (0 before, 1 after).

        >>> ReportingPeriod.calendar_year(2024).elapsed(date(2024, 12, 31))
        Fraction(1, 1)
        """
        return elapsed_share(self.start, self.end, on)

    def __str__(self) -> str:
        if self.kind is PeriodKind.MONTH:
            return f"{self.year}-{self.index:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{self.year}-Q{self.index}"
        if self.kind is PeriodKind.HALF_YEAR:
            return f"{self.year}-H{self.index}"
        if self.kind is PeriodKind.YEAR:
            return str(self.year)
        return f"{self.year}-{self.end_year}"


def elapsed_share(start: date, end: date, on: date) -> Fraction:
    """Share of the days ``start`` … ``end`` (inclusive) elapsed by the end of ``on``.

    0 before the first day, 1 from the last day on; in between, days so far over all days.
    The one rule behind :meth:`ReportingPeriod.elapsed` and ``DateRange.elapsed``.

    >>> elapsed_share(date(2024, 1, 1), date(2024, 1, 10), date(2024, 1, 1))
    Fraction(1, 10)
    """
    if on < start:
        return Fraction(0)
    if on >= end:
        return Fraction(1)
    return Fraction((on - start).days + 1, (end - start).days + 1)
