"""The programme rule skeleton: one protocol, one way to read the law, shared steps.

Every support programme is a function of the same shape (python-stdnum's idea of one
verb per rule)::

    rule(subject, [claim,] *, on=date, law=None, **facts) -> Decision

:class:`Rule` (one subject) and :class:`ClaimRule` (a subject and what it claims) type
that shape; every programme module assigns its rule to a variable of its protocol, so
mypy checks each rule against it. :func:`is_eligible` is the never-raising predicate
over any of them.

Inside a rule, a :class:`Lookup` is the only way to read the law: it reads each
parameter from the book once, records every figure the decision relies on (they become
``Decision.parameters``, with confidence and transition reasons), and builds the
decision. The steps every programme shares are written once here:

* :class:`Facts` and :meth:`Lookup.resolve`: the facts a rule reads, with their least
  and most favourable values, and the resolution of unknown facts (``None``) into a
  settled plan or the list of facts that are missing;
* :meth:`Lookup.undetermined` and :func:`missing_facts_reason`: the *undetermined*
  decision naming what is missing;
* :func:`travel`: the one-round-trip travel allowance, its item and its reasons;
* :meth:`Lookup.capped` and :meth:`Lookup.per_unit`: items paid at actual cost up to a
  cap, and a rate times a quantity.

>>> from datetime import date
>>> lk = Lookup(None, date(2024, 1, 1))
>>> t = travel(lk, "abroad.travel", special=True, distance=Fraction(10), shown=10)
>>> t.amount, t.items[0].parameter, [r.key for r in t.reasons]
(300000, 'abroad.travel.special', ['programmes.reason.travel'])
>>> [p.name for p in lk.used]
['abroad.travel.special_min_km', 'abroad.travel.special']

References:
    * Quyết định 46/2015/QĐ-TTg, Điều 5 khoản 2; Thông tư 152/2016/TT-BTC, Điều 7
      khoản 2 điểm c (training travel, from 15 km or from 5 km).
    * Thông tư 55/2023/TT-BTC, Điều 25 và 69 (working-abroad travel, from 15 km or
      from 10 km in extremely difficult communes).
    * Thông tư liên tịch 09/2016/TTLT-BLĐTBXH-BTC, Điều 3 (the Employment-Law route).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Generic, NamedTuple, ParamSpec, Protocol, TypeVar

from vnlabor.base.confidence import Confidence
from vnlabor.errors import VnlaborError
from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation
from vnlabor.law.parameter import ParameterValue
from vnlabor.law.reason import Reason
from vnlabor.programmes.categories import Outcome, SupportKind, SupportUnit
from vnlabor.programmes.decision import Decision, ParameterUse, SupportItem
from vnlabor.types import as_date

__all__ = [
    "ClaimRule",
    "Facts",
    "Lookup",
    "Resolution",
    "Rule",
    "Travel",
    "check_distance",
    "is_eligible",
    "missing_facts_reason",
    "resolve_unknowns",
    "travel",
]

S_contra = TypeVar("S_contra", contravariant=True)
C_contra = TypeVar("C_contra", contravariant=True)
D_co = TypeVar("D_co", bound=Decision, covariant=True)
D = TypeVar("D", bound=Decision)
F = TypeVar("F")
R = TypeVar("R")
P = ParamSpec("P")


class Rule(Protocol[S_contra, D_co]):
    """A programme rule about one subject: ``rule(subject, *, on, law=None) -> Decision``.

    A rule may take more keyword-only facts with defaults (``distance_km=None``).
    """

    def __call__(self, subject: S_contra, /, *, on: date, law: LawBook | None = None) -> D_co:
        """Decide for ``subject`` under the law in force on ``on``."""
        ...


class ClaimRule(Protocol[S_contra, C_contra, D_co]):
    """A rule about a subject and what it claims: ``rule(subject, claim, *, on, law=None)``.

    E.g. a trainee and a course, a worker and the costs or the contract sum.
    """

    def __call__(
        self, subject: S_contra, claim: C_contra, /, *, on: date, law: LawBook | None = None
    ) -> D_co:
        """Decide for ``subject`` claiming ``claim`` under the law in force on ``on``."""
        ...


def is_eligible(rule: Callable[P, Decision], /, *args: P.args, **kwargs: P.kwargs) -> bool | None:
    """Apply ``rule`` and return ``decision.eligible``; never raises.

    ``None`` when the decision is undetermined **or** the rule could not be applied
    (invalid input, no law data for the date): call the rule itself to see why.

    >>> from vnlabor.programmes.employment import job_connection_support, JobPlacement
    >>> is_eligible(job_connection_support, JobPlacement(contract_signed=True),
    ...             on=date(2024, 1, 1))
    True
    >>> is_eligible(job_connection_support, JobPlacement(contract_signed=True),
    ...             on=date(2020, 1, 1)) is None
    True
    """
    try:
        return rule(*args, **kwargs).eligible
    except (VnlaborError, ValueError, TypeError, LookupError):
        return None


def missing_facts_reason(missing: Sequence[str]) -> Reason:
    """The reason of every undetermined decision: which facts are still needed."""
    return Reason(key="programmes.reason.missing_facts", values={"facts": ", ".join(missing)})


class Facts:
    """The facts a rule reads from its subject, each with its least and most favourable value.

    Flags (``bool`` facts) run from ``False`` to ``True``; other facts name their range.
    The order is the order in which missing facts are named.

    >>> from vnlabor.model.poverty_status import PovertyStatus as S
    >>> table = Facts("poor_area", household_status=(S.NON_POOR, S.POOR))
    >>> table.names, table.low["poor_area"], table.high["household_status"]
    (('poor_area', 'household_status'), False, <PovertyStatus.POOR: 'poor'>)
    """

    def __init__(self, *flags: str, **ranges: tuple[object, object]) -> None:
        spans = {**dict.fromkeys(flags, (False, True)), **ranges}
        self.names: tuple[str, ...] = tuple(spans)
        """Every fact, in order."""
        self.low: Mapping[str, object] = {k: lo for k, (lo, _) in spans.items()}
        """The least favourable value of each fact."""
        self.high: Mapping[str, object] = {k: hi for k, (_, hi) in spans.items()}
        """The most favourable value of each fact."""

    def of(self, subject: object) -> dict[str, object | None]:
        """The subject's value of each fact (``None``: unknown)."""
        return {name: getattr(subject, name) for name in self.names}


