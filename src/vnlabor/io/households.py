"""Read household tables (CSV, Excel, DataFrame) into validated households.

Columns (design contract): ``household_id``, ``area`` (``rural``/``urban`` or
``nông thôn``/``thành thị``/``đô thị``), ``monthly_income_per_capita`` (VND;
Vietnamese digit grouping accepted), and either ``deprivations`` (indicator names
separated by ``;``) or one yes/no column per indicator named after it
(``health_insurance``, …, or the indicator's Vietnamese or English label). Headers
may also be the fields' labels (``Thu nhập bình quân đầu người/tháng``), and any other
field of :class:`~vnlabor.model.household.Household` (``size``, ``surveyed_on`` …) is
read when its column is there; other columns are ignored and listed.

An indicator cell is yes for ``x``, ``có``, ``1``, ``true`` (or a spreadsheet's TRUE)
and no for ``không``, ``0``, ``false``, FALSE or an empty cell.

A bad row never stops the table: it is reported as a :class:`~vnlabor.io.RowError`
naming its position (CSV line, header = line 1; sheet row; DataFrame index label) and
the reason, and every good row is kept.

>>> import pandas as pd
>>> frame = pd.DataFrame({
...     "Mã hộ": ["H1", "H2"],
...     "Khu vực": ["nông thôn", "thành thị"],
...     "Thu nhập bình quân đầu người/tháng": ["1.200.000", "-5"],
...     "bảo hiểm y tế": ["x", ""],
...     "nutrition": [True, False],
... })
>>> table = read_households(frame)
>>> [(h.household_id, sorted(h.deprivations)) for h in table.households]
[('H1', [<Deprivation.HEALTH_INSURANCE: 'health_insurance'>, <Deprivation.NUTRITION: 'nutrition'>])]
>>> print(table.errors[0])
index 1: Thu nhập bình quân đầu người/tháng: số tiền không được âm / amount must not be negative: -5
"""

from __future__ import annotations

import functools
import os
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vnlabor.io.cells import CellError, parse_flag
from vnlabor.io.columns import header_key
from vnlabor.io.errors import RowError
from vnlabor.io.reasons import problem
from vnlabor.io.records import RecordTable, read_records, records_from_rows
from vnlabor.io.table import Table
from vnlabor.l10n.labels import LOCALES, label
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.household import Household

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "HouseholdTable",
    "IndicatorColumns",
    "RowError",
    "parse_flag",
    "read_households",
    "read_households_csv",
    "rows_to_households",
]


@dataclass(frozen=True, slots=True)
class HouseholdTable(RecordTable[Household]):
    """Households read from a table, with the position each came from, and the rejected rows.

    A :class:`~vnlabor.io.RecordTable` of households, with the names the household
    readers have always used: :attr:`households` for ``records`` and :attr:`lines`
    for ``rows``.
    """

    @property
    def households(self) -> tuple[Household, ...]:
        """The valid households, in table order."""
        return self.records

    @property
    def lines(self) -> tuple[Hashable, ...]:
        """The position of each household's row (CSV line, sheet row or index label)."""
        return self.rows


@functools.cache
def _indicator_keys() -> Mapping[str, Deprivation]:
    keys: dict[str, Deprivation] = {}
    for member in Deprivation:
        for locale in LOCALES:
            keys[header_key(label(member, locale))] = member
    for member in Deprivation:  # names win over labels
        keys[header_key(member.value)] = member
    return keys


class IndicatorColumns:
    """The household rule for one yes/no column per deprivation indicator.

    A column is an indicator's when its header is the indicator's name (the
    ``Deprivation`` member's value) or its Vietnamese or English label. Such columns
    and a ``deprivations`` cell in the same row contradict each other: the row is
    rejected.
    """

    def claim(self, key: str) -> str | None:
        """The indicator a header key names, if any."""
        member = _indicator_keys().get(key)
        return None if member is None else member.value

    def apply(
        self, cells: Mapping[str, tuple[str, object]], data: dict[str, object]
    ) -> list[tuple[str | None, str]]:
        """Set ``deprivations`` from the indicator cells; report unreadable cells."""
        problems: list[tuple[str | None, str]] = []
        found: list[Deprivation] = []
        for key, (header, cell) in cells.items():
            try:
                if parse_flag(cell):
                    found.append(Deprivation(key))
            except CellError as exc:
                problems.append((key, problem(header, str(exc))))
        if "deprivations" in data:
            problems.append(
                (
                    None,
                    problem(
                        None,
                        "cột deprivations và các cột chỉ số cùng có giá trị / give either a "
                        "deprivations column or indicator columns, not both",
                    ),
                )
            )
        else:
            data["deprivations"] = found
        return problems


_INDICATORS = IndicatorColumns()


def _household_table(table: RecordTable[Household]) -> HouseholdTable:
    return HouseholdTable(
        table.records, table.rows, table.errors, table.ignored_columns, unit=table.unit
    )


def read_households(
    source: str | os.PathLike[str] | pd.DataFrame, *, sheet: str | None = None
) -> HouseholdTable:
    """Read a household table from a CSV file, an ``.xlsx`` workbook or a DataFrame.

    Args:
        source: A path (``.xlsx``/``.xlsm``: workbook; otherwise UTF-8 CSV) or a
            pandas DataFrame.
        sheet: For a workbook, the sheet's name (default: the active sheet).

    Returns:
        The valid households with their positions, the rejected rows, and the
        ignored columns.

    Raises:
        HeaderError: ``area`` or ``monthly_income_per_capita`` has no column, or a
            field or indicator is given by two columns (before any row is read).
        ImportError: A workbook without openpyxl (``pip install "vnlabor[excel]"``).
        OSError: The file cannot be read.
        ValueError: Not UTF-8 text, no such sheet, ``sheet`` for a CSV file.
    """
    return _household_table(read_records(source, Household, sheet=sheet))


def read_households_csv(path: str | Path) -> HouseholdTable:
    """Read a household CSV file (UTF-8, with or without BOM); see :func:`read_households`."""
    return read_households(Path(path))


def rows_to_households(rows: Iterable[dict[str, str]], first_line: int = 2) -> HouseholdTable:
    """Validate dict rows (e.g. from :class:`csv.DictReader`) into households.

    Each row is read by its own keys; a row without ``area`` or
    ``monthly_income_per_capita`` is rejected (not the whole input). Rows are numbered
    from ``first_line`` on.
    """
    records: list[Household] = []
    positions: list[Hashable] = []
    errors: list[RowError] = []
    ignored: dict[str, None] = {}
    for line, row in enumerate(rows, first_line):
        keys = [k for k in row if k is not None]
        one = records_from_rows(
            Table(keys, [(line, [row[k] for k in keys])], "line", "rows"),
            Household,
            extra=_INDICATORS,
            require=False,
        )
        records += one.records
        positions += one.rows
        errors += one.errors
        ignored.update(dict.fromkeys(one.ignored_columns))
    return HouseholdTable(tuple(records), tuple(positions), tuple(errors), tuple(ignored))
