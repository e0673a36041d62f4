"""Poverty classification of a whole household table at once (the columnar engine).

The engine evaluates the very decision tables the scalar path uses
(:attr:`CompiledStandard.bands <vnlabor.poverty.standard.CompiledStandard>`, see
:mod:`vnlabor.poverty.rule`): for each area, the first band whose closed income ceiling
the household is at or below and whose deprivation floor it reaches gives its status;
past every band it is :attr:`~vnlabor.PovertyStatus.NON_POOR`. Only the indicators of
the standard in force are counted. The bands are read, never copied, and applied with
``numpy.select`` to whole columns, so the result is row for row that of
:func:`vnlabor.classify`.

Household table columns (other columns are ignored and never read):

* ``area``: ``rural``/``urban``, ``nông thôn``/``thành thị``/``đô thị`` (any case,
  surrounding spaces ignored) or :class:`~vnlabor.Area` members;
* ``monthly_income_per_capita``: whole, non-negative đồng (integer column, or a float
  column holding whole numbers);
* the deprivations, either as one boolean column per indicator named after it
  (``health_insurance``, ``nutrition``…; a missing column means "not deprived"), or as
  one ``deprivations`` text column of names separated by ``;`` (an empty cell means
  none);
* ``household_id`` (optional): only used to point at bad rows in error messages.

>>> from datetime import date
>>> import pandas as pd
>>> from vnlabor import batch
>>> df = pd.DataFrame({
...     "household_id": ["H1", "H2", "H3"],
...     "area": ["nông thôn", "urban", "Rural "],
...     "monthly_income_per_capita": [1_500_000, 2_000_001, 900_000],
...     "deprivations": ["health_insurance;nutrition;housing_area", "", "nutrition"],
... })
>>> [s.value for s in batch.classify(df, on=date(2024, 3, 1))]
['poor', 'average_living_standard', 'near_poor']
>>> batch.status_codes(df, list_year=2027)
array([0, 1, 1], dtype=int8)
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Final, overload

import numpy as np
from numpy.typing import ArrayLike, NDArray
from pydantic_core import PydanticCustomError

from vnlabor.batch import _table
from vnlabor.law.book import LawBook
from vnlabor.model.area import Area
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.household import coerce_area, coerce_deprivations
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.standard import CompiledStandard, compiled_for

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["STATUS_BY_CODE", "classify", "status_codes", "statuses_from_codes"]

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
be appended.
"""

AREA: Final = "area"
INCOME: Final = "monthly_income_per_capita"
DEPRIVATIONS: Final = "deprivations"

_Parse = Callable[[Any], tuple[int, str | None]]
"""Parses one distinct cell value into (code, problem or ``None``)."""

_CHUNK_ROWS: Final = 1 << 16
"""Rows evaluated at a time: bounds the temporaries and keeps them in cache."""

_CODE: Final = {status: np.int8(code) for code, status in enumerate(STATUS_BY_CODE)}
_STATUS_OBJECTS: Final = np.array(STATUS_BY_CODE, dtype=object)
_STATUS_OBJECTS.flags.writeable = False
_AREAS: Final = tuple(Area)
_AREA_CODE: Final = {area: code for code, area in enumerate(_AREAS)}


@overload
def classify(
    table: Mapping[str, ArrayLike],
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
) -> NDArray[np.object_]: ...


@overload
def classify(
    table: pd.DataFrame,
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
) -> pd.Series: ...


# Without pandas' stubs pd.DataFrame is Any, so mypy deems this one unreachable.
@overload
def classify(  # type: ignore[overload-cannot-match, unused-ignore]
    table: pa.Table | pa.RecordBatch,
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
) -> NDArray[np.object_]: ...


