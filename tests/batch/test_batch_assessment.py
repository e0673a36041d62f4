"""batch.assess_deprivations: row for row the scalar assessment, on random tables.

Households with members and dwellings whose facts are partly missing are written as a
household table and a members table (typed cells, or text as a surveyor types it), and
assessed by both engines; then classified: batch.classify on the assessed columns gives
what vl.classify gives the households with their facts.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "poverty"))
from facts import dwellings_st, maybe, members_st  # noqa: E402

import vnlabor as vl  # noqa: E402
import vnlabor.batch  # noqa: E402
from vnlabor.l10n import label  # noqa: E402

D = vl.Deprivation
O = vl.IndicatorOutcome  # noqa: E741
DWELLING_FIELDS = list(vl.Dwelling.model_fields)
MEMBER_FIELDS = ["birth_date", "sex", "disabled", *vl.model.person.MEMBER_SURVEY_FACTS]


@st.composite
def households_st(draw: st.DrawFn) -> vl.Household:
    members = draw(st.lists(members_st, max_size=5))
    size = None if members else draw(maybe(st.integers(1, 6)))
    return vl.Household(
        area=draw(st.sampled_from(["rural", "urban"])),
        monthly_income_per_capita=draw(st.integers(0, 3_500_000)),
        members=tuple(members),
        size=size,
        dwelling=draw(maybe(dwellings_st)),
    )


def as_text(value: Any) -> Any:
    """A value as a surveyor types it in a sheet (Vietnamese words, dd/mm/yyyy)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, frozenset):
        return "; ".join(label(v, "vi") for v in sorted(value)) or "không có"
    if hasattr(value, "value") and not isinstance(value, int):
        return label(value, "vi")
    return str(value).replace(".", ",")


def frames(households: list[vl.Household], text: bool) -> tuple[Any, Any]:
    cell = as_text if text else (lambda v: v)
    hh_rows, member_rows = [], []
    for i, h in enumerate(households):
        hid = f"H{i}"
        d = h.dwelling
        hh_rows.append(
            {"Mã hộ": hid, "size": h.size}
            | {f: cell(None if d is None else getattr(d, f)) for f in DWELLING_FIELDS}
        )
        for m in h.members:
            member_rows.append(
                {"household_id": hid} | {f: cell(getattr(m, f)) for f in MEMBER_FIELDS}
            )
    columns = ["household_id", *MEMBER_FIELDS]
    members = pd.DataFrame(member_rows, columns=columns, dtype=object)
    households_frame = pd.DataFrame(hh_rows, dtype=object)
    if not text and len(members):
        for name in ("disabled", "health_insurance", "in_school"):
            members[name] = pd.array(members[name].tolist(), dtype="boolean")
        members["birth_date"] = pd.to_datetime(members["birth_date"])
    return households_frame, members


OUTCOME = {True: O.DEPRIVED, False: O.NOT_DEPRIVED}


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(households_st(), min_size=1, max_size=8),
    st.booleans(),
    st.sampled_from([{"on": date(2024, 3, 1)}, {"list_year": 2027}, {"on": date(2019, 6, 1)}]),
)
def test_batch_assessment_equals_the_scalar_one(
    households: list[vl.Household], text: bool, when: dict[str, Any]
) -> None:
    hh, members = frames(households, text)
    found = vnlabor.batch.assess_deprivations(hh, members, **when)
    sets = vnlabor.batch.indicator_sets(found)
    for i, h in enumerate(households):
        a = vl.assess_deprivations(h, **when)
        assert sets["deprived"].iloc[i] == a.deprived
        assert sets["undetermined"].iloc[i] == a.undetermined
        assert list(found.columns) == [d.value for d in a.standard.indicators]
        for item in a.indicators:
            cell = found.iloc[i][item.indicator.value]
            got = O.UNDETERMINED if cell is pd.NA else OUTCOME[bool(cell)]
            assert got == item.outcome, (i, item.indicator, h)
    # Into classification: the assessed columns are indicator columns of the contract.
    table = pd.DataFrame(
        {
            "area": [h.area.value for h in households],
            "monthly_income_per_capita": [h.monthly_income_per_capita for h in households],
        }
    ).join(found)
    statuses = vnlabor.batch.classify(table, **when).tolist()
    for h, status in zip(households, statuses, strict=True):
        if h.has_survey_facts:  # vl.classify assesses only households with facts
            assert status == vl.classify(h, **when).status


