"""Lạng Sơn's employment service centre: the first 10 months of 2019.

Source: "Lạng Sơn: Đào tạo nghề, giải quyết việc làm, hướng đến mục tiêu giảm nghèo
bền vững", 17/01/2020 (seed article 002).

The records here are **synthetic**: the article publishes aggregates only, so the
script builds made-up counselling contacts, placements and sessions whose totals
match the published figures, then recomputes them with vnlabor over the range
01/01/2019 - 31/10/2019 ("10 tháng năm 2019", not a standard reporting period):

* more than 9,900 counselling contacts (9,947 here);
* jobs for more than 1,000 people (1,024 placements with a signed contract here),
  50% of them in China (under the Lạng Sơn - Sùng Tả cross-border labour mechanism);
* 42 job-exchange sessions, every Thursday at the centre (the 44 Thursdays of the
  range minus the Tết week, 07/02, and 31/10), and 33 mobile sessions in the
  districts and Lạng Sơn city (three in each of the eleven here).

Dates, places and the split of contacts are invented.
"""

from __future__ import annotations

from datetime import date, timedelta
from fractions import Fraction
from math import floor

from vnlabor.kpi import (
    DateRange,
    KpiResult,
    Ratio,
    counselling_contacts,
    job_exchange_sessions,
    successful_job_connections,
)
from vnlabor.l10n import format_number, format_percent
from vnlabor.model.counselling import CounsellingContact
from vnlabor.model.departure import DestinationMarket
from vnlabor.model.job_connection import JobConnection
from vnlabor.model.job_fair import JobFairKind, JobFairSession

PROVINCE = "20"  # Lạng Sơn (unchanged by the 2025 merger)
TEN_MONTHS = DateRange(start=date(2019, 1, 1), end=date(2019, 10, 31))
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


def _thousands_above(value: int) -> str:
    # "trên 9,9 nghìn": thousands with one decimal, floored (the exact count is above it).
    return format_number(Fraction(floor(Fraction(value, 100)), 10)) + " nghìn"


def report() -> str:
    """The article's figures, worded as the article words them."""
    f = figures()
    counselled, placed = f["counselling"].value, f["placements"].value
    assert isinstance(counselled, int)
    assert isinstance(placed, int)
    china = share_in_china().value
    assert china is not None
    return "\n".join(
        [
            "Trung tâm Dịch vụ Việc làm tỉnh Lạng Sơn — số liệu tính lại từ bản ghi tổng hợp"
            " (mô phỏng)",
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
