"""The columnar engine gives, row for row, the statuses of the scalar classifier."""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

import numpy as np  # noqa: E402

import vnlabor as vl  # noqa: E402
import vnlabor.batch  # noqa: E402
from vnlabor.batch import _engine  # noqa: E402
from vnlabor.batch import poverty as engine  # noqa: E402
from vnlabor.law import bundled_overlay, national  # noqa: E402
from vnlabor.poverty import standard_in_force  # noqa: E402
from vnlabor.poverty.standard import compiled_in_force  # noqa: E402

D = vl.Deprivation
P = vl.PovertyStatus
Row = tuple[Any, int, frozenset[vl.Deprivation]]

QD59_FIRST, QD59_LAST = date(2016, 1, 5), date(2021, 12, 31)
ND07_FIRST, ND07_LAST = date(2022, 1, 1), date(2026, 12, 31)
ND351_FIRST, ND351_LAST = date(2027, 1, 1), date(2030, 12, 31)
EDGES = [QD59_FIRST, QD59_LAST, ND07_FIRST, date(2025, 12, 31), date(2026, 1, 1)]
EDGES += [ND07_LAST, ND351_FIRST, ND351_LAST]


def arrow() -> Any:
    return pytest.importorskip("pyarrow")


def frame(rows: Sequence[Row], *, flags: bool = True, **extra: Any) -> Any:
    """A household DataFrame: one boolean column per indicator, or a text column."""
    data: dict[str, Any] = {
        "area": [a for a, _, _ in rows],
        "monthly_income_per_capita": np.array([i for _, i, _ in rows], dtype=np.int64),
    }
    if flags:
        for d in D:
            data[d.value] = np.array([d in deps for _, _, deps in rows], dtype=bool)
    else:
        data["deprivations"] = [";".join(sorted(deps)) for _, _, deps in rows]
    data.update(extra)
    return pd.DataFrame(data)


def scalar(rows: Sequence[Row], **kwargs: Any) -> list[vl.PovertyStatus]:
    return [
        vl.classify(
            vl.Household(area=a, monthly_income_per_capita=i, deprivations=deps), **kwargs
        ).status
        for a, i, deps in rows
    ]


def batch(rows: Sequence[Row], **kwargs: Any) -> list[vl.PovertyStatus]:
    """Batch statuses, after checking every input form gives the same ones."""
    by_flags = vnlabor.batch.classify(frame(rows), **kwargs).tolist()
    by_text = vnlabor.batch.classify(frame(rows, flags=False), **kwargs).tolist()
    assert by_text == by_flags
    return list(by_flags)


def boundary_rows(on: date, law: vl.law.LawBook | None = None) -> Iterator[Row]:
    s = standard_in_force(on, law)
    counted = s.indicators
    deprivation_sets = [
        frozenset(),
        frozenset(counted[: s.deprivation_cutoff - 1]),
        frozenset(counted[: s.deprivation_cutoff]),
        frozenset(counted),
    ]
    for area in vl.Area:
        lines = [s.income_line[area]]
        if s.unconditional_poor_line is not None:
            lines.append(s.unconditional_poor_line[area])
        if s.average_living_standard_line is not None:
            lines.append(s.average_living_standard_line[area])
        for line in lines:
            for income in (0, line - 1, line, line + 1):
                for deps in deprivation_sets:
                    yield area, income, deps


# --- the decision table at its edges --------------------------------------------------


@pytest.mark.parametrize("on", EDGES, ids=str)
def test_every_line_of_every_standard_on_its_first_and_last_day(on: date) -> None:
    rows = list(boundary_rows(on))
    assert batch(rows, on=on) == scalar(rows, on=on)


THREE_07 = frozenset({D.HEALTH_INSURANCE, D.NUTRITION, D.HOUSING_AREA})
TWO_07 = frozenset({D.HEALTH_INSURANCE, D.NUTRITION})
THREE_59 = frozenset({D.HEALTH_SERVICES, D.HEALTH_INSURANCE, D.HOUSING_AREA})
THREE_351 = frozenset({D.WASTE_TREATMENT, D.DIGITAL_SERVICES, D.NUTRITION})


