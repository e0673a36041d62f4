"""Targets (*chỉ tiêu*) and whether an actual value meets them.

Vietnamese plans word their targets precisely and the wording decides the boundary:

==========================================  ==========================  ==================
wording                                     meaning                     constructor
==========================================  ==========================  ==================
"trên 90%" (above 90%)                      actual > 90%                ``Target.above``
"từ 90% trở lên", "ít nhất", "đạt 90%"      actual ≥ 90%                ``Target.at_least``
"không quá", "tối đa"                       actual ≤ x                  ``Target.at_most``
"dưới 10%" (below 10%)                      actual < 10%                ``Target.below``
"giảm từ 1,15 - 1,56%/năm"                  1.15 ≤ actual ≤ 1.56        ``Target.between``
"đưa 150 lao động xuất cảnh"                at least 150                ``Target.count``
==========================================  ==========================  ==================

Bounds are exact: the float ``0.9`` is nine tenths, not the binary number just below it,
so exactly 90% does **not** meet "above 90%":

>>> from vnlabor.kpi.ratio import Ratio
>>> Target.above(0.9).is_met(Ratio(9, 10)), Target.at_least(0.9).is_met(Ratio(9, 10))
(False, True)
>>> Target.above("90%").is_met(Ratio(0, 0)) is None   # no trainees: undefined, not failed
True
>>> from vnlabor.kpi.points import PercentagePoints
>>> Target.between(PercentagePoints(1.15), PercentagePoints(1.56)).is_met(PercentagePoints(1.17))
True
>>> Target.count(150).is_met(57)
False

:meth:`Target.parse` reads the wording itself, Vietnamese or English
(grammar in :mod:`vnlabor.kpi.target_text`):

>>> Target.parse("trên 90%") == Target.above(0.9, text="trên 90%")
True
>>> print(Target.parse("1,15-1,56%"), Target.parse("ít nhất 1.600 lao động"))
1.15% – 1.56% ≥ 1600
"""

from __future__ import annotations

import unicodedata
from fractions import Fraction
from typing import Self

from pydantic import ValidationError, model_validator

from vnlabor.base.model import VnlaborModel
from vnlabor.kpi.attainment import Attainment
from vnlabor.kpi.comparison import Comparison
from vnlabor.kpi.number import Exact, Number, decimal_text, to_fraction
from vnlabor.kpi.points import PercentagePoints
from vnlabor.kpi.ratio import Ratio
from vnlabor.kpi.target_text import parse_target_text
from vnlabor.kpi.unit import KpiUnit
from vnlabor.kpi.wording import describe_target
from vnlabor.l10n.display import field_heading, get_display_locale, html_card, repr_line
from vnlabor.law.citation import Citation

__all__ = ["Actual", "Bound", "Comparison", "Target"]


Bound = Number | PercentagePoints
"""A target bound: a number (share, count or VND) or a number of percentage points."""

Actual = Ratio | PercentagePoints | Number | None
"""An actual value a target is checked against; ``None`` (or a 0-denominator ratio) is undefined."""


def _bound(value: Bound, unit: KpiUnit | None) -> tuple[Fraction, KpiUnit]:
    if isinstance(value, PercentagePoints):
        if unit not in (None, KpiUnit.PERCENTAGE_POINTS):
            raise ValueError(f"bound {value} is in percentage points but unit is {unit}")
        return value.points, KpiUnit.PERCENTAGE_POINTS
    return to_fraction(value), unit or KpiUnit.SHARE


