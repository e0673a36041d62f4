"""Deprivation indicators as data: a small rule vocabulary and each standard's rules.

Every indicator of every standard is decided by one *rule* of a fixed shape, read from
``vnlabor/law/data/poverty_indicator_rules.toml``; every age, cut-off and list of
qualifying codes the rule uses is a dated, cited parameter ``poverty.indicator.*`` of
the law book, so a provincial overlay can change it. One evaluator
(:mod:`vnlabor.poverty.assessment`) interprets the shapes; none of them has Python code
of its own. The shapes work on columns as well as on one household (a mask per condition,
any/sum per household), so a columnar engine can share this very data.

The vocabulary:

* **Condition** — one fact compared with a value: ``is`` (``True``, ``False`` or a code),
  ``in`` / ``not_in`` a list of codes, ``none_in`` (a set-valued fact holds none of the
  codes).
* **Clause** — an optional **age band** of a member (``min_age`` and ``max_age``
  inclusive, ``below_age`` exclusive, whole years on the reference date;
  ``born_from_year``; ``working_age``: from a minimum age to the retirement age of the
  member's sex) and conditions that must all hold.
* **Rule kinds** — ``any_member``: some member meets a clause; ``member_share``: the
  members meeting a clause are more than a percentage of the members;
  ``dwelling_any``: the dwelling meets a clause; ``dwelling_count``: at least *k* of the
  dwelling's conditions hold; ``area_per_person``: floor area below *x* m² a member.

On columns, with three-valued logic as a pair of masks (known, true) per condition:

* a condition on a member or dwelling fact is known where the column is not null;
* a clause is true where every part is known and true, false where some part is known
  and false, unknown elsewhere (an age band reads the birth-date column against the
  reference date, and the sex column for ``working_age``);
* ``any_member``: per household, deprived if some member row is true, not deprived if
  every member row is false, undetermined otherwise (a group-by on the household);
* ``member_share``: with ``surely`` the true rows and ``maybe`` the unknown ones, deprived
  where ``100 · surely > p · members``, not deprived where ``100 · (surely + maybe) ≤ p ·
  members``;
* ``dwelling_count``: the same bounds on the number of conditions that hold;
* ``area_per_person``: ``area < x · members`` (exact: a decimal column, or m² scaled to
  an integer).

:attr:`vnlabor.poverty.standard.CompiledStandard.rules` holds a standard's rules with
the figures of its law book, for both engines.

>>> from datetime import date
>>> from vnlabor.law import national
>>> rules, definitions = indicator_rules(national(), "07/2021/NĐ-CP", date(2024, 1, 1))
>>> rule = rules[Deprivation.HEALTH_INSURANCE]
>>> rule.kind, rule.clauses[0].band.min_age, rule.clauses[0].conditions
('any_member', 6, (Condition(fact='health_insurance', op='is', value=False),))
>>> definitions[Deprivation.HEALTH_INSURANCE].threshold.en
'At least one member aged 6 or over has no health-insurance card'
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import Enum
from functools import cache
from importlib import resources
from typing import Any, Literal, NamedTuple, get_args

from vnlabor.base.confidence import Confidence
from vnlabor.base.model import VnlaborModel, enum_of
from vnlabor.errors import LawDataError
from vnlabor.l10n import format_number, label, message
from vnlabor.law.book import LawBook
from vnlabor.law.citation import Citation, LocalizedText
from vnlabor.law.parameter import Value
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.dwelling import Dwelling
from vnlabor.model.person import Member
from vnlabor.model.sex import Sex

__all__ = [
    "PARAMETER_PREFIX",
    "AgeBand",
    "Clause",
    "Condition",
    "IndicatorDefinition",
    "IndicatorRule",
    "RuleKind",
    "WorkingAge",
    "indicator_rules",
]

PARAMETER_PREFIX = "poverty.indicator."
"""Prefix of every parameter an indicator rule reads."""

RuleKind = Literal[
    "any_member", "member_share", "dwelling_any", "dwelling_count", "area_per_person"
]
"""The shapes of rule the evaluator knows."""

ConditionOp = Literal["is", "in", "not_in", "none_in"]

_MEMBER_KINDS = ("any_member", "member_share")
_RETIREMENT = re.compile(r"(\d{4})=(\d+)y(\d+)m")


class Condition(NamedTuple):
    """One fact compared with a value."""

    fact: str
    """Field of :class:`~vnlabor.Member` or :class:`~vnlabor.model.dwelling.Dwelling`."""
    op: ConditionOp
    """``is`` (equal), ``in``, ``not_in``, ``none_in`` (no common element)."""
    value: bool | Enum | frozenset[Enum]
    """What the fact is compared with."""


class WorkingAge(NamedTuple):
    """Working age: from ``min_age`` to the retirement age of the member's sex."""

    min_age: int
    """Youngest age of working age, whole years."""
    retirement: Mapping[Sex, tuple[tuple[int, int], ...]]
    """Per sex, ``(year, age in months)`` from each year on, ascending."""

    def retirement_months(self, sex: Sex, year: int) -> int:
        """Retirement age in whole months for people of ``sex`` in ``year``."""
        months = None
        for first, value in self.retirement[sex]:
            if first <= year:
                months = value
        if months is None:
            raise LawDataError(f"no retirement age encoded for {sex.value} in {year}")
        return months


