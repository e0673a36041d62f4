"""Dated administrative geography: Viet Nam's provincial-level units and the 2025 merger.

Everything lives in :mod:`vnlabor.geo.registry`; this package re-exports its public
names (the one list is ``registry.__all__``).

>>> from datetime import date
>>> from vnlabor.geo import provinces, successor
>>> len(provinces(date(2025, 7, 1)))
34
>>> successor("26").short_name_vi
'Phú Thọ'
"""

from vnlabor.geo import registry
from vnlabor.geo.registry import *  # noqa: F403 - re-exports exactly registry.__all__

__all__: list[str] = []
__all__ += registry.__all__
