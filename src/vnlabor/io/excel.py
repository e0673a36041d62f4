"""Excel workbooks (``.xlsx``) as tables, read and written with openpyxl (extra ``excel``).

openpyxl is optional: ``pip install "vnlabor[excel]"``. Without it, opening a workbook
raises an ``ImportError`` that says so.

Reading takes the cells' values as stored (numbers, text, ``True``/``False``, dates;
a formula gives its last computed value), the first non-blank row as the header, and
each row's sheet row number as its position.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from vnlabor._optional import require
from vnlabor.io.table import Row, Table, split_header

__all__ = ["open_sheet", "write_xlsx"]


@contextmanager
def open_sheet(path: str | Path, sheet: str | None = None) -> Iterator[Table]:
    """Open one sheet of a workbook as a :class:`~vnlabor.io.table.Table`.

    Args:
        path: The ``.xlsx`` file.
        sheet: The sheet's name; default: the active (usually the first) sheet.

    Raises:
        ImportError: openpyxl is not installed.
        OSError: The file cannot be opened.
        ValueError: No sheet of that name, or not a workbook.
    """
    openpyxl: Any = require("openpyxl", "excel", "Excel")
    path = Path(path)
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError) as exc:
        raise ValueError(f"không đọc được tệp Excel / cannot read workbook {path}: {exc}") from None
    try:
        if sheet is None:
            ws = book.active
        elif sheet in book.sheetnames:
            ws = book[sheet]
        else:
            names = ", ".join(repr(n) for n in book.sheetnames)
            raise ValueError(
                f"không có trang tính / no sheet {sheet!r} in {path.name} (sheets: {names})"
            )
        ws.reset_dimensions()  # a stale stored size would cut rows off
        # Read-only sheets give missing rows as empty ones, so counting gives row numbers.
        source = ws.iter_rows(values_only=True)
        try:
            rows: Iterator[Row] = enumerate(source, start=1)
            header, rows = split_header(rows)
            yield Table(header, rows, "row", f"{path.name}[{ws.title}]")
        finally:
            source.close()  # the sheet's XML stream keeps the file open until closed
    finally:
        book.close()


def write_xlsx(
    path: str | Path,
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet: str = "vnlabor",
) -> None:
    """Write a header and rows to a new workbook of one sheet.

    As :func:`vnlabor.io.write_table` writes one: text that would start a formula
    (``=``, ``+``, ``-``, ``@``…) is stored as text, personal values masked, and the
    file replaced atomically.

    Args:
        path: The ``.xlsx`` file to create (replaced if it exists).
        header: The header cells.
        rows: The rows' cells: text, numbers, booleans, dates or ``None``.
        sheet: The sheet's name.

    Raises:
        ImportError: openpyxl is not installed.
        OSError: The file cannot be written.
    """
    from vnlabor.io.writers import TableWriter

    with TableWriter(path, header, format="xlsx", sheet=sheet) as writer:
        writer.write(rows)
