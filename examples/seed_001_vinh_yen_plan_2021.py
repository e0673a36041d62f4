"""Vĩnh Yên city's 2021 plan: 1,300 jobs, of which 30 abroad.

Source: "Thành phố Vĩnh Yên: Triển khai kế hoạch tạo việc làm trong nước và đưa lao
động thành phố đi làm việc có thời hạn ở nước ngoài năm 2021", 27/04/2021 (seed
article 001).

The article states targets only ("phấn đấu giải quyết việc làm cho 1.300 lao động.
Trong đó, đưa được 30 lao động thành phố đi làm việc có thời hạn ở nước ngoài"), so
this script builds the targets and the milestones an even pace would give at the end
of each quarter (:meth:`ReportingPeriod.elapsed`), and checks the plan against a
**synthetic** set of records that meets it exactly: 1,300 new jobs, 30 of them work
abroad. No result of the city was published; none is invented here beyond that
illustration.

Vĩnh Yên was a city of Vĩnh Phúc province (code 26). Since 01/07/2025 Vĩnh Phúc is part
of Phú Thọ (code 25, Resolution 202/2025/QH15), so the same 2021 records are also
reported on the 34-province map, through the crosswalk (:func:`vnlabor.kpi.by_province`).
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction
from typing import Literal

from vnlabor.geo import province
from vnlabor.kpi import (
    Breakdown,
    KpiResult,
    Target,
    breakdown,
    by_province,
    departures_abroad,
    new_jobs,
    progress,
)
from vnlabor.l10n import format_date, format_number
from vnlabor.model.departure import Departure, DestinationMarket
from vnlabor.model.new_job import NewJob, NewJobSource
from vnlabor.model.period import ReportingPeriod

PROVINCE = "26"  # Vĩnh Phúc (code before the 2025 merger)
YEAR = ReportingPeriod.calendar_year(2021)
JOBS = Target.count(1_300, text="giải quyết việc làm cho 1.300 lao động")
ABROAD = Target.count(30, text="đưa 30 lao động đi làm việc có thời hạn ở nước ngoài")


def quarter_ends() -> list[date]:
    """Last day of each quarter of 2021."""
    return [ReportingPeriod.quarter(2021, q).end for q in range(1, 5)]


def milestones() -> dict[date, Fraction]:
    """Jobs an even pace would have reached by each quarter end (exact)."""
    return {day: progress(0, JOBS.reference, YEAR, on=day).expected for day in quarter_ends()}


def build_plan_met() -> tuple[list[NewJob], list[Departure]]:
    """Synthetic: a year that meets the plan exactly (1,300 jobs, 30 abroad)."""
    departures = [
        Departure(
            worker_id=f"VY-A{i:02d}",
            market=DestinationMarket.JAPAN,
            departed_on=date(2021, 1 + i % 12, 20),
            district="Vĩnh Yên",
            province_code=PROVINCE,
        )
        for i in range(30)
    ]
    jobs = [
        NewJob(
            worker_id=d.worker_id,
            started_on=d.departed_on,
            source=NewJobSource.WORK_ABROAD,
            district="Vĩnh Yên",
            province_code=PROVINCE,
        )
        for d in departures
    ] + [
        NewJob(
            worker_id=f"VY-D{i:04d}",
            started_on=date(2021, 1 + i % 12, 1 + i % 28),
            source=NewJobSource.JOB_CONNECTION,
            district="Vĩnh Yên",
            province_code=PROVINCE,
        )
        for i in range(1_270)
    ]
    return jobs, departures


def figures() -> dict[str, KpiResult]:
    """The plan checked against the synthetic year that meets it."""
    jobs, departures = build_plan_met()
    return {
        "new_jobs": new_jobs(jobs, period=YEAR, target=JOBS),
        "departures": departures_abroad(departures, period=YEAR, target=ABROAD),
    }


def jobs_by_map() -> dict[str, Breakdown]:
    """The synthetic year's jobs by province, on the old (63) and the new (34) map."""
    jobs, _ = build_plan_met()
    abroad = NewJobSource.WORK_ABROAD

    def by(map_: Literal["old", "new"]) -> Breakdown:
        return breakdown(
            jobs,
            by=by_province(map_),
            numerator=lambda j: j.source is abroad,
            numerator_label="đi làm việc ở nước ngoài",
            denominator_label="lao động được giải quyết việc làm",
        )

    return {"old": by("old"), "new": by("new")}


def report() -> str:
    """The plan, its quarterly milestones and the check of an exactly-met year."""
    f = figures()
    lines = [
        "Thành phố Vĩnh Yên — kế hoạch năm 2021",
        f"- Giải quyết việc làm cho {format_number(JOBS.reference)} lao động; trong đó đưa "
        f"{format_number(ABROAD.reference)} lao động đi làm việc có thời hạn ở nước ngoài "
        f"(việc làm trong nước: {format_number(JOBS.reference - ABROAD.reference)}).",
        "- Mốc tiến độ nếu thực hiện đều theo ngày:",
        *(
            f"  đến {format_date(day)}: {format_number(n, digits=0)} lao động"
            for day, n in milestones().items()
        ),
        "- Kiểm tra với bộ bản ghi mô phỏng đạt đúng kế hoạch: "
        f"{format_number(f['new_jobs'].count or 0)} lao động "
        f"({'đạt' if f['new_jobs'].met else 'không đạt'}), "
        f"{f['departures'].value} lao động xuất cảnh "
        f"({'đạt' if f['departures'].met else 'không đạt'}).",
        "- Theo địa giới hành chính (cùng bộ bản ghi):",
    ]
    maps = jobs_by_map()
    for label, map_, on in (
        ("trước 01/7/2025", "old", date(2025, 6, 30)),
        ("từ 01/7/2025", "new", date(2025, 7, 1)),
    ):
        lines += [
            f"  {label}: {province(str(code), on=on).name_vi} (mã {code}): "
            f"{format_number(ratio.denominator)} lao động, trong đó "
            f"{format_number(ratio.numerator)} đi làm việc ở nước ngoài"
            for code, ratio in maps[map_].as_dict().items()
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
