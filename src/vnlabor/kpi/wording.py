"""A KPI's numbers and targets in words: ``"85,51%"``, ``"trên 90%"``, ``"từ 1,15% đến 1,56%"``.

Numbers follow :mod:`vnlabor.l10n.format` (half-up rounding, Vietnamese grouping); the
sentences live in the gettext catalogues. :mod:`vnlabor.kpi.report` builds whole reports
from these; a :class:`~vnlabor.kpi.Target` shows itself with :func:`describe_target`.

>>> from vnlabor.kpi import Target
>>> describe_target(Target.parse("trên 90%")), describe_target(Target.count(150), "en")
('trên 90%', 'at least 150')
"""

from __future__ import annotations

from fractions import Fraction
from typing import Protocol

from vnlabor.kpi.comparison import Comparison
from vnlabor.kpi.unit import KpiUnit
from vnlabor.l10n import (
    format_number,
    format_percent,
    format_percentage_points,
    format_vnd,
    message,
)

__all__ = ["TargetShape", "describe_target", "format_kpi_value"]


class TargetShape(Protocol):
    """What :func:`describe_target` reads of a target (:class:`vnlabor.kpi.Target`)."""

    @property
    def comparison(self) -> Comparison:
        """Above, at least, at most, below or between."""
        ...

    @property
    def lower(self) -> Fraction | None:
        """Lower bound."""
        ...

    @property
    def upper(self) -> Fraction | None:
        """Upper bound."""
        ...

    @property
    def unit(self) -> KpiUnit:
        """What the bounds measure."""
        ...

    @property
    def reference(self) -> Fraction:
        """The bound an actual is measured against."""
        ...


def _decimals(value: Fraction, most: int = 4) -> int:
    """Fewest decimals (up to ``most``) that write ``value`` exactly: 90 → 0, 1.15 → 2."""
    digits = 0
    while (value * 10**digits).denominator != 1 and digits < most:
        digits += 1
    return digits


def format_kpi_value(
    value: Fraction | int, unit: KpiUnit, locale: str = "vi", *, exact: bool = False
) -> str:
    """One number in a KPI's unit: a share as a percentage, points, đồng or a count.

    Shares and points take two decimals, or with ``exact=True`` (targets, as plans write
    them) just as many as the value needs, up to four.

    >>> format_kpi_value(Fraction(4973, 5816), KpiUnit.SHARE)
    '85,51%'
    >>> format_kpi_value(Fraction(9, 10), KpiUnit.SHARE, exact=True)
    '90%'
    >>> format_kpi_value(Fraction(11386, 5), KpiUnit.COUNT, "en")
    '2,277.2'
    """
    match unit:
        case KpiUnit.SHARE:
            digits = _decimals(Fraction(value) * 100) if exact else 2
            return format_percent(value, digits=digits, locale=locale)
        case KpiUnit.PERCENTAGE_POINTS:
            digits = _decimals(Fraction(value)) if exact else 2
            return format_percentage_points(value, digits, locale=locale)
        case KpiUnit.VND:
            return format_vnd(round(Fraction(value)), locale=locale)  # an average: whole đồng
    number = Fraction(value)
    return format_number(number, digits=0 if number.denominator == 1 else 1, locale=locale)


def describe_target(target: TargetShape, locale: str = "vi") -> str:
    """The target in words: ``"trên 90%"``, ``"at least 150"``, ``"từ 1,15% đến 1,56%"``."""

    def show(value: Fraction) -> str:
        return format_kpi_value(value, target.unit, locale, exact=True)

    if target.comparison is Comparison.BETWEEN:
        assert target.lower is not None
        assert target.upper is not None
        return message(
            "kpi.target.between", locale, lower=show(target.lower), upper=show(target.upper)
        )
    return message(f"kpi.target.{target.comparison.value}", locale, value=show(target.reference))
