"""A household table read chunk by chunk through the table contract, without a per-row step.

Every cell is read by the contract's own functions (:func:`vnlabor.table.rows.read_value`,
:func:`vnlabor.table.rows.check_values`, :func:`vnlabor.table.cells.read_flag`), once
per *distinct* value of a column, remembered from chunk to chunk (:class:`Distinct`);
the rows take the result by code. Typed columns (integers, floats, booleans) skip even
that: a whole-array test finds the cells the contract accepts, and only the distinct
values it would reject are read one by one, to word the reason. Text held by Arrow is
first tested on its bytes (:mod:`vnlabor.table.arrow`: plain amounts, blanks,
identifiers as they are), and only the cells those tests leave are read by the
contract. So a row is rejected here exactly when the readers reject it, and for the
same reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from vnlabor.batch._columns import Column, ColumnChunk
from vnlabor.batch._distinct import Distinct
from vnlabor.batch._ids import Duplicates, Ids, id_key, int_keys, text_keys
from vnlabor.batch._plan import AREA, DEPRIVATIONS, HOUSEHOLD_ID, INCOME, Col, Plan
from vnlabor.model.area import Area
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.household import Household
from vnlabor.table.arrow import PLAIN_AMOUNT, arrow_positions
from vnlabor.table.cells import CellError, convert_cell, field_specs, is_blank, plain, read_flag
from vnlabor.table.households import BOTH_GIVEN, duplicate_reason
from vnlabor.table.reasons import problem
from vnlabor.table.rows import NOT_GIVEN, Problem, check_values, read_value
from vnlabor.types import MAX_VND, quoted

__all__ = ["BIT", "WHOLE_ROW", "Chunk", "Reader", "Trouble"]

_AREAS: Final = tuple(Area)
_AREA_CODE: Final = {area: code for code, area in enumerate(_AREAS)}
BIT: Final = {d: 1 << i for i, d in enumerate(Deprivation)}
"""The bit of each indicator in a row's deprivation mask."""
WHOLE_ROW: Final = 1 << 30
"""The order of a problem of the whole row (after every column's)."""
_EXACT_FLOAT: Final = 2.0**53
_MEMO_LIMIT: Final = 1 << 18  # answers remembered per reader (bounded memory)


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


