"""Multidimensional poverty standards (*chuẩn nghèo đa chiều*) resolved by date.

A :class:`PovertyStandard` is a read-only view assembled from the dated parameters
``poverty.*`` of a law book for one stretch of days on which none of them changes.
Two questions are answered:

* :func:`standard_in_force` — the standard in force on a date;
* :func:`standard_for_list_year` — the standard of the poor and near-poor lists of
  year *Y*. The review at the end of year *Y − 1* already applies it (late 2021 used
  Decree 07/2021 for the 2022 lists), so a review dated in *Y − 1* asks for this one.

>>> from datetime import date
>>> from vnlabor import Area
>>> s = standard_in_force(date(2024, 3, 1))
>>> s.key, s.income_line[Area.RURAL], s.deprivation_cutoff, len(s.indicators)
('07/2021/NĐ-CP', 1500000, 3, 12)
>>> standard_for_list_year(2022).instrument
'07/2021/NĐ-CP'
>>> standard_in_force(date(2021, 12, 31)).instrument
'59/2015/QĐ-TTg'
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from datetime import date
from numbers import Integral
from typing import NamedTuple

from vnlabor.base.model import VnlaborModel
from vnlabor.errors import NoStandardForListYear, NoStandardInForce, VnlaborTypeError
from vnlabor.l10n import format_date, format_vnd, label, message
from vnlabor.l10n.display import (
    field_heading,
    get_display_locale,
    html_card,
    html_table,
    repr_line,
)
from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation, Instrument
from vnlabor.law.parameter import format_range
from vnlabor.model.area import Area
from vnlabor.model.deprivation import Deprivation
from vnlabor.poverty.indicator_rules import (
    PARAMETER_PREFIX,
    IndicatorDefinition,
    IndicatorRule,
    indicator_rules,
)
from vnlabor.poverty.rule import Band, build_bands
from vnlabor.types import as_date

__all__ = [
    "CompiledStandard",
    "IndicatorDefinition",
    "PovertyStandard",
    "compiled_for",
    "compiled_in_force",
    "covered_range",
    "list_year_start",
    "standard_for_list_year",
    "standard_in_force",
]

_STANDARD = "poverty.standard"
_LINE = "poverty.income_line."
_UNCONDITIONAL = "poverty.unconditional_poor_line."
_AVERAGE = "poverty.average_living_standard_line."
_CUTOFF = "poverty.deprivation_cutoff"
_INDICATORS = "poverty.indicators"
_PARAMETERS = (
    _STANDARD,
    *(f"{prefix}{area.value}" for prefix in (_LINE, _UNCONDITIONAL, _AVERAGE) for area in Area),
    _CUTOFF,
    _INDICATORS,
)


class PovertyStandard(VnlaborModel):
    """The poverty standard as it stands over ``valid_from`` … ``valid_to``."""

    instrument: str
    """Number of the instrument that sets the standard, e.g. ``"07/2021/NĐ-CP"``."""
    legal_instrument: Instrument
    """That instrument in full (issuer, title, dates, official citation form)."""
    valid_from: date
    """First day on which every value below holds."""
    valid_to: date
    """Last day on which every value below holds."""
    income_line: Mapping[Area, int]
    """Income line by area, VND/person/month (closed upper bound)."""
    unconditional_poor_line: Mapping[Area, int] | None
    """QĐ 59/2015's policy line (poor whatever the deprivations); ``None`` from 2022."""
    average_living_standard_line: Mapping[Area, int] | None
    """Top of the average-living-standard band; ``None`` where none is encoded."""
    deprivation_cutoff: int
    """Deprivations that make a household under the line poor rather than near-poor."""
    indicators: tuple[Deprivation, ...]
    """The indicators this standard counts; any others are ignored."""
    definitions: Mapping[Deprivation, IndicatorDefinition]
    """Dimension, threshold, confidence and citations of each indicator's rule."""
    citations: Mapping[str, Citation]
    """Citation of every parameter value used, by parameter name."""
    overlays: tuple[str, ...] = ()
    """Overlays (provincial standards) that shaped these values."""

    @property
    def key(self) -> str:
        """The instrument number, e.g. ``"07/2021/NĐ-CP"``."""
        return self.instrument

    def bands(self, area: Area) -> tuple[Band, ...]:
        """The decision table for ``area`` (see :mod:`vnlabor.poverty.rule`)."""
        return build_bands(
            self.income_line[area],
            self.deprivation_cutoff,
            None if self.unconditional_poor_line is None else self.unconditional_poor_line[area],
            None
            if self.average_living_standard_line is None
            else self.average_living_standard_line[area],
        )

    def dimension_of(self, indicator: Deprivation) -> str:
        """Dimension key of ``indicator`` under this standard."""
        return self.definitions[indicator].dimension

    def counted(self, deprivations: Iterable[Deprivation]) -> frozenset[Deprivation]:
        """The subset of ``deprivations`` this standard counts."""
        return frozenset(self.indicators).intersection(deprivations)

    def __hash__(self) -> int:
        return hash((self.instrument, self.valid_from, self.overlays))

    def __repr__(self) -> str:
        lines = ", ".join(f"{area.value} {amount}" for area, amount in self.income_line.items())
        overlays = f"; overlays {', '.join(self.overlays)}" if self.overlays else ""
        return repr_line(
            f"<PovertyStandard {self.instrument} {format_range(self.valid_from, self.valid_to)}: "
            f"income line {lines}; cutoff {self.deprivation_cutoff} of "
            f"{len(self.indicators)} indicators{overlays}>"
        )

    def _summary(self, locale: str) -> tuple[str, list[tuple[str, str, str]]]:
        """The heading and ``(what, value, provision)`` of each figure, in ``locale``."""

        def name(field: str) -> str:
            return field_heading(PovertyStandard, field, locale)

        def cite(parameter: str) -> str:
            found = self.citations.get(parameter)
            return "" if found is None else f"{found.locator(locale)} {found.instrument}".strip()

        period = (
            f"{format_date(self.valid_from, locale=locale)} – "
            f"{format_date(self.valid_to, locale=locale)}"
        )
        heading = f"{self.legal_instrument.official_name(locale)} ({period})"
        rows: list[tuple[str, str, str]] = []
        for field, prefix in (
            ("income_line", _LINE),
            ("unconditional_poor_line", _UNCONDITIONAL),
            ("average_living_standard_line", _AVERAGE),
        ):
            amounts: Mapping[Area, int] | None = getattr(self, field)
            if amounts is None:
                continue
            for area, amount in amounts.items():
                rows.append(
                    (
                        f"{name(field)} ({label(area, locale)})",
                        format_vnd(amount, locale=locale),
                        cite(prefix + area.value),
                    )
                )
        rows.append((name("deprivation_cutoff"), str(self.deprivation_cutoff), cite(_CUTOFF)))
        indicators = ", ".join(label(i, locale) for i in self.indicators)
        rows.append(
            (f"{name('indicators')} ({len(self.indicators)})", indicators, cite(_INDICATORS))
        )
        if self.overlays:
            rows.append((name("overlays"), ", ".join(self.overlays), ""))
        return heading, rows

    def __str__(self) -> str:
        heading, rows = self._summary(get_display_locale())
        return "\n".join([heading, *(f"- {what}: {value}" for what, value, _ in rows)])

    def _repr_html_(self) -> str:
        locale = get_display_locale()
        heading, rows = self._summary(locale)
        header = ("", message("display.value", locale), message("display.legal_basis", locale))
        return html_card(heading, [], [html_table(rows, header)])


