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

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from fractions import Fraction

from vnlabor.errors import ConflictingFactsError, PovertyStatusUndetermined
from vnlabor.law.book import LawBook
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
from vnlabor.programmes.categories import (
    CAP_PARAMETER,
    Outcome,
    SupportKind,
    SupportUnit,
    TrainingCategory,
    training_categories,
)
from vnlabor.programmes.decision import SupportItem, TrainingDecision
from vnlabor.programmes.rule import (
    NO_TRAVEL,
    ClaimRule,
    Facts,
    Lookup,
    Travel,
    check_distance,
    travel,
)

__all__ = [
    "CAP_PARAMETER",
    "check_distance",
    "training_categories",
    "training_support",
    "travel_allowance",
]

_ORDER = {c: i for i, c in enumerate(TrainingCategory)}

_FACTS = Facts(
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
    sex=(Sex.MALE, Sex.FEMALE),
    household_status=(PovertyStatus.NON_POOR, PovertyStatus.POOR),
)
_EXCLUDED = "training.provincial.excluded_categories"
_FISHER_VESSEL = "training.fisher_vessel.cost_share_percent"


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
    _check_household(household)
    lk = Lookup(law, on)
    reasons: list[Reason] = []
    missing: list[str] = []

    # 1. Scope, once per person, working age (QĐ 46/2015 Art. 1, 3; TT 152/2016 Art. 4.1).
    refused = (
        _level_not_covered(lk, course)
        or _already_supported(lk, trainee, reasons)
        or _outside_working_age(lk, trainee, reasons, missing)
    )
    if refused is not None:
        return lk.decide(TrainingDecision, Outcome.NOT_ELIGIBLE, [*reasons, refused])

    # 2. The categories, with unknown facts resolved (the low-income one from the household).
    facts = _FACTS.of(trainee)
    if household is not None:
        facts["low_income"] = _low_income_from_household(trainee, household, lk, reasons)
    plan, unknown, reads = lk.resolve(
        _FACTS, facts, lambda f, fork: _plan(f, fork, distance, distance_km)
    )
    missing.extend(u for u in unknown if u not in missing)
    vessel = _fisher_vessel_share(lk, trainee, course, plan.limit, missing)
    if missing:
        return lk.undetermined(TrainingDecision, missing, reasons)
    lk.adopt(reads)
    reasons.extend(plan.skipped)
    if plan.category is None or plan.national is None:
        return lk.decide(
            TrainingDecision,
            Outcome.NOT_ELIGIBLE,
            [*reasons, Reason(key="programmes.reason.no_category")],
        )

    # 3. The items: tuition, meals, travel (QĐ 46/2015 Art. 4-5; TT 152/2016 Art. 7).
    if TrainingCategory.NEWLY_ESCAPED in plan.available:
        reasons.append(window_reason(lk.at(WINDOW_PARAMETER)))
    reasons[:0] = _category_reasons(plan)
    items = [vessel.item if vessel else _tuition(plan, course)]
    if vessel:
        reasons.append(vessel.reason)
    items += _meals(lk, plan, course, reasons)
    items += plan.travel.items
    reasons += plan.travel.reasons
    return lk.decide(
        TrainingDecision,
        Outcome.ELIGIBLE,
        reasons,
        category=plan.category,
        categories=plan.available,
        items=tuple(items),
        pending=plan.travel.pending,
        missing=plan.travel.missing,
    )


def _check_household(household: object) -> None:
    if household is not None and not isinstance(household, Household):
        raise TypeError(
            "household phải là một Household / household must be a vnlabor.Household, "
            f"not {type(household).__name__}"
        )


# --- 1. scope, once per person, working age ---------------------------------------------


def _level_not_covered(lk: Lookup, course: Course) -> Reason | None:
    """Only the levels of ``training.covered_levels`` (QĐ 46/2015 Art. 1)."""
    levels = lk.at("training.covered_levels")
    if course.level.value in lk.codes("training.covered_levels"):
        return None
    return Reason(
        key="programmes.reason.level_not_covered",
        values={"level": course.level},
        citation=levels.citation,
    )


def _already_supported(lk: Lookup, trainee: Trainee, reasons: list[Reason]) -> Reason | None:
    """Once per person, unless the job was lost for objective reasons (QĐ 46/2015 Art. 3)."""
    count = trainee.previous_supports
    if not count:
        return None
    limit, cite = lk.amount("training.repeat.max_supports")
    if not trainee.lost_job_objectively:
        return Reason(
            key="programmes.reason.already_supported", values={"count": count}, citation=cite
        )
    if count >= limit:
        return Reason(
            key="programmes.reason.repeat_limit",
            values={"count": count, "limit": limit},
            citation=cite,
        )
    reasons.append(
        Reason(
            key="programmes.reason.repeat_allowed",
            values={"count": count + 1, "limit": limit},
            citation=cite,
        )
    )
    return None


