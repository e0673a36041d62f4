"""read_records: CSV, .xlsx and DataFrame alike; headers, positions, errors, privacy."""

from __future__ import annotations

import sys
import unicodedata
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from io_tables import FORMATS, make_frame, make_source, write_csv, write_xlsx
from pydantic import BaseModel

from vnlabor.io import HeaderError, RecordTable, RowError, read_records
from vnlabor.l10n import LOCALES, field_label
from vnlabor.model.counselling import CounsellingConference, CounsellingContact
from vnlabor.model.course import Course
from vnlabor.model.departure import Departure
from vnlabor.model.enrolment import Enrolment
from vnlabor.model.household import Household
from vnlabor.model.job_connection import JobConnection
from vnlabor.model.job_fair import JobFairKind, JobFairSession
from vnlabor.model.new_job import NewJob
from vnlabor.model.person import Member
from vnlabor.model.sex import Sex
from vnlabor.model.trainee import Trainee
from vnlabor.model.training_outcome import TrainingOutcome
from vnlabor.model.worker import Worker
from vnlabor.table.cells import field_specs
from vnlabor.table.headers import field_keys, header_key

RAW_ID = "001203004567"
MODELS: list[type[BaseModel]] = [
    Household,
    Member,
    Course,
    Trainee,
    Worker,
    Enrolment,
    TrainingOutcome,
    JobFairSession,
    CounsellingContact,
    CounsellingConference,
    Departure,
    JobConnection,
    NewJob,
]

SESSION_HEADER = ["loại phiên", "Ngày tổ chức", "attendance", "Employers", "place", "note"]
SESSION_ROWS: list[list[object]] = [
    ["job_fair", date(2023, 4, 1), 800, 20, "Phú Lương", "ok"],
    ["Phiên giao dịch việc làm lưu động", "06/04/2023", None, None, None, None],
    ["fair", date(2023, 4, 1), 10, None, None, "bad kind"],
    ["job_fair", "31/02/2023", -3, 2, None, "bad date, negative count"],
    ["job_fair", date(2023, 4, 8), 100, 0, None, "employers 0 but hires"],
    [None, None, None, None, None, None],
    ["recruitment_conference", "2023-04-09", "1.200", "5", "  Yên Ninh ", None],
]
# Row 5 has employers=0 and, with hires, is invalid; hires is not a column, so it is valid.


@pytest.mark.parametrize("fmt", FORMATS)
def test_valid_rows_are_kept_in_order_and_bad_rows_reported_once(fmt: str, tmp_path: Path) -> None:
    source, positions = make_source(fmt, tmp_path, SESSION_HEADER, SESSION_ROWS)
    table = read_records(source, JobFairSession)
    assert isinstance(table, RecordTable)
    assert [s.kind for s in table.records] == [
        JobFairKind.JOB_FAIR,
        JobFairKind.MOBILE_SESSION,
        JobFairKind.JOB_FAIR,
        JobFairKind.RECRUITMENT_CONFERENCE,
    ]
    assert table.records[0] == JobFairSession(
        kind="job_fair", held_on=date(2023, 4, 1), attendance=800, employers=20, place="Phú Lương"
    )
    assert table.records[3].attendance == 1200
    assert table.records[3].place == "Yên Ninh"
    assert table.rows == (positions[0], positions[1], positions[4], positions[6])
    assert [e.line for e in table.errors] == [positions[2], positions[3]]
    assert table.ignored_columns == ("note",)
    assert table.unit == {"csv": "line", "xlsx": "row", "frame": "index"}[fmt]
    kind_error, date_error = (e.reason for e in table.errors)
    assert kind_error.startswith(
        "loại phiên: loại phiên không hợp lệ / unknown session type: 'fair'"
    )
    assert date_error == (
        "Ngày tổ chức: không đọc được ngày / cannot read date '31/02/2023': day is out of "
        "range for month; attendance: không được âm / must not be negative: -3"
    )


def test_same_content_gives_same_records_and_reasons_in_every_format(tmp_path: Path) -> None:
    pytest.importorskip("openpyxl")
    pytest.importorskip("pandas")
    tables = {}
    for fmt in FORMATS:
        folder = tmp_path / fmt
        folder.mkdir()
        source, _ = make_source(fmt, folder, SESSION_HEADER, SESSION_ROWS)
        tables[fmt] = read_records(source, JobFairSession)
    csv_table = tables["csv"]
    for table in tables.values():
        assert table.records == csv_table.records
        assert [e.reason for e in table.errors] == [e.reason for e in csv_table.errors]
        assert table.ignored_columns == csv_table.ignored_columns


