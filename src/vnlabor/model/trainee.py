"""A trainee of an elementary or under-3-month course, as the support rules see them.

Fields left ``None`` are *unknown*: a rule that needs one of them returns an
undetermined decision naming it, never a silent "no". The less common groups (merit,
land recovered, laid off, fisher, low income) default to ``False`` ("not recorded as
such"), so a plain record decides on the common facts.

>>> from vnlabor.model.poverty_status import PovertyStatus
>>> t = Trainee(sex=Sex.FEMALE, rural=True, disabled=False, ethnic_minority=False,
...             household_status=PovertyStatus.NEAR_POOR, newly_escaped=False,
...             special_difficulty_area=False)
>>> t.household_status, t.previous_supports
(<PovertyStatus.NEAR_POOR: 'near_poor'>, 0)
"""

from __future__ import annotations

from datetime import date

from vnlabor.base.model import VnlaborModel
from vnlabor.model.poverty_status import ListStatus
from vnlabor.model.sex import Sex
from vnlabor.types import NonNegativeCount

__all__ = ["Trainee"]


class Trainee(VnlaborModel):
    """A person applying for training support (*người học*)."""

    sex: Sex | None = None
    """Nam / nữ (women are a category; the age limit differs by sex)."""
    rural: bool | None = None
    """Rural worker (*lao động nông thôn*)."""
    disabled: bool | None = None
    """Person with a disability (*người khuyết tật*)."""
    ethnic_minority: bool | None = None
    """Ethnic minority (*người dân tộc thiểu số*)."""
    household_status: ListStatus = None
    """Status of the trainee's household on the current list (``UNDETERMINED``: unknown)."""
    newly_escaped: bool | None = None
    """Member of a newly-escaped household (*hộ mới thoát nghèo*): off the poor or
    near-poor list for at most the window of :mod:`vnlabor.poverty.newly_escaped` (36
    months, a credit rule applied by analogy)."""
    special_difficulty_area: bool | None = None
    """Lives in an extremely difficult commune, village or hamlet (*xã, thôn, bản ĐBKK*)."""
    difficult_area: bool | None = False
    """Lives in a difficult commune, village or hamlet (*xã, thôn, bản khó khăn*) that is
    not listed as extremely difficult; with ``special_difficulty_area`` it opens the
    higher travel allowance (QĐ 46/2015 Art. 5.2, TT 152/2016 Art. 7.2.c)."""
    merit: bool | None = False
    """Entitled to policies for people with revolutionary merit (*người có công*)."""
    land_recovered: bool | None = False
    """Household whose farm or business land was recovered (*hộ bị thu hồi đất*)."""
    laid_off: bool | None = False
    """Had a job, lost it and is looking for work (*bị mất việc làm*, certified by the
    commune); counts for women (*lao động nữ bị mất việc làm*)."""
    fisher: bool | None = False
    """Fisherman or fisherwoman (*ngư dân*)."""
    low_income: bool | None = False
    """Low-income worker (*người lao động có thu nhập thấp*: a member of a household
    neither poor nor near-poor with income per capita within Decree 30/2025/NĐ-CP's
    ceiling; a category of Circular 55/2023 Art. 68.1). Rather than set it, give the
    trainee's household to ``training_support(…, household=…)``, which derives it; a
    value set here explicitly that the household contradicts is an error. The default
    ``False`` means "not recorded as such", not a statement."""
    birth_date: date | None = None
    """Date of birth; when given, the working-age limits are checked."""
    previous_supports: NonNegativeCount = 0
    """Times the person was already supported for such a course (0 = never)."""
    lost_job_objectively: bool = False
    """Lost the job obtained after an earlier supported course for objective reasons."""
