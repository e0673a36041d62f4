"""The function computing each packaged indicator, by its definition key."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

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
from vnlabor.kpi.indicators.poverty import near_poor_rate, poverty_rate, poverty_rate_reduction
from vnlabor.kpi.indicators.training import (
    agricultural_training_share,
    share_connected_after_training,
    share_employed_after_training,
    trained_worker_share,
    trained_worker_share_certified,
)
from vnlabor.kpi.result import KpiResult

__all__ = ["KPI_FUNCTIONS"]

KPI_FUNCTIONS: Mapping[str, Callable[..., KpiResult]] = MappingProxyType(
    {
        "share_employed_after_training": share_employed_after_training,
        "poverty_rate": poverty_rate,
        "near_poor_rate": near_poor_rate,
        "poverty_rate_reduction": poverty_rate_reduction,
        "trained_worker_share": trained_worker_share,
        "trained_worker_share_certified": trained_worker_share_certified,
        "successful_job_connections": successful_job_connections,
        "share_connected_after_training": share_connected_after_training,
        "departures_abroad": departures_abroad,
        "new_jobs": new_jobs,
        "job_exchange_sessions": job_exchange_sessions,
        "job_exchange_attendance": job_exchange_attendance,
        "agricultural_training_share": agricultural_training_share,
        "counselling_contacts": counselling_contacts,
        "counselling_conferences": counselling_conferences,
        "overseas_support_cases": overseas_support_cases,
        "overseas_support_amount": overseas_support_amount,
    }
)
"""The function computing each packaged indicator, by definition key."""