@pytest.mark.parametrize("fmt", FORMATS)
def test_positions_count_like_the_source(fmt: str, tmp_path: Path) -> None:
    if fmt == "csv":
        path = tmp_path / "t.csv"
        path.write_text(
            'kind,held_on,place\njob_fair,2023-04-01,"two\nlines"\n\nfair,2023-04-01,x\n',
            encoding="utf-8",
        )
        expected_good, expected_bad = 2, 5  # the quoted cell spans lines 2-3, line 4 blank
        source: Any = path
    elif fmt == "xlsx":
        openpyxl = pytest.importorskip("openpyxl")
        book = openpyxl.Workbook()
        ws = book.active
        ws["A3"], ws["B3"] = "kind", "held_on"  # header after two blank rows
        ws["A4"], ws["B4"] = "job_fair", datetime(2023, 4, 1)
        ws["A7"], ws["B7"] = "fair", datetime(2023, 4, 1)
        book.save(tmp_path / "t.xlsx")
        source, expected_good, expected_bad = tmp_path / "t.xlsx", 4, 7
    else:
        source = make_frame(
            ["kind", "held_on"],
            [["job_fair", date(2023, 4, 1)], ["fair", date(2023, 4, 1)]],
            index=[10, 42],
        )
        expected_good, expected_bad = 10, 42
    table = read_records(source, JobFairSession)
    assert table.rows == (expected_good,)
    assert [e.line for e in table.errors] == [expected_bad]
    unit = {"csv": "line", "xlsx": "row", "frame": "index"}[fmt]
    assert str(table.errors[0]).startswith(f"{unit} {expected_bad}: kind: ")


@pytest.mark.parametrize(
    "header",
    [
        "Thu nhập bình quân đầu người/tháng",
        "THU NHẬP BÌNH QUÂN ĐẦU NGƯỜI/THÁNG",
        " thu  nhập bình quân đầu người / tháng ",
        "monthly income per person",
        "Monthly_Income_Per_Capita",
        unicodedata.normalize("NFD", "Thu nhập bình quân đầu người/tháng"),
    ],
)
def test_headers_match_names_and_labels_in_any_case_spacing_and_form(
    header: str, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "h.csv", ["Khu vực", header], [["nông thôn", "1.500.000"]])
    table = read_records(path, Household)
    assert table.records == (Household(area="rural", monthly_income_per_capita=1_500_000),)
    assert table.ignored_columns == ()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_field_is_found_by_its_name_and_both_labels(model: type[BaseModel]) -> None:
    keys = field_keys(model)
    for name in model.model_fields:
        assert keys[header_key(name)] == name
        for locale in LOCALES:
            assert keys[header_key(field_label(model, name, locale))] == name


def test_unknown_columns_are_ignored_and_listed_in_header_order(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        ["ghi chú", "area", "monthly_incme_per_capita", "monthly_income_per_capita", ""],
        [["x", "rural", "1", "2", "y"]],
    )
    table = read_records(path, Household)
    assert table.ignored_columns == ("ghi chú", "monthly_incme_per_capita")
    assert table.records[0].monthly_income_per_capita == 2


@pytest.mark.parametrize("fmt", FORMATS)
def test_missing_required_columns_are_one_error_before_any_row(fmt: str, tmp_path: Path) -> None:
    source, _ = make_source(fmt, tmp_path, ["trainee_id", "note"], [["t-1", "x"]])
    with pytest.raises(HeaderError) as info:
        read_records(source, Enrolment)
    assert info.value.missing == ("course", "enrolled_on")
    message = str(info.value)
    assert message.startswith("thiếu cột / missing columns in ")
    assert "course (khoá đào tạo / course)" in message
    assert "enrolled_on (ngày nhập học / enrolment date)" in message
    assert isinstance(info.value, ValueError)


