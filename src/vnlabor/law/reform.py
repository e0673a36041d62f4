"""Reforms: new values for legal parameters, studied as what-ifs and never taken for law.

A :class:`Reform` names a set of changed parameter values and the days they apply
from (and to). :meth:`vnlabor.law.LawBook.with_changes` builds one in code and
:func:`load_reform` reads one from a TOML file; :meth:`vnlabor.law.LawBook.with_reform`
checks it against the book and returns a new book with it applied, the book itself
untouched. Its values cite a *scenario* (:attr:`InstrumentKind.SCENARIO
<vnlabor.law.InstrumentKind.SCENARIO>`), so every explanation that relies on one says
"under the scenario …", and no citation of it reads as law.

The TOML form::

    [reform]
    key = "rural-2-5"                                  # optional: made from the name
    name = { vi = "Chuẩn nông thôn 2,5 triệu", en = "Rural line 2.5 million" }
    from = 2027-01-01
    to = 2030-12-31                                    # optional
    note = "Đề xuất của Sở / the department's proposal"  # optional

    [changes]
    "poverty.income_line.rural" = 2_500_000

>>> from datetime import date
>>> r = Reform.from_toml('''
... [reform]
... name = "Rural line 2.5 million"
... from = 2027-01-01
... [changes]
... "poverty.income_line.rural" = 2_500_000
... ''')
>>> r.key, r.changes["poverty.income_line.rural"], r.effective_from
('rural-line-2-5-million', 2500000, datetime.date(2027, 1, 1))
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any, Self

from pydantic import ValidationError, field_validator, model_validator

from vnlabor.base.confidence import Confidence
from vnlabor.base.model import VnlaborModel
from vnlabor.errors import LawDataError
from vnlabor.law.citation import Citation, Instrument, InstrumentKind, LocalizedText
from vnlabor.law.overlay import Overlay
from vnlabor.law.parameter import Parameter, ParameterValue, Value
from vnlabor.law.reading import parse_toml

__all__ = [
    "SCENARIO_INSTRUMENT_PREFIX",
    "Reform",
    "load_reform",
    "reform_overlay",
    "validation_text",
]

SCENARIO_INSTRUMENT_PREFIX = "scenario:"
"""Catalogue keys of the instruments reforms cite start with this (``scenario:<key>``)."""

_MONEY_UNITS = ("VND",)


def _kind_of(value: object) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, str):
        return "str"
    if isinstance(value, tuple):
        return "codes"
    return type(value).__name__


_KIND_VI = {"int": "số nguyên", "bool": "đúng/sai", "str": "một mã", "codes": "danh sách mã"}
_KIND_EN = {
    "int": "a whole number",
    "bool": "true or false",
    "str": "a code (text)",
    "codes": "a list of codes",
}


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = plain.encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


class Reform(VnlaborModel):
    """New values of some legal parameters from one day on: a what-if, not law.

    Values are checked for their shape here (money and counts as ``int``, flags as
    ``bool``, codes as text) and against the book's parameters when applied
    (:meth:`vnlabor.law.LawBook.with_reform`).
    """

    key: str = ""
    """Identifier, e.g. ``"rural-2-5"``; made from the English name when not given."""
    name: LocalizedText
    """What the reform is, shown in explanations ("under the scenario …"); a plain text
    is used for both languages."""
    changes: Mapping[str, Value]
    """The new value of each parameter, by parameter name (VND amounts as ``int``)."""
    effective_from: date
    """First day the new values apply."""
    effective_to: date | None = None
    """Last day they apply (inclusive); ``None``: to the end of each parameter's data."""
    note: str | None = None
    """Where the figures come from (a proposal, an assumption), cited with them."""

    @model_validator(mode="before")
    @classmethod
    def _named(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        data = dict(data)
        name = data.get("name")
        if isinstance(name, str):
            name = data["name"] = {"vi": name, "en": name}
        if not data.get("key"):
            texts = (
                [name.get("en", ""), name.get("vi", "")]
                if isinstance(name, dict)
                else [name.en, name.vi]
                if isinstance(name, LocalizedText)
                else []
            )
            data["key"] = next((k for t in texts if isinstance(t, str) and (k := _slug(t))), "")
        return data

    @field_validator("changes", mode="before")
    @classmethod
    def _exact_values(cls, value: Any) -> Any:
        if not isinstance(value, Mapping) or not value:
            raise ValueError(
                "cần ít nhất một thay đổi / changes must map at least one parameter name "
                f"to its new value, not {value!r}"
            )
        out: dict[str, object] = {}
        for name, new in value.items():
            if isinstance(new, list):
                new = tuple(new)
            codes = isinstance(new, tuple) and all(isinstance(v, str) for v in new)
            if codes or isinstance(new, bool | int | str):
                out[name] = new
            else:
                # A float is refused, never rounded: money is whole đồng.
                raise ValueError(
                    f"{name!r}: giá trị phải là số nguyên (đồng), đúng/sai, mã hoặc danh "
                    f"sách mã / the value must be a whole number (VND as int), a flag, a "
                    f"code or a list of codes, not {type(new).__name__}: {new!r}"
                )
        return out

    @model_validator(mode="after")
    def _dated(self) -> Self:
        if self.effective_to is not None and self.effective_to < self.effective_from:
            raise ValueError(
                f"ngày kết thúc trước ngày bắt đầu / the last day {self.effective_to} is "
                f"before the first day {self.effective_from}"
            )
        if not self.key:
            raise ValueError(
                "kịch bản cần một mã / a reform needs a key, or a name with letters or digits"
            )
        return self

    @classmethod
    def from_toml(cls, text: str, *, source: str = "<reform>") -> Reform:
        """Parse a reform file (format in the module documentation)."""
        doc = parse_toml(text, source)
        head = doc.get("reform")
        if not isinstance(head, dict):
            raise LawDataError(f"{source}: missing [reform] table")
        unknown = sorted(set(head) - {"key", "name", "from", "to", "note"})
        if unknown:
            raise LawDataError(f"{source}: [reform] has unknown entries: {', '.join(unknown)}")
        try:
            return cls(
                key=head.get("key", ""),
                name=head.get("name", ""),
                changes=doc.get("changes", {}),
                effective_from=head.get("from"),
                effective_to=head.get("to"),
                note=head.get("note"),
            )
        except ValidationError as exc:
            raise LawDataError(f"{source}: {validation_text(exc)}") from None


def validation_text(exc: ValidationError) -> str:
    """The messages of a reform's validation errors, each after the field it concerns."""
    parts = []
    for error in exc.errors():
        where = ".".join(str(p) for p in error["loc"])
        text = str(error["msg"]).removeprefix("Value error, ")
        parts.append(f"{where}: {text}" if where else text)
    return "; ".join(parts)


def load_reform(path: str | Path) -> Reform:
    """Read a reform from a TOML file (format in the module documentation)."""
    p = Path(path)
    return Reform.from_toml(p.read_text(encoding="utf-8"), source=str(p))


def reform_overlay(reform: Reform, parameters: Mapping[str, Parameter]) -> Overlay:
    """The overlay that applies ``reform`` to a book with these ``parameters``.

    Each changed parameter must exist, and the new value have the kind of its values
    (a whole number for money and counts, never below zero for money); the values
    cite the scenario, with confidence R (not law).

    Raises:
        LawDataError: an unknown parameter (naming the closest names), a value of the
            wrong kind, or negative money.
    """
    instrument = Instrument(
        key=SCENARIO_INSTRUMENT_PREFIX + reform.key,
        kind=InstrumentKind.SCENARIO,
        issuer=LocalizedText(vi="người lập kịch bản", en="the scenario's author"),
        title=reform.name,
        confidence=Confidence.UNCONFIRMED,
    )
    note = "Kịch bản, không phải quy định pháp luật / a scenario, not law"
    if reform.note:
        note += f": {reform.note}"
    citation = Citation(instrument=instrument.key, confidence=Confidence.UNCONFIRMED, note=note)
    values: dict[str, tuple[ParameterValue, ...]] = {}
    for name, new in reform.changes.items():
        parameter = parameters.get(name)
        if parameter is None:
            close = difflib.get_close_matches(name, list(parameters), n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise LawDataError(
                f"kịch bản {reform.key!r}: không có tham số {name!r} / reform {reform.key!r} "
                f"changes {name!r}, which the law book does not define{hint}"
            )
        _check_kind(reform.key, parameter, new)
        last = reform.effective_to
        if last is None and parameter.covers_to is not None:
            # To the end of the parameter's data; past it (a band the data no longer
            # has, brought back), open-ended.
            last = parameter.covers_to if parameter.covers_to >= reform.effective_from else None
        values[name] = (
            ParameterValue(
                value=new,
                effective_from=reform.effective_from,
                effective_to=last,
                citation=citation,
            ),
        )
    return Overlay(
        key=reform.key,
        name=reform.name,
        instruments=(instrument,),
        values=values,
        scenario=True,
    )


def _check_kind(key: str, parameter: Parameter, new: Value) -> None:
    expected = {_kind_of(v.value) for v in parameter.values}
    got = _kind_of(new)
    if got not in expected:
        vi = " hoặc ".join(_KIND_VI.get(k, k) for k in sorted(expected))
        en = " or ".join(_KIND_EN.get(k, k) for k in sorted(expected))
        raise LawDataError(
            f"kịch bản {key!r}: {parameter.name!r} ({parameter.unit}) cần {vi} / reform "
            f"{key!r}: {parameter.name!r} ({parameter.unit}) takes {en}, not "
            f"{type(new).__name__}: {new!r}"
        )
    if (
        isinstance(new, int)
        and not isinstance(new, bool)
        and new < 0
        and parameter.unit.startswith(_MONEY_UNITS)
    ):
        raise LawDataError(
            f"kịch bản {key!r}: {parameter.name!r} không được âm / reform {key!r}: "
            f"{parameter.name!r} is money and cannot be negative: {new}"
        )
