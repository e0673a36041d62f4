"""Definitions of the named KPIs, read from ``kpi/data/indicators.toml``.

The definitions are data, like the law: each has its wording in Vietnamese and
English, a unit, a confidence tag and its citations. Code computes; the data file says
what is computed and on what authority.

>>> d = kpi_definition("share_employed_after_training")
>>> d.name("vi"), d.unit.value, d.confidence.value
('Tỷ lệ có việc làm sau đào tạo nghề', 'share', 'P')
>>> "new_jobs" in kpi_keys()
True
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from functools import cache
from importlib import resources
from types import MappingProxyType

from vnlabor.base.confidence import Confidence
from vnlabor.base.model import VnlaborModel
from vnlabor.errors import LawDataError
from vnlabor.kpi.unit import KpiUnit
from vnlabor.law.citation import Citation, LocalizedText

__all__ = ["KpiDefinition", "kpi_definition", "kpi_definitions", "kpi_keys"]


class KpiDefinition(VnlaborModel):
    """What a named KPI measures, in which unit, and on what authority."""

    key: str
    """Stable identifier, e.g. ``"share_employed_after_training"``."""
    unit: KpiUnit
    """Share, percentage points, count or VND."""
    confidence: Confidence
    """How sure vnlabor is of the definition (C, P or R)."""
    name: LocalizedText
    """Short name."""
    definition: LocalizedText
    """The formula in words."""
    numerator: LocalizedText | None = None
    """What the numerator counts (ratios only)."""
    denominator: LocalizedText | None = None
    """What the denominator counts (ratios only)."""
    note: LocalizedText | None = None
    """Open questions and the choices vnlabor made."""
    citations: tuple[Citation, ...] = ()
    """Legal instruments that define, fund or target the indicator."""
    sources: tuple[str, ...] = ()
    """Secondary sources (official reports, articles) where no instrument defines it."""


@cache
def kpi_definitions() -> Mapping[str, KpiDefinition]:
    """Every packaged definition, by key (read once, then cached).

    Raises:
        LawDataError: When the data file is malformed.
    """
    text = resources.files("vnlabor.kpi").joinpath("data/indicators.toml").read_text("utf-8")
    try:
        table = tomllib.loads(text)
        return MappingProxyType(
            {key: KpiDefinition.model_validate({"key": key, **body}) for key, body in table.items()}
        )
    except (tomllib.TOMLDecodeError, ValueError) as exc:
        raise LawDataError(f"kpi/data/indicators.toml: {exc}") from exc


def kpi_definition(key: str) -> KpiDefinition:
    """The definition of indicator ``key``.

    Raises:
        KeyError: For an unknown key (the message lists the known ones).
    """
    definitions = kpi_definitions()
    try:
        return definitions[key]
    except KeyError:
        raise KeyError(
            f"unknown indicator {key!r}; known: {', '.join(sorted(definitions))}"
        ) from None


def kpi_keys() -> tuple[str, ...]:
    """Keys of the packaged indicators, in file order."""
    return tuple(kpi_definitions())
