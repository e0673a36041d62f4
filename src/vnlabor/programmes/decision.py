"""Decisions that explain themselves: one shape for every support programme.

Every programme rule (:class:`~vnlabor.programmes.rule.Rule`, written on the skeleton of
:mod:`vnlabor.programmes.rule`) returns a :class:`Decision`, a frozen record of

* the :class:`~vnlabor.programmes.categories.Outcome`: eligible, not eligible, or
  *undetermined*, which names the missing facts (``missing``) instead of a silent "no";
* the beneficiary category chosen (on the programme's own subclass);
* the itemised amounts (:class:`SupportItem`: kind, amount, cap, basis, citation) and
  their ``total``, an exact ``int`` of đồng;
* the legal parameters used (:class:`ParameterUse`) and the ``reasons`` (rendered in
  Vietnamese or English from the catalogues), and every citation behind them.

Subclasses differ by a ``kind`` literal, so :data:`AnyDecision` is a discriminated
union for (de)serialising mixed lists.

Money is ``int`` VND throughout; an item paid at actual cost below its cap pays the
actual cost, and a share of a cap is rounded *down* to the whole đồng (nothing is paid
above a cap).

>>> from datetime import date
>>> d = TrainingDecision(on=date(2024, 5, 1), outcome=Outcome.NOT_ELIGIBLE)
>>> d.eligible, d.total, d.tuition
(False, 0, 0)

References:
    * Quyết định 46/2015/QĐ-TTg; Thông tư 152/2016/TT-BTC (training support).
    * Thông tư 55/2023/TT-BTC (2021-2025 national target programmes).
    * Nghị định 61/2015/NĐ-CP, sửa đổi bởi Nghị định 74/2019/NĐ-CP (loans).
    * Luật Việc làm 38/2013/QH13, Điều 20; Thông tư liên tịch 09/2016/TTLT-BLĐTBXH-BTC
      (working abroad, Employment-Law route).
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from pydantic import Field, PrivateAttr, computed_field, model_validator

from vnlabor.base.confidence import Confidence
from vnlabor.base.model import VnlaborModel
from vnlabor.l10n import format_date, format_vnd, label, message
from vnlabor.l10n.display import (
    field_heading,
    get_display_locale,
    html_card,
    html_table,
    repr_line,
)
from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation
from vnlabor.law.parameter import Value
from vnlabor.law.reason import Reason, reasons_html
from vnlabor.programmes.categories import (
    AbroadGroup,
    EmploymentLawGroup,
    Lender,
    Outcome,
    Programme,
    SupportKind,
    SupportUnit,
    TrainingCategory,
)
from vnlabor.types import VND

__all__ = [
    "AbroadDecision",
    "AbroadEmploymentLawDecision",
    "AnyDecision",
    "CounsellorDecision",
    "Decision",
    "JobConnectionDecision",
    "LoanDecision",
    "ParameterUse",
    "SupportItem",
    "TrainingDecision",
]


class SupportItem(VnlaborModel):
    """One line of a support amount: what, how much, under which cap and text."""

    kind: SupportKind
    """Tuition, meals, travel, …"""
    amount: VND
    """Amount payable, whole đồng."""
    cap: VND | None = None
    """The cap applied (national cap, or the lower provincial level), if any."""
    actual_cost: VND | None = None
    """Actual cost claimed, when the item is paid at actual cost up to the cap."""
    unit_rate: VND | None = None
    """Rate per unit, when the item is a rate times a quantity."""
    quantity: int | None = None
    """Number of units (days, months, sessions)."""
    unit: SupportUnit = SupportUnit.COURSE
    """What the cap or rate is per."""
    parameter: str | None = None
    """Name of the law parameter holding the cap or rate."""
    citation: Citation
    """The provision that sets the cap or rate."""
    provincial_citation: Citation | None = None
    """The provincial instrument setting a level within the national cap, if any."""


class ParameterUse(VnlaborModel):
    """A legal parameter the decision read, with its value and citation."""

    name: str
    """Parameter name, e.g. ``"training.cap.near_poor"``."""
    value: Value
    """Its value on the day of the decision."""
    citation: Citation
    """Where the value comes from, with its confidence."""


class Decision(VnlaborModel):
    """The outcome of a programme rule for one subject on one day (base of all kinds)."""

    kind: Programme
    """Which programme decided (the discriminator of :data:`AnyDecision`)."""
    on: date
    """Day the decision applies the law of."""
    outcome: Outcome
    """Eligible, not eligible, or undetermined."""
    items: tuple[SupportItem, ...] = ()
    """Itemised amounts (empty unless eligible)."""
    pending: tuple[SupportKind, ...] = ()
    """Items that could not be computed for lack of facts (see ``missing``) or because
    vnlabor does not encode their rates (a reason says so)."""
    missing: tuple[str, ...] = ()
    """Names of the facts (fields or arguments) that are missing and matter."""
    parameters: tuple[ParameterUse, ...] = ()
    """Legal parameters read, in the order they were used."""
    reasons: tuple[Reason, ...] = ()
    """Why: each step with its values and citation."""
    _law: LawBook | None = PrivateAttr(default=None)
    # The book the rule read (not serialised): explain() names an overlay's instruments
    # from it. A decision loaded from JSON falls back to the national book.

    @property
    def law(self) -> LawBook | None:
        """The law book the decision was made under (``None`` when loaded from data)."""
        return self._law

    def __eq__(self, other: object) -> bool:
        # The book is provenance, not part of the decision's value: a decision equals
        # its JSON round trip.
        if type(other) is not type(self):
            return NotImplemented
        return self.__dict__ == other.__dict__

    def __hash__(self) -> int:  # defining __eq__ would otherwise unset it
        return super().__hash__()

    @model_validator(mode="before")
    @classmethod
    def _accept_total(cls, data: Any) -> Any:
        # ``total`` is computed; a serialised decision carries it back: check, then drop.
        if isinstance(data, dict) and "total" in data:
            data = dict(data)
            claimed = data.pop("total")
            try:
                actual = sum(
                    i.amount if isinstance(i, SupportItem) else int(i["amount"])
                    for i in data.get("items", ())
                )
            except (TypeError, KeyError, ValueError):
                return data  # the items themselves will fail validation
            if claimed != actual:
                raise ValueError(f"total {claimed!r} is not the sum of the items ({actual})")
        return data

    @computed_field  # type: ignore[prop-decorator]
    @property
    def total(self) -> int:
        """Sum of the items, whole đồng (items still pending are not included)."""
        return sum(item.amount for item in self.items)

    @property
    def eligible(self) -> bool | None:
        """``True``/``False``, or ``None`` when undetermined."""
        if self.outcome is Outcome.UNDETERMINED:
            return None
        return self.outcome is Outcome.ELIGIBLE

    @property
    def complete(self) -> bool:
        """Whether the outcome is settled and every item computed."""
        return self.outcome is not Outcome.UNDETERMINED and not self.pending

    @property
    def category_member(self) -> TrainingCategory | AbroadGroup | Lender | None:
        """The beneficiary category, lender or group the decision chose, if any."""
        return None

    def amount(self, kind: SupportKind) -> int | None:
        """Amount of the items of ``kind``; ``0`` if none, ``None`` if not yet known.

        ``None`` when the decision is undetermined or the item is pending.
        """
        if self.outcome is Outcome.UNDETERMINED or kind in self.pending:
            return None
        return sum(item.amount for item in self.items if item.kind is kind)

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every distinct provision behind the decision, in order of use."""
        seen: dict[Citation, None] = {}
        for item in self.items:
            seen.setdefault(item.citation)
            if item.provincial_citation is not None:
                seen.setdefault(item.provincial_citation)
        for use in self.parameters:
            seen.setdefault(use.citation)
        for reason in self.reasons:
            if reason.citation is not None:
                seen.setdefault(reason.citation)
        return tuple(seen)

    @property
    def confidence(self) -> Confidence:
        """The weakest confidence among the citations (C when none is weaker)."""
        return Confidence.weakest(c.confidence for c in self.citations)

    @property
    def unconfirmed(self) -> tuple[ParameterUse, ...]:
        """Parameters used whose figure is only partly confirmed (P) or unconfirmed (R)."""
        return tuple(
            p for p in self.parameters if p.citation.confidence is not Confidence.CONFIRMED
        )

    def explain(self, locale: str = "vi", law: LawBook | None = None) -> str:
        """The decision as text: outcome, category, items, total, reasons with citations.

        Citations are rendered from ``law``, by default the book the decision was made
        under (so a provincial overlay's instruments are named too).
        """
        law = law or self._law
        from vnlabor.l10n import format_date, format_vnd, label, message

        header = message(
            "programmes.explain.header",
            locale,
            programme=label(self.kind, locale),
            outcome=label(self.outcome, locale),
            date=format_date(self.on, locale=locale),
        )
        lines = [header[:1].upper() + header[1:]]
        category = self.category_member
        if category is not None:
            lines.append(
                message("programmes.explain.category", locale, category=label(category, locale))
            )
        for item in self.items:
            lines.append(f"- {_item_text(item, locale)}")
        if self.pending:
            lines.append(
                message(
                    "programmes.explain.pending",
                    locale,
                    items=", ".join(label(k, locale) for k in self.pending),
                )
            )
        if self.outcome is not Outcome.UNDETERMINED:
            lines.append(
                message(
                    "programmes.explain.total",
                    locale,
                    total_vnd=format_vnd(self.total, locale=locale),
                )
            )
        if self.reasons:
            lines.append(message("programmes.explain.reasons", locale))
            lines.extend(f"- {r.render(locale, law)}" for r in self.reasons)
        return "\n".join(lines)

    def __repr__(self) -> str:
        text = f"<{type(self).__name__} {self.on.isoformat()}: {self.outcome.value}"
        if self.outcome is Outcome.ELIGIBLE:
            parts = ", ".join(f"{i.kind.value} {i.amount}" for i in self.items[:4])
            more = f", +{len(self.items) - 4} more" if len(self.items) > 4 else ""
            text += f", total {self.total} VND" + (f" ({parts}{more})" if parts else "")
        category = self.category_member
        if category is not None:
            text += f", {category.value}"
        if self.pending:
            text += f", pending {', '.join(k.value for k in self.pending)}"
        if self.missing:
            text += f", missing {', '.join(self.missing)}"
        return repr_line(text + ">")

    def __str__(self) -> str:
        return self.explain(get_display_locale())

    def _repr_html_(self) -> str:
        locale = get_display_locale()
        law = self._law or national()

        def name(model: type[VnlaborModel], field: str) -> str:
            return field_heading(model, field, locale)

        fields: list[tuple[str, object]] = [
            (name(Decision, "outcome"), label(self.outcome, locale)),
            (name(Decision, "on"), format_date(self.on, locale=locale)),
        ]
        category = self.category_member
        if category is not None:
            fields.append((message("display.category", locale), label(category, locale)))
        if self.outcome is not Outcome.UNDETERMINED:
            total = format_vnd(self.total, locale=locale)
            fields.append((message("display.total", locale), total))
        if self.pending:
            pending = ", ".join(label(k, locale) for k in self.pending)
            fields.append((name(Decision, "pending"), pending))
        if self.missing:
            fields.append((name(Decision, "missing"), ", ".join(self.missing)))
        tables = []
        if self.items:
            header = [name(SupportItem, f) for f in ("kind", "amount", "cap", "citation")]
            rows = [
                (
                    label(item.kind, locale),
                    format_vnd(item.amount, locale=locale),
                    "" if item.cap is None else format_vnd(item.cap, locale=locale),
                    law.cite(item.citation, locale),
                )
                for item in self.items
            ]
            tables.append(html_table(rows, header))
        tables.append(reasons_html(self.reasons, locale, law))
        title = label(self.kind, locale)
        return html_card(title[:1].upper() + title[1:], fields, tables)


