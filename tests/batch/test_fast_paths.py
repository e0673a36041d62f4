"""The whole-array paths settle exactly the cells the contract's functions read the same way.

Blanks, plain amounts and identifier keys read on an Arrow column's bytes, duplicate
identifiers found by sorted runs, and whole tables given as Arrow text instead of
Python objects: each agrees with the contract's one-value-at-a-time reading.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

np = pytest.importorskip("numpy")
pa = pytest.importorskip("pyarrow")
pd = pytest.importorskip("pandas")

from test_one_contract import ON, tables  # noqa: E402

import vnlabor.batch  # noqa: E402
from vnlabor.batch._ids import Duplicates, id_key, int_keys, text_keys  # noqa: E402
from vnlabor.model.household import Household  # noqa: E402
from vnlabor.table.arrow import blank_cells, plain_amounts, starts_with  # noqa: E402
from vnlabor.table.cells import is_blank  # noqa: E402
from vnlabor.table.rows import read_value  # noqa: E402

SPACES = (
    " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2007\u200a\u2028\u2029\u202f\u205f\u3000"
)
TEXT = st.text(alphabet=st.sampled_from(f"{SPACES}aĐ0x\u200b\ufeffỔ"), max_size=6)
AMOUNT = st.text(alphabet=st.sampled_from("0123456789.. ,-đ"), max_size=26)
IDS = st.text(alphabet=st.sampled_from("0123456789H -\t~é"), max_size=20)
PLAIN = re.compile(r"[0-9]{1,18}|[0-9]{1,3}(?:\.[0-9]{3}){1,5}")  # the rule, written apart


def arrays(values: list[str | None]) -> list[Any]:
    """The same cells as a string array, a large_string one and a slice of a longer one."""
    padded = pa.array(["pad", *values, "pad"])
    return [
        pa.array(values, pa.string()),
        pa.array(values, pa.large_string()),
        padded.slice(1, len(values)),
    ]


def test_every_character_s_blankness_is_python_s() -> None:
    chars = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]
    for cells in (chars, [c + "x" for c in chars], [" " + c for c in chars]):
        got = blank_cells(pa.array(cells))
        assert got.tolist() == [not c.strip() for c in cells]


@given(st.lists(st.one_of(st.none(), TEXT), max_size=30))
def test_blank_cells_are_the_contract_s_blanks(values: list[str | None]) -> None:
    for arr in arrays(values):
        assert blank_cells(arr).tolist() == [is_blank(v) for v in values]


@given(st.lists(st.one_of(st.none(), AMOUNT, st.from_regex(PLAIN, fullmatch=True)), max_size=30))
def test_plain_amounts_are_read_as_the_contract_reads_them(values: list[str | None]) -> None:
    for arr in arrays(values):
        ok, amounts = plain_amounts(arr)
        for value, plain, amount in zip(values, ok.tolist(), amounts.tolist(), strict=True):
            if plain:
                assert read_value(Household, "monthly_income_per_capita", value, "x") == (
                    amount,
                    [],
                )
            # Every plain amount of up to 18 characters is settled here, nothing else.
            expected = value is not None and len(value) <= 18 and bool(PLAIN.fullmatch(value))
            assert plain == expected, value


@given(st.lists(st.one_of(st.none(), IDS, st.sampled_from(["H0000001", "007", "7"])), max_size=30))
def test_identifier_keys_are_the_scalar_keys(values: list[str | None]) -> None:
    for arr in arrays(values):
        held, keys = text_keys(arr)
        for value, h, key in zip(values, held.tolist(), keys.tolist(), strict=True):
            text = value or ""
            as_is = bool(text) and text.isascii() and text.isprintable()
            assert h == (as_is and text[0] != " " and text[-1] != " "), value
            if h:
                assert key == id_key(text)


def test_one_width_identifiers_have_rising_keys() -> None:
    values = [f"H{i:07d}" for i in range(0, 5000, 7)]
    held, keys = text_keys(pa.array(values))
    assert held.all()
    assert keys.tolist() == [id_key(v) for v in values]
    assert (np.diff(keys) > 0).all()


@given(st.lists(st.text(max_size=10), max_size=40, unique=True))
def test_exact_keys_tell_identifiers_apart(values: list[str]) -> None:
    exact = [v for v in values if v.isascii() and (len(v) <= 8 or v.isdigit()) and v]
    exact = [v for v in exact if v.isprintable() and len(v) <= 15]
    assert len({id_key(v) for v in exact}) == len(exact)


@given(st.lists(st.integers(-(10**17), 10**17), max_size=30))
def test_whole_number_keys_are_their_digits_keys(values: list[int]) -> None:
    assert int_keys(np.array(values, dtype=np.int64)).tolist() == [id_key(str(v)) for v in values]


@given(
    st.lists(
        st.lists(st.tuples(st.integers(-5, 40), st.booleans()), max_size=12),
        max_size=8,
    ),
    st.booleans(),
)
def test_duplicates_are_the_ids_an_earlier_row_has(
    chunks: list[list[tuple[int, bool]]], rising: bool
) -> None:
    if rising:  # identifiers numbered in order, as the fast path sees them
        chunks = [
            [(k * 100 + i, v) for i, (_, v) in enumerate(chunk)] for k, chunk in enumerate(chunks)
        ]
    seen: set[int] = set()
    duplicates = Duplicates()
    for chunk in chunks:
        keys = np.array([k for k, _ in chunk], dtype=np.int64)
        valid = np.array([v for _, v in chunk], dtype=np.bool_)
        expected = []
        for key, ok in chunk:
            expected.append(ok and key in seen)
            if ok:
                seen.add(key)
        assert duplicates.check(keys, valid).tolist() == expected


def test_formula_starts() -> None:
    cells = ["=1", "+1", "-1", "@A", "\tx", "\rx", "x=", "", None, "'=1"]
    got = starts_with(pa.array(cells), "=+-@\t\r").tolist()
    assert got == [True] * 6 + [False] * 4


def _as_arrow_text(frame: Any) -> tuple[Any, Any, Any] | None:
    """The frame with its text columns as Arrow text: a DataFrame, Arrow arrays (plain and
    dictionary-encoded)."""
    texts = {}
    for name in frame.columns:
        values = frame[name].tolist()
        if frame[name].dtype == object and all(
            isinstance(v, str) or v is None or (isinstance(v, float) and v != v) for v in values
        ):
            texts[name] = [v if isinstance(v, str) else None for v in values]
    if not texts:
        return None
    pandas_arrow = frame.copy()
    for name, values in texts.items():
        pandas_arrow[name] = pd.array(values, dtype="string[pyarrow]")
    columns = {
        name: pa.array(texts[name], pa.string()) if name in texts else frame[name]
        for name in frame.columns
    }
    coded = {
        name: col.dictionary_encode() if name in texts else col for name, col in columns.items()
    }
    return pandas_arrow, columns, coded


def _result(table: Any) -> tuple[list[int], dict[int, str]]:
    found = vnlabor.batch.classify(table, on=ON, errors="report")
    return found.codes.tolist(), {int(e.position or 0): e.reason for e in found.rejected}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tables())
def test_arrow_text_and_python_text_are_read_alike(frame: Any) -> None:
    converted = _as_arrow_text(frame)
    if converted is None:
        return
    expected = _result(frame)
    for table in converted:
        assert _result(table) == expected


def test_a_row_of_empty_dictionary_text_is_skipped_as_the_readers_skip_it() -> None:
    table = pa.table(
        {
            "area": pa.array(["rural", ""]).dictionary_encode(),
            "monthly_income_per_capita": pa.array([1, None], pa.int64()),
        }
    )
    result = vnlabor.batch.classify(table, on=ON, errors="report")
    assert result.rejected == ()
    assert result.codes.tolist() == [1, -1]  # near-poor; the empty row skipped
