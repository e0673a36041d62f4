"""A household table read column by column through the table contract.

The header is matched as the readers match it (:func:`vnlabor.table.headers.match_columns`,
with the household rule's indicator columns), and every cell is read by the
contract's own functions (:func:`vnlabor.table.rows.read_value`,
:func:`vnlabor.table.rows.check_values`, :func:`vnlabor.table.cells.read_flag`), once
per *distinct* value of a column; the rows take the result by code. Typed columns
(integers, floats, booleans) skip even that: a whole-array test finds the cells the
contract accepts, and only the distinct values it would reject are read one by one, to
word the reason. So a row is rejected here exactly when the readers reject it, and for
the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from vnlabor.batch import _table
from vnlabor.model.area import Area
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.household import Household
from vnlabor.table.cells import CellError, convert_cell, field_specs, read_flag
from vnlabor.table.headers import UnknownColumns, match_columns
from vnlabor.table.households import (
    BOTH_GIVEN,
    IndicatorColumns,
    duplicate_reason,
    indicator_names,
)
from vnlabor.table.reasons import problem
from vnlabor.table.rows import NOT_GIVEN, Problem, check_values, read_value
from vnlabor.types import MAX_VND, quoted

__all__ = ["BIT", "Chunk", "Plan", "Reader"]

AREA: Final = "area"
INCOME: Final = "monthly_income_per_capita"
DEPRIVATIONS: Final = "deprivations"
UNKNOWN: Final = "unknown_indicators"
HOUSEHOLD_ID: Final = "household_id"
_AREAS: Final = tuple(Area)
_AREA_CODE: Final = {area: code for code, area in enumerate(_AREAS)}
BIT: Final = {d: 1 << i for i, d in enumerate(Deprivation)}
"""The bit of each indicator in a row's deprivation mask."""
_EXACT_FLOAT: Final = 2.0**53
# Text the contract reads as a plain whole number of đồng without a word of it: digits,
# or digits grouped by "." in threes, at most 18 digits (so under MAX_VND). Anything else
# (spaces, words, signs, longer) is read by the contract itself, once per distinct value.
_PLAIN_AMOUNT: Final = re.compile(r"[0-9]{1,18}|[0-9]{1,3}(?:\.[0-9]{3}){1,5}")
_PLAIN_AMOUNT_ANCHORED: Final = r"^(?:[0-9]{1,18}|[0-9]{1,3}(?:\.[0-9]{3}){1,5})$"
# An identifier the field holds as it is: printable ASCII, no space at either end.
_PLAIN_ID_ANCHORED: Final = r"^[!-~](?:[ -~]*[!-~])?$"
_MEMO_LIMIT: Final = 1 << 18  # distinct values remembered per column (bounded memory)


@dataclass(frozen=True, slots=True)
class Col:
    """One column of the table: where it is, what it is called, what it gives."""

    index: int
    header: str
    key: str  # the field name, or the indicator's name


@dataclass(frozen=True, slots=True)
class Plan:
    """The table's columns as the household contract reads them."""

    area: Col
    income: Col
    deprivations: Col | None
    unknown: Col | None  # the unknown_indicators text column
    indicators: tuple[tuple[Col, Deprivation], ...]
    others: tuple[Col, ...]
    household_id: Col | None
    ignored: tuple[str, ...]
    ignored_at: tuple[int, ...] = ()

    @property
    def columns(self) -> list[Col]:
        """Every column read, in header order."""
        cols = [self.area, self.income, *(c for c, _ in self.indicators), *self.others]
        cols += [c for c in (self.deprivations, self.unknown) if c is not None]
        if self.household_id is not None:
            cols.append(self.household_id)
        return sorted(cols, key=lambda c: c.index)


