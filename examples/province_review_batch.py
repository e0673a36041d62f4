"""An analyst's workflow on the batch engine: two annual reviews of a province's households.

Synthetic data (not real people): 60,000 households in three provinces as they were
coded before the 2025 merger (Vĩnh Phúc 26, Phú Thọ 25, Thái Nguyên 19), reviewed for the
2024 and 2025 lists. The script classifies every household of each review at once with
`vnlabor.batch.classify`, reports poverty rates by the post-2025 provinces (Vĩnh Phúc
joined Phú Thọ), and sets the fall of the rate against the national target of the plan
period (`official_target`), explained in Vietnamese as a report would write it.

Needs pandas (`pip install "vnlabor[pandas]"`).
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

import vnlabor as vl
import vnlabor.batch
from vnlabor import kpi
from vnlabor.geo import province, successor
from vnlabor.l10n import format_percent

HOUSEHOLDS = 60_000
OLD_PROVINCES = ["26", "25", "19"]
OLD_MAP = date(2025, 6, 30)  # the last day of the 63 provinces
INDICATORS = [d.value for d in vl.Deprivation][:13]  # those of Decree 07/2021 and QĐ 59


def review(rng: np.random.Generator, growth: float) -> pd.DataFrame:
    """One review's household table: incomes grow by ``growth`` from the base draw."""
    base = rng.lognormal(mean=np.log(2_600_000), sigma=0.55, size=HOUSEHOLDS)
    frame = pd.DataFrame(
        {
            "household_id": [f"H{i:06d}" for i in range(HOUSEHOLDS)],
            "province_code": rng.choice(OLD_PROVINCES, size=HOUSEHOLDS, p=[0.3, 0.35, 0.35]),
            "area": rng.choice(["rural", "urban"], size=HOUSEHOLDS, p=[0.7, 0.3]),
            "monthly_income_per_capita": (base * growth).round().astype("int64"),
        }
    )
    for name in INDICATORS:
        frame[name] = rng.random(HOUSEHOLDS) < 0.12
    return frame


def rate(statuses: pd.Series) -> kpi.Ratio:
    return kpi.Ratio(int((statuses == vl.PovertyStatus.POOR).sum()), len(statuses))


def shown(ratio: kpi.Ratio) -> str:
    return "—" if ratio.value is None else format_percent(ratio.value)


def listing(rates: pd.Series) -> str:
    return "; ".join(f"{name} {shown(r)}" for name, r in rates.items())


def main() -> None:
    before = review(np.random.default_rng(2023), growth=1.0)  # review of late 2023
    after = review(np.random.default_rng(2023), growth=1.06)  # same households, +6% income

    rates = {}
    for list_year, frame in ((2024, before), (2025, after)):
        statuses = vnlabor.batch.classify(frame, list_year=list_year)
        rates[list_year] = rate(statuses)
        old_map = frame["province_code"].map(lambda c: province(c, on=OLD_MAP).short_name_vi)
        new_map = frame["province_code"].map(lambda c: successor(c).short_name_vi)
        by_old, by_new = (statuses.groupby(names).apply(rate) for names in (old_map, new_map))
        print(f"Danh sách năm {list_year}: tỷ lệ hộ nghèo {shown(rates[list_year])}")
        print(f"  theo 63 tỉnh cũ: {listing(by_old)}")
        print(f"  theo 34 tỉnh mới: {listing(by_new)}")

    standard = vl.standard_for_list_year(2025).instrument
    target = kpi.official_target("poverty_rate_reduction", on=date(2025, 12, 31))
    assert target is not None
    fall = kpi.poverty_rate_reduction(
        rates[2024],
        rates[2025],
        standard_before=vl.standard_for_list_year(2024).instrument,
        standard_after=standard,
        target=target.target,
    )
    print()
    print(fall.explain())


if __name__ == "__main__":
    main()
