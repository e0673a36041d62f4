"""Ratios of two counts (*tỷ lệ*), kept exact and kept as their parts.

A report's "85.51%" is 4,973 of 5,816 trainees: vnlabor keeps both counts, so a rate
can be pooled, broken down and re-checked, and so "no trainees yet" (``0/0``, no rate
at all) is never confused with "no trainee employed" (``0/5,816``, a rate of zero).
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from vnlabor.base.model import VnlaborModel
from vnlabor.types import NonNegativeCount

__all__ = ["Ratio"]

_FIELDS = ("numerator", "denominator", "numerator_label", "denominator_label")


class Ratio(VnlaborModel):
    """``numerator`` out of ``denominator``, both whole non-negative counts.

    The numerator may exceed the denominator: a ratio of new jobs to the plan, or of
    visits to people, is meaningful above 1. A share's "part ≤ whole" rule belongs to
    the code that counts, not to the ratio.

    >>> Ratio(9, 10).value
    Fraction(9, 10)
    >>> Ratio(numerator=5_000, denominator=5_816).value
    Fraction(625, 727)
    >>> Ratio(0, 0).value is None, Ratio(0, 5).value
    (True, Fraction(0, 1))
    >>> Ratio(4_217, 5_816) + Ratio(1, 2)
    Ratio(numerator=4218, denominator=5818, numerator_label=None, denominator_label=None)
    """

    numerator: NonNegativeCount
    """Tử số: how many have the property (employed trainees, poor households …)."""
    denominator: NonNegativeCount
    """Mẫu số: out of how many (trainees, households reviewed …)."""
    numerator_label: str | None = None
    """What the numerator counts, for tables and plots."""
    denominator_label: str | None = None
    """What the denominator counts."""

    if TYPE_CHECKING:

        def __init__(
            self,
            numerator: int,
            denominator: int,
            numerator_label: str | None = None,
            denominator_label: str | None = None,
        ) -> None: ...

    else:

        def __init__(self, *args, **data):
            # Accept the short positional form Ratio(9, 10). pydantic also calls an
            # overridden __init__ with raw input (JSON, unions), so any keywords must
            # reach validation, which reports what is missing or extra.
            if len(args) > len(_FIELDS):
                raise TypeError(f"Ratio takes at most {len(_FIELDS)} positional arguments")
            for name, value in zip(_FIELDS, args, strict=False):
                if name in data:
                    raise TypeError(f"Ratio got multiple values for {name!r}")
                data[name] = value
            super().__init__(**data)

    @property
    def value(self) -> Fraction | None:
        """The exact ratio, or ``None`` when the denominator is 0 (undefined, not zero)."""
        if self.denominator == 0:
            return None
        return Fraction(self.numerator, self.denominator)

    @property
    def is_defined(self) -> bool:
        """Whether there is a denominator to divide by."""
        return self.denominator != 0

    @property
    def percent(self) -> Fraction | None:
        """The ratio times 100 (``Fraction(8551, 100)`` for 85.51%), ``None`` if undefined."""
        value = self.value
        return None if value is None else value * 100

    def __add__(self, other: Ratio) -> Ratio:
        """Pool two ratios: numerators and denominators add (labels kept when equal)."""
        if not isinstance(other, Ratio):
            return NotImplemented
        return Ratio(
            self.numerator + other.numerator,
            self.denominator + other.denominator,
            self.numerator_label if self.numerator_label == other.numerator_label else None,
            self.denominator_label if self.denominator_label == other.denominator_label else None,
        )

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"
