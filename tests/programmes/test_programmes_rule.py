"""The programme rule skeleton (vnlabor.programmes.rule): Lookup, Facts, travel, decisions."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from vnlabor.errors import ParameterNotInForce
from vnlabor.law import national
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.programmes import (
    ClaimRule,
    JobConnectionDecision,
    Outcome,
    Rule,
    SupportKind,
    SupportUnit,
    abroad_loan,
    is_eligible,
    job_connection_support,
    training_support,
)
from vnlabor.programmes.rule import (
    Facts,
    Lookup,
    Travel,
    missing_facts_reason,
    resolve_unknowns,
    travel,
)
from vnlabor.programmes.training import travel_allowance

DAY = date(2024, 5, 1)


def names(lk: Lookup) -> list[str]:
    """The parameters a lookup recorded, in order."""
    return [use.name for use in lk.used]


def test_a_rule_is_called_through_its_protocol() -> None:
    from vnlabor.model.course import Course, CourseLevel
    from vnlabor.model.trainee import Trainee
    from vnlabor.programmes import JobPlacement, TrainingDecision

    one: Rule[JobPlacement, JobConnectionDecision] = job_connection_support
    two: ClaimRule[Trainee, Course, TrainingDecision] = training_support
    assert one(JobPlacement(contract_signed=True), on=DAY).total == 400_000
    course = Course(level=CourseLevel.ELEMENTARY, cost=1, study_days=0)
    # Disabled: the highest cap whatever the unknown facts; only travel waits for the distance.
    d = two(Trainee(disabled=True), course, on=DAY, law=national())
    assert (d.eligible, d.total, d.pending) == (True, 1, (SupportKind.TRAVEL,))


# --- Lookup -------------------------------------------------------------------------------


def test_peek_reads_without_recording_find_and_at_record_once() -> None:
    lk = Lookup(None, DAY)
    assert lk.book is national()
    assert lk.on == DAY
    pv = lk.peek("training.cap.near_poor")
    assert pv is not None
    assert pv.value == 2_500_000
    assert names(lk) == []
    assert lk.find("training.cap.near_poor") is pv
    assert lk.at("training.cap.near_poor") is pv
    (use,) = lk.used
    assert (use.name, use.value, use.citation) == ("training.cap.near_poor", 2_500_000, pv.citation)
    rate, cite = lk.amount("training.meals.per_day")
    assert (rate, cite) == (30_000, lk.book.at("training.meals.per_day", DAY).citation)
    assert names(lk) == ["training.cap.near_poor", "training.meals.per_day"]


def test_absent_parameters() -> None:
    lk = Lookup(None, date(2016, 1, 1))
    assert lk.peek("abroad.language.cap") is None
    assert lk.find("abroad.language.cap") is None
    assert lk.codes("training.provincial.excluded_categories") == frozenset()
    with pytest.raises(ParameterNotInForce, match=r"abroad\.language\.cap"):
        lk.at("abroad.language.cap")
    with pytest.raises(ParameterNotInForce, match=r"abroad\.language\.cap"):
        lk.check("abroad.language.cap")
    assert names(lk) == []
    Lookup(None, DAY).check("training.cap.near_poor")  # in force: no error


def test_codes_record_peek_codes_do_not() -> None:
    lk = Lookup(None, DAY)
    assert lk.peek_codes("abroad.loan.nef_groups") == {"near_poor", "merit_relative"}
    assert names(lk) == []
    assert lk.codes("abroad.loan.vbsp_groups") == {"poor", "land_recovered", "ethnic_minority"}
    assert names(lk) == ["abroad.loan.vbsp_groups"]


def test_a_fork_shares_the_reads_and_records_apart_until_adopted() -> None:
    lk = Lookup(None, DAY)
    lk.at("training.cap.disabled")
    fork = lk.fork()
    assert (fork.book, fork.on) == (lk.book, lk.on)
    fork.at("training.cap.near_poor")
    fork.at("training.cap.disabled")
    assert names(lk) == ["training.cap.disabled"]
    lk.adopt(fork)
    assert names(lk) == ["training.cap.disabled", "training.cap.near_poor"]


def test_items_at_a_cap_and_at_a_rate() -> None:
    lk = Lookup(None, DAY)
    assert lk.capped(SupportKind.TUITION, None, "training.cap.near_poor") == []
    assert names(lk) == []  # nothing claimed, nothing read
    (item,) = lk.capped(SupportKind.TUITION, 2_500_001, "training.cap.near_poor")
    assert (item.amount, item.cap, item.actual_cost) == (2_500_000, 2_500_000, 2_500_001)
    assert (item.unit, item.parameter) == (SupportUnit.COURSE, "training.cap.near_poor")
    assert item.citation.article == "7"
    meals = lk.per_unit(SupportKind.MEALS, "training.meals.per_day", 7, SupportUnit.DAY)
    assert (meals.amount, meals.unit_rate, meals.quantity) == (210_000, 30_000, 7)
    assert (meals.kind, meals.unit, meals.parameter) == (
        SupportKind.MEALS,
        SupportUnit.DAY,
        "training.meals.per_day",
    )
    assert (meals.citation.article, meals.citation.clause, meals.citation.point) == (
        "7",
        "2",
        "b",
    )


def test_an_undetermined_decision_names_what_is_missing_after_the_reasons() -> None:
    lk = Lookup(None, DAY)
    lk.at("employment.job_connection.cap")
    before = missing_facts_reason(["x"])
    d = lk.undetermined(JobConnectionDecision, ["a", "b"], [before])
    assert d.outcome is Outcome.UNDETERMINED
    assert d.missing == ("a", "b")
    assert [r.key for r in d.reasons] == [
        "programmes.reason.missing_facts",
        "programmes.reason.missing_facts",
    ]
    assert d.reasons[1].values == {"facts": "a, b"}
    assert [p.name for p in d.parameters] == ["employment.job_connection.cap"]
    assert d.law is lk.book


def test_decisions_flag_unconfirmed_and_transitional_figures() -> None:
    lk = Lookup(None, date(2026, 5, 31))
    lk.at("training.repeat.max_supports")  # P
    lk.at("employment.job_connection.cap")  # C, applied by Circular 60/2026 Art. 21.1
    (flag,) = lk.confidence_reasons()
    assert flag.key == "programmes.reason.figure_not_confirmed"
    assert flag.values["parameter"] == "training.repeat.max_supports"
    assert flag.values["confidence"].value == "P"  # type: ignore[union-attr]
    assert flag.citation == lk.used[0].citation
    (transition,) = lk.transition_reasons()
    assert transition.key == "programmes.reason.transitional"
    assert transition.values == {
        "parameter": "employment.job_connection.cap",
        "instrument": "55/2023/TT-BTC",
    }
    assert transition.citation is not None
    assert (transition.citation.instrument, transition.citation.article) == (
        "60/2026/TT-BTC",
        "21",
    )


# --- Facts and unknown facts -----------------------------------------------------------


def test_facts_keep_their_order_and_ranges() -> None:
    table = Facts(
        "ethnic_minority",
        "household_status",
        "poor_area",
        household_status=(PovertyStatus.NON_POOR, PovertyStatus.POOR),
        other=(1, 2),
    )
    assert table.names == ("ethnic_minority", "household_status", "poor_area", "other")
    assert dict(table.low) == {
        "ethnic_minority": False,
        "household_status": PovertyStatus.NON_POOR,
        "poor_area": False,
        "other": 1,
    }
    assert dict(table.high) == {
        "ethnic_minority": True,
        "household_status": PovertyStatus.POOR,
        "poor_area": True,
        "other": 2,
    }


def test_resolve_unknowns() -> None:
    def either(f: dict[str, bool]) -> bool:
        return f["a"] or f["b"]

    low, high = {"a": False, "b": False}, {"a": True, "b": True}
    assert resolve_unknowns({"a": True, "b": None}, low, high, either) == (True, ())
    assert resolve_unknowns({"a": False, "b": None}, low, high, either) == (False, ("b",))
    assert resolve_unknowns({"a": None, "b": None}, low, high, either) == (False, ("a", "b"))

    def both(f: dict[str, bool]) -> bool:
        return f["a"] and f["b"]

    # Neither unknown changes the result alone: both are named.
    assert resolve_unknowns({"a": None, "b": None}, low, high, both) == (False, ("a", "b"))
    assert resolve_unknowns({"a": True, "b": True}, low, high, both) == (True, ())


def test_resolve_evaluates_on_forks_and_returns_the_least_favourable_plan() -> None:
    lk = Lookup(None, DAY)
    table = Facts("disabled")

    def plan(facts: dict[str, object], fork: Lookup) -> int:
        name = "training.cap.disabled" if facts["disabled"] else "training.cap.near_poor"
        return fork.amount(name)[0]

    found, missing, reads = lk.resolve(table, {"disabled": None}, plan)
    assert (found, missing) == (2_500_000, ("disabled",))
    assert names(lk) == []
    assert names(reads) == ["training.cap.near_poor"]
    found, missing, reads = lk.resolve(table, {"disabled": True}, plan)
    assert (found, missing) == (6_000_000, ())
    lk.adopt(reads)
    assert names(lk) == ["training.cap.disabled"]


# --- travel -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "special", "km", "amount", "paid_by", "threshold"),
    [
        ("training.travel", False, Fraction(14999, 1000), 0, None, 15),
        ("training.travel", False, Fraction(15), 200_000, "training.travel.standard", 15),
        ("training.travel", True, Fraction(4999, 1000), 0, None, 5),
        ("training.travel", True, Fraction(5), 300_000, "training.travel.special", 5),
        ("abroad.travel", True, Fraction(9), 0, None, 10),
        ("abroad.travel", True, Fraction(10), 300_000, "abroad.travel.special", 10),
        ("abroad.travel", False, Fraction(10), 0, None, 15),
        (
            "abroad.employment_law.travel",
            False,
            Fraction(15),
            200_000,
            "abroad.employment_law.travel.standard",
            15,
        ),
    ],
)
def test_travel(
    prefix: str,
    special: bool,
    km: Fraction,
    amount: int,
    paid_by: str | None,
    threshold: int,
) -> None:
    lk = Lookup(None, DAY)
    t = travel(lk, prefix, special=special, distance=km, shown="shown")
    assert t.amount == amount
    assert (t.pending, t.missing) == ((), ())
    (why,) = t.reasons
    assert why.values["distance"] == "shown"
    assert why.values["min_km"] == threshold
    limit = f"{paid_by or (prefix + ('.special' if special else '.standard'))}_min_km"
    if paid_by is None:
        assert t.items == ()
        assert why.key == "programmes.reason.travel_too_close"
        assert why.citation == lk.book.at(limit, DAY).citation
    else:
        (item,) = t.items
        assert (item.kind, item.amount, item.cap, item.parameter) == (
            SupportKind.TRAVEL,
            amount,
            amount,
            paid_by,
        )
        assert item.citation == lk.book.at(paid_by, DAY).citation
        assert why.key == "programmes.reason.travel"
        assert why.values["amount_vnd"] == amount
        assert why.citation == item.citation
        assert paid_by in set(names(lk))
    assert limit in set(names(lk))


def test_unknown_distance_leaves_travel_pending_and_reads_nothing() -> None:
    lk = Lookup(None, DAY)
    t = travel(lk, "training.travel", special=True, distance=None, shown=None)
    assert t.amount is None
    assert t.pending == (SupportKind.TRAVEL,)
    assert t.missing == ("distance_km",)
    assert [r.key for r in t.reasons] == ["programmes.reason.travel_unknown"]
    assert names(lk) == []


def test_travel_allowances_compare_by_amount() -> None:
    paid = travel(
        Lookup(None, DAY), "training.travel", special=False, distance=Fraction(20), shown=20
    )
    assert paid == Travel(200_000)
    assert paid != Travel(0)


def test_the_travel_allowance_shortcut() -> None:
    book = national()
    assert travel_allowance(book, DAY, "abroad.travel", special=True, distance=Fraction(10)) == (
        300_000,
        "abroad.travel.special",
    )
    assert travel_allowance(book, DAY, "training.travel", special=False, distance=Fraction(15)) == (
        200_000,
        "training.travel.standard",
    )
    assert travel_allowance(book, DAY, "training.travel", special=False, distance=Fraction(1)) == (
        0,
        None,
    )
    assert travel_allowance(book, DAY, "training.travel", special=False, distance=None) is None


# --- the predicate ------------------------------------------------------------------------


def test_is_eligible_passes_the_arguments_through() -> None:
    from vnlabor.model.worker import Worker

    poor = Worker(household_status=PovertyStatus.POOR)
    assert is_eligible(abroad_loan, poor, 1, on=DAY) is True
    assert (
        is_eligible(
            abroad_loan,
            Worker(
                household_status=PovertyStatus.NON_POOR,
                land_recovered=False,
                ethnic_minority=False,
                merit_relative=False,
            ),
            1,
            on=DAY,
        )
        is False
    )
    assert is_eligible(abroad_loan, poor, -1, on=DAY) is None  # ValueError
    assert is_eligible(abroad_loan, poor, 1, on=date(2019, 1, 1)) is None  # not in force


def test_explanations_default_to_vietnamese() -> None:
    from vnlabor.programmes import Budget, JobPlacement

    d = job_connection_support(JobPlacement(contract_signed=True), on=DAY)
    assert d.explain() == d.explain("vi")
    assert d.explain() != d.explain("en")
    b = Budget.of([d])
    assert b.explain() == b.explain("vi")
    assert b.explain() != b.explain("en")


def test_only_the_unknown_facts_that_change_the_result_are_named() -> None:
    def a_or_b(f: dict[str, bool]) -> bool:
        return f["a"] or f["b"]

    low = {"a": False, "b": False, "c": False}
    high = {"a": True, "b": True, "c": True}
    assert resolve_unknowns({"a": False, "b": None, "c": None}, low, high, a_or_b) == (
        False,
        ("b",),
    )


def test_a_single_code_reads_as_a_set_of_one() -> None:
    lk = Lookup(None, DAY)
    assert lk.codes("poverty.standard") == frozenset({"07/2021/NĐ-CP"})
    assert lk.peek_codes("poverty.standard") == frozenset({"07/2021/NĐ-CP"})


@pytest.mark.parametrize("bad", [float("nan"), -1, "3"])
def test_a_bad_distance_is_named_as_the_caller_calls_it(bad: object) -> None:
    from vnlabor.programmes.rule import check_distance

    with pytest.raises((TypeError, ValueError), match="km_to_site") as info:
        check_distance(bad, "km_to_site")
    assert repr(bad) in str(info.value)
    with pytest.raises((TypeError, ValueError), match="distance_km"):
        check_distance(bad)
