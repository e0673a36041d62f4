"""Poverty classification of a whole household table at once (the columnar engine).

The engine evaluates the very decision tables the scalar path uses
(:attr:`CompiledStandard.bands <vnlabor.poverty.standard.CompiledStandard>`, see
:mod:`vnlabor.poverty.rule`): for each area, the first band whose closed income ceiling
the household is at or below and whose deprivation floor it reaches gives its status;
past every band it is :attr:`~vnlabor.PovertyStatus.NON_POOR`. Only the indicators of
the standard in force are counted. The bands are read, never copied, and laid out once
as lookup tables over whole columns, so the result is row for row that of
:func:`vnlabor.classify`.

The table is read through the household table contract (:mod:`vnlabor.table`), the
very one :func:`vnlabor.io.read_households` reads with: headers by field name or
Vietnamese/English label, with or without diacritics (``Khu vực``, ``bảo hiểm y tế``);
areas, money (``1.500.000``, ``1,5 triệu``), yes/no words (``x``, ``có``, ``không``,
``1``/``0``; an empty indicator cell states nothing and is not counted), dates; a
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
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Final, Literal, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray

from vnlabor.batch._engine import (
    STATUS_BY_CODE,
    ChunkResult,
    Engine,
    evaluate,
    rejections,
    run_source,
)
from vnlabor.batch._sources import Source, is_pandas_frame, open_table
from vnlabor.batch._summary import BadRows
from vnlabor.law.book import LawBook
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.standard import CompiledStandard, compiled_for
from vnlabor.table.errors import HeaderError, RowError
from vnlabor.table.headers import UnknownColumns

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "STATUS_BY_CODE",
    "ChunkResult",
    "Classified",
    "Engine",
    "Errors",
    "classify",
    "evaluate",
    "rejections",
    "run_source",
    "status_codes",
    "status_dtype",
    "statuses_from_codes",
]

Errors = Literal["raise", "report"]
"""What :func:`classify` does with bad rows: raise, or report them and go on."""

_STATUS_OBJECTS: Final = np.array(STATUS_BY_CODE, dtype=object)
_STATUS_OBJECTS.flags.writeable = False
_STATUS_OR_NONE: Final = np.array([*STATUS_BY_CODE, None], dtype=object)  # code -1: None
_STATUS_OR_NONE.flags.writeable = False


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
    source = open_table(table)
    codes, rejected, ignored = _classify_source(source, compiled, errors, unknown_columns)
    if errors == "raise":
        return _statuses(table, codes)
    return Classified(_statuses(table, codes), codes, tuple(rejected), ignored)


def _statuses(table: object, codes: NDArray[np.int8]) -> Any:
    if is_pandas_frame(table):
        frame: Any = table
        pandas = sys.modules["pandas"]
        categorical = pandas.Categorical.from_codes(codes, dtype=status_dtype())
        return pandas.Series(categorical, index=frame.index, name="status", copy=False)
    out: NDArray[np.object_] = _STATUS_OR_NONE[codes]
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
    source = open_table(table)
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


def _classify_source(
    source: Source,
    compiled: CompiledStandard,
    errors: Errors,
    unknown: UnknownColumns,
) -> tuple[NDArray[np.int8], list[RowError], tuple[str, ...]]:
    engine = _open_engine(source, compiled, unknown)
    out = np.empty(source.n_rows, dtype=np.int8)
    rejected: list[RowError] = []
    summary = BadRows(source)
    for result in run_source(engine, source):
        n = result.codes.shape[0]
        out[result.start : result.start + n] = result.codes
        if errors == "raise":
            summary.add(result)
        else:
            rejected += rejections(result, first_line=2)
    summary.raise_if_any()
    return out, rejected, engine.plan.ignored


def _open_engine(source: Source, compiled: CompiledStandard, unknown: UnknownColumns) -> Engine:
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
