"""Write one table of Python values as CSV, as an .xlsx workbook or as a DataFrame."""

from __future__ import annotations

import csv
from collections.abc import Hashable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest

FORMATS = ("csv", "xlsx", "frame")


def csv_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows([csv_text(v) for v in row] for row in rows)
    return path


def write_xlsx(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    sheet: str = "Sheet",
) -> Path:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = sheet
    ws.append(list(header))
    for row in rows:
        ws.append(list(row))
    book.save(path)
    return path


def make_frame(
    header: Sequence[str],
    rows: Sequence[Sequence[object]],
    index: Sequence[Hashable] | None = None,
) -> Any:
    pd = pytest.importorskip("pandas")
    return pd.DataFrame([list(r) for r in rows], columns=list(header), index=index, dtype=object)


def make_source(
    fmt: str, tmp_path: Path, header: Sequence[str], rows: Sequence[Sequence[object]]
) -> tuple[Any, list[Hashable]]:
    """The table in format ``fmt`` and the position of each row."""
    if fmt == "csv":
        return write_csv(tmp_path / "table.csv", header, rows), [i + 2 for i in range(len(rows))]
    if fmt == "xlsx":
        return write_xlsx(tmp_path / "table.xlsx", header, rows), [i + 2 for i in range(len(rows))]
    labels: list[Hashable] = [f"r{i}" for i in range(len(rows))]
    return make_frame(header, rows, labels), labels
