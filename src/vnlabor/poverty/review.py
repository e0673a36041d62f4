"""The annual review (*rà soát hộ nghèo, hộ cận nghèo hằng năm*) and who counts as a
low-income worker.

The lists of year Y come from the review held in the last months of Y−1, inside the
window the review procedure sets (01/09 to 14/12 under Decision 24/2021/QĐ-TTg). A
low-income worker (*người lao động có thu nhập thấp*, Decree 30/2025/NĐ-CP) earns at
most the amount in ``poverty.low_income_worker.max_monthly_income``.

>>> review_window(2023)
(datetime.date(2022, 9, 1), datetime.date(2022, 12, 14))
>>> june = date(2025, 6, 1)
>>> is_low_income_worker(3_000_000, on=june), is_low_income_worker(3_000_001, on=june)
(True, False)
"""  # noqa: D205

from __future__ import annotations

from datetime import date

from vnlabor.law.book import LawBook, national
from vnlabor.types import as_date

__all__ = ["is_low_income_worker", "review_window"]

WINDOW_PARAMETER = "poverty.review.window"
LOW_INCOME_PARAMETER = "poverty.low_income_worker.max_monthly_income"


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


def is_low_income_worker(monthly_income: int, *, on: date, law: LawBook | None = None) -> bool:
    """Whether a worker earning ``monthly_income`` đồng a month is a low-income worker.

    The bound is inclusive ("từ … trở xuống").

    Raises:
        TypeError: ``monthly_income`` is not an ``int`` (money is exact, never a float).
        ParameterNotInForce: before the criterion exists (24/02/2025).
    """
    if isinstance(monthly_income, bool) or not isinstance(monthly_income, int):
        raise TypeError(
            "thu nhập phải là số đồng nguyên / monthly_income must be whole đồng (int), "
            f"not {type(monthly_income).__name__}: {monthly_income!r}"
        )
    cap = (law or national()).amount(LOW_INCOME_PARAMETER, as_date(on))
    return monthly_income <= cap
