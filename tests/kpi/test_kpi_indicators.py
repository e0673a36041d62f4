"""Named indicators: computation from records, definitions data, targets."""

import inspect
import re
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

import pytest
from pydantic import ValidationError

from vnlabor import kpi
from vnlabor.base.confidence import Confidence
from vnlabor.kpi import UNKNOWN, DateRange, KpiUnit, PercentagePoints, Ratio, Target
from vnlabor.model.counselling import CounsellingConference, CounsellingContact, CounsellingTopic
from vnlabor.model.course import Course, CourseLevel, TrainingField
from vnlabor.model.departure import Departure, DestinationMarket
from vnlabor.model.enrolment import Enrolment
from vnlabor.model.job_connection import JobConnection
from vnlabor.model.job_fair import JobFairKind, JobFairSession
from vnlabor.model.new_job import NewJob
from vnlabor.model.period import ReportingPeriod
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex
from vnlabor.model.training_outcome import EmploymentOutcome, TrainingOutcome

Y2023 = ReportingPeriod.calendar_year(2023)


def course(field: TrainingField | None, cid: str) -> Course:
    return Course(level=CourseLevel.UNDER_3_MONTHS, cost=2_000_000, field=field, course_id=cid)


def enrol(
    tid: str, c: Course | str = "c1", day: date = date(2023, 3, 1), **kw: object
) -> Enrolment:
    return Enrolment.model_validate({"trainee_id": tid, "course": c, "enrolled_on": day, **kw})


def outcome(
    tid: str, employment: EmploymentOutcome, known: date, cid: str | None = "c1"
) -> TrainingOutcome:
    return TrainingOutcome(
        trainee_id=tid, course_id=cid, completed=True, employment=employment, known_on=known
    )


# ------------------------------------------------------------------ definitions data


def test_every_definition_has_a_function_and_vice_versa() -> None:
    assert set(kpi.kpi_keys()) == set(kpi.KPI_FUNCTIONS)


def test_every_indicator_is_exported_under_its_key() -> None:
    # Derived from the package's own export list, so adding an indicator to
    # KPI_FUNCTIONS without exporting it (or under another name) fails here.
    for key, fn in kpi.KPI_FUNCTIONS.items():
        assert key in kpi.__all__, key
        assert getattr(kpi, key) is fn
    exported_kpis = {
        name
        for name in kpi.__all__
        if inspect.isfunction(getattr(kpi, name))
        and inspect.signature(getattr(kpi, name)).return_annotation
        in ("KpiResult", "PovertyReductionResult")
    }
    assert exported_kpis == set(kpi.KPI_FUNCTIONS)


def test_every_export_is_documented() -> None:
    assert len(kpi.__all__) == len(set(kpi.__all__))
    for name in kpi.__all__:
        obj = getattr(kpi, name)
        if callable(obj):
            assert inspect.getdoc(obj), name


def test_definitions_are_complete_and_cited() -> None:
    for key, d in kpi.kpi_definitions().items():
        assert d.key == key
        for text in (d.name, d.definition):
            assert text.vi.strip()
            assert text.en.strip()
        if d.unit is KpiUnit.SHARE:
            assert d.numerator is not None
            assert d.denominator is not None
        # A confirmed definition must rest on something: a citation or a source.
        if d.confidence is Confidence.CONFIRMED:
            assert d.citations or d.sources, key
        # Every unconfirmed definition says why in a note.
        if d.confidence is Confidence.UNCONFIRMED:
            assert d.note is not None, key
        for c in d.citations:
            assert re.fullmatch(r"[\w/.-]+", c.instrument), c.instrument
        for url in d.sources:
            assert url.startswith(("http://", "https://"))


def test_unknown_key_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="share_employed_after_training"):
        kpi.kpi_definition("nope")


def test_every_function_takes_a_target() -> None:
    for fn in kpi.KPI_FUNCTIONS.values():
        assert "target" in inspect.signature(fn).parameters


def test_target_in_the_wrong_unit_is_refused() -> None:
    with pytest.raises(ValidationError, match="target is in share"):
        kpi.departures_abroad([], target=Target.at_least(0.5))


# ------------------------------------------------------------------ training


