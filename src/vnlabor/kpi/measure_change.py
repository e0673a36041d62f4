"""Every poverty measure of a set of classified households, and how they change.

:meth:`PovertyMeasures.of` computes, exactly (``Fraction``), the measures of
:mod:`vnlabor.kpi.poverty_measures` over one set of classified households:

* ``poverty_rate``, ``near_poor_rate``, ``poor_or_near_poor_rate``: shares of the
  households whose status is decided (:func:`~vnlabor.kpi.headcount_ratio`; households
  with an undetermined status are left out and counted in
  :attr:`PovertyMeasures.undetermined`);
* ``fgt0``, ``fgt1``, ``fgt2``: the Foster-Greer-Thorbecke income headcount, poverty gap
  and severity against each household's line (:func:`~vnlabor.kpi.fgt`);
* ``af_headcount``, ``af_intensity``, ``af_adjusted_headcount``: Alkire-Foster H, A and
  M0 with the standard's indicators and cut-off, identifying as poor only households at
  or below their income line, as the 2022-2030 standards do
  (:func:`~vnlabor.kpi.alkire_foster` with ``require_income_poor=True``).

:func:`measures_change` sets two of them side by side (a comparison of two standards,
two reviews, or a reform and the law).

>>> from datetime import date
>>> import vnlabor as vl
>>> hh = [vl.Household(area="rural", monthly_income_per_capita=income, deprivations=d)
...       for income, d in ((1_000_000, ["nutrition", "employment", "dependants"]),
...                         (2_000_000, []))]
>>> before = PovertyMeasures.of(vl.classify_many(hh, on=date(2026, 6, 1)))
>>> after = PovertyMeasures.of(vl.classify_many(hh, on=date(2027, 6, 1)))
>>> for c in measures_change(before, after)[:2]:
...     print(c.key, c.before, c.after, c.points)
poverty_rate 1/2 1/2 0
near_poor_rate 0 1/2 50
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Final

from vnlabor.kpi.poverty_measures import (
    AlkireFoster,
    ClassifiedHousehold,
    Weight,
    alkire_foster,
    fgt,
    headcount_ratio,
)
from vnlabor.model.poverty_status import PovertyStatus

__all__ = ["MEASURE_KEYS", "MeasureChange", "PovertyMeasures", "measures_change"]

MEASURE_KEYS: Final[tuple[str, ...]] = (
    "poverty_rate",
    "near_poor_rate",
    "poor_or_near_poor_rate",
    "fgt0",
    "fgt1",
    "fgt2",
    "af_headcount",
    "af_intensity",
    "af_adjusted_headcount",
)
"""The measures :class:`PovertyMeasures` holds, in report order (labels: the message
keys ``kpi.measure.<key>`` of :mod:`vnlabor.l10n`)."""

_P = PovertyStatus


@dataclass(frozen=True, slots=True)
class PovertyMeasures:
    """The poverty measures of one set of classified households (exact values)."""

    households: int
    """How many households were measured."""
    undetermined: int
    """How many of them have an undetermined status (left out of the three rates)."""
    values: Mapping[str, Fraction | None]
    """Each measure of :data:`MEASURE_KEYS`; ``None`` where it is undefined (no
    household, or nobody poor for the Alkire-Foster intensity)."""
    alkire_foster: AlkireFoster
    """The Alkire-Foster detail: contributions by indicator and dimension, the weight
    left out for undetermined indicators."""

    @classmethod
    def of(
        cls,
        households: Iterable[ClassifiedHousehold],
        *,
        weights: Iterable[Weight] | None = None,
    ) -> PovertyMeasures:
        """Measure ``households`` (classified under one standard), optionally weighted.

        Raises:
            ValueError: households classified under different standards, or weights
                that do not match them (see :mod:`vnlabor.kpi.poverty_measures`).
        """
        rows = list(households)
        ws = None if weights is None else list(weights)

        def rate(*statuses: PovertyStatus) -> Fraction | None:
            return headcount_ratio(rows, weights=ws, statuses=statuses, exclude_undetermined=True)

        af = alkire_foster(rows, weights=ws, require_income_poor=True)
        values: dict[str, Fraction | None] = {
            "poverty_rate": rate(_P.POOR),
            "near_poor_rate": rate(_P.NEAR_POOR),
            "poor_or_near_poor_rate": rate(_P.POOR, _P.NEAR_POOR),
            "fgt0": fgt(rows, 0, weights=ws),
            "fgt1": fgt(rows, 1, weights=ws),
            "fgt2": fgt(rows, 2, weights=ws),
            "af_headcount": af.headcount,
            "af_intensity": af.intensity,
            "af_adjusted_headcount": af.adjusted_headcount,
        }
        undetermined = sum(1 for h in rows if h.status is _P.UNDETERMINED)
        return cls(len(rows), undetermined, values, af)

    def __getitem__(self, key: str) -> Fraction | None:
        return self.values[key]


@dataclass(frozen=True, slots=True)
class MeasureChange:
    """One measure before and after (a share or an index, exact)."""

    key: str
    """The measure (one of :data:`MEASURE_KEYS`)."""
    before: Fraction | None
    """Its value before (``None``: undefined)."""
    after: Fraction | None
    """Its value after."""

    @property
    def change(self) -> Fraction | None:
        """``after − before``; ``None`` when either is undefined."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def points(self) -> Fraction | None:
        """The change in percentage points (the measures are shares or indices in 0…1)."""
        change = self.change
        return None if change is None else change * 100


def measures_change(before: PovertyMeasures, after: PovertyMeasures) -> tuple[MeasureChange, ...]:
    """Each measure of :data:`MEASURE_KEYS` before and after, in that order."""
    return tuple(MeasureChange(k, before.values[k], after.values[k]) for k in MEASURE_KEYS)
