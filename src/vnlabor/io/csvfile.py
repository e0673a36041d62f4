"""CSV files as tables: UTF-8 (with or without BOM), comma-separated, rows at their lines.

A row's position is the physical line it starts on, the header being line 1 (when the
file starts with it): a quoted cell that spans lines makes the next row start further
down, and blank lines count, as an editor numbers them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from vnlabor.io.table import Row, Table, split_header

__all__ = ["open_csv"]


def _rows(handle: TextIO, path: Path) -> Iterator[Row]:
    reader = csv.reader(handle)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except UnicodeDecodeError as exc:
        raise ValueError(
            f"tệp không phải văn bản UTF-8 / {path} is not UTF-8 text (byte {exc.start}); "
            "save it as 'CSV UTF-8'"
        ) from None


@contextmanager
def open_csv(path: str | Path) -> Iterator[Table]:
    """Open a CSV file as a :class:`~vnlabor.io.table.Table`, closing it on exit.

    Raises:
        OSError: The file cannot be opened.
        ValueError: The file is not UTF-8 text (raised while rows are read).
    """
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        header, rows = split_header(_rows(handle, path))
        yield Table(header, rows, "line", path.name)
