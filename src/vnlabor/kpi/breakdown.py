"""Breakdowns (*phân tổ*): one ratio per group, plus the total they add up to.

Reports break KPIs down by province, area, sex, ethnicity, training field and period.
:func:`breakdown` counts each record once, in exactly one group, so the groups'
numerators and denominators always add up to the total. A record whose key is
missing goes to the explicit :data:`UNKNOWN` group: dropping it would make the parts
disagree with the whole.

>>> from datetime import date
>>> from vnlabor.model.enrolment import Enrolment
>>> from vnlabor.model.sex import Sex
>>> people = [
...     Enrolment(trainee_id="a", course="c1", enrolled_on=date(2023, 3, 1), sex=Sex.FEMALE),
...     Enrolment(trainee_id="b", course="c1", enrolled_on=date(2023, 3, 1), sex=Sex.MALE),
...     Enrolment(trainee_id="c", course="c2", enrolled_on=date(2024, 3, 1)),
... ]
>>> b = breakdown(people, by="sex", numerator=lambda e: e.course == "c1")
>>> [(str(g.key), str(g.ratio)) for g in b.groups], str(b.total)
([('female', '1/1'), ('male', '1/1'), ('unknown', '0/1')], '2/3')
>>> [str(g.key) for g in breakdown(people, by="year", numerator=lambda e: True).groups]
['2023', '2024']

``by="province"`` groups by the code as recorded, so records coded before and after
the 2025 merger land on different maps; :func:`by_province` puts every record on one
map, the 34-unit one (``"new"``) or the 63-unit one (``"old"``):

>>> moved = [
...     Enrolment(trainee_id="d", course="c3", enrolled_on=date(2024, 3, 1), province_code="26"),
...     Enrolment(trainee_id="e", course="c4", enrolled_on=date(2025, 9, 1), province_code="25"),
... ]
>>> [str(g.key) for g in breakdown(moved, by="province", numerator=lambda e: True).groups]
['25', '26']
>>> [str(g.key) for g in breakdown(moved, by=by_province("new"), numerator=lambda e: True).groups]
['25']
>>> [str(g.key) for g in breakdown(moved, by=by_province("old"), numerator=lambda e: True).groups]
['26', 'unknown']
"""

from __future__ import annotations

import difflib
import functools
import math
import operator
from collections.abc import Callable, Hashable, Iterable
from datetime import date, timedelta
from enum import Enum, StrEnum
from typing import Any, Literal

from vnlabor._optional import require
from vnlabor.base.model import VnlaborModel
from vnlabor.errors import UnknownNameError, VnlaborTypeError, VnlaborValueError
from vnlabor.geo.registry import REFORM_2025, province_as_of
from vnlabor.kpi.ratio import Ratio, format_ratio
from vnlabor.l10n import format_date, format_number, format_percent, format_period, label, message
from vnlabor.l10n.display import (
    field_heading,
    get_display_locale,
    html_card,
    html_table,
    repr_line,
)
from vnlabor.model.period import PeriodKind, ReportingPeriod

__all__ = [
    "UNKNOWN",
    "Breakdown",
    "BreakdownGroup",
    "Unknown",
    "breakdown",
    "by_period",
    "by_province",
    "group_label",
]


class Unknown(StrEnum):
    """The key of the group of records whose breakdown key is missing."""

    UNKNOWN = "unknown"
    """Không xác định."""


UNKNOWN = Unknown.UNKNOWN
"""The "unknown" group key."""

KeyFunction = Callable[[Any], Hashable | None]
Counter = Callable[[Any], int]

# Short names for the usual dimensions (Vietnamese reports' "phân tổ").
_ALIASES = {"province": "province_code", "ethnicity": "ethnic_minority"}
_PERIOD_WORDS = {
    "month": PeriodKind.MONTH,
    "quarter": PeriodKind.QUARTER,
    "half_year": PeriodKind.HALF_YEAR,
    "year": PeriodKind.YEAR,
}


class BreakdownGroup(VnlaborModel):
    """One group of a breakdown."""

    key: Any
    """The group's key: an enum member, a province code, a period, ``True``… or :data:`UNKNOWN`."""
    ratio: Ratio
    """Numerator and denominator summed over the group's records."""


