"""Deprivation indicators (*chỉ số thiếu hụt dịch vụ xã hội cơ bản*).

The enum is the union of the indicators of every encoded standard; which of them a
standard counts is law data (``law/data/poverty.toml``), not code. An indicator's
string value is its member name in lower case, the column name used in household
tables (``Deprivation.HEALTH_INSURANCE`` → ``health_insurance``).
"""

from __future__ import annotations

from vnlabor.base.model import CodeEnum


class Deprivation(CodeEnum):
    """One basic-social-service deprivation indicator."""

    # Enum's own __hash__ is Python code; the str hash is equivalent (members compare
    # equal to their values) and keeps set operations on indicators fast.
    __hash__ = str.__hash__

    EMPLOYMENT = "employment"
    """Việc làm (Decree 07/2021, Decree 351/2025)."""
    DEPENDANTS = "dependants"
    """Người phụ thuộc trong hộ gia đình (Decree 07/2021, Decree 351/2025)."""
    NUTRITION = "nutrition"
    """Dinh dưỡng (Decree 07/2021, Decree 351/2025)."""
    HEALTH_INSURANCE = "health_insurance"
    """Bảo hiểm y tế (all standards)."""
    HEALTH_SERVICES = "health_services"
    """Tiếp cận các dịch vụ y tế (QĐ 59/2015 only)."""
    ADULT_EDUCATION = "adult_education"
    """Trình độ giáo dục của người lớn (all standards)."""
    CHILD_SCHOOL_ATTENDANCE = "child_school_attendance"
    """Tình trạng đi học của trẻ em (all standards)."""
    HOUSING_QUALITY = "housing_quality"
    """Chất lượng nhà ở (all standards)."""
    HOUSING_AREA = "housing_area"
    """Diện tích nhà ở bình quân đầu người (all standards)."""
    DOMESTIC_WATER = "domestic_water"
    """Nguồn nước sinh hoạt (all standards)."""
    HYGIENIC_LATRINE = "hygienic_latrine"
    """Nhà tiêu / hố xí hợp vệ sinh (all standards)."""
    TELECOM_SERVICES = "telecom_services"
    """Sử dụng dịch vụ viễn thông (QĐ 59/2015, Decree 07/2021)."""
    INFORMATION_ACCESS = "information_access"
    """Phương tiện / tài sản phục vụ tiếp cận thông tin (QĐ 59/2015, Decree 07/2021)."""
    DIGITAL_SERVICES = "digital_services"
    """Sử dụng dịch vụ số, tiếp cận internet (Decree 351/2025; list unconfirmed)."""
    WASTE_TREATMENT = "waste_treatment"
    """Xử lý rác thải sinh hoạt (Decree 351/2025; list unconfirmed)."""
