"""The review's core step: a household's deprivations, decided from its surveyed facts.

:func:`assess_deprivations` applies the indicator rules of the standard in force
(:mod:`vnlabor.poverty.indicator_rules`) to the facts recorded about a household's
members and its dwelling. Each indicator comes out **deprived**, **not deprived** or
**undetermined**; a missing fact makes an indicator undetermined only when it could
change the result (one member known to be uninsured decides "deprived", whatever is
unknown about the others), and the assessment names those facts.

Ages are taken on the **reference date**: the ``on`` date, or for ``list_year`` the
first day of the annual review that draws up that year's lists (1 September of the year
before, Decision 24/2021/QĐ-TTg; see :func:`review_reference_date`).

>>> from datetime import date
>>> from vnlabor import Household, Member
>>> from vnlabor.model.dwelling import Dwelling
>>> hh = Household(
...     area="rural", monthly_income_per_capita=1_200_000,
...     members=(Member(birth_date=date(1990, 5, 1), health_insurance=False),
...              Member(birth_date=date(2019, 2, 1), health_insurance=True, stunted=None)),
...     dwelling=Dwelling(floor_area_m2=16, water_source="surface_water"))
>>> a = assess_deprivations(hh, on=date(2024, 3, 1))
>>> sorted(a.deprived)  # 16 m² for 2 people is exactly 8 m² a person: not below 8
[<Deprivation.DOMESTIC_WATER: 'domestic_water'>, <Deprivation.HEALTH_INSURANCE: 'health_insurance'>]
>>> a[Deprivation.HOUSING_AREA].outcome
<IndicatorOutcome.NOT_DEPRIVED: 'not_deprived'>
>>> [(f.member, f.name) for f in a[Deprivation.NUTRITION].missing]
[(2, 'stunted'), (2, 'underweight')]
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum, StrEnum
from typing import NamedTuple

from vnlabor.base.confidence import Confidence
from vnlabor.base.masking import shown_id
from vnlabor.errors import VnlaborTypeError
from vnlabor.l10n import field_label, format_date, format_number, label, message
from vnlabor.l10n.display import field_heading, get_display_locale, html_card, html_table
from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation, LocalizedText
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.dwelling import Dwelling
from vnlabor.model.household import Household
from vnlabor.model.person import Member, age_on
from vnlabor.model.sex import Sex
from vnlabor.poverty.indicator_rules import (
    AgeBand,
    Clause,
    Condition,
    IndicatorDefinition,
    IndicatorRule,
)
from vnlabor.poverty.review import review_window
from vnlabor.poverty.standard import CompiledStandard, PovertyStandard, compiled_for
from vnlabor.types import as_date

__all__ = [
    "DeprivationAssessment",
    "Fact",
    "IndicatorAssessment",
    "IndicatorOutcome",
    "assess_compiled",
    "assess_deprivations",
    "reference_date",
    "review_reference_date",
]


class IndicatorOutcome(StrEnum):
    """What the facts say about one indicator."""

    DEPRIVED = "deprived"
    """Thiếu hụt."""
    NOT_DEPRIVED = "not_deprived"
    """Không thiếu hụt."""
    UNDETERMINED = "undetermined"
    """Chưa xác định: a fact that could change the result is missing."""


class Fact(NamedTuple):
    """A fact an indicator read, or needed and did not find."""

    member: int | None
    """Position of the member in ``household.members``, from 1; ``None``: the dwelling or
    the household itself."""
    name: str
    """Field name (of :class:`~vnlabor.Member`, :class:`~vnlabor.model.dwelling.Dwelling`,
    or ``"members"`` / ``"size"`` of the household)."""
    value: object = None
    """The value read; ``None`` for a missing fact."""


@dataclass(frozen=True, slots=True)
class IndicatorAssessment:
    """One indicator: its outcome, the facts behind it and the rule applied."""

    indicator: Deprivation
    """The indicator."""
    outcome: IndicatorOutcome
    """Deprived, not deprived or undetermined."""
    facts: tuple[Fact, ...]
    """Facts read: for a deprived indicator, those of the member (or dwelling) that makes it
    so; otherwise every known fact consulted."""
    missing: tuple[Fact, ...]
    """For an undetermined indicator, the missing facts that could decide it."""
    definition: IndicatorDefinition
    """The standard's definition: threshold text, confidence, citations."""

    @property
    def threshold(self) -> LocalizedText:
        """When a household counts as deprived, with the figures applied."""
        return self.definition.threshold

    @property
    def citations(self) -> tuple[Citation, ...]:
        """The rule's own citation, then those of its figures."""
        return self.definition.citations

    @property
    def confidence(self) -> Confidence:
        """The weakest confidence of the rule and its figures."""
        return self.definition.confidence


