"""Law data files (TOML) read into models; every problem is a LawDataError naming the file.

The format is the one of ``vnlabor/law/data/*.toml`` (the national book,
:func:`vnlabor.law.national`) and ``vnlabor/law/overlays/*.toml`` (provincial overlays,
:meth:`vnlabor.law.Overlay.from_toml`): ``[instruments.KEY]`` tables, and
``[parameters.NAME]`` tables with ``values`` rows (``value``, ``from``, ``to``, ``cite``).
"""

from __future__ import annotations

import tomllib
from typing import Any

from pydantic import ValidationError

from vnlabor.errors import LawDataError
from vnlabor.law.citation import Instrument
from vnlabor.law.parameter import Parameter, ParameterValue

__all__ = ["parse_toml", "read_instruments", "read_parameter", "read_values"]


def parse_toml(text: str, source: str) -> dict[str, Any]:
    """The TOML document ``text``, read from ``source`` (a file name, for messages)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise LawDataError(f"{source}: {exc}") from exc


def read_instruments(table: dict[str, Any], source: str) -> tuple[Instrument, ...]:
    """The instruments of an ``[instruments]`` table, by catalogue key."""
    out = []
    for key, body in table.items():
        try:
            out.append(Instrument.model_validate({"key": key, **body}))
        except ValidationError as exc:
            raise LawDataError(f"{source}: instrument {key!r}: {exc}") from exc
    return tuple(out)


def read_values(name: str, rows: list[dict[str, Any]], source: str) -> tuple[ParameterValue, ...]:
    """The dated values of parameter ``name`` (its ``values`` rows), oldest first."""
    out = []
    for i, row in enumerate(rows, 1):
        raw = dict(row)
        value = raw.pop("value", None)
        if isinstance(value, list):
            value = tuple(value)
        try:
            out.append(
                ParameterValue.model_validate(
                    {
                        "value": value,
                        "effective_from": raw.pop("from", None),
                        "effective_to": raw.pop("to", None),
                        "citation": raw.pop("cite", None),
                        **raw,
                    }
                )
            )
        except ValidationError as exc:
            raise LawDataError(f"{source}: {name} value #{i}: {exc}") from exc
    return tuple(sorted(out, key=lambda v: v.effective_from))


def read_parameter(name: str, body: dict[str, Any], source: str) -> Parameter:
    """Parameter ``name`` from its table: description, unit, declared range and values."""
    covers = body.get("covers", {})
    try:
        return Parameter(
            name=name,
            description=body.get("description"),
            unit=body.get("unit"),
            covers_from=covers.get("from"),
            covers_to=covers.get("to"),
            values=read_values(name, body.get("values", []), source),
        )
    except ValidationError as exc:
        raise LawDataError(f"{source}: parameter {name!r}: {exc}") from exc
