"""The table contract: one reading of a table for the readers, the batch engine and the CLI.

A table (CSV file, Excel sheet, DataFrame, Arrow table) is read the same way whichever
engine reads it:

* :mod:`vnlabor.table.headers`: which column gives which field. A header names a
  field by its Python name or its Vietnamese or English label, in any case, with or
  without diacritics, with stray spaces or underscores. A column close to a known name
  that no other column gives (``nutriton``) is an error suggesting the name, unless
  unknown columns are to be ignored; a column far from every name is ignored and
  listed.
* :mod:`vnlabor.table.cells`: how a cell becomes a field's value, by the field's kind
  (text, whole number, money, yes/no, date, choice, set of choices, JSON record): the
  vocabularies of areas, yes/no words, money and dates. Every engine calls these
  functions: the readers once per cell, the batch engine once per distinct value.
* :mod:`vnlabor.table.reasons`: the bilingual reason of a rejected cell or row, the
  same text whichever engine rejected it.
* :mod:`vnlabor.table.households`: the household table: a ``deprivations`` text
  column or one yes/no column per indicator, what an empty indicator cell means, and
  duplicate ``household_id``.
* :mod:`vnlabor.table.errors`: :class:`RowError` and :class:`HeaderError`.

The contract is driven by the models' fields (:func:`~vnlabor.table.cells.field_specs`):
a field added to :class:`~vnlabor.Household` is read from its column by every engine
without further code.
"""

from vnlabor.table.cells import CellError, FieldSpec, convert_cell, field_specs, is_blank
from vnlabor.table.errors import HeaderError, PositionUnit, RowError
from vnlabor.table.headers import ColumnMatch, UnknownColumns, header_key, match_columns

__all__ = [
    "CellError",
    "ColumnMatch",
    "FieldSpec",
    "HeaderError",
    "PositionUnit",
    "RowError",
    "UnknownColumns",
    "convert_cell",
    "field_specs",
    "header_key",
    "is_blank",
    "match_columns",
]
