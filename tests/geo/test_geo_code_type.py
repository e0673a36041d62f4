"""ProvinceCode: a pydantic field type for official province codes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from vnlabor.geo import ProvinceCode
from vnlabor.model.base import VnlaborModel


class _Record(VnlaborModel):
    province: ProvinceCode


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("01", "01"),
        ("79", "79"),
        ("02", "02"),
        ("28", None),
        (1, "01"),
        ("6", "06"),
        (" 96 ", "96"),
    ],
)
def test_codes_of_either_map(value: object, code: str | None) -> None:
    if code is None:
        with pytest.raises(ValidationError):
            _Record.model_validate({"province": value})
    else:
        assert _Record.model_validate({"province": value}).province == code


@pytest.mark.parametrize("value", ["99", "00", "100", "HN", "", 1.0, True, None, 7, "1a"])
def test_unknown_code_error_names_the_value(value: object) -> None:
    with pytest.raises(ValidationError) as info:
        _Record.model_validate({"province": value})
    (error,) = info.value.errors()
    assert error["type"] == "vnlabor.province_unknown"
    assert error["msg"] == f"mã tỉnh không tồn tại / unknown province code: {value!r}"
