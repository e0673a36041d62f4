"""Explanations of a whole table's classifications, at table speed.

:func:`explain` gives every row the text :meth:`vnlabor.Classification.explain`
would give it, in Vietnamese or English, without classifying and rendering each
household on its own. Rows that fall in the same band of the same area with the same
deprivations share every sentence but the one that quotes their income; that sentence
is rendered once per group with a placeholder, and each row only formats its own
amount. The group's explanation comes from the scalar path itself (one
:func:`vnlabor.classify` per group), so the texts are the scalar path's, word for word.

>>> from datetime import date
>>> texts = explain({"area": ["rural", "rural"], "monthly_income_per_capita": [900_000, 950_000],
...                  "nutrition": [True, True]}, on=date(2024, 3, 1), locale="en")
>>> print(texts[1])  # doctest: +ELLIPSIS
Near-poor household under the multidimensional poverty standard of Decree 07/2021/NĐ-CP ...
- Income of ₫950,000 per person per month, at or below the line of ₫1,500,000. (...)
- Deprived in 1 of 12 indicators (nutrition), fewer than 3: near-poor. (...)
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any, Final

import numpy as np
from numpy.typing import ArrayLike, NDArray

from vnlabor.batch._engine import ChunkResult, run_source
from vnlabor.batch._households import BIT
from vnlabor.batch._sources import is_pandas_frame, open_table
from vnlabor.batch.poverty import _classify_source, _open_engine
from vnlabor.l10n import format_vnd
from vnlabor.law.book import LawBook
from vnlabor.law.reason import Reason
from vnlabor.model.area import Area
from vnlabor.model.household import Household
from vnlabor.poverty.classification import classify as classify_one
from vnlabor.poverty.standard import CompiledStandard, compiled_for
from vnlabor.table.headers import UnknownColumns

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = ["Explainer", "explain"]

_AREAS: Final = tuple(Area)
_SENTINEL: Final = 987_654_321_987_654  # an amount no household has: marks the income
_AMOUNTS_KEPT: Final = 1 << 16
_TEMPLATES_KEPT: Final = 1 << 16  # groups (area, band, deprivations) remembered


def explain(
    table: pd.DataFrame | pa.Table | pa.RecordBatch | Mapping[str, ArrayLike],
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
    locale: str = "vi",
    unknown_columns: UnknownColumns = "error",
) -> pd.Series | NDArray[np.object_]:
    """The explanation of every household of ``table``, in ``locale``, in row order.

    Row for row the text of ``vnlabor.classify(household, ...).explain(locale)``.

    Args:
        table: As for :func:`vnlabor.batch.classify`.
        on: Date whose standard applies.
        list_year: Instead of ``on``: the year of the lists.
        law: A law book with overlays; national by default.
        locale: ``"vi"`` (default) or ``"en"``.
        unknown_columns: As for :func:`vnlabor.batch.classify`.

    Returns:
        For a DataFrame, a Series of text named ``explanation`` with the DataFrame's
        index; otherwise a numpy object array of text.

    Raises:
        ValueError: some rows are bad (as :func:`vnlabor.batch.classify` raises), or an
            unsupported locale.
    """
    compiled = compiled_for(on, list_year, law)
    source = open_table(table)
    _classify_source(source, compiled, "raise", unknown_columns)  # bad rows raise first
    engine = _open_engine(source, compiled, unknown_columns)
    explainer = Explainer(compiled, on=on, list_year=list_year, law=law, locale=locale)
    out = np.empty(source.n_rows, dtype=object)
    for result in run_source(engine, source):
        texts = explainer.texts(result)
        out[result.start : result.start + len(texts)] = texts
    if is_pandas_frame(table):
        frame: Any = table
        pandas = sys.modules["pandas"]
        series: pd.Series = pandas.Series(out, index=frame.index, name="explanation", dtype=object)
        return series
    return out


class Explainer:
    """Renders the explanations of classified chunks, remembering what repeats.

    Memory stays bounded: one explanation template per group of rows (area, band,
    deprivations: a few hundred at most per standard) and a bounded memo of amounts.
    """

    def __init__(
        self,
        compiled: CompiledStandard,
        *,
        on: date | None,
        list_year: int | None,
        law: LawBook | None,
        locale: str,
    ) -> None:
        format_vnd(0, locale=locale)  # an unsupported locale fails here, not per row
        self.compiled = compiled
        self.on = on
        self.list_year = list_year
        self.law = law
        self.locale = locale
        self.counted = sum(BIT[d] for d in compiled.indicators)
        self._templates: dict[tuple[int, ...], list[tuple[str, str] | str]] = {}
        self._heads: dict[tuple[int, int], list[str]] = {}
        self._amounts: dict[int, str] = {}
        self._layout = _layout(locale)

    def texts(self, result: ChunkResult) -> list[str | None]:
        """Each row's explanation (``None`` for a rejected row)."""
        chunk = result.chunk
        mask = chunk.mask
        counted = mask & np.int32(self.counted)
        key = np.stack(
            [chunk.area.astype(np.int64), result.band.astype(np.int64), counted, mask], axis=1
        )
        out: list[str | None] = [None] * result.codes.shape[0]
        good = result.codes >= 0
        incomes = chunk.income.tolist()
        amount = self._amount
        templates = self._templates
        rows = np.flatnonzero(good).tolist()
        for row, k in zip(rows, map(tuple, key[good].tolist()), strict=True):
            parts = templates.get(k)
            if parts is None:
                parts = self._template(k, incomes[row])
            if len(parts) == 1:  # the usual shape: fixed text around one amount
                part = parts[0]
                out[row] = (
                    part if isinstance(part, str) else part[0] + amount(incomes[row]) + part[1]
                )
            else:
                out[row] = "".join(
                    p if isinstance(p, str) else p[0] + amount(incomes[row]) + p[1] for p in parts
                )
        return out

    def _amount(self, income: int) -> str:
        if self._layout is not None:
            prefix, group, suffix = self._layout
            return f"{prefix}{income:,}{suffix}".replace(",", group)
        text = self._amounts.get(income)
        if text is None:
            if len(self._amounts) >= _AMOUNTS_KEPT:
                self._amounts.clear()
            text = self._amounts[income] = format_vnd(income, locale=self.locale)
        return text

    def _template(self, key: tuple[int, ...], income: int) -> list[tuple[str, str] | str]:
        found = self._templates.get(key)
        if found is None:
            if len(self._templates) >= _TEMPLATES_KEPT:
                self._templates.clear()
            found = self._templates[key] = self._build(key, income)
        return found

    def _build(self, key: tuple[int, ...], income: int) -> list[tuple[str, str] | str]:
        """The explanation of a group: fixed text, and (before, after) around the income."""
        area, _, _, mask = key
        household = Household(
            area=_AREAS[area],
            monthly_income_per_capita=income,
            deprivations={d for d, bit in BIT.items() if mask & bit},
        )
        c = classify_one(household, self.on, list_year=self.list_year, law=self.law)
        reasons = c.reasons
        head = self._heads.get((area, key[1]))
        if head is None:
            # The lines before the reasons (status, date, standard, area, overlay) are the
            # same for every row of an area and band: taken once from the scalar text.
            lines = c.explain(self.locale).split("\n")
            head = self._heads[(area, key[1])] = lines[: len(lines) - len(reasons)]
        parts: list[tuple[str, str] | str] = ["\n".join(head)]
        for reason in reasons:
            split = self._split(reason, c.law)
            if split is not None:
                parts.append("\n- " + split[0])
                parts.append(("", split[1]))
            else:
                parts.append("\n- " + reason.render(self.locale, c.law))
        return _merge(parts)

    def _split(self, reason: Reason, law: LawBook | None) -> tuple[str, str] | None:
        """The reason's text before and after the income, if it quotes the income."""
        if "income_vnd" not in reason.values:
            return None
        marked = Reason(reason.key, {**reason.values, "income_vnd": _SENTINEL}, reason.citation)
        text = marked.render(self.locale, law)
        before, mark, after = text.partition(format_vnd(_SENTINEL, locale=self.locale))
        return (before, after) if mark else None


