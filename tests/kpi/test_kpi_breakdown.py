"""Breakdowns: groups add up to the total; missing keys go to UNKNOWN; old and new provinces."""

from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vnlabor.errors import UnknownNameError
from vnlabor.geo import UnknownProvinceError, provinces, rekey_to_new_provinces
from vnlabor.kpi import UNKNOWN, Ratio, breakdown, by_period, by_province
from vnlabor.model.area import Area
from vnlabor.model.course import Course, CourseLevel, TrainingField
from vnlabor.model.enrolment import Enrolment
from vnlabor.model.household import Household
from vnlabor.model.period import PeriodKind, ReportingPeriod
from vnlabor.model.sex import Sex


@dataclass(frozen=True)
class Row:
    key: str | None
    hit: int
    weight: int
    day: date | None = None


def enrolment(i: int, **kw: object) -> Enrolment:
    return Enrolment.model_validate(
        {"trainee_id": f"t{i}", "course": "c", "enrolled_on": date(2023, 3, 1), **kw}
    )


def test_groups_by_enum_attribute_with_unknown_last() -> None:
    rows = [
        enrolment(1, sex=Sex.MALE),
        enrolment(2),
        enrolment(3, sex=Sex.FEMALE),
        enrolment(4, sex=Sex.FEMALE),
    ]
    b = breakdown(rows, by="sex", numerator=lambda e: e.trainee_id != "t4")
    assert b.group_keys == [Sex.FEMALE, Sex.MALE, UNKNOWN]
    assert b[Sex.FEMALE] == Ratio(1, 2)
    assert b[UNKNOWN] == Ratio(1, 1)
    assert b.total == Ratio(3, 4)
    assert b.by == "sex"
    with pytest.raises(KeyError):
        b[Area.URBAN]


def test_aliases_and_field_of_embedded_course() -> None:
    agri = Course(
        level=CourseLevel.UNDER_3_MONTHS, cost=1, field=TrainingField.AGRICULTURAL, course_id="a"
    )
    rows = [
        enrolment(1, course=agri, province_code="19", ethnic_minority=True),
        enrolment(2, province_code="19", ethnic_minority=False),
        enrolment(3),
    ]
    by_province = breakdown(rows, by="province", numerator=lambda e: True)
    assert by_province.as_dict() == {"19": Ratio(2, 2), UNKNOWN: Ratio(1, 1)}
    by_ethnicity = breakdown(rows, by="ethnicity", numerator=lambda e: True)
    assert by_ethnicity.group_keys == [False, True, UNKNOWN]
    by_field = breakdown(rows, by="field", numerator=lambda e: True)
    assert by_field.group_keys == [TrainingField.AGRICULTURAL, UNKNOWN]


def test_an_attribute_some_records_lack_goes_to_unknown() -> None:
    b = breakdown([object(), enrolment(1, sex=Sex.FEMALE)], by="sex", numerator=lambda _: False)
    assert b.as_dict() == {Sex.FEMALE: Ratio(0, 1), UNKNOWN: Ratio(0, 1)}


def test_an_attribute_no_record_has_is_a_misspelt_key() -> None:
    # Every record would land in "unknown": a typo, reported with the nearest names.
    with pytest.raises(UnknownNameError, match=r"did you mean 'area'") as caught:
        breakdown(
            [Household(area="rural", monthly_income_per_capita=1)],
            by="arae",
            numerator=lambda _: True,
        )
    assert isinstance(caught.value, ValueError)
    assert caught.value.suggestions[0] == "area"
    assert "khoá phân tổ" in str(caught.value)  # both languages
    with pytest.raises(UnknownNameError):
        breakdown([object()], by="sex", numerator=lambda _: False)
    # No records: nothing to check the name against, nothing wrongly grouped.
    assert breakdown([], by="arae", numerator=lambda _: True).groups == ()


def test_period_words_and_by_period() -> None:
    rows = [
        enrolment(1, enrolled_on=date(2023, 12, 31)),
        enrolment(2, enrolled_on=date(2023, 1, 1)),
        enrolment(3, enrolled_on=date(2024, 7, 1)),
    ]
    years = breakdown(rows, by="year", numerator=lambda e: True)
    assert years.group_keys == [
        ReportingPeriod.calendar_year(2023),
        ReportingPeriod.calendar_year(2024),
    ]
    quarters = breakdown(rows, by="quarter", numerator=lambda e: True)
    assert [str(k) for k in quarters.group_keys] == ["2023-Q1", "2023-Q4", "2024-Q3"]
    halves = breakdown(rows, by="half_year", numerator=lambda e: True)
    assert [str(k) for k in halves.group_keys] == ["2023-H1", "2023-H2", "2024-H2"]
    months = breakdown(rows, by="month", numerator=lambda e: True)
    assert [str(k) for k in months.group_keys] == ["2023-01", "2023-12", "2024-07"]


