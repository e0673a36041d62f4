"""The message of a table with bad rows, for ``errors="raise"``.

One line per bad column: how many of its rows are bad, and the first few of them
(0-based positions, as ``iloc``), with their values, ``household_id`` (masked if shaped
like a citizen ID), index label and reason.
"""

from __future__ import annotations

from typing import Final

import numpy as np

from vnlabor.batch._engine import ChunkResult
from vnlabor.batch._sources import Source
from vnlabor.table.cells import mask_citizen_ids

__all__ = ["BadRows"]

_EXAMPLES: Final = 3


class BadRows:
    """Bad rows found so far, per column, with the first few of each (for ``raise``)."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.columns: dict[str, tuple[int, list[tuple[int, str, str, str]]]] = {}
        self.total = 0

    def add(self, result: ChunkResult) -> None:
        if not result.bad.size:
            return
        self.total += int(result.bad.size)
        ids = result.chunk.household_id
        for t in result.chunk.troubles:
            rows = np.flatnonzero(t.codes >= 0)
            if not rows.size:
                continue
            count, examples = self.columns.get(t.label, (0, []))
            for row in rows[: max(0, _EXAMPLES - len(examples))].tolist():
                code = int(t.codes[row])
                hid = ids[row] if ids is not None else None
                why = t.texts[code]
                prefix = f"{t.label}: "
                why = why[len(prefix) :] if t.label and why.startswith(prefix) else why
                examples.append((result.start + row, t.shown[code], why, hid or ""))
            self.columns[t.label] = (count + int(rows.size), examples)

    def raise_if_any(self) -> None:
        if not self.columns:
            return
        lines = [self._describe(column, count, ex) for column, (count, ex) in self.columns.items()]
        head = "bảng hộ gia đình có giá trị không hợp lệ / bad values in the household table"
        tail = (
            f"\n{self.total} dòng lỗi / bad row(s) in all; errors='report' classifies the good "
            "rows and lists every bad one / dùng errors='report' để giữ các dòng tốt"
        )
        body = f"{head}: {lines[0]}" if len(lines) == 1 else "\n- ".join([head, *lines])
        raise ValueError(body + tail)

    def _describe(self, column: str, count: int, examples: list[tuple[int, str, str, str]]) -> str:
        shown = []
        positions = [row for row, _, _, _ in examples]
        labels = self.source.index_labels(positions)
        for i, (row, value, why, hid) in enumerate(examples):
            notes = []
            if hid:
                notes.append(f"household_id {mask_citizen_ids(hid)!r}")
            if labels is not None:
                notes.append(f"index {labels[i]!r}")
            note = f" ({', '.join(notes)})" if notes else ""
            shown.append(f"row {row}{note} = {value}: {why}")
        name = column or "row"
        return (
            f"cột / column {name!r}: {count} dòng lỗi / bad row(s) of {self.source.n_rows}; "
            f"first {'; '.join(shown)}"
        )