def plan(header: Sequence[str], unknown: UnknownColumns, source: str) -> Plan:
    """Match ``header`` to the household columns, as the readers do.

    Raises:
        HeaderError: A required column is missing, a field is given twice, or a
            column looks like a mistyped name.
    """
    rule = IndicatorColumns()
    match = match_columns(
        header,
        Household,
        claim=rule.claim,
        extra_names=indicator_names(),
        source=source,
        unknown=unknown,
    )
    by_field = {name: Col(i, match.headers[name], name) for i, name in match.fields}
    indicators = tuple(
        (Col(i, match.headers[key], key), Deprivation(key)) for i, key in match.extra
    )
    special = {AREA, INCOME, DEPRIVATIONS, UNKNOWN, HOUSEHOLD_ID}
    return Plan(
        area=by_field[AREA],
        income=by_field[INCOME],
        deprivations=by_field.get(DEPRIVATIONS),
        unknown=by_field.get(UNKNOWN),
        indicators=indicators,
        others=tuple(c for name, c in by_field.items() if name not in special),
        household_id=by_field.get(HOUSEHOLD_ID),
        ignored=match.ignored,
        ignored_at=tuple(
            i
            for i, h in enumerate(header)
            if h is not None
            and str(h).strip()
            and i not in {c.index for c in by_field.values()}
            and i not in {c.index for c, _ in indicators}
        ),
    )


@dataclass(slots=True)
class Trouble:
    """The problems of one column (or of whole rows) in a chunk: a text code per row."""

    order: int  # where its texts go in a row's reason (column index; whole-row last)
    label: str  # the column's header, for summaries
    codes: NDArray[np.int32]  # -1: no problem
    texts: list[str] = field(default_factory=list)
    shown: list[str] = field(default_factory=list)  # the value, for summaries


@dataclass(slots=True)
class Chunk:
    """One chunk of rows, read: the deciding values of good rows, the trouble of bad ones."""

    size: int
    area: NDArray[np.int8]
    income: NDArray[np.int64]
    mask: NDArray[np.int32]  # the row's deprivations, one bit per indicator (BIT)
    household_id: Ids | None
    troubles: list[Trouble]
    blank: NDArray[np.bool_] | None = None  # rows with every cell empty: skipped
    unknown: NDArray[np.int32] | None = None  # indicators stated unknown (BIT); None: none

    def bad(self) -> NDArray[np.bool_]:
        """The rows with any problem (a row with every cell empty is skipped, not bad)."""
        out = np.zeros(self.size, dtype=np.bool_)
        for t in self.troubles:
            out |= t.codes >= 0
        return out if self.blank is None else out & ~self.blank

    def reasons(self, rows: Iterable[int]) -> list[str]:
        """Each row's reason: its problems in column order, whole-row ones last."""
        troubles = sorted(self.troubles, key=lambda t: t.order)
        out = []
        for row in rows:
            texts = [t.texts[t.codes[row]] for t in troubles if t.codes[row] >= 0]
            out.append("; ".join(dict.fromkeys(texts)))
        return out


WHOLE_ROW: Final = 1 << 30


class _Memo:
    """Answers for distinct values, remembered across chunks (up to a bound)."""

    def __init__(self, read: Callable[[Any], Any]) -> None:
        self.read = read
        self.seen: dict[Any, Any] = {}

    def __call__(self, value: Any) -> Any:
        try:
            key = (value.__class__, value)
            found = self.seen.get(key, self)
        except TypeError:  # unhashable
            return self.read(value)
        if found is self:
            if len(self.seen) >= _MEMO_LIMIT:
                self.seen.clear()
            found = self.seen[key] = self.read(value)
        return found


