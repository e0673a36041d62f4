"""Readers and writers for analysts: CSV, Excel, DataFrames, with row-level error reports.

* :func:`read_records`: any record model from a CSV file, an ``.xlsx`` workbook
  (openpyxl, extra ``excel``) or a pandas DataFrame; headers by field name or
  Vietnamese/English label; every bad row reported with its position
  (:class:`RowError`), every good row kept (:class:`RecordTable`).
* :func:`read_households`: the household table of the design contract, with the
  one-column-per-indicator form (:class:`HouseholdTable`).
* :func:`read_review`: the review's household sheet and members sheet, into households
  with their members and dwellings (:class:`ReviewTable`).
* :func:`records_from_rows`: the same for rows from elsewhere (a database, an API),
  given as a :class:`Table` of header cells and positioned rows.
* :func:`to_frame` and :func:`classifications_to_frame`: records and classifications
  as DataFrames (pandas, extra ``pandas``); :func:`write_table`: header and rows to a
  CSV, ``.xlsx``, Parquet or JSON Lines file, formulas neutralised, personal values
  masked, written atomically (:mod:`vnlabor.io.writers`).
* :mod:`vnlabor.io.stream`: a file read in blocks for the batch engine (what ``vnlabor
  classify`` runs on).

What a header and a cell mean is the table contract's (:mod:`vnlabor.table`), which the
batch engine and the command line share.
"""

from vnlabor.io.frames import CLASSIFICATION_COLUMNS, Headers, classifications_to_frame, to_frame
from vnlabor.io.households import (
    HouseholdTable,
    read_households,
    read_households_csv,
    rows_to_households,
)
from vnlabor.io.records import RecordTable, read_records, records_from_rows
from vnlabor.io.review import (
    ReviewTable,
    read_review,
    read_review_households,
    read_review_members,
)
from vnlabor.io.table import Table
from vnlabor.io.writers import write_table
from vnlabor.table.errors import HeaderError, PositionUnit, RowError

__all__ = [
    "CLASSIFICATION_COLUMNS",
    "HeaderError",
    "Headers",
    "HouseholdTable",
    "PositionUnit",
    "RecordTable",
    "ReviewTable",
    "RowError",
    "Table",
    "classifications_to_frame",
    "read_households",
    "read_households_csv",
    "read_records",
    "read_review",
    "read_review_households",
    "read_review_members",
    "records_from_rows",
    "rows_to_households",
    "to_frame",
    "write_table",
]
