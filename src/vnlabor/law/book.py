"""The law book: every legal parameter and instrument, national or overlaid.

:func:`national` loads the packaged data (``vnlabor/law/data/*.toml``) once. A
province's own standard or support levels are an :class:`Overlay` layered on top with
:meth:`LawBook.with_overlay`; a what-if is a :class:`~vnlabor.law.reform.Reform` laid on
with :meth:`LawBook.with_changes` or :meth:`LawBook.with_reform`. The national book is
never modified.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from vnlabor.errors import LawDataError
from vnlabor.l10n import message
from vnlabor.l10n.display import get_display_locale, html_card, html_table
from vnlabor.law.citation import Citation, Instrument, LocalizedText
from vnlabor.law.overlay import Overlay
from vnlabor.law.parameter import Parameter, ParameterValue, Value
from vnlabor.law.reading import parse_toml, read_instruments, read_parameter
from vnlabor.law.reform import Reform, reform_overlay, validation_text

__all__ = ["LawBook", "national"]


class LawBook:
    """An immutable collection of parameters and the instruments they cite.

    >>> book = national()
    >>> book.value("poverty.deprivation_cutoff", date(2024, 1, 1))
    3
    >>> book.instrument("07/2021/NĐ-CP").official_name()
    'Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ'
    """

    __slots__ = ("_cache", "_instruments", "_overlay_of", "_parameters", "_scenarios", "overlays")

    def __init__(
        self,
        parameters: Iterable[Parameter],
        instruments: Iterable[Instrument],
        overlays: tuple[str, ...] = (),
        overlay_of: Mapping[str, str] | None = None,
        scenarios: Mapping[str, LocalizedText] | None = None,
    ) -> None:
        self._parameters: dict[str, Parameter] = {}
        for p in parameters:
            if p.name in self._parameters:
                raise LawDataError(f"parameter {p.name!r} is defined twice")
            self._parameters[p.name] = p
        self._instruments: dict[str, Instrument] = {}
        for i in instruments:
            if i.key in self._instruments and self._instruments[i.key] != i:
                raise LawDataError(f"instrument {i.key!r} is defined twice, differently")
            self._instruments[i.key] = i
        self.overlays = overlays
        """Keys of the overlays applied, in order."""
        self._overlay_of = dict(overlay_of or {})
        self._scenarios = dict(scenarios or {})
        self._cache: dict[Any, Any] = {}
        missing = self.problems()
        if missing:
            raise LawDataError("; ".join(missing))

    def problems(self) -> list[str]:
        """Citations (and their transitional provisions) naming an unknown instrument."""
        return [
            f"{p.name} ({v.effective_from}): cites unknown instrument {c.instrument!r}"
            for p in self._parameters.values()
            for v in p.values
            for c in (v.citation, v.citation.applied_by)
            if c is not None and c.instrument not in self._instruments
        ]

    def __iter__(self) -> Iterator[Parameter]:
        return iter(self._parameters.values())

    def __contains__(self, name: object) -> bool:
        return name in self._parameters

    def __repr__(self) -> str:
        extra = f", overlays={list(self.overlays)}" if self.overlays else ""
        if self._scenarios:
            extra += f", scenarios={list(self._scenarios)}"
        return f"<LawBook {len(self._parameters)} parameters{extra}>"

    def _families(self) -> dict[str, int]:
        """Parameters by family (the first part of their names), in order of first use."""
        families: dict[str, int] = {}
        for name in self._parameters:
            family = name.partition(".")[0]
            families[family] = families.get(family, 0) + 1
        return families

    def __str__(self) -> str:
        locale = get_display_locale()
        lines = [
            message(
                "display.law_book",
                locale,
                parameters=len(self._parameters),
                instruments=len(self._instruments),
            )
        ]
        lines += [f"- {family}: {count}" for family, count in self._families().items()]
        if self.overlays:
            lines.append(f"- {message('display.overlays', locale)}: {', '.join(self.overlays)}")
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        locale = get_display_locale()
        title = message(
            "display.law_book",
            locale,
            parameters=len(self._parameters),
            instruments=len(self._instruments),
        )
        fields = [
            (message("display.overlays", locale), ", ".join(self.overlays) or "—"),
        ]
        rows = list(self._families().items())
        header = (message("display.family", locale), message("display.parameters", locale))
        return html_card(title, fields, [html_table(rows, header)])

    @property
    def scenarios(self) -> Mapping[str, LocalizedText]:
        """The name of each overlay applied that is a what-if, not law, by its key.

        >>> from datetime import date
        >>> book = national().with_changes({"poverty.income_line.rural": 2_500_000},
        ...                                from_=date(2027, 1, 1), name="Rural line 2.5M")
        >>> book.scenarios["rural-line-2-5m"].en, national().scenarios
        ('Rural line 2.5M', {})
        """
        return self._scenarios

    @property
    def instruments(self) -> Mapping[str, Instrument]:
        """The instrument catalogue, by key."""
        return self._instruments

    def parameter(self, name: str) -> Parameter:
        """The parameter ``name``; ``KeyError`` naming it if unknown."""
        try:
            return self._parameters[name]
        except KeyError:
            raise KeyError(f"no legal parameter named {name!r}") from None

    def at(self, name: str, on: date) -> ParameterValue:
        """The dated value of ``name`` in force on ``on`` (with its citation)."""
        return self.parameter(name).at(on)

    def find(self, name: str, on: date) -> ParameterValue | None:
        """Like :meth:`at`, but ``None`` when the parameter is absent or has no value."""
        p = self._parameters.get(name)
        return None if p is None else p.find(on)

    def value(self, name: str, on: date) -> Value:
        """The bare value of ``name`` on ``on``."""
        return self.at(name, on).value

    def amount(self, name: str, on: date) -> int:
        """An integer value (VND, months, counts) of ``name`` on ``on``."""
        pv = self.at(name, on)
        try:
            return pv.amount
        except LawDataError:
            raise LawDataError(f"parameter {name!r} holds {pv.value!r}, not an integer") from None

    def instrument(self, key: str) -> Instrument:
        """The instrument catalogued under ``key``."""
        try:
            return self._instruments[key]
        except KeyError:
            raise KeyError(f"no instrument {key!r} in the catalogue") from None

    def cite(self, citation: Citation, locale: str = "vi") -> str:
        """Render ``citation`` with its instrument's official name."""
        # The book's own citations live as long as the book, so their ids are stable
        # memo keys (hashing a model would cost more than the rendering it saves).
        # Others (e.g. a decision read back from JSON) are rendered each time, so the
        # memo cannot grow without bound in a long-running service.
        key = ("cite", id(citation), locale)
        text: str | None = self._cache.get(key)
        if text is None:
            text = citation.render(self.instrument(citation.instrument), locale)
            via = citation.applied_by
            if via is not None:
                # The provision that keeps an ended instrument's rule applied is part of
                # the legal basis: a reader must see both.
                keep = via.render(self.instrument(via.instrument), locale)
                text += (
                    f" (applied under {keep})"
                    if locale.startswith("en")
                    else f" (được áp dụng tiếp theo {keep})"
                )
            if id(citation) in self.memo("citation_ids", self._citation_ids):
                self._cache[key] = text
        return text

    def _citation_ids(self) -> frozenset[int]:
        return frozenset(id(v.citation) for p in self._parameters.values() for v in p.values)

    def overlay_of(self, citation: Citation) -> str | None:
        """Key of the overlay whose instrument ``citation`` cites, ``None`` if national."""
        return self._overlay_of.get(citation.instrument)

    def memo(self, key: Any, build: Any) -> Any:
        """Cache ``build()`` under ``key`` for the life of this book (derived views)."""
        try:
            return self._cache[key]
        except KeyError:
            made = self._cache[key] = build()
            return made

    def with_changes(
        self,
        changes: Mapping[str, Value | list[str]],
        *,
        from_: date,
        to: date | None = None,
        name: str | LocalizedText | Mapping[str, str],
        key: str | None = None,
        note: str | None = None,
    ) -> LawBook:
        """A new book with some parameters changed from ``from_``: a what-if, not law.

        The values cite a scenario named ``name``, so explanations say "under the
        scenario …"; this book is unchanged. See :class:`~vnlabor.law.reform.Reform`.

        Args:
            changes: The new value of each parameter, by name (VND as ``int``; codes
                as a list or tuple of text).
            from_: First day of the new values.
            to: Last day (inclusive); by default the last day each parameter's data
                covers.
            name: What the scenario is: one text, or ``{"vi": …, "en": …}``.
            key: Its identifier; made from the name when not given.
            note: Where the figures come from, cited with them.

        Raises:
            LawDataError: an unknown parameter (the message names the closest ones), a
                value of the wrong kind (a float for money, text for a count…),
                negative money, or a last day before the first.
            TypeError: ``from_`` or ``to`` is not a date.

        >>> from datetime import date
        >>> book = national().with_changes({"poverty.income_line.rural": 2_500_000},
        ...                                from_=date(2027, 1, 1), name="Rural line 2.5M")
        >>> book.value("poverty.income_line.rural", date(2027, 6, 1))
        2500000
        >>> national().value("poverty.income_line.rural", date(2027, 6, 1))
        2200000
        >>> national().with_changes({"poverty.income_line.rual": 1}, from_=date(2027, 1, 1),
        ...                         name="typo")
        Traceback (most recent call last):
        ...
        vnlabor.errors.LawDataError: ... did you mean 'poverty.income_line.rural', ...
        """
        from pydantic import ValidationError

        from vnlabor.types import as_date

        first = as_date(from_, "from_")
        last = None if to is None else as_date(to, "to")
        try:
            reform = Reform(
                key=key or "",
                name=name,
                changes=changes,
                effective_from=first,
                effective_to=last,
                note=note,
            )
        except ValidationError as exc:
            raise LawDataError(validation_text(exc)) from None
        return self.with_reform(reform)

    def with_reform(self, reform: Reform) -> LawBook:
        """A new book with ``reform`` applied (checked against this book's parameters).

        Raises:
            LawDataError: as :meth:`with_changes`.
        """
        return self.with_overlay(reform_overlay(reform, self._parameters))

    def with_overlay(self, overlay: Overlay) -> LawBook:
        """A new book with ``overlay`` applied; this one is unchanged."""
        params = dict(self._parameters)
        for name, vals in overlay.values.items():
            if name not in params:
                raise LawDataError(
                    f"overlay {overlay.key!r} sets {name!r}, which the book does not define; "
                    "give it a description, unit and covers to add it"
                )
            params[name] = params[name].overlaid(vals)
        for p in overlay.parameters:
            if p.name in params:
                raise LawDataError(f"overlay {overlay.key!r} redefines {p.name!r}")
            params[p.name] = p
        return LawBook(
            params.values(),
            [*self._instruments.values(), *overlay.instruments],
            (*self.overlays, overlay.key),
            {**self._overlay_of, **{i.key: overlay.key for i in overlay.instruments}},
            {**self._scenarios, overlay.key: overlay.name} if overlay.scenario else self._scenarios,
        )


@cache
def national() -> LawBook:
    """The national law book shipped with vnlabor (loaded once per process)."""
    params: list[Parameter] = []
    instruments: list[Instrument] = []
    for entry in sorted(resources.files("vnlabor.law.data").iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".toml"):
            continue
        doc = parse_toml(entry.read_text(encoding="utf-8"), entry.name)
        instruments.extend(read_instruments(doc.get("instruments", {}), entry.name))
        params.extend(
            read_parameter(name, body, entry.name)
            for name, body in doc.get("parameters", {}).items()
        )
    return LawBook(params, instruments)