@pytest.mark.parametrize(
    ("on", "area", "income", "deps", "expected"),
    [
        # QĐ 59/2015: the unconditional band, then line 700k/1.0M rural, 900k/1.3M urban.
        *[(d, "rural", 700_000, frozenset(), P.POOR) for d in (QD59_FIRST, QD59_LAST)],
        *[(d, "rural", 700_001, frozenset(), P.NEAR_POOR) for d in (QD59_FIRST, QD59_LAST)],
        *[(d, "urban", 900_000, frozenset(), P.POOR) for d in (QD59_FIRST, QD59_LAST)],
        *[(d, "urban", 900_001, frozenset(), P.NEAR_POOR) for d in (QD59_FIRST, QD59_LAST)],
        (QD59_FIRST, "rural", 1_000_000, THREE_59, P.POOR),
        (QD59_LAST, "rural", 1_000_001, THREE_59, P.AVERAGE_LIVING_STANDARD),
        (QD59_LAST, "urban", 1_300_000, THREE_59, P.POOR),
        (QD59_FIRST, "urban", 1_300_001, THREE_59, P.AVERAGE_LIVING_STANDARD),
        (QD59_LAST, "urban", 1_950_001, frozenset(), P.NON_POOR),
        # Decree 07/2021 (2022-2026): 1.5M rural, 2.0M urban; no unconditional band.
        (ND07_FIRST, "rural", 0, TWO_07, P.NEAR_POOR),
        (ND07_FIRST, "rural", 1_500_000, THREE_07, P.POOR),
        (ND07_LAST, "rural", 1_500_000, TWO_07, P.NEAR_POOR),
        (ND07_LAST, "rural", 1_500_001, THREE_07, P.AVERAGE_LIVING_STANDARD),
        (ND07_FIRST, "urban", 2_000_000, THREE_07, P.POOR),
        (ND07_LAST, "urban", 2_000_001, THREE_07, P.AVERAGE_LIVING_STANDARD),
        (ND07_LAST, "urban", 3_000_000, frozenset(), P.AVERAGE_LIVING_STANDARD),
        (ND07_FIRST, "urban", 3_000_001, THREE_07, P.NON_POOR),
        # Decree 351/2025 (2027-2030): 2.2M rural, 2.8M urban; no average band.
        (ND351_FIRST, "rural", 2_200_000, THREE_351, P.POOR),
        (ND351_LAST, "rural", 2_200_000, THREE_351 - {D.NUTRITION}, P.NEAR_POOR),
        (ND351_LAST, "rural", 2_200_001, THREE_351, P.NON_POOR),
        (ND351_FIRST, "urban", 2_800_000, frozenset(), P.NEAR_POOR),
        (ND351_LAST, "urban", 2_800_001, THREE_351, P.NON_POOR),
    ],
)
def test_known_statuses_at_the_lines(
    on: date, area: str, income: int, deps: frozenset[vl.Deprivation], expected: vl.PovertyStatus
) -> None:
    assert batch([(area, income, deps)], on=on) == [expected]


def test_the_engine_reads_the_standards_bands() -> None:
    compiled = compiled_in_force(ND07_FIRST)
    area = np.array([0, 0, 1], dtype=np.int8)
    income = np.array([1_500_000, 1_500_001, 2_000_000], dtype=np.int64)
    count = np.array([3, 3, 2], dtype=np.int8)
    codes = engine.evaluate(compiled, area, income, count)
    assert [vnlabor.batch.STATUS_BY_CODE[c] for c in codes] == [
        P.POOR,
        P.AVERAGE_LIVING_STANDARD,
        P.NEAR_POOR,
    ]