class Reader:
    """Reads the chunks of one table under one :class:`Plan`."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.area = _Memo(lambda v: read_value(Household, AREA, v, plan.area.header))
        read_income = _Memo(lambda v: read_value(Household, INCOME, v, plan.income.header))
        self.income = read_income

        def income_text(value: Any) -> tuple[object, list[Problem]]:
            if value.__class__ is str and _PLAIN_AMOUNT.fullmatch(value):
                return int(value.replace(".", "")), []
            found: tuple[object, list[Problem]] = read_income(value)
            return found

        self.income_text = income_text
        dep = plan.deprivations
        self.deprivations = (
            _Memo(lambda v: read_value(Household, DEPRIVATIONS, v, dep.header))
            if dep is not None
            else None
        )
        unk = plan.unknown
        self.unknown = (
            _Memo(lambda v: read_value(Household, UNKNOWN, v, unk.header))
            if unk is not None
            else None
        )
        self.overlaps = _Memo(self._check_overlap)
        self.flags = _Memo(_read_flag)
        self.ids = _Memo(_read_id)
        self.combos = _Memo(self._check_combo)
        self.duplicates = _Duplicates()
        self._other_headers = {c.key: c.header for c in plan.others}

    # --- one chunk ---------------------------------------------------------------------

    def read(self, cols: dict[int, _table.Column], size: int) -> Chunk:
        """Read one chunk of the plan's columns (``{column index: column chunk}``)."""
        cols = {i: _Factorized(col) for i, col in cols.items()}
        p = self.plan
        troubles: list[Trouble] = []
        area = self._coded(cols[p.area.index], p.area, self.area, _area_code, troubles)
        income = self._income(cols[p.income.index], p.income, troubles)
        mask = np.zeros(size, dtype=np.int32)
        unknown = np.zeros(size, dtype=np.int32)
        filled = np.zeros(size, dtype=np.bool_)  # rows giving indicators as text
        for text_col, read, out in (
            (p.deprivations, self.deprivations, mask),
            (p.unknown, self.unknown, unknown),
        ):
            if text_col is None:
                continue
            out |= self._coded(cols[text_col.index], text_col, read, _mask, troubles).astype(
                np.int32
            )
            filled |= factorize(cols[text_col.index])[0] >= 0
        if p.deprivations is not None and p.unknown is not None:
            self._overlap(cols, mask & unknown, troubles)
        for col, indicator in p.indicators:
            flags, empty = self._flags(cols[col.index], col, troubles)
            bit = np.int32(BIT[indicator])
            mask |= np.where(flags & ~filled, bit, np.int32(0))
            unknown |= np.where(empty & ~filled, bit, np.int32(0))
        if p.indicators and filled.any():
            troubles.append(_whole(filled, BOTH_GIVEN, WHOLE_ROW, DEPRIVATIONS))
        ids = None
        if p.household_id is not None:
            ids = self._ids(cols[p.household_id.index], p.household_id, troubles)
            duplicated = self.duplicates.check(ids.keys, ids.valid)
            if duplicated.any():
                t = Trouble(WHOLE_ROW + 1, "household_id", np.full(size, -1, dtype=np.int32))
                for row in np.flatnonzero(duplicated).tolist():
                    t.codes[row] = len(t.texts)
                    t.texts.append(duplicate_reason(str(ids[row])))
                    t.shown.append(quoted(ids[row]))
                troubles.append(t)
        if p.others:
            self._others(cols, size, troubles)
        blank = np.ones(size, dtype=np.bool_)
        for i in (*(c.index for c in p.columns), *p.ignored_at):
            blank &= ~_filled(cols[i])
            if not blank.any():
                break
        return Chunk(
            size,
            area.astype(np.int8),
            income,
            mask,
            ids,
            troubles,
            blank,
            unknown if unknown.any() else None,
        )

    def _coded(
        self,
        col: _table.Column,
        where: Col,
        read: Callable[[Any], tuple[object, list[Problem]]] | None,
        code_of: Callable[[object], int],
        troubles: list[Trouble],
    ) -> NDArray[np.int64]:
        """A text-like column read once per distinct value; returns each row's code."""
        assert read is not None
        codes, uniques = factorize(col)
        values = np.zeros(len(uniques) + 1, dtype=np.int64)
        problems: list[tuple[int, list[Problem]]] = []
        for u, value in enumerate(uniques):
            found, found_problems = read(value)
            if found_problems:
                problems.append((u, found_problems))
            else:
                values[u] = code_of(found)
        blank_value, blank_problems = read(None)
        if blank_problems:
            problems.append((len(uniques), blank_problems))
        else:
            values[-1] = code_of(blank_value)
        _trouble(codes, uniques, problems, where, troubles)
        return values[codes]

    def _income(self, col: _table.Column, where: Col, troubles: list[Trouble]) -> NDArray[np.int64]:
        text = _table.arrow_text(_raw(col))
        if text is not None:
            return self._income_arrow(text, col, where, troubles)
        values, null = _table.to_numpy(_raw(col))
        kind = values.dtype.kind
        n = values.shape[0]
        if kind in "iu":
            good = (values >= 0) & (values <= MAX_VND) if kind == "i" else values <= MAX_VND
        elif kind == "f":
            with np.errstate(invalid="ignore"):
                good = np.isfinite(values) & (values == np.floor(values))
                good &= (values >= 0) & (values < _EXACT_FLOAT)
        else:
            return self._coded(col, where, self.income_text, _income_value, troubles)
        if null is not None:
            good &= ~null
        income = np.where(good, values, 0).astype(np.int64)
        if good.all():
            return income
        # The distinct rejected values are read by the contract, for its words.
        bad = np.flatnonzero(~good)
        cells = [None if null is not None and null[i] else _table._plain(values[i]) for i in bad]
        codes = np.full(n, -1, dtype=np.intp)
        objects = np.empty(len(cells), dtype=object)
        objects[:] = cells
        sub, uniques = factorize(objects)
        problems = []
        for u, value in enumerate(uniques):
            problems.append((u, self.income(value)[1]))
        problems.append((len(uniques), self.income(None)[1]))
        codes[bad] = np.where(sub >= 0, sub, len(uniques))
        _trouble(codes, [*uniques, None], problems, where, troubles)
        return income

    def _income_arrow(
        self, text: Any, col: Any, where: Col, troubles: list[Trouble]
    ) -> NDArray[np.int64]:
        """Text amounts in an Arrow column: the plain ones at once, the rest one by one."""
        import pyarrow as pa
        import pyarrow.compute as pc

        plain = pc.match_substring_regex(text, _PLAIN_AMOUNT_ANCHORED)
        plain_np = plain.fill_null(False).to_numpy(zero_copy_only=False)
        income = np.zeros(len(text), dtype=np.int64)
        if plain_np.any():
            digits = pc.replace_substring(text.filter(plain), ".", "")
            income[plain_np] = pc.cast(digits, pa.int64()).to_numpy(zero_copy_only=False)
        if plain_np.all():
            return income
        rest = np.flatnonzero(~plain_np)
        found: list[Trouble] = []
        income[rest] = self._coded(
            text.take(pa.array(rest)), where, self.income_text, _income_value, found
        )
        for t in found:  # the troubles of the rest, at their rows in the chunk
            codes = np.full(len(text), -1, dtype=np.int32)
            codes[rest] = t.codes
            t.codes = codes
            troubles.append(t)
        return income

    def _flags(
        self, col: _table.Column, where: Col, troubles: list[Trouble]
    ) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
        """Each row's yes (deprived), and whether its cell is empty (unknown)."""
        values, null = _table.to_numpy(_raw(col))
        if values.dtype.kind == "b":  # typed yes/no: an empty cell (NA) states nothing
            if null is None:
                return values, np.zeros(values.shape[0], dtype=np.bool_)
            return values & ~null, null
        codes, uniques = factorize(col)
        flags = np.zeros(len(uniques) + 1, dtype=np.bool_)
        empty = np.zeros(len(uniques) + 1, dtype=np.bool_)
        empty[-1] = True
        problems: list[tuple[int, list[Problem]]] = []
        for u, value in enumerate(uniques):
            found, text = self.flags(value)
            if text is None:
                flags[u] = found is True
                empty[u] = found is None
            else:
                problems.append((u, [(where.key, problem(where.header, text))]))
        _trouble(codes, uniques, problems, where, troubles)
        return flags[codes], empty[codes]

    def _overlap(
        self, cols: dict[int, _table.Column], both: NDArray[np.int32], troubles: list[Trouble]
    ) -> None:
        """Rows whose deprivations and unknown_indicators cells name a common indicator."""
        rows = np.flatnonzero(both)
        if not rows.size:
            return
        p = self.plan
        assert p.deprivations is not None
        assert p.unknown is not None
        dep_codes, dep_values = factorize(cols[p.deprivations.index])
        unk_codes, unk_values = factorize(cols[p.unknown.index])
        t = Trouble(p.unknown.index, p.unknown.header, np.full(both.shape[0], -1, dtype=np.int32))
        seen: dict[tuple[int, int], int] = {}
        for row in rows.tolist():
            pair = (int(dep_codes[row]), int(unk_codes[row]))
            code = seen.get(pair)
            if code is None:
                cells = (dep_values[pair[0]], unk_values[pair[1]])
                found = self.overlaps(cells)
                code = seen[pair] = len(t.texts)
                t.texts.append("; ".join(text for _, text in found))
                t.shown.append(quoted(cells[1]))
            t.codes[row] = code
        troubles.append(t)

    def _check_overlap(self, cells: tuple[Any, Any]) -> list[Problem]:
        """The contract's reason for a deprivations cell and an unknown_indicators cell."""
        p = self.plan
        assert p.deprivations is not None
        assert p.unknown is not None
        headers = {DEPRIVATIONS: p.deprivations.header, UNKNOWN: p.unknown.header}
        given = {DEPRIVATIONS: cells[0], UNKNOWN: cells[1]}
        return check_values(Household, given, headers, partial=True).problems

    def _ids(self, col: _table.Column, where: Col, troubles: list[Trouble]) -> Ids:
        arrow = _table.arrow_text(_raw(col))
        if arrow is not None:
            import pyarrow.compute as pc

            plain = pc.match_substring_regex(arrow, _PLAIN_ID_ANCHORED)
            if pc.all(pc.or_kleene(plain, pc.is_null(arrow))).as_py():
                # Every id as the field holds it (or empty): hash each once, nothing more.
                texts_np = arrow.to_numpy(zero_copy_only=False)
                keys_np = np.fromiter(map(hash, texts_np), dtype=np.int64, count=len(texts_np))
                valid = pc.is_valid(arrow).to_numpy(zero_copy_only=False)
                return Ids(keys_np, valid, values=texts_np, arrow=arrow)
        elif _typed(col):
            values, null = _table.to_numpy(_raw(col))
            if values.dtype.kind == "i":  # whole numbers: their digits, exactly; never bad
                valid = np.ones(values.shape[0], dtype=np.bool_) if null is None else ~null
                return Ids(values.astype(np.int64), valid, values=values)
        codes, uniques = factorize(col)
        texts: list[str | None] = []
        keys = np.zeros(len(uniques) + 1, dtype=np.int64)
        problems: list[tuple[int, list[Problem]]] = []
        for u, value in enumerate(uniques):
            text, found = _read_id(value) if value.__class__ is str else self.ids(value)
            texts.append(text)
            if text:
                keys[u] = hash(text)
            if found is not None:
                problems.append((u, [(HOUSEHOLD_ID, problem(where.header, found))]))
        _trouble(codes, uniques, problems, where, troubles)
        texts.append(None)
        valid = np.array([bool(t) for t in texts], dtype=np.bool_)[codes]
        return Ids(keys[codes], valid, codes=codes, texts=texts)

    def _others(self, cols: dict[int, _table.Column], size: int, troubles: list[Trouble]) -> None:
        """The other fields' columns, checked together once per distinct combination."""
        others = self.plan.others
        factorized = [factorize(cols[c.index]) for c in others]
        stacked = np.stack([codes for codes, _ in factorized], axis=1)
        combos, inverse = np.unique(stacked, axis=0, return_inverse=True)
        inverse = inverse.reshape(-1)
        by_column: dict[str, Trouble] = {}
        for k, combo in enumerate(combos):
            cells = tuple(
                (c.key, uniques[code])
                for c, (_, uniques), code in zip(others, factorized, combo.tolist(), strict=True)
                if code >= 0
            )
            for key, text in self.combos(cells):
                order = next((c.index for c in others if c.key == key), WHOLE_ROW + 2)
                label = next((c.header for c in others if c.key == key), "")
                t = by_column.get(key or "")
                if t is None:
                    t = by_column[key or ""] = Trouble(
                        order, label, np.full(combos.shape[0], -1, dtype=np.int32)
                    )
                if t.codes[k] >= 0:  # a second problem of the same column
                    t.texts[t.codes[k]] += "; " + text
                else:
                    t.codes[k] = len(t.texts)
                    t.texts.append(text)
                    t.shown.append(quoted(dict(cells).get(key or "")))
        for t in by_column.values():
            t.codes = t.codes[inverse]
            troubles.append(t)

    def _check_combo(self, cells: tuple[tuple[str, Any], ...]) -> list[Problem]:
        return check_values(Household, dict(cells), self._other_headers, partial=True).problems


