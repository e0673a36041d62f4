"""Match a table's header cells to a model's fields.

A header cell names a field by its Python name (``monthly_income_per_capita``) or by
its Vietnamese or English label (:func:`vnlabor.l10n.field_label`: ``Thu nhập bình
quân đầu người/tháng``, ``monthly income per person``). Matching ignores case,
spaces, underscores and the Unicode normalisation form, so ``Household ID``,
``household_id`` and ``MÃ HỘ`` all find ``household_id``.

>>> from vnlabor.model.household import Household
>>> keys = field_keys(Household)
>>> keys[header_key("Thu nhập bình quân đầu người/tháng")], keys[header_key("Household ID")]
('monthly_income_per_capita', 'household_id')
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from pydantic import BaseModel

from vnlabor.io.errors import HeaderError
from vnlabor.l10n.labels import LOCALES, field_label

__all__ = ["ColumnMatch", "describe_field", "field_keys", "header_key", "match_columns"]


def header_key(text: object) -> str:
    """The form header cells are compared in: NFC, case-folded, no spaces or ``_``.

    >>> header_key(" Mã  hộ "), header_key("household_ID")
    ('mãhộ', 'householdid')
    """
    folded = unicodedata.normalize("NFC", str(text)).casefold()
    return "".join(folded.split()).replace("_", "")


@functools.cache
def field_keys(model: type[BaseModel]) -> Mapping[str, str]:
    """Header keys (see :func:`header_key`) that name each field of ``model``.

    A field is named by its Python name and its label in every locale. A label two
    fields share names neither of them; a Python name always wins over a label.
    """
    by_label: dict[str, set[str]] = {}
    for name in model.model_fields:
        for locale in LOCALES:
            try:
                text = field_label(model, name, locale)
            except KeyError:  # not a vnlabor model, or an unlabelled field
                continue
            by_label.setdefault(header_key(text), set()).add(name)
    keys = {key: next(iter(names)) for key, names in by_label.items() if len(names) == 1}
    keys.update({header_key(name): name for name in model.model_fields})
    return MappingProxyType(keys)


def describe_field(model: type[BaseModel], name: str) -> str:
    """A field's Python name with its labels, for messages: ``area (khu vực / area)``."""
    try:
        return f"{name} ({field_label(model, name, 'vi')} / {field_label(model, name, 'en')})"
    except KeyError:
        return name


@dataclass(frozen=True, slots=True)
class ColumnMatch:
    """Which column of a header gives which field, and which columns are ignored.

    Attributes:
        fields: ``(column index, field name)`` for every column that names a field.
        extra: ``(column index, key)`` for the columns an extra rule claimed (e.g. one
            indicator column per deprivation in a household table).
        ignored: Header text of the columns nothing uses, in header order.
        headers: The header text of each matched field or claimed key, as written.
    """

    fields: tuple[tuple[int, str], ...]
    extra: tuple[tuple[int, str], ...] = ()
    ignored: tuple[str, ...] = ()
    headers: Mapping[str, str] = field(default_factory=dict)


def match_columns(
    header: Sequence[object],
    model: type[BaseModel],
    *,
    claim: Callable[[str], str | None] | None = None,
    source: str = "table",
    require: bool = True,
) -> ColumnMatch:
    """Match header cells to ``model``'s fields (and to an extra rule's columns).

    Args:
        header: The header cells, in column order; blank cells are skipped.
        model: The record model.
        claim: Given a header key a field does not take, return the key of an extra
            column it stands for, or ``None``.
        source: What to call the table in the error message (a file name).
        require: Whether a missing required field is an error.

    Raises:
        HeaderError: A required field has no column, or two columns give one field.
    """
    keys = field_keys(model)
    fields: list[tuple[int, str]] = []
    extra: list[tuple[int, str]] = []
    ignored: list[str] = []
    seen: dict[str, list[str]] = {}
    for index, cell in enumerate(header):
        text = "" if cell is None else str(cell).strip()
        if not text:
            continue
        key = header_key(text)
        name = keys.get(key)
        if name is not None:
            fields.append((index, name))
        elif claim is not None and (other := claim(key)) is not None:
            extra.append((index, other))
            name = other
        else:
            ignored.append(text)
            continue
        seen.setdefault(name, []).append(text)
    duplicated = tuple(name for name, texts in seen.items() if len(texts) > 1)
    missing = tuple(
        name
        for name, info in model.model_fields.items()
        if require and info.is_required() and name not in seen
    )
    if missing or duplicated:
        problems = []
        if missing:
            listed = ", ".join(describe_field(model, name) for name in missing)
            problems.append(f"thiếu cột / missing columns in {source}: {listed}")
        if duplicated:
            listed = "; ".join(
                f"{name}: {', '.join(repr(t) for t in seen[name])}" for name in duplicated
            )
            problems.append(f"cột trùng nhau / columns given twice in {source}: {listed}")
        raise HeaderError("; ".join(problems), missing=missing, duplicated=duplicated)
    headers = {name: texts[0] for name, texts in seen.items()}
    return ColumnMatch(tuple(fields), tuple(extra), tuple(ignored), MappingProxyType(headers))
