"""An arbitrary closed range of days, for reports that are not a standard period.

Reports often cover "10 tháng năm 2019" (January to October) or "từ năm 2020 đến tháng
9/2024": ranges that are neither a month, a quarter, a year nor a plan period. KPI
functions accept a :class:`~vnlabor.model.period.ReportingPeriod` or a
:class:`DateRange` wherever they filter records by date.

>>> ten_months = DateRange(start=date(2019, 1, 1), end=date(2019, 10, 31))
>>> ten_months.contains(date(2019, 11, 1)), str(ten_months)
(False, '01/01/2019 – 31/10/2019')
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Protocol, Self

from pydantic import model_validator

from vnlabor.base.model import VnlaborModel
from vnlabor.model.period import elapsed_share

__all__ = ["DateRange", "Window"]


class Window(Protocol):
    """Anything with a first and a last day: a reporting period or a date range."""

    @property
    def start(self) -> date:
        """First day (inclusive)."""
        ...

    @property
    def end(self) -> date:
        """Last day (inclusive)."""
        ...

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside."""
        ...


class DateRange(VnlaborModel):
    """The days from ``start`` to ``end``, both included."""

    start: date
    """First day."""
    end: date
    """Last day (inclusive)."""

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self

    @property
    def days(self) -> int:
        """Number of days in the range."""
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside the range."""
        return self.start <= day <= self.end

    def elapsed(self, on: date) -> Fraction:
        """Share of the range's days elapsed by the end of ``on`` (0 before, 1 after)."""
        return elapsed_share(self.start, self.end, on)

    def __str__(self) -> str:
        return f"{self.start:%d/%m/%Y} – {self.end:%d/%m/%Y}"
