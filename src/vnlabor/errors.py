"""Exceptions raised by vnlabor.

Every exception derives from :class:`VnlaborError` so an application can catch the
library's errors in one place; each also derives from the matching built-in
(``LookupError``, ``ValueError``) so generic handlers keep working. Errors about a
date, code or name keep those inputs as attributes; messages are Vietnamese / English.

This module imports nothing of vnlabor at run time, so any module can raise from it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from vnlabor.geo.registry import Province


class VnlaborError(Exception):
    """Base class of every error raised by vnlabor."""


class LawDataError(VnlaborError, ValueError):
    """A packaged or user-supplied law data file is malformed or inconsistent."""


class ParameterNotInForce(VnlaborError, LookupError):
    """A legal parameter has no value on the date asked for."""

    def __init__(self, name: str, on: date, covered: str) -> None:
        self.name = name
        self.on = on
        self.covered = covered
        super().__init__(
            f"tham số {name!r} không có giá trị vào ngày {on:%d/%m/%Y} / "
            f"parameter {name!r} has no value on {on.isoformat()} (covered: {covered})"
        )


class NoStandardInForce(VnlaborError, LookupError):
    """No multidimensional poverty standard is encoded for the date asked for."""

    def __init__(self, on: date, covered: str) -> None:
        self.on = on
        self.covered = covered
        super().__init__(
            f"không có chuẩn nghèo nào được mã hoá cho ngày {on:%d/%m/%Y} / "
            f"no poverty standard is encoded for {on.isoformat()}; "
            f"vnlabor covers {covered}"
        )


class NoStandardForListYear(NoStandardInForce):
    """No poverty standard is encoded for the lists of the year asked for.

    A :class:`NoStandardInForce` (so a ``LookupError``) with the year as attribute.
    """

    def __init__(self, year: int, covered: str) -> None:
        self.year = year
        self.covered = covered
        # LookupError's own __init__, not NoStandardInForce's: there is no single day.
        LookupError.__init__(
            self,
            f"không có chuẩn nghèo nào được mã hoá cho danh sách năm {year} / no poverty "
            f"standard is encoded for the lists of {year}; vnlabor covers {covered}",
        )
        self.on = None  # type: ignore[assignment]


# ------------------------------------------------------------------------- geography
# Raised by vnlabor.geo, which re-exports them under the same names.


class UnknownProvinceError(VnlaborError, KeyError):
    """No unit has this code or name (on the date asked for, when one was given)."""

    def __init__(self, value: str, on: date | None = None, hint: str = "") -> None:
        self.value = value
        self.on = on
        when_vi = f" vào ngày {on:%d/%m/%Y}" if on else ""
        when_en = f" on {on.isoformat()}" if on else ""
        self.message = (
            f"không có tỉnh/thành phố {value!r}{when_vi} / "
            f"no provincial-level unit {value!r}{when_en}{hint}"
        )
        super().__init__(self.message)

    def __str__(self) -> str:
        # KeyError would print the repr of its argument, quotes and escapes included.
        return self.message


class GeographyNotCoveredError(VnlaborError, LookupError):
    """The date is before the first day vnlabor encodes the provincial map for."""

    def __init__(self, on: date, covered_from: date) -> None:
        self.on = on
        self.covered_from = covered_from
        # As ParameterNotInForce and NoStandardInForce word it (law.parameter.format_range):
        # the encoded map runs on with no end.
        self.covered = f"{covered_from.isoformat()} – (open)"
        super().__init__(
            f"không có bản đồ hành chính cấp tỉnh cho ngày {on:%d/%m/%Y} / no provincial map "
            f"is encoded for {on.isoformat()}; vnlabor covers {covered_from.isoformat()} onwards"
        )


class AmbiguousProvinceNameError(VnlaborError, LookupError):
    """A name matches more than one unit; pass the date or a fuller name."""

    def __init__(self, name: str, candidates: tuple[Province, ...]) -> None:
        self.name = name
        self.candidates = candidates
        listed = ", ".join(f"{p.code} {p.name_vi} ({p.valid_from.isoformat()})" for p in candidates)
        super().__init__(
            f"tên {name!r} khớp nhiều đơn vị / name {name!r} matches several units: {listed}"
        )


class PartialProvinceDataError(VnlaborError, ValueError):
    """Values cover only some of the old units that make up a new one."""

    def __init__(self, new_code: str, missing: tuple[str, ...]) -> None:
        self.new_code = new_code
        self.missing = missing
        super().__init__(
            f"thiếu số liệu của tỉnh cũ {', '.join(missing)} để tính cho tỉnh mới {new_code} / "
            f"no value for old unit(s) {', '.join(missing)}, which are part of new unit "
            f"{new_code}; pass allow_partial=True to sum what is there"
        )


class HeaderError(VnlaborError, ValueError):
    """A table's header lacks a required column, doubles one, or has a mistyped one.

    Raised before any row is read, with every problem of the header in one message.

    Attributes:
        missing: Python names of the required fields no column gives.
        duplicated: Python names of the fields that more than one column gives.
        unknown: ``(header, suggested name)`` for each column that looks like a mistyped
            name (``("nutriton", "nutrition")``); ignoring unknown columns lifts these.
    """

    def __init__(
        self,
        message: str,
        *,
        missing: tuple[str, ...] = (),
        duplicated: tuple[str, ...] = (),
        unknown: tuple[tuple[str, str], ...] = (),
    ) -> None:
        super().__init__(message)
        self.missing = missing
        self.duplicated = duplicated
        self.unknown = unknown
