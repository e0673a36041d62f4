"""Support programmes: eligibility and support amounts that explain themselves.

Every rule has one shape (:class:`Rule`, :class:`ClaimRule`: a subject, perhaps a claim,
``on=`` a date and ``law=`` a book) and returns a :class:`Decision` (outcome, category,
itemised amounts, parameters, reasons and citations); :func:`is_eligible` is the
never-raising predicate and :class:`Budget` totals many decisions. The rules are written
on one skeleton, :mod:`vnlabor.programmes.rule`.

* :func:`training_support`: elementary and under-3-month training.
* :func:`abroad_support`: working abroad under contract (Circular 55/2023).
* :func:`abroad_loan`: loans to work abroad (Decree 61/2015, as amended by Decree
  74/2019).
* :func:`abroad_support_employment_law`: working abroad under contract, the
  Employment-Law route (Joint Circular 09/2016).
* :func:`job_connection_support`, :func:`counsellor_fees`: sustainable employment.

References:
    * Quyết định 46/2015/QĐ-TTg; Thông tư 152/2016/TT-BTC.
    * Thông tư 55/2023/TT-BTC, Điều 24-25, 68-69, 72.
    * Luật 69/2020/QH14; Nghị định 61/2015/NĐ-CP; Nghị định 74/2019/NĐ-CP.
    * Luật Việc làm 38/2013/QH13, Điều 20; Thông tư liên tịch 09/2016/TTLT-BLĐTBXH-BTC.
    * Quyết định 69/2024/QĐ-UBND của UBND thành phố Hà Nội (overlay ``hanoi-69-2024``).
"""

from vnlabor.programmes.abroad import AbroadCosts, AbroadTier, abroad_group, abroad_support
from vnlabor.programmes.abroad_employment_law import (
    abroad_support_employment_law,
    employment_law_groups,
)
from vnlabor.programmes.budget import Budget, BudgetLine
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
from vnlabor.programmes.decision import (
    AbroadDecision,
    AbroadEmploymentLawDecision,
    AnyDecision,
    CounsellorDecision,
    Decision,
    JobConnectionDecision,
    LoanDecision,
    ParameterUse,
    SupportItem,
    TrainingDecision,
)
from vnlabor.programmes.employment import (
    CounsellorMonth,
    JobPlacement,
    counsellor_fees,
    job_connection_support,
)
from vnlabor.programmes.loans import abroad_loan
from vnlabor.programmes.rule import ClaimRule, Rule, check_distance, is_eligible
from vnlabor.programmes.training import training_categories, training_support

__all__ = [
    "AbroadCosts",
    "AbroadDecision",
    "AbroadEmploymentLawDecision",
    "AbroadGroup",
    "AbroadTier",
    "AnyDecision",
    "Budget",
    "BudgetLine",
    "ClaimRule",
    "CounsellorDecision",
    "CounsellorMonth",
    "Decision",
    "EmploymentLawGroup",
    "JobConnectionDecision",
    "JobPlacement",
    "Lender",
    "LoanDecision",
    "Outcome",
    "ParameterUse",
    "Programme",
    "Rule",
    "SupportItem",
    "SupportKind",
    "SupportUnit",
    "TrainingCategory",
    "TrainingDecision",
    "abroad_group",
    "abroad_loan",
    "abroad_support",
    "abroad_support_employment_law",
    "check_distance",
    "counsellor_fees",
    "employment_law_groups",
    "is_eligible",
    "job_connection_support",
    "training_categories",
    "training_support",
]
