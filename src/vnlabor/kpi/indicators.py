"""Named KPIs computed from programme records, each returned with its definition.

Every function takes records (enrolments, outcomes, sessions, departures …), an
optional period or date range to filter them by date, and an optional target; it
returns a :class:`KpiResult` holding the value (a :class:`Ratio`, a count, an average
or :class:`PercentagePoints`), the definition with its citations, the target and
whether it is met, and how many records lacked the data to be counted (``missing``:
unknown is reported, never silently read as zero).

>>> from datetime import date
>>> from vnlabor.kpi.target import Target
>>> from vnlabor.model.departure import Departure
>>> done = [Departure(worker_id=f"w{i}", market="japan", departed_on=date(2020, 9, 1))
...         for i in range(57)]
>>> year = ReportingPeriod.calendar_year(2020)
>>> r = departures_abroad(done, period=year, target=Target.count(150))
>>> r.value, r.met, r.attainment.ratio, r.attainment.shortfall
(57, False, Fraction(19, 50), Fraction(93, 1))
>>> r.definition.name("en")
'Workers departing to work abroad under contract'
"""

from __future__ import annotations

import operator
from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import date
from fractions import Fraction
from types import MappingProxyType
from typing import Any, Protocol, Self, TypeVar

from pydantic import model_validator

from vnlabor.base.model import VnlaborModel
from vnlabor.kpi.attainment import Attainment
from vnlabor.kpi.breakdown import Breakdown, KeyFunction, breakdown
from vnlabor.kpi.date_range import DateRange
from vnlabor.kpi.definitions import KpiDefinition, kpi_definition
from vnlabor.kpi.number import Exact, Number, to_fraction
from vnlabor.kpi.points import PercentagePoints, exact_number
from vnlabor.kpi.ratio import Ratio
from vnlabor.kpi.target import Target
from vnlabor.law.book import LawBook
from vnlabor.model.counselling import CounsellingConference, CounsellingContact, CounsellingTopic
from vnlabor.model.course import TrainingField
from vnlabor.model.departure import Departure, DestinationMarket
from vnlabor.model.enrolment import Enrolment
from vnlabor.model.job_connection import JobConnection
from vnlabor.model.job_fair import JobFairKind, JobFairSession
from vnlabor.model.new_job import NewJob
from vnlabor.model.period import ReportingPeriod
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.training_outcome import EmploymentOutcome, TrainingOutcome
from vnlabor.types import NonNegativeCount

__all__ = [
    "KPI_FUNCTIONS",
    "KpiResult",
    "PovertyReductionResult",
    "agricultural_training_share",
    "counselling_conferences",
    "counselling_contacts",
    "departures_abroad",
    "job_exchange_attendance",
    "job_exchange_sessions",
    "near_poor_rate",
    "new_jobs",
    "overseas_support_amount",
    "overseas_support_cases",
    "poverty_rate",
    "poverty_rate_reduction",
    "share_connected_after_training",
    "share_employed_after_training",
    "successful_job_connections",
    "trained_worker_share",
    "trained_worker_share_certified",
]

Period = ReportingPeriod | DateRange
"""A reporting period or an arbitrary range of days."""
By = str | KeyFunction
"""A breakdown key: an attribute name, a period word or a function (see :func:`breakdown`)."""

_R = TypeVar("_R")


class HasStatus(Protocol):
    """Anything carrying a household's poverty status (a classification, a row …)."""

    @property
    def status(self) -> PovertyStatus:
        """The household's status."""
        ...