def test_share_employed_after_training_counts_new_job_higher_income_and_self_employed() -> None:
    enrolments = [enrol(f"t{i}") for i in range(6)]
    outcomes = [
        outcome("t0", EmploymentOutcome.NEW_JOB, date(2023, 6, 1)),
        outcome("t1", EmploymentOutcome.HIGHER_PRODUCTIVITY_OR_INCOME, date(2023, 6, 1)),
        outcome("t2", EmploymentOutcome.SELF_EMPLOYED, date(2023, 6, 1)),
        outcome("t3", EmploymentOutcome.NOT_EMPLOYED, date(2023, 6, 1)),
        outcome("t4", EmploymentOutcome.UNKNOWN, date(2023, 6, 1)),
        # t5 has no follow-up at all
    ]
    r = kpi.share_employed_after_training(enrolments, outcomes)
    assert r.value == Ratio(3, 6)
    assert r.missing == 2
    strict = kpi.share_employed_after_training(enrolments, outcomes, include_self_employed=False)
    assert strict.value == Ratio(2, 6)
    assert r.definition.key == "share_employed_after_training"


def test_latest_follow_up_wins_and_course_less_outcome_matches() -> None:
    enrolments = [enrol("t0"), enrol("t1", "c2")]
    outcomes = [
        outcome("t0", EmploymentOutcome.NEW_JOB, date(2023, 9, 1)),
        outcome("t0", EmploymentOutcome.NOT_EMPLOYED, date(2023, 6, 1)),
        outcome("t1", EmploymentOutcome.SELF_EMPLOYED, date(2023, 9, 1), cid=None),
    ]
    r = kpi.share_employed_after_training(enrolments, outcomes)
    assert r.value == Ratio(2, 2)
    later_loss = [*outcomes, outcome("t0", EmploymentOutcome.NOT_EMPLOYED, date(2023, 12, 1))]
    assert kpi.share_employed_after_training(enrolments, later_loss).value == Ratio(1, 2)


def test_share_employed_with_period_target_and_breakdown() -> None:
    enrolments = [
        enrol("a", sex=Sex.FEMALE),
        enrol("b", sex=Sex.MALE),
        enrol("c"),
        enrol("d", day=date(2022, 5, 1), sex=Sex.FEMALE),
    ]
    outcomes = [outcome(t, EmploymentOutcome.NEW_JOB, date(2023, 8, 1)) for t in "acd"]
    r = kpi.share_employed_after_training(
        enrolments, outcomes, period=Y2023, by="sex", target=Target.above(0.6)
    )
    assert r.value == Ratio(2, 3)
    assert r.met is True
    assert r.breakdown is not None
    assert r.breakdown.total == r.value
    assert r.breakdown[Sex.MALE] == Ratio(0, 1)
    assert r.breakdown[UNKNOWN] == Ratio(1, 1)
    assert r.period == Y2023
    assert r.ratio == Ratio(2, 3)
    assert r.number == Fraction(2, 3)


def test_no_trainees_means_undefined_not_failed() -> None:
    r = kpi.share_employed_after_training([], [], target=Target.above(0.9))
    assert r.value == Ratio(0, 0)
    assert r.met is None
    assert r.attainment is None
    assert r.number is None


def test_agricultural_training_share_counts_trainees_and_reports_unknown_field() -> None:
    agri, other = (
        course(TrainingField.AGRICULTURAL, "a"),
        course(TrainingField.NON_AGRICULTURAL, "n"),
    )
    rows = [enrol("1", agri), enrol("2", agri), enrol("3", other), enrol("4", "x")]
    r = kpi.agricultural_training_share(rows)
    assert r.value == Ratio(2, 4)
    assert r.missing == 1
    by_field = kpi.agricultural_training_share(rows, by="field")
    assert by_field.breakdown is not None
    assert by_field.breakdown.group_keys == [
        TrainingField.AGRICULTURAL,
        TrainingField.NON_AGRICULTURAL,
        UNKNOWN,
    ]


def test_share_connected_after_training_needs_a_contract_on_or_after_enrolment() -> None:
    rows = [enrol("a"), enrol("b"), enrol("c"), enrol("d")]
    connections = [
        JobConnection(worker_id="a", contract_signed_on=date(2023, 3, 1)),
        JobConnection(worker_id="b", contract_signed_on=date(2023, 2, 28)),
        JobConnection(worker_id="c", contract_signed_on=date(2023, 7, 1)),
        JobConnection(worker_id="zz", contract_signed_on=date(2023, 7, 1)),
    ]
    r = kpi.share_connected_after_training(rows, connections, target=Target.above(0.5))
    assert r.value == Ratio(2, 4)
    assert r.met is False