def test_by_period_on_another_date_attribute() -> None:
    rows = [Row("a", 1, 1, date(2020, 5, 1)), Row("b", 1, 1, None)]
    b = breakdown(rows, by=by_period(PeriodKind.YEAR, date_of="day"), numerator=lambda r: True)
    assert b.group_keys == [ReportingPeriod.calendar_year(2020), UNKNOWN]
    with pytest.raises(ValueError, match="not by plan"):
        by_period(PeriodKind.PLAN)
    with pytest.raises(TypeError, match="not a date"):
        breakdown([Row("a", 1, 1)], by=by_period(PeriodKind.YEAR, date_of="key"), numerator=bool)


def test_int_counters_and_custom_key_function() -> None:
    rows = [Row("x", 10, 40), Row("y", 5, 5), Row(None, 0, 3)]
    b = breakdown(
        rows,
        by=lambda r: r.key,
        numerator=lambda r: r.hit,
        denominator=lambda r: r.weight,
        numerator_label="hires",
        denominator_label="attendance",
    )
    assert b["x"] == Ratio(10, 40, "hires", "attendance")
    assert b.total == Ratio(15, 48, "hires", "attendance")


def test_counters_must_return_non_negative_ints() -> None:
    with pytest.raises(TypeError, match="bool or an int"):
        breakdown([Row("a", 1, 1)], by="key", numerator=lambda r: 0.5)  # type: ignore[arg-type,return-value]
    with pytest.raises(ValueError, match="negative"):
        breakdown([Row("a", 1, 1)], by="key", numerator=lambda r: -1)


def test_empty_input() -> None:
    b = breakdown([], by="sex", numerator=bool)
    assert b.groups == ()
    assert b.total == Ratio(0, 0)
    assert b.total.value is None


def test_to_frame() -> None:
    pytest.importorskip("pandas")
    b = breakdown([Row("a", 1, 2), Row(None, 0, 1)], by="key", numerator=lambda r: r.hit)
    frame = b.to_frame()
    assert list(frame.index) == ["a", "unknown", "total"]
    assert list(frame["numerator"]) == [1, 0, 1]
    assert list(frame["denominator"]) == [1, 1, 2]


rows_strategy = st.lists(
    st.builds(
        Row,
        key=st.one_of(st.none(), st.sampled_from(["01", "19", "26", "79"])),
        hit=st.integers(0, 50),
        weight=st.integers(0, 50),
    ),
    max_size=60,
)


@given(rows_strategy)
def test_groups_add_up_to_the_total(rows: list[Row]) -> None:
    b = breakdown(rows, by="key", numerator=lambda r: r.hit, denominator=lambda r: r.weight)
    assert sum(g.ratio.numerator for g in b.groups) == b.total.numerator
    assert sum(g.ratio.denominator for g in b.groups) == b.total.denominator
    assert b.total.numerator == sum(r.hit for r in rows)
    assert b.total.denominator == sum(r.weight for r in rows)
    # Nothing is dropped: every record with a missing key is in UNKNOWN.
    unknown = [r for r in rows if r.key is None]
    if unknown:
        assert b[UNKNOWN].denominator == sum(r.weight for r in unknown)
    assert len({repr(k) for k in b.group_keys}) == len(b.groups)


@given(rows_strategy, st.randoms(use_true_random=False))
def test_group_order_does_not_depend_on_input_order(rows: list[Row], rnd: object) -> None:
    shuffled = list(rows)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    count = lambda r: r.hit  # noqa: E731
    assert breakdown(rows, by="key", numerator=count) == breakdown(
        shuffled, by="key", numerator=count
    )


# ------------------------------------------------------- old and new provinces (2025 merger)

BEFORE_MERGER = date(2024, 3, 1)
AFTER_MERGER = date(2025, 9, 1)


