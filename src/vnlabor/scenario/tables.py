"""A household table read for a comparison: the batch engine's statuses, the rows' facts.

The statuses of every row under each side come from the batch engine
(:func:`vnlabor.batch.classify`, ``errors="report"``), which also finds the bad rows. A
comparison needs more of each row than its status (the rule that moved it, its area and
province, its income and indicators for the measures, its size for the costs), so the
good rows are also read into households through the same table contract
(:func:`vnlabor.io.read_households`) and classified by the scalar engine; the two
engines must agree on every row, and a disagreement is an internal error, never a
silent choice.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from vnlabor.model.household import Household
from vnlabor.poverty.classification import Classification
from vnlabor.scenario.side import Scenario
from vnlabor.table.errors import RowError
from vnlabor.table.headers import UnknownColumns

__all__ = ["ReadTable", "is_table", "read_table"]


def is_table(value: object) -> bool:
    """Whether ``value`` is a table (DataFrame, Arrow table or batch, mapping of columns)."""
    if isinstance(value, Mapping):
        return True
    module = type(value).__module__.partition(".")[0]
    return module in ("pandas", "pyarrow") and hasattr(value, "columns")


@dataclass(frozen=True, slots=True)
class ReadTable:
    """The good rows of a table classified under both sides, and its bad rows."""

    households: list[Household]
    positions: list[int]
    before: list[Classification]
    after: list[Classification]
    rejected: tuple[RowError, ...]


def _frame(table: Any) -> Any:
    from vnlabor._optional import require

    pandas = require("pandas", "pandas", "vnlabor.scenario.compare (a table)")
    if isinstance(table, pandas.DataFrame):
        return table
    if hasattr(table, "to_pandas"):  # a pyarrow Table or RecordBatch
        return table.to_pandas()
    return pandas.DataFrame(dict(table))


def read_table(
    table: Any, base: Scenario, reform: Scenario, unknown_columns: UnknownColumns
) -> ReadTable:
    """Classify ``table`` under ``base`` and ``reform`` (see the module documentation).

    Raises:
        HeaderError: a required column is missing, or a column looks like a mistyped
            name (as :func:`vnlabor.batch.classify` raises).
        RuntimeError: the batch and scalar engines disagree (a bug in vnlabor).
    """
    from vnlabor import batch
    from vnlabor.io.households import read_households

    frame = _frame(table)
    codes = []
    rejected: dict[int, RowError] = {}
    for side in (base, reform):
        classified = batch.classify(
            frame,
            side.on,
            list_year=side.list_year,
            law=side.law,
            errors="report",
            unknown_columns=unknown_columns,
        )
        codes.append(classified.codes)
        for error in classified.rejected:
            assert error.position is not None
            rejected.setdefault(error.position, error)
    good = (codes[0] >= 0) & (codes[1] >= 0)
    positions = [int(p) for p in good.nonzero()[0]]
    read = read_households(frame.iloc[positions], unknown_columns=unknown_columns)
    households = list(read.households)
    if len(households) != len(positions) or read.errors:
        raise RuntimeError(
            "vnlabor: the batch engine and the readers disagree on which rows are valid "
            f"({len(positions)} and {len(households)}): please report this bug"
        )
    before, after = base.classify(households), reform.classify(households)
    statuses = batch.STATUS_BY_CODE
    for side, found, mine in ((base, codes[0], before), (reform, codes[1], after)):
        for k, position in enumerate(positions):
            if statuses[found[position]] is not mine[k].status:
                raise RuntimeError(
                    f"vnlabor: the batch and scalar engines disagree on row {position} under "
                    f"{side.label('en')} ({statuses[found[position]].value} and "
                    f"{mine[k].status.value}): please report this bug"
                )
    errors = tuple(rejected[p] for p in sorted(rejected))
    return ReadTable(households, positions, before, after, errors)