def classify(
    table: pd.DataFrame | pa.Table | pa.RecordBatch | Mapping[str, ArrayLike],
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
) -> pd.Series | NDArray[np.object_]:
    """The status of every household of ``table``, in row order.

    Row for row the same as ``vnlabor.classify(household, ...).status``, computed on
    whole columns (see the module documentation for the columns read).

    Works on each partition of a Dask DataFrame; give ``meta`` so that Dask does not
    try the function on invented data::

        ddf.map_partitions(vnlabor.batch.classify, on=date(2024, 3, 1),
                           meta=("status", "object"))

    Args:
        table: A pandas DataFrame, a pyarrow Table or RecordBatch (read in chunks, so
            memory stays bounded), or a mapping of column name to array-like.
        on: Date whose standard applies.
        list_year: Instead of ``on``: classify for the lists of this year, i.e. under the
            standard the review at the end of the previous year applies.
        law: A law book with overlays (e.g. a provincial standard); national by default.

    Returns:
        For a DataFrame, a Series named ``status`` with the DataFrame's index, holding
        :class:`~vnlabor.PovertyStatus` members (object dtype); otherwise a numpy
        object array of them.

    Raises:
        TypeError: neither or both of ``on`` and ``list_year`` given, or ``table`` is
            not a table.
        NoStandardInForce: no standard is encoded for the date.
        ValueError: a required column is missing, or some cells are bad (empty,
            negative or fractional income, unknown area, non-boolean indicator, unknown
            indicator name): the message names each bad column, how many of its rows
            are bad, and the first of them (0-based positions, as ``iloc``), with their
            values and ``household_id``.

    >>> from datetime import date
    >>> import pandas as pd
    >>> df = pd.DataFrame({"area": ["urban", "rural"],
    ...                    "monthly_income_per_capita": [2_000_000, 1_500_001],
    ...                    "nutrition": [True, False], "health_insurance": [True, True],
    ...                    "housing_area": [True, False]}, index=["a", "b"])
    >>> status = classify(df, on=date(2025, 12, 31))
    >>> status
    a                       poor
    b    average_living_standard
    Name: status, dtype: object
    >>> status.iloc[0]
    <PovertyStatus.POOR: 'poor'>
    """
    statuses = statuses_from_codes(status_codes(table, on, list_year=list_year, law=law))
    if _table.is_pandas_frame(table):
        frame: Any = table
        pandas = sys.modules["pandas"]
        series: pd.Series = pandas.Series(
            statuses, index=frame.index, name="status", dtype=object, copy=False
        )
        return series
    return statuses


def status_codes(
    table: pd.DataFrame | pa.Table | pa.RecordBatch | Mapping[str, ArrayLike],
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
) -> NDArray[np.int8]:
    """:func:`classify` as compact codes: one byte per household, for big data.

    ``STATUS_BY_CODE[code]`` is the status of a code (``0`` poor, ``1`` near-poor,
    ``2`` average living standard, ``3`` none of these); :func:`statuses_from_codes`
    turns an array of codes into statuses.

    Args:
        table: As for :func:`classify`.
        on: Date whose standard applies.
        list_year: Instead of ``on``: the year of the lists.
        law: A law book with overlays; national by default.

    Returns:
        A numpy ``int8`` array, one code per row, in row order.

    Raises:
        TypeError: neither or both of ``on`` and ``list_year`` given, or ``table`` is
            not a table.
        NoStandardInForce: no standard is encoded for the date.
        ValueError: a required column is missing or some cells are bad (see
            :func:`classify`).

    >>> from datetime import date
    >>> codes = status_codes({"area": ["rural", "rural"],
    ...                       "monthly_income_per_capita": [700_000, 700_001]},
    ...                      on=date(2021, 12, 31))
    >>> codes, [STATUS_BY_CODE[c].value for c in codes]
    (array([0, 1], dtype=int8), ['poor', 'near_poor'])
    """
    compiled = compiled_for(on, list_year, law)
    return _run(_table.open_table(table), compiled)


