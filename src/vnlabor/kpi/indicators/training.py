"""Training indicators: employment and job connection after training, trades, trained workers."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from vnlabor.kpi.indicators._common import By, Period, kpi_share, select_in
from vnlabor.kpi.result import KpiResult
from vnlabor.kpi.target import Target
from vnlabor.model.course import TrainingField
from vnlabor.model.enrolment import Enrolment
from vnlabor.model.job_connection import JobConnection
from vnlabor.model.training_outcome import EmploymentOutcome, TrainingOutcome

__all__ = [
    "agricultural_training_share",
    "share_connected_after_training",
    "share_employed_after_training",
    "trained_worker_share",
    "trained_worker_share_certified",
]


def share_employed_after_training(
    enrolments: Iterable[Enrolment],
    outcomes: Iterable[TrainingOutcome],
    *,
    include_self_employed: bool = True,
    period: Period | None = None,
    by: By | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Share of trainees employed after training (*tỷ lệ có việc làm sau đào tạo nghề*).

    The numerator counts trainees whose latest outcome is a new job or the old job
    with higher productivity or income, and, unless ``include_self_employed=False``,
    self-employment (reports count it; the published definition does not name it).
    The denominator is every enrolment in ``period`` (by enrolment date); a trainee
    with no outcome or an unknown one counts as not employed and is reported in
    ``missing``.

    Outcomes are matched to enrolments on ``(trainee_id, course_id)``; an outcome
    without a course id matches any enrolment of that trainee.
    """
    latest: dict[tuple[str, str | None], TrainingOutcome] = {}
    for outcome in outcomes:
        k = (outcome.trainee_id, outcome.course_id)
        if k not in latest or outcome.known_on >= latest[k].known_on:
            latest[k] = outcome  # a later follow-up supersedes an earlier one

    def outcome_of(e: Enrolment) -> EmploymentOutcome:
        found = latest.get((e.trainee_id, e.course_id)) or latest.get((e.trainee_id, None))
        return EmploymentOutcome.UNKNOWN if found is None else found.employment

    selected = select_in(enrolments, period, operator.attrgetter("enrolled_on"))
    unknown = sum(1 for e in selected if outcome_of(e) is EmploymentOutcome.UNKNOWN)
    return kpi_share(
        "share_employed_after_training",
        selected,
        lambda e: outcome_of(e).is_employed(include_self_employed=include_self_employed),
        by=by,
        target=target,
        period=period,
        missing=unknown,
    )


def agricultural_training_share(
    enrolments: Iterable[Enrolment],
    *,
    period: Period | None = None,
    by: By | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Share of trainees in agricultural trades (*tỷ lệ đào tạo nghề nông nghiệp*).

    Counted on trainees, not classes. Trainees whose course field is unknown stay in
    the denominator and are reported in ``missing``.
    """
    selected = select_in(enrolments, period, operator.attrgetter("enrolled_on"))
    return kpi_share(
        "agricultural_training_share",
        selected,
        lambda e: e.field is TrainingField.AGRICULTURAL,
        by=by,
        target=target,
        period=period,
        missing=sum(1 for e in selected if e.field is None),
    )


def share_connected_after_training(
    enrolments: Iterable[Enrolment],
    connections: Iterable[JobConnection],
    *,
    period: Period | None = None,
    by: By | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Share of trainees connected to a job after training.

    A trainee counts when a :class:`JobConnection` with the same person reference
    (``worker_id == trainee_id``) was signed on or after the enrolment date.
    """
    signed: dict[str, list[date]] = {}
    for connection in connections:
        signed.setdefault(connection.worker_id, []).append(connection.contract_signed_on)
    selected = select_in(enrolments, period, operator.attrgetter("enrolled_on"))
    return kpi_share(
        "share_connected_after_training",
        selected,
        lambda e: any(day >= e.enrolled_on for day in signed.get(e.trainee_id, ())),
        by=by,
        target=target,
        period=period,
        missing=0,
    )


def _flag_share(
    key: str,
    workers: Iterable[Any],
    flag: Callable[[Any], bool | None],
    by: By | None,
    target: Target | None,
) -> KpiResult:
    rows = list(workers)
    return kpi_share(
        key,
        rows,
        lambda w: flag(w) is True,
        by=by,
        target=target,
        period=None,
        missing=sum(1 for w in rows if flag(w) is None),
    )


def trained_worker_share(
    workers: Iterable[Any],
    *,
    trained: Callable[[Any], bool | None] = operator.attrgetter("trained"),
    by: By | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Share of workers who received any training (*tỷ lệ lao động qua đào tạo*).

    Args:
        workers: The labour force (any objects).
        trained: Whether a worker was trained; ``None`` (unknown) counts as not
            trained and is reported in ``missing``. Reads ``worker.trained`` by default.
        by: Optional breakdown key.
        target: Optional target (a share).
    """
    return _flag_share("trained_worker_share", workers, trained, by, target)


def trained_worker_share_certified(
    workers: Iterable[Any],
    *,
    certified: Callable[[Any], bool | None] = operator.attrgetter("certified"),
    by: By | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Share of employed workers with a training degree or certificate (GSO indicator 0307).

    Args:
        workers: Employed workers aged 15 and over (any objects).
        certified: Whether a worker holds a degree or certificate (elementary level
            or above); ``None`` counts as not and is reported in ``missing``. Reads
            ``worker.certified`` by default.
        by: Optional breakdown key.
        target: Optional target (a share).
    """
    return _flag_share("trained_worker_share_certified", workers, certified, by, target)
