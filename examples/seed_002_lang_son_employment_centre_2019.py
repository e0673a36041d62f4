"""Lạng Sơn: ten years of jobs and training, and the employment centre's 2019.

Source: "Lạng Sơn: Đào tạo nghề, giải quyết việc làm, hướng đến mục tiêu giảm nghèo
bền vững", 17/01/2020 (seed article 002).

The records here are **synthetic**: the article publishes aggregates only, so the
script builds made-up workers, trainees, counselling contacts, placements and
sessions whose totals match the published figures, then recomputes them with vnlabor.

The province, 01/01/2010 - 30/06/2019 ("từ năm 2010 đến hết tháng 6/2019"):

* new jobs for 135 thousand workers (135,180 here), 80% of them rural workers;
* more than 12.5 thousand workers reached the National Employment Fund (12,530 new
  jobs financed by its loans here) and more than 1.8 thousand went to work abroad
  (1,842 departures here);
* 350 to 500 workers supplied to enterprises every year (one count per full year
  2010-2018 here, checked against the band read from the article's wording).

Training, 2010-2019: 89 thousand trainees at every level (89,040 here), of which 75.5
thousand rural workers at elementary or under-3-month level (75,540), and 13 thousand
in 2019 alone (13,020).

The employment centre, 01/01/2019 - 31/10/2019 ("10 tháng năm 2019", not a standard
reporting period):

* more than 9,900 counselling contacts (9,947 here);
* jobs for more than 1,000 people (1,024 placements with a signed contract here),
  50% of them in China (under the Lạng Sơn - Sùng Tả cross-border labour mechanism);
* 42 job-exchange sessions, every Thursday at the centre (the 44 Thursdays of the
  range minus the Tết week, 07/02, and 31/10), and 33 mobile sessions in the
  districts and Lạng Sơn city (three in each of the eleven here).

Dates, places, levels, markets and the split of contacts are invented; the counts
"here" are chosen to round to the article's figures.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from functools import cache
from math import floor

from vnlabor.kpi import (
    Breakdown,
    DateRange,
    KpiResult,
    Ratio,
    Target,
    breakdown,
    counselling_contacts,
    departures_abroad,
    job_exchange_sessions,
    new_jobs,
    successful_job_connections,
)
from vnlabor.l10n import format_number, format_percent
from vnlabor.model.area import Area
from vnlabor.model.counselling import CounsellingContact
from vnlabor.model.course import Course, CourseLevel
from vnlabor.model.departure import Departure, DestinationMarket
from vnlabor.model.enrolment import Enrolment
from vnlabor.model.job_connection import JobConnection
from vnlabor.model.job_fair import JobFairKind, JobFairSession
from vnlabor.model.new_job import NewJob, NewJobSource
from vnlabor.model.period import ReportingPeriod

PROVINCE = "20"  # Lạng Sơn (unchanged by the 2025 merger)
TEN_MONTHS = DateRange(start=date(2019, 1, 1), end=date(2019, 10, 31))
DECADE = DateRange(start=date(2010, 1, 1), end=date(2019, 6, 30))
TRAINING = ReportingPeriod.plan(2010, 2019)
FULL_YEARS = [ReportingPeriod.calendar_year(y) for y in range(2010, 2019)]
# The article's own wording of the yearly supply, read as a range of counts.
SUPPLY = Target.parse("từ 350-500 lao động mỗi năm")
SHORT_LEVELS = {CourseLevel.ELEMENTARY, CourseLevel.UNDER_3_MONTHS}
PLACES = [
    "Bắc Sơn",
    "Bình Gia",
    "Cao Lộc",
    "Chi Lăng",
    "Đình Lập",
    "Hữu Lũng",
    "Lộc Bình",
    "Tràng Định",
    "Văn Lãng",
    "Văn Quan",
    "thành phố Lạng Sơn",
]
NO_SESSION = {date(2019, 2, 7), date(2019, 10, 31)}  # Tết holiday week; end of the range


@cache
def build_decade_jobs() -> tuple[tuple[NewJob, ...], tuple[Departure, ...]]:
    """135,180 new jobs (4 in 5 rural), 12,530 through the fund, 1,842 departures abroad."""
    markets = [DestinationMarket.JAPAN, DestinationMarket.TAIWAN, DestinationMarket.KOREA]
    jobs, departures = [], []
    for i in range(135_180):
        started = DECADE.start + timedelta(days=i % DECADE.days)
        source = (
            NewJobSource.EMPLOYMENT_LOAN
            if i < 12_530
            else NewJobSource.WORK_ABROAD
            if i < 12_530 + 1_842
            else NewJobSource.OTHER
        )
        job = NewJob(
            worker_id=f"LS-J{i:06d}",
            started_on=started,
            source=source,
            area=Area.URBAN if i % 5 == 0 else Area.RURAL,
            province_code=PROVINCE,
        )
        jobs.append(job)
        if source is NewJobSource.WORK_ABROAD:
            departures.append(
                Departure(
                    worker_id=job.worker_id,
                    market=markets[i % len(markets)],
                    departed_on=started,
                    province_code=PROVINCE,
                )
            )
    return tuple(jobs), tuple(departures)


@cache
def build_supply() -> tuple[JobConnection, ...]:
    """Workers supplied to enterprises, 2010 to June 2019: 350 to 500 a full year."""
    per_year = [350, 380, 420, 455, 500, 470, 440, 410, 395]  # 2010 ... 2018
    supplied = []
    for year, count in [*zip(range(2010, 2019), per_year, strict=True), (2019, 210)]:
        months = 6 if year == 2019 else 12
        supplied += [
            JobConnection(
                worker_id=f"LS-S{year}-{i:03d}",
                contract_signed_on=date(year, 1 + i % months, 1 + i % 28),
                province_code=PROVINCE,
            )
            for i in range(count)
        ]
    return tuple(supplied)


@cache
def build_trainees() -> tuple[Enrolment, ...]:
    """89,040 trainees 2010-2019 (13,020 in 2019); 75,540 rural at elementary/short level."""
    per_year = [8_000, 8_200, 8_300, 8_400, 8_500, 8_600, 8_640, 8_680, 8_700, 13_020]
    levels = [CourseLevel.UNDER_3_MONTHS, CourseLevel.ELEMENTARY]
    longer = [CourseLevel.INTERMEDIATE, CourseLevel.COLLEGE]
    trainees: list[Enrolment] = []
    for year, count in zip(range(2010, 2020), per_year, strict=True):
        courses = {
            level: Course(level=level, cost=0, course_id=f"LS-{year}-{level.value}")
            for level in CourseLevel
        }
        for _ in range(count):
            g = len(trainees)
            # 1,259 of every 1,484 trainees (75,540 of 89,040) are rural, short-course.
            short_rural = g % 1_484 < 1_259
            level = (levels if short_rural else longer)[g % 2]
            trainees.append(
                Enrolment(
                    trainee_id=f"LS-T{g:05d}",
                    course=courses[level],
                    enrolled_on=date(year, 1 + g % 12, 1 + g % 28),
                    area=Area.RURAL if short_rural else None,
                    province_code=PROVINCE,
                )
            )
    return tuple(trainees)


def _is_rural_short(e: Enrolment) -> bool:
    level = None if isinstance(e.course, str) else e.course.level
    return e.area is Area.RURAL and level in SHORT_LEVELS


def decade_figures() -> dict[str, KpiResult]:
    """The province's figures from 2010 to June 2019, recomputed from the records."""
    jobs, departures = build_decade_jobs()
    supply = build_supply()
    results = {
        "new_jobs": new_jobs(jobs, period=DECADE),
        "departures": departures_abroad(departures, period=DECADE),
    }
    for year in FULL_YEARS:
        results[f"supply_{year}"] = successful_job_connections(supply, period=year, target=SUPPLY)
    return results


