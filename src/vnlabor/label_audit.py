"""Label audit: every enum member and model field vnlabor defines is labelled in every locale.

The gettext catalogues of :mod:`vnlabor.l10n` (scheme in :mod:`vnlabor.l10n.labels`)
must label every enum member and model field of every vnlabor module, in every
supported locale, and hold nothing that no class needs. This module walks the whole
package to check it, so it sits above everything it checks: the catalogues never
import the classes they label. The test suite requires both lists to be empty.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from enum import Enum
from types import ModuleType
from typing import NamedTuple

from pydantic import BaseModel

import vnlabor
from vnlabor.base.model import VnlaborModel
from vnlabor.l10n import labels
from vnlabor.l10n.labels import LOCALES, _contexts, _Key

__all__ = ["missing_labels", "unused_labels"]


def _vnlabor_modules() -> Iterator[ModuleType]:
    yield vnlabor
    for info in pkgutil.walk_packages(vnlabor.__path__, prefix="vnlabor."):
        if info.name.rpartition(".")[2] == "__main__":
            continue  # importing it would run the command line
        try:
            yield importlib.import_module(info.name)
        except ModuleNotFoundError as exc:
            if exc.name is None or exc.name.partition(".")[0] == "vnlabor":
                raise
            # An optional dependency (pandas, matplotlib) is not installed: its module's
            # classes cannot be used here either.


def _vnlabor_classes() -> tuple[list[type[Enum]], list[type[VnlaborModel]]]:
    """Public enums and records defined (not merely imported) in vnlabor modules."""
    enums: dict[str, type[Enum]] = {}
    models: dict[str, type[VnlaborModel]] = {}
    for module in _vnlabor_modules():
        for obj in vars(module).values():
            if not isinstance(obj, type) or obj.__module__ != module.__name__:
                continue
            if obj.__name__.startswith("_"):
                continue
            if issubclass(obj, Enum):
                enums[_contexts(obj)[0]] = obj
            elif issubclass(obj, VnlaborModel):
                models[_contexts(obj)[0]] = obj
    return list(enums.values()), list(models.values())


class _Need(NamedTuple):
    """One label a class needs: where it goes, what it is, and where it may be found."""

    key: _Key
    what: str
    accepted: tuple[_Key, ...]


def _class_keys() -> tuple[list[_Need], set[_Key]]:
    """Labels vnlabor's classes need, and every entry they may use.

    A field is needed on the most basic vnlabor class declaring it; a subclass may still
    override that label. A label may sit under the short or the full class name, except
    that an ambiguous short name is neither needed nor usable.
    """
    enums, models = _vnlabor_classes()
    discovered: set[type] = {*enums, *models}
    names = [cls.__qualname__ for cls in discovered]
    needed: list[_Need] = []
    usable: set[_Key] = set()

    def need(cls: type, name: str, what: str, contexts: tuple[str, ...]) -> None:
        accepted = tuple((context, name) for context in contexts)
        needed.append(_Need(accepted[-1], f"{what} {_contexts(cls)[0]}.{name}", accepted))

    for cls in discovered:
        full, short = _contexts(cls)
        contexts = (full,) if names.count(short) > 1 else (full, short)
        if issubclass(cls, Enum):
            for name in (member.name for member in cls):  # aliases share their label
                need(cls, name, "enum member", contexts)
                usable.update((context, name) for context in contexts)
        elif issubclass(cls, BaseModel):
            for name in cls.model_fields:
                owner = next(
                    base
                    for base in reversed(cls.__mro__)
                    if base is cls
                    or (
                        base in discovered
                        and issubclass(base, BaseModel)
                        and name in base.model_fields
                    )
                )
                if owner is cls:
                    need(cls, name, "field", contexts)
                usable.update((context, name) for context in contexts)
    return needed, usable


def _describe(key: _Key) -> str:
    context, msgid = key
    if context is None:
        return f"msgid {msgid!r}"
    return f"msgctxt {context!r} msgid {msgid!r}"


def missing_labels() -> list[str]:
    """Everything that lacks a label or a message in some locale, one line each.

    Walks every vnlabor module (skipping those whose optional dependency is not
    installed), so enums and models added anywhere in the package are checked. A field
    counts as labelled if it or a parent model's declaration of it is; a message key is
    missing from a locale if another locale has it.

    Returns:
        Sorted lines such as ``"en: msgctxt 'Area' msgid 'RURAL' (enum member
        vnlabor.model.area.Area.RURAL)"``; empty when every catalogue is complete.
    """
    needed, _ = _class_keys()
    messages = {key for code in LOCALES for key in labels._catalogue(code) if key[0] is None}
    lines: list[str] = []
    for code in LOCALES:
        have = labels._catalogue(code)
        lines.extend(
            f"{code}: {_describe(item.key)} ({item.what})"
            for item in needed
            if not any(key in have for key in item.accepted)
        )
        lines.extend(
            f"{code}: {_describe(key)} (message present in another locale)"
            for key in messages
            if key not in have
        )
    return sorted(lines)


def unused_labels() -> list[str]:
    """Catalogue entries with a context that no vnlabor enum member or field needs.

    These are left behind by a renamed or removed member, field or class (or are typos);
    the test suite requires the list to be empty.
    """
    _, usable = _class_keys()
    return sorted(
        f"{code}: {_describe(key)}"
        for code in LOCALES
        for key in labels._catalogue(code)
        if key[0] is not None and key not in usable
    )
