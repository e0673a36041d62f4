"""Invariants of the classifier, checked on generated households."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

import vnlabor as vl
from vnlabor.poverty import ReviewScores, classify_scores, standard_in_force

SEVERITY = {
    vl.PovertyStatus.POOR: 3,
    vl.PovertyStatus.NEAR_POOR: 2,
    vl.PovertyStatus.AVERAGE_LIVING_STANDARD: 1,
    vl.PovertyStatus.NON_POOR: 0,
}

days = st.dates(min_value=date(2016, 1, 5), max_value=date(2030, 12, 31))
incomes = st.integers(min_value=0, max_value=4_000_000)
areas = st.sampled_from(vl.Area)
deprivation_sets = st.frozensets(st.sampled_from(vl.Deprivation))


def hh(area: vl.Area, income: int, deps: frozenset[vl.Deprivation]) -> vl.Household:
    return vl.Household(area=area, monthly_income_per_capita=income, deprivations=deps)


@given(days, areas, incomes, st.integers(min_value=0, max_value=2_000_000), deprivation_sets)
def test_more_income_never_makes_a_household_poorer(
    on: date, area: vl.Area, income: int, extra: int, deps: frozenset[vl.Deprivation]
) -> None:
    before = vl.classify(hh(area, income, deps), on=on).status
    after = vl.classify(hh(area, income + extra, deps), on=on).status
    assert SEVERITY[after] <= SEVERITY[before]


@given(days, areas, incomes, deprivation_sets, deprivation_sets)
def test_more_deprivations_never_make_a_household_less_poor(
    on: date,
    area: vl.Area,
    income: int,
    deps: frozenset[vl.Deprivation],
    more: frozenset[vl.Deprivation],
) -> None:
    before = vl.classify(hh(area, income, deps), on=on).status
    after = vl.classify(hh(area, income, deps | more), on=on).status
    assert SEVERITY[after] >= SEVERITY[before]


@given(days, areas, incomes, deprivation_sets, deprivation_sets)
def test_status_ignores_indicators_the_standard_does_not_count(
    on: date,
    area: vl.Area,
    income: int,
    deps: frozenset[vl.Deprivation],
    noise: frozenset[vl.Deprivation],
) -> None:
    outside = noise - set(standard_in_force(on).indicators)
    a = vl.classify(hh(area, income, deps), on=on)
    b = vl.classify(hh(area, income, deps | outside), on=on)
    assert a.status is b.status
    assert a.deprivation_count == b.deprivation_count


@given(days, areas, incomes, deprivation_sets)
def test_exactly_one_status_consistent_with_the_lines(
    on: date, area: vl.Area, income: int, deps: frozenset[vl.Deprivation]
) -> None:
    c = vl.classify(hh(area, income, deps), on=on)
    s = c.standard
    on_lists = c.status in {vl.PovertyStatus.POOR, vl.PovertyStatus.NEAR_POOR}
    if s.unconditional_poor_line is None:
        assert on_lists == (income <= s.income_line[area])
    assert (c.status is vl.PovertyStatus.NEAR_POOR) <= (c.deprivation_count < s.deprivation_cutoff)


@given(st.lists(st.tuples(areas, incomes, deprivation_sets), max_size=20), days)
def test_batch_path_equals_scalar_path(
    rows: list[tuple[vl.Area, int, frozenset[vl.Deprivation]]], on: date
) -> None:
    households = [hh(*r) for r in rows]
    many = [c.status for c in vl.classify_many(households, on=on)]
    assert many == [vl.classify(h, on=on).status for h in households]


@given(
    st.dates(min_value=date(2022, 1, 1), max_value=date(2026, 12, 31)),
    areas,
    st.integers(min_value=0, max_value=400),
    st.integers(min_value=0, max_value=12),
)
def test_review_scores_give_the_same_statuses_as_income(
    on: date, area: vl.Area, score: int, count: int
) -> None:
    # An income-proxy score at or under the score line stands for income at or under
    # the income line; map both through the same ordering and compare.
    line_score = 140 if area is vl.Area.RURAL else 175
    s = standard_in_force(on)
    income = s.income_line[area] if score <= line_score else s.income_line[area] + 1
    deps = frozenset(s.indicators[:count])
    by_income = vl.classify(hh(area, income, deps), on=on).status
    by_score = classify_scores(
        ReviewScores(area=area, income_score=score, deprivation_score=10 * count), on=on
    ).status
    if by_income in {vl.PovertyStatus.POOR, vl.PovertyStatus.NEAR_POOR}:
        assert by_score is by_income
    else:
        assert by_score is vl.PovertyStatus.NON_POOR
