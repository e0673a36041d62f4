"""Sample people shared by the programme tests."""

from __future__ import annotations

from typing import Any

from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex
from vnlabor.model.trainee import Trainee


def trainee(**kw: Any) -> Trainee:
    """A rural man of a non-poor household, every fact known, in no priority group."""
    base: dict[str, Any] = {
        "sex": Sex.MALE,
        "rural": True,
        "disabled": False,
        "ethnic_minority": False,
        "household_status": PovertyStatus.NON_POOR,
        "newly_escaped": False,
        "special_difficulty_area": False,
    }
    return Trainee(**(base | kw))
