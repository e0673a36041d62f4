"""The transition matrix as a heatmap (optional extra ``vnlabor[plot]``).

matplotlib is imported only when :func:`plot_transitions` is called.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Protocol

from vnlabor._optional import require
from vnlabor.l10n import format_number, format_percent, label, message
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.scenario.side import Scenario

__all__ = ["TransitionsShape", "plot_transitions"]


class TransitionsShape(Protocol):
    """What the plot reads of a :class:`~vnlabor.scenario.Comparison`."""

    @property
    def transitions(self) -> Mapping[tuple[PovertyStatus, PovertyStatus], int]:
        """Households from each status to each status."""
        ...

    @property
    def base(self) -> Scenario:
        """The base scenario (its label names the rows)."""
        ...

    @property
    def reform(self) -> Scenario:
        """The reform (its label names the columns)."""
        ...


def plot_transitions(
    comparison: TransitionsShape,
    *,
    ax: Any = None,
    locale: str = "vi",
    shares: bool = False,
) -> Any:
    """Draw the transition matrix: statuses before as rows, after as columns.

    Each cell is shaded by its count (or by its share of the row with ``shares=True``)
    and labelled with it; the statuses no household has on either side are left out
    (undetermined, for a table of deprivation flags).

    Args:
        comparison: The comparison to draw.
        ax: A matplotlib ``Axes`` to draw on; a new figure when ``None``.
        locale: ``"vi"`` or ``"en"`` for the labels.
        shares: Shade and label each row's shares instead of the counts.

    Returns:
        The matplotlib ``Axes``.

    Raises:
        ImportError: When matplotlib is not installed (``pip install 'vnlabor[plot]'``).
    """
    plt = require("matplotlib.pyplot", "plot", "plot_transitions")
    made = ax is None
    if made:
        _, ax = plt.subplots(figsize=(8, 6))
    t = comparison.transitions
    statuses = [s for s in PovertyStatus if any(t[(s, o)] or t[(o, s)] for o in PovertyStatus)] or [
        s for s in PovertyStatus if s is not PovertyStatus.UNDETERMINED
    ]
    values: list[list[float]] = []
    texts: list[list[str]] = []
    for b in statuses:
        total = sum(t[(b, a)] for a in PovertyStatus)
        row: list[float] = []
        cells: list[str] = []
        for a in statuses:
            count = t[(b, a)]
            if shares:
                share = Fraction(count, total) if total else None
                # Floats only at the drawing boundary: the shares themselves are exact.
                row.append(float(share) if share is not None else float("nan"))
                cells.append(
                    "" if share is None else format_percent(share, digits=0, locale=locale)
                )
            else:
                row.append(float(count))
                cells.append(format_number(count, locale=locale))
        values.append(row)
        texts.append(cells)
    image = ax.imshow(values, cmap="Blues")
    names = [label(s, locale) for s in statuses]
    ax.set_xticks(range(len(statuses)), names, rotation=30, ha="right")
    ax.set_yticks(range(len(statuses)), names)
    ax.set_xlabel(comparison.reform.label(locale))
    ax.set_ylabel(comparison.base.label(locale))
    top = max((v for row in values for v in row if v == v), default=0.0)
    for i, row_text in enumerate(texts):
        for j, text in enumerate(row_text):
            dark = values[i][j] == values[i][j] and values[i][j] > top / 2
            ax.text(j, i, text, ha="center", va="center", color="white" if dark else "black")
    ax.set_title(message("scenario.plot.title", locale))
    ax.figure.colorbar(image, ax=ax)
    if made:
        ax.figure.tight_layout()  # the status names are long: keep them inside the figure
    return ax
