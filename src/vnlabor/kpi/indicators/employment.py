"""Employment indicators: job connections, new jobs, job-exchange sessions, counselling."""

from __future__ import annotations

import operator
from collections.abc import Collection, Iterable
from fractions import Fraction

from vnlabor.kpi.indicators._common import Period, kpi_result, select_in
from vnlabor.kpi.result import KpiResult
from vnlabor.kpi.target import Target
from vnlabor.model.counselling import CounsellingConference, CounsellingContact, CounsellingTopic
from vnlabor.model.job_connection import JobConnection
from vnlabor.model.job_fair import JobFairKind, JobFairSession
from vnlabor.model.new_job import NewJob

__all__ = [
    "counselling_conferences",
    "counselling_contacts",
    "job_exchange_attendance",
    "job_exchange_sessions",
    "new_jobs",
    "successful_job_connections",
]


def successful_job_connections(
    connections: Iterable[JobConnection],
    *,
    period: Period | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Successful job connections (labour contract signed) in ``period``, by contract date."""
    selected = select_in(connections, period, operator.attrgetter("contract_signed_on"))
    return kpi_result("successful_job_connections", len(selected), target=target, period=period)


def new_jobs(
    jobs: Iterable[NewJob],
    *,
    period: Period | None = None,
    years: int | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Workers given new jobs in ``period``; with ``years``, the yearly average.

    Args:
        jobs: New-job records.
        period: Period or date range (by start date).
        years: Divide the count by this many years (``Fraction`` result), for targets
            worded "bình quân hằng năm".
        target: Optional count target, per year when ``years`` is given.

    >>> from datetime import date
    >>> jobs = [NewJob(worker_id=f"w{i}", started_on=date(2021, 5, 1)) for i in range(5)]
    >>> new_jobs(jobs, years=2).value
    Fraction(5, 2)
    """
    selected = select_in(jobs, period, operator.attrgetter("started_on"))
    value: int | Fraction = len(selected)
    if years is not None:
        if years <= 0:
            raise ValueError(f"years must be positive, got {years!r}")
        value = Fraction(len(selected), years)
    return kpi_result("new_jobs", value, target=target, period=period)


def _sessions(
    sessions: Iterable[JobFairSession], period: Period | None, kinds: Collection[JobFairKind] | None
) -> list[JobFairSession]:
    return [
        s
        for s in select_in(sessions, period, operator.attrgetter("held_on"))
        if kinds is None or s.kind in kinds
    ]


def job_exchange_sessions(
    sessions: Iterable[JobFairSession],
    *,
    period: Period | None = None,
    kinds: Collection[JobFairKind] | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Number of job-exchange sessions and fairs in ``period`` (optionally of some kinds)."""
    return kpi_result(
        "job_exchange_sessions",
        len(_sessions(sessions, period, kinds)),
        target=target,
        period=period,
    )


def job_exchange_attendance(
    sessions: Iterable[JobFairSession],
    *,
    period: Period | None = None,
    kinds: Collection[JobFairKind] | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Total attendance (visits) at sessions in ``period``.

    Sessions whose attendance was not recorded are reported in ``missing``.
    """
    selected = _sessions(sessions, period, kinds)
    return kpi_result(
        "job_exchange_attendance",
        sum(s.attendance for s in selected if s.attendance is not None),
        target=target,
        period=period,
        missing=sum(1 for s in selected if s.attendance is None),
    )


def counselling_contacts(
    contacts: Iterable[CounsellingContact],
    *,
    period: Period | None = None,
    topics: Collection[CounsellingTopic] | None = None,
    distinct_people: bool = False,
    target: Target | None = None,
) -> KpiResult:
    """Counselling contacts (*lượt người được tư vấn*) in ``period``.

    With ``distinct_people=True`` the value counts distinct ``person_id`` values
    instead, and contacts without one are reported in ``missing``.
    """
    selected = [
        c
        for c in select_in(contacts, period, operator.attrgetter("contacted_on"))
        if topics is None or c.topic in topics
    ]
    if not distinct_people:
        return kpi_result("counselling_contacts", len(selected), target=target, period=period)
    people = {c.person_id for c in selected if c.person_id is not None}
    anonymous = sum(1 for c in selected if c.person_id is None)
    return kpi_result(
        "counselling_contacts", len(people), target=target, period=period, missing=anonymous
    )


def counselling_conferences(
    conferences: Iterable[CounsellingConference],
    *,
    period: Period | None = None,
    topics: Collection[CounsellingTopic] | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Counselling and outreach conferences held in ``period``."""
    selected = [
        c
        for c in select_in(conferences, period, operator.attrgetter("held_on"))
        if topics is None or c.topic in topics
    ]
    return kpi_result("counselling_conferences", len(selected), target=target, period=period)
