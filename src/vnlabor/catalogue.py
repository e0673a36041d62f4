"""The parameter catalogue: every legal parameter, value and instrument as Markdown.

The documentation's parameter page is generated from the law book by
:func:`catalogue_markdown`, never written by hand, so it always shows the data the
library applies. For each parameter it gives the description, the unit, the declared
range and one row per dated value: the value (money grouped, lists of codes spelled
out), the days it is in force, the instrument and provision it comes from (linked where
a URL is known, with the transitional provision that keeps it applied, if any), the
confidence tag, with a ``⚠`` flag on every figure that is not confirmed, and the release
whose data last changed the value (``ParameterValue.changed_in``, held to the truth by a
test comparing the data with the last release's). Sections follow for each bundled
provincial overlay, the deprivation indicators of each poverty standard and the
catalogue of instruments.

>>> md = catalogue_markdown()
>>> md.splitlines()[0]
'# Legal parameter catalogue'
>>> "### `poverty.income_line.rural`" in md, "## Provincial overlays" in md
(True, True)
>>> render_value(1_500_000, "VND/person/month"), render_value(1_500_000, "VND", "vi")
('1,500,000 VND/person/month', '1.500.000 đồng')
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from enum import Enum

from vnlabor._version import __version__
from vnlabor.base.confidence import Confidence
from vnlabor.l10n import format_date, format_number, label, message
from vnlabor.l10n.labels import check_locale
from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation, Instrument
from vnlabor.law.overlay import Overlay, bundled_overlay, bundled_overlay_keys
from vnlabor.law.parameter import Parameter, ParameterValue, Value
from vnlabor.model.course import CourseLevel
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.dwelling import InformationDevice, LatrineType, WasteHandling, WaterSource
from vnlabor.model.education import EducationLevel, TrainingLevel
from vnlabor.poverty.standard import standard_in_force
from vnlabor.programmes.categories import TrainingCategory

__all__ = [
    "CHANGED_FLAG",
    "UNCONFIRMED_FLAG",
    "catalogue_markdown",
    "confidence_text",
    "render_value",
]

UNCONFIRMED_FLAG = "⚠"
"""Marks every value, indicator or instrument whose confidence is not C (confirmed)."""

CHANGED_FLAG = "✎"
"""Marks every value changed in the release being prepared (or just made)."""

RELEASE = __version__.split(".dev")[0]
"""The release the data describes: the one being prepared, or the one just made."""

_FAMILY_ORDER = ("poverty", "training", "abroad", "employment")

_UNITLESS = frozenset({"count", "year"})
"""Units shown as a bare number; every other unit's words are ``law.unit.<unit>`` in the
gettext catalogues, or the unit itself when they have none."""

_CODE_ENUMS: tuple[type[Enum], ...] = (
    Deprivation,
    CourseLevel,
    TrainingCategory,
    EducationLevel,
    TrainingLevel,
    WaterSource,
    LatrineType,
    WasteHandling,
    InformationDevice,
)


def _t(locale: str, key: str, **values: object) -> str:
    return message(f"catalogue.{key}", locale, **values)


def _cell(text: str) -> str:
    """Make ``text`` safe inside a Markdown table cell or paragraph."""
    out = text.replace("\\", "\\\\").replace("\n", " ").replace("<", "&lt;")
    for char in "`*_[]|":
        out = out.replace(char, "\\" + char)
    return out


def _unit_text(unit: str, locale: str) -> str:
    if unit in _UNITLESS:
        return ""
    try:
        return message(f"law.unit.{unit}", locale)
    except KeyError:  # a unit without words of its own ("percent", "codes", "flag"…)
        return unit


def _code_label(code: str, locale: str) -> str | None:
    """The label of the one vnlabor enum member whose value is ``code``, if exactly one."""
    found = [e(code) for e in _CODE_ENUMS if code in {m.value for m in e}]
    return label(found[0], locale) if len(found) == 1 else None


def render_value(value: Value, unit: str, locale: str = "en") -> str:
    """A parameter value as readable Markdown text.

    Amounts are grouped in the locale's way and followed by the unit; percentages get
    ``%``; lists of codes name each code and, where a vnlabor enum defines it, its label.

    Args:
        value: The value (``int``, ``bool``, ``str`` or a tuple of codes).
        unit: The parameter's unit (``"VND/person/month"``, ``"percent"``, ``"codes"``…).
        locale: ``"en"`` (default) or ``"vi"``.

    Returns:
        The value as Markdown (safe inside a table cell).

    Raises:
        ValueError: ``locale`` is not supported.

    >>> render_value(70, "percent"), render_value(36, "months", "vi"), render_value(3, "count")
    ('70%', '36 tháng', '3')
    >>> render_value(("elementary", "under_3_months"), "codes")
    'elementary level (`elementary`), under 3 months (`under_3_months`)'
    """
    check_locale(locale)
    if isinstance(value, bool):
        return _t(locale, "yes" if value else "no")
    if isinstance(value, int):
        # A calendar year is not an amount: no digit grouping.
        number = str(value) if unit == "year" else format_number(value, locale=locale)
        if unit == "percent":
            return f"{number}%"
        shown = _unit_text(unit, locale)
        return f"{number} {shown}" if shown else number
    if isinstance(value, str):
        return _cell(value)
    parts = []
    for code in value:
        name = _code_label(code, locale)
        parts.append(f"{_cell(name)} (`{code}`)" if name else f"`{code}`")
    return ", ".join(parts)


def confidence_text(confidence: Confidence, locale: str = "en") -> str:
    """The confidence tag spelled out, flagged with :data:`UNCONFIRMED_FLAG` unless C.

    >>> confidence_text(Confidence.CONFIRMED), confidence_text(Confidence.UNCONFIRMED)
    ('C (confirmed)', '⚠ **R (unconfirmed)**: verify')
    """
    text = f"{confidence.value} ({label(confidence, locale)})"
    if confidence is Confidence.CONFIRMED:
        return text
    return f"{UNCONFIRMED_FLAG} **{text}**: {_t(locale, 'verify')}"


def _period(v: ParameterValue, locale: str) -> str:
    end = format_date(v.effective_to, locale=locale) if v.effective_to else _t(locale, "open")
    return f"{format_date(v.effective_from, locale=locale)} – {end}"


def _source(citation: Citation, instruments: Mapping[str, Instrument], locale: str) -> str:
    instrument = instruments.get(citation.instrument)
    url = citation.url or (instrument.url if instrument is not None else None)
    key = _cell(citation.instrument)
    head = f"[{key}]({url})" if url else key
    where = citation.locator(locale)
    text = f"{head}, {where}" if where else head
    via = citation.applied_by
    if via is not None:
        text += f" ({_t(locale, 'applied_under')} {_cell(via.instrument)}, {via.locator(locale)})"
    return text


def _changed(v: ParameterValue) -> str:
    if v.changed_in is None:
        return ""
    return f"{CHANGED_FLAG} {v.changed_in}" if v.changed_in == RELEASE else v.changed_in


def _value_table(
    values: Iterable[ParameterValue],
    unit: str,
    instruments: Mapping[str, Instrument],
    locale: str,
) -> list[str]:
    cols = ("col.value", "col.period", "col.source", "col.confidence", "col.note", "col.changed")
    lines = [
        "| " + " | ".join(_t(locale, c) for c in cols) + " |",
        "|" + "---|" * len(cols),
    ]
    for v in values:
        cells = (
            render_value(v.value, unit, locale),
            _period(v, locale),
            _source(v.citation, instruments, locale),
            confidence_text(v.citation.confidence, locale),
            _cell(v.citation.note) if v.citation.note else "",
            _changed(v),
        )
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _flag_line(values: tuple[ParameterValue, ...], locale: str) -> list[str]:
    weak = sum(1 for v in values if v.citation.confidence is not Confidence.CONFIRMED)
    if not weak:
        return []
    return ["", _t(locale, "flagged", flag=UNCONFIRMED_FLAG, count=weak, total=len(values))]


def _description(p: Parameter, locale: str) -> list[str]:
    other = "vi" if locale == "en" else "en"
    return [_cell(p.description(locale)), "", f"*{_cell(p.description(other))}*"]


def _parameter_section(
    p: Parameter, instruments: Mapping[str, Instrument], locale: str, level: int, suffix: str = ""
) -> list[str]:
    covers = (
        f"{format_date(p.covers_from, locale=locale)} – "
        f"{format_date(p.covers_to, locale=locale) if p.covers_to else _t(locale, 'open')}"
    )
    return [
        f"{'#' * level} `{p.name}`{suffix}",
        "",
        *_description(p, locale),
        "",
        f"{_t(locale, 'unit')}: `{p.unit}` · {_t(locale, 'covers')}: {covers}",
        "",
        *_value_table(p.values, p.unit, instruments, locale),
        *_flag_line(p.values, locale),
        "",
    ]


def _family(name: str) -> str:
    return name.split(".", 1)[0]


def _family_title(family: str, locale: str) -> str:
    try:
        return _t(locale, f"family.{family}")
    except KeyError:  # a family the catalogues do not name (an overlay's own)
        return family


def _families(book: LawBook) -> dict[str, list[Parameter]]:
    found: dict[str, list[Parameter]] = {}
    for p in book:
        found.setdefault(_family(p.name), []).append(p)
    rank = {f: i for i, f in enumerate(_FAMILY_ORDER)}
    return dict(sorted(found.items(), key=lambda item: (rank.get(item[0], len(rank)), item[0])))


def _instrument_table(instruments: Iterable[Instrument], locale: str) -> list[str]:
    cols = (
        "col.key",
        "col.name",
        "col.title",
        "col.signed",
        "col.in_force",
        "col.in_force_until",
        "col.confidence",
        "col.link",
    )
    lines = [
        "| " + " | ".join(_t(locale, c) for c in cols) + " |",
        "|" + "---|" * len(cols),
    ]
    ordered = sorted(instruments, key=lambda i: (i.signed or date.max, i.key))
    for i in ordered:
        cells = (
            f"`{i.key}`",
            _cell(i.official_name(locale)),
            _cell(i.title(locale)),
            format_date(i.signed, locale=locale) if i.signed else "—",
            format_date(i.in_force, locale=locale) if i.in_force else "—",
            format_date(i.in_force_until, locale=locale) if i.in_force_until else "—",
            confidence_text(i.confidence, locale),
            f"[{_t(locale, 'link')}]({i.url})" if i.url else "—",
        )
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def _overlay_section(overlay: Overlay, book: LawBook, locale: str) -> list[str]:
    other = "vi" if locale == "en" else "en"
    known = {**book.instruments, **{i.key: i for i in overlay.instruments}}
    lines = [
        f"### `{overlay.key}`: {_cell(overlay.name(locale))}",
        "",
        f"*{_cell(overlay.name(other))}*",
        "",
    ]
    if overlay.province_code:
        lines += [f"{_t(locale, 'overlay.province')}: `{overlay.province_code}`", ""]
    lines += [
        f"{_t(locale, 'overlay.apply')}: "
        f'`national().with_overlay(bundled_overlay("{overlay.key}"))`',
        "",
    ]
    if overlay.instruments:
        lines += [
            f"**{_t(locale, 'overlay.instruments')}**",
            "",
            *_instrument_table(overlay.instruments, locale),
            "",
        ]
    for name, values in overlay.values.items():
        lines += [f"#### `{name}`: {_t(locale, 'overlay.replaces')}", ""]
        if name in book:
            p = book.parameter(name)
            lines += [*_description(p, locale), "", f"{_t(locale, 'unit')}: `{p.unit}`", ""]
            unit = p.unit
        else:
            unit = ""
        lines += [*_value_table(values, unit, known, locale), *_flag_line(values, locale), ""]
    for p in overlay.parameters:
        lines += _parameter_section(p, known, locale, 4, f" ({_t(locale, 'overlay.adds')})")
    return lines


def _indicator_section(book: LawBook, locale: str) -> list[str]:
    if "poverty.standard" not in book:
        return []
    lines = [f"## {_t(locale, 'indicators')}", "", _t(locale, "indicators.intro"), ""]
    seen: set[str] = set()
    for v in book.parameter("poverty.standard").values:
        standard = standard_in_force(v.effective_from, book)
        if standard.instrument in seen:
            continue
        seen.add(standard.instrument)
        cols = (
            "col.indicator",
            "col.dimension",
            "col.threshold",
            "col.confidence",
            "col.note",
            "col.parameters",
        )
        lines += [
            f"### {_cell(standard.legal_instrument.official_name(locale))}",
            "",
            "| " + " | ".join(_t(locale, c) for c in cols) + " |",
            "|" + "---|" * len(cols),
        ]
        for indicator in standard.indicators:
            d = standard.definitions[indicator]
            cells = (
                f"{_cell(label(indicator, locale))} (`{indicator.value}`)",
                _cell(d.dimension_label(locale)),
                _cell(d.threshold(locale)),
                confidence_text(d.confidence, locale),
                _cell(d.note) if d.note else "",
                ", ".join(f"`{name}`" for name in d.parameters),
            )
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return lines


def catalogue_markdown(
    book: LawBook | None = None,
    locale: str = "en",
    *,
    overlays: Iterable[Overlay] | None = None,
) -> str:
    """Render every parameter, overlay and instrument of ``book`` as one Markdown page.

    Args:
        book: The law book to describe; the national book by default. A book with
            overlays applied shows the merged values.
        locale: ``"en"`` (default) or ``"vi"`` for the headings, labels, dates and
            numbers (descriptions are given in both languages).
        overlays: Provincial overlays to describe in their own section; every bundled
            overlay by default, ``()`` for none.

    Returns:
        The page, starting with a level-1 heading.

    Raises:
        ValueError: ``locale`` is not supported.
    """
    check_locale(locale)
    book = book or national()
    chosen = (
        tuple(bundled_overlay(k) for k in bundled_overlay_keys())
        if overlays is None
        else tuple(overlays)
    )
    params = list(book)
    values = [v for p in params for v in p.values]
    counts = dict.fromkeys(Confidence, 0)
    for v in values:
        counts[v.citation.confidence] += 1
    count_text = ", ".join(
        f"{c.value} {format_number(counts[c], locale=locale)}"
        for c in Confidence  # surest first
    )
    families = _families(book)
    lines = [
        f"# {_t(locale, 'title')}",
        "",
        _t(
            locale,
            "intro",
            version=__version__,
            parameters=len(params),
            values=len(values),
            instruments=len(book.instruments),
        ),
        "",
        _t(locale, "legend", flag=UNCONFIRMED_FLAG),
        "",
        _t(locale, "counts", counts=count_text),
        "",
        _t(locale, "dates"),
        "",
        _t(locale, "changed", version=RELEASE, mark=CHANGED_FLAG),
        "",
        f"**{_t(locale, 'families')}**: "
        + ", ".join(f"{_family_title(f, locale)} (`{f}.*`)" for f in families),
        "",
    ]
    for family, members in families.items():
        lines += [f"## {_family_title(family, locale)} (`{family}.*`)", ""]
        for p in members:
            lines += _parameter_section(p, book.instruments, locale, 3)
    if chosen:
        lines += [f"## {_t(locale, 'overlays')}", "", _t(locale, "overlays.intro"), ""]
        for overlay in chosen:
            lines += _overlay_section(overlay, book, locale)
    lines += _indicator_section(book, locale)
    lines += [
        f"## {_t(locale, 'instruments')}",
        "",
        _t(locale, "instruments.intro"),
        "",
        *_instrument_table(book.instruments.values(), locale),
        "",
    ]
    return "\n".join(lines)
