"""Poverty classification of a whole household table at once (the columnar engine).

The engine evaluates the very decision tables the scalar path uses
(:attr:`CompiledStandard.bands <vnlabor.poverty.standard.CompiledStandard>`, see
:mod:`vnlabor.poverty.rule`): for each area, the first band whose closed income ceiling
the household is at or below and whose deprivation floor it reaches gives its status;
past every band it is :attr:`~vnlabor.PovertyStatus.NON_POOR`. Only the indicators of
the standard in force are counted. The bands are read, never copied, and applied with
``numpy.select`` to whole columns, so the result is row for row that of
:func:`vnlabor.classify`.

The table is read through the household table contract (:mod:`vnlabor.table`), the
very one :func:`vnlabor.io.read_households` reads with: headers by field name or
Vietnamese/English label, with or without diacritics (``Khu vực``, ``bảo hiểm y tế``);
areas, money (``1.500.000``, ``1,5 triệu``), yes/no words (``x``, ``có``, ``không``,
``1``/``0``; an empty indicator cell, or NA in a nullable boolean column, states nothing: the
indicator is unknown, as in ``Household.unknown_indicators``), dates; a
``deprivations`` text column or one yes/no column per indicator; every other field of
:class:`~vnlabor.Household` checked when its column is there; a repeated
``household_id`` rejected. A row is rejected here exactly when the readers reject it,
with the same reason. Each distinct text is read once, and typed columns (integers,
floats, booleans) without a per-row Python step.

Bad rows: ``errors="raise"`` (the default) raises one ``ValueError`` naming each bad
column, how many rows are bad and the first of them; ``errors="report"`` classifies
the good rows and returns a :class:`Classified` listing every bad row as a
:class:`~vnlabor.table.errors.RowError` numbered as the CSV reader numbers lines
(header = line 1, so the row at position ``p`` is line ``p + 2``), with its 0-based
position too.

>>> from datetime import date
>>> import pandas as pd
>>> from vnlabor import batch
>>> df = pd.DataFrame({
...     "household_id": ["H1", "H2", "H3"],
...     "Khu vực": ["nông thôn", "urban", "Rural "],
...     "monthly_income_per_capita": ["1.500.000", 2_000_001, "900.000"],
...     "deprivations": ["health_insurance;nutrition;housing_area", "", "nutrition"],
... })
>>> [s.value for s in batch.classify(df, on=date(2024, 3, 1))]
['poor', 'average_living_standard', 'near_poor']
>>> batch.status_codes(df, list_year=2027)
array([0, 1, 1], dtype=int8)
>>> df.loc[1, "Khu vực"] = "miền núi"
>>> result = batch.classify(df, on=date(2024, 3, 1), errors="report")
>>> result.status.tolist()
[<PovertyStatus.POOR: 'poor'>, nan, <PovertyStatus.NEAR_POOR: 'near_poor'>]
>>> print(result.rejected[0])
line 3: Khu vực: khu vực không hợp lệ / unknown area: 'miền núi' (hợp lệ / accepted: rural, urban)
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Literal, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from vnlabor.batch import _households, _table
from vnlabor.batch._households import Chunk, Plan, Reader
from vnlabor.law.book import LawBook
from vnlabor.model.area import Area
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.standard import CompiledStandard, compiled_for
from vnlabor.table.cells import mask_citizen_ids
from vnlabor.table.errors import HeaderError, RowError
from vnlabor.table.headers import UnknownColumns

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "STATUS_BY_CODE",
    "Classified",
    "Engine",
    "Errors",
    "classify",
    "status_codes",
    "status_dtype",
    "statuses_from_codes",
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
undetermined (indicators stated unknown, such as empty indicator cells, or left open by
a household's facts, could change its class). The codes are stable: new statuses would only ever
be appended. ``-1`` marks a rejected row (:attr:`Classified.codes`).
"""

Errors = Literal["raise", "report"]
"""What :func:`classify` does with bad rows: raise, or report them and go on."""

_CHUNK_ROWS: Final = 1 << 16
"""Rows evaluated at a time: bounds the temporaries and keeps them in cache."""

_CODE: Final = {status: np.int8(code) for code, status in enumerate(STATUS_BY_CODE)}
_STATUS_OBJECTS: Final = np.array(STATUS_BY_CODE, dtype=object)
_STATUS_OBJECTS.flags.writeable = False
_AREAS: Final = tuple(Area)
_EXAMPLES: Final = 3