class Target(VnlaborModel):
    """A target on one KPI: a comparison, its bound(s) and the unit they are in.

    Build one with the class methods; ``unit`` defaults to a share (0.9 = 90%), or to
    percentage points when the bounds are :class:`PercentagePoints`.
    """

    comparison: Comparison
    """Above, at least, at most, below or between."""
    lower: Exact | None = None
    """Lower bound (for above, at least, between)."""
    upper: Exact | None = None
    """Upper bound (for at most, below, between)."""
    unit: KpiUnit = KpiUnit.SHARE
    """What the bounds measure; an actual in another unit is refused."""
    text: str | None = None
    """The target as the plan words it, e.g. ``"trên 90% lao động … được kết nối việc làm"``."""
    citation: Citation | None = None
    """The instrument that sets the target, for official ones (see :mod:`.official_targets`)."""

    @model_validator(mode="after")
    def _bounds_fit(self) -> Self:
        needs_lower = self.comparison in (Comparison.ABOVE, Comparison.AT_LEAST, Comparison.BETWEEN)
        needs_upper = self.comparison in (Comparison.AT_MOST, Comparison.BELOW, Comparison.BETWEEN)
        if needs_lower != (self.lower is not None) or needs_upper != (self.upper is not None):
            raise ValueError(
                f"a {self.comparison.value!r} target needs "
                f"{'a lower' if needs_lower else 'no lower'} and "
                f"{'an upper' if needs_upper else 'no upper'} bound"
            )
        if self.lower is not None and self.upper is not None and self.lower > self.upper:
            raise ValueError(f"lower bound {self.lower} is above upper bound {self.upper}")
        return self

    @classmethod
    def _one(
        cls, comparison: Comparison, value: Bound, unit: KpiUnit | None, text: str | None
    ) -> Target:
        bound, unit = _bound(value, unit)
        side = "lower" if comparison in (Comparison.ABOVE, Comparison.AT_LEAST) else "upper"
        return cls.model_validate(
            {"comparison": comparison, side: bound, "unit": unit, "text": text}
        )

    @classmethod
    def above(cls, value: Bound, *, unit: KpiUnit | None = None, text: str | None = None) -> Target:
        """*Trên* ``value``: met when actual > value (strict)."""
        return cls._one(Comparison.ABOVE, value, unit, text)

    @classmethod
    def at_least(
        cls, value: Bound, *, unit: KpiUnit | None = None, text: str | None = None
    ) -> Target:
        """*Từ ``value`` trở lên* / *ít nhất*: met when actual ≥ value."""
        return cls._one(Comparison.AT_LEAST, value, unit, text)

    @classmethod
    def at_most(
        cls, value: Bound, *, unit: KpiUnit | None = None, text: str | None = None
    ) -> Target:
        """*Không quá* / *tối đa*: met when actual ≤ value."""
        return cls._one(Comparison.AT_MOST, value, unit, text)

    @classmethod
    def below(cls, value: Bound, *, unit: KpiUnit | None = None, text: str | None = None) -> Target:
        """*Dưới* ``value``: met when actual < value (strict)."""
        return cls._one(Comparison.BELOW, value, unit, text)

    @classmethod
    def between(
        cls, low: Bound, high: Bound, *, unit: KpiUnit | None = None, text: str | None = None
    ) -> Target:
        """*Từ ``low`` đến ``high``*: met when low ≤ actual ≤ high (both ends included)."""
        lower, lower_unit = _bound(low, unit)
        upper, upper_unit = _bound(high, unit)
        if lower_unit is not upper_unit:
            raise ValueError(f"bounds are in different units: {lower_unit} and {upper_unit}")
        return cls.model_validate(
            {
                "comparison": Comparison.BETWEEN,
                "lower": lower,
                "upper": upper,
                "unit": lower_unit,
                "text": text,
            }
        )

    @classmethod
    def count(cls, n: int, *, text: str | None = None) -> Target:
        """A count to reach (*đưa 150 lao động xuất cảnh*): met when actual ≥ ``n``.

        >>> Target.count(1_600).is_met(2_277)
        True
        """
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            raise ValueError(f"a count target is a whole number ≥ 0, got {n!r}")
        return cls(comparison=Comparison.AT_LEAST, lower=n, unit=KpiUnit.COUNT, text=text)

    @classmethod
    def parse(cls, text: str, *, unit: KpiUnit | None = None) -> Target:
        """Read a target as plans and reports word it, and keep the wording in :attr:`text`.

        Accepts Vietnamese and English words or symbols for the comparison, a range, a
        count or an amount: ``"trên 90%"``, ``"above 90%"``, ``"ít nhất 90%"``,
        ``"≥ 90%"``, ``"tối thiểu 90%"``, ``"từ 90% trở lên"``, ``"dưới 5%"``,
        ``"không quá 5%"``, ``"1,15-1,56%"``, ``"1.15–1.56%"``,
        ``"từ 1,15% đến 1,56%"``, ``"150 người"``, ``"150"``, ``"trên 9,7 tỷ đồng"``.
        A plain figure is a floor (*đạt 150*: at least 150). Every ``str(target)`` reads
        back to the same target. The full grammar, and how the Vietnamese decimal comma
        and thousands dot are told apart, is in :mod:`vnlabor.kpi.target_text`.

        Args:
            text: The wording.
            unit: The unit the target must be in; ``None`` takes it from the text (a
                count when none is written). With
                :attr:`KpiUnit.PERCENTAGE_POINTS`, ``%`` is read as points, as in
                ``"giảm 1-1,5%/năm"``.

        Raises:
            ValueError: When the text is not a target, or not in ``unit``; the message
                quotes the text.

        >>> Target.parse("không quá 5%").is_met(Ratio(5, 100))
        True
        >>> Target.parse("trên 90% lao động sau khi học nghề được kết nối việc làm").comparison
        <Comparison.ABOVE: 'above'>
        >>> Target.parse("giảm 1-1,5%/năm", unit=KpiUnit.PERCENTAGE_POINTS).upper
        Fraction(3, 2)
        >>> Target.parse("1,600 người")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: không đọc được chỉ tiêu / cannot read target '1,600 người': '1,600': ...
        """
        fields = parse_target_text(text, unit)
        wording = unicodedata.normalize("NFC", text).strip()
        try:
            return cls.model_validate({**fields, "text": wording})
        except ValidationError as exc:
            reasons = "; ".join(str(error["msg"]) for error in exc.errors())
            raise ValueError(
                f"không đọc được chỉ tiêu / cannot read target {text!r}: {reasons}"
            ) from None

    @property
    def reference(self) -> Fraction:
        """The bound an actual is measured against: the lower one, else the upper one."""
        bound = self.lower if self.lower is not None else self.upper
        assert bound is not None  # the validator guarantees one bound
        return bound

    def actual_value(self, actual: Actual) -> Fraction | None:
        """``actual`` as an exact number in this target's unit; ``None`` when undefined.

        Raises:
            TypeError: When ``actual`` is in another unit: a :class:`Ratio` against a
                count or percentage-point target, :class:`PercentagePoints` against any
                other, or a bare number against a percentage-point target (wrap it in
                ``PercentagePoints`` to say what it is).
        """
        if actual is None:
            return None
        if isinstance(actual, Ratio):
            if self.unit is not KpiUnit.SHARE:
                raise TypeError(f"a ratio cannot meet a target in {self.unit.value}")
            return actual.value
        if isinstance(actual, PercentagePoints):
            if self.unit is not KpiUnit.PERCENTAGE_POINTS:
                raise TypeError(
                    f"percentage points cannot meet a target in {self.unit.value}: "
                    "a difference of rates is not a rate"
                )
            return actual.points
        if self.unit is KpiUnit.PERCENTAGE_POINTS:
            raise TypeError(
                "this target is in percentage points; pass PercentagePoints(...), not a bare number"
            )
        return to_fraction(actual)

    def is_met(self, actual: Actual) -> bool | None:
        """Whether ``actual`` meets the target; ``None`` when the actual is undefined.

        Args:
            actual: A :class:`Ratio` (share targets), :class:`PercentagePoints`
                (percentage-point targets) or a number (share, count or VND targets).
        """
        value = self.actual_value(actual)
        if value is None:
            return None
        lower, upper = self.lower, self.upper
        match self.comparison:
            case Comparison.ABOVE:
                return lower is not None and value > lower
            case Comparison.AT_LEAST:
                return lower is not None and value >= lower
            case Comparison.AT_MOST:
                return upper is not None and value <= upper
            case Comparison.BELOW:
                return upper is not None and value < upper
            case Comparison.BETWEEN:
                return lower is not None and upper is not None and lower <= value <= upper

    def attainment(self, actual: Actual) -> Attainment | None:
        """Actual against the target's :attr:`reference` bound; ``None`` when undefined.

        >>> Target.count(150).attainment(57).ratio, Target.count(150).attainment(57).shortfall
        (Fraction(19, 50), Fraction(93, 1))
        """
        value = self.actual_value(actual)
        if value is None:
            return None
        return Attainment(actual=value, planned=self.reference, unit=self.unit)

    def __str__(self) -> str:
        # Neutral and exact, and read back by Target.parse: a point as decimal mark for
        # percentages, counts and amounts as plain digits (a fraction "p/q" when not whole,
        # since "2277.2" would be a malformed Vietnamese thousands group).
        def show(value: Fraction) -> str:
            if self.unit is KpiUnit.SHARE:
                return f"{decimal_text(value * 100)}%"
            if self.unit is KpiUnit.PERCENTAGE_POINTS:
                return f"{decimal_text(value)} pp"
            whole = str(value.numerator) if value.denominator == 1 else str(value)
            return f"{whole} VND" if self.unit is KpiUnit.VND else whole

        if self.comparison is Comparison.BETWEEN:
            assert self.lower is not None
            assert self.upper is not None
            return f"{show(self.lower)} – {show(self.upper)}"
        return f"{self.comparison.symbol} {show(self.reference)}"

    def __repr__(self) -> str:
        extra = f", text={self.text!r}" if self.text else ""
        if self.citation is not None:
            extra += f", citation={self.citation.instrument} {self.citation.locator('en')}"
        return repr_line(f"Target({self}, {self.unit.value}{extra})")

    def _repr_html_(self) -> str:
        locale = get_display_locale()
        fields: list[tuple[str, object]] = []
        if self.text:
            fields.append((field_heading(Target, "text", locale), self.text))
        if self.citation is not None:
            basis = f"{self.citation.locator(locale)} {self.citation.instrument}".strip()
            fields.append((field_heading(Target, "citation", locale), basis))
        return html_card(describe_target(self, locale), fields)
