"""``vnlabor demo``: classify the bundled sample households and print a KPI report."""

from __future__ import annotations

from collections import Counter
from datetime import date
from fractions import Fraction
from importlib import resources

from vnlabor import kpi
from vnlabor.io import read_households
from vnlabor.l10n import format_date, format_number, format_percent, label, message
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty import classify_many

__all__ = ["run_demo"]


def run_demo(on: date, locale: str) -> int:
    """Print each sample household's explanation, then the report; the exit status."""
    source = resources.files("vnlabor.sample_data") / "households.csv"
    with resources.as_file(source) as path:
        table = read_households(path)
    results = classify_many(table.households, on=on)
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
    return 0
