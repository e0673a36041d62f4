"""Counselling (*tư vấn*): contacts with workers and the conferences that reach them.

Reports count counselling in visits (*lượt người*): the same worker counselled twice
is two contacts. Counting distinct people needs ``person_id``, which walk-in and
conference contacts often lack.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from vnlabor.model.record import PersonAttributes, PersonRef, ProgrammeRecord
from vnlabor.types import NonNegativeCount

__all__ = [
    "CounsellingChannel",
    "CounsellingConference",
    "CounsellingContact",
    "CounsellingTopic",
]


class CounsellingTopic(StrEnum):
    """What the worker was counselled on."""

    DOMESTIC_EMPLOYMENT = "domestic_employment"
    """Tư vấn, giới thiệu việc làm trong nước."""
    WORK_ABROAD = "work_abroad"
    """Tư vấn đi làm việc ở nước ngoài theo hợp đồng (xuất khẩu lao động)."""
    VOCATIONAL_TRAINING = "vocational_training"
    """Tư vấn học nghề, định hướng nghề nghiệp."""
    LABOUR_MARKET_INFORMATION = "labour_market_information"
    """Cung cấp thông tin thị trường lao động."""
    OTHER = "other"
    """Chủ đề khác."""


class CounsellingChannel(StrEnum):
    """How the contact took place."""

    IN_PERSON = "in_person"
    """Trực tiếp tại trung tâm hoặc điểm tư vấn."""
    CONFERENCE = "conference"
    """Tại hội nghị tư vấn, tuyên truyền."""
    PHONE = "phone"
    """Qua điện thoại."""
    ONLINE = "online"
    """Trực tuyến."""


class CounsellingContact(ProgrammeRecord, PersonAttributes):
    """One counselling contact with one worker (one *lượt*).

    >>> c = CounsellingContact(contacted_on=date(2020, 6, 2), topic="work_abroad")
    >>> c.person_id is None, c.channel.value
    (True, 'in_person')
    """

    person_id: PersonRef | None = None
    """Pseudonymous identifier of the worker, when recorded."""
    contacted_on: date
    """Day of the contact."""
    topic: CounsellingTopic = CounsellingTopic.DOMESTIC_EMPLOYMENT
    """What the counselling was about."""
    channel: CounsellingChannel = CounsellingChannel.IN_PERSON
    """In person, at a conference, by phone or online."""
    conference_id: str | None = None
    """The conference the contact happened at, if any."""

    @property
    def reference_date(self) -> date:
        """The contact date."""
        return self.contacted_on


class CounsellingConference(ProgrammeRecord):
    """A counselling or outreach conference (*hội nghị tư vấn, tuyên truyền*).

    >>> c = CounsellingConference(held_on=date(2020, 9, 3), topic="work_abroad", attendance=120)
    >>> c.attendance
    120
    """

    conference_id: str | None = None
    """Caller's identifier, linking contacts made at the conference."""
    held_on: date
    """Day of the conference."""
    topic: CounsellingTopic = CounsellingTopic.DOMESTIC_EMPLOYMENT
    """Main subject."""
    place: str | None = None
    """Where it was held (commune, school, village)."""
    attendance: NonNegativeCount | None = None
    """Participants (*lượt người tham dự*), when recorded."""

    @property
    def reference_date(self) -> date:
        """The conference date."""
        return self.held_on
