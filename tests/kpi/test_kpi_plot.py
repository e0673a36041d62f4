"""plot_kpi draws bars and the target; needs the optional matplotlib."""

import importlib
from typing import Any

import pytest

from vnlabor.kpi import PercentagePoints, Ratio, Target, plot_kpi
from vnlabor.model.period import ReportingPeriod


def test_missing_matplotlib_gives_an_actionable_error(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = importlib.import_module

    def fake(name: str, package: str | None = None) -> Any:
        if name.startswith("matplotlib"):
            raise ImportError(name)
        return real_import(name, package)

    monkeypatch.setattr(importlib, "import_module", fake)
    with pytest.raises(ImportError, match=r'pip install "vnlabor\[plot\]"'):
        plot_kpi({"2023": Ratio(1, 2)})


def test_share_series_against_a_strict_target() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    series: dict[ReportingPeriod | str, Ratio] = {
        ReportingPeriod.calendar_year(2023): Ratio(9, 10),
        ReportingPeriod.calendar_year(2024): Ratio(95, 100),
        "2025": Ratio(0, 0),
    }
    ax = plot_kpi(series, Target.above(0.9), title="Kết nối việc làm")
    bars = ax.patches
    assert len(bars) == 3
    assert bars[0].get_height() == pytest.approx(90)
    assert bars[1].get_height() == pytest.approx(95)
    assert [t.get_text() for t in ax.get_xticklabels()][:2] == ["Năm 2023", "Năm 2024"]
    assert ax.get_title() == "Kết nối việc làm"
    assert ax.lines[0].get_ydata()[0] == pytest.approx(90)


def test_percentage_point_band_and_no_target() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    target = Target.between(PercentagePoints(1.15), PercentagePoints(1.56))
    ax = plot_kpi({"2021-2023": PercentagePoints(1.17)}, target, locale="en")
    assert ax.get_ylabel() == "percentage points"
    ax2 = plot_kpi({"2020": 57, "2021": 150})
    assert [b.get_height() for b in ax2.patches] == [57, 150]
    with pytest.raises(TypeError):
        plot_kpi({"2020": 57}, target)


def _agg() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")


def _classified() -> list[Any]:
    from datetime import date

    import vnlabor as vl

    three = "health_insurance;nutrition;housing_area"
    rows = [
        ("rural", 1_000_000, "01", three),  # poor
        ("rural", 1_000_000, "01", three),  # poor
        ("rural", 1_400_000, "01", ""),  # near-poor
        ("urban", 5_000_000, "79", ""),  # not poor
    ]
    households = [
        vl.Household(area=a, monthly_income_per_capita=i, province_code=p, deprivations=d)
        for a, i, p, d in rows
    ]
    return vl.classify_many(households, on=date(2024, 3, 1))


def test_a_kpi_result_is_drawn_by_group_with_its_target_in_the_legend() -> None:
    _agg()
    from vnlabor.kpi import poverty_rate

    result = poverty_rate(_classified(), by="area", target=Target.below(0.05))
    ax = plot_kpi(result, locale="en")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["rural area", "urban area"]
    assert [b.get_height() for b in ax.patches] == [pytest.approx(200 / 3), 0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Target: below 5%"]
    assert ax.get_title() == "Multidimensional poverty rate"
    assert ax.lines[0].get_ydata()[0] == pytest.approx(5)
    # red over the ceiling, green under it
    assert [b.get_facecolor()[:3] for b in ax.patches] == [
        pytest.approx((0xC6 / 255, 0x28 / 255, 0x28 / 255)),
        pytest.approx((0x2E / 255, 0x7D / 255, 0x32 / 255)),
    ]


def test_a_breakdown_and_a_mapping_of_results_are_drawn() -> None:
    _agg()
    from vnlabor.kpi import poverty_rate

    result = poverty_rate(_classified(), by="province", target=Target.below(0.05))
    assert result.breakdown is not None
    ax = plot_kpi(result.breakdown, locale="en")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["01", "79"]
    assert ax.get_legend() is None  # no target given, none drawn
    series = {
        ReportingPeriod.calendar_year(2023): result,
        ReportingPeriod.calendar_year(2024): poverty_rate(_classified()[3:]),
    }
    ax = plot_kpi(series, locale="en")
    assert [b.get_height() for b in ax.patches] == [50, 0]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Target: below 5%"]


def test_plot_kpi_refuses_what_it_cannot_draw() -> None:
    from vnlabor.errors import VnlaborTypeError

    with pytest.raises(VnlaborTypeError, match="takes a KpiResult, a Breakdown or a mapping"):
        plot_kpi([Ratio(1, 2)])  # type: ignore[arg-type]


def test_status_counts_by_area_are_stacked() -> None:
    _agg()
    from vnlabor.kpi import plot_status_counts

    ax = plot_status_counts(_classified(), by="area", locale="en")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["poor household", "near-poor household", "non-poor household"]
    # per status (poor, near-poor, not poor), one bar per area (rural, urban)
    heights = [b.get_height() for b in ax.patches]
    assert heights == [2, 0, 1, 0, 0, 1]
    bottoms = [b.get_y() for b in ax.patches]
    assert bottoms == [0, 0, 2, 0, 3, 0]
    ax = plot_status_counts(_classified(), by="province", locale="en")
    assert [t.get_text() for t in ax.get_xticklabels()] == ["01", "79"]


def test_status_counts_refuse_items_without_a_status() -> None:
    from vnlabor.errors import VnlaborTypeError
    from vnlabor.kpi import plot_status_counts

    with pytest.raises(VnlaborTypeError, match="PovertyStatus"):
        plot_status_counts(["poor"])  # type: ignore[list-item]
    with pytest.raises(ValueError, match="no households"):
        plot_status_counts([])