@dataclass(frozen=True, slots=True)
class DeprivationAssessment:
    """Every indicator of a standard, assessed from one household's facts."""

    household: Household
    """The household assessed."""
    on: date
    """The reference date: ages are counted on it."""
    standard: PovertyStandard
    """The standard whose indicators were assessed."""
    indicators: tuple[IndicatorAssessment, ...]
    """One assessment per indicator, in the standard's order."""
    deprived: frozenset[Deprivation]
    """Indicators the household is deprived in."""
    undetermined: frozenset[Deprivation]
    """Indicators the facts cannot decide."""
    not_deprived: frozenset[Deprivation]
    """Indicators the household is not deprived in."""
    law: LawBook | None = None
    """The law book applied; national if ``None``."""

    def __getitem__(self, indicator: Deprivation) -> IndicatorAssessment:
        for item in self.indicators:
            if item.indicator is indicator:
                return item
        raise KeyError(f"{self.standard.key} does not count {indicator.value!r}")

    def __iter__(self) -> Iterator[IndicatorAssessment]:
        return iter(self.indicators)

    def __repr__(self) -> str:
        household_id = self.household.household_id
        who = f" {shown_id(household_id)!r}" if household_id else ""
        return (
            f"<DeprivationAssessment{who} {self.standard.key} on {self.on.isoformat()}: "
            f"deprived {len(self.deprived)}, undetermined {len(self.undetermined)}, "
            f"not deprived {len(self.not_deprived)}>"
        )

    def __str__(self) -> str:
        return self.explain(get_display_locale())

    def _repr_html_(self) -> str:
        locale = get_display_locale()
        book = self.law or national()
        summary = message(
            "poverty.assessment.summary",
            locale,
            deprived=len(self.deprived),
            undetermined=len(self.undetermined),
            not_deprived=len(self.not_deprived),
            total=len(self.indicators),
        )
        fields: list[tuple[str, object]] = []
        if self.household.household_id:
            who = field_heading(Household, "household_id", locale)
            fields.append((who, shown_id(self.household.household_id, 80)))
        fields += [
            (message("display.date", locale), format_date(self.on, locale=locale)),
            (
                message("display.standard", locale),
                self.standard.legal_instrument.official_name(locale),
            ),
            (message("display.summary", locale), summary),
        ]
        rows = [
            (
                label(item.indicator, locale),
                label(item.outcome, locale),
                message("display.missing", locale, facts=_facts(item.missing, self.on, locale))
                if item.missing
                else _facts(item.facts, self.on, locale),
                _threshold_line(item, book, locale),
            )
            for item in self.indicators
        ]
        header = [
            message("display.indicator", locale),
            message("display.outcome", locale),
            message("display.facts", locale),
            message("display.legal_basis", locale),
        ]
        title = message("display.assessment", locale)
        return html_card(title, fields, [html_table(rows, header)])

    @property
    def missing(self) -> tuple[tuple[Deprivation, Fact], ...]:
        """Every missing fact that keeps an indicator undetermined, with that indicator."""
        return tuple((i.indicator, f) for i in self.indicators for f in i.missing)

    @property
    def unconfirmed(self) -> frozenset[Deprivation]:
        """Indicators whose rule or figures are not fully confirmed (P or R)."""
        return frozenset(
            i.indicator for i in self.indicators if i.confidence is not Confidence.CONFIRMED
        )

    def explain(self, locale: str = "vi", law: LawBook | None = None) -> str:
        """The assessment as text in Vietnamese (``"vi"``) or English (``"en"``).

        Every indicator is listed with its outcome, the facts that decided it or those
        missing, and its threshold with citations; a threshold that is not fully
        confirmed says so.
        """
        book = law or self.law or national()
        head = message(
            "poverty.assessment.heading",
            locale,
            standard=self.standard.legal_instrument.official_name(locale),
            date=format_date(self.on, locale=locale),
        )
        lines = [
            head,
            "- "
            + message(
                "poverty.assessment.summary",
                locale,
                deprived=len(self.deprived),
                undetermined=len(self.undetermined),
                not_deprived=len(self.not_deprived),
                total=len(self.indicators),
            ),
        ]
        for item in self.indicators:
            lines.append("- " + _outcome_line(item, self.on, locale))
            lines.append("  " + _threshold_line(item, book, locale))
        return "\n".join(lines)


