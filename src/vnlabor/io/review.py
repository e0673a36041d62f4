"""Read the review's two sheets (CSV, Excel, DataFrame) into households with their facts.

The annual review records one row per household (``household_id``, ``area``,
``monthly_income_per_capita`` and the dwelling's facts as columns of their own:
:class:`~vnlabor.model.review_rows.HouseholdRow`) and one row per member
(``household_id`` and the member's facts: :class:`~vnlabor.model.review_rows.MemberRow`),
headed by field names or Vietnamese/English labels. Both sheets are read through the
table contract (:mod:`vnlabor.table`), as :func:`vnlabor.batch.assess_deprivations` reads
them, and every bad row of either sheet is reported (:class:`~vnlabor.io.RowError`, by
line, sheet row or index label) while every good one is kept:

* a household row the contract rejects, or whose ``household_id`` an earlier row has;
* a member row the contract rejects, or whose ``household_id`` is not that of a good
  household row (not in the household sheet, or its row rejected);
* a household whose ``size`` differs from the members listed: its row is rejected.

Every household of the sheets was reviewed: its dwelling is recorded (a
:class:`~vnlabor.Dwelling`) even when the sheet has no dwelling column, and a fact left
empty, or without a column, is unknown, so the indicators it decides are undetermined,
exactly as :func:`vnlabor.batch.assess_deprivations` reads the same sheets.

>>> import pandas as pd
>>> households = pd.DataFrame({"Mã hộ": ["H1", "H2"], "Khu vực": ["nông thôn", "thành thị"],
...                            "Thu nhập bình quân đầu người/tháng": ["1.400.000", "-1"],
...                            "Nguồn nước sinh hoạt": ["nước máy", ""]})
>>> members = pd.DataFrame({"Mã hộ": ["H1", "H1", "H9"],
...                         "Ngày sinh": ["01/05/1990", "01/02/2019", "03/03/1950"],
...                         "Có thẻ bảo hiểm y tế": ["không", "có", "có"]})
>>> review = read_review(households, members)
>>> [(h.household_id, len(h.members), h.dwelling.water_source.value) for h in review.households]
[('H1', 2, 'piped')]
>>> for e in review.errors:
...     print(e)  # doctest: +ELLIPSIS
index 1: Thu nhập bình quân đầu người/tháng: số tiền không được âm / amount must not be negative: -1
index 2: hộ H9 không có trong bảng hộ (hoặc dòng của hộ bị loại) / household H9 is not among ...
"""

from __future__ import annotations

import os
from collections.abc import Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import ValidationError

from vnlabor.io.records import RecordTable, open_table, read_records, records_from_rows
from vnlabor.model.household import Household
from vnlabor.model.person import Member
from vnlabor.model.review_rows import HouseholdRow, MemberRow
from vnlabor.table.cells import field_specs, mask_citizen_ids
from vnlabor.table.errors import PositionUnit, RowError
from vnlabor.table.headers import UnknownColumns
from vnlabor.table.reasons import describe_validation_error, problem

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["ReviewTable", "read_review", "read_review_households", "read_review_members"]


@dataclass(frozen=True, slots=True)
class ReviewTable:
    """The households of a review read from its two sheets, and the rows rejected.

    Attributes:
        households: The good households, in the household sheet's order, each with its
            members (in the members sheet's order) and its dwelling.
        lines: Each household's position in the household sheet.
        household_errors: The rejected rows of the household sheet.
        member_errors: The rejected rows of the members sheet.
        unit: How the household sheet's positions count; ``member_unit``: the members
            sheet's.
    """

    households: tuple[Household, ...]
    lines: tuple[Hashable, ...]
    household_errors: tuple[RowError, ...]
    member_errors: tuple[RowError, ...]
    unit: PositionUnit = "line"
    member_unit: PositionUnit = "line"

    @property
    def errors(self) -> tuple[RowError, ...]:
        """Every rejected row: the household sheet's, then the members sheet's."""
        return self.household_errors + self.member_errors


