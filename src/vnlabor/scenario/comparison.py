"""Compare two standards (or the law and a reform) on the same households.

:func:`compare` classifies every household under a *base* and a *reform* and returns a
:class:`Comparison`: the transition matrix (statuses before as rows, after as columns,
every status including :attr:`~vnlabor.PovertyStatus.UNDETERMINED`), the households that
moved with the rule that moved each (:class:`~vnlabor.scenario.moves.Move`), totals by
status, area and province, the change of every poverty measure, the groups programmes
pay for and what a change in them costs (:mod:`vnlabor.scenario.costs`).

>>> from datetime import date
>>> import vnlabor as vl
>>> from vnlabor import scenario
>>> households = [
...     vl.Household(area="rural", monthly_income_per_capita=1_800_000,
...                  deprivations=["nutrition", "employment"], household_id="H1"),
...     vl.Household(area="rural", monthly_income_per_capita=1_200_000,
...                  deprivations=["nutrition"], household_id="H2"),
... ]
>>> r = scenario.compare(households, base=date(2026, 6, 1), reform=date(2027, 6, 1))
>>> r
<Comparison of 2 households: 01/06/2026 → 01/06/2027; 1 moved>
>>> r.transitions[vl.PovertyStatus.AVERAGE_LIVING_STANDARD, vl.PovertyStatus.NEAR_POOR]
1
>>> for part in r.moves[0].explain("en").split(": "):
...     print(part)
H1
average-living-standard household → near-poor household
the income line ₫1,500,000 → ₫2,200,000 (income ₫1,800,000)
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from datetime import date
from fractions import Fraction
from functools import cached_property
from typing import TYPE_CHECKING, Any, Final, Literal

from vnlabor._optional import require
from vnlabor.base.confidence import Confidence
from vnlabor.base.masking import mask_citizen_ids
from vnlabor.io.records import RecordTable
from vnlabor.io.review import ReviewTable
from vnlabor.kpi.measure_change import MeasureChange, PovertyMeasures, measures_change
from vnlabor.l10n import (
    format_number,
    format_percent,
    format_percentage_points,
    label,
    message,
)
from vnlabor.model.household import Household
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.classification import Classification
from vnlabor.scenario.costs import Costs, GroupSize, UnitAmount, costs_of, group_sizes
from vnlabor.scenario.moves import Move, MoveCause, move_of
from vnlabor.scenario.side import Scenario, Side, resolve
from vnlabor.scenario.tables import is_table, read_table
from vnlabor.table.errors import RowError
from vnlabor.table.headers import UnknownColumns

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["STATUSES", "Comparison", "compare"]

STATUSES: Final[tuple[PovertyStatus, ...]] = tuple(PovertyStatus)
"""Every status, in the order of the matrix's rows and columns (undetermined last)."""

_Group = Literal["area", "province"]


