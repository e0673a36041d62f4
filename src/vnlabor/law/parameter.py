"""Dated legal parameters: one value per period, each with its citation.

A parameter is the OpenFisca idea in TOML: a name, a unit, a declared range of dates
it covers, and values that each hold from one date to another (both inclusive) and
cite the instrument and article they come from. The model refuses overlapping values
and gaps inside the declared range, so a lookup inside the range always answers.
"""

from __future__ import annotations

import itertools
from bisect import bisect_right
from datetime import date
from functools import cached_property
from typing import Self

from pydantic import Field, model_validator

from vnlabor.base.model import VnlaborModel
from vnlabor.errors import LawDataError, ParameterNotInForce
from vnlabor.l10n import format_date, format_number, message
from vnlabor.l10n.display import (
    field_heading,
    get_display_locale,
    html_card,
    html_table,
    repr_line,
)
from vnlabor.law.citation import Citation, LocalizedText
from vnlabor.types import as_date

__all__ = ["Parameter", "ParameterValue", "Value", "format_range", "value_text"]

Value = int | bool | str | tuple[str, ...]
"""What a parameter may hold: an amount or count, a flag, a code, or a list of codes."""


def format_range(start: date, end: date | None) -> str:
    """``"2016-01-05 – 2030-12-31"``, or ``"2016-01-05 – (open)"`` for an open end."""
    return f"{start.isoformat()} – {end.isoformat() if end else '(open)'}"


def value_text(value: Value, unit: str | None = None, locale: str = "vi") -> str:
    """A parameter's value as plain text: grouped digits and the unit's words.

    >>> value_text(1_500_000, "VND/person/month"), value_text(36, "months", "en")
    ('1.500.000 đồng/người/tháng', '36 months')
    >>> value_text(True, locale="en"), value_text(("a", "b"), "codes")
    ('yes', 'a, b')
    """
    if isinstance(value, bool):
        return message("kpi.report.yes" if value else "kpi.report.no", locale)
    if isinstance(value, tuple):
        return ", ".join(value)
    if isinstance(value, str):
        return value
    number = format_number(value, locale=locale)
    if unit is None or unit in ("count", "year", "codes", "flag"):
        return number
    if unit == "percent":
        return f"{number}%"
    try:
        return f"{number} {message(f'law.unit.{unit}', locale)}"
    except KeyError:
        return f"{number} {unit}"


def _citation_text(citation: Citation, locale: str) -> str:
    """``"khoản 1 Điều 3 07/2021/NĐ-CP [C]"``: the provision, without the book's catalogue."""
    where = f"{citation.locator(locale)} {citation.instrument}".strip()
    return f"{where} [{citation.confidence.value}]"


def _dates_text(start: date, end: date | None, locale: str) -> str:
    last = format_date(end, locale=locale) if end is not None else "…"
    return f"{format_date(start, locale=locale)} – {last}"


