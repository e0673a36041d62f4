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
import sys
from types import ModuleType

__all__ = ["imported", "require"]


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


def imported(name: str) -> ModuleType | None:
    """The module ``name`` if the program has imported it, without importing it.

    Readers and the batch engine recognise pandas and pyarrow objects this way, so that
    reading a CSV file never pays for importing them. A module that another thread is
    still importing sits in ``sys.modules`` half made (``pandas.Series`` not yet defined):
    no object of it can have reached us, so it counts as not imported.

    >>> imported("sys") is sys
    True
    >>> imported("no_such_module_here") is None
    True
    """
    module = sys.modules.get(name)
    if module is None or getattr(getattr(module, "__spec__", None), "_initializing", False):
        return None
    return module
