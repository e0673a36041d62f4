"""Structured reasons, rendered in Vietnamese or English on demand.

A decision stores *what* it found (a message key, the values, the citation); the
words come from the gettext catalogues of :mod:`vnlabor.l10n` only when a person asks,
so the same reasons read in either language and cost nothing until then.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from vnlabor.l10n import format_date, format_vnd, label, message
from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation

__all__ = ["Reason", "render_value"]

ReasonValue = int | str | date | Enum | tuple[Enum, ...]


def render_value(name: str, value: ReasonValue, locale: str) -> str:
    """Format one value: names ending in ``_vnd`` are money, enums are labelled."""
    if isinstance(value, date):
        return format_date(value, locale=locale)

    if isinstance(value, Enum):
        return label(value, locale)
    if isinstance(value, tuple):
        return ", ".join(label(v, locale) for v in value) or "—"
    if isinstance(value, int) and name.endswith("_vnd"):
        return format_vnd(value, locale=locale)
    return str(value)


@dataclass(frozen=True, slots=True)
class Reason:
    """One step of a decision: what was checked, with which values, under which text.

    A frozen dataclass rather than a pydantic model: reasons are built only by vnlabor's
    own rules from values already validated, several per decision, so validation would
    be pure cost. Pydantic models that hold reasons (e.g. programme decisions) still
    validate, serialise and describe them in JSON Schema.

    >>> Reason("poverty.reason.income_above_line", {"income_vnd": 1, "line_vnd": 0}).key
    'poverty.reason.income_above_line'
    """

    key: str
    """Message key in the catalogues, e.g. ``"poverty.reason.income_at_or_below_line"``."""
    values: Mapping[str, ReasonValue] = field(default_factory=dict)
    """Values the message shows (money as ``int`` under names ending ``_vnd``)."""
    citation: Citation | None = None
    """The provision applied, if any."""

    def render(self, locale: str = "vi", law: LawBook | None = None) -> str:
        """The reason as a sentence, followed by its citation in brackets."""
        text = message(
            self.key,
            locale=locale,
            **{k: render_value(k, v, locale) for k, v in self.values.items()},
        )
        if self.citation is not None:
            text += f" ({(law or national()).cite(self.citation, locale)})"
        return text
