"""Lenient enum input, bilingual enum errors and JSON Schema for every record type."""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import vnlabor as vl
from vnlabor.base.masking import mask_citizen_ids
from vnlabor.base.model import VnlaborModel

RAW_ID = "001203004567"


def _errors(**data: Any) -> tuple[ValidationError, list[Any]]:
    with pytest.raises(ValidationError) as info:
        vl.Household(**data)
    return info.value, info.value.errors()


@pytest.mark.parametrize(
    ("text", "area"),
    [
        ("rural", vl.Area.RURAL),
        ("Nông thôn", vl.Area.RURAL),
        ("  NÔNG THÔN ", vl.Area.RURAL),
        ("thành thị", vl.Area.URBAN),
        ("Đô thị", vl.Area.URBAN),
        # Decomposed Unicode (as some keyboards and spreadsheets write it).
        ("n\u006f\u0302ng tho\u0302n", vl.Area.RURAL),
    ],
)
def test_area_accepts_vietnamese_names(text: str, area: vl.Area) -> None:
    assert vl.Household(area=text, monthly_income_per_capita=0).area is area
    assert vl.Area(text) is area


def test_indicator_names_forgive_spaces_and_capitals() -> None:
    hh = vl.Household(
        area="rural",
        monthly_income_per_capita=0,
        deprivations=[" Health_Insurance", "NUTRITION"],
    )
    assert hh.deprivations == {vl.Deprivation.HEALTH_INSURANCE, vl.Deprivation.NUTRITION}
    cell = vl.Household(area="rural", monthly_income_per_capita=0, deprivations="nutrition; ;")
    assert cell.deprivations == {vl.Deprivation.NUTRITION}


def test_unknown_area_names_field_and_value_in_both_languages() -> None:
    exc, errors = _errors(area="miền núi", monthly_income_per_capita=0)
    assert len(errors) == 1
    assert errors[0]["loc"] == ("area",)
    assert errors[0]["type"] == "vnlabor.area_unknown"
    text = str(exc)
    assert "'miền núi'" in text
    assert "khu vực không hợp lệ" in text
    assert "unknown area" in text
    assert "rural, urban" in text


def test_unknown_indicator_names_its_position_and_value() -> None:
    _, errors = _errors(
        area="rural", monthly_income_per_capita=0, deprivations=["nutrition", "internet"]
    )
    assert [e["loc"] for e in errors] == [("deprivations", 1)]
    assert errors[0]["type"] == "vnlabor.deprivation_unknown"
    assert "'internet'" in errors[0]["msg"]


def test_other_errors_are_kept_beside_reworded_ones() -> None:
    _, errors = _errors(area="x", monthly_income_per_capita=-5, size=0)
    by_loc = {e["loc"]: e for e in errors}
    assert by_loc[("area",)]["type"] == "vnlabor.area_unknown"
    assert by_loc[("monthly_income_per_capita",)]["type"] == "vnlabor.vnd_negative"
    assert "-5" in by_loc[("monthly_income_per_capita",)]["msg"]
    assert by_loc[("size",)]["type"] == "greater_than_equal"


def test_nested_enum_error_is_reworded_and_personal_data_stays_masked() -> None:
    exc, errors = _errors(
        area="x",
        monthly_income_per_capita=0,
        members=[{"citizen_id": RAW_ID + "9", "sex": "unknown"}],
    )
    types = {e["loc"]: e["type"] for e in errors}
    assert types[("members", 0, "sex")] == "vnlabor.sex_unknown"
    assert types[("members", 0, "citizen_id")] == "vnlabor.citizen_id"
    assert RAW_ID not in str(exc)
    assert RAW_ID not in repr(exc)


@given(text=st.text(max_size=12))
def test_any_text_is_an_area_or_a_reworded_error(text: str) -> None:
    try:
        expected: vl.Area | None = vl.Area(text)
    except ValueError:
        expected = None
    if expected is not None:
        assert vl.Household(area=text, monthly_income_per_capita=0).area is expected
        return
    exc, errors = _errors(area=text, monthly_income_per_capita=0)
    assert [e["type"] for e in errors] == ["vnlabor.area_unknown"]
    # Shown as given, except a run of digits shaped like a citizen ID, which every
    # message masks ("000000000" may be someone's old 9-digit ID).
    assert mask_citizen_ids(repr(text)) in str(exc)


def _record_classes() -> list[type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for info in pkgutil.walk_packages(vl.__path__, prefix="vnlabor."):
        if info.name.endswith("__main__"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra that is not installed
            continue
        for obj in vars(module).values():
            if (
                isinstance(obj, type)
                and issubclass(obj, VnlaborModel)
                and obj is not VnlaborModel
                and obj.__module__.startswith("vnlabor.")
            ):
                found[f"{obj.__module__}.{obj.__qualname__}"] = obj
    return [found[k] for k in sorted(found)]


RECORDS = _record_classes()


def test_records_are_found() -> None:
    names = {cls.__name__ for cls in RECORDS}
    assert {"Household", "Member", "Course", "Trainee"} <= names


@pytest.mark.parametrize("model", RECORDS, ids=lambda cls: cls.__qualname__)
@pytest.mark.parametrize("mode", ["validation", "serialization"])
def test_every_record_has_a_json_schema(model: type[BaseModel], mode: str) -> None:
    schema = model.model_json_schema(mode=mode)  # type: ignore[arg-type]
    assert schema["type"] == "object"
    assert schema.get("properties")


_CELLS = st.one_of(
    st.none(),
    st.text(max_size=6),
    st.integers(-5, 10**13),
    st.floats(allow_nan=True),
    st.booleans(),
    st.lists(st.text(max_size=3), max_size=3),
    st.dates(),
)


@pytest.mark.parametrize("model", RECORDS, ids=lambda cls: cls.__qualname__)
def test_any_input_validates_or_raises_validation_error(model: type[BaseModel]) -> None:
    # Garbage in gives a ValidationError (reworded or not), never another exception.
    @settings(max_examples=30, deadline=None)
    @given(st.dictionaries(st.sampled_from(sorted(model.model_fields)), _CELLS))
    def check(data: dict[str, Any]) -> None:
        rejected: ValidationError | None = None
        try:
            model.model_validate(data)
        except ValidationError as exc:
            rejected = exc
        if rejected is not None:
            assert str(rejected)
            assert all(e["loc"] is not None for e in rejected.errors())

    check()