def _trouble(
    codes: NDArray[np.intp],
    uniques: Sequence[Any],
    problems: list[tuple[int, list[Problem]]],
    where: Col,
    troubles: list[Trouble],
) -> None:
    """Record the rows whose distinct value (``problems``: by code) has problems."""
    if not problems:
        return
    lookup = np.full(len(uniques) + 1, -1, dtype=np.int32)
    t = Trouble(where.index, where.header, lookup)
    for u, found in problems:
        lookup[u] = len(t.texts)
        t.texts.append("; ".join(text for _, text in found))
        shown = uniques[u] if u < len(uniques) else None
        t.shown.append("null" if shown is None else quoted(shown))
    t.codes = lookup[codes]
    troubles.append(t)


def _whole(rows: NDArray[np.bool_], text: str, order: int, label: str) -> Trouble:
    return Trouble(order, label, np.where(rows, 0, -1).astype(np.int32), [text], ["…"])


def _area_code(value: object) -> int:
    return _AREA_CODE[value] if isinstance(value, Area) else 0


def _income_value(value: object) -> int:
    return value if isinstance(value, int) else 0


def _mask(value: object) -> int:
    if value is NOT_GIVEN or not value:
        return 0
    assert isinstance(value, frozenset)
    return sum(BIT[d] for d in value)