def status_dtype() -> pd.CategoricalDtype:
    """The pandas dtype of :func:`classify`'s Series: the statuses as categories.

    One byte a row; each value is the :class:`~vnlabor.PovertyStatus` member itself.
    Give it to Dask as ``meta`` (see :func:`classify`).
    """
    import pandas

    dtype: pd.CategoricalDtype = pandas.CategoricalDtype(
        pandas.Index(list(STATUS_BY_CODE), dtype=object)
    )
    return dtype


@dataclass(frozen=True, slots=True)
class Classified:
    """The statuses of a table's good rows, and every bad row (``errors="report"``).

    Attributes:
        status: One status per row, in row order; missing (``NaN``/``None``) for a
            rejected row. For a DataFrame, a categorical Series named ``status`` with
            the DataFrame's index; otherwise a numpy object array.
        codes: The same as ``int8`` codes (:data:`STATUS_BY_CODE`), ``-1`` for a
            rejected row.
        rejected: One :class:`~vnlabor.table.errors.RowError` per rejected row, in row
            order: ``line`` as a CSV file numbers it (header = line 1), ``position`` the
            0-based row position (``iloc``), ``household_id`` masked if shaped like a
            citizen ID, and the reason the readers would give.
        ignored_columns: Header text of the columns no field uses.
    """

    status: Any
    codes: NDArray[np.int8]
    rejected: tuple[RowError, ...]
    ignored_columns: tuple[str, ...] = ()

    def counts(self) -> dict[PovertyStatus, int]:
        """How many rows have each status (rejected rows left out)."""
        found = np.bincount(self.codes[self.codes >= 0], minlength=len(STATUS_BY_CODE))
        return {status: int(found[code]) for code, status in enumerate(STATUS_BY_CODE)}


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """One chunk classified: codes (``-1`` rejected), the rows read, the bad rows."""

    start: int
    codes: NDArray[np.int8]
    band: NDArray[np.int8]
    chunk: Chunk
    bad: NDArray[np.intp]
    reasons: list[str]
    possible: NDArray[np.int8] | None = None
    """Per row, the statuses still possible as bits (``1 << code``) when undetermined,
    else 0; ``None`` when no row has an indicator stated unknown."""


