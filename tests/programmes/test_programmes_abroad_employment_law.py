"""Working abroad under the Employment Law (Joint Circular 09/2016 Art. 3): groups,
caps, meals, travel, skill upgrades, unknown facts, dates and properties."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter

import vnlabor as vl
from vnlabor.base.confidence import Confidence
from vnlabor.errors import ParameterNotInForce
from vnlabor.law import national
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.worker import Worker
from vnlabor.programmes import (
    AbroadCosts,
    AbroadEmploymentLawDecision,
    AnyDecision,
    EmploymentLawGroup,
    Outcome,
    Programme,
    SupportKind,
    TrainingCategory,
    abroad_support_employment_law,
    is_eligible,
)

DAY = date(2019, 6, 1)
IN_FORCE = date(2016, 8, 1)
BOOK = national()
ALL = AbroadCosts(
    vocational_training=5_000_000,
    foreign_language=5_000_000,
    orientation=1_000_000,
    training_days=90,
    passport=200_000,
    visa=1_500_000,
    criminal_record=200_000,
    health_check=900_000,
    skill_upgrade=10_000_000,
    language_upgrade=10_000_000,
)


def worker(**kw: Any) -> Worker:
    """A Kinh worker of a non-poor household, every fact known, no group."""
    base: dict[str, Any] = {
        "ethnic_minority": False,
        "household_status": PovertyStatus.NON_POOR,
        "land_recovered": False,
        "merit_relative": False,
        "special_difficulty_area": False,
        "poor_area": False,
    }
    return Worker(**(base | kw))


def decide(w: Worker, costs: AbroadCosts = ALL, **kw: Any) -> AbroadEmploymentLawDecision:
    kw.setdefault("on", DAY)
    kw.setdefault("distance_km", 0)
    return abroad_support_employment_law(w, costs, **kw)


def items(d: AbroadEmploymentLawDecision) -> dict[SupportKind, int]:
    return {i.kind: i.amount for i in d.items}


# --- who -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "group", "category", "tuition"),
    [
        (
            {"ethnic_minority": True},
            EmploymentLawGroup.ETHNIC_MINORITY,
            TrainingCategory.ETHNIC_MINORITY,
            3_000_000,
        ),
        (
            {"household_status": PovertyStatus.POOR},
            EmploymentLawGroup.POOR,
            TrainingCategory.POOR,
            3_000_000,
        ),
        (
            {"household_status": PovertyStatus.NEAR_POOR},
            EmploymentLawGroup.NEAR_POOR,
            TrainingCategory.NEAR_POOR,
            2_500_000,
        ),
        (
            {"land_recovered": True},
            EmploymentLawGroup.LAND_RECOVERED,
            TrainingCategory.LAND_RECOVERED,
            3_000_000,
        ),
        (
            {"merit_relative": True},
            EmploymentLawGroup.MERIT_RELATIVE,
            TrainingCategory.MERIT,
            3_000_000,
        ),
    ],
)
def test_each_group_is_eligible(
    facts: dict[str, Any],
    group: EmploymentLawGroup,
    category: TrainingCategory,
    tuition: int,
) -> None:
    d = decide(worker(**facts))
    assert d.outcome is Outcome.ELIGIBLE
    assert d.kind is Programme.ABROAD_EMPLOYMENT_LAW
    assert d.groups == (group,)
    assert d.category is category
    assert d.category_member is category
    assert items(d)[SupportKind.TUITION] == tuition
    assert any(r.key == "programmes.reason.employment_law_group" for r in d.reasons)


@pytest.mark.parametrize("status", [PovertyStatus.NON_POOR, PovertyStatus.AVERAGE_LIVING_STANDARD])
def test_a_worker_in_no_group_is_not_eligible(status: PovertyStatus) -> None:
    # Living in a poor area is a ground under Circular 55/2023 Art. 69.3, not here.
    d = decide(worker(household_status=status, poor_area=True, special_difficulty_area=True))
    assert d.outcome is Outcome.NOT_ELIGIBLE
    assert d.eligible is False
    assert d.items == ()
    assert d.total == 0
    assert d.groups == ()
    assert d.category is None
    assert d.reasons[0].key == "programmes.reason.no_employment_law_group"
    assert d.reasons[0].citation is not None
    assert d.reasons[0].citation.instrument == "38/2013/QH13"


@pytest.mark.parametrize(
    ("facts", "category"),
    [
        (
            {"ethnic_minority": True, "household_status": PovertyStatus.POOR},
            TrainingCategory.POOR_ETHNIC_MINORITY,
        ),
        (
            {"household_status": PovertyStatus.POOR, "special_difficulty_area": True},
            TrainingCategory.POOR_SPECIAL_AREA,
        ),
    ],
)
def test_poor_ethnic_minority_or_extremely_difficult_commune_gets_4m(
    facts: dict[str, Any], category: TrainingCategory
) -> None:
    d = decide(worker(**facts))
    assert d.category is category
    assert items(d)[SupportKind.TUITION] == 4_000_000
    assert d.items[0].parameter == "training.cap.poor_ethnic_minority_or_special_area"


def test_several_groups_most_favourable_each_item_once() -> None:
    w = worker(
        ethnic_minority=True,
        household_status=PovertyStatus.NEAR_POOR,
        land_recovered=True,
        merit_relative=True,
    )
    d = decide(w, distance_km=20)
    assert d.groups == (
        EmploymentLawGroup.ETHNIC_MINORITY,
        EmploymentLawGroup.NEAR_POOR,
        EmploymentLawGroup.LAND_RECOVERED,
        EmploymentLawGroup.MERIT_RELATIVE,
    )
    # 3,000,000 (point c) beats the near-poor 2,500,000; ties go to the legal order.
    assert d.category is TrainingCategory.ETHNIC_MINORITY
    assert items(d)[SupportKind.TUITION] == 3_000_000
    kinds = [i.kind for i in d.items]
    assert len(kinds) == len(set(kinds))
    # The merit reading (P) did not decide anything: no confidence flag.
    assert d.unconfirmed == ()
    assert d.confidence is Confidence.CONFIRMED


def test_relatives_of_people_with_merit_are_flagged_as_a_reading() -> None:
    d = decide(worker(merit_relative=True))
    assert [p.name for p in d.unconfirmed] == ["abroad.employment_law.merit_relative_category"]
    assert d.confidence is Confidence.PARTLY_CONFIRMED
    assert any(r.key == "programmes.reason.figure_not_confirmed" for r in d.reasons)


def test_full_claim_itemised_and_cited() -> None:
    w = worker(ethnic_minority=True, household_status=PovertyStatus.POOR)
    d = decide(w, distance_km=20)
    assert items(d) == {
        SupportKind.TUITION: 4_000_000,
        SupportKind.FOREIGN_LANGUAGE: 3_000_000,
        SupportKind.ORIENTATION: 530_000,
        SupportKind.MEALS: 90 * 40_000,
        SupportKind.TRAVEL: 200_000,
        SupportKind.PASSPORT: 200_000,
        SupportKind.CRIMINAL_RECORD: 200_000,
        SupportKind.VISA: 1_500_000,
        SupportKind.HEALTH_CHECK: 750_000,
        SupportKind.SKILL_UPGRADE: 4_000_000,
        SupportKind.LANGUAGE_UPGRADE: 3_000_000,
    }
    assert d.total == sum(items(d).values()) == 20_980_000
    assert d.complete
    for item in d.items:
        assert isinstance(item.amount, int)
        expected = (
            "152/2016/TT-BTC" if item.kind is SupportKind.TUITION else "09/2016/TTLT-BLĐTBXH-BTC"
        )
        assert item.citation.instrument == expected, item.kind
        assert item.citation.article == ("7" if item.kind is SupportKind.TUITION else "3")


def test_vocational_cap_cites_qd46_before_tt152() -> None:
    d = decide(worker(household_status=PovertyStatus.NEAR_POOR), on=date(2016, 9, 1))
    assert d.items[0].citation.instrument == "46/2015/QĐ-TTg"
    assert d.items[0].citation.article == "4"


# --- caps ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "kind", "cap"),
    [
        ("vocational_training", SupportKind.TUITION, 2_500_000),  # near-poor, QĐ 46 point d
        ("foreign_language", SupportKind.FOREIGN_LANGUAGE, 3_000_000),
        ("orientation", SupportKind.ORIENTATION, 530_000),
        ("health_check", SupportKind.HEALTH_CHECK, 750_000),
    ],
)
@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_each_cap_at_the_cap_and_one_dong_over(
    field: str, kind: SupportKind, cap: int, delta: int
) -> None:
    w = worker(household_status=PovertyStatus.NEAR_POOR)
    d = decide(w, AbroadCosts(**{field: cap + delta}))
    (item,) = d.items
    assert item.kind is kind
    assert item.cap == cap
    assert item.actual_cost == cap + delta
    assert item.amount == min(cap, cap + delta)
    assert d.total == item.amount


def test_procedure_fees_at_actual_cost_without_cap() -> None:
    costs = AbroadCosts(passport=200_000, criminal_record=200_000, visa=9_000_000)
    d = decide(worker(land_recovered=True), costs)
    assert items(d) == {
        SupportKind.PASSPORT: 200_000,
        SupportKind.CRIMINAL_RECORD: 200_000,
        SupportKind.VISA: 9_000_000,
    }
    assert all(i.cap is None for i in d.items)


def test_nothing_claimed_pays_nothing_but_is_eligible() -> None:
    d = decide(worker(ethnic_minority=True), AbroadCosts(), distance_km=1)
    assert d.eligible is True
    assert d.items == ()
    assert d.total == 0


@pytest.mark.parametrize("days", [0, 1, 45, 365])
def test_meals_are_the_rate_times_the_days(days: int) -> None:
    d = decide(worker(ethnic_minority=True), AbroadCosts(training_days=days))
    assert d.amount(SupportKind.MEALS) == 40_000 * days
    if days:
        (meals,) = d.items
        assert meals.unit_rate == 40_000
        assert meals.quantity == days
    else:
        assert d.items == ()


# --- travel ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("special", "km", "paid"),
    [
        (False, 14.999, 0),
        (False, Decimal("14.999"), 0),
        (False, 15, 200_000),
        (False, 10, 0),
        (False, 80, 200_000),
        (True, 9.999, 0),
        (True, Decimal("9.999"), 0),
        (True, 10, 300_000),
        (True, 15, 300_000),
    ],
)
def test_travel_boundaries(special: bool, km: float | Decimal, paid: int) -> None:
    w = worker(household_status=PovertyStatus.NEAR_POOR, special_difficulty_area=special)
    d = decide(w, AbroadCosts(), distance_km=km)
    assert d.amount(SupportKind.TRAVEL) == paid
    keys = {r.key for r in d.reasons}
    assert ("programmes.reason.travel" in keys) is bool(paid)
    assert ("programmes.reason.travel_too_close" in keys) is not bool(paid)


def test_unknown_distance_leaves_travel_pending() -> None:
    d = abroad_support_employment_law(
        worker(ethnic_minority=True), AbroadCosts(training_days=10), on=DAY
    )
    assert d.eligible is True
    assert d.pending == (SupportKind.TRAVEL,)
    assert d.missing == ("distance_km",)
    assert d.amount(SupportKind.TRAVEL) is None
    assert d.amount(SupportKind.MEALS) == 400_000
    assert not d.complete


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1])
def test_bad_distance(bad: float) -> None:
    with pytest.raises(ValueError, match="distance_km"):
        decide(worker(ethnic_minority=True), distance_km=bad)


# --- skill and language upgrades ------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "kind", "cost", "paid"),
    [
        ("skill_upgrade", SupportKind.SKILL_UPGRADE, 1_000_000, 700_000),
        ("skill_upgrade", SupportKind.SKILL_UPGRADE, 1, 0),  # 0.7 đồng rounds down
        ("skill_upgrade", SupportKind.SKILL_UPGRADE, 3_571_428, 2_499_999),
        ("skill_upgrade", SupportKind.SKILL_UPGRADE, 3_571_429, 2_500_000),  # at the cap
        ("skill_upgrade", SupportKind.SKILL_UPGRADE, 3_571_430, 2_500_000),  # 2,500,001 → cap
        ("language_upgrade", SupportKind.LANGUAGE_UPGRADE, 1_000_000, 700_000),
        ("language_upgrade", SupportKind.LANGUAGE_UPGRADE, 4_285_714, 2_999_999),
        ("language_upgrade", SupportKind.LANGUAGE_UPGRADE, 4_285_715, 3_000_000),
        ("language_upgrade", SupportKind.LANGUAGE_UPGRADE, 4_285_716, 3_000_000),
    ],
)
def test_upgrade_is_70_percent_within_the_cap(
    field: str, kind: SupportKind, cost: int, paid: int
) -> None:
    # Near-poor: the skill cap is the QĐ 46 point d rate (2,500,000); language 3,000,000.
    d = decide(worker(household_status=PovertyStatus.NEAR_POOR), AbroadCosts(**{field: cost}))
    (item,) = d.items
    assert item.kind is kind
    assert item.amount == paid
    assert item.cap is not None
    assert item.amount <= item.cap
    assert item.parameter == "abroad.employment_law.skill_upgrade.percent"
    share = next(r for r in d.reasons if r.key == "programmes.reason.upgrade_share")
    assert share.values["percent"] == 70
    assert share.values["share_vnd"] == cost * 70 // 100


def test_skill_upgrade_cap_follows_the_category() -> None:
    w = worker(ethnic_minority=True, household_status=PovertyStatus.POOR)
    d = decide(w, AbroadCosts(skill_upgrade=10_000_000))
    assert items(d) == {SupportKind.SKILL_UPGRADE: 4_000_000}


# --- poor-district lodging and personal items (not encoded) ----------------------------


@pytest.mark.parametrize("poor_area", [True, None])
def test_poor_district_items_are_pending_not_invented(poor_area: bool | None) -> None:
    w = worker(household_status=PovertyStatus.POOR, poor_area=poor_area)
    costs = AbroadCosts(lodging_months=3, personal_items=True, foreign_language=1_000_000)
    d = decide(w, costs)
    assert d.outcome is Outcome.ELIGIBLE
    assert d.pending == (SupportKind.LODGING, SupportKind.PERSONAL_ITEMS)
    assert d.amount(SupportKind.LODGING) is None
    assert d.amount(SupportKind.PERSONAL_ITEMS) is None
    assert d.total == 1_000_000
    assert not d.complete
    keys = [r.key for r in d.reasons]
    assert keys.count("programmes.reason.poor_district_items_not_encoded") == 2
    assert vl.Budget.of([d]).incomplete == 1


def test_poor_district_items_not_payable_elsewhere() -> None:
    w = worker(household_status=PovertyStatus.POOR, poor_area=False)
    d = decide(w, AbroadCosts(lodging_months=3, personal_items=True))
    assert d.pending == ()
    assert d.items == ()
    assert d.complete
    assert [r.key for r in d.reasons].count("programmes.reason.not_poor_district") == 2


def test_poor_district_items_not_claimed_say_nothing() -> None:
    d = decide(worker(household_status=PovertyStatus.POOR, poor_area=True), AbroadCosts())
    assert d.pending == ()
    assert not any("poor_district" in r.key for r in d.reasons)


# --- unknown facts ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "missing", "distance"),
    [
        ({"household_status": None}, ("household_status",), 0),
        ({"ethnic_minority": None}, ("ethnic_minority",), 0),
        ({"land_recovered": None}, ("land_recovered",), 0),
        ({"merit_relative": None}, ("merit_relative",), 0),
        # Near-poor: eligible, but ethnic minority would raise the vocational cap.
        (
            {"household_status": PovertyStatus.NEAR_POOR, "ethnic_minority": None},
            ("ethnic_minority",),
            0,
        ),
        # Poor: the extremely difficult commune raises the cap and the travel.
        (
            {"household_status": PovertyStatus.POOR, "special_difficulty_area": None},
            ("special_difficulty_area",),
            12,
        ),
    ],
)
def test_unknown_facts_that_matter_make_it_undetermined(
    facts: dict[str, Any], missing: tuple[str, ...], distance: int
) -> None:
    d = decide(worker(**facts), distance_km=distance)
    assert d.outcome is Outcome.UNDETERMINED
    assert d.eligible is None
    assert d.missing == missing
    assert d.items == ()
    assert d.amount(SupportKind.TUITION) is None
    assert d.reasons[0].key == "programmes.reason.missing_facts"


def test_unknown_facts_that_cannot_matter_are_ignored() -> None:
    # A poor ethnic-minority worker already has the highest cap: land and merit do not matter.
    w = worker(
        ethnic_minority=True,
        household_status=PovertyStatus.POOR,
        land_recovered=None,
        merit_relative=None,
        poor_area=None,
    )
    d = decide(w)
    assert d.outcome is Outcome.ELIGIBLE
    assert d.missing == ()


# --- dates and age ---------------------------------------------------------------------


def test_before_the_joint_circular_raises() -> None:
    w = worker(ethnic_minority=True)
    with pytest.raises(ParameterNotInForce, match=r"abroad\.employment_law"):
        decide(w, on=IN_FORCE - timedelta(days=1))
    day_before = IN_FORCE - timedelta(days=1)
    assert is_eligible(abroad_support_employment_law, w, ALL, on=day_before) is None
    assert decide(w, on=IN_FORCE).eligible is True


def test_confirmed_to_2025_then_probable_and_says_what_may_replace_it() -> None:
    last, first = date(2025, 12, 31), date(2026, 1, 1)
    lang_2025 = BOOK.at("abroad.employment_law.language.cap", last)
    assert lang_2025.citation.confidence is Confidence.CONFIRMED
    assert lang_2025.effective_to == last
    lang = BOOK.at("abroad.employment_law.language.cap", first)
    assert lang.effective_to is None  # still open-ended, but only as probable
    assert lang.citation.confidence is Confidence.PARTLY_CONFIRMED
    assert lang.citation.note is not None
    assert "74/2025/QH15" in lang.citation.note
    assert "338/2025/NĐ-CP" in lang.citation.note
    # The decisions of those days flag it, the day before do not.
    assert not decide(worker(ethnic_minority=True), on=last).unconfirmed
    d = decide(worker(ethnic_minority=True), on=first)
    assert d.eligible is True
    assert "abroad.employment_law.language.cap" in {p.name for p in d.unconfirmed}
    assert any(r.key == "programmes.reason.figure_not_confirmed" for r in d.reasons)


@pytest.mark.parametrize(
    ("day", "meals", "orientation_cite"),
    [
        (date(2025, 12, 31), 40_000, "09/2016/TTLT-BLĐTBXH-BTC"),
        (date(2026, 1, 1), 50_000, "338/2025/NĐ-CP"),
    ],
)
def test_decree_338_reported_rates_from_2026(day: date, meals: int, orientation_cite: str) -> None:
    costs = AbroadCosts(orientation=600_000, training_days=10, lodging_months=2)
    w = worker(ethnic_minority=True, poor_area=True)
    d = abroad_support_employment_law(w, costs, on=day, distance_km=0)
    by_kind = {i.kind: i for i in d.items}
    assert by_kind[SupportKind.MEALS].amount == meals * 10
    assert by_kind[SupportKind.ORIENTATION].amount == 530_000
    assert by_kind[SupportKind.ORIENTATION].citation.instrument == orientation_cite
    if day.year == 2026:
        # Lodging: 400,000 a month for the route's workers (P), no longer pending.
        assert by_kind[SupportKind.LODGING].amount == 800_000
        assert by_kind[SupportKind.LODGING].citation.confidence is Confidence.PARTLY_CONFIRMED
        assert SupportKind.LODGING not in d.pending
    else:
        assert SupportKind.LODGING not in by_kind
        assert SupportKind.LODGING in d.pending  # the poor-district rate is not encoded


def test_under_18_not_eligible_once_law_69_2020_applies() -> None:
    w = worker(ethnic_minority=True, birth_date=date(2006, 3, 2))
    d = decide(w, on=date(2024, 3, 1))
    assert d.eligible is False
    assert d.reasons[0].key == "programmes.reason.under_age"
    assert decide(worker(ethnic_minority=True, birth_date=date(2006, 3, 1)), on=date(2024, 3, 1))


# --- data, records, text ---------------------------------------------------------------


def test_every_amount_comes_from_cited_data() -> None:
    names = [p.name for p in BOOK if p.name.startswith("abroad.employment_law.")]
    assert len(names) == 14
    for name in names:
        for v in BOOK.parameter(name).values:
            assert v.citation.instrument in {
                "38/2013/QH13",
                "09/2016/TTLT-BLĐTBXH-BTC",
                "338/2025/NĐ-CP",
            }
            assert v.citation.article is not None
            # Decree 338/2025 is known from one news report only: never C.
            if v.citation.instrument == "338/2025/NĐ-CP":
                assert v.citation.confidence is not Confidence.CONFIRMED
    d = decide(worker(ethnic_minority=True), distance_km=20)
    assert {p.name for p in d.parameters} >= {
        "abroad.employment_law.groups",
        "training.cap.priority_group",
        "abroad.employment_law.language.cap",
        "abroad.employment_law.travel.standard",
    }


def test_round_trip_through_any_decision() -> None:
    w = worker(household_status=PovertyStatus.POOR, poor_area=True)
    costs = ALL.model_copy(update={"lodging_months": 2})
    decisions: list[AnyDecision] = [
        decide(w, costs, distance_km=16),
        decide(worker()),
        abroad_support_employment_law(Worker(), ALL, on=DAY),
    ]
    adapter = TypeAdapter(list[AnyDecision])
    back = adapter.validate_json(adapter.dump_json(decisions))
    assert [type(d) for d in back] == [AbroadEmploymentLawDecision] * 3
    assert back == decisions
    assert [d.total for d in back] == [d.total for d in decisions]


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_explain(locale: str) -> None:
    w = worker(merit_relative=True, poor_area=None)
    costs = ALL.model_copy(update={"personal_items": True})
    for d in (decide(w, costs, distance_km=3), decide(worker()), decide(Worker())):
        text = d.explain(locale)
        assert "{" not in text
    text = decide(w, costs, distance_km=3).explain(locale)
    assert "09/2016/TTLT-BLĐTBXH-BTC" in text
    assert "38/2013/QH13" in text


def test_exported_at_the_top_level() -> None:
    assert vl.abroad_support_employment_law is abroad_support_employment_law
    assert "abroad_support_employment_law" in vl.__all__


# --- properties ------------------------------------------------------------------------

BOOLS = ("ethnic_minority", "land_recovered", "merit_relative", "special_difficulty_area")
facts_st = st.fixed_dictionaries(
    {name: st.booleans() for name in BOOLS}
    | {
        # The classes a list records (UNDETERMINED is read as unknown).
        "household_status": st.sampled_from(
            [s for s in PovertyStatus if s is not PovertyStatus.UNDETERMINED]
        ),
        "poor_area": st.one_of(st.none(), st.booleans()),
    }
)
money = st.one_of(st.none(), st.integers(0, 20_000_000))
COST_FIELDS = (
    "vocational_training",
    "foreign_language",
    "orientation",
    "passport",
    "visa",
    "criminal_record",
    "health_check",
    "skill_upgrade",
    "language_upgrade",
)
costs_st = st.builds(
    AbroadCosts,
    **dict.fromkeys(COST_FIELDS, money),
    training_days=st.integers(0, 365),
    lodging_months=st.integers(0, 12),
    personal_items=st.booleans(),
)
days_st = st.dates(min_value=IN_FORCE, max_value=date(2030, 12, 31))
distances_st = st.one_of(
    st.none(),
    st.integers(0, 100),
    st.decimals(min_value=0, max_value=100, allow_nan=False, allow_infinity=False, places=3),
)
TOP_VOCATIONAL = max(
    BOOK.amount(f"training.cap.{c}", IN_FORCE)
    for c in ("poor_ethnic_minority_or_special_area", "priority_group", "near_poor")
)
FIXED_CAPS = {
    SupportKind.FOREIGN_LANGUAGE: 3_000_000,
    SupportKind.ORIENTATION: 530_000,
    SupportKind.HEALTH_CHECK: 750_000,
    SupportKind.TUITION: TOP_VOCATIONAL,
    SupportKind.SKILL_UPGRADE: TOP_VOCATIONAL,
    SupportKind.LANGUAGE_UPGRADE: 3_000_000,
    SupportKind.TRAVEL: 300_000,
}


@settings(max_examples=200, deadline=None)
@given(facts=facts_st, costs=costs_st, on=days_st, distance=distances_st)
def test_total_is_the_sum_and_no_item_exceeds_its_cap(
    facts: dict[str, Any], costs: AbroadCosts, on: date, distance: int | Decimal | None
) -> None:
    d = abroad_support_employment_law(Worker(**facts), costs, on=on, distance_km=distance)
    assert d.outcome is not Outcome.UNDETERMINED  # every fact that matters is known
    assert d.total == sum(i.amount for i in d.items)
    assert isinstance(d.total, int)
    assert len({i.kind for i in d.items}) == len(d.items)  # each item once
    for item in d.items:
        assert item.amount >= 0
        if item.cap is not None:
            assert item.amount <= item.cap
        if item.actual_cost is not None:
            assert item.amount <= item.actual_cost
        if item.kind in FIXED_CAPS:
            assert item.amount <= FIXED_CAPS[item.kind]
        if item.kind is SupportKind.MEALS:
            rate = 40_000 if on < date(2026, 1, 1) else 50_000
            assert item.amount == rate * costs.training_days
    assert set(d.pending) <= {SupportKind.TRAVEL, SupportKind.LODGING, SupportKind.PERSONAL_ITEMS}


@settings(max_examples=200, deadline=None)
@given(
    facts=facts_st,
    costs=costs_st,
    on=days_st,
    distance=distances_st,
    name=st.sampled_from([*COST_FIELDS, "training_days"]),
    extra=st.integers(1, 5_000_000),
)
def test_more_eligible_costs_never_lower_the_total(
    facts: dict[str, Any],
    costs: AbroadCosts,
    on: date,
    distance: int | Decimal | None,
    name: str,
    extra: int,
) -> None:
    now = getattr(costs, name)
    more = AbroadCosts.model_validate(costs.model_dump() | {name: (now or 0) + extra})
    w = Worker(**facts)
    before = abroad_support_employment_law(w, costs, on=on, distance_km=distance)
    after = abroad_support_employment_law(w, more, on=on, distance_km=distance)
    assert after.total >= before.total
    for kind in SupportKind:
        assert (after.amount(kind) or 0) >= (before.amount(kind) or 0)
