"""Indicators of work abroad under contract: departures, and the support paid for them."""

from __future__ import annotations

import operator
from collections.abc import Collection, Iterable

from vnlabor.kpi.indicators._common import Period, in_period, kpi_result, select_in
from vnlabor.kpi.result import KpiResult
from vnlabor.kpi.target import Target
from vnlabor.model.departure import Departure, DestinationMarket

__all__ = ["departures_abroad", "overseas_support_amount", "overseas_support_cases"]


def departures_abroad(
    departures: Iterable[Departure],
    *,
    period: Period | None = None,
    supported_only: bool = False,
    markets: Collection[DestinationMarket] | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Workers who left to work abroad in ``period`` (by departure date).

    Args:
        departures: Departure records.
        period: Period or date range; ``None`` counts all.
        supported_only: Count only workers a programme supported (programme KPIs).
        markets: Count only these destinations.
        target: Optional count target, e.g. ``Target.count(150)``.
    """
    selected = [
        d
        for d in select_in(departures, period, operator.attrgetter("departed_on"))
        if (d.supported or not supported_only) and (markets is None or d.market in markets)
    ]
    return kpi_result("departures_abroad", len(selected), target=target, period=period)


def _paid(departures: Iterable[Departure], period: Period | None) -> tuple[list[Departure], int]:
    supported = [d for d in departures if d.supported]
    paid = [
        d
        for d in supported
        if d.support_paid_on is not None and in_period(period, d.support_paid_on)
    ]
    undated = sum(1 for d in supported if d.support_paid_on is None)
    return paid, undated


def overseas_support_cases(
    departures: Iterable[Departure],
    *,
    period: Period | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Workers paid support for working abroad in ``period``, by payment date.

    Supported departures without a payment date cannot be placed in a period and
    are reported in ``missing``.
    """
    paid, undated = _paid(departures, period)
    return kpi_result(
        "overseas_support_cases", len(paid), target=target, period=period, missing=undated
    )


def overseas_support_amount(
    departures: Iterable[Departure],
    *,
    period: Period | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Support paid for working abroad in ``period`` (VND, by payment date).

    Paid cases without an amount, and supported departures without a payment date,
    are reported in ``missing``.
    """
    paid, undated = _paid(departures, period)
    return kpi_result(
        "overseas_support_amount",
        sum(d.support_amount for d in paid if d.support_amount is not None),
        target=target,
        period=period,
        missing=undated + sum(1 for d in paid if d.support_amount is None),
    )
