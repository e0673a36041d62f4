"""Poverty indicators: the poverty and near-poor rates and the rate's yearly reduction."""

from __future__ import annotations

from collections.abc import Iterable
from fractions import Fraction
from typing import Protocol

from vnlabor.errors import VnlaborTypeError, quoted
from vnlabor.kpi.breakdown import breakdown
from vnlabor.kpi.definitions import kpi_definition
from vnlabor.kpi.indicators._common import By, kpi_result
from vnlabor.kpi.number import Number, to_fraction
from vnlabor.kpi.points import PercentagePoints
from vnlabor.kpi.poverty_measures import count_statuses
from vnlabor.kpi.ratio import Ratio
from vnlabor.kpi.result import KpiResult, PovertyReductionResult
from vnlabor.kpi.target import Target
from vnlabor.model.poverty_status import PovertyStatus

__all__ = ["HasStatus", "near_poor_rate", "poverty_rate", "poverty_rate_reduction", "status_of"]

_ONE = Fraction(1)


class HasStatus(Protocol):
    """Anything carrying a household's poverty status (a classification, a row …)."""

    @property
    def status(self) -> PovertyStatus:
        """The household's status."""
        ...


def status_of(household: PovertyStatus | HasStatus) -> PovertyStatus:
    """A status, or the ``status`` of a classification (or any record carrying one).

    Raises:
        VnlaborTypeError: Anything else (text such as ``"poor"``, a number), saying
            how to convert it.
    """
    if household.__class__ is PovertyStatus:
        return household
    status = getattr(household, "status", None)
    if status.__class__ is not PovertyStatus:
        raise _not_a_status(household)
    return status


def _not_a_status(item: object) -> VnlaborTypeError:
    hint = ""
    if isinstance(item, str):
        hint = (
            f"; convert text first, e.g. PovertyStatus({item!r})"
            if item.strip().lower() in PovertyStatus._value2member_map_
            else ""
        )
    elif hasattr(item, "status"):
        hint = f"; its status is {quoted(item.status)}, not a PovertyStatus"
    return VnlaborTypeError(
        f"phần tử {quoted(item)} không phải PovertyStatus hay kết quả phân loại / "
        f"{quoted(item)} is neither a PovertyStatus nor a classified household "
        f"(anything with a .status){hint}"
    )


def _status_rate(
    key: str,
    status: PovertyStatus,
    households: Iterable[PovertyStatus | HasStatus],
    by: By | None,
    target: Target | None,
) -> KpiResult:
    # Counted as the headcount ratio counts (an undetermined household is a gap in the
    # data, never counted as not poor: it leaves the denominator), the gaps reported in
    # ``missing``.
    rows = list(households)
    count = count_statuses(((status_of(h), _ONE) for h in rows), (status,))
    if by is None:
        ratio = Ratio(int(count.counted), int(count.determined))
        return kpi_result(key, ratio, target=target, missing=count.undetermined)
    known = [h for h in rows if status_of(h) is not PovertyStatus.UNDETERMINED]
    parts = breakdown(known, by=by, numerator=lambda h: status_of(h) is status)
    return kpi_result(key, parts.total, target=target, missing=count.undetermined, parts=parts)


def poverty_rate(
    households: Iterable[PovertyStatus | HasStatus],
    *,
    by: By | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Poverty rate (*tỷ lệ hộ nghèo*): poor households ÷ households passed in.

    Pass every resident household of the area for the official rate. Each item is a
    :class:`PovertyStatus` or anything with a ``status`` (a classification). A household
    whose status is ``UNDETERMINED`` is left out of both counts and reported in
    ``missing``: a data gap, never a household that is not poor.

    Raises:
        VnlaborTypeError: An item is neither (text such as ``"poor"``: convert it with
            ``PovertyStatus("poor")``, as the readers do); a ``TypeError``.
        UnknownNameError: ``by`` names an attribute no household has.

    >>> poverty_rate([PovertyStatus.POOR, PovertyStatus.NON_POOR, PovertyStatus.NEAR_POOR]).value
    Ratio(1, 3)
    >>> r = poverty_rate([PovertyStatus.POOR, PovertyStatus.UNDETERMINED, PovertyStatus.NON_POOR])
    >>> r.value.numerator, r.value.denominator, r.missing
    (1, 2, 1)
    >>> poverty_rate(["poor"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    vnlabor.errors.VnlaborTypeError: ... 'poor' is neither a PovertyStatus nor a classified household (anything with a .status); convert text first, e.g. PovertyStatus('poor')
    """  # noqa: E501
    return _status_rate("poverty_rate", PovertyStatus.POOR, households, by, target)


def near_poor_rate(
    households: Iterable[PovertyStatus | HasStatus],
    *,
    by: By | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Near-poor rate (*tỷ lệ hộ cận nghèo*): near-poor households ÷ households passed in.

    Undetermined households are left out and reported in ``missing``, as in
    :func:`poverty_rate`.
    """
    return _status_rate("near_poor_rate", PovertyStatus.NEAR_POOR, households, by, target)


def poverty_rate_reduction(
    earlier: Ratio,
    later: Ratio,
    *,
    standard_before: str,
    standard_after: str,
    years: Number = 1,
    target: Target | None = None,
) -> PovertyReductionResult:
    """Average yearly fall of the poverty rate between two reviews, in percentage points.

    Args:
        earlier: Poverty rate at the earlier review (e.g. ``poverty_rate(...).value``).
        later: Poverty rate at the later review.
        standard_before: Instrument of the standard the earlier review applied.
        standard_after: Instrument of the standard the later review applied; when it
            differs, :attr:`PovertyReductionResult.standard_changed` is ``True``.
        years: Years between the two reviews; the result is the average per year.
        target: Optional target in percentage points, e.g.
            ``Target.between(PercentagePoints(1), PercentagePoints(1.5))``.

    Returns:
        A positive value when the rate fell; ``None`` when either rate is undefined.

    >>> r = poverty_rate_reduction(Ratio(750, 10_000), Ratio(516, 10_000), years=2,
    ...                            standard_before="07/2021/NĐ-CP", standard_after="07/2021/NĐ-CP")
    >>> r.value, r.standard_changed
    (PercentagePoints(points=Fraction(117, 100)), False)
    """
    span = to_fraction(years)
    if span <= 0:
        raise ValueError(f"years must be positive, got {years!r}")
    change = PercentagePoints.change(earlier, later)
    return PovertyReductionResult(
        definition=kpi_definition("poverty_rate_reduction"),
        value=None if change is None else -change / span,
        target=target,
        earlier=earlier,
        later=later,
        years=span,
        standard_before=standard_before,
        standard_after=standard_after,
        standard_changed=standard_before != standard_after,
    )
