"""Official targets: dated, cited, read from the plans' wording, used in reports."""

from __future__ import annotations

from datetime import date
from fractions import Fraction

import pytest

from vnlabor import kpi
from vnlabor.kpi import (
    KpiUnit,
    PercentagePoints,
    Ratio,
    Target,
    official_target,
    official_targets,
)
from vnlabor.law import national


def test_every_target_is_cited_to_a_catalogued_instrument_and_names_a_kpi() -> None:
    targets = official_targets()
    assert targets
    book = national()
    for t in targets:
        assert t.kpi in kpi.kpi_keys()
        assert t.citation.instrument in book.instruments
        assert book.cite(t.citation, "vi")
        assert t.valid_from <= t.valid_to
        assert t.target.text == t.text


@pytest.mark.parametrize(
    ("on", "instrument"),
    [
        (date(2021, 1, 1), "24/2021/QH15"),
        (date(2025, 12, 31), "24/2021/QH15"),
        (date(2026, 1, 1), "417/QĐ-BNNMT"),
        (date(2030, 12, 31), "417/QĐ-BNNMT"),
    ],
)
def test_the_plan_period_decides_which_target_applies(on: date, instrument: str) -> None:
    found = official_target("poverty_rate_reduction", on)
    assert found is not None
    assert found.citation.instrument == instrument
    assert found.target.unit is KpiUnit.PERCENTAGE_POINTS
    assert found.target.lower == 1
    assert found.target.upper == Fraction(3, 2)


def test_outside_the_plans_and_unknown_scopes_there_is_no_target() -> None:
    assert official_target("poverty_rate_reduction", date(2020, 12, 31)) is None
    assert official_target("poverty_rate_reduction", date(2031, 1, 1)) is None
    assert official_target("poverty_rate_reduction", date(2024, 1, 1), scope="mars") is None


def test_subgroup_targets() -> None:
    em = official_target("poverty_rate_reduction", date(2023, 1, 1), "ethnic_minority_households")
    assert em is not None
    assert em.target.is_met(PercentagePoints(Fraction(301, 100))) is True
    assert em.target.is_met(PercentagePoints(3)) is False  # "trên 3%" is strict
    mountain = official_target("poverty_rate", date(2028, 1, 1), "ethnic_minority_mountain_areas")
    assert mountain is not None
    assert mountain.target.is_met(Ratio(99, 1_000)) is True
    assert mountain.target.is_met(Ratio(1, 10)) is False


def _fall_to(later: int, target: Target) -> str:
    """The explained yearly fall from 4.03% to ``later``/10,000 under ``target``."""
    return kpi.poverty_rate_reduction(
        Ratio(403, 10_000),
        Ratio(later, 10_000),
        standard_before="07/2021/NĐ-CP",
        standard_after="07/2021/NĐ-CP",
        target=target,
    ).explain()


def test_a_report_against_the_official_target_names_its_instrument() -> None:
    official = official_target("poverty_rate_reduction", date(2024, 12, 31))
    assert official is not None
    text = _fall_to(293, official.target)
    assert "Mức giảm tỷ lệ hộ nghèo: 1,10 điểm phần trăm" in text
    assert "Nghị quyết số 24/2021/QH15" in text
    assert "24/2021/QH15 ngày 28/07/2021 của Quốc hội): đạt." in text  # within the range
    assert "): chưa đạt (thiếu 0,10 điểm phần trăm)." in _fall_to(313, official.target)
    assert "): chưa đạt (cao hơn mức tối đa 0,10 điểm phần trăm)." in _fall_to(243, official.target)
