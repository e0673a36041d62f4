"""Why a household changes status between two standards: the rule that moved it.

A status is decided by a few parts of the standard (:mod:`vnlabor.poverty.rule`): the
income line, the policy line of QĐ 59/2015, the top of the average-living-standard
band, the deprivation cut-off, and the number of indicators counted. A part
*moved* a household when changing that part alone, from the base to the reform, gives
the household its reform status (it suffices), or when putting it back alone takes that
status away (it was needed): a household just above the old line with two
deprivations becomes poor only because the line rose **and** a new indicator is
counted, and both are named; the end of the average-living-standard band in 2027 is
not named for a household the new line makes poor, as it changes nothing for it. The
count is told apart by indicator: one the reform counts and the base does not
(:attr:`MoveCause.INDICATOR_COUNTED`), one no longer counted
(:attr:`MoveCause.INDICATOR_NOT_COUNTED`), or one both count but the household's facts
decide differently (its thresholds changed, or ages were counted on
another day: :attr:`MoveCause.INDICATOR_ASSESSED`). A side whose status is undetermined
names its deciding indicators (:attr:`MoveCause.UNDETERMINED_INDICATOR`).

>>> from datetime import date
>>> import vnlabor as vl
>>> hh = vl.Household(area="rural", monthly_income_per_capita=1_800_000,
...                   deprivations=["nutrition", "employment"], household_id="H1")
>>> move = move_of(0, vl.classify(hh, on=date(2026, 6, 1)), vl.classify(hh, on=date(2027, 6, 1)))
>>> move.before.status.value, move.after.status.value, move.causes
('average_living_standard', 'near_poor', (<MoveCause.INCOME_LINE: 'income_line'>,))
>>> for part in move.explain("en").split(": "):
...     print(part)
H1
average-living-standard household → near-poor household
the income line ₫1,500,000 → ₫2,200,000 (income ₫1,800,000)
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from vnlabor.base.masking import mask_citizen_ids
from vnlabor.l10n import format_vnd, label, message
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.classification import Classification
from vnlabor.poverty.rule import build_bands, status_of

__all__ = ["Move", "MoveCause", "move_of"]

_UNDETERMINED = PovertyStatus.UNDETERMINED


class MoveCause(StrEnum):
    """A part of the standard that moved a household from one status to another."""

    INCOME_LINE = "income_line"
    """The income line: the household's income is under one line and over the other."""
    UNCONDITIONAL_LINE = "unconditional_line"
    """The policy line of QĐ 59/2015 (poor whatever the deprivations)."""
    AVERAGE_BAND = "average_band"
    """The top of the average-living-standard band (or the band itself, where one side
    has none)."""
    CUTOFF = "cutoff"
    """The number of deprivations that makes a household poor."""
    INDICATOR_COUNTED = "indicator_counted"
    """An indicator the reform counts and the base does not."""
    INDICATOR_NOT_COUNTED = "indicator_not_counted"
    """An indicator the base counts and the reform does not."""
    INDICATOR_ASSESSED = "indicator_assessed"
    """An indicator both count, decided differently from the household's facts."""
    UNDETERMINED_INDICATOR = "undetermined_indicator"
    """An indicator the facts leave open decides the status on one side."""


class _Parts(NamedTuple):
    line: int
    unconditional: int | None
    average: int | None
    cutoff: int
    deprivations: int


def _parts(c: Classification) -> _Parts:
    s, area = c.standard, c.area
    return _Parts(
        s.income_line[area],
        None if s.unconditional_poor_line is None else s.unconditional_poor_line[area],
        None if s.average_living_standard_line is None else s.average_living_standard_line[area],
        s.deprivation_cutoff,
        c.deprivation_count,
    )


def _with(parts: _Parts, i: int, value: int | None) -> _Parts:
    """``parts`` with its ``i``-th part replaced by ``value``."""
    return _Parts(*(value if k == i else v for k, v in enumerate(parts)))  # type: ignore[arg-type]


def _status(income: int, p: _Parts) -> PovertyStatus:
    return status_of(
        income, p.deprivations, build_bands(p.line, p.cutoff, p.unconditional, p.average)
    )


_PART_CAUSE = (
    MoveCause.INCOME_LINE,
    MoveCause.UNCONDITIONAL_LINE,
    MoveCause.AVERAGE_BAND,
    MoveCause.CUTOFF,
    None,  # the count: told apart by indicator
)


