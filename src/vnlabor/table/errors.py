"""What a table reader or the batch engine reports: a rejected row, or a header it cannot read.

A bad row never stops a table: it becomes a :class:`RowError` saying where the row is
(the *position*: a CSV line, a sheet row or a DataFrame index label) and why it was
rejected, and every good row is kept. A header that lacks a required column, or gives
the same field twice, makes the whole table unreadable: :class:`HeaderError` is raised
before any row is read (it lives with the library's other errors in
:mod:`vnlabor.errors`).

>>> str(RowError(3, None, "khu vực / area: thiếu giá trị / value missing"))
'line 3: khu vực / area: thiếu giá trị / value missing'
>>> str(RowError(7, "H7", "…", unit="row"))
'row 7: …'
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import Literal

from vnlabor.errors import HeaderError

__all__ = ["HeaderError", "PositionUnit", "RowError"]

PositionUnit = Literal["line", "row", "index"]
"""How a row's position is counted: ``"line"`` (physical line of a CSV file, header =
line 1), ``"row"`` (row number of a spreadsheet) or ``"index"`` (DataFrame index label)."""


@dataclass(frozen=True, slots=True)
class RowError:
    """A rejected row: where it is in the source, and why.

    Attributes:
        line: The row's position: a CSV file's physical line (header = line 1), a
            sheet's row number, or a DataFrame's index label (see ``unit``).
        household_id: The row's ``household_id`` cell when the table has that column
            (``None`` otherwise); shaped like a citizen ID, it is kept masked.
        reason: Bilingual (Vietnamese / English) reason naming each faulty column and,
            unless the column holds personal data, the value it held.
        unit: ``"line"``, ``"row"`` or ``"index"``: how ``line`` counts.
        position: The row's 0-based position in the table (as ``iloc`` counts), where
            the reader knows it: the batch engine always gives it; for a DataFrame
            ``line`` is then the line the row would have in a CSV file written from it
            (header = line 1, so ``position + 2``).
    """

    line: Hashable
    household_id: str | None
    reason: str
    unit: PositionUnit = "line"
    position: int | None = None

    def __str__(self) -> str:
        return f"{self.unit} {self.line}: {self.reason}"