class AgeBand(NamedTuple):
    """Who a clause looks at, by age on the reference date (``None``: no bound)."""

    min_age: int | None = None
    """From this age, inclusive."""
    max_age: int | None = None
    """Up to this age, inclusive."""
    below_age: int | None = None
    """Under this age."""
    born_from_year: int | None = None
    """Born in this year or later."""
    working_age: WorkingAge | None = None
    """Of working age."""


class Clause(NamedTuple):
    """A member (in an age band) or the dwelling for which every condition holds."""

    band: AgeBand | None
    """For members: the age band (``None``: any age)."""
    conditions: tuple[Condition, ...]
    """Conditions that must all hold."""


class IndicatorRule(NamedTuple):
    """One indicator's rule under one standard, with its figures filled in."""

    indicator: Deprivation
    """The indicator decided."""
    kind: RuleKind
    """The shape (see the module docstring)."""
    clauses: tuple[Clause, ...] = ()
    """``any_member``, ``member_share``, ``dwelling_any``: the clauses, any of which."""
    conditions: tuple[Condition, ...] = ()
    """``dwelling_count``: the conditions counted."""
    cutoff: int | Decimal | None = None
    """``member_share``: percent exceeded; ``dwelling_count``: conditions needed;
    ``area_per_person``: m² a member below which the household is deprived."""
    fact: str | None = None
    """``area_per_person``: the dwelling's area fact."""


class IndicatorDefinition(VnlaborModel):
    """One deprivation indicator as a standard defines it."""

    indicator: Deprivation
    """The indicator."""
    dimension: str
    """Key of its dimension (``"health"``, ``"housing"``…)."""
    dimension_label: LocalizedText
    """Name of the dimension."""
    threshold: LocalizedText
    """When a household counts as deprived, with the figures in force."""
    confidence: Confidence
    """How sure the rule is: the weakest of its own citation and of its figures."""
    note: str | None = None
    """What is uncertain."""
    citations: tuple[Citation, ...] = ()
    """The rule's own citation, then those of the figures it uses."""
    parameters: tuple[str, ...] = ()
    """Names of the parameters the rule reads."""


@cache
def _shapes() -> Mapping[str, Any]:
    text = (resources.files("vnlabor.law.data") / "poverty_indicator_rules.toml").read_text("utf-8")
    return tomllib.loads(text)["standards"]  # type: ignore[no-any-return]


def standards_with_rules() -> tuple[str, ...]:
    """Keys of the standards whose indicators have rules.

    >>> standards_with_rules()
    ('59/2015/QĐ-TTg', '07/2021/NĐ-CP', '351/2025/NĐ-CP')
    """
    return tuple(_shapes())


