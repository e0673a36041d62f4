"""Classification from the review scores of Circular 07/2021/TT-BLĐTBXH.

Field reviews do not measure income directly: an income-proxy score (form B1, annex
III) stands in for it, 140 points rural / 175 urban matching the income lines, and the
deprivation score (form B2, annex IV) is 10 points per deprived indicator. The same
decision table as :mod:`vnlabor.poverty.classification` applies, with the score line
as the ceiling — so both paths give the same statuses for households whose scores
match their income. Scores carry no average-living-standard band: a household above
the score line is ``NON_POOR`` here (that class needs the income itself).

>>> from datetime import date
>>> from vnlabor import Area
>>> classify_scores(ReviewScores(area=Area.RURAL, income_score=140, deprivation_score=30),
...                 on=date(2024, 3, 1)).status
<PovertyStatus.POOR: 'poor'>
"""

from __future__ import annotations

from datetime import date

from pydantic import Field

from vnlabor.base.model import VnlaborModel
from vnlabor.errors import NoStandardInForce
from vnlabor.law.book import LawBook, national
from vnlabor.law.parameter import format_range
from vnlabor.model.area import Area
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.rule import build_bands, status_of
from vnlabor.poverty.standard import PovertyStandard, standard_in_force

__all__ = ["ReviewScores", "ScoreClassification", "classify_scores"]

_LINE = "poverty.review_score.income_proxy_line."
_POINTS = "poverty.review_score.points_per_deprivation"


class ReviewScores(VnlaborModel):
    """A household's scores from the review forms."""

    area: Area
    """Rural or urban."""
    income_score: int = Field(ge=0)
    """Income-proxy score (*điểm B1*, annex III)."""
    deprivation_score: int = Field(ge=0)
    """Deprivation score (*điểm B2*, annex IV): points per deprived indicator."""


class ScoreClassification(VnlaborModel):
    """Status decided from review scores."""

    scores: ReviewScores
    """The scores."""
    standard: PovertyStandard
    """The standard the scores operationalise."""
    income_score_line: int
    """Highest income-proxy score of a poor or near-poor household in the area."""
    deprivation_count: int
    """Deprived indicators implied by the deprivation score."""
    status: PovertyStatus
    """Poor, near-poor, or ``NON_POOR`` above the score line."""


def classify_scores(
    scores: ReviewScores, on: date, law: LawBook | None = None
) -> ScoreClassification:
    """Classify from review scores under the standard and score lines in force on ``on``.

    Raises:
        NoStandardInForce: no score lines are encoded for ``on``.
        ValueError: the deprivation score is not a whole number of indicators, or
            exceeds what the standard's indicators allow.
    """
    book = law or national()
    standard = standard_in_force(on, book)
    found = book.find(_LINE + scores.area.value, on)
    if found is None:
        p = book.parameter(_LINE + scores.area.value)
        raise NoStandardInForce(on, format_range(p.covers_from, p.covers_to))
    line = book.amount(_LINE + scores.area.value, on)
    points = book.amount(_POINTS, on)
    count, rest = divmod(scores.deprivation_score, points)
    if rest or count > len(standard.indicators):
        raise ValueError(
            f"điểm thiếu hụt {scores.deprivation_score} không hợp lệ / deprivation score "
            f"{scores.deprivation_score} is not a multiple of {points} up to "
            f"{points * len(standard.indicators)}"
        )
    bands = build_bands(line, standard.deprivation_cutoff, None, None)
    return ScoreClassification(
        scores=scores,
        standard=standard,
        income_score_line=line,
        deprivation_count=count,
        status=status_of(scores.income_score, count, bands),
    )
