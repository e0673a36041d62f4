"""Rows of a table file in blocks, by column: what :mod:`vnlabor.io.stream` yields.

A :class:`TableStream` is an open file's header and its rows in :class:`Block` s of
bounded size, each column ready for :class:`vnlabor.batch.poverty.Engine`. Rows read by
the readers' own tokenizer (a :class:`~vnlabor.io.table.Table`) become blocks through
:func:`row_blocks`: blank rows skipped, as the readers skip them; rows the tokenizer
could not split into cells passed on with their reason.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from vnlabor.io.table import Table, Unreadable
from vnlabor.table.cells import is_blank
from vnlabor.table.errors import PositionUnit

__all__ = ["BLOCK_ROWS", "Block", "TableStream", "row_blocks"]

BLOCK_ROWS: Final = 1 << 16
"""Rows per block: bounds the memory a file of any size needs."""


@dataclass(slots=True)
class Block:
    """Rows of a table, by column.

    Attributes:
        positions: Each row's position (CSV line, sheet row, 0-based Parquet row).
        columns: The columns asked for, by index in the header: numpy object arrays
            (rows read by the readers' tokenizer, sheets) or pyarrow arrays (clean CSV
            blocks, Parquet).
        surplus: The rows (by index in the block) of a CSV file with more cells than
            the header (not all blank), with the readers' reason.
        unreadable: ``(position, reason)`` of the rows in this stretch of the file that
            could not be split into cells (a quote never closed, a byte not UTF-8).
    """

    positions: NDArray[np.int64]
    columns: dict[int, Any]
    surplus: dict[int, str] = field(default_factory=dict)
    unreadable: list[tuple[int, str]] = field(default_factory=list)

    @property
    def size(self) -> int:
        """Rows with cells."""
        return int(self.positions.shape[0])


@dataclass(slots=True)
class TableStream:
    """An open table file: its header and how to read it in blocks."""

    header: list[str]
    unit: PositionUnit
    name: str
    _blocks: Any

    def blocks(
        self, columns: Sequence[int], rows: int = BLOCK_ROWS, *, coded: Collection[int] = ()
    ) -> Iterator[Block]:
        """The table's rows in blocks, with the columns at ``columns`` (header indices).

        ``coded``: columns of a few distinct values (areas, yes/no words), which a reader
        that can may hand over dictionary-encoded (a pyarrow DictionaryArray).
        """
        yield from self._blocks(columns, rows, coded)


def row_blocks(table: Table, width: int, columns: Sequence[int], rows: int) -> Iterator[Block]:
    """Rows of ``table`` (the readers' tokenizer) in blocks of ``rows``, blank ones skipped."""
    from vnlabor.io.records import surplus_reason

    surplus_width = width if table.unit == "line" else None
    positions: list[int] = []
    cells: list[Sequence[object]] = []
    unreadable: list[tuple[int, str]] = []

    def block() -> Block:
        out: dict[int, Any] = {}
        for i in columns:
            col = np.empty(len(cells), dtype=object)
            col[:] = [row[i] if i < len(row) else None for row in cells]
            out[i] = col
        surplus: dict[int, str] = {}
        if surplus_width is not None:
            for k, row in enumerate(cells):
                if len(row) > surplus_width and not all(is_blank(c) for c in row[surplus_width:]):
                    surplus[k] = surplus_reason(len(row), surplus_width)
        return Block(np.array(positions, dtype=np.int64), out, surplus, list(unreadable))

    for position, row in table.rows:
        if isinstance(row, Unreadable):
            unreadable.append((int(position), row.reason))  # type: ignore[call-overload]
            continue
        if _blank(row):
            continue
        positions.append(int(position))  # type: ignore[call-overload]
        cells.append(row)
        if len(cells) >= rows:
            yield block()
            positions.clear()
            cells.clear()
            unreadable.clear()
    if cells or unreadable:
        yield block()


def _blank(row: Sequence[object]) -> bool:
    try:
        return not "".join(row).strip()  # type: ignore[arg-type]  # CSV cells: all text
    except TypeError:
        return all(is_blank(c) for c in row)