class Reader:
    """Reads the chunks of one table under one :class:`Plan`."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.area = Distinct(lambda v: read_value(Household, AREA, v, plan.area.header), _area)
        read_income = _memo(lambda v: read_value(Household, INCOME, v, plan.income.header))
        self.read_income = read_income

        def income_text(value: Any) -> tuple[object, list[Problem]]:
            if value.__class__ is str and PLAIN_AMOUNT.fullmatch(value):
                return int(value.replace(".", "")), []
            found: tuple[object, list[Problem]] = read_income(value)
            return found

        self.income = Distinct(income_text, _amount)
        dep = plan.deprivations
        self.deprivations = (
            Distinct(lambda v: read_value(Household, DEPRIVATIONS, v, dep.header), _mask)
            if dep is not None
            else None
        )
        self.flags = {c.index: Distinct(_flag_reader(c), _yes) for c, _ in plan.indicators}
        self.ids = _memo(_read_id)
        self.combos = _memo(self._check_combo)
        self.duplicates = Duplicates()
        self._other_headers = {c.key: c.header for c in plan.others}

    # --- one chunk ---------------------------------------------------------------------

    def read(self, raw: dict[int, Column], size: int, *, blank_rows: bool = True) -> Chunk:
        """Read one chunk of the plan's columns (``{column index: column chunk}``).

        ``blank_rows=False``: no row has every cell empty (the caller left them out).
        """
        cols = {i: ColumnChunk(col) for i, col in raw.items()}
        p = self.plan
        troubles: list[Trouble] = []
        area = _coded(cols[p.area.index], p.area, self.area, troubles)
        income = self._income(cols[p.income.index], p.income, troubles)
        mask = np.zeros(size, dtype=np.int32)
        filled = None
        if p.deprivations is not None:
            assert self.deprivations is not None
            dep = cols[p.deprivations.index]
            mask |= _coded(dep, p.deprivations, self.deprivations, troubles).astype(np.int32)
            if p.indicators:
                filled = ~dep.blank
        for col, indicator in p.indicators:
            flags = self._flags(cols[col.index], col, troubles)
            if filled is not None:
                flags = flags & ~filled
            mask |= flags.view(np.uint8).astype(np.int32) << (BIT[indicator].bit_length() - 1)
        if filled is not None and filled.any():
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
        blank = None
        for i in (*(c.index for c in p.columns), *p.ignored_at) if blank_rows else ():
            here = cols[i].blank
            blank = here.copy() if blank is None else blank & here
            if not blank.any():
                break
        return Chunk(size, area.astype(np.int8), income, mask, ids, troubles, blank)

    def _income(self, col: ColumnChunk, where: Col, troubles: list[Trouble]) -> NDArray[np.int64]:
        text = col.text
        if text is not None:
            return self._income_arrow(text, where, troubles)
        values, null = col.numpy
        kind = values.dtype.kind
        n = values.shape[0]
        if kind in "iu":
            good = (values >= 0) & (values <= MAX_VND) if kind == "i" else values <= MAX_VND
        elif kind == "f":
            with np.errstate(invalid="ignore"):
                good = np.isfinite(values) & (values == np.floor(values))
                good &= (values >= 0) & (values < _EXACT_FLOAT)
        else:
            return _coded(col, where, self.income, troubles)
        if null is not None:
            good &= ~null
        income = np.where(good, values, 0).astype(np.int64)
        if good.all():
            return income
        # The distinct rejected values are read by the contract, for its words.
        bad = np.flatnonzero(~good)
        cells = [None if null is not None and null[i] else plain(values[i]) for i in bad]
        objects = np.empty(len(cells), dtype=object)
        objects[:] = cells
        sub, uniques = ColumnChunk(objects).codes
        problems = [(u, self.read_income(value)[1]) for u, value in enumerate(uniques)]
        problems.append((len(uniques), self.read_income(None)[1]))
        codes = np.full(n, -1, dtype=np.intp)
        codes[bad] = np.where(sub >= 0, sub, len(uniques))
        _trouble(codes, [*uniques, None], problems, where, troubles)
        return income

    def _income_arrow(self, text: Any, where: Col, troubles: list[Trouble]) -> NDArray[np.int64]:
        """Text amounts in an Arrow column: the plain ones at once, the rest one by one."""
        from vnlabor.table.arrow import plain_amounts

        plain_np, income = plain_amounts(text)
        if plain_np.all():
            return income
        rest = np.flatnonzero(~plain_np)
        found: list[Trouble] = []
        income[rest] = _coded(
            ColumnChunk(text.take(arrow_positions(rest))), where, self.income, found
        )
        for t in found:  # the troubles of the rest, at their rows in the chunk
            codes = np.full(len(text), -1, dtype=np.int32)
            codes[rest] = t.codes
            t.codes = codes
            troubles.append(t)
        return income

    def _flags(self, col: ColumnChunk, where: Col, troubles: list[Trouble]) -> NDArray[np.bool_]:
        if col.text is None and col.typed:
            values, null = col.numpy
            if values.dtype.kind == "b":  # typed yes/no: an empty cell states nothing
                return values if null is None else values & ~null
        return _coded(col, where, self.flags[where.index], troubles).astype(np.bool_)

    def _ids(self, col: ColumnChunk, where: Col, troubles: list[Trouble]) -> Ids:
        text = col.text
        if text is not None:
            held, keys = text_keys(text)
            if held.all():
                return Ids(keys, held, arrow=text)
            # The other cells (spaces around, other characters, empty): the contract's.
            rest = np.flatnonzero(~held)
            found: list[Trouble] = []
            sub = self._general_ids(ColumnChunk(text.take(arrow_positions(rest))), where, found)
            valid = held.copy()
            valid[rest] = sub.valid
            keys[rest] = sub.keys
            for t in found:
                codes = np.full(len(text), -1, dtype=np.int32)
                codes[rest] = t.codes
                t.codes = codes
                troubles.append(t)
            fixed = {int(r): sub[k] for k, r in enumerate(rest.tolist()) if sub.valid[k]}
            return Ids(keys, valid, arrow=text, fixed=fixed)
        if col.typed:
            values, null = col.numpy
            if values.dtype.kind == "i":  # whole numbers: their digits, exactly; never bad
                valid = np.ones(values.shape[0], dtype=np.bool_) if null is None else ~null
                return Ids(int_keys(values), valid, values=values)
        return self._general_ids(col, where, troubles)

    def _general_ids(self, col: ColumnChunk, where: Col, troubles: list[Trouble]) -> Ids:
        codes, uniques = col.codes
        texts: list[str | None] = []
        keys = np.zeros(len(uniques) + 1, dtype=np.int64)
        problems: list[tuple[int, list[Problem]]] = []
        for u, value in enumerate(uniques):
            text, found = _read_id(value) if value.__class__ is str else self.ids(value)
            texts.append(text)
            if text:
                keys[u] = id_key(text)
            if found is not None:
                problems.append((u, [(HOUSEHOLD_ID, problem(where.header, found))]))
        _trouble(codes, uniques, problems, where, troubles)
        texts.append(None)
        valid = np.array([bool(t) for t in texts], dtype=np.bool_)[codes]
        return Ids(keys[codes], valid, codes=codes, texts=texts)

    def _others(self, cols: dict[int, ColumnChunk], size: int, troubles: list[Trouble]) -> None:
        """The other fields' columns, checked together once per distinct combination."""
        others = self.plan.others
        factorized = [cols[c.index].codes for c in others]
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


