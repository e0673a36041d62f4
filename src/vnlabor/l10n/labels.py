"""Vietnamese and English labels for enum members and model fields, and templated messages.

Every text lives in a gettext catalogue shipped with the package,
``vnlabor/l10n/locale/<locale>/LC_MESSAGES/vnlabor.po``, one per supported locale
(:data:`LOCALES`: ``"vi"``, the default, and ``"en"``). The catalogues are read with
babel on first use and cached, so ``import vnlabor`` never pays for them.

Catalogue scheme:

* **Enum member**: ``msgctxt`` is the enum's ``__qualname__`` (``"Area"``), ``msgid``
  the member *name* (``"RURAL"``), not its value.
* **Model field**: ``msgctxt`` is the model's ``__qualname__`` (``"Course"``), ``msgid``
  the field name (``"study_days"``). A field inherited from a parent model is labelled
  once, on the class that declares it; a subclass may override it with its own entry.
* **Message**: no ``msgctxt``; ``msgid`` is a dotted key
  (``"poverty.reason.income_at_or_below_line"``), ``msgstr`` a sentence with
  ``{name}`` placeholders filled by :func:`message`. Both catalogues must use the same
  placeholders for a key, and placeholders are bare names (no format spec): values are
  formatted by the caller, e.g. with :func:`vnlabor.l10n.format_vnd`.
* If two vnlabor classes share a ``__qualname__``, the short context is ambiguous and
  each of them is labelled under its full name instead
  (``msgctxt "vnlabor.model.area.Area"``); the full name is always tried first.
* Fuzzy and empty translations count as missing, as in gettext. All text is returned
  in Unicode NFC, whatever form the catalogue or the values came in.

:func:`vnlabor.label_audit.missing_labels` lists what is not labelled in every locale,
across every enum and model defined in vnlabor; the test suite requires it to be empty.

>>> from vnlabor.model.area import Area
>>> from vnlabor.model.course import Course
>>> label(Area.RURAL)
'nông thôn'
>>> label(Area.URBAN, locale="en")
'urban area'
>>> field_label(Course, "study_days")
'số ngày thực học'
>>> label(Area.RURAL, locale="fr")
Traceback (most recent call last):
...
vnlabor.errors.VnlaborValueError: ngôn ngữ không được hỗ trợ / unsupported locale: 'fr' (supported: 'vi', 'en')
>>> field_label(Course, "price", locale="en")
Traceback (most recent call last):
...
KeyError: "Course has no field 'price'"
"""  # noqa: E501

from __future__ import annotations

import functools
import string
import unicodedata
from collections.abc import Mapping
from enum import Enum
from importlib.resources import files
from types import MappingProxyType
from typing import Final

from pydantic import BaseModel

from vnlabor.errors import VnlaborTypeError, VnlaborValueError

__all__ = [
    "LOCALES",
    "check_locale",
    "field_label",
    "label",
    "message",
    "message_keys",
    "message_placeholders",
]

LOCALES: Final[tuple[str, ...]] = ("vi", "en")
"""Supported locales, default first."""

_Key = tuple[str | None, str]  # (msgctxt, msgid)


def check_locale(locale: str) -> str:
    """Return ``locale`` if vnlabor supports it, else raise ``ValueError`` naming it.

    >>> check_locale("en")
    'en'
    >>> check_locale("vi_VN")
    Traceback (most recent call last):
    ...
    vnlabor.errors.VnlaborValueError: ngôn ngữ không được hỗ trợ / unsupported locale: 'vi_VN' (supported: 'vi', 'en')
    """  # noqa: E501
    if locale not in LOCALES:
        supported = ", ".join(repr(code) for code in LOCALES)
        raise VnlaborValueError(
            f"ngôn ngữ không được hỗ trợ / unsupported locale: {locale!r} (supported: {supported})"
        )
    return locale


def _nfc(text: str) -> str:
    # The check is much faster than normalising, and almost every text already is NFC.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


@functools.cache
def _catalogue(locale: str) -> Mapping[_Key, str]:
    """Translated entries of one locale's catalogue, read once."""
    # Imported here: babel's message machinery is only needed once a label is asked for.
    from babel.messages.pofile import read_po

    resource = files(__package__).joinpath("locale", locale, "LC_MESSAGES", "vnlabor.po")
    with resource.open("rb") as handle:
        catalog = read_po(handle, locale=locale, domain="vnlabor", abort_invalid=True)
    entries: dict[_Key, str] = {}
    for entry in catalog:
        if not entry.id or entry.fuzzy or not isinstance(entry.id, str):
            continue  # header, fuzzy translation, plural entry (vnlabor has none)
        if isinstance(entry.string, str) and entry.string:
            entries[(entry.context, entry.id)] = _nfc(entry.string)
    return MappingProxyType(entries)


