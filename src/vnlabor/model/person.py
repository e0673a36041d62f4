"""People: household members, with their personal data kept out of sight."""

from __future__ import annotations

from datetime import date
from numbers import Integral
from typing import Any, Final, Self

from pydantic import GetCoreSchemaHandler, model_validator
from pydantic_core import PydanticCustomError, core_schema

from vnlabor.base.masking import citizen_id_digits, mask_digits, mask_name
from vnlabor.base.model import VnlaborModel
from vnlabor.model.education import EducationLevel, TrainingLevel
from vnlabor.model.employment_situation import EmploymentSituation
from vnlabor.model.sex import Sex

__all__ = ["MEMBER_SURVEY_FACTS", "CitizenId", "Member", "PersonalName", "age_on"]


class _Secret:
    """A personal value that never shows itself by accident (repr, str, f-strings, logs)."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        """The raw value: call it only where the value is really needed."""
        return self._value

    def masked(self) -> str:
        """The value as it may be shown."""
        return self.mask_text(self._value)

    @staticmethod
    def mask_text(text: str) -> str:  # pragma: no cover - overridden
        """How a raw value of this kind is shown (used for inputs echoed in errors too)."""
        raise NotImplementedError

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.masked()!r})"

    def __str__(self) -> str:
        return self.masked()

    def __format__(self, spec: str) -> str:
        return format(self.masked(), spec)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, _Secret) and type(other) is type(self) and other._value == self._value
        )

    def __hash__(self) -> int:
        return hash((type(self), self._value))

    @classmethod
    def _validate(cls, value: Any) -> Any:
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(
        cls, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_plain_validator_function(
            cls._validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                lambda v: v.masked(), when_used="always", return_schema=core_schema.str_schema()
            ),
            json_schema_input_schema=core_schema.str_schema(),
        )


class CitizenId(_Secret):
    """A citizen identity number (*số định danh cá nhân / CCCD*, 12 digits; old CMND 9).

    Shown and serialised masked, all but the last 3 digits hidden; :meth:`reveal`
    returns the number. Validation reads the number as people write it: plain, in
    groups separated by spaces or dashes, or after ``CCCD``/``CMND``
    (:func:`~vnlabor.base.masking.citizen_id_digits`); a Python ``int`` or a numpy
    integer is read as its digits (a spreadsheet drops leading zeros, so only 12 or 9
    digits are accepted).

    >>> cid = CitizenId("001203004567")
    >>> cid, str(cid)
    (CitizenId('*********567'), '*********567')
    >>> Member(citizen_id="CCCD 001 203 004 567").citizen_id == cid
    True
    """

    def __init__(self, value: str) -> None:
        super().__init__(value)
        if not (value.isascii() and value.isdigit() and len(value) in (9, 12)):
            raise ValueError(
                f"số định danh phải có 12 (hoặc 9) chữ số / citizen ID must have 12 (or 9) "
                f"digits: {mask_digits(value)!r}"
            )

    @staticmethod
    def mask_text(text: str) -> str:
        """All but the last three characters replaced by ``*`` (spaces dropped)."""
        return mask_digits("".join(text.split()))

    @classmethod
    def _validate(cls, value: Any) -> CitizenId:
        if isinstance(value, CitizenId):
            return value
        if isinstance(value, Integral) and not isinstance(value, bool):
            value = str(int(value))
        if isinstance(value, str):
            digits = citizen_id_digits(value)
            if digits is not None:
                return cls(digits)
            shown = mask_digits("".join(value.split()))
        else:
            shown = type(value).__name__
        raise PydanticCustomError(
            "vnlabor.citizen_id",
            "số định danh phải có 12 (hoặc 9) chữ số / citizen ID must have 12 (or 9) "
            "digits: {shown}",
            {"shown": shown},
        )


class PersonalName(_Secret):
    """A person's name, shown only as initials (``"Nguyễn Văn An"`` → ``"N. V. A."``)."""

    @staticmethod
    def mask_text(text: str) -> str:
        """Initials only."""
        return mask_name(text)

    @classmethod
    def _validate(cls, value: Any) -> PersonalName:
        if isinstance(value, PersonalName):
            return value
        if isinstance(value, str) and value.strip():
            return cls(value.strip())
        raise PydanticCustomError("vnlabor.name", "tên không hợp lệ / invalid name", {})


