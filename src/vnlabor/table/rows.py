"""Check cells against a model's fields: the one function every engine validates with.

:func:`check_values` converts cells (:func:`~vnlabor.table.cells.convert_cell`),
validates them through the model itself, and describes what is wrong in the words of
:mod:`vnlabor.table.reasons`. The readers call it once per row with every cell of the
row; the batch engine calls it once per distinct value of a column (or per distinct
combination of the cells of several columns), with ``partial=True`` so that the fields
not given are not reported missing. Whichever calls it, a cell is accepted or rejected
for the same reason, in the same words.

>>> from vnlabor.model.household import Household
>>> checked = check_values(Household, {"area": "miền núi"}, {"area": "Khu vực"}, partial=True)
>>> print(checked.problems[0][1])
Khu vực: khu vực không hợp lệ / unknown area: 'miền núi' (hợp lệ / accepted: rural, urban)
>>> read_value(Household, "monthly_income_per_capita", "1,5 triệu", "thu nhập")
(1500000, [])
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Annotated, Any, Final, Generic, NamedTuple, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from vnlabor.table.cells import CellError, convert_cell, field_specs, is_blank
from vnlabor.table.reasons import MISSING, describe_validation_error, problem

__all__ = ["NOT_GIVEN", "Checked", "Problem", "check_values", "read_value"]

M = TypeVar("M", bound=BaseModel)

Problem = tuple[str | None, str]
"""``(field name or None for the whole row, text)``: one problem of a row, as
:func:`~vnlabor.table.reasons.describe_validation_error` gives it."""


class _NotGiven:
    __slots__ = ()

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = _NotGiven()
"""An empty cell: the field keeps its default (or, if required, is missing)."""


class Checked(NamedTuple, Generic[M]):
    """What :func:`check_values` found.

    Attributes:
        record: The validated record, when the cells make a whole valid record.
        problems: Every problem, in field order as found (empty when all is well).
        values: The cells after conversion (blank cells left out), by field name.
    """

    record: M | None
    problems: list[Problem]
    values: dict[str, object]


def check_values(
    model: type[M],
    cells: Mapping[str, object],
    headers: Mapping[str, str],
    *,
    partial: bool = False,
    extra: Mapping[str, object] | None = None,
) -> Checked[M]:
    """Convert and validate ``cells`` (field name → cell) as fields of ``model``.

    Args:
        model: The record model.
        cells: The cells by field name; blank ones are left out (not given).
        headers: The header text of each field's column, to name it in problems.
        partial: Whether the cells are only some of a record's fields (the batch
            engine checks columns apart): a field not given is then not missing, and
            rules that need the whole record do not run.
        extra: Values to validate with the cells, already converted (e.g. the
            deprivations read from indicator columns).

    Returns:
        The record (``None`` when partial or invalid), the problems, and the
        converted values.
    """
    specs = field_specs(model)
    problems: list[Problem] = []
    data: dict[str, object] = {}
    failed: set[str] = set()
    for name, cell in cells.items():
        if is_blank(cell):
            continue
        try:
            data[name] = convert_cell(specs[name], cell)
        except CellError as exc:
            problems.append((name, problem(headers.get(name, name), str(exc))))
            failed.add(name)
    if extra:
        data.update(extra)
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        found = describe_validation_error(exc, headers, specs, data, skip=failed)
        if partial:
            given = data.keys()
            missing = {e["loc"][0] for e in exc.errors() if e["type"] == "missing" and e["loc"]}
            found = [p for p in found if p[0] in given or p[0] not in missing]
        problems += found
        return Checked(None, problems, data)
    return Checked(None if problems or partial else record, problems, data)


@functools.cache
def _adapter(model: type[BaseModel], name: str) -> TypeAdapter[Any]:
    info = model.model_fields[name]
    if info.metadata:
        return TypeAdapter(Annotated[(info.annotation, *info.metadata)])  # type: ignore[arg-type]
    return TypeAdapter(info.annotation)  # type: ignore[arg-type]


def read_value(
    model: type[BaseModel], name: str, cell: object, header: str
) -> tuple[object, list[Problem]]:
    """One cell read for field ``name`` alone: its value (or :data:`NOT_GIVEN`) and problems.

    The problems are :func:`check_values`'s for that cell; the value is the field's
    validated value (an :class:`~vnlabor.Area` member, whole đồng, a frozenset of
    indicators…) when there is none. The batch engine calls this once per distinct
    value of a column.
    """
    if is_blank(cell):
        info = model.model_fields[name]
        if info.is_required():
            return NOT_GIVEN, [(name, problem(header, MISSING))]
        return NOT_GIVEN, []
    if name not in _checked_by_model(model):
        # The happy path through the field's own type: the model checks nothing more on
        # this field alone, so a value its type accepts, the model accepts.
        try:
            value = convert_cell(field_specs(model)[name], cell)
            return _adapter(model, name).validate_python(value), []
        except (CellError, ValidationError):
            pass  # the model words the reason
    checked = check_values(model, {name: cell}, {name: header}, partial=True)
    if checked.problems:
        return NOT_GIVEN, checked.problems
    return _adapter(model, name).validate_python(checked.values[name]), []


@functools.cache
def _checked_by_model(model: type[BaseModel]) -> frozenset[str]:
    """Fields a validator of the model itself (not of the field's type) looks at."""
    decorators = model.__pydantic_decorators__
    fields: set[str] = set()
    for found in decorators.field_validators.values():
        fields.update(found.info.fields)
    if "*" in fields:
        return frozenset(model.model_fields)
    return frozenset(fields)
