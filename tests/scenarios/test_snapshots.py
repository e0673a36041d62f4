"""The explanations of every scenario, in Vietnamese and English, match their snapshots.

A change in wording, a value, a reason or a citation shows here as a diff: regenerate
with ``python scripts/update_snapshots.py`` and review the diff before committing.
"""

from __future__ import annotations

import difflib

import pytest

from scenarios import LOCALES, SNAPSHOTS, load_cases, snapshot

FILES = sorted({c.file for c in load_cases()})


def test_every_scenario_file_has_its_snapshots_and_no_other() -> None:
    expected = {f"{file}.{locale}.txt" for file in FILES for locale in LOCALES}
    assert {p.name for p in SNAPSHOTS.glob("*.txt")} == expected


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("file", FILES)
def test_explanations_match_the_snapshot(file: str, locale: str) -> None:
    path = SNAPSHOTS / f"{file}.{locale}.txt"
    kept = path.read_text("utf-8")
    now = snapshot(file, locale)
    diff = "".join(
        difflib.unified_diff(
            kept.splitlines(keepends=True), now.splitlines(keepends=True), str(path), "now"
        )
    )
    assert now == kept, f"run scripts/update_snapshots.py and review:\n{diff}"
