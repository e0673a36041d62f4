"""Budget of support for one under-3-month class, itemised as provincial reports do.

A synthetic class (not real people) of 30 rural trainees on a 45-day course costing
3,200,000 VND per trainee, held at the commune's learning centre in May 2024, with the
mix of categories a district report typically lists. Every amount comes from the law
data (QĐ 46/2015/QĐ-TTg, TT 152/2016/TT-BTC, TT 55/2023/TT-BTC) with its citation; the
output is in Vietnamese, with one trainee's decision explained in full.
"""

from datetime import date
from decimal import Decimal

from vnlabor.l10n import format_vnd, label
from vnlabor.model.course import Course, CourseLevel
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex
from vnlabor.model.trainee import Trainee
from vnlabor.programmes import Budget, SupportKind, TrainingDecision, training_support

P = PovertyStatus
ON = date(2024, 5, 6)
course = Course(
    level=CourseLevel.UNDER_3_MONTHS,
    cost=3_200_000,
    study_days=45,
    trade="Kỹ thuật trồng chè",
    start=ON,
    end=date(2024, 7, 19),
)

# (how many, facts, distance from home to the centre in km)
MIX: list[tuple[int, dict[str, object], Decimal]] = [
    (2, {"disabled": True, "sex": Sex.MALE}, Decimal("6.5")),
    (4, {"ethnic_minority": True, "household_status": P.POOR, "sex": Sex.FEMALE}, Decimal("18")),
    (6, {"ethnic_minority": True, "sex": Sex.MALE}, Decimal("12")),
    (5, {"household_status": P.POOR, "sex": Sex.MALE}, Decimal("15")),
    (6, {"household_status": P.NEAR_POOR, "sex": Sex.FEMALE}, Decimal("4")),
    (3, {"newly_escaped": True, "sex": Sex.MALE}, Decimal("16.2")),
    (4, {"sex": Sex.FEMALE}, Decimal("3")),
]
BASE: dict[str, object] = {
    "rural": True,
    "disabled": False,
    "ethnic_minority": False,
    "household_status": P.NON_POOR,
    "newly_escaped": False,
    "special_difficulty_area": False,
}

decisions: list[TrainingDecision] = []
for count, facts, km in MIX:
    trainee = Trainee.model_validate(BASE | facts)
    decisions.extend(training_support(trainee, course, on=ON, distance_km=km) for _ in range(count))
assert len(decisions) == 30

budget = Budget.of(decisions)
print(f"Lớp {course.trade}, {len(decisions)} học viên, khai giảng {ON:%d/%m/%Y}")
print(budget.explain("vi"))
print()
print("Chi tiết theo nhóm đối tượng:")
for line in budget.by_category:
    parts = ", ".join(f"{label(kind)} {format_vnd(amount)}" for kind, amount in line.items.items())
    name = label(line.category) if line.category is not None else "—"
    print(f"  {name}: {line.cases} người, {format_vnd(line.total)} ({parts})")

print()
print("Ví dụ: quyết định hỗ trợ cho một học viên dân tộc thiểu số thuộc hộ nghèo")
print(decisions[2].explain("vi"))

# Exact integers: the grand total is the sum of the items, đồng for đồng.
assert budget.total == sum(budget.items.values()) == sum(d.total for d in decisions)
assert budget.items[SupportKind.TUITION] == 2 * 3_200_000 + 4 * 3_200_000 + 6 * 3_000_000 + (
    5 * 3_000_000 + 6 * 2_500_000 + 3 * 2_500_000 + 4 * 2_000_000
)
