"""Command line: ``vnlabor demo``, ``classify``, ``law`` and ``schema``.

``demo`` classifies the bundled sample households and prints a KPI report.

``law --on DATE [--overlay KEY]`` lists every legal parameter in force on a date with
its value, instrument, article and confidence (a provincial overlay on request).

``schema MODEL`` prints the JSON Schema of a record (``Household``, ``Trainee``…).

``classify`` reads a household table from a CSV file (``,``, ``;`` or tab; UTF-8 or
UTF-16), an ``.xlsx`` workbook (``--sheet NAME``; default: the active sheet) or a
Parquet file, and writes ``household_id``, the row's ``line`` (``row`` for a
workbook, ``index`` for Parquet) and ``status`` for every valid row to ``--output``:
``.csv``, ``.xlsx``, ``.parquet`` or ``.jsonl`` by its suffix, or ``-`` for standard
output (CSV, or ``--format jsonl``). ``--explain`` adds each household's explanation
(``--locale vi|en``). It runs on the batch engine, block by block, so a file of any
size is classified in bounded memory; it needs numpy (``pip install "vnlabor[cli]"``,
which brings pyarrow for Parquet and tqdm for the progress bar too). A progress bar
shows on standard error when it is a terminal and the run lasts over a second
(``--quiet`` silences it and the closing summary line: rows read, classified,
rejected, count per status). The output is written atomically, and never over the
input (that is refused).

Exit status: 0 when every row was valid, 1 when some rows were rejected (each
reported on standard error as ``line N: reason`` for CSV input, ``row N: reason`` for
a workbook), 2 for unusable arguments or an unreadable table (a missing dependency
included), 3 for an internal error (a bug: please report it).
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


def _output(text: str) -> str:
    if text == "-":
        return text
    from vnlabor.io.writers import format_of

    try:
        format_of(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return text


def _parser() -> argparse.ArgumentParser:
    from vnlabor import __version__

    p = argparse.ArgumentParser(
        prog="vnlabor",
        description="Vietnam's poverty standards, support programmes and KPIs.",
    )
    p.add_argument("--version", action="version", version=f"vnlabor {__version__}")
    sub = p.add_subparsers(dest="command", required=True)
    demo = sub.add_parser("demo", help="classify the bundled sample households and report")
    demo.add_argument(
        "--on", type=_date, default=date(2024, 3, 1), help="date (default 2024-03-01)"
    )
    demo.add_argument("--locale", choices=("vi", "en"), default="vi", help="language (vi, en)")
    cl = sub.add_parser("classify", help="classify a household table (CSV, .xlsx or .parquet)")
    cl.add_argument(
        "households", type=Path, help="CSV, .xlsx or .parquet file with household columns"
    )
    when = cl.add_mutually_exclusive_group(required=True)
    when.add_argument("--on", type=_date, help="date: YYYY-MM-DD or dd/mm/yyyy")
    when.add_argument(
        "--list-year", type=int, help="instead of --on: the year of the poor/near-poor lists"
    )
    cl.add_argument(
        "--output",
        type=_output,
        required=True,
        help="output file: .csv, .xlsx, .parquet or .jsonl, or - for standard output",
    )
    cl.add_argument(
        "--format", choices=("csv", "jsonl"), help="format of standard output (default csv)"
    )
    cl.add_argument("--sheet", help="sheet of an .xlsx input (default: the active sheet)")
    cl.add_argument("--explain", action="store_true", help="add each household's explanation")
    cl.add_argument(
        "--locale", choices=("vi", "en"), default="vi", help="language of --explain and the summary"
    )
    cl.add_argument("--quiet", action="store_true", help="no progress bar and no summary line")
    cl.add_argument(
        "--ignore-unknown-columns",
        action="store_true",
        help="ignore a column that looks like a mistyped name instead of stopping",
    )
    cl.add_argument(
        "--reveal",
        action="append",
        default=[],
        metavar="COLUMN",
        help="write this column's citizen IDs unmasked (e.g. household_id)",
    )
    law = sub.add_parser("law", help="legal parameters in force on a date, with citations")
    law.add_argument("--on", type=_date, required=True, help="date: YYYY-MM-DD or dd/mm/yyyy")
    law.add_argument("--overlay", action="append", default=[], help="bundled overlay key")
    law.add_argument("--locale", choices=("vi", "en"), default="vi", help="language (vi, en)")
    sc = sub.add_parser("schema", help="JSON Schema of a record type")
    sc.add_argument("model", help="record type, e.g. Household, Trainee, JobFairSession")
    sc.add_argument(
        "--mode",
        choices=("validation", "serialization"),
        default="validation",
        help="the input side (validation) or the output side (serialization)",
    )
    return p


def _law(on: date, overlays: Sequence[str], locale: str) -> int:
    from vnlabor.catalogue import confidence_text, render_value
    from vnlabor.l10n import format_date
    from vnlabor.law import bundled_overlay, national

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
    from vnlabor.base.model import VnlaborModel

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
    """Run the command line; returns the exit status (0, 1, 2 or 3: see the module)."""
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
        from vnlabor.cli.classify import ClassifyOptions, parse_reveal, run_classify

        if args.format is not None and args.output != "-":
            print(
                "vnlabor: --format is for --output - (a file's suffix gives its format)",
                file=sys.stderr,
            )
            return 2
        return run_classify(
            ClassifyOptions(
                households=args.households,
                output=args.output,
                on=args.on,
                list_year=args.list_year,
                sheet=args.sheet,
                output_format=args.format,
                explain=args.explain,
                locale=args.locale,
                quiet=args.quiet,
                ignore_unknown_columns=args.ignore_unknown_columns,
                reveal=parse_reveal(args.reveal),
            )
        )
    except BrokenPipeError:  # output piped into `head` and the like: stop quietly
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        return 130
    except Exception:
        import traceback

        traceback.print_exc()
        print(
            "vnlabor: lỗi nội bộ / internal error (a bug in vnlabor: please report it with "
            "the message above)",
            file=sys.stderr,
        )
        return 3
