"""Invariants of the assessment and of classify() on facts, on generated households.

* Making a known fact worse never removes a deprivation, nor a possible one, and never
  makes the status less severe.
* Filling every unknown fact, either way, lands inside the assessment's bounds: deprived
  ⊆ deprived after ⊆ deprived ∪ undetermined.
* A status decided despite undetermined indicators is the status of every completion;
  an undetermined one lies among the statuses said to be possible.
* With nothing undetermined, classify() on facts equals classify() on the deprivations
  the assessment found.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from facts import complete, days, households_st, severity
from hypothesis import assume, given
from hypothesis import strategies as st

import vnlabor as vl

P = vl.PovertyStatus

EDUCATION_ORDER = list(vl.EducationLevel)
TRAINING_ORDER = list(vl.TrainingLevel)
DEPRIVING_WORK = (vl.EmploymentSituation.UNEMPLOYED, vl.EmploymentSituation.WAGE_WITHOUT_CONTRACT)


def _severity_range(c: vl.Classification) -> tuple[int, int]:
    values = [severity(s) for s in c.possible]
    return min(values), max(values)


def worse_member(m: vl.Member, draw: st.DrawFn) -> dict[str, Any] | None:
    """One known fact of ``m`` changed for the worse (``None`` if none can be)."""
    moves: list[dict[str, Any]] = []
    for name in ("health_insurance", "on_the_job_training"):
        if getattr(m, name) is True:
            moves.append({name: False})
    if m.in_school is True:
        # Out of school cannot be at the expected level: both get worse together.
        drop = {"in_school": False}
        if m.at_expected_school_level is True:
            drop["at_expected_school_level"] = False
        moves.append(drop)
    if m.at_expected_school_level is True:
        moves.append({"at_expected_school_level": False})
    for name in (
        "stunted",
        "underweight",
        "untreated_illness",
        "monthly_social_allowance",
        "disabled",
        "able_to_work",
    ):
        if getattr(m, name) is False:
            moves.append({name: True})
    for name, order in (("education", EDUCATION_ORDER), ("training", TRAINING_ORDER)):
        level = getattr(m, name)
        if level is not None and order.index(level) > 0:
            moves.append({name: draw(st.sampled_from(order[: order.index(level)]))})
    if m.employment is not None and m.employment not in DEPRIVING_WORK:
        moves.append({"employment": draw(st.sampled_from(DEPRIVING_WORK))})
    return draw(st.sampled_from(moves)) if moves else None


def worse_dwelling(d: vl.Dwelling, draw: st.DrawFn) -> dict[str, Any] | None:
    moves: list[dict[str, Any]] = []
    for name in (
        "durable_walls",
        "durable_columns",
        "durable_roof",
        "uses_telephone",
        "uses_internet",
        "hears_loudspeaker",
    ):
        if getattr(d, name) is True:
            moves.append({name: False})
    for name, worst in (
        ("water_source", vl.WaterSource.SURFACE_WATER),
        ("latrine", vl.LatrineType.NO_LATRINE),
        ("waste_handling", vl.WasteHandling.DUMPED),
    ):
        if getattr(d, name) not in (None, worst):
            moves.append({name: worst})
    if d.floor_area_m2:
        moves.append({"floor_area_m2": draw(st.decimals(0, d.floor_area_m2, places=1))})
    if d.information_devices:
        gone = draw(st.sampled_from(sorted(d.information_devices)))
        moves.append({"information_devices": d.information_devices - {gone}})
    return draw(st.sampled_from(moves)) if moves else None


@st.composite
def worse_pairs(draw: st.DrawFn) -> tuple[vl.Household, vl.Household]:
    hh = draw(households_st)
    members = list(hh.members)
    options: list[tuple[str, int | None, dict[str, Any]]] = []
    for i, m in enumerate(members):
        move = worse_member(m, draw)
        if move is not None:
            options.append(("member", i, move))
    if hh.dwelling is not None and (move := worse_dwelling(hh.dwelling, draw)) is not None:
        options.append(("dwelling", None, move))
    assume(options)
    kind, i, move = draw(st.sampled_from(options))
    if kind == "member":
        assert i is not None
        members[i] = vl.Member.model_validate(members[i].model_dump() | move)
        worse = hh.model_validate(hh.model_dump() | {"members": members})
    else:
        assert hh.dwelling is not None
        worse = hh.model_validate(hh.model_dump() | {"dwelling": hh.dwelling.model_dump() | move})
    return hh, worse


@given(worse_pairs(), days)
def test_a_worse_fact_never_removes_a_deprivation(
    pair: tuple[vl.Household, vl.Household], on: date
) -> None:
    better, worse = pair
    a = vl.assess_deprivations(better, on=on)
    b = vl.assess_deprivations(worse, on=on)
    assert a.deprived <= b.deprived
    assert a.deprived | a.undetermined <= b.deprived | b.undetermined
    ca, cb = vl.classify(better, on=on), vl.classify(worse, on=on)
    low_a, high_a = (
        _severity_range(ca) if ca.status is P.UNDETERMINED else (severity(ca.status),) * 2
    )
    low_b, high_b = (
        _severity_range(cb) if cb.status is P.UNDETERMINED else (severity(cb.status),) * 2
    )
    assert low_b >= low_a
    assert high_b >= high_a


@given(households_st, days, st.data())
def test_every_completion_lies_within_the_bounds(
    hh: vl.Household, on: date, data: st.DataObject
) -> None:
    a = vl.assess_deprivations(hh, on=on)
    filled = complete(data.draw, hh)
    b = vl.assess_deprivations(filled, on=on)
    assert b.undetermined == frozenset()  # every fact known: every indicator decided
    assert a.deprived <= b.deprived <= a.deprived | a.undetermined
    assert a.not_deprived <= b.not_deprived <= a.not_deprived | a.undetermined


@given(households_st, days, st.data())
def test_a_decided_status_is_the_status_of_every_completion(
    hh: vl.Household, on: date, data: st.DataObject
) -> None:
    c = vl.classify(hh, on=on)
    done = vl.classify(complete(data.draw, hh), on=on)
    assert done.status is not P.UNDETERMINED
    if c.status is P.UNDETERMINED:
        assert done.status in c.possible
        assert len(c.possible) > 1
        assert c.deciding == c.undetermined != frozenset()
    else:
        assert done.status is c.status
        assert c.possible == {c.status}


@given(households_st, days, st.data())
def test_with_nothing_undetermined_facts_and_assessed_deprivations_agree(
    hh: vl.Household, on: date, data: st.DataObject
) -> None:
    known = complete(data.draw, hh)
    a = vl.assess_deprivations(known, on=on)
    assert not a.undetermined
    flags = vl.Household(
        area=known.area,
        monthly_income_per_capita=known.monthly_income_per_capita,
        deprivations=a.deprived,
    )
    from_facts, from_flags = vl.classify(known, on=on), vl.classify(flags, on=on)
    assert from_facts.status is from_flags.status
    assert from_facts.deprivations_counted == from_flags.deprivations_counted


@given(households_st, days)
def test_the_outcomes_partition_the_standards_indicators(hh: vl.Household, on: date) -> None:
    a = vl.assess_deprivations(hh, on=on)
    indicators = set(vl.standard_in_force(on).indicators)
    assert a.deprived | a.undetermined | a.not_deprived == indicators
    assert len(a.deprived) + len(a.undetermined) + len(a.not_deprived) == len(indicators)
    for item in a:
        # Missing facts are named exactly when the indicator is undetermined.
        assert bool(item.missing) == (item.outcome is vl.IndicatorOutcome.UNDETERMINED)
        for fact in item.missing:
            if fact.member is not None:
                assert getattr(hh.members[fact.member - 1], fact.name) is None
