"""Tables seen as columns in header order, read in chunks of rows without copying them.

A table is a pandas DataFrame, a pyarrow Table or RecordBatch, or a mapping of column
name to array-like (numpy array, list, pandas Series, pyarrow array). Each column is
resolved once to what its chunks are cut from: a numpy array (a pandas column of a
numpy dtype, without copying it), a pyarrow array (Arrow tables, and pandas columns
backed by Arrow, such as pandas' default text), or the pandas Series itself (other
pandas extension types); a chunk is then a slice of it.

pandas and pyarrow are never imported here; a table is recognised as theirs only when
the caller's program has already imported them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from typing import Any

import numpy as np

from vnlabor.batch._columns import (
    Column,
    arrow_backed,
    arrow_module,
    is_arrow,
    is_series,
    one_array,
    pandas_module,
)
from vnlabor.table.cells import plain

__all__ = ["Source", "is_pandas_frame", "open_table"]


class Source:
    """A table seen as columns in header order, read ``size`` rows at a time."""

    header: list[str]
    """The column names, in order (non-text labels as text)."""
    n_rows: int
    """Number of rows."""

    def chunks(self, columns: Sequence[int], size: int) -> Iterator[tuple[int, dict[int, Column]]]:
        """Yield ``(first row, {column index: column chunk})`` for consecutive row ranges."""
        raise NotImplementedError

    def index_labels(self, rows: Any) -> list[Any] | None:
        """The index labels of ``rows`` (a DataFrame's), or ``None`` for a plain table."""
        return None


def _sliceable(col: Any) -> Any:
    """What a column's chunks are cut from: a numpy array, a pyarrow array or a Series."""
    if is_series(col):
        if isinstance(col.dtype, np.dtype) and col.dtype.kind in "biufO":
            return col.to_numpy()  # the Series' own array, not a copy
        pa = arrow_module()
        if pa is not None and arrow_backed(col):
            return pa.array(col)  # the Series' own buffers
        return col
    if is_arrow(col):
        return col
    return _array(col)


def _slice(col: Any, start: int, size: int) -> Column:
    if is_series(col):
        return col.iloc[start : start + size]
    if is_arrow(col):
        return one_array(col.slice(start, size))
    return col[start : start + size]


class _ColumnsSource(Source):
    """Columns resolved once (:func:`_sliceable`), sliced chunk by chunk."""

    def __init__(self, header: list[str], n_rows: int, column: Any) -> None:
        self.header = header
        self.n_rows = n_rows
        self._column = column  # index -> the column as given

    def chunks(self, columns: Sequence[int], size: int) -> Iterator[tuple[int, dict[int, Column]]]:
        cols = {i: _sliceable(self._column(i)) for i in columns}
        for start in range(0, self.n_rows, size):
            yield start, {i: _slice(col, start, size) for i, col in cols.items()}


class _PandasSource(_ColumnsSource):
    def __init__(self, frame: Any) -> None:
        self.frame = frame
        super().__init__([str(c) for c in frame.columns], len(frame), lambda i: frame.iloc[:, i])

    def index_labels(self, rows: Any) -> list[Any] | None:
        pd = pandas_module()
        index = self.frame.index
        if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
            return None
        return [plain(index[int(r)]) for r in rows]


class _ArrowSource(Source):
    def __init__(self, table: Any) -> None:
        pa = arrow_module()
        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        self.table = table
        self.header = list(table.schema.names)
        self.n_rows = table.num_rows

    def chunks(self, columns: Sequence[int], size: int) -> Iterator[tuple[int, dict[int, Column]]]:
        table = self.table.select(list(columns))  # the other columns are never touched
        for start in range(0, self.n_rows, size):
            piece = table.slice(start, size)  # zero-copy
            yield start, {i: one_array(piece.column(j)) for j, i in enumerate(columns)}


class _MappingSource(_ColumnsSource):
    def __init__(self, columns: Mapping[str, Any]) -> None:
        given: list[Any] = [
            col if is_series(col) or is_arrow(col) else _array(col) for col in columns.values()
        ]
        header = [str(name) for name in columns]
        lengths = {name: len(col) for name, col in zip(header, given, strict=True)}
        if len(set(lengths.values())) > 1:
            shown = ", ".join(f"{k!r}: {v}" for k, v in lengths.items())
            raise ValueError(f"các cột dài khác nhau / columns differ in length ({shown})")
        super().__init__(header, next(iter(lengths.values()), 0), given.__getitem__)


def _array(col: Any) -> Any:
    """A list as a numpy array; mixed or ragged content as an object array."""
    try:
        values = np.asarray(col)
    except ValueError:  # ragged (lists of different lengths)
        values = np.empty(len(col), dtype=object)
        values[:] = list(col)
    if values.ndim != 1:
        flat = np.empty(len(col), dtype=object)
        flat[:] = list(col)
        return flat
    return values


def is_pandas_frame(table: object) -> bool:
    """Whether ``table`` is a pandas DataFrame (without importing pandas)."""
    pd = pandas_module()
    return pd is not None and isinstance(table, pd.DataFrame)


def open_table(table: object) -> Source:
    """Wrap a DataFrame, pyarrow Table/RecordBatch or mapping of columns.

    Raises:
        TypeError: ``table`` is none of these.
    """
    if is_pandas_frame(table):
        return _PandasSource(table)
    pa = arrow_module()
    if pa is not None and isinstance(table, pa.Table | pa.RecordBatch):
        return _ArrowSource(table)
    if isinstance(table, Mapping):
        return _MappingSource(table)
    raise TypeError(
        "cần một bảng / expected a pandas DataFrame, a pyarrow Table or RecordBatch, or a "
        f"mapping of column name to array, not {type(table).__name__}"
    )
