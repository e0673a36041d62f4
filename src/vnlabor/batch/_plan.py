"""Which column of a household table gives what, matched as the readers match it.

The header is matched by the contract (:func:`vnlabor.table.headers.match_columns`,
with the household rule's indicator columns), once per table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from vnlabor.model.deprivation import Deprivation
from vnlabor.model.household import Household
from vnlabor.table.headers import UnknownColumns, match_columns
from vnlabor.table.households import IndicatorColumns, indicator_names

__all__ = ["AREA", "DEPRIVATIONS", "HOUSEHOLD_ID", "INCOME", "Col", "Plan", "plan"]

AREA: Final = "area"
INCOME: Final = "monthly_income_per_capita"
DEPRIVATIONS: Final = "deprivations"
HOUSEHOLD_ID: Final = "household_id"


@dataclass(frozen=True, slots=True)
class Col:
    """One column of the table: where it is, what it is called, what it gives."""

    index: int
    header: str
    key: str  # the field name, or the indicator's name


@dataclass(frozen=True, slots=True)
class Plan:
    """The table's columns as the household contract reads them."""

    area: Col
    income: Col
    deprivations: Col | None
    indicators: tuple[tuple[Col, Deprivation], ...]
    others: tuple[Col, ...]
    household_id: Col | None
    ignored: tuple[str, ...]
    ignored_at: tuple[int, ...] = ()

    @property
    def columns(self) -> list[Col]:
        """Every column read, in header order."""
        cols = [self.area, self.income, *(c for c, _ in self.indicators), *self.others]
        if self.deprivations is not None:
            cols.append(self.deprivations)
        if self.household_id is not None:
            cols.append(self.household_id)
        return sorted(cols, key=lambda c: c.index)


def plan(header: Sequence[str], unknown: UnknownColumns, source: str) -> Plan:
    """Match ``header`` to the household columns, as the readers do.

    Raises:
        HeaderError: A required column is missing, a field is given twice, or a
            column looks like a mistyped name.
    """
    rule = IndicatorColumns()
    match = match_columns(
        header,
        Household,
        claim=rule.claim,
        extra_names=indicator_names(),
        source=source,
        unknown=unknown,
    )
    by_field = {name: Col(i, match.headers[name], name) for i, name in match.fields}
    indicators = tuple(
        (Col(i, match.headers[key], key), Deprivation(key)) for i, key in match.extra
    )
    special = {AREA, INCOME, DEPRIVATIONS, HOUSEHOLD_ID}
    return Plan(
        area=by_field[AREA],
        income=by_field[INCOME],
        deprivations=by_field.get(DEPRIVATIONS),
        indicators=indicators,
        others=tuple(c for name, c in by_field.items() if name not in special),
        household_id=by_field.get(HOUSEHOLD_ID),
        ignored=match.ignored,
        ignored_at=tuple(
            i
            for i, h in enumerate(header)
            if h is not None
            and str(h).strip()
            and i not in {c.index for c in by_field.values()}
            and i not in {c.index for c, _ in indicators}
        ),
    )
