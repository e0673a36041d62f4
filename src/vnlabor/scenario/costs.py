"""What a change of standard does to the groups programmes pay for, and what it costs.

The groups (:class:`Group`), counted on each side of a comparison:

* ``POOR`` and ``NEAR_POOR``: households with that status;
* ``NEWLY_ESCAPED``: households the change takes off the poor and near-poor lists
  (poor or near-poor under the base, average or none of these under the reform): they
  would be recognised as escaped at the review that applies the reform, and count as
  newly escaped for the window of ``poverty.newly_escaped.window_months`` (a credit rule
  applied by analogy, P). 0 under the base by definition: the data says nothing of
  households that left the lists earlier;
* ``LOW_INCOME``: households whose members are low-income workers
  (:func:`vnlabor.is_low_income_worker`, Decree 30/2025/NĐ-CP) on the side's day, with
  the side's law book; unknown (``None``) where the criterion is not in force that day
  (no ceiling is encoded after 2026) or a household's status is undetermined.

Each group is counted in households and, where every household of it gives its size
(members listed or ``size``), in persons; otherwise the persons are unknown (``None``),
never guessed.

A :class:`UnitAmount` is what one household or one person of a group costs: an amount
of the law data (:meth:`UnitAmount.from_law`, cited: a training-cost cap) or the
caller's own figure with its source (a health-insurance contribution share: vnlabor
holds no contribution figures, none having been confirmed from a primary text).
:func:`costs_of` multiplies each amount by the group's size on each side: whole đồng
times whole units, exact, nothing rounded. A share of an amount is rounded by
:meth:`UnitAmount.share` once per unit, half up to the đồng, and says so.

>>> from datetime import date
>>> import vnlabor as vl
>>> from vnlabor import scenario
>>> hh = [vl.Household(area="rural", monthly_income_per_capita=1_800_000, size=4,
...                    deprivations=["nutrition", "employment", "dependants"])]
>>> r = scenario.compare(hh, base=2026, reform=2027)
>>> cap = UnitAmount.from_law(Group.POOR, "training.cap.priority_group", on=date(2027, 6, 1),
...                           per=Per.HOUSEHOLD)
>>> c = r.costs([cap])
>>> c.lines[0].units_before, c.lines[0].units_after, c.difference
(0, 1, 3000000)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from fractions import Fraction
from typing import TYPE_CHECKING

from vnlabor._optional import require
from vnlabor.errors import ParameterNotInForce, PovertyStatusUndetermined
from vnlabor.l10n import format_number, format_vnd, label, message
from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation
from vnlabor.model.household import Household
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.classification import Classification
from vnlabor.poverty.low_income import assess_low_income_worker
from vnlabor.scenario.side import Scenario
from vnlabor.types import as_date

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "CostLine",
    "Costs",
    "Group",
    "GroupSize",
    "Per",
    "UnitAmount",
    "costs_of",
    "group_sizes",
]

_ON_LISTS = frozenset({PovertyStatus.POOR, PovertyStatus.NEAR_POOR})
_OFF_LISTS = frozenset({PovertyStatus.AVERAGE_LIVING_STANDARD, PovertyStatus.NON_POOR})


class Group(StrEnum):
    """A group of households programmes pay for."""

    POOR = "poor"
    """Poor households."""
    NEAR_POOR = "near_poor"
    """Near-poor households."""
    NEWLY_ESCAPED = "newly_escaped"
    """Households the change takes off the poor and near-poor lists."""
    LOW_INCOME = "low_income"
    """Households of low-income workers (Decree 30/2025/NĐ-CP)."""


class Per(StrEnum):
    """What a unit amount is paid for."""

    HOUSEHOLD = "household"
    """Each household of the group."""
    PERSON = "person"
    """Each member of the group's households."""


