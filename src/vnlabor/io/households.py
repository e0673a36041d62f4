"""Read household tables (CSV) into validated households, reporting every bad row.

Columns (header names as in the design contract): ``household_id``, ``area``
(``rural``/``urban`` or ``nông thôn``/``thành thị``/``đô thị``),
``monthly_income_per_capita`` (VND; Vietnamese digit grouping accepted), and either
``deprivations`` (indicator names separated by ``;``) or one boolean column per
indicator named after it (``health_insurance``, …). Other columns are ignored.

A bad row never stops the file: it is reported as a :class:`RowError` naming the line
(header = line 1) and the reason, and every good row is kept.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from vnlabor.model.deprivation import Deprivation
from vnlabor.model.household import Household

__all__ = ["HouseholdTable", "RowError", "parse_flag", "read_households_csv", "rows_to_households"]

_TRUE = {"1", "true", "yes", "y", "x", "có", "co", "đúng"}
_FALSE = {"0", "false", "no", "n", "", "không", "khong", "sai"}
_FIELDS = ("household_id", "area", "monthly_income_per_capita", "deprivations", "province_code")


def parse_flag(text: str) -> bool:
    """Read a yes/no cell (``1/0``, ``true/false``, ``có/không``, ``x``/empty)."""
    key = text.strip().casefold()
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    raise ValueError(f"giá trị có/không không hợp lệ / not a yes/no value: {text!r}")


@dataclass(frozen=True, slots=True)
class RowError:
    """A rejected row: its line in the file and why."""

    line: int
    household_id: str | None
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


@dataclass(frozen=True, slots=True)
class HouseholdTable:
    """Households read from a table, with the line each came from, and the rejected rows."""

    households: tuple[Household, ...]
    lines: tuple[int, ...]
    errors: tuple[RowError, ...]


def _describe(exc: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(p) for p in e['loc']) or 'row'}: {e['msg']}" for e in exc.errors()
    )


def _row_data(row: dict[str, str]) -> dict[str, Any]:
    data: dict[str, Any] = {k: row[k] for k in _FIELDS if row.get(k) not in (None, "")}
    flags = [d for d in Deprivation if d.value in row]
    if flags:
        if "deprivations" in data:
            raise ValueError("give either a deprivations column or indicator columns, not both")
        data["deprivations"] = [d for d in flags if parse_flag(row[d.value] or "")]
    return data


def rows_to_households(rows: Iterable[dict[str, str]], first_line: int = 2) -> HouseholdTable:
    """Validate dict rows (e.g. from :class:`csv.DictReader`) into households."""
    good: list[Household] = []
    lines: list[int] = []
    errors: list[RowError] = []
    for line, row in enumerate(rows, first_line):
        hid = row.get("household_id") or None
        try:
            good.append(Household.model_validate(_row_data(row)))
            lines.append(line)
        except ValidationError as exc:
            errors.append(RowError(line, hid, _describe(exc)))
        except ValueError as exc:
            errors.append(RowError(line, hid, str(exc)))
    return HouseholdTable(tuple(good), tuple(lines), tuple(errors))


def _physical_lines(reader: csv.DictReader[str]) -> Iterator[tuple[int, dict[str, str]]]:
    for row in reader:
        yield reader.line_num, row


def read_households_csv(path: str | Path) -> HouseholdTable:
    """Read a household CSV file (UTF-8, with or without BOM)."""
    with Path(path).open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        missing = {"area", "monthly_income_per_capita"} - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"thiếu cột / missing columns in {path}: {', '.join(sorted(missing))}")
        good: list[Household] = []
        lines: list[int] = []
        errors: list[RowError] = []
        for line, row in _physical_lines(reader):
            one = rows_to_households([row], first_line=line)
            good.extend(one.households)
            lines.extend(one.lines)
            errors.extend(one.errors)
    return HouseholdTable(tuple(good), tuple(lines), tuple(errors))
