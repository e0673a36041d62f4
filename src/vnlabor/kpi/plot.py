"""KPIs and statuses as charts (optional extra ``vnlabor[plot]``).

:func:`plot_kpi` draws a KPI over periods or groups against its target;
:func:`plot_status_counts` draws how many households have each poverty status, by area,
province or commune. matplotlib is imported only when one of them is called, so the
rest of :mod:`vnlabor.kpi` works without it. Both return the matplotlib ``Axes``, to
adjust or save.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from vnlabor._optional import require
from vnlabor.errors import VnlaborTypeError, VnlaborValueError
from vnlabor.kpi.breakdown import Breakdown, breakdown, group_label
from vnlabor.kpi.comparison import Comparison
from vnlabor.kpi.date_range import DateRange
from vnlabor.kpi.indicators.poverty import HasStatus, status_of
from vnlabor.kpi.number import Number
from vnlabor.kpi.points import PercentagePoints, exact_number
from vnlabor.kpi.ratio import Ratio
from vnlabor.kpi.result import KpiResult
from vnlabor.kpi.target import Target
from vnlabor.kpi.unit import KpiUnit
from vnlabor.kpi.wording import describe_target
from vnlabor.l10n import format_period, label, message
from vnlabor.l10n.display import get_display_locale
from vnlabor.model.period import ReportingPeriod
from vnlabor.model.poverty_status import PovertyStatus

__all__ = ["plot_kpi", "plot_status_counts"]

Value = Ratio | PercentagePoints | Number | None
"""One bar's value: a ratio (drawn in percent), points, a count or an amount."""

PeriodKey = TypeVar("PeriodKey", bound=ReportingPeriod | DateRange | str)
"""A bar's key in a mapping: a reporting period, a date range or a label."""

_COLOURS = {True: "#2e7d32", False: "#c62828", None: "#757575"}  # met, not met, no target
_TARGET = "#1565c0"
_STATUS_COLOURS = {
    PovertyStatus.POOR: "#c62828",
    PovertyStatus.NEAR_POOR: "#ef6c00",
    PovertyStatus.NON_POOR: "#2e7d32",
    PovertyStatus.UNDETERMINED: "#9e9e9e",
}


def _pyplot(caller: str) -> Any:
    return require("matplotlib.pyplot", "plot", caller)


def _label(key: object, locale: str) -> str:
    if isinstance(key, ReportingPeriod | DateRange):
        return format_period(key, locale=locale) if isinstance(key, ReportingPeriod) else str(key)
    return group_label(key, locale)


def _unit_of(value: Value) -> KpiUnit | None:
    if isinstance(value, Ratio):
        return KpiUnit.SHARE
    if isinstance(value, PercentagePoints):
        return KpiUnit.PERCENTAGE_POINTS
    return None


def _bars(
    data: KpiResult | Breakdown | Mapping[PeriodKey, Value | KpiResult], locale: str
) -> tuple[list[tuple[str, Value]], Target | None, str | None]:
    """The bars (label, value), the target found in ``data`` and a default title."""
    bars: list[tuple[str, Value]] = []
    target: Target | None = None
    title: str | None = None
    if isinstance(data, KpiResult):
        target, title = data.target, data.name(locale)
        if data.breakdown is not None:
            bars += [(_label(g.key, locale), g.ratio) for g in data.breakdown.groups]
        else:
            key = data.period if data.period is not None else title
            bars.append((_label(key, locale), data.value))
    elif isinstance(data, Breakdown):
        bars += [(_label(g.key, locale), g.ratio) for g in data.groups]
    elif isinstance(data, Mapping):
        for key, value in data.items():
            if isinstance(value, KpiResult):
                target = target or value.target
                title = title or value.name(locale)
                value = value.value
            bars.append((_label(key, locale), value))
    else:
        raise VnlaborTypeError(
            "plot_kpi() cần một KpiResult, một Breakdown hoặc một dict theo kỳ / plot_kpi() "
            f"takes a KpiResult, a Breakdown or a mapping of periods, not {type(data).__name__}"
        )
    return bars, target, title


