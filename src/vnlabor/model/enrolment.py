"""Enrolment of a trainee on a vocational course (*học viên tham gia lớp đào tạo nghề*)."""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import model_validator

from vnlabor.model.course import Course, TrainingField
from vnlabor.model.record import PersonAttributes, PersonRef, ProgrammeRecord

__all__ = ["Enrolment"]


class Enrolment(ProgrammeRecord, PersonAttributes):
    """One trainee enrolled on one course: the unit "số người học nghề" counts.

    The course is either its identifier or the :class:`Course` itself; embedding the
    course gives the training field, which the share of agricultural training needs.

    >>> course = Course(level="under_3_months", cost=3_000_000, field="agricultural",
    ...                 course_id="PL-2023-01")
    >>> e = Enrolment(trainee_id="t-0001", course=course, enrolled_on=date(2023, 3, 6))
    >>> e.course_id, e.field
    ('PL-2023-01', <TrainingField.AGRICULTURAL: 'agricultural'>)
    >>> Enrolment(trainee_id="t-0002", course="PL-2023-01", enrolled_on=date(2023, 3, 6)).field
    """

    trainee_id: PersonRef
    """Pseudonymous identifier of the trainee."""
    course: Course | str
    """The course, or its identifier."""
    enrolled_on: date
    """Day the trainee joined the course."""

    @model_validator(mode="after")
    def _not_after_course_end(self) -> Self:
        # Joining a few days late is common; joining after the last day is a data error.
        if (
            isinstance(self.course, Course)
            and self.course.end
            and self.enrolled_on > self.course.end
        ):
            raise ValueError(
                f"ngày nhập học {self.enrolled_on} sau ngày kết thúc khoá {self.course.end} / "
                f"enrolled on {self.enrolled_on}, after the course ended on {self.course.end}"
            )
        return self

    @property
    def course_id(self) -> str | None:
        """Identifier of the course (``None`` for an embedded course without one)."""
        return self.course if isinstance(self.course, str) else self.course.course_id

    @property
    def field(self) -> TrainingField | None:
        """Agricultural or non-agricultural, when the embedded course says so."""
        return None if isinstance(self.course, str) else self.course.field

    @property
    def reference_date(self) -> date:
        """The enrolment date."""
        return self.enrolled_on
