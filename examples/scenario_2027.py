"""The 2027 transition of a commune, and a provincial higher line, with what they cost.

The bundled synthetic commune (3,000 made-up households, not real people;
``vnlabor/sample_data/commune``) is compared between the lists of 2026 (Decree
07/2021/NĐ-CP: 1,500,000 / 2,000,000 đồng per person per month) and of 2027 (Decree
351/2025/NĐ-CP: 2,200,000 / 2,800,000), then under a what-if provincial standard for
2027 (2,500,000 / 3,200,000: a scenario, not law).

What the households sheet alone gives: each household's code, area, commune and income.
Its living-condition columns (water source, latrine…) are facts the review turns into
indicators together with the members sheet, which this example does not do (the
review-sheet readers do), so every household is compared on **income alone**, as
deprived in none of the indicators: the matrix shows what the new lines do, not the new
indicator list. The members sheet gives each household's size (its rows), so costs per
person are known.

Then the whole review: both sheets read together (each household with its members and
dwelling, :func:`vnlabor.datasets.commune_households`), so the households are assessed
on the 2026 and the 2027 indicator lists as well as the lines.

Costs: a training-cost cap from the law data (TT 152/2016/TT-BTC, cited; one trainee per
near-poor household assumed) and a health-insurance contribution share for near-poor members
given by the caller with its source (vnlabor holds no contribution figures).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import date
from importlib import resources

import pandas as pd

from vnlabor import datasets
from vnlabor.law import national
from vnlabor.scenario import Group, Per, Scenario, UnitAmount, compare

COMMUNE = resources.files("vnlabor.sample_data") / "commune"
SHEET_COLUMNS = ["Mã hộ", "Khu vực", "Mã xã", "Thu nhập bình quân đầu người/tháng"]


def _sheet(name: str) -> csv.DictReader[str]:
    return csv.DictReader(io.StringIO((COMMUNE / name).read_text(encoding="utf-8")))


def commune_households() -> pd.DataFrame:
    """The households sheet's code, area, commune and income, and the size from members."""
    rows = [{k: row[k] for k in SHEET_COLUMNS} for row in _sheet("households.csv")]
    sizes = Counter(row["Mã hộ"] for row in _sheet("members.csv"))
    frame = pd.DataFrame(rows, columns=SHEET_COLUMNS)
    frame["size"] = [sizes[code] for code in frame["Mã hộ"]]
    return frame


def unit_amounts(on: date) -> list[UnitAmount]:
    """What one near-poor household's trainee and one near-poor member cost, and why."""
    training = UnitAmount.from_law(
        Group.NEAR_POOR,
        "training.cap.near_poor",
        on=on,
        per=Per.HOUSEHOLD,
        item="đào tạo nghề (1 người/hộ) / vocational training (1 per household)",
    )
    # 4.5% of the base salary 2,340,000 đồng (Decree 73/2024/NĐ-CP) × 12 months =
    # 1,263,600 đồng a year; the state's share for near-poor members taken as 70%.
    # Both are this example's assumptions, not vnlabor's data: check the province's.
    insurance = UnitAmount.share(
        Group.NEAR_POOR,
        1_263_600,
        "0.7",
        per=Per.PERSON,
        item="hỗ trợ đóng BHYT / health-insurance contribution support",
        source="giả định của ví dụ / the example's assumption (4.5% × 2,340,000 × 12; 70%)",
    )
    return [training, insurance]


def main() -> None:
    households = commune_households()

    # 1. The national transition: the lists of 2026 and of 2027.
    transition = compare(households, base=2026, reform=2027)
    print(transition.matrix.to_string())
    print()
    print(transition.explain("vi"))
    print()
    print(transition.costs(unit_amounts(date(2027, 1, 1))).explain("vi"))
    print()
    print(transition.by_area.to_string())

    # 2. A province's own higher line for 2027 (a what-if until its council decides).
    provincial = national().with_changes(
        {"poverty.income_line.rural": 2_500_000, "poverty.income_line.urban": 3_200_000},
        from_=date(2027, 1, 1),
        name={"vi": "Chuẩn tỉnh 2,5 / 3,2 triệu", "en": "Provincial lines 2.5M / 3.2M"},
        note="đề xuất giả định / a hypothetical proposal",
    )
    higher = compare(households, base=2027, reform=Scenario(list_year=2027, law=provincial))
    print()
    print(higher.explain("en"))
    costs = higher.costs(unit_amounts(date(2027, 1, 1)))
    print()
    print(costs.explain("en"))
    print()
    print(costs.to_frame("en").to_string())
    # The households the higher line adds, each with the rule that moved it.
    print()
    print(higher.moved[["household_id", "income", "status_before", "status_after", "causes"]])
    # Every count checks against the sheet itself: incomes between the two lines.
    assert int(transition.matrix.to_numpy().sum()) == len(households)
    assert len(higher.moves) == sum(
        2_200_000 < income <= 2_500_000 if area == "nông thôn" else 2_800_000 < income <= 3_200_000
        for area, income in zip(
            households["Khu vực"],
            households["Thu nhập bình quân đầu người/tháng"].str.replace(".", "").astype(int),
            strict=True,
        )
    )

    # 3. The whole review: each household with its members and dwelling (both sheets,
    # vnlabor.io.read_review), so the 2027 indicator list counts as well as the lines.
    # Households whose facts leave a deciding indicator open are "undetermined": the
    # commune visits them again rather than guessing.
    reviewed = datasets.commune_households()
    review = compare(reviewed, base=2026, reform=2027)
    print()
    print(review.matrix.to_string())
    print()
    print(review.explain("en"))
    assert int(review.matrix.to_numpy().sum()) == len(reviewed)
    # Incomes alone moved nobody to poor: the new indicators and facts did.
    assert "poor" not in set(transition.moved["status_after"])
    assert (review.moved["status_after"] == "poor").any()


if __name__ == "__main__":
    main()
