"""Training support: the low-income category from the trainee's household (Decree 30/2025),
the newly-escaped window's source, the 2026 transition, and Hà Nội's QĐ 69/2024 groups."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace
from typing import Any

import pytest
from samples import trainee

from vnlabor.base.confidence import Confidence
from vnlabor.errors import ConflictingFactsError
from vnlabor.law import bundled_overlay, national
from vnlabor.law.book import LawBook
from vnlabor.model.area import Area
from vnlabor.model.course import Course, CourseLevel
from vnlabor.model.household import Household
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex
from vnlabor.programmes import Outcome, SupportKind, TrainingCategory, training_support

JUNE = date(2025, 6, 1)  # Decree 30/2025 in force, 2022-2026 standard, Circular 55/2023
COURSE = Course(level=CourseLevel.UNDER_3_MONTHS, cost=10_000_000, study_days=30)


def home(income: int, area: Area = Area.URBAN) -> Household:
    return Household(area=area, monthly_income_per_capita=income)


def keys(d: Any) -> list[str]:
    return [r.key for r in d.reasons]


# --- the low-income category derived from the household ---------------------------------


def test_a_low_income_household_gives_the_low_income_cap_citing_decree_30() -> None:
    # A rural man of a non-poor household: only "rural worker" (2,000,000) on his own
    # facts; his urban household at 3,000,000 per capita makes him a low-income worker.
    d = training_support(trainee(), COURSE, on=JUNE, distance_km=0, household=home(3_000_000))
    assert d.category is TrainingCategory.LOW_INCOME
    assert d.tuition == 2_500_000
    assert "poverty.reason.low_income_worker" in keys(d)
    assert "30/2025/NĐ-CP" in {c.instrument for c in d.citations}
    assert "Decree 30/2025/NĐ-CP" in d.explain("en")
    assert "Nghị định số 30/2025/NĐ-CP" in d.explain("vi")


@pytest.mark.parametrize(
    ("household", "why"),
    [
        (home(3_000_001), "poverty.reason.low_income_above_ceiling"),
        (home(2_250_001, Area.RURAL), "poverty.reason.low_income_above_ceiling"),
        (home(2_000_000), "poverty.reason.low_income_on_lists"),  # near-poor household
    ],
)
def test_a_household_that_is_not_low_income_leaves_the_other_categories(
    household: Household, why: str
) -> None:
    d = training_support(trainee(), COURSE, on=JUNE, distance_km=0, household=household)
    assert d.category is TrainingCategory.RURAL_WORKER
    assert d.tuition == 2_000_000
    assert why in keys(d)


def test_the_flag_and_the_household_agreeing_is_fine() -> None:
    t = trainee(low_income=True)
    d = training_support(t, COURSE, on=JUNE, distance_km=0, household=home(2_500_000))
    assert d.category is TrainingCategory.LOW_INCOME


@pytest.mark.parametrize(
    ("flag", "household", "derived"),
    [(False, home(2_500_000), True), (True, home(3_000_001), False)],
)
def test_an_explicit_flag_contradicting_the_household_is_an_error(
    flag: bool, household: Household, derived: bool
) -> None:
    with pytest.raises(ConflictingFactsError) as info:
        training_support(
            trainee(low_income=flag), COURSE, on=JUNE, distance_km=0, household=household
        )
    assert (info.value.field, info.value.given, info.value.derived) == ("low_income", flag, derived)
    assert "low_income" in str(info.value)
    assert " / " in str(info.value)


def test_the_default_flag_is_not_a_statement_so_the_household_decides() -> None:
    t = trainee()  # low_income left at its default ("not recorded as such")
    assert "low_income" not in t.model_fields_set
    d = training_support(t, COURSE, on=JUNE, distance_km=0, household=home(2_500_000))
    assert d.category is TrainingCategory.LOW_INCOME


def test_a_listed_near_poor_trainee_whose_household_classifies_above_the_line_conflicts() -> None:
    t = trainee(household_status=PovertyStatus.NEAR_POOR)
    with pytest.raises(ConflictingFactsError) as info:
        training_support(t, COURSE, on=JUNE, distance_km=0, household=home(2_500_000))
    assert info.value.field == "household_status"


def test_before_decree_30_the_household_is_not_used_and_the_flag_stands() -> None:
    day = date(2024, 5, 1)
    d = training_support(trainee(), COURSE, on=day, distance_km=0, household=home(2_500_000))
    assert d.category is TrainingCategory.RURAL_WORKER
    assert "programmes.reason.low_income_not_in_force" in keys(d)
    t = trainee(low_income=True)
    d = training_support(t, COURSE, on=day, distance_km=0, household=home(2_500_000))
    assert d.category is TrainingCategory.LOW_INCOME


def test_an_undecided_household_status_leaves_low_income_unknown_not_false(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import vnlabor.poverty.low_income as review

    monkeypatch.setattr(review, "classify", lambda *a, **k: SimpleNamespace(status="undetermined"))
    d = training_support(trainee(), COURSE, on=JUNE, distance_km=0, household=home(2_500_000))
    assert d.outcome is Outcome.UNDETERMINED
    assert "low_income" in d.missing
    assert "programmes.reason.low_income_undetermined" in keys(d)
    # What the trainee states explicitly is then used, with the reason.
    t = trainee(low_income=True)
    d = training_support(t, COURSE, on=JUNE, distance_km=0, household=home(2_500_000))
    assert d.category is TrainingCategory.LOW_INCOME
    assert "programmes.reason.low_income_undetermined" in keys(d)


def test_the_household_is_classified_with_the_same_law_book() -> None:
    # Đồng Nai's 2022-2025 rural line is 2,000,000: a rural household at 1,800,000 is
    # near-poor there, so no low-income category; nationally it is one.
    dong_nai = national().with_overlay(bundled_overlay("dong-nai-2022-2025"))
    household = home(1_800_000, Area.RURAL)
    assert (
        training_support(trainee(), COURSE, on=JUNE, distance_km=0, household=household).category
        is TrainingCategory.LOW_INCOME
    )
    d = training_support(
        trainee(), COURSE, on=JUNE, distance_km=0, household=household, law=dong_nai
    )
    assert d.category is TrainingCategory.RURAL_WORKER


def test_a_household_of_the_wrong_type_is_refused() -> None:
    with pytest.raises(TypeError, match=r"household must be a vnlabor\.Household"):
        training_support(trainee(), COURSE, on=JUNE, household={"area": "urban"})  # type: ignore[arg-type]


def test_without_a_household_nothing_changes() -> None:
    d = training_support(trainee(low_income=True), COURSE, on=JUNE, distance_km=0)
    assert d.category is TrainingCategory.LOW_INCOME
    assert not any(k.startswith("poverty.reason.low_income") for k in keys(d))


# --- the newly-escaped window: a credit rule applied by analogy --------------------------


def test_a_newly_escaped_trainee_is_told_where_the_window_comes_from() -> None:
    d = training_support(trainee(newly_escaped=True), COURSE, on=JUNE, distance_km=0)
    assert d.category is TrainingCategory.NEWLY_ESCAPED
    assert "poverty.reason.newly_escaped_window" in keys(d)
    assert "poverty.newly_escaped.window_months" in {p.name for p in d.unconfirmed}
    en = d.explain("en")
    assert "credit rule" in en
    assert "by analogy" in en
    assert "Decision 28/2015/QĐ-TTg" in en
    assert "Art. 2 [P" in en
    assert "tương tự" in d.explain("vi")
    other = training_support(trainee(), COURSE, on=JUNE, distance_km=0)
    assert "poverty.reason.newly_escaped_window" not in keys(other)


# --- 2026: Circular 55/2023 for extended 2021-2025 tasks only ------------------------------


@pytest.mark.parametrize(
    ("day", "transitional"),
    [(date(2026, 5, 30), False), (date(2026, 5, 31), True), (date(2026, 12, 31), True)],
)
def test_the_low_income_cap_holds_to_31_12_2026_for_extended_tasks(
    day: date, transitional: bool
) -> None:
    d = training_support(trainee(low_income=True), COURSE, on=day, distance_km=0)
    assert d.tuition == 2_500_000
    cap = next(p for p in d.parameters if p.name == "training.cap.newly_escaped_low_income")
    assert cap.citation.confidence is Confidence.CONFIRMED
    assert (cap.citation.applied_by is not None) is transitional
    assert ("programmes.reason.transitional" in keys(d)) is transitional
    if transitional:
        assert "Circular 60/2026/TT-BTC of 31/05/2026, Art. 21(1)" in d.explain("en")
        assert "khoản 1 Điều 21 Thông tư số 60/2026/TT-BTC" in d.explain("vi")


def test_no_low_income_category_after_2026() -> None:
    d = training_support(trainee(low_income=True), COURSE, on=date(2027, 1, 1), distance_km=0)
    assert d.category is TrainingCategory.RURAL_WORKER
    assert "programmes.reason.category_not_in_force" in keys(d)


# --- Hà Nội, Decision 69/2024/QĐ-UBND Art. 1.1 ------------------------------------------


def hanoi() -> LawBook:
    return national().with_overlay(bundled_overlay("hanoi-69-2024"))


def test_the_overlay_has_the_decisions_title_and_dates() -> None:
    overlay = bundled_overlay("hanoi-69-2024")
    (instrument,) = overlay.instruments
    assert instrument.title.vi.startswith("phê duyệt mức hỗ trợ đối với từng nhóm đối tượng")
    assert (instrument.signed, instrument.in_force) == (date(2024, 12, 9), date(2024, 12, 19))


def test_a_poor_household_in_an_extremely_difficult_commune_is_paid_as_poor_in_hanoi() -> None:
    t = trainee(household_status=PovertyStatus.POOR, special_difficulty_area=True)
    national_d = training_support(t, COURSE, on=JUNE, distance_km=0)
    assert national_d.category is TrainingCategory.POOR_SPECIAL_AREA  # QĐ 46 Art. 4.2
    assert national_d.tuition == 4_000_000
    d = training_support(t, COURSE, on=JUNE, distance_km=0, law=hanoi())
    assert d.category is TrainingCategory.POOR  # QĐ 69/2024 Art. 1.1.c
    assert d.tuition == 3_000_000
    tuition = next(i for i in d.items if i.kind is SupportKind.TUITION)
    assert tuition.provincial_citation is not None
    assert (tuition.provincial_citation.article, tuition.provincial_citation.point) == ("1", "c")
    assert "programmes.reason.category_excluded" in keys(d)
    assert "Decision 69/2024/QĐ-UBND" in d.explain("en")
    assert d.meals == 30 * 30_000  # still a member of a poor household: meals and travel


def test_a_poor_ethnic_minority_household_keeps_4_000_000_in_hanoi() -> None:
    t = trainee(household_status=PovertyStatus.POOR, ethnic_minority=True)
    d = training_support(t, COURSE, on=JUNE, distance_km=0, law=hanoi())
    assert d.category is TrainingCategory.POOR_ETHNIC_MINORITY
    assert d.tuition == 4_000_000


def test_a_fisher_is_no_group_of_hanoi() -> None:
    fisher = trainee(fisher=True)  # a rural man
    assert training_support(fisher, COURSE, on=JUNE, distance_km=0).tuition == 3_000_000
    d = training_support(fisher, COURSE, on=JUNE, distance_km=0, law=hanoi())
    assert d.category is TrainingCategory.RURAL_WORKER  # QĐ 69/2024 Art. 1.1.đ
    assert d.tuition == 2_000_000
    excluded = next(r for r in d.reasons if r.key == "programmes.reason.category_excluded")
    assert excluded.values["category"] is TrainingCategory.FISHER
    assert excluded.citation is not None
    assert excluded.citation.instrument == "69/2024/QĐ-UBND-HN"
    # A fisher in no other group gets nothing in Hà Nội, and no large-vessel share either.
    town_fisher = trainee(fisher=True, rural=False, sex=Sex.MALE)
    d = training_support(town_fisher, COURSE, on=JUNE, distance_km=0, law=hanoi())
    assert d.eligible is False
    vessel = Course(
        level=CourseLevel.UNDER_3_MONTHS, cost=10_000_000, study_days=30, large_fishing_vessel=True
    )
    assert training_support(fisher, vessel, on=JUNE, distance_km=0).tuition == 10_000_000
    assert training_support(fisher, vessel, on=JUNE, distance_km=0, law=hanoi()).tuition == (
        2_000_000
    )


# --- what the reasons and errors carry ----------------------------------------------------


def test_the_reasons_name_the_day_and_the_status() -> None:
    day = date(2024, 5, 1)
    d = training_support(trainee(), COURSE, on=day, distance_km=0, household=home(2_500_000))
    (why,) = [r for r in d.reasons if r.key == "programmes.reason.low_income_not_in_force"]
    assert why.values == {"date": day}
    assert "01/05/2024" in d.explain("en")


def test_an_undecided_status_is_named_in_the_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    import vnlabor.poverty.low_income as review

    undecided = SimpleNamespace(status=PovertyStatus.UNDETERMINED)
    monkeypatch.setattr(review, "classify", lambda *a, **k: undecided)
    d = training_support(trainee(), COURSE, on=JUNE, distance_km=0, household=home(2_500_000))
    (why,) = [r for r in d.reasons if r.key == "programmes.reason.low_income_undetermined"]
    assert why.values == {"date": JUNE, "status": PovertyStatus.UNDETERMINED}
    monkeypatch.setattr(review, "classify", lambda *a, **k: SimpleNamespace(status="open"))
    d = training_support(trainee(), COURSE, on=JUNE, distance_km=0, household=home(2_500_000))
    (why,) = [r for r in d.reasons if r.key == "programmes.reason.low_income_undetermined"]
    assert why.values == {"date": JUNE, "status": "open"}


def test_a_conflict_says_where_the_other_fact_comes_from() -> None:
    source = "the household (Decree 30/2025/NĐ-CP)"
    with pytest.raises(ConflictingFactsError) as info:
        training_support(
            trainee(low_income=False), COURSE, on=JUNE, distance_km=0, household=home(2_500_000)
        )
    assert info.value.source == source
    t = trainee(household_status=PovertyStatus.NEAR_POOR)
    with pytest.raises(ConflictingFactsError) as listed:
        training_support(t, COURSE, on=JUNE, distance_km=0, household=home(2_500_000))
    assert (listed.value.given, listed.value.derived, listed.value.source) == (
        PovertyStatus.NEAR_POOR,
        PovertyStatus.AVERAGE_LIVING_STANDARD,  # urban, 2,500,000: between 2M and 3M
        source,
    )
