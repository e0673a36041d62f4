"""Write a header and rows to CSV, Excel, Parquet or JSON Lines, safely.

The format follows the file's suffix (:data:`FORMATS`): ``.csv`` (UTF-8, comma
separated), ``.xlsx`` (openpyxl, extra ``excel``), ``.parquet`` (pyarrow, extra
``arrow``) or ``.jsonl`` (one JSON object a line). Every writer:

* **neutralises formulas**: a text cell starting with ``=``, ``+``, ``-``, ``@``, a tab
  or a carriage return would run as a formula when a spreadsheet opens the file. CSV
  gets a leading ``'`` (:func:`neutralise`); ``.xlsx`` stores such a cell as text,
  never as a formula; Parquet and JSON Lines store it as a string, which no program
  evaluates (their cells keep their exact text).
* **masks personal data**: a :class:`~vnlabor.model.person.CitizenId` or
  :class:`~vnlabor.model.person.PersonalName` is written masked, unless the caller
  names its column in ``reveal``;
* **writes atomically**: the file appears complete or not at all (a temporary file in
  the same folder, renamed when done), so a failure never leaves half a file, nor
  destroys the previous one. ``"-"`` writes to standard output instead (CSV or JSON
  Lines).

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "status.csv"
>>> write_table(out, ["household_id", "status"], [["H1", "poor"], ["=1+1", "poor"]])
>>> out.read_text(encoding="utf-8").splitlines()
['household_id,status', 'H1,poor', "'=1+1,poor"]
"""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Collection, Iterable, Sequence
from datetime import date, datetime
from enum import Enum
from pathlib import Path
from types import TracebackType
from typing import IO, Any, Final, Literal

from vnlabor._optional import require

__all__ = [
    "FORMATS",
    "FORMULA_START",
    "Format",
    "TableWriter",
    "neutralise",
    "neutralise_arrow",
    "write_table",
]

Format = Literal["csv", "xlsx", "parquet", "jsonl"]
"""An output format."""

FORMATS: Final[dict[str, Format]] = {
    ".csv": "csv",
    ".xlsx": "xlsx",
    ".parquet": "parquet",
    ".jsonl": "jsonl",
}
"""Output formats by file suffix."""

FORMULA_START: Final = ("=", "+", "-", "@", "\t", "\r")
"""How a cell that a spreadsheet would run as a formula starts."""


def neutralise(text: str) -> str:
    """``text`` made safe for a CSV cell: a leading ``'`` if it would start a formula.

    >>> neutralise("=1+1"), neutralise("-5"), neutralise("@SUM(A1)"), neutralise("H1")
    ("'=1+1", "'-5", "'@SUM(A1)", 'H1')
    """
    return "'" + text if text.startswith(FORMULA_START) else text


