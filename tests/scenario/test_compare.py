"""scenario.compare: the matrix, the moves and why, measures, groups and costs.

The figures are the law data's: rural line 1,500,000 (2022-2026) and 2,200,000
(2027-2030), urban 2,000,000 and 2,800,000; the average-living-standard band of the 2026
lists ends at 2,250,000 rural and 3,000,000 urban and has no 2027 counterpart; 3
deprivations make a household poor in both; the 2027 list counts ``digital_services``
and ``waste_treatment`` instead of ``telecom_services`` and ``information_access``.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pandas as pd
import pytest

import vnlabor as vl
from vnlabor.io import read_households
from vnlabor.law import national
from vnlabor.scenario import (
    STATUSES,
    Group,
    MoveCause,
    Per,
    Scenario,
    UnitAmount,
    compare,
)

P = vl.PovertyStatus
THREE = ["nutrition", "employment", "dependants"]


def hh(income: int, deprivations: list[str] | None = None, **kw: object) -> vl.Household:
    return vl.Household(
        area=kw.pop("area", "rural"),
        monthly_income_per_capita=income,
        deprivations=deprivations or [],
        **kw,
    )


def one(h: vl.Household, base: object = 2026, reform: object = 2027) -> vl.scenario.Comparison:
    return compare([h], base=base, reform=reform)  # type: ignore[arg-type]


# --- statuses at the boundaries of the 2027 lines ----------------------------------------


@pytest.mark.parametrize(
    ("income", "area", "before", "after"),
    [
        # 2026 line 1,500,000 rural: at it near-poor, one đồng over in the band.
        (1_500_000, "rural", P.NEAR_POOR, P.NEAR_POOR),
        (1_500_001, "rural", P.AVERAGE_LIVING_STANDARD, P.NEAR_POOR),
        # 2027 line 2,200,000 rural: at it near-poor, one đồng over none of the bands.
        (2_200_000, "rural", P.AVERAGE_LIVING_STANDARD, P.NEAR_POOR),
        (2_200_001, "rural", P.AVERAGE_LIVING_STANDARD, P.NON_POOR),
        # The 2026 band ends at 2,250,000: at it in the band, over it non-poor.
        (2_250_000, "rural", P.AVERAGE_LIVING_STANDARD, P.NON_POOR),
        (2_250_001, "rural", P.NON_POOR, P.NON_POOR),
        (2_800_000, "urban", P.AVERAGE_LIVING_STANDARD, P.NEAR_POOR),
        (2_800_001, "urban", P.AVERAGE_LIVING_STANDARD, P.NON_POOR),
    ],
)
def test_the_2027_lines_at_and_one_dong_over(
    income: int, area: str, before: vl.PovertyStatus, after: vl.PovertyStatus
) -> None:
    r = one(hh(income, area=area))
    assert (r.before[0].status, r.after[0].status) == (before, after)
    assert r.transitions[(before, after)] == 1
    assert len(r.moves) == (before is not after)


def test_the_income_line_moved_a_household_between_the_lines() -> None:
    (move,) = one(hh(1_800_000, ["nutrition"], household_id="H1")).moves
    assert move.causes == (MoveCause.INCOME_LINE,)
    assert move.household_id == "H1"
    text = move.explain("en")
    assert "₫1,500,000 → ₫2,200,000" in text
    assert "₫1,800,000" in text


def test_the_end_of_the_band_moved_a_household_above_the_new_line() -> None:
    (move,) = one(hh(2_200_001)).moves
    assert (move.before.status, move.after.status) == (P.AVERAGE_LIVING_STANDARD, P.NON_POOR)
    assert move.causes == (MoveCause.AVERAGE_BAND,)


def test_a_newly_counted_indicator_moves_a_household_and_is_named() -> None:
    # Deprived in two indicators both lists count and in waste treatment (2027 only):
    # 2 counted in 2026 (near-poor), 3 in 2027 (poor). Income under both lines.
    r = one(hh(1_000_000, ["nutrition", "employment", "waste_treatment"]))
    (move,) = r.moves
    assert (move.before.status, move.after.status) == (P.NEAR_POOR, P.POOR)
    assert move.causes == (MoveCause.INDICATOR_COUNTED,)
    assert move.indicators_counted == (vl.Deprivation.WASTE_TREATMENT,)
    row = r.moved.iloc[0]
    assert row["causes"] == "indicator_counted"
    assert row["indicators"] == "waste_treatment"


def test_an_indicator_no_longer_counted_is_named() -> None:
    r = one(hh(1_000_000, ["nutrition", "employment", "telecom_services"]))
    (move,) = r.moves
    assert (move.before.status, move.after.status) == (P.POOR, P.NEAR_POOR)
    assert move.causes == (MoveCause.INDICATOR_NOT_COUNTED,)
    assert move.indicators_not_counted == (vl.Deprivation.TELECOM_SERVICES,)


def test_line_and_indicator_together_are_both_named() -> None:
    # 1,800,000 is over the 2026 line and under the 2027 one; the third deprivation is
    # counted only in 2027. Poor in 2027 needs both.
    (move,) = one(hh(1_800_000, ["nutrition", "employment", "waste_treatment"])).moves
    assert (move.before.status, move.after.status) == (P.AVERAGE_LIVING_STANDARD, P.POOR)
    assert move.causes == (MoveCause.INCOME_LINE, MoveCause.INDICATOR_COUNTED)


# --- the matrix ------------------------------------------------------------------------


def sample() -> list[vl.Household]:
    return [
        hh(1_000_000, THREE, household_id="A"),  # poor → poor
        hh(1_200_000, household_id="B"),  # near-poor → near-poor
        hh(1_800_000, household_id="C"),  # average → near-poor
        hh(2_000_000, household_id="D"),  # average → near-poor
        hh(2_240_000, household_id="E"),  # average → non-poor
        hh(3_000_000, household_id="F", area="urban"),  # average (urban band) → non-poor
        hh(5_000_000, household_id="G"),  # non-poor → non-poor
    ]


def test_the_matrix_has_every_status_and_sums_to_the_households() -> None:
    r = compare(sample(), base=2026, reform=2027)
    m = r.matrix
    assert list(m.index) == list(STATUSES) == list(m.columns)
    assert P.UNDETERMINED in m.index
    assert int(m.to_numpy().sum()) == len(r) == 7
    assert m.loc[P.AVERAGE_LIVING_STANDARD, P.NEAR_POOR] == 2
    assert m.loc[P.AVERAGE_LIVING_STANDARD, P.NON_POOR] == 2
    assert m.loc[P.POOR, P.POOR] == 1
    assert m.loc[P.NON_POOR, P.NON_POOR] == 1
    assert r.counts()[P.NEAR_POOR] == (1, 3)


def test_shares_are_exact_and_each_row_sums_to_one() -> None:
    r = compare(sample(), base=2026, reform=2027)
    s = r.shares
    assert s.loc[P.AVERAGE_LIVING_STANDARD, P.NEAR_POOR] == Fraction(1, 2)
    assert sum(s.loc[P.AVERAGE_LIVING_STANDARD]) == 1
    assert all(v is None for v in s.loc[P.UNDETERMINED])  # nobody undetermined before


def test_moved_and_to_frame() -> None:
    r = compare(sample(), base=2026, reform=2027)
    frame = r.to_frame()
    assert len(frame) == 7
    assert frame["moved"].sum() == 4
    assert list(r.moved["household_id"]) == ["C", "D", "E", "F"]
    assert set(r.moved["causes"]) == {"income_line", "average_band"}
    assert frame.loc[frame["household_id"] == "C", "income_line_after"].item() == 2_200_000
    assert r.causes()[MoveCause.INCOME_LINE] == 2


def test_totals_by_area_and_province() -> None:
    households = [
        hh(1_800_000, province_code="01"),
        hh(1_800_000, province_code="79"),
        hh(2_500_000, province_code="79", area="urban"),
    ]
    r = compare(households, base=2026, reform=2027)
    by = r.totals("province")
    assert by.loc[("79", P.NEAR_POOR), "change"] == 2  # one rural, one urban
    assert by.loc[("01", P.AVERAGE_LIVING_STANDARD)].tolist() == [1, 0, -1]
    area = r.by_area
    assert area.loc[("urban", P.NEAR_POOR), "after"] == 1
    assert r.totals()["before"].sum() == r.totals()["after"].sum() == 3
    with pytest.raises(ValueError, match="by must be"):
        r.totals("commune")  # type: ignore[arg-type]


# --- measures ----------------------------------------------------------------------------


def test_every_measure_before_and_after() -> None:
    r = compare(sample(), base=2026, reform=2027)
    m = r.measures
    # Income-poor (≤ line): 2 of 7 in 2026 (A, B), 4 in 2027 (+C, D).
    assert m.loc["fgt0", "before"] == Fraction(2, 7)
    assert m.loc["fgt0", "after"] == Fraction(4, 7)
    assert m.loc["poverty_rate", "change"] == 0
    assert m.loc["near_poor_rate", "after"] == Fraction(3, 7)
    # FGT P1: the mean gap (line − income) / line over everybody.
    gap_2026 = Fraction(500_000, 1_500_000) + Fraction(300_000, 1_500_000)
    assert m.loc["fgt1", "before"] == gap_2026 / 7
    # Alkire-Foster H: poor by deprivations and income, A only.
    assert m.loc["af_headcount", "before"] == m.loc["af_headcount", "after"] == Fraction(1, 7)
    assert {"af_intensity", "af_adjusted_headcount", "fgt2"} <= set(m.index)


# --- the explanation, sides and reforms ----------------------------------------------------


def test_a_reform_is_named_in_the_explanation() -> None:
    book = national().with_changes(
        {"poverty.income_line.rural": 2_500_000}, from_=date(2027, 1, 1), name="Rural 2.5M"
    )
    r = compare([hh(2_400_000)], base=2027, reform=book)
    assert r.reform.list_year == 2027
    vi, en = r.explain("vi"), r.explain("en")
    assert "“Rural 2.5M”" in en
    assert "under the scenario" in en
    assert "“Rural 2.5M”" in vi
    assert "kịch bản" in vi
    assert r.moves[0].causes == (MoveCause.INCOME_LINE,)
    assert national().value("poverty.income_line.rural", date(2027, 6, 1)) == 2_200_000


def test_two_dates_and_a_scenario() -> None:
    r = compare([hh(1_800_000)], base=date(2026, 12, 31), reform=date(2027, 1, 1))
    assert len(r.moves) == 1
    same = compare([hh(1_800_000)], base=date(2027, 1, 1), reform=Scenario(list_year=2027))
    assert same.moves == ()


@pytest.mark.parametrize(
    ("base", "reform", "kwargs", "match"),
    [
        ("2026", 2027, {}, "base must be a date"),
        (2026, True, {}, "reform must be a date"),
        (national(), national(), {}, "both sides are law books"),
        (2026, 2027, {"on": date(2027, 1, 1)}, "on= / list_year="),
        (national(), 2027, {"on": date(2027, 1, 1), "list_year": 2027}, "at most one"),
    ],
)
def test_bad_sides_are_named(
    base: object, reform: object, kwargs: dict[str, object], match: str
) -> None:
    with pytest.raises(TypeError, match=match):
        compare([hh(1)], base=base, reform=reform, **kwargs)  # type: ignore[arg-type]


def test_a_year_outside_the_data_fails() -> None:
    with pytest.raises(vl.errors.NoStandardInForce):
        compare([hh(1)], base=2026, reform=2031)


def test_text_is_refused_as_households() -> None:
    with pytest.raises(TypeError, match="Household objects or a table"):
        compare("households.csv", base=2026, reform=2027)


# --- tables, read files and lists agree ------------------------------------------------------


def frame_of(households: list[vl.Household]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "household_id": [h.household_id for h in households],
            "area": [h.area.value for h in households],
            "monthly_income_per_capita": [h.monthly_income_per_capita for h in households],
            "deprivations": [";".join(sorted(d.value for d in h.deprivations)) for h in households],
        }
    )


def test_a_table_and_the_list_give_the_same_comparison() -> None:
    households = sample()
    listed = compare(households, base=2026, reform=2027)
    table = compare(frame_of(households), base=2026, reform=2027)
    pd.testing.assert_frame_equal(listed.matrix, table.matrix)
    pd.testing.assert_frame_equal(listed.to_frame(), table.to_frame())
    assert listed.measure_changes == table.measure_changes
    assert listed.groups == table.groups


def test_a_tables_bad_rows_are_listed_and_the_good_ones_kept() -> None:
    frame = frame_of(sample())
    frame.loc[2, "monthly_income_per_capita"] = -5
    r = compare(frame, base=2026, reform=2027)
    assert len(r) == 6
    assert [e.position for e in r.rejected] == [2]
    assert 2 not in r.positions
    assert "1" in r.explain("en").split("Notes:")[1]


def test_what_a_reader_read_keeps_its_lines(tmp_path: object) -> None:
    from pathlib import Path

    path = Path(str(tmp_path)) / "h.csv"
    frame = frame_of(sample())
    frame.loc[1, "area"] = "sea"
    frame.to_csv(path, index=False)
    read = read_households(path)
    r = compare(read, base=2026, reform=2027)
    assert r.positions == read.lines
    assert r.positions[0] == 2
    assert [e.line for e in r.rejected] == [3]
    listed = compare(list(read.households), base=2026, reform=2027)
    pd.testing.assert_frame_equal(listed.matrix, r.matrix)


# --- groups and costs ---------------------------------------------------------------------


def test_groups_programmes_pay_for() -> None:
    households = [
        hh(1_000_000, THREE, size=5),  # poor → poor
        hh(1_200_000, size=3),  # near-poor → near-poor
        hh(1_800_000, size=4),  # average → near-poor
    ]
    book = national().with_changes(
        {"poverty.income_line.rural": 1_100_000}, from_=date(2027, 1, 1), name="lower"
    )
    r = compare(households, base=2026, reform=Scenario(list_year=2027, law=book))
    groups = {g.group: g for g in r.groups}
    # The lower line takes the 1,200,000 household off the lists: newly escaped.
    assert groups[Group.NEAR_POOR].households_before == 1
    assert groups[Group.NEAR_POOR].households_after == 0
    assert groups[Group.NEWLY_ESCAPED].households_after == 1
    assert groups[Group.NEWLY_ESCAPED].persons_after == 3
    assert groups[Group.POOR].persons_before == groups[Group.POOR].persons_after == 5
    # No low-income ceiling is encoded for 2027: unknown, never guessed.
    low = groups[Group.LOW_INCOME]
    assert low.households_after is None
    assert low.note_after == "not_in_force"


def test_costs_are_exact_whole_dong_with_their_sources() -> None:
    households = [hh(1_800_000, THREE, size=4), hh(1_800_000, size=3)]
    r = compare(households, base=2026, reform=2027)
    cap = UnitAmount.from_law(
        Group.POOR, "training.cap.priority_group", on=date(2027, 6, 1), per=Per.HOUSEHOLD
    )
    assert cap.amount == national().amount("training.cap.priority_group", date(2027, 6, 1))
    share = UnitAmount.share(Group.NEAR_POOR, 1_263_600, "0.7", source="the province's figure")
    costs = r.costs([cap, share])
    # Poor: 0 → 1 household; near-poor: 0 → 1 household of 3 persons.
    assert [(line.units_before, line.units_after) for line in costs.lines] == [(0, 1), (0, 3)]
    assert costs.difference == cap.amount + 3 * 884_520
    assert isinstance(costs.difference, int)
    frame = costs.to_frame("en")
    assert frame.loc[0, "source"] == "training.cap.priority_group"
    assert "152/2016/TT-BTC" in frame.loc[0, "citation"]
    assert frame.loc[1, "citation"] == ""
    assert "province" in frame.loc[1, "source"]
    text = costs.explain("en")
    assert "152/2016/TT-BTC" in text
    assert "the province's figure" in text


def test_a_share_rounds_half_up_to_the_dong() -> None:
    # 0.5 × 3 = 1.5 → 2; 0.5 × 1 = 0.5 → 1; 0.3 × 1 = 0.3 → 0.
    assert UnitAmount.share(Group.POOR, 3, "0.5", source="s").amount == 2
    assert UnitAmount.share(Group.POOR, 1, "0.5", source="s").amount == 1
    assert UnitAmount.share(Group.POOR, 1, "0.3", source="s").amount == 0


def test_unknown_units_give_an_unknown_cost() -> None:
    r = compare([hh(1_800_000)], base=2026, reform=2027)  # no size
    costs = r.costs([UnitAmount(Group.NEAR_POOR, 100, Per.PERSON, source="s")])
    assert costs.lines[0].units_after is None
    assert costs.difference is None
    assert UnitAmount(Group.NEAR_POOR, 100, Per.HOUSEHOLD, source="s").amount == 100


@pytest.mark.parametrize(
    ("amount", "kwargs", "error"),
    [
        (1.5, {"source": "s"}, TypeError),
        (True, {"source": "s"}, TypeError),
        (-1, {"source": "s"}, ValueError),
        (100, {}, ValueError),
    ],
)
def test_bad_unit_amounts(amount: object, kwargs: dict[str, str], error: type[Exception]) -> None:
    with pytest.raises(error):
        UnitAmount(Group.POOR, amount, **kwargs)  # type: ignore[arg-type]
