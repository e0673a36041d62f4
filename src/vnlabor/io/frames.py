"""pandas DataFrames: read as tables, and written from records and classifications.

pandas is optional (``pip install "vnlabor[pandas]"``) and imported only when a
DataFrame is asked for.

:func:`to_frame` writes one column per field, in field order:

* enums as their values (``"rural"``, not ``Area.RURAL``), sets of enums as their
  values joined by ``;`` (``"health_insurance;nutrition"``, in the enum's order);
* whole numbers (money, counts) as ``int64``, or the nullable ``Int64`` when the field
  may be ``None``; yes/no fields as ``bool``, or the nullable ``boolean``;
* dates as ``datetime64[ns]`` at midnight (``NaT`` for a missing one): pandas' own date
  type, which filters, groups by period (``.dt.year``) and goes to Excel as a date;
  readers take a midnight timestamp back as the date;
* an embedded record (an enrolment's course, a household's members) as JSON text,
  which :func:`~vnlabor.io.records.read_records` reads back; an empty collection as
  an empty cell;
* personal values (citizen IDs, names) only ever masked, as everywhere in vnlabor: a
  frame is for analysis and sharing, not for restoring them.

So ``read_records(to_frame(records), Model).records == tuple(records)`` whenever no
record holds a personal value (which is written masked), and text holds no
surrounding spaces (readers strip them) and is in Unicode NFC.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator, Sequence
from datetime import date
from enum import Enum
from typing import TYPE_CHECKING, Any, Literal, TypeVar

from pydantic import BaseModel

from vnlabor._optional import imported, require
from vnlabor.io.table import Row, Table
from vnlabor.l10n.labels import field_label
from vnlabor.table.cells import FieldSpec, field_specs

if TYPE_CHECKING:
    import pandas as pd

    from vnlabor.poverty.classification import Classification

__all__ = [
    "CLASSIFICATION_COLUMNS",
    "Headers",
    "classifications_to_frame",
    "frame_table",
    "is_frame",
    "to_frame",
]

M = TypeVar("M", bound=BaseModel)

Headers = Literal["field", "vi", "en"]
"""Column headers of :func:`to_frame`: Python field names, or Vietnamese or English labels."""

CLASSIFICATION_COLUMNS = (
    "household_id",
    "area",
    "province_code",
    "commune_code",
    "status",
    "deprivation_count",
    "income",
    "income_line",
    "standard",
    "on",
)
"""The columns of :func:`classifications_to_frame`, in order."""


def is_frame(obj: object) -> bool:
    """Whether ``obj`` is a pandas DataFrame (without importing pandas for it)."""
    pandas = imported("pandas")
    return pandas is not None and isinstance(obj, pandas.DataFrame)


def _python(value: Any) -> Any:
    """A DataFrame scalar as a plain Python value; missing values as ``None``."""
    if value is None or value.__class__ in (str, int, bool):
        return value
    module = value.__class__.__module__
    if module.startswith("pandas"):
        name = value.__class__.__name__
        if name in ("NAType", "NaTType"):
            return None
        if name == "Timestamp":
            return value.to_pydatetime()
        return value
    if module == "numpy":
        return value.item()
    return value


def _frame_rows(frame: pd.DataFrame) -> Iterator[Row]:
    for label, *cells in frame.itertuples(index=True, name=None):
        position: Hashable = _python(label)
        yield position, [_python(cell) for cell in cells]


def frame_table(frame: pd.DataFrame) -> Table:
    """A DataFrame as a :class:`~vnlabor.io.table.Table`.

    Column labels are the header, index labels the positions.
    """
    return Table([str(c) for c in frame.columns], _frame_rows(frame), "index", "DataFrame")


def _header(model: type[BaseModel], name: str, headers: Headers) -> str:
    if headers == "field":
        return name
    return field_label(model, name, headers)


def _enum_text(value: Any) -> Any:
    return value.value if isinstance(value, Enum) else value


def _cell(value: Any) -> Any:
    """A value that is not of a typed column's kind, as text where it needs to be."""
    if isinstance(value, BaseModel):
        return value.model_dump_json(exclude_defaults=True)
    if isinstance(value, tuple | list) and value and all(isinstance(v, BaseModel) for v in value):
        return "[" + ",".join(v.model_dump_json(exclude_defaults=True) for v in value) + "]"
    if isinstance(value, tuple | list | set | frozenset) and not value:
        return None
    if isinstance(value, Enum):
        return value.value
    if value is not None and not isinstance(value, str | int | float | bool | date):
        return str(value)  # e.g. a citizen ID or a name: str() is the masked form
    return value


def _set_text(spec: FieldSpec, value: Any) -> str | None:
    if not value:
        return None
    if isinstance(value, set | frozenset) and spec.enum is not None:
        value = [m for m in spec.enum if m in value]
    return ";".join(str(_enum_text(v)) for v in value)


