"""Columnar (batch) engine: classify whole household tables with numpy.

``vnlabor.batch.classify(table, on=date)`` takes a pandas DataFrame, a pyarrow Table
(read in bounded chunks) or a mapping of column name to array, reads it through the
table contract the readers use (:mod:`vnlabor.table`), and returns the
:class:`~vnlabor.PovertyStatus` of every row in row order (a categorical Series for a
DataFrame), the same as :func:`vnlabor.classify` on what
:func:`vnlabor.io.read_households` reads; ``errors="report"`` keeps the good rows and
lists the bad ones (:class:`Classified`); :func:`status_codes` returns one byte per row
(see :data:`STATUS_BY_CODE`); :func:`explain` every row's
explanation. See :mod:`vnlabor.batch.poverty` for the columns.

Needs numpy (``pip install "vnlabor[batch]"``); pandas and pyarrow are used only when
the table is theirs. ``import vnlabor`` never imports this package.

>>> from datetime import date
>>> import vnlabor.batch
>>> vnlabor.batch.classify({"area": ["rural"], "monthly_income_per_capita": [2_000_000]},
...                        on=date(2027, 1, 1)).tolist()
[<PovertyStatus.NEAR_POOR: 'near_poor'>]
"""

try:
    import numpy  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    # ModuleNotFoundError naming numpy: tools that import every vnlabor module skip this
    # one, as for any missing optional dependency.
    raise ModuleNotFoundError(
        'vnlabor.batch needs numpy: pip install "vnlabor[batch]" '
        '(and "vnlabor[pandas]" or "vnlabor[arrow]" for DataFrames or Arrow tables)',
        name="numpy",
    ) from exc

from vnlabor.batch.assessment import assess_deprivations, indicator_sets
from vnlabor.batch.explanations import explain
from vnlabor.batch.poverty import (
    STATUS_BY_CODE,
    Classified,
    classify,
    status_codes,
    status_dtype,
    statuses_from_codes,
)

__all__ = [
    "STATUS_BY_CODE",
    "Classified",
    "assess_deprivations",
    "classify",
    "explain",
    "indicator_sets",
    "status_codes",
    "status_dtype",
    "statuses_from_codes",
]