def test_only_the_indicators_of_the_standard_in_force_are_counted() -> None:
    # EMPLOYMENT and NUTRITION did not exist under QĐ 59/2015.
    rows: list[Row] = [
        ("rural", 900_000, frozenset({D.EMPLOYMENT, D.NUTRITION, D.HEALTH_INSURANCE}))
    ]
    assert batch(rows, on=date(2018, 3, 1)) == [P.NEAR_POOR]
    assert batch(rows, on=date(2024, 3, 1)) == [P.POOR]
    # INFORMATION_ACCESS is dropped by Decree 351/2025.
    rows = [("rural", 2_000_000, frozenset({D.INFORMATION_ACCESS, D.NUTRITION, D.HOUSING_AREA}))]
    assert batch(rows, on=date(2028, 3, 1)) == [P.NEAR_POOR] == scalar(rows, on=date(2028, 3, 1))


def test_missing_indicator_columns_mean_not_deprived() -> None:
    df = pd.DataFrame(
        {
            "area": ["rural", "rural"],
            "monthly_income_per_capita": [1_500_000, 1_500_000],
            "nutrition": [True, True],
            "housing_area": [True, False],
        }
    )
    assert vnlabor.batch.classify(df, on=ND07_FIRST).tolist() == [P.NEAR_POOR, P.NEAR_POOR]
    df["health_insurance"] = True
    assert vnlabor.batch.classify(df, on=ND07_FIRST).tolist() == [P.POOR, P.NEAR_POOR]
    no_flags = df[["area", "monthly_income_per_capita"]]
    assert vnlabor.batch.classify(no_flags, on=ND07_FIRST).tolist() == [P.NEAR_POOR] * 2


def test_deprivations_text_column() -> None:
    df = pd.DataFrame(
        {
            "area": ["rural"] * 5,
            "monthly_income_per_capita": [1_500_000] * 5,
            "deprivations": [
                "health_insurance;nutrition;housing_area",
                " Health_Insurance ; NUTRITION;;housing_area; ",
                "health_insurance;nutrition",
                "",
                None,
            ],
        }
    )
    assert vnlabor.batch.classify(df, on=ND07_FIRST).tolist() == [
        P.POOR,
        P.POOR,
        P.NEAR_POOR,
        P.NEAR_POOR,
        P.NEAR_POOR,
    ]


def test_vietnamese_area_words_and_area_members() -> None:
    words = [
        "nông thôn",
        "Nông Thôn",
        "  NÔNG THÔN ",
        unicodedata.normalize("NFD", "nông thôn"),
        vl.Area.RURAL,
        "thành thị",
        " Thành thị",
        "đô thị",
        "URBAN",
        vl.Area.URBAN,
    ]
    df = pd.DataFrame({"area": words, "monthly_income_per_capita": [1_800_000] * len(words)})
    expected = [P.AVERAGE_LIVING_STANDARD] * 5 + [P.NEAR_POOR] * 5
    assert vnlabor.batch.classify(df, on=ND07_FIRST).tolist() == expected
    df["area"] = df["area"].astype("category")
    assert vnlabor.batch.classify(df, on=ND07_FIRST).tolist() == expected
    pa = arrow()
    table = pa.table(
        {"area": [str(w) for w in words], "monthly_income_per_capita": [1_800_000] * 10}
    )
    assert vnlabor.batch.classify(table, on=ND07_FIRST).tolist() == expected


def test_list_year_and_on_are_exclusive() -> None:
    rows: list[Row] = [("rural", 1_200_000, frozenset()), ("urban", 2_500_000, frozenset())]
    assert batch(rows, list_year=2022) == scalar(rows, list_year=2022)
    assert batch(rows, list_year=2022) == [P.NEAR_POOR, P.AVERAGE_LIVING_STANDARD]
    assert batch(rows, list_year=2021) == [P.AVERAGE_LIVING_STANDARD, P.NON_POOR]
    df = frame(rows)
    with pytest.raises(TypeError):
        vnlabor.batch.classify(df)
    with pytest.raises(TypeError):
        vnlabor.batch.classify(df, on=ND07_FIRST, list_year=2022)
    with pytest.raises(TypeError):
        vnlabor.batch.status_codes(df)


def test_no_standard_in_force() -> None:
    with pytest.raises(vl.NoStandardInForce, match="2010-01-01"):
        vnlabor.batch.classify(frame([("rural", 1, frozenset())]), on=date(2010, 1, 1))