def test_by_province_reports_on_the_old_or_the_new_map() -> None:
    rows = [
        enrolment(1, enrolled_on=BEFORE_MERGER, province_code="26"),  # Vĩnh Phúc
        enrolment(2, enrolled_on=BEFORE_MERGER, province_code="17"),  # Hòa Bình
        enrolment(3, enrolled_on=AFTER_MERGER, province_code="25"),  # Phú Thọ (merged)
        enrolment(4, enrolled_on=BEFORE_MERGER, province_code="20"),  # Lạng Sơn, unchanged
        enrolment(5, enrolled_on=AFTER_MERGER, province_code="20"),
        enrolment(6, enrolled_on=AFTER_MERGER),  # no province recorded
    ]
    hit = {"t1", "t3", "t4"}
    as_recorded = breakdown(rows, by="province", numerator=lambda e: e.trainee_id in hit)
    new = breakdown(rows, by=by_province("new"), numerator=lambda e: e.trainee_id in hit)
    old = breakdown(rows, by=by_province("old"), numerator=lambda e: e.trainee_id in hit)
    assert as_recorded.group_keys == ["17", "20", "25", "26", UNKNOWN]
    # New map: Vĩnh Phúc and Hòa Bình are in Phú Thọ (25) with the post-merger record.
    assert new.as_dict() == {"20": Ratio(1, 2), "25": Ratio(2, 3), UNKNOWN: Ratio(0, 1)}
    assert new.by == "province_new"
    # Old map: the post-merger Phú Thọ record cannot be split back, so it is unknown.
    assert old.as_dict() == {
        "17": Ratio(0, 1),
        "20": Ratio(1, 2),
        "26": Ratio(1, 1),
        UNKNOWN: Ratio(1, 2),
    }
    assert as_recorded.total == new.total == old.total == Ratio(3, 6)


def test_by_province_on_a_date_and_other_attributes() -> None:
    @dataclass(frozen=True)
    class Site:
        where: str | None
        day: date | None

    rows = [Site("70", date(2024, 1, 1)), Site("75", date(2025, 8, 1)), Site("75", None)]
    key = by_province(date(2026, 5, 1), code_of="where", date_of="day")
    b = breakdown(rows, by=key, numerator=lambda r: True)
    # Bình Phước and Đồng Nai are the city of Đồng Nai (75) from 30/04/2026.
    assert b.as_dict() == {"75": Ratio(2, 2), UNKNOWN: Ratio(1, 1)}
    assert b.by == "province_2026-05-01"


def test_by_province_refuses_a_code_not_in_force_on_the_record_date() -> None:
    stale = enrolment(1, enrolled_on=AFTER_MERGER, province_code="02")  # Hà Giang, gone
    with pytest.raises(UnknownProvinceError, match="'02'"):
        breakdown([stale], by=by_province("new"), numerator=bool)


_old_codes = [p.code for p in provinces(date(2025, 6, 30))]


@given(
    st.lists(
        st.tuples(
            st.sampled_from(_old_codes),
            st.integers(0, 5),
            st.dates(date(2009, 1, 1), BEFORE_MERGER),
        ),
        max_size=40,
    )
)
def test_new_map_groups_equal_the_crosswalk_rekeyed_old_groups(
    rows: list[tuple[str, int, date]],
) -> None:
    records = [Row(code, hit, 1, day) for code, hit, day in rows]
    key = by_province("new", code_of="key", date_of="day")
    new = breakdown(records, by=key, numerator=lambda r: r.hit)
    old = breakdown(records, by="key", numerator=lambda r: r.hit)
    rekeyed = rekey_to_new_provinces(
        {code: ratio.numerator for code, ratio in old.as_dict().items()}, allow_partial=True
    )
    assert {code: ratio.numerator for code, ratio in new.as_dict().items()} == rekeyed
    assert new.total == old.total


def test_a_classification_is_grouped_by_its_households_fields() -> None:
    from vnlabor import classify_many

    households = [
        Household(area="rural", monthly_income_per_capita=1, province_code="01"),
        Household(area="urban", monthly_income_per_capita=1, commune_code="00004"),
    ]
    classified = classify_many(households, on=date(2024, 3, 1))
    by_province = breakdown(classified, by="province", numerator=lambda _: True)
    assert by_province.as_dict() == {"01": Ratio(1, 1), UNKNOWN: Ratio(1, 1)}
    by_commune = breakdown(classified, by="commune_code", numerator=lambda _: True)
    assert by_commune.as_dict() == {"00004": Ratio(1, 1), UNKNOWN: Ratio(1, 1)}
    with pytest.raises(UnknownNameError, match="did you mean 'commune_code'"):
        breakdown(classified, by="comune_code", numerator=lambda _: True)