def statuses_from_codes(codes: ArrayLike) -> NDArray[np.object_]:
    """The statuses of codes from :func:`status_codes`, as a numpy object array.

    Args:
        codes: Status codes (integers from 0 to ``len(STATUS_BY_CODE) - 1``).

    Returns:
        An object array of :class:`~vnlabor.PovertyStatus` members, same shape.

    Raises:
        ValueError: a code is not one of :data:`STATUS_BY_CODE`.

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
    conditions: list[NDArray[np.bool_]] = []
    choices: list[np.int8] = []
    for code, name in enumerate(_AREAS):
        here = area == code
        for band in compiled.bands[name]:
            condition = here & (income <= band.ceiling)
            if band.min_deprivations > 0:
                condition &= count >= band.min_deprivations
            conditions.append(condition)
            choices.append(_CODE[band.status])
    return np.select(conditions, choices, default=_CODE[PovertyStatus.NON_POOR])


def _run(source: _table.Source, compiled: CompiledStandard) -> NDArray[np.int8]:
    flags = [d for d in Deprivation if d.value in source.names]
    names = _required_columns(source, flags)
    parse_area = _memo(_parse_area)
    parse_deprivations = _memo(_deprivation_parser(compiled))
    out = np.empty(source.n_rows, dtype=np.int8)
    report = _Report(source)
    for start, cols in source.chunks(names, _CHUNK_ROWS):
        area, bad = _table.read_coded(cols[AREA], parse_area, None)
        report.add(AREA, start, bad)
        income, bad = _table.read_income(cols[INCOME])
        report.add(INCOME, start, bad)
        if DEPRIVATIONS in cols:
            count, bad = _table.read_coded(cols[DEPRIVATIONS], parse_deprivations, 0)
            report.add(DEPRIVATIONS, start, bad)
        else:
            count = np.zeros(income.shape[0], dtype=np.int8)
            for indicator in flags:  # every flag column is checked, the counted ones added
                flag, bad = _table.read_booleans(cols[indicator.value])
                report.add(indicator.value, start, bad)
                if indicator in compiled.indicators:
                    count += flag
        if not report:  # after a bad cell, only scan (to count the bad rows)
            out[start : start + income.shape[0]] = evaluate(compiled, area, income, count)
    report.raise_if_any()
    return out


def _required_columns(source: _table.Source, flags: list[Deprivation]) -> list[str]:
    missing = [name for name in (AREA, INCOME) if name not in source.names]
    if missing:
        have = sorted(source.names)
        shown = ", ".join(repr(n) for n in have[:12]) + (", …" if len(have) > 12 else "")
        raise ValueError(
            f"thiếu cột / missing column(s) {', '.join(repr(n) for n in missing)} "
            f"(columns present: {shown or 'none'})"
        )
    if DEPRIVATIONS in source.names:
        if flags:
            raise ValueError(
                "give either a 'deprivations' column or indicator columns, not both "
                f"(found {', '.join(repr(d.value) for d in flags)}) / chỉ dùng một trong hai"
            )
        return [AREA, INCOME, DEPRIVATIONS]
    return [AREA, INCOME, *(d.value for d in flags)]


def _memo(
    parse: Callable[[Any], tuple[int, str | None]],
) -> Callable[[Any], tuple[int, str | None]]:
    """``parse`` remembering its answers (distinct values recur from chunk to chunk)."""
    seen: dict[Any, tuple[int, str | None]] = {}

    def parse_once(value: Any) -> tuple[int, str | None]:
        try:
            return seen[value]
        except KeyError:
            seen[value] = found = parse(value)
            return found
        except TypeError:  # unhashable
            return parse(value)

    return parse_once


def _parse_area(value: Any) -> tuple[int, str | None]:
    try:
        return int(_AREA_CODE[coerce_area(value)]), None
    except PydanticCustomError as exc:
        return 0, exc.message()


def _deprivation_parser(compiled: CompiledStandard) -> Callable[[Any], tuple[int, str | None]]:
    counted = compiled.indicators

    def parse(value: Any) -> tuple[int, str | None]:
        if not isinstance(value, str):
            return 0, "không phải chuỗi / not text (names separated by ';')"
        try:
            return len(counted.intersection(coerce_deprivations(str(value)))), None
        except PydanticCustomError as exc:
            return 0, exc.message()

    return parse


class _Report:
    """Bad rows found so far, per column, with the first few of each."""

    def __init__(self, source: _table.Source) -> None:
        self.source = source
        self.columns: dict[str, tuple[int, list[tuple[int, str, str]]]] = {}

    def __bool__(self) -> bool:
        return bool(self.columns)

    def add(self, column: str, start: int, bad: _table.Bad | None) -> None:
        if bad is None:
            return
        count, examples = self.columns.get(column, (0, []))
        examples = examples + [(start + row, shown, why) for row, shown, why in bad.examples]
        self.columns[column] = (count + bad.count, examples[: _table.EXAMPLES])

    def raise_if_any(self) -> None:
        if not self.columns:
            return
        lines = [self._describe(column, count, ex) for column, (count, ex) in self.columns.items()]
        head = "bảng hộ gia đình có giá trị không hợp lệ / bad values in the household table"
        raise ValueError(f"{head}: {lines[0]}" if len(lines) == 1 else "\n- ".join([head, *lines]))

    def _describe(self, column: str, count: int, examples: list[tuple[int, str, str]]) -> str:
        shown = []
        for row, value, why in examples:
            note = self.source.note(row)
            shown.append(f"row {row}{f' ({note})' if note else ''} = {value}: {why}")
        return (
            f"cột / column {column!r}: {count} dòng lỗi / bad row(s) of {self.source.n_rows}; "
            f"first {'; '.join(shown)}"
        )
