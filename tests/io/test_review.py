"""The review's two sheets: the readers' answers are the batch engine's, bad rows reported.

The bundled synthetic commune is read twice, by :func:`vnlabor.io.read_review` (then
each household assessed and classified one by one) and as two DataFrames by
:func:`vnlabor.batch.assess_deprivations` and :func:`vnlabor.batch.classify`; every
household must get the same indicators and status, under the 2026 standard (Decree
07/2021) and the 2027 one (Decree 351/2025).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

import vnlabor as vl
import vnlabor.batch
from vnlabor.io import read_review

pd = pytest.importorskip("pandas")

COMMUNE = Path(vl.__file__).parent / "sample_data" / "commune"
HOUSEHOLDS = COMMUNE / "households.csv"
MEMBERS = COMMUNE / "members.csv"
WHEN = [{"on": date(2026, 6, 1)}, {"list_year": 2027}]


def batch_answers(
    households: Any, members: Any, when: dict[str, Any]
) -> dict[str, tuple[str, frozenset[str], frozenset[str]]]:
    """household_id → (status, deprived, undetermined) by the batch engine."""
    found = vnlabor.batch.assess_deprivations(households, members, **when)
    table = households[["Mã hộ", "Khu vực", "Thu nhập bình quân đầu người/tháng"]].join(found)
    statuses = vnlabor.batch.classify(table, **when)
    out = {}
    for i, hid in enumerate(households["Mã hộ"]):
        row = found.iloc[i]
        deprived = frozenset(c for c in found.columns if row[c] is not pd.NA and bool(row[c]))
        unknown = frozenset(c for c in found.columns if row[c] is pd.NA)
        out[hid] = (statuses.iloc[i].value, deprived, unknown)
    return out


@pytest.mark.parametrize("when", WHEN, ids=["2026", "2027"])
def test_the_commune_read_by_the_readers_is_what_the_batch_engine_finds(
    when: dict[str, Any],
) -> None:
    review = read_review(HOUSEHOLDS, MEMBERS)
    assert not review.errors
    assert len(review.households) == 3000
    households = pd.read_csv(HOUSEHOLDS, dtype=str, keep_default_na=False)
    members = pd.read_csv(MEMBERS, dtype=str, keep_default_na=False)
    expected = batch_answers(households, members, when)
    statuses = set()
    for h in review.households:
        c = vl.classify(h, **when)
        assert c.assessment is not None
        got = (
            c.status.value,
            frozenset(d.value for d in c.assessment.deprived),
            frozenset(d.value for d in c.assessment.undetermined),
        )
        assert h.household_id is not None
        assert got == expected[h.household_id], h.household_id
        statuses.add(c.status)
    # The commune is drawn so that every class, and undetermined households, occur.
    assert vl.PovertyStatus.UNDETERMINED in statuses
    assert vl.PovertyStatus.POOR in statuses


def test_bad_rows_of_either_sheet_are_reported_and_the_good_ones_kept() -> None:
    households = pd.DataFrame(
        {
            "Mã hộ": ["H1", "H2", "H3", "H1", "H4"],
            "Khu vực": ["nông thôn", "thành thị", "nông thôn", "nông thôn", "nông thôn"],
            "Thu nhập bình quân đầu người/tháng": ["1.000.000", "2.000.000", "x", "1", "900.000"],
            "Số nhân khẩu": ["", "", "", "", "3"],
            "Tường bền chắc": ["có", "chắc", "không", "có", ""],
        }
    )
    members = pd.DataFrame(
        {
            "Mã hộ": ["H1", "H2", "H3", "H9", "H1", "H4"],
            "Giới tính": ["nữ", "nam", "nam", "nữ", "không rõ", "nam"],
            "Ngày sinh": ["01/01/1990"] * 6,
        }
    )
    review = read_review(households, members)
    assert [h.household_id for h in review.households] == ["H1"]
    assert review.lines == (0,)
    bad = {e.line: e.reason for e in review.household_errors}
    assert set(bad) == {1, 2, 3, 4}
    assert "Tường bền chắc" in bad[1]
    assert "'chắc'" in bad[1]
    assert "Thu nhập" in bad[2]
    assert "H1" in bad[3]  # repeated household_id
    assert "size 3 differs from the 1 members listed" in bad[4]
    members_bad = {e.line: e.reason for e in review.member_errors}
    # H2 and H3 (rows rejected) and H9 (not in the sheet); row 4: its sex unreadable.
    assert set(members_bad) == {1, 2, 3, 4}
    assert "household H9 is not among the households read" in members_bad[3]
    assert "Giới tính" in members_bad[4]
    assert [m.sex for m in review.households[0].members] == [vl.Sex.FEMALE]


def test_a_workbook_with_two_sheets_reads_as_the_csv_files(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    path = tmp_path / "review.xlsx"
    households = pd.read_csv(HOUSEHOLDS, dtype=str, keep_default_na=False).head(40)
    members = pd.read_csv(MEMBERS, dtype=str, keep_default_na=False)
    members = members[members["Mã hộ"].isin(households["Mã hộ"])]
    with pd.ExcelWriter(path) as writer:
        households.to_excel(writer, sheet_name="hộ", index=False)
        members.to_excel(writer, sheet_name="thành viên", index=False)
    from_book = read_review(path, path, households_sheet="hộ", members_sheet="thành viên")
    from_frames = read_review(households, members)
    assert not from_book.errors
    assert from_book.households == from_frames.households
    assert from_book.lines[:2] == (2, 3)  # sheet rows, header = row 1
