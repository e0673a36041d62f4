"""``vnlabor compare``: one household file under two scenarios, the transitions and why.

The file is read by :func:`vnlabor.io.read_households` (CSV, ``.xlsx``, Parquet through
a DataFrame) and compared by :func:`vnlabor.scenario.compare`, so the answers are the
library's: the transition matrix and the summary (:meth:`Comparison.explain
<vnlabor.scenario.Comparison.explain>`) on standard output, and with ``--output`` the
households that changed status, each with the rule that moved it.

A side is a list year (``2027``) or a date (``2027-06-01``, ``01/06/2027``);
``--base-overlay`` and ``--reform-overlay`` lay a bundled overlay (by key), an overlay
file or a reform file (TOML, ``[overlay]`` or ``[reform]``) on that side's law book.
Without ``--reform``, the reform side takes the base's year or date: the law against
the law with the overlay.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

__all__ = ["CompareOptions", "parse_side", "run_compare"]

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2

_YEAR = re.compile(r"[0-9]{4}")


@dataclass(frozen=True, slots=True)
class CompareOptions:
    """What the command line asked for."""

    households: Path
    base: date | int
    members: Path | None = None
    reform: date | int | None = None
    base_overlays: Sequence[str] = ()
    reform_overlays: Sequence[str] = ()
    output: str | None = None
    sheet: str | None = None
    locale: str = "vi"
    ignore_unknown_columns: bool = False
    reveal: Collection[str] = ()


def parse_side(text: str) -> date | int:
    """A side as the command line gives it: a list year (four digits) or a date.

    >>> parse_side("2027"), parse_side("01/06/2027")
    (2027, datetime.date(2027, 6, 1))

    Raises:
        ValueError: neither a year nor a date (the message in Vietnamese and English).
    """
    text = text.strip()
    if _YEAR.fullmatch(text):
        return int(text)
    from vnlabor.l10n import parse_date

    try:
        return parse_date(text)
    except ValueError:
        raise ValueError(
            f"không phải năm danh sách hay ngày / not a list year (2027) or a date "
            f"(2027-06-01, 01/06/2027): {text!r}"
        ) from None


def _fail(message: str) -> int:
    print(f"vnlabor: {message}", file=sys.stderr)
    return EXIT_USAGE


def _book(overlays: Sequence[str]) -> Any:
    """The national book with each overlay or reform laid on it, in order."""
    from vnlabor.law import bundled_overlay, load_overlay, load_reform, national
    from vnlabor.law.reading import parse_toml

    book = national()
    for given in overlays:
        path = Path(given)
        if path.suffix.lower() == ".toml" or path.exists():
            doc = parse_toml(path.read_text(encoding="utf-8"), str(path))
            if "reform" in doc:
                book = book.with_reform(load_reform(path))
            elif "overlay" in doc:
                book = book.with_overlay(load_overlay(path))
            else:
                raise ValueError(
                    f"{given}: không có bảng [reform] hay [overlay] / has neither a [reform] "
                    "nor an [overlay] table"
                )
        else:
            book = book.with_overlay(bundled_overlay(given))
    return book


def _side(when: date | int, overlays: Sequence[str]) -> Any:
    from vnlabor.scenario import Scenario

    law = _book(overlays) if overlays else None
    if isinstance(when, int):
        return Scenario(list_year=when, law=law)
    return Scenario(on=when, law=law)


def run_compare(opts: CompareOptions) -> int:
    """Run ``vnlabor compare``; returns the exit status (0, 1 or 2)."""
    from vnlabor.errors import HeaderError, LawDataError, NoStandardInForce

    if opts.reform is None and not opts.reform_overlays:
        return _fail(
            "cần --reform hoặc --reform-overlay / give --reform (a list year or a date) "
            "or --reform-overlay (an overlay or reform)"
        )
    if opts.output is not None:
        from vnlabor.cli.classify import same_file

        if same_file(opts.households, opts.output):
            return _fail(
                f"tệp kết quả trùng tệp đầu vào / the output {opts.output} is the input file: "
                "choose another name"
            )
    try:
        base = _side(opts.base, opts.base_overlays)
        reform = _side(opts.base if opts.reform is None else opts.reform, opts.reform_overlays)
    except OSError as exc:
        return _fail(f"không đọc được tệp / cannot read {exc.filename}: {exc.strerror or exc}")
    except KeyError as exc:  # an unknown bundled overlay: the message lists the known ones
        return _fail(f"không có lớp phủ / {exc.args[0] if exc.args else exc}")
    except (LawDataError, NoStandardInForce, TypeError, ValueError) as exc:
        return _fail(str(exc))
    try:
        from vnlabor.io import read_households, read_review
        from vnlabor.scenario import compare

        unknown: Literal["error", "ignore"] = "ignore" if opts.ignore_unknown_columns else "error"
        if opts.members is None:
            read: Any = read_households(
                _readable(opts.households), sheet=opts.sheet, unknown_columns=unknown
            )
            ignored = read.ignored_columns
        else:  # the review's two sheets: indicators assessed from each household's facts
            read = read_review(
                _readable(opts.households),
                _readable(opts.members),
                households_sheet=opts.sheet,
                unknown_columns=unknown,
            )
            ignored = ()
        result = compare(read, base=base, reform=reform)
    except HeaderError as exc:
        return _fail(str(exc))
    except OSError as exc:
        return _fail(f"không đọc được tệp / cannot read {opts.households}: {exc.strerror or exc}")
    except (ValueError, ImportError) as exc:
        return _fail(str(exc))
    if ignored:
        names = ", ".join(repr(c) for c in ignored)
        print(f"vnlabor: cột bị bỏ qua / ignored columns: {names}", file=sys.stderr)
    for error in result.rejected:
        print(error, file=sys.stderr)
    print(matrix_text(result, opts.locale))
    print()
    print(result.explain(opts.locale))
    if opts.output is not None:
        try:
            write_moved(result, opts.output, opts.locale, opts.reveal, read.unit)
        except (OSError, ValueError, ImportError) as exc:
            return _fail(str(exc))
    return EXIT_REJECTED if result.rejected else EXIT_OK


def _readable(path: Path) -> Any:
    """A Parquet file as a DataFrame (the readers take CSV and workbooks by path)."""
    if path.suffix.lower() != ".parquet":
        return path
    from vnlabor._optional import require

    pandas = require("pandas", "pandas", "vnlabor compare (Parquet)")
    require("pyarrow", "arrow", "vnlabor compare (Parquet)")
    return pandas.read_parquet(path)


def matrix_text(result: Any, locale: str) -> str:
    """The transition matrix as text: counts, and each row's share of its status before.

    Statuses are named by their codes (``poor``, ``near_poor`` …), rows before and
    columns after; a share is exact, shown to two decimals in percent.
    """
    from fractions import Fraction

    from vnlabor.l10n import format_number, format_percent, message
    from vnlabor.scenario import STATUSES

    t = result.transitions
    names = [s.value for s in STATUSES]
    head = message("scenario.cli.matrix", locale)
    corner = message("scenario.cli.corner", locale)
    width = max(len(corner), *(len(n) for n in names))
    cells = []
    for b in STATUSES:
        total = sum(t[(b, a)] for a in STATUSES)
        row = []
        for a in STATUSES:
            n = t[(b, a)]
            text = format_number(n, locale=locale)
            if total and n:
                text += f" ({format_percent(Fraction(n, total), locale=locale)})"
            row.append(text)
        cells.append(row)
    widths = [max(len(names[j]), *(len(r[j]) for r in cells)) for j in range(len(STATUSES))]

    def line(first: str, rest: list[str]) -> str:
        return "  ".join(
            [first.ljust(width), *(c.rjust(w) for c, w in zip(rest, widths, strict=True))]
        )

    lines = [head, line(corner, names)]
    lines += (line(name, row) for name, row in zip(names, cells, strict=True))
    return "\n".join(lines)


def write_moved(
    result: Any, output: str, locale: str, reveal: Collection[str] = (), unit: str = "line"
) -> None:
    """Write the households that changed status, each with what moved it, to ``output``.

    Columns: those of :attr:`Comparison.moved <vnlabor.scenario.Comparison.moved>`, the
    first (``position``) named by ``unit`` (``line`` of a CSV file, ``row`` of a sheet,
    ``index``), and ``explanation`` (the move in ``locale``); the format by the suffix
    (``-``: CSV to standard output). Citizen-ID-shaped household IDs are masked unless
    ``household_id`` is in ``reveal`` (the explanation always masks them).
    """
    from vnlabor.base.masking import mask_citizen_ids
    from vnlabor.io.writers import write_table

    moved = result.moved
    header = [unit, *moved.columns[1:], "explanation"]
    at = header.index("household_id")
    show_ids = "household_id" in reveal
    rows = []
    for values, move in zip(moved.itertuples(index=False), result.moves, strict=True):
        row: list[object] = [None if _missing(v) else v for v in values]
        hid = row[at]
        if isinstance(hid, str) and not show_ids:
            row[at] = mask_citizen_ids(hid)
        rows.append([*row, move.explain(locale)])
    write_table(output, header, rows, sheet="moved")


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)