@dataclass(frozen=True)
class Worker:
    trained: bool | None
    certified: bool | None = None
    sex: Sex | None = None


def test_trained_worker_shares() -> None:
    workers = [Worker(True, True, Sex.FEMALE), Worker(True, False), Worker(False), Worker(None)]
    r = kpi.trained_worker_share(workers, by="sex")
    assert r.value == Ratio(2, 4)
    assert r.missing == 1
    assert r.breakdown is not None
    assert r.breakdown[Sex.FEMALE] == Ratio(1, 1)
    c = kpi.trained_worker_share_certified(workers)
    assert c.value == Ratio(1, 4)
    assert c.missing == 2
    custom = kpi.trained_worker_share(workers, trained=lambda w: w.certified)
    assert custom.value == Ratio(1, 4)


# ------------------------------------------------------------------ poverty


@dataclass(frozen=True)
class Classified:
    status: PovertyStatus
    area: str | None = None


def test_poverty_and_near_poor_rates() -> None:
    households = (
        [PovertyStatus.POOR] * 3
        + [PovertyStatus.NEAR_POOR] * 2
        + [PovertyStatus.NON_POOR] * 4
        + [PovertyStatus.AVERAGE_LIVING_STANDARD]
    )
    assert kpi.poverty_rate(households).value == Ratio(3, 10)
    assert kpi.near_poor_rate(households).value == Ratio(2, 10)
    objects = [Classified(PovertyStatus.POOR, "rural"), Classified(PovertyStatus.NON_POOR)]
    r = kpi.poverty_rate(objects, by="area", target=Target.below(0.6))
    assert r.value == Ratio(1, 2)
    assert r.met is True
    assert r.breakdown is not None
    assert r.breakdown["rural"] == Ratio(1, 1)
    assert kpi.poverty_rate([]).value == Ratio(0, 0)


def test_poverty_rate_reduction_in_points_per_year() -> None:
    target = Target.between(PercentagePoints(1.15), PercentagePoints(1.56))
    r = kpi.poverty_rate_reduction(
        Ratio(750, 10_000),
        Ratio(516, 10_000),
        years=2,
        standard_before="07/2021/NĐ-CP",
        standard_after="07/2021/NĐ-CP",
        target=target,
    )
    assert r.value == PercentagePoints(1.17)
    assert r.met is True
    assert r.standard_changed is False
    assert r.years == 2
    assert r.definition.unit is KpiUnit.PERCENTAGE_POINTS


def test_poverty_rate_reduction_flags_a_change_of_standard() -> None:
    r = kpi.poverty_rate_reduction(
        Ratio(223, 10_000),
        Ratio(403, 10_000),
        standard_before="59/2015/QĐ-TTg",
        standard_after="07/2021/NĐ-CP",
    )
    assert r.standard_changed is True
    assert r.value == PercentagePoints(-1.8)  # the rate "rose": a new, stricter standard
    again = type(r).model_validate_json(r.model_dump_json())
    assert again == r
    with pytest.raises(ValidationError, match="contradicts"):
        type(r).model_validate({**r.model_dump(), "standard_changed": False})


def test_poverty_rate_reduction_edge_cases() -> None:
    r = kpi.poverty_rate_reduction(
        Ratio(0, 0), Ratio(1, 10), standard_before="a", standard_after="a"
    )
    assert r.value is None
    with pytest.raises(ValueError, match="positive"):
        kpi.poverty_rate_reduction(
            Ratio(1, 2), Ratio(1, 3), years=0, standard_before="a", standard_after="a"
        )
    ok = kpi.poverty_rate_reduction(
        Ratio(1, 2),
        Ratio(1, 3),
        standard_before="a",
        standard_after="a",
        target=Target.at_least(PercentagePoints(1)),
    )
    assert ok.met is True
    with pytest.raises(ValidationError, match="target is in share"):
        kpi.poverty_rate_reduction(
            Ratio(1, 2),
            Ratio(1, 3),
            standard_before="a",
            standard_after="a",
            target=Target.at_least(0.01),
        )


# ------------------------------------------------------------------ employment


