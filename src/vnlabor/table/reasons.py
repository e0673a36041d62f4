"""Bilingual reasons for a rejected row, built from a pydantic ``ValidationError``.

vnlabor's own errors (type ``vnlabor.*``) are already bilingual and name the value,
masked where it is personal; they are kept as they are. pydantic's built-in errors
(a missing value, a number below its minimum …) are English only and, since vnlabor
models hide their input, name no value: they are reworded in Vietnamese and English
and given the cell's value, unless the column holds personal data (a citizen ID, a
name, a person reference). Whatever the source, any citizen ID in a reason is masked
(:func:`vnlabor.base.masking.mask_citizen_ids`), and a long value is quoted shortened.

>>> problem("khu vực", "thiếu giá trị / value missing")
'khu vực: thiếu giá trị / value missing'
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from pydantic import ValidationError

from vnlabor.table.cells import FieldSpec, mask_citizen_ids
from vnlabor.types import quoted

__all__ = ["MISSING", "describe_validation_error", "problem"]

MISSING = "thiếu giá trị bắt buộc / required value missing"
"""The reason of an empty cell in a required column."""

_BUILT_IN: Mapping[str, str] = {
    "missing": MISSING,
    "bool_parsing": "không phải giá trị có/không / not a yes/no value",
    "bool_type": "không phải giá trị có/không / not a yes/no value",
    "int_parsing": "phải là số nguyên / must be a whole number",
    "int_type": "phải là số nguyên / must be a whole number",
    "int_from_float": "phải là số nguyên / must be a whole number",
    "date_type": "không phải ngày / not a date",
    "date_parsing": "không phải ngày / not a date",
    "date_from_datetime_parsing": "không phải ngày / not a date",
    "date_from_datetime_inexact": "ngày không được kèm giờ / a date must not include a time",
    "string_type": "phải là văn bản / must be text",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge} / must be at least {ge}",
    "greater_than": "phải lớn hơn {gt} / must be greater than {gt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le} / must be at most {le}",
    "less_than": "phải nhỏ hơn {lt} / must be less than {lt}",
    "extra_forbidden": "trường không tồn tại / unknown field",
    "model_type": "phải là một bản ghi (JSON object) / must be a record (a JSON object)",
    "model_attributes_type": "phải là một bản ghi (JSON object) / must be a record (a JSON object)",
    "tuple_type": "phải là danh sách / must be a list",
    "list_type": "phải là danh sách / must be a list",
    "set_type": "phải là danh sách / must be a list",
    "frozen_set_type": "phải là danh sách / must be a list",
}
_UNION_TAGS = frozenset({"str", "int", "bool", "float", "none", "date"})


def problem(column: str | None, message: str) -> str:
    """One problem of a row: ``"column: message"`` (just the message for the whole row)."""
    return mask_citizen_ids(f"{column}: {message}" if column else message)


def _message(error: Any, value: object, show_value: bool) -> str:
    kind: str = error["type"]
    if kind.startswith("vnlabor."):
        return str(error["msg"])
    if kind in ("value_error", "assertion_error"):
        # A model validator's own (vnlabor: bilingual) sentence, without pydantic's prefix.
        return str(error["msg"]).partition(", ")[2] or str(error["msg"])
    template = _BUILT_IN.get(kind)
    if template is None:
        text = f"giá trị không hợp lệ / invalid value ({error['msg']})"
    else:
        text = template.format_map(error.get("ctx") or {})
    if show_value and kind != "missing":
        text += f": {quoted(value)}"
    return text


def _is_tag(part: object) -> bool:
    """A union member or validator name pydantic puts in a location, not a field."""
    return isinstance(part, str) and ("[" in part or "(" in part or part in _UNION_TAGS)


def describe_validation_error(
    exc: ValidationError,
    columns: Mapping[str, str],
    specs: Mapping[str, FieldSpec],
    values: Mapping[str, object],
    *,
    skip: Collection[str] = (),
) -> list[tuple[str | None, str]]:
    """The row's problems, one per error of ``exc``, each naming its column.

    Args:
        exc: The error from validating the row.
        columns: Header text of each field's column, as written in the table.
        specs: The model's field specs (to know which values are personal).
        values: The value given to each field (shown for pydantic's own errors on a
            top-level, non-personal field).
        skip: Fields whose errors are left out (their cell was already reported).

    Returns:
        ``(field, text)`` pairs, ``field`` being ``None`` for a problem of the whole row,
        and texts such as ``"size: phải lớn hơn hoặc bằng 1 / must be at least 1: 0"``.
    """
    errors = exc.errors()
    problems: list[tuple[str | None, str]] = []
    for error in errors:
        loc = error["loc"]
        if (
            error["type"] == "string_type"
            and len(loc) > 1
            and sum(1 for other in errors if other["loc"][:1] == loc[:1]) > 1
        ):
            continue  # the text branch of a "record or identifier" field: noise
        path = [str(part) for part in loc if not _is_tag(part)]
        if not path:
            problems.append((None, problem(None, _message(error, None, show_value=False))))
            continue
        name, rest = path[0], path[1:]
        if name in skip:
            continue
        spec = specs.get(name)
        column = columns.get(name, name) + "".join(f".{part}" for part in rest)
        show = spec is not None and not spec.personal and not rest and name in values
        problems.append((name, problem(column, _message(error, values.get(name), show))))
    return list(dict.fromkeys(problems))
