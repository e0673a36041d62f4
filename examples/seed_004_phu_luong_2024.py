"""Phú Lương district (Thái Nguyên): training, new jobs, poverty reduction, job sessions.

Source: "Huyện Phú Lương: Hỗ trợ lao động nghèo tiếp cận thông tin thị trường lao động",
Lao động & Xã hội, 23/10/2024 (seed article 004).

The records here are **synthetic**: the article publishes aggregates only, so the
script builds made-up trainees, outcomes, new jobs, review results and sessions whose
totals match the published figures, then recomputes those figures with vnlabor:

* 173 classes, 5,816 trainees, 72.51% in agriculture (4,217 trainees: the share is of
  trainees, not of classes), "trên 85%" employed after training (4,973 = 85.51%);
* 11,386 new jobs from 2020 to 09/2024, i.e. 2,277 a year on average over the five
  years 2020-2024 (11,386 ÷ 5 = 2,277.2), 677 above the yearly target, so the target
  was 1,600;
* an average fall of the poverty rate of 1.17 percentage points a year against the
  province's 1.15-1.56 range ("đạt chỉ tiêu"); the synthetic reviews are the end-2021
  and end-2023 reviews of 10,000 households, both under Decree 07/2021 so the series
  does not break;
* 2022: 4 job-exchange sessions in 4 communes, 600 attendees; 2023: one district job
  fair (800) and 3 sessions (above 300), and 15 outreach conferences.

Class sizes, dates, outcome mix, household count and per-session attendance are
invented; only the totals above come from the article.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from math import floor

from vnlabor.kpi import (
    KpiResult,
    KpiUnit,
    Target,
    agricultural_training_share,
    counselling_conferences,
    job_exchange_attendance,
    job_exchange_sessions,
    new_jobs,
    poverty_rate,
    poverty_rate_reduction,
    share_employed_after_training,
)
from vnlabor.kpi.date_range import DateRange
from vnlabor.l10n import format_number, format_percent
from vnlabor.model.counselling import CounsellingConference, CounsellingTopic
from vnlabor.model.course import Course, CourseLevel, TrainingField
from vnlabor.model.enrolment import Enrolment
from vnlabor.model.job_fair import JobFairKind, JobFairSession
from vnlabor.model.new_job import NewJob
from vnlabor.model.period import ReportingPeriod
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.training_outcome import EmploymentOutcome, TrainingOutcome

PROVINCE = "19"  # Thái Nguyên (code before the 2025 merger)
DISTRICT = "Phú Lương"
STANDARD = "07/2021/NĐ-CP"


def build_courses() -> list[tuple[Course, int]]:
    """173 classes of 33 or 34 trainees; 125 agricultural classes hold 4,217 of them."""
    sizes = [34] * 107 + [33] * 66  # 5,816 trainees
    agricultural = set(range(92)) | set(range(107, 140))  # 92×34 + 33×33 = 4,217
    courses = []
    for i, size in enumerate(sizes):
        start = date(2020 + i % 5, 3 + i % 8, 1)
        course = Course(
            level=CourseLevel.UNDER_3_MONTHS,
            cost=0,  # not published, not used here
            field=TrainingField.AGRICULTURAL
            if i in agricultural
            else TrainingField.NON_AGRICULTURAL,
            course_id=f"PL-{i + 1:03d}",
            start=start,
            end=start + timedelta(days=45),
            province_code=PROVINCE,
        )
        courses.append((course, size))
    return courses


def build_trainees() -> tuple[list[Enrolment], list[TrainingOutcome]]:
    """5,816 enrolments and their follow-ups (4,973 employed after training)."""
    enrolments: list[Enrolment] = []
    for course, size in build_courses():
        enrolments += [
            Enrolment(
                trainee_id=f"PL-T{len(enrolments) + k:05d}",
                course=course,
                enrolled_on=course.start or date(2020, 1, 1),
                province_code=PROVINCE,
                district=DISTRICT,
            )
            for k in range(size)
        ]
    mix = (
        [EmploymentOutcome.NEW_JOB] * 2_100
        + [EmploymentOutcome.HIGHER_PRODUCTIVITY_OR_INCOME] * 1_873
        + [EmploymentOutcome.SELF_EMPLOYED] * 1_000
        + [EmploymentOutcome.NOT_EMPLOYED] * 843
    )
    outcomes = [
        TrainingOutcome(
            trainee_id=e.trainee_id,
            course_id=e.course_id,
            completed=True,
            certified=True,
            employment=employment,
            known_on=e.enrolled_on + timedelta(days=180),
        )
        for e, employment in zip(enrolments, mix, strict=True)
    ]
    return enrolments, outcomes


def build_new_jobs() -> list[NewJob]:
    """11,386 workers given new jobs, January 2020 to September 2024."""
    per_year = {2020: 2_300, 2021: 2_350, 2022: 2_400, 2023: 2_450, 2024: 1_886}
    jobs = []
    for year, count in per_year.items():
        months = 9 if year == 2024 else 12
        jobs += [
            NewJob(
                worker_id=f"PL-J{year}-{i:04d}",
                started_on=date(year, 1 + i % months, 1 + i % 28),
                province_code=PROVINCE,
                district=DISTRICT,
            )
            for i in range(count)
        ]
    return jobs


def build_reviews() -> tuple[list[PovertyStatus], list[PovertyStatus]]:
    """End-2021 and end-2023 review results for 10,000 households (750 → 516 poor)."""

    def review(poor: int) -> list[PovertyStatus]:
        return [PovertyStatus.POOR] * poor + [PovertyStatus.NON_POOR] * (10_000 - poor)

    return review(750), review(516)


def build_sessions() -> tuple[list[JobFairSession], list[CounsellingConference]]:
    """The 2022 and 2023 job-exchange sessions, the 2023 job fair and conferences."""
    sessions = [
        JobFairSession(
            kind=JobFairKind.JOB_EXCHANGE_SESSION,
            held_on=date(2022, 4 + 2 * i, 14),
            place=commune,
            commune=commune,
            district=DISTRICT,
            province_code=PROVINCE,
            attendance=150,
        )
        for i, commune in enumerate(["Yên Ninh", "Yên Trạch", "Phú Đô", "Ôn Lương"])
    ]
    sessions.append(
        JobFairSession(
            kind=JobFairKind.JOB_FAIR,
            held_on=date(2023, 3, 10),
            place="huyện Phú Lương",
            district=DISTRICT,
            province_code=PROVINCE,
            attendance=800,
        )
    )
    sessions += [
        JobFairSession(
            kind=JobFairKind.JOB_EXCHANGE_SESSION,
            held_on=date(2023, 5 + 2 * i, 18),
            place=commune,
            commune=commune,
            district=DISTRICT,
            province_code=PROVINCE,
            attendance=attendance,
        )
        for i, (commune, attendance) in enumerate(
            [("Yên Đổ", 105), ("Phủ Lý", 102), ("Phấn Mễ", 104)]
        )
    ]
    conferences = [
        CounsellingConference(
            held_on=date(2023, 6, 1 + i),
            topic=CounsellingTopic.LABOUR_MARKET_INFORMATION,
            district=DISTRICT,
            province_code=PROVINCE,
        )
        for i in range(15)
    ]
    return sessions, conferences


def figures() -> dict[str, KpiResult]:
    """Every figure of the article, recomputed from the synthetic records."""
    enrolments, outcomes = build_trainees()
    jobs = build_new_jobs()
    before, after = build_reviews()
    sessions, conferences = build_sessions()
    y2022, y2023 = ReportingPeriod.calendar_year(2022), ReportingPeriod.calendar_year(2023)
    exchange = {JobFairKind.JOB_EXCHANGE_SESSION}
    rate_before, rate_after = poverty_rate(before).ratio, poverty_rate(after).ratio
    assert rate_before is not None
    assert rate_after is not None
    return {
        "employed_after_training": share_employed_after_training(enrolments, outcomes),
        "agricultural_share": agricultural_training_share(enrolments),
        "new_jobs_total": new_jobs(
            jobs, period=DateRange(start=date(2020, 1, 1), end=date(2024, 9, 30))
        ),
        "new_jobs_per_year": new_jobs(jobs, years=5, target=Target.count(1_600)),
        "poverty_reduction": poverty_rate_reduction(
            rate_before,
            rate_after,
            years=2,
            standard_before=STANDARD,
            standard_after=STANDARD,
            # The article's wording; "%" of a fall of a rate is percentage points.
            target=Target.parse("giảm từ 1,15 - 1,56%", unit=KpiUnit.PERCENTAGE_POINTS),
        ),
        "sessions_2022": job_exchange_sessions(sessions, period=y2022, kinds=exchange),
        "attendance_2022": job_exchange_attendance(sessions, period=y2022, kinds=exchange),
        "fairs_2023": job_exchange_sessions(sessions, period=y2023, kinds={JobFairKind.JOB_FAIR}),
        "fair_attendance_2023": job_exchange_attendance(
            sessions, period=y2023, kinds={JobFairKind.JOB_FAIR}
        ),
        "sessions_2023": job_exchange_sessions(sessions, period=y2023, kinds=exchange),
        "attendance_2023": job_exchange_attendance(sessions, period=y2023, kinds=exchange),
        "conferences_2023": counselling_conferences(conferences, period=y2023),
    }


def classes() -> int:
    """Number of distinct classes the trainees attended."""
    enrolments, _ = build_trainees()
    return len({e.course_id for e in enrolments})


def _above(value: int, step: int) -> str:
    # "trên 300": the round figure the exact count is above.
    return format_number(value // step * step)


def _above_percent(share: Fraction) -> str:
    # "trên 85%": the whole percent the exact share is above (floored, never rounded up).
    return format_percent(Fraction(floor(share * 100), 100), digits=0)


def report() -> str:
    """The article's figures, worded as the article words them."""
    f = figures()
    employed = f["employed_after_training"].ratio
    agri = f["agricultural_share"].ratio
    per_year = f["new_jobs_per_year"]
    reduction = f["poverty_reduction"]
    assert employed is not None
    assert agri is not None
    assert employed.value is not None
    assert agri.value is not None
    assert per_year.number is not None
    assert per_year.attainment is not None
    assert reduction.number is not None
    attendance_2023 = f["attendance_2023"].value
    assert isinstance(attendance_2023, int)
    # The article writes the fall of the rate with "%": it is percentage points.
    lines = [
        "Huyện Phú Lương (Thái Nguyên) — số liệu tính lại từ bản ghi tổng hợp (mô phỏng)",
        f"- Mở {classes()} lớp dạy nghề cho {format_number(agri.denominator)} lao động, "
        f"tập trung chủ yếu là ngành nông nghiệp (chiếm {format_percent(agri.value)}), "
        f"số có việc làm sau đào tạo nghề đạt trên {_above_percent(employed.value)}"
        f" ({format_number(employed.numerator)}/{format_number(employed.denominator)}"
        f" = {format_percent(employed.value)}).",
        f"- Số lao động được tạo việc làm mới từ năm 2020 đến tháng 9/2024 là "
        f"{format_number(f['new_jobs_total'].count or 0)} người; bình quân hằng năm "
        f"{format_number(per_year.number, digits=0)} lao động, vượt "
        f"{format_number(per_year.attainment.surplus, digits=0)} lao động/năm so với chỉ tiêu "
        f"({format_number(per_year.attainment.planned)}).",
        f"- Giảm tỷ lệ hộ nghèo bình quân hằng năm {format_number(reduction.number, digits=2)}%"
        f" (điểm phần trăm), {'đạt chỉ tiêu' if reduction.met else 'không đạt chỉ tiêu'}"
        f" (1,15 - 1,56%/năm).",
        f"- Năm 2022: {f['sessions_2022'].value:02d} phiên giao dịch việc làm tại 04 xã, thu hút "
        f"{format_number(f['attendance_2022'].count or 0)} lao động tham dự.",
        f"- Năm 2023: {f['fairs_2023'].value:02d} ngày hội việc làm cấp huyện thu hút "
        f"{format_number(f['fair_attendance_2023'].count or 0)} lượt người tham gia; "
        f"{f['sessions_2023'].value:02d} phiên giao dịch việc làm tại 3 xã thu hút trên "
        f"{_above(attendance_2023, 100)} lượt người tham gia; "
        f"{f['conferences_2023'].value} hội nghị tuyên truyền về lao động, việc làm.",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
