"""The result of a named KPI: its value with its definition, target and data gaps."""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any, Self

from pydantic import model_validator

from vnlabor._optional import require
from vnlabor.base.model import VnlaborModel
from vnlabor.kpi.attainment import Attainment
from vnlabor.kpi.breakdown import Breakdown, BreakdownGroup, group_label
from vnlabor.kpi.date_range import DateRange
from vnlabor.kpi.definitions import KpiDefinition
from vnlabor.kpi.number import Exact
from vnlabor.kpi.points import PercentagePoints, exact_number
from vnlabor.kpi.ratio import Ratio
from vnlabor.kpi.report import explain_kpi, kpi_fields
from vnlabor.kpi.target import Target
from vnlabor.kpi.wording import format_kpi_value
from vnlabor.l10n import format_number, format_percent, format_period, message
from vnlabor.l10n.display import field_heading, get_display_locale, html_card, html_table, repr_line
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

    def __repr__(self) -> str:
        text = f"<{type(self).__name__} {self.definition.key}: {_value_repr(self)}"
        if self.period is not None:
            text += f" in {self.period}"
        if self.target is not None:
            verdict = {True: "met", False: "not met", None: "undetermined"}[self.met]
            text += f"; target {self.target}: {verdict}"
        if self.missing:
            text += f"; missing {self.missing}"
        if self.breakdown is not None:
            count = len(self.breakdown.groups)
            text += f"; by {self.breakdown.by} ({count} group{'' if count == 1 else 's'})"
        return repr_line(text + ">")

    def __str__(self) -> str:
        return self.explain(get_display_locale())

    def _repr_html_(self) -> str:
        locale = get_display_locale()
        fields = kpi_fields(self, locale)
        if self.period is not None:
            period = (
                format_period(self.period, locale=locale)
                if isinstance(self.period, ReportingPeriod)
                else str(self.period)
            )
            fields.insert(1, (field_heading(KpiResult, "period", locale), period))
        tables = []
        parts = self.breakdown
        if parts is not None:
            header = [
                field_heading(BreakdownGroup, "key", locale),
                field_heading(KpiResult, "value", locale),
                field_heading(Ratio, "numerator", locale),
                field_heading(Ratio, "denominator", locale),
            ]
            if self.target is not None:
                header.append(message("display.met", locale))
            rows = []
            for key, ratio in [
                *((group_label(g.key, locale), g.ratio) for g in parts.groups),
                (field_heading(Breakdown, "total", locale), parts.total),
            ]:
                row = [
                    "—" if ratio.value is None else format_percent(ratio.value, locale=locale),
                    format_number(ratio.numerator, locale=locale),
                    format_number(ratio.denominator, locale=locale),
                ]
                if self.target is not None:
                    row.append(_verdict(self.target.is_met(ratio), locale))
                rows.append((key, *row))
            caption = f"{field_heading(Breakdown, 'by', locale)}: {parts.by}"
            tables.append(html_table(rows, header, caption=caption))
        return html_card(self.name(locale), fields, tables)

    def to_frame(self) -> Any:
        """The result as a pandas DataFrame: its groups, if broken down, then ``"total"``.

        Indexed by the group keys as text (named after the breakdown) and ``"total"``;
        one row ``"total"`` without a breakdown. The columns are the same for every
        KPI, so the frames of several results concatenate:

        * ``kpi`` (the definition's key) and ``unit`` (``"share"``, ``"count"`` …);
        * ``numerator``, ``denominator`` (nullable ``Int64``; missing unless the value
          is a ratio);
        * ``share`` and ``percent`` (``float64``; ``NaN`` unless a defined ratio);
        * ``number`` (``float64``): the value as one number in the KPI's unit (a share,
          a count, percentage points, đồng), for plotting;
        * ``value``: the exact value (``Fraction`` or ``int``; ``None`` if undefined);
        * ``target`` (its neutral text, e.g. ``"> 90%"``) and ``target_met`` (nullable
          ``boolean``: each group checked against the KPI's target);
        * ``missing`` (``Int64``): records that lacked data, on the total row.

        >>> from vnlabor.kpi import Target, poverty_rate
        >>> from vnlabor.model.poverty_status import PovertyStatus as S
        >>> frame = poverty_rate([S.POOR, S.NON_POOR], target=Target.below(0.05)).to_frame()
        >>> frame["numerator"].tolist(), frame["percent"].tolist(), frame["target_met"].tolist()
        ([1], [50.0], [False])

        Raises:
            ImportError: pandas is not installed.
        """
        pd: Any = require("pandas", "pandas", "KpiResult.to_frame")
        rows: list[tuple[str, Ratio | PercentagePoints | int | Fraction | None]] = []
        if self.breakdown is not None:
            rows += [(str(g.key), g.ratio) for g in self.breakdown.groups]
        rows.append(("total", self.value))
        target = self.target
        data: dict[str, list[Any]] = {name: [] for name in _FRAME_COLUMNS}
        for _, value in rows:
            exact = exact_number(value)
            ratio = value if isinstance(value, Ratio) else None
            share = None if ratio is None else exact
            data["kpi"].append(self.definition.key)
            data["unit"].append(self.definition.unit.value)
            data["numerator"].append(None if ratio is None else ratio.numerator)
            data["denominator"].append(None if ratio is None else ratio.denominator)
            data["share"].append(math.nan if share is None else float(share))
            data["percent"].append(math.nan if share is None else float(share * 100))
            data["number"].append(math.nan if exact is None else float(exact))
            data["value"].append(value if isinstance(value, int) else exact)
            data["target"].append(None if target is None else str(target))
            data["target_met"].append(None if target is None else target.is_met(value))
            data["missing"].append(None)
        data["missing"][-1] = self.missing
        name = None if self.breakdown is None else self.breakdown.by
        frame = pd.DataFrame(data, index=pd.Index([k for k, _ in rows], name=name))
        return frame.astype(_FRAME_COLUMNS)


_FRAME_COLUMNS = {
    "kpi": object,
    "unit": object,
    "numerator": "Int64",
    "denominator": "Int64",
    "share": "float64",
    "percent": "float64",
    "number": "float64",
    "value": object,
    "target": object,
    "target_met": "boolean",
    "missing": "Int64",
}
"""The columns of :meth:`KpiResult.to_frame` and their types."""


def _value_repr(result: KpiResult) -> str:
    value = result.value
    if isinstance(value, Ratio):
        shown = value.value
        percent = "undefined" if shown is None else format_percent(shown, locale="en")
        return f"{value} = {percent}"
    if value is None:
        return "undefined"
    if isinstance(value, PercentagePoints):
        return str(value)
    return format_kpi_value(value, result.definition.unit, "en").replace(",", "")


def _verdict(met: bool | None, locale: str) -> str:
    if met is None:
        return "—"
    return message("kpi.report.met" if met else "kpi.report.not_met", locale)


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
