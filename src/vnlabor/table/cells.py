"""Turn table cells (CSV text, spreadsheet values, DataFrame scalars) into field input.

Every engine hands a cell to :func:`convert_cell`, which prepares it for the field it
fills, by the field's kind (:func:`field_specs`); the model then validates the result.
The readers call it once per cell, the batch engine once per distinct value of a
column, so both accept and reject the same cells with the same words:

* **text**: surrounding spaces dropped, Unicode NFC; a number becomes its digits
  (``101`` → ``"101"``), so spreadsheet codes typed as numbers still read.
* **int** (counts, money, sizes): ``"30"``, ``"-1"`` and Vietnamese digit grouping
  ``"1.500"`` become ``int``; other money text (``"1.500.000đ"``, ``"1,5 triệu"``) is
  left to :func:`vnlabor.l10n.parse_vnd`. More than 19 digits (beyond what a 64-bit
  integer holds) is refused here.
* **bool**: ``True``/``False``, ``1``/``0``, and the words of :func:`read_flag`.
* **date**: ``date``; a ``datetime`` at midnight (spreadsheets store dates so), or an
  aware one, read in Vietnam's time zone; ``yyyy-mm-dd`` or ``dd/mm/yyyy`` text
  (:func:`vnlabor.l10n.parse_date`).
* **enum**: the member's value or its Vietnamese or English label, any case, with or
  without diacritics (``"Nữ"``, ``"nu"`` → ``Sex.FEMALE``; ``"Nong thon"`` →
  ``Area.RURAL``); anything else goes on to the model, which names the values
  accepted.
* **enum set** (``deprivations``, a dwelling's ``information_devices``): names or labels
  separated by ``;``; a word for none (``không``, ``không có``, ``none``, any case, with
  or without diacritics) is the empty set, which an empty cell is not (it states
  nothing).
* **json** (an embedded record such as an enrolment's course): JSON text; text that
  is not JSON stays text when the field also takes text (a course identifier).

An empty cell (nothing but spaces, ``None``, NaN, pandas' ``NA``/``NaT``, a Decimal
NaN) means *not given*: the field keeps its default, or the row is rejected if the
field is required. numpy scalars are read as the Python values they hold.
"""

from __future__ import annotations

import functools
import json
import math
import re
import types
import typing
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any, Final, Literal

from pydantic import BaseModel

from vnlabor.base.masking import mask_citizen_ids
from vnlabor.l10n.labels import LOCALES, label
from vnlabor.l10n.parse import parse_date
from vnlabor.model.person import CitizenId, PersonalName
from vnlabor.model.record import PersonRef
from vnlabor.types import quoted, vietnam_date

__all__ = [
    "CellError",
    "FieldSpec",
    "Kind",
    "convert_cell",
    "field_specs",
    "fold",
    "is_blank",
    "mask_citizen_ids",
    "parse_flag",
    "plain",
    "read_flag",
]

Kind = Literal["text", "int", "bool", "date", "enum", "enum_set", "json", "json_or_text", "other"]
"""How a field's cells are read (see the module documentation)."""

_NONE_WORDS = frozenset({"không", "khong", "không có", "khong co", "none"})
_TRUE = frozenset({"1", "true", "yes", "y", "x", "có", "co", "đúng", "dung", "✓", "✔", "☑"})
_FALSE = frozenset({"0", "false", "no", "n", "không", "khong", "sai"})
_INTEGER = re.compile(r"-?(?:[0-9]+|[0-9]{1,3}(?:\.[0-9]{3})+)")
_MAX_DIGITS: Final = 19  # a 64-bit integer has at most 19 digits
_PERSON_REF_CHECK = typing.get_args(PersonRef)[1]


class CellError(ValueError):
    """A cell that cannot be read for its field; the message is bilingual."""


@dataclass(frozen=True, slots=True)
class FieldSpec:
    """What the readers and writers need to know about one field.

    Attributes:
        name: The field's Python name.
        kind: How its cells are read and written.
        optional: Whether ``None`` is a valid value.
        required: Whether the field has no default.
        enum: The enum of an ``enum`` or ``enum_set`` field.
        personal: Whether values are personal data (a citizen ID, a name, a person
            reference): never repeated in an error.
    """

    name: str
    kind: Kind
    optional: bool
    required: bool
    enum: type[Enum] | None = None
    personal: bool = False


def plain(value: object) -> object:
    """A numpy scalar as the Python value it holds (``np.int64(5)`` → ``5``); others as is.

    >>> import numpy as np
    >>> plain(np.int64(5)), plain(np.bool_(True)), plain("x")
    (5, True, 'x')
    """
    if type(value).__module__ == "numpy" and hasattr(value, "item"):
        return value.item()
    return value