class Comparison:
    """Every household under two scenarios, and what changes between them.

    Made by :func:`compare`. The households, their positions and their two
    classifications are kept in input order; everything else is derived on demand.
    """

    def __init__(
        self,
        base: Scenario,
        reform: Scenario,
        households: Sequence[Household],
        positions: Sequence[Hashable],
        before: Sequence[Classification],
        after: Sequence[Classification],
        rejected: Sequence[RowError] = (),
    ) -> None:
        self.base = base
        """The base scenario (the law on its date, or the earlier lists)."""
        self.reform = reform
        """The scenario compared with it."""
        self.households = tuple(households)
        """The households compared (a table's good rows), in input order."""
        self.positions = tuple(positions)
        """Where each household is in the input: its list index, its table row (0-based),
        or the line (sheet row, index label) a reader read it from."""
        self.before = tuple(before)
        """Each household's classification under the base."""
        self.after = tuple(after)
        """Each household's classification under the reform."""
        self.rejected = tuple(rejected)
        """The bad rows of a table (kept out of the comparison), as the batch engine or
        the reader reports them."""

    def __len__(self) -> int:
        return len(self.households)

    # --- statuses ----------------------------------------------------------------------

    @cached_property
    def transitions(self) -> Mapping[tuple[PovertyStatus, PovertyStatus], int]:
        """How many households go from each status (before) to each status (after).

        Every pair of statuses is a key, with 0 where no household is.
        """
        found = Counter((b.status, a.status) for b, a in zip(self.before, self.after, strict=True))
        return {(b, a): found[(b, a)] for b in STATUSES for a in STATUSES}

    @property
    def matrix(self) -> pd.DataFrame:
        """The transition matrix: counts, statuses before as rows and after as columns.

        Every status is a row and a column, undetermined included; the counts add up to
        the number of households. Needs pandas (``pip install "vnlabor[pandas]"``).
        """
        pandas = require("pandas", "pandas", "Comparison.matrix")
        t = self.transitions
        return pandas.DataFrame(
            [[t[(b, a)] for a in STATUSES] for b in STATUSES],
            index=pandas.Index(list(STATUSES), name="before", dtype=object),
            columns=pandas.Index(list(STATUSES), name="after", dtype=object),
        )

    @property
    def shares(self) -> pd.DataFrame:
        """Each row of :attr:`matrix` as exact shares of its status before (``Fraction``).

        A row sums to 1; a status no household had before has ``None`` throughout.
        """
        pandas = require("pandas", "pandas", "Comparison.shares")
        t = self.transitions
        rows = []
        for b in STATUSES:
            total = sum(t[(b, a)] for a in STATUSES)
            rows.append([Fraction(t[(b, a)], total) if total else None for a in STATUSES])
        return pandas.DataFrame(
            rows,
            index=pandas.Index(list(STATUSES), name="before", dtype=object),
            columns=pandas.Index(list(STATUSES), name="after", dtype=object),
            dtype=object,
        )

    def counts(self) -> dict[PovertyStatus, tuple[int, int]]:
        """How many households have each status before and after."""
        before = Counter(c.status for c in self.before)
        after = Counter(c.status for c in self.after)
        return {s: (before[s], after[s]) for s in STATUSES}

    def totals(self, by: _Group | None = None) -> pd.DataFrame:
        """Households by status before and after, with the change, overall or by group.

        Args:
            by: ``None`` (one row per status), ``"area"`` or ``"province"`` (one row per
                group and status; a household without a province code is under
                ``None``).

        Returns:
            A DataFrame with columns ``before``, ``after`` and ``change`` (counts),
            indexed by status, or by group and status.
        """
        pandas = require("pandas", "pandas", "Comparison.totals")
        if by not in (None, "area", "province"):
            raise ValueError(f"by must be None, 'area' or 'province', not {by!r}")
        counts: Counter[tuple[Any, PovertyStatus, int]] = Counter()
        groups: dict[Any, None] = {}
        for h, b, a in zip(self.households, self.before, self.after, strict=True):
            key = None if by is None else h.area if by == "area" else h.province_code
            groups[key] = None
            counts[(key, b.status, 0)] += 1
            counts[(key, a.status, 1)] += 1
        order = sorted(groups, key=lambda g: (g is None, str(g)))
        rows = [
            (g, s, counts[(g, s, 0)], counts[(g, s, 1)], counts[(g, s, 1)] - counts[(g, s, 0)])
            for g in order
            for s in STATUSES
        ]
        frame = pandas.DataFrame(rows, columns=["group", "status", "before", "after", "change"])
        if by is None:
            return frame.drop(columns="group").set_index("status")
        return frame.rename(columns={"group": by}).set_index([by, "status"])

    @property
    def by_area(self) -> pd.DataFrame:
        """:meth:`totals` by area (rural, urban)."""
        return self.totals("area")

    @property
    def by_province(self) -> pd.DataFrame:
        """:meth:`totals` by province code."""
        return self.totals("province")

    # --- moves -------------------------------------------------------------------------

    @cached_property
    def moves(self) -> tuple[Move, ...]:
        """The households whose status changed, each with the rule that moved it."""
        out = []
        for p, b, a in zip(self.positions, self.before, self.after, strict=True):
            move = move_of(p, b, a)
            if move is not None:
                out.append(move)
        return tuple(out)

    @property
    def moved(self) -> pd.DataFrame:
        """:attr:`moves` as a DataFrame, one row per household that changed status.

        Columns as :meth:`to_frame`, for the households whose status changed.
        """
        frame = self.to_frame()
        return frame[frame["moved"]].drop(columns="moved").reset_index(drop=True)

    def to_frame(self) -> pd.DataFrame:
        """Every household with both statuses and what moved it, one row each.

        Columns: ``position`` (list index or 0-based table row), ``household_id``,
        ``area``, ``province_code``, ``income``, ``status_before``, ``status_after``,
        ``moved``, ``causes`` (the :class:`~vnlabor.scenario.moves.MoveCause` values,
        ``;``-separated), ``indicators`` (the indicators involved), ``income_line_before``,
        ``income_line_after``, ``deprivations_before``, ``deprivations_after`` (counted).
        """
        pandas = require("pandas", "pandas", "Comparison.to_frame")
        moves = {m.position: m for m in self.moves}
        rows = []
        for p, h, b, a in zip(
            self.positions, self.households, self.before, self.after, strict=True
        ):
            move = moves.get(p)
            indicators: tuple[Any, ...] = ()
            if move is not None:
                indicators = (
                    *move.indicators_counted,
                    *move.indicators_not_counted,
                    *move.indicators_assessed,
                    *move.undetermined,
                )
            rows.append(
                (
                    p,
                    h.household_id,
                    h.area.value,
                    h.province_code,
                    h.monthly_income_per_capita,
                    b.status.value,
                    a.status.value,
                    move is not None,
                    ";".join(c.value for c in move.causes) if move else "",
                    ";".join(i.value for i in indicators),
                    b.income_line,
                    a.income_line,
                    b.deprivation_count,
                    a.deprivation_count,
                )
            )
        return pandas.DataFrame(
            rows,
            columns=[
                "position",
                "household_id",
                "area",
                "province_code",
                "income",
                "status_before",
                "status_after",
                "moved",
                "causes",
                "indicators",
                "income_line_before",
                "income_line_after",
                "deprivations_before",
                "deprivations_after",
            ],
        )

    def causes(self) -> dict[MoveCause, int]:
        """How many moved households each cause moved (a household may have several)."""
        found = Counter(c for m in self.moves for c in m.causes)
        return {c: found[c] for c in MoveCause}

    # --- measures ----------------------------------------------------------------------

    @cached_property
    def measures_before(self) -> PovertyMeasures:
        """Every poverty measure under the base."""
        return PovertyMeasures.of(self.before)

    @cached_property
    def measures_after(self) -> PovertyMeasures:
        """Every poverty measure under the reform."""
        return PovertyMeasures.of(self.after)

    @property
    def measure_changes(self) -> tuple[MeasureChange, ...]:
        """Each poverty measure before and after (rates, FGT, Alkire-Foster), exact."""
        return measures_change(self.measures_before, self.measures_after)

    @property
    def measures(self) -> pd.DataFrame:
        """:attr:`measure_changes` as a DataFrame: ``before``, ``after``, ``change``.

        Indexed by measure key (see :data:`vnlabor.kpi.MEASURE_KEYS`); exact
        ``Fraction`` values, ``None`` where a measure is undefined.
        """
        pandas = require("pandas", "pandas", "Comparison.measures")
        changes = self.measure_changes
        return pandas.DataFrame(
            [(c.before, c.after, c.change) for c in changes],
            index=pandas.Index([c.key for c in changes], name="measure"),
            columns=["before", "after", "change"],
            dtype=object,
        )

    # --- costs -------------------------------------------------------------------------

    @cached_property
    def groups(self) -> tuple[GroupSize, ...]:
        """The groups programmes pay for, before and after (see :mod:`vnlabor.scenario.costs`)."""
        return group_sizes(self.base, self.reform, self.households, self.before, self.after)

    def costs(self, units: Iterable[UnitAmount]) -> Costs:
        """What the change of the groups costs at the given unit amounts.

        Args:
            units: One :class:`~vnlabor.scenario.costs.UnitAmount` per item paid (a group,
                an amount per household or per person, and where the amount comes from).
        """
        return costs_of(self.groups, units, self.reform.book)

    # --- text and display --------------------------------------------------------------

    def explain(self, locale: str = "vi") -> str:
        """The comparison in words: counts by status, the main moves and why, measures."""
        n = len(self)
        lines = [
            message(
                "scenario.explain.heading",
                locale,
                base=self.base.label(locale),
                reform=self.reform.label(locale),
                households=format_number(n, locale=locale),
                moved=format_number(len(self.moves), locale=locale),
            )
        ]
        lines.append(message("scenario.explain.statuses", locale))
        for status, (n_before, n_after) in self.counts().items():
            if n_before or n_after:
                lines.append(
                    f"- {label(status, locale)}: {format_number(n_before, locale=locale)} → "
                    f"{format_number(n_after, locale=locale)} "
                    f"({_signed(n_after - n_before, locale)})"
                )
        if self.moves:
            lines.append(message("scenario.explain.moves", locale))
            by_pair: dict[tuple[PovertyStatus, PovertyStatus], Counter[MoveCause]] = {}
            for m in self.moves:
                by_pair.setdefault((m.before.status, m.after.status), Counter()).update(m.causes)
            for (b, a), causes in sorted(
                by_pair.items(), key=lambda item: -self.transitions[item[0]]
            ):
                why = "; ".join(
                    f"{label(c, locale)}: {format_number(causes[c], locale=locale)}"
                    for c in MoveCause
                    if causes[c]
                )
                lines.append(
                    f"- {label(b, locale)} → {label(a, locale)}: "
                    f"{format_number(self.transitions[(b, a)], locale=locale)} ({why})"
                )
        lines.append(message("scenario.explain.measures", locale))
        for c in self.measure_changes:
            lines.append(f"- {message(f'kpi.measure.{c.key}', locale)}: {_measure(c, locale)}")
        notes = self._notes(locale)
        if notes:
            lines.append(message("scenario.explain.notes", locale))
            lines += (f"- {note}" for note in notes)
        return "\n".join(lines)

    def _notes(self, locale: str) -> list[str]:
        notes = []
        if self.rejected:
            notes.append(
                message(
                    "scenario.explain.rejected",
                    locale,
                    count=format_number(len(self.rejected), locale=locale),
                )
            )
        for side in (self.base, self.reform):
            undetermined = sum(
                1
                for c in (self.before if side is self.base else self.after)
                if c.status is PovertyStatus.UNDETERMINED
            )
            if undetermined:
                notes.append(
                    message(
                        "scenario.explain.undetermined",
                        locale,
                        side=side.label(locale),
                        count=format_number(undetermined, locale=locale),
                    )
                )
        bands = [s.standard.average_living_standard_line is None for s in (self.base, self.reform)]
        if bands[0] != bands[1]:
            without = self.reform if bands[1] else self.base
            notes.append(
                message("scenario.explain.no_average_band", locale, side=without.label(locale))
            )
        for side in (self.base, self.reform):
            standard = side.standard
            unsure = [
                f"{name} ({c.confidence.value})"
                for name, c in standard.citations.items()
                if c.confidence is not Confidence.CONFIRMED
                and side.book.overlay_of(c) not in side.book.scenarios
            ]
            if unsure:
                notes.append(
                    message(
                        "scenario.explain.unconfirmed",
                        locale,
                        side=side.label(locale),
                        parameters=", ".join(unsure),
                    )
                )
        return notes

    def __repr__(self) -> str:
        return (
            f"<Comparison of {len(self)} households: {self.base.label('en')} → "
            f"{self.reform.label('en')}; {len(self.moves)} moved>"
        )

    def _repr_html_(self) -> str:
        t = self.transitions
        shown = [
            s
            for s in STATUSES
            if any(t[(s, o)] or t[(o, s)] for o in STATUSES) or s is not PovertyStatus.UNDETERMINED
        ]
        head = "".join(f"<th>{html.escape(label(s, 'en'))}</th>" for s in shown)
        body = "".join(
            f"<tr><th>{html.escape(label(b, 'en'))}</th>"
            + "".join(f"<td>{t[(b, a)]}</td>" for a in shown)
            + "</tr>"
            for b in shown
        )
        caption = html.escape(repr(self)[1:-1])
        return (
            f"<table><caption>{caption}</caption><tr><th>before ↓ / after →</th>{head}</tr>"
            f"{body}</table>"
        )

    def plot(self, ax: Any = None, *, locale: str = "vi", shares: bool = False) -> Any:
        """The transition matrix as a heatmap (:func:`~vnlabor.scenario.plot.plot_transitions`)."""
        from vnlabor.scenario.plot import plot_transitions

        return plot_transitions(self, ax=ax, locale=locale, shares=shares)

    def household_ids(self) -> tuple[str | None, ...]:
        """The households' identifiers, citizen-ID-shaped ones masked (for display)."""
        return tuple(
            mask_citizen_ids(h.household_id) if h.household_id else None for h in self.households
        )