def indicator_rules(
    book: LawBook, key: str, on: date
) -> tuple[dict[Deprivation, IndicatorRule], dict[Deprivation, IndicatorDefinition]]:
    """The rules and definitions of the indicators of standard ``key``, figures on ``on``.

    Raises:
        LookupError: no rules are encoded for standard ``key``.
        LawDataError: a rule names an unknown fact, parameter or code, or a figure has
            the wrong type.
    """
    doc = _shapes().get(key)
    if not isinstance(doc, dict):
        raise LookupError(f"no indicator rules for standard {key!r}")
    rules: dict[Deprivation, IndicatorRule] = {}
    definitions: dict[Deprivation, IndicatorDefinition] = {}
    for name, shape in doc["indicators"].items():
        indicator = Deprivation(name)
        reader = _Reader(book, on, f"{key} {name}")
        try:
            rule = _rule(indicator, shape, reader)
            cite = Citation.model_validate(shape["cite"])
        except LawDataError:
            raise
        except (KeyError, TypeError, ValueError) as exc:
            raise LawDataError(f"indicator rule {key} {name}: {exc}") from exc
        if cite.instrument not in book.instruments:
            raise LawDataError(f"indicator rule {key} {name} cites unknown {cite.instrument!r}")
        text_key = f"poverty.threshold.{shape.get('text', doc['texts'] + '.' + name)}"
        rules[indicator] = rule
        definitions[indicator] = IndicatorDefinition(
            indicator=indicator,
            dimension=shape["dimension"],
            dimension_label=doc["dimensions"][shape["dimension"]],
            threshold=LocalizedText(
                vi=message(text_key, "vi", **reader.placeholders("vi")),
                en=message(text_key, "en", **reader.placeholders("en")),
            ),
            confidence=Confidence.weakest(
                [cite.confidence, *(c.confidence for c in reader.citations.values())]
            ),
            note=cite.note,
            citations=(cite, *dict.fromkeys(reader.citations.values())),
            parameters=tuple(reader.citations),
        )
    return rules, definitions


class _Reader:
    """Reads the parameters one rule uses, remembering their citations and values."""

    def __init__(self, book: LawBook, on: date, where: str) -> None:
        self.book, self.on, self.where = book, on, where
        self.citations: dict[str, Citation] = {}
        self.values: dict[str, Value] = {}

    def value(self, ref: str) -> Value:
        name = PARAMETER_PREFIX + ref
        found = self.book.find(name, self.on)
        if found is None:
            raise LawDataError(f"{self.where}: parameter {name!r} has no value on {self.on}")
        self.citations[name] = found.citation
        self.values[ref] = found.value
        return found.value

    def integer(self, ref: str) -> int:
        v = self.value(ref)
        if isinstance(v, bool) or not isinstance(v, int):
            raise LawDataError(f"{self.where}: {PARAMETER_PREFIX + ref} holds {v!r}, not a number")
        return v

    def decimal(self, ref: str) -> Decimal:
        v = self.value(ref)
        try:
            if isinstance(v, bool) or not isinstance(v, int | str):
                raise InvalidOperation
            number = Decimal(v)
        except InvalidOperation:
            raise LawDataError(
                f"{self.where}: {PARAMETER_PREFIX + ref} holds {v!r}, not a number"
            ) from None
        return number

    def codes(self, ref: str, enum: type[Enum]) -> frozenset[Enum]:
        v = self.value(ref)
        if not isinstance(v, tuple):
            raise LawDataError(f"{self.where}: {PARAMETER_PREFIX + ref} holds {v!r}, not codes")
        return frozenset(_member(enum, code, self.where) for code in v)

    def placeholders(self, locale: str) -> dict[str, str]:
        """Each value under its name relative to the indicator, ready for the text."""
        out = {}
        for ref, v in self.values.items():
            name = ref.partition(".")[2].replace(".", "_")
            out[name] = _shown(v, locale)
        return out


def _shown(value: Value, locale: str) -> str:
    if isinstance(value, tuple):
        enums = [e for e in _CODE_ENUMS if all(code in e._value2member_map_ for code in value)]
        if len(enums) == 1:
            return ", ".join(label(enums[0](code), locale) for code in value)
        return ", ".join(value)
    if isinstance(value, str):
        try:
            return format_number(Decimal(value), locale=locale)
        except InvalidOperation:
            return value
    return str(value)


def _member(enum: type[Enum], code: object, where: str) -> Enum:
    try:
        return enum(code)
    except ValueError:
        raise LawDataError(f"{where}: {code!r} is not a {enum.__name__}") from None


def _field_type(subject: type[VnlaborModel], fact: str, where: str) -> Any:
    if fact not in subject.model_fields:
        raise LawDataError(f"{where}: {subject.__name__} has no fact {fact!r}")
    return subject.model_fields[fact].annotation


