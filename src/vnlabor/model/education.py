"""Schooling and training a person has completed, as the poverty review records them.

General schooling (*trình độ giáo dục phổ thông*) and vocational or higher training
(*trình độ giáo dục nghề nghiệp, giáo dục đại học*) are two ladders, recorded separately
as household surveys do: a lower-secondary graduate may hold an elementary vocational
certificate (*sơ cấp*) without having gone on to upper secondary, so neither level is
"higher" than the other. The adult-education indicator reads both.
"""

from __future__ import annotations

from vnlabor.base.model import CodeEnum

__all__ = ["EducationLevel", "TrainingLevel"]


class EducationLevel(CodeEnum):
    """Highest level of general schooling completed (graduated)."""

    NO_SCHOOLING = "no_schooling"
    """Chưa tốt nghiệp tiểu học (never went to school, or left before finishing primary)."""
    PRIMARY = "primary"
    """Tốt nghiệp tiểu học (primary school, grade 5)."""
    LOWER_SECONDARY = "lower_secondary"
    """Tốt nghiệp trung học cơ sở, THCS (lower secondary, grade 9)."""
    UPPER_SECONDARY = "upper_secondary"
    """Tốt nghiệp trung học phổ thông, THPT (upper secondary, grade 12)."""


class TrainingLevel(CodeEnum):
    """Highest vocational or higher-education qualification held."""

    NO_TRAINING = "no_training"
    """Không có bằng cấp, chứng chỉ đào tạo (no qualification)."""
    ELEMENTARY_VOCATIONAL = "elementary_vocational"
    """Sơ cấp (elementary vocational certificate)."""
    INTERMEDIATE_VOCATIONAL = "intermediate_vocational"
    """Trung cấp (intermediate vocational diploma)."""
    COLLEGE = "college_diploma"
    """Cao đẳng (college diploma)."""
    UNIVERSITY = "university_degree"
    """Đại học trở lên (university degree or higher)."""
