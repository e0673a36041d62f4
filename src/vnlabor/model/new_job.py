"""A worker given a new job (*lao động được giải quyết việc làm / tạo việc làm mới*).

Provinces and districts set yearly plan targets for new jobs, but no national formula
for counting them was found (domain reference Q13): reports add up placements, work
abroad, loans from the National Employment Fund and more. :attr:`NewJob.source` keeps
the channel so a report can show what it added up.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from vnlabor.model.record import PersonAttributes, PersonRef, ProgrammeRecord

__all__ = ["NewJob", "NewJobSource"]


class NewJobSource(StrEnum):
    """Channel through which the job was created or found."""

    JOB_CONNECTION = "job_connection"
    """Qua tư vấn, giới thiệu, kết nối việc làm."""
    WORK_ABROAD = "work_abroad"
    """Đi làm việc ở nước ngoài theo hợp đồng."""
    EMPLOYMENT_LOAN = "employment_loan"
    """Vay vốn Quỹ quốc gia về việc làm."""
    AFTER_TRAINING = "after_training"
    """Sau đào tạo nghề."""
    OTHER = "other"
    """Kênh khác (doanh nghiệp mới, dự án đầu tư …)."""


class NewJob(ProgrammeRecord, PersonAttributes):
    """One worker given a new job on ``started_on``.

    >>> NewJob(worker_id="w-1", started_on=date(2021, 3, 1), source="work_abroad").source.value
    'work_abroad'
    """

    worker_id: PersonRef
    """Pseudonymous identifier of the worker."""
    started_on: date
    """Day the job started (or the day it was recorded, when the start is unknown)."""
    source: NewJobSource | None = None
    """Channel of the job, when recorded."""

    @property
    def reference_date(self) -> date:
        """The start date."""
        return self.started_on
