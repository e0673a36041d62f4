"""Match a table's header cells to a model's fields, and say what the other columns are.

A header cell names a field by its Python name (``monthly_income_per_capita``) or by
its Vietnamese or English label (:func:`vnlabor.l10n.field_label`: ``Thu nhập bình
quân đầu người/tháng``, ``monthly income per person``). Matching ignores case, spaces,
underscores and the Unicode normalisation form, so ``Household ID``, ``household_id``
and ``MÃ HỘ`` all find ``household_id``; a header typed without its diacritics
(``Ma ho``, ``Khu vuc``) finds the field too, unless two names fold to the same letters.

A column that names no field is *unknown*. When it is close to the name of a field (or
of an extra column such as an indicator) that no other column gives, it is most likely
a typo that would silently drop data (``nutriton``): :func:`match_columns` raises a
:class:`~vnlabor.errors.HeaderError` naming it and suggesting the name, unless told to
ignore unknown columns (``unknown="ignore"``). A column far from every name
(``ghi chú``) is ignored and listed.

>>> from vnlabor.model.household import Household
>>> keys = field_keys(Household)
>>> keys[header_key("Thu nhập bình quân đầu người/tháng")], keys[header_key("Household ID")]
('monthly_income_per_capita', 'household_id')
>>> match_columns(["area", "monthly_income_per_capita", "ghi chú"], Household).ignored
('ghi chú',)
>>> match_columns(["area", "monthly_incom_per_capita"], Household)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
vnlabor.errors.HeaderError: cột không rõ / unknown column in table: 'monthly_incom_per_capita' ...
"""

from __future__ import annotations

import difflib
import functools
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from pydantic import BaseModel

from vnlabor.l10n.labels import LOCALES, field_label
from vnlabor.table.cells import fold
from vnlabor.table.errors import HeaderError

__all__ = [
    "ColumnMatch",
    "UnknownColumns",
    "describe_field",
    "field_keys",
    "folded_key",
    "header_key",
    "match_columns",
]

UnknownColumns = Literal["error", "ignore"]
"""What to do with an unknown column close to a known name: ``"error"`` (default) or
``"ignore"`` (ignore it and list it, as a column far from every name is)."""

CLOSE: float = 0.85
"""How similar (difflib's ratio, on folded keys) an unknown header must be to a name to
be taken for a typo of it: ``nutriton``/``nutrition`` is 0.94, ``tinh``/``matinh`` 0.8."""


def header_key(text: object) -> str:
    """The form header cells are compared in: NFC, case-folded, no spaces or ``_``.

    >>> header_key(" Mã  hộ "), header_key("household_ID")
    ('mãhộ', 'householdid')
    """
    folded = unicodedata.normalize("NFC", str(text)).casefold()
    return "".join(folded.split()).replace("_", "")


def folded_key(text: object) -> str:
    """:func:`header_key` without diacritics (``"Mã hộ"`` → ``"maho"``)."""
    return fold(header_key(text))


