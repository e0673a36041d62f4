"""Support for workers going abroad under contract (*đi làm việc ở nước ngoài*), Circular 55/2023.

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

The preferential loans of Decree 61/2015/NĐ-CP (as amended by Decree 74/2019/NĐ-CP) are
a separate rule: :func:`~vnlabor.programmes.loans.abroad_loan`.

>>> from datetime import date
>>> from vnlabor.model.poverty_status import PovertyStatus
>>> from vnlabor.model.worker import Worker
>>> w = Worker(ethnic_minority=True, household_status=PovertyStatus.POOR,
...            ethnic_minority_area=True, poor_area=False)
>>> d = abroad_support(w, AbroadCosts(foreign_language=5_000_000, training_days=60),
...                    on=date(2024, 3, 1))
>>> d.group, d.total
(<AbroadGroup.ART_25_1_A: 'art_25_1_a'>, 7000000)

References:
    * Thông tư 55/2023/TT-BTC ngày 15/8/2023 của Bộ Tài chính, Điều 25 và 69.
    * Thông tư 152/2016/TT-BTC, Điều 7 khoản 1 (vocational caps).
    * Thông tư 60/2026/TT-BTC, Điều 20 khoản 2 và Điều 21 khoản 1.
    * Luật 69/2020/QH14 (Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng),
      Điều 3 khoản 1 (minimum age).
    * Thông tư liên tịch 09/2016/TTLT-BLĐTBXH-BTC (the Employment-Law route, applied by
      :mod:`vnlabor.programmes.abroad_employment_law`).
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
from vnlabor.programmes.categories import AbroadGroup, Outcome, SupportKind, SupportUnit
from vnlabor.programmes.decision import AbroadDecision, SupportItem
from vnlabor.programmes.rule import (
    NO_TRAVEL,
    ClaimRule,
    Facts,
    Lookup,
    Travel,
    check_distance,
    travel,
)
from vnlabor.types import VND, NonNegativeCount

__all__ = [
    "AbroadCosts",
    "AbroadTier",
    "abroad_group",
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

_LANGUAGE_SHARE = {
    AbroadTier.REDUCED: "abroad.language.near_poor_percent",
    AbroadTier.BASIC: "abroad.language.other_percent",
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


_FACTS = Facts(
    "ethnic_minority",
    "household_status",
    "newly_escaped",
    "ethnic_minority_area",
    "poor_area",
    "special_difficulty_area",
    household_status=(PovertyStatus.NON_POOR, PovertyStatus.POOR),
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
    language = lk.at("abroad.language.cap")  # fails early outside the data

    # 1. Old enough (Law 69/2020 Art. 3.1), then the most favourable group (Art. 25, 69).
    too_young = under_age_reason(lk, worker.birth_date, lk.on)
    if too_young is not None:
        return lk.decide(AbroadDecision, Outcome.NOT_ELIGIBLE, [too_young])
    plan, missing, reads = lk.resolve(
        _FACTS, _FACTS.of(worker), lambda f, fork: _plan(f, fork, distance, distance_km)
    )
    if missing:
        return lk.undetermined(AbroadDecision, missing)
    lk.adopt(reads)
    if plan.group is None or plan.tier is None or plan.vocational is None:
        return lk.decide(
            AbroadDecision,
            Outcome.NOT_ELIGIBLE,
            [Reason(key="programmes.reason.no_abroad_group", citation=language.citation)],
        )
    reasons = [
        Reason(
            key="programmes.reason.abroad_group",
            values={"group": plan.group},
            citation=language.citation,
        )
    ]
    if plan.group is AbroadGroup.ART_69_2 and worker.household_status is not (
        PovertyStatus.NEAR_POOR
    ):
        # Qualified as newly escaped: say what that window rests on.
        reasons.append(window_reason(lk.at(WINDOW_PARAMETER)))

    # 2. The items, each once at the group's rate (Art. 69.6); the basic tier has two.
    items = lk.capped(SupportKind.TUITION, costs.vocational_training, plan.vocational)
    items += _language(lk, plan.tier, costs.foreign_language)
    if plan.tier is not AbroadTier.BASIC:
        items += _living_costs(lk, costs)
        items += plan.travel.items
        reasons += plan.travel.reasons
        items += _procedures(lk, costs)
    return lk.decide(
        AbroadDecision,
        Outcome.ELIGIBLE,
        reasons,
        group=plan.group,
        items=tuple(items),
        pending=plan.travel.pending,
        missing=plan.travel.missing,
    )


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


def under_age_reason(lk: Lookup, birth_date: date | None, on: date) -> Reason | None:
    """Why a worker born on ``birth_date`` is too young to go abroad on ``on``, if so.

    ``None`` when old enough, when the birth date is unknown, or when no minimum age is
    encoded for that day (``abroad.min_age``, Law 69/2020 Art. 3.1, from 01/01/2022).
    """
    if birth_date is None:
        return None
    min_age = lk.find("abroad.min_age")
    if min_age is None:
        return None
    age = age_on(birth_date, on)
    if age >= min_age.amount:
        return None
    return Reason(
        key="programmes.reason.under_age",
        values={"age": age, "min_age": min_age.amount},
        citation=min_age.citation,
    )


@dataclass(frozen=True)
class _Plan:
    tier: AbroadTier | None
    vocational: str | None
    travel: Travel
    group: AbroadGroup | None = field(compare=False)


def _plan(facts: dict[str, object], lk: Lookup, distance: Fraction | None, shown: object) -> _Plan:
    """The group, its tier, its vocational cap and its travel allowance."""
    group = abroad_group(facts)
    if group is None:
        return _Plan(None, None, NO_TRAVEL, None)
    tier = _TIER[group]
    special = facts.get("special_difficulty_area") is True
    return _Plan(
        tier,
        _vocational_parameter(tier, facts),
        NO_TRAVEL
        if tier is AbroadTier.BASIC
        else travel(lk, "abroad.travel", special=special, distance=distance, shown=shown),
        group,
    )


def _vocational_parameter(tier: AbroadTier, facts: dict[str, object]) -> str:
    """The Circular 152/2016 Art. 7.1 cap of the tier (4M for poor EM / ĐBKK households)."""
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


def _language(lk: Lookup, tier: AbroadTier, cost: int | None) -> list[SupportItem]:
    """The language cap (full tier), or a share of it rounded down to the đồng."""
    if tier is AbroadTier.FULL:
        return lk.capped(SupportKind.FOREIGN_LANGUAGE, cost, "abroad.language.cap")
    cap, _ = lk.amount("abroad.language.cap")
    name = _LANGUAGE_SHARE[tier]
    share, cite = lk.amount(name)
    if cost is None:
        return []
    limit = cap * share // 100  # rounded down: never above the cap
    return [
        SupportItem(
            kind=SupportKind.FOREIGN_LANGUAGE,
            amount=min(cost, limit),
            cap=limit,
            actual_cost=cost,
            parameter=name,
            citation=cite,
        )
    ]


def _living_costs(lk: Lookup, costs: AbroadCosts) -> list[SupportItem]:
    """Meals per day of training, lodging per month, personal items (full and reduced)."""
    items = []
    if costs.training_days:
        items.append(
            lk.per_unit(
                SupportKind.MEALS, "abroad.meals.per_day", costs.training_days, SupportUnit.DAY
            )
        )
    if costs.lodging_months:
        items.append(
            lk.per_unit(
                SupportKind.LODGING,
                "abroad.lodging.per_month",
                costs.lodging_months,
                SupportUnit.MONTH,
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
    return items


def _procedures(lk: Lookup, costs: AbroadCosts) -> list[SupportItem]:
    """Passport, visa and criminal record at actual cost; health check up to its cap.

    The fees at actual cost stand in the same provision as the health-check cap.
    """
    _, cite = lk.amount("abroad.health_check.cap")
    items = [
        SupportItem(
            kind=kind, amount=cost, actual_cost=cost, unit=SupportUnit.PERSON, citation=cite
        )
        for kind, cost in (
            (SupportKind.PASSPORT, costs.passport),
            (SupportKind.VISA, costs.visa),
            (SupportKind.CRIMINAL_RECORD, costs.criminal_record),
        )
        if cost is not None
    ]
    return items + lk.capped(
        SupportKind.HEALTH_CHECK, costs.health_check, "abroad.health_check.cap", SupportUnit.PERSON
    )


# The programme shape (vnlabor.programmes.rule), checked by mypy.
_SHAPE: ClaimRule[Worker, AbroadCosts, AbroadDecision] = abroad_support