def _signed(value: int, locale: str) -> str:
    text = format_number(value, locale=locale)
    return f"+{text}" if value > 0 else text


def _measure(c: MeasureChange, locale: str) -> str:
    def shown(value: Fraction | None) -> str:
        return "—" if value is None else format_percent(value, locale=locale)

    text = f"{shown(c.before)} → {shown(c.after)}"
    points = c.points
    if points is not None:
        sign = "+" if points > 0 else ""
        text += f" ({sign}{format_percentage_points(points, locale=locale)})"
    return text


def compare(
    households: Iterable[Household] | Any,
    *,
    base: Side,
    reform: Side,
    on: date | None = None,
    list_year: int | None = None,
    unknown_columns: UnknownColumns = "error",
) -> Comparison:
    """Classify ``households`` under ``base`` and ``reform`` and compare the two.

    Args:
        households: :class:`~vnlabor.Household` objects; a table (a pandas DataFrame,
            a pyarrow Table or RecordBatch, a mapping of column name to values) with the
            household columns of :func:`vnlabor.batch.classify`, whose statuses come
            from the batch engine, its bad rows left out and listed in
            :attr:`Comparison.rejected` (see :mod:`vnlabor.scenario.tables`); or what
            :func:`vnlabor.io.read_households` read from a file, each household at its
            line (or sheet row), the rows it rejected in :attr:`Comparison.rejected`; or
            what :func:`vnlabor.io.read_review` read from the review's two sheets.
        base: The scenario compared against: a date (the law in force that day), a list
            year (``int``: the standard of that year's lists), a law book (dated by
            ``on``/``list_year`` or by the other side) or a
            :class:`~vnlabor.scenario.side.Scenario`.
        reform: The scenario compared, in the same forms.
        on: The date of a side given as a law book.
        list_year: Instead of ``on``: the list year of a side given as a law book.
        unknown_columns: For a table, as in :func:`vnlabor.batch.classify`.

    Raises:
        TypeError: a side of the wrong kind or without a date, a household that is not a
            :class:`~vnlabor.Household`.
        NoStandardInForce: no standard is encoded for a side's date or year.
        HeaderError: a table without a required column (a ``ValueError``).

    >>> from datetime import date
    >>> import vnlabor as vl
    >>> from vnlabor.law import national
    >>> hh = [vl.Household(area="rural", monthly_income_per_capita=2_400_000, deprivations=[])]
    >>> book = national().with_changes({"poverty.income_line.rural": 2_500_000},
    ...                                from_=date(2027, 1, 1), name="Rural 2.5M")
    >>> r = compare(hh, base=2027, reform=book)
    >>> r.base.label("en"), r.reform.label("en")
    ('the 2027 lists', 'the 2027 lists under the scenario “Rural 2.5M”')
    >>> r.moves[0].causes
    (<MoveCause.INCOME_LINE: 'income_line'>,)
    """
    first, second = resolve(base, reform, on=on, list_year=list_year)
    if isinstance(households, RecordTable):
        # What a reader read (vnlabor.io.read_households): its households, where each
        # came from (CSV line, sheet row, index label) and the rows it rejected.
        records = list(households.records)
        for k, h in enumerate(records):
            if not isinstance(h, Household):
                raise TypeError(
                    f"households[{k}] phải là Household / must be a Household, "
                    f"not {type(h).__name__} (read the table with vnlabor.io.read_households)"
                )
        return Comparison(
            first,
            second,
            records,
            households.rows,
            first.classify(records),
            second.classify(records),
            households.errors,
        )
    if isinstance(households, ReviewTable):
        # The review's two sheets (vnlabor.io.read_review): households with their members
        # and dwellings, so each side assesses the indicators from the facts.
        reviewed = list(households.households)
        return Comparison(
            first,
            second,
            reviewed,
            households.lines,
            first.classify(reviewed),
            second.classify(reviewed),
            households.errors,
        )
    if is_table(households):
        read = read_table(households, first, second, unknown_columns)
        return Comparison(
            first, second, read.households, read.positions, read.before, read.after, read.rejected
        )
    if isinstance(households, str | bytes):
        raise TypeError(
            "households phải là danh sách Household hoặc một bảng / households must be "
            "Household objects or a table (read a file with vnlabor.io.read_households)"
        )
    listed = list(households)
    return Comparison(
        first,
        second,
        listed,
        range(len(listed)),
        first.classify(listed),
        second.classify(listed),
    )