class Breakdown(VnlaborModel):
    """Per-group ratios and their total."""

    by: str
    """What the records were grouped by."""
    groups: tuple[BreakdownGroup, ...]
    """One entry per key present, in a stable order, the unknown group last."""
    total: Ratio
    """All records: the sum of the groups."""

    def __getitem__(self, key: Hashable) -> Ratio:
        for group in self.groups:
            if group.key == key:
                return group.ratio
        raise KeyError(key)

    @property
    def group_keys(self) -> list[Any]:
        """The group keys in order."""
        return [group.key for group in self.groups]

    def as_dict(self) -> dict[Any, Ratio]:
        """``{key: ratio}`` in group order."""
        return {group.key: group.ratio for group in self.groups}

    def to_frame(self) -> Any:
        """A pandas DataFrame, one row per group plus a ``"total"`` row (needs pandas).

        Indexed by the group keys as text (an enum's value, a period such as
        ``"2025-Q3"``), named after :attr:`by`. Columns: ``numerator`` and
        ``denominator`` (``int64``), ``share`` (``float64``, the quotient; ``NaN`` for
        an empty denominator), ``percent`` (``float64``, the share times 100) and
        ``value`` (the exact ``Fraction``, or ``None``). Floats are for plotting and
        statistics; the exact value stays in ``value``.

        >>> from vnlabor.model.area import Area
        >>> b = Breakdown(by="area", groups=(BreakdownGroup(key=Area.RURAL, ratio=Ratio(1, 4)),),
        ...               total=Ratio(1, 4))
        >>> frame = b.to_frame()
        >>> frame["share"].tolist(), frame["percent"].tolist(), frame.loc["rural", "value"]
        ([0.25, 0.25], [25.0, 25.0], Fraction(1, 4))
        """
        pd: Any = require("pandas", "pandas", "Breakdown.to_frame")
        rows = [(str(g.key), g.ratio) for g in self.groups] + [("total", self.total)]
        index = pd.Index([k for k, _ in rows], name=self.by)
        return pd.DataFrame(_ratio_columns(pd, [r for _, r in rows], index), index=index)

    def __repr__(self) -> str:
        shown = ", ".join(f"{_key_repr(g.key)} {g.ratio}" for g in self.groups[:_REPR_GROUPS])
        more = len(self.groups) - _REPR_GROUPS
        if more > 0:
            shown += f", +{more} more"
        return repr_line(f"<Breakdown by {self.by}: {shown}; total {self.total}>")

    def __str__(self) -> str:
        locale = get_display_locale()
        total = field_heading(Breakdown, "total", locale)
        lines = [f"{self.by}: {total.lower()} {format_ratio(self.total, locale)}"]
        lines += [
            f"- {group_label(g.key, locale)}: {format_ratio(g.ratio, locale)}" for g in self.groups
        ]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        locale = get_display_locale()
        rows = [(group_label(g.key, locale), g.ratio) for g in self.groups]
        rows.append((field_heading(Breakdown, "total", locale), self.total))
        header = [
            field_heading(BreakdownGroup, "key", locale),
            field_heading(BreakdownGroup, "ratio", locale),
            field_heading(Ratio, "numerator", locale),
            field_heading(Ratio, "denominator", locale),
        ]
        cells = [
            (
                name,
                "—" if r.value is None else format_percent(r.value, locale=locale),
                format_number(r.numerator, locale=locale),
                format_number(r.denominator, locale=locale),
            )
            for name, r in rows
        ]
        title = f"{field_heading(Breakdown, 'by', locale)}: {self.by}"
        return html_card(title, [], [html_table(cells, header)])


_REPR_GROUPS = 6


def _key_repr(key: Any) -> str:
    return str(key.value) if isinstance(key, Enum) else str(key)


def _ratio_columns(pd: Any, ratios: list[Ratio], index: Any) -> dict[str, Any]:
    """The numeric columns of a table of ratios (see :meth:`Breakdown.to_frame`)."""
    values = [r.value for r in ratios]
    return {
        "numerator": pd.Series([r.numerator for r in ratios], index=index, dtype="int64"),
        "denominator": pd.Series([r.denominator for r in ratios], index=index, dtype="int64"),
        "share": pd.Series(
            [math.nan if v is None else float(v) for v in values], index=index, dtype="float64"
        ),
        "percent": pd.Series(
            [math.nan if v is None else float(v * 100) for v in values],
            index=index,
            dtype="float64",
        ),
        "value": pd.Series(values, index=index, dtype=object),
    }


def group_label(key: Any, locale: str = "vi") -> str:
    """A group's key as tables head it: a label, a period, yes/no, a date, or the key.

    >>> from vnlabor.model.area import Area
    >>> group_label(Area.RURAL), group_label(True, "en"), group_label(UNKNOWN), group_label("19")
    ('nông thôn', 'yes', 'không rõ', '19')
    """
    if isinstance(key, Unknown):
        return message("kpi.report.unknown_group", locale)
    if isinstance(key, Enum):
        return label(key, locale)
    if isinstance(key, bool):
        return message("kpi.report.yes" if key else "kpi.report.no", locale)
    if isinstance(key, ReportingPeriod):
        return format_period(key, locale=locale)
    if isinstance(key, date):
        return format_date(key, locale=locale)
    return str(key)


