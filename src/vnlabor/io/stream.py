"""A table file read in blocks of rows, in bounded memory, for the batch engine.

:func:`open_stream` opens a CSV file (read by :mod:`vnlabor.io.csvfile`, so lines,
encodings, separators and broken lines are handled exactly as the readers handle
them), an ``.xlsx`` sheet, or a Parquet file (pyarrow, extra ``arrow``), and yields
:class:`Block` s of at most ``rows`` rows, each column ready for
:class:`vnlabor.batch.poverty.Engine`. Blank rows are skipped, as the readers skip
them; rows the file reader could not split into cells are passed on with their reason.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from vnlabor._optional import require
from vnlabor.io.table import Table, Unreadable
from vnlabor.table.cells import is_blank
from vnlabor.table.errors import PositionUnit

__all__ = ["BLOCK_ROWS", "Block", "TableStream", "open_stream"]

BLOCK_ROWS: Final = 1 << 16
"""Rows per block: bounds the memory a file of any size needs."""


@dataclass(slots=True)
class Block:
    """Up to :data:`BLOCK_ROWS` rows of a table, by column.

    Attributes:
        positions: Each row's position (CSV line, sheet row, 0-based Parquet row).
        columns: The columns asked for, by index in the header: numpy object arrays
            (CSV, sheets) or pyarrow arrays (Parquet).
        surplus: For a CSV row with more cells than the header (not all blank), the
            readers' reason; ``None`` for the others.
        unreadable: ``(position, reason)`` of the rows in this stretch of the file that
            could not be split into cells (a quote never closed, a byte not UTF-8).
    """

    positions: list[int]
    columns: dict[int, Any]
    surplus: list[str | None] = field(default_factory=list)
    unreadable: list[tuple[int, str]] = field(default_factory=list)

    @property
    def size(self) -> int:
        """Rows with cells."""
        return len(self.positions)


@dataclass(slots=True)
class TableStream:
    """An open table file: its header and how to read it in blocks."""

    header: list[str]
    unit: PositionUnit
    name: str
    _blocks: Any

    def blocks(self, columns: Sequence[int], rows: int = BLOCK_ROWS) -> Iterator[Block]:
        """The table's rows in blocks, with the columns at ``columns`` (header indices)."""
        yield from self._blocks(columns, rows)


def open_stream(
    path: str | os.PathLike[str], *, sheet: str | None = None
) -> AbstractContextManager[TableStream]:
    """Open a CSV, ``.xlsx`` or ``.parquet`` file for reading in blocks.

    Raises:
        OSError: The file cannot be read.
        ValueError: Not a readable table (see :func:`vnlabor.io.records.open_table`).
        ImportError: The format's extra is not installed.
    """
    path = Path(path)
    if path.suffix.lower() == ".parquet":
        if sheet is not None:
            raise ValueError(f"sheet= chỉ dùng cho tệp Excel / sheet= is for Excel files: {path}")
        return _parquet(path)
    return _rows(path, sheet)


@contextmanager
def _rows(path: Path, sheet: str | None) -> Iterator[TableStream]:
    from vnlabor.io.records import open_table

    with open_table(path, sheet=sheet) as table:
        header = ["" if h is None else str(h) for h in table.header]

        def blocks(columns: Sequence[int], rows: int) -> Iterator[Block]:
            yield from _row_blocks(table, len(header), columns, rows)

        yield TableStream(header, table.unit, table.name, blocks)


def _row_blocks(table: Table, width: int, columns: Sequence[int], rows: int) -> Iterator[Block]:
    import numpy as np

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
        surplus: list[str | None] = [None] * len(cells)
        if surplus_width is not None:
            for k, row in enumerate(cells):
                if len(row) > surplus_width and not all(is_blank(c) for c in row[surplus_width:]):
                    surplus[k] = surplus_reason(len(row), surplus_width)
        return Block(list(positions), out, surplus, list(unreadable))

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


@contextmanager
def _parquet(path: Path) -> Iterator[TableStream]:
    require("pyarrow", "arrow", "Parquet")
    pq: Any = require("pyarrow.parquet", "arrow", "Parquet")
    try:
        handle = pq.ParquetFile(path)
    except Exception as exc:
        if isinstance(exc, OSError) and not path.exists():
            raise
        raise ValueError(
            f"không đọc được tệp Parquet / cannot read Parquet file {path}: {exc}"
        ) from None
    header = list(handle.schema_arrow.names)

    def blocks(columns: Sequence[int], rows: int) -> Iterator[Block]:
        start = 0
        names = [header[i] for i in columns]
        for batch in handle.iter_batches(batch_size=rows, columns=sorted(set(names))):
            n = batch.num_rows
            cols = {i: batch.column(batch.schema.get_field_index(header[i])) for i in columns}
            yield Block(list(range(start, start + n)), cols, [None] * n, [])
            start += n

    try:
        yield TableStream(header, "index", path.name, blocks)
    finally:
        handle.close()
