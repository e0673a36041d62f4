"""Sex as recorded in administrative data (*giới tính*)."""

from __future__ import annotations

from enum import StrEnum


class Sex(StrEnum):
    """Sex of a person, as programme reports break it down."""

    FEMALE = "female"
    """Nữ."""
    MALE = "male"
    """Nam."""
