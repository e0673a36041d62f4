"""Departure of a worker abroad under contract (*đưa người lao động đi làm việc ở nước ngoài*).

Law 69/2020/QH14 (in force 01/01/2022) governs Vietnamese workers abroad under
contract; its Art. 5 lists the forms of going, including training abroad that covers
technical interns (*thực tập sinh kỹ thuật*, Art. 37). Programme KPIs count only the
workers a programme supported; :attr:`Departure.supported` marks them.

References:
    * Law 69/2020/QH14, Art. 5 and 37 (forms; technical interns).
    * Circular 55/2023/TT-BTC, Art. 25 and 69 (support under the 2021-2025 programmes).
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Self

from pydantic import model_validator

from vnlabor.model.record import PersonAttributes, PersonRef, ProgrammeRecord
from vnlabor.types import VND

__all__ = ["Departure", "DepartureForm", "DestinationMarket"]


class DestinationMarket(StrEnum):
    """Country or territory where the worker goes to work."""

    JAPAN = "japan"
    """Nhật Bản."""
    TAIWAN = "taiwan"
    """Đài Loan (Trung Quốc)."""
    KOREA = "korea"
    """Hàn Quốc."""
    CHINA = "china"
    """Trung Quốc (e.g. cross-border work under provincial cooperation mechanisms)."""
    OTHER = "other"
    """Thị trường khác."""


class DepartureForm(StrEnum):
    """Form under which the worker goes (Law 69/2020/QH14 Art. 5; grouping is vnlabor's)."""

    CONTRACT_WORKER = "contract_worker"
    """Lao động theo hợp đồng qua doanh nghiệp dịch vụ hoặc đơn vị sự nghiệp."""
    TECHNICAL_INTERN = "technical_intern"
    """Thực tập sinh kỹ thuật (đi đào tạo, nâng cao trình độ, kỹ năng nghề)."""
    CONTRACTOR_OR_INVESTOR = "contractor_or_investor"
    """Qua doanh nghiệp trúng thầu, nhận thầu hoặc đầu tư ở nước ngoài."""
    DIRECT_CONTRACT = "direct_contract"
    """Hợp đồng lao động do người lao động trực tiếp giao kết."""
    OTHER = "other"
    """Hình thức khác."""


class Departure(ProgrammeRecord, PersonAttributes):
    """One worker leaving to work abroad (*xuất cảnh*).

    >>> d = Departure(worker_id="w-17", market="taiwan", form="contract_worker",
    ...               departed_on=date(2020, 10, 2))
    >>> d.market.value, d.supported
    ('taiwan', False)
    >>> Departure(worker_id="w-18", market="japan", departed_on=date(2020, 10, 2),
    ...           support_amount=10_000_000)
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Departure
    ...
    """

    worker_id: PersonRef
    """Pseudonymous identifier of the worker."""
    market: DestinationMarket
    """Where the worker goes."""
    form: DepartureForm | None = None
    """Contract worker, technical intern, …; ``None`` when not recorded."""
    departed_on: date
    """Day the worker left the country (*ngày xuất cảnh*)."""
    sending_organisation: str | None = None
    """Enterprise or public unit that sent the worker (an organisation, not a person)."""
    supported: bool = False
    """Whether a state programme supported the worker (training, procedures, loans …)."""
    support_amount: VND | None = None
    """Support paid to or for the worker, in VND, when recorded."""
    support_paid_on: date | None = None
    """Day the support was paid; may fall in a later year than the departure."""

    @model_validator(mode="after")
    def _payment_means_supported(self) -> Self:
        if not self.supported and (self.support_amount or self.support_paid_on):
            raise ValueError(
                "có chi trả hỗ trợ nhưng supported=False / support paid but supported=False"
            )
        return self

    @property
    def reference_date(self) -> date:
        """The departure date."""
        return self.departed_on
