"""Provincial-level units (*đơn vị hành chính cấp tỉnh*), dated, with the 2025 crosswalk.

Viet Nam had 63 provincial-level units until 30/06/2025 and has 34 from 01/07/2025
(Resolution 202/2025/QH15). Official codes change meaning with the date: ``"15"`` is
Yên Bái until 30/06/2025 and the merged Lào Cai from 01/07/2025. So every lookup here
takes the date it is about, and a code or a name without a date means the most recent
unit known by it.

>>> len(provinces(date(2025, 6, 30))), len(provinces(date(2025, 7, 1)))
(63, 34)
>>> province("15", on=date(2025, 6, 30)).short_name_vi
'Yên Bái'
>>> successor("10").name_vi
'Tỉnh Lào Cai'
>>> successor("10").code
'15'
>>> [p.short_name_vi for p in predecessors("15")]
['Lào Cai', 'Yên Bái']
>>> find_province("TP. Hồ Chí Minh", on=date(2025, 7, 1)).code
'79'

Data: ``vnlabor/geo/data/provinces.toml`` (one entry per unit and period, each with a
confidence tag and its citations), read once and validated into frozen models. The
citations are :class:`vnlabor.law.Citation` objects naming instruments of the law
catalogue, so ``national().cite(c)`` renders them. The errors raised here are defined
in :mod:`vnlabor.errors`, and the field type :data:`ProvinceCode` with its validator
:func:`coerce_province_code` in :mod:`vnlabor.types`; this module re-exports them under
the same names.
"""

from __future__ import annotations

import functools
import re
import tomllib
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction
from importlib import resources
from types import MappingProxyType
from typing import Annotated, Any, Self, TypeVar

from pydantic import Field, ValidationError, field_validator, model_validator

from vnlabor.base.confidence import Confidence
from vnlabor.base.model import VnlaborModel
from vnlabor.errors import (
    AmbiguousProvinceNameError,
    GeographyNotCoveredError,
    LawDataError,
    PartialProvinceDataError,
    UnknownProvinceError,
)
from vnlabor.law.citation import Citation
from vnlabor.types import ProvinceCode, coerce_province_code

__all__ = [
    "REFORM_2025",
    "AmbiguousProvinceNameError",
    "GeographyNotCoveredError",
    "PartialProvinceDataError",
    "Province",
    "ProvinceCode",
    "ProvinceKind",
    "UnknownProvinceError",
    "coerce_province_code",
    "coverage_start",
    "crosswalk",
    "find_province",
    "predecessors",
    "province",
    "province_as_of",
    "provinces",
    "rekey_to_new_provinces",
    "successor",
]

REFORM_2025 = date(2025, 7, 1)
"""First day of the 34-unit map: the merged provinces operate from 01/07/2025."""

_DAY = timedelta(days=1)
_CODE_PATTERN = r"^\d{2}$"


class ProvinceKind(StrEnum):
    """Whether a provincial-level unit is a province or a centrally-run city."""

    PROVINCE = "province"
    """Tỉnh."""
    CENTRALLY_RUN_CITY = "centrally_run_city"
    """Thành phố trực thuộc trung ương."""

    @property
    def prefix_vi(self) -> str:
        """The word that opens the official name: ``Tỉnh`` or ``Thành phố``."""
        return "Thành phố" if self is ProvinceKind.CENTRALLY_RUN_CITY else "Tỉnh"


