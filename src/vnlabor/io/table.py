"""A table as the readers see it: header cells, then positioned rows of cells.

CSV files, Excel sheets and DataFrames are all opened as a :class:`Table`, so one
engine (:func:`vnlabor.io.records.records_from_rows`) reads them all alike.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from vnlabor.table.cells import is_blank
from vnlabor.table.errors import PositionUnit

__all__ = ["Row", "Table", "Unreadable", "split_header"]


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A row the file reader could not split into cells, and why (a broken line of CSV).

    Readers report it as a bad row at its position, like a row with a bad cell.
    """

    reason: str


Row = tuple[Hashable, "Sequence[object] | Unreadable"]
"""A row: its position (line, sheet row or index label) and its cells (or why it has none)."""


class Table(NamedTuple):
    """Header cells and positioned rows of one table.

    Attributes:
        header: The header cells, in column order.
        rows: ``(position, cells)`` for each row after the header, read lazily.
        unit: How positions count (``"line"``, ``"row"`` or ``"index"``).
        name: What to call the table in messages (e.g. the file name).
    """

    header: Sequence[object]
    rows: Iterable[Row]
    unit: PositionUnit
    name: str


def split_header(rows: Iterator[Row]) -> tuple[Sequence[object], Iterator[Row]]:
    """The first non-blank row's cells (the header), and the rows after it.

    >>> header, rest = split_header(iter([(1, ["", None]), (2, ["a", "b"]), (3, [1, 2])]))
    >>> header, list(rest)
    (['a', 'b'], [(3, [1, 2])])
    """
    for _, cells in rows:
        if isinstance(cells, Unreadable):
            continue  # no header in it: the header is the first readable row
        if not all(is_blank(cell) for cell in cells):
            return cells, rows
    return (), rows
