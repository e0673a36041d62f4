"""A commune's annual review, from its two survey sheets to its lists, under two standards.

Synthetic data (not real people): the bundled commune `XA` (3,000 households, their
members), recorded on two sheets with Vietnamese headers as the surveyors fill them in:
`households.csv` (area, income, the dwelling's facts) and `members.csv` (each member's
birth date, health insurance, schooling, work…), some facts left blank. The script

1. reads both sheets with `vnlabor.io.read_review` (every bad row reported);
2. assesses every household's indicators and classifies it, under the standard of 2026
   (Decree 07/2021, `on=01/06/2026`) and under the one the late-2026 review applies to
   the 2027 lists (Decree 351/2025, `list_year=2027`), on the batch engine and, to
   check, one household at a time;
3. prints the lists (poor, near-poor), the households to visit again (their status hangs
   on facts not recorded), the poverty and near-poverty rates, the households whose
   status the new standard changes, and one household's explanation.

Needs pandas (`pip install "vnlabor[pandas]"`).
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from typing import Any

import pandas as pd

import vnlabor as vl
import vnlabor.batch
from vnlabor import kpi
from vnlabor.io import read_review

SHEETS = resources.files("vnlabor.sample_data") / "commune"
STANDARDS: dict[str, dict[str, Any]] = {
    "2026": {"on": date(2026, 6, 1)},
    "2027": {"list_year": 2027},
}
P = vl.PovertyStatus


def main() -> None:
    with (
        resources.as_file(SHEETS / "households.csv") as households_csv,
        resources.as_file(SHEETS / "members.csv") as members_csv,
    ):
        # The officer's path: the sheets read row by row, every bad row reported.
        review = read_review(households_csv, members_csv)
        # The analyst's path: the same sheets as two tables, for the batch engine.
        households = pd.read_csv(households_csv, dtype=str, keep_default_na=False)
        members = pd.read_csv(members_csv, dtype=str, keep_default_na=False)
    print(
        f"Xã XA: {len(review.households):,} hộ, "
        f"{sum(len(h.members) for h in review.households):,} thành viên; "
        f"{len(review.errors)} dòng lỗi"
    )
    for error in review.errors:
        print(f"  {error}")

    statuses: dict[str, pd.Series] = {}
    for year, when in STANDARDS.items():
        found = vnlabor.batch.assess_deprivations(households, members, **when)
        table = households[["Mã hộ", "Khu vực", "Thu nhập bình quân đầu người/tháng"]].join(found)
        status = vnlabor.batch.classify(table, **when)
        status.index = households["Mã hộ"]
        statuses[year] = status
        # One household at a time gives the same answers.
        one_by_one = [vl.classify(h, **when).status for h in review.households]
        assert one_by_one == status.tolist()

        standard = vl.classify(review.households[0], **when).standard
        counts = status.value_counts()
        poor = status.index[status == P.POOR].tolist()
        near = status.index[status == P.NEAR_POOR].tolist()
        open_ = status.index[status == P.UNDETERMINED].tolist()
        print(f"\n== {year}: {standard.instrument} ==")
        print(f"danh sách hộ nghèo: {len(poor):,} hộ ({', '.join(poor[:5])}, …)")
        print(f"danh sách hộ cận nghèo: {len(near):,} hộ ({', '.join(near[:5])}, …)")
        print(f"cần rà soát lại (chưa xác định): {len(open_):,} hộ")
        rate = kpi.poverty_rate(status.tolist())
        near_rate = kpi.near_poor_rate(status.tolist())
        print(f"tỷ lệ hộ nghèo: {rate.explain('vi').splitlines()[0]}")
        print(f"tỷ lệ hộ cận nghèo: {near_rate.explain('vi').splitlines()[0]}")
        print(
            "các chỉ số chưa xác định nhiều nhất: "
            + ", ".join(
                f"{name} {int(n):,}"
                for name, n in found.isna().sum().sort_values(ascending=False).head(3).items()
            )
        )
        assert int(counts.get(P.POOR, 0)) == len(poor)

    moved = pd.crosstab(
        statuses["2026"].map(lambda s: s.value).rename("2026"),
        statuses["2027"].map(lambda s: s.value).rename("2027"),
    )
    print("\n== 2026 (hàng) → 2027 (cột) ==")
    print(moved.to_string())

    # One household, explained: why it is where it is, and what the officer must find out.
    first_open = statuses["2027"].index[statuses["2027"] == P.UNDETERMINED][0]
    household = next(h for h in review.households if h.household_id == first_open)
    c = vl.classify(household, list_year=2027)
    print(f"\n== Hộ {first_open}, danh sách năm 2027 ==")
    print(c.explain("vi"))
    assert c.assessment is not None
    print()
    print(c.assessment.explain("vi"))


if __name__ == "__main__":
    main()
