"""Ratios of two counts (*tỷ lệ*), kept exact and kept as their parts.

A report's "85.51%" is 4,973 of 5,816 trainees: vnlabor keeps both counts, so a rate
can be pooled, broken down and re-checked, and so "no trainees yet" (``0/0``, no rate
at all) is never confused with "no trainee employed" (``0/5,816``, a rate of zero).

A ratio flows into ordinary numbers where an analysis needs them: ``float(r)`` (NaN
when undefined), comparisons with numbers (``r > 0.9``, exact: the float ``0.9`` is
nine tenths), :func:`vnlabor.l10n.format_percent` and :func:`~vnlabor.l10n.format_number`:

>>> r = Ratio(4_973, 5_816)
>>> float(r), r > 0.85, r >= Ratio(1, 2)
(0.8550550206327373, True, True)
>>> from vnlabor.l10n import format_percent
>>> format_percent(r), format_percent(r, locale="en")
('85,51%', '85.51%')

**Equality.** Two ratios are equal when they are the same record: the same counts (and
labels). ``Ratio(1, 2) == Ratio(2, 4)`` is ``False`` (one of two is not two of four:
they pool differently), although neither is greater than the other. A ratio and a
*number* are equal when the ratio's exact value is that number; an undefined ratio
equals no number. Use ``r.value == other.value`` to compare two ratios' values.

>>> Ratio(1, 2) == Ratio(2, 4), Ratio(1, 2) == 0.5, Ratio(2, 4) == Fraction(1, 2)
(False, True, True)
>>> Ratio(0, 0) == 0, float(Ratio(0, 0))
(False, nan)
>>> Ratio(0, 0) < 0.5  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
vnlabor.errors.VnlaborValueError: tỷ lệ 0/0 không xác định ... and cannot be compared
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from numbers import Integral, Real
from typing import TYPE_CHECKING, Any

from vnlabor.base.model import VnlaborModel
from vnlabor.errors import VnlaborValueError
from vnlabor.l10n import format_number, format_percent, message
from vnlabor.l10n.display import field_heading, get_display_locale, html_card, repr_line
from vnlabor.types import NonNegativeCount

__all__ = ["Ratio", "format_ratio"]

_FIELDS = ("numerator", "denominator", "numerator_label", "denominator_label")


class Ratio(VnlaborModel):
    """``numerator`` out of ``denominator``, both whole non-negative counts.

    The numerator may exceed the denominator: a ratio of new jobs to the plan, or of
    visits to people, is meaningful above 1. A share's "part ≤ whole" rule belongs to
    the code that counts, not to the ratio.

    >>> Ratio(9, 10).value
    Fraction(9, 10)
    >>> Ratio(numerator=5_000, denominator=5_816).value
    Fraction(625, 727)
    >>> Ratio(0, 0).value is None, Ratio(0, 5).value
    (True, Fraction(0, 1))
    >>> Ratio(4_217, 5_816) + Ratio(1, 2)
    Ratio(4218, 5818)
    """

    numerator: NonNegativeCount
    """Tử số: how many have the property (employed trainees, poor households …)."""
    denominator: NonNegativeCount
    """Mẫu số: out of how many (trainees, households reviewed …)."""
    numerator_label: str | None = None
    """What the numerator counts, for tables and plots."""
    denominator_label: str | None = None
    """What the denominator counts."""

    if TYPE_CHECKING:

        def __init__(
            self,
            numerator: int,
            denominator: int,
            numerator_label: str | None = None,
            denominator_label: str | None = None,
        ) -> None: ...

    else:

        def __init__(self, *args, **data):
            # Accept the short positional form Ratio(9, 10). pydantic also calls an
            # overridden __init__ with raw input (JSON, unions), so any keywords must
            # reach validation, which reports what is missing or extra.
            if len(args) > len(_FIELDS):
                raise TypeError(f"Ratio takes at most {len(_FIELDS)} positional arguments")
            for name, value in zip(_FIELDS, args, strict=False):
                if name in data:
                    raise TypeError(f"Ratio got multiple values for {name!r}")
                data[name] = value
            super().__init__(**data)

    @property
    def value(self) -> Fraction | None:
        """The exact ratio, or ``None`` when the denominator is 0 (undefined, not zero)."""
        if self.denominator == 0:
            return None
        return Fraction(self.numerator, self.denominator)

    @property
    def is_defined(self) -> bool:
        """Whether there is a denominator to divide by."""
        return self.denominator != 0

    @property
    def percent(self) -> Fraction | None:
        """The ratio times 100 (``Fraction(8551, 100)`` for 85.51%), ``None`` if undefined."""
        value = self.value
        return None if value is None else value * 100

    def __add__(self, other: Ratio) -> Ratio:
        """Pool two ratios: numerators and denominators add (labels kept when equal)."""
        if not isinstance(other, Ratio):
            return NotImplemented
        return Ratio(
            self.numerator + other.numerator,
            self.denominator + other.denominator,
            self.numerator_label if self.numerator_label == other.numerator_label else None,
            self.denominator_label if self.denominator_label == other.denominator_label else None,
        )

    def __str__(self) -> str:
        return f"{self.numerator}/{self.denominator}"

    def __repr__(self) -> str:
        labels = "".join(
            f", {name}={value!r}"
            for name, value in (
                ("numerator_label", self.numerator_label),
                ("denominator_label", self.denominator_label),
            )
            if value is not None
        )
        return repr_line(f"Ratio({self.numerator}, {self.denominator}{labels})")

    def __float__(self) -> float:
        """The ratio as a float (for plots and statistics); ``nan`` when undefined."""
        value = self.value
        return math.nan if value is None else float(value)

    def _compared(self, other: object) -> tuple[Fraction, Fraction] | None:
        """This ratio's value and ``other``'s, exact; ``None`` if ``other`` is no number."""
        theirs = _exact_of(other)
        if theirs is None:
            return None
        mine = self.value
        if mine is None or (isinstance(other, Ratio) and other.value is None):
            undefined = self if mine is None else other
            raise VnlaborValueError(
                f"tỷ lệ {undefined} không xác định (mẫu số bằng 0), không so sánh được / "
                f"the ratio {undefined} is undefined (denominator 0) and cannot be compared"
            )
        return mine, theirs

    def __lt__(self, other: object) -> bool:
        pair = self._compared(other)
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other: object) -> bool:
        pair = self._compared(other)
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other: object) -> bool:
        pair = self._compared(other)
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other: object) -> bool:
        pair = self._compared(other)
        return NotImplemented if pair is None else pair[0] >= pair[1]

    def __eq__(self, other: object) -> bool:
        # Ratio with ratio: the record (counts and labels), as pydantic compares; with
        # a number: the value (see the module docstring).
        if isinstance(other, Ratio) or _exact_of(other) is None:
            return super().__eq__(other)
        value = self.value
        return value is not None and value == _exact_of(other)

    def __hash__(self) -> int:  # defining __eq__ would otherwise unset it
        return super().__hash__()

    def _repr_html_(self) -> str:
        locale = get_display_locale()
        fields = [
            (
                self.numerator_label or field_heading(Ratio, "numerator", locale),
                format_number(self.numerator, locale=locale),
            ),
            (
                self.denominator_label or field_heading(Ratio, "denominator", locale),
                format_number(self.denominator, locale=locale),
            ),
        ]
        return html_card(format_ratio(self, locale), fields)


def format_ratio(ratio: Ratio, locale: str = "vi") -> str:
    """A ratio as reports write it: the percentage, then its counts.

    >>> format_ratio(Ratio(4_973, 5_816)), format_ratio(Ratio(4_973, 5_816), "en")
    ('85,51% (4.973/5.816)', '85.51% (4,973/5,816)')
    >>> format_ratio(Ratio(0, 0), "en")
    'undefined (denominator 0)'
    """
    value = ratio.value
    if value is None:
        return message("kpi.report.undefined_ratio", locale, denominator=ratio.denominator)
    numerator = format_number(ratio.numerator, locale=locale)
    denominator = format_number(ratio.denominator, locale=locale)
    return f"{format_percent(value, locale=locale)} ({numerator}/{denominator})"


def _exact_of(other: object) -> Fraction | None:
    """``other`` as an exact number: a ratio's value, or a number; ``None`` otherwise.

    Floats are read as the decimal they print as (``0.9`` is nine tenths), as every KPI
    reads them; ``bool`` is no number here.
    """
    if isinstance(other, Ratio):
        return other.value if other.value is not None else Fraction(0)
    if isinstance(other, bool) or not isinstance(other, Real | Decimal):
        return None
    if isinstance(other, Integral):
        return Fraction(int(other))
    if isinstance(other, Fraction):
        return other
    number: Any = other if isinstance(other, Decimal) else float(other)
    if not math.isfinite(number):
        return None
    return Fraction(repr(number)) if isinstance(number, float) else Fraction(number)