def rural_share_of_new_jobs() -> Ratio:
    """New jobs of rural workers ÷ all new jobs, 2010 to June 2019."""
    jobs, _ = build_decade_jobs()
    selected = [j for j in jobs if DECADE.contains(j.started_on)]
    return Ratio(
        sum(1 for j in selected if j.area is Area.RURAL),
        len(selected),
        "lao động nông thôn",
        "lao động được giải quyết việc làm mới",
    )


def fund_jobs() -> int:
    """New jobs financed by the National Employment Fund, 2010 to June 2019."""
    jobs, _ = build_decade_jobs()
    return sum(
        1
        for j in jobs
        if j.source is NewJobSource.EMPLOYMENT_LOAN and DECADE.contains(j.started_on)
    )


def training_by_year() -> Breakdown:
    """Trainees per year of 2010-2019; the numerator counts rural short-course trainees."""
    first, last = TRAINING.start, TRAINING.end
    return breakdown(
        (e for e in build_trainees() if first <= e.enrolled_on <= last),
        by="year",
        numerator=_is_rural_short,
        numerator_label="lao động nông thôn học sơ cấp, dưới 3 tháng",
        denominator_label="người học nghề",
    )


def build_contacts() -> list[CounsellingContact]:
    """9,947 counselling contacts between January and October 2019."""
    return [
        CounsellingContact(
            contacted_on=TEN_MONTHS.start + timedelta(days=i % TEN_MONTHS.days),
            province_code=PROVINCE,
        )
        for i in range(9_947)
    ]


