"""Text cells of a whole Arrow column read at once: blanks, plain amounts, byte tests.

The contract reads a cell with :mod:`vnlabor.table.cells`, one Python value at a time.
For a column of text held by Arrow (a CSV block read by pyarrow, a pyarrow Table, a
pandas column of Arrow-backed strings), the cells the contract reads the *simplest*
way are recognised here by whole-array tests on the column's bytes (numpy views of its
buffers, no Python object per cell), and give exactly what the contract gives them:

* :func:`blank_cells`: the cells :func:`~vnlabor.table.cells.is_blank` calls empty
  (null, or only whitespace as :meth:`str.strip` sees it);
* :func:`plain_amounts`: amounts written as digits alone (``1500000``, up to 18
  digits) or grouped by ``.`` in threes (``1.500.000``), and their value in đồng, as
  the contract reads them (``int(text.replace(".", ""))``);
* :func:`starts_with`, :func:`contains_any`: byte tests for the writers (formulas,
  quoting).

Whatever a test does not settle (a cell with words, spaces, a comma…) is left to the
contract's own functions, one distinct value at a time: these functions only ever say
"this cell is the simple kind", never decide a hard one.

Needs numpy and pyarrow; imported only by code that already holds an Arrow column.
"""

from __future__ import annotations

import re
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

__all__ = [
    "PLAIN_AMOUNT",
    "TextBuffers",
    "arrow_mask",
    "arrow_positions",
    "arrow_texts",
    "bits",
    "blank_cells",
    "booleans",
    "contains_any",
    "numbers",
    "plain_amounts",
    "starts_with",
    "text_buffers",
]

_MAX_PLAIN_DIGITS: Final = 18  # under MAX_VND (2**63 - 1): the contract accepts them all
PLAIN_AMOUNT: Final = re.compile(r"[0-9]{1,18}|[0-9]{1,3}(?:\.[0-9]{3}){1,5}")
"""A plain amount: digits alone, or grouped by ``.`` in threes; at most 18 digits.

The contract reads it as ``int(text.replace(".", ""))``, always a valid amount;
:func:`plain_amounts` finds the same cells (of at most 18 characters) in a whole column.
"""


class TextBuffers:
    """The bytes of an Arrow string array, as numpy arrays (no copy).

    Attributes:
        offsets: ``n + 1`` offsets into ``data`` (``int64``); cell ``i`` is
            ``data[offsets[i]:offsets[i + 1]]``.
        data: The UTF-8 bytes of the cells, from the first cell's start.
        valid: Which cells are not null (``None``: every one).
        array: The array the buffers are of (the given one, its nulls made ``""``).
        start: Where ``data`` starts in the array's data buffer.
    """

    __slots__ = ("array", "data", "offsets", "start", "valid")

    def __init__(
        self,
        offsets: NDArray[np.int64],
        data: NDArray[np.uint8],
        valid: NDArray[np.bool_] | None,
        array: Any,
        start: int,
    ) -> None:
        self.offsets = offsets
        self.data = data
        self.valid = valid
        self.array = array
        self.start = start

    @property
    def lengths(self) -> NDArray[np.int64]:
        """Each cell's length in bytes (0 for a null)."""
        return np.diff(self.offsets)


def text_buffers(arr: Any) -> TextBuffers:
    """The buffers of a pyarrow ``string`` or ``large_string`` Array."""
    import pyarrow as pa

    valid = None
    if arr.null_count:
        # A null's bytes mean nothing (Arrow allows any): read as empty.
        valid = bits(arr, 0)
        arr = arr.fill_null("")
    n = len(arr)
    _, offsets_buf, data_buf = arr.buffers()[:3]
    wide = pa.types.is_large_string(arr.type)
    raw = np.frombuffer(offsets_buf, dtype=np.int64 if wide else np.int32)
    offsets = raw[arr.offset : arr.offset + n + 1].astype(np.int64)
    start = int(offsets[0]) if n else 0
    end = int(offsets[-1]) if n else 0
    if data_buf is None or end == start:
        data = np.zeros(0, dtype=np.uint8)
    else:
        data = np.frombuffer(data_buf, dtype=np.uint8)[start:end]
    offsets -= start
    return TextBuffers(offsets, data, valid, arr, start)


def _first_bytes(buf: TextBuffers, k: int) -> NDArray[np.uint8]:
    """The ``k``-th byte of every cell (0 where the cell is shorter)."""
    lengths = buf.lengths
    has = lengths > k
    at = np.where(has, buf.offsets[:-1] + k, 0)
    if not buf.data.size:
        return np.zeros(lengths.shape[0], dtype=np.uint8)
    out: NDArray[np.uint8] = np.where(has, buf.data[at], np.uint8(0))
    return out


