"""Exceptions raised by vnlabor, and what is raised where.

vnlabor's own exceptions derive from :class:`VnlaborError`, so an application can catch
them in one place, and each also from the built-in a Python user expects
(``ValueError``, ``TypeError``, ``LookupError``), so ``except ValueError`` keeps
working. Errors about a date, code or name keep those inputs as attributes; messages
are Vietnamese / English.

What is raised where:

* **A record built from bad data** (``vl.Household(...)``, ``Model.model_validate``,
  every model of :mod:`vnlabor.model`, :mod:`vnlabor.kpi` …): pydantic's
  ``ValidationError``, which is a ``ValueError`` but cannot be a :class:`VnlaborError`
  (pydantic builds it). Each of its errors carries a stable type, ``vnlabor.*`` for
  vnlabor's own checks (``vnlabor.area_unknown``, ``vnlabor.vnd_negative``,
  ``vnlabor.date_parsing`` …), and a bilingual message; personal values are masked.
* **A function given an argument of the wrong type** (text where a date is needed, an
  item that is neither a status nor a classification): :class:`VnlaborTypeError`, a
  ``TypeError``.
* **A function given an unusable value** (an unreadable amount or date, an unsupported
  locale, a negative count, an undefined ratio compared): :class:`VnlaborValueError`,
  a ``ValueError``; a name that is not one of the accepted ones (a breakdown key, a KPI
  key) is its subclass :class:`UnknownNameError`, which suggests the nearest names.
* **A rule that cannot be applied on the date** (no standard, no parameter value, no
  provincial map): :class:`NoStandardInForce`, :class:`ParameterNotInForce`,
  :class:`GeographyNotCoveredError` (``LookupError``); unknown or ambiguous provinces:
  :class:`UnknownProvinceError` (``KeyError``), :class:`AmbiguousProvinceNameError`.
* **Facts that contradict each other** or leave a needed status open:
  :class:`ConflictingFactsError`, :class:`DeprivationConflict`,
  :class:`PovertyStatusUndetermined` (``ValueError``).
* **A table's header** that cannot be read: :class:`HeaderError` (``ValueError``); bad
  rows are reported, not raised (:class:`vnlabor.io.RowError`).
* **Law data** that is malformed: :class:`LawDataError` (``ValueError``).
* **A missing optional dependency** (pandas, matplotlib, openpyxl …): the built-in
  ``ImportError``, naming the extra to install.

Still raised as bare built-ins, to be moved under :class:`VnlaborError`: the programme
rules' checks of their arguments (:mod:`vnlabor.programmes`), the batch engine's
(:mod:`vnlabor.batch`) and the readers' checks of their arguments (:mod:`vnlabor.io`),
each a ``ValueError`` or ``TypeError`` with a bilingual message; looking up an unknown
parameter or instrument in a law book is a ``KeyError``.

It also holds :func:`quoted`, how a message quotes the value it is about. This module
imports nothing of vnlabor, so any module can raise from it.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

_QUOTED_LIMIT = 200


def quoted(value: object, limit: int = _QUOTED_LIMIT) -> str:
    """``repr(value)`` for a message, shortened in the middle when longer than ``limit``.

    A broken file can put a whole page into one cell; a message quotes enough of it to
    find it, not all of it.

    >>> quoted("1.500.000"), quoted("9" * 100, limit=20)
    ("'1.500.000'", "'9999999999…99999' (100 characters)")
    """
    if isinstance(value, str) and len(value) > limit:
        head, tail = value[: limit // 2], value[-(limit // 4) :]
        return f"{head!r}"[:-1] + "…" + f"{tail!r}"[1:] + f" ({len(value):,} characters)"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        return f"<a whole number of about {int(value.bit_length() * 0.30103) + 1:,} digits>"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _Unit(Protocol):
    """What an error message shows of a provincial-level unit (:class:`vnlabor.geo.Province`)."""

    @property
    def code(self) -> str: ...

    @property
    def name_vi(self) -> str: ...

    @property
    def valid_from(self) -> date: ...


class VnlaborError(Exception):
    """Base class of every error raised by vnlabor."""


class VnlaborTypeError(VnlaborError, TypeError):
    """An argument of the wrong type: text where a date is needed, an item that is not a record.

    >>> issubclass(VnlaborTypeError, TypeError)
    True
    """


class VnlaborValueError(VnlaborError, ValueError):
    """An argument of the right type with a value vnlabor cannot use.

    An unreadable amount or date, an unsupported locale, a negative count, an undefined
    ratio compared with a number.

    >>> issubclass(VnlaborValueError, ValueError)
    True
    """


class UnknownNameError(VnlaborValueError):
    """A name that is not one of those accepted (a breakdown key, a KPI key …).

    The message suggests the nearest accepted names.

    Attributes:
        name: The name given.
        what: What it should name, in English (``"breakdown key"``).
        suggestions: The nearest accepted names, best first (may be empty).

    >>> raise UnknownNameError("arae", ("khoá phân tổ", "breakdown key"), ("area",))
    Traceback (most recent call last):
    ...
    vnlabor.errors.UnknownNameError: khoá phân tổ không có: 'arae' (gần nhất: 'area') / unknown breakdown key 'arae'; did you mean 'area'?
    """  # noqa: E501

    def __init__(
        self,
        name: str,
        what: tuple[str, str],
        suggestions: tuple[str, ...] = (),
        *,
        accepted: str = "",
    ) -> None:
        self.name = name
        self.what = what[1]
        self.suggestions = suggestions
        vi = f"{what[0]} không có: {quoted(name)}"
        en = f"unknown {what[1]} {quoted(name)}"
        if suggestions:
            named = [repr(s) for s in suggestions]
            vi += f" (gần nhất: {', '.join(named)})"
            listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " or " + named[-1]
            en += f"; did you mean {listed}?"
        if accepted:
            en += f" ({accepted})"
        super().__init__(f"{vi} / {en}")


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


class PovertyStatusUndetermined(VnlaborError, ValueError):
    """A household's classification does not tell whether it is poor or near-poor.

    Raised by a rule that needs to know (e.g. the low-income criterion) when the status
    on that day is not one of the decided ones, for instance because an indicator whose
    deprivation is unknown would change it.
    """

    def __init__(self, on: date, status: object, household_id: str | None = None) -> None:
        self.on = on
        self.status = status
        self.household_id = household_id
        which = f" {household_id!r}" if household_id else ""
        super().__init__(
            f"không xác định được hộ{which} có phải hộ nghèo, hộ cận nghèo hay không vào ngày "
            f"{on:%d/%m/%Y} (kết quả phân loại: {status}) / cannot tell whether the "
            f"household{which} is poor or near-poor on {on.isoformat()} (classification: "
            f"{status}); complete the facts it lacks"
        )


class ConflictingFactsError(VnlaborError, ValueError):
    """Two facts given for the same person or household contradict each other.

    vnlabor does not pick one of them. :class:`DeprivationConflict` is the household
    review's case of it.

    Attributes:
        field: The field whose value is contradicted.
        given: The value given for it.
        derived: The value the other facts give.
        source: Where the other facts come from.
    """

    def __init__(self, field: str, given: object, derived: object, source: str) -> None:
        self.field = field
        self.given = given
        self.derived = derived
        self.source = source
        super().__init__(
            f"{field}={given!r} mâu thuẫn với {source} (suy ra {derived!r}) / "
            f"{field}={given!r} contradicts {source}, which gives {derived!r}; "
            f"correct one of them or leave {field} unset"
        )


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

    def __init__(self, name: str, candidates: tuple[_Unit, ...]) -> None:
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


class DeprivationConflict(ConflictingFactsError):
    """A household's given deprivations contradict what its surveyed facts decide.

    Raised by :func:`vnlabor.classify` instead of choosing one of the two silently. A
    :class:`ConflictingFactsError` about the field ``deprivations``: ``given`` holds the
    indicators given and ``derived`` those the facts show it deprived in (names, in the
    standard's order), ``source`` names the surveyed facts.

    Attributes:
        household_id: The household's identifier, if it has one.
        not_given: Indicators the facts show it deprived in, missing from those given.
        contradicted: Indicators given that the facts show it is not deprived in.
    """

    def __init__(
        self,
        household_id: str | None,
        not_given: tuple[str, ...],
        contradicted: tuple[str, ...],
        *,
        given: tuple[str, ...] = (),
        derived: tuple[str, ...] = (),
    ) -> None:
        self.household_id = household_id
        self.not_given = not_given
        self.contradicted = contradicted
        self.field = "deprivations"
        self.given = given
        self.derived = derived
        self.source = "the household's surveyed facts"
        who = f" {household_id!r}" if household_id else ""
        parts_vi, parts_en = [], []
        if not_given:
            parts_vi.append(f"thông tin khảo sát cho thấy thiếu hụt {', '.join(not_given)}")
            parts_en.append(f"the facts show it deprived in {', '.join(not_given)}, not given")
        if contradicted:
            parts_vi.append(
                f"thông tin khảo sát cho thấy không thiếu hụt {', '.join(contradicted)}"
            )
            parts_en.append(f"the facts show it not deprived in {', '.join(contradicted)}, given")
        # ValueError's own __init__, not ConflictingFactsError's: the message names the
        # indicators in disagreement, not the two whole sets.
        ValueError.__init__(
            self,
            f"chỉ số thiếu hụt đã ghi của hộ{who} mâu thuẫn với thông tin khảo sát: "
            f"{'; '.join(parts_vi)} / the deprivations given for household{who} contradict "
            f"its surveyed facts: {'; '.join(parts_en)}",
        )