def plot_kpi(
    data: KpiResult | Breakdown | Mapping[PeriodKey, Value | KpiResult],
    target: Target | None = None,
    *,
    ax: Any = None,
    title: str | None = None,
    locale: str | None = None,
) -> Any:
    """Draw one bar per period or group, coloured by whether it meets the target.

    Shares are drawn in percent; an undefined value (``None``, a ratio with a zero
    denominator) leaves its bar empty rather than drawing a zero. The target is a
    dashed line (a band for a range) named in the legend (``"Chỉ tiêu: trên 90%"``).

    Args:
        data: A :class:`KpiResult` (its groups when broken down, else its one value;
            its target and name are used unless ``target`` and ``title`` are given), a
            :class:`Breakdown` (its groups), or a mapping of periods (or labels) to
            values or to KPI results, in display order.
        target: The target to draw and colour by; by default the result's.
        ax: A matplotlib ``Axes`` to draw on; a new figure when ``None``.
        title: Title of the chart; by default the KPI's name.
        locale: ``"vi"`` or ``"en"`` for labels; by default the display locale
            (:func:`vnlabor.l10n.display.get_display_locale`).

    Returns:
        The matplotlib ``Axes``.

    Raises:
        ImportError: When matplotlib is not installed (``pip install 'vnlabor[plot]'``).
        VnlaborTypeError: ``data`` is none of the above, or a value is in another unit
            than the target (a ``TypeError``).
    """
    locale = locale or get_display_locale()
    bars, found, default_title = _bars(data, locale)
    target = target or found
    plt = _pyplot("plot_kpi")
    if ax is None:
        _, ax = plt.subplots()
    unit = target.unit if target is not None else None
    labels: list[str] = []
    heights: list[float] = []
    colours: list[str] = []
    for name, value in bars:
        try:
            exact = target.actual_value(value) if target is not None else exact_number(value)
        except TypeError as exc:
            raise VnlaborTypeError(str(exc)) from None
        unit = unit or _unit_of(value)
        met = None if target is None else target.is_met(value)
        scale = 100 if unit is KpiUnit.SHARE else 1
        labels.append(name)
        # Floats only at the drawing boundary: matplotlib needs them, KPIs never see them.
        heights.append(float("nan") if exact is None else float(exact * scale))
        colours.append(_COLOURS[met])
    ax.bar(labels, heights, color=colours)
    if target is not None:
        scale = 100 if target.unit is KpiUnit.SHARE else 1
        legend = message("display.target_line", locale, target=describe_target(target, locale))
        if (
            target.comparison is Comparison.BETWEEN
            and target.lower is not None
            and target.upper is not None
        ):
            lower, upper = float(target.lower * scale), float(target.upper * scale)
            ax.axhspan(lower, upper, alpha=0.2, color=_TARGET, label=legend)
        else:
            reference = float(target.reference * scale)
            ax.axhline(reference, linestyle="--", color=_TARGET, label=legend)
        ax.legend()
    if unit is KpiUnit.SHARE:
        ax.set_ylabel("%")
    elif unit is KpiUnit.PERCENTAGE_POINTS:
        ax.set_ylabel(message("display.percentage_points", locale))
    if title or default_title:
        ax.set_title(title or default_title)
    return ax


def _has(status: PovertyStatus) -> Callable[[Any], bool]:
    def has(record: Any) -> bool:
        return status_of(record) is status

    return has


def plot_status_counts(
    households: Iterable[PovertyStatus | HasStatus],
    by: str | Callable[[Any], Any] = "area",
    *,
    ax: Any = None,
    title: str | None = None,
    locale: str | None = None,
) -> Any:
    """Draw how many households have each poverty status in each group, stacked.

    Args:
        households: Classifications (or anything with a ``status``).
        by: What to group by, as in :func:`vnlabor.kpi.breakdown`: ``"area"``,
            ``"province"``, ``"commune_code"`` (read on each classification's
            household) or a function of the record.
        ax: A matplotlib ``Axes`` to draw on; a new figure when ``None``.
        title: Title of the chart.
        locale: ``"vi"`` or ``"en"`` for labels; by default the display locale.

    Returns:
        The matplotlib ``Axes``: one bar per group, one stacked segment per status
        present (poor, near-poor, not poor, undetermined), with a legend.

    Raises:
        ImportError: When matplotlib is not installed (``pip install 'vnlabor[plot]'``).
        VnlaborTypeError: An item has no poverty status.
        UnknownNameError: No record has the attribute ``by`` names.
    """
    locale = locale or get_display_locale()
    rows = list(households)
    statuses = [status_of(r) for r in rows]  # checks every item before drawing
    if not rows:
        raise VnlaborValueError("không có hộ nào để vẽ / no households to plot (the list is empty)")
    plt = _pyplot("plot_status_counts")
    if ax is None:
        _, ax = plt.subplots()
    present = [s for s in _STATUS_COLOURS if s in statuses]
    bottom: list[float] | None = None
    for status in present:
        parts = breakdown(rows, by=by, numerator=_has(status))
        labels = [group_label(g.key, locale) for g in parts.groups]
        counts = [float(g.ratio.numerator) for g in parts.groups]
        ax.bar(
            labels,
            counts,
            bottom=bottom,
            color=_STATUS_COLOURS[status],
            label=label(status, locale),
        )
        bottom = counts if bottom is None else [a + b for a, b in zip(bottom, counts, strict=True)]
    ax.set_ylabel(message("display.households", locale))
    ax.legend()
    if title:
        ax.set_title(title)
    return ax