def resolve_unknowns(
    facts: Mapping[str, F | None],
    low: Mapping[str, F],
    high: Mapping[str, F],
    evaluate: Callable[[dict[str, F]], R],
) -> tuple[R, tuple[str, ...]]:
    """Evaluate a monotone rule over facts some of which are unknown (``None``).

    Unknown facts are filled with their least favourable value (``low``) and with
    their most favourable (``high``). When both give the same result, the result holds
    whatever the facts are; otherwise the unknown facts that change it, each on its own,
    are returned as missing (all unknown facts if none does alone). The result returned
    is always the first one evaluated: the one for the least favourable facts.

    >>> rule = lambda f: f["a"] or f["b"]
    >>> resolve_unknowns({"a": True, "b": None}, {"b": False}, {"b": True}, rule)
    (True, ())
    >>> resolve_unknowns({"a": False, "b": None}, {"b": False}, {"b": True}, rule)
    (False, ('b',))
    """
    unknown = [k for k, v in facts.items() if v is None]
    known = {k: v for k, v in facts.items() if v is not None}
    lower = {**known, **{k: low[k] for k in unknown}}
    result = evaluate(lower)
    if not unknown or evaluate({**known, **{k: high[k] for k in unknown}}) == result:
        return result, ()
    matter = tuple(k for k in unknown if evaluate({**lower, k: high[k]}) != result)
    return result, matter or tuple(unknown)


