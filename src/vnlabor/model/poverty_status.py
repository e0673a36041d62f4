"""Household status under a multidimensional poverty standard."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import BeforeValidator


class PovertyStatus(StrEnum):
    """The class a standard puts a household in; exactly one applies.

    ``UNDETERMINED`` is not a class of the standard: it is the answer when a household's
    deprivations were assessed from its facts and an undetermined indicator could still
    change its class (see :attr:`vnlabor.poverty.Classification.possible`). It is a gap
    in the data, never "not poor"; it comes last, so the order of the others is kept.
    """

    # Enum's own __hash__ is Python code; the str hash is equivalent (members compare
    # equal to their values) and keeps the lookups of the classification loop fast.
    __hash__ = str.__hash__

    POOR = "poor"
    """Hộ nghèo."""
    NEAR_POOR = "near_poor"
    """Hộ cận nghèo."""
    AVERAGE_LIVING_STANDARD = "average_living_standard"
    """Hộ có mức sống trung bình."""
    NON_POOR = "non_poor"
    """Hộ không thuộc các diện trên (above every band the standard defines)."""
    UNDETERMINED = "undetermined"
    """Chưa xác định: missing facts could still change the class."""


def _undetermined_is_unknown(value: Any) -> Any:
    return None if value == PovertyStatus.UNDETERMINED else value


ListStatus = Annotated[PovertyStatus | None, BeforeValidator(_undetermined_is_unknown)]
"""A household's status on the lists, as programmes read it: ``None`` when unknown.

A classification's ``UNDETERMINED`` is read as unknown (``None``), so a programme rule
that needs the status says it is undetermined instead of treating the household as not
poor.
"""
