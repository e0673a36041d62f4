"""Household tables read column by column, in bounded chunks, without a per-row loop.

A table is a pandas DataFrame, a pyarrow Table or RecordBatch, or a mapping of column
name to array-like (numpy array, list, pandas Series, pyarrow array). It is read in
chunks of rows; every column chunk is turned into numpy arrays by whole-array
operations. Text columns (area, deprivations) are *factorised*: each distinct value is
parsed once by the scalar path's own helpers, and the rows take the result by code.

Columns of Python objects (numpy/pandas ``object`` dtype: mixed types, ``None`` among
numbers) already hold one object per cell; they are checked cell by cell with
``numpy.frompyfunc``, the slow path. Typed columns (integers, floats, booleans, pandas
``string``/``category``, Arrow types) never are.

What a cell means, and why a bad one is rejected, is the table contract's
(:mod:`vnlabor.table`): this module only moves columns around.

pandas and pyarrow are never imported here; a column is recognised as theirs only when
the caller's program has already imported them.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from vnlabor.table.cells import is_blank

__all__ = [
    "Column",
    "Source",
    "factorize",
    "is_pandas_frame",
    "open_table",
    "to_numpy",
]

Column = Any
"""One chunk of one column: a numpy array, a pandas Series or a pyarrow Array."""

_INT64_MAX: Final = int(np.iinfo(np.int64).max)


def _pandas() -> Any:
    return sys.modules.get("pandas")


def _arrow() -> Any:
    return sys.modules.get("pyarrow")


def _is_series(col: object) -> bool:
    pd = _pandas()
    return pd is not None and isinstance(col, pd.Series)


def _is_arrow(col: object) -> bool:
    pa = _arrow()
    return pa is not None and isinstance(col, pa.Array | pa.ChunkedArray)


# --- tables -----------------------------------------------------------------------------


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

    def note(self, row: int) -> str:
        """What identifies row ``row`` besides its position (household id, index label)."""
        return ""


def _plain(value: object) -> object:
    return value.item() if isinstance(value, np.generic) else value


class _PandasSource(Source):
    def __init__(self, frame: Any) -> None:
        self.frame = frame
        self.header = [str(c) for c in frame.columns]
        self.n_rows = len(frame)

    def chunks(self, columns: Sequence[int], size: int) -> Iterator[tuple[int, dict[int, Column]]]:
        cols = {i: self.frame.iloc[:, i] for i in columns}
        for start in range(0, self.n_rows, size):
            yield start, {i: col.iloc[start : start + size] for i, col in cols.items()}

    def index_labels(self, rows: Any) -> list[Any] | None:
        pd = _pandas()
        index = self.frame.index
        if isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1:
            return None
        return [_plain(index[int(r)]) for r in rows]


def _one_array(chunked: Any) -> Any:
    """A pyarrow ChunkedArray (or Array) as one Array, copying only if it has pieces."""
    pa = _arrow()
    if isinstance(chunked, pa.Array):
        return chunked
    if chunked.num_chunks == 1:
        return chunked.chunk(0)
    if chunked.num_chunks == 0:
        return pa.array([], type=chunked.type)
    if pa.types.is_dictionary(chunked.type):  # pieces may have different dictionaries
        chunked = chunked.cast(chunked.type.value_type)
    return chunked.combine_chunks()


class _ArrowSource(Source):
    def __init__(self, table: Any) -> None:
        pa = _arrow()
        if isinstance(table, pa.RecordBatch):
            table = pa.Table.from_batches([table])
        self.table = table
        self.header = list(table.schema.names)
        self.n_rows = table.num_rows

    def chunks(self, columns: Sequence[int], size: int) -> Iterator[tuple[int, dict[int, Column]]]:
        table = self.table.select(list(columns))  # the other columns are never touched
        for start in range(0, self.n_rows, size):
            piece = table.slice(start, size)  # zero-copy
            yield start, {i: _one_array(piece.column(j)) for j, i in enumerate(columns)}


class _MappingSource(Source):
    def __init__(self, columns: Mapping[str, Any]) -> None:
        self.columns: list[Any] = [
            col if _is_series(col) or _is_arrow(col) else _array(col) for col in columns.values()
        ]
        self.header = [str(name) for name in columns]
        lengths = {name: len(col) for name, col in zip(self.header, self.columns, strict=True)}
        if len(set(lengths.values())) > 1:
            shown = ", ".join(f"{k!r}: {v}" for k, v in lengths.items())
            raise ValueError(f"các cột dài khác nhau / columns differ in length ({shown})")
        self.n_rows = next(iter(lengths.values()), 0)

    def chunks(self, columns: Sequence[int], size: int) -> Iterator[tuple[int, dict[int, Column]]]:
        cols = {i: self.columns[i] for i in columns}
        for start in range(0, self.n_rows, size):
            yield start, {i: _slice(col, start, size) for i, col in cols.items()}


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


def _slice(col: Any, start: int, size: int) -> Column:
    if _is_series(col):
        return col.iloc[start : start + size]
    if _is_arrow(col):
        return _one_array(col.slice(start, size))
    return col[start : start + size]


def arrow_text(col: Column) -> Any:
    """A column chunk as a pyarrow string array, if it is one (else ``None``).

    A pandas column of Arrow-backed text (pandas' default string type with pyarrow
    installed) counts too: pyarrow reads its buffers without copying the text.
    """
    pa = _arrow()
    if pa is None:
        return None
    if _is_series(col) and "pyarrow" in str(getattr(col.dtype, "storage", "")):
        arr = pa.array(col)  # missing cells come as nulls
        return arr if pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type) else None
    if not _is_arrow(col):
        return None
    arr = _one_array(col)
    if pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type):
        return arr
    return None


def is_pandas_frame(table: object) -> bool:
    """Whether ``table`` is a pandas DataFrame (without importing pandas)."""
    pd = _pandas()
    return pd is not None and isinstance(table, pd.DataFrame)


def open_table(table: object) -> Source:
    """Wrap a DataFrame, pyarrow Table/RecordBatch or mapping of columns.

    Raises:
        TypeError: ``table`` is none of these.
    """
    if is_pandas_frame(table):
        return _PandasSource(table)
    pa = _arrow()
    if pa is not None and isinstance(table, pa.Table | pa.RecordBatch):
        return _ArrowSource(table)
    if isinstance(table, Mapping):
        return _MappingSource(table)
    raise TypeError(
        "cần một bảng / expected a pandas DataFrame, a pyarrow Table or RecordBatch, or a "
        f"mapping of column name to array, not {type(table).__name__}"
    )


# --- columns ----------------------------------------------------------------------------


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float | np.floating):
        return bool(value != value)
    return type(value).__name__ in {"NAType", "NaTType"}  # pandas' missing markers


_missing = np.frompyfunc(_is_missing, 1, 1)


def _numpy_null(values: NDArray[Any]) -> NDArray[np.bool_] | None:
    """Mask of empty cells of a numpy array (NaN, and None/NA in object arrays)."""
    if values.dtype.kind == "f":
        null = np.isnan(values)
    elif values.dtype.kind == "O":
        null = _missing(values).astype(np.bool_)
    else:
        return None
    return null if null.any() else None


def to_numpy(col: Column) -> tuple[NDArray[Any], NDArray[np.bool_] | None]:
    """One column chunk as a numpy array and its mask of empty cells (``None``: none).

    Numbers and booleans keep a numpy dtype (empty cells filled with a placeholder the
    mask marks); anything else becomes an object array.
    """
    if _is_series(col):
        return _series_to_numpy(col)
    if _is_arrow(col):
        return _arrow_to_numpy(_one_array(col))
    values = np.asarray(col)
    return values, _numpy_null(values)


def _series_to_numpy(col: Any) -> tuple[NDArray[Any], NDArray[np.bool_] | None]:
    if isinstance(col.dtype, np.dtype):
        values = col.to_numpy()
        return values, _numpy_null(values)
    types = _pandas().api.types
    null = col.isna().to_numpy(dtype=np.bool_)
    if types.is_bool_dtype(col.dtype):
        values = col.to_numpy(dtype=np.bool_, na_value=False)
    elif types.is_integer_dtype(col.dtype):
        if types.is_unsigned_integer_dtype(col.dtype):
            values = col.to_numpy(dtype=np.uint64, na_value=0)
        else:
            values = col.to_numpy(dtype=np.int64, na_value=0)
    elif types.is_float_dtype(col.dtype):
        values = col.to_numpy(dtype=np.float64, na_value=0.0)
        null |= np.isnan(values)
    else:
        values = col.to_numpy(dtype=object, na_value=None)
    return values, (null if null.any() else None)


def _arrow_to_numpy(arr: Any) -> tuple[NDArray[Any], NDArray[np.bool_] | None]:
    pa = _arrow()
    t = arr.type
    if pa.types.is_dictionary(t):
        arr, t = arr.dictionary_decode(), t.value_type
    null = arr.is_null().to_numpy(zero_copy_only=False) if arr.null_count else None
    if pa.types.is_boolean(t):
        values = (arr.fill_null(False) if arr.null_count else arr).to_numpy(zero_copy_only=False)
    elif pa.types.is_integer(t) or pa.types.is_floating(t):
        values = (arr.fill_null(0) if arr.null_count else arr).to_numpy(zero_copy_only=False)
    else:
        values = arr.to_numpy(zero_copy_only=False)
        if values.dtype.kind != "O":
            values = values.astype(object)
        if pa.types.is_string(t) or pa.types.is_large_string(t):
            return values, null  # text holds no NaN
    more = _numpy_null(values)  # NaN, which Arrow does not count as null
    if more is not None:
        null = more if null is None else null | more
    return values, null


def factorize(col: Column) -> tuple[NDArray[np.intp], list[Any]]:
    """Codes of a column chunk into its distinct values (``-1``: empty cell).

    Only the distinct values become Python objects. Cells of different types never
    share a code, even when Python deems them equal (``1``, ``1.0``, ``True``): the
    contract reads them differently. Blank text counts as empty, as
    :func:`vnlabor.table.cells.is_blank` says.
    """
    if _is_series(col):
        pd = _pandas()
        if isinstance(col.dtype, pd.CategoricalDtype):
            codes = col.cat.codes.to_numpy(dtype=np.intp)
            return _blank_uniques(codes, list(col.cat.categories))
        if col.dtype == object:
            return _factorize_objects(col.to_numpy(dtype=object))
        codes, uniques = pd.factorize(col, use_na_sentinel=True)
        return _blank_uniques(np.asarray(codes, dtype=np.intp), list(uniques))
    if _is_arrow(col):
        return _arrow_factorize(_one_array(col))
    values = np.asarray(col)
    if values.dtype.kind == "O":
        return _factorize_objects(values)
    null = _numpy_null(values)
    present = values if null is None else values[~null]
    uniques, inverse = np.unique(present, return_inverse=True)
    codes = np.full(values.shape[0], -1, dtype=np.intp)
    if null is None:
        codes[:] = inverse.reshape(-1)
    else:
        codes[~null] = inverse.reshape(-1)
    return _blank_uniques(codes, [_plain(u) for u in uniques])


def _blank_uniques(
    codes: NDArray[np.intp], uniques: list[Any]
) -> tuple[NDArray[np.intp], list[Any]]:
    """Codes with every blank distinct value (``""``, spaces) made ``-1``."""
    blank = [i for i, u in enumerate(uniques) if is_blank(u)]
    if blank:
        lookup = np.arange(len(uniques) + 1, dtype=np.intp)
        lookup[blank] = -1
        lookup[-1] = -1
        codes = lookup[codes]
    return codes, uniques


def _factorize_objects(values: NDArray[Any]) -> tuple[NDArray[np.intp], list[Any]]:
    index: dict[Any, int] = {}
    uniques: list[Any] = []
    codes = np.empty(values.shape[0], dtype=np.intp)
    for i, value in enumerate(values.tolist()):
        try:
            key = (value.__class__, value)
            code = index.get(key)
            if code is None:
                code = index[key] = len(uniques)
                uniques.append(value)
        except TypeError:  # unhashable (a list): a value of its own
            code = len(uniques)
            uniques.append(value)
        codes[i] = code
    return _blank_uniques(codes, uniques)


def _arrow_factorize(arr: Any) -> tuple[NDArray[np.intp], list[Any]]:
    pa = _arrow()
    if pa.types.is_null(arr.type):
        return np.full(len(arr), -1, dtype=np.intp), []
    encoded = arr if pa.types.is_dictionary(arr.type) else arr.dictionary_encode()
    indices = encoded.indices
    if indices.null_count:
        indices = indices.cast(pa.int64()).fill_null(-1)
    codes = indices.to_numpy(zero_copy_only=False).astype(np.intp)
    return _blank_uniques(codes, encoded.dictionary.to_pylist())
