"""Household identifiers of a table: each row's key, and the rows that repeat an earlier one.

A repeated ``household_id`` is a bad row (:mod:`vnlabor.table.households`). The engine
finds repeats by a 64-bit *key* per identifier, the same function of the identifier's
text (as the field holds it) whichever way the column comes:

* digits alone, up to 15 (``"1203"``, or the whole number ``1203``): the number,
  exactly (and, if it starts with a ``0``, how many digits it has: ``"001203"``);
* other printable ASCII text of up to 8 characters (``"H0000001"``): its bytes,
  exactly, in the text's order;
* anything longer: Python's 64-bit hash of the text. Two different identifiers of
  this kind could in principle share a key (about one chance in 10^6 for five million
  households), only then would one be taken for a repeat of the other.

Keys of text held by Arrow and of whole-number columns are computed by whole-array
operations (:func:`text_keys`, :func:`int_keys`); other cells one distinct value at
a time (:func:`id_key`). Rows whose keys rise, as identifiers numbered in order do,
are found new without sorting.
"""

from __future__ import annotations

from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from vnlabor.table.arrow import arrow_mask, arrow_positions, booleans, numbers, text_buffers
from vnlabor.table.cells import plain

__all__ = ["Duplicates", "Ids", "id_key", "int_keys", "text_keys"]

_DIGITS_BASE: Final = -(2**63)
_MAX_DIGITS: Final = 15
_SCALE: Final = 10**_MAX_DIGITS
_MAX_PACKED: Final = 8  # 8 bytes of ASCII: under 2**63


def id_key(text: str) -> int:
    """The key of an identifier, from its text as the field holds it.

    >>> id_key("7") == int(int_keys(np.array([7]))[0]), id_key("007") == id_key("7")
    (True, False)
    """
    n = len(text)
    if 1 <= n <= _MAX_DIGITS and text.isascii() and text.isdigit():
        zeros = n if n > 1 and text[0] == "0" else 0  # "007" is not "7"
        return _DIGITS_BASE + zeros * _SCALE + int(text)
    if 1 <= n <= _MAX_PACKED and text.isascii() and text.isprintable():
        return int.from_bytes(text.encode("ascii").ljust(_MAX_PACKED, b"\0"), "big")
    return hash(text)


def int_keys(values: NDArray[np.integer[Any]]) -> NDArray[np.int64]:
    """:func:`id_key` of each whole number's digits (``7`` → the key of ``"7"``)."""
    numbers = values.astype(np.int64, copy=False)
    keys: NDArray[np.int64] = numbers + _DIGITS_BASE
    small = (numbers >= 0) & (numbers < _SCALE)
    if not small.all():
        odd, inverse = np.unique(numbers[~small], return_inverse=True)
        found = np.array([id_key(str(v)) for v in odd.tolist()], dtype=np.int64)
        keys[~small] = found[inverse.reshape(-1)]
    return keys


