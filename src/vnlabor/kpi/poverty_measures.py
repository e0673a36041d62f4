"""Poverty measures over classified households: headcount, FGT and Alkire-Foster.

All measures are exact (``Fraction``) and accept optional survey weights (``int``,
``Fraction``, ``Decimal``; a float is read as the decimal it prints as, never used as a
binary float). A measure over no weight at all is ``None``, not 0.

* :func:`headcount_ratio`: share of households whose **administrative status** is
  poor (or any statuses asked for): the official poverty rate, weighted.
* :func:`fgt`, :func:`poverty_gap`, :func:`poverty_severity`: the Foster-Greer-Thorbecke
  family on **income** against the line in force for each household's area.
  Vietnamese lines are closed ("*từ … trở xuống*"): income equal to the line is poor,
  with a gap of zero.
* :func:`alkire_foster`: the counting approach on the standard's **deprivation
  indicators**: headcount H, intensity A, adjusted headcount M0 = H × A, censored
  headcounts and contributions per indicator and per dimension. Every indicator
  weighs 1/d (d = number of indicators of the standard), and a household is
  multidimensionally poor when it is deprived in at least k indicators, k being the
  standard's ``deprivation_cutoff`` (3 under every standard so far). Equal weights
  mirror the administrative count, which scores every indicator alike (10 points
  each, Circular 07/2021/TT-BLĐTBXH); they are vnlabor's choice, not a legal rule.
  With ``require_income_poor=True`` only households at or below the income line can
  be poor, which is how the 2022-2030 standards identify poor households.

Input contract: each household is anything shaped like
:class:`vnlabor.poverty.Classification` (see :class:`ClassifiedHousehold`).

Households classified from facts may have an undetermined status or undetermined
indicators (``Classification.undetermined``). They are data gaps, never counted as
not poor: :func:`headcount_ratio` refuses them unless told to leave them out;
:func:`alkire_foster` leaves out those whose identification or score the undetermined
indicators could change and reports their weight (``AlkireFoster.undetermined``); the
FGT measures read income only and are not affected.

References:
    * Foster, Greer & Thorbecke (1984), "A class of decomposable poverty measures",
      Econometrica 52(3).
    * Alkire & Foster (2011), "Counting and multidimensional poverty measurement",
      Journal of Public Economics 95(7-8).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple, Protocol

from vnlabor.base.model import VnlaborModel
from vnlabor.kpi.number import Exact, to_fraction
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.poverty_status import PovertyStatus

__all__ = [
    "AlkireFoster",
    "ClassifiedHousehold",
    "StandardShape",
    "StatusCount",
    "Weight",
    "alkire_foster",
    "count_statuses",
    "fgt",
    "headcount_ratio",
    "poverty_gap",
    "poverty_severity",
]

Weight = int | Fraction | Decimal | float
"""A survey weight (how many households one row stands for)."""


class StandardShape(Protocol):
    """What the measures need of a poverty standard."""

    @property
    def indicators(self) -> tuple[Deprivation, ...]:
        """The indicators the standard counts."""
        ...

    @property
    def deprivation_cutoff(self) -> int:
        """How many deprivations make a household (multidimensionally) poor."""
        ...

    def dimension_of(self, indicator: Deprivation) -> str:
        """Dimension key of ``indicator``."""
        ...


class ClassifiedHousehold(Protocol):
    """What the measures need of a classified household."""

    @property
    def status(self) -> PovertyStatus:
        """Status the standard gave the household."""
        ...

    @property
    def income(self) -> int:
        """Monthly income per capita, VND."""
        ...

    @property
    def income_line(self) -> int:
        """The income line in force for the household's area, VND/person/month."""
        ...

    @property
    def deprivations_counted(self) -> frozenset[Deprivation]:
        """The household's deprivations that the standard counts."""
        ...

    @property
    def standard(self) -> StandardShape:
        """The standard applied."""
        ...


def _weighted(
    households: Iterable[ClassifiedHousehold], weights: Iterable[Weight] | None
) -> list[tuple[ClassifiedHousehold, Fraction]]:
    rows = list(households)
    if weights is None:
        return [(h, Fraction(1)) for h in rows]
    ws = [to_fraction(w) for w in weights]
    if len(ws) != len(rows):
        raise ValueError(f"{len(ws)} weights for {len(rows)} households")
    for w in ws:
        if w < 0:
            raise ValueError(f"a survey weight cannot be negative: {w}")
    return list(zip(rows, ws, strict=True))