def _item_text(item: SupportItem, locale: str) -> str:
    from vnlabor.l10n import format_vnd, label, message

    def vnd(v: int) -> str:
        return format_vnd(v, locale=locale)

    name = label(item.kind, locale)
    if item.unit_rate is not None and item.quantity is not None:
        return message(
            "programmes.item.rate",
            locale,
            item=name,
            amount_vnd=vnd(item.amount),
            rate_vnd=vnd(item.unit_rate),
            quantity=item.quantity,
            unit=label(item.unit, locale),
        )
    if item.actual_cost is not None and item.cap is not None:
        return message(
            "programmes.item.capped",
            locale,
            item=name,
            amount_vnd=vnd(item.amount),
            cost_vnd=vnd(item.actual_cost),
            cap_vnd=vnd(item.cap),
        )
    if item.actual_cost is not None:
        return message("programmes.item.actual", locale, item=name, amount_vnd=vnd(item.amount))
    return message("programmes.item.flat", locale, item=name, amount_vnd=vnd(item.amount))


class TrainingDecision(Decision):
    """Support for an elementary or under-3-month course (QĐ 46/2015; TT 152/2016)."""

    kind: Literal[Programme.TRAINING] = Programme.TRAINING
    """Always ``training``."""
    category: TrainingCategory | None = None
    """The single category whose cap applies (the highest), if any."""
    categories: tuple[TrainingCategory, ...] = ()
    """Every category the trainee falls in on that day."""

    @property
    def category_member(self) -> TrainingCategory | None:
        """The category chosen."""
        return self.category

    @property
    def tuition(self) -> int | None:
        """Training cost paid (``None`` while undetermined)."""
        return self.amount(SupportKind.TUITION)

    @property
    def meals(self) -> int | None:
        """Meal allowance (``None`` while undetermined)."""
        return self.amount(SupportKind.MEALS)

    @property
    def travel(self) -> int | None:
        """Travel allowance (``None`` while undetermined or the distance is unknown)."""
        return self.amount(SupportKind.TRAVEL)


