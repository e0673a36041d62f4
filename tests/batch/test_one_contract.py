"""One table contract: the readers + classify_many and batch.classify agree on every table.

For any household table (text and typed cells mixed, good and bad rows), the rows the
readers keep are the rows the batch engine classifies, with the same status, and the
rows the readers reject are the rows the batch engine rejects, for the same reason.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

import vnlabor as vl  # noqa: E402
import vnlabor.batch  # noqa: E402
from vnlabor.io import read_households  # noqa: E402

ON = date(2024, 3, 1)
D = vl.Deprivation

AREAS = [
    "rural",
    "urban",
    "nông thôn",
    "Thành thị",
    "đô thị",
    "Nong thon",
    " RURAL ",
    vl.Area.URBAN,
]
BAD_AREAS = ["mountain", "miền núi", "x", 5, True]
GOOD_INCOMES: list[Any] = [
    0,
    1_499_999,
    1_500_000,
    1_500_001,
    "1.500.000",
    "1.200.000đ",
    "1,5 triệu",
    "2 triệu đồng",
    "1500000",
    " 900000 ",
    2_000_000.0,
    Decimal("1800000"),
    np.int64(1_000_000),
    "01500000",
]
BAD_INCOMES: list[Any] = [
    -1,
    "-5",
    "1,500",
    "1.5",
    "abc",
    2.5,
    float("inf"),
    2.0**60,
    True,
    Decimal("sNaN"),
    "9" * 40,
    "1" * 4400,
    date(2024, 1, 1),
]
BLANKS: list[Any] = [None, "", "  ", float("nan")]
FLAG_CELLS: list[Any] = ["x", "X", "có", "co", "không", "1", "0", 1, 0, True, False, "✓", "đúng"]
FLAG_CELLS += ["sai", "true", "FALSE", *BLANKS]
BAD_FLAGS: list[Any] = ["maybe", 2, "?", 0.5]
NAMES = [d.value for d in D] + ["Dinh dưỡng", "bảo hiểm y tế", " Health_Insurance "]
BAD_NAMES = ["internet", "wifi;nutrition"]
SIZES: list[Any] = [1, 4, "3", 2.0, *BLANKS]
BAD_SIZES: list[Any] = [0, "ba", -2, 1.5]
DATES: list[Any] = ["01/03/2024", "2024-03-01", date(2023, 12, 1), datetime(2024, 1, 2), None]
DATES.append(datetime(2024, 2, 29, 18, 0, tzinfo=UTC))
BAD_DATES: list[Any] = ["31/02/2024", "2024/03/01", datetime(2024, 1, 2, 8, 30), 45000]
INDICATORS = ["health_insurance", "Dinh dưỡng", "housing_area", "domestic water"]


def cell(good: list[Any], bad: list[Any], blanks: list[Any] = ()) -> st.SearchStrategy[Any]:  # type: ignore[assignment]
    return st.one_of(
        st.sampled_from(good),
        st.sampled_from(bad) if bad else st.nothing(),
        st.sampled_from(list(blanks)) if blanks else st.nothing(),
    )


@st.composite
def tables(draw: st.DrawFn) -> Any:
    n = draw(st.integers(min_value=0, max_value=25))
    by_flags = draw(st.booleans())
    columns: dict[str, list[Any]] = {}
    if draw(st.booleans()):
        ids = st.one_of(
            st.sampled_from(["H1", "H2", "H3", " H4 ", "001203004567"]), st.integers(1, 3)
        )
        columns["Mã hộ"] = [draw(st.one_of(ids, st.sampled_from(BLANKS))) for _ in range(n)]
    weights_bad = draw(st.sampled_from([st.just(False), st.booleans()]))
    columns["Khu vực"] = [
        draw(
            st.sampled_from(BAD_AREAS + BLANKS[:1]) if draw(weights_bad) else st.sampled_from(AREAS)
        )
        for _ in range(n)
    ]
    columns["monthly_income_per_capita"] = [
        draw(
            st.sampled_from(BAD_INCOMES + BLANKS)
            if draw(weights_bad)
            else st.sampled_from(GOOD_INCOMES)
        )
        for _ in range(n)
    ]
    if by_flags:
        for header in draw(st.lists(st.sampled_from(INDICATORS), unique=True, max_size=4)):
            columns[header] = [
                draw(
                    st.sampled_from(BAD_FLAGS) if draw(weights_bad) else st.sampled_from(FLAG_CELLS)
                )
                for _ in range(n)
            ]
        if draw(st.booleans()):  # a deprivations column as well: a row with both is bad
            columns["deprivations"] = [
                draw(st.sampled_from([None, "", "nutrition"])) for _ in range(n)
            ]
    else:
        columns["chỉ số thiếu hụt"] = [
            ";".join(draw(st.lists(st.sampled_from(NAMES), max_size=4)))
            if not draw(weights_bad)
            else draw(st.sampled_from(BAD_NAMES + BLANKS))
            for _ in range(n)
        ]
    if draw(st.booleans()):
        columns["số nhân khẩu"] = [
            draw(st.sampled_from(BAD_SIZES) if draw(weights_bad) else st.sampled_from(SIZES))
            for _ in range(n)
        ]
    if draw(st.booleans()):
        columns["surveyed_on"] = [
            draw(st.sampled_from(BAD_DATES) if draw(weights_bad) else st.sampled_from(DATES))
            for _ in range(n)
        ]
    if draw(st.booleans()):
        columns["province_code"] = [
            draw(st.sampled_from(["19", 1, "1", "99", None])) for _ in range(n)
        ]
    if draw(st.booleans()):
        columns["ghi chú"] = [draw(st.sampled_from(["", "x", None])) for _ in range(n)]
    frame = pd.DataFrame({k: pd.Series(v, dtype=object) for k, v in columns.items()})
    frame.index = pd.RangeIndex(n)
    return _typed(frame, draw(st.booleans()))


def _typed(frame: Any, typed: bool) -> Any:
    """Give columns whose cells allow it a typed dtype (the engine's fast paths)."""
    if not typed:
        return frame
    for name in frame.columns:
        values = frame[name].tolist()
        if values and all(type(v) is bool for v in values):
            frame[name] = frame[name].astype(bool)
        elif values and all(type(v) is int for v in values):
            frame[name] = frame[name].astype("int64")
        elif values and all(type(v) is float for v in values):
            frame[name] = frame[name].astype("float64")
    return frame


def agree(frame: Any, on: date = ON) -> None:
    table = read_households(frame)
    expected = dict(
        zip(
            table.lines,
            (c.status for c in vl.classify_many(table.households, on=on)),
            strict=True,
        )
    )
    reasons = {e.line: e.reason for e in table.errors}
    result = vnlabor.batch.classify(frame, on=on, errors="report")
    got_reasons = {e.position: e.reason for e in result.rejected}
    assert got_reasons == reasons
    assert [e.line for e in result.rejected] == [p + 2 for p in got_reasons]  # type: ignore[operator]
    statuses = result.status.tolist()
    got = {i: s for i, s in enumerate(statuses) if i not in got_reasons and result.codes[i] >= 0}
    assert got == expected
    blank = {i for i, code in enumerate(result.codes) if code < 0} - got_reasons.keys()
    assert blank == set(range(len(frame))) - expected.keys() - reasons.keys()  # skipped rows
    assert result.ignored_columns == table.ignored_columns


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_readers_and_batch_agree_on_every_row(frame: Any) -> None:
    agree(frame)


def test_the_issue_s_frame() -> None:
    # The issue: text income and a Vietnamese indicator header were read differently.
    frame = pd.DataFrame(
        {
            "household_id": ["H1"],
            "area": ["nông thôn"],
            "monthly_income_per_capita": ["1.200.000"],
            "bảo hiểm y tế": ["x"],
            "nutrition": ["có"],
            "housing_area": ["không"],
            "domestic_water": ["x"],
        }
    )
    agree(frame)
    assert vnlabor.batch.classify(frame, on=ON).tolist() == [vl.PovertyStatus.POOR]
    frame["domestic_water"] = "không"  # "không" is no, never the True of .astype(bool)
    assert vnlabor.batch.classify(frame, on=ON).tolist() == [vl.PovertyStatus.NEAR_POOR]


def test_a_mistyped_indicator_is_an_error_in_both_engines() -> None:
    frame = pd.DataFrame({"area": ["rural"], "monthly_income_per_capita": [1], "nutriton": ["x"]})
    for read in (read_households, lambda f: vnlabor.batch.classify(f, on=ON)):
        with pytest.raises(vl.errors.HeaderError, match=r"'nutriton' \(nutrition\?\)") as info:
            read(frame)
        assert info.value.unknown == (("nutriton", "nutrition"),)
    assert read_households(frame, unknown_columns="ignore").ignored_columns == ("nutriton",)
    ignored = vnlabor.batch.classify(frame, on=ON, errors="report", unknown_columns="ignore")
    assert ignored.ignored_columns == ("nutriton",)
    # A near name whose field another column gives is only ignored.
    frame["nutrition"] = "x"
    assert read_households(frame).ignored_columns == ("nutriton",)


def test_no_message_advises_a_lossy_conversion() -> None:
    frame = pd.DataFrame({"area": ["rural"] * 2, "monthly_income_per_capita": [1, 1]})
    frame["nutrition"] = ["yes", "maybe"]
    with pytest.raises(ValueError, match="maybe") as info:
        vnlabor.batch.classify(frame, on=ON)
    assert "astype" not in str(info.value)


def test_empty_indicator_cells_are_not_stated_in_every_engine() -> None:
    frame = pd.DataFrame(
        {
            "area": ["rural"] * 3,
            "monthly_income_per_capita": [1_000_000] * 3,
            "nutrition": pd.array([True, None, False], dtype="boolean"),
            "health_insurance": ["x", "", None],
            "housing_area": ["x", "x", "x"],
        }
    )
    agree(frame)
    assert vnlabor.batch.classify(frame, on=ON).tolist() == [
        vl.PovertyStatus.POOR,
        vl.PovertyStatus.NEAR_POOR,
        vl.PovertyStatus.NEAR_POOR,
    ]


def test_duplicate_household_ids_are_bad_rows_in_every_engine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from vnlabor.batch import _engine

    monkeypatch.setattr(_engine, "CHUNK_ROWS", 2)  # duplicates across chunks too
    frame = pd.DataFrame(
        {
            "household_id": ["H1", "H2", " H1", None, None, "H2", 7, "7"],
            "area": ["rural"] * 8,
            "monthly_income_per_capita": [1] * 8,
        }
    )
    agree(frame)
    result = vnlabor.batch.classify(frame, on=ON, errors="report")
    assert [e.position for e in result.rejected] == [2, 5, 7]
    assert "duplicate household_id 'H1'" in result.rejected[0].reason


def test_report_mode_keeps_every_good_row_of_a_big_table(monkeypatch: pytest.MonkeyPatch) -> None:
    from vnlabor.batch import _engine

    monkeypatch.setattr(_engine, "CHUNK_ROWS", 1000)
    n = 5_000
    frame = pd.DataFrame(
        {"area": ["rural"] * n, "monthly_income_per_capita": np.arange(n, dtype=np.int64)}
    )
    frame.loc[[17, 2500, 4999], "monthly_income_per_capita"] = -1
    result = vnlabor.batch.classify(frame, on=ON, errors="report")
    assert [(e.position, e.line) for e in result.rejected] == [(17, 19), (2500, 2502), (4999, 5001)]
    assert int((result.codes >= 0).sum()) == n - 3
    assert result.status.isna().sum() == 3
    assert sum(result.counts().values()) == n - 3


def test_report_mode_on_arrow_and_mappings() -> None:
    pa = pytest.importorskip("pyarrow")
    data = {"area": ["rural", "mars"], "monthly_income_per_capita": [1, 2]}
    for table in (data, pa.table(data)):
        result = vnlabor.batch.classify(table, on=ON, errors="report")
        assert result.status.tolist() == [vl.PovertyStatus.NEAR_POOR, None]
        assert [e.position for e in result.rejected] == [1]
