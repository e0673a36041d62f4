"""Read any vnlabor record type from a CSV file, an Excel workbook or a pandas DataFrame.

:func:`read_records` reads the table's header (the first non-blank row), matches each
header cell to a field of the model (:mod:`vnlabor.table.headers`: Python name or
Vietnamese or English label, ignoring case, spaces and Unicode form), and validates
every row into a record, through the table contract (:mod:`vnlabor.table`) that the
batch engine and the command line use too. A bad row never stops the table: it
becomes a :class:`~vnlabor.table.errors.RowError` with its position and a bilingual
reason naming each faulty column and value, and every good row is kept, in order. A
column close to a field's name that no other column gives (``nutriton``) is an error
of the header, unless ``unknown_columns="ignore"``; other columns that name no field
are ignored, and listed in :attr:`RecordTable.ignored_columns`. Blank rows are
skipped.

Positions: a CSV file's physical line (header = line 1; a quoted cell spanning lines
counts them all, and a row is placed at its first line), a sheet's row number, or a
DataFrame's index label.

>>> import pandas as pd
>>> from vnlabor.model.job_fair import JobFairSession
>>> frame = pd.DataFrame({
...     "Loại phiên": ["job_fair", "phiên giao dịch việc làm", "job_fair"],
...     "ngày tổ chức": ["01/04/2023", "2023-04-06", "31/04/2023"],
...     "attendance": [800, 150, 20],
...     "ghi chú": ["", "", ""],
... })
>>> table = read_records(frame, JobFairSession)
>>> [(s.kind.value, s.held_on.isoformat()) for s in table.records], table.rows
([('job_fair', '2023-04-01'), ('job_exchange_session', '2023-04-06')], (0, 1))
>>> print(table.errors[0])  # doctest: +ELLIPSIS
index 2: ngày tổ chức: không đọc được ngày / cannot read date '31/04/2023': day is out of range...
>>> table.ignored_columns
('ghi chú',)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Hashable, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Generic, NamedTuple, Protocol, TypeVar

from pydantic import BaseModel

from vnlabor.io.table import Table, Unreadable
from vnlabor.table.cells import FieldSpec, convert_cell, is_blank, mask_citizen_ids
from vnlabor.table.errors import PositionUnit, RowError
from vnlabor.table.headers import ColumnMatch, UnknownColumns, match_columns
from vnlabor.table.reasons import problem
from vnlabor.table.rows import Problem, check_values

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "EXCEL_SUFFIXES",
    "ExtraColumns",
    "RecordTable",
    "open_table",
    "read_records",
    "records_from_rows",
]

M = TypeVar("M", bound=BaseModel)

EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
"""File suffixes read as Excel workbooks; any other path is read as CSV."""


@dataclass(frozen=True, slots=True)
class RecordTable(Generic[M]):
    """Records read from a table, where each came from, and the rows rejected.

    Attributes:
        records: The valid rows as records, in table order.
        rows: The position of each record's row (same order as ``records``).
        errors: One :class:`~vnlabor.table.errors.RowError` per rejected row, in order.
        ignored_columns: Header text of the columns no field uses, in header order.
        unit: How positions count: ``"line"`` (CSV), ``"row"`` (sheet) or ``"index"``.
    """

    records: tuple[M, ...]
    rows: tuple[Hashable, ...]
    errors: tuple[RowError, ...]
    ignored_columns: tuple[str, ...] = ()
    unit: PositionUnit = "line"


class ExtraColumns(Protocol):
    """A rule for columns that are not fields (e.g. one column per deprivation indicator).

    Readers built on :func:`records_from_rows` pass one to read such columns into the
    row's field values.
    """

    def claim(self, key: str) -> str | None:
        """The rule's key for a header key (see :func:`~vnlabor.table.headers.header_key`).

        Return ``None`` for a column the rule does not read.
        """

    def names(self) -> Mapping[str, str]:
        """The rule's keys by the header keys that name them (to suggest one for a typo)."""

    def apply(
        self, cells: Mapping[str, tuple[str, object]], data: dict[str, object]
    ) -> list[tuple[str | None, str]]:
        """Add the claimed columns' meaning to ``data``; return the row's problems.

        Called for every row, with the claimed columns' cells (none, if the header has
        no such column).

        Args:
            cells: For each claimed key present in the header: (header text, cell).
            data: The row's field values so far (blank cells left out); updated.

        Returns:
            ``(claimed key or None, text)`` for each problem, the text as from
            :func:`~vnlabor.table.reasons.problem`; empty when all is well.
        """


