"""The columnar engine: chunks of a household table read, then decided by lookup tables.

The engine evaluates the very decision tables the scalar path uses
(:attr:`CompiledStandard.bands <vnlabor.poverty.standard.CompiledStandard>`, see
:mod:`vnlabor.poverty.rule`): for each area, the first band whose closed income ceiling
the household is at or below and whose deprivation floor it reaches gives its status;
past every band it is non-poor. Only the indicators of the standard in force are
counted. The bands are read, never copied: :class:`DecisionTable` lays them out once
per standard as an array indexed by (area, income bracket, deprivations counted), so
deciding a row is a lookup, whatever the number of bands.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Final, Literal

import numpy as np
from numpy.typing import NDArray

from vnlabor.batch._columns import Column
from vnlabor.batch._households import BIT, Chunk, Reader
from vnlabor.batch._plan import Plan, plan
from vnlabor.batch._sources import Source
from vnlabor.model.area import Area
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.standard import CompiledStandard
from vnlabor.table.cells import mask_citizen_ids
from vnlabor.table.errors import RowError
from vnlabor.table.headers import UnknownColumns

__all__ = [
    "STATUS_BY_CODE",
    "ChunkResult",
    "DecisionTable",
    "Engine",
    "evaluate",
    "rejections",
    "run_source",
]

STATUS_BY_CODE: Final[tuple[PovertyStatus, ...]] = (
    PovertyStatus.POOR,
    PovertyStatus.NEAR_POOR,
    PovertyStatus.AVERAGE_LIVING_STANDARD,
    PovertyStatus.NON_POOR,
    PovertyStatus.UNDETERMINED,
)
"""The status of each code :func:`status_codes` returns: ``STATUS_BY_CODE[code]``.

``0`` poor, ``1`` near-poor, ``2`` average living standard, ``3`` none of these, ``4``
undetermined (a household assessed from facts that leave its class open; a table of
deprivation flags never gives it). The codes are stable: new statuses would only ever
be appended. ``-1`` marks a rejected row (:attr:`Classified.codes`).
"""

CHUNK_ROWS = 1 << 16
"""Rows evaluated at a time: bounds the temporaries and keeps them in cache."""

_CODE: Final = {status: code for code, status in enumerate(STATUS_BY_CODE)}
_AREAS: Final = tuple(Area)
# Deprivations counted in a row, by its mask: one byte per possible mask.
_POPCOUNT: Final = (
    np.unpackbits(np.arange(1 << len(BIT), dtype=">u4").view(np.uint8).reshape(-1, 4), axis=1)
    .sum(axis=1)
    .astype(np.int8)
)


class DecisionTable:
    """A standard's decision tables, laid out for lookups.

    A row's *bracket* is how many of the standard's distinct ceilings its income is
    above: ``income <= ceiling`` exactly when the bracket is at most the ceiling's
    rank. ``band[area, bracket, count]`` is then the first band of the area's table
    that the row meets (``-1``: past every band), ``status[...]`` its status code.
    """

    def __init__(self, compiled: CompiledStandard) -> None:
        self.counted = sum(BIT[d] for d in compiled.indicators)
        self.ceilings = sorted({b.ceiling for a in _AREAS for b in compiled.bands[a]})
        brackets = len(self.ceilings) + 1
        counts = len(BIT) + 1
        self.shape = (len(_AREAS), brackets, counts)
        band = np.full(self.shape, -1, dtype=np.int8)
        status = np.full(self.shape, _CODE[PovertyStatus.NON_POOR], dtype=np.int8)
        for a, area in enumerate(_AREAS):
            for bracket in range(brackets):
                for count in range(counts):
                    for k, b in enumerate(compiled.bands[area]):
                        rank = self.ceilings.index(b.ceiling)
                        if bracket <= rank and count >= b.min_deprivations:
                            band[a, bracket, count] = k
                            status[a, bracket, count] = _CODE[b.status]
                            break
        self.band = band.reshape(-1)
        self.status = status.reshape(-1)

    def index(
        self,
        area: NDArray[np.int8] | NDArray[np.int64],
        income: NDArray[np.int64],
        count: NDArray[np.int8],
    ) -> NDArray[np.intp]:
        """Each row's place in the tables."""
        _, brackets, counts = self.shape
        if len(self.ceilings) <= 8:
            bracket = np.zeros(income.shape[0], dtype=np.intp)
            for ceiling in self.ceilings:
                bracket += income > ceiling
        else:
            bracket = np.searchsorted(np.array(self.ceilings), income, side="left")
        at: NDArray[np.intp] = area.astype(np.intp) * (brackets * counts)
        at += bracket * counts
        at += count
        return at

    def count(self, mask: NDArray[np.int32]) -> NDArray[np.int8]:
        """The deprivations the standard counts, from each row's mask."""
        counted: NDArray[np.int8] = _POPCOUNT[mask & np.int32(self.counted)]
        return counted