def read_flag(value: object) -> bool | None:
    """Read a yes/no cell: ``True`` (yes), ``False`` (no) or ``None`` (empty: *not stated*).

    Yes: ``True``, ``1``, ``x``, ``có``, ``đúng``, ``true``, ``yes``, ``✓``; no:
    ``False``, ``0``, ``không``, ``sai``, ``false``, ``no``; any case, with or without
    diacritics (``co``, ``khong``, ``dung``). An empty cell states nothing: what that
    means is the caller's business (for a household's indicator columns, see
    :mod:`vnlabor.table.households`).

    >>> read_flag("Có"), read_flag("x"), read_flag(""), read_flag(0), read_flag("✓")
    (True, True, None, False, True)
    >>> read_flag("maybe")
    Traceback (most recent call last):
    ...
    vnlabor.table.cells.CellError: giá trị có/không không hợp lệ / not a yes/no value: 'maybe'
    """
    value = plain(value)
    if is_blank(value):
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        key = unicodedata.normalize("NFC", value).strip().casefold()
        if key in _TRUE:
            return True
        if key in _FALSE:
            return False
    # Quoted as text whatever the cell type: the same in a CSV file and a spreadsheet.
    shown = value if isinstance(value, str) else _number_text(value)  # type: ignore[arg-type]
    raise CellError(f"giá trị có/không không hợp lệ / not a yes/no value: {quoted(shown)}")


def parse_flag(value: object) -> bool:
    """:func:`read_flag`, with an empty cell read as ``False`` (not marked).

    >>> parse_flag("Có"), parse_flag("x"), parse_flag(""), parse_flag(0), parse_flag(True)
    (True, True, False, False, True)
    """
    return read_flag(value) is True


def is_blank(value: object) -> bool:
    """Whether a cell is empty: ``None``, blank text, a NaN, or pandas' ``NA``/``NaT``.

    >>> is_blank("  "), is_blank(float("nan")), is_blank(0), is_blank(Decimal("sNaN"))
    (True, True, False, True)
    """
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, Decimal):
        return value.is_nan()
    return type(value).__name__ in ("NAType", "NaTType") or (
        type(value).__module__ == "numpy" and plain(value) != plain(value)
    )


def _strip_optional(annotation: Any) -> tuple[Any, bool]:
    """``X | None`` → ``(X, True)``; ``X | Y | None`` → ``(X | Y, True)``."""
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = typing.get_args(annotation)
        rest = tuple(a for a in args if a is not type(None))
        if len(rest) < len(args):
            return (rest[0] if len(rest) == 1 else typing.Union[rest]), True  # noqa: UP007
    return annotation, False


def _unwrap(annotation: Any) -> tuple[Any, tuple[Any, ...]]:
    """``Annotated[X, m...]`` → ``(X, (m, ...))``."""
    metadata: tuple[Any, ...] = ()
    while typing.get_origin(annotation) is typing.Annotated:
        args = typing.get_args(annotation)
        annotation, metadata = args[0], (*metadata, *args[1:])
    return annotation, metadata


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _spec(name: str, annotation: Any, metadata: Iterable[Any], required: bool) -> FieldSpec:
    inner, optional = _strip_optional(annotation)
    inner, more = _unwrap(inner)
    metadata = (*metadata, *more)
    personal = any(m is _PERSON_REF_CHECK for m in metadata) or (
        isinstance(inner, type) and issubclass(inner, CitizenId | PersonalName)
    )
    kind: Kind = "other"
    enum: type[Enum] | None = None
    origin = typing.get_origin(inner)
    if inner is bool:
        kind = "bool"
    elif inner is int:
        kind = "int"
    elif inner is date:
        kind = "date"
    elif inner is str:
        kind = "text"
    elif isinstance(inner, type) and issubclass(inner, Enum):
        kind, enum = "enum", inner
    elif origin in (typing.Union, types.UnionType):
        members = [_unwrap(a)[0] for a in typing.get_args(inner)]
        if any(_is_model(m) for m in members):
            kind = "json_or_text" if str in members else "json"
    elif origin in (frozenset, set, tuple, list):
        item = _unwrap(typing.get_args(inner)[0])[0]
        if isinstance(item, type) and issubclass(item, Enum):
            kind, enum = "enum_set", item
        elif _is_model(item):
            kind = "json"
    elif _is_model(inner):
        kind = "json"
    return FieldSpec(name, kind, optional, required, enum, personal)


@functools.cache
def field_specs(model: type[BaseModel]) -> Mapping[str, FieldSpec]:
    """The :class:`FieldSpec` of every field of ``model``, in field order.

    >>> from vnlabor.model.enrolment import Enrolment
    >>> specs = field_specs(Enrolment)
    >>> specs["course"].kind, specs["enrolled_on"].kind, specs["trainee_id"].personal
    ('json_or_text', 'date', True)
    """
    return types.MappingProxyType(
        {
            name: _spec(name, info.annotation, info.metadata, info.is_required())
            for name, info in model.model_fields.items()
        }
    )


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def fold(text: str) -> str:
    """``text`` without diacritics, case-folded (``"Đô Thị"`` → ``"do thi"``).

    How people type Vietnamese without its accents; used to match headers and
    choices written so.

    >>> fold("Nông thôn"), fold("ĐÔ THỊ")
    ('nong thon', 'do thi')
    """
    decomposed = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@functools.cache