class KpiResult(VnlaborModel):
    """The value of one KPI, with its definition, target and data gaps."""

    definition: KpiDefinition
    """What was computed, in which unit, on what authority."""
    value: Ratio | PercentagePoints | int | Fraction | None
    """A ratio (shares), a count, an exact average, percentage points, or ``None`` if undefined."""
    target: Target | None = None
    """The target the value is checked against, if any."""
    period: ReportingPeriod | DateRange | None = None
    """The period the records were filtered to (``None``: all records)."""
    missing: NonNegativeCount = 0
    """Records that lacked the data to be counted (unknown outcome, attendance …)."""
    breakdown: Breakdown | None = None
    """Per-group ratios, when a breakdown was asked for; its total equals :attr:`value`."""

    @model_validator(mode="after")
    def _target_in_unit(self) -> Self:
        if self.target is not None and self.target.unit is not self.definition.unit:
            raise ValueError(
                f"target is in {self.target.unit.value} but {self.definition.key} "
                f"is in {self.definition.unit.value}"
            )
        return self

    @property
    def met(self) -> bool | None:
        """Whether the target is met; ``None`` without a target or with an undefined value."""
        return None if self.target is None else self.target.is_met(self.value)

    @property
    def attainment(self) -> Attainment | None:
        """The value against the target's reference bound (``None`` when either is missing)."""
        return None if self.target is None else self.target.attainment(self.value)

    @property
    def ratio(self) -> Ratio | None:
        """The value when it is a ratio."""
        return self.value if isinstance(self.value, Ratio) else None

    @property
    def count(self) -> int | None:
        """The value when it is a whole count (sessions, departures, VND …)."""
        return self.value if isinstance(self.value, int) else None

    @property
    def number(self) -> Fraction | None:
        """The value as one exact number (a ratio's quotient, the points of a difference)."""
        return exact_number(self.value)

    def explain(self, locale: str = "vi", law: LawBook | None = None) -> str:
        """The KPI as a short report (see :func:`vnlabor.kpi.explain_kpi`).

        Value, whether the target is met and by how much, breakdown, data gaps, and the
        definition with the instruments it rests on.
        """
        from vnlabor.kpi.report import explain_kpi

        return explain_kpi(self, locale, law)

    def name(self, locale: str = "vi") -> str:
        """The KPI's name in ``locale``."""
        return self.definition.name(locale)


class PovertyReductionResult(KpiResult):
    """A reduction of the poverty rate between two reviews, flagged when the standard changed."""

    earlier: Ratio
    """Poverty rate at the earlier review."""
    later: Ratio
    """Poverty rate at the later review."""
    years: Exact
    """Years between the reviews (the value is the average per year)."""
    standard_before: str
    """Instrument of the standard the earlier review used (e.g. ``"59/2015/QĐ-TTg"``)."""
    standard_after: str
    """Instrument of the standard the later review used (e.g. ``"07/2021/NĐ-CP"``)."""

    standard_changed: bool
    """Whether the two reviews used different standards: the series is then broken."""

    @model_validator(mode="after")
    def _flag_matches_standards(self) -> Self:
        if self.standard_changed != (self.standard_before != self.standard_after):
            raise ValueError(
                f"standard_changed={self.standard_changed} contradicts the standards "
                f"{self.standard_before!r} and {self.standard_after!r}"
            )
        return self


# --------------------------------------------------------------------------- helpers


def _in(period: Period | None, day: date | None) -> bool:
    return period is None or (day is not None and period.contains(day))


def _select(records: Iterable[_R], period: Period | None, day: Callable[[_R], date]) -> list[_R]:
    return [r for r in records if _in(period, day(r))]


def _result(
    key: str,
    value: Ratio | PercentagePoints | int | Fraction | None,
    *,
    target: Target | None,
    period: Period | None = None,
    missing: int = 0,
    parts: Breakdown | None = None,
) -> KpiResult:
    return KpiResult(
        definition=kpi_definition(key),
        value=value,
        target=target,
        period=period,
        missing=missing,
        breakdown=parts,
    )


def _share(
    key: str,
    records: list[_R],
    hit: Callable[[_R], bool],
    *,
    by: By | None,
    target: Target | None,
    period: Period | None,
    missing: int,
) -> KpiResult:
    if by is None:
        ratio = Ratio(sum(1 for r in records if hit(r)), len(records))
        return _result(key, ratio, target=target, period=period, missing=missing)
    parts = breakdown(records, by=by, numerator=hit)
    return _result(key, parts.total, target=target, period=period, missing=missing, parts=parts)


