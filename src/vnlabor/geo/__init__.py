"""Dated administrative geography: Viet Nam's provincial-level units and the 2025 merger.

>>> from datetime import date
>>> from vnlabor.geo import provinces, successor
>>> len(provinces(date(2025, 7, 1)))
34
>>> successor("26").short_name_vi
'Phú Thọ'
"""

from vnlabor.geo.province import (
    REFORM_2025,
    AmbiguousProvinceNameError,
    Citation,
    GeographyNotCoveredError,
    PartialProvinceDataError,
    Province,
    ProvinceCode,
    ProvinceKind,
    UnknownProvinceError,
    coverage_start,
    crosswalk,
    find_province,
    predecessors,
    province,
    provinces,
    rekey_to_new_provinces,
    successor,
)

__all__ = [
    "REFORM_2025",
    "AmbiguousProvinceNameError",
    "Citation",
    "GeographyNotCoveredError",
    "PartialProvinceDataError",
    "Province",
    "ProvinceCode",
    "ProvinceKind",
    "UnknownProvinceError",
    "coverage_start",
    "crosswalk",
    "find_province",
    "predecessors",
    "province",
    "provinces",
    "rekey_to_new_provinces",
    "successor",
]
