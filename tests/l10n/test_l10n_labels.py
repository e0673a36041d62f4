from __future__ import annotations

import importlib
import pkgutil
import re
import string
import subprocess
import sys
import unicodedata
from collections.abc import Iterator, Mapping
from enum import Enum, StrEnum
from importlib.resources import files
from types import MappingProxyType, ModuleType

import pytest
from pydantic import BaseModel

import vnlabor
from vnlabor import label_audit
from vnlabor.base.confidence import Confidence
from vnlabor.base.model import VnlaborModel
from vnlabor.l10n import LOCALES, field_label, label, message
from vnlabor.l10n import labels as labels_module
from vnlabor.l10n.labels import message_keys, message_placeholders
from vnlabor.label_audit import missing_labels, unused_labels
from vnlabor.model.area import Area
from vnlabor.model.course import Course, CourseLevel, TrainingField
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.period import ReportingPeriod
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.model.sex import Sex

# --- documented labels --------------------------------------------------------------

VI_LABELS: dict[Enum, str] = {
    Area.RURAL: "nông thôn",
    Area.URBAN: "thành thị",
    Deprivation.EMPLOYMENT: "việc làm",
    Deprivation.DEPENDANTS: "người phụ thuộc trong hộ gia đình",
    Deprivation.NUTRITION: "dinh dưỡng",
    Deprivation.HEALTH_INSURANCE: "bảo hiểm y tế",
    Deprivation.HEALTH_SERVICES: "tiếp cận các dịch vụ y tế",
    Deprivation.ADULT_EDUCATION: "trình độ giáo dục của người lớn",
    Deprivation.CHILD_SCHOOL_ATTENDANCE: "tình trạng đi học của trẻ em",
    Deprivation.HOUSING_QUALITY: "chất lượng nhà ở",
    Deprivation.HOUSING_AREA: "diện tích nhà ở bình quân đầu người",
    Deprivation.DOMESTIC_WATER: "nguồn nước sinh hoạt",
    Deprivation.HYGIENIC_LATRINE: "nhà tiêu hợp vệ sinh",
    Deprivation.TELECOM_SERVICES: "sử dụng dịch vụ viễn thông",
    Deprivation.INFORMATION_ACCESS: "phương tiện phục vụ tiếp cận thông tin",
    Deprivation.DIGITAL_SERVICES: "sử dụng dịch vụ số, tiếp cận internet",
    Deprivation.WASTE_TREATMENT: "xử lý rác thải sinh hoạt",
    PovertyStatus.POOR: "hộ nghèo",
    PovertyStatus.NEAR_POOR: "hộ cận nghèo",
    PovertyStatus.AVERAGE_LIVING_STANDARD: "hộ có mức sống trung bình",
    PovertyStatus.NON_POOR: "hộ không nghèo",
    Sex.FEMALE: "nữ",
    Sex.MALE: "nam",
    Confidence.CONFIRMED: "đã xác nhận",
    Confidence.PARTLY_CONFIRMED: "xác nhận một phần",
    Confidence.UNCONFIRMED: "chưa xác nhận",
    CourseLevel.ELEMENTARY: "sơ cấp",
    CourseLevel.UNDER_3_MONTHS: "dưới 3 tháng",
    CourseLevel.INTERMEDIATE: "trung cấp",
    CourseLevel.COLLEGE: "cao đẳng",
    TrainingField.AGRICULTURAL: "nông nghiệp",
    TrainingField.NON_AGRICULTURAL: "phi nông nghiệp",
}

EN_LABELS: dict[Enum, str] = {
    Area.RURAL: "rural area",
    Area.URBAN: "urban area",
    PovertyStatus.POOR: "poor household",
    PovertyStatus.NEAR_POOR: "near-poor household",
    PovertyStatus.AVERAGE_LIVING_STANDARD: "average-living-standard household",
    PovertyStatus.NON_POOR: "non-poor household",
    Sex.FEMALE: "female",
    Sex.MALE: "male",
    Confidence.CONFIRMED: "confirmed",
    Confidence.PARTLY_CONFIRMED: "partly confirmed",
    Confidence.UNCONFIRMED: "unconfirmed",
}


