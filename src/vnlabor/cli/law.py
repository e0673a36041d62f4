"""``vnlabor law``: every legal parameter in force on a date, with its citation."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from datetime import date

from vnlabor.catalogue import confidence_text, render_value
from vnlabor.l10n import format_date
from vnlabor.law import bundled_overlay, national

__all__ = ["run_law"]


def run_law(on: date, overlays: Sequence[str], locale: str) -> int:
    """Print each parameter in force on ``on`` (with ``overlays``); the exit status."""
    try:
        book = national()
        for key in overlays:
            book = book.with_overlay(bundled_overlay(key))
    except (KeyError, ValueError) as exc:
        print(f"vnlabor: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2
    print(f"{format_date(on, locale=locale)}{' + ' + ', '.join(book.overlays) if overlays else ''}")
    for parameter in book:
        found = parameter.find(on)
        if found is None:
            continue
        value = render_value(found.value, parameter.unit, locale)
        source = book.cite(found.citation, locale)
        sure = confidence_text(found.citation.confidence, locale)
        print(f"{parameter.name} = {value}\n    {source} — {sure}")
    return 0