def _enum_words(enum: type[Enum]) -> tuple[Mapping[str, Enum], Mapping[str, Enum]]:
    """Every member's value and labels, in comparison form, then without diacritics.

    A folded spelling two members share names neither.
    """
    words: dict[str, Enum] = {}
    for member in enum:
        for locale in LOCALES:
            try:
                words.setdefault(_key(label(member, locale)), member)
            except KeyError:
                continue
    for member in enum:  # values win over labels
        words[_key(str(member.value))] = member
    folded: dict[str, set[Enum]] = {}
    for word, member in words.items():
        folded.setdefault(fold(word), set()).add(member)
    unique = {word: next(iter(ms)) for word, ms in folded.items() if len(ms) == 1}
    return types.MappingProxyType(words), types.MappingProxyType(unique)


@functools.cache
def _enum_values(enum: type[Enum]) -> Mapping[object, Enum]:
    """Every member by its value: ``enum(value)``'s first look-up, without its overhead."""
    return types.MappingProxyType({member.value: member for member in enum})


def _enum_member(enum: type[Enum], value: object) -> object:
    """The member ``value`` names (value or label), else ``value`` unchanged."""
    if isinstance(value, enum):
        return value
    if isinstance(value, str):
        exact = _enum_values(enum).get(value)
        if exact is not None:
            return exact
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = _number_text(value)
    if isinstance(value, str):
        try:
            return enum(value)
        except ValueError:
            words, folded = _enum_words(enum)
            key = _key(value)
            found = words.get(key)
            if found is None:
                found = folded.get(fold(key))
            return value.strip() if found is None else found
    return value


def _number_text(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _text(value: object) -> object:
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value).strip()
    if isinstance(value, int | float) and not isinstance(value, bool):
        return _number_text(value)
    return value


def _date(value: object) -> object:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return vietnam_date(value)
        return value.date() if value.time() == datetime.min.time() else value
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return parse_date(value)
        except ValueError as exc:
            raise CellError(str(exc)) from None
    raise CellError(f"không phải ngày / not a date: {quoted(value)}")


def _int(value: object) -> object:
    if isinstance(value, str):
        text = value.strip()
        if _INTEGER.fullmatch(text):
            digits = text.replace(".", "").lstrip("-")
            if len(digits) > _MAX_DIGITS:
                # int() of thousands of digits is slow, and refused past 4,300.
                raise CellError(f"số quá lớn / number too large: {len(digits):,} chữ số / digits")
            return int(text.replace(".", ""))
        return text
    return value


def _json(value: object, *, or_text: bool) -> object:
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in ("{", "["):
            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                # The content is not repeated: an embedded record may hold personal data.
                raise CellError(
                    f"không đọc được JSON / not valid JSON: {exc.msg} at character {exc.pos}"
                ) from None
        return _text(text) if or_text else text
    if or_text and isinstance(value, int | float) and not isinstance(value, bool):
        return _number_text(value)
    return value


def convert_cell(spec: FieldSpec, value: object) -> object:
    """Prepare a non-blank cell for ``spec``'s field (see the module documentation).

    Returns the value to validate: converted where the cell could be read, unchanged
    where the model itself should judge it (and name the values it accepts).

    Raises:
        CellError: The cell cannot be read for the field (a bad date or yes/no value,
            invalid JSON, a number of more than 19 digits); the message is bilingual
            and quotes the cell (shortened if long), except JSON.

    >>> from vnlabor.model.job_fair import JobFairSession
    >>> specs = field_specs(JobFairSession)
    >>> convert_cell(specs["attendance"], "1.200"), convert_cell(specs["held_on"], "3/4/2023")
    (1200, datetime.date(2023, 4, 3))
    >>> convert_cell(specs["kind"], "Ngày hội việc làm")
    <JobFairKind.JOB_FAIR: 'job_fair'>
    """
    value = plain(value)
    kind = spec.kind
    if kind == "text":
        return _text(value)
    if kind == "int":
        return _int(value)
    if kind == "bool":
        return read_flag(value)
    if kind == "date":
        return _date(value)
    if kind == "enum":
        assert spec.enum is not None
        return _enum_member(spec.enum, value)
    if kind == "enum_set":
        assert spec.enum is not None
        enum = spec.enum
        if isinstance(value, str):
            if _key(value) in _NONE_WORDS:
                return []
            return [_enum_member(enum, part) for part in value.split(";") if part.strip()]
        if isinstance(value, list | tuple | set | frozenset):
            return [_enum_member(enum, part) for part in value]
        return [_enum_member(enum, value)]
    if kind in ("json", "json_or_text"):
        return _json(value, or_text=kind == "json_or_text")
    return value.strip() if isinstance(value, str) else value