class AbroadDecision(Decision):
    """Support for a worker going abroad under contract (Circular 55/2023 Art. 25, 69)."""

    kind: Literal[Programme.ABROAD] = Programme.ABROAD
    """Always ``abroad``."""
    group: AbroadGroup | None = None
    """The provision the worker qualifies under (the most favourable)."""

    @property
    def category_member(self) -> AbroadGroup | None:
        """The group chosen."""
        return self.group


class AbroadEmploymentLawDecision(Decision):
    """Support for a worker going abroad under the Employment Law (TTLT 09/2016 Art. 3)."""

    kind: Literal[Programme.ABROAD_EMPLOYMENT_LAW] = Programme.ABROAD_EMPLOYMENT_LAW
    """Always ``abroad_employment_law``."""
    groups: tuple[EmploymentLawGroup, ...] = ()
    """Every group of Employment Law Art. 20 the worker is in (empty unless eligible)."""
    category: TrainingCategory | None = None
    """The QĐ 46/2015 category whose training-cost cap applies to vocational training
    (the most favourable of the worker's categories)."""

    @property
    def category_member(self) -> TrainingCategory | None:
        """The QĐ 46/2015 category chosen."""
        return self.category


class LoanDecision(Decision):
    """A preferential loan for working abroad (Decree 61/2015 as amended by 74/2019)."""

    kind: Literal[Programme.ABROAD_LOAN] = Programme.ABROAD_LOAN
    """Always ``abroad_loan``."""
    lender: Lender | None = None
    """Who lends."""
    collateral_required: bool | None = None
    """Whether the maximum loan needs collateral."""

    @property
    def category_member(self) -> Lender | None:
        """The lender."""
        return self.lender

    @property
    def max_loan(self) -> int | None:
        """The largest loan allowed (``None`` while undetermined)."""
        return self.amount(SupportKind.LOAN)


class JobConnectionDecision(Decision):
    """Payment for a successful job connection (Circular 55/2023 Art. 72)."""

    kind: Literal[Programme.JOB_CONNECTION] = Programme.JOB_CONNECTION
    """Always ``job_connection``."""


class CounsellorDecision(Decision):
    """A counsellor's fees for one month (Circular 55/2023 Art. 69.5)."""

    kind: Literal[Programme.COUNSELLOR] = Programme.COUNSELLOR
    """Always ``counsellor``."""


AnyDecision = Annotated[
    TrainingDecision
    | AbroadDecision
    | AbroadEmploymentLawDecision
    | LoanDecision
    | JobConnectionDecision
    | CounsellorDecision,
    Field(discriminator="kind"),
]
"""Any programme's decision, discriminated by ``kind`` (for mixed lists and JSON)."""
