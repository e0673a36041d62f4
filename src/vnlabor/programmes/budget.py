"""Budgets: total the decisions for many people, itemised by category and by item.

Reports say "894 trường hợp, hơn 9,7 tỷ đồng": :meth:`Budget.of` counts the cases and
adds up exact ``int`` amounts per item kind, per beneficiary category and overall.
Undetermined decisions and pending items are counted apart, never as zero support.
Loans (``SupportKind.LOAN``) are totalled like any item: keep loan decisions out of a
grant budget, or read ``items`` separately.

>>> from datetime import date
>>> from vnlabor.model.course import Course, CourseLevel
>>> from vnlabor.model.sex import Sex
>>> from vnlabor.model.trainee import Trainee
>>> from vnlabor.programmes.training import training_support
>>> course = Course(level=CourseLevel.UNDER_3_MONTHS, cost=3_500_000, study_days=40)
>>> people = [Trainee(sex=Sex.FEMALE, rural=True, disabled=d, ethnic_minority=False,
...                   household_status=None, newly_escaped=False,
...                   special_difficulty_area=False) for d in (True, False)]
>>> b = Budget.of(training_support(t, course, on=date(2024, 5, 1), distance_km=2)
...               for t in people)
>>> b.cases, b.undetermined, b.total
(1, 1, 4700000)

References:
    * Quyết định 46/2015/QĐ-TTg; Thông tư 152/2016/TT-BTC; Thông tư 55/2023/TT-BTC
      (the rules whose decisions are totalled).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from vnlabor.base.model import VnlaborModel
from vnlabor.programmes.categories import (
    AbroadGroup,
    Lender,
    Outcome,
    SupportKind,
    TrainingCategory,
)
from vnlabor.programmes.decision import Decision

__all__ = ["Budget", "BudgetLine"]


class BudgetLine(VnlaborModel):
    """The eligible cases of one beneficiary category and what they receive."""

    category: TrainingCategory | AbroadGroup | Lender | None
    """The category (``None`` for decisions without one)."""
    cases: int
    """Eligible decisions in the category."""
    total: int
    """Sum of their items, whole đồng."""
    items: Mapping[SupportKind, int]
    """Totals per item kind."""


class Budget(VnlaborModel):
    """Totals over a set of decisions (exact integers of đồng)."""

    cases: int
    """Eligible decisions."""
    not_eligible: int
    """Decisions that found the person not eligible."""
    undetermined: int
    """Decisions that lack facts (not counted in any total)."""
    incomplete: int
    """Eligible decisions with an item still pending (e.g. travel without a distance)."""
    total: int
    """Grand total of the eligible decisions' items."""
    items: Mapping[SupportKind, int]
    """Totals per item kind."""
    by_category: tuple[BudgetLine, ...]
    """One line per category, in order of first appearance."""

    @classmethod
    def of(cls, decisions: Iterable[Decision]) -> Budget:
        """Total ``decisions`` (any programme's)."""
        counts = dict.fromkeys(Outcome, 0)
        incomplete = 0
        items: dict[SupportKind, int] = {}
        lines: dict[object, tuple[int, dict[SupportKind, int]]] = {}
        for d in decisions:
            counts[d.outcome] += 1
            if d.outcome is not Outcome.ELIGIBLE:
                continue
            incomplete += bool(d.pending)
            cat = d.category_member
            n, per_item = lines.setdefault(cat, (0, {}))
            lines[cat] = (n + 1, per_item)
            for item in d.items:
                items[item.kind] = items.get(item.kind, 0) + item.amount
                per_item[item.kind] = per_item.get(item.kind, 0) + item.amount
        by_category = tuple(
            BudgetLine(
                category=cat,
                cases=n,
                total=sum(per_item.values()),
                items=_ordered(per_item),
            )
            for cat, (n, per_item) in lines.items()
        )
        return cls(
            cases=counts[Outcome.ELIGIBLE],
            not_eligible=counts[Outcome.NOT_ELIGIBLE],
            undetermined=counts[Outcome.UNDETERMINED],
            incomplete=incomplete,
            total=sum(items.values()),
            items=_ordered(items),
            by_category=by_category,
        )

    def explain(self, locale: str = "vi") -> str:
        """A short report: cases and grand total, then per item and per category."""
        from vnlabor.l10n import format_vnd, label, message

        lines = [
            message(
                "programmes.budget.summary",
                locale,
                cases=self.cases,
                total_vnd=format_vnd(self.total, locale=locale),
                compact_vnd=format_vnd(self.total, locale=locale, compact=True),
            )
        ]
        if self.undetermined or self.incomplete or self.not_eligible:
            lines.append(
                message(
                    "programmes.budget.open",
                    locale,
                    not_eligible=self.not_eligible,
                    undetermined=self.undetermined,
                    incomplete=self.incomplete,
                )
            )
        lines.extend(
            f"- {label(kind, locale)}: {format_vnd(amount, locale=locale)}"
            for kind, amount in self.items.items()
        )
        for line in self.by_category:
            name = "—" if line.category is None else label(line.category, locale)
            lines.append(
                message(
                    "programmes.budget.category",
                    locale,
                    category=name,
                    cases=line.cases,
                    total_vnd=format_vnd(line.total, locale=locale),
                )
            )
        return "\n".join(lines)


def _ordered(totals: Mapping[SupportKind, int]) -> dict[SupportKind, int]:
    return {k: totals[k] for k in SupportKind if k in totals}