def read_review_households(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    sheet: str | None = None,
    unknown_columns: UnknownColumns = "error",
) -> RecordTable[HouseholdRow]:
    """Read the household sheet: one :class:`~vnlabor.model.review_rows.HouseholdRow` per row.

    Args:
        source: A CSV or ``.xlsx`` path, or a pandas DataFrame.
        sheet: For a workbook, the sheet's name (default: the active sheet).
        unknown_columns: ``"error"`` or ``"ignore"``, as :func:`vnlabor.io.read_records`.

    Raises:
        HeaderError: ``area`` or ``monthly_income_per_capita`` has no column, a field is
            given twice, or a column looks like a mistyped name.
    """
    return read_records(source, HouseholdRow, sheet=sheet, unknown_columns=unknown_columns)


def read_review_members(
    source: str | os.PathLike[str] | pd.DataFrame,
    *,
    sheet: str | None = None,
    unknown_columns: UnknownColumns = "error",
) -> RecordTable[MemberRow]:
    """Read the members sheet: one :class:`~vnlabor.model.review_rows.MemberRow` per row.

    Raises:
        HeaderError: ``household_id`` has no column, a field is given twice, or a
            column looks like a mistyped name.
    """
    with open_table(source, sheet=sheet) as table:
        return records_from_rows(table, MemberRow, unknown_columns=unknown_columns)


def _missing_household(household_id: str) -> str:
    shown = mask_citizen_ids(household_id)
    return problem(
        None,
        f"hộ {shown} không có trong bảng hộ (hoặc dòng của hộ bị loại) / household {shown} "
        "is not among the households read (missing from the household sheet, or its row "
        "rejected)",
    )


def read_review(
    households: str | os.PathLike[str] | pd.DataFrame,
    members: str | os.PathLike[str] | pd.DataFrame,
    *,
    households_sheet: str | None = None,
    members_sheet: str | None = None,
    unknown_columns: UnknownColumns = "error",
) -> ReviewTable:
    """Read a review's household sheet and members sheet into households with their facts.

    Args:
        households: The household sheet: a CSV or ``.xlsx`` path, or a DataFrame.
        members: The members sheet, likewise (the same workbook with another sheet too).
        households_sheet: For a workbook, the household sheet's name.
        members_sheet: For a workbook, the members sheet's name.
        unknown_columns: ``"error"`` (default) or ``"ignore"`` (see
            :func:`vnlabor.io.read_records`).

    Returns:
        The good households with their members and dwellings, and the rejected rows of
        both sheets (see the module documentation).

    Raises:
        HeaderError: A sheet lacks a required column (``area``,
            ``monthly_income_per_capita``; ``household_id`` in the members sheet), gives
            a field twice, or has a column that looks like a mistyped name.
    """
    rows = read_review_households(
        households, sheet=households_sheet, unknown_columns=unknown_columns
    )
    people = read_review_members(members, sheet=members_sheet, unknown_columns=unknown_columns)
    by_household: dict[str, list[Member]] = {}
    ids = {row.household_id for row in rows.records if row.household_id is not None}
    member_errors = list(people.errors)
    for person, at in zip(people.records, people.rows, strict=True):
        if person.household_id in ids:
            by_household.setdefault(person.household_id, []).append(person.member())
        else:
            member_errors.append(
                RowError(
                    at,
                    mask_citizen_ids(person.household_id),
                    _missing_household(person.household_id),
                    unit=people.unit,
                )
            )
    found: list[Household] = []
    lines: list[Hashable] = []
    household_errors = list(rows.errors)
    for row, at in zip(rows.records, rows.rows, strict=True):
        listed = by_household.get(row.household_id or "", ())
        try:
            found.append(row.household(listed, surveyed=True))
        except ValidationError as exc:
            shown = mask_citizen_ids(row.household_id) if row.household_id else None
            problems = describe_validation_error(exc, {}, field_specs(Household), {})
            reason = "; ".join(text for _, text in problems)
            household_errors.append(RowError(at, shown, reason, unit=rows.unit))
            continue
        lines.append(at)
    return ReviewTable(
        tuple(found),
        tuple(lines),
        _in_order(household_errors, rows.unit),
        _in_order(member_errors, people.unit),
        unit=rows.unit,
        member_unit=people.unit,
    )


def _in_order(errors: list[RowError], unit: PositionUnit) -> tuple[RowError, ...]:
    """Errors by line or sheet row (a DataFrame's index labels keep the order found)."""
    if unit == "index":
        return tuple(errors)
    return tuple(sorted(errors, key=lambda e: e.line if isinstance(e.line, int) else 0))
