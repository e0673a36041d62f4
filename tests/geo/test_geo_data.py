"""The packaged provinces.toml and the checks the loader applies to any such file."""

from __future__ import annotations

import copy
import tomllib
import unicodedata
from datetime import date
from typing import Any

import pytest

from vnlabor.errors import LawDataError
from vnlabor.geo.registry import _build, _load_text, _registry
from vnlabor.model.confidence import Confidence


def test_file_is_nfc_and_parses() -> None:
    text = _load_text()
    assert unicodedata.is_normalized("NFC", text)
    raw = tomllib.loads(text)
    assert raw["schema"] == 1
    assert len(raw["province"]) == len(_registry().records)


def test_every_entry_has_confidence_and_a_known_source() -> None:
    raw = tomllib.loads(_load_text())
    for entry in raw["province"]:
        assert Confidence(entry["confidence"])
        assert entry["cite"]
        assert all(ref["source"] in raw["source"] for ref in entry["cite"])


def test_registry_is_loaded_once() -> None:
    assert _registry() is _registry()


def test_coverage_starts_with_the_ha_tay_merger() -> None:
    assert _registry().start == date(2008, 8, 1)


# --------------------------------------------------------- loader checks on bad data


def _entry(code: str, **fields: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "code": code,
        "name_vi": f"Tỉnh T{code}",
        "short_name_vi": f"T{code}",
        "name_en": f"T{code}",
        "kind": "province",
        "valid_from": date(2008, 8, 1),
        "confidence": "R",
        "cite": [{"source": "s"}],
    }
    entry.update(fields)
    return entry


def _merger() -> dict[str, Any]:
    """Two units merging into one on 01/07/2025: a minimal consistent file."""
    end = {"valid_to": date(2025, 6, 30), "successors": ["01"]}
    return {
        "source": {"s": {"instrument": "test", "url": "https://example.org"}},
        "province": [
            _entry("01", **end),
            _entry("02", **end),
            _entry("01", valid_from=date(2025, 7, 1), predecessors=["01", "02"]),
        ],
    }


def test_minimal_merger_builds() -> None:
    registry = _build(_merger())
    assert [p.code for p in registry.by_code["01"]] == ["01", "01"]
    assert registry.records[0].citations[0].url == "https://example.org"


def _broken(change: str) -> dict[str, Any]:
    raw = copy.deepcopy(_merger())
    entries = raw["province"]
    if change == "unknown source":
        entries[0]["cite"] = [{"source": "nope"}]
    elif change == "overlap":
        entries[2]["valid_from"] = date(2025, 6, 30)
    elif change == "successor not linked back":
        entries[2]["predecessors"] = ["01"]
    elif change == "predecessor not linked forward":
        entries[1]["successors"] = ["03"]
    elif change == "ends without successor":
        del entries[1]["successors"]
    elif change == "later unit without predecessor":
        entries.append(_entry("05", valid_from=date(2025, 7, 1)))
    elif change == "invalid field":
        entries[0]["kind"] = "district"
    elif change == "empty":
        raw["province"] = []
    return raw


@pytest.mark.parametrize(
    "change",
    [
        "unknown source",
        "overlap",
        "successor not linked back",
        "predecessor not linked forward",
        "ends without successor",
        "later unit without predecessor",
        "invalid field",
        "empty",
    ],
)
def test_inconsistent_data_is_a_law_data_error(change: str) -> None:
    with pytest.raises(LawDataError):
        _build(_broken(change))
