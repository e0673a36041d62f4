"""Who counts as a low-income worker (*người lao động có thu nhập thấp*).

Decree 30/2025/NĐ-CP Art. 1.3, amending Decree 07/2021/NĐ-CP Art. 3.2: a member of a
household **other than a poor or near-poor household** whose household's monthly income
per capita is at or below the ceiling of its area: 2,250,000 VND rural, 3,000,000 VND
urban (parameters ``poverty.low_income_worker.max_income_per_capita.{rural,urban}``). It
is a test on the household, not on the worker's wage.

>>> from datetime import date
>>> from vnlabor.model.area import Area
>>> from vnlabor.model.household import Household
>>> june = date(2025, 6, 1)
>>> hh = Household(area=Area.RURAL, monthly_income_per_capita=2_250_000)
>>> is_low_income_worker(hh, on=june)
True
>>> is_low_income_worker(hh.model_copy(update={"monthly_income_per_capita": 2_250_001}), on=june)
False
>>> is_low_income_worker(hh.model_copy(update={"monthly_income_per_capita": 1_500_000}), on=june)
False
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from vnlabor.errors import PovertyStatusUndetermined, VnlaborTypeError
from vnlabor.l10n import format_date, format_vnd, label, message
from vnlabor.l10n.display import get_display_locale, html_card, repr_line
from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation
from vnlabor.law.parameter import ParameterValue
from vnlabor.law.reason import Reason, reasons_html
from vnlabor.model.household import Household
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.classification import classify
from vnlabor.types import as_date

__all__ = [
    "LOW_INCOME_PARAMETER",
    "LowIncomeAssessment",
    "assess_low_income_worker",
    "is_low_income_worker",
]

LOW_INCOME_PARAMETER = "poverty.low_income_worker.max_income_per_capita"
"""Prefix of the two ceilings; the area's value (``rural``, ``urban``) completes the name."""

_ON_LISTS = frozenset({PovertyStatus.POOR, PovertyStatus.NEAR_POOR})
_OFF_LISTS = frozenset({PovertyStatus.AVERAGE_LIVING_STANDARD, PovertyStatus.NON_POOR})


class LowIncomeAssessment(NamedTuple):
    """Whether a household's members are low-income workers on one day, and why."""

    is_low_income: bool
    """The answer."""
    on: date
    """The day assessed."""
    parameter: str
    """Name of the ceiling parameter applied (its area's)."""
    ceiling: ParameterValue
    """The ceiling in force, with its citation (Decree 30/2025 Art. 1.3)."""
    income: int
    """The household's monthly income per capita, VND."""
    status: PovertyStatus | None
    """The household's status under the standard in force, or ``None`` when the income is
    above the ceiling (then the status cannot change the answer and is not computed)."""

    @property
    def citation(self) -> Citation:
        """The provision applied."""
        return self.ceiling.citation

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The step that decided, with its citation (rendered from the catalogues)."""
        values: dict[str, int | PovertyStatus] = {
            "income_vnd": self.income,
            "ceiling_vnd": self.ceiling.amount,
        }
        if self.is_low_income:
            key = "poverty.reason.low_income_worker"
        elif self.status in _ON_LISTS:
            key = "poverty.reason.low_income_on_lists"
        else:
            key = "poverty.reason.low_income_above_ceiling"
        if self.status is not None:
            values["status"] = self.status
        return (Reason(key=key, values=values, citation=self.citation),)

    def explain(self, locale: str = "vi", law: LawBook | None = None) -> str:
        """The assessment as one sentence with its citation, in ``"vi"`` or ``"en"``."""
        return "\n".join(r.render(locale, law) for r in self.reasons)

    def __repr__(self) -> str:
        income, ceiling = self.income, self.ceiling.amount
        area = self.parameter.rpartition(".")[2]
        status = "" if self.status is None else f", status {self.status.value}"
        return repr_line(
            f"<LowIncomeAssessment {self.on.isoformat()}: low_income={self.is_low_income}; "
            f"{area}, income {income} {'≤' if income <= ceiling else '>'} ceiling {ceiling}"
            f"{status}>"
        )

    def __str__(self) -> str:
        return self.explain(get_display_locale())

    def _repr_html_(self) -> str:
        locale = get_display_locale()
        answer = message("kpi.report.yes" if self.is_low_income else "kpi.report.no", locale)
        fields: list[tuple[str, object]] = [
            (message("display.low_income", locale), answer),
            (message("display.date", locale), format_date(self.on, locale=locale)),
            (message("display.income", locale), format_vnd(self.income, locale=locale)),
            (message("display.ceiling", locale), format_vnd(self.ceiling.amount, locale=locale)),
        ]
        if self.status is not None:
            fields.append((message("display.status", locale), label(self.status, locale)))
        title = message("display.low_income_assessment", locale)
        return html_card(title, fields, [reasons_html(self.reasons, locale)])


def assess_low_income_worker(
    household: Household, *, on: date, law: LawBook | None = None
) -> LowIncomeAssessment:
    """Whether the members of ``household`` are low-income workers on ``on``, with the reason.

    The ceiling of the household's area applies, bound included ("từ … trở xuống"). A
    household above it is not low-income whatever its status. At or below it, the
    household must be neither poor nor near-poor under the standard in force, classified
    with the same law book (so a provincial standard applies).

    Raises:
        TypeError: ``household`` is not a :class:`~vnlabor.Household`.
        ParameterNotInForce: the criterion is not in force on ``on`` (before 24/02/2025,
            or after 2026, when no ceiling is encoded).
        PovertyStatusUndetermined: the household's classification does not decide
            whether it is poor or near-poor (a status other than poor, near-poor,
            average living standard or none of these).
    """
    if household.__class__ is not Household and not isinstance(household, Household):
        shown = (
            f": {household!r}"
            if isinstance(household, int | float) and not isinstance(household, bool)
            else ""
        )
        raise VnlaborTypeError(
            "household phải là một Household (tiêu chí của Nghị định 30/2025/NĐ-CP xét thu "
            "nhập bình quân đầu người của hộ, không xét tiền lương) / household must be a "
            "vnlabor.Household (Decree 30/2025/NĐ-CP tests the household's income per "
            f"capita, not a wage), not {type(household).__name__}{shown}"
        )
    day = as_date(on)
    book = law or national()
    name = f"{LOW_INCOME_PARAMETER}.{household.area.value}"
    ceiling = book.at(name, day)
    income = household.monthly_income_per_capita
    if income > ceiling.amount:
        return LowIncomeAssessment(False, day, name, ceiling, income, None)
    status = classify(household, on=day, law=book).status
    if status in _ON_LISTS:
        return LowIncomeAssessment(False, day, name, ceiling, income, status)
    if status in _OFF_LISTS:
        return LowIncomeAssessment(True, day, name, ceiling, income, status)
    raise PovertyStatusUndetermined(day, status, household.household_id)


def is_low_income_worker(household: Household, *, on: date, law: LawBook | None = None) -> bool:
    """Whether the members of ``household`` are low-income workers on ``on``.

    True iff the household is neither poor nor near-poor under the standard in force and
    its monthly income per capita is at or below its area's ceiling (2,250,000 VND rural,
    3,000,000 VND urban; Decree 30/2025/NĐ-CP Art. 1.3). See
    :func:`assess_low_income_worker` for the reason and the errors.

    Raises:
        TypeError: ``household`` is not a :class:`~vnlabor.Household`.
        ParameterNotInForce: the criterion is not in force on ``on``.
        PovertyStatusUndetermined: the household's status cannot be decided.
    """
    return assess_low_income_worker(household, on=on, law=law).is_low_income
