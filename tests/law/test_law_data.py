"""The packaged law data: complete, cited, consistent; and the checks that keep it so."""

from datetime import date

import pytest

from vnlabor.base.confidence import Confidence
from vnlabor.errors import LawDataError, ParameterNotInForce
from vnlabor.law import Overlay, bundled_overlay, national
from vnlabor.law.book import LawBook
from vnlabor.law.citation import Citation

BOOK = national()


def test_every_value_cites_a_catalogued_instrument_with_a_locator() -> None:
    assert BOOK.problems() == []
    for p in BOOK:
        for v in p.values:
            c = v.citation
            assert c.instrument in BOOK.instruments, (p.name, c.instrument)
            assert c.article or c.annex or c.note, (p.name, v.effective_from)
            assert isinstance(c.confidence, Confidence)


def test_every_parameter_is_gapless_and_non_overlapping_over_its_declared_range() -> None:
    for p in BOOK:
        assert p.problems() == []
        # Every breakpoint and every day after a value ends still has a value.
        for v in p.values:
            assert p.at(v.effective_from) == v
            if v.effective_to is not None and (p.covers_to is None or v.effective_to < p.covers_to):
                assert p.find(date.fromordinal(v.effective_to.toordinal() + 1)) is not None


def test_descriptions_are_bilingual() -> None:
    for p in BOOK:
        assert p.description.vi, p.name
        assert p.description.en, p.name


def _toml(values: str, covers: str = "{ from = 2020-01-01, to = 2020-12-31 }") -> str:
    return f"""
[overlay]
key = "test"
name = {{ vi = "thử", en = "test" }}

[instruments."X/2020"]
kind = "decree"
number = "X/2020"
issuer = {{ vi = "Chính phủ", en = "Government" }}
title = {{ vi = "thử", en = "test" }}
confidence = "C"

[parameters."test.amount"]
description = {{ vi = "thử", en = "test" }}
unit = "VND"
covers = {covers}
{values}
"""


_ROW = """
[[parameters."test.amount".values]]
from = {start}
to = {end}
value = 1
cite = {{ instrument = "X/2020", article = "1", confidence = "C" }}
"""


def test_overlapping_values_are_rejected() -> None:
    rows = _ROW.format(start="2020-01-01", end="2020-06-30") + _ROW.format(
        start="2020-06-30", end="2020-12-31"
    )
    with pytest.raises(LawDataError, match="overlap"):
        Overlay.from_toml(_toml(rows))


def test_a_gap_inside_the_declared_range_is_rejected() -> None:
    rows = _ROW.format(start="2020-01-01", end="2020-06-29") + _ROW.format(
        start="2020-07-01", end="2020-12-31"
    )
    with pytest.raises(LawDataError, match="no value between 2020-06-29 and 2020-07-01"):
        Overlay.from_toml(_toml(rows))


def test_a_value_short_of_the_declared_range_is_rejected() -> None:
    with pytest.raises(LawDataError, match="no value after 2020-06-30"):
        Overlay.from_toml(_toml(_ROW.format(start="2020-01-01", end="2020-06-30")))


def test_a_value_without_citation_is_rejected() -> None:
    rows = '\n[[parameters."test.amount".values]]\nfrom = 2020-01-01\nto = 2020-12-31\nvalue = 1\n'
    with pytest.raises(LawDataError, match="citation"):
        Overlay.from_toml(_toml(rows))


def test_a_citation_without_article_annex_or_note_is_rejected() -> None:
    rows = _ROW.format(start="2020-01-01", end="2020-12-31").replace('article = "1", ', "")
    with pytest.raises(LawDataError, match="no article or annex"):
        Overlay.from_toml(_toml(rows))


def test_a_citation_of_an_unknown_instrument_is_rejected() -> None:
    ov = Overlay.from_toml(
        _toml(_ROW.format(start="2020-01-01", end="2020-12-31").replace("X/2020", "Y/2020", 1))
    )
    with pytest.raises(LawDataError, match="unknown instrument 'Y/2020'"):
        BOOK.with_overlay(ov)


def test_adjacent_values_and_exact_boundaries() -> None:
    rows = _ROW.format(start="2020-01-01", end="2020-06-30") + _ROW.format(
        start="2020-07-01", end="2020-12-31"
    ).replace("value = 1", "value = 2")
    book = BOOK.with_overlay(Overlay.from_toml(_toml(rows)))
    assert book.amount("test.amount", date(2020, 6, 30)) == 1
    assert book.amount("test.amount", date(2020, 7, 1)) == 2
    with pytest.raises(ParameterNotInForce, match="2021-01-01"):
        book.at("test.amount", date(2021, 1, 1))


def test_overlay_replaces_national_values_only_on_its_days() -> None:
    book = BOOK.with_overlay(bundled_overlay("dong-nai-2022-2025"))
    name = "poverty.income_line.rural"
    assert book.amount(name, date(2021, 12, 31)) == 1_000_000
    assert book.amount(name, date(2022, 1, 1)) == 2_000_000
    assert book.amount(name, date(2025, 12, 31)) == 2_000_000
    assert book.amount(name, date(2026, 1, 1)) == 1_500_000
    assert book.parameter(name).problems() == []
    # The national book is untouched.
    assert BOOK.amount(name, date(2024, 1, 1)) == 1_500_000
    assert BOOK.overlays == ()


def test_overlay_cannot_set_an_unknown_parameter_without_defining_it() -> None:
    text = _toml("").split('[parameters."test.amount"]')[0] + _ROW.format(
        start="2020-01-01", end="2020-12-31"
    ).replace("test.amount", "no.such.parameter")
    with pytest.raises(LawDataError, match="does not define"):
        BOOK.with_overlay(Overlay.from_toml(text))


def test_unknown_bundled_overlay_lists_the_available_ones() -> None:
    with pytest.raises(KeyError, match="dong-nai-2022-2025"):
        bundled_overlay("atlantis")


def test_unknown_parameter_and_instrument_are_named() -> None:
    with pytest.raises(KeyError, match="nope"):
        BOOK.parameter("nope")
    with pytest.raises(KeyError, match="nope"):
        BOOK.instrument("nope")


def test_parameter_defined_twice_is_rejected() -> None:
    p = BOOK.parameter("poverty.deprivation_cutoff")
    with pytest.raises(LawDataError, match="defined twice"):
        LawBook([p, p], BOOK.instruments.values())


def test_citations_render_in_official_vietnamese_and_english() -> None:
    v = BOOK.at("poverty.income_line.rural", date(2024, 1, 1))
    assert BOOK.cite(v.citation) == (
        "khoản 1 Điều 3 Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ"
    )
    assert BOOK.cite(v.citation, "en") == "Decree 07/2021/NĐ-CP of 27/01/2021, Art. 3(1)"
    unconfirmed = BOOK.at("poverty.indicators", date(2028, 1, 1)).citation
    assert "[R:" in BOOK.cite(unconfirmed)


def test_citing_foreign_citations_does_not_grow_the_books_memo() -> None:
    # A long-running service explains decisions read back from storage: their citations
    # are new objects every time and must not accumulate in the (shared) national book.
    book = national()
    own = book.at("poverty.income_line.rural", date(2024, 1, 1)).citation
    first = book.cite(own, "vi")
    size = len(book._cache)
    for _ in range(50):
        copy = Citation.model_validate(own.model_dump())
        assert copy is not own
        assert book.cite(copy, "vi") == first
    assert len(book._cache) == size