@pytest.mark.parametrize(("member", "expected"), VI_LABELS.items(), ids=str)
def test_vietnamese_labels(member: Enum, expected: str) -> None:
    assert label(member) == expected
    assert label(member, "vi") == expected


@pytest.mark.parametrize(("member", "expected"), EN_LABELS.items(), ids=str)
def test_english_labels(member: Enum, expected: str) -> None:
    assert label(member, locale="en") == expected


def test_field_labels() -> None:
    assert field_label(Course, "study_days") == "số ngày thực học"
    assert field_label(Course, "cost", locale="en") == "training cost"
    assert field_label(ReportingPeriod, "year", "en") == "year"


# --- completeness over the whole package -------------------------------------------


def _vnlabor_modules() -> Iterator[ModuleType]:
    yield vnlabor
    for info in pkgutil.walk_packages(vnlabor.__path__, prefix="vnlabor."):
        if info.name.endswith(".__main__"):
            continue
        try:
            yield importlib.import_module(info.name)
        except ModuleNotFoundError as exc:  # optional dependency missing
            if (exc.name or "vnlabor").startswith("vnlabor"):
                raise


def _defined_in_vnlabor() -> tuple[set[type[Enum]], set[type[VnlaborModel]]]:
    enums: set[type[Enum]] = set()
    models: set[type[VnlaborModel]] = set()
    for module in _vnlabor_modules():
        for obj in vars(module).values():
            if isinstance(obj, type) and obj.__module__ == module.__name__:
                if obj.__name__.startswith("_"):
                    continue
                if issubclass(obj, Enum):
                    enums.add(obj)
                elif issubclass(obj, VnlaborModel):
                    models.add(obj)
    return enums, models


def test_discovery_sees_the_core_classes() -> None:
    enums, models = _defined_in_vnlabor()
    assert {Area, Deprivation, PovertyStatus, Sex, Confidence, CourseLevel} <= enums
    assert {Course, ReportingPeriod} <= models


def test_every_enum_member_and_model_field_has_a_label_in_every_locale() -> None:
    enums, models = _defined_in_vnlabor()
    missing: list[str] = []
    for locale in LOCALES:
        for enum_cls in enums:
            for member in enum_cls:
                try:
                    text = label(member, locale)
                except KeyError:
                    missing.append(
                        f"{locale}: {enum_cls.__module__}.{enum_cls.__qualname__}.{member.name}"
                    )
                else:
                    assert text.strip() == text != ""
        for model in models:
            for name in model.model_fields:
                try:
                    text = field_label(model, name, locale)
                except KeyError:
                    missing.append(f"{locale}: {model.__module__}.{model.__qualname__}.{name}")
                else:
                    assert text.strip() == text != ""
    assert not missing, "missing labels:\n" + "\n".join(sorted(missing))


def test_missing_labels_is_empty() -> None:
    missing = missing_labels()
    assert not missing, "missing from the catalogues:\n" + "\n".join(missing)


def test_no_unused_catalogue_entries() -> None:
    unused = unused_labels()
    assert not unused, "catalogue entries nothing uses:\n" + "\n".join(unused)


# --- catalogues ---------------------------------------------------------------------


def _raw_catalogue(locale: str) -> str:
    resource = files("vnlabor.l10n").joinpath("locale", locale, "LC_MESSAGES", "vnlabor.po")
    return resource.read_text(encoding="utf-8")


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_files_are_nfc(locale: str) -> None:
    text = _raw_catalogue(locale)
    assert unicodedata.normalize("NFC", text) == text
    assert f'"Language: {locale}\\n"' in text


