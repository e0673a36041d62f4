"""Properties of scenario.compare over drawn households and scenarios."""

from __future__ import annotations

from datetime import date

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import vnlabor as vl
from vnlabor.law import national
from vnlabor.scenario import STATUSES, Scenario, compare

P = vl.PovertyStatus
# From worst to best: a higher line may only move a household leftwards.
RANK = {P.POOR: 0, P.NEAR_POOR: 1, P.AVERAGE_LIVING_STANDARD: 2, P.NON_POOR: 3}
YEARS = st.integers(min_value=2016, max_value=2030)

households_st = st.lists(
    st.builds(
        vl.Household,
        area=st.sampled_from(list(vl.Area)),
        # Around and between every line and band top encoded (0.7M … 3M), and far over.
        monthly_income_per_capita=st.one_of(
            st.integers(0, 3_500_000), st.sampled_from([1_500_000, 2_200_000, 2_250_000])
        ),
        deprivations=st.frozensets(st.sampled_from(list(vl.Deprivation)), max_size=6),
    ),
    max_size=12,
)


@settings(max_examples=60)
@given(households_st, YEARS)
def test_a_scenario_identical_to_its_base_moves_nobody(
    households: list[vl.Household], year: int
) -> None:
    r = compare(households, base=year, reform=year)
    assert r.moves == ()
    assert all(r.transitions[(b, a)] == 0 for b in STATUSES for a in STATUSES if a is not b)
    # The same law as a changed book: a what-if that sets today's values again.
    day = Scenario(list_year=year).day
    book = national()
    same = book.with_changes(
        {
            "poverty.income_line.rural": book.amount("poverty.income_line.rural", day),
            "poverty.income_line.urban": book.amount("poverty.income_line.urban", day),
        },
        from_=date(year, 1, 1),
        to=date(year, 12, 31),
        name="the same lines",
    )
    assert compare(households, base=year, reform=same).moves == ()


@settings(max_examples=80)
@given(
    households_st,
    st.sampled_from([2021, 2024, 2026, 2027, 2030]),
    st.integers(0, 3_000_000),
    st.integers(0, 3_000_000),
)
def test_raising_an_income_line_never_moves_a_household_to_a_better_status(
    households: list[vl.Household], year: int, rural: int, urban: int
) -> None:
    day = Scenario(list_year=year).day
    book = national()
    changes = {}
    for area, raise_by in (("rural", rural), ("urban", urban)):
        line = book.amount(f"poverty.income_line.{area}", day)
        band = f"poverty.average_living_standard_line.{area}"
        if book.find(band, day) is not None:  # a line above the band's top: no band left
            raise_by = min(raise_by, book.amount(band, day) - line)
        changes[f"poverty.income_line.{area}"] = line + raise_by
    higher = book.with_changes(changes, from_=date(year, 1, 1), to=date(year, 12, 31), name="up")
    r = compare(households, base=year, reform=higher)
    for before, after in zip(r.before, r.after, strict=True):
        assert RANK[after.status] <= RANK[before.status], (before.status, after.status)
    for move in r.moves:
        assert move.causes  # every move names what moved it


@settings(max_examples=60)
@given(households_st, YEARS, YEARS)
def test_the_matrix_sums_to_the_number_of_households(
    households: list[vl.Household], base: int, reform: int
) -> None:
    r = compare(households, base=base, reform=reform)
    assert int(r.matrix.to_numpy().sum()) == len(households)
    assert sum(r.transitions.values()) == len(households)
    rows = r.matrix.sum(axis=1)
    assert [int(rows[s]) for s in STATUSES] == [r.counts()[s][0] for s in STATUSES]
    assert len(r.moves) == sum(v for (b, a), v in r.transitions.items() if b is not a)


@settings(max_examples=40)
@given(households_st, YEARS, YEARS)
def test_batch_and_scalar_comparisons_agree(
    households: list[vl.Household], base: int, reform: int
) -> None:
    frame = pd.DataFrame(
        {
            "area": [h.area.value for h in households],
            "monthly_income_per_capita": [h.monthly_income_per_capita for h in households],
            "deprivations": [";".join(sorted(d.value for d in h.deprivations)) for h in households],
        }
    )
    listed = compare(households, base=base, reform=reform)
    table = compare(frame, base=base, reform=reform)
    assert table.rejected == ()
    pd.testing.assert_frame_equal(listed.matrix, table.matrix)
    pd.testing.assert_frame_equal(listed.to_frame(), table.to_frame())
    assert listed.measure_changes == table.measure_changes
    assert listed.groups == table.groups
