"""Area of residence: rural (*nông thôn*) or urban (*thành thị*, from 2027 *đô thị*)."""

from __future__ import annotations

import unicodedata
from enum import StrEnum


class Area(StrEnum):
    """Where a household lives, as the poverty standards distinguish it.

    Decree 351/2025/NĐ-CP renames the urban category *đô thị*; it is the same member.
    """

    # Enum's own __hash__ is Python code; the str hash is equivalent (members compare
    # equal to their values) and keeps the lookups of the classification loop fast.
    __hash__ = str.__hash__

    RURAL = "rural"
    """Nông thôn."""
    URBAN = "urban"
    """Thành thị (từ 2027: đô thị)."""

    @classmethod
    def _missing_(cls, value: object) -> Area | None:
        """Also read the Vietnamese names, in any case and Unicode form.

        >>> Area("Nông thôn"), Area(" đô thị ")
        (<Area.RURAL: 'rural'>, <Area.URBAN: 'urban'>)
        """
        if isinstance(value, str):
            return _WORDS.get(unicodedata.normalize("NFC", value).strip().casefold())
        return None


_WORDS = {
    "rural": Area.RURAL,
    "nông thôn": Area.RURAL,
    "urban": Area.URBAN,
    "thành thị": Area.URBAN,
    "đô thị": Area.URBAN,
}
