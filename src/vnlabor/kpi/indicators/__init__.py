"""Named KPIs computed from programme records, each returned with its definition.

Every function takes records (enrolments, outcomes, sessions, departures …), an
optional period or date range to filter them by date, and an optional target; it
returns a :class:`vnlabor.kpi.KpiResult` holding the value (a :class:`Ratio`, a count, an average
or :class:`PercentagePoints`), the definition with its citations, the target and
whether it is met, and how many records lacked the data to be counted (``missing``:
unknown is reported, never silently read as zero).

The indicators are grouped by domain: :mod:`~vnlabor.kpi.indicators.training`,
:mod:`~vnlabor.kpi.indicators.poverty`, :mod:`~vnlabor.kpi.indicators.employment` and
:mod:`~vnlabor.kpi.indicators.abroad`; :data:`KPI_FUNCTIONS` finds each by its
definition key (:mod:`~vnlabor.kpi.indicators.registry`).

>>> from datetime import date
>>> from vnlabor.model.period import ReportingPeriod
>>> from vnlabor.kpi.target import Target
>>> from vnlabor.model.departure import Departure
>>> done = [Departure(worker_id=f"w{i}", market="japan", departed_on=date(2020, 9, 1))
...         for i in range(57)]
>>> year = ReportingPeriod.calendar_year(2020)
>>> r = departures_abroad(done, period=year, target=Target.count(150))
>>> r.value, r.met, r.attainment.ratio, r.attainment.shortfall
(57, False, Fraction(19, 50), Fraction(93, 1))
>>> r.definition.name("en")
'Workers departing to work abroad under contract'
"""

from vnlabor.kpi.indicators.abroad import (
    departures_abroad,
    overseas_support_amount,
    overseas_support_cases,
)
from vnlabor.kpi.indicators.employment import (
    counselling_conferences,
    counselling_contacts,
    job_exchange_attendance,
    job_exchange_sessions,
    new_jobs,
    successful_job_connections,
)
from vnlabor.kpi.indicators.poverty import (
    HasStatus,
    near_poor_rate,
    poverty_rate,
    poverty_rate_reduction,
)
from vnlabor.kpi.indicators.registry import KPI_FUNCTIONS
from vnlabor.kpi.indicators.training import (
    agricultural_training_share,
    share_connected_after_training,
    share_employed_after_training,
    trained_worker_share,
    trained_worker_share_certified,
)

__all__ = [
    "KPI_FUNCTIONS",
    "HasStatus",
    "agricultural_training_share",
    "counselling_conferences",
    "counselling_contacts",
    "departures_abroad",
    "job_exchange_attendance",
    "job_exchange_sessions",
    "near_poor_rate",
    "new_jobs",
    "overseas_support_amount",
    "overseas_support_cases",
    "poverty_rate",
    "poverty_rate_reduction",
    "share_connected_after_training",
    "share_employed_after_training",
    "successful_job_connections",
    "trained_worker_share",
    "trained_worker_share_certified",
]