def headcount_ratio(
    households: Iterable[ClassifiedHousehold],
    *,
    weights: Iterable[Weight] | None = None,
    statuses: Collection[PovertyStatus] = (PovertyStatus.POOR,),
    exclude_undetermined: bool = False,
) -> Fraction | None:
    """Weighted share of households whose status is in ``statuses`` (poor by default).

    Pass ``statuses=(PovertyStatus.POOR, PovertyStatus.NEAR_POOR)`` for the combined
    poor and near-poor rate.

    Raises:
        ValueError: some household's status is ``UNDETERMINED`` and
            ``exclude_undetermined`` is not set (then they are left out of both counts;
            :func:`vnlabor.kpi.poverty_rate` reports how many).
    """
    count = count_statuses(((h.status, w) for h, w in _weighted(households, weights)), statuses)
    gaps = count.undetermined
    if gaps and not exclude_undetermined:
        raise ValueError(
            f"{gaps} hộ chưa xác định được tình trạng / {gaps} households have an "
            "undetermined status: pass exclude_undetermined=True to leave them out"
        )
    if count.determined == 0:
        return None
    return count.counted / count.determined


class StatusCount(NamedTuple):
    """Households counted by status, as :func:`count_statuses` returns them."""

    counted: Fraction
    """Weight of the households whose status is one of those asked for."""
    determined: Fraction
    """Weight of every household whose status is determined (the denominator)."""
    undetermined: int
    """How many households have an undetermined status (left out of both weights)."""


def count_statuses(
    weighted: Iterable[tuple[PovertyStatus, Fraction]], statuses: Collection[PovertyStatus]
) -> StatusCount:
    """The count behind :func:`headcount_ratio` and :func:`vnlabor.kpi.poverty_rate`.

    An undetermined status is a gap in the data, never a household outside
    ``statuses``: such a household is in neither weight and is counted apart.

    Args:
        weighted: Each household's status with its weight (1 for a plain count).
        statuses: The statuses counted in :attr:`StatusCount.counted`.

    >>> P = PovertyStatus
    >>> count_statuses([(P.POOR, Fraction(1)), (P.UNDETERMINED, Fraction(1))], (P.POOR,))
    StatusCount(counted=Fraction(1, 1), determined=Fraction(1, 1), undetermined=1)
    """
    counted = determined = Fraction(0)
    undetermined = 0
    for status, weight in weighted:
        if status is PovertyStatus.UNDETERMINED:
            undetermined += 1
            continue
        determined += weight
        if status in statuses:
            counted += weight
    return StatusCount(counted, determined, undetermined)


def fgt(
    households: Iterable[ClassifiedHousehold],
    alpha: int,
    *,
    weights: Iterable[Weight] | None = None,
) -> Fraction | None:
    """Foster-Greer-Thorbecke measure P_alpha on income against each household's line.

    ``P_alpha = Σ w·((z − y) / z)^alpha · [y ≤ z] / Σ w``: alpha 0 is the income
    headcount, 1 the poverty gap, 2 the severity.

    Args:
        households: Classified households.
        alpha: A whole number ≥ 0 (keeps the result exact).
        weights: Survey weights, one per household, in order.

    Raises:
        ValueError: For a negative or non-integer alpha, a non-positive income line,
            negative weights or a weight count that differs from the households.
    """
    if isinstance(alpha, bool) or not isinstance(alpha, int) or alpha < 0:
        raise ValueError(f"alpha must be a whole number ≥ 0, got {alpha!r}")
    rows = _weighted(households, weights)
    total = sum((w for _, w in rows), Fraction(0))
    if total == 0:
        return None
    acc = Fraction(0)
    for h, w in rows:
        line = h.income_line
        if line <= 0:
            raise ValueError(f"income line must be positive, got {line}")
        if h.income <= line:  # closed line: "từ … trở xuống"
            acc += w * Fraction(line - h.income, line) ** alpha
    return acc / total


def poverty_gap(
    households: Iterable[ClassifiedHousehold], *, weights: Iterable[Weight] | None = None
) -> Fraction | None:
    """FGT P1, the poverty gap index: mean income shortfall as a share of the line."""
    return fgt(households, 1, weights=weights)


def poverty_severity(
    households: Iterable[ClassifiedHousehold], *, weights: Iterable[Weight] | None = None
) -> Fraction | None:
    """FGT P2, the squared poverty gap: weighs the poorest more."""
    return fgt(households, 2, weights=weights)


