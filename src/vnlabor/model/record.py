"""What every programme record shares: where it happened, when, and who (pseudonymously).

Programme records (enrolments, job-fair sessions, departures …) are what KPIs are
computed from. Each names its place (province code, and the district and commune as
the source wrote them) and has one :attr:`~ProgrammeRecord.reference_date` that
period filters and breakdowns use. The province code must be one that a unit of the
63- or 34-unit map carries (:mod:`vnlabor.geo`); a KPI can then be broken down on
either map (:func:`vnlabor.kpi.by_province`).

Records about a person carry an opaque identifier only: no name, no citizen ID. A
value shaped like a citizen ID (9-digit CMND or 12-digit CCCD, grouped or after
``CCCD``) is refused, and the error never repeats it.

>>> PersonAttributes(sex=Sex.FEMALE).ethnic_minority is None
True
"""

from __future__ import annotations

from datetime import date
from typing import Annotated

from pydantic import AfterValidator
from pydantic_core import PydanticCustomError

from vnlabor.base.masking import citizen_id_digits
from vnlabor.base.model import VnlaborModel
from vnlabor.model.area import Area
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex
from vnlabor.types import ProvinceCode

__all__ = ["PersonAttributes", "PersonRef", "ProgrammeRecord"]


def _opaque(value: str) -> str:
    if not value.strip():
        raise PydanticCustomError(
            "vnlabor.person_ref_empty", "mã người không được để trống / person reference is empty"
        )
    if citizen_id_digits(value) is not None:
        # The value is not echoed: it may be a real citizen ID.
        raise PydanticCustomError(
            "vnlabor.person_ref_citizen_id",
            "mã người có dạng số CMND/CCCD; hãy dùng mã giả danh / "
            "person reference looks like a citizen ID; use a pseudonymous identifier",
        )
    return value


PersonRef = Annotated[str, AfterValidator(_opaque)]
"""An opaque, pseudonymous identifier of a person (never a name or a citizen ID)."""


class ProgrammeRecord(VnlaborModel):
    """Base of programme records: the place fields and the record's reference date.

    District names stay as the source wrote them: districts were abolished on
    01/7/2025 (two-tier local government), so they only appear in older records.
    """

    province_code: ProvinceCode | None = None
    """Official code of the province (as it stood on the record's date)."""
    district: str | None = None
    """District (*huyện*) name, for records dated before 01/7/2025."""
    commune: str | None = None
    """Commune, ward or town (*xã, phường, thị trấn*) name."""

    @property
    def reference_date(self) -> date:
        """The date that places the record in a reporting period."""
        raise NotImplementedError(f"{type(self).__name__} does not define reference_date")


class PersonAttributes(VnlaborModel):
    """The person characteristics programme reports break results down by.

    Every field may be ``None`` (not recorded); breakdowns put such records in an
    explicit "unknown" group instead of dropping them.
    """

    sex: Sex | None = None
    """Giới tính."""
    ethnic_minority: bool | None = None
    """Whether the person belongs to an ethnic minority (*người dân tộc thiểu số*)."""
    area: Area | None = None
    """Rural or urban residence."""
    household_status: PovertyStatus | None = None
    """Status of the person's household on the poverty lists, when known."""
