"""A household's home and living conditions (*nhà ở và điều kiện sống*), as surveyed.

The review form records, for the household as a whole, its dwelling (floor area, the
materials of walls, columns and roof), its water source and latrine, how it handles
its waste, and its access to information (telephone and internet use, devices, the
village loudspeaker). They sit together here rather than on :class:`Household`: they
are recorded together in the living-conditions part of the form, they belong to the
home every member shares, and a household recorded without them (most records, which
carry the deprivation flags themselves) keeps a single empty field.

Every fact is optional: ``None`` means "not recorded", never "no"; an indicator that
needs a missing fact is *undetermined* (see :func:`vnlabor.assess_deprivations`).

>>> d = Dwelling(floor_area_m2=31.9, durable_walls=True, water_source="piped",
...              information_devices="television; smartphone")
>>> d.floor_area_m2, d.water_source.value, sorted(v.value for v in d.information_devices)
(Decimal('31.9'), 'piped', ['smartphone', 'television'])
>>> d.durable_roof is None
True
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import BeforeValidator, Field
from pydantic_core import PydanticCustomError

from vnlabor.base.model import CodeEnum, VnlaborModel, split_cell

__all__ = [
    "Dwelling",
    "InformationDevice",
    "LatrineType",
    "SquareMetres",
    "WasteHandling",
    "WaterSource",
    "coerce_square_metres",
]


class WaterSource(CodeEnum):
    """Main source of water for domestic use (*nguồn nước sinh hoạt chính*)."""

    PIPED = "piped"
    """Nước máy (piped water)."""
    DRILLED_WELL = "drilled_well"
    """Giếng khoan (drilled or tube well)."""
    PROTECTED_DUG_WELL = "protected_dug_well"
    """Giếng đào được bảo vệ (protected dug well)."""
    UNPROTECTED_DUG_WELL = "unprotected_dug_well"
    """Giếng đào không được bảo vệ (unprotected dug well)."""
    PROTECTED_SPRING = "protected_spring"
    """Nước khe, mó được bảo vệ (protected spring)."""
    UNPROTECTED_SPRING = "unprotected_spring"
    """Nước khe, mó không được bảo vệ (unprotected spring)."""
    RAINWATER = "rainwater"
    """Nước mưa (rainwater)."""
    BOTTLED = "bottled"
    """Nước đóng chai, bình (bottled or jar water)."""
    TANKER_OR_VENDOR = "tanker_or_vendor"
    """Nước mua từ xe bồn, người bán (tanker truck or vendor)."""
    SURFACE_WATER = "surface_water"
    """Nước sông, suối, ao, hồ (river, stream, pond, lake)."""
    OTHER = "other"
    """Nguồn khác (another source)."""


class LatrineType(CodeEnum):
    """Latrine the household uses (*loại nhà tiêu, hố xí*)."""

    SEPTIC = "septic"
    """Tự hoại (septic tank)."""
    SEMI_SEPTIC = "semi_septic"
    """Bán tự hoại (semi-septic)."""
    POUR_FLUSH = "pour_flush"
    """Thấm dội nước (pour-flush)."""
    DOUBLE_VAULT = "double_vault"
    """Hai ngăn (double-vault composting)."""
    VENTILATED_PIT = "ventilated_pit"
    """Chìm có ống thông hơi (ventilated improved pit)."""
    SIMPLE_PIT = "simple_pit"
    """Hố xí đơn giản, hố đào (simple pit)."""
    OVERHANG = "overhang"
    """Cầu tõm, cầu cá (over water or a fish pond)."""
    OTHER = "other"
    """Loại khác (another kind)."""
    NO_LATRINE = "no_latrine"
    """Không có nhà tiêu (none)."""


class WasteHandling(CodeEnum):
    """How the household's domestic waste is handled (*xử lý rác thải sinh hoạt*)."""

    COLLECTED = "collected"
    """Được thu gom (collected by a service or the community)."""
    TREATED_ON_SITE = "treated_on_site"
    """Tự xử lý hợp vệ sinh: ủ phân, chôn lấp (composted or buried hygienically)."""
    BURNED = "burned"
    """Đốt (burned)."""
    DUMPED = "dumped"
    """Vứt, đổ ra môi trường (dumped)."""
    OTHER = "other"
    """Cách khác (another way)."""


class InformationDevice(CodeEnum):
    """A device the household owns that gives access to information."""

    TELEVISION = "television"
    """Tivi."""
    RADIO = "radio"
    """Radio, đài."""
    COMPUTER = "computer"
    """Máy vi tính để bàn hoặc xách tay (desktop or laptop)."""
    SMARTPHONE = "smartphone"
    """Điện thoại thông minh."""
    TABLET = "tablet"
    """Máy tính bảng."""


def coerce_square_metres(value: Any) -> Decimal:
    """Read an area in m² exactly: ``31.9`` (float), ``"31,9"`` (text) or ``Decimal``.

    A float is read as the decimal it prints as, so ``32.0`` m² for 4 people is exactly
    8 m² a person, never 7.999…; Vietnamese text may use a decimal comma.

    >>> coerce_square_metres(31.9), coerce_square_metres("1.234,5"), coerce_square_metres(40)
    (Decimal('31.9'), Decimal('1234.5'), Decimal('40'))
    >>> coerce_square_metres(-1)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.PydanticCustomError: diện tích ... / invalid area in m²: -1
    """
    number: Decimal | None
    if isinstance(value, bool):
        number = None
    elif isinstance(value, Decimal):
        number = value
    elif isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(repr(value))
    elif isinstance(value, str):
        text = value.strip().removesuffix("m²").removesuffix("m2").strip()
        if "," in text:  # Vietnamese: "1.234,5"
            text = text.replace(".", "").replace(",", ".")
        try:
            number = Decimal(text)
        except InvalidOperation:
            number = None
    else:
        number = None
    if number is None or not number.is_finite() or number < 0:
        raise PydanticCustomError(
            "vnlabor.area_m2",
            "diện tích không hợp lệ / invalid area in m²: {value}",
            {"value": repr(value) if not isinstance(value, int | float) else str(value)},
        )
    return number


SquareMetres = Annotated[Decimal, BeforeValidator(coerce_square_metres), Field(ge=0)]
"""An area in square metres, held as an exact ``Decimal`` (≥ 0)."""

_Devices = Annotated[frozenset[InformationDevice], BeforeValidator(split_cell)]


class Dwelling(VnlaborModel):
    """The household's home and living conditions (every fact optional)."""

    floor_area_m2: SquareMetres | None = None
    """Floor area of the home, m² (*diện tích nhà ở*), exact."""
    durable_walls: bool | None = None
    """Walls of durable materials (*tường bằng vật liệu bền chắc*)."""
    durable_columns: bool | None = None
    """Columns of durable materials (*cột bằng vật liệu bền chắc*)."""
    durable_roof: bool | None = None
    """Roof of durable materials (*mái bằng vật liệu bền chắc*)."""
    water_source: WaterSource | None = None
    """Main source of water for domestic use."""
    latrine: LatrineType | None = None
    """Latrine the household uses."""
    waste_handling: WasteHandling | None = None
    """How domestic waste is handled."""
    uses_telephone: bool | None = None
    """Some member uses a telephone subscription, mobile or fixed (*thuê bao điện thoại*)."""
    uses_internet: bool | None = None
    """Some member uses the internet."""
    information_devices: _Devices | None = None
    """Devices owned for access to information; an empty set means none."""
    hears_loudspeaker: bool | None = None
    """The commune or village loudspeaker system can be heard at home."""