@dataclass(frozen=True, slots=True)
class GroupSize:
    """One group, before and after: households and persons (``None``: unknown)."""

    group: Group
    """The group."""
    households_before: int | None
    """Its households under the base (``None``: not known, see :attr:`note_before`)."""
    households_after: int | None
    """Its households under the reform."""
    persons_before: int | None
    """Its members under the base; ``None`` when a household's size is unknown."""
    persons_after: int | None
    """Its members under the reform."""
    note_before: str | None = None
    """Why the base count is unknown: ``"not_in_force"`` or ``"undetermined"``."""
    note_after: str | None = None
    """Why the reform count is unknown."""

    def units(self, per: Per) -> tuple[int | None, int | None]:
        """The units paid for on each side: households, or persons."""
        if per is Per.HOUSEHOLD:
            return self.households_before, self.households_after
        return self.persons_before, self.persons_after


@dataclass(frozen=True, slots=True)
class UnitAmount:
    """What one household or person of a group costs, and where the figure comes from.

    Raises:
        TypeError: ``amount`` is not a whole number of đồng (a float, a bool).
        ValueError: ``amount`` is negative, or neither a cited parameter nor a
            ``source`` says where it comes from.
    """

    group: Group
    """The group it is paid to."""
    amount: int
    """Whole đồng per unit."""
    per: Per = Per.PERSON
    """Per household or per person."""
    item: str = ""
    """What is paid (e.g. ``"training support"``), for reports."""
    parameter: str | None = None
    """The law parameter it is read from, if any."""
    citation: Citation | None = None
    """The parameter value's citation (instrument, article, confidence)."""
    source: str | None = None
    """Where a caller's figure comes from (required without a ``parameter``)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "group", Group(self.group))
        object.__setattr__(self, "per", Per(self.per))
        if isinstance(self.amount, bool) or not isinstance(self.amount, int):
            raise TypeError(
                f"amount phải là số nguyên (đồng) / amount must be whole đồng (int), not "
                f"{type(self.amount).__name__}: {self.amount!r} (see UnitAmount.share)"
            )
        if self.amount < 0:
            raise ValueError(f"amount không được âm / amount cannot be negative: {self.amount}")
        if self.parameter is None and not self.source:
            raise ValueError(
                "cần nêu nguồn của số tiền / a unit amount needs its source: a law parameter "
                "(UnitAmount.from_law) or source='…' for the caller's own figure"
            )

    @classmethod
    def from_law(
        cls,
        group: Group,
        parameter: str,
        *,
        on: date,
        law: LawBook | None = None,
        per: Per = Per.PERSON,
        item: str = "",
    ) -> UnitAmount:
        """The value of ``parameter`` on ``on`` as a unit amount, with its citation.

        Raises:
            KeyError: no such parameter.
            ParameterNotInForce: it has no value on ``on``.
            LawDataError: its value is not a whole number.
        """
        value = (law or national()).at(parameter, as_date(on))
        return cls(group, value.amount, per, item or parameter, parameter, value.citation)

    @classmethod
    def share(
        cls,
        group: Group,
        amount: int,
        fraction: Fraction | str,
        *,
        per: Per = Per.PERSON,
        item: str = "",
        source: str,
    ) -> UnitAmount:
        """``fraction`` of ``amount`` per unit, rounded half up to the đồng (stated).

        >>> UnitAmount.share(Group.NEAR_POOR, 1_263_600, "0.7", source="a caller's figure").amount
        884520
        """
        if isinstance(amount, bool) or not isinstance(amount, int):
            raise TypeError(f"amount must be whole đồng (int), not {type(amount).__name__}")
        rounded = _half_up(Fraction(amount) * Fraction(fraction))
        note = f"{source} ({fraction} × {amount:,} đồng, rounded half up to the đồng)"
        return cls(group, rounded, per, item, None, None, note)

    def describe(self, locale: str = "vi", law: LawBook | None = None) -> str:
        """The amount, what it is paid for and its source or citation."""
        where = (
            (law or national()).cite(self.citation, locale)
            if self.citation is not None
            else self.source or ""
        )
        return message(
            "scenario.cost.unit",
            locale,
            amount=format_vnd(self.amount, locale=locale),
            per=label(self.per, locale),
            group=label(self.group, locale),
            item=self.item or "—",
            source=where,
        )


def _half_up(value: Fraction) -> int:
    whole, rest = divmod(value.numerator, value.denominator)
    return whole + (1 if 2 * rest >= value.denominator else 0)


@dataclass(frozen=True, slots=True)
class CostLine:
    """One unit amount applied to its group before and after."""

    unit: UnitAmount
    """The amount and its source."""
    units_before: int | None
    """Households or persons paid for under the base (``None``: unknown)."""
    units_after: int | None
    """Under the reform."""

    @property
    def cost_before(self) -> int | None:
        """``amount × units_before``, whole đồng."""
        return None if self.units_before is None else self.unit.amount * self.units_before

    @property
    def cost_after(self) -> int | None:
        """``amount × units_after``, whole đồng."""
        return None if self.units_after is None else self.unit.amount * self.units_after

    @property
    def difference(self) -> int | None:
        """``cost_after − cost_before``; ``None`` when either is unknown."""
        b, a = self.cost_before, self.cost_after
        return None if b is None or a is None else a - b


@dataclass(frozen=True, slots=True)
class Costs:
    """The groups, and each unit amount's cost before, after and the difference."""

    groups: tuple[GroupSize, ...]
    """Every group's size before and after."""
    lines: tuple[CostLine, ...]
    """One line per unit amount given."""
    law: LawBook
    """The book whose catalogue renders the citations."""

    @property
    def before(self) -> int | None:
        """Total under the base; ``None`` when a line is unknown."""
        return _total(line.cost_before for line in self.lines)

    @property
    def after(self) -> int | None:
        """Total under the reform; ``None`` when a line is unknown."""
        return _total(line.cost_after for line in self.lines)

    @property
    def difference(self) -> int | None:
        """``after − before``, whole đồng; ``None`` when a line is unknown."""
        return _total(line.difference for line in self.lines)

    def to_frame(self, locale: str = "vi") -> pd.DataFrame:
        """One row per line: group, item, per, amount, units and costs, source, citation.

        ``source`` is the law parameter or the caller's source; ``citation`` the
        parameter value's citation in ``locale`` (instrument, article, confidence),
        empty for a caller's figure.
        """
        pandas = require("pandas", "pandas", "Costs.to_frame")
        return pandas.DataFrame(
            [
                (
                    line.unit.group.value,
                    line.unit.item,
                    line.unit.per.value,
                    line.unit.amount,
                    line.units_before,
                    line.units_after,
                    line.cost_before,
                    line.cost_after,
                    line.difference,
                    line.unit.parameter or line.unit.source,
                    "" if line.unit.citation is None else self.law.cite(line.unit.citation, locale),
                )
                for line in self.lines
            ],
            columns=[
                "group",
                "item",
                "per",
                "amount",
                "units_before",
                "units_after",
                "cost_before",
                "cost_after",
                "difference",
                "source",
                "citation",
            ],
        )

    def explain(self, locale: str = "vi") -> str:
        """The groups, each line with its amount and source, and the totals."""
        lines = [message("scenario.cost.groups", locale)]
        for g in self.groups:
            lines.append(
                f"- {label(g.group, locale)}: "
                f"{_count(g.households_before, g.note_before, locale)} → "
                f"{_count(g.households_after, g.note_after, locale)}"
                + (
                    ""
                    if g.persons_before is None and g.persons_after is None
                    else " "
                    + message(
                        "scenario.cost.persons",
                        locale,
                        before=_persons_shown(g.persons_before, g.households_before, locale),
                        after=_persons_shown(g.persons_after, g.households_after, locale),
                    )
                )
            )
        if self.lines:
            lines.append(message("scenario.cost.lines", locale))
            for line in self.lines:
                lines.append(f"- {line.unit.describe(locale, self.law)}")
                lines.append(
                    "  "
                    + message(
                        "scenario.cost.line",
                        locale,
                        before=_money(line.cost_before, locale),
                        after=_money(line.cost_after, locale),
                        difference=_money(line.difference, locale, signed=True),
                        units_before=_count(line.units_before, None, locale),
                        units_after=_count(line.units_after, None, locale),
                    )
                )
            lines.append(
                message(
                    "scenario.cost.total",
                    locale,
                    before=_money(self.before, locale),
                    after=_money(self.after, locale),
                    difference=_money(self.difference, locale, signed=True),
                )
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return (
            f"<Costs {len(self.lines)} lines: {_money(self.before, 'en')} → "
            f"{_money(self.after, 'en')} ({_money(self.difference, 'en', signed=True)})>"
        )

    def _repr_html_(self) -> str:
        rows = "".join(
            "<tr>"
            + "".join(
                f"<td>{html.escape(str(v))}</td>"
                for v in (
                    label(line.unit.group, "en"),
                    line.unit.item,
                    format_vnd(line.unit.amount, locale="en"),
                    _money(line.cost_before, "en"),
                    _money(line.cost_after, "en"),
                    _money(line.difference, "en", signed=True),
                )
            )
            + "</tr>"
            for line in self.lines
        )
        head = "".join(
            f"<th>{h}</th>" for h in ("group", "item", "amount", "before", "after", "difference")
        )
        caption = html.escape(repr(self)[1:-1])
        return f"<table><caption>{caption}</caption><tr>{head}</tr>{rows}</table>"


def _total(values: Iterable[int | None]) -> int | None:
    total = 0
    for v in values:
        if v is None:
            return None
        total += v
    return total


def _count(value: int | None, note: str | None, locale: str) -> str:
    if value is None:
        return message(f"scenario.cost.unknown.{note or 'persons'}", locale)
    return format_number(value, locale=locale)


def _persons_shown(persons: int | None, households: int | None, locale: str) -> str:
    # Where the households are unknown, the households' count already says why.
    return "—" if households is None else _count(persons, None, locale)


def _money(value: int | None, locale: str, *, signed: bool = False) -> str:
    if value is None:
        return "—"
    text = format_vnd(value, locale=locale)
    return f"+{text}" if signed and value > 0 else text


def _persons(households: Iterable[Household]) -> int | None:
    total = 0
    for h in households:
        n = h.member_count
        if n is None:
            return None
        total += n
    return total


def _low_income(
    side: Scenario, households: Sequence[Household]
) -> tuple[list[Household] | None, str | None]:
    day = side.day
    found = []
    try:
        for h in households:
            if assess_low_income_worker(h, on=day, law=side.law).is_low_income:
                found.append(h)
    except ParameterNotInForce:
        return None, "not_in_force"
    except PovertyStatusUndetermined:
        return None, "undetermined"
    return found, None


def group_sizes(
    base: Scenario,
    reform: Scenario,
    households: Sequence[Household],
    before: Sequence[Classification],
    after: Sequence[Classification],
) -> tuple[GroupSize, ...]:
    """Each :class:`Group`'s size under ``base`` and ``reform`` (module documentation)."""
    out = []
    for group, status in (
        (Group.POOR, PovertyStatus.POOR),
        (Group.NEAR_POOR, PovertyStatus.NEAR_POOR),
    ):
        b = [c.household for c in before if c.status is status]
        a = [c.household for c in after if c.status is status]
        out.append(GroupSize(group, len(b), len(a), _persons(b), _persons(a)))
    escaped = [
        c.household
        for c, d in zip(before, after, strict=True)
        if c.status in _ON_LISTS and d.status in _OFF_LISTS
    ]
    out.append(GroupSize(Group.NEWLY_ESCAPED, 0, len(escaped), 0, _persons(escaped)))
    low_b, note_b = _low_income(base, households)
    low_a, note_a = _low_income(reform, households)
    out.append(
        GroupSize(
            Group.LOW_INCOME,
            None if low_b is None else len(low_b),
            None if low_a is None else len(low_a),
            None if low_b is None else _persons(low_b),
            None if low_a is None else _persons(low_a),
            note_b,
            note_a,
        )
    )
    return tuple(out)


def costs_of(groups: Sequence[GroupSize], units: Iterable[UnitAmount], law: LawBook) -> Costs:
    """Each unit amount times its group's units on each side."""
    by_group = {g.group: g for g in groups}
    lines = []
    for unit in units:
        if not isinstance(unit, UnitAmount):
            raise TypeError(f"units must be UnitAmount objects, not {type(unit).__name__}")
        b, a = by_group[unit.group].units(unit.per)
        lines.append(CostLine(unit, b, a))
    return Costs(tuple(groups), tuple(lines), law)
