"""Job-exchange sessions and job fairs (*phiên giao dịch việc làm, ngày hội việc làm*).

Employment service centres hold these to bring workers and employers together;
Circular 55/2023/TT-BTC Art. 71 funds them under sub-project 3 of the 2021-2025
poverty programme. Reports count sessions and attendance (*lượt người*: visits, so one
person at two sessions counts twice).

Only the invariants that always hold are enforced: counts are whole and non-negative,
and a session that offered vacancies or hired anyone had at least one employer (when
the employer count is recorded). Hires are **not** capped by attendance, because
sessions also connect remote candidates online (Thái Nguyên's job-exchange floor links
up with other northern provinces), nor by vacancies, since what reports call hires is
often a pre-selection (*sơ tuyển*) that can exceed the posted vacancies.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Self

from pydantic import model_validator

from vnlabor.model.record import ProgrammeRecord
from vnlabor.types import NonNegativeCount

__all__ = ["JobFairKind", "JobFairSession"]


class JobFairKind(StrEnum):
    """Kind of job-exchange event, as reports list them separately."""

    JOB_EXCHANGE_SESSION = "job_exchange_session"
    """Phiên giao dịch việc làm (regular session, e.g. every Thursday at the centre)."""
    MOBILE_SESSION = "mobile_session"
    """Phiên giao dịch việc làm lưu động (held in a district or commune)."""
    JOB_FAIR = "job_fair"
    """Ngày hội việc làm / hội chợ việc làm."""
    RECRUITMENT_CONFERENCE = "recruitment_conference"
    """Hội nghị tuyển dụng lao động."""


class JobFairSession(ProgrammeRecord):
    """One job-exchange session or job fair.

    >>> s = JobFairSession(kind="job_exchange_session", held_on=date(2022, 5, 12),
    ...                    place="Yên Ninh", attendance=150)
    >>> s.kind.value, s.hires is None
    ('job_exchange_session', True)
    >>> JobFairSession(kind="job_fair", held_on=date(2023, 4, 1), employers=0, vacancies=30)
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for JobFairSession
    ...
    """

    kind: JobFairKind
    """Regular or mobile session, job fair or recruitment conference."""
    held_on: date
    """Day of the session (first day for a multi-day fair)."""
    place: str | None = None
    """Where it was held (commune, centre, online floor)."""
    attendance: NonNegativeCount | None = None
    """Visits by workers (*lượt người tham gia*); ``None`` when not recorded."""
    employers: NonNegativeCount | None = None
    """Employers taking part (*doanh nghiệp tham gia*)."""
    vacancies: NonNegativeCount | None = None
    """Vacancies offered (*chỉ tiêu tuyển dụng*)."""
    hires: NonNegativeCount | None = None
    """Workers hired or pre-selected at the session (*số lao động được tuyển / sơ tuyển*)."""

    @model_validator(mode="after")
    def _employers_behind_jobs(self) -> Self:
        if self.employers == 0 and (self.vacancies or self.hires):
            raise ValueError(
                "có vị trí tuyển dụng hoặc người được tuyển nhưng không có doanh nghiệp / "
                "vacancies or hires recorded with zero employers"
            )
        return self

    @property
    def reference_date(self) -> date:
        """The session date."""
        return self.held_on
