"""A column's distinct values, each read once by the table contract, across chunks.

The batch engine reads a text-like column (area, deprivations, yes/no words, amounts in
words) once per *distinct* value, by the contract's own functions, and the rows take
the result by position. :class:`Distinct` remembers the values already read from chunk
to chunk (up to a bound), so a chunk costs Python work only for the values no earlier
chunk had; for Arrow text even finding which those are is done by Arrow.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from vnlabor.batch._columns import ColumnChunk, arrow_module
from vnlabor.table.arrow import arrow_positions, numbers
from vnlabor.table.cells import is_blank
from vnlabor.table.rows import Problem

__all__ = ["Distinct"]

_LIMIT: Final = 1 << 18  # distinct values remembered per column (bounded memory)


class Distinct:
    """One column's distinct values, each read once by the contract, across chunks.

    ``read(value)`` gives ``(value read, problems)``; ``number(value read)`` the integer
    the rows take (an area's code, a deprivation mask, an amount). The values are
    remembered (up to a bound): a chunk costs Python work only for the values no
    earlier chunk had. For Arrow text, even finding which those are is done by Arrow.
    """

    def __init__(
        self,
        read: Callable[[Any], tuple[object, list[Problem]]],
        number: Callable[[object], int],
    ) -> None:
        self.read = read
        self.number = number
        found, problems = read(None)
        self.blank_number = 0 if problems else number(found)
        self.blank_problems = problems
        self._forget()

    def _forget(self) -> None:
        self.index: dict[Any, int] = {}
        self.values: list[Any] = []
        self.problems: list[list[Problem]] = []
        # Per known value: its number, and whether it has problems.
        self._numbers = np.zeros(0, dtype=np.int64)
        self._bad = np.zeros(0, dtype=np.bool_)
        self._pending: list[tuple[int, bool]] = []
        self._known: Any = None  # the text values, as a pyarrow array
        self._settled = False  # whether the last Arrow chunk had only known values

    def _add(self, value: Any) -> int:
        at = len(self.values)
        self.values.append(value)
        if is_blank(value):  # read as an empty cell ("", spaces)
            self.problems.append(self.blank_problems)
            self._pending.append((self.blank_number, bool(self.blank_problems)))
            return at
        found, problems = self.read(value)
        self.problems.append(problems)
        self._pending.append((0 if problems else self.number(found), bool(problems)))
        return at

    def _flush(self) -> None:
        if self._pending:
            numbers, bad = zip(*self._pending, strict=True)
            self._numbers = np.concatenate([self._numbers, np.array(numbers, dtype=np.int64)])
            self._bad = np.concatenate([self._bad, np.array(bad, dtype=np.bool_)])
            self._pending = []

    def arrays(self) -> tuple[NDArray[np.int64], NDArray[np.bool_]]:
        """Each known value's number and whether it has problems; the last: an empty cell."""
        self._flush()
        return (
            np.append(self._numbers, self.blank_number),
            np.append(self._bad, bool(self.blank_problems)),
        )

    def positions(self, chunk: ColumnChunk) -> NDArray[np.integer[Any]]:
        """Each row's value, as its position among the known values.

        ``-1`` for a null cell; a blank text (``""``, spaces) is a known value read as an
        empty cell.
        """
        if len(self.values) >= _LIMIT:
            self._forget()
        coded = chunk.dictionary
        if coded is not None:  # Arrow text with its dictionary: the entries read
            indices, dictionary = coded
            return self._entries(dictionary)[indices]
        text = chunk.text
        if text is not None:
            return self._arrow_positions(text)
        codes, uniques = chunk.codes
        lookup = np.full(len(uniques) + 1, -1, dtype=np.intp)
        for u, value in enumerate(uniques):
            try:
                key = (value.__class__, value)
                at = self.index.get(key)
                if at is None:
                    at = self.index[key] = self._add(value)
            except TypeError:  # unhashable (a list): read each time
                at = self._add(value)
            lookup[u] = at
        return lookup[codes]

    def _arrow_positions(self, text: Any) -> NDArray[np.integer[Any]]:
        import pyarrow.compute as pc

        if self._settled:
            # Once a chunk brought no new value, the next likely brings none either: its
            # rows are looked up among the known values at once.
            found = pc.index_in(text, value_set=self._known)
            if not found.null_count:
                at: NDArray[np.intp] = numbers(found)
                return at
        encoded = text.dictionary_encode()
        rows: NDArray[np.intp] = self._entries(encoded.dictionary)[
            numbers(encoded.indices, null=-1)
        ]
        return rows

    def _entries(self, dictionary: Any) -> NDArray[np.intp]:
        """Where each entry of a dictionary (Arrow text) is among the known values.

        The new ones are read. One more entry at the end, ``-1``, stands for a null.
        """
        pa = arrow_module()
        import pyarrow.compute as pc

        if self._known is not None and len(dictionary):
            known = pc.index_in(dictionary, value_set=self._known)
            where = numbers(known, null=-1).astype(np.intp)
        else:
            where = np.full(len(dictionary), -1, dtype=np.intp)
        new = np.flatnonzero(where < 0)
        self._settled = not new.size and self._known is not None
        if new.size:
            fresh = dictionary.take(arrow_positions(new))
            for k, value in zip(new.tolist(), fresh.to_pylist(), strict=True):
                where[k] = self.index[(str, value)] = self._add(value)
            self._known = fresh if self._known is None else pa.concat_arrays([self._known, fresh])
        return np.append(where, -1)
