"""Reforms: a changed book from a mapping of parameter changes or a file, never taken for law."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import vnlabor as vl
from vnlabor.base.confidence import Confidence
from vnlabor.errors import LawDataError, ParameterNotInForce
from vnlabor.law import InstrumentKind, Overlay, Reform, load_reform, national

LINE = "poverty.income_line.rural"
JAN_2027 = date(2027, 1, 1)


def reform_book(**kwargs: object) -> vl.law.LawBook:
    args: dict[str, object] = {"from_": JAN_2027, "name": "Rural line 2.5M"}
    args.update(kwargs)
    return national().with_changes({LINE: 2_500_000}, **args)  # type: ignore[arg-type]


def test_a_new_book_the_national_one_untouched() -> None:
    before = national().parameter(LINE)
    book = reform_book()
    assert book is not national()
    assert book.value(LINE, date(2027, 6, 1)) == 2_500_000
    assert national().value(LINE, date(2027, 6, 1)) == 2_200_000
    assert national().parameter(LINE) == before
    assert national().scenarios == {}
    assert "rural-line-2-5m" in book.overlays


def test_the_first_day_the_day_before_and_the_last_day() -> None:
    book = reform_book(to=date(2027, 12, 31))
    assert book.value(LINE, date(2026, 12, 31)) == 1_500_000
    assert book.value(LINE, JAN_2027) == 2_500_000
    assert book.value(LINE, date(2027, 12, 31)) == 2_500_000
    assert book.value(LINE, date(2028, 1, 1)) == 2_200_000  # the law again


def test_without_a_last_day_to_the_end_of_the_parameters_data() -> None:
    book = reform_book()
    assert book.value(LINE, date(2030, 12, 31)) == 2_500_000
    with pytest.raises(ParameterNotInForce):
        book.value(LINE, date(2031, 1, 1))


def test_a_value_brought_back_past_its_data_runs_open_ended() -> None:
    # The average-living-standard band is not encoded after 2026: a what-if restores it.
    book = national().with_changes(
        {
            "poverty.average_living_standard_line.rural": 3_000_000,
            "poverty.average_living_standard_line.urban": 4_000_000,
        },
        from_=JAN_2027,
        name="band kept",
    )
    standard = vl.standard_in_force(date(2027, 3, 1), book)
    assert standard.average_living_standard_line == {
        vl.Area.RURAL: 3_000_000,
        vl.Area.URBAN: 4_000_000,
    }
    assert vl.standard_in_force(date(2027, 3, 1)).average_living_standard_line is None


def test_the_values_cite_a_scenario_not_law() -> None:
    book = reform_book(note="the department's proposal")
    value = book.at(LINE, date(2027, 6, 1))
    instrument = book.instrument(value.citation.instrument)
    assert instrument.kind is InstrumentKind.SCENARIO
    assert value.citation.confidence is Confidence.UNCONFIRMED
    assert "not law" in (value.citation.note or "")
    assert "the department's proposal" in (value.citation.note or "")
    assert book.cite(value.citation, "en") == "scenario “Rural line 2.5M”, not law"
    assert book.cite(value.citation, "vi") == (
        "kịch bản “Rural line 2.5M”, không phải quy định pháp luật"
    )


def test_explanations_say_under_the_scenario() -> None:
    book = reform_book(name={"vi": "Chuẩn nông thôn 2,5 triệu", "en": "Rural line 2.5M"})
    hh = vl.Household(area="rural", monthly_income_per_capita=2_400_000, deprivations=[])
    c = vl.classify(hh, on=date(2027, 6, 1), law=book)
    assert c.status is vl.PovertyStatus.NEAR_POOR
    en, vi = c.explain("en").splitlines(), c.explain("vi").splitlines()
    assert en[1] == "Under the scenario “Rural line 2.5M” (a what-if, not law)."
    assert (
        vi[1]
        == "Theo kịch bản “Chuẩn nông thôn 2,5 triệu” (giả định, không phải quy định pháp luật)."
    )
    assert not any("local standard" in line for line in en)
    assert c.citations[1] in c.unconfirmed
    # A household the reform does not touch (urban) is explained as under the law.
    urban = vl.classify(
        hh.model_copy(update={"area": vl.Area.URBAN}), on=date(2027, 6, 1), law=book
    )
    assert "scenario" not in urban.explain("en")


def test_a_provincial_overlay_keeps_its_heading() -> None:
    book = national().with_overlay(vl.law.bundled_overlay("dong-nai-2022-2025"))
    hh = vl.Household(area="rural", monthly_income_per_capita=1_900_000, deprivations=[])
    text = vl.classify(hh, on=date(2024, 3, 1), law=book).explain("en")
    assert "With the local standard of" in text
    assert "scenario" not in text
    assert book.scenarios == {}


def test_a_toml_overlay_marked_as_scenario_is_named_as_one() -> None:
    text = """
[overlay]
key = "cutoff-2"
name = { vi = "Ngưỡng 2 chỉ số", en = "Cut-off at 2 indicators" }
scenario = true

[instruments."cutoff-2-proposal"]
kind = "scenario"
issuer = { vi = "Sở", en = "the department" }
title = { vi = "Ngưỡng 2 chỉ số", en = "Cut-off at 2 indicators" }
confidence = "R"

