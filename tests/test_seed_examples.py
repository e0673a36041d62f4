"""The seed-article examples run and reproduce the published figures."""

import runpy
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from vnlabor.kpi import PercentagePoints, Ratio, Target
from vnlabor.model.period import ReportingPeriod

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SEEDS = sorted(EXAMPLES.glob("seed_*.py"))


def load(name: str) -> dict[str, Any]:
    return runpy.run_path(str(EXAMPLES / name))


def test_there_is_one_example_per_seed_article() -> None:
    assert [p.name[:8] for p in SEEDS] == [f"seed_{i:03d}" for i in range(5)]


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_example_runs_as_a_script_and_says_its_records_are_synthetic(
    path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    module = runpy.run_path(str(path), run_name="__main__")
    out = capsys.readouterr().out
    assert out.strip()
    doc = module["__doc__"]
    assert "synthetic" in doc.lower()


def test_seed_000_vinh_phuc(capsys: pytest.CaptureFixture[str]) -> None:
    m = load("seed_000_vinh_phuc_overseas_centre_2021.py")
    f = m["figures"]()
    assert m["learners_trained"]() == 110
    assert f["counselling"].value > 12_700
    assert f["departures"].value == 57
    assert f["conferences"].value == 72
    assert f["support_cases"].value == 894
    assert f["support_amount"].value > 9_700_000_000
    a = f["departures"].attainment
    assert a.ratio == Fraction(38, 100)
    assert a.shortfall == 93
    assert f["departures"].met is False
    text = m["report"]()
    for piece in (
        "110 học viên",
        "hơn 12.700 lao động",
        "đưa 57 lao động xuất cảnh",
        "72 hội nghị",
        "894 trường hợp",
        "trên 9,7 tỷ đồng",
        "đưa 150 lao động xuất cảnh",
        "38% kế hoạch, còn thiếu 93",
        "tư vấn 10.000 lượt người",
        "đào tạo 200 lao động",
        "50 hội nghị",
    ):
        assert piece in text, piece


def test_seed_001_vinh_yen_plan() -> None:
    m = load("seed_001_vinh_yen_plan_2021.py")
    # Vĩnh Yên's records are coded 26 (Vĩnh Phúc, 2021); on the 34-unit map they are
    # reported under Phú Thọ, code 25 (Resolution 202/2025/QH15), with the same counts.
    maps = {
        name: {key: (r.numerator, r.denominator) for key, r in b.as_dict().items()}
        for name, b in m["jobs_by_map"]().items()
    }
    assert maps == {"old": {"26": (30, 1_300)}, "new": {"25": (30, 1_300)}}
    f = m["figures"]()
    assert f["new_jobs"].value == 1_300
    assert f["new_jobs"].met is True
    assert f["departures"].value == 30
    assert f["departures"].met is True
    stones = list(m["milestones"]().values())
    assert stones[1] == Fraction(1_300 * 181, 365)
    assert stones[-1] == 1_300
    text = m["report"]()
    assert "1.300 lao động; trong đó đưa 30 lao động" in text
    assert "30/06/2021: 645 lao động" in text
    assert "trước 01/7/2025: Tỉnh Vĩnh Phúc (mã 26): 1.300 lao động" in text
    assert "từ 01/7/2025: Tỉnh Phú Thọ (mã 25): 1.300 lao động" in text


def test_seed_002_lang_son() -> None:
    m = load("seed_002_lang_son_employment_centre_2019.py")
    # 2010 to June 2019: "135 nghìn" new jobs, "80%" rural, "trên 12,5 nghìn" through the
    # employment fund, "hơn 1,8 nghìn" abroad, "từ 350-500 lao động mỗi năm" supplied.
    decade = m["decade_figures"]()
    assert 135_000 <= decade["new_jobs"].value < 136_000
    assert m["rural_share_of_new_jobs"]().value == Fraction(80, 100)
    assert 12_500 < m["fund_jobs"]() < 12_600
    assert 1_800 < decade["departures"].value < 1_900
    supplied = [decade[f"supply_{year}"] for year in range(2010, 2019)]
    assert all(350 <= r.value <= 500 and r.met for r in supplied)
    assert {min(r.value for r in supplied), max(r.value for r in supplied)} == {350, 500}
    # Training 2010-2019: "89 nghìn", of which "75,5 nghìn" rural short courses; "13 nghìn"
    # in 2019.
    training = m["training_by_year"]()
    assert 89_000 <= training.total.denominator < 90_000
    assert 75_500 <= training.total.numerator < 75_600
    assert 13_000 <= training.as_dict()[ReportingPeriod.calendar_year(2019)].denominator < 14_000
    f = m["figures"]()
    assert f["counselling"].value > 9_900
    assert f["placements"].value > 1_000
    assert m["share_in_china"]().value == Fraction(1, 2)
    assert f["weekly_sessions"].value == 42
    assert f["mobile_sessions"].value == 33
    weekly = [s for s in m["build_sessions"]() if s.kind.value == "job_exchange_session"]
    assert {s.held_on.isoweekday() for s in weekly} == {4}  # every Thursday
    text = m["report"]()
    for piece in (
        "giải quyết việc làm mới cho 135 nghìn lao động",
        "có tới 80% là lao động nông thôn",
        "trên 12,5 nghìn lao động đã được tiếp cận nguồn quỹ quốc gia về việc làm",
        "hơn 1,8 nghìn lao động được tạo điều kiện xuất khẩu lao động",
        "cung ứng từ 350-500 lao động mỗi năm",
        "ở các cấp trình độ đạt 89 nghìn lao động",
        "(trình độ sơ cấp và dưới 3 tháng) đạt 75,5 nghìn lao động",
        "riêng năm 2019 đạt 13 nghìn lao động",
        "trên 9,9 nghìn lượt người",
        "trên 1 nghìn người",
        "50% số lao động làm việc tại Trung Quốc",
        "42 phiên giao dịch việc làm vào thứ 5 hàng tuần",
        "33 phiên giao dịch việc làm lưu động",
    ):
        assert piece in text, piece


def test_seed_003_town_plan_strict_target() -> None:
    m = load("seed_003_town_training_plan_2025.py")
    # The target is read from the plan's wording "phấn đấu trên 90% …": strict.
    assert m["TARGET"] == Target.above(0.9, text=m["TARGET"].text)
    assert "trên 90%" in m["TARGET"].text
    r = m["figures"]()["connected"]
    assert r.value == Ratio(216, 240)
    assert r.met is False  # exactly 90% is not "trên 90%"
    assert m["fewest_to_meet"](240) == 217
    assert m["TARGET"].is_met(Ratio(217, 240)) is True
    assert "216/240" in m["report"]()
    assert "chưa đạt" in m["report"]()


def test_seed_004_phu_luong() -> None:
    m = load("seed_004_phu_luong_2024.py")
    f = m["figures"]()
    assert m["classes"]() == 173
    assert f["agricultural_share"].value == Ratio(4_217, 5_816)
    employed = f["employed_after_training"].value
    assert employed.denominator == 5_816
    assert employed.value > Fraction(85, 100)
    assert f["new_jobs_total"].value == 11_386
    per_year = f["new_jobs_per_year"]
    assert per_year.value == Fraction(11_386, 5)
    assert per_year.attainment.planned == 1_600
    assert round(per_year.attainment.surplus) == 677
    reduction = f["poverty_reduction"]
    assert reduction.value == PercentagePoints(Fraction(117, 100))
    assert reduction.met is True
    assert reduction.standard_changed is False
    assert (f["sessions_2022"].value, f["attendance_2022"].value) == (4, 600)
    assert (f["fairs_2023"].value, f["fair_attendance_2023"].value) == (1, 800)
    assert f["sessions_2023"].value == 3
    assert f["attendance_2023"].value > 300
    text = m["report"]()
    for piece in (
        "173 lớp dạy nghề cho 5.816 lao động",
        "chiếm 72,51%",
        "đạt trên 85%",
        "11.386 người",
        "bình quân hằng năm 2.277 lao động, vượt 677 lao động/năm",
        "1,17%",
        "đạt chỉ tiêu",
        "04 phiên giao dịch việc làm tại 04 xã, thu hút 600",
        "01 ngày hội việc làm cấp huyện thu hút 800",
        "03 phiên giao dịch việc làm tại 3 xã thu hút trên 300",
    ):
        assert piece in text, piece
