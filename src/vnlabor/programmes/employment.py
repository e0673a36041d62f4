"""Sustainable employment (sub-project 3) and counsellors' fees (sub-project 2).

* :func:`job_connection_support`: a job-service provider is paid up to
  ``employment.job_connection.cap`` (400,000 VND) per worker who finds a job with a
  signed labour contract (Circular 55/2023 Art. 72); where the province has issued a
  price for the service, that price is paid instead: it replaces the cap, it is not
  capped by it. Not payable when the unemployment-insurance fund already paid for the
  placement (no double funding). From 31/05/2026 to 31/12/2026 the rule holds for tasks
  of the 2021-2025 programme extended by Circular 60/2026/TT-BTC Art. 21.1 only.
* :func:`counsellor_fees`: people who introduce and advise workers (and their families)
  about working abroad are paid at most ``employment.counsellor.per_session`` per
  session and ``employment.counsellor.per_month`` per month (Art. 69.5; listed here
  with employment as the programme reports do).

>>> from datetime import date
>>> job_connection_support(JobPlacement(contract_signed=True), on=date(2024, 6, 1)).total
400000
>>> job_connection_support(JobPlacement(contract_signed=True, service_price=500_000),
...                        on=date(2024, 6, 1)).total
500000
>>> counsellor_fees(CounsellorMonth(sessions=12, fee_per_session=60_000),
...                 on=date(2024, 6, 1)).total
500000

References:
    * Thông tư 55/2023/TT-BTC ngày 15/8/2023 của Bộ Tài chính, Điều 69 khoản 5 và Điều 72.
    * Thông tư 60/2026/TT-BTC ngày 31/5/2026 của Bộ Tài chính, Điều 20 khoản 2 và Điều 21
      khoản 1 (Circular 55/2023 kept for extended 2021-2025 tasks to 31/12/2026).
    * Quyết định 90/QĐ-TTg ngày 18/01/2022 (Chương trình MTQG giảm nghèo bền vững
      2021-2025, Dự án 4).
"""

from __future__ import annotations

from datetime import date

from vnlabor.base.model import VnlaborModel
from vnlabor.law.book import LawBook
from vnlabor.law.reason import Reason
from vnlabor.programmes.categories import Outcome, SupportKind, SupportUnit
from vnlabor.programmes.decision import CounsellorDecision, JobConnectionDecision, SupportItem
from vnlabor.programmes.rule import Facts, Lookup, Rule
from vnlabor.types import VND, NonNegativeCount

__all__ = ["CounsellorMonth", "JobPlacement", "counsellor_fees", "job_connection_support"]


class JobPlacement(VnlaborModel):
    """A worker placed in a job through an employment service (*kết nối việc làm*)."""

    contract_signed: bool | None = None
    """Whether the worker signed a labour contract (``None`` = unknown)."""
    service_price: VND | None = None
    """Price the province has issued for the job-placement service (*giá dịch vụ do địa
    phương ban hành*), where one exists; it is paid instead of the cap (Circular 55/2023
    Art. 72). ``None``: no provincial price, the cap applies."""
    unemployment_insurance_funded: bool | None = False
    """Whether the unemployment-insurance fund already paid for it."""


class CounsellorMonth(VnlaborModel):
    """One counsellor's sessions in one month (*người làm công tác tư vấn, giới thiệu*)."""

    sessions: NonNegativeCount
    """Sessions held in the month."""
    fee_per_session: VND
    """Fee claimed per session."""


# A signed contract is favourable; a placement the insurance fund already paid is not.
_PLACEMENT = Facts(
    "contract_signed",
    "unemployment_insurance_funded",
    unemployment_insurance_funded=(True, False),
)


def job_connection_support(
    placement: JobPlacement, *, on: date, law: LawBook | None = None
) -> JobConnectionDecision:
    """The payment for one successful job connection on day ``on``.

    Without a provincial service price the provider is paid the cap (400,000 VND); with
    one, the price itself, above or below the cap (Circular 55/2023 Art. 72).

    Raises:
        vnlabor.errors.ParameterNotInForce: ``on`` is outside 15/08/2023-31/12/2026.
    """
    lk = Lookup(law, on)
    cap, cite = lk.amount("employment.job_connection.cap")

    # 1. A signed labour contract, not already paid by the unemployment insurance fund.
    paid, missing, _ = lk.resolve(
        _PLACEMENT,
        _PLACEMENT.of(placement),
        lambda f, _: f["contract_signed"] is True and f["unemployment_insurance_funded"] is False,
    )
    if missing:
        return lk.undetermined(JobConnectionDecision, missing)
    if not paid:
        key = (
            "programmes.reason.no_contract"
            if placement.contract_signed is False
            else "programmes.reason.double_funding"
        )
        return lk.decide(
            JobConnectionDecision, Outcome.NOT_ELIGIBLE, [Reason(key=key, citation=cite)]
        )

    # 2. The cap, or the province's price in its place (above the cap too).
    price = placement.service_price
    if price is None:
        item = SupportItem(
            kind=SupportKind.JOB_CONNECTION,
            amount=cap,
            cap=cap,
            unit=SupportUnit.WORKER,
            parameter="employment.job_connection.cap",
            citation=cite,
        )
        return lk.decide(JobConnectionDecision, Outcome.ELIGIBLE, [], items=(item,))
    item = SupportItem(
        kind=SupportKind.JOB_CONNECTION, amount=price, unit=SupportUnit.WORKER, citation=cite
    )
    reason = Reason(
        key="programmes.reason.service_price",
        values={"price_vnd": price, "cap_vnd": cap},
        citation=cite,
    )
    return lk.decide(JobConnectionDecision, Outcome.ELIGIBLE, [reason], items=(item,))


def counsellor_fees(
    month: CounsellorMonth, *, on: date, law: LawBook | None = None
) -> CounsellorDecision:
    """A counsellor's payable fees for one month: per-session and monthly caps.

    Payable = min(sessions × min(fee, session cap), monthly cap) (Circular 55/2023
    Art. 69.5).

    Raises:
        vnlabor.errors.ParameterNotInForce: ``on`` is outside 15/08/2023-31/12/2026.
    """
    lk = Lookup(law, on)
    per_session, session_cite = lk.amount("employment.counsellor.per_session")
    per_month, month_cite = lk.amount("employment.counsellor.per_month")
    rate = min(month.fee_per_session, per_session)
    claimed = rate * month.sessions
    if claimed > per_month:
        item = SupportItem(
            kind=SupportKind.COUNSELLING,
            amount=per_month,
            cap=per_month,
            actual_cost=claimed,
            unit=SupportUnit.MONTH,
            parameter="employment.counsellor.per_month",
            citation=month_cite,
        )
    else:
        item = SupportItem(
            kind=SupportKind.COUNSELLING,
            amount=claimed,
            unit_rate=rate,
            quantity=month.sessions,
            unit=SupportUnit.SESSION,
            cap=per_session,
            parameter="employment.counsellor.per_session",
            citation=session_cite,
        )
    return lk.decide(CounsellorDecision, Outcome.ELIGIBLE, [], items=(item,))


# The programme shape (vnlabor.programmes.rule), checked by mypy.
_JOB_CONNECTION_SHAPE: Rule[JobPlacement, JobConnectionDecision] = job_connection_support
_COUNSELLOR_SHAPE: Rule[CounsellorMonth, CounsellorDecision] = counsellor_fees
