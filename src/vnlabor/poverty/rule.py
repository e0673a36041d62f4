"""The classification rule as a decision table of plain values.

A standard, for one area, is a short ordered table of :class:`Band` rows. A household
falls in the first row whose income ceiling it is at or below (closed upper bound,
"*từ … trở xuống*") and whose deprivation floor it reaches; past every row it is
:attr:`~vnlabor.PovertyStatus.NON_POOR`. The table is data, so the scalar path
(:func:`status_of`) and a columnar engine evaluate the very same definition.

>>> table = (Band(1_500_000, 3, PovertyStatus.POOR, "poor"),
...          Band(1_500_000, 0, PovertyStatus.NEAR_POOR, "near_poor"))
>>> status_of(1_500_000, 3, table), status_of(1_500_001, 5, table)
(<PovertyStatus.POOR: 'poor'>, <PovertyStatus.NON_POOR: 'non_poor'>)
"""

from __future__ import annotations

from typing import NamedTuple

from vnlabor.model.poverty_status import PovertyStatus

__all__ = ["Band", "build_bands", "match_band", "status_of"]


class Band(NamedTuple):
    """One row of the decision table."""

    ceiling: int
    """Highest income (or income-proxy score) in the row, inclusive."""
    min_deprivations: int
    """Fewest deprivations counted that the row requires."""
    status: PovertyStatus
    """Status of a household in the row."""
    reason: str
    """Key of the reason that explains the row."""


def build_bands(
    line: int, cutoff: int, unconditional_line: int | None, average_line: int | None
) -> tuple[Band, ...]:
    """The decision table of one standard for one area.

    ``unconditional_line`` is QĐ 59/2015's policy line (poor whatever the
    deprivations); ``average_line`` the top of the average-living-standard band. Either
    is ``None`` where the standard has no such band.
    """
    bands = []
    if unconditional_line is not None:
        bands.append(Band(unconditional_line, 0, PovertyStatus.POOR, "poor_unconditional"))
    bands.append(Band(line, cutoff, PovertyStatus.POOR, "poor"))
    bands.append(Band(line, 0, PovertyStatus.NEAR_POOR, "near_poor"))
    if average_line is not None:
        bands.append(Band(average_line, 0, PovertyStatus.AVERAGE_LIVING_STANDARD, "average"))
    return tuple(bands)


def match_band(measure: int, deprivations: int, bands: tuple[Band, ...]) -> Band | None:
    """The first row ``(measure, deprivations)`` falls in, or ``None`` past every row."""
    for band in bands:
        if measure <= band[0] and deprivations >= band[1]:  # ceiling, min_deprivations
            return band
    return None


def status_of(measure: int, deprivations: int, bands: tuple[Band, ...]) -> PovertyStatus:
    """Status of a household with ``measure`` income and ``deprivations`` counted."""
    band = match_band(measure, deprivations, bands)
    return PovertyStatus.NON_POOR if band is None else band.status
