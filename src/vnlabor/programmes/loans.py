"""Preferential loans for workers going abroad under contract (*vay vốn ưu đãi*).

:func:`abroad_loan` applies Decree 61/2015/NĐ-CP Art. 11 and its loan terms as amended by
Decree 74/2019/NĐ-CP Art. 1 (from 08/11/2019):

* **Who lends**: the Vietnam Bank for Social Policies (VBSP) to workers of poor
  households, of households whose land was recovered, and ethnic-minority workers
  (``abroad.loan.vbsp_groups``); the National Employment Fund to workers of near-poor
  households and relatives of people with revolutionary merit
  (``abroad.loan.nef_groups``).
* **How much**: at most ``abroad.loan.max_percent`` (100 %) of the costs in the contract
  with the sending enterprise, rounded down to the whole đồng.
* **Collateral**: required for a loan of ``abroad.loan.collateral_from``
  (100,000,000 VND) or more.

Confirmed to 31/12/2025; from 01/01/2026 probable only (the Law on Employment
74/2025/QH15 and Decree 338/2025/NĐ-CP may have replaced these rules), which the
decisions flag. A loan is not a grant: keep loan decisions out of grant budgets.

>>> from datetime import date
>>> from vnlabor.model.poverty_status import PovertyStatus
>>> from vnlabor.model.worker import Worker
>>> w = Worker(ethnic_minority=True, household_status=PovertyStatus.POOR)
>>> loan = abroad_loan(w, 120_000_000, on=date(2024, 3, 1))
>>> loan.lender, loan.max_loan, loan.collateral_required
(<Lender.VBSP: 'vbsp'>, 120000000, True)

References:
    * Nghị định 61/2015/NĐ-CP ngày 09/7/2015 của Chính phủ, Điều 11.
    * Nghị định 74/2019/NĐ-CP ngày 23/9/2019 của Chính phủ, Điều 1 (sửa đổi Nghị định
      61/2015/NĐ-CP).
    * Luật Việc làm 74/2025/QH15 and Nghị định 338/2025/NĐ-CP (from 01/01/2026, which may
      have replaced these rules: P).
"""

from __future__ import annotations

from datetime import date

from vnlabor.law.book import LawBook
from vnlabor.law.reason import Reason
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.worker import Worker
from vnlabor.programmes.categories import Lender, Outcome, SupportKind, SupportUnit
from vnlabor.programmes.decision import LoanDecision, SupportItem
from vnlabor.programmes.rule import ClaimRule, Facts, Lookup

__all__ = ["abroad_loan"]

_FACTS = Facts(
    "household_status",
    "land_recovered",
    "ethnic_minority",
    "merit_relative",
    household_status=(PovertyStatus.NON_POOR, PovertyStatus.POOR),
)
_GROUPS = {
    Lender.VBSP: "abroad.loan.vbsp_groups",
    Lender.NATIONAL_EMPLOYMENT_FUND: "abroad.loan.nef_groups",
}


def abroad_loan(
    worker: Worker,
    contract_costs: int,
    *,
    on: date,
    law: LawBook | None = None,
) -> LoanDecision:
    """The preferential loan ``worker`` may take for ``contract_costs`` (VND) on ``on``.

    Args:
        worker: The worker; ``None`` fields are unknown.
        contract_costs: Costs in the contract with the sending enterprise, whole đồng.
        on: Day whose law applies (from 08/11/2019).
        law: Law book to apply; national by default.

    Returns:
        A :class:`~vnlabor.programmes.decision.LoanDecision` whose single ``LOAN`` item
        is the largest loan allowed (a loan, not a grant: keep it out of grant budgets).

    Raises:
        ValueError: ``contract_costs`` is negative or not a whole number of đồng.
    """
    _check_costs(contract_costs)
    lk = Lookup(law, on)

    # 1. Who lends (Decree 61/2015 Art. 11): the first lender whose groups hold the worker.
    groups = {lender: lk.codes(name) for lender, name in _GROUPS.items()}
    lender, missing, _ = lk.resolve(
        _FACTS, _FACTS.of(worker), lambda facts, _: _lender(facts, groups)
    )
    listed = lk.at(_GROUPS[Lender.VBSP])
    if missing:
        return lk.undetermined(LoanDecision, missing)
    if lender is None:
        return lk.decide(
            LoanDecision,
            Outcome.NOT_ELIGIBLE,
            [Reason(key="programmes.reason.no_lender", citation=listed.citation)],
        )

    # 2. How much, and whether collateral is needed (Decree 74/2019 Art. 1).
    percent, cite = lk.amount("abroad.loan.max_percent")
    max_loan = contract_costs * percent // 100  # rounded down: never above the share
    threshold, threshold_cite = lk.amount("abroad.loan.collateral_from")
    collateral = max_loan >= threshold
    reasons = [
        Reason(
            key="programmes.reason.lender",
            values={"lender": lender, "amount_vnd": max_loan, "percent": percent},
            citation=lk.at(_GROUPS[lender]).citation,
        ),
        Reason(
            key="programmes.reason.collateral" if collateral else "programmes.reason.no_collateral",
            values={"amount_vnd": max_loan, "threshold_vnd": threshold},
            citation=threshold_cite,
        ),
    ]
    loan = SupportItem(
        kind=SupportKind.LOAN,
        amount=max_loan,
        cap=max_loan,
        actual_cost=contract_costs,
        unit=SupportUnit.WORKER,
        parameter="abroad.loan.max_percent",
        citation=cite,
    )
    return lk.decide(
        LoanDecision,
        Outcome.ELIGIBLE,
        reasons,
        lender=lender,
        collateral_required=collateral,
        items=(loan,),
    )


def _check_costs(contract_costs: object) -> None:
    if (
        isinstance(contract_costs, bool)
        or not isinstance(contract_costs, int)
        or contract_costs < 0
    ):
        raise ValueError(
            "contract_costs phải là số đồng nguyên không âm / contract_costs must be whole "
            f"đồng ≥ 0, got {contract_costs!r}"
        )


def _lender(facts: dict[str, object], groups: dict[Lender, frozenset[str]]) -> Lender | None:
    """The first lender (VBSP, then the National Employment Fund) listing one of the groups."""
    status = facts.get("household_status")
    holds = {
        "poor": status is PovertyStatus.POOR,
        "near_poor": status is PovertyStatus.NEAR_POOR,
        "land_recovered": facts.get("land_recovered") is True,
        "ethnic_minority": facts.get("ethnic_minority") is True,
        "merit_relative": facts.get("merit_relative") is True,
    }
    codes = {code for code, ok in holds.items() if ok}
    return next((lender for lender, listed in groups.items() if codes & listed), None)


# The programme shape (vnlabor.programmes.rule), checked by mypy.
_SHAPE: ClaimRule[Worker, int, LoanDecision] = abroad_loan
