"""vnlabor: Vietnam's labour and sustainable-poverty-reduction rules as a library."""

from vnlabor._version import __version__

__all__ = ["__version__"]