def review_reference_date(list_year: int, law: LawBook | None = None) -> date:
    """The reference date of the review that draws up the lists of ``list_year``.

    The first day of that review's window (1 September of ``list_year - 1`` under
    Decision 24/2021/QĐ-TTg): the procedure fixes no day for counting ages, and its first
    day is one every household's situation can be read on, whenever the surveyor comes.
    This choice is vnlabor's (confidence R), documented in the review tutorial.

    >>> review_reference_date(2026)
    datetime.date(2025, 9, 1)

    Raises:
        ParameterNotInForce: no review window is encoded for that year's review.
    """
    return review_window(list_year, law)[0]


def reference_date(
    on: date | None = None, list_year: int | None = None, law: LawBook | None = None
) -> date:
    """The day ages are counted on: ``on``, else :func:`review_reference_date` of ``list_year``."""
    if on is not None:
        return as_date(on)
    return review_reference_date(list_year or 0, law)


def assess_deprivations(
    household: Household,
    *,
    on: date | None = None,
    list_year: int | None = None,
    law: LawBook | None = None,
) -> DeprivationAssessment:
    """Assess every indicator of the standard in force from ``household``'s facts.

    Args:
        household: The household, with its members' facts and its ``dwelling``.
        on: Date whose standard applies; ages are counted on it.
        list_year: Instead of ``on``: assess for the lists of this year, under the
            standard :func:`vnlabor.classify` applies for them, ages counted on
            :func:`review_reference_date`.
        law: A law book with overlays (a province's figures); national by default.

    Raises:
        TypeError: neither or both of ``on`` and ``list_year`` given, or ``household``
            is not a :class:`~vnlabor.Household`.
        NoStandardInForce: no standard is encoded for the date.
        ParameterNotInForce: no review window is encoded for ``list_year``'s review.
    """
    compiled = compiled_for(on, list_year, law)
    return assess_compiled(household, compiled, reference_date(on, list_year, law))


def assess_compiled(
    household: Household, compiled: CompiledStandard, on: date
) -> DeprivationAssessment:
    """:func:`assess_deprivations` under an already resolved standard, ages on ``on``."""
    if not isinstance(household, Household):
        raise VnlaborTypeError(
            "household phải là một Household / household must be a vnlabor.Household, not "
            f"{type(household).__name__}"
        )
    standard = compiled.standard
    items = tuple(
        _assess_one(compiled.rules[i], standard.definitions[i], household, on)
        for i in standard.indicators
    )
    by = {
        outcome: frozenset(i.indicator for i in items if i.outcome is outcome)
        for outcome in IndicatorOutcome
    }
    return DeprivationAssessment(
        household=household,
        on=on,
        standard=standard,
        indicators=items,
        deprived=by[IndicatorOutcome.DEPRIVED],
        undetermined=by[IndicatorOutcome.UNDETERMINED],
        not_deprived=by[IndicatorOutcome.NOT_DEPRIVED],
        law=compiled.law,
    )


