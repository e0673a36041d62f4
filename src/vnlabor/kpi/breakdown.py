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

import functools
import operator
from collections.abc import Callable, Hashable, Iterable
from datetime import date, timedelta
from enum import Enum, StrEnum
from typing import Any, Literal

from vnlabor._optional import require
from vnlabor.base.model import VnlaborModel
from vnlabor.geo.registry import REFORM_2025, province_as_of
from vnlabor.kpi.ratio import Ratio
from vnlabor.model.period import PeriodKind, ReportingPeriod

__all__ = [
    "UNKNOWN",
    "Breakdown",
    "BreakdownGroup",
    "Unknown",
    "breakdown",
    "by_period",
    "by_province",
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

        Columns: ``numerator``, ``denominator`` and ``value`` (an exact ``Fraction``, or
        ``None`` for an empty denominator).
        """
        pd: Any = require("pandas", "pandas", "Breakdown.to_frame")
        rows = [(str(g.key), g.ratio) for g in self.groups] + [("total", self.total)]
        return pd.DataFrame(
            {
                "numerator": [r.numerator for _, r in rows],
                "denominator": [r.denominator for _, r in rows],
                "value": [r.value for _, r in rows],
            },
            index=pd.Index([k for k, _ in rows], name=self.by),
        )


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
        raise ValueError("records are grouped by month, quarter, half-year or year, not by plan")
    get = operator.attrgetter(date_of)

    def key(record: Any) -> ReportingPeriod | None:
        day = get(record)
        if day is None:
            return None
        if not isinstance(day, date):
            raise TypeError(f"{date_of} is {type(day).__name__}, not a date")
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


def _key_function(by: str | KeyFunction) -> tuple[str, KeyFunction]:
    if callable(by):
        return getattr(by, "__name__", "custom"), by
    if by in _PERIOD_WORDS:
        return by, by_period(_PERIOD_WORDS[by])
    attribute = _ALIASES.get(by, by)
    return by, lambda record: getattr(record, attribute, None)


def _count(function: Counter, record: Any, role: str) -> int:
    amount = function(record)
    if isinstance(amount, bool):
        return int(amount)
    if not isinstance(amount, int):
        raise TypeError(f"the {role} function must return a bool or an int, got {amount!r}")
    if amount < 0:
        raise ValueError(f"the {role} function returned a negative count: {amount}")
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
            A missing attribute or a ``None`` key puts the record in :data:`UNKNOWN`.
        numerator: What a record adds to the numerator: ``True``/``False`` to count it
            or not, or an ``int`` (attendance of a session …).
        denominator: Same for the denominator; ``None`` counts every record once.
        numerator_label: Label carried by every ratio.
        denominator_label: Label carried by every ratio.

    Returns:
        The groups (stable order, unknown last) and the total; the groups'
        numerators and denominators add up to the total's.

    Raises:
        TypeError: When a counter returns something other than a bool or an int.
        ValueError: When a counter returns a negative number.
    """
    name, key_of = _key_function(by)
    sums: dict[Hashable, list[int]] = {}
    for record in records:
        key = key_of(record)
        if key is None:
            key = UNKNOWN
        part = sums.setdefault(key, [0, 0])
        part[0] += _count(numerator, record, "numerator")
        part[1] += 1 if denominator is None else _count(denominator, record, "denominator")
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