# Where a cell's first character may be whitespace (str.isspace), by its first UTF-8 byte:
# tab to carriage return, the file/group/record/unit separators, space; and for the
# characters above ASCII, the second byte too (U+0085, U+00A0; U+1680; U+2000-U+205F;
# U+3000). Any other first character is not whitespace: the cell is not blank.
_SPACE_LEAD: Final = np.zeros(256, dtype=np.bool_)
_SPACE_LEAD[[0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20]] = True
_SPACE_SECOND: Final = {0xC2: (0x85, 0xA0), 0xE1: (0x9A,), 0xE2: (0x80, 0x81), 0xE3: (0x80,)}


def blank_cells(arr: Any) -> NDArray[np.bool_]:
    """Which cells of a string array are empty: null, ``""`` or whitespace only.

    Exactly :func:`vnlabor.table.cells.is_blank` of each cell: a cell whose first
    character is not whitespace is filled; the few others (a leading space…) are
    stripped as Python strips them. A dictionary-encoded array is read through its
    dictionary.
    """
    import pyarrow as pa

    if pa.types.is_dictionary(arr.type):
        lookup = np.append(blank_cells(arr.dictionary), True)  # the last: a null cell
        found: NDArray[np.bool_] = lookup[numbers(arr.indices, null=-1)]
        return found
    buf = text_buffers(arr)
    lengths = buf.lengths
    blank: NDArray[np.bool_] = lengths == 0
    if not buf.data.size:
        return blank
    first = _first_bytes(buf, 0)
    maybe = _SPACE_LEAD[first] & ~blank
    for lead, seconds in _SPACE_SECOND.items():
        at = first == lead
        if at.any():
            second = _first_bytes(buf, 1)
            maybe |= at & np.isin(second, seconds)
    rows = np.flatnonzero(maybe)
    if rows.size:
        cells = arr.take(arrow_positions(rows)).to_pylist()
        blank[rows] = [not (c or "").strip() for c in cells]
    return blank


def starts_with(arr: Any, chars: str) -> NDArray[np.bool_]:
    """Which cells start with one of ``chars`` (ASCII characters)."""
    buf = text_buffers(arr)
    table = np.zeros(256, dtype=np.bool_)
    table[[ord(c) for c in chars]] = True
    first = _first_bytes(buf, 0)
    out: NDArray[np.bool_] = table[first] & (buf.lengths > 0)
    return out


def contains_any(arr: Any, chars: str) -> bool:
    """Whether any cell contains one of ``chars`` (ASCII characters)."""
    data = text_buffers(arr).data
    if not data.size:
        return False
    raw = data.tobytes()
    return any(c.encode("ascii") in raw for c in chars)


