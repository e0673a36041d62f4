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

Bad values never stop the scan: each reader returns the rows it rejects (:class:`Bad`),
so the caller can report, per column, how many rows are bad and which come first.

pandas and pyarrow are never imported here; a column is recognised as theirs only when
the caller's program has already imported them.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "NULL",
    "Bad",
    "Column",
    "Source",
    "factorize",
    "is_pandas_frame",
    "open_table",
    "read_booleans",
    "read_coded",
    "read_income",
    "to_numpy",
]

Column = Any
"""One chunk of one column: a numpy array, a pandas Series or a pyarrow Array."""

NULL: Final = 1
"""Reason code shared by every reader: the cell is empty (None, NaN, NA, null)."""

EXAMPLES: Final = 3
"""Rows shown per bad column."""

_INT64_MAX: Final = int(np.iinfo(np.int64).max)


@dataclass(frozen=True, slots=True)
class Bad:
    """Rows of one column chunk that were rejected.

    Attributes:
        count: How many rows of the chunk are bad.
        examples: The first few, as (position in the chunk, value shown, reason).
    """

    count: int
    examples: tuple[tuple[int, str, str], ...]


def _bad(
    reasons: NDArray[np.int8], show: Callable[[int], str], why: Callable[[int, int], str]
) -> Bad | None:
    """Collect the rows whose reason code is not 0: ``why(row, code)`` explains one."""
    where = np.flatnonzero(reasons)
    if where.size == 0:
        return None
    examples = tuple(
        (i, "null" if code == NULL else show(i), why(i, code))
        for i, code in ((int(i), int(reasons[i])) for i in where[:EXAMPLES])
    )
    return Bad(int(where.size), examples)


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
    """A table seen as named columns, read ``size`` rows at a time."""

    names: frozenset[str]
    """Column names present (string names only)."""
    n_rows: int
    """Number of rows."""

    def chunks(self, names: Sequence[str], size: int) -> Iterator[tuple[int, dict[str, Column]]]:
        """Yield ``(first row, {name: column chunk})`` for consecutive row ranges."""
        raise NotImplementedError

    def note(self, row: int) -> str:
        """What identifies row ``row`` besides its position (household id, index label)."""
        return ""


def _plain(value: object) -> object:
    return value.item() if isinstance(value, np.generic) else value


def _household_id_note(value: object) -> str:
    value = _plain(value)
    if _is_missing(value):
        return ""
    return f"household_id {value!r}"


class _PandasSource(Source):
    def __init__(self, frame: Any) -> None:
        self.frame = frame
        self.names = frozenset(c for c in frame.columns if isinstance(c, str))
        self.n_rows = len(frame)

    def _column(self, name: str) -> Any:
        col = self.frame[name]
        if not _is_series(col):
            raise ValueError(f"cột trùng tên / duplicate column {name!r}")
        return col

    def chunks(self, names: Sequence[str], size: int) -> Iterator[tuple[int, dict[str, Column]]]:
        cols = {name: self._column(name) for name in names}
        for start in range(0, self.n_rows, size):
            yield start, {name: col.iloc[start : start + size] for name, col in cols.items()}

    def note(self, row: int) -> str:
        parts = []
        if "household_id" in self.names:
            parts.append(_household_id_note(self._column("household_id").iloc[row]))
        pd = _pandas()
        index = self.frame.index
        if not (isinstance(index, pd.RangeIndex) and index.start == 0 and index.step == 1):
            parts.append(f"index {_plain(index[row])!r}")
        return ", ".join(p for p in parts if p)


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
        self.names = frozenset(table.schema.names)
        self.n_rows = table.num_rows

    def _check_unique(self, name: str) -> None:
        if len(self.table.schema.get_all_field_indices(name)) > 1:
            raise ValueError(f"cột trùng tên / duplicate column {name!r}")

    def chunks(self, names: Sequence[str], size: int) -> Iterator[tuple[int, dict[str, Column]]]:
        for name in names:
            self._check_unique(name)
        table = self.table.select(list(names))  # the other columns are never touched
        for start in range(0, self.n_rows, size):
            piece = table.slice(start, size)  # zero-copy
            yield start, {name: _one_array(piece.column(name)) for name in names}

    def note(self, row: int) -> str:
        if "household_id" not in self.names:
            return ""
        return _household_id_note(self.table.column("household_id")[row].as_py())


