"""Poverty: standards in force by date, deprivations assessed from facts, classification,
review scores, status history.
"""  # noqa: D205

from vnlabor.law.reason import Reason
from vnlabor.poverty.assessment import (
    DeprivationAssessment,
    Fact,
    IndicatorAssessment,
    IndicatorOutcome,
    assess_deprivations,
    review_reference_date,
)
from vnlabor.poverty.classification import Classification, classify, classify_many
from vnlabor.poverty.history import StatusHistory, StatusRecord
from vnlabor.poverty.indicator_rules import IndicatorRule
from vnlabor.poverty.low_income import (
    LowIncomeAssessment,
    assess_low_income_worker,
    is_low_income_worker,
)
from vnlabor.poverty.newly_escaped import (
    explain_newly_escaped,
    is_newly_escaped,
    months_after,
    newly_escaped_until,
)
from vnlabor.poverty.review import review_window
from vnlabor.poverty.rule import Band, build_bands, match_band, status_of
from vnlabor.poverty.scores import ReviewScores, ScoreClassification, classify_scores
from vnlabor.poverty.standard import (
    IndicatorDefinition,
    PovertyStandard,
    covered_range,
    standard_for_list_year,
    standard_in_force,
)

__all__ = [
    "Band",
    "Classification",
    "DeprivationAssessment",
    "Fact",
    "IndicatorAssessment",
    "IndicatorDefinition",
    "IndicatorOutcome",
    "IndicatorRule",
    "LowIncomeAssessment",
    "PovertyStandard",
    "Reason",
    "ReviewScores",
    "ScoreClassification",
    "StatusHistory",
    "StatusRecord",
    "assess_deprivations",
    "assess_low_income_worker",
    "build_bands",
    "classify",
    "classify_many",
    "classify_scores",
    "covered_range",
    "explain_newly_escaped",
    "is_low_income_worker",
    "is_newly_escaped",
    "match_band",
    "months_after",
    "newly_escaped_until",
    "review_reference_date",
    "review_window",
    "standard_for_list_year",
    "standard_in_force",
    "status_of",
]
