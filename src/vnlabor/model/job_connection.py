"""Successful job connection (*kết nối việc làm thành công*).

A connection is successful when the worker, placed through an employment service,
**signs a labour contract**. That is also the unit the 2021-2025 poverty programme
pays for: at most 400,000 VND per worker (Circular 55/2023/TT-BTC Art. 72). A record
therefore exists only once a contract is signed; an introduction that led nowhere is
not a job connection.

References:
    * Circular 55/2023/TT-BTC, Art. 72 (support for successful job connection).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from vnlabor.model.departure import DestinationMarket
from vnlabor.model.record import PersonAttributes, PersonRef, ProgrammeRecord

__all__ = ["JobConnection", "PlacementProvider"]


class PlacementProvider(StrEnum):
    """Who made the placement (Circular 55/2023/TT-BTC Art. 72)."""

    PUBLIC_EMPLOYMENT_SERVICE = "public_employment_service"
    """Trung tâm dịch vụ việc làm (public employment service centre)."""
    PRIVATE_EMPLOYMENT_SERVICE = "private_employment_service"
    """Doanh nghiệp hoạt động dịch vụ việc làm (licensed private agency)."""


class JobConnection(ProgrammeRecord, PersonAttributes):
    """A worker placed in a job with a signed labour contract.

    >>> jc = JobConnection(worker_id="w-3", contract_signed_on=date(2019, 8, 15), abroad="china")
    >>> jc.abroad.value, jc.provider.value
    ('china', 'public_employment_service')
    """

    worker_id: PersonRef
    """Pseudonymous identifier of the worker."""
    contract_signed_on: date
    """Day the labour contract was signed: the day the connection succeeded."""
    provider: PlacementProvider = PlacementProvider.PUBLIC_EMPLOYMENT_SERVICE
    """Public centre or licensed private agency."""
    abroad: DestinationMarket | None = None
    """Where the job is, when outside Vietnam; ``None`` for a job in Vietnam."""

    @property
    def reference_date(self) -> date:
        """The contract date."""
        return self.contract_signed_on
