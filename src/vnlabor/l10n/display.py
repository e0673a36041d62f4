"""How vnlabor's results show themselves: the display language, and small HTML tables.

Every public result (a classification, a programme decision, an assessment, a KPI
result, a breakdown, a standard, the law book and its parameters, ratios and targets)
shows itself three ways:

* ``repr()``: one line of at most about 200 characters naming what it is and its key
  values, neutral (codes, ISO dates, plain digits) and the same in every locale;
* ``str()``: its explanation (the ``explain`` text where there is one) in the
  **display locale**;
* ``_repr_html_()``: a small table that Jupyter shows (status, reasons with their
  citations; for a KPI its value, target and attainment), in the display locale, every
  text HTML-escaped.

The display locale is Vietnamese unless set otherwise, for the whole session or for a
block of code:

>>> get_display_locale()
'vi'
>>> with display_locale("en"):
...     get_display_locale()
'en'
>>> previous = set_display_locale("en"); get_display_locale()
'en'
>>> _ = set_display_locale(previous)

``explain(locale=...)`` still takes a locale of its own. Personal data (citizen IDs,
names) stays masked in every form, as everywhere in vnlabor.

The helpers below build the HTML from plain text (they escape it), so a household ID
such as ``<script>`` is shown, never run:

>>> html_card("Hộ <b>", [("mã", "<script>")])  # doctest: +ELLIPSIS
'<div class="vnlabor">...&lt;script&gt;...'
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from pydantic import BaseModel

from vnlabor.l10n.labels import check_locale, field_label

__all__ = [
    "display_locale",
    "field_heading",
    "get_display_locale",
    "html_card",
    "html_table",
    "repr_line",
    "set_display_locale",
]

_locale = "vi"

_REPR_LIMIT = 200


def get_display_locale() -> str:
    """The locale of ``str()`` and of the HTML display: ``"vi"`` (default) or ``"en"``."""
    return _locale


def set_display_locale(locale: str) -> str:
    """Show results in ``locale`` from now on; returns the locale shown until now.

    Raises:
        VnlaborValueError: Unsupported locale.
    """
    global _locale
    previous, _locale = _locale, check_locale(locale)
    return previous


@contextmanager
def display_locale(locale: str) -> Iterator[str]:
    """Show results in ``locale`` inside a ``with`` block, then as before."""
    previous = set_display_locale(locale)
    try:
        yield locale
    finally:
        set_display_locale(previous)


def repr_line(text: str) -> str:
    """A repr cut to the limit every result's repr keeps (about 200 characters)."""
    return text if len(text) <= _REPR_LIMIT else text[: _REPR_LIMIT - 2] + "…>"


def field_heading(model: type[BaseModel], field: str, locale: str) -> str:
    """A field's label as a row heading, its first letter capitalised.

    >>> from vnlabor.model.course import Course
    >>> field_heading(Course, "study_days", "vi")
    'Số ngày thực học'
    """
    text = field_label(model, field, locale)
    return text[:1].upper() + text[1:]


def _cell(text: object, tag: str = "td") -> str:
    return f"<{tag}>{html.escape(str(text))}</{tag}>"


def html_table(
    rows: Iterable[Sequence[object]],
    header: Sequence[str] | None = None,
    *,
    caption: str | None = None,
) -> str:
    """A table of plain text cells (escaped), with an optional header row and caption."""
    parts = ["<table>"]
    if caption:
        parts.append(f"<caption>{html.escape(caption)}</caption>")
    if header:
        parts.append("<thead><tr>" + "".join(_cell(h, "th") for h in header) + "</tr></thead>")
    parts.append("<tbody>")
    parts.extend("<tr>" + "".join(_cell(c) for c in row) + "</tr>" for row in rows)
    parts.append("</tbody></table>")
    return "".join(parts)


def html_card(
    title: str,
    fields: Iterable[tuple[str, object]],
    tables: Iterable[str] = (),
) -> str:
    """A titled block: a two-column table of ``(label, value)`` and further tables.

    Args:
        title: The heading (plain text, escaped).
        fields: Label and value of each line (plain text, escaped).
        tables: Tables already built with :func:`html_table`.
    """
    body = "".join(
        f'<tr><th style="text-align:left">{html.escape(name)}</th>{_cell(value)}</tr>'
        for name, value in fields
    )
    table = f"<table><tbody>{body}</tbody></table>" if body else ""
    return (
        f'<div class="vnlabor"><strong>{html.escape(title)}</strong>{table}{"".join(tables)}</div>'
    )