class Resolution(NamedTuple, Generic[R]):
    """What :meth:`Lookup.resolve` found."""

    plan: R
    """The plan for the known facts, unknown ones at their least favourable value."""
    missing: tuple[str, ...]
    """The unknown facts that would change it (empty: the plan holds)."""
    reads: Lookup
    """The fork that recorded what the plan read (see :meth:`Lookup.adopt`)."""


class Lookup:
    """The law as a rule sees it: each parameter read once, each figure relied on recorded.

    ``at`` / ``find`` / ``amount`` / ``codes`` read *and record*: what they return is a
    figure the decision relies on, and becomes one of its ``parameters``. :meth:`peek`
    reads without recording, to weigh an alternative the decision may not take (the
    caps of the categories not chosen); the rule then records the one it takes.
    """

    def __init__(
        self,
        law: LawBook | None,
        on: date,
        *,
        _read: dict[str, ParameterValue | None] | None = None,
    ) -> None:
        self.book = law or national()
        """The law book read."""
        self.on = as_date(on)
        """The day whose law applies."""
        self._read: dict[str, ParameterValue | None] = {} if _read is None else _read
        self._used: dict[str, ParameterUse] = {}

    # --- reading --------------------------------------------------------------------

    def peek(self, name: str) -> ParameterValue | None:
        """The value in force, or ``None``; not recorded (read from the book once)."""
        try:
            return self._read[name]
        except KeyError:
            found = self._read[name] = self.book.find(name, self.on)
            return found

    def find(self, name: str) -> ParameterValue | None:
        """The value in force, or ``None`` when absent on that day; recorded."""
        pv = self.peek(name)
        if pv is not None and name not in self._used:
            self._used[name] = ParameterUse(name=name, value=pv.value, citation=pv.citation)
        return pv

    def at(self, name: str) -> ParameterValue:
        """The value in force; recorded. Raises ``ParameterNotInForce`` outside the data."""
        pv = self.find(name)
        if pv is None:
            return self.book.at(name, self.on)  # raises, naming the parameter and the day
        return pv

    def check(self, name: str) -> None:
        """Raise ``ParameterNotInForce`` unless ``name`` has a value that day (not recorded)."""
        if self.peek(name) is None:
            self.book.at(name, self.on)

    def amount(self, name: str) -> tuple[int, Citation]:
        """An integer parameter and its citation; recorded."""
        pv = self.at(name)
        return pv.amount, pv.citation

    def codes(self, name: str) -> frozenset[str]:
        """A list-of-codes parameter as a set (empty when absent that day); recorded."""
        return _codes(self.find(name))

    def peek_codes(self, name: str) -> frozenset[str]:
        """:meth:`codes` without recording."""
        return _codes(self.peek(name))

    @property
    def used(self) -> tuple[ParameterUse, ...]:
        """Parameters recorded so far, in order of first use."""
        return tuple(self._used.values())

    # --- unknown facts ------------------------------------------------------------------

    def fork(self) -> Lookup:
        """A lookup sharing this one's reads but recording apart (for a what-if)."""
        return Lookup(self.book, self.on, _read=self._read)

    def adopt(self, other: Lookup) -> None:
        """Record what ``other`` (a :meth:`fork`) recorded."""
        for name, use in other._used.items():
            self._used.setdefault(name, use)

    def resolve(
        self,
        facts: Facts,
        known: Mapping[str, object | None],
        plan: Callable[[dict[str, object], Lookup], R],
    ) -> Resolution[R]:
        """The ``plan`` the facts lead to, and the unknown facts that would change it.

        ``plan(facts, lookup)`` is evaluated on the least and most favourable values of
        the unknown facts (see :func:`resolve_unknowns`), each time on a :meth:`fork`.
        The plan returned is the one for the least favourable facts, with the fork that
        recorded what it read: once the rule knows the decision is settled, it
        :meth:`adopt` s those reads, so the decision lists exactly the figures its plan used.
        """
        forks: list[Lookup] = []

        def evaluate(filled: dict[str, object]) -> R:
            forks.append(self.fork())
            return plan(filled, forks[-1])

        result, missing = resolve_unknowns(known, facts.low, facts.high, evaluate)
        return Resolution(result, missing, forks[0])

    # --- items ----------------------------------------------------------------------

    def capped(
        self,
        kind: SupportKind,
        cost: int | None,
        name: str,
        unit: SupportUnit = SupportUnit.COURSE,
    ) -> list[SupportItem]:
        """The item paying ``cost`` up to the cap held by parameter ``name``.

        An empty list when nothing is claimed (``cost`` is ``None``), so that callers
        can ``items += lk.capped(...)``.
        """
        if cost is None:
            return []
        limit, cite = self.amount(name)
        return [
            SupportItem(
                kind=kind,
                amount=min(cost, limit),
                cap=limit,
                actual_cost=cost,
                unit=unit,
                parameter=name,
                citation=cite,
            )
        ]

    def per_unit(
        self, kind: SupportKind, name: str, quantity: int, unit: SupportUnit
    ) -> SupportItem:
        """The item paying the rate held by ``name`` times ``quantity``."""
        rate, cite = self.amount(name)
        return SupportItem(
            kind=kind,
            amount=rate * quantity,
            unit_rate=rate,
            quantity=quantity,
            unit=unit,
            parameter=name,
            citation=cite,
        )

    # --- decisions --------------------------------------------------------------------

    def decide(self, cls: type[D], outcome: Outcome, reasons: list[Reason], **extra: object) -> D:
        """A decision of type ``cls`` carrying the parameters read and any confidence flags."""
        decision = cls.model_validate(
            {
                "on": self.on,
                "outcome": outcome,
                "parameters": self.used,
                "reasons": (*reasons, *self.confidence_reasons(), *self.transition_reasons()),
                **extra,
            }
        )
        decision._law = self.book
        return decision

    def undetermined(
        self, cls: type[D], missing: Sequence[str], reasons: Iterable[Reason] = ()
    ) -> D:
        """The undetermined decision naming the ``missing`` facts (after ``reasons``)."""
        return self.decide(
            cls,
            Outcome.UNDETERMINED,
            [*reasons, missing_facts_reason(missing)],
            missing=tuple(missing),
        )

    def transition_reasons(self) -> tuple[Reason, ...]:
        """A reason for every figure used that applies only under a transitional provision.

        E.g. a Circular 55/2023 rate used after 30/05/2026 holds only for tasks of the
        2021-2025 programmes that Circular 60/2026 Art. 21.1 extends: the reason cites
        that provision, so the reader knows the scope.
        """
        return tuple(
            Reason(
                key="programmes.reason.transitional",
                values={"parameter": use.name, "instrument": use.citation.instrument},
                citation=use.citation.applied_by.as_citation(),
            )
            for use in self._used.values()
            if use.citation.applied_by is not None
        )

    def confidence_reasons(self) -> tuple[Reason, ...]:
        """A reason for every figure used that is not fully confirmed."""
        return tuple(
            Reason(
                key="programmes.reason.figure_not_confirmed",
                values={"parameter": use.name, "confidence": use.citation.confidence},
                citation=use.citation,
            )
            for use in self._used.values()
            if use.citation.confidence is not Confidence.CONFIRMED
        )