class CompiledStandard(NamedTuple):
    """A standard with its decision tables prebuilt, for the classification hot path."""

    standard: PovertyStandard
    bands: dict[Area, tuple[Band, ...]]
    indicators: frozenset[Deprivation]
    law: LawBook
    """The book the standard was read from (its catalogue renders the citations)."""
    rules: Mapping[Deprivation, IndicatorRule]
    """The rule deciding each indicator from a household's facts."""


def covered_range(law: LawBook | None = None) -> tuple[date, date | None]:
    """First and last day for which a standard is encoded."""
    p = (law or national()).parameter(_STANDARD)
    return p.covers_from, p.covers_to


def standard_in_force(on: date, law: LawBook | None = None) -> PovertyStandard:
    """The poverty standard in force on ``on``.

    Raises:
        NoStandardInForce: ``on`` is outside the dates vnlabor encodes.
    """
    return compiled_in_force(on, law).standard


def compiled_in_force(on: date, law: LawBook | None = None) -> CompiledStandard:
    """:func:`standard_in_force` with its decision tables, memoised per law book."""
    if on.__class__ is not date:
        on = as_date(on)
    book = law or national()
    by_date: dict[date, CompiledStandard] = book.memo("poverty.by_date", dict)
    try:
        return by_date[on]  # one applicant at a time: skip the search (≈ 5,500 dates)
    except KeyError:
        compiled = by_date[on] = _compiled_search(book, on)
        return compiled


def compiled_for(
    on: date | None = None, list_year: int | None = None, law: LawBook | None = None
) -> CompiledStandard:
    """The compiled standard for a date, or for the lists of a year (exactly one of them).

    The one resolution both engines use (:func:`vnlabor.classify` and
    :func:`vnlabor.batch.classify`).

    Raises:
        TypeError: neither or both of ``on`` and ``list_year`` given, or ``list_year``
            is not a whole number.
        NoStandardInForce: no standard is encoded for the date
            (:class:`~vnlabor.errors.NoStandardForListYear` for a list year).
    """
    if (on is None) == (list_year is None):
        raise VnlaborTypeError(
            "cần đúng một trong on= (ngày) hoặc list_year= (năm) / "
            "give exactly one of on= (a date) or list_year= (a year)"
        )
    if on is not None:
        return compiled_in_force(on, law)
    assert list_year is not None
    return compiled_in_force(list_year_start(list_year, law), law)


def _compiled_search(book: LawBook, on: date) -> CompiledStandard:
    starts, segments = book.memo("poverty.segments", lambda: _segments(book))
    i = bisect_right(starts, on) - 1
    if i < 0 or on > segments[i][1]:
        p = book.parameter(_STANDARD)
        raise NoStandardInForce(on, format_range(p.covers_from, p.covers_to))
    first, last = segments[i]
    return book.memo(("poverty.standard", first), lambda: _compile(book, first, last))  # type: ignore[no-any-return]


