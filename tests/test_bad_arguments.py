"""Arguments of the wrong kind get a clear error naming the argument.

A day may be a date or a datetime (which counts as its date, pandas Timestamps too);
a household must be a Household.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

import vnlabor as vl
from vnlabor.law import national
from vnlabor.types import as_date

DAY = date(2024, 3, 1)
LATE = datetime(2024, 3, 1, 23, 59)
HH = vl.Household(area="rural", monthly_income_per_capita=1_500_000)


def test_a_datetime_counts_as_its_date_everywhere() -> None:
    assert vl.classify(HH, on=LATE) == vl.classify(HH, on=DAY)
    assert vl.classify_many([HH], on=LATE) == vl.classify_many([HH], on=DAY)
    assert vl.standard_in_force(LATE) == vl.standard_in_force(DAY)
    assert national().at("poverty.income_line.rural", LATE).value == 1_500_000
    assert vl.is_newly_escaped(escaped_on=datetime(2022, 12, 20, 8), on=datetime(2025, 12, 20))
    trainee = vl.Trainee(sex=vl.Sex.FEMALE, rural=True)
    course = vl.Course(level=vl.CourseLevel.UNDER_3_MONTHS, cost=1_000_000, study_days=10)
    assert vl.training_support(trainee, course, on=LATE, distance_km=0).on == DAY


def test_a_pandas_timestamp_is_a_datetime() -> None:
    pd = pytest.importorskip("pandas")
    assert vl.classify(HH, on=pd.Timestamp("2024-03-01 10:00")).on == DAY


@pytest.mark.parametrize("bad", ["2024-03-01", 20240301, None])
def test_anything_else_is_a_type_error_naming_the_argument(bad: object) -> None:
    with pytest.raises(TypeError, match=r"on must be a date"):
        as_date(bad)
    with pytest.raises(TypeError, match="escaped_on must be a date"):
        vl.is_newly_escaped(escaped_on=bad, on=DAY)  # type: ignore[arg-type]


def test_text_gets_a_hint_to_parse_it() -> None:
    with pytest.raises(TypeError, match=r"parse text with vnlabor\.l10n\.parse_date"):
        vl.classify(HH, on="01/03/2024")  # type: ignore[arg-type]


def test_classify_names_a_wrong_household_type() -> None:
    raw = {"area": "rural", "monthly_income_per_capita": 1}
    with pytest.raises(TypeError, match=r"household must be a vnlabor\.Household, not dict"):
        vl.classify(raw, on=DAY)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"Household\.model_validate"):
        vl.classify_many([HH, raw], on=DAY)  # type: ignore[list-item]