def test_dong_nai_overlay() -> None:
    book = national().with_overlay(bundled_overlay("dong-nai-2022-2025"))
    rows: list[Row] = [
        ("urban", 2_500_000, TWO_07),
        ("urban", 2_500_001, TWO_07),
        ("rural", 2_000_000, frozenset({D.NUTRITION})),
        *boundary_rows(ND07_FIRST, book),
    ]
    got = batch(rows, on=date(2024, 3, 1), law=book)
    assert got[:3] == [P.POOR, P.AVERAGE_LIVING_STANDARD, P.NEAR_POOR]
    assert got == scalar(rows, on=date(2024, 3, 1), law=book)
    assert batch(rows[:1], on=date(2024, 3, 1)) == [P.AVERAGE_LIVING_STANDARD]  # national
    # The overlay ends with 2025: 2026 is national again.
    assert batch(rows[:1], on=date(2026, 1, 1), law=book) == [P.AVERAGE_LIVING_STANDARD]


# --- shapes of input and output -------------------------------------------------------


def test_empty_tables() -> None:
    df = pd.DataFrame(
        {
            "area": pd.Series([], dtype=object),
            "monthly_income_per_capita": pd.Series([], dtype="int64"),
        }
    )
    out = vnlabor.batch.classify(df, on=ND07_FIRST)
    assert isinstance(out, pd.Series)
    assert len(out) == 0
    assert out.name == "status"
    assert out.dtype == vnlabor.batch.status_dtype()  # issue 9: categorical, was object
    assert vnlabor.batch.status_codes(df, on=ND07_FIRST).dtype == np.int8
    empty = vnlabor.batch.classify({"area": [], "monthly_income_per_capita": []}, on=ND07_FIRST)
    assert empty.shape == (0,)
    assert empty.dtype == object
    pa = arrow()
    table = pa.table(
        {"area": pa.array([], pa.string()), "monthly_income_per_capita": pa.array([], pa.int64())}
    )
    assert vnlabor.batch.classify(table, on=ND07_FIRST).shape == (0,)
    assert vnlabor.batch.classify(
        pa.table({"area": [], "monthly_income_per_capita": []}), on=ND07_FIRST
    ).shape == (0,)


def test_row_order_and_index_are_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_engine, "CHUNK_ROWS", 7)  # many chunks, with a short last one
    rows = list(boundary_rows(ND07_FIRST))[:60]
    df = frame(rows, household_id=[f"H{i}" for i in range(len(rows))])
    df.index = pd.Index([f"x{i}" for i in reversed(range(len(rows)))])
    out = vnlabor.batch.classify(df, on=ND07_FIRST)
    assert list(out.index) == list(df.index)
    assert out.tolist() == scalar(rows, on=ND07_FIRST)
    assert all(isinstance(s, vl.PovertyStatus) for s in out)
    shuffled = df.sample(frac=1, random_state=3)
    assert vnlabor.batch.classify(shuffled, on=ND07_FIRST).equals(out.loc[shuffled.index])


def test_arrow_tables_are_read_in_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    pa = arrow()
    monkeypatch.setattr(_engine, "CHUNK_ROWS", 5)
    rows = list(boundary_rows(QD59_LAST))
    table = pa.Table.from_pandas(frame(rows), preserve_index=False)
    pieces = pa.concat_tables([table.slice(0, 13), table.slice(13, 2), table.slice(15)])
    assert pieces.column("area").num_chunks == 3
    expected = scalar(rows, on=QD59_LAST)
    for t in (table, pieces, pieces.combine_chunks().to_batches()[0]):
        out = vnlabor.batch.classify(t, on=QD59_LAST)
        assert isinstance(out, np.ndarray)
        assert out.dtype == object
        assert out.tolist() == expected
    text = pa.Table.from_pandas(frame(rows, flags=False), preserve_index=False)
    assert vnlabor.batch.classify(text, on=QD59_LAST).tolist() == expected


