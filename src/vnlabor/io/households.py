"""Read household tables (CSV, Excel, DataFrame) into validated households.

The columns, and what their cells mean, are the household table contract of
:mod:`vnlabor.table.households` (shared with :func:`vnlabor.batch.classify` and the
``vnlabor classify`` command): ``household_id``, ``area``, ``monthly_income_per_capita``
and either ``deprivations`` (indicator names separated by ``;``) or one yes/no column
per indicator, each headed by its name or its Vietnamese or English label, with or
without diacritics; any other field of :class:`~vnlabor.model.household.Household`
(``size``, ``surveyed_on`` …) is read when its column is there. An empty indicator
cell states nothing: the indicator is unknown (``unknown_indicators``); a repeated
``household_id`` is a bad row.

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

import os
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from vnlabor.io.records import RecordTable, read_records, records_from_rows
from vnlabor.io.table import Table
from vnlabor.model.household import Household
from vnlabor.table.cells import parse_flag
from vnlabor.table.errors import RowError
from vnlabor.table.headers import UnknownColumns
from vnlabor.table.households import IndicatorColumns

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


def _household_table(table: RecordTable[Household]) -> HouseholdTable:
    return HouseholdTable(
        table.records, table.rows, table.errors, table.ignored_columns, unit=table.unit
    )


def read_households(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    sheet: str | None = None,
    unknown_columns: UnknownColumns = "error",
) -> HouseholdTable:
    """Read a household table from a CSV file, an ``.xlsx`` workbook or a DataFrame.

    Args:
        source: A path (``.xlsx``/``.xlsm``: workbook; otherwise UTF-8 CSV) or a
            pandas DataFrame.
        sheet: For a workbook, the sheet's name (default: the active sheet).
        unknown_columns: ``"error"`` (default): a column close to a field's or an
            indicator's name that no other column gives (``nutriton``) is an error;
            ``"ignore"``: it is ignored and listed.

    Returns:
        The valid households with their positions, the rejected rows, and the
        ignored columns.

    Raises:
        HeaderError: ``area`` or ``monthly_income_per_capita`` has no column, a field
            or indicator is given by two columns, or a column looks like a mistyped
            name (before any row is read).
        ImportError: A workbook without openpyxl (``pip install "vnlabor[excel]"``).
        OSError: The file cannot be read.
        ValueError: A CSV file in an encoding vnlabor does not read (the message
            names the ones it does), no such sheet, ``sheet`` for a CSV file.
    """
    return _household_table(
        read_records(source, Household, sheet=sheet, unknown_columns=unknown_columns)
    )


def read_households_csv(path: str | Path) -> HouseholdTable:
    """Read a household CSV file (UTF-8, with or without BOM); see :func:`read_households`."""
    return read_households(Path(path))


def rows_to_households(rows: Iterable[dict[str, str]], first_line: int = 2) -> HouseholdTable:
    """Validate dict rows (e.g. from :class:`csv.DictReader`) into households.

    Each row is read by its own keys; a row without ``area`` or
    ``monthly_income_per_capita`` is rejected (not the whole input). Rows are numbered
    from ``first_line`` on. Keys that name nothing are ignored and listed (rows from a
    program have no header to mistype).
    """
    records: list[Household] = []
    positions: list[Hashable] = []
    errors: list[RowError] = []
    ignored: dict[str, None] = {}
    rule = IndicatorColumns()  # one for all rows: a repeated household_id is a bad row
    for line, row in enumerate(rows, first_line):
        keys = [k for k in row if k is not None]
        one = records_from_rows(
            Table(keys, [(line, [row[k] for k in keys])], "line", "rows"),
            Household,
            extra=rule,
            require=False,
            unknown_columns="ignore",
        )
        records += one.records
        positions += one.rows
        errors += one.errors
        ignored.update(dict.fromkeys(one.ignored_columns))
    return HouseholdTable(tuple(records), tuple(positions), tuple(errors), tuple(ignored))
