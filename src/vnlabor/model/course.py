"""Vocational courses: elementary (*sơ cấp*) and short courses under 3 months."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Self

from pydantic import model_validator

from vnlabor.base.model import VnlaborModel
from vnlabor.types import VND, NonNegativeCount, ProvinceCode

__all__ = ["Course", "CourseLevel", "TrainingField"]


class CourseLevel(StrEnum):
    """Training level of a course."""

    ELEMENTARY = "elementary"
    """Trình độ sơ cấp: 3 months to under 1 school year, ≥ 300 hours (Law 74/2014/QH13 Art. 33)."""
    UNDER_3_MONTHS = "under_3_months"
    """Đào tạo dưới 03 tháng (continuing / short training)."""
    INTERMEDIATE = "intermediate"
    """Trình độ trung cấp."""
    COLLEGE = "college"
    """Trình độ cao đẳng."""


class TrainingField(StrEnum):
    """The field programme reports split training by."""

    AGRICULTURAL = "agricultural"
    """Nghề nông nghiệp."""
    NON_AGRICULTURAL = "non_agricultural"
    """Nghề phi nông nghiệp."""


class Course(VnlaborModel):
    """A vocational course (*lớp / khoá đào tạo nghề*).

    >>> Course(level=CourseLevel.UNDER_3_MONTHS, cost=5_000_000, study_days=30).cost
    5000000
    """

    level: CourseLevel
    """Sơ cấp, dưới 3 tháng, …"""
    cost: VND
    """Actual training cost per trainee for the whole course, in VND."""
    study_days: NonNegativeCount = 0
    """Days of actual study (*ngày thực học*): the basis of the meal allowance."""
    field: TrainingField | None = None
    """Agricultural or non-agricultural trade, when known."""
    course_id: str | None = None
    """Caller's identifier for the course."""
    trade: str | None = None
    """Name of the trade taught (*tên nghề*)."""
    start: date | None = None
    """First day of the course."""
    end: date | None = None
    """Last day of the course."""
    province_code: ProvinceCode | None = None
    """Official code of the province where the course is held (as on its start)."""
    large_fishing_vessel: bool | None = False
    """Trains fishers to operate steel-hull or new-material vessels, or in new fishing or
    preservation technology, on vessels of 400 CV or more: paid in full for fishers
    (QĐ 46/2015); ``None`` = not known."""

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise ValueError(
                f"ngày kết thúc {self.end} trước ngày bắt đầu {self.start} / "
                f"end {self.end} is before start {self.start}"
            )
        return self
