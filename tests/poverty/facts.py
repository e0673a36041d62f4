"""Households with surveyed facts, for the assessment tests, and hypothesis strategies."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from hypothesis import strategies as st

import vnlabor as vl
from vnlabor.model.person import MEMBER_SURVEY_FACTS

D = vl.Deprivation
O = vl.IndicatorOutcome  # noqa: E741 - the outcome enum, as in the tables of the tests

QD59 = date(2020, 6, 1)
ND07 = date(2024, 3, 1)
ND351 = date(2027, 6, 1)


def member(born: date | None = None, **facts: Any) -> vl.Member:
    return vl.Member(birth_date=born, **facts)


def household(
    *members: vl.Member,
    dwelling: vl.Dwelling | None = None,
    income: int = 1_000_000,
    area: str = "rural",
    **extra: Any,
) -> vl.Household:
    return vl.Household(
        area=area,
        monthly_income_per_capita=income,
        members=members,
        dwelling=dwelling,
        **extra,
    )


def assess(hh: vl.Household, on: date) -> vl.DeprivationAssessment:
    return vl.assess_deprivations(hh, on=on)


def outcome(hh: vl.Household, indicator: vl.Deprivation, on: date) -> vl.IndicatorOutcome:
    return assess(hh, on)[indicator].outcome


def born_aged(years: int, on: date, months: int = 0) -> date:
    """The birth date of someone exactly ``years`` years and ``months`` months old on ``on``."""
    total = on.year * 12 + on.month - 1 - years * 12 - months
    return date(total // 12, total % 12 + 1, on.day)


# --- strategies ------------------------------------------------------------------------

BOOL_FACTS = (
    "health_insurance",
    "in_school",
    "at_expected_school_level",
    "on_the_job_training",
    "able_to_work",
    "monthly_social_allowance",
    "stunted",
    "underweight",
    "untreated_illness",
)
ENUM_FACTS = {
    "education": vl.EducationLevel,
    "training": vl.TrainingLevel,
    "employment": vl.EmploymentSituation,
}
DWELLING_BOOLS = (
    "durable_walls",
    "durable_columns",
    "durable_roof",
    "uses_telephone",
    "uses_internet",
    "hears_loudspeaker",
)
DWELLING_ENUMS = {
    "water_source": vl.WaterSource,
    "latrine": vl.LatrineType,
    "waste_handling": vl.WasteHandling,
}
assert set(BOOL_FACTS) | set(ENUM_FACTS) == set(MEMBER_SURVEY_FACTS)

days = st.sampled_from([QD59, ND07, ND351]) | st.dates(date(2016, 1, 5), date(2030, 12, 31))


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def _value_strategies(birth_range: tuple[date, date]) -> dict[str, st.SearchStrategy[Any]]:
    out: dict[str, st.SearchStrategy[Any]] = {name: st.booleans() for name in BOOL_FACTS}
    out |= {name: st.sampled_from(enum) for name, enum in ENUM_FACTS.items()}
    out |= {"birth_date": st.dates(*birth_range), "sex": st.sampled_from(vl.Sex)}
    out["disabled"] = st.booleans()
    return out


MEMBER_VALUES = _value_strategies((date(1935, 1, 1), date(2030, 12, 31)))
DWELLING_VALUES: dict[str, st.SearchStrategy[Any]] = (
    {name: st.booleans() for name in DWELLING_BOOLS}
    | {name: st.sampled_from(enum) for name, enum in DWELLING_ENUMS.items()}
    | {
        "floor_area_m2": st.decimals(0, 200, places=1),
        "information_devices": st.frozensets(st.sampled_from(vl.InformationDevice)),
    }
)


def _fix_school(facts: dict[str, Any]) -> dict[str, Any]:
    if facts.get("at_expected_school_level") and facts.get("in_school") is False:
        facts["at_expected_school_level"] = False
    return facts


members_st = st.fixed_dictionaries({k: maybe(v) for k, v in MEMBER_VALUES.items()}).map(
    lambda f: vl.Member(**_fix_school(f))
)
dwellings_st = st.fixed_dictionaries({k: maybe(v) for k, v in DWELLING_VALUES.items()}).map(
    lambda f: vl.Dwelling(**f)
)
households_st = st.builds(
    lambda members, dwelling, area, income: household(
        *members, dwelling=dwelling, area=area, income=income
    ),
    st.lists(members_st, min_size=1, max_size=5),
    maybe(dwellings_st),
    st.sampled_from(["rural", "urban"]),
    st.integers(0, 3_500_000),
)


def complete(draw: Callable[[st.SearchStrategy[Any]], Any], hh: vl.Household) -> vl.Household:
    """``hh`` with every unknown fact filled in, each way drawn at random."""
    members = []
    for m in hh.members:
        facts = {
            name: value if value is not None else draw(MEMBER_VALUES[name])
            for name in MEMBER_VALUES
            for value in [getattr(m, name)]
        }
        members.append(vl.Member(**_fix_school(facts)))
    d = hh.dwelling or vl.Dwelling()
    dwelling = vl.Dwelling(
        **{
            name: value if value is not None else draw(DWELLING_VALUES[name])
            for name in DWELLING_VALUES
            for value in [getattr(d, name)]
        }
    )
    return hh.model_validate(
        hh.model_dump(exclude={"members", "dwelling"}) | {"members": members, "dwelling": dwelling}
    )


def severity(status: vl.PovertyStatus) -> int:
    return {
        vl.PovertyStatus.POOR: 3,
        vl.PovertyStatus.NEAR_POOR: 2,
        vl.PovertyStatus.AVERAGE_LIVING_STANDARD: 1,
        vl.PovertyStatus.NON_POOR: 0,
    }[status]
