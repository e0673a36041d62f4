"""One chunk of one column, as the engine reads it: numbers, Arrow text, distinct values.

A column chunk is a numpy array, a pandas Series or a pyarrow Array. The engine asks
it the same few questions (its values as numpy, its text as Arrow, its distinct
values, its empty cells), and :class:`ColumnChunk` answers each at most once, by
whole-array operations:

* numbers and booleans keep a numpy dtype, with a mask of empty cells;
* Arrow text (a pyarrow string array, or a pandas column backed by one) is read on its
  buffers (:mod:`vnlabor.table.arrow`) and factorised by Arrow;
* anything else is *factorised*: only its distinct values become Python objects.
  Columns of Python objects (``object`` dtype: mixed types, ``None`` among numbers)
  hold one object per cell already, and are factorised in Python: the slow path.

pandas and pyarrow are never imported here; a column is recognised as theirs only when
the caller's program has already imported them.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from vnlabor._optional import imported
from vnlabor.table.arrow import bits, numbers
from vnlabor.table.cells import is_blank, plain

__all__ = [
    "Column",
    "ColumnChunk",
    "arrow_module",
    "is_arrow",
    "is_series",
    "one_array",
    "pandas_module",
]

Column = Any
"""One chunk of one column: a numpy array, a pandas Series or a pyarrow Array."""

_UNSET: Final = object()


def pandas_module() -> Any:
    """pandas, if the program has imported it (else ``None``)."""
    return imported("pandas")


def arrow_module() -> Any:
    """pyarrow, if the program has imported it (else ``None``)."""
    return imported("pyarrow")


def is_series(col: object) -> bool:
    """Whether ``col`` is a pandas Series."""
    pd = pandas_module()
    return pd is not None and isinstance(col, pd.Series)


def is_arrow(col: object) -> bool:
    """Whether ``col`` is a pyarrow Array or ChunkedArray."""
    pa = arrow_module()
    return pa is not None and isinstance(col, pa.Array | pa.ChunkedArray)


def arrow_backed(col: Any) -> bool:
    """Whether a pandas Series holds its values in pyarrow (``str``, ``ArrowDtype``)."""
    return "pyarrow" in str(getattr(col.dtype, "storage", ""))


def one_array(chunked: Any) -> Any:
    """A pyarrow ChunkedArray (or Array) as one Array, copying only if it has pieces."""
    pa = arrow_module()
    if isinstance(chunked, pa.Array):
        return chunked
    if chunked.num_chunks == 1:
        return chunked.chunk(0)
    if chunked.num_chunks == 0:
        return pa.array([], type=chunked.type)
    if pa.types.is_dictionary(chunked.type):  # pieces may have different dictionaries
        chunked = chunked.cast(chunked.type.value_type)
    return chunked.combine_chunks()


class ColumnChunk:
    """One chunk of one column, converted at most once each way it is read."""

    __slots__ = ("_blank", "_codes", "_dictionary", "_numpy", "_text", "raw")

    def __init__(self, raw: Column) -> None:
        self.raw = raw
        self._text: Any = _UNSET
        self._dictionary: Any = _UNSET
        self._numpy: tuple[NDArray[Any], NDArray[np.bool_] | None] | None = None
        self._codes: tuple[NDArray[np.intp], list[Any]] | None = None
        self._blank: NDArray[np.bool_] | None = None

    def __len__(self) -> int:
        return len(self.raw)

    @property
    def text(self) -> Any:
        """The chunk as a pyarrow string array, if it is Arrow text (else ``None``)."""
        if self._text is _UNSET:
            self._text = _arrow_text(self.raw)
        return self._text

    @property
    def dictionary(self) -> tuple[NDArray[np.intp], Any] | None:
        """A dictionary-encoded Arrow text chunk as (each row's index, the dictionary).

        The index is ``-1`` for a null; the dictionary a pyarrow string array. ``None``
        for any other chunk.
        """
        if self._dictionary is _UNSET:
            self._dictionary = _arrow_dictionary(self.raw)
        found: tuple[NDArray[np.intp], Any] | None = self._dictionary
        return found

    @property
    def numpy(self) -> tuple[NDArray[Any], NDArray[np.bool_] | None]:
        """The chunk as a numpy array and its mask of empty cells (``None``: none).

        Numbers and booleans keep a numpy dtype (empty cells filled with a placeholder
        the mask marks); anything else becomes an object array.
        """
        if self._numpy is None:
            self._numpy = _to_numpy(self.raw)
        return self._numpy

    @property
    def typed(self) -> bool:
        """Whether the chunk holds numbers or booleans (no text to be blank)."""
        dtype = getattr(self.raw, "dtype", None)
        if isinstance(dtype, np.dtype):
            return dtype.kind in "iufb"
        if is_arrow(self.raw):
            types = arrow_module().types
            t = self.raw.type
            return bool(types.is_integer(t) or types.is_floating(t) or types.is_boolean(t))
        kind = str(dtype)
        return any(word in kind for word in ("int", "float", "bool", "double", "Int", "Float"))

    @property
    def codes(self) -> tuple[NDArray[np.intp], list[Any]]:
        """Codes of the cells into the chunk's distinct values (``-1``: empty cell).

        Only the distinct values become Python objects. Cells of different types never
        share a code, even when Python deems them equal (``1``, ``1.0``, ``True``): the
        contract reads them differently. Blank text counts as empty, as
        :func:`vnlabor.table.cells.is_blank` says.
        """
        if self._codes is None:
            text = self.text
            self._codes = _arrow_factorize(text) if text is not None else _factorize(self.raw)
        return self._codes

    @property
    def blank(self) -> NDArray[np.bool_]:
        """Which cells are empty (``None``, NaN, NA, blank text)."""
        if self._blank is None:
            text = self.text if self.dictionary is None else self.raw
            if text is not None:
                from vnlabor.table.arrow import blank_cells

                self._blank = blank_cells(one_array(text))
            elif self.typed:
                values, null = self.numpy
                self._blank = (
                    np.zeros(values.shape[0], dtype=np.bool_) if null is None else null.copy()
                )
            else:
                self._blank = self.codes[0] < 0
        return self._blank


def _arrow_text(col: Column) -> Any:
    pa = arrow_module()
    if pa is None:
        return None
    if is_series(col):
        if not arrow_backed(col):
            return None
        arr = pa.array(col)  # the Series' own buffers; missing cells come as nulls
    elif is_arrow(col):
        arr = one_array(col)
    else:
        return None
    return arr if pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type) else None


def _arrow_dictionary(col: Column) -> tuple[NDArray[np.intp], Any] | None:
    pa = arrow_module()
    if pa is None or not is_arrow(col) or not pa.types.is_dictionary(col.type):
        return None
    value = col.type.value_type
    if not (pa.types.is_string(value) or pa.types.is_large_string(value)):
        return None
    arr = one_array(col)
    return numbers(arr.indices, null=-1).astype(np.intp), arr.dictionary


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


def _to_numpy(col: Column) -> tuple[NDArray[Any], NDArray[np.bool_] | None]:
    if is_series(col):
        return _series_to_numpy(col)
    if is_arrow(col):
        return _arrow_to_numpy(one_array(col))
    values = np.asarray(col)
    return values, _numpy_null(values)


def _series_to_numpy(col: Any) -> tuple[NDArray[Any], NDArray[np.bool_] | None]:
    if isinstance(col.dtype, np.dtype):
        values = col.to_numpy()
        return values, _numpy_null(values)
    types = pandas_module().api.types
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
    pa = arrow_module()
    t = arr.type
    if pa.types.is_dictionary(t):
        arr, t = arr.dictionary_decode(), t.value_type
    null = ~bits(arr, 0) if arr.null_count else None
    if pa.types.is_boolean(t):
        values = bits(arr, 1)
        if null is not None:
            values &= ~null
    elif pa.types.is_integer(t) or pa.types.is_floating(t):
        values = numbers(arr)
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


def _factorize(col: Column) -> tuple[NDArray[np.intp], list[Any]]:
    if is_series(col):
        pd = pandas_module()
        if isinstance(col.dtype, pd.CategoricalDtype):
            codes = col.cat.codes.to_numpy(dtype=np.intp)
            return _blank_uniques(codes, list(col.cat.categories))
        if col.dtype == object:
            return _factorize_objects(col.to_numpy(dtype=object))
        codes, uniques = pd.factorize(col, use_na_sentinel=True)
        return _blank_uniques(np.asarray(codes, dtype=np.intp), list(uniques))
    if is_arrow(col):
        return _arrow_factorize(one_array(col))
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
    return _blank_uniques(codes, [plain(u) for u in uniques])


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
    """Python objects by (type, value); unhashable ones (lists) each a value of its own."""
    kinds = set(map(type, values.tolist()))
    pd = pandas_module()
    if pd is not None and len(kinds) == 1 and str in kinds:
        # Text alone (the usual object column): hashed by pandas, not one by one here.
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        return _blank_uniques(np.asarray(codes, dtype=np.intp), list(uniques))
    index: dict[Any, int] = {}
    uniques_list: list[Any] = []
    out = np.empty(values.shape[0], dtype=np.intp)
    for i, value in enumerate(values.tolist()):
        try:
            key = (value.__class__, value)
            code = index.get(key)
            if code is None:
                code = index[key] = len(uniques_list)
                uniques_list.append(value)
        except TypeError:  # unhashable (a list): a value of its own
            code = len(uniques_list)
            uniques_list.append(value)
        out[i] = code
    return _blank_uniques(out, uniques_list)


def _arrow_factorize(arr: Any) -> tuple[NDArray[np.intp], list[Any]]:
    pa = arrow_module()
    if pa.types.is_null(arr.type):
        return np.full(len(arr), -1, dtype=np.intp), []
    encoded = arr if pa.types.is_dictionary(arr.type) else arr.dictionary_encode()
    codes = numbers(encoded.indices, null=-1).astype(np.intp)
    return _blank_uniques(codes, encoded.dictionary.to_pylist())
