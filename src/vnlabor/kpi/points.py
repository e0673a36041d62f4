"""Percentage points (*điểm phần trăm*): the unit of a difference between two rates.

A poverty rate that falls from 7.50% to 5.16% has fallen by 2.34 percentage points,
not by 2.34% (that would be 31% of 7.50%). Vietnamese reports write both as "%", so
vnlabor gives the difference its own type; a target on a reduction is met only by
percentage points, never by a plain share (see :class:`vnlabor.kpi.Target`).

>>> from vnlabor.kpi.ratio import Ratio
>>> PercentagePoints.change(Ratio(750, 10_000), Ratio(516, 10_000))
PercentagePoints(points=Fraction(-117, 50))
>>> -PercentagePoints.change(Ratio(750, 10_000), Ratio(516, 10_000)) / 2
PercentagePoints(points=Fraction(117, 100))
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from vnlabor.base.model import VnlaborModel
from vnlabor.kpi.number import Exact, Number, decimal_text, to_fraction
from vnlabor.kpi.ratio import Ratio

__all__ = ["PercentagePoints", "exact_number"]


class PercentagePoints(VnlaborModel):
    """A difference between two rates, in percentage points (``points=1.17`` is 1.17 pp)."""

    points: Exact
    """The difference in percentage points (floats read as their decimal text)."""

    if TYPE_CHECKING:

        def __init__(self, points: Number) -> None: ...

    else:

        def __init__(self, *args, **data):
            # Positional form PercentagePoints(1.17); keywords and raw input from
            # pydantic (JSON, unions) go to validation untouched.
            if len(args) > 1 or (args and "points" in data):
                raise TypeError("PercentagePoints takes one value: points")
            if args:
                data["points"] = args[0]
            super().__init__(**data)

    @classmethod
    def change(cls, earlier: Ratio, later: Ratio) -> PercentagePoints | None:
        """``later − earlier`` in points (negative when the rate fell); ``None`` if undefined.

        >>> PercentagePoints.change(Ratio(1, 10), Ratio(0, 0)) is None
        True
        """
        before, after = earlier.value, later.value
        if before is None or after is None:
            return None
        return cls((after - before) * 100)

    def __neg__(self) -> PercentagePoints:
        return PercentagePoints(-self.points)

    def __add__(self, other: PercentagePoints) -> PercentagePoints:
        if not isinstance(other, PercentagePoints):
            return NotImplemented
        return PercentagePoints(self.points + other.points)

    def __sub__(self, other: PercentagePoints) -> PercentagePoints:
        if not isinstance(other, PercentagePoints):
            return NotImplemented
        return PercentagePoints(self.points - other.points)

    def __truediv__(self, divisor: Number) -> PercentagePoints:
        """Average over ``divisor`` years (or any count): ``PercentagePoints(2.34) / 2``."""
        return PercentagePoints(self.points / to_fraction(divisor))

    def __str__(self) -> str:
        return f"{decimal_text(self.points)} pp"


def exact_number(value: Ratio | PercentagePoints | Number | None) -> Fraction | None:
    """A KPI value as one exact number: a ratio's quotient, a difference's points, or
    the number itself (floats through their decimal text); ``None`` stays ``None``.

    >>> exact_number(Ratio(1, 4)), exact_number(PercentagePoints(1.17)), exact_number(0.1)
    (Fraction(1, 4), Fraction(117, 100), Fraction(1, 10))
    """  # noqa: D205
    if value is None:
        return None
    if isinstance(value, Ratio):
        return value.value
    if isinstance(value, PercentagePoints):
        return value.points
    return to_fraction(value)