class _MappingSource(Source):
    def __init__(self, columns: Mapping[str, Any]) -> None:
        self.columns: dict[str, Any] = {
            name: col if _is_series(col) or _is_arrow(col) else np.asarray(col)
            for name, col in columns.items()
            if isinstance(name, str)
        }
        self.names = frozenset(self.columns)
        lengths = {name: len(col) for name, col in self.columns.items()}
        if len(set(lengths.values())) > 1:
            shown = ", ".join(f"{k!r}: {v}" for k, v in lengths.items())
            raise ValueError(f"các cột dài khác nhau / columns differ in length ({shown})")
        self.n_rows = next(iter(lengths.values()), 0)

    def chunks(self, names: Sequence[str], size: int) -> Iterator[tuple[int, dict[str, Column]]]:
        cols = {name: self.columns[name] for name in names}
        for start in range(0, self.n_rows, size):
            yield start, {name: _slice(col, start, size) for name, col in cols.items()}

    def note(self, row: int) -> str:
        col = self.columns.get("household_id")
        if col is None:
            return ""
        if _is_series(col):
            return _household_id_note(col.iloc[row])
        if _is_arrow(col):
            return _household_id_note(col[row].as_py())
        return _household_id_note(col[row])


def _slice(col: Any, start: int, size: int) -> Column:
    if _is_series(col):
        return col.iloc[start : start + size]
    if _is_arrow(col):
        return _one_array(col.slice(start, size))
    return col[start : start + size]


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
    more = _numpy_null(values)  # NaN, which Arrow does not count as null
    if more is not None:
        null = more if null is None else null | more
    return values, null


def factorize(col: Column) -> tuple[NDArray[np.intp], list[Any]]:
    """Codes of a column chunk into its distinct values (``-1``: empty cell).

    Only the distinct values become Python objects.
    """
    if _is_series(col):
        pd = _pandas()
        if isinstance(col.dtype, pd.CategoricalDtype):
            return col.cat.codes.to_numpy(dtype=np.intp), list(col.cat.categories)
        try:
            codes, uniques = pd.factorize(col, use_na_sentinel=True)
        except TypeError:  # unhashable cells (lists…): fall back to numpy
            return _numpy_factorize(col.to_numpy(dtype=object))
        return np.asarray(codes, dtype=np.intp), list(uniques)
    if _is_arrow(col):
        return _arrow_factorize(_one_array(col))
    return _numpy_factorize(np.asarray(col))


def _arrow_factorize(arr: Any) -> tuple[NDArray[np.intp], list[Any]]:
    pa = _arrow()
    if pa.types.is_null(arr.type):
        return np.full(len(arr), -1, dtype=np.intp), []
    encoded = arr if pa.types.is_dictionary(arr.type) else arr.dictionary_encode()
    indices = encoded.indices
    if indices.null_count:
        indices = indices.cast(pa.int64()).fill_null(-1)
    codes = indices.to_numpy(zero_copy_only=False).astype(np.intp)
    return codes, encoded.dictionary.to_pylist()


def _numpy_factorize(values: NDArray[Any]) -> tuple[NDArray[np.intp], list[Any]]:
    null = _numpy_null(values)
    codes = np.full(values.shape[0], -1, dtype=np.intp)
    present = values if null is None else values[~null]
    try:
        uniques, inverse = np.unique(present, return_inverse=True)
    except TypeError:  # mixed, unorderable objects: factorise on their repr instead
        reprs = np.frompyfunc(repr, 1, 1)(present).astype(str)
        _, first, inverse = np.unique(reprs, return_index=True, return_inverse=True)
        uniques = present[first]
    if null is None:
        codes[:] = inverse.reshape(-1)
    else:
        codes[~null] = inverse.reshape(-1)
    return codes, [u.item() if isinstance(u, np.generic) else u for u in uniques]


def _show(values: NDArray[Any]) -> Callable[[int], str]:
    def show(i: int) -> str:
        return repr(_plain(values[i]))

    return show


# --- income -------------------------------------------------------------------------------

NEGATIVE: Final = 2
FRACTION: Final = 3
NOT_A_NUMBER: Final = 4
TOO_LARGE: Final = 5

INCOME_REASONS: Final[Mapping[int, str]] = {
    NULL: "trống / empty",
    NEGATIVE: "âm / negative",
    FRACTION: "không phải số đồng nguyên / not whole đồng",
    NOT_A_NUMBER: "không phải số / not a number (parse text amounts first)",
    TOO_LARGE: "quá lớn / too large",
}


def _income_reason(value: object) -> int:
    if _is_missing(value):
        return NULL
    if isinstance(value, bool | np.bool_):
        return NOT_A_NUMBER
    if isinstance(value, int | np.integer):
        return NEGATIVE if value < 0 else TOO_LARGE if value > _INT64_MAX else 0
    if isinstance(value, float | np.floating | Decimal):
        if not math.isfinite(value) or value != int(value):
            return FRACTION
        return NEGATIVE if value < 0 else TOO_LARGE if value > _INT64_MAX else 0
    return NOT_A_NUMBER


_income_reasons = np.frompyfunc(_income_reason, 1, 1)