def test_column_types() -> None:
    on = ND07_FIRST
    expected = [P.POOR, P.NEAR_POOR, P.AVERAGE_LIVING_STANDARD]
    base = {
        "area": ["rural", "urban", "rural"],
        "monthly_income_per_capita": [1_000_000, 2_000_000, 2_000_000],
        "health_insurance": [True, True, False],
        "nutrition": [True, False, False],
        "housing_area": [True, False, False],
    }
    incomes: list[Any] = [
        np.array([1_000_000, 2_000_000, 2_000_000], dtype=np.uint32),
        np.array([1_000_000.0, 2_000_000.0, 2_000_000.0]),
        pd.array([1_000_000, 2_000_000, 2_000_000], dtype="Int64"),
        pd.array([1_000_000, 2_000_000, 2_000_000], dtype="UInt64"),
        np.array([1_000_000, 2_000_000.0, 2_000_000], dtype=object),
    ]
    for income in incomes:
        df = pd.DataFrame({**base, "monthly_income_per_capita": income})
        assert vnlabor.batch.classify(df, on=on).tolist() == expected, income.dtype
    df = pd.DataFrame(base).astype({"nutrition": "boolean", "health_insurance": object})
    assert vnlabor.batch.classify(df, on=on).tolist() == expected
    df = pd.DataFrame(base).astype({"area": "category"})
    assert vnlabor.batch.classify(df, on=on).tolist() == expected
    # A mapping of lists, numpy arrays, pandas Series.
    assert vnlabor.batch.classify(base, on=on).tolist() == expected
    arrays = {k: np.asarray(v) for k, v in base.items()}
    assert vnlabor.batch.classify(arrays, on=on).tolist() == expected
    series = {k: pd.Series(v) for k, v in base.items()}
    assert vnlabor.batch.classify(series, on=on).tolist() == expected


def test_arrow_column_types() -> None:
    pa = arrow()
    on = ND07_FIRST
    expected = [P.POOR, P.NEAR_POOR, P.AVERAGE_LIVING_STANDARD]
    base = {
        "area": pa.array(["rural", "urban", "rural"]).dictionary_encode(),
        "monthly_income_per_capita": pa.array([1_000_000, 2_000_000, 2_000_000], pa.uint32()),
        "health_insurance": pa.array([True, True, False]),
        "nutrition": pa.array([True, False, False]),
        "housing_area": pa.array([True, False, False]),
    }
    assert vnlabor.batch.classify(pa.table(base), on=on).tolist() == expected
    assert vnlabor.batch.classify(base, on=on).tolist() == expected  # mapping of arrays
    as_float = {**base, "monthly_income_per_capita": pa.array([1e6, 2e6, 2e6])}
    assert vnlabor.batch.classify(pa.table(as_float), on=on).tolist() == expected
    large = {**base, "area": pa.array(["rural", "urban", "rural"], pa.large_string())}
    assert vnlabor.batch.classify(pa.table(large), on=on).tolist() == expected


def test_partitions_give_the_same_answer_as_the_whole() -> None:
    # What ddf.map_partitions(vnlabor.batch.classify, on=..., meta=...) does.
    rows = list(boundary_rows(ND351_LAST))
    df = frame(rows)
    parts = [df.iloc[i : i + 10] for i in range(0, len(df), 10)]
    joined = pd.concat([vnlabor.batch.classify(p, on=ND351_LAST) for p in parts])
    assert joined.equals(vnlabor.batch.classify(df, on=ND351_LAST))


# --- codes ----------------------------------------------------------------------------


def test_status_codes() -> None:
    assert set(vnlabor.batch.STATUS_BY_CODE) == set(P)
    assert len(vnlabor.batch.STATUS_BY_CODE) == len(P)
    assert vnlabor.batch.STATUS_BY_CODE[:4] == (
        P.POOR,
        P.NEAR_POOR,
        P.AVERAGE_LIVING_STANDARD,
        P.NON_POOR,
    )
    rows = list(boundary_rows(QD59_FIRST))
    df = frame(rows)
    codes = vnlabor.batch.status_codes(df, on=QD59_FIRST)
    assert codes.dtype == np.int8
    assert [vnlabor.batch.STATUS_BY_CODE[c] for c in codes] == scalar(rows, on=QD59_FIRST)
    assert vnlabor.batch.statuses_from_codes(codes).tolist() == scalar(rows, on=QD59_FIRST)
    by_year = vnlabor.batch.status_codes(df, list_year=2018)
    assert by_year.tolist() == vnlabor.batch.status_codes(df, on=date(2018, 1, 1)).tolist()
    with pytest.raises(ValueError, match="status codes"):
        vnlabor.batch.statuses_from_codes([len(vnlabor.batch.STATUS_BY_CODE)])
    with pytest.raises(ValueError, match="status codes"):
        vnlabor.batch.statuses_from_codes([-1])


