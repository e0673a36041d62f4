"""What every vnlabor record and legal value builds on, below the law and the entities.

* :mod:`vnlabor.base.model`: :class:`VnlaborModel`, the frozen pydantic base class of
  every record (errors reworded in Vietnamese and English, personal data masked), and
  :class:`CodeEnum`, the base of code sets read from table cells.
* :mod:`vnlabor.base.confidence`: :class:`Confidence`, the C / P / R tag every legal
  figure carries.
* :mod:`vnlabor.base.masking`: citizen identity numbers recognised and masked.

:mod:`vnlabor.model` re-exports :class:`VnlaborModel` and :class:`Confidence`.
"""

from vnlabor.base.confidence import Confidence
from vnlabor.base.model import CodeEnum, VnlaborModel

__all__ = ["CodeEnum", "Confidence", "VnlaborModel"]