def read_income(col: Column) -> tuple[NDArray[np.int64], Bad | None]:
    """Monthly income per capita as int64 đồng, and the rows that are not.

    Accepted: integer columns, float columns holding whole numbers (spreadsheets), and
    object columns of ints / whole floats / whole Decimals (slower). Rejected: empty
    cells, negative amounts, fractions, booleans, text (parse it first, e.g. with
    :func:`vnlabor.l10n.parse_vnd`).
    """
    values, null = to_numpy(col)
    kind = values.dtype.kind
    if kind == "i":
        income = values.astype(np.int64, copy=False)
        negative = income < 0
        if null is None and not negative.any():
            return income, None
        reasons = np.where(negative, np.int8(NEGATIVE), np.int8(0))
    elif kind == "u":
        too_large = values > _INT64_MAX
        income = np.where(too_large, 0, values).astype(np.int64)
        reasons = np.where(too_large, np.int8(TOO_LARGE), np.int8(0))
    elif kind == "f":
        whole = np.isfinite(values) & (values == np.floor(values))
        reasons = np.where(whole, np.int8(0), np.int8(FRACTION))
        reasons[whole & (values < 0)] = NEGATIVE
        reasons[whole & (values >= 2.0**63)] = TOO_LARGE
        income = np.where(reasons == 0, values, 0).astype(np.int64)
    elif kind == "O":
        reasons = _income_reasons(values).astype(np.int8)
        income = np.where(reasons == 0, values, 0).astype(np.int64)
    else:  # booleans, text, dates…
        reasons = np.full(values.shape[0], NOT_A_NUMBER, dtype=np.int8)
        income = np.zeros(values.shape[0], dtype=np.int64)
    if null is not None:
        reasons[null] = NULL
    return income, _bad(reasons, _show(values), lambda _, code: INCOME_REASONS[code])


# --- indicator flags ------------------------------------------------------------------------

NOT_A_FLAG: Final = 2

FLAG_REASONS: Final[Mapping[int, str]] = {
    NULL: "trống / empty (neither True nor False)",
    NOT_A_FLAG: "không phải True/False / not True/False (convert with .astype(bool))",
}


def _flag_reason(value: object) -> int:
    if _is_missing(value):
        return NULL
    return 0 if isinstance(value, bool | np.bool_) else NOT_A_FLAG


_flag_reasons = np.frompyfunc(_flag_reason, 1, 1)


def read_booleans(col: Column) -> tuple[NDArray[np.bool_], Bad | None]:
    """A boolean indicator column, and the rows that are not ``True``/``False``.

    Boolean dtypes are accepted (numpy, pandas ``boolean``, arrow ``bool``), and object
    columns holding only ``True``/``False``; numbers (even 0/1) and text are rejected.
    """
    values, null = to_numpy(col)
    kind = values.dtype.kind
    if kind == "b":
        if null is None:
            return values, None
        reasons = np.zeros(values.shape[0], dtype=np.int8)
        flags = values
    elif kind == "O":
        reasons = _flag_reasons(values).astype(np.int8)
        flags = np.where(reasons == 0, values, False).astype(np.bool_)
    else:
        reasons = np.full(values.shape[0], NOT_A_FLAG, dtype=np.int8)
        flags = np.zeros(values.shape[0], dtype=np.bool_)
    if null is not None:
        reasons[null] = NULL
    return flags, _bad(reasons, _show(values), lambda _, code: FLAG_REASONS[code])


# --- coded text -------------------------------------------------------------------------------

UNKNOWN: Final = 2


def read_coded(
    col: Column, parse: Callable[[Any], tuple[int, str | None]], empty: int | None
) -> tuple[NDArray[np.int8], Bad | None]:
    """Parse a text column once per distinct value: ``parse(value) -> (code, problem)``.

    Rows take the code of their value. An empty cell gets ``empty``, or is bad if
    ``empty`` is ``None``. A value ``parse`` rejects (``problem`` not ``None``) makes its
    rows bad, explained by ``problem``.
    """
    codes, uniques = factorize(col)
    parsed = [parse(u) for u in uniques]
    # Code -1 (empty cell) indexes the last entry of each lookup table.
    lookup = np.array([c for c, _ in parsed] + [0 if empty is None else empty], dtype=np.int8)
    out = lookup[codes]
    bad_rows = np.array([p is not None for _, p in parsed] + [empty is None], dtype=np.bool_)[codes]
    if not bad_rows.any():
        return out, None
    reasons = np.where(bad_rows, np.int8(UNKNOWN), np.int8(0))
    reasons[bad_rows & (codes < 0)] = NULL

    def why(i: int, code: int) -> str:
        return "trống / empty" if code == NULL else str(parsed[codes[i]][1])

    return out, _bad(reasons, lambda i: repr(uniques[codes[i]]), why)
