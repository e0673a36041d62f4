"""What a person does for a living, as the poverty review records it (*tình trạng việc làm*)."""

from __future__ import annotations

from vnlabor.base.model import CodeEnum

__all__ = ["EmploymentSituation"]


class EmploymentSituation(CodeEnum):
    """A person's employment situation in the week the surveyor asks about."""

    WAGE_WITH_CONTRACT = "wage_with_contract"
    """Làm công ăn lương có hợp đồng lao động (wage work under a labour contract)."""
    WAGE_WITHOUT_CONTRACT = "wage_without_contract"
    """Làm công ăn lương không có hợp đồng lao động (wage work without a labour contract)."""
    SELF_EMPLOYED = "self_employed"
    """Tự làm (own-account work, own farm or business, or employer)."""
    UNEMPLOYED = "unemployed"
    """Thất nghiệp: không có việc làm, đang tìm việc và sẵn sàng làm việc (without work,
    looking for work and available for it)."""
    NOT_IN_LABOUR_FORCE = "not_in_labour_force"
    """Không tham gia lực lượng lao động (in school, retired, caring, unable to work…)."""