[[parameters."poverty.deprivation_cutoff".values]]
from = 2027-01-01
to = 2030-12-31
value = 2
cite = { instrument = "cutoff-2-proposal", confidence = "R", note = "a proposal" }
"""
    overlay = Overlay.from_toml(text)
    assert overlay.scenario
    book = national().with_overlay(overlay)
    hh = vl.Household(
        area="rural", monthly_income_per_capita=1_000_000, deprivations=["nutrition", "employment"]
    )
    c = vl.classify(hh, on=date(2027, 6, 1), law=book)
    assert c.status is vl.PovertyStatus.POOR
    assert "Under the scenario “Cut-off at 2 indicators”" in c.explain("en")


def test_an_unknown_parameter_is_named_with_the_closest_names() -> None:
    with pytest.raises(
        LawDataError,
        match=r"'poverty\.income_line\.rual'.*did you mean 'poverty\.income_line\.rural'",
    ):
        national().with_changes({"poverty.income_line.rual": 1}, from_=JAN_2027, name="x")
    with pytest.raises(
        LawDataError, match=r"'nothing\.like\.it', which the law book does not define$"
    ):
        national().with_changes({"nothing.like.it": 1}, from_=JAN_2027, name="x")


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        (LINE, 2_500_000.0, r"whole number \(VND as int\).*not float"),
        (LINE, 2_500_000.5, "not float"),
        (LINE, "2.500.000", r"takes a whole number, not str"),
        (LINE, True, "takes a whole number, not bool"),
        (LINE, -1, "is money and cannot be negative: -1"),
        ("poverty.deprivation_cutoff", "3", "takes a whole number, not str"),
        ("poverty.indicators", "nutrition", "takes a list of codes, not str"),
        ("poverty.standard", 351, r"takes a code \(text\), not int"),
    ],
)
def test_a_value_of_the_wrong_kind_is_refused(name: str, value: object, message: str) -> None:
    with pytest.raises(LawDataError, match=message):
        national().with_changes({name: value}, from_=JAN_2027, name="x")  # type: ignore[dict-item]


def test_zero_money_and_a_list_of_codes_are_accepted() -> None:
    book = national().with_changes(
        {LINE: 0, "poverty.indicators": ["nutrition", "employment"]}, from_=JAN_2027, name="x"
    )
    assert book.value(LINE, JAN_2027) == 0
    assert book.value("poverty.indicators", JAN_2027) == ("nutrition", "employment")


def test_dates_are_checked() -> None:
    with pytest.raises(
        LawDataError, match="the last day 2026-12-31 is before the first day 2027-01-01"
    ):
        reform_book(to=date(2026, 12, 31))
    with pytest.raises(TypeError, match="from_ must be a date"):
        reform_book(from_="2027-01-01")
    with pytest.raises(LawDataError, match="at least one"):
        national().with_changes({}, from_=JAN_2027, name="x")
    # One day is a period.
    assert reform_book(to=JAN_2027).value(LINE, JAN_2027) == 2_500_000


def test_keys_are_made_from_the_name() -> None:
    r = Reform(name="Chuẩn nông thôn 2,5 triệu đồng", changes={LINE: 1}, effective_from=JAN_2027)
    assert r.key == "chuan-nong-thon-2-5-trieu-dong"
    r = Reform(
        name={"vi": "Đề xuất", "en": "Proposal A"}, changes={LINE: 1}, effective_from=JAN_2027
    )
    assert r.key == "proposal-a"
    with pytest.raises(ValueError, match="needs a key"):
        Reform(name="…", changes={LINE: 1}, effective_from=JAN_2027)


def test_a_reform_file(tmp_path: Path) -> None:
    path = tmp_path / "reform.toml"
    path.write_text(
        """
[reform]
key = "rural-2-5"
name = { vi = "Chuẩn nông thôn 2,5 triệu", en = "Rural line 2.5 million" }
from = 2027-01-01
to = 2028-12-31
note = "the department's proposal"

[changes]
"poverty.income_line.rural" = 2_500_000
"poverty.indicators" = ["nutrition", "employment", "dependants"]
""",
        encoding="utf-8",
    )
    reform = load_reform(path)
    assert reform.key == "rural-2-5"
    assert reform.effective_to == date(2028, 12, 31)
    book = national().with_reform(reform)
    assert book.value(LINE, date(2028, 12, 31)) == 2_500_000
    assert book.value("poverty.indicators", JAN_2027) == ("nutrition", "employment", "dependants")
    assert book.scenarios["rural-2-5"].vi == "Chuẩn nông thôn 2,5 triệu"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[changes]\nx = 1\n", r"missing \[reform\] table"),
        (
            '[reform]\nname = "x"\nfrom = 2027-01-01\nform = 1\n[changes]\nx = 1\n',
            "unknown entries: form",
        ),
        ('[reform]\nname = "x"\n[changes]\nx = 1\n', "effective_from"),
        ('[reform]\nname = "x"\nfrom = 2027-01-01\n[changes]\nx = 1.5\n', "not float"),
        ('[reform]\nname = "x"\nfrom = 2027-01-01\n', "at least one"),
    ],
)
def test_a_bad_reform_file_names_the_file(text: str, message: str) -> None:
    with pytest.raises(LawDataError, match=message) as info:
        Reform.from_toml(text, source="r.toml")
    assert str(info.value).startswith("r.toml: ")


def test_chained_reforms_each_named() -> None:
    book = reform_book().with_changes(
        {"poverty.income_line.urban": 3_000_000}, from_=JAN_2027, name="Urban line 3M"
    )
    assert list(book.scenarios) == ["rural-line-2-5m", "urban-line-3m"]
    assert book.value(LINE, JAN_2027) == 2_500_000
    assert book.value("poverty.income_line.urban", JAN_2027) == 3_000_000