def neutralise_arrow(column: Any) -> Any:
    """:func:`neutralise` on a pyarrow string array, at once."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from vnlabor.table.arrow import arrow_mask, starts_with

    column = column.combine_chunks() if hasattr(column, "combine_chunks") else column
    risky = starts_with(column, "".join(FORMULA_START))
    if not risky.any():
        return column
    quoted = pc.binary_join_element_wise(
        pa.scalar("'", column.type), column, pa.scalar("", column.type)
    )
    return pc.if_else(arrow_mask(risky), quoted, column)


def format_of(path: str | os.PathLike[str]) -> Format:
    """The format a path's suffix asks for.

    Raises:
        ValueError: An unknown suffix; the message lists the known ones.
    """
    suffix = Path(path).suffix.lower()
    try:
        return FORMATS[suffix]
    except KeyError:
        known = ", ".join(FORMATS)
        raise ValueError(
            f"không biết định dạng tệp / unknown output format {suffix or '(no suffix)'!r} "
            f"for {os.fspath(path)!r}: use one of {known}"
        ) from None


def _shown(value: Any, column: str, reveal: Collection[str]) -> Any:
    """A value as written: personal values masked (unless revealed), enums as values."""
    if hasattr(value, "reveal") and hasattr(value, "masked"):
        return value.reveal() if column in reveal else value.masked()
    if isinstance(value, Enum):
        return value.value
    return value


class TableWriter:
    """Writes a table to a file (atomically) or to standard output, row chunk by chunk.

    Use as a context manager: the file is put in place when the block ends without
    an exception, and removed otherwise.

    Args:
        path: The file to create (replaced if it exists), or ``"-"`` for standard
            output.
        header: The header cells.
        format: The format; by default the path's suffix (:data:`FORMATS`), and CSV
            for ``"-"``.
        sheet: The sheet's name, for a workbook.
        reveal: Columns whose personal values (citizen IDs, names) are written
            unmasked.

    Raises:
        ValueError: An unknown suffix, or a binary format (xlsx, Parquet) to standard
            output.
        ImportError: The format's extra is not installed.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        header: Sequence[str],
        *,
        format: Format | None = None,
        sheet: str = "vnlabor",
        reveal: Collection[str] = (),
    ) -> None:
        self.to_stdout = os.fspath(path) == "-"
        self.format: Format = format or ("csv" if self.to_stdout else format_of(path))
        if self.to_stdout and self.format in ("xlsx", "parquet"):
            raise ValueError(f"{self.format} không ghi ra stdout được / cannot go to stdout")
        self.header = list(header)
        self.sheet = sheet
        self.reveal = frozenset(reveal)
        self.path = None if self.to_stdout else Path(path)
        self._tmp: Path | None = None
        self._handle: IO[str] | None = None
        self._csv: Any = None
        self._book: Any = None
        self._ws: Any = None
        self._parquet: Any = None
        self._pa: Any = None
        if self.format == "xlsx":
            self._openpyxl: Any = require("openpyxl", "excel", "Excel")
        elif self.format == "parquet":
            self._pa = require("pyarrow", "arrow", "Parquet")
            require("pyarrow.parquet", "arrow", "Parquet")

    def __enter__(self) -> TableWriter:
        if self.to_stdout:
            self._handle = sys.stdout
        else:
            assert self.path is not None
            fd, name = tempfile.mkstemp(
                prefix=f".{self.path.name}.", suffix=".tmp", dir=self.path.parent or "."
            )
            os.close(fd)
            self._tmp = Path(name)
        if self.format in ("csv", "jsonl") and self._handle is None:
            assert self._tmp is not None
            self._handle = self._tmp.open("w", encoding="utf-8", newline="")
        if self.format == "csv":
            assert self._handle is not None
            self._csv = csv.writer(self._handle)
            self._csv.writerow([neutralise(h) for h in self.header])
        elif self.format == "xlsx":
            self._book = self._openpyxl.Workbook(write_only=True)
            self._ws = self._book.create_sheet(self.sheet)
            self._ws.append([self._xlsx_cell(h) for h in self.header])
        return self

    def _xlsx_cell(self, value: Any) -> Any:
        if isinstance(value, str) and value.startswith(FORMULA_START):
            from openpyxl.cell import WriteOnlyCell

            cell = WriteOnlyCell(self._ws, value=value)
            cell.data_type = "s"  # text, never a formula
            return cell
        return value

    def write(self, rows: Iterable[Sequence[object]], *, plain: bool = False) -> None:
        """Write rows (cells in header order).

        Args:
            rows: The rows.
            plain: The cells are only text, numbers and ``None`` (no personal values
                to mask, no enums): skip looking at each.
        """
        shown = (
            rows
            if plain
            else [
                [_shown(v, c, self.reveal) for v, c in zip(row, self.header, strict=False)]
                for row in rows
            ]
        )
        if self.format == "csv":
            self._csv.writerows(
                [neutralise(v) if v.__class__ is str else _csv_value(v) for v in row]
                for row in shown
            )
        elif self.format == "jsonl":
            assert self._handle is not None
            self._handle.writelines(
                json.dumps(
                    dict(zip(self.header, map(_json_value, row), strict=False)), ensure_ascii=False
                )
                + "\n"
                for row in shown
            )
        elif self.format == "xlsx":
            for row in shown:
                self._ws.append([self._xlsx_cell(v) for v in row])
        else:
            self._write_parquet([list(row) for row in shown])

    def write_arrow(self, table: Any) -> None:
        """Write a pyarrow Table whose columns are the header's (text, numbers).

        The same cells as :meth:`write` would write, without a Python step per cell where
        the format allows: text that would start a formula neutralised, CSV by pyarrow.
        Personal values must already be masked (an Arrow column holds no ``CitizenId``).
        """
        if self.format == "parquet":
            self._write_parquet_table(table)
            return
        if self.format != "csv":
            self.write([list(row.values()) for row in table.to_pylist()], plain=True)
            return
        import io

        import pyarrow as pa
        import pyarrow.csv as pacsv

        from vnlabor.table.arrow import contains_any

        text = [
            pa.types.is_string(col.type) or pa.types.is_large_string(col.type)
            for col in table.columns
        ]
        safe = [
            neutralise_arrow(col) if t else col for col, t in zip(table.columns, text, strict=True)
        ]
        # Text is quoted only where a cell needs it (pyarrow would quote every text cell
        # of a block that has one: still valid CSV).
        needed = any(contains_any(col, ',"\r\n') for col, t in zip(safe, text, strict=True) if t)
        sink = io.BytesIO()
        pacsv.write_csv(
            pa.Table.from_arrays(safe, names=table.column_names),
            sink,
            pacsv.WriteOptions(
                include_header=False, quoting_style="needed" if needed else "none", eol="\r\n"
            ),
        )
        self._write_bytes(sink.getvalue())

    def _write_bytes(self, data: bytes) -> None:
        """UTF-8 bytes after the text written so far (to the file's bytes when it has them)."""
        assert self._handle is not None
        raw = getattr(self._handle, "buffer", None)
        if raw is None:
            self._handle.write(data.decode("utf-8"))
            return
        self._handle.flush()
        raw.write(data)

    def _write_parquet_table(self, table: Any) -> None:
        if self._parquet is None:
            import pyarrow.parquet as pq

            self._schema = table.schema
            assert self._tmp is not None
            self._parquet = pq.ParquetWriter(str(self._tmp), self._schema)
        self._parquet.write_table(table.cast(self._schema))

    def _write_parquet(self, rows: list[list[Any]]) -> None:
        pa = self._pa
        columns = list(zip(*rows, strict=True)) if rows else [() for _ in self.header]
        arrays = [pa.array([_json_value(v) for v in col]) for col in columns]
        if self._parquet is None:
            import pyarrow.parquet as pq

            fields = [
                pa.field(h, a.type if a.type != pa.null() else pa.string())
                for h, a in zip(self.header, arrays, strict=True)
            ]
            self._schema = pa.schema(fields)
            assert self._tmp is not None
            self._parquet = pq.ParquetWriter(str(self._tmp), self._schema)
        table = pa.Table.from_arrays(
            [a.cast(f.type) for a, f in zip(arrays, self._schema, strict=True)],
            schema=self._schema,
        )
        self._parquet.write_table(table)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            if self.format == "xlsx" and kind is None:
                assert self._tmp is not None
                self._book.save(self._tmp)
            if self.format == "parquet":
                if self._parquet is None and kind is None:
                    self._write_parquet([])
                if self._parquet is not None:
                    self._parquet.close()
            if self._handle is not None:
                if self.to_stdout:
                    self._handle.flush()
                else:
                    self._handle.close()
        except BaseException:
            self._discard()
            raise
        if kind is not None:
            self._discard()
        elif self._tmp is not None and self.path is not None:
            os.replace(self._tmp, self.path)

    def _discard(self) -> None:
        if self._tmp is not None:
            self._tmp.unlink(missing_ok=True)


