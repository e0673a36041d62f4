"""``vnlabor demo``: classify the bundled sample households and print a KPI report.

The households are the demo's twelve (:func:`vnlabor.datasets.sample_households`); the
training and job-exchange indicators are counted on the synthetic commune's 900
trainees and its sessions (:mod:`vnlabor.datasets`), so their rates mean something.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from fractions import Fraction

from vnlabor import datasets, kpi
from vnlabor.l10n import format_date, format_number, format_percent, label, message
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty import classify_many

__all__ = ["run_demo"]


def run_demo(on: date, locale: str) -> int:
    """Print each sample household's explanation, then the report; the exit status."""
    results = classify_many(datasets.sample_households(), on=on)
    for c in results:
        print(f"== {c.household.household_id}")
        print(c.explain(locale))

    def share(ratio: kpi.Ratio) -> str:
        value = ratio.value
        shown = "—" if value is None else format_percent(value, locale=locale)
        return f"{shown} ({ratio.numerator}/{ratio.denominator})"

    print()
    day = format_date(on, locale=locale)
    print(message("cli.demo.report", locale, date=day, count=len(results)))
    counts = Counter(c.status for c in results)
    shown = [s for s in PovertyStatus if counts[s] or s is not PovertyStatus.UNDETERMINED]
    print("  " + "; ".join(f"{label(s, locale)} {counts[s]}" for s in shown))
    for indicator in (kpi.poverty_rate, kpi.near_poor_rate):
        result = indicator(results, by="area")
        assert isinstance(result.value, kpi.Ratio)
        assert result.breakdown is not None
        groups = "; ".join(
            f"{label(g.key, locale)} {share(g.ratio)}" for g in result.breakdown.groups
        )
        print(f"  {result.name(locale)}: {share(result.value)} — {groups}")

    def percent(value: Fraction | None) -> str:
        return "—" if value is None else format_percent(value, locale=locale)

    af = kpi.alkire_foster(results)
    print(
        "  "
        + message(
            "cli.demo.measures",
            locale,
            gap=percent(kpi.poverty_gap(results)),
            severity=percent(kpi.poverty_severity(results)),
        )
    )
    print(
        "  "
        + message(
            "cli.demo.alkire_foster",
            locale,
            h=percent(af.headcount),
            a=percent(af.intensity),
            m0="—"
            if af.adjusted_headcount is None
            else format_number(af.adjusted_headcount, digits=4, locale=locale),
        )
    )
    _programmes(locale)
    return 0


def _programmes(locale: str) -> None:
    """The training and job-exchange indicators of the synthetic commune, 2024-2025."""
    enrolments = datasets.enrolments()
    print()
    print(message("cli.demo.commune", locale, trainees=len(enrolments)))
    results = [
        kpi.share_employed_after_training(enrolments, datasets.training_outcomes()),
        kpi.agricultural_training_share(enrolments),
        kpi.job_exchange_sessions(datasets.job_fair_sessions()),
        kpi.job_exchange_attendance(datasets.job_fair_sessions()),
    ]
    for result in results:
        print("  " + result.explain(locale).splitlines()[0])