def build_connections() -> list[JobConnection]:
    """1,024 placements with a signed contract, half of them in China."""
    return [
        JobConnection(
            worker_id=f"LS-W{i:04d}",
            contract_signed_on=TEN_MONTHS.start + timedelta(days=(7 * i) % TEN_MONTHS.days),
            abroad=DestinationMarket.CHINA if i % 2 else None,
            province_code=PROVINCE,
        )
        for i in range(1_024)
    ]


def build_sessions() -> list[JobFairSession]:
    """Weekly Thursday sessions at the centre and 33 mobile sessions."""
    thursday = date(2019, 1, 3)
    weekly = []
    while TEN_MONTHS.contains(thursday):
        if thursday not in NO_SESSION:
            weekly.append(
                JobFairSession(
                    kind=JobFairKind.JOB_EXCHANGE_SESSION,
                    held_on=thursday,
                    place="Trung tâm Dịch vụ Việc làm tỉnh Lạng Sơn",
                    province_code=PROVINCE,
                )
            )
        thursday += timedelta(weeks=1)
    mobile = [
        JobFairSession(
            kind=JobFairKind.MOBILE_SESSION,
            held_on=date(2019, 3 + i // 5, 5 + 4 * (i % 5)),
            place=PLACES[i % len(PLACES)],
            district=PLACES[i % len(PLACES)],
            province_code=PROVINCE,
        )
        for i in range(33)
    ]
    return weekly + mobile


def figures() -> dict[str, KpiResult]:
    """Every figure of the article, recomputed over the ten months."""
    sessions = build_sessions()
    return {
        "counselling": counselling_contacts(build_contacts(), period=TEN_MONTHS),
        "placements": successful_job_connections(build_connections(), period=TEN_MONTHS),
        "weekly_sessions": job_exchange_sessions(
            sessions, period=TEN_MONTHS, kinds={JobFairKind.JOB_EXCHANGE_SESSION}
        ),
        "mobile_sessions": job_exchange_sessions(
            sessions, period=TEN_MONTHS, kinds={JobFairKind.MOBILE_SESSION}
        ),
    }


def share_in_china() -> Ratio:
    """Placements in China ÷ all placements of the ten months."""
    placements = [c for c in build_connections() if TEN_MONTHS.contains(c.contract_signed_on)]
    return Ratio(
        sum(1 for c in placements if c.abroad is DestinationMarket.CHINA),
        len(placements),
        "làm việc tại Trung Quốc",
        "lao động được giới thiệu việc làm",
    )


def _thousands_above(value: int, decimals: int = 1) -> str:
    # "trên 9,9 nghìn": thousands with one decimal, floored (the exact count is above it).
    scale = 10**decimals
    return format_number(Fraction(floor(Fraction(value * scale, 1_000)), scale)) + " nghìn"


def report() -> str:
    """The article's figures, worded as the article words them."""
    f = figures()
    counselled, placed = f["counselling"].value, f["placements"].value
    assert isinstance(counselled, int)
    assert isinstance(placed, int)
    china = share_in_china().value
    assert china is not None
    decade = decade_figures()
    jobs, departed = decade["new_jobs"].value, decade["departures"].value
    assert isinstance(jobs, int)
    assert isinstance(departed, int)
    rural = rural_share_of_new_jobs().value
    assert rural is not None
    supplied = [decade[f"supply_{year}"] for year in FULL_YEARS]
    counts = [r.value for r in supplied if isinstance(r.value, int)]
    band = "đạt" if all(r.met for r in supplied) else "không đạt"
    training = training_by_year()
    trained_2019 = training[ReportingPeriod.calendar_year(2019)].denominator
    return "\n".join(
        [
            "Tỉnh Lạng Sơn — số liệu tính lại từ bản ghi tổng hợp (mô phỏng)",
            f"Từ năm 2010 đến hết tháng 6/2019, toàn Tỉnh đã giải quyết việc làm mới cho "
            f"{_thousands_above(jobs, 0)} lao động ({format_number(jobs)}), trong đó có tới "
            f"{format_percent(rural, digits=0)} là lao động nông thôn; Lạng Sơn có trên "
            f"{_thousands_above(fund_jobs())} lao động đã được tiếp cận nguồn quỹ quốc gia về "
            f"việc làm; hơn {_thousands_above(departed)} lao động được tạo điều kiện xuất khẩu "
            f"lao động; cung ứng từ {min(counts)}-{max(counts)} lao động mỗi năm cho các "
            f"doanh nghiệp trong và ngoài tỉnh (chỉ tiêu “{SUPPLY.text}”: {band} "
            f"{sum(1 for r in supplied if r.met)}/{len(supplied)} năm).",
            f"Giai đoạn 2010-2019, đào tạo nghề trong toàn tỉnh ở các cấp trình độ đạt "
            f"{_thousands_above(training.total.denominator, 0)} lao động, trong đó đào tạo nghề "
            f"cho lao động nông thôn (trình độ sơ cấp và dưới 3 tháng) đạt "
            f"{_thousands_above(training.total.numerator)} lao động; riêng năm 2019 đạt "
            f"{_thousands_above(trained_2019, 0)} lao động.",
            "Trung tâm Dịch vụ Việc làm tỉnh Lạng Sơn:",
            f"Trong 10 tháng năm 2019 ({TEN_MONTHS}), Trung tâm đã tuyên truyền, tư vấn được "
            f"trên {_thousands_above(counselled)} lượt người ({format_number(counselled)}), "
            f"đem lại việc làm cho trên {_thousands_above(placed)} người "
            f"({format_number(placed)}); trong đó {format_percent(china, digits=0)} số lao "
            f"động làm việc tại Trung Quốc. Đồng thời, Trung tâm đã tổ chức mở "
            f"{f['weekly_sessions'].value} phiên giao dịch việc làm vào thứ 5 hàng tuần và "
            f"{f['mobile_sessions'].value} phiên giao dịch việc làm lưu động tại các huyện và "
            f"thành phố Lạng Sơn.",
        ]
    )


if __name__ == "__main__":
    print(report())