# --- the evaluator ------------------------------------------------------------------

_Tri = bool | None
"""Three-valued logic: ``True``, ``False`` or ``None`` (unknown)."""


class _Found(NamedTuple):
    result: _Tri
    used: tuple[Fact, ...]
    missing: tuple[Fact, ...]


def _assess_one(
    rule: IndicatorRule, definition: IndicatorDefinition, household: Household, on: date
) -> IndicatorAssessment:
    kind = rule.kind
    if kind == "any_member":
        found = _any_member(rule, household.members, on)
    elif kind == "member_share":
        found = _member_share(rule, household.members, on)
    elif kind == "dwelling_any":
        found = _any_clause(rule.clauses, household.dwelling, None, on)
    elif kind == "dwelling_count":
        found = _dwelling_count(rule, household.dwelling)
    else:
        found = _area_per_person(rule, household)
    if found.result is None:
        outcome = IndicatorOutcome.UNDETERMINED
    else:
        outcome = IndicatorOutcome.DEPRIVED if found.result else IndicatorOutcome.NOT_DEPRIVED
    return IndicatorAssessment(
        indicator=rule.indicator,
        outcome=outcome,
        facts=tuple(dict.fromkeys(found.used)),
        missing=tuple(dict.fromkeys(found.missing)) if found.result is None else (),
        definition=definition,
    )


def _holds(test: Condition, value: object) -> bool:
    op = test.op
    if op == "is":
        return value == test.value
    if op == "in":
        return value in test.value  # type: ignore[operator]
    if op == "not_in":
        return value not in test.value  # type: ignore[operator]
    return not (value & test.value)  # type: ignore[operator]


def _age_in_months(birth: date, on: date) -> int:
    months = (on.year - birth.year) * 12 + on.month - birth.month
    return months - (on.day < birth.day)


def _in_band(band: AgeBand, m: Member, pos: int, on: date, used: list[Fact]) -> _Tri | Fact:
    """Whether member ``m`` is in ``band`` on ``on``; a missing fact is returned as such."""
    birth = m.birth_date
    if birth is None:
        return Fact(pos, "birth_date")
    used.append(Fact(pos, "birth_date", birth))
    age = age_on(birth, on)
    if (
        (band.min_age is not None and age < band.min_age)
        or (band.max_age is not None and age > band.max_age)
        or (band.below_age is not None and age >= band.below_age)
        or (band.born_from_year is not None and birth.year < band.born_from_year)
    ):
        return False
    working = band.working_age
    if working is None:
        return True
    if age < working.min_age:
        return False
    months = _age_in_months(birth, on)
    if m.sex is not None:
        used.append(Fact(pos, "sex", m.sex))
        return months < working.retirement_months(m.sex, on.year)
    bounds = [working.retirement_months(sex, on.year) for sex in Sex]
    if months < min(bounds):
        return True
    if months >= max(bounds):
        return False
    return Fact(pos, "sex")


def _clause(clause: Clause, subject: Member | Dwelling | None, pos: int | None, on: date) -> _Found:
    """One clause on one member (``pos``) or on the dwelling (``pos`` ``None``)."""
    used: list[Fact] = []
    missing: list[Fact] = []
    result: _Tri = True
    if clause.band is not None:
        assert isinstance(subject, Member)
        assert pos is not None
        inside = _in_band(clause.band, subject, pos, on, used)
        if inside is False:
            return _Found(False, tuple(used), ())
        if isinstance(inside, Fact):
            missing.append(inside)
            result = None
    for test in clause.conditions:
        value = None if subject is None else getattr(subject, test.fact)
        if value is None:
            missing.append(Fact(pos, test.fact))
            result = None
            continue
        used.append(Fact(pos, test.fact, value))
        if not _holds(test, value):
            return _Found(False, tuple(used), ())
    return _Found(result, tuple(used), tuple(missing) if result is None else ())