def _codes(pv: ParameterValue | None) -> frozenset[str]:
    if pv is None:
        return frozenset()
    v = pv.value
    return frozenset(v) if isinstance(v, tuple) else frozenset({str(v)})


# --- travel -----------------------------------------------------------------------------


def check_distance(distance_km: object, name: str = "distance_km") -> Fraction | None:
    """Validate a distance in km: a finite number ≥ 0 (``int``, ``float``, ``Decimal``).

    Returned as an exact :class:`~fractions.Fraction` (``None`` stays ``None``: unknown).

    >>> check_distance(Decimal("14.999")) < 15
    True
    >>> check_distance(float("nan"))
    Traceback (most recent call last):
    ...
    ValueError: distance_km phải là số hữu hạn không âm / distance_km must be a finite ...
    """
    if distance_km is None:
        return None
    if isinstance(distance_km, bool) or not isinstance(
        distance_km, int | float | Decimal | Fraction
    ):
        raise TypeError(f"{name} phải là số / {name} must be a number (km), got {distance_km!r}")
    finite = (
        distance_km.is_finite() if isinstance(distance_km, Decimal) else math.isfinite(distance_km)
    )
    if not finite or distance_km < 0:
        raise ValueError(
            f"{name} phải là số hữu hạn không âm / {name} must be a finite number ≥ 0, "
            f"got {distance_km!r}"
        )
    return Fraction(distance_km)


