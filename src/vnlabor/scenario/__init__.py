"""Scenarios: who changes status when the standard changes, and what it costs.

``compare(households, base=..., reform=...)`` classifies the same households under two
scenarios (two dates, two list years, or the law and a reform made with
:meth:`vnlabor.law.LawBook.with_changes`) and returns a :class:`Comparison`: the
transition matrix (:attr:`Comparison.matrix`), the households that moved and why
(:attr:`Comparison.moved`, :attr:`Comparison.moves`), totals by area and province, the
change of every poverty measure, the groups programmes pay for and the budget
difference at given unit amounts (:meth:`Comparison.costs`), an explanation in
Vietnamese or English and a plot.

``households`` is a list of :class:`~vnlabor.Household` or a table (pandas DataFrame,
pyarrow Table, mapping of columns) read as :func:`vnlabor.batch.classify` reads it.
Tables and the matrix need pandas (``pip install "vnlabor[pandas]"``); the plot needs
matplotlib (``vnlabor[plot]``).

>>> from datetime import date
>>> import vnlabor as vl
>>> from vnlabor import scenario
>>> hh = [vl.Household(area="urban", monthly_income_per_capita=2_500_000,
...                    deprivations=["nutrition", "employment", "dependants"])]
>>> r = scenario.compare(hh, base=date(2026, 6, 1), reform=date(2027, 6, 1))
>>> r.matrix.loc["average_living_standard", "poor"], len(r.moved)
(np.int64(1), 1)
"""

from vnlabor.scenario.comparison import STATUSES, Comparison, compare
from vnlabor.scenario.costs import CostLine, Costs, Group, GroupSize, Per, UnitAmount
from vnlabor.scenario.moves import Move, MoveCause
from vnlabor.scenario.side import Scenario, Side

__all__ = [
    "STATUSES",
    "Comparison",
    "CostLine",
    "Costs",
    "Group",
    "GroupSize",
    "Move",
    "MoveCause",
    "Per",
    "Scenario",
    "Side",
    "UnitAmount",
    "compare",
]
