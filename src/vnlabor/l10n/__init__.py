"""Vietnamese and English formatting, parsing and labels (babel underneath, loaded lazily).

* :mod:`vnlabor.l10n.format`: money, numbers, percentages, dates, reporting periods.
* :mod:`vnlabor.l10n.parse`: Vietnamese amounts (``"1,5 triệu đồng"``) and dates.
* :mod:`vnlabor.l10n.labels`: labels of enum members and model fields, and templated
  messages, from the package's gettext catalogues.

>>> from vnlabor.model.poverty_status import PovertyStatus
>>> label(PovertyStatus.POOR), format_vnd(2_000_000, compact=True), parse_vnd("2 triệu")
('hộ nghèo', '2 triệu đồng', 2000000)
"""

from vnlabor.l10n.format import (
    format_date,
    format_number,
    format_percent,
    format_percentage_points,
    format_period,
    format_vnd,
)
from vnlabor.l10n.labels import LOCALES, field_label, label, message
from vnlabor.l10n.parse import VietnameseDate, parse_date, parse_vnd

__all__ = [
    "LOCALES",
    "VietnameseDate",
    "field_label",
    "format_date",
    "format_number",
    "format_percent",
    "format_percentage_points",
    "format_period",
    "format_vnd",
    "label",
    "message",
    "parse_date",
    "parse_vnd",
]