class Engine:
    """Classifies the chunks of one table, read through the household table contract.

    :func:`classify` runs it over a DataFrame, an Arrow table or a mapping of columns;
    the command line runs it over a file read in chunks. One engine per table: it
    remembers the distinct values it has read and the ``household_id`` it has seen.
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
        self.plan: Plan = _households.plan(header, unknown_columns, source)
        self.reader = Reader(self.plan)
        self.counted = sum(_households.BIT[d] for d in compiled.indicators)

    @property
    def columns(self) -> list[int]:
        """The indices of the columns the engine reads, in header order.

        The ignored columns too: a row is skipped only when all its cells are empty.
        """
        return sorted({*(c.index for c in self.plan.columns), *self.plan.ignored_at})

    def run(self, cols: dict[int, _table.Column], size: int, start: int = 0) -> ChunkResult:
        """Classify one chunk of ``size`` rows (``{column index: column chunk}``)."""
        chunk = self.reader.read(cols, size)
        count = _popcount(chunk.mask & np.int32(self.counted))
        band = bands(self.compiled, chunk.area, chunk.income, count)
        codes = band_status(self.compiled, chunk.area, band)
        possible = None
        if chunk.unknown is not None:
            open_ = _popcount(chunk.unknown & np.int32(self.counted))
            possible = possible_statuses(self.compiled, chunk.area, chunk.income, count, open_)
            undetermined = (possible & (possible - 1)) != 0  # more than one status
            codes[undetermined] = _CODE[PovertyStatus.UNDETERMINED]
            band[undetermined] = -1
            possible[~undetermined] = 0
        bad_mask = chunk.bad()
        bad = np.flatnonzero(bad_mask)
        codes[bad] = -1
        if chunk.blank is not None:
            codes[chunk.blank] = -1  # skipped, as the readers skip an empty row
        return ChunkResult(start, codes, band, chunk, bad, chunk.reasons(bad.tolist()), possible)


def possible_statuses(
    compiled: CompiledStandard,
    area: NDArray[Any],
    income: NDArray[np.int64],
    count: NDArray[np.int8],
    open_: NDArray[np.int8],
) -> NDArray[np.int8]:
    """Per row, every status some number of its open indicators could give, as bits.

    Bit ``1 << code`` (:data:`STATUS_BY_CODE`) for each status reached with ``count``
    to ``count + open_`` deprivations, as :func:`vnlabor.classify` lists them.
    """
    out = np.zeros(count.shape[0], dtype=np.int8)
    for extra in range(int(open_.max(initial=0)) + 1):
        rows = open_ >= extra
        n = (count + extra).astype(np.int8)
        status = band_status(compiled, area, bands(compiled, area, income, n))
        out[rows] |= (np.int8(1) << status[rows]).astype(np.int8)
    return out


def _popcount(mask: NDArray[np.int32]) -> NDArray[np.int8]:
    count = np.zeros(mask.shape[0], dtype=np.int8)
    for bit in _households.BIT.values():
        count += ((mask & np.int32(bit)) != 0).astype(np.int8)
    return count


@overload
def classify(
    table: Mapping[str, ArrayLike],
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
    errors: Literal["raise"] = "raise",
    unknown_columns: UnknownColumns = "error",
) -> NDArray[np.object_]: ...


@overload
def classify(
    table: pd.DataFrame | pa.Table | pa.RecordBatch | Mapping[str, ArrayLike],
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
    errors: Literal["report"],
    unknown_columns: UnknownColumns = "error",
) -> Classified: ...


@overload
def classify(
    table: pd.DataFrame,
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
    errors: Literal["raise"] = "raise",
    unknown_columns: UnknownColumns = "error",
) -> pd.Series: ...


# Without pandas' stubs pd.DataFrame is Any, so mypy deems this one unreachable.
@overload
def classify(  # type: ignore[overload-cannot-match, unused-ignore]
    table: pa.Table | pa.RecordBatch,
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
    errors: Literal["raise"] = "raise",
    unknown_columns: UnknownColumns = "error",
) -> NDArray[np.object_]: ...


def classify(
    table: pd.DataFrame | pa.Table | pa.RecordBatch | Mapping[str, ArrayLike],
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
    errors: Errors = "raise",
    unknown_columns: UnknownColumns = "error",
) -> pd.Series | NDArray[np.object_] | Classified:
    """The status of every household of ``table``, in row order.

    Row for row the same as ``vnlabor.classify(household, ...).status`` on the
    households :func:`vnlabor.io.read_households` reads from the same table (see the
    module documentation for the columns and cells read).

    Works on each partition of a Dask DataFrame; give ``meta`` so that Dask does not
    try the function on invented data::

        ddf.map_partitions(vnlabor.batch.classify, on=date(2024, 3, 1),
                           meta=pd.Series(dtype=vnlabor.batch.status_dtype(), name="status"))

    Args:
        table: A pandas DataFrame, a pyarrow Table or RecordBatch (read in chunks, so
            memory stays bounded), or a mapping of column name to array-like.
        on: Date whose standard applies.
        list_year: Instead of ``on``: classify for the lists of this year, i.e. under the
            standard the review at the end of the previous year applies.
        law: A law book with overlays (e.g. a provincial standard); national by default.
        errors: ``"raise"`` (default): any bad row raises a ``ValueError``;
            ``"report"``: the good rows are classified and every bad row is listed
            (a :class:`Classified` is returned).
        unknown_columns: ``"error"`` (default): a column close to a field's or an
            indicator's name that no other column gives (``nutriton``) is an error;
            ``"ignore"``: it is ignored.

    Returns:
        With ``errors="raise"``: for a DataFrame, a categorical Series named
        ``status`` with the DataFrame's index, whose values are
        :class:`~vnlabor.PovertyStatus` members (one byte a row,
        :func:`status_dtype`); otherwise a numpy object array of them. With
        ``errors="report"``: a :class:`Classified`.

    Raises:
        TypeError: neither or both of ``on`` and ``list_year`` given, or ``table`` is
            not a table.
        NoStandardInForce: no standard is encoded for the date.
        HeaderError: a required column is missing, a field is given twice, or a column
            looks like a mistyped name (a ``ValueError``).
        ValueError: (``errors="raise"``) some rows are bad: the message names each bad
            column, how many of its rows are bad, and the first of them (0-based
            positions, as ``iloc``), with their values, ``household_id`` and the reason.

    >>> from datetime import date
    >>> import pandas as pd
    >>> df = pd.DataFrame({"area": ["urban", "rural"],
    ...                    "monthly_income_per_capita": [2_000_000, 1_500_001],
    ...                    "nutrition": [True, False], "bảo hiểm y tế": ["x", "x"],
    ...                    "housing_area": [True, False]}, index=["a", "b"])
    >>> status = classify(df, on=date(2025, 12, 31))
    >>> status
    a                       poor
    b    average_living_standard
    Name: status, dtype: category
    Categories (5, object): ['poor', 'near_poor', 'average_living_standard',
                             'non_poor', 'undetermined']
    >>> status.iloc[0]
    <PovertyStatus.POOR: 'poor'>
    """
    if errors not in ("raise", "report"):
        raise ValueError(f"errors must be 'raise' or 'report', not {errors!r}")
    compiled = compiled_for(on, list_year, law)
    source = _table.open_table(table)
    codes, rejected, ignored = _classify_source(source, compiled, errors, unknown_columns)
    if errors == "raise":
        return _statuses(table, codes)
    return Classified(_statuses(table, codes), codes, tuple(rejected), ignored)


def _statuses(table: object, codes: NDArray[np.int8]) -> Any:
    if _table.is_pandas_frame(table):
        frame: Any = table
        pandas = sys.modules["pandas"]
        categorical = pandas.Categorical.from_codes(codes, dtype=status_dtype())
        return pandas.Series(categorical, index=frame.index, name="status", copy=False)
    out = np.full(codes.shape, None, dtype=object)
    good = codes >= 0
    out[good] = _STATUS_OBJECTS[codes[good].astype(np.intp)]
    return out


def status_codes(
    table: pd.DataFrame | pa.Table | pa.RecordBatch | Mapping[str, ArrayLike],
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
    unknown_columns: UnknownColumns = "error",
) -> NDArray[np.int8]:
    """:func:`classify` as compact codes: one byte per household, for big data.

    ``STATUS_BY_CODE[code]`` is the status of a code (``0`` poor, ``1`` near-poor,
    ``2`` average living standard, ``3`` none of these); :func:`statuses_from_codes`
    turns an array of codes into statuses. Bad rows raise, as :func:`classify` does
    (its ``errors="report"`` gives codes with ``-1`` for rejected rows).

    Args:
        table: As for :func:`classify`.
        on: Date whose standard applies.
        list_year: Instead of ``on``: the year of the lists.
        law: A law book with overlays; national by default.
        unknown_columns: As for :func:`classify`.

    Returns:
        A numpy ``int8`` array, one code per row, in row order.

    Raises:
        TypeError: neither or both of ``on`` and ``list_year`` given, or ``table`` is
            not a table.
        NoStandardInForce: no standard is encoded for the date.
        ValueError: a required column is missing or some rows are bad (see
            :func:`classify`).

    >>> from datetime import date
    >>> codes = status_codes({"area": ["rural", "rural"],
    ...                       "monthly_income_per_capita": [700_000, 700_001]},
    ...                      on=date(2021, 12, 31))
    >>> codes, [STATUS_BY_CODE[c].value for c in codes]
    (array([0, 1], dtype=int8), ['poor', 'near_poor'])
    """
    compiled = compiled_for(on, list_year, law)
    source = _table.open_table(table)
    return _classify_source(source, compiled, "raise", unknown_columns)[0]


def statuses_from_codes(codes: ArrayLike) -> NDArray[np.object_]:
    """The statuses of codes from :func:`status_codes`, as a numpy object array.

    Args:
        codes: Status codes (integers from 0 to ``len(STATUS_BY_CODE) - 1``).

    Returns:
        An object array of :class:`~vnlabor.PovertyStatus` members, same shape.

    Raises:
        ValueError: a code is not one of :data:`STATUS_BY_CODE` (``-1``, a rejected
            row of :attr:`Classified.codes`, has no status).

    >>> statuses_from_codes([3, 0]).tolist()
    [<PovertyStatus.NON_POOR: 'non_poor'>, <PovertyStatus.POOR: 'poor'>]
    """
    array = np.asarray(codes)
    if array.size and (
        array.dtype.kind not in "iu" or array.min() < 0 or array.max() >= len(STATUS_BY_CODE)
    ):
        raise ValueError(
            f"mã trạng thái không hợp lệ / status codes must be integers from 0 to "
            f"{len(STATUS_BY_CODE) - 1}"
        )
    return _STATUS_OBJECTS[array.astype(np.intp, copy=False)]


# --- the engine ---------------------------------------------------------------------------


def bands(
    compiled: CompiledStandard,
    area: NDArray[np.int8] | NDArray[np.int64],
    income: NDArray[np.int64],
    count: NDArray[np.int8],
) -> NDArray[np.int8]:
    """Per row, the index of its band in its area's decision table (``-1``: past all)."""
    conditions: list[NDArray[np.bool_]] = []
    choices: list[np.int8] = []
    for code, name in enumerate(_AREAS):
        here = area == code
        for k, band in enumerate(compiled.bands[name]):
            condition = here & (income <= band.ceiling)
            if band.min_deprivations > 0:
                condition &= count >= band.min_deprivations
            conditions.append(condition)
            choices.append(np.int8(k))
    return np.select(conditions, choices, default=np.int8(-1)).astype(np.int8)


