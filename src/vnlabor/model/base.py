"""The one base class every vnlabor record derives from."""

from __future__ import annotations

import re
import types
import typing
from enum import Enum
from typing import Any

from pydantic import (
    BaseModel,
    ConfigDict,
    ModelWrapValidatorHandler,
    ValidationError,
    model_validator,
)
from pydantic_core import InitErrorDetails, PydanticCustomError


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
    enum = _enum_of(model.model_fields[field].annotation) if field in model.model_fields else None
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


def _enum_of(annotation: Any) -> type[Enum] | None:
    """The enum a field holds: itself, or inside ``X | None``, ``frozenset[X]``."""
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _enum_of(typing.get_args(annotation)[0])
    if origin is not None or isinstance(annotation, types.UnionType):
        for arg in typing.get_args(annotation):
            found = _enum_of(arg)
            if found is not None:
                return found
    return None