def _open_parts(clause: Clause, found: _Found) -> list[object]:
    """What an open clause still waits for: its unknown conditions (and age band)."""
    names = {f.name for f in found.missing}
    parts: list[object] = [c for c in clause.conditions if c.fact in names]
    if names & {"birth_date", "sex"}:
        parts.append(clause.band)
    return parts


def _any_clause(
    clauses: Sequence[Clause], subject: Member | Dwelling | None, pos: int | None, on: date
) -> _Found:
    """Whether ``subject`` meets one of ``clauses`` (an OR over them)."""
    used: list[Fact] = []
    open_: list[tuple[list[object], tuple[Fact, ...]]] = []
    for clause in clauses:
        found = _clause(clause, subject, pos, on)
        if found.result:
            return _Found(True, found.used, ())
        used += found.used
        if found.result is None:
            open_.append((_open_parts(clause, found), found.missing))
    if not open_:
        return _Found(False, tuple(used), ())
    # A clause waiting for all another waits for, and more, can only hold when that one
    # does (A or (A and X) is A): the facts only it needs cannot change the outcome.
    missing: list[Fact] = []
    for parts, facts in open_:
        absorbed = any(
            other is not parts and len(other) < len(parts) and all(p in parts for p in other)
            for other, _ in open_
        )
        if not absorbed:
            missing += facts
    return _Found(None, tuple(used), tuple(missing))


_NO_MEMBERS = _Found(None, (), (Fact(None, "members"),))


def _any_member(rule: IndicatorRule, members: tuple[Member, ...], on: date) -> _Found:
    if not members:
        return _NO_MEMBERS
    used: list[Fact] = []
    missing: list[Fact] = []
    result: _Tri = False
    for pos, member in enumerate(members, 1):
        found = _any_clause(rule.clauses, member, pos, on)
        if found.result:
            return _Found(True, found.used, ())
        used += found.used
        if found.result is None:
            result = None
            missing += found.missing
    return _Found(result, tuple(used), tuple(missing))


def _member_share(rule: IndicatorRule, members: tuple[Member, ...], on: date) -> _Found:
    if not members:
        return _NO_MEMBERS
    counted: list[Fact] = []
    used: list[Fact] = []
    missing: list[Fact] = []
    surely = maybe = 0
    for pos, member in enumerate(members, 1):
        found = _any_clause(rule.clauses, member, pos, on)
        used += found.used
        if found.result:
            surely += 1
            counted += found.used
        elif found.result is None:
            maybe += 1
            missing += found.missing
    assert isinstance(rule.cutoff, int)
    total = len(members) * rule.cutoff  # "more than p%": share × 100 > p
    if surely * 100 > total:
        return _Found(True, tuple(counted), ())
    if (surely + maybe) * 100 <= total:
        return _Found(False, tuple(used), ())
    return _Found(None, tuple(used), tuple(missing))


def _dwelling_count(rule: IndicatorRule, dwelling: Dwelling | None) -> _Found:
    used: list[Fact] = []
    missing: list[Fact] = []
    surely = 0
    for test in rule.conditions:
        value = None if dwelling is None else getattr(dwelling, test.fact)
        if value is None:
            missing.append(Fact(None, test.fact))
            continue
        used.append(Fact(None, test.fact, value))
        surely += _holds(test, value)
    assert isinstance(rule.cutoff, int)
    if surely >= rule.cutoff:
        return _Found(True, tuple(used), ())
    if surely + len(missing) < rule.cutoff:
        return _Found(False, tuple(used), ())
    return _Found(None, tuple(used), tuple(missing))