def records_from_rows(
    table: Table,
    model: type[M],
    *,
    extra: ExtraColumns | None = None,
    require: bool = True,
    unknown_columns: UnknownColumns = "error",
) -> RecordTable[M]:
    """Validate the rows of ``table`` into ``model`` records, reporting every bad row.

    This is the engine under :func:`read_records`; call it for rows from elsewhere
    (a database cursor, an API), with the positions to report.

    Args:
        table: The header and the rows.
        model: The record model (any pydantic model; vnlabor labels only for vnlabor's).
        extra: A rule for columns that are not fields.
        require: Whether a required field without a column is an error of the header
            (else every row is rejected for lacking it).
        unknown_columns: ``"error"`` (default): a column close to a field's name that
            no other column gives is an error of the header; ``"ignore"``: it is
            ignored and listed like any other unknown column.

    Raises:
        HeaderError: A required column is missing, a field is given twice, or a
            column looks like a mistyped name.
    """
    match = match_columns(
        table.header,
        model,
        claim=extra.claim if extra is not None else None,
        extra_names=extra.names() if extra is not None else None,
        source=table.name,
        require=require,
        unknown=unknown_columns,
    )
    # In a CSV file, cells past the header are a quoting slip ("1,500,000" unquoted
    # shifts every cell after it): the row is rejected rather than misread.
    header_width = len(table.header) if table.unit == "line" else None
    validate = _row_validator(model, match, extra, header_width)
    records: list[M] = []
    rows: list[Hashable] = []
    errors: list[RowError] = []
    for position, cells in table.rows:
        if isinstance(cells, Unreadable):
            errors.append(RowError(position, None, cells.reason, unit=table.unit))
            continue
        if all(is_blank(cell) for cell in cells):
            continue
        result = validate(cells)
        if isinstance(result, _Rejected):
            errors.append(RowError(position, result.record_id, result.reason, unit=table.unit))
        else:
            records.append(result)
            rows.append(position)
    return RecordTable(tuple(records), tuple(rows), tuple(errors), match.ignored, unit=table.unit)


_FIRST = "\0surplus"  # the problem key listed before all others


def surplus_reason(cells: int, columns: int) -> str:
    """The reason of a CSV row with more (non-blank) cells than its header has columns."""
    return _surplus(cells, columns)


def _surplus(cells: int, columns: int) -> str:
    return problem(
        None,
        f"dòng có {cells} ô, nhiều hơn {columns} cột của tiêu đề (số tiền có dấu phẩy? hãy "
        f"đặt trong ngoặc kép) / the row has {cells} cells, more than the header's {columns} "
        "columns (a comma in an amount? quote the cell)",
    )


class _Rejected(NamedTuple):
    record_id: str | None
    reason: str


def _row_validator(
    model: type[M], match: ColumnMatch, extra: ExtraColumns | None, header_width: int | None
) -> Callable[[Sequence[object]], M | _Rejected]:
    columns = match.fields
    claimed = match.extra
    headers = match.headers
    width = max((i for i, _ in (*columns, *claimed)), default=-1) + 1
    # Problems are listed in column order, those of the whole row last (surplus first).
    order = {key: i for i, key in (*columns, *claimed)}

    def validate(cells: Sequence[object]) -> M | _Rejected:
        problems: list[Problem] = []
        if (
            header_width is not None
            and len(cells) > header_width
            and not all(is_blank(cell) for cell in cells[header_width:])
        ):
            problems.append((_FIRST, _surplus(len(cells), header_width)))
        if len(cells) < width:
            cells = (*cells, *([None] * (width - len(cells))))
        given = {name: cells[index] for index, name in columns}
        more: dict[str, object] = {}
        if extra is not None:
            # What the rule needs to see: whether a deprivations cell is filled in, and
            # the household_id as the field will hold it; it adds what it reads.
            seen: dict[str, object] = {"household_id": _text_id(given.get("household_id"))}
            for name in ("deprivations", "unknown_indicators"):  # given as text
                if not is_blank(given.get(name)):
                    seen[name] = given[name]
            problems += extra.apply({key: (headers[key], cells[i]) for i, key in claimed}, seen)
            more = {k: v for k, v in seen.items() if k != "household_id" and is_blank(given.get(k))}
        checked = check_values(model, given, headers, extra=more)
        problems += checked.problems
        raw_id = checked.values.get("household_id")
        record_id = mask_citizen_ids(raw_id) if isinstance(raw_id, str) else None
        if not problems and checked.record is not None:
            return checked.record
        problems.sort(key=lambda p: -1 if p[0] == _FIRST else order.get(p[0] or "", width))
        return _Rejected(record_id, "; ".join(text for _, text in dict.fromkeys(problems)))

    return validate