class Province(VnlaborModel):
    """One provincial-level unit over one period in which its name, kind and territory hold.

    >>> hn = province("01", on=date(2025, 7, 1))
    >>> hn.name_vi, hn.name_en, hn.kind
    ('Thành phố Hà Nội', 'Hanoi', <ProvinceKind.CENTRALLY_RUN_CITY: 'centrally_run_city'>)
    >>> hn.in_force(date(2025, 6, 30))
    False
    """

    code: Annotated[str, Field(pattern=_CODE_PATTERN)]
    """Official two-digit code (QĐ 124/2004/QĐ-TTg before 01/07/2025, QĐ 19/2025/QĐ-TTg after)."""
    name_vi: str
    """Official name, NFC: ``Tỉnh Cao Bằng``, ``Thành phố Hà Nội``."""
    short_name_vi: str
    """Name without the ``Tỉnh`` / ``Thành phố`` prefix, NFC: ``Cao Bằng``."""
    name_en: str
    """Short English name, ASCII: ``Cao Bang``, ``Hanoi``, ``Ho Chi Minh City``."""
    kind: ProvinceKind
    """Province or centrally-run city."""
    valid_from: date
    """First day this entry is true."""
    valid_to: date | None = None
    """Last day this entry is true (inclusive); ``None`` while in force."""
    predecessors: tuple[Annotated[str, Field(pattern=_CODE_PATTERN)], ...] = ()
    """Codes of the units in force the day before ``valid_from`` that became this one."""
    successors: tuple[Annotated[str, Field(pattern=_CODE_PATTERN)], ...] = ()
    """Codes of the units in force the day after ``valid_to`` that this one became."""
    aliases: tuple[str, ...] = ()
    """Extra spellings :func:`find_province` accepts (``HCM``, a former name…); not official."""
    confidence: Confidence
    """How sure vnlabor is of the code, name and mapping of this entry."""
    citations: Annotated[tuple[Citation, ...], Field(min_length=1)]
    """Instruments that create, name or code the unit, most specific first.

    Each names its instrument by its key in the law catalogue
    (:attr:`vnlabor.law.LawBook.instruments`), so ``national().cite(c)`` renders it.
    """
    note: str | None = None
    """Anything a reader of the data should know about this entry."""

    @field_validator("name_vi", "short_name_vi", "aliases", mode="before")
    @classmethod
    def _nfc(cls, value: Any) -> Any:
        # Vietnamese text arrives both composed and decomposed (and with old-style tone
        # placement in the decomposed form); store one form so equality means equality.
        if isinstance(value, str):
            return unicodedata.normalize("NFC", value)
        if isinstance(value, list | tuple):
            return tuple(
                unicodedata.normalize("NFC", v) if isinstance(v, str) else v for v in value
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        expected = f"{self.kind.prefix_vi} {self.short_name_vi}"
        if self.name_vi != expected:
            raise ValueError(
                f"tên {self.name_vi!r} không khớp loại đơn vị / name {self.name_vi!r} does not "
                f"match its kind, expected {expected!r}"
            )
        if not self.name_en.isascii():
            raise ValueError(f"name_en must be ASCII, got {self.name_en!r}")
        if self.valid_to is not None and self.valid_to < self.valid_from:
            raise ValueError(f"valid_to {self.valid_to} is before valid_from {self.valid_from}")
        if self.valid_to is None and self.successors:
            raise ValueError("a unit still in force cannot have successors")
        return self

    def in_force(self, on: date) -> bool:
        """Whether this entry describes the unit on ``on``."""
        return self.valid_from <= on and (self.valid_to is None or on <= self.valid_to)

    def __str__(self) -> str:
        return self.name_vi


# ------------------------------------------------------------------------ data loading


@dataclass(frozen=True, slots=True)
class _Registry:
    """Every encoded entry, validated, with the indexes the lookups need."""

    records: tuple[Province, ...]
    """All entries, by code then valid_from."""
    by_code: Mapping[str, tuple[Province, ...]]
    """Entries carrying each code, oldest first."""
    by_key: Mapping[str, tuple[Province, ...]]
    """Entries each folded name or alias designates."""
    start: date
    """First covered day."""


def _fold(text: str) -> str:
    """Reduce a place name to a comparison key: no case, tones, punctuation or designator.

    >>> _fold("Thành phố Hồ Chí Minh"), _fold("Ho Chi Minh City"), _fold("TP.HCM")
    ('hochiminh', 'hochiminh', 'hcm')
    >>> _fold("Tỉnh Bà Rịa - Vũng Tàu"), _fold("Hoà Bình") == _fold("Hòa Bình")
    ('bariavungtau', True)
    """
    text = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    tokens = re.findall(r"[a-z0-9]+", text)
    # The designator is not part of the name: "Tỉnh Lào Cai", "TP. Huế", "Hue City".
    if tokens[:2] == ["thanh", "pho"]:
        tokens = tokens[2:]
    elif tokens[:1] in (["tinh"], ["tp"]):
        tokens = tokens[1:]
    if tokens[-1:] in (["province"], ["city"]):
        tokens = tokens[:-1]
    # Joined without spaces so "Hanoi" meets "Hà Nội" and "Danang" meets "Đà Nẵng".
    return "".join(tokens)


def _load_text() -> str:
    return resources.files("vnlabor.geo").joinpath("data/provinces.toml").read_text("utf-8")


def _build(raw: Mapping[str, Any]) -> _Registry:
    """Validate the parsed TOML into a registry; every inconsistency is a LawDataError."""
    records: list[Province] = []
    for i, entry in enumerate(raw.get("province", [])):
        label = f"provinces.toml entry {i + 1} (code {entry.get('code')!r})"
        try:
            records.append(Province.model_validate(entry))
        except ValidationError as exc:
            raise LawDataError(f"{label}: {exc}") from None
    if not records:
        raise LawDataError("provinces.toml holds no [[province]] entry")
    records.sort(key=lambda p: (p.code, p.valid_from))

    by_code: dict[str, list[Province]] = {}
    for p in records:
        entries = by_code.setdefault(p.code, [])
        if entries and (entries[-1].valid_to is None or entries[-1].valid_to >= p.valid_from):
            raise LawDataError(f"code {p.code}: entries from {p.valid_from} overlap")
        entries.append(p)
    start = min(p.valid_from for p in records)

    def at(code: str, on: date) -> Province | None:
        return next((p for p in by_code.get(code, ()) if p.in_force(on)), None)

    # Successor and predecessor links must point at entries that exist on the
    # adjacent day and must agree with each other, or crosswalks would silently drop
    # or double-count a unit.
    for p in records:
        if p.valid_to is not None:
            if not p.successors:
                raise LawDataError(f"code {p.code} ends {p.valid_to} without successors")
            for code in p.successors:
                nxt = at(code, p.valid_to + _DAY)
                if nxt is None or p.code not in nxt.predecessors:
                    raise LawDataError(f"code {p.code}: successor {code} does not link back")
        if p.valid_from > start and not p.predecessors:
            raise LawDataError(f"code {p.code} from {p.valid_from} has no predecessors")
        for code in p.predecessors:
            prev = at(code, p.valid_from - _DAY)
            if prev is None or p.code not in prev.successors:
                raise LawDataError(f"code {p.code}: predecessor {code} does not link forward")

    by_key: dict[str, list[Province]] = {}
    for p in records:
        keys = {_fold(name) for name in (p.name_vi, p.name_en, *p.aliases)} - {""}
        for key in keys:
            by_key.setdefault(key, []).append(p)

    return _Registry(
        records=tuple(records),
        by_code=MappingProxyType({k: tuple(v) for k, v in by_code.items()}),
        by_key=MappingProxyType({k: tuple(v) for k, v in by_key.items()}),
        start=start,
    )


@functools.cache
def _registry() -> _Registry:
    return _build(tomllib.loads(_load_text()))


# ----------------------------------------------------------------------------- lookups


def _day(on: date) -> date:
    # A datetime is a date, but comparing it with one raises; keep the calendar day.
    return on.date() if isinstance(on, datetime) else on


def _check_covered(on: date) -> date:
    on = _day(on)
    start = _registry().start
    if on < start:
        raise GeographyNotCoveredError(on, start)
    return on


def coverage_start() -> date:
    """First day the encoded map covers (the Hà Tây merger, 01/08/2008).

    >>> coverage_start()
    datetime.date(2008, 8, 1)
    """
    return _registry().start


def provinces(on: date) -> tuple[Province, ...]:
    """Every provincial-level unit in force on ``on``, by code.

    The latest encoded map is taken to hold for any later date.

    Raises:
        GeographyNotCoveredError: ``on`` is before :func:`coverage_start`.

    >>> sum(p.kind is ProvinceKind.CENTRALLY_RUN_CITY for p in provinces(date(2025, 7, 1)))
    6
    """
    on = _check_covered(on)
    return tuple(p for p in _registry().records if p.in_force(on))


def province(code: str, on: date | None = None) -> Province:
    """The unit carrying ``code`` on ``on``, or the most recent one to carry it if ``on`` is None.

    Raises:
        UnknownProvinceError: no unit has that code (on that date).
        GeographyNotCoveredError: ``on`` is before :func:`coverage_start`.

    >>> province("02").name_vi
    'Tỉnh Hà Giang'
    >>> province("02", on=date(2025, 7, 1))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    vnlabor.errors.UnknownProvinceError: ... (the code was in use 2008-08-01 to 2025-06-30)
    """
    entries = _registry().by_code.get(code, ()) if isinstance(code, str) else ()
    if on is None:
        if not entries:
            raise UnknownProvinceError(code)
        return entries[-1]
    on = _check_covered(on)
    for p in entries:
        if p.in_force(on):
            return p
    hint = ""
    if entries:
        last = entries[-1].valid_to
        hint = (
            f" (the code was in use {entries[0].valid_from.isoformat()} to "
            f"{last.isoformat() if last else 'now'})"
        )
    raise UnknownProvinceError(code, on, hint)


def find_province(name: str, on: date | None = None) -> Province:
    """The unit called ``name`` on ``on``, or the most recent unit so called if ``on`` is None.

    Matching ignores case, tone marks and punctuation, the ``Tỉnh`` / ``Thành phố`` /
    ``TP.`` prefix and an English ``Province`` / ``City`` suffix, and accepts the
    English name and a few common aliases (``HCM``, ``TPHCM``, ``Sài Gòn``, a former
    name such as ``Thừa Thiên Huế``). There is no fuzzy matching: a misspelling is an
    error, never a guess.

    Raises:
        UnknownProvinceError: nothing matches.
        AmbiguousProvinceNameError: several different units match.
        GeographyNotCoveredError: ``on`` is before :func:`coverage_start`.

    >>> find_province("lao cai", on=date(2025, 6, 30)).code
    '10'
    >>> find_province("Lào Cai", on=date(2025, 7, 1)).code
    '15'
    >>> find_province("Ho Chi Minh City").name_vi
    'Thành phố Hồ Chí Minh'
    """
    key = _fold(name) if isinstance(name, str) else ""
    matches = _registry().by_key.get(key, ()) if key else ()
    if on is not None:
        on = _check_covered(on)
        matches = tuple(p for p in matches if p.in_force(on))
    elif matches:
        latest = max(p.valid_from for p in matches)
        matches = tuple(p for p in matches if p.valid_from == latest)
    if len(matches) > 1 and isinstance(name, str):
        # Keys ignore tone marks; an exact (case-insensitive) spelling may still decide.
        exact = unicodedata.normalize("NFC", name).casefold().strip()
        spelled = tuple(
            p
            for p in matches
            if exact in {s.casefold() for s in (p.name_vi, p.short_name_vi, p.name_en, *p.aliases)}
        )
        matches = spelled or matches
    if not matches:
        raise UnknownProvinceError(name, on)
    if len(matches) > 1:
        raise AmbiguousProvinceNameError(name, matches)
    return matches[0]


def successor(old_code: str) -> Province:
    """The unit (as on 01/07/2025) that the pre-reform unit ``old_code`` became part of.

    ``old_code`` is read as a code of the 63-unit map (in force on 30/06/2025). For
    the unit's name and kind on a later date, look its code up again:
    ``province(successor(c).code, on=...)``.

    Raises:
        UnknownProvinceError: ``old_code`` is not a code of the 63-unit map.

    >>> successor("77").name_vi
    'Thành phố Hồ Chí Minh'
    """
    old = province(old_code, on=REFORM_2025 - _DAY)
    # The 2025 mergers moved whole units, so each old unit has exactly one successor;
    # a split encoded later would need a different question than this function asks.
    if len(old.successors) != 1:
        raise LawDataError(f"code {old.code} has successors {old.successors}, expected one")
    return province(old.successors[0], on=REFORM_2025)


def predecessors(new_code: str) -> tuple[Province, ...]:
    """The pre-reform units (as on 30/06/2025) merged into the unit ``new_code`` on 01/07/2025.

    An unchanged unit's only predecessor is its own former entry.

    Raises:
        UnknownProvinceError: ``new_code`` is not a code of the 34-unit map.

    >>> [p.code for p in predecessors("79")]
    ['74', '77', '79']
    """
    new = province(new_code, on=REFORM_2025)
    return tuple(province(code, on=REFORM_2025 - _DAY) for code in new.predecessors)


def province_as_of(code: str, recorded_on: date, on: date) -> Province | None:
    """The unit in force on ``on`` that a record coded ``code`` on ``recorded_on`` belongs to.

    This is how a KPI is reported on another map than the one its records were coded
    on: a 2024 record coded ``"26"`` (Vĩnh Phúc) belongs, on the 34-unit map, to Phú
    Thọ (``"25"``); a record of a unit that kept its territory keeps its unit. Going
    forward always has an answer, since the encoded changes move whole units. Going
    back from a merged unit does not: a 2026 record of the new Phú Thọ could be from
    any of the three old provinces, and the answer is ``None``.

    Args:
        code: The code as recorded, i.e. as it stood on ``recorded_on``.
        recorded_on: The record's date (the day the code refers to).
        on: Any day of the map to report on, e.g. ``REFORM_2025`` for the 34-unit map
            or ``REFORM_2025 - timedelta(days=1)`` for the 63-unit map.

    Returns:
        The unit on ``on``, or ``None`` when the record's unit was merged with others
        between ``on`` and ``recorded_on`` (it cannot be split back).

    Raises:
        UnknownProvinceError: No unit carries ``code`` on ``recorded_on``.
        GeographyNotCoveredError: A date is before :func:`coverage_start`.

    >>> province_as_of("26", date(2024, 5, 1), REFORM_2025).short_name_vi
    'Phú Thọ'
    >>> province_as_of("20", date(2026, 1, 5), date(2024, 1, 1)).code  # Lạng Sơn, unchanged
    '20'
    >>> province_as_of("25", date(2026, 1, 5), date(2024, 1, 1)) is None  # merged Phú Thọ
    True
    """
    on = _check_covered(on)
    unit = province(code, on=recorded_on)
    # Follow the links one change at a time; the loader checked that they are
    # consistent and end on an entry in force the adjacent day.
    while unit.valid_to is not None and unit.valid_to < on:
        if len(unit.successors) != 1:
            return None  # a split: no encoded change does this
        unit = province(unit.successors[0], on=unit.valid_to + _DAY)
    while unit.valid_from > on:
        if len(unit.predecessors) != 1:
            return None  # a merger cannot be undone
        unit = province(unit.predecessors[0], on=unit.valid_from - _DAY)
    return unit


@functools.cache
def crosswalk() -> Mapping[str, str]:
    """Old code (63-unit map) → new code (34-unit map), for the 2025 reform.

    >>> cw = crosswalk()
    >>> len(cw), cw["02"], cw["15"], cw["46"]
    (63, '08', '15', '46')
    """
    old = provinces(REFORM_2025 - _DAY)
    return MappingProxyType({p.code: successor(p.code).code for p in old})


_N = TypeVar("_N", int, Fraction, Decimal)


def rekey_to_new_provinces(
    values: Mapping[str, _N], *, allow_partial: bool = False
) -> dict[str, _N]:
    """Sum values keyed by pre-reform code into the post-reform units, by new code.

    Only for *additive* quantities (people, households, đồng, courses). A rate or a
    share cannot be re-keyed by adding: re-key its numerator and denominator and divide.

    Keys are codes of the 63-unit map (in force until 30/06/2025); a new unit appears
    in the result only if at least one of its old units is in ``values``.

    Args:
        values: Value per old province code.
        allow_partial: Sum whatever old units are present. By default a new unit whose
            old units are only partly present is an error, because its total would
            look complete and be too small.

    Raises:
        UnknownProvinceError: a key is not a code of the 63-unit map.
        PartialProvinceDataError: a new unit is only partly covered and ``allow_partial``
            is false.
        TypeError: a value is a ``bool``.

    >>> rekey_to_new_provinces({"10": 120, "15": 80, "01": 500})
    {'01': 500, '15': 200}
    >>> rekey_to_new_provinces({"10": 120}, allow_partial=True)
    {'15': 120}
    """
    mapping = crosswalk()
    totals: dict[str, _N] = {}
    for old_code, value in values.items():
        if isinstance(value, bool):
            raise TypeError(f"value for province {old_code!r} is a bool, not a quantity")
        new_code = mapping.get(old_code)
        if new_code is None:
            raise UnknownProvinceError(old_code, REFORM_2025 - _DAY)
        total = totals.get(new_code)
        totals[new_code] = value if total is None else total + value
    if not allow_partial:
        for new_code in totals:
            missing = tuple(p.code for p in predecessors(new_code) if p.code not in values)
            if missing:
                raise PartialProvinceDataError(new_code, missing)
    return dict(sorted(totals.items()))
