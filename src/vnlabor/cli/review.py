"""``vnlabor review``: a review's two sheets read, each household assessed and classified.

The household sheet and the members sheet (CSV, ``.xlsx``) are read by
:func:`vnlabor.io.read_review`; each good household is classified from its own facts
(:func:`vnlabor.classify`, which assesses its indicators with
:func:`vnlabor.assess_deprivations`). The output has one row per good household:
``household_id``, ``status``, ``deprived`` and ``undetermined`` (indicator names
separated by ``;``, in the standard's order). The answers are those of
:func:`vnlabor.batch.assess_deprivations` and :func:`vnlabor.batch.classify` on the same
sheets.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vnlabor.cli.classify import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, same_file

__all__ = ["REVIEW_COLUMNS", "ReviewOptions", "run_review"]

REVIEW_COLUMNS = ("household_id", "status", "deprived", "undetermined")
"""The columns ``vnlabor review`` writes."""


@dataclass(frozen=True, slots=True)
class ReviewOptions:
    """What the command line asked for."""

    households: Path
    members: Path
    output: str = "-"
    on: date | None = None
    list_year: int | None = None
    households_sheet: str | None = None
    members_sheet: str | None = None
    locale: str = "vi"
    quiet: bool = False


def _fail(message: str) -> int:
    print(f"vnlabor: {message}", file=sys.stderr)
    return EXIT_USAGE


def run_review(opts: ReviewOptions) -> int:
    """Run ``vnlabor review``; returns the exit status (0, 1 or 2)."""
    for source in (opts.households, opts.members):
        if same_file(source, opts.output):
            return _fail(
                f"tệp kết quả trùng tệp đầu vào / the output {opts.output} is an input file "
                f"({source}): writing it would destroy the input; choose another name"
            )
    from vnlabor.errors import HeaderError, NoStandardInForce
    from vnlabor.io.review import read_review
    from vnlabor.io.writers import write_table
    from vnlabor.poverty.classification import classify
    from vnlabor.poverty.standard import compiled_for

    try:
        compiled = compiled_for(opts.on, opts.list_year)
    except (NoStandardInForce, TypeError) as exc:
        return _fail(str(exc))
    try:
        review = read_review(
            opts.households,
            opts.members,
            households_sheet=opts.households_sheet,
            members_sheet=opts.members_sheet,
        )
    except HeaderError as exc:
        return _fail(str(exc))
    except (OSError, ValueError, ImportError) as exc:
        return _fail(str(exc))
    for name, errors in (
        (opts.households, review.household_errors),
        (opts.members, review.member_errors),
    ):
        for error in errors:
            print(f"{name.name}: {error}", file=sys.stderr)
    order = list(compiled.standard.indicators)
    counts: Counter[str] = Counter()
    rows = []
    for household in review.households:
        c = classify(household, opts.on, list_year=opts.list_year)
        assessment = c.assessment
        deprived: Iterable[object] = c.deprivations_counted
        undetermined: Iterable[object] = c.undetermined
        if assessment is not None:
            deprived, undetermined = assessment.deprived, assessment.undetermined
        counts[c.status.value] += 1
        rows.append(
            (
                household.household_id,
                c.status.value,
                ";".join(d.value for d in order if d in set(deprived)),
                ";".join(d.value for d in order if d in set(undetermined)),
            )
        )
    try:
        write_table(opts.output, REVIEW_COLUMNS, rows, sheet="review")
    except (OSError, ImportError) as exc:
        return _fail(str(exc))
    rejected = len(review.errors)
    if not opts.quiet:
        print(_summary(len(rows), rejected, counts, opts.locale), file=sys.stderr)
    return EXIT_REJECTED if rejected else EXIT_OK


def _summary(households: int, rejected: int, counts: Counter[str], locale: str) -> str:
    from vnlabor.l10n import format_number, label, message
    from vnlabor.model.poverty_status import PovertyStatus

    statuses = "; ".join(
        f"{label(status, locale)} {format_number(counts[status.value], locale=locale)}"
        for status in PovertyStatus
        if counts[status.value]
    )
    return "vnlabor: " + message(
        "cli.review.summary",
        locale,
        households=format_number(households, locale=locale),
        rejected=format_number(rejected, locale=locale),
        statuses=statuses,
    )