def plain_amounts(arr: Any) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
    """The cells holding a plain amount, and its value (0 elsewhere).

    Plain: 1 to 18 digits (``1500000``, ``01500000``), or 1 to 3 digits followed by one
    to five groups of ``.`` and three digits (``1.500.000``), at most 18 characters:
    nothing else, not even a space. The contract reads such a cell as
    ``int(cell.replace(".", ""))``, always a valid amount. Every other cell is left to
    the contract (``False``).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    buf = text_buffers(arr)
    lengths = buf.lengths
    n = lengths.shape[0]
    ok = (lengths >= 1) & (lengths <= _MAX_PLAIN_DIGITS)
    if buf.valid is not None:
        ok &= buf.valid
    values = np.zeros(n, dtype=np.int64)
    if not ok.any():
        return ok, values
    text = buf.array
    data = buf.data
    groups = (min(int(lengths.max()), _MAX_PLAIN_DIGITS) - 1) // 4  # dots a cell can have
    grouped = None
    if groups and bool((data == ord(".")).any()):
        # Grouped: a "." four characters from the end, and every fourth one before it.
        # Those dots become "0" in a copy, so that the cell is all digits exactly when it
        # is plain.
        ends = buf.offsets[1:]
        grouped = ok & (lengths >= 5) & (lengths % 4 != 0)
        dots = []
        for k in range(groups):
            has = lengths > 4 * k + 3
            at = np.where(has, ends - 4 * k - 4, 0)
            grouped &= ~has | (data[at] == ord("."))
            dots.append((has, at))
        if grouped.any():
            digits = np.frombuffer(text.buffers()[2], dtype=np.uint8).copy()
            for has, at in dots:
                digits[buf.start + at[has & grouped]] = ord("0")
            text = _with_data(buf.array, digits)
        else:
            grouped = None
    ok &= booleans(pc.ascii_is_decimal(text))
    if not ok.any():
        return ok, values
    read = pc.cast(text if ok.all() else text.filter(arrow_mask(ok)), pa.int64())
    values[ok] = numbers(read)
    if grouped is not None:
        # "1.500.000" was read as 1050000000: groups of four digits ("0ddd") that are
        # groups of three in the amount. With q_k the read number's digits above the k-th
        # group (read // 10**(4k)), the amount is read - 9 * sum(10**(3k) * q_k).
        read_number = values[grouped]
        amount = read_number.copy()
        for g in range(1, groups + 1):
            amount -= 9 * 10 ** (3 * g) * (read_number // 10 ** (4 * g))
        values[grouped] = amount
    return ok, values


def _with_data(arr: Any, data: NDArray[np.uint8]) -> Any:
    """A string array like ``arr`` (no nulls), with another data buffer of the same size."""
    import pyarrow as pa

    kind = pa.LargeStringArray if pa.types.is_large_string(arr.type) else pa.StringArray
    return kind.from_buffers(len(arr), arr.buffers()[1], pa.py_buffer(data), offset=arr.offset)


def bits(arr: Any, buffer: int) -> NDArray[np.bool_]:
    """A bit-packed buffer of a pyarrow array as numpy booleans, unpacked by numpy.

    ``buffer`` 0: which cells are valid (all, if the array has no validity buffer);
    1: a boolean array's values. Several times faster than pyarrow's own conversion.
    """
    n = len(arr)
    packed = arr.buffers()[buffer]
    if packed is None:
        return np.ones(n, dtype=np.bool_)
    unpacked = np.unpackbits(
        np.frombuffer(packed, dtype=np.uint8), count=arr.offset + n, bitorder="little"
    )
    out: NDArray[np.bool_] = unpacked[arr.offset :].view(np.bool_)
    return out


def numbers(arr: Any, null: int = 0) -> NDArray[Any]:
    """A pyarrow array of integers or floats as a numpy view of its buffer.

    A null reads as ``null``. Booleans come unpacked (:func:`booleans`). Unlike
    pyarrow's own conversions (and its conversion of Python values to Arrow), this never
    imports pandas (a quarter of a second, when it is installed).
    """
    import pyarrow as pa

    t = arr.type
    if pa.types.is_boolean(t):
        return booleans(arr)
    if pa.types.is_integer(t):
        dtype = np.dtype(f"{'i' if pa.types.is_signed_integer(t) else 'u'}{t.bit_width // 8}")
    elif pa.types.is_floating(t):
        dtype = np.dtype(f"f{t.bit_width // 8}")
    else:
        raise TypeError(f"not numbers: {t}")
    n = len(arr)
    if not n:
        return np.zeros(0, dtype=dtype)
    out: NDArray[Any] = np.frombuffer(arr.buffers()[1], dtype=dtype, count=arr.offset + n)
    out = out[arr.offset :]
    return np.where(bits(arr, 0), out, null) if arr.null_count else out


def arrow_positions(values: NDArray[np.integer[Any]]) -> Any:
    """Numpy integers (row positions) as a pyarrow ``int64`` array, for ``take``.

    Built on the numpy buffer: ``pyarrow.array`` would import pandas.
    """
    import pyarrow as pa

    data = np.ascontiguousarray(values, dtype=np.int64)
    return pa.Array.from_buffers(pa.int64(), data.shape[0], [None, pa.py_buffer(data)])


def arrow_mask(values: NDArray[np.bool_]) -> Any:
    """Numpy booleans as a pyarrow boolean array, for ``filter`` and masks."""
    import pyarrow as pa

    packed = np.packbits(np.asarray(values, dtype=np.bool_), bitorder="little")
    return pa.Array.from_buffers(pa.bool_(), len(values), [None, pa.py_buffer(packed)])


def arrow_texts(values: list[str | None]) -> Any:
    """Python text (``None``: null) as a pyarrow ``string`` array, built on its bytes."""
    import pyarrow as pa

    encoded = [b"" if v is None else v.encode("utf-8") for v in values]
    offsets = np.zeros(len(encoded) + 1, dtype=np.int64)
    np.cumsum([len(e) for e in encoded], out=offsets[1:])
    wide = int(offsets[-1]) >= 2**31
    kind = pa.LargeStringArray if wide else pa.StringArray
    nulls = np.array([v is None for v in values], dtype=np.bool_)
    validity = arrow_mask(~nulls).buffers()[1] if nulls.any() else None
    return kind.from_buffers(
        len(encoded),
        pa.py_buffer(offsets if wide else offsets.astype(np.int32)),
        pa.py_buffer(b"".join(encoded)),
        validity,
    )


def booleans(arr: Any) -> NDArray[np.bool_]:
    """A pyarrow boolean array as numpy booleans, a null read as ``False``."""
    values = bits(arr, 1)
    return values & bits(arr, 0) if arr.null_count else values