@functools.cache
def _keys(model: type[BaseModel]) -> tuple[Mapping[str, str], Mapping[str, str]]:
    """Header keys naming each field of ``model``, exact and folded.

    A field is named by its Python name and its label in every locale. A label two
    fields share names neither of them; a Python name always wins over a label. A
    folded key two fields share names neither.
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
    return MappingProxyType(keys), _folded(keys)


def _folded(keys: Mapping[str, str]) -> Mapping[str, str]:
    by_fold: dict[str, set[str]] = {}
    for key, name in keys.items():
        by_fold.setdefault(fold(key), set()).add(name)
    return MappingProxyType({k: next(iter(v)) for k, v in by_fold.items() if len(v) == 1})


def field_keys(model: type[BaseModel]) -> Mapping[str, str]:
    """Header keys (see :func:`header_key`) that name each field of ``model``."""
    return _keys(model)[0]


def field_for(model: type[BaseModel], header: object) -> str | None:
    """The field a header cell names, with or without diacritics; ``None`` if none.

    >>> from vnlabor.model.household import Household
    >>> field_for(Household, "Khu vuc"), field_for(Household, "note")
    ('area', None)
    """
    exact, folded = _keys(model)
    key = header_key(header)
    found = exact.get(key)
    return found if found is not None else folded.get(fold(key))


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
    extra_names: Mapping[str, str] | None = None,
    source: str = "table",
    require: bool = True,
    unknown: UnknownColumns = "error",
) -> ColumnMatch:
    """Match header cells to ``model``'s fields (and to an extra rule's columns).

    Args:
        header: The header cells, in column order; blank cells are skipped.
        model: The record model.
        claim: Given a header key (:func:`header_key`) a field does not take, return the
            key of an extra column it stands for, or ``None``.
        extra_names: The extra rule's keys by their header keys (exact and folded
            spellings), to suggest one for a mistyped header.
        source: What to call the table in the error message (a file name).
        require: Whether a missing required field is an error.
        unknown: ``"error"``: an unknown column close to a name no other column gives
            is an error; ``"ignore"``: it is ignored and listed.

    Raises:
        HeaderError: A required field has no column, two columns give one field, or
            (``unknown="error"``) a column looks like a mistyped name; every problem of
            the header in one message, and in the error's attributes.
    """
    if unknown not in ("error", "ignore"):
        raise ValueError(f"unknown_columns must be 'error' or 'ignore', not {unknown!r}")
    fields: list[tuple[int, str]] = []
    extra: list[tuple[int, str]] = []
    ignored: list[tuple[int, str]] = []
    seen: dict[str, list[str]] = {}
    for index, cell in enumerate(header):
        text = "" if cell is None else str(cell).strip()
        if not text:
            continue
        name = field_for(model, text)
        if name is not None:
            fields.append((index, name))
        elif claim is not None and (other := claim(header_key(text))) is not None:
            extra.append((index, other))
            name = other
        else:
            ignored.append((index, text))
            continue
        seen.setdefault(name, []).append(text)
    mistyped = () if unknown == "ignore" else _mistyped(ignored, model, extra_names, seen)
    duplicated = tuple(name for name, texts in seen.items() if len(texts) > 1)
    missing = tuple(
        name
        for name, info in model.model_fields.items()
        if require and info.is_required() and name not in seen
    )
    if missing or duplicated or mistyped:
        problems = []
        if mistyped:
            listed = ", ".join(f"{text!r} ({name}?)" for text, name in mistyped)
            problems.append(f"cột không rõ / unknown column in {source}: {listed}")
        if missing:
            listed = ", ".join(describe_field(model, name) for name in missing)
            problems.append(f"thiếu cột / missing columns in {source}: {listed}")
        if duplicated:
            listed = "; ".join(
                f"{name}: {', '.join(repr(t) for t in seen[name])}" for name in duplicated
            )
            problems.append(f"cột trùng nhau / columns given twice in {source}: {listed}")
        if mistyped:
            problems.append(
                "sửa tên cột, hoặc bỏ qua cột lạ / rename the column, or ignore unknown "
                "columns (unknown_columns='ignore', --ignore-unknown-columns)"
            )
        raise HeaderError(
            "; ".join(problems), missing=missing, duplicated=duplicated, unknown=mistyped
        )
    headers = {name: texts[0] for name, texts in seen.items()}
    return ColumnMatch(
        tuple(fields),
        tuple(extra),
        tuple(text for _, text in ignored),
        MappingProxyType(headers),
    )


def _mistyped(
    ignored: Sequence[tuple[int, str]],
    model: type[BaseModel],
    extra_names: Mapping[str, str] | None,
    seen: Mapping[str, object],
) -> tuple[tuple[str, str], ...]:
    """``(header, nearest name)`` for each ignored header close to a name not given."""
    if not ignored:
        return ()
    exact, _ = _keys(model)
    candidates: dict[str, str] = {}
    for names in (exact, extra_names or {}):
        for key, name in names.items():
            if name not in seen:
                candidates.setdefault(fold(key), name)
    found = []
    for _, text in ignored:
        close = difflib.get_close_matches(folded_key(text), candidates, n=1, cutoff=CLOSE)
        if close:
            found.append((text, candidates[close[0]]))
    return tuple(found)
