"""Citizen IDs and names never show unmasked."""

import logging

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
