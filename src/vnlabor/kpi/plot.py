"""A KPI over periods against its target, as a bar chart (optional extra ``vnlabor[plot]``).

matplotlib is imported only when :func:`plot_kpi` is called, so the rest of
:mod:`vnlabor.kpi` works without it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from vnlabor._optional import require
from vnlabor.kpi.date_range import DateRange
from vnlabor.kpi.number import Number
from vnlabor.kpi.points import PercentagePoints, exact_number
from vnlabor.kpi.ratio import Ratio
from vnlabor.kpi.target import Comparison, Target
from vnlabor.kpi.unit import KpiUnit
from vnlabor.model.period import ReportingPeriod

__all__ = ["plot_kpi"]

_PeriodKey = TypeVar("_PeriodKey", bound=ReportingPeriod | DateRange | str)

_COLOURS = {True: "#2e7d32", False: "#c62828", None: "#757575"}  # met, not met, no target


def _pyplot() -> Any:
    return require("matplotlib.pyplot", "plot", "plot_kpi")


def _label(period: ReportingPeriod | DateRange | str, locale: str) -> str:
    if isinstance(period, ReportingPeriod):
        from vnlabor.l10n import format_period

        return format_period(period, locale=locale)
    return str(period)


def _unit_of(value: Ratio | PercentagePoints | Number | None) -> KpiUnit | None:
    if isinstance(value, Ratio):
        return KpiUnit.SHARE
    if isinstance(value, PercentagePoints):
        return KpiUnit.PERCENTAGE_POINTS
    return None


def plot_kpi(
    series_by_period: Mapping[_PeriodKey, Ratio | PercentagePoints | Number | None],
    target: Target | None = None,
    *,
    ax: Any = None,
    title: str | None = None,
    locale: str = "vi",
) -> Any:
    """Draw one bar per period, coloured by whether it meets ``target``, and the target.

    Shares are drawn in percent; an undefined value (``None``, a ratio with a zero
    denominator) leaves its period empty rather than drawing a zero.

    Args:
        series_by_period: Value of the KPI per period, in display order.
        target: Drawn as a line (or a band for a range); bars are green when met,
            red when not, grey when undefined or without a target.
        ax: A matplotlib ``Axes`` to draw on; a new figure when ``None``.
        title: Title of the chart.
        locale: ``"vi"`` or ``"en"`` for period labels.

    Returns:
        The matplotlib ``Axes``.

    Raises:
        ImportError: When matplotlib is not installed (``pip install 'vnlabor[plot]'``).
        TypeError: When a value is in another unit than the target.
    """
    plt = _pyplot()
    if ax is None:
        _, ax = plt.subplots()
    unit = target.unit if target is not None else None
    labels: list[str] = []
    heights: list[float] = []
    colours: list[str] = []
    for period, value in series_by_period.items():
        exact = target.actual_value(value) if target is not None else exact_number(value)
        unit = unit or _unit_of(value)
        met = None if target is None else target.is_met(value)
        scale = 100 if unit is KpiUnit.SHARE else 1
        labels.append(_label(period, locale))
        # Floats only at the drawing boundary: matplotlib needs them, KPIs never see them.
        heights.append(float("nan") if exact is None else float(exact * scale))
        colours.append(_COLOURS[met])
    ax.bar(labels, heights, color=colours)
    if target is not None:
        scale = 100 if target.unit is KpiUnit.SHARE else 1
        if (
            target.comparison is Comparison.BETWEEN
            and target.lower is not None
            and target.upper is not None
        ):
            ax.axhspan(
                float(target.lower * scale), float(target.upper * scale), alpha=0.2, color="#1565c0"
            )
        else:
            ax.axhline(
                float(target.reference * scale), linestyle="--", color="#1565c0", label=str(target)
            )
    if unit is KpiUnit.SHARE:
        ax.set_ylabel("%")
    elif unit is KpiUnit.PERCENTAGE_POINTS:
        ax.set_ylabel("điểm phần trăm" if locale == "vi" else "percentage points")
    if title:
        ax.set_title(title)
    return ax