class ParameterValue(VnlaborModel):
    """The value a parameter takes from ``effective_from`` to ``effective_to``."""

    value: Value
    """The value itself (VND amounts are ``int``)."""
    effective_from: date
    """First day the value applies."""
    effective_to: date | None = None
    """Last day the value applies (inclusive); ``None`` while still in force."""
    citation: Citation
    """Instrument, article and confidence."""
    changed_in: str | None = None
    """The vnlabor release whose law data last changed this value (its figure, dates or
    citation), e.g. ``"0.2.0"``; ``None`` when it is as in the first release (0.1.0).
    A test holds it to the truth: it compares the data with the last release's."""

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError(
                f"effective_to {self.effective_to} is before effective_from {self.effective_from}"
            )
        return self

    @property
    def amount(self) -> int:
        """The value as an integer (VND, months, counts); ``LawDataError`` if it is not one."""
        v = self.value
        if isinstance(v, bool) or not isinstance(v, int):
            raise LawDataError(f"law value {v!r} is not an integer")
        return v

    @property
    def last_day(self) -> date:
        """``effective_to``, with an open end read as ``date.max``."""
        return self.effective_to or date.max

    def applies_on(self, on: date) -> bool:
        """Whether the value is in force on ``on``."""
        return self.effective_from <= on <= self.last_day

    def __repr__(self) -> str:
        c = self.citation
        return repr_line(
            f"<ParameterValue {_short(self.value)} "
            f"{format_range(self.effective_from, self.effective_to)}; "
            f"{c.instrument} {c.locator('en')} [{c.confidence.value}]>"
        )

    def __str__(self) -> str:
        locale = get_display_locale()
        dates = _dates_text(self.effective_from, self.effective_to, locale)
        return f"{value_text(self.value, None, locale)} ({dates}), " + _citation_text(
            self.citation, locale
        )

    def _repr_html_(self) -> str:
        locale = get_display_locale()

        def name(field: str) -> str:
            return field_heading(ParameterValue, field, locale)

        fields = [
            (name("value"), value_text(self.value, None, locale)),
            (name("effective_from"), format_date(self.effective_from, locale=locale)),
            (
                name("effective_to"),
                "…" if self.effective_to is None else format_date(self.effective_to, locale=locale),
            ),
            (name("citation"), _citation_text(self.citation, locale)),
        ]
        if self.citation.note:
            fields.append((message("display.note", locale), self.citation.note))
        return html_card(value_text(self.value, None, locale), fields)


