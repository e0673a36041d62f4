"""Provincial overlays: law data a province (or any caller) lays over the national book.

A province may raise a national standard or fix its own support levels within
national caps; an :class:`Overlay` holds those values with their own citations, and
:meth:`vnlabor.law.LawBook.with_overlay` makes a new book with them applied.
"""

from __future__ import annotations

from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from vnlabor.base.model import VnlaborModel
from vnlabor.errors import LawDataError
from vnlabor.law.citation import Instrument, LocalizedText
from vnlabor.law.parameter import Parameter, ParameterValue
from vnlabor.law.reading import parse_toml, read_instruments, read_parameter, read_values

__all__ = ["Overlay", "bundled_overlay", "bundled_overlay_keys", "load_overlay"]


class Overlay(VnlaborModel):
    """Provincial (or any caller's) law data layered over the national book.

    Values replace the national ones on the days they cover; parameters the national
    book lacks (a province's own support levels) are added.
    """

    key: str
    """Identifier, e.g. ``"dong-nai-2022-2025"``."""
    name: LocalizedText
    """What the overlay is."""
    province_code: str | None = None
    """Official code of the province that issued it, if any."""
    instruments: tuple[Instrument, ...] = ()
    """Instruments its values cite (in addition to the national catalogue)."""
    parameters: tuple[Parameter, ...] = ()
    """New parameters (full definitions)."""
    values: Mapping[str, tuple[ParameterValue, ...]] = {}
    """Values replacing those of existing national parameters, by parameter name."""
    scenario: bool = False
    """Whether it is a what-if (a reform under study), not law: explanations of what it
    decides say "under the scenario …" with its :attr:`name` (``scenario = true`` in the
    ``[overlay]`` table of a file; :meth:`vnlabor.law.LawBook.with_changes` makes one)."""

    @classmethod
    def from_toml(cls, text: str, *, source: str = "<overlay>") -> Overlay:
        """Parse an overlay file (see ``vnlabor/law/overlays/*.toml`` for the format)."""
        doc = parse_toml(text, source)
        head = doc.get("overlay")
        if not isinstance(head, dict):
            raise LawDataError(f"{source}: missing [overlay] table")
        instruments = read_instruments(doc.get("instruments", {}), source)
        params: list[Parameter] = []
        values: dict[str, tuple[ParameterValue, ...]] = {}
        for name, body in doc.get("parameters", {}).items():
            if "covers" in body:
                params.append(read_parameter(name, body, source))
            else:
                values[name] = read_values(name, body.get("values", []), source)
        try:
            return cls(
                key=head.get("key", ""),
                name=head.get("name", {}),
                province_code=head.get("province_code"),
                scenario=head.get("scenario", False),
                instruments=instruments,
                parameters=tuple(params),
                values=values,
            )
        except ValidationError as exc:
            raise LawDataError(f"{source}: {exc}") from exc


def load_overlay(path: str | Path) -> Overlay:
    """Read an overlay from a TOML file of the caller's."""
    p = Path(path)
    return Overlay.from_toml(p.read_text(encoding="utf-8"), source=str(p))


def bundled_overlay(key: str) -> Overlay:
    """An overlay shipped with vnlabor, e.g. ``bundled_overlay("dong-nai-2022-2025")``."""
    entry = resources.files("vnlabor.law.overlays") / f"{key}.toml"
    if not entry.is_file():
        known = ", ".join(bundled_overlay_keys())
        raise KeyError(f"no bundled overlay {key!r}; available: {known}")
    return Overlay.from_toml(entry.read_text(encoding="utf-8"), source=f"{key}.toml")


def bundled_overlay_keys() -> tuple[str, ...]:
    """Keys of the overlays shipped with vnlabor, sorted.

    >>> bundled_overlay_keys()
    ('dong-nai-2022-2025', 'hanoi-69-2024')
    """
    return tuple(
        sorted(
            entry.name.removesuffix(".toml")
            for entry in resources.files("vnlabor.law.overlays").iterdir()
            if entry.name.endswith(".toml")
        )
    )