def _compile(book: LawBook, first: date, last: date) -> CompiledStandard:
    standard, rules = _assemble(book, first, last)
    return CompiledStandard(
        standard,
        {area: standard.bands(area) for area in Area},
        frozenset(standard.indicators),
        book,
        rules,
    )


def standard_for_list_year(year: int, law: LawBook | None = None) -> PovertyStandard:
    """The standard of the poor and near-poor lists of ``year``.

    The review at the end of ``year - 1`` produces these lists, and applies this
    standard (Decision 24/2021/QĐ-TTg review procedure; domain practice for 2022).

    Raises:
        TypeError: ``year`` is not a whole number.
        NoStandardForListYear: no standard is encoded for that year's lists.
    """
    return standard_in_force(list_year_start(year, law), law)


def list_year_start(year: int, law: LawBook | None = None) -> date:
    """The day whose standard governs the lists of ``year``: 1 January of that year.

    The one exception is the year the encoded data begins in: QĐ 59/2015/QĐ-TTg took
    effect on 05/01/2016, yet the review of late 2015 already applied it to the 2016
    lists, so the lists of 2016 take its first day.

    >>> list_year_start(2024), list_year_start(2016)
    (datetime.date(2024, 1, 1), datetime.date(2016, 1, 5))

    Raises:
        TypeError: ``year`` is not a whole number (a ``bool``, text, a float).
        NoStandardForListYear: no standard is encoded for any day of that year.
    """
    if isinstance(year, bool) or not isinstance(year, Integral):
        raise VnlaborTypeError(
            f"list_year phải là một năm / list_year must be a year (int), not "
            f"{type(year).__name__}: {year!r}"
        )
    year = int(year)
    first, last = covered_range(law)
    if not first.year <= year <= (last or date.max).year:
        raise NoStandardForListYear(year, format_range(first, last))
    return max(date(year, 1, 1), first)


def _segments(book: LawBook) -> tuple[list[date], list[tuple[date, date]]]:
    """Stretches of days on which no poverty parameter changes."""
    standard = book.parameter(_STANDARD)
    last_day = standard.covers_to or date.max
    cuts: set[date] = set()
    # A province may change an indicator's figures from any day: those days cut too.
    rule_parameters = [p.name for p in book if p.name.startswith(PARAMETER_PREFIX)]
    for name in (*_PARAMETERS, *rule_parameters):
        if name in book:
            p = book.parameter(name)
            cuts.update(p.breakpoints())
            cuts.update(_next_day(v.last_day) for v in p.values if v.effective_to is not None)
    starts = sorted(d for d in cuts if standard.covers_from <= d <= last_day)
    ends = [_prev_day(d) for d in starts[1:]] + [last_day]
    return starts, list(zip(starts, ends, strict=True))


def _by_area(
    book: LawBook, prefix: str, on: date, cites: dict[str, Citation]
) -> dict[Area, int] | None:
    out: dict[Area, int] = {}
    for area in Area:
        found = book.find(prefix + area.value, on)
        if found is None:
            return None
        out[area] = book.amount(prefix + area.value, on)
        cites[prefix + area.value] = found.citation
    return out


def _assemble(
    book: LawBook, first: date, last: date
) -> tuple[PovertyStandard, dict[Deprivation, IndicatorRule]]:
    cites: dict[str, Citation] = {}
    for name in (_STANDARD, _CUTOFF, _INDICATORS):
        cites[name] = book.at(name, first).citation
    key = str(book.value(_STANDARD, first))
    codes = book.value(_INDICATORS, first)
    assert isinstance(codes, tuple)
    indicators = tuple(Deprivation(c) for c in codes)
    line = _by_area(book, _LINE, first, cites)
    assert line is not None, f"no income line on {first}"
    rules, definitions = indicator_rules(book, key, first)
    if missing := [i.value for i in indicators if i not in rules]:
        raise LookupError(f"standard {key!r} counts indicators without a rule: {missing}")
    standard = PovertyStandard(
        instrument=key,
        legal_instrument=book.instrument(key),
        valid_from=first,
        valid_to=last,
        income_line=line,
        unconditional_poor_line=_by_area(book, _UNCONDITIONAL, first, cites),
        average_living_standard_line=_by_area(book, _AVERAGE, first, cites),
        deprivation_cutoff=book.amount(_CUTOFF, first),
        indicators=indicators,
        definitions={i: definitions[i] for i in indicators},
        citations=cites,
        overlays=tuple(
            dict.fromkeys(
                k
                for c in (*cites.values(), *(c for d in definitions.values() for c in d.citations))
                if (k := book.overlay_of(c)) is not None
            )
        ),
    )
    return standard, {i: rules[i] for i in indicators}


def _next_day(d: date) -> date:
    return date.fromordinal(d.toordinal() + 1)


def _prev_day(d: date) -> date:
    return date.fromordinal(d.toordinal() - 1)
