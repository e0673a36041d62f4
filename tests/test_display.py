"""How results show themselves: short reprs, readable str, HTML for Jupyter, nothing personal."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

import vnlabor as vl
from vnlabor import kpi
from vnlabor.l10n.display import display_locale, get_display_locale, set_display_locale
from vnlabor.law import national

CID = "001203004567"
NAME = "Nguyễn Văn An"
ON = date(2024, 3, 1)


def _household(household_id: str = CID) -> vl.Household:
    return vl.Household(
        household_id=household_id,
        area=vl.Area.RURAL,
        monthly_income_per_capita=1_400_000,
        members=[vl.Member(citizen_id=CID, name=NAME, birth_date=date(1980, 1, 1))],
        deprivations={vl.Deprivation.NUTRITION},
    )


def _decision() -> vl.Decision:
    trainee = vl.Trainee(
        sex=vl.Sex.FEMALE,
        rural=True,
        disabled=False,
        ethnic_minority=False,
        household_status=vl.PovertyStatus.NEAR_POOR,
        newly_escaped=False,
        special_difficulty_area=False,
    )
    course = vl.Course(level=vl.CourseLevel.UNDER_3_MONTHS, cost=5_000_000, study_days=30)
    return vl.training_support(trainee, course, on=date(2024, 5, 1), distance_km=20)


def _results() -> dict[str, Any]:
    hh = _household()
    c = vl.classify(hh, on=ON)
    poor = vl.classify(
        vl.Household(
            household_id="HN-2",
            area=vl.Area.URBAN,
            monthly_income_per_capita=900_000,
            deprivations={
                vl.Deprivation.NUTRITION,
                vl.Deprivation.HEALTH_INSURANCE,
                vl.Deprivation.HOUSING_AREA,
            },
        ),
        on=ON,
    )
    assert poor.status is vl.PovertyStatus.POOR
    result = kpi.poverty_rate([c, poor, c], by="area", target=kpi.Target.below(0.05))
    assert result.breakdown is not None
    book = national()
    return {
        "classification": c,
        "assessment": vl.assess_deprivations(hh, on=ON),
        "low income": vl.poverty.assess_low_income_worker(hh, on=date(2025, 9, 1)),
        "decision": _decision(),
        "kpi result": result,
        "breakdown": result.breakdown,
        "ratio": kpi.Ratio(4_973, 5_816),
        "target": kpi.Target.parse("trên 90%"),
        "standard": vl.standard_in_force(ON),
        "law book": book,
        "parameter": book.parameter("poverty.income_line.rural"),
        "parameter value": book.at("poverty.income_line.rural", ON),
    }


RESULTS = _results()


@pytest.mark.parametrize("name", RESULTS)
def test_repr_is_one_short_line_naming_the_type(name: str) -> None:
    obj = RESULTS[name]
    text = repr(obj)
    assert "\n" not in text
    assert len(text) <= 200, text
    assert type(obj).__name__ in text


@pytest.mark.parametrize("name", RESULTS)
@pytest.mark.parametrize("locale", ["vi", "en"])
def test_no_citizen_id_or_name_in_any_display(name: str, locale: str) -> None:
    obj = RESULTS[name]
    with display_locale(locale):
        shown = [repr(obj), str(obj), obj._repr_html_()]
    for text in shown:
        assert CID not in text
        assert NAME not in text
        assert "Nguy" not in text


def test_classification_shows_the_masked_id_status_and_reasons() -> None:
    c = RESULTS["classification"]
    assert "'*********567'" in repr(c)
    assert ": near_poor;" in repr(c)
    assert "income 1400000 ≤ line 1500000" in repr(c)
    with display_locale("en"):
        html = c._repr_html_()
        assert str(c) == c.explain("en")
    assert "<table" in html
    assert "near-poor" in html  # the status, in words
    assert "07/2021/NĐ-CP" in html  # a reason's citation
    assert "*********567" in html


def test_str_follows_the_display_locale() -> None:
    c = RESULTS["classification"]
    assert get_display_locale() == "vi"
    assert str(c) == c.explain("vi")
    with display_locale("en"):
        assert str(c) == c.explain("en")
        assert str(RESULTS["decision"]) == RESULTS["decision"].explain("en")
    assert get_display_locale() == "vi"
    previous = set_display_locale("en")
    try:
        assert str(RESULTS["kpi result"]).startswith("Multidimensional poverty rate: 33.33%")
    finally:
        set_display_locale(previous)
    with pytest.raises(vl.VnlaborError), display_locale("fr"):
        pass


def test_kpi_result_html_has_value_target_and_attainment() -> None:
    with display_locale("en"):
        html = RESULTS["kpi result"]._repr_html_()
    # 1 poor of 3 households, against a ceiling of 5%: 33.33%, not met, by 28.33 points.
    assert "33.33% (1/3)" in html
    assert "below 5%" in html
    assert "not met" in html
    assert "28.33 percentage points" in html
    assert "<caption>" in html  # the breakdown by area
    assert "urban" in html


def test_html_escapes_what_it_shows() -> None:
    c = vl.classify(_household(household_id="<script>alert(1)</script>"), on=ON)
    html = c._repr_html_()
    assert "<script>" not in html
    assert "&lt;script&gt;" in html
    assert "\n" not in repr(vl.classify(_household(household_id="a\nb"), on=ON))


def test_a_long_repr_is_cut_to_the_limit() -> None:
    c = vl.classify(_household(household_id="x" * 500), on=ON)
    assert len(repr(c)) <= 200
    assert repr(c).endswith(">")
