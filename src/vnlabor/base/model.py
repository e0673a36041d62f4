"""The one base class every vnlabor record derives from."""

from __future__ import annotations

import functools
import re
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
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

from vnlabor.base.masking import mask_citizen_ids
from vnlabor.errors import VnlaborValueError
from vnlabor.l10n.parse import parse_date
from vnlabor.types import quoted, vietnam_date


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
      name the offending (non-personal) value instead. The structured errors
      (``exc.errors()``, ``exc.json()``) carry the input masked: a personal field's
      value as it is shown (``*********567``, initials), and any citizen ID inside
      other text, messages and contexts masked (:mod:`vnlabor.base.masking`),
      including inside the whole input a model-level error carries.
    * An unknown choice for an enum field (area, indicator, sex…) is reported in
      Vietnamese and English with the value given and the values accepted, under the
      error type ``vnlabor.<enum>_unknown`` (e.g. ``vnlabor.area_unknown``).
    * A date field given an aware ``datetime`` takes its day in Vietnam (UTC+7,
      :func:`vnlabor.types.vietnam_date`), whatever zone it was written in.
    * A date field given text reads it as the readers do, with
      :func:`vnlabor.l10n.parse_date` (``"01/03/2024"`` or ``"2024-03-01"``); text it
      cannot read is a ``vnlabor.date_parsing`` error in Vietnamese and English.
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
        unread: dict[str, InitErrorDetails] = {}
        if data.__class__ is dict and (dates := _date_fields(cls)):
            data, unread = _dates_read(data, dates)
        try:
            result = handler(data)
        except ValidationError as exc:
            scrub = _Scrubber.of(cls)
            details = [
                scrub.error(_enum_error(cls, e) if e["type"] == "enum" else _kept(e))
                for e in exc.errors()
                # a date text parse_date refused: its own error below, not pydantic's
                if not (e["loc"] and e["loc"][0] in unread)
            ]
            details += [scrub.error(detail) for detail in unread.values()]
            raise ValidationError.from_exception_data(exc.title, details, hide_input=True) from None
        if unread:  # text pydantic reads as a date ("20240301") but the readers refuse
            scrub = _Scrubber.of(cls)
            details = [scrub.error(detail) for detail in unread.values()]
            raise ValidationError.from_exception_data(cls.__name__, details, hide_input=True)
        return result


@functools.cache
def _date_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """Fields of ``model`` that hold a ``date`` (or ``date | None``)."""
    found = []
    for name, info in model.model_fields.items():
        annotation = info.annotation
        args = typing.get_args(annotation) if isinstance(annotation, types.UnionType) else ()
        if annotation is date or date in args:
            found.append(name)
    return tuple(found)


def _dates_read(
    data: dict[str, Any], fields: tuple[str, ...]
) -> tuple[dict[str, Any], dict[str, InitErrorDetails]]:
    """``data`` with its date fields read as the readers read them, and the texts refused.

    Text goes through :func:`~vnlabor.l10n.parse_date` (the one date parser: readers,
    command line and models accept the same texts); an aware ``datetime`` becomes its
    day in Vietnam. A refused text stays in ``data`` and its error is returned by field.
    """
    unread: dict[str, InitErrorDetails] = {}
    for name in fields:
        value = data.get(name)
        if value.__class__ is str:
            try:
                data = {**data, name: parse_date(value)}
            except VnlaborValueError as exc:
                unread[name] = {
                    "type": PydanticCustomError("vnlabor.date_parsing", str(exc)),
                    "loc": (name,),
                    "input": value,
                }
        elif isinstance(value, datetime) and value.tzinfo is not None:
            data = {**data, name: vietnam_date(value)}
    return data, unread


def _secret_type(annotation: Any) -> Any:
    """The personal-value type (a class with ``mask_text``) inside ``annotation``, if any."""
    if isinstance(annotation, type):
        return annotation if hasattr(annotation, "mask_text") else None
    for arg in typing.get_args(annotation):
        found = _secret_type(arg)
        if found is not None:
            return found
    return None


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type):
        return annotation if issubclass(annotation, BaseModel) else None
    for arg in typing.get_args(annotation):
        found = _nested_model(arg)
        if found is not None:
            return found
    return None


class _Scrubber:
    """Masks what a validation error of one model would echo: inputs, contexts, messages."""

    def __init__(self, model: type[BaseModel]) -> None:
        self.secret: dict[str, Any] = {}
        self.nested: dict[str, type[BaseModel]] = {}
        for name, info in model.model_fields.items():
            secret = _secret_type(info.annotation)
            if secret is not None:
                self.secret[name] = secret
            elif (inner := _nested_model(info.annotation)) is not None:
                self.nested[name] = inner

    @staticmethod
    @functools.cache
    def of(model: type[BaseModel]) -> _Scrubber:
        return _Scrubber(model)

    def value(self, value: Any) -> Any:
        """``value`` (the input given to this model) with personal data masked."""
        if isinstance(value, Mapping):
            return {k: self.field(k, v) for k, v in value.items()}
        return _scrub_plain(value)

    def field(self, name: object, value: Any) -> Any:
        if isinstance(name, str):
            secret = self.secret.get(name)
            if secret is not None:
                return _masked(secret, value)
            inner = self.nested.get(name)
            if inner is not None:
                scrub = _Scrubber.of(inner)
                if isinstance(value, list | tuple):
                    return [scrub.value(v) for v in value]
                return scrub.value(value)
        return _scrub_plain(value)

    def at(self, loc: tuple[Any, ...], value: Any) -> Any:
        """The input of an error located at ``loc`` (field names and list indices)."""
        scrub: _Scrubber = self
        for part in loc:
            if not isinstance(part, str):
                continue
            if part in scrub.secret:
                return _masked(scrub.secret[part], value)
            inner = scrub.nested.get(part)
            if inner is None:
                return _scrub_plain(value)
            scrub = _Scrubber.of(inner)
        return scrub.value(value)

    def error(self, detail: InitErrorDetails) -> InitErrorDetails:
        loc = tuple(detail.get("loc", ()))
        if detail["type"] == "missing":  # its input is the record that lacks the field
            loc = loc[:-1]
        detail["input"] = self.at(loc, detail["input"])
        kind = detail["type"]
        if isinstance(kind, PydanticCustomError):
            detail["type"] = PydanticCustomError(
                kind.type,
                mask_citizen_ids(kind.message()),
                {k: _scrub_plain(v) for k, v in (kind.context or {}).items()},
            )
        elif "ctx" in detail:
            detail["ctx"] = {k: _scrub_plain(v) for k, v in detail["ctx"].items()}
        return detail


def _masked(secret: Any, value: Any) -> Any:
    if isinstance(value, str):
        return secret.mask_text(value)
    if hasattr(value, "masked"):
        return value.masked()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return secret.mask_text(str(value))
    return _scrub_plain(value)


def _scrub_plain(value: Any) -> Any:
    """Mask citizen IDs in text, recursively; personal objects show themselves masked."""
    if isinstance(value, str):
        return mask_citizen_ids(value)
    if isinstance(value, Mapping):
        return {k: _scrub_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub_plain(v) for v in value]
    if hasattr(value, "masked") and hasattr(value, "reveal"):
        return value.masked()
    return value


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
            {"vi": vi, "en": en, "value": quoted(error["input"]), "accepted": accepted},
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
