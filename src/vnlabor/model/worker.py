"""A worker going abroad under contract, as the support and loan rules see them.

``None`` means *unknown*: a rule that needs the fact returns an undetermined decision
naming it. The rarer facts (land recovered, relative of a person with merit) default to
``False``.

>>> from vnlabor.model.poverty_status import PovertyStatus
>>> w = Worker(ethnic_minority=True, household_status=PovertyStatus.POOR,
...            ethnic_minority_area=True)
>>> w.poor_area is None
True
"""

from __future__ import annotations

from datetime import date

from vnlabor.base.model import VnlaborModel
from vnlabor.model.poverty_status import ListStatus

__all__ = ["Worker"]


class Worker(VnlaborModel):
    """A person going to work abroad under contract (*người lao động đi làm việc ở nước ngoài*)."""

    ethnic_minority: bool | None = None
    """Ethnic minority (*người dân tộc thiểu số*)."""
    household_status: ListStatus = None
    """Status of the worker's household on the current list (``UNDETERMINED``: unknown)."""
    newly_escaped: bool | None = False
    """Member of a newly-escaped household (*hộ mới thoát nghèo*)."""
    ethnic_minority_area: bool | None = None
    """Lives in an ethnic-minority and mountain area (*vùng đồng bào DTTS và miền núi*,
    the area of NTP 1719)."""
    poor_area: bool | None = None
    """Lives in a poor district or an extremely difficult coastal, lowland or island
    commune (*huyện nghèo, xã ĐBKK vùng bãi ngang ven biển và hải đảo*)."""
    special_difficulty_area: bool | None = False
    """Lives in an extremely difficult commune (*xã ĐBKK*): travel from 10 km, and the
    4,000,000 vocational cap for workers of poor households."""
    land_recovered: bool | None = False
    """Household whose farm land was recovered (*hộ bị thu hồi đất nông nghiệp*)."""
    merit_relative: bool | None = False
    """Relative of a person with revolutionary merit (*thân nhân người có công*)."""
    birth_date: date | None = None
    """Date of birth; when given, the minimum age (18, Law 69/2020) is checked."""
