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


def test_the_typed_errors_are_also_the_builtins_users_catch() -> None:
    from vnlabor.errors import VnlaborTypeError

    with pytest.raises(VnlaborTypeError) as caught:
        vl.classify(HH, on="01/03/2024")  # type: ignore[arg-type]
    assert isinstance(caught.value, vl.VnlaborError)
    assert isinstance(caught.value, TypeError)
    assert "on phải là một ngày" in str(caught.value)  # both languages


@pytest.mark.parametrize("text", ["01/03/2024", "1/3/2024", "2024-03-01"])
def test_a_model_date_field_reads_text_as_the_readers_do(text: str) -> None:
    from vnlabor.l10n import parse_date

    assert vl.Member(birth_date=text).birth_date == parse_date(text) == DAY
    assert (
        vl.Household.model_validate(
            {"area": "rural", "monthly_income_per_capita": 1, "surveyed_on": text}
        ).surveyed_on
        == DAY
    )


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("31/02/2024", "day is out of range"),
        ("02/17/2021", "month must be in 1..12"),  # not read as mm/dd
        ("20240301", "expected yyyy-mm-dd or dd/mm/yyyy"),  # pydantic alone would accept it
        ("2024-03-01T00:00:00", "expected yyyy-mm-dd or dd/mm/yyyy"),
    ],
)
def test_a_date_text_the_readers_refuse_models_refuse_in_both_languages(
    text: str, why: str
) -> None:
    from pydantic import ValidationError

    from vnlabor.l10n import parse_date

    with pytest.raises(ValueError, match=why):
        parse_date(text)
    with pytest.raises(ValidationError) as caught:
        vl.Member(birth_date=text, sex="female")
    (error,) = caught.value.errors()
    assert error["type"] == "vnlabor.date_parsing"
    assert error["loc"] == ("birth_date",)
    assert error["msg"].startswith("không đọc được ngày / cannot read date")
    assert why in error["msg"]


def test_a_bad_date_is_reported_with_the_other_bad_fields() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        vl.Member(birth_date="32/01/2024", sex="cat")
    assert {e["loc"][0] for e in caught.value.errors()} == {"birth_date", "sex"}


def test_a_date_text_holding_a_citizen_id_is_masked_in_the_error() -> None:
    from pydantic import ValidationError

    with pytest.raises(ValidationError) as caught:
        vl.Member(birth_date="001203004567")
    assert "001203004567" not in str(caught.value)
    assert "001203004567" not in str(caught.value.errors())


def test_numpy_integers_are_accepted_as_ints() -> None:
    np = pytest.importorskip("numpy")
    hh = vl.Household(area="rural", monthly_income_per_capita=np.int64(1_500_000), size=np.int32(4))
    assert hh.monthly_income_per_capita == 1_500_000
    assert type(hh.monthly_income_per_capita) is int
    assert hh.size == 4
    course = vl.Course(level="under_3_months", cost=np.uint32(5_000_000), study_days=np.int16(30))
    assert (course.cost, course.study_days) == (5_000_000, 30)
    from vnlabor.kpi import Ratio
    from vnlabor.l10n import format_number, format_vnd

    assert Ratio(np.int64(1), np.int64(4)) == Ratio(1, 4)
    assert format_number(np.int64(1234)) == "1.234"
    assert vl.standard_for_list_year(np.int64(2026)) == vl.standard_for_list_year(2026)
    assert format_vnd(np.int64(1_500_000)) == format_vnd(1_500_000)


def test_numpy_floats_are_not_money() -> None:
    np = pytest.importorskip("numpy")
    from pydantic import ValidationError

    with pytest.raises(ValidationError):
        vl.Household(area="rural", monthly_income_per_capita=np.float64(1_500_000.5))
