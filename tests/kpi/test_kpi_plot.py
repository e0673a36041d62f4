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
