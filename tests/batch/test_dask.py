"""The batch functions on Dask DataFrames give, partition by partition, the pandas answers.

Run on Dask's local synchronous scheduler. The households are partitioned by commune
and their members alike (each members partition holds the members of the same
partition's households), as a province would split its review.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import vnlabor as vl
import vnlabor.batch

pd = pytest.importorskip("pandas")
dd = pytest.importorskip("dask.dataframe")  # extra vnlabor[dask]
delayed = pytest.importorskip("dask").delayed

COMMUNE = Path(vl.__file__).parent / "sample_data" / "commune"
PARTS = 4


@pytest.fixture(scope="module")
def sheets() -> tuple[Any, Any]:
    households = pd.read_csv(COMMUNE / "households.csv", dtype=str, keep_default_na=False)
    members = pd.read_csv(COMMUNE / "members.csv", dtype=str, keep_default_na=False)
    # Four groups of households (by their position), the members of each with them.
    group = pd.Series(range(len(households))) * PARTS // len(households)
    households["part"] = group.to_numpy()
    members["part"] = members["Mã hộ"].map(dict(zip(households["Mã hộ"], group, strict=True)))
    return households, members


def partitioned(frame: Any) -> Any:
    pieces = [
        frame[frame["part"] == k].drop(columns="part").reset_index(drop=True) for k in range(PARTS)
    ]
    return dd.from_delayed([delayed(p) for p in pieces], meta=pieces[0].iloc[:0])


@pytest.mark.parametrize("when", [{"on": date(2026, 6, 1)}, {"list_year": 2027}])
def test_dask_gives_the_pandas_answers(sheets: tuple[Any, Any], when: dict[str, Any]) -> None:
    households, members = sheets
    lazy = vnlabor.batch.assess_deprivations(partitioned(households), partitioned(members), **when)
    assert isinstance(lazy, dd.DataFrame)
    assert lazy.npartitions == PARTS
    found = lazy.compute(scheduler="synchronous")
    expected = []
    for k in range(PARTS):
        hh = households[households["part"] == k].drop(columns="part").reset_index(drop=True)
        mem = members[members["part"] == k].drop(columns="part").reset_index(drop=True)
        expected.append(vnlabor.batch.assess_deprivations(hh, mem, **when))
    pd.testing.assert_frame_equal(found, pd.concat(expected))
    # The whole commune at once, in pandas: the same rows, in the same order.
    whole = vnlabor.batch.assess_deprivations(
        households.drop(columns="part"), members.drop(columns="part"), **when
    )
    order = households.sort_values("part", kind="stable").index
    pd.testing.assert_frame_equal(
        found.reset_index(drop=True), whole.loc[order].reset_index(drop=True)
    )
    # classify and status_codes take the assessed Dask table and return Dask Series.
    columns = ["Mã hộ", "Khu vực", "Thu nhập bình quân đầu người/tháng", "part"]
    table = households[columns].join(whole)
    lazy_table = partitioned(table)
    statuses = vnlabor.batch.classify(lazy_table, **when)
    codes: Any = vnlabor.batch.status_codes(lazy_table, **when)
    assert isinstance(statuses, dd.Series)
    pandas_statuses = vnlabor.batch.classify(table.loc[order].drop(columns="part"), **when)
    assert statuses.compute(scheduler="synchronous").tolist() == pandas_statuses.tolist()
    assert [vnlabor.batch.STATUS_BY_CODE[c] for c in codes.compute(scheduler="sync")] == (
        pandas_statuses.tolist()
    )


def test_tables_partitioned_differently_are_refused(sheets: tuple[Any, Any]) -> None:
    households, members = sheets
    with pytest.raises(ValueError, match="partitioned alike: 4 and 1 partitions"):
        vnlabor.batch.assess_deprivations(
            partitioned(households),
            dd.from_pandas(members.drop(columns="part"), npartitions=1),
            on=date(2026, 6, 1),
        )
    with pytest.raises(TypeError, match="must both be Dask"):
        vnlabor.batch.assess_deprivations(
            partitioned(households), members.drop(columns="part"), on=date(2026, 6, 1)
        )
    with pytest.raises(ValueError, match="errors='report'"):
        vnlabor.batch.classify(partitioned(households), on=date(2026, 6, 1), errors="report")
