"""Exceptions raised by vnlabor.

Every exception derives from :class:`VnlaborError` so an application can catch the
library's errors in one place; each also derives from the matching built-in
(``LookupError``, ``ValueError``) so generic handlers keep working.
"""

from __future__ import annotations

from datetime import date


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
