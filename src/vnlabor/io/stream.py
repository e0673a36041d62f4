"""A table file read in blocks of rows, in bounded memory, for the batch engine.

:func:`open_stream` opens a CSV file (lines, encodings, separators and broken lines
handled exactly as :mod:`vnlabor.io.csvfile` handles them for the readers), an
``.xlsx`` sheet, or a Parquet file (pyarrow, extra ``arrow``), and yields
:class:`Block` s of rows, each column ready for :class:`vnlabor.batch.poverty.Engine`.
Blank rows are skipped, as the readers skip them; rows the file reader could not split
into cells are passed on with their reason.

A UTF-8 CSV file is read fast when pyarrow is installed: the file is cut into blocks of
a few megabytes at line ends outside quoted cells, and pyarrow splits each block into
text cells. A block is taken only if it is *clean*: every line a row of exactly the
header's width, valid UTF-8, no cell longer than the readers' limit, the rows' lines
adding up to the block's. Any other block (a stray byte, a quote never closed, a short
row, a long cell…) is read by the readers' own tokenizer instead, so the cells, their
lines and the reasons are the readers' in every case.
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
    path: str | os.PathLike[str], *, sheet: str | None = None, fast: bool = True
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
    if fast and sheet is None and path.suffix.lower() not in (".xlsx", ".xlsm", ".xls"):
        stream = _fast_csv(path)
        if stream is not None:
            return stream
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


# --- CSV through pyarrow -------------------------------------------------------------------

_BLOCK_BYTES: Final = 1 << 22  # 4 MiB of CSV a block (about 80,000 household rows)
_MAX_CARRY: Final = 1 << 26  # a "line" this long is no table: the readers' tokenizer reads on


def _fast_csv(path: Path) -> AbstractContextManager[TableStream] | None:
    """The fast reader of a UTF-8 CSV file, or ``None`` where it does not apply."""
    try:
        import pyarrow
        import pyarrow.csv  # noqa: F401
    except ImportError:
        return None
    from vnlabor.io.csvfile import sniff_csv

    found = sniff_csv(path)  # raises as the readers do for another encoding
    if found.encoding not in ("utf-8", "utf-8-sig"):
        return None
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    start = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    end = head.find(b"\n", start)
    first = head[start : end if end >= 0 else len(head)].rstrip(b"\r")
    if end < 0 or b'"' in first or b"\r" in first or not first.strip():
        return None  # a header the readers' tokenizer must read (quoted, blank first line)
    try:
        header = first.decode("utf-8").split(found.delimiter)
    except UnicodeDecodeError:
        return None
    return _fast_stream(path, header, found.delimiter, end + 1)


@contextmanager
def _fast_stream(
    path: Path, header: list[str], delimiter: str, data_start: int
) -> Iterator[TableStream]:
    def blocks(columns: Sequence[int], rows: int) -> Iterator[Block]:
        yield from _fast_blocks(path, header, delimiter, data_start, columns, rows)

    yield TableStream(header, "line", path.name, blocks)


def _cut(data: bytes) -> int:
    """The end of the last line of ``data`` outside a quoted cell (``-1``: none)."""
    quotes = data.count(b'"')
    end = len(data)
    pos = data.rfind(b"\n")
    while pos >= 0:
        quotes -= data.count(b'"', pos + 1, end)
        end = pos + 1
        if quotes % 2 == 0:
            return pos + 1
        pos = data.rfind(b"\n", 0, pos)
    return -1


def _lines_in(data: bytes) -> int:
    """Physical lines ``data`` moves on by (as Python's universal newlines count them)."""
    if b"\r" not in data:
        return data.count(b"\n")
    return data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n")


def _fast_blocks(
    path: Path,
    header: list[str],
    delimiter: str,
    data_start: int,
    columns: Sequence[int],
    rows: int,
) -> Iterator[Block]:
    """Clean blocks through pyarrow; from the first other one on, the readers' tokenizer.

    A block that is not clean may have been cut at a wrong place (a stray quote throws
    the count of quotes off), so the exact tokenizer reads from its start to the end of
    the file: its start is a true row boundary, the end of the last clean block.
    """
    line = 2
    offset = data_start
    carry = b""
    with path.open("rb") as handle:
        handle.seek(data_start)
        while True:
            chunk = handle.read(_BLOCK_BYTES)
            data = carry + chunk
            if not chunk:
                cut = len(data)
            else:
                cut = _cut(data)
                if cut <= 0:
                    carry = data
                    if len(carry) <= _MAX_CARRY:
                        continue
                    cut = -1  # a quote that never closes: the tokenizer reads on
            block = data[:cut] if cut > 0 else b""
            lines = _lines_in(block)
            fast = (
                _arrow_block(block, line, len(header), delimiter, columns, lines) if block else None
            )
            if fast is None and (block or cut < 0):
                yield from _exact_rest(path, offset, line, header, delimiter, columns, rows)
                return
            if fast is not None:
                yield fast
            if not chunk:
                return
            carry = data[cut:]
            offset += cut
            line += lines


def _exact_rest(
    path: Path,
    offset: int,
    line: int,
    header: list[str],
    delimiter: str,
    columns: Sequence[int],
    rows: int,
) -> Iterator[Block]:
    """The file from byte ``offset`` (line ``line``) on, read by the readers' tokenizer."""
    import io

    from vnlabor.io.csvfile import csv_rows

    with path.open("rb") as raw:
        raw.seek(offset)
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")
        table = Table(header, csv_rows(text, delimiter, first_line=line), "line", path.name)
        yield from _row_blocks(table, len(header), columns, rows)


def _arrow_block(
    data: bytes,
    line: int,
    width: int,
    delimiter: str,
    columns: Sequence[int],
    lines: int | None = None,
) -> Block | None:
    """``data`` split into cells by pyarrow, or ``None`` if it is not a clean block."""
    import csv

    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    if b"\r" in data and data.count(b"\r") != data.count(b"\r\n"):
        return None  # a lone carriage return: the tokenizer counts it as a line break
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None  # a byte that is not UTF-8: the tokenizer rejects just its row
    names = [f"c{i}" for i in range(width)]
    invalid: list[int] = []

    def on_invalid(row: Any) -> str:
        invalid.append(1)
        return "skip"

    try:
        table = pacsv.read_csv(
            pa.py_buffer(data),
            read_options=pacsv.ReadOptions(column_names=names),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                newlines_in_values=True,
                ignore_empty_lines=False,
                invalid_row_handler=on_invalid,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.string() for n in names},
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeDecodeError):
        return None
    if invalid:
        return None
    n = table.num_rows
    physical = (_lines_in(data) if lines is None else lines) + (
        0 if data.endswith((b"\n", b"\r")) else 1
    )
    inner = np.zeros(n, dtype=np.int64)
    if n != physical:
        for col in table.columns:
            inner += pc.count_substring(col, "\n").to_numpy(zero_copy_only=False)
        if n + int(inner.sum()) != physical:
            return None
    limit = csv.field_size_limit()
    filled = np.zeros(n, dtype=np.bool_)
    for col in table.columns:
        longest = pc.max(pc.utf8_length(col)).as_py()
        if longest is not None and longest > limit:
            return None
        trimmed = pc.utf8_length(pc.utf8_trim_whitespace(col))
        filled |= pc.greater(trimmed, 0).to_numpy(zero_copy_only=False)
    starts = line + np.arange(n, dtype=np.int64) + np.concatenate(([0], np.cumsum(inner)[:-1]))
    keep = np.flatnonzero(filled)
    if keep.size < n:  # blank rows are skipped, as the readers skip them
        table = table.take(pa.array(keep))
        starts = starts[keep]
    cols = {i: table.column(i).combine_chunks() for i in columns}
    return Block(starts.tolist(), cols, [None] * int(keep.size), [])
