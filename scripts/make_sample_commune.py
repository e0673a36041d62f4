"""Write the synthetic commune's two review sheets (households, members) as CSV.

A made-up rural commune of a few thousand households, surveyed in the review of late
2025: its household sheet (income, dwelling and living conditions) and its members
sheet (one row per person, linked by ``Mã hộ``), both with the Vietnamese headers a
commune's forms use, Vietnamese values (``có``/``không``, ``nông thôn``, dd/mm/yyyy
dates, ``1.500.000`` amounts, ``31,5`` m²) and some facts left blank, as surveyors
leave them. Nobody in it is real. The output is the same for the same seed:

    python scripts/make_sample_commune.py            # writes src/vnlabor/sample_data/commune/
    python scripts/make_sample_commune.py --check    # exits 1 if the files differ from it

The tests run ``--check``, so the committed sheets always match this script.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from datetime import date, timedelta
from pathlib import Path

SEED = 2025
HOUSEHOLDS = 3_000
OUT = Path(__file__).resolve().parents[1] / "src" / "vnlabor" / "sample_data" / "commune"
SURVEYED = date(2025, 9, 1)  # ages in the sheet are meant for the 2026 lists' review
MISSING = 0.03  # share of fact cells a surveyor left blank

HOUSEHOLD_HEADER = [
    "Mã hộ",
    "Khu vực",
    "Mã xã",
    "Thu nhập bình quân đầu người/tháng",
    "Diện tích nhà ở (m²)",
    "Tường bền chắc",
    "Cột bền chắc",
    "Mái bền chắc",
    "Nguồn nước sinh hoạt",
    "Loại nhà tiêu",
    "Xử lý rác thải sinh hoạt",
    "Sử dụng thuê bao điện thoại",
    "Sử dụng internet",
    "Phương tiện tiếp cận thông tin",
    "Nghe được loa truyền thanh xã/thôn",
]
MEMBER_HEADER = [
    "Mã hộ",
    "Mã thành viên",
    "Giới tính",
    "Ngày sinh",
    "Người khuyết tật",
    "Có thẻ bảo hiểm y tế",
    "Đang đi học",
    "Học đúng bậc, cấp học theo độ tuổi",
    "Trình độ giáo dục phổ thông",
    "Trình độ đào tạo",
    "Được chứng nhận đào tạo nghề tại chỗ",
    "Tình trạng việc làm",
    "Có khả năng lao động",
    "Hưởng trợ cấp xã hội hằng tháng",
    "Suy dinh dưỡng thể thấp còi",
    "Suy dinh dưỡng thể nhẹ cân",
]

WATER = [
    ("nước máy", 30),
    ("giếng khoan", 35),
    ("giếng đào được bảo vệ", 12),
    ("giếng đào không được bảo vệ", 6),
    ("nước khe, mó được bảo vệ", 5),
    ("nước khe, mó không được bảo vệ", 4),
    ("nước mưa", 5),
    ("nước sông, suối, ao, hồ", 3),
]
LATRINE = [
    ("tự hoại", 45),
    ("bán tự hoại", 20),
    ("thấm dội nước", 8),
    ("hai ngăn", 5),
    ("hố xí đơn giản", 15),
    ("cầu tõm, cầu cá", 3),
    ("không có nhà tiêu", 4),
]
WASTE = [
    ("được thu gom", 50),
    ("tự xử lý hợp vệ sinh (ủ, chôn lấp)", 20),
    ("đốt", 22),
    ("vứt, đổ ra môi trường", 8),
]
DEVICES = ["tivi", "radio", "máy vi tính", "điện thoại thông minh", "máy tính bảng"]
EDUCATION = [
    ("chưa tốt nghiệp tiểu học", 8),
    ("tốt nghiệp tiểu học", 20),
    ("tốt nghiệp trung học cơ sở", 40),
    ("tốt nghiệp trung học phổ thông", 32),
]
TRAINING = [
    ("không có bằng cấp, chứng chỉ đào tạo", 70),
    ("sơ cấp", 12),
    ("trung cấp", 8),
    ("cao đẳng", 5),
    ("đại học trở lên", 5),
]
WORK = [
    ("tự làm", 50),
    ("làm công ăn lương có hợp đồng lao động", 20),
    ("làm công ăn lương không có hợp đồng lao động", 18),
    ("thất nghiệp", 4),
    ("không tham gia lực lượng lao động", 8),
]


def pick(rng: random.Random, choices: list[tuple[str, int]]) -> str:
    """One of ``choices`` (word, weight), drawn by weight."""
    return rng.choices([c for c, _ in choices], [w for _, w in choices])[0]


def yes_no(value: bool) -> str:
    """A yes/no fact as a surveyor writes it."""
    return "có" if value else "không"


def amount(vnd: int) -> str:
    """An amount with Vietnamese digit grouping (``1.500.000``)."""
    return f"{vnd:,}".replace(",", ".")


def blank_some(rng: random.Random, row: list[str], keep: int) -> list[str]:
    """Leave some fact cells blank (never the first ``keep`` cells: ids, area, income)."""
    return [c if i < keep or rng.random() >= MISSING else "" for i, c in enumerate(row)]


def birth(rng: random.Random, low: int, high: int) -> date:
    """A birth date for an age from ``low`` to ``high`` on the survey date."""
    days = rng.randint(low * 365 + 1, high * 365 + 364)
    return SURVEYED - timedelta(days=days)


def make_members(rng: random.Random, hid: str, poorer: bool) -> list[list[str]]:
    """The members sheet rows of one household (poorer households fare worse)."""
    people: list[tuple[str, date]] = []
    adults = rng.choices([1, 2, 2, 2, 3], k=1)[0]
    for k in range(adults):
        sex = "nam" if k % 2 else "nữ"
        people.append((sex, birth(rng, 22, 58)))
    for _ in range(rng.choices([0, 1, 2, 3, 4], [15, 25, 35, 18, 7])[0]):
        people.append((rng.choice(["nam", "nữ"]), birth(rng, 0, 17)))
    for _ in range(rng.choices([0, 1, 2], [65, 25, 10])[0]):
        people.append((rng.choice(["nam", "nữ"]), birth(rng, 60, 88)))
    rows = []
    for k, (sex, born) in enumerate(people, 1):
        age = SURVEYED.year - born.year - ((SURVEYED.month, SURVEYED.day) < (born.month, born.day))
        disabled = rng.random() < (0.08 if age >= 60 else 0.02)
        insured = rng.random() < (0.80 if poorer else 0.93)
        school = in_level = education = training = otj = work = able = allowance = ""
        stunted = underweight = ""
        if 3 <= age < 18:
            going = rng.random() < (0.88 if poorer else 0.97) or (age < 16 and rng.random() < 0.5)
            school = yes_no(going)
            in_level = yes_no(rng.random() < 0.93) if going else "không"
        elif age < 3:
            school = yes_no(rng.random() < 0.3)
        if age < 16:
            stunted = yes_no(rng.random() < (0.18 if poorer else 0.07))
            underweight = yes_no(rng.random() < (0.12 if poorer else 0.05))
        if age >= 15:
            if age >= 18:
                school = yes_no(age < 25 and rng.random() < 0.15)
            education = pick(rng, EDUCATION[:3] if poorer and rng.random() < 0.5 else EDUCATION)
            training = pick(rng, TRAINING)
            otj = yes_no(rng.random() < 0.05)
            able = yes_no(not disabled and age < 70 and rng.random() < 0.97)
            work = (
                "không tham gia lực lượng lao động"
                if age >= 62 or (age < 18 and school == "có")
                else pick(rng, WORK)
            )
        if age >= 60 or disabled:
            allowance = yes_no(rng.random() < (0.45 if age >= 75 or disabled else 0.1))
        row = [
            hid,
            f"{hid}-{k}",
            sex,
            born.strftime("%d/%m/%Y"),
            yes_no(disabled),
            yes_no(insured),
            school,
            in_level,
            education,
            training,
            otj,
            work,
            able,
            allowance,
            stunted,
            underweight,
        ]
        rows.append(blank_some(rng, row, keep=4))
    return rows


def make_household(rng: random.Random, n: int) -> tuple[list[str], list[list[str]]]:
    """The household sheet row of household ``n`` and its members' rows."""
    hid = f"XA-{n:04d}"
    urban = rng.random() < 0.12
    poorer = rng.random() < 0.22
    income = int(rng.lognormvariate(14.75 if not poorer else 14.15, 0.35)) // 10_000 * 10_000
    members = make_members(rng, hid, poorer)
    size = len(members)
    area = round(rng.uniform(5.0, 25.0) * size + rng.uniform(0, 20), 1)
    devices = [d for d in DEVICES if rng.random() < (0.5 if poorer else 0.75)]
    solid = 0.75 if poorer else 0.95
    row = [
        hid,
        "thành thị" if urban else "nông thôn",
        "XA-01",
        amount(income),
        f"{area:.1f}".replace(".", ","),
        yes_no(rng.random() < solid),
        yes_no(rng.random() < solid),
        yes_no(rng.random() < solid),
        pick(rng, WATER),
        pick(rng, LATRINE),
        pick(rng, WASTE),
        yes_no(rng.random() < 0.97),
        yes_no(rng.random() < (0.6 if poorer else 0.85)),
        "; ".join(devices) or "không có",
        yes_no(rng.random() < 0.8),
    ]
    return blank_some(rng, row, keep=4), members


def sheets(seed: int = SEED, count: int = HOUSEHOLDS) -> tuple[str, str]:
    """The two sheets' text, households then members."""
    rng = random.Random(seed)
    households, members = io.StringIO(), io.StringIO()
    hw, mw = csv.writer(households, lineterminator="\n"), csv.writer(members, lineterminator="\n")
    hw.writerow(HOUSEHOLD_HEADER)
    mw.writerow(MEMBER_HEADER)
    for n in range(1, count + 1):
        row, people = make_household(rng, n)
        hw.writerow(row)
        mw.writerows(people)
    return households.getvalue(), members.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write the two sheets (or, with ``--check``, compare them with the bundled ones)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--out", type=Path, default=OUT, help="folder of the two sheets")
    args = parser.parse_args(argv)
    texts = dict(zip(("households.csv", "members.csv"), sheets(), strict=True))
    if args.check:
        stale = [n for n, t in texts.items() if (args.out / n).read_text("utf-8") != t]
        for name in stale:
            print(f"{args.out / name} differs from the script's output", file=sys.stderr)
        return 1 if stale else 0
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (args.out / name).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
