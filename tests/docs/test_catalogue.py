"""The generated parameter catalogue shows every parameter, value and instrument.

Runs without mkdocs: the docs hook only calls :func:`catalogue_markdown`.
"""

import re

import pytest

from vnlabor.base.confidence import Confidence
from vnlabor.catalogue import (
    CHANGED_FLAG,
    RELEASE,
    UNCONFIRMED_FLAG,
    catalogue_markdown,
    confidence_text,
    render_value,
)
from vnlabor.law import LawBook, bundled_overlay, bundled_overlay_keys, national


@pytest.fixture(scope="module", params=["en", "vi"])
def page(request: pytest.FixtureRequest) -> str:
    return catalogue_markdown(locale=request.param)


def _section(page: str, name: str) -> str:
    """The text of the parameter section headed by ``name`` (up to the next heading)."""
    match = re.search(rf"^### `{re.escape(name)}`\n(.*?)(?=^#)", page, re.M | re.S)
    assert match is not None, f"no section for {name}"
    return match.group(1)


def _rows(section: str) -> list[str]:
    """Data rows of the first table in ``section`` (header and rule dropped)."""
    rows = [line for line in section.splitlines() if line.startswith("| ")]
    return rows[1:]


def test_every_parameter_has_its_own_section(page: str) -> None:
    for p in national():
        assert page.count(f"### `{p.name}`\n") == 1, p.name


def test_one_row_per_dated_value_citing_its_instrument(page: str) -> None:
    for p in national():
        rows = _rows(_section(page, p.name))
        assert len(rows) == len(p.values), p.name
        for row, v in zip(rows, p.values, strict=True):
            assert v.citation.instrument.replace("_", "\\_") in row, (p.name, row)
            assert v.effective_from.strftime("%d/%m/%Y") in row


def test_unconfirmed_values_are_flagged_and_confirmed_ones_are_not(page: str) -> None:
    flagged = 0
    for p in national():
        for row, v in zip(_rows(_section(page, p.name)), p.values, strict=True):
            weak = v.citation.confidence is not Confidence.CONFIRMED
            assert (UNCONFIRMED_FLAG in row) is weak, (p.name, row)
            assert f"{v.citation.confidence.value} (" in row
            flagged += weak
    assert flagged > 0  # the data does hold P and R values


def test_every_instrument_is_listed(page: str) -> None:
    table = page.split("\n## ")[-1]
    for key in national().instruments:
        assert f"| `{key}` |" in table, key


def test_overlays_have_sections_with_their_values_and_instruments(page: str) -> None:
    assert bundled_overlay_keys() == ("dong-nai-2022-2025", "hanoi-69-2024")
    for key in bundled_overlay_keys():
        overlay = bundled_overlay(key)
        assert f"### `{key}`: " in page
        for instrument in overlay.instruments:
            assert f"`{instrument.key}`" in page
        for name in overlay.values:
            assert f"#### `{name}`: " in page
        for p in overlay.parameters:
            assert f"#### `{p.name}` (" in page


def test_money_and_codes_are_readable() -> None:
    page = catalogue_markdown()
    rural = _section(page, "poverty.income_line.rural")
    assert "| 1,500,000 VND/person/month | 01/01/2022 – 31/12/2025 |" in rural
    assert "nutrition (`nutrition`)" in _section(page, "poverty.indicators")
    vi = catalogue_markdown(locale="vi")
    assert "| 1.500.000 đồng/người/tháng | 01/01/2022 – 31/12/2025 |" in _section(
        vi, "poverty.income_line.rural"
    )


def test_a_book_with_an_overlay_shows_the_merged_values() -> None:
    book: LawBook = national().with_overlay(bundled_overlay("dong-nai-2022-2025"))
    page = catalogue_markdown(book, overlays=())
    assert "## Provincial overlays" not in page
    rural = _section(page, "poverty.income_line.rural")
    assert "2,000,000 VND/person/month" in rural
    assert "dong-nai-chuan-ngheo-2022-2025" in rural


def test_helpers() -> None:
    assert render_value(True, "flag") == "yes"
    assert render_value("text | with pipe", "text") == "text \\| with pipe"
    assert render_value(("poor", "merit_relative"), "codes") == (
        "member of a poor household (`poor`), `merit_relative`"
    )
    assert confidence_text(Confidence.PARTLY_CONFIRMED, "vi") == (
        "⚠ **P (xác nhận một phần)**: cần kiểm tra"
    )
    with pytest.raises(ValueError, match="unsupported locale"):
        catalogue_markdown(locale="fr")


def test_the_changed_in_column_shows_each_values_mark(page: str) -> None:
    for p in national():
        for row, v in zip(_rows(_section(page, p.name)), p.values, strict=True):
            last_cell = re.split(r"(?<!\\)\|", row)[-2].strip()
            if v.changed_in is None:
                assert last_cell == "", (p.name, row)
            else:
                assert last_cell.endswith(v.changed_in), (p.name, row)
                assert (CHANGED_FLAG in last_cell) is (v.changed_in == RELEASE)
    low = _rows(_section(page, "poverty.low_income_worker.max_income_per_capita.rural"))
    assert all(row.endswith(f"| {CHANGED_FLAG} {RELEASE} |") for row in low)


def test_transitional_provisions_and_instrument_ends_are_shown() -> None:
    page = catalogue_markdown()
    rows = _rows(_section(page, "abroad.language.cap"))
    assert "applied under 60/2026/TT-BTC, Art. 21(1)" in rows[1]
    assert "applied under" not in rows[0]
    table = page.split("\n## ")[-1]
    row = next(line for line in table.splitlines() if line.startswith("| `55/2023/TT-BTC` |"))
    assert "| 15/08/2023 | 30/05/2026 |" in row
    vi = catalogue_markdown(locale="vi")
    assert "áp dụng tiếp theo 60/2026/TT-BTC, khoản 1 Điều 21" in vi


def test_values_are_counted_by_confidence_surest_first(page: str) -> None:
    (line,) = [
        line
        for line in page.splitlines()
        if line.startswith(("Values by confidence:", "Số giá trị theo mức tin cậy:"))
    ]
    assert [line.index(f" {tag} ") for tag in "CPR"] == sorted(
        line.index(f" {tag} ") for tag in "CPR"
    )