def _read_flag(value: object) -> tuple[bool | None, str | None]:
    try:
        return read_flag(value), None
    except CellError as exc:
        return None, str(exc)


_ID_SPEC = field_specs(Household)[HOUSEHOLD_ID]


def _read_id(value: object) -> tuple[str | None, str | None]:
    """A household_id cell as the field holds it, or why it cannot be one."""
    if isinstance(value, str) and value.isascii() and value == value.strip():
        return value, None
    if isinstance(value, str):
        text = convert_cell(_ID_SPEC, value)
        return (text if isinstance(text, str) else None), None
    found, problems = read_value(Household, HOUSEHOLD_ID, value, HOUSEHOLD_ID)
    if problems:
        text = problems[0][1].partition(": ")[2]
        return None, text
    return (found if isinstance(found, str) else None), None


class Ids:
    """A chunk's household_id column: each row's text (looked up when asked) and key.

    The key is the number itself for a column of whole numbers, else the 64-bit hash of
    the identifier's text (as the field holds it): what duplicates are found by.
    """

    __slots__ = ("arrow", "codes", "keys", "texts", "valid", "values")

    def __init__(
        self,
        keys: NDArray[np.int64],
        valid: NDArray[np.bool_],
        *,
        values: NDArray[Any] | None = None,
        codes: NDArray[np.intp] | None = None,
        texts: list[str | None] | None = None,
        arrow: Any = None,
    ) -> None:
        self.keys = keys
        self.valid = valid
        self.values = values
        self.codes = codes
        self.texts = texts
        self.arrow = arrow  # every row's text as a pyarrow array, when the column was one

    def __getitem__(self, row: int) -> str | None:
        if not self.valid[row]:
            return None
        if self.values is not None:
            return str(self.values[row])
        assert self.codes is not None
        assert self.texts is not None
        text: str | None = self.texts[int(self.codes[row])]
        return text