def _text_id(cell: object) -> object:
    """A ``household_id`` cell as the text the field will hold (for the duplicate check)."""
    return None if is_blank(cell) else convert_cell(_TEXT, cell)


_TEXT = FieldSpec("household_id", "text", optional=True, required=False)


def open_table(
    source: str | os.PathLike[str] | pd.DataFrame, *, sheet: str | None = None
) -> AbstractContextManager[Table]:
    """Open ``source`` as a :class:`Table` (a context manager: files are closed on exit).

    Args:
        source: A CSV path, an ``.xlsx`` path, or a pandas DataFrame.
        sheet: For a workbook, the sheet's name (default: the active sheet).

    Raises:
        ValueError: ``sheet`` given for a CSV file or a DataFrame; an ``.xls`` file.
        TypeError: ``source`` is none of the above.
        ImportError: An Excel file without openpyxl installed.
    """
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        suffix = path.suffix.lower()
        if suffix in EXCEL_SUFFIXES:
            from vnlabor.io.excel import open_sheet

            return open_sheet(path, sheet)
        if suffix == ".xls":
            raise ValueError(
                f"không đọc được tệp Excel cũ (.xls) / cannot read the old .xls format: {path}; "
                "save it as .xlsx"
            )
        if sheet is not None:
            raise ValueError(f"sheet= chỉ dùng cho tệp Excel / sheet= is for Excel files: {path}")
        from vnlabor.io.csvfile import open_csv

        return open_csv(path)
    from vnlabor.io.frames import frame_table, is_frame

    if not is_frame(source):
        raise TypeError(
            "read_records() reads a CSV or .xlsx path or a pandas DataFrame, "
            f"not {type(source).__name__}"
        )
    if sheet is not None:
        raise ValueError("sheet= chỉ dùng cho tệp Excel / sheet= is for Excel files")
    return _Opened(frame_table(source))


class _Opened(AbstractContextManager[Table]):
    """A table that needs no closing."""

    def __init__(self, table: Table) -> None:
        self._table = table

    def __enter__(self) -> Table:
        return self._table

    def __exit__(self, *exc: object) -> None:
        return None


def read_records(
    source: str | os.PathLike[str] | pd.DataFrame,
    model: type[M],
    *,
    sheet: str | None = None,
    unknown_columns: UnknownColumns = "error",
) -> RecordTable[M]:
    """Read ``model`` records from a CSV file, an Excel workbook or a pandas DataFrame.

    Args:
        source: A path (``.xlsx``/``.xlsm`` read as a workbook, anything else as CSV:
            ``,``, ``;`` or tab separated, UTF-8 with or without BOM or UTF-16; see
            :mod:`vnlabor.io.csvfile`) or a pandas DataFrame (its column labels are
            the header, its index labels the positions).
        model: The record model, e.g. :class:`~vnlabor.model.enrolment.Enrolment`. For
            :class:`~vnlabor.model.household.Household`, one yes/no column per
            deprivation indicator is read too (see :func:`~vnlabor.io.read_households`).
        sheet: For a workbook, the sheet's name (default: the active sheet).
        unknown_columns: ``"error"`` (default) or ``"ignore"``: see
            :func:`records_from_rows`.

    Returns:
        The valid records with their positions, one error per rejected row, and the
        ignored columns.

    Raises:
        HeaderError: A required column is missing, two columns give one field, or a
            column looks like a mistyped name (before any row is read).
        ImportError: An Excel file without openpyxl (``pip install "vnlabor[excel]"``),
            or a DataFrame-like source without pandas.
        OSError: The file cannot be read.
        ValueError: A CSV file in an encoding other than UTF-8 (with or without BOM)
            or UTF-16, no such sheet, ``sheet`` given for a CSV file or a DataFrame,
            an old ``.xls`` file.
    """
    with open_table(source, sheet=sheet) as table:
        return records_from_rows(
            table, model, extra=extra_columns(model), unknown_columns=unknown_columns
        )


def extra_columns(model: type[BaseModel]) -> ExtraColumns | None:
    """A new rule for a model's non-field columns: households' indicator columns."""
    from vnlabor.model.household import Household
    from vnlabor.table.households import IndicatorColumns

    return IndicatorColumns() if issubclass(model, Household) else None
