"""The annual review (*rà soát hộ nghèo, hộ cận nghèo hằng năm*): when it is held.

The lists of year Y come from the review held in the last months of Y−1, inside the
window the review procedure sets (01/09 to 14/12 under Decision 24/2021/QĐ-TTg).

>>> review_window(2023)
(datetime.date(2022, 9, 1), datetime.date(2022, 12, 14))
"""

from __future__ import annotations

from datetime import date

from vnlabor.law.book import LawBook, national

__all__ = ["WINDOW_PARAMETER", "review_window"]

WINDOW_PARAMETER = "poverty.review.window"


def review_window(list_year: int, law: LawBook | None = None) -> tuple[date, date]:
    """First and last day of the review that sets the poor and near-poor lists of ``list_year``.

    Raises:
        ParameterNotInForce: no review procedure is encoded for that year's review.
    """
    # The procedure in force at the end of the review year (it may start mid-year).
    pv = (law or national()).at(WINDOW_PARAMETER, date(list_year - 1, 12, 31))
    first, last = (
        date(list_year - 1, int(month), int(day))
        for month, day in (code.split("-") for code in pv.value)  # type: ignore[union-attr]
    )
    return first, last