class _Duplicates:
    """The household_ids seen in earlier rows, by key (bounded memory: 8 bytes each).

    Text identifiers are remembered by a 64-bit hash: two different identifiers of
    earlier chunks could in principle share one (about one chance in 10^6 for five
    million households); within a chunk, and for whole-number identifiers, the test
    is exact.
    """

    def __init__(self) -> None:
        # Sorted runs of keys, merged as a binary counter merges: a few runs at any time,
        # each key copied O(log n) times in all, so a file of any length stays linear.
        self.runs: list[NDArray[np.int64]] = []

    def check(self, keys: NDArray[np.int64], valid: NDArray[np.bool_]) -> NDArray[np.bool_]:
        """Which rows repeat an id of an earlier row (this chunk or an earlier one)."""
        out = np.zeros(keys.shape[0], dtype=np.bool_)
        rows = np.flatnonzero(valid)
        if not rows.size:
            return out
        uniq, first = np.unique(keys[rows], return_index=True)
        later = np.ones(rows.size, dtype=np.bool_)
        later[first] = False
        out[rows[later]] = True
        hit = np.zeros(uniq.size, dtype=np.bool_)
        for run in self.runs:
            at = np.searchsorted(run, uniq)
            hit |= run[np.minimum(at, run.size - 1)] == uniq
        if hit.any():
            out[rows[np.isin(keys[rows], uniq[hit])]] = True
        run = uniq[~hit]
        if not run.size:
            return out
        while self.runs and self.runs[-1].size <= run.size:
            run = np.sort(np.concatenate([self.runs.pop(), run]), kind="stable")
        self.runs.append(run)
        return out


