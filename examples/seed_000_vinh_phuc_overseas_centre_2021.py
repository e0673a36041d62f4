"""Vĩnh Phúc's centre for training workers to work abroad: results 2020, plan 2021.

Source: "Năm 2021, Trung tâm Đào tạo lao động xuất khẩu tỉnh phấn đấu đưa 150 lao động
xuất cảnh", 17/02/2021 (seed article 000).

The records here are **synthetic**: the article publishes aggregates only, so the
script builds made-up learners, counselling contacts, conferences and departures whose
totals match the published figures, then recomputes them with vnlabor:

* 2020: 110 learners trained (language and orientation), more than 12,700 workers
  counselled (12,734 contacts here), 57 departures sent by the centre (to Japan and
  Taiwan), 72 counselling conferences, support paid for 894 cases totalling more than
  9.7 billion VND (894 × 10,890,000 = 9,735,660,000 here). Support is counted by
  payment date: the 894 cases include workers who left in 2019 or through other
  sending enterprises, which is why they outnumber the centre's 57 departures;
* 2021 plan: counsel 10,000, train 200, send 150 abroad, hold 50 conferences.

The 2020 results are then set against the 2021 plan (57 of 150 departures is 38%,
93 short). Dates, markets, forms and amounts per case are invented.
"""

from __future__ import annotations

from datetime import date

from vnlabor.kpi import (
    KpiResult,
    Target,
    counselling_conferences,
    counselling_contacts,
    departures_abroad,
    overseas_support_amount,
    overseas_support_cases,
)
from vnlabor.l10n import format_number, format_percent, format_vnd
from vnlabor.model.counselling import CounsellingConference, CounsellingContact, CounsellingTopic
from vnlabor.model.departure import Departure, DepartureForm, DestinationMarket
from vnlabor.model.enrolment import Enrolment
from vnlabor.model.period import ReportingPeriod

PROVINCE = "26"  # Vĩnh Phúc (code before the 2025 merger)
CENTRE = "Trung tâm Đào tạo lao động xuất khẩu tỉnh Vĩnh Phúc"
Y2020 = ReportingPeriod.calendar_year(2020)
PLAN_2021 = {
    "counselling": Target.count(10_000, text="tư vấn cho 10.000 lượt người lao động"),
    "training": Target.count(
        200, text="liên kết đào tạo ngoại ngữ, giáo dục định hướng cho 200 lao động"
    ),
    "departures": Target.count(150, text="đưa 150 lao động xuất cảnh"),
    "conferences": Target.count(50, text="tổ chức 50 hội nghị, hội thảo tư vấn, tuyên truyền"),
}