def test_a_field_given_by_two_columns_is_an_error(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", ["area", "Khu vực", "monthly_income_per_capita"], [])
    with pytest.raises(HeaderError, match="columns given twice") as info:
        read_records(path, Household)
    assert info.value.duplicated == ("area",)


def test_an_empty_file_lacks_every_required_column(tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("", encoding="utf-8")
    with pytest.raises(HeaderError) as info:
        read_records(path, Household)
    assert info.value.missing == ("area", "monthly_income_per_capita")
    assert read_records(path, Trainee).records == ()


def test_empty_cells_mean_not_given(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "t.csv",
        ["sex", "rural", "merit", "previous_supports", "birth_date", "note"],
        [["", " ", "", "", "", "no facts"], ["Nữ", "có", "không", "2", "7/2/2001", ""]],
    )
    table = read_records(path, Trainee)
    assert table.records == (
        Trainee(),
        Trainee(
            sex=Sex.FEMALE,
            rural=True,
            merit=False,
            previous_supports=2,
            birth_date=date(2001, 2, 7),
        ),
    )


def test_empty_required_cell_is_reported_as_missing(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "e.csv", ["trainee_id", "course", "enrolled_on"], [["t-1", "", "2023-03-06"]]
    )
    (error,) = read_records(path, Enrolment).errors
    assert error.reason == "course: thiếu giá trị bắt buộc / required value missing"


def test_built_in_errors_are_bilingual_and_name_the_value(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "h.csv",
        ["area", "monthly_income_per_capita", "số nhân khẩu", "ethnic_minority"],
        [["rural", "1", "0", "maybe"], ["rural", "1", "ba", ""]],
    )
    first, second = read_records(path, Household).errors
    assert first.reason == (
        "số nhân khẩu: phải lớn hơn hoặc bằng 1 / must be at least 1: 0; "
        "ethnic_minority: giá trị có/không không hợp lệ / not a yes/no value: 'maybe'"
    )
    assert second.reason == "số nhân khẩu: phải là số nguyên / must be a whole number: 'ba'"


def test_a_whole_row_rule_is_reported_without_a_column(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "o.csv",
        ["trainee_id", "completed", "certified", "known_on"],
        [["t-1", "không", "có", "05/01/2024"]],
    )
    (error,) = read_records(path, TrainingOutcome).errors
    assert error.reason == (
        "chứng chỉ chỉ cấp cho học viên hoàn thành khoá học / "
        "a certificate implies the course was completed"
    )


def test_embedded_record_is_read_from_json_and_its_errors_name_the_path(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "e.csv",
        ["trainee_id", "course", "enrolled_on"],
        [
            ["t-1", '{"level": "elementary", "cost": "3 triệu", "course_id": "C1"}', "2023-03-06"],
            ["t-2", "C1", "2023-03-06"],
            ["t-3", '{"level": "doctorate", "cost": 1}', "2023-03-06"],
            ["t-4", '{"level": ', "2023-03-06"],
        ],
    )
    table = read_records(path, Enrolment)
    assert table.records[0].course == Course(level="elementary", cost=3_000_000, course_id="C1")
    assert table.records[1].course == "C1"
    bad_level, bad_json = (e.reason for e in table.errors)
    assert bad_level.startswith("course.level: trình độ đào tạo không hợp lệ / unknown training")
    assert "string" not in bad_level  # the identifier branch's complaint is left out
    assert bad_json.startswith("course: không đọc được JSON / not valid JSON: ")
    assert "level" not in bad_json


def test_an_excel_sheet_is_chosen_by_name(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["unrelated"])
    hộ = book.create_sheet("Hộ nghèo")
    hộ.append(["area", "monthly_income_per_capita"])
    hộ.append(["urban", 2_000_000])
    book.save(tmp_path / "b.xlsx")
    table = read_records(tmp_path / "b.xlsx", Household, sheet="Hộ nghèo")
    assert table.records == (Household(area="urban", monthly_income_per_capita=2_000_000),)
    with pytest.raises(ValueError, match=r"no sheet 'Ho' in b\.xlsx"):
        read_records(tmp_path / "b.xlsx", Household, sheet="Ho")
    with pytest.raises(HeaderError):
        read_records(tmp_path / "b.xlsx", Household)  # the active sheet has no such columns


def test_excel_typed_cells_are_read(tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "d.xlsx",
        ["worker_id", "market", "departed_on", "supported", "support_amount", "province_code"],
        [
            ["w-1", "Đài Loan (Trung Quốc)", datetime(2020, 3, 1), True, 10_900_000.0, 19],
            ["w-2", "korea", datetime(2020, 3, 1, 8, 30), False, None, None],
            ["w-3", "japan", 43891, False, None, None],
        ],
    )
    table = read_records(path, Departure)
    assert table.records == (
        Departure(
            worker_id="w-1",
            market="taiwan",
            departed_on=date(2020, 3, 1),
            supported=True,
            support_amount=10_900_000,
            province_code="19",
        ),
    )
    with_time, serial = (e.reason for e in table.errors)
    assert with_time.startswith("departed_on: ngày không được kèm giờ / a date must not include")
    assert serial == "departed_on: không phải ngày / not a date: 43891"


def test_sheet_is_only_for_workbooks_and_xls_is_refused(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "h.csv", ["area", "monthly_income_per_capita"], [])
    with pytest.raises(ValueError, match="sheet= is for Excel files"):
        read_records(path, Household, sheet="x")
    with pytest.raises(ValueError, match=r"old \.xls format"):
        read_records(tmp_path / "old.xls", Household)
    with pytest.raises(TypeError, match="not list"):
        read_records([], Household)


def test_a_non_utf8_csv_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_bytes("area,monthly_income_per_capita\nnông thôn,1\n".encode("cp1258"))
    with pytest.raises(ValueError, match="not UTF-8 text"):
        read_records(path, Household)


def test_missing_openpyxl_names_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(ImportError, match=r'pip install "vnlabor\[excel\]"'):
        read_records(tmp_path / "h.xlsx", Household)


# --- privacy ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_reasons_never_show_a_citizen_id(fmt: str, tmp_path: Path) -> None:
    rows: list[list[object]] = [
        [RAW_ID, "PL-01", "2023-03-06", "female"],  # a citizen ID as the trainee reference
        ["t-2", "PL-01", RAW_ID, "female"],  # a citizen ID in a date column
        ["t-3", "PL-01", "2023-03-06", RAW_ID],  # …in an enum column
        ["t-4", f'{{"level": "x", "cost": {RAW_ID}, "y": "{RAW_ID}"}}', "2023-03-06", None],
    ]
    source, _ = make_source(fmt, tmp_path, ["trainee_id", "course", "enrolled_on", "sex"], rows)
    table = read_records(source, Enrolment)
    assert len(table.errors) == 4
    for error in table.errors:
        assert RAW_ID not in str(error)
        assert RAW_ID not in repr(error)
    assert "person reference looks like a citizen ID" in table.errors[0].reason
    assert "*********567" in table.errors[1].reason


def test_member_citizen_ids_and_names_stay_masked_in_reasons(tmp_path: Path) -> None:
    members = f'[{{"citizen_id": "{RAW_ID}9", "name": "Nguyễn Thị Hoa", "sex": "?"}}]'
    path = write_csv(
        tmp_path / "h.csv",
        ["household_id", "area", "monthly_income_per_capita", "members"],
        [[RAW_ID, "rural", "1", members]],
    )
    (error,) = read_records(path, Household).errors
    assert RAW_ID not in str(error)
    assert "Hoa" not in str(error)
    assert error.household_id == "*********567"
    assert "members.0.citizen_id" in error.reason
    assert "members.0.sex" in error.reason


def test_row_error_formats_its_position() -> None:
    assert str(RowError(4, None, "x")) == "line 4: x"
    assert str(RowError("a", None, "x", unit="index")) == "index a: x"


def test_field_specs_mark_personal_fields() -> None:
    assert field_specs(Member)["citizen_id"].personal
    assert field_specs(Member)["name"].personal
    assert field_specs(NewJob)["worker_id"].personal
    assert not field_specs(NewJob)["commune"].personal


def test_a_csv_row_longer_than_the_header_is_rejected_not_misread(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text(
        "household_id,area,monthly_income_per_capita\n"
        "H1,rural,1,500,000\n"  # unquoted grouping commas: would read as 1 đồng
        'H2,rural,"1,5 triệu",,\n'  # trailing empty cells are harmless
        "H3,rural,1.500.000\n",
        encoding="utf-8",
    )
    table = read_records(path, Household)
    assert [h.household_id for h in table.records] == ["H2", "H3"]
    (error,) = table.errors
    assert error.line == 2
    assert error.reason.startswith("dòng có 5 ô, nhiều hơn 3 cột của tiêu đề")
    assert "the row has 5 cells, more than the header's 3 columns" in error.reason
