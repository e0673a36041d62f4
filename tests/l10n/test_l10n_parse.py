from __future__ import annotations

import unicodedata
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from vnlabor.l10n import VietnameseDate, format_date, parse_date, parse_vnd
from vnlabor.l10n.parse import coerce_date
from vnlabor.types import VND

# --- parse_vnd ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12.700", 12_700),
        ("1.500.000 đồng", 1_500_000),
        ("1.500.000 ₫", 1_500_000),
        ("1.500.000\u00a0₫", 1_500_000),
        ("1.500.000\u202f₫", 1_500_000),
        ("1.500.000đ", 1_500_000),
        ("1.500.000 Đồng", 1_500_000),
        ("1.500.000 VNĐ", 1_500_000),
        ("1.500.000 vnd", 1_500_000),
        ("VND 1.500.000", 1_500_000),
        ("₫1.500.000", 1_500_000),
        ("9,7 tỷ", 9_700_000_000),
        ("9,7 tỉ", 9_700_000_000),
        ("9,7 Tỷ đồng", 9_700_000_000),
        ("2 triệu", 2_000_000),
        ("2triệu", 2_000_000),
        ("500 nghìn", 500_000),
        ("500 ngàn", 500_000),
        ("1,5 triệu đồng", 1_500_000),
        ("1,2 nghìn tỷ", 1_200_000_000_000),
        ("1.500 tỷ đồng", 1_500_000_000_000),
        ("0,25 triệu", 250_000),
        ("1500000", 1_500_000),
        ("0", 0),
        ("0 ₫", 0),
        ("  1.500.000   đồng  ", 1_500_000),
        ("1000 nghìn tỷ", 10**15),
    ],
)
def test_parse_vnd_examples(text: str, expected: int) -> None:
    assert parse_vnd(text) == expected


def test_parse_vnd_normalises_decomposed_text() -> None:
    for text in ["1,5 triệu đồng", "9,7 tỷ", "500 nghìn", "1.500.000 Đồng"]:
        decomposed = unicodedata.normalize("NFD", text)
        assert decomposed != text
        assert parse_vnd(decomposed) == parse_vnd(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("-1.500.000", "negative"),
        ("−1.500.000", "negative"),
        ("1.5", "groups thousands in threes"),
        ("1.50", "groups thousands in threes"),
        ("1.5000", "groups thousands in threes"),
        ("1.500.00", "groups thousands in threes"),
        ("1.5 triệu", "groups thousands in threes"),
        ("1,500", "decimal separator"),
        ("1,500,000", "decimal separator"),
        ("1.500,5", "decimal separator"),
        ("1,2345 nghìn", "not whole đồng"),
        ("0,0000001 triệu", "not whole đồng"),
        ("abc", "no digits"),
        ("đồng", "no digits"),
        ("007", "leading zero"),
        ("01.500", "leading zero"),
        ("1 500 000", "separated by spaces"),
        ("1.500.000 đồng đồng", "expected"),
        ("VND 1.500.000 đồng", "currency is given twice"),
        ("2 triệu 500 nghìn", "expected"),
        ("1,5tr", "expected"),
        ("500k", "expected"),
        ("1.500.000 USD", "expected"),
        ("١٢٣", "only the digits 0-9"),  # Arabic-Indic digits are not Vietnamese notation
        ("1" * 100, "longer than"),
    ],
)
def test_parse_vnd_rejects_with_reason_naming_the_text(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason) as info:
        parse_vnd(text)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize("bad", [1_500_000, None, b"1.500"])
def test_parse_vnd_rejects_non_strings(bad: Any) -> None:
    with pytest.raises(TypeError, match="takes a str"):
        parse_vnd(bad)


@settings(deadline=None)
@given(st.text(max_size=30))
def test_parse_vnd_fails_only_with_value_error(text: str) -> None:
    try:
        value = parse_vnd(text)
    except ValueError as exc:
        reason = str(exc)
    else:
        assert value >= 0
        return
    assert repr(text) in reason


