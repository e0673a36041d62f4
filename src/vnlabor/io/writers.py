"""Write a header and rows to a CSV file or an Excel workbook, chosen by the file's suffix.

>>> import tempfile, pathlib
>>> out = pathlib.Path(tempfile.mkdtemp()) / "status.csv"
>>> write_table(out, ["household_id", "status"], [["H1", "poor"]])
>>> out.read_text(encoding="utf-8").splitlines()
['household_id,status', 'H1,poor']
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from vnlabor.io.records import EXCEL_SUFFIXES

__all__ = ["write_table"]


def write_table(
    path: str | os.PathLike[str],
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet: str = "vnlabor",
) -> None:
    """Write ``header`` and ``rows`` to ``path``: a workbook for ``.xlsx``, else CSV.

    CSV is written as UTF-8 without BOM, comma-separated, ``None`` as an empty cell.

    Args:
        path: The file to create (replaced if it exists).
        header: The header cells.
        rows: The rows' cells.
        sheet: The sheet's name, for a workbook.

    Raises:
        ImportError: A workbook without openpyxl (``pip install "vnlabor[excel]"``).
        OSError: The file cannot be written.
    """
    target = Path(path)
    if target.suffix.lower() in EXCEL_SUFFIXES:
        from vnlabor.io.excel import write_xlsx

        write_xlsx(target, header, rows, sheet=sheet)
        return
    with target.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