def build_learners() -> list[Enrolment]:
    """110 learners in five language and orientation classes of 2020."""
    return [
        Enrolment(
            trainee_id=f"VP-L{i:03d}",
            course=f"VP-GDDH-2020-{i // 22 + 1}",
            enrolled_on=date(2020, 2 + 2 * (i // 22), 3),
            province_code=PROVINCE,
        )
        for i in range(110)
    ]


def build_counselling() -> tuple[list[CounsellingContact], list[CounsellingConference]]:
    """12,734 counselling contacts and 72 conferences in 2020."""
    contacts = [
        CounsellingContact(
            contacted_on=date(2020, 1 + i % 12, 1 + i % 28),
            topic=CounsellingTopic.WORK_ABROAD,
            province_code=PROVINCE,
        )
        for i in range(12_734)
    ]
    conferences = [
        CounsellingConference(
            conference_id=f"VP-HN-{i + 1:02d}",
            held_on=date(2020, 1 + i % 12, 5 + i // 12),
            topic=CounsellingTopic.WORK_ABROAD,
            province_code=PROVINCE,
        )
        for i in range(72)
    ]
    return contacts, conferences


def build_departures() -> list[Departure]:
    """The centre's 57 departures of 2020 and 837 others whose support was paid in 2020."""
    centre = [
        Departure(
            worker_id=f"VP-W{i:03d}",
            market=DestinationMarket.JAPAN if i < 40 else DestinationMarket.TAIWAN,
            form=DepartureForm.TECHNICAL_INTERN if i < 40 else DepartureForm.CONTRACT_WORKER,
            departed_on=date(2020, 1 + i % 12, 10),
            sending_organisation=CENTRE,
            supported=True,
            support_amount=10_890_000,
            support_paid_on=date(2020, 1 + i % 12, 25),
            province_code=PROVINCE,
        )
        for i in range(57)
    ]
    others = [
        Departure(
            worker_id=f"VP-X{i:03d}",
            market=DestinationMarket.JAPAN if i % 3 else DestinationMarket.TAIWAN,
            departed_on=date(2019 + i % 2, 1 + i % 12, 15),
            sending_organisation="doanh nghiệp dịch vụ khác",
            supported=True,
            support_amount=10_890_000,
            support_paid_on=date(2020, 1 + i % 12, 28),
            province_code=PROVINCE,
        )
        for i in range(837)
    ]
    return centre + others


def figures() -> dict[str, KpiResult]:
    """The 2020 results, each set against the matching 2021 plan figure."""
    contacts, conferences = build_counselling()
    departures = build_departures()
    centre = [d for d in departures if d.sending_organisation == CENTRE]
    return {
        "counselling": counselling_contacts(
            contacts, period=Y2020, target=PLAN_2021["counselling"]
        ),
        "departures": departures_abroad(centre, period=Y2020, target=PLAN_2021["departures"]),
        "conferences": counselling_conferences(
            conferences, period=Y2020, target=PLAN_2021["conferences"]
        ),
        "support_cases": overseas_support_cases(departures, period=Y2020),
        "support_amount": overseas_support_amount(departures, period=Y2020),
    }


def learners_trained() -> int:
    """Distinct learners enrolled in 2020 (no named indicator: a plain count)."""
    return len({e.trainee_id for e in build_learners() if Y2020.contains(e.enrolled_on)})


def _above(value: int, step: int) -> int:
    # "hơn 12.700", "trên 9,7 tỷ": the round figure the exact value is above.
    return value // step * step


def report() -> str:
    """The article's figures, worded as the article words them."""
    f = figures()
    counselled = f["counselling"].value
    amount = f["support_amount"].value
    trained = learners_trained()
    assert isinstance(counselled, int)
    assert isinstance(amount, int)
    departures = f["departures"]
    shortfall = departures.attainment
    assert shortfall is not None
    assert shortfall.ratio is not None
    lines = [
        "Trung tâm Đào tạo lao động xuất khẩu tỉnh Vĩnh Phúc — số liệu tính lại từ bản ghi"
        " tổng hợp (mô phỏng)",
        f"Năm 2020: liên kết đào tạo ngoại ngữ, giáo dục định hướng cho {trained} học viên; "
        f"tư vấn cho hơn {format_number(_above(counselled, 100))} lao động; đưa "
        f"{departures.value} lao động xuất cảnh; phối hợp tổ chức {f['conferences'].value} hội "
        f"nghị tư vấn, tuyên truyền; chi trả hỗ trợ {f['support_cases'].value} trường hợp đi "
        f"xuất khẩu lao động với tổng số tiền trên "
        f"{format_vnd(_above(amount, 100_000_000), compact=True)}.",
        "Kế hoạch năm 2021 so với kết quả năm 2020:",
        f"- tư vấn {format_number(PLAN_2021['counselling'].reference)} lượt người "
        f"(năm 2020: {format_number(counselled)});",
        f"- đào tạo {format_number(PLAN_2021['training'].reference)} lao động "
        f"(năm 2020: {trained});",
        f"- đưa {format_number(PLAN_2021['departures'].reference)} lao động xuất cảnh "
        f"(năm 2020: {departures.value}, mới bằng {format_percent(shortfall.ratio, digits=0)} "
        f"kế hoạch, còn thiếu {format_number(shortfall.shortfall)});",
        f"- tổ chức {format_number(PLAN_2021['conferences'].reference)} hội nghị "
        f"(năm 2020: {f['conferences'].value}).",
    ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