def text_keys(arr: Any) -> tuple[NDArray[np.bool_], NDArray[np.int64]]:
    """Which cells of a pyarrow string array the field holds as they are, and their keys.

    Such a cell is printable ASCII with no space at either end (``H0000001``); its key
    is :func:`id_key` of it. Other cells (empty, spaces around, other characters) are
    ``False``, to be read by the contract.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    buf = text_buffers(arr)
    lengths = buf.lengths
    n = lengths.shape[0]
    data = buf.data
    keys = np.zeros(n, dtype=np.int64)
    held = lengths >= 1
    if buf.valid is not None:
        held &= buf.valid
    if not held.any():
        return held, keys
    starts = buf.offsets[:-1]
    odd = np.flatnonzero((data - np.uint8(0x20)) > 0x5E)  # below space or above "~"
    if odd.size:
        held[np.searchsorted(buf.offsets, odd, side="right") - 1] = False
    held &= data[np.where(held, starts, 0)] != ord(" ")
    held &= data[np.where(held, buf.offsets[1:] - 1, 0)] != ord(" ")
    digits = held & (lengths <= _MAX_DIGITS)
    digits &= booleans(pc.ascii_is_decimal(arr))
    if digits.any():
        number = numbers(pc.cast(arr.filter(arrow_mask(digits)), pa.int64()))
        lead = data[np.where(digits, starts, 0)] == ord("0")
        zeros = np.where(lead & (lengths > 1), lengths, 0)[digits]
        keys[digits] = _DIGITS_BASE + zeros * _SCALE + number
    packed = held & ~digits & (lengths <= _MAX_PACKED)
    if packed.all() and data.size == n * int(lengths[0]):
        # Identifiers of one width (codes numbered in order): the bytes, as they lie.
        words = np.zeros((n, _MAX_PACKED), dtype=np.uint8)
        words[:, : int(lengths[0])] = data.reshape(n, -1)
        keys = words.view(">u8")[:, 0].astype(np.int64)
    elif packed.any():
        padded = np.concatenate([data, np.zeros(_MAX_PACKED, dtype=np.uint8)])
        key = np.zeros(n, dtype=np.int64)
        for j in range(int(lengths[packed].max())):
            char = padded[starts + j]
            char[lengths <= j] = 0
            key |= char.astype(np.int64) << (8 * (_MAX_PACKED - 1 - j))
        keys[packed] = key[packed]
    hashed = held & ~digits & ~packed
    if hashed.any():
        rows = np.flatnonzero(hashed)
        texts = arr.take(arrow_positions(rows)).to_pylist()
        keys[rows] = np.fromiter(map(hash, texts), dtype=np.int64, count=rows.size)
    return held, keys


class Ids:
    """A chunk's household_id column: each row's key, whether it has one, and its text.

    The text is what the field holds: the cell itself for a plain cell of an Arrow
    column (``arrow``) except the rows the contract rewrote (``fixed``: spaces trimmed,
    Unicode composed); the number's digits for a column of whole numbers (``values``);
    else the text of the row's distinct value (``codes`` into ``texts``).
    """

    __slots__ = ("arrow", "codes", "fixed", "keys", "texts", "valid", "values")

    def __init__(
        self,
        keys: NDArray[np.int64],
        valid: NDArray[np.bool_],
        *,
        arrow: Any = None,
        fixed: dict[int, str | None] | None = None,
        values: NDArray[Any] | None = None,
        codes: NDArray[np.intp] | None = None,
        texts: list[str | None] | None = None,
    ) -> None:
        self.keys = keys
        self.valid = valid
        self.arrow = arrow
        self.fixed = fixed or {}
        self.values = values
        self.codes = codes
        self.texts = texts

    def __getitem__(self, row: int) -> str | None:
        if not self.valid[row]:
            return None
        if row in self.fixed:
            return self.fixed[row]
        if self.arrow is not None:
            text: str | None = self.arrow[row].as_py()
            return text
        if self.values is not None:
            return str(plain(self.values[row]))
        assert self.codes is not None
        assert self.texts is not None
        return self.texts[int(self.codes[row])]

    def arrow_texts(self, rows: NDArray[np.intp]) -> Any:
        """The texts of ``rows`` as a pyarrow string array (null: no identifier).

        ``None`` when the column was not Arrow text (the caller then asks row by row).
        """
        if self.arrow is None:
            return None
        import pyarrow as pa
        import pyarrow.compute as pc

        every = rows.shape[0] == self.valid.shape[0]  # rows: all of them, in order
        texts = self.arrow if every else self.arrow.take(arrow_positions(rows))
        valid = self.valid if every else self.valid[rows]
        if self.fixed:
            where = np.fromiter((r in self.fixed for r in rows.tolist()), np.bool_, rows.size)
            if where.any():
                texts = pc.replace_with_mask(
                    texts,
                    arrow_mask(where),
                    pa.array([self.fixed[r] for r in rows[where].tolist()], texts.type),
                )
        if not valid.all():
            texts = pc.if_else(arrow_mask(valid), texts, pa.nulls(1, texts.type)[0])
        return texts


class Duplicates:
    """The household_ids seen in earlier rows, by key (bounded memory: 8 bytes each)."""

    def __init__(self) -> None:
        # Sorted runs of keys, merged as a binary counter merges: a few runs at any time,
        # each key copied O(log n) times in all, so a file of any length stays linear.
        self.runs: list[NDArray[np.int64]] = []
        self.top: int | None = None  # the largest key seen
        # While every chunk's keys rise past the ones before, the runs are in order and
        # disjoint: kept as they come, joined (already sorted) only when a search needs it.
        self.rising = True

    def check(self, keys: NDArray[np.int64], valid: NDArray[np.bool_]) -> NDArray[np.bool_]:
        """Which rows repeat an id of an earlier row (this chunk or an earlier one)."""
        out = np.zeros(keys.shape[0], dtype=np.bool_)
        every = bool(valid.all())
        rows = np.arange(keys.shape[0]) if every else np.flatnonzero(valid)
        if not rows.size:
            return out
        present = keys if every else keys[rows]
        if (self.top is None or present[0] > self.top) and bool((present[1:] > present[:-1]).all()):
            # Rising keys, past every earlier one: no repeat, and already a sorted run.
            self.top = int(present[-1])
            if self.rising:
                self.runs.append(present)
            else:
                self._remember(present)
            return out
        if self.rising and len(self.runs) > 1:
            self.runs = [np.concatenate(self.runs)]
        self.rising = False
        uniq, first = np.unique(present, return_index=True)
        later = np.ones(rows.size, dtype=np.bool_)
        later[first] = False
        out[rows[later]] = True
        hit = np.zeros(uniq.size, dtype=np.bool_)
        for run in self.runs:
            at = np.searchsorted(run, uniq)
            hit |= run[np.minimum(at, run.size - 1)] == uniq
        if hit.any():
            out[rows[np.isin(present, uniq[hit])]] = True
        top = int(uniq[-1])
        self.top = top if self.top is None else max(self.top, top)
        if not hit.all():
            self._remember(uniq[~hit])
        return out

    def _remember(self, run: NDArray[np.int64]) -> None:
        while self.runs and self.runs[-1].size <= run.size:
            earlier = self.runs.pop()
            joined = np.concatenate([earlier, run])
            run = joined if earlier[-1] < run[0] else np.sort(joined, kind="stable")
        self.runs.append(run)
