"""Area of residence: rural (*nông thôn*) or urban (*thành thị*, from 2027 *đô thị*)."""

from __future__ import annotations

from enum import StrEnum


class Area(StrEnum):
    """Where a household lives, as the poverty standards distinguish it.

    Decree 351/2025/NĐ-CP renames the urban category *đô thị*; it is the same member.
    """

    RURAL = "rural"
    """Nông thôn."""
    URBAN = "urban"
    """Thành thị (từ 2027: đô thị)."""
