"""The one base class every vnlabor record derives from."""

from __future__ import annotations

import re
import types
import typing
from enum import Enum, StrEnum
from typing import Any, Self

from pydantic import (
    BaseModel,
    ConfigDict,
    ModelWrapValidatorHandler,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError


class CodeEnum(StrEnum):
    """A set of codes whose values are lower-case names, read leniently from table cells."""

    @classmethod
    def _missing_(cls, value: object) -> Self | None:
        """Also read codes with stray spaces or capitals (hand-typed table cells).

        >>> from vnlabor.model.deprivation import Deprivation
        >>> Deprivation(" Health_Insurance")
        <Deprivation.HEALTH_INSURANCE: 'health_insurance'>
        """
        if isinstance(value, str):
            return cls._value2member_map_.get(value.strip().lower())  # type: ignore[return-value]
        return None


def split_cell(value: Any) -> Any:
    """``"a; b"`` (a table cell) → ``["a", " b"]``; anything else unchanged.

    For set-valued fields of enum members, which pydantic-core then checks one by one
    (an enum's ``_missing_`` may forgive stray spaces and capitals).

    >>> split_cell("health_insurance; nutrition"), split_cell(["a"])
    (['health_insurance', ' nutrition'], ['a'])
    """
    if value.__class__ is str:
        return [part for part in value.split(";") if part.strip()]
    return value


class VnlaborModel(BaseModel):
    """Frozen, strict-shaped pydantic model shared by all vnlabor records.

    * ``frozen``: records are values; change one with ``model_validate`` on new data,
      not by mutation (``model_copy(update=...)`` would skip validation).
    * ``extra="forbid"``: a misspelt field is an error, not silently dropped.
    * ``hide_input_in_errors``: a rejected record may hold a citizen ID or a name, so
      pydantic's echo of the whole input is suppressed; vnlabor's own error messages
      name the offending (non-personal) value instead.
    * An unknown choice for an enum field (area, indicator, sex…) is reported in
      Vietnamese and English with the value given and the values accepted, under the
      error type ``vnlabor.<enum>_unknown`` (e.g. ``vnlabor.area_unknown``).
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        use_attribute_docstrings=True,
        hide_input_in_errors=True,
        validate_default=False,
    )

    # Enum fields are validated by pydantic-core itself (fast; lenient spellings come
    # from each enum's ``_missing_``); only a failure comes back here to be reworded.
    @model_validator(mode="wrap")
    @classmethod
    def _reword_enum_errors(cls, data: Any, handler: ModelWrapValidatorHandler[Any]) -> Any:
        try:
            return handler(data)
        except ValidationError as exc:
            errors = exc.errors()
            if not any(e["type"] == "enum" for e in errors):
                raise
            details = [_enum_error(cls, e) if e["type"] == "enum" else _kept(e) for e in errors]
            raise ValidationError.from_exception_data(exc.title, details, hide_input=True) from None


def _enum_error(model: type[BaseModel], error: Any) -> InitErrorDetails:
    from vnlabor.l10n.labels import field_label

    loc = error["loc"]
    field = str(loc[0]) if loc else ""
    enum = enum_of(model.model_fields[field].annotation) if field in model.model_fields else None
    try:
        vi, en = field_label(model, field, "vi"), field_label(model, field, "en")
    except (KeyError, TypeError):
        vi = en = field or "?"
    accepted = ", ".join(m.value for m in enum) if enum else error.get("ctx", {}).get("expected")
    code = re.sub(r"(?<!^)(?=[A-Z])", "_", enum.__name__).lower() if enum else "choice"
    return {
        "type": PydanticCustomError(
            f"vnlabor.{code}_unknown",
            "{vi} không hợp lệ / unknown {en}: {value} (hợp lệ / accepted: {accepted})",
            {"vi": vi, "en": en, "value": repr(error["input"]), "accepted": accepted},
        ),
        "loc": loc,
        "input": error["input"],
    }


def _kept(error: Any) -> InitErrorDetails:
    """An error of another kind, carried over unchanged (message and context)."""
    kind = error["type"]
    if kind.startswith("vnlabor."):  # our own PydanticCustomError: rebuild it as it read
        kind = PydanticCustomError(kind, error["msg"])
    detail: InitErrorDetails = {"type": kind, "loc": error["loc"], "input": error["input"]}
    if "ctx" in error and not isinstance(kind, PydanticCustomError):
        detail["ctx"] = error["ctx"]
    return detail


def enum_of(annotation: Any) -> type[Enum] | None:
    """The enum a field holds: itself, or inside ``X | None``, ``frozenset[X]``."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return enum_of(typing.get_args(annotation)[0])
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            found = enum_of(arg)
            if found is not None:
                return found
    return None