def _coded(
    col: ColumnChunk, where: Col, distinct: Distinct, troubles: list[Trouble]
) -> NDArray[np.int64]:
    """A column read once per distinct value; each row's number (bad rows: 0)."""
    at = distinct.positions(col)
    numbers, bad = distinct.arrays()
    if not bad.any():
        read: NDArray[np.int64] = numbers[at]
        return read
    slot = np.where(at < 0, numbers.shape[0] - 1, at)  # the last slot: an empty cell
    rows_bad = bad[slot]
    if rows_bad.any():
        present = np.unique(slot[rows_bad])
        t = Trouble(where.index, where.header, np.full(slot.shape[0], -1, dtype=np.int32))
        for s in present.tolist():
            found = distinct.problems[s] if s < len(distinct.values) else distinct.blank_problems
            t.texts.append("; ".join(text for _, text in found))
            value = distinct.values[s] if s < len(distinct.values) else None
            t.shown.append("null" if value is None or is_blank(value) else quoted(value))
        t.codes[rows_bad] = np.searchsorted(present, slot[rows_bad]).astype(np.int32)
        troubles.append(t)
    return numbers[slot]


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


def _memo(read: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """``read`` remembering its answers by (type, value), up to a bound."""
    seen: dict[Any, Any] = {}

    def once(value: Any) -> Any:
        try:
            key = (value.__class__, value)
            found = seen.get(key, seen)
        except TypeError:  # unhashable
            return read(value)
        if found is seen:
            if len(seen) >= _MEMO_LIMIT:
                seen.clear()
            found = seen[key] = read(value)
        return found

    return once


def _area(value: object) -> int:
    return _AREA_CODE[value] if isinstance(value, Area) else 0


def _amount(value: object) -> int:
    return value if isinstance(value, int) else 0


def _mask(value: object) -> int:
    if value is NOT_GIVEN or not value:
        return 0
    assert isinstance(value, frozenset)
    return sum(BIT[d] for d in value)


def _yes(value: object) -> int:
    return 1 if value is True else 0


def _flag_reader(where: Col) -> Callable[[Any], tuple[object, list[Problem]]]:
    def read(value: Any) -> tuple[object, list[Problem]]:
        try:
            return read_flag(value), []
        except CellError as exc:
            return None, [(where.key, problem(where.header, str(exc)))]

    return read


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
