"""Newly escaped households (*hộ mới thoát nghèo*): the window after leaving the lists.

A household counts as newly escaped for a window of months (36, law parameter
``poverty.newly_escaped.window_months``) from the commune decision that removed it from
the poor **or near-poor** list. The window is a credit rule: Decision 28/2015/QĐ-TTg
Art. 2 lends to households that left the lists "for a maximum of 3 years" (*tối đa 3
năm*). No programme instrument states a window (Decision 90/QĐ-TTg and Circular
55/2023 use the term without one), so vnlabor applies the credit rule to the programmes
by analogy, tagged P; :func:`explain_newly_escaped` and the programme decisions that rely
on the window say so.

The window is counted by the Civil Code (Law 91/2015/QH13): it starts the day after the
decision (Art. 147) and ends at the end of the same-numbered day of the last month, or
of that month's last day when it has no such day (Art. 148). So a household recognised
on 20/12/2022 is newly escaped through 20/12/2025; one recognised on 29/02/2020 through
28/02/2023. On the day of the decision itself the household has already left the list,
so it counts from that day.

>>> from datetime import date
>>> is_newly_escaped(escaped_on=date(2022, 12, 20), on=date(2025, 12, 20))
True
>>> is_newly_escaped(escaped_on=date(2022, 12, 20), on=date(2025, 12, 21))
False
>>> newly_escaped_until(date(2020, 2, 29))
datetime.date(2023, 2, 28)
>>> text = explain_newly_escaped(escaped_on=date(2022, 12, 20), on=date(2025, 12, 21),
...                              locale="en")
>>> text.splitlines()[0]  # doctest: +ELLIPSIS
'Not newly escaped on 21/12/2025: left the lists on 20/12/2022; the 36-month window ran ...'
>>> "by analogy" in text, text.endswith("Art. 2 [P: not fully confirmed])")
(True, True)
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from vnlabor.l10n import format_date, message
from vnlabor.law.book import LawBook, national
from vnlabor.law.parameter import ParameterValue
from vnlabor.law.reason import Reason
from vnlabor.types import as_date

__all__ = [
    "WINDOW_PARAMETER",
    "explain_newly_escaped",
    "is_newly_escaped",
    "months_after",
    "newly_escaped_until",
    "window_reason",
]

WINDOW_PARAMETER = "poverty.newly_escaped.window_months"
"""Name of the law parameter holding the window, in months."""


def months_after(start: date, months: int) -> date:
    """Last day of a period of ``months`` months counted from ``start`` (Civil Code 147-148).

    ``relativedelta`` clamps to the month's last day, as Art. 148 requires.

    >>> months_after(date(2021, 8, 31), 36), months_after(date(2024, 1, 31), 1)
    (datetime.date(2024, 8, 31), datetime.date(2024, 2, 29))
    """
    return start + relativedelta(months=months)


def newly_escaped_until(escaped_on: date, law: LawBook | None = None) -> date:
    """Last day on which a household that left the lists on ``escaped_on`` is newly escaped.

    The window in force on ``escaped_on`` applies.
    """
    escaped_on = as_date(escaped_on, "escaped_on")
    months = (law or national()).amount(WINDOW_PARAMETER, escaped_on)
    return months_after(escaped_on, months)


def is_newly_escaped(*, escaped_on: date, on: date, law: LawBook | None = None) -> bool:
    """Whether a household removed from the poor or near-poor list on ``escaped_on``
    is still newly escaped on ``on``.

    The window is a credit rule applied to programmes by analogy (P): see
    :func:`explain_newly_escaped` for the answer in words, with its citation.
    """  # noqa: D205
    start, day = as_date(escaped_on, "escaped_on"), as_date(on)
    return start <= day <= newly_escaped_until(start, law)


def window_reason(window: ParameterValue) -> Reason:
    """The reason every use of the window gives: its length, and that it is a credit
    rule (Decision 28/2015/QĐ-TTg Art. 2) applied to programmes by analogy.
    """  # noqa: D205
    return Reason(
        key="poverty.reason.newly_escaped_window",
        values={"months": window.amount},
        citation=window.citation,
    )


def explain_newly_escaped(
    *, escaped_on: date, on: date, locale: str = "vi", law: LawBook | None = None
) -> str:
    """:func:`is_newly_escaped` in words (``"vi"`` or ``"en"``), with the window's source."""
    start, day = as_date(escaped_on, "escaped_on"), as_date(on)
    book = law or national()
    window = book.at(WINDOW_PARAMETER, start)
    last = months_after(start, window.amount)
    key = (
        "poverty.explain.newly_escaped"
        if start <= day <= last
        else "poverty.explain.not_newly_escaped"
    )
    head = message(
        key,
        locale,
        on=format_date(day, locale=locale),
        escaped_on=format_date(start, locale=locale),
        months=window.amount,
        last=format_date(last, locale=locale),
    )
    return f"{head}\n- {window_reason(window).render(locale, book)}"
