"""Households (*hộ gia đình*) and their members, as the poverty review records them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any

from pydantic import BeforeValidator, Field, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

from vnlabor.model.area import Area
from vnlabor.model.base import VnlaborModel
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.person import Member
from vnlabor.types import VND, ProvinceCode

__all__ = ["DeprivationSet", "Household", "coerce_area", "coerce_deprivations"]


def coerce_area(value: Any) -> Area:
    """Read an area from its code or its Vietnamese name (for readers of raw cells).

    >>> coerce_area("Nông thôn")
    <Area.RURAL: 'rural'>
    """
    try:
        return Area(value)
    except (ValueError, TypeError):
        raise PydanticCustomError(
            "vnlabor.area_unknown",
            "khu vực không hợp lệ / unknown area: {value} "
            "(rural/nông thôn, urban/thành thị/đô thị)",
            {"value": repr(value)},
        ) from None


def coerce_deprivations(value: Any) -> frozenset[Deprivation]:
    """Read a set of indicators from members, names, or ``"a;b"`` text (table cells).

    >>> sorted(coerce_deprivations("health_insurance; nutrition"))
    [<Deprivation.HEALTH_INSURANCE: 'health_insurance'>, <Deprivation.NUTRITION: 'nutrition'>]
    """
    names = _split_cell(value)
    if isinstance(names, str) or not isinstance(names, Iterable):
        raise PydanticCustomError(
            "vnlabor.deprivations_type",
            "danh sách chỉ số thiếu hụt không hợp lệ / deprivations must be a set of "
            "indicators: {value}",
            {"value": repr(value)},
        )
    found = set()
    for name in names:
        try:
            found.add(Deprivation(name))
        except (ValueError, TypeError):
            raise PydanticCustomError(
                "vnlabor.deprivation_unknown",
                "chỉ số thiếu hụt không tồn tại / unknown deprivation indicator: {value}",
                {"value": repr(name)},
            ) from None
    return frozenset(found)


def _split_cell(value: Any) -> Any:
    """``"a; b"`` (a table cell) → ``["a", " b"]``; anything else unchanged."""
    if value.__class__ is str:
        return [part for part in value.split(";") if part.strip()]
    return value


# Members and names are checked by pydantic-core itself (``Deprivation._missing_``
# forgives stray spaces and capitals); only table-cell text needs splitting first.
DeprivationSet = Annotated[frozenset[Deprivation], BeforeValidator(_split_cell)]
"""A frozenset of :class:`Deprivation`, accepting names and ``;``-separated text."""


class Household(VnlaborModel):
    """A household as the poverty review sees it.

    Only ``area``, ``monthly_income_per_capita`` and ``deprivations`` decide its
    status; the rest describes it for reports and programmes.

    >>> hh = Household(area="nông thôn", monthly_income_per_capita="1.500.000",
    ...                deprivations="health_insurance;nutrition")
    >>> hh.monthly_income_per_capita, len(hh.deprivations)
    (1500000, 2)
    >>> Household(area=Area.RURAL, monthly_income_per_capita=-1)
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Household
    monthly_income_per_capita
      số tiền không được âm / amount must not be negative: -1 [type=vnlabor.vnd_negative]
    """

    area: Area
    """Rural or urban (*nông thôn* / *thành thị*)."""
    monthly_income_per_capita: VND
    """Average monthly income per person, VND (*thu nhập bình quân đầu người/tháng*)."""
    deprivations: DeprivationSet = frozenset()
    """Indicators the household is deprived in (all it was surveyed as lacking)."""
    household_id: str | None = None
    """Caller's identifier (not personal data)."""
    size: int | None = Field(default=None, ge=1)
    """Number of members (*nhân khẩu*), when members are not listed."""
    members: tuple[Member, ...] = ()
    """Members, when recorded."""
    province_code: ProvinceCode | None = None
    """Official code of the province."""
    commune_code: str | None = None
    """Official code of the commune (*xã, phường, đặc khu*)."""
    ethnic_minority: bool | None = None
    """Whether it is an ethnic-minority household (*hộ đồng bào dân tộc thiểu số*)."""
    surveyed_on: date | None = None
    """Date of the survey the figures come from."""

    # A field validator, not a model one: it runs only when members are given.
    @field_validator("members")
    @classmethod
    def _size_matches_members(
        cls, members: tuple[Member, ...], info: ValidationInfo
    ) -> tuple[Member, ...]:
        size = info.data.get("size")
        if members and size is not None and size != len(members):
            raise PydanticCustomError(
                "vnlabor.household_size",
                "số nhân khẩu {size} khác số thành viên {count} / size {size} differs from "
                "the {count} members listed",
                {"size": size, "count": len(members)},
            )
        return members

    @property
    def member_count(self) -> int | None:
        """Number of members: listed members, else ``size``."""
        return len(self.members) if self.members else self.size
