"""Household status under a multidimensional poverty standard."""

from __future__ import annotations

from enum import StrEnum


class PovertyStatus(StrEnum):
    """The class a standard puts a household in; exactly one applies."""

    POOR = "poor"
    """Hộ nghèo."""
    NEAR_POOR = "near_poor"
    """Hộ cận nghèo."""
    AVERAGE_LIVING_STANDARD = "average_living_standard"
    """Hộ có mức sống trung bình."""
    NON_POOR = "non_poor"
    """Hộ không thuộc các diện trên (above every band the standard defines)."""