class AlkireFoster(VnlaborModel):
    """Alkire-Foster measures for one standard (equal indicator weights 1/d, cutoff k)."""

    indicators: tuple[Deprivation, ...]
    """The standard's indicators, in its order (d = their number)."""
    cutoff: int
    """k: deprivations needed to be identified as poor."""
    population: Exact
    """Total weight of the households measured."""
    poor: Exact
    """Total weight of the households identified as poor."""
    headcount: Exact | None
    """H: share identified as poor."""
    intensity: Exact | None
    """A: average deprivation share among the poor (``None`` with nobody poor)."""
    adjusted_headcount: Exact | None
    """M0 = H × A: the adjusted headcount ratio."""
    censored_headcounts: dict[Deprivation, Exact]
    """Per indicator, the share of the population that is poor **and** deprived in it."""
    contributions: dict[Deprivation, Exact]
    """Per indicator, its share of M0 (sums to 1; empty when M0 is 0 or undefined)."""
    dimension_contributions: dict[str, Exact]
    """Per dimension key, the sum of its indicators' contributions."""
    undetermined: Exact = Fraction(0)
    """Total weight of the households left out because undetermined indicators could
    change whether they are identified as poor, or their deprivation score."""


def alkire_foster(
    households: Iterable[ClassifiedHousehold],
    *,
    weights: Iterable[Weight] | None = None,
    require_income_poor: bool = False,
) -> AlkireFoster:
    """Alkire-Foster H, A, M0 and their decomposition by indicator and dimension.

    Args:
        households: Classified households, all under the same standard.
        weights: Survey weights, one per household, in order.
        require_income_poor: Identify as poor only households with income at or below
            their line (as the 2022-2030 standards do), not on deprivations alone.

    Raises:
        ValueError: When households were classified under different standards
            (different indicators or cutoff: their scores do not add up).
    """
    rows = _weighted(households, weights)
    if not rows:
        return AlkireFoster(
            indicators=(),
            cutoff=0,
            population=0,
            poor=0,
            headcount=None,
            intensity=None,
            adjusted_headcount=None,
            censored_headcounts={},
            contributions={},
            dimension_contributions={},
        )
    standard = rows[0][0].standard
    indicators = tuple(standard.indicators)
    k = standard.deprivation_cutoff
    for h, _ in rows:
        if tuple(h.standard.indicators) != indicators or h.standard.deprivation_cutoff != k:
            raise ValueError("households were classified under different standards")
    d = len(indicators)
    counted = frozenset(indicators)

    population = Fraction(0)
    poor = Fraction(0)
    gaps = Fraction(0)
    score_sum = Fraction(0)  # Σ w·c_i over the poor, c_i = deprivations / d
    deprived_poor = dict.fromkeys(indicators, Fraction(0))
    for h, w in rows:
        deprivations = h.deprivations_counted & counted
        income_ok = not require_income_poor or h.income <= h.income_line
        # Indicators the facts left open matter unless the household stays below k
        # even if they all turn out deprived (its deprivations are censored then).
        open_: frozenset[Deprivation] = getattr(h, "undetermined", frozenset()) & counted
        if open_ and income_ok and len(deprivations) + len(open_) >= k:
            gaps += w
            continue
        population += w
        is_poor = len(deprivations) >= k and income_ok
        if not is_poor:
            continue  # censoring: the deprivations of the non-poor do not count
        poor += w
        score_sum += w * Fraction(len(deprivations), d)
        for indicator in deprivations:
            deprived_poor[indicator] += w

    if population == 0:
        headcount = m0 = None
        censored: dict[Deprivation, Fraction] = {}
    else:
        headcount = poor / population
        m0 = score_sum / population
        censored = {i: deprived_poor[i] / population for i in indicators}
    contributions: dict[Deprivation, Fraction] = {}
    dimensions: dict[str, Fraction] = {}
    if m0:
        for i in indicators:
            share = censored[i] / d / m0
            contributions[i] = share
            dimension = standard.dimension_of(i)
            dimensions[dimension] = dimensions.get(dimension, Fraction(0)) + share
    return AlkireFoster(
        indicators=indicators,
        cutoff=k,
        population=population,
        poor=poor,
        headcount=headcount,
        intensity=None if poor == 0 else score_sum / poor,
        adjusted_headcount=m0,
        censored_headcounts=censored,
        contributions=contributions,
        dimension_contributions=dimensions,
        undetermined=gaps,
    )
