"""Optional dependencies (the extras), imported when a feature first needs them.

The core stays light (pydantic, python-dateutil, babel); pandas, openpyxl and
matplotlib come with ``vnlabor[pandas]``, ``vnlabor[excel]`` and ``vnlabor[plot]``.
A missing one is an ``ImportError`` that says which extra to install.

>>> require("fractions", "none", "a doctest").__name__
'fractions'
>>> require("no_such", "plot", "plot_kpi")
Traceback (most recent call last):
...
ImportError: plot_kpi cần no_such / plot_kpi needs no_such: pip install "vnlabor[plot]"
"""

from __future__ import annotations

import importlib
from types import ModuleType

__all__ = ["require"]


def require(module: str, extra: str, purpose: str) -> ModuleType:
    """Import ``module``, which the extra ``extra`` installs, for ``purpose``.

    Args:
        module: Dotted module name, e.g. ``"matplotlib.pyplot"``.
        extra: The vnlabor extra that installs it, e.g. ``"plot"``.
        purpose: What needs it, for the message (a function or feature name).

    Returns:
        The module.

    Raises:
        ImportError: It is not installed; the message names the extra.
    """
    try:
        # By name, at call time: optional packages ship no stubs and may be absent.
        return importlib.import_module(module)
    except ImportError as exc:
        package = module.partition(".")[0]
        raise ImportError(
            f'{purpose} cần {package} / {purpose} needs {package}: pip install "vnlabor[{extra}]"'
        ) from exc
