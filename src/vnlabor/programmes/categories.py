"""Enumerations shared by the support programmes: outcomes, items, units and categories.

Every member has a Vietnamese and an English label in the catalogues
(:func:`vnlabor.l10n.label`). The training categories come with the facts that put a
person in each (:func:`training_categories`) and the cap parameter of each
(:data:`CAP_PARAMETER`), shared by the training rule and the Employment-Law route.

>>> from vnlabor.l10n import label
>>> label(TrainingCategory.NEAR_POOR), label(SupportKind.MEALS, "en")
('người thuộc hộ cận nghèo', 'meals')

References:
    * Quyết định 46/2015/QĐ-TTg, Điều 2 và 4 (training categories).
    * Thông tư 55/2023/TT-BTC, Điều 25, 68, 69, 72 (2021-2025 national target programmes).
    * Nghị định 61/2015/NĐ-CP, Điều 10-11 (groups supported to work abroad; lenders).
    * Luật Việc làm 38/2013/QH13, Điều 20; Thông tư liên tịch 09/2016/TTLT-BLĐTBXH-BTC,
      Điều 3 (the Employment-Law route for working abroad).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex

__all__ = [
    "CAP_PARAMETER",
    "AbroadGroup",
    "EmploymentLawGroup",
    "Lender",
    "Outcome",
    "Programme",
    "SupportKind",
    "SupportUnit",
    "TrainingCategory",
    "training_categories",
]


class Outcome(StrEnum):
    """What a rule decided."""

    ELIGIBLE = "eligible"
    """Đủ điều kiện."""
    NOT_ELIGIBLE = "not_eligible"
    """Không đủ điều kiện."""
    UNDETERMINED = "undetermined"
    """Chưa xác định: facts are missing (the decision names them)."""


class Programme(StrEnum):
    """The support a decision is about (the ``kind`` of the decision)."""

    TRAINING = "training"
    """Hỗ trợ đào tạo trình độ sơ cấp, dưới 03 tháng."""
    ABROAD = "abroad"
    """Hỗ trợ người lao động đi làm việc ở nước ngoài theo hợp đồng."""
    ABROAD_LOAN = "abroad_loan"
    """Vay vốn đi làm việc ở nước ngoài."""
    JOB_CONNECTION = "job_connection"
    """Hỗ trợ kết nối việc làm thành công."""
    COUNSELLOR = "counsellor"
    """Chi phí cho người làm công tác tư vấn, giới thiệu."""
    ABROAD_EMPLOYMENT_LAW = "abroad_employment_law"
    """Hỗ trợ người lao động đi làm việc ở nước ngoài theo Luật Việc làm (Nghị định
    61/2015/NĐ-CP, Thông tư liên tịch 09/2016/TTLT-BLĐTBXH-BTC)."""


class SupportKind(StrEnum):
    """One line of an itemised support amount."""

    TUITION = "tuition"
    """Chi phí đào tạo (học nghề)."""
    MEALS = "meals"
    """Tiền ăn."""
    TRAVEL = "travel"
    """Tiền đi lại."""
    FOREIGN_LANGUAGE = "foreign_language"
    """Học ngoại ngữ."""
    LODGING = "lodging"
    """Tiền ở."""
    PERSONAL_ITEMS = "personal_items"
    """Đồ dùng cá nhân."""
    PASSPORT = "passport"
    """Lệ phí hộ chiếu."""
    VISA = "visa"
    """Lệ phí thị thực."""
    CRIMINAL_RECORD = "criminal_record"
    """Lý lịch tư pháp."""
    HEALTH_CHECK = "health_check"
    """Khám sức khoẻ."""
    LOAN = "loan"
    """Vay vốn (a loan, not a grant)."""
    JOB_CONNECTION = "job_connection"
    """Kết nối việc làm thành công."""
    COUNSELLING = "counselling"
    """Tư vấn, giới thiệu."""
    ORIENTATION = "orientation"
    """Bồi dưỡng kiến thức cần thiết (pre-departure orientation)."""
    SKILL_UPGRADE = "skill_upgrade"
    """Nâng cao trình độ kỹ năng nghề (required by the contract)."""
    LANGUAGE_UPGRADE = "language_upgrade"
    """Nâng cao trình độ ngoại ngữ (required by the contract)."""


class SupportUnit(StrEnum):
    """What a rate is paid per."""

    COURSE = "course"
    """Khoá học."""
    DAY = "day"
    """Ngày."""
    MONTH = "month"
    """Tháng."""
    PERSON = "person"
    """Người."""
    SESSION = "session"
    """Buổi."""
    WORKER = "worker"
    """Người lao động."""


class TrainingCategory(StrEnum):
    """Beneficiary categories of elementary / under-3-month training support.

    Declared in legal order (QĐ 46/2015 Art. 4 points a-đ, then Circular 55/2023 Art. 68),
    which breaks ties between categories with the same cap.
    """

    DISABLED = "disabled"
    """a) Người khuyết tật."""
    POOR_ETHNIC_MINORITY = "poor_ethnic_minority"
    """b) Người thuộc hộ đồng bào dân tộc thiểu số nghèo."""
    POOR_SPECIAL_AREA = "poor_special_area"
    """b) Người thuộc hộ nghèo ở xã, thôn, bản đặc biệt khó khăn."""
    ETHNIC_MINORITY = "ethnic_minority"
    """c) Người dân tộc thiểu số."""
    MERIT = "merit"
    """c) Người thuộc diện được hưởng chính sách ưu đãi người có công với cách mạng."""
    POOR = "poor"
    """c) Người thuộc hộ nghèo."""
    LAND_RECOVERED = "land_recovered"
    """c) Người thuộc hộ bị thu hồi đất nông nghiệp, đất kinh doanh."""
    LAID_OFF_WOMAN = "laid_off_woman"
    """c) Lao động nữ bị mất việc làm."""
    FISHER = "fisher"
    """c) Ngư dân."""
    NEAR_POOR = "near_poor"
    """d) Người thuộc hộ cận nghèo."""
    NEWLY_ESCAPED = "newly_escaped"
    """Người thuộc hộ mới thoát nghèo (Circular 55/2023 Art. 68, from 15/08/2023)."""
    LOW_INCOME = "low_income"
    """Người lao động có thu nhập thấp (Circular 55/2023 Art. 68, from 15/08/2023)."""
    WOMAN = "woman"
    """đ) Phụ nữ."""
    RURAL_WORKER = "rural_worker"
    """đ) Lao động nông thôn."""


class AbroadGroup(StrEnum):
    """Who qualifies for support to work abroad (Circular 55/2023), by article."""

    ART_25_1_A = "art_25_1_a"
    """Điều 25.1.a: ethnic-minority workers, or Kinh workers of poor households, in
    ethnic-minority and mountain areas (NTP 1719)."""
    ART_69_1 = "art_69_1"
    """Điều 69.1: workers of poor households, or ethnic-minority workers, in poor
    districts or extremely difficult coastal, lowland and island communes."""
    ART_25_1_B = "art_25_1_b"
    """Điều 25.1.b: Kinh workers of near-poor households in ethnic-minority and
    mountain areas."""
    ART_69_2 = "art_69_2"
    """Điều 69.2: workers of near-poor or newly-escaped households in those areas."""
    ART_69_3 = "art_69_3"
    """Điều 69.3: other workers living in those areas."""


class EmploymentLawGroup(StrEnum):
    """Who the Employment Law supports to work abroad (Law 38/2013/QH13 Art. 20).

    The same groups as Decree 61/2015/NĐ-CP Art. 10; a worker may be in several.
    """

    ETHNIC_MINORITY = "ethnic_minority"
    """Người dân tộc thiểu số."""
    POOR = "poor"
    """Người thuộc hộ nghèo."""
    NEAR_POOR = "near_poor"
    """Người thuộc hộ cận nghèo."""
    LAND_RECOVERED = "land_recovered"
    """Người thuộc hộ bị thu hồi đất nông nghiệp."""
    MERIT_RELATIVE = "merit_relative"
    """Thân nhân người có công với cách mạng."""


class Lender(StrEnum):
    """Who lends to a worker going abroad (Decree 61/2015 Art. 11)."""

    VBSP = "vbsp"
    """Ngân hàng Chính sách xã hội (Vietnam Bank for Social Policies)."""
    NATIONAL_EMPLOYMENT_FUND = "national_employment_fund"
    """Quỹ quốc gia về việc làm."""


CAP_PARAMETER: dict[TrainingCategory, str] = {
    TrainingCategory.DISABLED: "disabled",
    TrainingCategory.POOR_ETHNIC_MINORITY: "poor_ethnic_minority_or_special_area",
    TrainingCategory.POOR_SPECIAL_AREA: "poor_ethnic_minority_or_special_area",
    TrainingCategory.ETHNIC_MINORITY: "priority_group",
    TrainingCategory.MERIT: "priority_group",
    TrainingCategory.POOR: "priority_group",
    TrainingCategory.LAND_RECOVERED: "priority_group",
    TrainingCategory.LAID_OFF_WOMAN: "priority_group",
    TrainingCategory.FISHER: "priority_group",
    TrainingCategory.NEAR_POOR: "near_poor",
    TrainingCategory.NEWLY_ESCAPED: "newly_escaped_low_income",
    TrainingCategory.LOW_INCOME: "newly_escaped_low_income",
    TrainingCategory.WOMAN: "other_women_rural",
    TrainingCategory.RURAL_WORKER: "other_women_rural",
}
"""Suffix of the cap parameter (``training.cap.<suffix>``) of each category."""


def training_categories(facts: Mapping[str, object]) -> tuple[TrainingCategory, ...]:
    """The categories a person with these (fully known) facts falls in, in legal order.

    >>> [c.value for c in training_categories({"sex": Sex.FEMALE, "disabled": True,
    ...                                       "household_status": PovertyStatus.POOR})]
    ['disabled', 'poor', 'woman']
    """
    poor = facts.get("household_status") is PovertyStatus.POOR
    female = facts.get("sex") is Sex.FEMALE
    holds = {
        TrainingCategory.DISABLED: facts.get("disabled") is True,
        TrainingCategory.POOR_ETHNIC_MINORITY: poor and facts.get("ethnic_minority") is True,
        TrainingCategory.POOR_SPECIAL_AREA: poor and facts.get("special_difficulty_area") is True,
        TrainingCategory.ETHNIC_MINORITY: facts.get("ethnic_minority") is True,
        TrainingCategory.MERIT: facts.get("merit") is True,
        TrainingCategory.POOR: poor,
        TrainingCategory.LAND_RECOVERED: facts.get("land_recovered") is True,
        TrainingCategory.LAID_OFF_WOMAN: female and facts.get("laid_off") is True,
        TrainingCategory.FISHER: facts.get("fisher") is True,
        TrainingCategory.NEAR_POOR: facts.get("household_status") is PovertyStatus.NEAR_POOR,
        TrainingCategory.NEWLY_ESCAPED: facts.get("newly_escaped") is True,
        TrainingCategory.LOW_INCOME: facts.get("low_income") is True,
        TrainingCategory.WOMAN: female,
        TrainingCategory.RURAL_WORKER: facts.get("rural") is True,
    }
    return tuple(c for c, ok in holds.items() if ok)
