"""Households (*hộ gia đình*) and their members, as the poverty review records them."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any

from pydantic import (
    BeforeValidator,
    Field,
    SerializerFunctionWrapHandler,
    ValidationInfo,
    field_validator,
    model_serializer,
)
from pydantic_core import PydanticCustomError

from vnlabor.base.model import VnlaborModel, split_cell
from vnlabor.model.area import Area
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.dwelling import Dwelling
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
    names = split_cell(value)
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


# Members and names are checked by pydantic-core itself (``Deprivation._missing_``
# forgives stray spaces and capitals); only table-cell text needs splitting first.
DeprivationSet = Annotated[frozenset[Deprivation], BeforeValidator(split_cell)]
"""A frozenset of :class:`Deprivation`, accepting names and ``;``-separated text."""


class Household(VnlaborModel):
    """A household as the poverty review sees it.

    Its status follows from ``area``, ``monthly_income_per_capita`` and its
    deprivations. These are either given (``deprivations``, as most records carry them)
    or assessed from the review's facts about its members and its ``dwelling`` (see
    :func:`vnlabor.assess_deprivations`): :func:`vnlabor.classify` assesses them when
    ``deprivations`` was not given and the household has survey facts
    (:attr:`has_survey_facts`). Leaving ``deprivations`` out of the constructor is "not
    given"; ``deprivations=set()`` is "given: none". The rest describes the household
    for reports and programmes.

    >>> hh = Household(area="nông thôn", monthly_income_per_capita="1.500.000",
    ...                deprivations="health_insurance;nutrition")
    >>> hh.monthly_income_per_capita, len(hh.deprivations)
    (1500000, 2)
    >>> Household(area="rural", monthly_income_per_capita=0,
    ...           unknown_indicators=["nutrition"]).unknown_indicators
    frozenset({<Deprivation.NUTRITION: 'nutrition'>})
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
    """Indicators the household is deprived in (all it was surveyed as lacking); empty
    when not given (see :attr:`deprivations_given`)."""
    unknown_indicators: DeprivationSet = frozenset()
    """Indicators whose deprivation is stated unknown (*chưa xác định*): the survey could
    not tell, so they are neither deprived nor "not deprived". :func:`vnlabor.classify`
    counts them as undetermined (the status is
    :attr:`~vnlabor.PovertyStatus.UNDETERMINED` only when they could change it). A table
    with one column per indicator states them with an empty cell. Never one of
    ``deprivations``."""
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
    dwelling: Dwelling | None = None
    """The home and living conditions, when surveyed."""

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

    @field_validator("unknown_indicators")
    @classmethod
    def _unknown_not_deprived(
        cls, unknown: frozenset[Deprivation], info: ValidationInfo
    ) -> frozenset[Deprivation]:
        both = unknown & info.data.get("deprivations", frozenset())
        if both:
            names = ", ".join(sorted(d.value for d in both))
            raise PydanticCustomError(
                "vnlabor.indicator_unknown_and_deprived",
                "chỉ số vừa thiếu hụt vừa chưa xác định / indicators both deprived and "
                "unknown: {names}",
                {"names": names},
            )
        return unknown

    @property
    def member_count(self) -> int | None:
        """Number of members: listed members, else ``size``."""
        return len(self.members) if self.members else self.size

    @property
    def deprivations_given(self) -> bool:
        """Whether ``deprivations`` was given (even as an empty set), not left out.

        >>> Household(area="rural", monthly_income_per_capita=0).deprivations_given
        False
        >>> Household(area="rural", monthly_income_per_capita=0, deprivations=[]).deprivations_given
        True
        """
        return "deprivations" in self.__pydantic_fields_set__

    @property
    def has_survey_facts(self) -> bool:
        """Whether the review recorded facts that decide indicators.

        That is a ``dwelling``, or a member with any review fact
        (:data:`vnlabor.model.person.MEMBER_SURVEY_FACTS`).
        """
        return self.dwelling is not None or any(m.has_survey_facts for m in self.members)

    # "Not given" must survive a round trip through JSON or a dict: dumping the empty
    # default would turn it into "given: none". No return annotation: with one, pydantic
    # would describe the serialised household by it instead of by the fields.
    @model_serializer(mode="wrap")
    def _leave_out_deprivations_not_given(self, handler: SerializerFunctionWrapHandler):  # type: ignore[no-untyped-def]
        data: dict[str, Any] = handler(self)
        if "deprivations" not in self.__pydantic_fields_set__:
            data.pop("deprivations", None)
        return data
