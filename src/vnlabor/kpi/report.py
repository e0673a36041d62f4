"""KPIs in words, as programme reports write them (Vietnamese or English).

:func:`describe_target` words a target ("trên 90%", "từ 1,15 đến 1,56 điểm phần trăm");
:func:`explain_kpi` writes a KPI's value with its numerator and denominator, whether its
target is met and by how much, its breakdown, its data gaps and its definition with the
instruments it rests on. Numbers follow :mod:`vnlabor.l10n.format` (half-up rounding,
Vietnamese grouping); the sentences live in the gettext catalogues.

>>> from vnlabor.kpi import Ratio, Target
>>> describe_target(Target.parse("trên 90%")), describe_target(Target.parse("1,15-1,56%"), "en")
('trên 90%', 'between 1.15% and 1.56%')
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from fractions import Fraction
from typing import TYPE_CHECKING, Any, Protocol

from vnlabor.kpi.attainment import Attainment
from vnlabor.kpi.breakdown import Breakdown, Unknown
from vnlabor.kpi.definitions import KpiDefinition
from vnlabor.kpi.points import PercentagePoints
from vnlabor.kpi.ratio import Ratio
from vnlabor.kpi.target import Comparison, Target
from vnlabor.kpi.unit import KpiUnit
from vnlabor.l10n import (
    format_date,
    format_number,
    format_percent,
    format_percentage_points,
    format_period,
    format_vnd,
    label,
    message,
)
from vnlabor.model.period import ReportingPeriod

if TYPE_CHECKING:
    from vnlabor.law.book import LawBook

__all__ = ["KpiResultShape", "describe_target", "explain_kpi", "format_kpi_value"]


class KpiResultShape(Protocol):
    """What :func:`explain_kpi` reads of a KPI's result.

    :class:`vnlabor.kpi.KpiResult` has this shape (its ``explain`` method calls
    :func:`explain_kpi`, so this module names the result by its shape, not its class).
    """

    @property
    def definition(self) -> KpiDefinition:
        """What was computed, in which unit, on what authority."""
        ...

    @property
    def value(self) -> Ratio | PercentagePoints | int | Fraction | None:
        """The KPI's value, ``None`` when undefined."""
        ...

    @property
    def target(self) -> Target | None:
        """The target the value is checked against, if any."""
        ...

    @property
    def met(self) -> bool | None:
        """Whether the target is met; ``None`` when it cannot be told."""
        ...

    @property
    def attainment(self) -> Attainment | None:
        """The value against the target's reference bound."""
        ...

    @property
    def breakdown(self) -> Breakdown | None:
        """Per-group ratios, when a breakdown was asked for."""
        ...

    @property
    def missing(self) -> int:
        """Records that lacked the data to be counted."""
        ...

    def name(self, locale: str = "vi") -> str:
        """The KPI's name in ``locale``."""
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


def describe_target(target: Target, locale: str = "vi") -> str:
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


def _ratio_text(ratio: Ratio, locale: str) -> str:
    value = ratio.value
    if value is None:
        return message("kpi.report.undefined_ratio", locale, denominator=ratio.denominator)
    numerator = format_number(ratio.numerator, locale=locale)
    denominator = format_number(ratio.denominator, locale=locale)
    return f"{format_percent(value, locale=locale)} ({numerator}/{denominator})"


def _value_text(result: KpiResultShape, locale: str) -> str:
    value = result.value
    if value is None:
        return message("kpi.report.no_value", locale)
    if isinstance(value, Ratio):
        return _ratio_text(value, locale)
    if isinstance(value, PercentagePoints):
        return format_percentage_points(value.points, locale=locale)
    return format_kpi_value(value, result.definition.unit, locale)


