"""Readers and writers: household tables with row-level error reports."""

from vnlabor.io.households import HouseholdTable, RowError, read_households_csv, rows_to_households

__all__ = ["HouseholdTable", "RowError", "read_households_csv", "rows_to_households"]
