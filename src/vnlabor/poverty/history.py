"""A household's recognised statuses over review years.

Each annual review (01/9-14/12, Decision 24/2021/QĐ-TTg) produces the lists of the
following year. A :class:`StatusHistory` records, per list year, the status recognised
and, when known, the date of the commune decision. From it follow the movements that
reports count:

* **thoát nghèo / thoát cận nghèo** — left the poor or near-poor list;
* **hộ mới thoát nghèo** — still within the window after leaving (see
  :mod:`vnlabor.poverty.newly_escaped`);
* **tái nghèo** (re-poverty) — poor again after having escaped poverty;
* **phát sinh nghèo** (newly poor) — poor for the first time in the history.

>>> from datetime import date
>>> h = StatusHistory(records=(
...     StatusRecord(list_year=2022, status=PovertyStatus.POOR),
...     StatusRecord(list_year=2023, status=PovertyStatus.NEAR_POOR),
...     StatusRecord(list_year=2024, status=PovertyStatus.NON_POOR,
...                  recognised_on=date(2023, 12, 10)),
... ))
>>> h.escaped_on(), h.is_newly_escaped(date(2025, 6, 1))
(datetime.date(2023, 12, 10), True)
>>> h.status_on(date(2023, 7, 1))
<PovertyStatus.NEAR_POOR: 'near_poor'>
"""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import field_validator, model_validator
from pydantic_core import PydanticCustomError

from vnlabor.base.model import VnlaborModel
from vnlabor.law.book import LawBook
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.newly_escaped import is_newly_escaped

__all__ = ["ON_LISTS", "StatusHistory", "StatusRecord"]

ON_LISTS = frozenset({PovertyStatus.POOR, PovertyStatus.NEAR_POOR})
"""Statuses that put a household on the commune's lists."""


class StatusRecord(VnlaborModel):
    """The status recognised for the lists of one year."""

    list_year: int
    """Year the lists apply to (the review took place at the end of the year before)."""
    status: PovertyStatus
    """Status recognised (a commune recognises a class: never ``UNDETERMINED``)."""
    recognised_on: date | None = None
    """Date of the commune decision recognising it, when known."""

    @field_validator("status")
    @classmethod
    def _recognised(cls, status: PovertyStatus) -> PovertyStatus:
        if status is PovertyStatus.UNDETERMINED:
            raise PydanticCustomError(
                "vnlabor.status_undetermined",
                'tình trạng được công nhận không thể là "chưa xác định" / a recognised '
                "status cannot be undetermined: settle the missing facts first",
                {},
            )
        return status

    @property
    def effective_on(self) -> date:
        """When the status took effect: the decision date, else 1 January of the list year."""
        return self.recognised_on or date(self.list_year, 1, 1)


class StatusHistory(VnlaborModel):
    """A household's statuses, one record per list year, in order."""

    records: tuple[StatusRecord, ...]
    """The records, sorted by list year without repeats."""

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        years = [r.list_year for r in self.records]
        if years != sorted(set(years)):
            raise ValueError(f"list years must be increasing without repeats, got {years}")
        return self

    def record_for(self, list_year: int) -> StatusRecord | None:
        """The record of ``list_year``, if any."""
        return next((r for r in self.records if r.list_year == list_year), None)

    def status_in(self, list_year: int) -> PovertyStatus | None:
        """Status on the lists of ``list_year``, ``None`` when not recorded."""
        r = self.record_for(list_year)
        return None if r is None else r.status

    def status_on(self, on: date) -> PovertyStatus | None:
        """Status in effect on ``on``: the latest record that took effect by then."""
        current = None
        for r in self.records:
            if r.effective_on <= on:
                current = r.status
        return current

    def escaped_on(self, before: date | None = None) -> date | None:
        """Date of the latest exit from the lists (by ``before``, if given)."""
        last = None
        for prev, cur in zip(self.records, self.records[1:], strict=False):
            if before is not None and cur.effective_on > before:
                break
            if prev.status in ON_LISTS and cur.status not in ON_LISTS:
                last = cur.effective_on
        return last

    def is_newly_escaped(self, on: date, law: LawBook | None = None) -> bool:
        """Whether the household is newly escaped on ``on``: off the lists, within the window."""
        if self.status_on(on) in ON_LISTS:
            return False
        left = self.escaped_on(before=on)
        return left is not None and is_newly_escaped(escaped_on=left, on=on, law=law)

    def fell_into_poverty(self, list_year: int) -> bool:
        """Poor in ``list_year`` and not poor (or not recorded) the year before."""
        return (
            self.status_in(list_year) is PovertyStatus.POOR
            and self.status_in(list_year - 1) is not PovertyStatus.POOR
        )

    def is_re_poverty(self, list_year: int) -> bool:
        """*Tái nghèo*: fell into poverty in ``list_year`` after having been poor and escaped."""
        if not self.fell_into_poverty(list_year):
            return False
        return any(r.status is PovertyStatus.POOR for r in self.records if r.list_year < list_year)

    def is_newly_poor(self, list_year: int) -> bool:
        """*Phát sinh nghèo*: poor in ``list_year`` for the first time in the history."""
        return self.fell_into_poverty(list_year) and not self.is_re_poverty(list_year)
