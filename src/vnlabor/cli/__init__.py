"""Command line: ``vnlabor demo``, ``classify``, ``law`` and ``schema``.

``demo`` classifies the bundled sample households and prints a KPI report.

``law --on DATE [--overlay KEY]`` lists every legal parameter in force on a date with
its value, instrument, article and confidence (a provincial overlay on request).

``schema MODEL`` prints the JSON Schema of a record (``Household``, ``Trainee``…).

``classify`` reads a household table from a CSV file or an ``.xlsx`` workbook
(``--sheet NAME``; default: the active sheet) and writes ``household_id`` and
``status`` for every valid row to ``--output``, a CSV file or, for ``.xlsx``, a
workbook (workbooks need ``pip install "vnlabor[excel]"``).

Exit status: 0 when every row was valid, 1 when some rows were rejected (each
reported on standard error as ``line N: reason`` for CSV input, ``row N: reason`` for
a workbook), 2 for unusable arguments or an unreadable table.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from datetime import date
from fractions import Fraction
from importlib import resources
from pathlib import Path

__all__ = ["main"]


def _date(text: str) -> date:
    from vnlabor.l10n import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="vnlabor",
        description="Vietnam's poverty standards, support programmes and KPIs.",
    )
    sub = p.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="classify the bundled sample households and report")
    demo.add_argument(
        "--on", type=_date, default=date(2024, 3, 1), help="date (default 2024-03-01)"
    )
    demo.add_argument("--locale", choices=("vi", "en"), default="vi")
    cl = sub.add_parser("classify", help="classify a household table (CSV or .xlsx)")
    cl.add_argument("households", type=Path, help="CSV or .xlsx file with household columns")
    cl.add_argument("--on", type=_date, required=True, help="date: YYYY-MM-DD or dd/mm/yyyy")
    cl.add_argument("--output", type=Path, required=True, help="output file: .csv or .xlsx")
    cl.add_argument("--sheet", help="sheet of an .xlsx input (default: the active sheet)")
    law = sub.add_parser("law", help="legal parameters in force on a date, with citations")
    law.add_argument("--on", type=_date, required=True, help="date: YYYY-MM-DD or dd/mm/yyyy")
    law.add_argument("--overlay", action="append", default=[], help="bundled overlay key")
    law.add_argument("--locale", choices=("vi", "en"), default="vi")
    sc = sub.add_parser("schema", help="JSON Schema of a record type")
    sc.add_argument("model", help="record type, e.g. Household, Trainee, JobFairSession")
    sc.add_argument("--mode", choices=("validation", "serialization"), default="validation")
    return p


def _law(on: date, overlays: Sequence[str], locale: str) -> int:
    from vnlabor.l10n import format_date
    from vnlabor.law import bundled_overlay, national
    from vnlabor.law.catalogue import confidence_text, render_value

    try:
        book = national()
        for key in overlays:
            book = book.with_overlay(bundled_overlay(key))
    except (KeyError, ValueError) as exc:
        print(f"vnlabor: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 2
    print(f"{format_date(on, locale=locale)}{' + ' + ', '.join(book.overlays) if overlays else ''}")
    for parameter in book:
        found = parameter.find(on)
        if found is None:
            continue
        value = render_value(found.value, parameter.unit, locale)
        source = book.cite(found.citation, locale)
        sure = confidence_text(found.citation.confidence, locale)
        print(f"{parameter.name} = {value}\n    {source} — {sure}")
    return 0


def _schema(name: str, mode: str) -> int:
    import json

    import vnlabor
    from vnlabor.model.base import VnlaborModel

    model = getattr(vnlabor, name, None)
    if not (isinstance(model, type) and issubclass(model, VnlaborModel)):
        known = sorted(
            n
            for n in vnlabor.__all__
            if isinstance(getattr(vnlabor, n), type)
            and issubclass(getattr(vnlabor, n), VnlaborModel)
        )
        print(f"vnlabor: no record type {name!r}; one of: {', '.join(known)}", file=sys.stderr)
        return 2
    schema = model.model_json_schema(mode=mode)  # type: ignore[arg-type]
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0


def _classify_file(path: Path, on: date, output: Path, sheet: str | None) -> int:
    from vnlabor.errors import NoStandardInForce
    from vnlabor.io import read_households, write_table
    from vnlabor.poverty import classify_many

    try:
        table = read_households(path, sheet=sheet)
        results = classify_many(table.households, on=on)
        write_table(
            output,
            ["household_id", "status"],
            (
                [hh.household_id or "", c.status.value]
                for hh, c in zip(table.households, results, strict=True)
            ),
            sheet="status",
        )
    except (OSError, ValueError, ImportError, NoStandardInForce) as exc:
        print(f"vnlabor: {exc}", file=sys.stderr)
        return 2
    if table.ignored_columns:
        names = ", ".join(repr(c) for c in table.ignored_columns)
        print(f"vnlabor: cột bị bỏ qua / ignored columns: {names}", file=sys.stderr)
    for err in table.errors:
        print(err, file=sys.stderr)
    return 1 if table.errors else 0


def _demo(on: date, locale: str) -> int:
    from vnlabor import kpi
    from vnlabor.io import read_households
    from vnlabor.l10n import format_date, format_number, format_percent, label, message
    from vnlabor.model.poverty_status import PovertyStatus
    from vnlabor.poverty import classify_many

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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    try:
        if args.command == "demo":
            return _demo(args.on, args.locale)
        if args.command == "law":
            return _law(args.on, args.overlay, args.locale)
        if args.command == "schema":
            return _schema(args.model, args.mode)
        return _classify_file(args.households, args.on, args.output, args.sheet)
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stderr.close()
        return 0