@dataclass(frozen=True)
class Travel:
    """The travel allowance of a decision: its amount, item and reasons.

    Two allowances compare equal when they pay the same (``amount`` only), so a plan
    holding one can be compared across unknown facts.
    """

    amount: int | None
    """Amount paid; ``0`` when too close, ``None`` when the distance is unknown."""
    items: tuple[SupportItem, ...] = field(default=(), compare=False)
    """The travel item (none unless paid)."""
    reasons: tuple[Reason, ...] = field(default=(), compare=False)
    """Why: paid from a threshold, too close, or distance unknown."""

    @property
    def pending(self) -> tuple[SupportKind, ...]:
        """``(TRAVEL,)`` while the distance is unknown."""
        return (SupportKind.TRAVEL,) if self.amount is None else ()

    @property
    def missing(self) -> tuple[str, ...]:
        """``("distance_km",)`` while the distance is unknown."""
        return ("distance_km",) if self.amount is None else ()


NO_TRAVEL = Travel(0)
"""No allowance and nothing to say (the person is not entitled to one)."""


def travel(
    lk: Lookup, prefix: str, *, special: bool, distance: Fraction | None, shown: object
) -> Travel:
    """The one-round-trip travel allowance at ``distance`` km, with its item and reasons.

    Shared by the training and working-abroad rules (``prefix`` ``"training.travel"``,
    ``"abroad.travel"``, ``"abroad.employment_law.travel"``). The special amount
    (``<prefix>.special``, from ``<prefix>.special_min_km``) is tried first for whoever
    the rule entitles to it (``special``), then the standard amount (``<prefix>.standard``
    from ``<prefix>.standard_min_km``); bounds inclusive. Too close, the reason names the
    nearest threshold open to the person, citing it. ``shown`` is the distance as given,
    for the reasons. Records only the thresholds compared and the amount paid.
    """
    if distance is None:
        return Travel(None, reasons=(Reason(key="programmes.reason.travel_unknown"),))
    tiers = (f"{prefix}.special", f"{prefix}.standard") if special else (f"{prefix}.standard",)
    nearest: tuple[int, Citation] | None = None
    for name in tiers:
        min_km, min_cite = lk.amount(f"{name}_min_km")
        if distance >= min_km:
            amount, cite = lk.amount(name)
            item = SupportItem(
                kind=SupportKind.TRAVEL, amount=amount, cap=amount, parameter=name, citation=cite
            )
            why = Reason(
                key="programmes.reason.travel",
                values={"amount_vnd": amount, "distance": str(shown), "min_km": min_km},
                citation=cite,
            )
            return Travel(amount, (item,), (why,))
        if nearest is None or min_km < nearest[0]:
            nearest = (min_km, min_cite)
    assert nearest is not None
    too_close = Reason(
        key="programmes.reason.travel_too_close",
        values={"distance": str(shown), "min_km": nearest[0]},
        citation=nearest[1],
    )
    return Travel(0, reasons=(too_close,))