def _outside_working_age(
    lk: Lookup, trainee: Trainee, reasons: list[Reason], missing: list[str]
) -> Reason | None:
    """Working age, when the birth date is known (TT 152/2016 Art. 4.1, bounds inclusive).

    With the sex unknown, an age between the two upper bounds leaves ``sex`` missing.
    """
    low = None if trainee.birth_date is None else lk.find("training.age.min")
    if trainee.birth_date is None or low is None:
        reasons.append(Reason(key="programmes.reason.age_not_checked"))
        return None
    age = age_on(trainee.birth_date, lk.on)
    sexes = tuple(Sex) if trainee.sex is None else (trainee.sex,)
    highs = [lk.at(f"training.age.max.{s.value}").amount for s in sexes]
    if age < low.amount or age > max(highs):
        return Reason(
            key="programmes.reason.age_outside",
            values={"age": age, "low": low.amount, "high": max(highs)},
            citation=low.citation,
        )
    if age > min(highs):
        missing.append("sex")
    return None


# --- 2. categories ----------------------------------------------------------------------


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
    if lk.peek(f"{LOW_INCOME_PARAMETER}.{household.area.value}") is None:
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


@dataclass(frozen=True)
class _Plan:
    # Only what changes the money compares: two plans paying the same are equal even
    # if they name different categories (ties) or list different ones. The defaults are
    # the plan of a person in no category: nothing to pay.
    limit: int = 0
    meals: bool = False
    travel: Travel = NO_TRAVEL
    category: TrainingCategory | None = field(default=None, compare=False)
    available: tuple[TrainingCategory, ...] = field(default=(), compare=False)
    skipped: tuple[Reason, ...] = field(default=(), compare=False)
    national: ParameterValue | None = field(default=None, compare=False)
    provincial: ParameterValue | None = field(default=None, compare=False)


@dataclass(frozen=True)
class _Cap:
    limit: int
    category: TrainingCategory
    national: ParameterValue
    provincial: ParameterValue | None


def _plan(facts: dict[str, object], lk: Lookup, distance: Fraction | None, shown: object) -> _Plan:
    """The single category with the highest cap, and what it entitles to (QĐ 46/2015 Art. 4).

    Categories not in force that day, or left out by the province, are skipped with a
    reason; ties go to the legal order.
    """
    caps, skipped = _caps(facts, lk)
    if not caps:
        return _Plan(skipped=skipped)
    best = max(caps, key=lambda c: (c.limit, -_ORDER[c.category]))
    lk.at(f"training.cap.{CAP_PARAMETER[best.category]}")  # the cap relied on
    if best.provincial is not None:
        lk.at(f"training.provincial.cap.{CAP_PARAMETER[best.category]}")
    available = tuple(c.category for c in caps)
    codes = {c.value for c in available}
    meals = bool(codes & lk.codes("training.meals.categories"))
    travel_due = bool(codes & lk.codes("training.travel.categories"))
    special = any(
        facts.get(fact) is True
        for fact in ("disabled", "difficult_area", "special_difficulty_area")
    )
    return _Plan(
        best.limit,
        meals=meals,
        travel=(
            travel(lk, "training.travel", special=special, distance=distance, shown=shown)
            if travel_due
            else NO_TRAVEL
        ),
        category=best.category,
        available=available,
        skipped=skipped,
        national=best.national,
        provincial=best.provincial,
    )


def _caps(facts: dict[str, object], lk: Lookup) -> tuple[list[_Cap], tuple[Reason, ...]]:
    """The cap of every category the person is in, and why some are skipped."""
    excluded = lk.peek_codes(_EXCLUDED)
    caps: list[_Cap] = []
    skipped: list[Reason] = []
    for cat in training_categories(facts):
        suffix = CAP_PARAMETER[cat]
        national = lk.peek(f"training.cap.{suffix}")
        if national is None:
            skipped.append(
                Reason(
                    key="programmes.reason.category_not_in_force",
                    values={"category": cat, "date": f"{lk.on:%d/%m/%Y}"},
                )
            )
        elif cat.value in excluded:
            skipped.append(
                Reason(
                    key="programmes.reason.category_excluded",
                    values={"category": cat},
                    citation=lk.at(_EXCLUDED).citation,
                )
            )
        else:
            provincial = lk.peek(f"training.provincial.cap.{suffix}")
            limit = national.amount
            if provincial is not None:
                limit = min(limit, provincial.amount)
            caps.append(_Cap(limit, cat, national, provincial))
    return caps, tuple(skipped)