def test_job_connections_and_departures_filtered_by_period() -> None:
    connections = [
        JobConnection(worker_id="a", contract_signed_on=date(2023, 1, 5)),
        JobConnection(worker_id="b", contract_signed_on=date(2022, 12, 31)),
    ]
    assert kpi.successful_job_connections(connections, period=Y2023).value == 1
    assert kpi.successful_job_connections(connections).value == 2
    departures = [
        Departure(
            worker_id="a",
            market=DestinationMarket.JAPAN,
            departed_on=date(2023, 2, 1),
            supported=True,
        ),
        Departure(worker_id="b", market=DestinationMarket.TAIWAN, departed_on=date(2023, 5, 1)),
        Departure(worker_id="c", market=DestinationMarket.KOREA, departed_on=date(2024, 1, 2)),
    ]
    assert kpi.departures_abroad(departures, period=Y2023).value == 2
    assert kpi.departures_abroad(departures, period=Y2023, supported_only=True).value == 1
    assert kpi.departures_abroad(departures, markets={DestinationMarket.KOREA}).value == 1
    r = kpi.departures_abroad(departures, target=Target.count(150))
    assert r.met is False
    assert r.attainment is not None
    assert r.attainment.shortfall == 147


def test_new_jobs_total_and_yearly_average() -> None:
    jobs = [
        NewJob(worker_id=f"w{i}", started_on=date(2020 + i % 5, 6, 1)) for i in range(11_386 // 100)
    ]
    assert kpi.new_jobs(jobs).value == len(jobs)
    r = kpi.new_jobs(jobs, years=5, target=Target.count(20))
    assert r.value == Fraction(len(jobs), 5)
    assert r.met is True
    ten_months = DateRange(start=date(2020, 1, 1), end=date(2020, 10, 31))
    assert kpi.new_jobs(jobs, period=ten_months).value == sum(
        1 for j in jobs if j.started_on.year == 2020
    )
    with pytest.raises(ValueError, match="positive"):
        kpi.new_jobs(jobs, years=0)


def test_sessions_and_attendance() -> None:
    sessions = [
        JobFairSession(
            kind=JobFairKind.JOB_EXCHANGE_SESSION, held_on=date(2022, 5, 1), attendance=150
        ),
        JobFairSession(
            kind=JobFairKind.JOB_EXCHANGE_SESSION, held_on=date(2022, 6, 1), attendance=450
        ),
        JobFairSession(kind=JobFairKind.JOB_FAIR, held_on=date(2023, 4, 1), attendance=800),
        JobFairSession(kind=JobFairKind.MOBILE_SESSION, held_on=date(2023, 6, 1)),
    ]
    y2022 = ReportingPeriod.calendar_year(2022)
    assert kpi.job_exchange_sessions(sessions, period=y2022).value == 2
    assert kpi.job_exchange_attendance(sessions, period=y2022).value == 600
    all_2023 = kpi.job_exchange_attendance(sessions, period=Y2023)
    assert all_2023.value == 800
    assert all_2023.missing == 1
    fairs = kpi.job_exchange_sessions(sessions, kinds={JobFairKind.JOB_FAIR})
    assert fairs.value == 1


def test_counselling_contacts_and_conferences() -> None:
    contacts = [
        CounsellingContact(
            person_id="p1", contacted_on=date(2023, 1, 1), topic=CounsellingTopic.WORK_ABROAD
        ),
        CounsellingContact(
            person_id="p1", contacted_on=date(2023, 2, 1), topic=CounsellingTopic.WORK_ABROAD
        ),
        CounsellingContact(contacted_on=date(2023, 3, 1)),
    ]
    assert kpi.counselling_contacts(contacts).value == 3
    distinct = kpi.counselling_contacts(contacts, distinct_people=True)
    assert distinct.value == 1
    assert distinct.missing == 1
    assert kpi.counselling_contacts(contacts, topics={CounsellingTopic.WORK_ABROAD}).value == 2
    conferences = [
        CounsellingConference(held_on=date(2023, 5, 1)),
        CounsellingConference(held_on=date(2022, 5, 1)),
    ]
    assert (
        kpi.counselling_conferences(conferences, period=Y2023, target=Target.count(1)).met is True
    )
    assert (
        kpi.counselling_conferences(conferences, topics={CounsellingTopic.WORK_ABROAD}).value == 0
    )


def test_overseas_support_by_payment_date() -> None:
    departures = [
        Departure(
            worker_id="a",
            market=DestinationMarket.JAPAN,
            departed_on=date(2019, 11, 1),
            supported=True,
            support_amount=10_000_000,
            support_paid_on=date(2020, 2, 1),
        ),
        Departure(
            worker_id="b",
            market=DestinationMarket.JAPAN,
            departed_on=date(2020, 3, 1),
            supported=True,
            support_paid_on=date(2020, 4, 1),
        ),
        Departure(
            worker_id="c",
            market=DestinationMarket.JAPAN,
            departed_on=date(2020, 3, 1),
            supported=True,
        ),
        Departure(worker_id="d", market=DestinationMarket.JAPAN, departed_on=date(2020, 3, 1)),
    ]
    y2020 = ReportingPeriod.calendar_year(2020)
    cases = kpi.overseas_support_cases(departures, period=y2020)
    assert cases.value == 2
    assert cases.missing == 1
    amount = kpi.overseas_support_amount(departures, period=y2020)
    assert amount.value == 10_000_000
    assert amount.missing == 2
    assert amount.definition.unit is KpiUnit.VND
    assert (
        kpi.overseas_support_amount(departures, target=Target.at_least(1, unit=KpiUnit.VND)).met
        is True
    )


@dataclass(frozen=True)
class _Row:
    status: PovertyStatus
    area: str


def test_results_round_trip_through_json() -> None:
    rows = [_Row(PovertyStatus.POOR, "rural"), _Row(PovertyStatus.NON_POOR, "urban")]
    results = [
        kpi.poverty_rate(rows, by="area"),
        kpi.new_jobs(
            [NewJob(worker_id="w", started_on=date(2021, 1, 1))], years=3, target=Target.count(1)
        ),
        kpi.departures_abroad([], target=Target.count(150)),
    ]
    for r in results:
        assert type(r).model_validate_json(r.model_dump_json()) == r


def test_cited_instruments_are_in_the_law_catalogue() -> None:
    from vnlabor.law import national

    catalogue = national().instruments
    cited = {c.instrument for d in kpi.kpi_definitions().values() for c in d.citations}
    assert cited, "the definitions cite no instrument at all"
    assert cited <= set(catalogue), sorted(cited - set(catalogue))


def test_kpi_frames_have_numeric_columns_and_concatenate() -> None:
    pd = pytest.importorskip("pandas")
    rows = [_Row(PovertyStatus.POOR, "rural"), _Row(PovertyStatus.NON_POOR, "rural")]
    rows += [_Row(PovertyStatus.NON_POOR, "urban")]
    rate = kpi.poverty_rate(rows, by="area", target=Target.below(Fraction(1, 3)))
    frame = rate.to_frame()
    assert list(frame.index) == ["rural", "urban", "total"]
    assert frame.index.name == "area"
    assert frame["numerator"].tolist() == [1, 0, 1]
    assert frame["denominator"].tolist() == [2, 1, 3]
    assert frame["share"].tolist() == [0.5, 0.0, 1 / 3]
    assert frame["percent"].tolist() == [50.0, 0.0, 100 / 3]
    assert frame["value"].tolist() == [Fraction(1, 2), Fraction(0), Fraction(1, 3)]
    # below one third: exactly one third is not met (a strict bound), 0% is
    assert frame["target_met"].tolist() == [False, True, False]
    assert str(frame["share"].dtype) == "float64"
    assert str(frame["numerator"].dtype) == "Int64"
    assert str(frame["target_met"].dtype) == "boolean"
    jobs = kpi.new_jobs(
        [NewJob(worker_id="w", started_on=date(2021, 1, 1))] * 3, years=3, target=Target.count(2)
    )
    counts = jobs.to_frame()
    assert counts.loc["total", "number"] == 1.0  # three jobs over three years: one a year
    assert pd.isna(counts.loc["total", "numerator"])
    assert pd.isna(counts.loc["total", "share"])
    both = pd.concat([frame, counts])
    assert list(both.columns) == list(frame.columns) == list(counts.columns)


def test_poverty_rate_of_text_is_a_typed_error_saying_what_to_do() -> None:
    from vnlabor.errors import VnlaborTypeError

    with pytest.raises(
        VnlaborTypeError, match=r"convert text first, e\.g\. PovertyStatus\('poor'\)"
    ):
        kpi.poverty_rate(["poor"])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="không phải PovertyStatus"):
        kpi.poverty_rate([PovertyStatus.POOR, 3])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="its status is 'poor', not a PovertyStatus"):
        kpi.poverty_rate([_Row("poor", "rural")])  # type: ignore[arg-type]