def _area_per_person(rule: IndicatorRule, household: Household) -> _Found:
    assert rule.fact is not None
    assert isinstance(rule.cutoff, Decimal)
    dwelling = household.dwelling
    area = None if dwelling is None else getattr(dwelling, rule.fact)
    people = household.member_count
    people_fact = "members" if household.members else "size"
    if area is None:
        return _Found(None, (), (Fact(None, rule.fact),))
    used = [Fact(None, rule.fact, area)]
    if people is None:
        # Every household has at least one member: below the cut-off for one, below it
        # for any number.
        if area < rule.cutoff:
            return _Found(True, tuple(used), ())
        return _Found(None, tuple(used), (Fact(None, "members"),))
    used.append(Fact(None, people_fact, people))
    return _Found(area < rule.cutoff * people, tuple(used), ())


# --- rendering ----------------------------------------------------------------------


def _outcome_line(item: IndicatorAssessment, on: date, locale: str) -> str:
    name = label(item.indicator, locale)
    name = name[:1].upper() + name[1:]
    if item.outcome is IndicatorOutcome.DEPRIVED:
        return message(
            "poverty.assessment.deprived",
            locale,
            indicator=name,
            facts=_facts(item.facts, on, locale),
        )
    if item.outcome is IndicatorOutcome.UNDETERMINED:
        return message(
            "poverty.assessment.undetermined",
            locale,
            indicator=name,
            missing=_facts(item.missing, on, locale),
        )
    return message("poverty.assessment.not_deprived", locale, indicator=name)


def _threshold_line(item: IndicatorAssessment, book: LawBook, locale: str) -> str:
    # The rule and its figures often cite the same provision: name it once, with the
    # weakest confidence any of them has.
    by_place: dict[tuple[str | None, ...], Citation] = {}
    for c in item.citations:
        place = (c.instrument, c.article, c.clause, c.point, c.annex)
        kept = by_place.get(place)
        if (
            kept is None
            or Confidence.weakest([kept.confidence, c.confidence]) is not kept.confidence
        ):
            by_place[place] = c
    cited = "; ".join(book.cite(c, locale) for c in by_place.values())
    key = (
        "poverty.assessment.threshold"
        if item.confidence is Confidence.CONFIRMED
        else "poverty.assessment.threshold_unconfirmed"
    )
    return message(
        key,
        locale,
        threshold=item.threshold(locale),
        confidence=item.confidence.value,
        citations=cited,
    )


def _facts(facts: tuple[Fact, ...], on: date, locale: str) -> str:
    """Facts grouped by whom they are about: ``thành viên 2: ngày sinh …, thẻ BHYT: không``."""
    groups: dict[int | None, list[str]] = {}
    for fact in facts:
        groups.setdefault(fact.member, []).append(_fact(fact, on, locale))
    parts = []
    for who, texts in groups.items():
        joined = ", ".join(texts)
        if who is None:
            parts.append(joined)
        else:
            person = message("poverty.fact.member", locale, number=who)
            parts.append(f"{person}: {joined}")
    return "; ".join(parts)


def _fact(fact: Fact, on: date, locale: str) -> str:
    owner: type[Member] | type[Dwelling] | type[Household]
    if fact.member is not None:
        owner = Member
    elif fact.name in Dwelling.model_fields:
        owner = Dwelling
    else:
        owner = Household
    name = field_label(owner, fact.name, locale)
    value = fact.value
    if value is None:
        return name
    return message("poverty.fact.value", locale, fact=name, value=_value(fact, on, locale))


def _value(fact: Fact, on: date, locale: str) -> str:
    value = fact.value
    if isinstance(value, bool):
        return message("poverty.fact.yes" if value else "poverty.fact.no", locale)
    if isinstance(value, date):
        if fact.name == "birth_date":
            return message(
                "poverty.fact.birth_date",
                locale,
                date=format_date(value, locale=locale),
                age=age_on(value, on),
            )
        return format_date(value, locale=locale)
    if isinstance(value, Enum):
        return label(value, locale)
    if isinstance(value, frozenset):
        return ", ".join(sorted(label(v, locale) for v in value)) or message(
            "poverty.fact.none", locale
        )
    if isinstance(value, Decimal | int):
        return format_number(value, locale=locale)
    return str(value)
