"""The packaged provinces.toml and the checks the loader applies to any such file."""

from __future__ import annotations

import copy
import tomllib
import unicodedata
from datetime import date, timedelta
from typing import Any

import pytest

from vnlabor.base.confidence import Confidence
from vnlabor.errors import LawDataError
from vnlabor.geo import REFORM_2025, Province, predecessors, provinces
from vnlabor.geo.registry import _build, _load_text, _registry
from vnlabor.law import national


def test_file_is_nfc_and_parses() -> None:
    text = _load_text()
    assert unicodedata.is_normalized("NFC", text)
    raw = tomllib.loads(text)
    assert raw["schema"] == 1
    assert len(raw["province"]) == len(_registry().records)


def test_every_entry_has_confidence_and_citations() -> None:
    raw = tomllib.loads(_load_text())
    assert "source" not in raw  # instruments live in the law catalogue, not here
    for entry in raw["province"]:
        assert Confidence(entry["confidence"])
        assert entry["citations"]


def test_every_citation_is_of_a_catalogued_instrument_and_renders() -> None:
    book = national()
    for p in _registry().records:
        for c in p.citations:
            assert c.instrument in book.instruments, (p.code, p.valid_from, c.instrument)
            assert c.article or c.annex or c.note, (p.code, c.instrument)
            vi, en = book.cite(c, "vi"), book.cite(c, "en")
            assert book.instrument(c.instrument).official_name("vi") in vi
            assert book.instrument(c.instrument).official_name("en") in en


def test_citations_are_as_sure_as_their_entry() -> None:
    for p in _registry().records:
        assert {c.confidence for c in p.citations} == {p.confidence}, (p.code, p.valid_from)


def _reform_clause(p: Province) -> str | None:
    """The clause of Điều 1 of Resolution 202/2025/QH15 that ``p`` cites, if any."""
    (clause,) = {c.clause for c in p.citations if c.instrument == "202/2025/QH15"} or {None}
    return clause


def test_the_2025_reform_cites_one_clause_per_new_unit() -> None:
    # Điều 1 khoản 1-23 are the 23 mergers, khoản 24 the 11 unchanged units: each
    # new unit of 01/07/2025 cites the clause its predecessors cite.
    old = provinces(REFORM_2025 - timedelta(days=1))
    assert {_reform_clause(p) for p in old} == {str(n) for n in range(1, 25)}
    for new in provinces(REFORM_2025):
        assert _reform_clause(new) is not None, new.code
        assert {_reform_clause(p) for p in predecessors(new.code)} == {_reform_clause(new)}
        nq202 = [c for c in new.citations if c.instrument == "202/2025/QH15"]
        assert all(c.article == "1" for c in nq202), new.code


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
        "citations": [{"instrument": "test", "confidence": "R", "note": "test"}],
    }
    entry.update(fields)
    return entry


def _merger() -> dict[str, Any]:
    """Two units merging into one on 01/07/2025: a minimal consistent file."""
    end = {"valid_to": date(2025, 6, 30), "successors": ["01"]}
    return {
        "province": [
            _entry("01", **end),
            _entry("02", **end),
            _entry("01", valid_from=date(2025, 7, 1), predecessors=["01", "02"]),
        ],
    }


def test_minimal_merger_builds() -> None:
    registry = _build(_merger())
    assert [p.code for p in registry.by_code["01"]] == ["01", "01"]
    assert registry.records[0].citations[0].instrument == "test"


def _broken(change: str) -> dict[str, Any]:
    raw = copy.deepcopy(_merger())
    entries = raw["province"]
    if change == "citation without locator":
        entries[0]["citations"] = [{"instrument": "test", "confidence": "R"}]
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
        "citation without locator",
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