@pytest.mark.parametrize("locale", LOCALES)
def test_catalogue_files_have_no_duplicate_entries(locale: str) -> None:
    keys = re.findall(r'^(?:msgctxt "(.*)"\n)?msgid "(.*)"$', _raw_catalogue(locale), re.M)
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    assert not duplicates


@pytest.mark.parametrize("locale", LOCALES)
def test_labels_are_nfc(locale: str) -> None:
    texts = [label(m, locale) for m in VI_LABELS]
    texts += [field_label(Course, name, locale) for name in Course.model_fields]
    texts += [message(key, locale, **_dummy_values(key, locale)) for key in message_keys(locale)]
    for text in texts:
        assert unicodedata.normalize("NFC", text) == text


def _dummy_values(key: str, locale: str) -> dict[str, str]:
    template = labels_module._catalogue(locale)[(None, key)]
    return dict.fromkeys(message_placeholders(template), "x")


def _placeholder_problems(
    catalogues: Mapping[str, Mapping[tuple[str | None, str], str]],
) -> list[str]:
    """Message keys present in one locale only, or with different/bad placeholders."""
    problems: list[str] = []
    keys = {
        locale: {msgid for (ctx, msgid) in entries if ctx is None}
        for locale, entries in catalogues.items()
    }
    every = set().union(*keys.values())
    for locale, present in keys.items():
        problems += [f"{locale}: missing message {key!r}" for key in sorted(every - present)]
    for key in sorted(every):
        seen: dict[str, frozenset[str]] = {}
        for locale, entries in catalogues.items():
            template = entries.get((None, key))
            if template is None:
                continue
            for _, name, spec, conversion in string.Formatter().parse(template):
                if name is not None and (
                    not name.isidentifier() or spec or conversion or name == "locale"
                ):
                    problems.append(f"{locale}: {key!r} has a bad placeholder {{{name}}}")
            seen[locale] = message_placeholders(template)
        if len(set(seen.values())) > 1:
            problems.append(f"{key!r} placeholders differ: {seen}")
    return problems


def test_catalogues_have_the_same_message_keys_and_placeholders() -> None:
    catalogues = {locale: labels_module._catalogue(locale) for locale in LOCALES}
    assert _placeholder_problems(catalogues) == []
    assert message_keys("vi") == message_keys("en")


def test_placeholder_check_catches_problems() -> None:
    broken: dict[str, Mapping[tuple[str | None, str], str]] = {
        "vi": {(None, "a"): "{x} và {y}", (None, "b"): "{z!r}", (None, "only_vi"): "."},
        "en": {(None, "a"): "{x} and {w}", (None, "b"): "{z:>3}"},
    }
    problems = _placeholder_problems(broken)
    assert "en: missing message 'only_vi'" in problems
    assert any(p.startswith("'a' placeholders differ") for p in problems)
    assert "vi: 'b' has a bad placeholder {z}" in problems
    assert "en: 'b' has a bad placeholder {z}" in problems


# --- message mechanism (with a stand-in catalogue) ----------------------------------


@pytest.fixture
def fake_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    entries: dict[str, dict[tuple[str | None, str], str]] = {
        "vi": {
            (None, "demo.income"): "thu nhập {income} không vượt quá chuẩn {line}",
            ("Area", "RURAL"): unicodedata.normalize("NFD", "nông thôn"),
        },
        "en": {(None, "demo.income"): "income {income} is at or below the {line} line"},
    }

    def fake(locale: str) -> Mapping[tuple[str | None, str], str]:
        return MappingProxyType(entries[locale])

    monkeypatch.setattr(labels_module, "_catalogue", fake)


@pytest.mark.usefixtures("fake_catalogue")
def test_message_fills_placeholders() -> None:
    assert (
        message("demo.income", income="1.400.000 ₫", line="1.500.000 ₫")
        == "thu nhập 1.400.000 ₫ không vượt quá chuẩn 1.500.000 ₫"
    )
    assert message("demo.income", "en", income=1, line=2) == "income 1 is at or below the 2 line"


