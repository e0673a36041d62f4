"""The batch functions on Dask DataFrames: the same pandas code, partition by partition.

A Dask DataFrame is a sequence of pandas partitions; :func:`assess` and :func:`classify`
run the pandas functions of this package on each (``map_partitions``; the functions
are handed over by their modules, which import this one), lazily: the
result is a Dask DataFrame or Series with the same partitions, computed by whichever
scheduler the caller uses (local threads, processes, a cluster). Each partition is read
through the table contract like any pandas table, so the answers are the pandas
answers, partition for partition.

Two rules follow from working one partition at a time:

* the members of a household must be in the partition of ``members`` that matches its
  household's partition (same number of partitions, partitioned alike: by province, by
  commune, or by ranges of ``household_id``); a member found elsewhere is reported as a
  member whose household is not in the table;
* a ``household_id`` repeated in two different partitions is not seen (each partition is
  checked on its own).

Dask is never imported here unless the caller's table is a Dask DataFrame, which means
the caller has imported it (extra ``vnlabor[dask]``).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

__all__ = ["assess", "is_dask", "statuses"]


def is_dask(table: object) -> bool:
    """Whether ``table`` is a Dask DataFrame or Series (without importing Dask)."""
    if "dask.dataframe" not in sys.modules:
        return False
    import dask.dataframe as dd

    return isinstance(table, dd.DataFrame | dd.Series)


def assess(
    households: Any, members: Any, run: Callable[..., Any], columns: list[str], *args: Any
) -> Any:
    """``run(households partition, members partition, *args)`` on each pair of partitions.

    ``run`` returns a DataFrame of nullable booleans named ``columns``, with the
    households' index (the pandas :func:`vnlabor.batch.assess_deprivations`).
    """
    import dask.dataframe as dd

    if not (is_dask(households) and is_dask(members)):
        raise TypeError(
            "cần hai Dask DataFrame / with Dask, households and members must both be Dask "
            f"DataFrames, not {type(households).__name__} and {type(members).__name__}"
        )
    if households.npartitions != members.npartitions:
        raise ValueError(
            "số phân vùng khác nhau / households and members must be partitioned alike: "
            f"{households.npartitions} and {members.npartitions} partitions (each partition "
            "of members holds the members of the same partition of households)"
        )
    pandas = sys.modules["pandas"]
    meta = pandas.DataFrame(
        {name: pandas.array([], dtype="boolean") for name in columns},
        index=households._meta.index,
    )
    return dd.map_partitions(  # type: ignore[no-untyped-call]
        run, households, members, *args, meta=meta, align_dataframes=False
    )


def statuses(table: Any, run: Callable[..., Any], dtype: Any, **options: Any) -> Any:
    """``run(partition, **options)`` on each partition: a Dask Series named ``status``.

    ``run`` is the pandas :func:`vnlabor.batch.classify` (``dtype`` its categorical
    dtype) or :func:`vnlabor.batch.status_codes` (``int8``, its array made a Series with
    the partition's index).
    """
    pandas = sys.modules["pandas"]
    return table.map_partitions(
        _as_series, run, options, meta=pandas.Series(dtype=dtype, name="status")
    )


def _as_series(partition: Any, run: Callable[..., Any], options: dict[str, Any]) -> Any:
    found = run(partition, **options)
    pandas = sys.modules["pandas"]
    if isinstance(found, pandas.Series):
        return found
    return pandas.Series(found, index=partition.index, name="status")
