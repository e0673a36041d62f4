"""Support and loans for workers going abroad under contract (*đi làm việc ở nước ngoài*).

:func:`abroad_support` applies Circular 55/2023/TT-BTC (2021-2025 national target
programmes). Who qualifies, from the most favourable provision down:

==============  ==============================================================  ======
Group           Who                                                             Tier
==============  ==============================================================  ======
Art. 25.1.a     ethnic-minority workers, or workers of poor households, living   full
                in ethnic-minority and mountain areas (NTP 1719)
Art. 69.1       workers of poor households, or ethnic-minority workers, in poor  full
                districts / extremely difficult coastal and island communes
Art. 25.1.b     workers of near-poor households in ethnic-minority areas        reduced
Art. 69.2       workers of near-poor or newly-escaped households in those areas  reduced
Art. 69.3       other workers living in poor districts / those communes          basic
==============  ==============================================================  ======

Items (each at actual cost up to its cap, paid once at the highest rate, Art. 69.6):

* vocational training: the Circular 152/2016 Art. 7.1 cap of the tier (full: 4,000,000
  for workers of poor households that are ethnic-minority or live in an extremely
  difficult commune, else 3,000,000; reduced: 2,500,000; basic: 2,000,000);
* foreign language: ``abroad.language.cap`` (full), 70 % of it (reduced), 50 % (basic),
  rounded down to the whole đồng;
* full and reduced tiers only: meals per day of training, lodging per month, personal
  items, travel (special amount in extremely difficult communes from 10 km, else the
  standard amount from 15 km; bounds inclusive), passport, visa and criminal record at
  actual cost, health check up to its cap.

The data covers 15/08/2023-31/12/2026: Circular 55/2023 to 30/05/2026, then for tasks of
the 2021-2025 programmes extended to 31/12/2026 only (Circular 60/2026/TT-BTC Art. 21.1,
which the decisions of those days cite); other days raise
:class:`~vnlabor.errors.ParameterNotInForce`. A worker who qualifies as newly escaped
(Art. 69.2) gets a reason saying the window it stands for is a credit rule applied by
analogy (:mod:`vnlabor.poverty.newly_escaped`). The co-existing Employment-Law route
(Joint Circular 09/2016, from 01/08/2016) is a separate rule:
:func:`~vnlabor.programmes.abroad_employment_law.abroad_support_employment_law`.

:func:`abroad_loan` applies Decree 61/2015/NĐ-CP Art. 11 and the loan terms of Decree
61/2015 as amended by Decree 74/2019/NĐ-CP Art. 1: at most 100 % of the contract costs,
collateral from 100,000,000 VND, lent by the VBSP (poor, land-recovered, ethnic-minority)
or the National Employment Fund (near-poor, relatives of people with merit). Confirmed to
31/12/2025; from 01/01/2026 probable only (the Law on Employment 74/2025/QH15 and Decree
338/2025/NĐ-CP may have replaced these rules), which the decisions flag.

>>> from datetime import date
>>> from vnlabor.model.poverty_status import PovertyStatus
>>> from vnlabor.model.worker import Worker
>>> w = Worker(ethnic_minority=True, household_status=PovertyStatus.POOR,
...            ethnic_minority_area=True, poor_area=False)
>>> d = abroad_support(w, AbroadCosts(foreign_language=5_000_000, training_days=60),
...                    on=date(2024, 3, 1))
>>> d.group, d.total
(<AbroadGroup.ART_25_1_A: 'art_25_1_a'>, 7000000)
>>> loan = abroad_loan(w, 120_000_000, on=date(2024, 3, 1))
>>> loan.lender, loan.max_loan, loan.collateral_required
(<Lender.VBSP: 'vbsp'>, 120000000, True)

References:
    * Luật 69/2020/QH14 (Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng), Điều 3.
    * Nghị định 61/2015/NĐ-CP, Điều 11; sửa đổi bởi Điều 1 Nghị định 74/2019/NĐ-CP.
    * Thông tư 60/2026/TT-BTC, Điều 20 khoản 2 và Điều 21 khoản 1.
    * Thông tư liên tịch 09/2016/TTLT-BLĐTBXH-BTC (the Employment-Law route, applied by
      :mod:`vnlabor.programmes.abroad_employment_law`).
    * Thông tư 152/2016/TT-BTC, Điều 7.1 (vocational caps).
    * Thông tư 55/2023/TT-BTC, Điều 25 và 69.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from vnlabor.base.model import VnlaborModel
from vnlabor.law.book import LawBook
from vnlabor.law.reason import Reason
from vnlabor.model.person import age_on
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.worker import Worker
from vnlabor.poverty.newly_escaped import WINDOW_PARAMETER, window_reason
from vnlabor.programmes.categories import AbroadGroup, Lender, Outcome, SupportKind, SupportUnit
from vnlabor.programmes.decision import (
    AbroadDecision,
    LoanDecision,
    Lookup,
    SupportItem,
    resolve_unknowns,
)
from vnlabor.programmes.training import check_distance, travel_allowance
from vnlabor.types import VND, NonNegativeCount

__all__ = [
    "AbroadCosts",
    "AbroadTier",
    "abroad_loan",
    "abroad_support",
    "under_age_reason",
]


class AbroadTier(StrEnum):
    """How much of the support a group gets."""

    FULL = "full"
    """Every item at the full rate (Art. 25.1.a)."""
    REDUCED = "reduced"
    """Near-poor rates: vocational 2.5M, 70 % of the language cap (Art. 25.1.b)."""
    BASIC = "basic"
    """Vocational 2M and 50 % of the language cap only (Art. 69.3)."""


_TIER = {
    AbroadGroup.ART_25_1_A: AbroadTier.FULL,
    AbroadGroup.ART_69_1: AbroadTier.FULL,
    AbroadGroup.ART_25_1_B: AbroadTier.REDUCED,
    AbroadGroup.ART_69_2: AbroadTier.REDUCED,
    AbroadGroup.ART_69_3: AbroadTier.BASIC,
}


class AbroadCosts(VnlaborModel):
    """What a worker claims before departure; ``None`` = not claimed (no item).

    Shared by both routes. ``orientation``, ``skill_upgrade`` and ``language_upgrade``
    are items of the Employment-Law route only
    (:func:`~vnlabor.programmes.abroad_employment_law.abroad_support_employment_law`);
    :func:`abroad_support` (Circular 55/2023) has no such items and ignores them.
    """

    vocational_training: VND | None = None
    """Actual cost of the vocational course."""
    foreign_language: VND | None = None
    """Actual cost of the foreign-language course."""
    training_days: NonNegativeCount = 0
    """Days of training (basis of meals and living costs)."""
    lodging_months: NonNegativeCount = 0
    """Months of lodging during training."""
    personal_items: bool = False
    """Whether personal items are claimed (a flat amount)."""
    passport: VND | None = None
    """Passport fee (actual cost)."""
    visa: VND | None = None
    """Visa fee (actual cost)."""
    criminal_record: VND | None = None
    """Criminal-record certificate fee (actual cost)."""
    health_check: VND | None = None
    """Health-check cost (actual, up to the cap)."""
    orientation: VND | None = None
    """Cost of the "necessary knowledge" (orientation) course (*bồi dưỡng kiến thức cần
    thiết*); Employment-Law route only."""
    skill_upgrade: VND | None = None
    """Cost of a vocational skill-upgrade course the contract requires (*nâng cao trình
    độ kỹ năng nghề*); Employment-Law route only."""
    language_upgrade: VND | None = None
    """Cost of a foreign-language upgrade course the contract requires; Employment-Law
    route only."""


_FACTS = (
    "ethnic_minority",
    "household_status",
    "newly_escaped",
    "ethnic_minority_area",
    "poor_area",
    "special_difficulty_area",
)
_LOW: dict[str, object] = dict.fromkeys(_FACTS, False) | {
    "household_status": PovertyStatus.NON_POOR
}
_HIGH: dict[str, object] = dict.fromkeys(_FACTS, True) | {"household_status": PovertyStatus.POOR}


def abroad_group(facts: dict[str, object]) -> AbroadGroup | None:
    """The most favourable provision a worker with these (known) facts falls under.

    >>> abroad_group({"household_status": PovertyStatus.NEAR_POOR, "poor_area": True})
    <AbroadGroup.ART_69_2: 'art_69_2'>
    """
    status = facts.get("household_status")
    poor, near_poor = status is PovertyStatus.POOR, status is PovertyStatus.NEAR_POOR
    em = facts.get("ethnic_minority") is True
    em_area = facts.get("ethnic_minority_area") is True
    poor_area = facts.get("poor_area") is True
    if em_area and (em or poor):
        return AbroadGroup.ART_25_1_A
    if poor_area and (em or poor):
        return AbroadGroup.ART_69_1
    if em_area and near_poor:
        return AbroadGroup.ART_25_1_B
    if poor_area and (near_poor or facts.get("newly_escaped") is True):
        return AbroadGroup.ART_69_2
    if poor_area:
        return AbroadGroup.ART_69_3
    return None


@dataclass(frozen=True)
class _Plan:
    tier: AbroadTier | None
    vocational: str | None
    travel: int | None
    group: AbroadGroup | None = field(compare=False)


def _vocational_parameter(tier: AbroadTier, facts: dict[str, object]) -> str:
    if tier is AbroadTier.FULL:
        poor = facts.get("household_status") is PovertyStatus.POOR
        if poor and (
            facts.get("ethnic_minority") is True or facts.get("special_difficulty_area") is True
        ):
            return "training.cap.poor_ethnic_minority_or_special_area"
        return "training.cap.priority_group"
    if tier is AbroadTier.REDUCED:
        return "training.cap.near_poor"
    return "training.cap.other_women_rural"


def _travel(book: LawBook, on: date, special: bool, distance: Fraction | None) -> int | None:
    found = travel_allowance(book, on, "abroad.travel", special=special, distance=distance)
    return None if found is None else found[0]


def _plan(facts: dict[str, object], book: LawBook, on: date, distance: Fraction | None) -> _Plan:
    group = abroad_group(facts)
    if group is None:
        return _Plan(None, None, None, None)
    tier = _TIER[group]
    travel = (
        None
        if tier is AbroadTier.BASIC
        else _travel(book, on, facts.get("special_difficulty_area") is True, distance)
    )
    return _Plan(tier, _vocational_parameter(tier, facts), travel, group)


def under_age_reason(lk: Lookup, birth_date: date | None, on: date) -> Reason | None:
    """Why a worker born on ``birth_date`` is too young to go abroad on ``on``, if so.

    ``None`` when old enough, when the birth date is unknown, or when no minimum age is
    encoded for that day (``abroad.min_age``, Law 69/2020 Art. 3.1, from 01/01/2022).
    """
    if birth_date is None:
        return None
    min_age = lk.find("abroad.min_age")
    if min_age is None or not isinstance(min_age.value, int):
        return None
    age = age_on(birth_date, on)
    if age >= min_age.value:
        return None
    return Reason(
        key="programmes.reason.under_age",
        values={"age": age, "min_age": min_age.value},
        citation=min_age.citation,
    )


def abroad_support(
    worker: Worker,
    costs: AbroadCosts,
    *,
    on: date,
    distance_km: int | float | Decimal | Fraction | None = None,
    law: LawBook | None = None,
) -> AbroadDecision:
    """Decide the pre-departure support for ``worker`` claiming ``costs`` on day ``on``.

    Args:
        worker: The worker; ``None`` fields are unknown.
        costs: Actual costs claimed; an item not claimed gets no line.
        on: Day whose law applies.
        distance_km: Home to training site; ``None`` = unknown (travel pending for the
            full and reduced tiers).
        law: Law book to apply; national by default.

    Returns:
        An :class:`~vnlabor.programmes.decision.AbroadDecision`.

    Raises:
        ValueError: ``distance_km`` is negative, NaN or infinite.
        vnlabor.errors.ParameterNotInForce: ``on`` is outside 15/08/2023-31/12/2026.
    """
    distance = check_distance(distance_km)
    lk = Lookup(law, on)
    book = lk.book
    lk.at("abroad.language.cap")  # fails early outside the data

    def done(outcome: Outcome, reasons: list[Reason], **extra: object) -> AbroadDecision:
        return lk.decide(AbroadDecision, outcome, reasons, **extra)

    reasons: list[Reason] = []
    too_young = under_age_reason(lk, worker.birth_date, on)
    if too_young is not None:
        return done(Outcome.NOT_ELIGIBLE, [too_young])

    facts: dict[str, object | None] = {f: getattr(worker, f) for f in _FACTS}
    plan, missing = resolve_unknowns(facts, _LOW, _HIGH, lambda f: _plan(f, book, on, distance))
    if missing:
        return done(
            Outcome.UNDETERMINED,
            [Reason(key="programmes.reason.missing_facts", values={"facts": ", ".join(missing)})],
            missing=missing,
        )
    if plan.group is None or plan.tier is None or plan.vocational is None:
        return done(
            Outcome.NOT_ELIGIBLE,
            [
                Reason(
                    key="programmes.reason.no_abroad_group",
                    citation=lk.at("abroad.language.cap").citation,
                )
            ],
        )
    tier = plan.tier
    lang_cap, lang_cite = lk.amount("abroad.language.cap")
    reasons.append(
        Reason(
            key="programmes.reason.abroad_group", values={"group": plan.group}, citation=lang_cite
        )
    )
    if plan.group is AbroadGroup.ART_69_2 and worker.household_status is not (
        PovertyStatus.NEAR_POOR
    ):
        # Qualified as newly escaped: say what that window rests on.
        reasons.append(window_reason(lk.at(WINDOW_PARAMETER)))
    items: list[SupportItem] = []

    items += lk.capped(SupportKind.TUITION, costs.vocational_training, plan.vocational)
    if tier is AbroadTier.FULL:
        items += lk.capped(
            SupportKind.FOREIGN_LANGUAGE, costs.foreign_language, "abroad.language.cap"
        )
    else:
        share_name = (
            "abroad.language.near_poor_percent"
            if tier is AbroadTier.REDUCED
            else "abroad.language.other_percent"
        )
        share, share_cite = lk.amount(share_name)
        if costs.foreign_language is not None:
            limit = lang_cap * share // 100  # rounded down: never above the cap
            items.append(
                SupportItem(
                    kind=SupportKind.FOREIGN_LANGUAGE,
                    amount=min(costs.foreign_language, limit),
                    cap=limit,
                    actual_cost=costs.foreign_language,
                    parameter=share_name,
                    citation=share_cite,
                )
            )

    pending: tuple[SupportKind, ...] = ()
    if tier is not AbroadTier.BASIC:
        for kind, name, qty, unit in (
            (SupportKind.MEALS, "abroad.meals.per_day", costs.training_days, SupportUnit.DAY),
            (
                SupportKind.LODGING,
                "abroad.lodging.per_month",
                costs.lodging_months,
                SupportUnit.MONTH,
            ),
        ):
            if qty:
                rate, cite = lk.amount(name)
                items.append(
                    SupportItem(
                        kind=kind,
                        amount=rate * qty,
                        unit_rate=rate,
                        quantity=qty,
                        unit=unit,
                        parameter=name,
                        citation=cite,
                    )
                )
        if costs.personal_items:
            amount, cite = lk.amount("abroad.personal_items")
            items.append(
                SupportItem(
                    kind=SupportKind.PERSONAL_ITEMS,
                    amount=amount,
                    cap=amount,
                    unit=SupportUnit.PERSON,
                    parameter="abroad.personal_items",
                    citation=cite,
                )
            )
        if plan.travel is None:
            pending = (SupportKind.TRAVEL,)
            missing = ("distance_km",)
            reasons.append(Reason(key="programmes.reason.travel_unknown"))
        elif plan.travel:
            special = worker.special_difficulty_area is True and plan.travel == book.amount(
                "abroad.travel.special", on
            )
            name = "abroad.travel.special" if special else "abroad.travel.standard"
            lk.at(f"{name}_min_km")
            amount, cite = lk.amount(name)
            items.append(
                SupportItem(
                    kind=SupportKind.TRAVEL,
                    amount=amount,
                    cap=amount,
                    parameter=name,
                    citation=cite,
                )
            )
        else:
            min_km, cite = lk.amount("abroad.travel.standard_min_km")
            reasons.append(
                Reason(
                    key="programmes.reason.travel_too_close",
                    values={"distance": str(distance_km), "min_km": min_km},
                    citation=cite,
                )
            )
        _, health_cite = lk.amount("abroad.health_check.cap")
        for kind, cost in (
            (SupportKind.PASSPORT, costs.passport),
            (SupportKind.VISA, costs.visa),
            (SupportKind.CRIMINAL_RECORD, costs.criminal_record),
        ):
            if cost is not None:
                items.append(
                    SupportItem(
                        kind=kind,
                        amount=cost,
                        actual_cost=cost,
                        unit=SupportUnit.PERSON,
                        citation=health_cite,
                    )
                )
        items += lk.capped(
            SupportKind.HEALTH_CHECK,
            costs.health_check,
            "abroad.health_check.cap",
            SupportUnit.PERSON,
        )

    return done(
        Outcome.ELIGIBLE,
        reasons,
        group=plan.group,
        items=tuple(items),
        pending=pending,
        missing=missing,
    )


_LOAN_FACTS = ("household_status", "land_recovered", "ethnic_minority", "merit_relative")
_LOAN_LOW: dict[str, object] = dict.fromkeys(_LOAN_FACTS, False) | {
    "household_status": PovertyStatus.NON_POOR
}
_LOAN_HIGH: dict[str, object] = dict.fromkeys(_LOAN_FACTS, True) | {
    "household_status": PovertyStatus.POOR
}


def _loan_codes(facts: dict[str, object]) -> set[str]:
    status = facts.get("household_status")
    codes = {
        "poor": status is PovertyStatus.POOR,
        "near_poor": status is PovertyStatus.NEAR_POOR,
        "land_recovered": facts.get("land_recovered") is True,
        "ethnic_minority": facts.get("ethnic_minority") is True,
        "merit_relative": facts.get("merit_relative") is True,
    }
    return {c for c, ok in codes.items() if ok}


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
    if (
        isinstance(contract_costs, bool)
        or not isinstance(contract_costs, int)
        or contract_costs < 0
    ):
        raise ValueError(
            "contract_costs phải là số đồng nguyên không âm / contract_costs must be whole "
            f"đồng ≥ 0, got {contract_costs!r}"
        )
    lk = Lookup(law, on)
    vbsp = lk.codes("abroad.loan.vbsp_groups")
    nef = lk.codes("abroad.loan.nef_groups")

    def lender_of(facts: dict[str, object]) -> Lender | None:
        codes = _loan_codes(facts)
        if codes & vbsp:
            return Lender.VBSP
        if codes & nef:
            return Lender.NATIONAL_EMPLOYMENT_FUND
        return None

    facts: dict[str, object | None] = {f: getattr(worker, f) for f in _LOAN_FACTS}
    lender, missing = resolve_unknowns(facts, _LOAN_LOW, _LOAN_HIGH, lender_of)
    groups_cite = lk.at("abroad.loan.vbsp_groups").citation
    if missing:
        reasons = [
            Reason(key="programmes.reason.missing_facts", values={"facts": ", ".join(missing)})
        ]
        return lk.decide(LoanDecision, Outcome.UNDETERMINED, reasons, missing=missing)
    if lender is None:
        return lk.decide(
            LoanDecision,
            Outcome.NOT_ELIGIBLE,
            [Reason(key="programmes.reason.no_lender", citation=groups_cite)],
        )
    percent, cite = lk.amount("abroad.loan.max_percent")
    max_loan = contract_costs * percent // 100
    threshold, t_cite = lk.amount("abroad.loan.collateral_from")
    collateral = max_loan >= threshold
    reasons = [
        Reason(
            key="programmes.reason.lender",
            values={"lender": lender, "amount_vnd": max_loan, "percent": percent},
            citation=lk.at(
                "abroad.loan.vbsp_groups" if lender is Lender.VBSP else "abroad.loan.nef_groups"
            ).citation,
        ),
        Reason(
            key="programmes.reason.collateral" if collateral else "programmes.reason.no_collateral",
            values={"amount_vnd": max_loan, "threshold_vnd": threshold},
            citation=t_cite,
        ),
    ]
    return lk.decide(
        LoanDecision,
        Outcome.ELIGIBLE,
        reasons,
        lender=lender,
        collateral_required=collateral,
        items=(
            SupportItem(
                kind=SupportKind.LOAN,
                amount=max_loan,
                cap=max_loan,
                actual_cost=contract_costs,
                unit=SupportUnit.WORKER,
                parameter="abroad.loan.max_percent",
                citation=cite,
            ),
        ),
    )
