"""Structured reasons, rendered in Vietnamese or English on demand.

A decision stores *what* it found (a message key, the values, the citation); the
words come from the gettext catalogues of :mod:`vnlabor.l10n` only when a person asks,
so the same reasons read in either language and cost nothing until then.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any, Final

from vnlabor.l10n import format_date, format_vnd, label, message
from vnlabor.l10n.display import html_table
from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation

__all__ = ["Reason", "reasons_html", "render_value"]

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
        """The reason as a sentence, followed by its citation in brackets.

        Rendered texts are remembered (a bounded memo keyed by the key, the values, the
        locale, the citation and the law book): a table's households share most of their
        reasons, and rendering is ten times the cost of the decision.
        """
        book = law or national()
        try:
            key = (self.key, locale, tuple(self.values.items()), id(self.citation), id(book))
            found = _RENDERED.get(key)
        except TypeError:  # an unhashable value: render it each time
            return self._render(locale, book)
        if found is not None and found[1] is self.citation and found[2] is book:
            _RENDERED.move_to_end(key)
            return found[0]
        text = self._render(locale, book)
        # The citation and book are kept with the text, so their ids cannot be reused.
        _RENDERED[key] = (text, self.citation, book)
        if len(_RENDERED) > _RENDERED_KEPT:
            _RENDERED.popitem(last=False)
        return text

    def sentence(self, locale: str = "vi") -> str:
        """The reason as a sentence, without its citation.

        >>> reason = Reason("poverty.reason.income_above_line",
        ...                 {"income_vnd": 2_000_000, "line_vnd": 1_500_000})
        >>> reason.sentence("en")[:58]
        'Income of ₫2,000,000 per person per month, above the line '
        """
        return message(
            self.key,
            locale=locale,
            **{k: render_value(k, v, locale) for k, v in self.values.items()},
        )

    def _render(self, locale: str, law: LawBook) -> str:
        text = self.sentence(locale)
        if self.citation is not None:
            text += f" ({law.cite(self.citation, locale)})"
        return text


_RENDERED_KEPT: Final = 4096
_RENDERED: OrderedDict[tuple[Any, ...], tuple[str, Citation | None, LawBook]] = OrderedDict()


def reasons_html(reasons: Iterable[Reason], locale: str = "vi", law: LawBook | None = None) -> str:
    """The reasons as an HTML table: one row each, its sentence and its citation.

    The citation is rendered from ``law`` (national by default); every text is escaped.
    """
    book = law or national()
    rows = [
        (
            str(number),
            reason.sentence(locale),
            "" if reason.citation is None else book.cite(reason.citation, locale),
        )
        for number, reason in enumerate(reasons, start=1)
    ]
    if not rows:
        return ""
    header = ("", message("display.reason", locale), message("display.legal_basis", locale))
    return html_table(rows, header)