def _column(pandas: Any, spec: FieldSpec, values: Sequence[Any]) -> Any:
    kind = spec.kind
    nullable = spec.optional
    if kind == "int":
        return pandas.Series(values, dtype="Int64" if nullable else "int64")
    if kind == "bool":
        return pandas.Series(values, dtype="boolean" if nullable else "bool")
    if kind == "date":
        return pandas.Series(
            pandas.to_datetime(pandas.Series(values, dtype=object)), dtype="datetime64[ns]"
        )
    if kind == "enum":
        return pandas.Series([_enum_text(v) for v in values], dtype=object)
    if kind == "enum_set":
        return pandas.Series([_set_text(spec, v) for v in values], dtype=object)
    return pandas.Series([_cell(v) for v in values], dtype=object)


def to_frame(
    records: Iterable[M],
    *,
    headers: Headers = "field",
    model: type[M] | None = None,
) -> pd.DataFrame:
    """The records as a DataFrame, one row per record and one column per field.

    Column types are described in the module documentation.

    Args:
        records: Records of one model.
        headers: ``"field"`` (Python names, default), ``"vi"`` or ``"en"`` (labels,
            which :func:`~vnlabor.io.records.read_records` reads back as well).
        model: The records' model; needed only to give an empty frame its columns.

    Returns:
        A DataFrame with a default ``RangeIndex``.

    Raises:
        ImportError: pandas is not installed.
        TypeError: The records are not all of one model.
        ValueError: Unknown ``headers``.

    >>> from vnlabor.model.household import Household
    >>> hh = Household(area="nông thôn", monthly_income_per_capita="1.500.000",
    ...                deprivations="nutrition;health_insurance", household_id="H1")
    >>> frame = to_frame([hh], headers="vi")
    >>> frame.iloc[0, [0, 2, 4]].tolist(), str(frame.dtypes.iloc[1])
    (['rural', 'nutrition;health_insurance', 'H1'], 'int64')
    >>> list(frame.columns[:3])
    ['khu vực', 'thu nhập bình quân đầu người/tháng', 'chỉ số thiếu hụt']
    """
    if headers not in ("field", "vi", "en"):
        raise ValueError(f"headers must be 'field', 'vi' or 'en', not {headers!r}")
    pandas: Any = require("pandas", "pandas", "DataFrame")
    rows = list(records)
    cls: type[BaseModel] | None = model if model is not None else (type(rows[0]) if rows else None)
    if cls is None:
        return pandas.DataFrame()
    if strays := [type(r).__name__ for r in rows if not isinstance(r, cls)]:
        raise TypeError(f"to_frame() takes records of one model ({cls.__name__}), got {strays[0]}")
    columns: dict[str, Any] = {}
    for name, spec in field_specs(cls).items():
        title = _header(cls, name, headers)
        if title in columns:
            raise ValueError(f"two fields of {cls.__name__} share the header {title!r}")
        columns[title] = _column(pandas, spec, [getattr(r, name) for r in rows])
    return pandas.DataFrame(columns, index=pandas.RangeIndex(len(rows)))


def classifications_to_frame(classifications: Iterable[Classification]) -> pd.DataFrame:
    """Classifications as a DataFrame, one row each, for reports and exports.

    Columns (:data:`CLASSIFICATION_COLUMNS`): ``household_id`` (text, missing when the
    household had none), ``area`` (``"rural"`` or ``"urban"``, the area classified
    under), ``province_code`` and ``commune_code`` (the household's codes as text,
    missing when not given: group by them for a map or a breakdown), ``status``
    (the :class:`~vnlabor.PovertyStatus` value),
    ``deprivation_count`` (deprivations the standard counts), ``income`` and
    ``income_line`` (VND/person/month, ``int64``), ``standard`` (the instrument
    number, e.g. ``07/2021/NĐ-CP``) and ``on`` (the date applied, ``datetime64[ns]``).

    Raises:
        ImportError: pandas is not installed.

    >>> from datetime import date
    >>> from vnlabor import Household, classify
    >>> hh = Household(area="rural", monthly_income_per_capita=1_500_000,
    ...                deprivations="health_insurance;nutrition", household_id="H1")
    >>> row = classifications_to_frame([classify(hh, on=date(2024, 3, 1))]).iloc[0]
    >>> row["status"], int(row["deprivation_count"]), int(row["income_line"]), row["standard"]
    ('near_poor', 2, 1500000, '07/2021/NĐ-CP')
    """
    pandas: Any = require("pandas", "pandas", "DataFrame")
    items = list(classifications)
    data = {
        "household_id": pandas.Series([c.household.household_id for c in items], dtype=object),
        "area": pandas.Series([c.area.value for c in items], dtype=object),
        "province_code": pandas.Series([c.household.province_code for c in items], dtype=object),
        "commune_code": pandas.Series([c.household.commune_code for c in items], dtype=object),
        "status": pandas.Series([c.status.value for c in items], dtype=object),
        "deprivation_count": pandas.Series([c.deprivation_count for c in items], dtype="int64"),
        "income": pandas.Series([c.income for c in items], dtype="int64"),
        "income_line": pandas.Series([c.income_line for c in items], dtype="int64"),
        "standard": pandas.Series([c.standard.key for c in items], dtype=object),
        "on": pandas.Series(
            pandas.to_datetime(pandas.Series([c.on for c in items], dtype=object)),
            dtype="datetime64[ns]",
        ),
    }
    return pandas.DataFrame(data, index=pandas.RangeIndex(len(items)))