@dataclass(frozen=True, slots=True)
class Move:
    """A household whose status changed, and the parts of the standard that changed it."""

    position: Hashable
    """Where the household is in the input (list index, table row or file line)."""
    before: Classification
    """Its classification under the base."""
    after: Classification
    """Its classification under the reform."""
    causes: tuple[MoveCause, ...]
    """What moved it, in :class:`MoveCause` order."""
    indicators_counted: tuple[Deprivation, ...] = ()
    """Deprived indicators the reform counts and the base does not (when they mattered)."""
    indicators_not_counted: tuple[Deprivation, ...] = ()
    """Deprived indicators the base counts and the reform does not (when they mattered)."""
    indicators_assessed: tuple[Deprivation, ...] = ()
    """Indicators both count, deprived on one side only (when they mattered)."""
    undetermined: tuple[Deprivation, ...] = ()
    """The undetermined indicators the status hangs on, on either side."""

    @property
    def household_id(self) -> str | None:
        """The household's identifier, if it has one."""
        return self.before.household.household_id

    def __repr__(self) -> str:
        hid = self.household_id
        shown = mask_citizen_ids(hid) if hid else self.position
        causes = ", ".join(c.value for c in self.causes)
        return f"<Move {shown}: {self.before.status.value} → {self.after.status.value} ({causes})>"

    def explain(self, locale: str = "vi") -> str:
        """One line: who, from which status to which, and each cause with its figures."""
        hid = self.household_id
        who = mask_citizen_ids(hid) if hid else f"#{self.position}"
        head = message(
            "scenario.move.heading",
            locale,
            household=who,
            before=label(self.before.status, locale),
            after=label(self.after.status, locale),
        )
        return f"{head}: {'; '.join(self._clauses(locale))}"

    def _clauses(self, locale: str) -> list[str]:
        b, a = _parts(self.before), _parts(self.after)
        out = []
        for cause in self.causes:
            values: dict[str, str] = {}
            if cause is MoveCause.INCOME_LINE:
                values = {
                    "before": format_vnd(b.line, locale=locale),
                    "after": format_vnd(a.line, locale=locale),
                    "income": format_vnd(self.before.income, locale=locale),
                }
            elif cause in (MoveCause.UNCONDITIONAL_LINE, MoveCause.AVERAGE_BAND):
                i = 1 if cause is MoveCause.UNCONDITIONAL_LINE else 2
                values = {
                    "before": _amount(b[i], locale),
                    "after": _amount(a[i], locale),
                    "income": format_vnd(self.before.income, locale=locale),
                }
            elif cause is MoveCause.CUTOFF:
                values = {
                    "before": str(b.cutoff),
                    "after": str(a.cutoff),
                    "count": str(a.deprivations),
                }
            else:
                indicators = {
                    MoveCause.INDICATOR_COUNTED: self.indicators_counted,
                    MoveCause.INDICATOR_NOT_COUNTED: self.indicators_not_counted,
                    MoveCause.INDICATOR_ASSESSED: self.indicators_assessed,
                    MoveCause.UNDETERMINED_INDICATOR: self.undetermined,
                }[cause]
                values = {
                    "indicators": ", ".join(label(i, locale) for i in indicators) or "—",
                    "before": str(b.deprivations),
                    "after": str(a.deprivations),
                }
            out.append(message(f"scenario.cause.{cause.value}", locale, **values))
        return out


def _amount(value: int | None, locale: str) -> str:
    return (
        message("scenario.cause.none", locale)
        if value is None
        else format_vnd(value, locale=locale)
    )


def move_of(position: Hashable, before: Classification, after: Classification) -> Move | None:
    """The move of one household from ``before`` to ``after``; ``None`` if its status stays.

    Both classify the same household (under two standards, two dates, or a reform).
    """
    if before.status is after.status:
        return None
    order = {i: n for n, i in enumerate((*before.standard.indicators, *after.standard.indicators))}
    before_set = before.deprivations_counted
    gained = after.deprivations_counted - before_set
    lost = before_set - after.deprivations_counted
    base_list, reform_list = set(before.standard.indicators), set(after.standard.indicators)

    def ordered(items: set[Deprivation] | frozenset[Deprivation]) -> tuple[Deprivation, ...]:
        return tuple(sorted(items, key=order.__getitem__))

    counted = ordered({i for i in gained if i not in base_list})
    not_counted = ordered({i for i in lost if i not in reform_list})
    assessed = ordered({i for i in gained | lost if i in base_list and i in reform_list})
    income = before.income
    if _UNDETERMINED in (before.status, after.status):
        causes = [MoveCause.UNDETERMINED_INDICATOR]
        if (income <= before.income_line) != (income <= after.income_line):
            causes.append(MoveCause.INCOME_LINE)
        undetermined = ordered(set(before.deciding | after.deciding))
        return Move(position, before, after, _sorted(causes), undetermined=undetermined)
    b, a = _parts(before), _parts(after)
    found: list[MoveCause] = []
    count_moved = False
    for i, cause in enumerate(_PART_CAUSE):
        if b[i] == a[i]:
            continue
        enough = _status(income, _with(b, i, a[i])) is after.status
        needed = _status(income, _with(a, i, b[i])) is not after.status
        if enough or needed:
            if cause is None:
                count_moved = True
            else:
                found.append(cause)
    if not found and not count_moved:
        # Only several parts together move it (no one of them, alone, either way).
        found = [c for i, c in enumerate(_PART_CAUSE) if c is not None and b[i] != a[i]]
        count_moved = b.deprivations != a.deprivations
    if count_moved:
        found += [
            cause
            for cause, items in (
                (MoveCause.INDICATOR_COUNTED, counted),
                (MoveCause.INDICATOR_NOT_COUNTED, not_counted),
                (MoveCause.INDICATOR_ASSESSED, assessed),
            )
            if items
        ]
    else:
        counted = not_counted = assessed = ()
    return Move(position, before, after, _sorted(found), counted, not_counted, assessed)


def _sorted(causes: list[MoveCause]) -> tuple[MoveCause, ...]:
    members = list(MoveCause)
    return tuple(sorted(set(causes), key=members.index))
