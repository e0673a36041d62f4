"""Support for workers going abroad under the Employment Law (*theo Luật Việc làm*).

:func:`abroad_support_employment_law` applies the second, standing route of support for
workers going abroad under contract: Law on Employment 38/2013/QH13 Art. 20 and Decree
61/2015/NĐ-CP Art. 10, with the amounts of Joint Circular 09/2016/TTLT-BLĐTBXH-BTC
Art. 3 (in force 01/08/2016). It co-exists with the 2021-2025 programme rates of
Circular 55/2023 (:func:`~vnlabor.programmes.abroad.abroad_support`); which route pays a
given worker is the province's decision, not the library's.

**Who** (``abroad.employment_law.groups``): ethnic-minority workers, members of poor or
near-poor households or of households whose farm land was recovered, and relatives of
people with revolutionary merit. A worker in several groups is supported once, at the
most favourable level, each item once.

**Items**, each at actual cost up to its cap unless said otherwise:

* vocational training: the QĐ 46/2015 Art. 4 training-cost cap of the worker's most
  favourable category (the ``training.cap.*`` parameters, mirrored by Circular 152/2016
  Art. 7.1): 4,000,000 for a poor household that is ethnic-minority or lives in an
  extremely difficult commune, 3,000,000 for the other ethnic-minority, poor and
  land-recovered workers, 2,500,000 for near-poor households. Relatives of people with
  merit are read as the merit category (``abroad.employment_law.merit_relative_category``,
  P: verify);
* foreign language (``abroad.employment_law.language.cap``), "necessary knowledge"
  orientation (``orientation.cap``), health check (``health_check.cap``);
* meals: ``meals.per_day`` × days of training;
* from 01/01/2026, lodging: ``lodging.per_month`` × months of training (Decree
  338/2025/NĐ-CP Art. 30.1 as reported, P);
* travel, one round trip: the special amount for residents of extremely difficult
  communes from ``travel.special_min_km``, else the standard amount from
  ``travel.standard_min_km`` (bounds inclusive);
* passport, criminal-record and visa fees at actual cost, without a cap;
* a skill-upgrade or language-upgrade course the contract requires:
  ``skill_upgrade.percent`` of its cost (rounded down to the whole đồng), capped at the
  vocational cap (skills) or the language cap (language).

**Unknown facts**: a ``None`` fact that could change eligibility or an amount makes the
decision UNDETERMINED and is named in ``missing``; an unknown distance leaves travel
*pending* (``"distance_km"`` in ``missing``), never a silent 0.

**Not encoded**: lodging (to 31/12/2025) and personal items for workers of poor
districts (Resolution 30a) are paid at the rates of Joint Circular 31/2009 (Decision
71/2009/QĐ-TTg), which the sources read do not give. When claimed (``lodging_months``,
``personal_items``) by a worker whose ``poor_area`` is not ``False``, they are left
*pending* with a reason saying the rates are not encoded, so a budget counts the case as
incomplete instead of paying 0; for a worker known to live elsewhere they are not
payable.

**Dates**: the amounts apply from 01/08/2016; earlier days raise
:class:`~vnlabor.errors.ParameterNotInForce`. They are confirmed to 31/12/2025. From
01/01/2026 the Law on Employment 74/2025/QH15 replaces Law 38/2013/QH13 and Decree
338/2025/NĐ-CP reportedly sets the rates of this support (orientation ≤ 530,000, meals
50,000 a day, lodging 400,000 a month; Art. 30.1): those reported rates apply from that
day and every other figure continues unchanged, all tagged P, so the decisions of 2026
on flag them.

>>> from datetime import date
>>> from vnlabor.model.poverty_status import PovertyStatus
>>> from vnlabor.model.worker import Worker
>>> w = Worker(ethnic_minority=False, household_status=PovertyStatus.NEAR_POOR)
>>> costs = AbroadCosts(foreign_language=3_500_000, orientation=600_000, training_days=90,
...                     health_check=500_000)
>>> d = abroad_support_employment_law(w, costs, on=date(2019, 6, 1), distance_km=20)
>>> d.groups, d.category
((<EmploymentLawGroup.NEAR_POOR: 'near_poor'>,), <TrainingCategory.NEAR_POOR: 'near_poor'>)
>>> {i.kind.value: i.amount for i in d.items}  # doctest: +NORMALIZE_WHITESPACE
{'foreign_language': 3000000, 'orientation': 530000, 'meals': 3600000,
 'travel': 200000, 'health_check': 500000}
>>> d.total
7830000

References:
    * Luật Việc làm số 38/2013/QH13, Điều 20.
    * Nghị định 61/2015/NĐ-CP ngày 09/7/2015 của Chính phủ, Điều 10.
    * Thông tư liên tịch 09/2016/TTLT-BLĐTBXH-BTC ngày 15/6/2016, Điều 3.
    * Quyết định 46/2015/QĐ-TTg, Điều 4; Thông tư 152/2016/TT-BTC, Điều 7.1 (vocational
      caps).
    * Luật 69/2020/QH14, Điều 3.1 (minimum age, from 01/01/2022).
    * Luật Việc làm số 74/2025/QH15 and Nghị định 338/2025/NĐ-CP, Điều 30 khoản 1 (from
      01/01/2026, as reported: P).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction

from vnlabor.law.book import LawBook
from vnlabor.law.parameter import ParameterValue
from vnlabor.law.reason import Reason
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.worker import Worker
from vnlabor.programmes.abroad import AbroadCosts, under_age_reason
from vnlabor.programmes.categories import (
    CAP_PARAMETER,
    EmploymentLawGroup,
    Outcome,
    SupportKind,
    SupportUnit,
    TrainingCategory,
    training_categories,
)
from vnlabor.programmes.decision import AbroadEmploymentLawDecision, SupportItem
from vnlabor.programmes.rule import (
    NO_TRAVEL,
    ClaimRule,
    Facts,
    Lookup,
    Travel,
    check_distance,
    travel,
)

__all__ = ["abroad_support_employment_law", "employment_law_groups"]

_P = "abroad.employment_law."

_FACTS = Facts(
    "ethnic_minority",
    "household_status",
    "land_recovered",
    "merit_relative",
    "special_difficulty_area",
    household_status=(PovertyStatus.NON_POOR, PovertyStatus.POOR),
)

_LEGAL_ORDER = {c: i for i, c in enumerate(TrainingCategory)}


def abroad_support_employment_law(
    worker: Worker,
    costs: AbroadCosts,
    *,
    on: date,
    distance_km: int | float | Decimal | Fraction | None = None,
    law: LawBook | None = None,
) -> AbroadEmploymentLawDecision:
    """Decide the Employment-Law support for ``worker`` claiming ``costs`` on day ``on``.

    Args:
        worker: The worker; ``None`` fields are unknown. Read: ``ethnic_minority``,
            ``household_status``, ``land_recovered``, ``merit_relative``,
            ``special_difficulty_area`` (4,000,000 vocational cap for poor households,
            travel from 10 km), ``poor_area`` (lodging and personal items, not
            encoded) and ``birth_date`` (minimum age, when in force).
        costs: Actual costs claimed; an item not claimed gets no line.
        on: Day whose law applies (from 01/08/2016).
        distance_km: Home to training site; ``None`` = unknown (travel pending).
        law: Law book to apply; national by default.

    Returns:
        An :class:`~vnlabor.programmes.decision.AbroadEmploymentLawDecision`.

    Raises:
        ValueError: ``distance_km`` is negative, NaN or infinite.
        TypeError: ``distance_km`` is not a number.
        vnlabor.errors.ParameterNotInForce: ``on`` is before 01/08/2016.
    """
    distance = check_distance(distance_km)
    lk = Lookup(law, on)
    lk.check(f"{_P}language.cap")  # fails early outside the data

    # 1. Old enough (Law 69/2020 Art. 3.1), in a group of Employment Law Art. 20.
    too_young = under_age_reason(lk, worker.birth_date, lk.on)
    if too_young is not None:
        return lk.decide(AbroadEmploymentLawDecision, Outcome.NOT_ELIGIBLE, [too_young])
    plan, missing, reads = lk.resolve(
        _FACTS, _FACTS.of(worker), lambda f, fork: _plan(f, fork, distance, distance_km)
    )
    groups = lk.at(f"{_P}groups")
    if missing:
        return lk.undetermined(AbroadEmploymentLawDecision, missing)
    lk.adopt(reads)
    if plan.category is None or plan.vocational_cap is None:
        return lk.decide(
            AbroadEmploymentLawDecision,
            Outcome.NOT_ELIGIBLE,
            [Reason(key="programmes.reason.no_employment_law_group", citation=groups.citation)],
        )

    # 2. The vocational cap of the most favourable QĐ 46/2015 category (Art. 3.1.a).
    cap_name = f"training.cap.{CAP_PARAMETER[plan.category]}"
    reasons = _who(lk, plan, cap_name, groups)

    # 3. The items of Joint Circular 09/2016 Art. 3, each once.
    items = lk.capped(SupportKind.TUITION, costs.vocational_training, cap_name)
    items += lk.capped(SupportKind.FOREIGN_LANGUAGE, costs.foreign_language, f"{_P}language.cap")
    items += lk.capped(SupportKind.ORIENTATION, costs.orientation, f"{_P}orientation.cap")
    items += _meals(lk, costs.training_days)
    items += plan.travel.items
    reasons += plan.travel.reasons
    items += _procedures(lk, costs)
    items += _upgrades(lk, costs, cap_name, reasons)
    lodging = _lodging(lk, costs.lodging_months)
    items += lodging
    pending = [*plan.travel.pending, *_poor_district_items(lk, worker, costs, lodging, reasons)]
    return lk.decide(
        AbroadEmploymentLawDecision,
        Outcome.ELIGIBLE,
        reasons,
        groups=plan.groups,
        category=plan.category,
        items=tuple(items),
        pending=tuple(pending),
        missing=plan.travel.missing,
    )


def employment_law_groups(facts: dict[str, object]) -> tuple[EmploymentLawGroup, ...]:
    """The groups of Employment Law Art. 20 a worker with these (known) facts is in.

    Every group, whether or not the law supports it on a given day (the rule keeps
    those listed in ``abroad.employment_law.groups``).

    >>> [g.value for g in employment_law_groups({"ethnic_minority": True,
    ...                                           "household_status": PovertyStatus.NEAR_POOR})]
    ['ethnic_minority', 'near_poor']
    """
    status = facts.get("household_status")
    holds = {
        EmploymentLawGroup.ETHNIC_MINORITY: facts.get("ethnic_minority") is True,
        EmploymentLawGroup.POOR: status is PovertyStatus.POOR,
        EmploymentLawGroup.NEAR_POOR: status is PovertyStatus.NEAR_POOR,
        EmploymentLawGroup.LAND_RECOVERED: facts.get("land_recovered") is True,
        EmploymentLawGroup.MERIT_RELATIVE: facts.get("merit_relative") is True,
    }
    return tuple(g for g, ok in holds.items() if ok)


@dataclass(frozen=True)
class _Plan:
    # Only what changes the money compares (see resolve_unknowns): two plans paying the
    # same are equal even if they name different groups or tied categories. No cap: not
    # eligible (in no group supported that day, or no category cap encoded).
    vocational_cap: int | None
    travel: Travel = NO_TRAVEL
    groups: tuple[EmploymentLawGroup, ...] = field(default=(), compare=False)
    category: TrainingCategory | None = field(default=None, compare=False)
    via_merit_relative: bool = field(default=False, compare=False)


def _plan(facts: dict[str, object], lk: Lookup, distance: Fraction | None, shown: object) -> _Plan:
    """The groups supported that day, the vocational category and cap, the travel."""
    supported = lk.peek_codes(f"{_P}groups")
    groups = tuple(g for g in employment_law_groups(facts) if g.value in supported)
    category, cap, via_merit = _vocational(facts, lk) if groups else (None, None, False)
    if cap is None:
        return _Plan(None)
    special = facts.get("special_difficulty_area") is True
    return _Plan(
        cap,
        travel(lk, f"{_P}travel", special=special, distance=distance, shown=shown),
        groups,
        category,
        via_merit,
    )


def _vocational(
    facts: dict[str, object], lk: Lookup
) -> tuple[TrainingCategory | None, int | None, bool]:
    """The most favourable QĐ 46/2015 category, its cap, and whether the merit reading chose it.

    The caps are weighed, not relied on: the rule records the one it applies.
    """
    own = training_categories(
        {
            "ethnic_minority": facts.get("ethnic_minority"),
            "household_status": facts.get("household_status"),
            "special_difficulty_area": facts.get("special_difficulty_area"),
            "land_recovered": facts.get("land_recovered"),
        }
    )
    merit: tuple[TrainingCategory, ...] = ()
    if facts.get("merit_relative") is True:
        merit = tuple(
            TrainingCategory(code) for code in sorted(lk.peek_codes(f"{_P}merit_relative_category"))
        )
    options: list[tuple[int, int, TrainingCategory]] = []
    for cat in (*own, *merit):
        pv = lk.peek(f"training.cap.{CAP_PARAMETER[cat]}")
        if pv is not None:
            options.append((pv.amount, -_LEGAL_ORDER[cat], cat))
    if not options:
        return None, None, False
    cap, _, cat = max(options)
    return cat, cap, cat not in own


def _who(lk: Lookup, plan: _Plan, cap_name: str, groups: ParameterValue) -> list[Reason]:
    """One reason per group (Law 38/2013 Art. 20), then the category and its cap.

    One reason per group: a tuple of enums in a reason would not survive the decision's
    JSON round trip.
    """
    assert plan.category is not None
    assert plan.vocational_cap is not None
    cap = lk.at(cap_name)
    if plan.via_merit_relative:
        lk.at(f"{_P}merit_relative_category")  # a reading (P): flagged in the reasons
    reasons = [
        Reason(
            key="programmes.reason.employment_law_group",
            values={"group": group},
            citation=groups.citation,
        )
        for group in plan.groups
    ]
    reasons.append(
        Reason(
            key="programmes.reason.category",
            values={"category": plan.category, "cap_vnd": plan.vocational_cap},
            citation=cap.citation,
        )
    )
    return reasons


def _meals(lk: Lookup, days: int) -> list[SupportItem]:
    """Meals at the daily rate for every day of training (Art. 3.1.d)."""
    if not days:
        return []
    return [lk.per_unit(SupportKind.MEALS, f"{_P}meals.per_day", days, SupportUnit.DAY)]


def _procedures(lk: Lookup, costs: AbroadCosts) -> list[SupportItem]:
    """Passport, criminal-record and visa fees at actual cost, without a cap; health check."""
    procedures = lk.at(f"{_P}procedures_at_actual_cost")
    at_cost = lk.codes(f"{_P}procedures_at_actual_cost")
    items = [
        SupportItem(
            kind=kind,
            amount=cost,
            actual_cost=cost,
            unit=SupportUnit.PERSON,
            parameter=f"{_P}procedures_at_actual_cost",
            citation=procedures.citation,
        )
        for kind, cost in (
            (SupportKind.PASSPORT, costs.passport),
            (SupportKind.CRIMINAL_RECORD, costs.criminal_record),
            (SupportKind.VISA, costs.visa),
        )
        if cost is not None and kind.value in at_cost
    ]
    return items + lk.capped(
        SupportKind.HEALTH_CHECK, costs.health_check, f"{_P}health_check.cap", SupportUnit.PERSON
    )


def _upgrades(
    lk: Lookup, costs: AbroadCosts, vocational_cap: str, reasons: list[Reason]
) -> list[SupportItem]:
    """A share of a skill- or language-upgrade course, within the vocational or language cap."""
    items = []
    for kind, cost, limit_name in (
        (SupportKind.SKILL_UPGRADE, costs.skill_upgrade, vocational_cap),
        (SupportKind.LANGUAGE_UPGRADE, costs.language_upgrade, f"{_P}language.cap"),
    ):
        if cost is None:
            continue
        percent, share_cite = lk.amount(f"{_P}skill_upgrade.percent")
        limit, _ = lk.amount(limit_name)
        share = cost * percent // 100  # rounded down: never above the share
        items.append(
            SupportItem(
                kind=kind,
                amount=min(share, limit),
                cap=limit,
                actual_cost=cost,
                parameter=f"{_P}skill_upgrade.percent",
                citation=share_cite,
            )
        )
        reasons.append(
            Reason(
                key="programmes.reason.upgrade_share",
                values={"item": kind, "percent": percent, "share_vnd": share, "cap_vnd": limit},
                citation=share_cite,
            )
        )
    return items


def _lodging(lk: Lookup, months: int) -> list[SupportItem]:
    """From 2026, lodging at a monthly rate for every worker of the route (P)."""
    if months <= 0 or lk.peek(f"{_P}lodging.per_month") is None:
        return []
    return [lk.per_unit(SupportKind.LODGING, f"{_P}lodging.per_month", months, SupportUnit.MONTH)]


def _poor_district_items(
    lk: Lookup,
    worker: Worker,
    costs: AbroadCosts,
    lodging: list[SupportItem],
    reasons: list[Reason],
) -> list[SupportKind]:
    """Poor-district lodging and personal items, whose rates are not encoded: pending.

    Pending (with a reason) for a worker whose ``poor_area`` is not ``False``; not
    payable, with a reason, for a worker known to live elsewhere.
    """
    claimed = [
        kind
        for kind, wanted in (
            (SupportKind.LODGING, costs.lodging_months > 0 and not lodging),
            (SupportKind.PERSONAL_ITEMS, costs.personal_items),
        )
        if wanted
    ]
    if not claimed:
        return []
    extra = lk.at(f"{_P}poor_district_items")
    listed = lk.codes(f"{_P}poor_district_items")
    kinds = [k for k in claimed if k.value in listed]
    if worker.poor_area is False:
        key, pending = "programmes.reason.not_poor_district", []
    else:  # a poor district, or not known: the amount is unknown either way
        key, pending = "programmes.reason.poor_district_items_not_encoded", kinds
    reasons.extend(Reason(key=key, values={"item": k}, citation=extra.citation) for k in kinds)
    return pending


# The programme shape (vnlabor.programmes.rule), checked by mypy.
_SHAPE: ClaimRule[Worker, AbroadCosts, AbroadEmploymentLawDecision] = abroad_support_employment_law
