"""ProvinceCode: a pydantic field type for official province codes."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import vnlabor.geo
import vnlabor.types
from vnlabor.base.model import VnlaborModel
from vnlabor.geo import ProvinceCode
from vnlabor.model import Area, Course, Household
from vnlabor.model.record import ProgrammeRecord


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


def test_one_type_for_every_province_code_field() -> None:
    assert ProvinceCode is vnlabor.types.ProvinceCode
    for model in (ProgrammeRecord, Household, Course):
        assert model.model_fields["province_code"].annotation == ProvinceCode | None, model
    hh = Household(area=Area.RURAL, monthly_income_per_capita=0, province_code=1)
    assert hh.province_code == "01"
    course = {"level": "under_3_months", "cost": 1}
    assert Course.model_validate({**course, "province_code": " 79"}).province_code == "79"
    models: list[tuple[type[Household] | type[Course], dict[str, object]]] = [
        (Household, {"area": "rural", "monthly_income_per_capita": 0}),
        (Course, course),
    ]
    for model, fields in models:
        assert model.model_validate(fields).province_code is None
        with pytest.raises(ValidationError) as info:
            model.model_validate({**fields, "province_code": "99"})
        assert info.value.errors()[0]["type"] == "vnlabor.province_unknown"


def test_the_field_type_accepts_exactly_the_registrys_codes() -> None:
    # vnlabor.types reads the codes straight from the geography data, below the registry.
    from vnlabor.geo.registry import _registry

    assert vnlabor.types._province_codes() == frozenset(_registry().by_code)
    assert vnlabor.geo.coerce_province_code is vnlabor.types.coerce_province_code