def _key_text(key: Any, locale: str) -> str:
    if isinstance(key, Unknown):
        return message("kpi.report.unknown_group", locale)
    if isinstance(key, Enum):
        return label(key, locale)
    if isinstance(key, bool):
        return message("kpi.report.yes" if key else "kpi.report.no", locale)
    if isinstance(key, ReportingPeriod):
        return format_period(key, locale=locale)
    if isinstance(key, date):
        return format_date(key, locale=locale)
    return str(key)


def _target_lines(result: KpiResultShape, locale: str, law: LawBook) -> list[str]:
    target = result.target
    if target is None:
        return []
    wording = describe_target(target, locale)
    if target.citation is not None:
        wording += f" ({law.cite(target.citation, locale)})"
    met = result.met
    if met is None:
        return [message("kpi.report.target_undetermined", locale, target=wording)]
    gap = result.attainment
    if target.comparison is Comparison.BETWEEN and gap is not None:
        gap = _range_gap(target, gap)
    how = ""
    if gap is not None and gap.difference != 0:
        points = gap.difference_in_points
        amount = (
            format_percentage_points(abs(points.points), locale=locale)
            if points is not None
            else format_kpi_value(abs(gap.difference), target.unit, locale)
        )
        ceiling = target.comparison in (Comparison.AT_MOST, Comparison.BELOW) or (
            target.comparison is Comparison.BETWEEN and gap.difference > 0
        )
        key = {
            (False, True): "kpi.report.above_by",
            (False, False): "kpi.report.below_by",
            (True, True): "kpi.report.over_ceiling_by",
            (True, False): "kpi.report.under_ceiling_by",
        }[ceiling, gap.difference > 0]
        how = message(key, locale, amount=amount)
        plain_floor = target.comparison in (Comparison.ABOVE, Comparison.AT_LEAST)
        if gap.ratio is not None and target.unit is not KpiUnit.SHARE and plain_floor:
            share = format_percent(gap.ratio, locale=locale)
            how += message("kpi.report.of_plan", locale, share=share)
    verdict = message("kpi.report.met" if met else "kpi.report.not_met", locale)
    detail = f" ({how})" if how else ""
    return [message("kpi.report.target", locale, target=wording, verdict=verdict, detail=detail)]


def _range_gap(target: Target, gap: Attainment) -> Attainment | None:
    """Distance to the nearer end of a range target; ``None`` inside the range."""
    assert target.lower is not None
    assert target.upper is not None
    if gap.actual < target.lower:
        return gap.model_copy(update={"planned": target.lower})
    if gap.actual > target.upper:
        return gap.model_copy(update={"planned": target.upper})
    return None


def explain_kpi(result: KpiResultShape, locale: str = "vi", law: LawBook | None = None) -> str:
    """A KPI result as a short report: value, target, breakdown, data gaps, definition.

    Args:
        result: The KPI computed (e.g. by :func:`vnlabor.kpi.share_employed_after_training`).
        locale: ``"vi"`` (default) or ``"en"``.
        law: Law book whose catalogue names the definition's instruments; national by default.

    Returns:
        Lines of text: the KPI and its value first, then one line per further point.
    """
    from vnlabor.law.book import national

    book = law or national()
    lines = [f"{result.name(locale)}: {_value_text(result, locale)}"]
    lines += [f"- {line}" for line in _target_lines(result, locale, book)]
    if result.breakdown is not None:
        groups = "; ".join(
            f"{_key_text(g.key, locale)} {_ratio_text(g.ratio, locale)}"
            for g in result.breakdown.groups
        )
        lines.append("- " + message("kpi.report.breakdown", locale, groups=groups))
    if result.missing:
        lines.append("- " + message("kpi.report.missing", locale, count=result.missing))
    definition = result.definition
    text = definition.definition.vi if locale == "vi" else definition.definition.en
    cites = "; ".join(book.cite(c, locale) for c in definition.citations)
    lines.append(
        "- "
        + message("kpi.report.definition", locale, definition=text)
        + (f" ({cites})" if cites else "")
    )
    return "\n".join(lines)