# --- bad input ------------------------------------------------------------------------


def bad_frame(column: str, values: list[Any]) -> Any:
    n = len(values)
    data: dict[str, Any] = {
        "household_id": [f"HH-{i:03d}" for i in range(n)],
        "citizen_name": ["Nguyễn Thị Hoa"] * n,
        "area": ["rural"] * n,
        "monthly_income_per_capita": [1_000_000] * n,
        "nutrition": [False] * n,
    }
    if column == "deprivations":
        del data["nutrition"]
    data[column] = values
    return pd.DataFrame(data)


@pytest.mark.parametrize(
    ("column", "values", "rows", "shown", "count"),
    [
        ("monthly_income_per_capita", [1, -1, 2, -3], ["row 1", "row 3"], ["-1", "-3"], 2),
        ("monthly_income_per_capita", [1, 2.5, 3, 4], ["row 1"], ["2.5"], 1),
        ("monthly_income_per_capita", [1, None, 3, 4], ["row 1"], ["null"], 1),
        # Issue 9: text amounts, 0/1 and yes/no words are read now (one contract with the
        # readers); the bad cells below are bad under that contract too.
        ("monthly_income_per_capita", [1, "1,500", 3, 4], ["row 1"], ["'1,500'"], 1),
        ("monthly_income_per_capita", [True, False, True, True], ["row 0"], ["True"], 4),
        ("area", ["rural", "mountain", "urban", None], ["row 1", "row 3"], ["'mountain'"], 2),
        ("nutrition", [True, False, "?", True], ["row 2"], ["'?'"], 1),
        ("nutrition", [1, 2, 1, 3], ["row 1", "row 3"], ["2", "3"], 2),
        ("nutrition", ["yes", "maybe", "yes", "maybe"], ["row 1"], ["'maybe'"], 2),
        (
            "deprivations",
            ["nutrition", "wifi;nutrition", "", "wifi"],
            ["row 1", "row 3"],
            ["wifi"],
            2,
        ),
    ],
)
def test_bad_input_names_column_rows_values_and_count(
    column: str, values: list[Any], rows: list[str], shown: list[str], count: int
) -> None:
    df = bad_frame(column, values)
    with pytest.raises(ValueError, match=repr(column)) as err:
        vnlabor.batch.classify(df, on=ND07_FIRST)
    message = str(err.value)
    for row in rows:
        assert row in message
    for value in shown:
        assert value in message
    assert f"{count} dòng lỗi / bad row(s) of {len(values)}" in message
    assert "HH-" in message  # household ids are not personal data
    assert "Hoa" not in message  # other columns are never shown
    assert "/" in message  # Vietnamese / English


def test_bad_rows_are_counted_across_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_engine, "CHUNK_ROWS", 3)
    incomes = [1, 2, 3, 4, -5, 6, 7, -8, 9, -10, 11]
    df = bad_frame("monthly_income_per_capita", incomes).drop(columns="household_id")
    df.loc[9, "area"] = "sao hỏa"
    with pytest.raises(ValueError, match="3 dòng lỗi / bad row") as err:
        vnlabor.batch.classify(df, on=ND07_FIRST)
    message = str(err.value)
    assert "row 4 = -5" in message
    assert "row 7 = -8" in message
    assert "row 9 = -10" in message
    assert "'area': 1 dòng lỗi" in message
    assert "'sao hỏa'" in message
    pa = arrow()
    with pytest.raises(ValueError, match="row 9 = -10"):
        vnlabor.batch.classify(pa.Table.from_pandas(df), on=ND07_FIRST)


