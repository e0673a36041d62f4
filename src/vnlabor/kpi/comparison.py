"""How an actual value must relate to a target's bounds (above, at least, between …)."""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Comparison"]


class Comparison(StrEnum):
    """How an actual value must relate to a target's bound(s)."""

    ABOVE = "above"
    """Trên: strictly greater than the bound."""
    AT_LEAST = "at_least"
    """Từ … trở lên, ít nhất, đạt: greater than or equal to the bound."""
    AT_MOST = "at_most"
    """Không quá, tối đa: less than or equal to the bound."""
    BELOW = "below"
    """Dưới: strictly less than the bound."""
    BETWEEN = "between"
    """Từ … đến …: inside the range, both ends included."""

    @property
    def symbol(self) -> str:
        """``>``, ``≥``, ``≤``, ``<`` or ``–``."""
        return {"above": ">", "at_least": "≥", "at_most": "≤", "below": "<"}.get(self.value, "–")