def evaluate(
    compiled: CompiledStandard,
    area: NDArray[np.int8],
    income: NDArray[np.int64],
    count: NDArray[np.int8],
) -> NDArray[np.int8]:
    """Status codes from area codes, income and deprivations counted, one per row.

    The decision table of each area (``compiled.bands``), applied so that the first
    matching band wins as in :func:`vnlabor.poverty.rule.match_band`; a row past every
    band is non-poor.

    Args:
        compiled: The standard in force with its decision tables.
        area: Per row, the index of its area in ``tuple(Area)``.
        income: Per row, monthly income per capita in đồng.
        count: Per row, the number of deprivations the standard counts.

    Returns:
        Per row, its status code (see :data:`STATUS_BY_CODE`).

    >>> from datetime import date
    >>> from vnlabor.poverty.standard import compiled_in_force
    >>> evaluate(compiled_in_force(date(2024, 3, 1)), np.array([0, 0], dtype=np.int8),
    ...          np.array([1_500_000, 1_500_001]), np.array([3, 3], dtype=np.int8))
    array([0, 2], dtype=int8)
    """
    table = DecisionTable(compiled)
    status: NDArray[np.int8] = table.status[table.index(area, income, count)]
    return status


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """One chunk classified: codes (``-1`` rejected), the rows read, the bad rows."""

    start: int
    codes: NDArray[np.int8]
    band: NDArray[np.int8]
    chunk: Chunk
    bad: NDArray[np.intp]
    reasons: list[str]


class Engine:
    """Classifies the chunks of one table, read through the household table contract.

    :func:`vnlabor.batch.classify` runs it over a DataFrame, an Arrow table or a mapping
    of columns; the command line runs it over a file read in chunks. One engine per
    table: it remembers the distinct values it has read and the ``household_id`` it
    has seen.
    """

    def __init__(
        self,
        header: Sequence[str],
        compiled: CompiledStandard,
        *,
        unknown_columns: UnknownColumns = "error",
        source: str = "table",
    ) -> None:
        self.compiled = compiled
        self.plan: Plan = plan(header, unknown_columns, source)
        self.reader = Reader(self.plan)
        self.table = DecisionTable(compiled)
        self.counted = self.table.counted

    @property
    def columns(self) -> list[int]:
        """The indices of the columns the engine reads, in header order.

        The ignored columns too: a row is skipped only when all its cells are empty.
        """
        return sorted({*(c.index for c in self.plan.columns), *self.plan.ignored_at})

    @property
    def coded_columns(self) -> list[int]:
        """The columns of a few distinct values (area, deprivations, indicators).

        A file reader may hand them over dictionary-encoded: each distinct value is then
        found once per chunk by the reader, not once per row here.
        """
        p = self.plan
        cols = [p.area, *(c for c, _ in p.indicators)]
        if p.deprivations is not None:
            cols.append(p.deprivations)
        return sorted(c.index for c in cols)

    def run(
        self, cols: dict[int, Column], size: int, start: int = 0, *, blank_rows: bool = True
    ) -> ChunkResult:
        """Classify one chunk of ``size`` rows (``{column index: column chunk}``).

        ``blank_rows=False``: the caller has left out the rows with every cell empty
        already (a file reader does), so none is looked for.
        """
        chunk = self.reader.read(cols, size, blank_rows=blank_rows)
        at = self.table.index(chunk.area, chunk.income, self.table.count(chunk.mask))
        band = self.table.band[at]
        codes = self.table.status[at]
        bad_mask = chunk.bad()
        bad = np.flatnonzero(bad_mask)
        codes[bad] = -1
        if chunk.blank is not None:
            codes[chunk.blank] = -1  # skipped, as the readers skip an empty row
        return ChunkResult(start, codes, band, chunk, bad, chunk.reasons(bad.tolist()))


def run_source(engine: Engine, source: Source, rows: int | None = None) -> Iterator[ChunkResult]:
    """Classify ``source`` chunk by chunk (``rows`` at a time, :data:`CHUNK_ROWS` unless given)."""
    rows = CHUNK_ROWS if rows is None else rows
    for start, cols in source.chunks(engine.columns, rows):
        size = min(rows, source.n_rows - start)
        yield engine.run(cols, size, start)


def rejections(
    result: ChunkResult,
    *,
    first_line: int = 2,
    lines: NDArray[np.int64] | None = None,
    unit: Literal["line", "row", "index"] = "line",
) -> list[RowError]:
    """The bad rows of a chunk as :class:`RowError`, at their lines (or given positions)."""
    ids = result.chunk.household_id
    out = []
    for row, reason in zip(result.bad.tolist(), result.reasons, strict=True):
        position = result.start + row
        line = int(lines[row]) if lines is not None else position + first_line
        hid = ids[row] if ids is not None else None
        shown = mask_citizen_ids(hid) if isinstance(hid, str) else None
        out.append(RowError(line, shown, reason, unit=unit, position=position))
    return out
