"""The ``vnlabor`` command: its argument parser, and :func:`main`, which runs a command.

Each command lives in its own module (:mod:`~vnlabor.cli.demo`, :mod:`~vnlabor.cli.law`,
:mod:`~vnlabor.cli.schema`, :mod:`~vnlabor.cli.classify`, :mod:`~vnlabor.cli.review`,
:mod:`~vnlabor.cli.compare`), imported only when it runs, so ``vnlabor --help`` stays
quick. What the commands do and the exit statuses are described in :mod:`vnlabor.cli`.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

__all__ = ["main"]


def _date(text: str) -> date:
    from vnlabor.l10n import parse_date

    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _side(text: str) -> date | int:
    from vnlabor.cli.compare import parse_side

    try:
        return parse_side(text)
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
        "-o",
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
    rv = sub.add_parser(
        "review", help="assess and classify a review's household and members sheets"
    )
    rv.add_argument("households", type=Path, help="household sheet: CSV or .xlsx")
    rv.add_argument("members", type=Path, help="members sheet: CSV or .xlsx")
    when = rv.add_mutually_exclusive_group(required=True)
    when.add_argument("--on", type=_date, help="date: YYYY-MM-DD or dd/mm/yyyy")
    when.add_argument(
        "--list-year", type=int, help="instead of --on: the year of the poor/near-poor lists"
    )
    rv.add_argument(
        "-o",
        "--output",
        type=_output,
        default="-",
        help="output file: .csv, .xlsx, .parquet or .jsonl, or - for standard output (default)",
    )
    rv.add_argument("--households-sheet", help="sheet of an .xlsx household sheet")
    rv.add_argument("--members-sheet", help="sheet of an .xlsx members sheet")
    rv.add_argument("--locale", choices=("vi", "en"), default="vi", help="language of the summary")
    rv.add_argument("--quiet", action="store_true", help="no summary line")
    cmp_ = sub.add_parser(
        "compare", help="one household table under two scenarios: who changes status and why"
    )
    cmp_.add_argument(
        "households", type=Path, help="CSV, .xlsx or .parquet file with household columns"
    )
    cmp_.add_argument(
        "--members",
        type=Path,
        help="the review's members sheet: the households' indicators are then assessed "
        "from their members' and dwellings' facts (vnlabor review's two sheets)",
    )
    cmp_.add_argument(
        "--base", type=_side, required=True, help="list year (2026) or date (2026-06-01)"
    )
    cmp_.add_argument(
        "--reform",
        type=_side,
        help="list year (2027) or date; default: the base's, with --reform-overlay",
    )
    for side in ("base", "reform"):
        cmp_.add_argument(
            f"--{side}-overlay",
            action="append",
            default=[],
            metavar="KEY_OR_TOML",
            help=f"on the {side} side: a bundled overlay key, or an overlay or reform file",
        )
    cmp_.add_argument(
        "-o",
        "--output",
        type=_output,
        help="write the households that changed status: .csv, .xlsx, .parquet, .jsonl or -",
    )
    cmp_.add_argument("--sheet", help="sheet of an .xlsx input (default: the active sheet)")
    cmp_.add_argument("--locale", choices=("vi", "en"), default="vi", help="language (vi, en)")
    cmp_.add_argument(
        "--ignore-unknown-columns",
        action="store_true",
        help="ignore a column that looks like a mistyped name instead of stopping",
    )
    cmp_.add_argument(
        "--reveal",
        action="append",
        default=[],
        metavar="COLUMN",
        help="write this column's citizen IDs unmasked (household_id)",
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0, 1, 2 or 3: see the module)."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # argparse exits 2 on bad arguments, 0 on --help
        return int(exc.code or 0)
    try:
        if args.command == "demo":
            from vnlabor.cli.demo import run_demo

            return run_demo(args.on, args.locale)
        if args.command == "law":
            from vnlabor.cli.law import run_law

            return run_law(args.on, args.overlay, args.locale)
        if args.command == "compare":
            from vnlabor.cli.classify import parse_reveal
            from vnlabor.cli.compare import CompareOptions, run_compare

            return run_compare(
                CompareOptions(
                    households=args.households,
                    members=args.members,
                    base=args.base,
                    reform=args.reform,
                    base_overlays=args.base_overlay,
                    reform_overlays=args.reform_overlay,
                    output=args.output,
                    sheet=args.sheet,
                    locale=args.locale,
                    ignore_unknown_columns=args.ignore_unknown_columns,
                    reveal=parse_reveal(args.reveal),
                )
            )
        if args.command == "schema":
            from vnlabor.cli.schema import run_schema

            return run_schema(args.model, args.mode)
        if args.command == "review":
            from vnlabor.cli.review import ReviewOptions, run_review

            return run_review(
                ReviewOptions(
                    households=args.households,
                    members=args.members,
                    output=args.output,
                    on=args.on,
                    list_year=args.list_year,
                    households_sheet=args.households_sheet,
                    members_sheet=args.members_sheet,
                    locale=args.locale,
                    quiet=args.quiet,
                )
            )
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