def band_status(
    compiled: CompiledStandard, area: NDArray[Any], band: NDArray[np.int8]
) -> NDArray[np.int8]:
    """Status codes from each row's area and band (``-1``: non-poor)."""
    out = np.full(band.shape[0], _CODE[PovertyStatus.NON_POOR], dtype=np.int8)
    for code, name in enumerate(_AREAS):
        here = area == code
        for k, b in enumerate(compiled.bands[name]):
            out[here & (band == k)] = _CODE[b.status]
    return out


def evaluate(
    compiled: CompiledStandard,
    area: NDArray[np.int8],
    income: NDArray[np.int64],
    count: NDArray[np.int8],
) -> NDArray[np.int8]:
    """Status codes from area codes, income and deprivations counted, one per row.

    The decision table of each area (``compiled.bands``) becomes one condition per band,
    in the band order, so the first matching band wins as in
    :func:`vnlabor.poverty.rule.match_band`; a row past every band is non-poor.

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
    return band_status(compiled, area, bands(compiled, area, income, count))


def _classify_source(
    source: _table.Source,
    compiled: CompiledStandard,
    errors: Errors,
    unknown: UnknownColumns,
) -> tuple[NDArray[np.int8], list[RowError], tuple[str, ...]]:
    engine = _engine(source, compiled, unknown)
    out = np.empty(source.n_rows, dtype=np.int8)
    rejected: list[RowError] = []
    summary = _Summary(source)
    for result in run_source(engine, source):
        n = result.codes.shape[0]
        out[result.start : result.start + n] = result.codes
        if errors == "raise":
            summary.add(result)
        else:
            rejected += rejections(result, first_line=2)
    summary.raise_if_any()
    return out, rejected, engine.plan.ignored


def _engine(source: _table.Source, compiled: CompiledStandard, unknown: UnknownColumns) -> Engine:
    try:
        return Engine(source.header, compiled, unknown_columns=unknown)
    except HeaderError as exc:
        if exc.duplicated:
            twice = ", ".join(f"duplicate column {n!r}" for n in exc.duplicated)
            raise HeaderError(
                f"{exc} [{twice}]",
                missing=exc.missing,
                duplicated=exc.duplicated,
                unknown=exc.unknown,
            ) from None
        if exc.missing:  # say which columns the table has: a DataFrame's are easy to miss
            present = ", ".join(repr(h) for h in source.header[:12])
            needed = ", ".join(repr(n) for n in exc.missing)
            more = ", …" if len(source.header) > 12 else ""
            raise HeaderError(
                f"{exc} [{needed}; columns present / các cột có: {present or 'none'}{more}]",
                missing=exc.missing,
                duplicated=exc.duplicated,
                unknown=exc.unknown,
            ) from None
        raise


def run_source(engine: Engine, source: _table.Source) -> Iterator[ChunkResult]:
    """Classify ``source`` chunk by chunk."""
    for start, cols in source.chunks(engine.columns, _CHUNK_ROWS):
        size = min(_CHUNK_ROWS, source.n_rows - start)
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


class _Summary:
    """Bad rows found so far, per column, with the first few of each (for ``raise``)."""

    def __init__(self, source: _table.Source) -> None:
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