def _contexts(cls: type) -> tuple[str, str]:
    """Catalogue contexts for a class, most specific first."""
    return f"{cls.__module__}.{cls.__qualname__}", cls.__qualname__


@functools.lru_cache(maxsize=4096)  # every label of every class, in both locales
def _lookup(cls: type, msgid: str, locale: str) -> str | None:
    entries = _catalogue(check_locale(locale))
    for context in _contexts(cls):
        text = entries.get((context, msgid))
        if text is not None:
            return text
    return None


def label(member: Enum, locale: str = "vi") -> str:
    """The label of an enum member, for display in ``locale``.

    Args:
        member: A member of any vnlabor enum.
        locale: ``"vi"`` (default) or ``"en"``.

    Returns:
        The label, NFC-normalised.

    Raises:
        TypeError: ``member`` is not an enum member.
        ValueError: Unsupported locale.
        KeyError: The catalogue has no label for the member.

    >>> from vnlabor.model.poverty_status import PovertyStatus
    >>> label(PovertyStatus.NEAR_POOR), label(PovertyStatus.NEAR_POOR, "en")
    ('hộ cận nghèo', 'near-poor household')
    """
    if not isinstance(member, Enum):
        raise VnlaborTypeError(
            f"label() cần một giá trị liệt kê / label() takes an enum member, got {member!r}"
        )
    cls = type(member)
    text = _lookup(cls, member.name, locale)
    if text is None:
        raise KeyError(f"no {locale!r} label for {cls.__qualname__}.{member.name}")
    return text


def field_label(model: type[BaseModel], field: str, locale: str = "vi") -> str:
    """The label of a model field, e.g. for a column header.

    Args:
        model: A pydantic model class (every vnlabor record is one).
        field: The field's Python name.
        locale: ``"vi"`` (default) or ``"en"``.

    Returns:
        The label, NFC-normalised; an inherited field uses its declaring class's label
        unless the subclass has its own.

    Raises:
        TypeError: ``model`` is not a pydantic model class.
        ValueError: Unsupported locale.
        KeyError: ``model`` has no such field, or the field has no label.

    >>> from vnlabor.model.course import Course
    >>> field_label(Course, "cost", locale="en")
    'training cost'
    >>> field_label(Course, "price")
    Traceback (most recent call last):
    ...
    KeyError: "Course has no field 'price'"
    """
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise VnlaborTypeError(
            "field_label() cần một lớp bản ghi / field_label() takes a pydantic model class, "
            f"got {model!r}"
        )
    check_locale(locale)
    if field not in model.model_fields:
        raise KeyError(f"{model.__qualname__} has no field {field!r}")
    for cls in model.__mro__:
        if isinstance(cls, type) and issubclass(cls, BaseModel) and field in cls.model_fields:
            text = _lookup(cls, field, locale)
            if text is not None:
                return text
    raise KeyError(f"no {locale!r} label for field {model.__qualname__}.{field}")


@functools.lru_cache(maxsize=1024)  # a few hundred templates, each parsed once
def message_placeholders(template: str) -> frozenset[str]:
    """The ``{name}`` placeholders of a message template.

    >>> sorted(message_placeholders("thu nhập {income} ≤ {line}"))
    ['income', 'line']
    """
    return frozenset(
        name for _, name, _, _ in string.Formatter().parse(template) if name is not None
    )


def message_keys(locale: str = "vi") -> frozenset[str]:
    """Keys of the templated messages in ``locale``'s catalogue."""
    return frozenset(msgid for context, msgid in _catalogue(check_locale(locale)) if not context)


def message(key: str, /, locale: str = "vi", **values: object) -> str:
    """A templated sentence from the catalogue, with its placeholders filled in.

    Args:
        key: Dotted message key, e.g. ``"poverty.reason.income_at_or_below_line"``.
        locale: ``"vi"`` (default) or ``"en"``.
        **values: A value for every placeholder, already formatted for ``locale``
            (inserted with ``str()``). Values the template does not use are ignored, so
            a caller can pass everything it knows.

    Returns:
        The sentence, NFC-normalised.

    Raises:
        ValueError: Unsupported locale.
        KeyError: No such key in ``locale``'s catalogue, or a placeholder without value.

    >>> message("no.such.key")
    Traceback (most recent call last):
    ...
    KeyError: "no message 'no.such.key' in the 'vi' catalogue"
    """
    template = _catalogue(check_locale(locale)).get((None, key))
    if template is None:
        raise KeyError(f"no message {key!r} in the {locale!r} catalogue")
    if missing := message_placeholders(template) - values.keys():
        raise KeyError(f"message {key!r} ({locale}) needs a value for {sorted(missing)}")
    return _nfc(template.format_map({name: str(value) for name, value in values.items()}))