@functools.lru_cache(maxsize=4_096)
def _period(kind: PeriodKind, year: int, index: int) -> ReportingPeriod:
    # One (frozen) period per key, not one validated model per record grouped.
    return ReportingPeriod(kind=kind, year=year, index=index)


def by_period(kind: PeriodKind, *, date_of: str = "reference_date") -> KeyFunction:
    """A key function putting each record in the month, quarter, half-year or year of a date.

    Args:
        kind: Period length (plan periods are not a grouping).
        date_of: Attribute holding the date; every programme record has
            ``reference_date``, and e.g. ``"support_paid_on"`` groups departures by the
            year their support was paid.
    """
    if kind is PeriodKind.PLAN:
        raise VnlaborValueError(
            "bản ghi được nhóm theo tháng, quý, 6 tháng hoặc năm, không theo giai đoạn / records "
            "are grouped by month, quarter, half-year or year, not by plan"
        )
    get = operator.attrgetter(date_of)

    def key(record: Any) -> ReportingPeriod | None:
        day = get(record)
        if day is None:
            return None
        if not isinstance(day, date):
            raise VnlaborTypeError(
                f"{date_of} không phải một ngày / {date_of} is {type(day).__name__}, not a date"
            )
        if kind is PeriodKind.MONTH:
            return _period(kind, day.year, day.month)
        if kind is PeriodKind.QUARTER:
            return _period(kind, day.year, (day.month - 1) // 3 + 1)
        if kind is PeriodKind.HALF_YEAR:
            return _period(kind, day.year, 1 if day.month <= 6 else 2)
        return _period(kind, day.year, 1)

    key.__name__ = kind.value  # names the breakdown ("year", "quarter" …)
    return key


_MAPS = {"old": REFORM_2025 - timedelta(days=1), "new": REFORM_2025}


def by_province(
    on: Literal["old", "new"] | date = "new",
    *,
    code_of: str = "province_code",
    date_of: str = "reference_date",
) -> KeyFunction:
    """A key function putting each record in its province on one map (old or new).

    Each record's code is read as it stood on the record's own date and carried to
    the map of ``on`` through the crosswalk of Resolution 202/2025/QH15
    (:func:`vnlabor.geo.province_as_of`). Keys are the codes of that map.

    A record goes to :data:`UNKNOWN` when it has no code or date, and, on the old map,
    when it is dated after 01/07/2025 in a merged province: which of the old provinces
    it came from cannot be told. Counts are therefore never split or guessed.

    Args:
        on: ``"new"`` for the 34-unit map (as on 01/07/2025), ``"old"`` for the 63-unit
            map (as on 30/06/2025), or any covered date.
        code_of: Attribute holding the province code.
        date_of: Attribute holding the date the code refers to.

    Raises:
        UnknownProvinceError: (when grouping) a record's code is not in force on its date.
        GeographyNotCoveredError: (when grouping) a date is before 01/08/2008.
    """
    day = _MAPS[on] if isinstance(on, str) else on
    get_code, get_date = operator.attrgetter(code_of), operator.attrgetter(date_of)

    def key(record: Any) -> str | None:
        code, recorded_on = get_code(record), get_date(record)
        if code is None or recorded_on is None:
            return None
        unit = province_as_of(code, recorded_on, day)
        return None if unit is None else unit.code

    key.__name__ = f"province_{on}" if isinstance(on, str) else f"province_{on.isoformat()}"
    return key


def _key_function(by: str | KeyFunction) -> tuple[str, KeyFunction, str | None]:
    """The breakdown's name, its key function and, for an attribute, the attribute's name."""
    if callable(by):
        return getattr(by, "__name__", "custom"), by, None
    if not isinstance(by, str):
        raise VnlaborTypeError(
            "by phải là tên thuộc tính hoặc một hàm / by must be an attribute name or a "
            f"function, not {type(by).__name__}: {by!r}"
        )
    if by in _PERIOD_WORDS:
        return by, by_period(_PERIOD_WORDS[by]), None
    attribute = _ALIASES.get(by, by)
    return by, lambda record: getattr(record, attribute, None), attribute


_ABSENT = object()


def _names_of(record: Any) -> list[str]:
    """The attribute names a breakdown could group ``record`` by (for suggestions)."""
    names = [*_ALIASES, *_PERIOD_WORDS]
    fields = getattr(type(record), "model_fields", None) or getattr(record, "_fields", None)
    if fields:
        names += list(fields)
    names += [
        n
        for n in dir(type(record))
        if not n.startswith("_")
        and isinstance(getattr(type(record), n, None), property | functools.cached_property)
    ]
    names += [n for n in getattr(record, "__dict__", {}) if not n.startswith("_")]
    household = getattr(record, "household", None)
    if household is not None:
        names += list(getattr(type(household), "model_fields", ()))
    return list(dict.fromkeys(names))


def _unknown_key(by: str, record: Any) -> UnknownNameError:
    suggestions = difflib.get_close_matches(by, _names_of(record), n=3, cutoff=0.6)
    return UnknownNameError(
        by,
        ("khoá phân tổ", "breakdown key"),
        tuple(suggestions),
        accepted=f"no {type(record).__name__} record has an attribute {by!r}",
    )


def _count(function: Counter, record: Any, role: str) -> int:
    amount = function(record)
    if isinstance(amount, bool):
        return int(amount)
    if not isinstance(amount, int):
        raise VnlaborTypeError(
            f"hàm {role} phải trả về bool hoặc int / the {role} function must return a bool "
            f"or an int, got {amount!r}"
        )
    if amount < 0:
        raise VnlaborValueError(
            f"hàm {role} trả về số âm / the {role} function returned a negative count: {amount}"
        )
    return amount


def _order(key: Any) -> tuple[int, Any]:
    # Unknown last; enum members in declaration order; periods by date; the rest by value.
    if key is UNKNOWN:
        return (3, 0)
    if isinstance(key, Enum):
        return (1, (type(key).__name__, list(type(key)).index(key)))
    if isinstance(key, ReportingPeriod):
        return (0, (key.start.toordinal(), key.end.toordinal()))
    return (2, (type(key).__name__, str(key) if not isinstance(key, int | str) else key))


def breakdown(
    records: Iterable[Any],
    *,
    by: str | KeyFunction,
    numerator: Counter,
    denominator: Counter | None = None,
    numerator_label: str | None = None,
    denominator_label: str | None = None,
) -> Breakdown:
    """Group ``records`` and sum a numerator and a denominator in each group.

    Args:
        records: Any objects (programme records, households, rows).
        by: An attribute name (``"province_code"``, ``"area"``, ``"sex"``,
            ``"ethnic_minority"``, ``"field"``…; ``"province"`` and ``"ethnicity"`` are
            aliases), a period word (``"month"``, ``"quarter"``, ``"half_year"``,
            ``"year"``, on each record's ``reference_date``), or a function returning
            the key (:func:`by_period`, :func:`by_province` for the old or new map).
            An attribute a record lacks is looked up on its ``household`` (so
            classifications group by ``"province"`` or ``"commune_code"``). A ``None``
            key, or an attribute some records lack, puts the record in
            :data:`UNKNOWN`; an attribute no record has is a misspelt key.
        numerator: What a record adds to the numerator: ``True``/``False`` to count it
            or not, or an ``int`` (attendance of a session …).
        denominator: Same for the denominator; ``None`` counts every record once.
        numerator_label: Label carried by every ratio.
        denominator_label: Label carried by every ratio.

    Returns:
        The groups (stable order, unknown last) and the total; the groups'
        numerators and denominators add up to the total's.

    Raises:
        UnknownNameError: No record has the attribute ``by`` names (a misspelt key:
            ``by="arae"``); the message suggests the nearest names (``area``). A
            ``ValueError``.
        VnlaborTypeError: ``by`` is neither a name nor a function, or a counter returns
            something other than a bool or an int.
        VnlaborValueError: A counter returns a negative number.
    """
    name, key_of, attribute = _key_function(by)
    sums: dict[Hashable, list[int]] = {}
    found = attribute is None  # whether any record has the attribute grouped by
    first: Any = _ABSENT
    for record in records:
        if attribute is None:
            key = key_of(record)
        else:
            key = getattr(record, attribute, _ABSENT)
            if key is _ABSENT and (household := getattr(record, "household", None)) is not None:
                key = getattr(household, attribute, _ABSENT)  # a classification's household
            if key is _ABSENT:
                if first is _ABSENT:
                    first = record
                key = None
            else:
                found = True
        if key is None:
            key = UNKNOWN
        part = sums.setdefault(key, [0, 0])
        part[0] += _count(numerator, record, "numerator")
        part[1] += 1 if denominator is None else _count(denominator, record, "denominator")
    if not found and first is not _ABSENT:
        # A misspelt key ("arae") would put every record under "unknown".
        raise _unknown_key(name, first)
    groups = tuple(
        BreakdownGroup(key=key, ratio=Ratio(n, d, numerator_label, denominator_label))
        for key, (n, d) in sorted(sums.items(), key=lambda item: _order(item[0]))
    )
    total = Ratio(
        sum(n for n, _ in sums.values()),
        sum(d for _, d in sums.values()),
        numerator_label,
        denominator_label,
    )
    return Breakdown(by=name, groups=groups, total=total)
