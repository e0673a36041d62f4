"""Review scores, the newly-escaped window (Civil Code) and status histories."""

from datetime import date

import pytest

import vnlabor as vl
from vnlabor.poverty import (
    ReviewScores,
    StatusHistory,
    StatusRecord,
    classify_scores,
    months_after,
    newly_escaped_until,
)

P = vl.PovertyStatus
ON = date(2024, 3, 1)


@pytest.mark.parametrize(
    ("area", "score", "b2", "expected"),
    [
        ("rural", 140, 30, P.POOR),
        ("rural", 140, 20, P.NEAR_POOR),
        ("rural", 141, 120, P.NON_POOR),
        ("urban", 175, 30, P.POOR),
        ("urban", 176, 0, P.NON_POOR),
    ],
)
def test_scores_at_their_lines(area: str, score: int, b2: int, expected: vl.PovertyStatus) -> None:
    r = classify_scores(ReviewScores(area=area, income_score=score, deprivation_score=b2), on=ON)
    assert r.status is expected


@pytest.mark.parametrize("b2", [25, 130])
def test_impossible_deprivation_scores_are_rejected(b2: int) -> None:
    with pytest.raises(ValueError, match=str(b2)):
        classify_scores(ReviewScores(area="rural", income_score=100, deprivation_score=b2), on=ON)


def test_scores_outside_their_period() -> None:
    with pytest.raises(vl.NoStandardInForce):
        classify_scores(
            ReviewScores(area="rural", income_score=1, deprivation_score=0), on=date(2027, 1, 1)
        )


@pytest.mark.parametrize(
    ("escaped", "last_day"),
    [
        (date(2022, 12, 20), date(2025, 12, 20)),
        (date(2021, 8, 31), date(2024, 8, 31)),
        (date(2020, 2, 29), date(2023, 2, 28)),  # no 29 February in 2023: month's last day
        (date(2021, 1, 31), date(2024, 1, 31)),
    ],
)
def test_newly_escaped_window_by_the_civil_code(escaped: date, last_day: date) -> None:
    assert newly_escaped_until(escaped) == last_day
    assert vl.is_newly_escaped(escaped_on=escaped, on=escaped)
    assert vl.is_newly_escaped(escaped_on=escaped, on=last_day)
    assert not vl.is_newly_escaped(
        escaped_on=escaped, on=date.fromordinal(last_day.toordinal() + 1)
    )
    assert not vl.is_newly_escaped(escaped_on=escaped, on=date.fromordinal(escaped.toordinal() - 1))


def test_month_arithmetic_clamps_to_month_end() -> None:
    assert months_after(date(2023, 11, 30), 3) == date(2024, 2, 29)
    assert months_after(date(2023, 3, 31), 1) == date(2023, 4, 30)


def test_newly_escaped_before_the_parameter_exists() -> None:
    with pytest.raises(vl.ParameterNotInForce):
        vl.is_newly_escaped(escaped_on=date(2014, 1, 1), on=date(2015, 1, 1))


def history(*statuses: tuple[int, vl.PovertyStatus]) -> StatusHistory:
    return StatusHistory(records=tuple(StatusRecord(list_year=y, status=s) for y, s in statuses))


def test_history_movements() -> None:
    h = history((2021, P.NON_POOR), (2022, P.POOR), (2023, P.NON_POOR), (2024, P.POOR))
    assert h.is_newly_poor(2022)
    assert not h.is_re_poverty(2022)
    assert h.is_re_poverty(2024)
    assert not h.is_newly_poor(2024)
    assert not h.fell_into_poverty(2023)
    assert h.escaped_on() == date(2023, 1, 1)
    assert h.is_newly_escaped(date(2023, 6, 1))
    assert not h.is_newly_escaped(date(2024, 6, 1))  # poor again
    assert h.status_on(date(2020, 1, 1)) is None


def test_leaving_the_near_poor_list_counts_as_escaping() -> None:
    h = StatusHistory(
        records=(
            StatusRecord(list_year=2022, status=P.NEAR_POOR),
            StatusRecord(
                list_year=2023, status=P.AVERAGE_LIVING_STANDARD, recognised_on=date(2022, 12, 14)
            ),
        )
    )
    assert h.escaped_on() == date(2022, 12, 14)
    assert h.is_newly_escaped(date(2025, 12, 14))
    assert not h.is_newly_escaped(date(2025, 12, 15))


def test_history_years_must_increase() -> None:
    with pytest.raises(ValueError, match="increasing"):
        history((2023, P.POOR), (2022, P.POOR))


# --- the window under a law book that changes it ----------------------------------------

SHORT_WINDOW = """
[overlay]
key = "short-window"
name = { vi = "Thử", en = "Test" }

[instruments."test-window"]
kind = "other"
issuer = { vi = "Thử", en = "Test" }
title = { vi = "thử", en = "test" }
confidence = "R"

[[parameters."poverty.newly_escaped.window_months".values]]
from = 2016-01-05
value = 24
cite = { instrument = "test-window", article = "1", confidence = "R" }
"""


def short_window() -> vl.law.LawBook:
    from vnlabor.law import national
    from vnlabor.law.overlay import Overlay

    return national().with_overlay(Overlay.from_toml(SHORT_WINDOW))


def test_the_window_is_read_from_the_law_book_given() -> None:
    from vnlabor.poverty import explain_newly_escaped, is_newly_escaped

    book = short_window()
    left = date(2022, 12, 20)
    assert newly_escaped_until(left, book) == date(2024, 12, 20)
    assert newly_escaped_until(left) == date(2025, 12, 20)
    assert is_newly_escaped(escaped_on=left, on=date(2025, 1, 1), law=book) is False
    assert is_newly_escaped(escaped_on=left, on=date(2025, 1, 1)) is True
    text = explain_newly_escaped(escaped_on=left, on=date(2025, 1, 1), law=book, locale="en")
    assert text.startswith("Not newly escaped on 01/01/2025")
    assert "24-month window" in text
    assert explain_newly_escaped(escaped_on=left, on=date(2025, 1, 1)) == explain_newly_escaped(
        escaped_on=left, on=date(2025, 1, 1), locale="vi"
    )


@pytest.mark.parametrize("bad", ["20/13/2022", "soon", 2022])
def test_a_bad_escape_date_is_refused_naming_the_field(bad: object) -> None:
    from vnlabor.poverty import explain_newly_escaped, is_newly_escaped

    with pytest.raises((ValueError, TypeError), match="escaped_on"):
        is_newly_escaped(escaped_on=bad, on=date(2024, 1, 1))  # type: ignore[arg-type]
    with pytest.raises((ValueError, TypeError), match="escaped_on"):
        newly_escaped_until(bad)  # type: ignore[arg-type]
    with pytest.raises((ValueError, TypeError), match="escaped_on"):
        explain_newly_escaped(escaped_on=bad, on=date(2024, 1, 1))  # type: ignore[arg-type]