class Parameter(VnlaborModel):
    """A legal parameter and its dated values.

    >>> from vnlabor.law import national
    >>> line = national().parameter("poverty.income_line.rural")
    >>> line.at(date(2024, 3, 1)).value
    1500000
    >>> line.at(date(2010, 1, 1))
    Traceback (most recent call last):
    ...
    vnlabor.errors.ParameterNotInForce: ...
    """

    name: str
    """Dotted name, e.g. ``"poverty.income_line.rural"``."""
    description: LocalizedText
    """What the parameter is."""
    unit: str
    """``"VND"``, ``"VND/person/month"``, ``"months"``, ``"count"``, ``"percent"``, ``"codes"``…"""
    covers_from: date
    """First day of the range the data claims to cover."""
    covers_to: date | None = None
    """Last day of that range (inclusive); ``None`` = open-ended."""
    values: tuple[ParameterValue, ...] = Field(min_length=1)
    """The values, sorted by ``effective_from``; no overlaps, no gaps inside the range."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        problems = self.problems()
        if problems:
            raise ValueError("; ".join(problems))
        return self

    def problems(self) -> list[str]:
        """Everything wrong with the values: overlaps, gaps, values outside the range."""
        found: list[str] = []
        vals = self.values
        for earlier, later in itertools.pairwise(vals):
            if later.effective_from <= earlier.last_day:
                found.append(
                    f"{self.name}: values overlap "
                    f"({format_range(earlier.effective_from, earlier.effective_to)} and "
                    f"{format_range(later.effective_from, later.effective_to)})"
                )
            elif (later.effective_from - earlier.last_day).days > 1:
                found.append(
                    f"{self.name}: no value between {earlier.last_day.isoformat()} "
                    f"and {later.effective_from.isoformat()}"
                )
        if vals[0].effective_from > self.covers_from:
            found.append(
                f"{self.name}: no value from {self.covers_from.isoformat()} "
                f"to {vals[0].effective_from.isoformat()}"
            )
        covers_last = self.covers_to or date.max
        if vals[-1].last_day < covers_last:
            found.append(
                f"{self.name}: no value after {vals[-1].last_day.isoformat()} "
                f"(declared range ends {self.covered})"
            )
        for v in vals:
            if v.effective_from < self.covers_from or v.last_day > covers_last:
                found.append(
                    f"{self.name}: value {format_range(v.effective_from, v.effective_to)} "
                    f"lies outside the declared range {self.covered}"
                )
        return found

    @property
    def covered(self) -> str:
        """The declared range as text."""
        return format_range(self.covers_from, self.covers_to)

    @cached_property
    def _starts(self) -> list[date]:
        return [v.effective_from for v in self.values]

    def find(self, on: date) -> ParameterValue | None:
        """The value in force on ``on`` (a ``datetime`` counts as its date), or ``None``."""
        if on.__class__ is not date:
            on = as_date(on)
        i = bisect_right(self._starts, on) - 1
        if i >= 0 and self.values[i].applies_on(on):
            return self.values[i]
        return None

    def at(self, on: date) -> ParameterValue:
        """The value in force on ``on``; raises :class:`ParameterNotInForce` outside the data."""
        found = self.find(on)
        if found is None:
            raise ParameterNotInForce(self.name, on, self.covered)
        return found

    def __repr__(self) -> str:
        last = self.values[-1]
        return repr_line(
            f"<Parameter {self.name} ({self.unit}): {len(self.values)} values "
            f"{self.covered}; from {last.effective_from.isoformat()} {_short(last.value)}>"
        )

    def _rows(self, locale: str) -> list[tuple[str, str, str]]:
        return [
            (
                value_text(v.value, self.unit, locale),
                _dates_text(v.effective_from, v.effective_to, locale),
                _citation_text(v.citation, locale),
            )
            for v in self.values
        ]

    def __str__(self) -> str:
        locale = get_display_locale()
        lines = [f"{self.name}: {self.description(locale)}"]
        lines += [f"- {value} ({dates}), {basis}" for value, dates, basis in self._rows(locale)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        locale = get_display_locale()
        header = (
            field_heading(ParameterValue, "value", locale),
            message("display.days", locale),
            field_heading(ParameterValue, "citation", locale),
        )
        return html_card(
            self.name,
            [(field_heading(Parameter, "description", locale), self.description(locale))],
            [html_table(self._rows(locale), header)],
        )

    def breakpoints(self) -> list[date]:
        """Days on which the parameter's value may change (each value's first day)."""
        return list(self._starts)

    def overlaid(self, overlay: tuple[ParameterValue, ...]) -> Parameter:
        """This parameter with ``overlay`` values replacing it on the days they cover.

        Outside the overlay's days the national values still apply; the declared range
        grows to include the overlay if needed.
        """
        if not overlay:
            return self
        ordered = sorted(overlay, key=lambda v: v.effective_from)
        kept: list[ParameterValue] = []
        for base in self.values:
            pieces = [(base.effective_from, base.last_day)]
            for ov in ordered:
                nxt: list[tuple[date, date]] = []
                for start, end in pieces:
                    if ov.last_day < start or ov.effective_from > end:
                        nxt.append((start, end))
                        continue
                    if start < ov.effective_from:
                        nxt.append((start, _day_before(ov.effective_from)))
                    if ov.last_day < end:
                        nxt.append((_day_after(ov.last_day), end))
                pieces = nxt
            for start, end in pieces:
                kept.append(
                    base.model_copy(
                        update={
                            "effective_from": start,
                            "effective_to": None if end == date.max else end,
                        }
                    )
                )
        merged = sorted([*kept, *ordered], key=lambda v: v.effective_from)
        covers_to = (
            None
            if self.covers_to is None or any(v.effective_to is None for v in ordered)
            else max(self.covers_to, *(v.last_day for v in ordered))
        )
        try:
            return Parameter(
                name=self.name,
                description=self.description,
                unit=self.unit,
                covers_from=min(self.covers_from, ordered[0].effective_from),
                covers_to=covers_to,
                values=tuple(merged),
            )
        except ValueError as exc:
            raise LawDataError(f"overlay on {self.name!r} is inconsistent: {exc}") from exc


def _day_before(d: date) -> date:
    return date.fromordinal(d.toordinal() - 1)


def _day_after(d: date) -> date:
    return date.fromordinal(d.toordinal() + 1)


def _short(value: Value) -> str:
    text = ",".join(value) if isinstance(value, tuple) else str(value)
    return text if len(text) <= 40 else text[:39] + "…"