@dataclass(frozen=True)
class _VesselShare:
    item: SupportItem
    reason: Reason


def _fisher_vessel_share(
    lk: Lookup, trainee: Trainee, course: Course, cap: int, missing: list[str]
) -> _VesselShare | None:
    """Fishers on a large-vessel course are paid a share (100%) of the cost, not a cap.

    Returns the tuition item and its reason when that pays more than the category cap;
    adds to ``missing`` a fact whose absence leaves it open.
    """
    if trainee.fisher is False or course.large_fishing_vessel is False:
        return None  # not read at all: a decision lists only the figures it relied on
    pv = lk.find(_FISHER_VESSEL)
    if pv is None:
        return None
    if TrainingCategory.FISHER.value in lk.codes(_EXCLUDED):
        return None  # the province's rule has no fisher group (the reasons say so)
    share = pv.amount
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
    item = SupportItem(
        kind=SupportKind.TUITION,
        amount=amount,
        actual_cost=course.cost,
        unit=SupportUnit.COURSE,
        parameter=_FISHER_VESSEL,
        citation=pv.citation,
    )
    reason = Reason(
        key="programmes.reason.fisher_vessel",
        values={"percent": share, "amount_vnd": amount},
        citation=pv.citation,
    )
    return _VesselShare(item, reason)


# --- 3. items ---------------------------------------------------------------------------


def _category_reasons(plan: _Plan) -> list[Reason]:
    """The category chosen and its national cap, then the provincial level if any."""
    assert plan.category is not None
    assert plan.national is not None
    cap = plan.national.amount
    reasons = [
        Reason(
            key="programmes.reason.category",
            values={"category": plan.category, "cap_vnd": cap},
            citation=plan.national.citation,
        )
    ]
    if plan.provincial is not None:
        level = plan.provincial.amount
        reasons.append(
            Reason(
                key="programmes.reason.provincial_above_cap"
                if level > cap
                else "programmes.reason.provincial_level",
                values={"level_vnd": level, "cap_vnd": cap},
                citation=plan.provincial.citation,
            )
        )
    return reasons


def _tuition(plan: _Plan, course: Course) -> SupportItem:
    """The actual cost up to the cap (the provincial level where lower), citing both."""
    assert plan.category is not None
    assert plan.national is not None
    return SupportItem(
        kind=SupportKind.TUITION,
        amount=min(course.cost, plan.limit),
        cap=plan.limit,
        actual_cost=course.cost,
        unit=SupportUnit.COURSE,
        parameter=f"training.cap.{CAP_PARAMETER[plan.category]}",
        citation=plan.national.citation,
        provincial_citation=None if plan.provincial is None else plan.provincial.citation,
    )


def _meals(lk: Lookup, plan: _Plan, course: Course, reasons: list[Reason]) -> list[SupportItem]:
    """Rate × days of actual study, for the groups in ``training.meals.categories``."""
    if plan.meals:
        return [
            lk.per_unit(
                SupportKind.MEALS, "training.meals.per_day", course.study_days, SupportUnit.DAY
            )
        ]
    reasons.append(
        Reason(
            key="programmes.reason.no_meals", citation=lk.at("training.meals.categories").citation
        )
    )
    return []


def travel_allowance(
    book: LawBook, on: date, prefix: str, *, special: bool, distance: Fraction | None
) -> tuple[int, str | None] | None:
    """The travel allowance at ``distance`` km and the parameter paying it.

    A shortcut over :func:`vnlabor.programmes.rule.travel` (which the rules use, with
    the item and reasons): ``(0, None)`` when too close, ``None`` when the distance is
    unknown.

    >>> from vnlabor.law import national
    >>> travel_allowance(national(), date(2024, 1, 1), "abroad.travel", special=True,
    ...                  distance=Fraction(10))
    (300000, 'abroad.travel.special')
    """
    found = travel(Lookup(book, on), prefix, special=special, distance=distance, shown=distance)
    if found.amount is None:
        return None
    return found.amount, (found.items[0].parameter if found.items else None)


# The programme shape (vnlabor.programmes.rule), checked by mypy.
_SHAPE: ClaimRule[Trainee, Course, TrainingDecision] = training_support
