"""What became of a trainee: completion, certificate, and work after the course.

The employment categories follow the definition used for the share employed after
training (*tỷ lệ có việc làm sau học nghề*): a trainee who got a **new job**, or who
**kept the old job with higher productivity or income**, counts as employed. Reports
also count trainees who **set up on their own** (*tự tạo việc làm*); vnlabor keeps that
as a separate category so the indicator can include or exclude it explicitly.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Self

from pydantic import model_validator

from vnlabor.model.record import PersonRef, ProgrammeRecord

__all__ = ["EmploymentOutcome", "TrainingOutcome"]


class EmploymentOutcome(StrEnum):
    """A trainee's work situation after the course."""

    NEW_JOB = "new_job"
    """Có việc làm mới."""
    HIGHER_PRODUCTIVITY_OR_INCOME = "higher_productivity_or_income"
    """Tiếp tục làm nghề cũ nhưng có năng suất, thu nhập cao hơn."""
    SELF_EMPLOYED = "self_employed"
    """Tự tạo việc làm."""
    NOT_EMPLOYED = "not_employed"
    """Chưa có việc làm."""
    UNKNOWN = "unknown"
    """Chưa nắm được tình trạng việc làm (not followed up yet)."""

    def is_employed(self, *, include_self_employed: bool = True) -> bool:
        """Whether this outcome counts as employed after training.

        >>> EmploymentOutcome.SELF_EMPLOYED.is_employed(include_self_employed=False)
        False
        """
        if self is EmploymentOutcome.SELF_EMPLOYED:
            return include_self_employed
        return self in (EmploymentOutcome.NEW_JOB, EmploymentOutcome.HIGHER_PRODUCTIVITY_OR_INCOME)


class TrainingOutcome(ProgrammeRecord):
    """A follow-up of one trainee on one course, as known on ``known_on``.

    A later follow-up of the same trainee and course supersedes an earlier one.

    >>> TrainingOutcome(trainee_id="t-1", completed=False, certified=True,
    ...                 employment="unknown", known_on=date(2024, 1, 5))
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for TrainingOutcome
    ...
    """

    trainee_id: PersonRef
    """Pseudonymous identifier of the trainee."""
    course_id: str | None = None
    """Identifier of the course followed up (``None`` when the trainee had only one)."""
    completed: bool
    """Whether the trainee finished the course (*hoàn thành khoá học*)."""
    certified: bool = False
    """Whether a certificate was issued (*được cấp chứng chỉ*); implies ``completed``."""
    employment: EmploymentOutcome = EmploymentOutcome.UNKNOWN
    """Work situation after the course."""
    known_on: date
    """Day the outcome was recorded (the follow-up date)."""

    @model_validator(mode="after")
    def _certificate_needs_completion(self) -> Self:
        if self.certified and not self.completed:
            raise ValueError(
                "chứng chỉ chỉ cấp cho học viên hoàn thành khoá học / "
                "a certificate implies the course was completed"
            )
        return self

    @property
    def reference_date(self) -> date:
        """The follow-up date."""
        return self.known_on