@settings(deadline=None)
@given(
    amount=st.integers(0, 10**15),
    before=st.sampled_from(["", "VND ", "₫", "vnđ "]),
    after=st.sampled_from(["", " đồng", "đ", " ₫", "\u00a0₫"]),
)
def test_parse_vnd_reads_grouped_digits(amount: int, before: str, after: str) -> None:
    grouped = f"{amount:,}".replace(",", ".")
    if before and after:
        return
    assert parse_vnd(before + grouped + after) == amount
    assert parse_vnd(before + str(amount) + after) == amount


@settings(deadline=None)
@given(
    whole=st.integers(0, 999),
    tenths=st.integers(0, 9),
    unit=st.sampled_from([("nghìn", 10**3), ("triệu", 10**6), ("tỷ", 10**9)]),
)
def test_parse_vnd_reads_decimal_multiples(whole: int, tenths: int, unit: tuple[str, int]) -> None:
    word, factor = unit
    assert parse_vnd(f"{whole},{tenths} {word}") == whole * factor + tenths * factor // 10


# --- parse_date ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2021-02-17", date(2021, 2, 17)),
        ("17/02/2021", date(2021, 2, 17)),
        ("7/2/2021", date(2021, 2, 7)),
        ("07/2/2021", date(2021, 2, 7)),
        (" 17/02/2021\u00a0", date(2021, 2, 17)),
        ("29/02/2024", date(2024, 2, 29)),
        ("2021-12-01", date(2021, 12, 1)),  # never read day-first
    ],
)
def test_parse_date_examples(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31/02/2021", "day is out of range"),
        ("29/02/2023", "day is out of range"),
        ("02/17/2021", "month must be in 1..12"),
        ("2021-02-31", "day is out of range"),
        ("0000-01-01", "year 0 is out of range"),
        ("20210217", "expected yyyy-mm-dd or dd/mm/yyyy"),
        ("2021-W07-3", "expected"),
        ("2021-2-17", "expected"),
        ("17/02/21", "expected"),
        ("17-02-2021", "expected"),
        ("17.02.2021", "expected"),
        ("2021-02-17T00:00", "expected"),
        ("ngày 17 tháng 02 năm 2021", "expected"),
        ("", "expected"),
        ("١٧/٠٢/٢٠٢١", "expected"),
    ],
)
def test_parse_date_rejects_with_reason_naming_the_text(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=reason) as info:
        parse_date(text)
    assert repr(text) in str(info.value)


def test_parse_date_rejects_non_strings() -> None:
    with pytest.raises(TypeError, match="takes a str"):
        parse_date(date(2021, 2, 17))  # type: ignore[arg-type]


@settings(deadline=None)
@given(st.dates(), st.sampled_from(["vi", "en"]))
def test_format_date_then_parse_date_round_trips(d: date, locale: str) -> None:
    assert parse_date(format_date(d, locale=locale)) == d
    assert parse_date(d.isoformat()) == d


# --- pydantic -----------------------------------------------------------------------


class _Record(BaseModel):
    day: VietnameseDate
    optional_day: VietnameseDate | None = None
    amount: VND = 0


def test_vietnamese_date_field() -> None:
    record = _Record.model_validate({"day": "17/02/2021", "optional_day": "2021-02-18"})
    assert record.day == date(2021, 2, 17)
    assert record.optional_day == date(2021, 2, 18)
    assert _Record(day=date(2021, 2, 17)).day == date(2021, 2, 17)
    assert coerce_date(None) is None


def test_vietnamese_date_field_error_names_the_text() -> None:
    with pytest.raises(ValidationError, match="'31/02/2021'"):
        _Record.model_validate({"day": "31/02/2021"})
    with pytest.raises(ValidationError):
        _Record.model_validate({"day": 20210217})


def test_vnd_field_reads_vietnamese_text() -> None:
    record = _Record.model_validate({"day": "2021-02-17", "amount": "1,5 triệu đồng"})
    assert record.amount == 1_500_000
    with pytest.raises(ValidationError, match="'1,500'"):
        _Record.model_validate({"day": "2021-02-17", "amount": "1,500"})