def test_bad_rows_of_a_filtered_frame_show_the_index_label() -> None:
    df = bad_frame("area", ["rural", "urban", "mars"]).drop(columns="household_id")
    df.index = pd.Index([10, 20, 30])
    with pytest.raises(ValueError, match=r"row 2 \(index 30\) = 'mars'"):
        vnlabor.batch.classify(df, on=ND07_FIRST)


@pytest.mark.parametrize(
    ("data", "match"),
    [
        ({"area": ["rural"]}, "missing column.*'monthly_income_per_capita'"),
        ({"monthly_income_per_capita": [1]}, "missing column.*'area'"),
        (
            {
                "area": ["rural"],
                "monthly_income_per_capita": [1],
                "deprivations": ["nutrition"],
                "nutrition": [True],
            },
            "not both",
        ),
        ({"area": ["rural", "urban"], "monthly_income_per_capita": [1]}, "differ in length"),
    ],
)
def test_bad_tables(data: dict[str, list[Any]], match: str) -> None:
    with pytest.raises(ValueError, match=match):
        vnlabor.batch.classify(data, on=ND07_FIRST)


def test_not_a_table() -> None:
    not_a_table: Any = [("rural", 1)]
    with pytest.raises(TypeError, match="DataFrame"):
        vnlabor.batch.classify(not_a_table, on=ND07_FIRST)


def test_duplicate_columns() -> None:
    df = pd.DataFrame(
        [["rural", 1, "urban"]], columns=["area", "monthly_income_per_capita", "area"]
    )
    with pytest.raises(ValueError, match="duplicate column 'area'"):
        vnlabor.batch.classify(df, on=ND07_FIRST)


# --- imports --------------------------------------------------------------------------


def run(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )


def test_importing_vnlabor_does_not_import_numpy() -> None:
    done = run(
        "import sys, vnlabor; print(sorted({'numpy', 'pandas', 'pyarrow'} & set(sys.modules)))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_without_numpy_the_import_error_says_what_to_install() -> None:
    done = run(
        "import sys; sys.modules['numpy'] = None\n"
        "try:\n"
        "    import vnlabor.batch\n"
        "except ImportError as exc:\n"
        "    print(exc.name, exc)"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("numpy ")  # skipped like any missing optional dependency
    assert 'pip install "vnlabor[batch]"' in done.stdout


def test_pandas_and_pyarrow_are_not_imported_for_plain_arrays() -> None:
    done = run(
        "import sys; from datetime import date; import vnlabor.batch as b; "
        "b.classify({'area': ['rural'], 'monthly_income_per_capita': [1]}, on=date(2024, 1, 1)); "
        "print(sorted({'pandas', 'pyarrow'} & set(sys.modules)))"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


# --- the property ---------------------------------------------------------------------

days = st.dates(min_value=QD59_FIRST, max_value=ND351_LAST)
LINES = sorted(
    {
        v
        for on in EDGES
        for s in [standard_in_force(on)]
        for table in (s.income_line, s.unconditional_poor_line, s.average_living_standard_line)
        if table is not None
        for line in table.values()
        for v in (line - 1, line, line + 1)
    }
)
incomes = st.one_of(st.integers(min_value=0, max_value=5_000_000), st.sampled_from(LINES))
area_words = st.sampled_from([*vl.Area, "rural", "urban", "nông thôn", "Thành thị", "đô thị"])
households = st.tuples(area_words, incomes, st.frozensets(st.sampled_from(vl.Deprivation)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(households, max_size=40), days)
def test_batch_equals_scalar_row_by_row(rows: list[Row], on: date) -> None:
    expected = scalar(rows, on=on)
    df = frame(rows)
    assert vnlabor.batch.classify(df, on=on).tolist() == expected
    assert vnlabor.batch.classify(frame(rows, flags=False), on=on).tolist() == expected
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - the DataFrame half still ran
        return
    table = pa.Table.from_pandas(df.astype({"area": str}), preserve_index=False)
    assert vnlabor.batch.classify(table, on=on).tolist() == expected
