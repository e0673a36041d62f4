"""KPIs in words, as programme reports write them (Vietnamese or English).

:func:`describe_target` words a target ("trên 90%", "từ 1,15 đến 1,56 điểm phần trăm");
:func:`explain_kpi` writes a KPI's value with its numerator and denominator, whether its
target is met and by how much, its breakdown, its data gaps and its definition with the
instruments it rests on. Numbers follow :mod:`vnlabor.l10n.format` (half-up rounding,
Vietnamese grouping); the sentences live in the gettext catalogues.

>>> from vnlabor.kpi import Ratio, Target
>>> describe_target(Target.parse("trên 90%")), describe_target(Target.parse("1,15-1,56%"), "en")
('trên 90%', 'between 1.15% and 1.56%')

:func:`describe_target` and :func:`format_kpi_value` live in :mod:`vnlabor.kpi.wording`
(targets show themselves with them) and are re-exported here.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Protocol

from vnlabor.kpi.attainment import Attainment
from vnlabor.kpi.breakdown import Breakdown, group_label
from vnlabor.kpi.comparison import Comparison
from vnlabor.kpi.definitions import KpiDefinition
from vnlabor.kpi.points import PercentagePoints
from vnlabor.kpi.ratio import Ratio, format_ratio
from vnlabor.kpi.target import Target
from vnlabor.kpi.unit import KpiUnit
from vnlabor.kpi.wording import describe_target, format_kpi_value
from vnlabor.l10n import (
    format_percent,
    format_percentage_points,
    message,
)

if TYPE_CHECKING:
    from vnlabor.law.book import LawBook

__all__ = [
    "KpiResultShape",
    "describe_target",
    "explain_kpi",
    "format_kpi_value",
    "kpi_fields",
]


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


def _value_text(result: KpiResultShape, locale: str) -> str:
    value = result.value
    if value is None:
        return message("kpi.report.no_value", locale)
    if isinstance(value, Ratio):
        return format_ratio(value, locale)
    if isinstance(value, PercentagePoints):
        return format_percentage_points(value.points, locale=locale)
    return format_kpi_value(value, result.definition.unit, locale)


def _target_parts(
    result: KpiResultShape, locale: str, law: LawBook
) -> tuple[str, str | None, str] | None:
    """The target in words (with its citation), the verdict and how far off.

    ``None`` without a target; the verdict is ``None`` when the value is undefined.
    """
    target = result.target
    if target is None:
        return None
    wording = describe_target(target, locale)
    if target.citation is not None:
        wording += f" ({law.cite(target.citation, locale)})"
    met = result.met
    if met is None:
        return wording, None, ""
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
    return wording, verdict, how


def _target_lines(result: KpiResultShape, locale: str, law: LawBook) -> list[str]:
    parts = _target_parts(result, locale, law)
    if parts is None:
        return []
    wording, verdict, how = parts
    if verdict is None:
        return [message("kpi.report.target_undetermined", locale, target=wording)]
    detail = f" ({how})" if how else ""
    return [message("kpi.report.target", locale, target=wording, verdict=verdict, detail=detail)]


def _definition_text(result: KpiResultShape, locale: str, law: LawBook) -> str:
    definition = result.definition
    text = definition.definition.vi if locale == "vi" else definition.definition.en
    cites = "; ".join(law.cite(c, locale) for c in definition.citations)
    return text + (f" ({cites})" if cites else "")


def kpi_fields(
    result: KpiResultShape, locale: str = "vi", law: LawBook | None = None
) -> list[tuple[str, str]]:
    """A KPI result as ``(heading, text)`` lines: value, target, verdict, gaps, definition.

    What a KPI's HTML display shows (:class:`vnlabor.kpi.KpiResult`), in ``locale``,
    in the words of :func:`explain_kpi`.

    >>> from vnlabor.kpi import Target, poverty_rate
    >>> from vnlabor.model.poverty_status import PovertyStatus as S
    >>> r = poverty_rate([S.POOR, S.NON_POOR, S.NON_POOR, S.NON_POOR], target=Target.below(0.05))
    >>> for heading, text in kpi_fields(r, "en")[:3]:
    ...     print(f"{heading}: {text}")
    Value: 25.00% (1/4)
    Target: below 5%
    Met: not met (over the ceiling by 20.00 percentage points)
    """
    from vnlabor.law.book import national

    book = law or national()
    fields = [(message("display.value", locale), _value_text(result, locale))]
    parts = _target_parts(result, locale, book)
    if parts is not None:
        wording, verdict, how = parts
        fields.append((message("display.target", locale), wording))
        shown = "—" if verdict is None else verdict + (f" ({how})" if how else "")
        fields.append((message("display.met", locale), shown))
    if result.missing:
        fields.append((message("display.missing_records", locale), str(result.missing)))
    fields.append((message("display.definition", locale), _definition_text(result, locale, book)))
    return fields


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
            f"{group_label(g.key, locale)} {format_ratio(g.ratio, locale)}"
            for g in result.breakdown.groups
        )
        lines.append("- " + message("kpi.report.breakdown", locale, groups=groups))
    if result.missing:
        lines.append("- " + message("kpi.report.missing", locale, count=result.missing))
    text = _definition_text(result, locale, book)
    lines.append("- " + message("kpi.report.definition", locale, definition=text))
    return "\n".join(lines)
