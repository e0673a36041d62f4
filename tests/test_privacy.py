"""Citizen IDs and names never show unmasked."""

import logging
from datetime import UTC
from typing import Any

import pytest
from pydantic import ValidationError

import vnlabor as vl

RAW_ID = "001203004567"
RAW_NAME = "Nguyễn Thị Hoa"


def household() -> vl.Household:
    return vl.Household(
        area="rural",
        monthly_income_per_capita=1_000_000,
        members=[{"citizen_id": RAW_ID, "name": RAW_NAME, "sex": "female"}],
    )


def test_reprs_str_and_json_are_masked() -> None:
    hh = household()
    for text in (
        repr(hh),
        str(hh),
        hh.model_dump_json(),
        repr(hh.model_dump()),
        f"{hh.members[0].citizen_id}",
    ):
        assert RAW_ID not in text
        assert RAW_NAME not in text
        assert "Hoa" not in text
    assert hh.members[0].citizen_id is not None
    assert hh.members[0].citizen_id.reveal() == RAW_ID
    assert "*********567" in repr(hh)


def test_logging_is_masked(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO):
        logging.getLogger("test").info("member %s", household().members[0])
    assert RAW_ID not in caplog.text
    assert RAW_NAME not in caplog.text


@pytest.mark.parametrize("bad_id", ["00120300456", "00120300456X", "1234567890123"])
def test_errors_do_not_echo_the_id(bad_id: str) -> None:
    with pytest.raises(ValidationError) as err:
        vl.Household(
            area="mountain",
            monthly_income_per_capita=1,
            members=[{"citizen_id": bad_id, "name": RAW_NAME}],
        )
    text = str(err.value)
    assert bad_id not in text
    assert RAW_NAME not in text
    assert "citizen ID" in text
    assert "area" in text


@pytest.mark.parametrize(
    "written",
    [
        "001203004567",
        "001 203 004 567",
        "001-203-004-567",
        "CCCD 001203004567",
        "CCCD: 001-203-004-567",
    ],
)
def test_ids_written_any_usual_way_are_recognised_and_masked(written: str) -> None:
    member = vl.Member(citizen_id=written)
    assert member.citizen_id is not None
    assert member.citizen_id.reveal() == RAW_ID
    assert "004567" not in repr(member)
    from vnlabor.base.masking import mask_citizen_ids

    assert "004" not in mask_citizen_ids(f"chủ hộ {written} đã khai")


@pytest.mark.parametrize(
    "data",
    [
        {"area": "x", "members": [{"citizen_id": RAW_ID, "name": RAW_NAME}]},  # input: whole dict
        {
            "area": "rural",
            "monthly_income_per_capita": 1,
            "members": [{"citizen_id": RAW_ID + "X"}],
        },
        {"area": "rural", "monthly_income_per_capita": f"CCCD {RAW_ID}"},
        {
            "area": "rural",
            "monthly_income_per_capita": 1,
            "members": [{"name": 5, "citizen_id": RAW_ID}],
        },
        {
            "area": "rural",
            "monthly_income_per_capita": 1,
            "household_id": 7,
            "commune_code": RAW_ID,
            "members": [{"citizen_id": "001 203 004 567", "name": RAW_NAME, "sex": "?"}],
        },
    ],
)
def test_structured_errors_carry_no_raw_id_or_name(data: dict[str, object]) -> None:
    with pytest.raises(ValidationError) as err:
        vl.Household.model_validate(data)
    for text in (err.value.json(), repr(err.value.errors()), str(err.value)):
        assert "004567" not in text
        assert "004 567" not in text
        assert "Hoa" not in text


def test_numbers_and_dates_at_the_edges() -> None:
    from datetime import date, datetime, timedelta, timezone
    from decimal import Decimal

    import numpy as np

    assert (
        vl.Household(area="rural", monthly_income_per_capita=np.int64(5)).monthly_income_per_capita
        == 5
    )
    for inexact in (2.0**53, 1e20):
        with pytest.raises(ValidationError, match="inexact"):
            vl.Household(area="rural", monthly_income_per_capita=inexact)
    assert (
        vl.Household(area="rural", monthly_income_per_capita=2.0**53 - 1).monthly_income_per_capita
        == 2**53 - 1
    )
    with pytest.raises(ValidationError, match="whole đồng"):
        vl.Household(area="rural", monthly_income_per_capita=Decimal("sNaN"))
    with pytest.raises(ValidationError, match="too large"):
        vl.Household(area="rural", monthly_income_per_capita=10**4400)
    tokyo = timezone(timedelta(hours=9))
    hh = vl.Household(
        area="rural",
        monthly_income_per_capita=1,
        surveyed_on=datetime(2024, 3, 1, 0, 30, tzinfo=tokyo),
    )
    assert hh.surveyed_on == date(2024, 2, 29)  # 22:30 in Vietnam
    from vnlabor.types import as_date

    assert as_date(datetime(2024, 2, 29, 17, 0, tzinfo=UTC)) == date(2024, 3, 1)
    assert as_date(datetime(2024, 2, 29, 16, 59, tzinfo=UTC)) == date(2024, 2, 29)


def test_list_years() -> None:
    hh = vl.Household(area="rural", monthly_income_per_capita=700_000)
    assert vl.classify(hh, list_year=2016).standard.instrument == "59/2015/QĐ-TTg"
    assert vl.standard_for_list_year(2016).valid_from == vl.standard_for_list_year(2017).valid_from
    for year in (2015, 2031, 10_000):
        with pytest.raises(vl.NoStandardInForce) as info:
            vl.classify(hh, list_year=year)
        assert info.value.year == year  # type: ignore[attr-defined]
    not_years: list[Any] = [True, "2024", 2024.0]
    for not_a_year in not_years:
        with pytest.raises(TypeError):
            vl.classify(hh, list_year=not_a_year)