def _layout(locale: str) -> tuple[str, str, str] | None:
    """How :func:`vnlabor.l10n.format_vnd` lays out a non-negative amount in ``locale``.

    ``(prefix, group separator, suffix)`` read from its output, and checked against it
    on amounts of every length; ``None`` (format each amount) if they disagree.
    """
    sample = format_vnd(1_234_567, locale=locale)
    prefix, _, rest = sample.partition("1")
    group = rest[3:4]
    suffix = rest.rpartition("567")[2]

    def laid(n: int) -> str:
        return f"{prefix}{n:,}{suffix}".replace(",", group)

    checks = (0, 7, 999, 1_000, 1_500_000, 12_345_678_901, 10**18)
    return (
        (prefix, group, suffix)
        if all(laid(n) == format_vnd(n, locale=locale) for n in checks)
        else None
    )


def _merge(parts: list[tuple[str, str] | str]) -> list[tuple[str, str] | str]:
    """Adjacent fixed texts joined; an income slot as ("", after) joined to what precedes."""
    out: list[tuple[str, str] | str] = []
    for part in parts:
        if isinstance(part, tuple):
            last = out[-1] if out else None
            before = ""
            if isinstance(last, str):
                before = last
                out.pop()
            out.append((before, part[1]))
        elif out and isinstance(out[-1], str):
            out[-1] += part
        elif out and isinstance(out[-1], tuple):
            out[-1] = (out[-1][0], out[-1][1] + part)
        else:
            out.append(part)
    return out
