"""What a KPI value or a target is measured in."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["KpiUnit"]


class KpiUnit(StrEnum):
    """Unit of a KPI value or target; values in different units never compare.

    A *share* and a *difference of shares* are different things: a poverty rate of
    4.03% is a share (``Fraction(403, 10000)``), while "the poverty rate fell by 1.17%
    a year" is a difference of two shares, measured in percentage points.
    """

    SHARE = "share"
    """Tỷ lệ: a proportion held as a fraction (0.9 is 90%)."""
    PERCENTAGE_POINTS = "percentage_points"
    """Điểm phần trăm: a difference between two rates (1.17 means 1.17 points)."""
    COUNT = "count"
    """Số lượng: people, sessions, departures… (a count, or an average of counts)."""
    VND = "vnd"
    """Số tiền (đồng)."""