def age_on(birth_date: date, on: date) -> int:
    """Age in whole years on ``on`` of a person born on ``birth_date``.

    >>> age_on(date(2008, 5, 2), date(2026, 5, 1)), age_on(date(2008, 5, 2), date(2026, 5, 2))
    (17, 18)
    """
    return on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))


MEMBER_SURVEY_FACTS: Final = (
    "health_insurance",
    "in_school",
    "at_expected_school_level",
    "education",
    "training",
    "on_the_job_training",
    "employment",
    "able_to_work",
    "monthly_social_allowance",
    "stunted",
    "underweight",
    "untreated_illness",
)
"""The facts of :class:`Member` that only the poverty review records (the deprivation
indicators read them, with ``birth_date``, ``sex`` and ``disabled``)."""


class Member(VnlaborModel):
    """A member of a household (*thành viên hộ*), with what the review records about them.

    Every fact is optional: ``None`` means "not recorded", never "no". The review facts
    (:data:`MEMBER_SURVEY_FACTS`) feed :func:`vnlabor.assess_deprivations`.

    >>> m = Member(birth_date=date(2018, 3, 1), health_insurance=False, in_school=None)
    >>> m.health_insurance, m.in_school, m.has_survey_facts
    (False, None, True)
    """

    member_id: str | None = None
    """Caller's opaque identifier."""
    citizen_id: CitizenId | None = None
    """Citizen identity number; masked in every repr, log and error."""
    name: PersonalName | None = None
    """Full name; masked in every repr, log and error."""
    sex: Sex | None = None
    """Nam / nữ."""
    birth_date: date | None = None
    """Date of birth."""
    ethnic_minority: bool | None = None
    """Belongs to an ethnic minority (*dân tộc thiểu số*)."""
    disabled: bool | None = None
    """Person with a disability (*người khuyết tật*)."""
    health_insurance: bool | None = None
    """Holds a valid health-insurance card (*có thẻ bảo hiểm y tế còn hiệu lực*)."""
    in_school: bool | None = None
    """Attends school or training now, at any level from preschool (*đang đi học*)."""
    at_expected_school_level: bool | None = None
    """Attends the level and grade that matches their age (*học đúng bậc, cấp học phù hợp
    với độ tuổi*); ``True`` implies ``in_school``."""
    education: EducationLevel | None = None
    """Highest general schooling completed (*trình độ giáo dục phổ thông*)."""
    training: TrainingLevel | None = None
    """Highest vocational or higher-education qualification (*trình độ đào tạo*)."""
    on_the_job_training: bool | None = None
    """Hired by an enterprise and certified as trained on the job (*được doanh nghiệp
    tuyển dụng và chứng nhận đào tạo nghề tại chỗ*)."""
    employment: EmploymentSituation | None = None
    """Employment situation (*tình trạng việc làm*)."""
    able_to_work: bool | None = None
    """Able to work (*có khả năng lao động*)."""
    monthly_social_allowance: bool | None = None
    """Receives a monthly social allowance (*hưởng trợ cấp xã hội hằng tháng*)."""
    stunted: bool | None = None
    """A child malnourished in height for age (*suy dinh dưỡng thể thấp còi*)."""
    underweight: bool | None = None
    """A child malnourished in weight for age (*suy dinh dưỡng thể nhẹ cân*)."""
    untreated_illness: bool | None = None
    """Was so ill they had to stay in bed, needed care or missed work or school, and did
    not seek treatment (*ốm đau nặng mà không đi khám chữa bệnh*; QĐ 59/2015 standard)."""

    @model_validator(mode="after")
    def _facts_agree(self) -> Self:
        if self.at_expected_school_level and self.in_school is False:
            raise PydanticCustomError(
                "vnlabor.member_school",
                "đang học đúng cấp học thì phải đang đi học / at_expected_school_level=True "
                "needs in_school to be True or unknown, not False",
                {},
            )
        return self

    @property
    def has_survey_facts(self) -> bool:
        """Whether any of the review facts (:data:`MEMBER_SURVEY_FACTS`) is recorded."""
        values = self.__dict__
        return any(values[name] is not None for name in MEMBER_SURVEY_FACTS)
