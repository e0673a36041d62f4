"""Support for elementary (*sơ cấp*) and under-3-month vocational training.

:func:`training_support` decides what a trainee gets for one course on one day:

* **Scope**: only the levels in ``training.covered_levels`` (elementary, under 3 months);
  other levels are not eligible under this rule.
* **Once per person**: a person already supported is not eligible again, unless they
  lost the job for objective reasons, and then at most ``training.repeat.max_supports``
  supports in all (QĐ 46/2015 Art. 3; the reading "in all" is P).
* **Working age** (optional): checked only when ``Trainee.birth_date`` is given
  (TT 152/2016 Art. 4.1, completed years, bounds inclusive); otherwise a reason says it
  was not checked.
* **Category**: every category the trainee falls in is considered and the single one
  with the highest cap applies (ties: legal order). Newly-escaped households and
  low-income workers are a category only while Circular 55/2023 Art. 68.1 applies
  (15/08/2023-31/12/2026; from 31/05/2026 for extended 2021-2025 tasks only, Circular
  60/2026/TT-BTC Art. 21.1); before that day they are not eligible on that ground.
  "Newly escaped" is the caller's flag; a reason says the window it stands for is a
  credit rule applied by analogy (:mod:`vnlabor.poverty.newly_escaped`).
* **Low-income worker from the household**: when the trainee's household is given
  (``household=``), the LOW_INCOME category is derived from it with
  :func:`~vnlabor.poverty.low_income.is_low_income_worker` (Decree 30/2025/NĐ-CP Art. 1.3,
  cited in the reasons) while that criterion is in force. A ``low_income`` flag set
  explicitly on the trainee that contradicts the household is an error
  (:class:`~vnlabor.errors.ConflictingFactsError`), never a silent pick; so is a
  household classified as neither poor nor near-poor, within the ceiling, for a trainee
  recorded on the poor or near-poor list. A household whose status cannot be decided
  leaves ``low_income`` unknown (or as the trainee gives it), with a reason.
* **Tuition** = min(actual cost, cap); where a provincial overlay sets a level for the
  category (``training.provincial.cap.*``), the cap is min(provincial level, national
  cap) and both are cited. A province may leave national categories out of its rule
  (``training.provincial.excluded_categories``): the trainee is then paid through
  another category they fall in, if any (Hà Nội: fishers, land-recovered workers, and
  poor households in extremely difficult communes as such). An excluded ``fisher``
  category also takes the fishers' large-vessel share with it.
* **Meals** = rate × days of actual study, for the groups in ``training.meals.categories``.
* **Travel**: the special amount for disabled trainees and residents of difficult or
  extremely difficult communes at ``training.travel.special_min_km`` or more, else the
  standard amount at ``training.travel.standard_min_km`` or more (bounds inclusive), for the
  groups in ``training.travel.categories``.

Unknown facts: a ``None`` field that could change the category, meals or travel makes
the decision UNDETERMINED and is named in ``missing``. A missing distance (``None``)
leaves the decision ELIGIBLE with travel *pending* (``d.travel is None``,
``"distance_km"`` in ``d.missing``): tuition and meals do not depend on it, and travel
is never silently 0.

>>> from datetime import date
>>> from vnlabor.model.course import Course, CourseLevel
>>> from vnlabor.model.poverty_status import PovertyStatus
>>> from vnlabor.model.sex import Sex
>>> from vnlabor.model.trainee import Trainee
>>> t = Trainee(sex=Sex.FEMALE, rural=True, disabled=False, ethnic_minority=False,
...             household_status=PovertyStatus.NEAR_POOR, newly_escaped=False,
...             special_difficulty_area=False)
>>> course = Course(level=CourseLevel.UNDER_3_MONTHS, cost=5_000_000, study_days=30)
>>> d = training_support(t, course, on=date(2024, 5, 1), distance_km=20)
>>> d.eligible, d.category, d.tuition, d.meals, d.travel, d.total
(True, <TrainingCategory.NEAR_POOR: 'near_poor'>, 2500000, 900000, 200000, 3600000)
>>> training_support(t, course, on=date(2024, 5, 1)).travel is None
True

References:
    * Quyết định 46/2015/QĐ-TTg ngày 28/9/2015 của Thủ tướng Chính phủ, Điều 1-5.
    * Thông tư 152/2016/TT-BTC ngày 17/10/2016 của Bộ Tài chính, Điều 4 và 7.
    * Thông tư 55/2023/TT-BTC ngày 15/8/2023 của Bộ Tài chính, Điều 24 và 68 khoản 1.
    * Thông tư 60/2026/TT-BTC ngày 31/5/2026 của Bộ Tài chính, Điều 21 khoản 1.
    * Nghị định 30/2025/NĐ-CP ngày 24/02/2025 của Chính phủ, Điều 1 khoản 3 (low-income
      workers).
    * Quyết định 69/2024/QĐ-UBND ngày 09/12/2024 của UBND thành phố Hà Nội, Điều 1
      khoản 1 (overlay ``hanoi-69-2024``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction

from vnlabor.errors import ConflictingFactsError, PovertyStatusUndetermined
from vnlabor.law.book import LawBook
from vnlabor.law.citation import Citation
from vnlabor.law.parameter import ParameterValue
from vnlabor.law.reason import Reason
from vnlabor.model.course import Course
from vnlabor.model.household import Household
from vnlabor.model.person import age_on
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex
from vnlabor.model.trainee import Trainee
from vnlabor.poverty.low_income import LOW_INCOME_PARAMETER, assess_low_income_worker
from vnlabor.poverty.newly_escaped import WINDOW_PARAMETER, window_reason
from vnlabor.programmes.categories import Outcome, SupportKind, SupportUnit, TrainingCategory
from vnlabor.programmes.decision import (
    Lookup,
    SupportItem,
    TrainingDecision,
    resolve_unknowns,
)

__all__ = [
    "CAP_PARAMETER",
    "check_distance",
    "training_categories",
    "training_support",
    "travel_allowance",
]

CAP_PARAMETER: dict[TrainingCategory, str] = {
    TrainingCategory.DISABLED: "disabled",
    TrainingCategory.POOR_ETHNIC_MINORITY: "poor_ethnic_minority_or_special_area",
    TrainingCategory.POOR_SPECIAL_AREA: "poor_ethnic_minority_or_special_area",
    TrainingCategory.ETHNIC_MINORITY: "priority_group",
    TrainingCategory.MERIT: "priority_group",
    TrainingCategory.POOR: "priority_group",
    TrainingCategory.LAND_RECOVERED: "priority_group",
    TrainingCategory.LAID_OFF_WOMAN: "priority_group",
    TrainingCategory.FISHER: "priority_group",
    TrainingCategory.NEAR_POOR: "near_poor",
    TrainingCategory.NEWLY_ESCAPED: "newly_escaped_low_income",
    TrainingCategory.LOW_INCOME: "newly_escaped_low_income",
    TrainingCategory.WOMAN: "other_women_rural",
    TrainingCategory.RURAL_WORKER: "other_women_rural",
}
"""Suffix of the cap parameter (``training.cap.<suffix>``) of each category."""

_ORDER = {c: i for i, c in enumerate(TrainingCategory)}

_FACTS = (
    "sex",
    "rural",
    "disabled",
    "ethnic_minority",
    "household_status",
    "newly_escaped",
    "special_difficulty_area",
    "difficult_area",
    "merit",
    "land_recovered",
    "laid_off",
    "fisher",
    "low_income",
)
_LOW: dict[str, object] = dict.fromkeys(_FACTS, False) | {
    "sex": Sex.MALE,
    "household_status": PovertyStatus.NON_POOR,
}
_HIGH: dict[str, object] = dict.fromkeys(_FACTS, True) | {
    "sex": Sex.FEMALE,
    "household_status": PovertyStatus.POOR,
}


def check_distance(distance_km: object, name: str = "distance_km") -> Fraction | None:
    """Validate a distance in km: a finite number ≥ 0 (``int``, ``float``, ``Decimal``).

    Returned as an exact :class:`~fractions.Fraction` (``None`` stays ``None``: unknown).

    >>> check_distance(Decimal("14.999")) < 15
    True
    >>> check_distance(float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: distance_km phải là số hữu hạn không âm / distance_km must be a finite ...
    """
    if distance_km is None:
        return None
    if isinstance(distance_km, bool) or not isinstance(
        distance_km, int | float | Decimal | Fraction
    ):
        raise TypeError(f"{name} phải là số / {name} must be a number (km), got {distance_km!r}")
    finite = (
        distance_km.is_finite() if isinstance(distance_km, Decimal) else math.isfinite(distance_km)
    )
    if not finite or distance_km < 0:
        raise ValueError(
            f"{name} phải là số hữu hạn không âm / {name} must be a finite number ≥ 0, "
            f"got {distance_km!r}"
        )
    return Fraction(distance_km)


def training_categories(facts: dict[str, object]) -> tuple[TrainingCategory, ...]:
    """The categories a person with these (fully known) facts falls in, in legal order.

    >>> [c.value for c in training_categories({"sex": Sex.FEMALE, "disabled": True,
    ...                                       "household_status": PovertyStatus.POOR})]
    ['disabled', 'poor', 'woman']
    """
    poor = facts.get("household_status") is PovertyStatus.POOR
    female = facts.get("sex") is Sex.FEMALE
    holds = {
        TrainingCategory.DISABLED: facts.get("disabled") is True,
        TrainingCategory.POOR_ETHNIC_MINORITY: poor and facts.get("ethnic_minority") is True,
        TrainingCategory.POOR_SPECIAL_AREA: poor and facts.get("special_difficulty_area") is True,
        TrainingCategory.ETHNIC_MINORITY: facts.get("ethnic_minority") is True,
        TrainingCategory.MERIT: facts.get("merit") is True,
        TrainingCategory.POOR: poor,
        TrainingCategory.LAND_RECOVERED: facts.get("land_recovered") is True,
        TrainingCategory.LAID_OFF_WOMAN: female and facts.get("laid_off") is True,
        TrainingCategory.FISHER: facts.get("fisher") is True,
        TrainingCategory.NEAR_POOR: facts.get("household_status") is PovertyStatus.NEAR_POOR,
        TrainingCategory.NEWLY_ESCAPED: facts.get("newly_escaped") is True,
        TrainingCategory.LOW_INCOME: facts.get("low_income") is True,
        TrainingCategory.WOMAN: female,
        TrainingCategory.RURAL_WORKER: facts.get("rural") is True,
    }
    return tuple(c for c, ok in holds.items() if ok)


@dataclass(frozen=True)
class _Plan:
    # Only what changes the money compares: two plans paying the same are equal even
    # if they name different categories (ties) or list different ones.
    limit: int
    meals: bool
    travel: bool
    travel_amount: int | None
    category: TrainingCategory | None = field(compare=False)
    available: tuple[TrainingCategory, ...] = field(compare=False)
    skipped: tuple[tuple[TrainingCategory, str, ParameterValue | None], ...] = field(compare=False)
    national: tuple[str, ParameterValue] | None = field(compare=False)
    provincial: tuple[str, ParameterValue] | None = field(compare=False)
    special_travel: bool = field(compare=False)


def travel_allowance(
    book: LawBook, on: date, prefix: str, *, special: bool, distance: Fraction | None
) -> tuple[int, str | None] | None:
    """The one-round-trip travel allowance at ``distance`` km, and the parameter paying it.

    Shared by the training and working-abroad rules (``prefix`` ``"training.travel"``,
    ``"abroad.travel"``, …). Reads ``<prefix>.special`` / ``<prefix>.special_min_km``
    (only when ``special``: whoever the rule entitles to it) and ``<prefix>.standard`` /
    ``<prefix>.standard_min_km``; bounds inclusive. ``(0, None)`` when too close,
    ``None`` when the distance is unknown.

    >>> from vnlabor.law import national
    >>> travel_allowance(national(), date(2024, 1, 1), "abroad.travel", special=True,
    ...                  distance=Fraction(10))
    (300000, 'abroad.travel.special')
    """
    if distance is None:
        return None
    names = [f"{prefix}.special"] if special else []
    names.append(f"{prefix}.standard")
    for name in names:
        if distance >= book.amount(f"{name}_min_km", on):
            return book.amount(name, on), name
    return 0, None


def _plan(facts: dict[str, object], book: LawBook, on: date, distance: Fraction | None) -> _Plan:
    excluded_pv = book.find("training.provincial.excluded_categories", on)
    excluded = (
        set(excluded_pv.value) if excluded_pv and isinstance(excluded_pv.value, tuple) else set()
    )
    options: list[
        tuple[
            int,
            int,
            TrainingCategory,
            tuple[str, ParameterValue],
            tuple[str, ParameterValue] | None,
        ]
    ] = []
    skipped: list[tuple[TrainingCategory, str, ParameterValue | None]] = []
    for cat in training_categories(facts):
        suffix = CAP_PARAMETER[cat]
        name = f"training.cap.{suffix}"
        nat = book.find(name, on)
        if nat is None:
            skipped.append((cat, "not_in_force", None))
            continue
        if cat.value in excluded:
            skipped.append((cat, "excluded", excluded_pv))
            continue
        prov_name = f"training.provincial.cap.{suffix}"
        prov = book.find(prov_name, on)
        limit = _as_int(nat)
        if prov is not None:
            limit = min(limit, _as_int(prov))
        options.append(
            (limit, -_ORDER[cat], cat, (name, nat), None if prov is None else (prov_name, prov))
        )
    available = tuple(o[2] for o in options)
    codes = {c.value for c in available}
    meals = bool(codes & _codes(book, "training.meals.categories", on))
    travel = bool(codes & _codes(book, "training.travel.categories", on))
    special = any(
        facts.get(fact) is True
        for fact in ("disabled", "difficult_area", "special_difficulty_area")
    )
    found = travel_allowance(book, on, "training.travel", special=special, distance=distance)
    amount = (None if found is None else found[0]) if travel else 0
    if not options:
        return _Plan(0, meals, travel, amount, None, (), tuple(skipped), None, None, special)
    limit, _, cat, nat_use, prov_use = max(options, key=lambda o: (o[0], o[1]))
    return _Plan(
        limit, meals, travel, amount, cat, available, tuple(skipped), nat_use, prov_use, special
    )


_FISHER_VESSEL = "training.fisher_vessel.cost_share_percent"


def _fisher_vessel_share(
    lk: Lookup, trainee: Trainee, course: Course, cap: int, missing: list[str]
) -> tuple[int, int, Citation] | None:
    """Fishers on a large-vessel course are paid a share (100%) of the cost, not a cap.

    Returns the amount, the percentage and its citation when that pays more than the
    category cap; adds to ``missing`` a fact whose absence leaves it open.
    """
    if trainee.fisher is False or course.large_fishing_vessel is False:
        return None  # not read at all: a decision lists only the figures it relied on
    pv = lk.find(_FISHER_VESSEL)
    if pv is None:
        return None
    if TrainingCategory.FISHER.value in lk.codes("training.provincial.excluded_categories"):
        return None  # the province's rule has no fisher group (the reasons say so)
    share = _as_int(pv)
    amount = course.cost * share // 100  # rounded down: never above the share
    if amount <= min(course.cost, cap):
        return None  # the cap already pays as much
    unknown = [
        name
        for name, value in (
            ("fisher", trainee.fisher),
            ("large_fishing_vessel", course.large_fishing_vessel),
        )
        if value is None
    ]
    if unknown:
        missing.extend(u for u in unknown if u not in missing)
        return None
    return amount, share, pv.citation


def _as_int(pv: ParameterValue) -> int:
    v = pv.value
    if isinstance(v, bool) or not isinstance(v, int):
        raise TypeError(f"law value {v!r} is not an amount")
    return v


def _codes(book: LawBook, name: str, on: date) -> set[str]:
    pv = book.find(name, on)
    if pv is None:
        return set()
    return set(pv.value) if isinstance(pv.value, tuple) else {str(pv.value)}


def training_support(
    trainee: Trainee,
    course: Course,
    *,
    on: date,
    distance_km: int | float | Decimal | Fraction | None = None,
    law: LawBook | None = None,
    household: Household | None = None,
) -> TrainingDecision:
    """Decide the training support for ``trainee`` on ``course`` on day ``on``.

    Args:
        trainee: The person; ``None`` fields are unknown.
        course: The course (level, actual cost per trainee, days of actual study).
        on: Day whose law applies (usually the course's start).
        distance_km: Distance from home to the training site; ``None`` = unknown
            (travel stays pending). ``int``, ``float`` or ``Decimal``.
        law: Law book to apply (e.g. with a provincial overlay); national by default.
        household: The trainee's household, when known: the low-income category is
            then derived from it (Decree 30/2025/NĐ-CP), classified with ``law``.

    Returns:
        A :class:`~vnlabor.programmes.decision.TrainingDecision`.

    Raises:
        ValueError: ``distance_km`` is negative, NaN or infinite.
        TypeError: ``distance_km`` is not a number, or ``household`` not a ``Household``.
        vnlabor.errors.ConflictingFactsError: ``household`` contradicts the trainee's
            explicit ``low_income`` flag or poor / near-poor ``household_status``.
        vnlabor.errors.ParameterNotInForce: No training data for ``on`` (before 2016).
    """
    distance = check_distance(distance_km)
    if household is not None and not isinstance(household, Household):
        raise TypeError(
            "household phải là một Household / household must be a vnlabor.Household, "
            f"not {type(household).__name__}"
        )
    lk = Lookup(law, on)
    levels = lk.at("training.covered_levels").value

    def done(outcome: Outcome, reasons: list[Reason], **extra: object) -> TrainingDecision:
        return lk.decide(TrainingDecision, outcome, reasons, **extra)

    levels_cite = lk.at("training.covered_levels").citation
    if not isinstance(levels, tuple) or course.level.value not in levels:
        return done(
            Outcome.NOT_ELIGIBLE,
            [
                Reason(
                    key="programmes.reason.level_not_covered",
                    values={"level": course.level},
                    citation=levels_cite,
                )
            ],
        )

    reasons: list[Reason] = []
    if trainee.previous_supports:
        if not trainee.lost_job_objectively:
            return done(
                Outcome.NOT_ELIGIBLE,
                [
                    Reason(
                        key="programmes.reason.already_supported",
                        values={"count": trainee.previous_supports},
                        citation=lk.at("training.repeat.max_supports").citation,
                    )
                ],
            )
        limit, cite = lk.amount("training.repeat.max_supports")
        values = {"count": trainee.previous_supports, "limit": limit}
        if trainee.previous_supports >= limit:
            return done(
                Outcome.NOT_ELIGIBLE,
                [Reason(key="programmes.reason.repeat_limit", values=values, citation=cite)],
            )
        reasons.append(
            Reason(
                key="programmes.reason.repeat_allowed",
                values={"count": trainee.previous_supports + 1, "limit": limit},
                citation=cite,
            )
        )

    missing: list[str] = []
    if trainee.birth_date is None:
        reasons.append(Reason(key="programmes.reason.age_not_checked"))
    else:
        low_pv = lk.find("training.age.min")
        if low_pv is None:
            reasons.append(Reason(key="programmes.reason.age_not_checked"))
        else:
            age = age_on(trainee.birth_date, on)
            low = _as_int(low_pv)
            highs = {
                s: _as_int(lk.at(f"training.age.max.{s.value}"))
                for s in ((trainee.sex,) if trainee.sex is not None else tuple(Sex))
            }
            cite = low_pv.citation
            if age < low or age > max(highs.values()):
                high = max(highs.values())
                return done(
                    Outcome.NOT_ELIGIBLE,
                    [
                        *reasons,
                        Reason(
                            key="programmes.reason.age_outside",
                            values={"age": age, "low": low, "high": high},
                            citation=cite,
                        ),
                    ],
                )
            if age > min(highs.values()):
                missing.append("sex")

    facts: dict[str, object | None] = {f: getattr(trainee, f) for f in _FACTS}
    if household is not None:
        facts["low_income"] = _low_income_from_household(trainee, household, lk, reasons)
    book = lk.book
    plan, unknown = resolve_unknowns(facts, _LOW, _HIGH, lambda f: _plan(f, book, on, distance))
    missing.extend(u for u in unknown if u not in missing)
    full_cost = _fisher_vessel_share(lk, trainee, course, plan.limit, missing)
    if missing:
        return done(
            Outcome.UNDETERMINED,
            [
                *reasons,
                Reason(key="programmes.reason.missing_facts", values={"facts": ", ".join(missing)}),
            ],
            missing=tuple(missing),
        )

    for cat, why, pv in plan.skipped:
        if why == "not_in_force":
            reasons.append(
                Reason(
                    key="programmes.reason.category_not_in_force",
                    values={"category": cat, "date": f"{on:%d/%m/%Y}"},
                )
            )
        else:
            reasons.append(
                Reason(
                    key="programmes.reason.category_excluded",
                    values={"category": cat},
                    citation=None if pv is None else pv.citation,
                )
            )
    if plan.category is None or plan.national is None:
        return done(
            Outcome.NOT_ELIGIBLE,
            [*reasons, Reason(key="programmes.reason.no_category")],
        )

    if TrainingCategory.NEWLY_ESCAPED in plan.available:
        reasons.append(window_reason(lk.at(WINDOW_PARAMETER)))
    nat_name, nat_pv = plan.national
    lk.at(nat_name)
    cap_national = _as_int(nat_pv)
    items: list[SupportItem] = []
    reasons.insert(
        0,
        Reason(
            key="programmes.reason.category",
            values={"category": plan.category, "cap_vnd": cap_national},
            citation=nat_pv.citation,
        ),
    )
    prov_cite = None
    if plan.provincial is not None:
        prov_name, prov_pv = plan.provincial
        lk.at(prov_name)
        prov_cite = prov_pv.citation
        level = _as_int(prov_pv)
        key = (
            "programmes.reason.provincial_above_cap"
            if level > cap_national
            else "programmes.reason.provincial_level"
        )
        reasons.insert(
            1,
            Reason(
                key=key, values={"level_vnd": level, "cap_vnd": cap_national}, citation=prov_cite
            ),
        )
    if full_cost is not None:
        amount, share, cite = full_cost
        items.append(
            SupportItem(
                kind=SupportKind.TUITION,
                amount=amount,
                actual_cost=course.cost,
                unit=SupportUnit.COURSE,
                parameter=_FISHER_VESSEL,
                citation=cite,
            )
        )
        reasons.append(
            Reason(
                key="programmes.reason.fisher_vessel",
                values={"percent": share, "amount_vnd": amount},
                citation=cite,
            )
        )
    else:
        items.append(
            SupportItem(
                kind=SupportKind.TUITION,
                amount=min(course.cost, plan.limit),
                cap=plan.limit,
                actual_cost=course.cost,
                unit=SupportUnit.COURSE,
                parameter=nat_name,
                citation=nat_pv.citation,
                provincial_citation=prov_cite,
            )
        )

    lk.find("training.meals.categories")
    if plan.meals:
        rate, cite = lk.amount("training.meals.per_day")
        items.append(
            SupportItem(
                kind=SupportKind.MEALS,
                amount=rate * course.study_days,
                unit_rate=rate,
                quantity=course.study_days,
                unit=SupportUnit.DAY,
                parameter="training.meals.per_day",
                citation=cite,
            )
        )
    else:
        reasons.append(
            Reason(
                key="programmes.reason.no_meals",
                citation=lk.at("training.meals.categories").citation,
            )
        )

    pending: tuple[SupportKind, ...] = ()
    lk.find("training.travel.categories")
    if plan.travel:
        if distance is None:
            pending = (SupportKind.TRAVEL,)
            missing.append("distance_km")
            reasons.append(Reason(key="programmes.reason.travel_unknown"))
        else:
            items.extend(_travel(lk, plan.special_travel, distance, distance_km, reasons))

    return done(
        Outcome.ELIGIBLE,
        reasons,
        category=plan.category,
        categories=plan.available,
        items=tuple(items),
        pending=pending,
        missing=tuple(missing),
    )


def _low_income_from_household(
    trainee: Trainee, household: Household, lk: Lookup, reasons: list[Reason]
) -> bool | None:
    """The ``low_income`` fact derived from the trainee's household (Decree 30/2025).

    Appends the reasons; raises :class:`ConflictingFactsError` when the trainee's own
    facts contradict the household. Falls back on the trainee's flag when the criterion
    is not in force that day, and on what the trainee explicitly says (else unknown)
    when the household's status is undetermined.
    """
    given = trainee.low_income if "low_income" in trainee.model_fields_set else None
    day = lk.on
    if lk.book.find(f"{LOW_INCOME_PARAMETER}.{household.area.value}", day) is None:
        reasons.append(
            Reason(key="programmes.reason.low_income_not_in_force", values={"date": day})
        )
        return trainee.low_income
    try:
        found = assess_low_income_worker(household, on=day, law=lk.book)
    except PovertyStatusUndetermined as exc:
        status = exc.status if isinstance(exc.status, Enum) else str(exc.status)
        reasons.append(
            Reason(
                key="programmes.reason.low_income_undetermined",
                values={"date": day, "status": status},
            )
        )
        return given
    lk.at(found.parameter)  # the ceiling is a figure the decision relies on
    source = "the household (Decree 30/2025/NĐ-CP)"
    if given is not None and given is not found.is_low_income:
        raise ConflictingFactsError("low_income", given, found.is_low_income, source)
    listed = trainee.household_status in (PovertyStatus.POOR, PovertyStatus.NEAR_POOR)
    if found.is_low_income and listed:
        raise ConflictingFactsError(
            "household_status", trainee.household_status, found.status, source
        )
    reasons.extend(found.reasons)
    return found.is_low_income


def _travel(
    lk: Lookup,
    special: bool,
    distance: Fraction,
    shown: object,
    reasons: list[Reason],
) -> list[SupportItem]:
    std_min, std_cite = lk.amount("training.travel.standard_min_km")
    choices = []
    if special:
        sp_min, _ = lk.amount("training.travel.special_min_km")
        choices.append(("training.travel.special", sp_min))
    choices.append(("training.travel.standard", std_min))
    for name, min_km in choices:
        if distance >= min_km:
            amount, cite = lk.amount(name)
            reasons.append(
                Reason(
                    key="programmes.reason.travel",
                    values={"amount_vnd": amount, "distance": str(shown), "min_km": min_km},
                    citation=cite,
                )
            )
            return [
                SupportItem(
                    kind=SupportKind.TRAVEL,
                    amount=amount,
                    cap=amount,
                    unit=SupportUnit.COURSE,
                    parameter=name,
                    citation=cite,
                )
            ]
    nearest = min(m for _, m in choices)
    reasons.append(
        Reason(
            key="programmes.reason.travel_too_close",
            values={"distance": str(shown), "min_km": nearest},
            citation=std_cite,
        )
    )
    return []
