"""A table file read in blocks of rows, in bounded memory, for the batch engine.

:func:`open_stream` opens a CSV file (lines, encodings, separators and broken lines
handled exactly as :mod:`vnlabor.io.csvfile` handles them for the readers), an
``.xlsx`` sheet, or a Parquet file (pyarrow, extra ``arrow``), and yields
:class:`~vnlabor.io.blocks.Block` s of rows, each column ready for
:class:`vnlabor.batch.poverty.Engine`. Blank rows are skipped, as the readers skip
them; rows the file reader could not split into cells are passed on with their reason.
A UTF-8 CSV file is read by pyarrow where it can be (:mod:`vnlabor.io.csvblocks`), with
the same cells, lines and reasons.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from vnlabor._optional import require
from vnlabor.io import csvblocks
from vnlabor.io.blocks import BLOCK_ROWS, Block, TableStream, row_blocks

__all__ = ["BLOCK_ROWS", "Block", "TableStream", "open_stream"]


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
        stream = csvblocks.open_csv_blocks(path)
        if stream is not None:
            return stream
    return _rows(path, sheet)


@contextmanager
def _rows(path: Path, sheet: str | None) -> Iterator[TableStream]:
    from vnlabor.io.records import open_table

    with open_table(path, sheet=sheet) as table:
        header = ["" if h is None else str(h) for h in table.header]

        def blocks(columns: Sequence[int], rows: int, coded: object) -> Iterator[Block]:
            yield from row_blocks(table, len(header), columns, rows)

        yield TableStream(header, table.unit, table.name, blocks)


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

    def blocks(columns: Sequence[int], rows: int, coded: object) -> Iterator[Block]:
        start = 0
        names = [header[i] for i in columns]
        for batch in handle.iter_batches(batch_size=rows, columns=sorted(set(names))):
            n = batch.num_rows
            cols = {i: batch.column(batch.schema.get_field_index(header[i])) for i in columns}
            yield Block(np.arange(start, start + n, dtype=np.int64), cols)
            start += n

    try:
        yield TableStream(header, "index", path.name, blocks)
    finally:
        handle.close()
