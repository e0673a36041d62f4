"""Law as dated data: parameters with citations, the national book, provincial overlays."""

from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation, Instrument, InstrumentKind, LocalizedText, Provision
from vnlabor.law.overlay import Overlay, bundled_overlay, bundled_overlay_keys, load_overlay
from vnlabor.law.parameter import Parameter, ParameterValue

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
    "bundled_overlay",
    "bundled_overlay_keys",
    "load_overlay",
    "national",
]