def test_bad_cells_missing_households_and_repeats_are_named() -> None:
    hh = pd.DataFrame({"household_id": ["A", "B"], "tường bền chắc": ["có", "chắc"]})
    members = pd.DataFrame({"household_id": ["A"], "sex": ["nữ"]})
    with pytest.raises(ValueError, match=r"tường bền chắc.*1 bad row.*'chắc'"):
        vnlabor.batch.assess_deprivations(hh, members, on=date(2024, 3, 1))
    hh = pd.DataFrame({"household_id": ["A", "B"]})
    with pytest.raises(ValueError, match=r"1 member.*not in households: first 'C'"):
        vnlabor.batch.assess_deprivations(
            hh, pd.DataFrame({"household_id": ["A", "C"]}), on=date(2024, 3, 1)
        )
    with pytest.raises(ValueError, match="repeated"):
        vnlabor.batch.assess_deprivations(
            pd.DataFrame({"household_id": ["A", "A"]}), members, on=date(2024, 3, 1)
        )


def test_a_birthday_before_1970_and_the_day_before_count_alike() -> None:
    # 31/12/1969 is day -1 of numpy's calendar: it must not read as "not given".
    hh = pd.DataFrame({"household_id": ["A"]})
    members = pd.DataFrame(
        {"household_id": ["A"], "birth_date": ["31/12/1969"], "health_insurance": ["không"]}
    )
    found = vnlabor.batch.assess_deprivations(hh, members, on=date(2024, 3, 1))
    assert bool(found.loc[0, "health_insurance"]) is True


def test_a_member_the_model_rejects_is_rejected_here_too() -> None:
    # At the expected school level but not in school: vl.Member rejects it, so must this.
    hh = pd.DataFrame({"household_id": ["A"]})
    members = pd.DataFrame(
        {
            "household_id": ["A", "A"],
            "Đang đi học": ["có", "không"],
            "Học đúng bậc, cấp học theo độ tuổi": ["có", "có"],
        }
    )
    with pytest.raises(ValueError, match=r"1 bad row\(s\), first 1: .*at_expected_school_level"):
        vnlabor.batch.assess_deprivations(hh, members, on=date(2024, 3, 1))
    with pytest.raises(ValueError, match="at_expected_school_level"):
        vl.Member(at_expected_school_level=True, in_school=False)


def test_household_ids_link_as_the_field_holds_them() -> None:
    # Whole numbers in one table and their digits in the other are the same households;
    # spaces around an id are not part of it; other text is held as it is.
    when: dict[str, Any] = {"on": date(2024, 3, 1)}
    hh = pd.DataFrame({"household_id": [7, 12, 30]})
    members = pd.DataFrame({"household_id": ["12", " 7 ", "30"], "health_insurance": [0, 1, 0]})
    members["health_insurance"] = members["health_insurance"].astype(bool)
    members["birth_date"] = "01/01/1990"
    found = vnlabor.batch.assess_deprivations(hh, members, **when)
    # Household 7's member has a card; 12's and 30's have none (deprived).
    assert found["health_insurance"].tolist() == [False, True, True]
    hh = pd.DataFrame({"household_id": ["Hộ 1", "007"]})
    members = pd.DataFrame({"household_id": ["Hộ 1", "7"]})
    with pytest.raises(ValueError, match=r"1 member.*not in households: first '7'"):
        vnlabor.batch.assess_deprivations(hh, members, **when)
