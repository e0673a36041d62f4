"""Law as dated data: parameters with citations, the national book, provincial overlays,
and reforms (what-ifs, never taken for law).
"""  # noqa: D205

from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation, Instrument, InstrumentKind, LocalizedText, Provision
from vnlabor.law.overlay import Overlay, bundled_overlay, bundled_overlay_keys, load_overlay
from vnlabor.law.parameter import Parameter, ParameterValue
from vnlabor.law.reform import Reform, load_reform

__all__ = [
    "Citation",
    "Instrument",
    "InstrumentKind",
    "LawBook",
    "LocalizedText",
    "Overlay",
    "Parameter",
    "ParameterValue",
    "Provision",
    "Reform",
    "bundled_overlay",
    "bundled_overlay_keys",
    "load_overlay",
    "load_reform",
    "national",
]
