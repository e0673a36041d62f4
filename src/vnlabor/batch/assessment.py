"""Deprivations of whole tables: the indicator rules evaluated on columns.

:func:`assess_deprivations` takes a household table and a members table linked by
``household_id`` and returns, per household, every indicator of the standard in force
as a nullable boolean (``True`` deprived, ``False`` not deprived, ``NA`` undetermined),
row for row what :func:`vnlabor.assess_deprivations` says of the same household. It
evaluates the very rules the scalar path reads
(:attr:`CompiledStandard.rules <vnlabor.poverty.standard.CompiledStandard>`, from
``poverty_indicator_rules.toml``), in the columnar reading their module documents
(:mod:`vnlabor.poverty.indicator_rules`): three-valued logic as a pair of masks (known,
true) per condition, clauses as Kleene AND and OR, and the members grouped by household
once (``numpy.bincount`` on the household's position): no Python loop per household.

**Columns.** The household table has ``household_id`` and, optionally, ``size`` and the
facts of :class:`~vnlabor.Dwelling` as flat columns (``floor_area_m2``,
``durable_walls`` … ``hears_loudspeaker``); the members table has ``household_id``
and the fields of :class:`~vnlabor.Member` (``birth_date``, ``sex``, ``disabled`` and
the review facts). Headers and cells are read by the table contract
(:mod:`vnlabor.table`): field names or Vietnamese/English labels, ``có``/``không``,
``dd/mm/yyyy`` dates, labels of choices, each distinct value once; typed columns
(nullable booleans, ``datetime64``, categoricals) without a per-row step. A column that
is not there is a fact unknown for every row; other columns are ignored. A bad cell,
a repeated ``household_id``, or a member whose household is not in the household
table raises a ``ValueError`` that names them (the readers,
:func:`vnlabor.io.read_review`, report such rows one by one and keep the others).

**Into classification.** The result's columns are indicator columns of the household
table contract, so :func:`vnlabor.batch.classify` reads them (an ``NA`` is an indicator
stated unknown): joined to the households' ``area`` and ``monthly_income_per_capita``,
they give for every household with survey facts the status :func:`vnlabor.classify`
gives it (a household with no fact at all, neither dwelling nor member fact, is not
assessed by :func:`vnlabor.classify`: its deprivations are those given).

>>> from datetime import date
>>> import pandas as pd
>>> households = pd.DataFrame({"Mã hộ": ["H1", "H2"], "Diện tích nhà ở (m²)": ["16", "20"],
...                            "nguồn nước sinh hoạt": ["nước máy", None]})
>>> members = pd.DataFrame({"household_id": ["H1", "H1", "H2"],
...                         "ngày sinh": ["01/05/1990", "01/02/2019", "03/03/1950"],
...                         "có thẻ bảo hiểm y tế": ["không", "có", "có"]})
>>> found = assess_deprivations(households, members, on=date(2024, 3, 1))
>>> found[["health_insurance", "housing_area", "domestic_water"]]
   health_insurance  housing_area  domestic_water
0              True         False           False
1             False         False            <NA>
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Any, Final

import numpy as np
from numpy.typing import NDArray
from pydantic import BaseModel, ValidationError

from vnlabor.batch import _dask
from vnlabor.batch._columns import ColumnChunk
from vnlabor.batch._sources import is_pandas_frame
from vnlabor.law.book import LawBook
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.dwelling import Dwelling
from vnlabor.model.household import Household
from vnlabor.model.person import Member
from vnlabor.model.sex import Sex
from vnlabor.poverty.assessment import reference_date
from vnlabor.poverty.indicator_rules import AgeBand, Clause, Condition, IndicatorRule
from vnlabor.poverty.standard import CompiledStandard, compiled_for
from vnlabor.table.cells import FieldSpec, field_specs, mask_citizen_ids
from vnlabor.table.headers import field_for
from vnlabor.table.rows import NOT_GIVEN, read_value
from vnlabor.types import quoted

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["assess_deprivations", "assess_frames", "indicator_columns", "indicator_sets"]

HOUSEHOLD_ID: Final = "household_id"
_EXAMPLES: Final = 3
_SEXES: Final = tuple(Sex)
_PLAIN_ID: Final = r"[!-~](?:[ -~]*[!-~])?"  # printable ASCII, no space at either end
_NAT: Final = np.iinfo(np.int64).min  # an unknown birth date, in days

_Tri = tuple[NDArray[np.bool_], NDArray[np.bool_]]
"""Three-valued logic on rows: ``(known, true)``; ``true`` only where ``known``."""


def assess_deprivations(
    households: pd.DataFrame,
    members: pd.DataFrame,
    *,
    on: date | None = None,
    list_year: int | None = None,
    law: LawBook | None = None,
) -> Any:
    """Every indicator of the standard in force, for every household of a table.

    Args:
        households: One row per household: ``household_id``, optionally ``size`` and
            the dwelling's facts as flat columns (see the module documentation). A
            pandas DataFrame, or a Dask DataFrame (extra ``vnlabor[dask]``) with
            ``members`` one too, partitioned alike: each partition of ``members`` holds
            the members of the households of the same partition of ``households`` (by
            province, commune or ranges of ``household_id``).
        members: One row per member: ``household_id`` and the member's fields.
        on: Date whose standard applies; ages are counted on it.
        list_year: Instead of ``on``: the lists of this year (ages counted on the first
            day of the review that draws them up, as :func:`vnlabor.assess_deprivations`
            does).
        law: A law book with overlays; national by default.

    Returns:
        A DataFrame with the households' index and one nullable boolean column per
        indicator of the standard, in the standard's order, named by the indicator
        (``health_insurance``…): ``True`` deprived, ``False`` not deprived, ``NA``
        undetermined (:func:`indicator_sets` gives each row's deprived and
        undetermined sets). For Dask input, a lazy Dask DataFrame of the same
        partitions.

    Raises:
        TypeError: neither or both of ``on`` and ``list_year``, or not DataFrames.
        NoStandardInForce: no standard is encoded for the date.
        ValueError: a bad cell, a ``household_id`` missing or repeated, a member whose
            household is not in ``households`` (the message names them).
    """
    compiled = compiled_for(on, list_year, law)
    day = reference_date(on, list_year, law)
    if _dask.is_dask(households) or _dask.is_dask(members):
        return _dask.assess(
            households, members, assess_frames, indicator_columns(compiled), compiled, day
        )
    if not (is_pandas_frame(households) and is_pandas_frame(members)):
        raise TypeError(
            "cần hai DataFrame / households and members must be pandas (or Dask) "
            f"DataFrames, not {type(households).__name__} and {type(members).__name__}"
        )
    return assess_frames(households, members, compiled, day)


def indicator_sets(assessed: pd.DataFrame) -> pd.DataFrame:
    """Per household, the deprived and the undetermined indicators as sets.

    The result of :func:`assess_deprivations` read row by row as
    :attr:`DeprivationAssessment.deprived <vnlabor.poverty.assessment.DeprivationAssessment>`
    and ``.undetermined`` say it: two columns, ``deprived`` and ``undetermined``, of
    ``frozenset[Deprivation]``, with the same index. Each distinct combination is built
    once (a household's cells as two bit masks), not once per row.

    >>> import pandas as pd
    >>> found = pd.DataFrame({"nutrition": pd.array([True, None, True], dtype="boolean"),
    ...                       "housing_area": pd.array([False, True, None], dtype="boolean")})
    >>> sets = indicator_sets(found)
    >>> [sorted(d.value for d in s) for s in sets["undetermined"]]
    [[], ['nutrition'], ['housing_area']]
    >>> sorted(d.value for d in sets["deprived"].iloc[1])
    ['housing_area']
    """
    pandas = sys.modules["pandas"]
    names = [Deprivation(c) for c in assessed.columns]
    n = len(assessed)
    deprived = np.zeros(n, dtype=np.int64)
    unknown = np.zeros(n, dtype=np.int64)
    for bit, name in enumerate(assessed.columns):
        column = assessed[name].array
        na = np.asarray(column.isna(), dtype=np.bool_)
        yes = np.asarray(column.fillna(False), dtype=np.bool_) & ~na
        deprived |= yes.astype(np.int64) << bit
        unknown |= na.astype(np.int64) << bit
    combos, inverse = np.unique(np.stack([deprived, unknown], axis=1), axis=0, return_inverse=True)
    sets = [
        (
            frozenset(d for bit, d in enumerate(names) if int(dep) >> bit & 1),
            frozenset(d for bit, d in enumerate(names) if int(unk) >> bit & 1),
        )
        for dep, unk in combos.tolist()
    ]
    first = np.empty(len(sets), dtype=object)
    second = np.empty(len(sets), dtype=object)
    first[:], second[:] = [a for a, _ in sets], [b for _, b in sets]
    inverse = inverse.reshape(-1)
    return pandas.DataFrame(
        {"deprived": first[inverse], "undetermined": second[inverse]}, index=assessed.index
    )


def indicator_columns(compiled: CompiledStandard) -> list[str]:
    """The names of the result's columns under ``compiled``: its indicators, in order."""
    return [d.value for d in compiled.standard.indicators]


def assess_frames(
    households: pd.DataFrame, members: pd.DataFrame, compiled: CompiledStandard, on: date
) -> pd.DataFrame:
    """:func:`assess_deprivations` on pandas DataFrames, the standard resolved."""
    pandas = sys.modules["pandas"]
    hh = _Frame(households, "households", (Household, Dwelling))
    mem = _Frame(members, "members", (Member,))
    ids, member_ids = _same_kind(hh.ids(), mem.ids())
    index = pandas.Index(ids)
    if index.has_duplicates:
        twice = index[index.duplicated()].unique()
        raise ValueError(
            f"household_id trùng nhau / household_id repeated in households: "
            f"{len(twice)}, first {', '.join(quoted(mask_citizen_ids(str(i))) for i in twice[:3])}"
        )
    position = np.asarray(index.get_indexer(pandas.Index(member_ids)), dtype=np.intp)
    orphans = position < 0
    if orphans.any():
        lost = member_ids[orphans]
        shown = ", ".join(quoted(mask_citizen_ids(str(i))) for i in dict.fromkeys(lost[:3]))
        raise ValueError(
            f"thành viên không có hộ trong bảng hộ / {int(orphans.sum())} member(s) whose "
            f"household_id is not in households: first {shown}"
        )
    facts = _Facts(hh, mem, position, len(ids), on)
    out: dict[str, Any] = {}
    for indicator in compiled.standard.indicators:
        known, true = facts.evaluate(compiled.rules[indicator])
        out[indicator.value] = pandas.arrays.BooleanArray(true & known, ~known)
    return pandas.DataFrame(out, index=households.index)


# --- reading columns through the table contract -------------------------------------------


class _Frame:
    """One input table: its columns by field, each read once into codes."""

    def __init__(self, frame: pd.DataFrame, name: str, models: Sequence[type[BaseModel]]) -> None:
        self.frame = frame
        self.name = name
        self.columns: dict[str, tuple[type[BaseModel], Any, str]] = {}
        for label in frame.columns:
            if field_for(Household, label) == HOUSEHOLD_ID and HOUSEHOLD_ID not in self.columns:
                self.columns[HOUSEHOLD_ID] = (Household, frame[label], str(label))
                continue
            for model in models:
                field = field_for(model, label)
                if field is not None and field not in self.columns:
                    self.columns[field] = (model, frame[label], str(label))
                    break
        if HOUSEHOLD_ID not in self.columns:
            raise ValueError(
                f"thiếu cột / missing column in {name}: household_id (mã hộ / household ID)"
            )
        self._ids: NDArray[Any] | None = None
        self.n = len(frame)

    def ids(self) -> NDArray[Any]:
        """Each row's household_id: text as the field holds it, or whole numbers.

        A column of whole numbers (no empty cell) stays numbers: the field holds their
        digits, so two such columns link exactly as their texts would. A blank
        household_id is an error.
        """
        if self._ids is None:
            _model, col, header = self.columns[HOUSEHOLD_ID]
            chunk = ColumnChunk(col)
            if chunk.typed and chunk.text is None:
                values, null = chunk.numpy
                if values.dtype.kind in "iu" and null is None:
                    self._ids = values.astype(np.int64, copy=False)
                    return self._ids
            codes, uniques = chunk.codes
            texts = np.empty(len(uniques) + 1, dtype=object)
            texts[: len(uniques)] = uniques
            # Printable ASCII with no space at either end is held as it is (a code such
            # as "XA-0001"): only the other distinct values are read by the contract.
            odd = ~_held_as_is(texts[: len(uniques)])
            bad = _Bad(self.name, header)
            for u in np.flatnonzero(odd).tolist():
                value = uniques[u]
                found, problems = read_value(Household, HOUSEHOLD_ID, value, header)
                texts[u] = found
                bad.note(u, value, problems)
            bad.note(len(uniques), None, [(None, "thiếu mã hộ / household_id missing")])
            bad.check(codes, len(uniques))
            self._ids = texts[codes]
        return self._ids

    def has(self, field: str) -> bool:
        """Whether the table gives ``field``."""
        return field in self.columns

    def read(
        self, field: str, code: Callable[[object], int], missing: int = -1
    ) -> NDArray[np.int64]:
        """Per row, ``code(value)`` of the field's value, ``missing`` where it is not given."""
        if field not in self.columns:
            return np.full(self.n, missing, dtype=np.int64)
        model, col, header = self.columns[field]
        typed = _typed(col, field_specs(model)[field], missing)
        if typed is not None:
            return typed
        codes, uniques = ColumnChunk(col).codes
        values = np.full(len(uniques) + 1, missing, dtype=np.int64)
        bad = _Bad(self.name, header)
        for u, value in enumerate(uniques):
            found, problems = read_value(model, field, value, header)
            bad.note(u, value, problems)
            if not problems and found is not NOT_GIVEN and found is not None:
                values[u] = code(found)
        bad.check(codes, len(uniques))
        return values[codes]

    def decimals(self, field: str) -> tuple[NDArray[np.intp], list[Decimal]]:
        """Per row, the index of its distinct value (``-1``: not given), and the values."""
        if field not in self.columns:
            return np.full(self.n, -1, dtype=np.intp), []
        model, col, header = self.columns[field]
        codes, uniques = ColumnChunk(col).codes
        values: list[Decimal] = []
        lookup = np.full(len(uniques) + 1, -1, dtype=np.intp)
        bad = _Bad(self.name, header)
        for u, value in enumerate(uniques):
            found, problems = read_value(model, field, value, header)
            bad.note(u, value, problems)
            if not problems and isinstance(found, Decimal):
                lookup[u] = len(values)
                values.append(found)
        bad.check(codes, len(uniques))
        return lookup[codes], values


def _held_as_is(values: NDArray[Any]) -> NDArray[np.bool_]:
    """Which values are text the ``household_id`` field holds unchanged (whole-array)."""
    pandas = sys.modules["pandas"]
    series = pandas.Series(values, dtype=object)
    text: NDArray[np.bool_] = series.map(type).eq(str).to_numpy(dtype=np.bool_)
    if not text.any():
        return text
    held = series[text].astype(str).str.fullmatch(_PLAIN_ID).to_numpy(dtype=np.bool_)
    out = np.zeros(values.shape[0], dtype=np.bool_)
    out[np.flatnonzero(text)] = held
    return out


def _same_kind(a: NDArray[Any], b: NDArray[Any]) -> tuple[NDArray[Any], NDArray[Any]]:
    """Two id columns comparable: whole numbers become their digits when the other is text."""
    if (a.dtype.kind == "O") == (b.dtype.kind == "O"):
        return a, b
    if a.dtype.kind != "O":
        return a.astype(str).astype(object), b
    return a, b.astype(str).astype(object)


def _typed(col: Any, spec: FieldSpec, missing: int) -> NDArray[np.int64] | None:
    """A typed column read without a per-value step, where its type allows."""
    if spec.kind == "bool":
        values, null = ColumnChunk(col).numpy
        if values.dtype.kind == "b":
            out = values.astype(np.int64)
            if null is not None:
                out[null] = missing
            return out
    if spec.kind == "date":
        dtype = getattr(col, "dtype", None)
        if isinstance(dtype, np.dtype) and dtype.kind == "M":
            stamps = np.asarray(col.to_numpy())
            days: NDArray[np.int64] = stamps.astype("datetime64[D]").astype(np.int64)
            days[np.isnat(stamps)] = missing
            return days
    return None


class _Bad:
    """The bad distinct values of one column, raised as one ``ValueError``."""

    def __init__(self, table: str, header: str) -> None:
        self.table, self.header = table, header
        self.found: dict[int, tuple[object, str]] = {}

    def note(self, u: int, value: object, problems: Sequence[tuple[object, str]]) -> None:
        if problems:
            self.found[u] = (value, "; ".join(text for _, text in problems))

    def check(self, codes: NDArray[np.intp], blank: int) -> None:
        if not self.found:
            return
        lookup = np.zeros(blank + 1, dtype=np.bool_)
        lookup[list(self.found)] = True
        rows = np.flatnonzero(lookup[np.where(codes < 0, blank, codes)])
        if not rows.size:
            return
        shown = []
        for row in rows[:_EXAMPLES].tolist():
            u = int(codes[row]) if codes[row] >= 0 else blank
            value, why = self.found[u]
            shown.append(f"row {row} = {quoted(value) if value is not None else 'null'}: {why}")
        raise ValueError(
            f"bảng {self.table} có giá trị không hợp lệ / bad values in {self.table}: column "
            f"{self.header!r}: {rows.size} bad row(s); first {'; '.join(shown)}"
        )


# --- the facts of a household table and its members -----------------------------------------


def _enum_code(enum: type[Enum]) -> Callable[[object], int]:
    members = {m: i for i, m in enumerate(enum)}
    return lambda value: members[value]  # type: ignore[index]


def _set_bits(enum: type[Enum]) -> Callable[[object], int]:
    bits = {m: 1 << i for i, m in enumerate(enum)}

    def code(value: object) -> int:
        assert isinstance(value, frozenset)
        return sum(bits[m] for m in value)

    return code


def _model_rule(**facts: object) -> str:
    """The words :class:`~vnlabor.Member` rejects these facts with (one source of them)."""
    try:
        Member(**facts)
    except ValidationError as exc:
        return str(exc.errors()[0]["msg"])
    raise AssertionError(f"Member accepts {facts}")  # pragma: no cover


_SCHOOL_RULE: Final = _model_rule(at_expected_school_level=True, in_school=False)


def _bool_code(value: object) -> int:
    return int(bool(value))


def _day(value: object) -> int:
    assert isinstance(value, date)
    return int(np.datetime64(value, "D").astype(np.int64))


@dataclass
class _Facts:
    """The facts of both tables as integer columns, read as rules ask for them."""

    households: _Frame
    members: _Frame
    position: NDArray[np.intp]  # each member's household, by row position
    n: int
    on: date

    def __post_init__(self) -> None:
        self._cache: dict[tuple[str, str], NDArray[np.int64]] = {}
        self.count = np.bincount(self.position, minlength=self.n)
        size = self.column("households", "size")
        wrong = (self.count > 0) & (size >= 0) & (size != self.count)
        if wrong.any():
            row = int(np.flatnonzero(wrong)[0])
            raise ValueError(
                f"số nhân khẩu khác số thành viên / size differs from the members listed in "
                f"{int(wrong.sum())} household(s): first row {row}, size {int(size[row])}, "
                f"{int(self.count[row])} members"
            )
        self._ages: tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_]] | None = None
        self._members_agree()

    def _members_agree(self) -> None:
        """The member model's own check across facts, on every member row at once."""
        if not (self.members.has("at_expected_school_level") and self.members.has("in_school")):
            return
        wrong = (self.column("members", "at_expected_school_level") == 1) & (
            self.column("members", "in_school") == 0
        )
        if wrong.any():
            rows = np.flatnonzero(wrong)
            raise ValueError(
                f"bảng members có dòng không hợp lệ / bad rows in members: {rows.size} bad "
                f"row(s), first {', '.join(str(r) for r in rows[:_EXAMPLES].tolist())}: "
                f"{_SCHOOL_RULE}"
            )

    # -- columns

    def column(self, table: str, field: str) -> NDArray[np.int64]:
        key = (table, field)
        found = self._cache.get(key)
        if found is None:
            frame = self.members if table == "members" else self.households
            model: type[BaseModel] = Member if table == "members" else Dwelling
            spec = field_specs(model)[field] if field in model.model_fields else None
            if field == "birth_date":
                found = frame.read(field, _day, _NAT)  # -1 is a day: 31/12/1969
            elif spec is not None and spec.kind == "enum":
                assert spec.enum is not None
                found = frame.read(field, _enum_code(spec.enum))
            elif spec is not None and spec.kind == "enum_set":
                assert spec.enum is not None
                found = frame.read(field, _set_bits(spec.enum))
            elif field == "size":
                found = frame.read(field, lambda v: int(v))  # type: ignore[call-overload]
            else:
                found = frame.read(field, _bool_code)
            self._cache[key] = found
        return found

    def ages(self) -> tuple[NDArray[np.int64], NDArray[np.int64], NDArray[np.bool_]]:
        """Each member's age in whole years and in whole months on ``on``, and birth known."""
        if self._ages is None:
            days = self.column("members", "birth_date")
            known = days != _NAT
            born = np.where(known, days, 0).astype("datetime64[D]")
            year = born.astype("datetime64[Y]").astype(np.int64) + 1970
            month0 = born.astype("datetime64[M]").astype(np.int64)
            month = month0 % 12 + 1
            day = (born - month0.astype("datetime64[M]").astype("datetime64[D]")).astype(
                np.int64
            ) + 1
            on = self.on
            later = (month > on.month) | ((month == on.month) & (day > on.day))
            years = on.year - year - later
            months = (on.year - year) * 12 + on.month - month - (on.day < day)
            self._ages = (years, months, known)
        return self._ages

    # -- logic

    def condition(self, table: str, test: Condition) -> _Tri:
        values = self.column(table, test.fact)
        known = values >= 0
        model: type[BaseModel] = Member if table == "members" else Dwelling
        spec = field_specs(model)[test.fact]
        if test.op == "is":
            if spec.kind == "enum":
                assert spec.enum is not None
                assert isinstance(test.value, Enum)
                target = list(spec.enum).index(test.value)
            else:
                target = int(bool(test.value))
            return known, known & (values == target)
        assert spec.enum is not None
        codes = list(spec.enum)
        chosen = test.value
        assert isinstance(chosen, frozenset)
        if test.op == "none_in":
            bits = sum(1 << codes.index(m) for m in chosen)
            return known, known & ((values & bits) == 0)
        inside = np.zeros(len(codes), dtype=np.bool_)
        inside[[codes.index(m) for m in chosen]] = True
        hit = inside[np.where(known, values, 0)]
        return known, known & (hit if test.op == "in" else ~hit)

    def band(self, band: AgeBand) -> _Tri:
        years, months, known = self.ages()
        inside = np.ones(years.shape[0], dtype=np.bool_)
        if band.min_age is not None:
            inside &= years >= band.min_age
        if band.max_age is not None:
            inside &= years <= band.max_age
        if band.below_age is not None:
            inside &= years < band.below_age
        if band.born_from_year is not None:
            days = self.column("members", "birth_date")
            born_year = (
                np.where(known, days, 0)
                .astype("datetime64[D]")
                .astype("datetime64[Y]")
                .astype(np.int64)
                + 1970
            )
            inside &= born_year >= band.born_from_year
        working = band.working_age
        if working is None:
            return known, known & inside
        inside &= years >= working.min_age
        sex = self.column("members", "sex")
        limits = np.array(
            [working.retirement_months(s, self.on.year) for s in _SEXES], dtype=np.int64
        )
        below = months < limits[np.where(sex >= 0, sex, 0)]
        young = months < limits.min()
        old = months >= limits.max()
        sex_known = sex >= 0
        # Sex unknown: inside if young for either sex, outside if old for both.
        result_known = known & (~inside | sex_known | young | old)
        true = known & inside & np.where(sex_known, below, young)
        return result_known, true & result_known

    def clause(self, table: str, clause: Clause, size: int) -> _Tri:
        known = np.ones(size, dtype=np.bool_)
        true = np.ones(size, dtype=np.bool_)
        false = np.zeros(size, dtype=np.bool_)
        parts = [self.condition(table, c) for c in clause.conditions]
        if clause.band is not None:
            parts.insert(0, self.band(clause.band))
        for k, t in parts:  # Kleene AND: false wins, then unknown
            false |= k & ~t
            known &= k
            true &= t
        return known | false, true & known & ~false

    def any_clause(self, table: str, clauses: Sequence[Clause], size: int) -> _Tri:
        true = np.zeros(size, dtype=np.bool_)
        all_false = np.ones(size, dtype=np.bool_)
        for clause in clauses:  # Kleene OR: true wins, then unknown
            k, t = self.clause(table, clause, size)
            true |= t
            all_false &= k & ~t
        return true | all_false, true

    # -- rules

    def evaluate(self, rule: IndicatorRule) -> _Tri:
        kind = rule.kind
        if kind in ("any_member", "member_share"):
            return self._members(rule)
        if kind == "dwelling_any":
            return self.any_clause("households", rule.clauses, self.n)
        if kind == "dwelling_count":
            surely = np.zeros(self.n, dtype=np.int64)
            open_ = np.zeros(self.n, dtype=np.int64)
            for test in rule.conditions:
                k, t = self.condition("households", test)
                surely += t
                open_ += ~k
            assert isinstance(rule.cutoff, int)
            true = surely >= rule.cutoff
            return true | (surely + open_ < rule.cutoff), true
        return self._area(rule)

    def _members(self, rule: IndicatorRule) -> _Tri:
        k, t = self.any_clause("members", rule.clauses, self.members.n)
        surely = np.bincount(self.position, weights=t, minlength=self.n)
        maybe = np.bincount(self.position, weights=~k, minlength=self.n)
        listed = self.count > 0  # a household without members: undetermined
        if rule.kind == "any_member":
            true = listed & (surely > 0)
            return true | (listed & (maybe == 0)), true
        assert isinstance(rule.cutoff, int)
        total = self.count * rule.cutoff  # "more than p%": share x 100 > p
        true = listed & (surely * 100 > total)
        return true | (listed & ((surely + maybe) * 100 <= total)), true

    def _area(self, rule: IndicatorRule) -> _Tri:
        assert rule.fact is not None
        assert isinstance(rule.cutoff, Decimal)
        codes, values = self.households.decimals(rule.fact)
        size = self.column("households", "size")
        people = np.where(self.count > 0, self.count, size)  # members listed, else size
        known_area = codes >= 0
        cutoff = rule.cutoff
        # Exact: areas and cut-off as whole numbers of the finest unit any of them uses.
        places = max((-v.as_tuple().exponent for v in (*values, cutoff)), default=0)  # type: ignore[operator]
        scale = Decimal(10) ** max(0, places)
        area = np.array([int(v * scale) for v in values] + [0], dtype=object)[codes]
        if places <= 6 and all(abs(v) < 10**9 for v in values):
            area = area.astype(np.int64)
        line = int(cutoff * scale)
        below_one = known_area & (area < line)  # below the cut-off for one person
        people_known = people > 0
        true = known_area & np.where(people_known, area < line * np.maximum(people, 1), below_one)
        known = known_area & (people_known | below_one)
        return known, true.astype(np.bool_) & known