def _condition(raw: Mapping[str, Any], subject: type[VnlaborModel], reader: _Reader) -> Condition:
    fact = raw["fact"]
    annotation = _field_type(subject, fact, reader.where)
    enum = enum_of(annotation)
    ops = [op for op in get_args(ConditionOp) if op in raw]
    if len(ops) != 1 or set(raw) != {"fact", ops[0]}:
        raise LawDataError(
            f"{reader.where}: condition {dict(raw)!r} needs one of {get_args(ConditionOp)}"
        )
    op: ConditionOp = ops[0]
    given = raw[op]
    if op == "is":
        if isinstance(given, bool) and enum is None:
            return Condition(fact, op, given)
        if isinstance(given, str) and enum is not None:
            return Condition(fact, op, _member(enum, given, reader.where))
        raise LawDataError(f"{reader.where}: {fact} cannot be {given!r}")
    if enum is None:
        raise LawDataError(f"{reader.where}: {fact} holds no codes")
    is_set = "frozenset" in str(annotation)
    if (op == "none_in") != is_set:
        raise LawDataError(f"{reader.where}: {op!r} does not apply to {fact}")
    return Condition(fact, op, reader.codes(given, enum))


def _band(raw: Mapping[str, Any], reader: _Reader) -> AgeBand | None:
    fields = {k: raw[k] for k in AgeBand._fields if k in raw}
    if not fields:
        return None
    band: dict[str, Any] = {k: reader.integer(v) for k, v in fields.items() if k != "working_age"}
    if "working_age" in fields:
        prefix = fields["working_age"]
        schedules = {}
        for sex in Sex:
            codes = reader.value(f"{prefix}.retirement_age.{sex.value}")
            if not isinstance(codes, tuple):
                raise LawDataError(f"{reader.where}: retirement ages must be codes")
            steps = []
            for code in codes:
                found = _RETIREMENT.fullmatch(code)
                if found is None:
                    raise LawDataError(f"{reader.where}: retirement age {code!r} is not YEAR=XyYm")
                year, years, months = map(int, found.groups())
                steps.append((year, years * 12 + months))
            schedules[sex] = tuple(sorted(steps))
        band["working_age"] = WorkingAge(reader.integer(f"{prefix}.min_age"), schedules)
    return AgeBand(**band)


def _clauses(
    shape: Mapping[str, Any], subject: type[VnlaborModel], reader: _Reader
) -> tuple[Clause, ...]:
    out = []
    for raw in shape["clauses"]:
        band = _band(raw, reader)
        if band is not None and subject is not Member:
            raise LawDataError(f"{reader.where}: an age band applies to members only")
        extra = set(raw) - {"when", *AgeBand._fields}
        if extra:
            raise LawDataError(f"{reader.where}: unknown clause keys {sorted(extra)}")
        out.append(Clause(band, tuple(_condition(t, subject, reader) for t in raw["when"])))
    return tuple(out)


def _rule(indicator: Deprivation, shape: Mapping[str, Any], reader: _Reader) -> IndicatorRule:
    kind = shape["kind"]
    if kind not in get_args(RuleKind):
        raise LawDataError(f"{reader.where}: unknown rule kind {kind!r}")
    if kind in _MEMBER_KINDS:
        clauses = _clauses(shape, Member, reader)
        cutoff = reader.integer(shape["more_than_percent"]) if kind == "member_share" else None
        return IndicatorRule(indicator, kind, clauses=clauses, cutoff=cutoff)
    if kind == "dwelling_any":
        return IndicatorRule(indicator, kind, clauses=_clauses(shape, Dwelling, reader))
    if kind == "dwelling_count":
        conditions = tuple(_condition(t, Dwelling, reader) for t in shape["facts"])
        return IndicatorRule(
            indicator, kind, conditions=conditions, cutoff=reader.integer(shape["at_least"])
        )
    fact = shape["fact"]
    if "Decimal" not in str(_field_type(Dwelling, fact, reader.where)):
        raise LawDataError(f"{reader.where}: {fact} is not an area")
    return IndicatorRule(indicator, kind, cutoff=reader.decimal(shape["below"]), fact=fact)


def _code_enums() -> tuple[type[Enum], ...]:
    found: list[type[Enum]] = []
    for subject in (Member, Dwelling):
        for info in subject.model_fields.values():
            enum = enum_of(info.annotation)
            if enum is not None and enum not in found:
                found.append(enum)
    return tuple(found)


_CODE_ENUMS = _code_enums()