# --------------------------------------------------------------------------- training


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

    selected = _select(enrolments, period, operator.attrgetter("enrolled_on"))
    unknown = sum(1 for e in selected if outcome_of(e) is EmploymentOutcome.UNKNOWN)
    return _share(
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
    selected = _select(enrolments, period, operator.attrgetter("enrolled_on"))
    return _share(
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
    selected = _select(enrolments, period, operator.attrgetter("enrolled_on"))
    return _share(
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
    return _share(
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


# --------------------------------------------------------------------------- poverty


def _status_of(household: PovertyStatus | HasStatus) -> PovertyStatus:
    return household if isinstance(household, PovertyStatus) else household.status


def _status_rate(
    key: str,
    status: PovertyStatus,
    households: Iterable[PovertyStatus | HasStatus],
    by: By | None,
    target: Target | None,
) -> KpiResult:
    # An undetermined household is a gap in the data, never counted as not poor: it
    # leaves the denominator and is reported in ``missing``.
    rows = list(households)
    known = [h for h in rows if _status_of(h) is not PovertyStatus.UNDETERMINED]
    return _share(
        key,
        known,
        lambda h: _status_of(h) is status,
        by=by,
        target=target,
        period=None,
        missing=len(rows) - len(known),
    )


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

    >>> poverty_rate([PovertyStatus.POOR, PovertyStatus.NON_POOR, PovertyStatus.NEAR_POOR]).value
    Ratio(numerator=1, denominator=3, numerator_label=None, denominator_label=None)
    >>> r = poverty_rate([PovertyStatus.POOR, PovertyStatus.UNDETERMINED, PovertyStatus.NON_POOR])
    >>> r.value.numerator, r.value.denominator, r.missing
    (1, 2, 1)
    """
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


# --------------------------------------------------------------------------- employment


def successful_job_connections(
    connections: Iterable[JobConnection],
    *,
    period: Period | None = None,
    target: Target | None = None,
) -> KpiResult:
    """Successful job connections (labour contract signed) in ``period``, by contract date."""
    selected = _select(connections, period, operator.attrgetter("contract_signed_on"))
    return _result("successful_job_connections", len(selected), target=target, period=period)


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
        for d in _select(departures, period, operator.attrgetter("departed_on"))
        if (d.supported or not supported_only) and (markets is None or d.market in markets)
    ]
    return _result("departures_abroad", len(selected), target=target, period=period)


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
    selected = _select(jobs, period, operator.attrgetter("started_on"))
    value: int | Fraction = len(selected)
    if years is not None:
        if years <= 0:
            raise ValueError(f"years must be positive, got {years!r}")
        value = Fraction(len(selected), years)
    return _result("new_jobs", value, target=target, period=period)


def _sessions(
    sessions: Iterable[JobFairSession], period: Period | None, kinds: Collection[JobFairKind] | None
) -> list[JobFairSession]:
    return [
        s
        for s in _select(sessions, period, operator.attrgetter("held_on"))
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
    return _result(
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
    return _result(
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
        for c in _select(contacts, period, operator.attrgetter("contacted_on"))
        if topics is None or c.topic in topics
    ]
    if not distinct_people:
        return _result("counselling_contacts", len(selected), target=target, period=period)
    people = {c.person_id for c in selected if c.person_id is not None}
    anonymous = sum(1 for c in selected if c.person_id is None)
    return _result(
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
        for c in _select(conferences, period, operator.attrgetter("held_on"))
        if topics is None or c.topic in topics
    ]
    return _result("counselling_conferences", len(selected), target=target, period=period)


def _paid(departures: Iterable[Departure], period: Period | None) -> tuple[list[Departure], int]:
    supported = [d for d in departures if d.supported]
    paid = [
        d for d in supported if d.support_paid_on is not None and _in(period, d.support_paid_on)
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
    return _result(
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
    return _result(
        "overseas_support_amount",
        sum(d.support_amount for d in paid if d.support_amount is not None),
        target=target,
        period=period,
        missing=undated + sum(1 for d in paid if d.support_amount is None),
    )


KPI_FUNCTIONS: Mapping[str, Callable[..., KpiResult]] = MappingProxyType(
    {
        "share_employed_after_training": share_employed_after_training,
        "poverty_rate": poverty_rate,
        "near_poor_rate": near_poor_rate,
        "poverty_rate_reduction": poverty_rate_reduction,
        "trained_worker_share": trained_worker_share,
        "trained_worker_share_certified": trained_worker_share_certified,
        "successful_job_connections": successful_job_connections,
        "share_connected_after_training": share_connected_after_training,
        "departures_abroad": departures_abroad,
        "new_jobs": new_jobs,
        "job_exchange_sessions": job_exchange_sessions,
        "job_exchange_attendance": job_exchange_attendance,
        "agricultural_training_share": agricultural_training_share,
        "counselling_contacts": counselling_contacts,
        "counselling_conferences": counselling_conferences,
        "overseas_support_cases": overseas_support_cases,
        "overseas_support_amount": overseas_support_amount,
    }
)
"""The function computing each packaged indicator, by definition key."""