class _Factorized:
    """A column chunk that factorises itself once, however often it is asked."""

    __slots__ = ("col", "done")

    def __init__(self, col: _table.Column) -> None:
        self.col = col
        self.done: tuple[NDArray[np.intp], list[Any]] | None = None


def factorize(col: Any) -> tuple[NDArray[np.intp], list[Any]]:
    """:func:`vnlabor.batch._table.factorize`, once per column chunk."""
    if isinstance(col, _Factorized):
        if col.done is None:
            col.done = _table.factorize(col.col)
        return col.done
    return _table.factorize(col)


def _raw(col: Any) -> Any:
    return col.col if isinstance(col, _Factorized) else col


def _filled(col: Any) -> NDArray[np.bool_]:
    """The cells of a column chunk that are not empty."""
    text = _table.arrow_text(_raw(col))
    if text is not None:
        import pyarrow.compute as pc

        trimmed = pc.utf8_length(pc.utf8_trim_whitespace(text))
        filled: NDArray[np.bool_] = (
            pc.greater(trimmed, 0).fill_null(False).to_numpy(zero_copy_only=False)
        )
        return filled
    values, null = _table.to_numpy(_raw(col)) if _typed(col) else (None, None)
    if values is not None:
        return np.ones(values.shape[0], dtype=np.bool_) if null is None else ~null
    return factorize(col)[0] >= 0


def _typed(col: Any) -> bool:
    """Whether a column chunk holds numbers or booleans (no text to be blank)."""
    raw = _raw(col)
    dtype = getattr(raw, "dtype", None)
    if isinstance(dtype, np.dtype):
        return dtype.kind in "iufb"
    kind = str(getattr(raw, "type", dtype))
    return any(word in kind for word in ("int", "float", "bool", "double", "Int", "Float"))
