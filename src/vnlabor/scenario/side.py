"""One side of a comparison: a law book applied on a date, or for the lists of a year.

:func:`vnlabor.scenario.compare` takes each side as a date, a list year (an ``int``), a
law book or a :class:`Scenario`. A date or a year alone means the national law (as the
book :func:`vnlabor.law.national` holds it) on that day or for that year's lists. A law
book needs a date: ``compare(..., on=...)`` or ``list_year=...`` gives one to every side
given as a book, and otherwise a book takes the date or year of the other side, so
``compare(households, base=date(2027, 6, 1), reform=book)`` compares the law and the
reform on the same day. ``Scenario(law=book, on=...)`` says it in full.

>>> from datetime import date
>>> from vnlabor.law import national
>>> base, reform = resolve(2026, national(), on=None, list_year=None)
>>> base.label("en"), reform.label("en"), reform.list_year
('the 2026 lists', 'the 2026 lists', 2026)
>>> Scenario(on=date(2027, 6, 1)).label("vi")
'ngày 01/06/2027'
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from numbers import Integral

from vnlabor.l10n import format_date, message
from vnlabor.law.book import LawBook, national
from vnlabor.model.household import Household
from vnlabor.poverty.classification import Classification, classify_many
from vnlabor.poverty.standard import PovertyStandard, list_year_start, standard_in_force
from vnlabor.types import as_date

__all__ = ["Scenario", "Side", "resolve"]


@dataclass(frozen=True, slots=True)
class Scenario:
    """A law book (national by default) applied on ``on`` or for the lists of ``list_year``.

    Exactly one of ``on`` and ``list_year`` is given. The standard is looked up when the
    scenario is made, so a date outside the data fails at once.

    Raises:
        TypeError: neither or both of ``on`` and ``list_year``, a date that is not one,
            a year that is not a whole number, or a ``law`` that is not a law book.
        NoStandardInForce: no poverty standard is encoded for the date or year.
    """

    on: date | None = None
    """The day whose standard applies (ages are counted on it)."""
    list_year: int | None = None
    """Instead of ``on``: the year of the poor and near-poor lists."""
    law: LawBook | None = None
    """The law book; ``None`` for the national one."""

    def __post_init__(self) -> None:
        if (self.on is None) == (self.list_year is None):
            raise TypeError("a Scenario takes exactly one of on= (a date) or list_year= (a year)")
        if self.on is not None:
            object.__setattr__(self, "on", as_date(self.on))
        if self.law is not None and not isinstance(self.law, LawBook):
            raise TypeError(
                f"law phải là một LawBook / law must be a vnlabor.law.LawBook, "
                f"not {type(self.law).__name__}"
            )
        self.standard  # noqa: B018 - a date outside the data fails here, not later

    @property
    def book(self) -> LawBook:
        """The law book applied (the national one when ``law`` is ``None``)."""
        return self.law or national()

    @property
    def day(self) -> date:
        """The day whose standard applies: ``on``, or the first day of the list year."""
        if self.on is not None:
            return self.on
        assert self.list_year is not None
        return list_year_start(self.list_year, self.law)

    @property
    def standard(self) -> PovertyStandard:
        """The poverty standard this side applies."""
        return standard_in_force(self.day, self.law)

    def classify(self, households: list[Household]) -> list[Classification]:
        """Every household classified under this side (the scalar engine)."""
        return classify_many(households, self.on, list_year=self.list_year, law=self.law)

    def label(self, locale: str = "vi") -> str:
        """What the side is, in ``locale``: its date or list year, and its scenario.

        >>> from vnlabor.law import national
        >>> book = national().with_changes({"poverty.income_line.rural": 2_500_000},
        ...                                from_=date(2027, 1, 1), name="Rural 2.5M")
        >>> Scenario(list_year=2027, law=book).label("en")
        'the 2027 lists under the scenario “Rural 2.5M”'
        """
        if self.list_year is not None:
            when = message("scenario.side.list_year", locale, year=str(self.list_year))
        else:
            assert self.on is not None
            when = message("scenario.side.on", locale, date=format_date(self.on, locale=locale))
        book = self.book
        scenarios = book.scenarios
        if scenarios:
            names = "; ".join(f"“{n(locale)}”" for n in scenarios.values())
            when = message("scenario.side.under", locale, side=when, scenarios=names)
        local = [k for k in book.overlays if k not in scenarios]
        if local:
            when = message("scenario.side.overlays", locale, side=when, overlays=", ".join(local))
        return when


Side = date | int | LawBook | Scenario
"""What :func:`vnlabor.scenario.compare` takes as a side."""


def _dated(value: object, name: str) -> Scenario | None:
    """The side as a Scenario when it says its own date; ``None`` for a bare book."""
    if isinstance(value, Scenario):
        return value
    if isinstance(value, LawBook):
        return None
    if isinstance(value, date):
        return Scenario(on=value)
    if isinstance(value, Integral) and not isinstance(value, bool):
        return Scenario(list_year=int(value))
    raise TypeError(
        f"{name} phải là một ngày, một năm danh sách, một LawBook hoặc một Scenario / {name} "
        f"must be a date, a list year (int), a law book or a Scenario, not "
        f"{type(value).__name__}: {value!r}"
    )


def resolve(
    base: Side, reform: Side, *, on: date | None, list_year: int | None
) -> tuple[Scenario, Scenario]:
    """Both sides as :class:`Scenario` (see the module documentation for the rules).

    Raises:
        TypeError: a side of the wrong kind; both ``on`` and ``list_year``; ``on`` or
            ``list_year`` with no side given as a book; a book with no date to take.
    """
    if on is not None and list_year is not None:
        raise TypeError("give at most one of on= or list_year=")
    sides = [_dated(base, "base"), _dated(reform, "reform")]
    books = [base, reform]
    if (on is not None or list_year is not None) and all(s is not None for s in sides):
        raise TypeError(
            "on= / list_year= dates a side given as a law book; both sides already say "
            "their date (give a Scenario or a date to each, or pass a book)"
        )
    out: list[Scenario] = []
    for i, side in enumerate(sides):
        if side is not None:
            out.append(side)
            continue
        book = books[i]
        assert isinstance(book, LawBook)
        other = sides[1 - i]
        if on is not None or list_year is not None:
            out.append(Scenario(on=on, list_year=list_year, law=book))
        elif other is not None:
            out.append(Scenario(on=other.on, list_year=other.list_year, law=book))
        else:
            raise TypeError(
                "cả hai bên là LawBook: cần on= hoặc list_year= / both sides are law books: "
                "give on= (a date) or list_year= (a year), or Scenario(law=book, on=...)"
            )
    return out[0], out[1]
