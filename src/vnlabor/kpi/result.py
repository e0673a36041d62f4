"""The result of a named KPI: its value with its definition, target and data gaps."""

from __future__ import annotations

from fractions import Fraction
from typing import Self

from pydantic import model_validator

from vnlabor.base.model import VnlaborModel
from vnlabor.kpi.attainment import Attainment
from vnlabor.kpi.breakdown import Breakdown
from vnlabor.kpi.date_range import DateRange
from vnlabor.kpi.definitions import KpiDefinition
from vnlabor.kpi.number import Exact
from vnlabor.kpi.points import PercentagePoints, exact_number
from vnlabor.kpi.ratio import Ratio
from vnlabor.kpi.report import explain_kpi
from vnlabor.kpi.target import Target
from vnlabor.law.book import LawBook
from vnlabor.model.period import ReportingPeriod
from vnlabor.types import NonNegativeCount

__all__ = ["KpiResult", "PovertyReductionResult"]


class KpiResult(VnlaborModel):
    """The value of one KPI, with its definition, target and data gaps."""

    definition: KpiDefinition
    """What was computed, in which unit, on what authority."""
    value: Ratio | PercentagePoints | int | Fraction | None
    """A ratio (shares), a count, an exact average, percentage points, or ``None`` if undefined."""
    target: Target | None = None
    """The target the value is checked against, if any."""
    period: ReportingPeriod | DateRange | None = None
    """The period the records were filtered to (``None``: all records)."""
    missing: NonNegativeCount = 0
    """Records that lacked the data to be counted (unknown outcome, attendance …)."""
    breakdown: Breakdown | None = None
    """Per-group ratios, when a breakdown was asked for; its total equals :attr:`value`."""

    @model_validator(mode="after")
    def _target_in_unit(self) -> Self:
        if self.target is not None and self.target.unit is not self.definition.unit:
            raise ValueError(
                f"target is in {self.target.unit.value} but {self.definition.key} "
                f"is in {self.definition.unit.value}"
            )
        return self

    @property
    def met(self) -> bool | None:
        """Whether the target is met; ``None`` without a target or with an undefined value."""
        return None if self.target is None else self.target.is_met(self.value)

    @property
    def attainment(self) -> Attainment | None:
        """The value against the target's reference bound (``None`` when either is missing)."""
        return None if self.target is None else self.target.attainment(self.value)

    @property
    def ratio(self) -> Ratio | None:
        """The value when it is a ratio."""
        return self.value if isinstance(self.value, Ratio) else None

    @property
    def count(self) -> int | None:
        """The value when it is a whole count (sessions, departures, VND …)."""
        return self.value if isinstance(self.value, int) else None

    @property
    def number(self) -> Fraction | None:
        """The value as one exact number (a ratio's quotient, the points of a difference)."""
        return exact_number(self.value)

    def explain(self, locale: str = "vi", law: LawBook | None = None) -> str:
        """The KPI as a short report (see :func:`vnlabor.kpi.explain_kpi`).

        Value, whether the target is met and by how much, breakdown, data gaps, and the
        definition with the instruments it rests on.
        """
        return explain_kpi(self, locale, law)

    def name(self, locale: str = "vi") -> str:
        """The KPI's name in ``locale``."""
        return self.definition.name(locale)


class PovertyReductionResult(KpiResult):
    """A reduction of the poverty rate between two reviews, flagged when the standard changed."""

    earlier: Ratio
    """Poverty rate at the earlier review."""
    later: Ratio
    """Poverty rate at the later review."""
    years: Exact
    """Years between the reviews (the value is the average per year)."""
    standard_before: str
    """Instrument of the standard the earlier review used (e.g. ``"59/2015/QĐ-TTg"``)."""
    standard_after: str
    """Instrument of the standard the later review used (e.g. ``"07/2021/NĐ-CP"``)."""

    standard_changed: bool
    """Whether the two reviews used different standards: the series is then broken."""

    @model_validator(mode="after")
    def _flag_matches_standards(self) -> Self:
        if self.standard_changed != (self.standard_before != self.standard_after):
            raise ValueError(
                f"standard_changed={self.standard_changed} contradicts the standards "
                f"{self.standard_before!r} and {self.standard_after!r}"
            )
        return self
