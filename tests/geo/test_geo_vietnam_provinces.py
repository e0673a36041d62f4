"""Cross-check against the third-party vietnam-provinces package, when it is installed.

It is not a dependency (and is GPL: vnlabor only compares against it, never ships its
data); without it these tests skip.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from vnlabor.geo import REFORM_2025, ProvinceKind, provinces
from vnlabor.geo.registry import _fold


def _their(units: Any) -> dict[str, tuple[str, str]]:
    """code -> (folded short name, kind value) from the package's Province objects."""
    out = {}
    for p in units:
        kind = getattr(p.division_type, "name", str(p.division_type))
        out[f"{int(p.code):02d}"] = (
            _fold(p.name),
            "centrally_run_city" if kind == "THANH_PHO_TRUNG_UONG" else "province",
        )
    return out


def _ours(on: date) -> dict[str, tuple[str, str]]:
    return {p.code: (_fold(p.name_vi), p.kind.value) for p in provinces(on)}


def test_current_map_matches_vietnam_provinces() -> None:
    vp = pytest.importorskip("vietnam_provinces")
    # Compare on the day the package's data was taken, so later changes of kind on
    # either side do not show up as disagreements.
    on = max(date.fromisoformat(vp.__data_version__), REFORM_2025)
    theirs = _their(vp.Province.iter_all())
    ours = _ours(on)
    assert sorted(theirs) == sorted(ours)
    assert {c: n for c, (n, _) in theirs.items()} == {c: n for c, (n, _) in ours.items()}
    assert {c: k for c, (_, k) in theirs.items()} == {c: k for c, (_, k) in ours.items()}
    assert ProvinceKind.CENTRALLY_RUN_CITY.value in {k for _, k in ours.values()}


def test_legacy_map_matches_vietnam_provinces() -> None:
    legacy = pytest.importorskip("vietnam_provinces.legacy")
    theirs = _their(legacy.Province.iter_all())
    ours = _ours(date(2025, 6, 30))
    assert sorted(theirs) == sorted(ours)
    assert {c: n for c, (n, _) in theirs.items()} == {c: n for c, (n, _) in ours.items()}
