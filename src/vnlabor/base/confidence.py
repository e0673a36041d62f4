"""How sure vnlabor is of a legal figure."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Confidence(StrEnum):
    """Confidence tag carried by every legal value (as in the project's domain reference)."""

    # Members run from the surest to the least sure: reports (vnlabor.catalogue) list
    # them in this order.

    CONFIRMED = "C"
    """Seen in a cited primary or official source."""
    PARTLY_CONFIRMED = "P"
    """A single secondary source, an OCR text or a provincial mirror: probable, verify."""
    UNCONFIRMED = "R"
    """Not found in a source; encoded so the rule is complete, must be verified."""

    @classmethod
    def weakest(cls, confidences: Iterable[Confidence]) -> Confidence:
        """The least sure of ``confidences`` (``CONFIRMED`` for none).

        >>> Confidence.weakest([Confidence.CONFIRMED, Confidence.UNCONFIRMED])
        <Confidence.UNCONFIRMED: 'R'>
        """
        found = set(confidences)
        for tag in (cls.UNCONFIRMED, cls.PARTLY_CONFIRMED):
            if tag in found:
                return tag
        return cls.CONFIRMED