@pytest.mark.usefixtures("fake_catalogue")
def test_message_ignores_extra_values_and_normalises() -> None:
    decomposed = unicodedata.normalize("NFD", "hộ nghèo")
    text = message("demo.income", income=decomposed, line="x", unused=3)
    assert text == "thu nhập hộ nghèo không vượt quá chuẩn x"
    assert unicodedata.is_normalized("NFC", text)


@pytest.mark.usefixtures("fake_catalogue")
def test_message_errors() -> None:
    with pytest.raises(KeyError, match=r"needs a value for \['line'\]"):
        message("demo.income", income="1")
    with pytest.raises(KeyError, match=r"no message 'demo\.other' in the 'en' catalogue"):
        message("demo.other", locale="en")
    with pytest.raises(ValueError, match="unsupported locale: 'fr'"):
        message("demo.income", locale="fr", income="1", line="2")


def test_message_unknown_key_in_real_catalogue() -> None:
    with pytest.raises(KeyError, match=r"no message 'no\.such\.key' in the 'vi' catalogue"):
        message("no.such.key")


# --- lookups ------------------------------------------------------------------------


class _Colour(StrEnum):
    RED = "red"


class _SubCourse(Course):
    extra: int = 0


def test_label_errors() -> None:
    with pytest.raises(TypeError, match="takes an enum member"):
        label("RURAL")  # type: ignore[arg-type]
    with pytest.raises(KeyError, match=r"no 'en' label for _Colour\.RED"):
        label(_Colour.RED, "en")
    with pytest.raises(ValueError, match="unsupported locale: 'fr'"):
        label(Area.RURAL, "fr")


def test_field_label_errors_and_inheritance() -> None:
    assert field_label(_SubCourse, "cost") == field_label(Course, "cost")
    with pytest.raises(KeyError, match=r"no 'vi' label for field _SubCourse\.extra"):
        field_label(_SubCourse, "extra")
    with pytest.raises(KeyError, match="Course has no field 'price'"):
        field_label(Course, "price")
    with pytest.raises(TypeError, match="takes a pydantic model class"):
        field_label(Course(level=CourseLevel.COLLEGE, cost=1), "cost")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unsupported locale: 'EN'"):
        field_label(Course, "cost", "EN")


def _kind_enum(module: str) -> type[Enum]:
    """An enum called Kind, as if defined in ``module``."""

    class Kind(StrEnum):
        A = "a"

    Kind.__module__, Kind.__qualname__ = module, "Kind"
    return Kind


def test_ambiguous_class_names_need_full_contexts(monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = _kind_enum("vnlabor.one"), _kind_enum("vnlabor.two")
    catalogue: dict[tuple[str | None, str], str] = {
        ("Kind", "A"): "short",
        ("vnlabor.two.Kind", "A"): "full",
    }
    monkeypatch.setattr(label_audit, "_vnlabor_classes", lambda: ([first, second], []))
    monkeypatch.setattr(labels_module, "_catalogue", lambda locale: catalogue)
    missing = missing_labels()
    assert "vi: msgctxt 'vnlabor.one.Kind' msgid 'A' (enum member vnlabor.one.Kind.A)" in missing
    assert not any("vnlabor.two" in line for line in missing)
    assert "vi: msgctxt 'Kind' msgid 'A'" in unused_labels()
    assert label(next(iter(second))) == "full"  # the full context wins


def test_catalogue_is_read_once() -> None:
    assert labels_module._catalogue("vi") is labels_module._catalogue("vi")


def test_importing_l10n_does_not_import_babel() -> None:
    code = "import sys, vnlabor.l10n, vnlabor.types; print('babel' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_models_have_fields_to_label() -> None:
    # Guard against the walk silently finding nothing.
    assert issubclass(Course, BaseModel)
    assert "cost" in Course.model_fields