def _csv_value(value: Any) -> Any:
    if value is None or value.__class__ is int:
        return value
    if isinstance(value, str):  # a str subclass (an enum's value…)
        return neutralise(str(value))
    if type(value).__name__ in ("NAType", "NaTType"):
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _json_value(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if value is not None and not isinstance(value, str | int | float | bool):
        return str(value)
    return value


def write_table(
    path: str | os.PathLike[str],
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet: str = "vnlabor",
    reveal: Collection[str] = (),
) -> None:
    """Write ``header`` and ``rows`` to ``path``, in the format its suffix names.

    ``.xlsx`` is a workbook, ``.parquet`` a Parquet file, ``.jsonl`` JSON Lines; any
    other suffix (``.csv``, ``.txt``…) is CSV: UTF-8 without BOM, comma-separated,
    ``None`` as an empty cell. Formulas are neutralised and personal values masked (see
    the module documentation).

    Args:
        path: The file to create (replaced, atomically, if it exists); ``"-"`` for
            standard output (CSV).
        header: The header cells.
        rows: The rows' cells.
        sheet: The sheet's name, for a workbook.
        reveal: Columns whose citizen IDs and names are written unmasked.

    Raises:
        ImportError: A workbook without openpyxl (``pip install "vnlabor[excel]"``), a
            Parquet file without pyarrow (``pip install "vnlabor[arrow]"``).
        OSError: The file cannot be written.
    """
    suffix = Path(path).suffix.lower()
    fmt: Format = FORMATS.get(suffix, "csv") if os.fspath(path) != "-" else "csv"
    if suffix == ".xlsm":
        fmt = "xlsx"
    with TableWriter(path, header, format=fmt, sheet=sheet, reveal=reveal) as writer:
        writer.write(rows)
