"""Official national targets of the programmes, by plan period (``kpi/data/targets.toml``).

A report sets its KPI against the target of the plan in force: a fall of the
multidimensional poverty rate of 1-1.5 percentage points a year in 2021-2025 (Resolution
24/2021/QH15) and again to 2030 (Decision 417/QĐ-BNNMT), at least 100,000 workers
connected to jobs (Decision 90/QĐ-TTg)… Like the law, the targets are data: each is
worded as the plan words it, read with :meth:`Target.parse`, dated and cited.

>>> from datetime import date
>>> t = official_target("poverty_rate_reduction", on=date(2024, 6, 30))
>>> t.text, t.target.lower, t.target.upper, t.citation.instrument
('giảm 1-1,5%/năm', Fraction(1, 1), Fraction(3, 2), '24/2021/QH15')
>>> official_target("poverty_rate_reduction", on=date(2027, 1, 1)).citation.instrument
'417/QĐ-BNNMT'
>>> official_target("new_jobs", on=date(2024, 6, 30)) is None  # set by each locality
True
"""

from __future__ import annotations

import tomllib
from datetime import date
from functools import cache
from importlib import resources
from typing import Any

from vnlabor.base.model import VnlaborModel
from vnlabor.errors import LawDataError
from vnlabor.kpi.definitions import kpi_keys
from vnlabor.kpi.target import Target
from vnlabor.kpi.unit import KpiUnit
from vnlabor.law.citation import Citation
from vnlabor.types import as_date

__all__ = ["OfficialTarget", "official_target", "official_targets"]


class OfficialTarget(VnlaborModel):
    """A national target for one KPI over one plan period, with the text that sets it."""

    kpi: str
    """Key of the KPI (see :func:`vnlabor.kpi.kpi_keys`)."""
    scope: str
    """Whose figure: ``"national"`` or a group the plan names (``"poor_districts"``…)."""
    valid_from: date
    """First day of the plan period."""
    valid_to: date
    """Last day of the plan period (inclusive)."""
    target: Target
    """The target, with the plan's wording (``text``) and the instrument (``citation``)."""

    @property
    def text(self) -> str:
        """The target as the plan words it, e.g. ``"giảm 1-1,5%/năm"``."""
        return self.target.text or str(self.target)

    @property
    def citation(self) -> Citation:
        """The instrument that sets it."""
        assert self.target.citation is not None  # set by the loader
        return self.target.citation

    def applies_on(self, on: date) -> bool:
        """Whether ``on`` falls in the plan period."""
        return self.valid_from <= as_date(on) <= self.valid_to


def official_targets() -> tuple[OfficialTarget, ...]:
    """Every official target vnlabor ships, in file order (loaded and checked once)."""
    return _load()


def official_target(kpi: str, on: date, scope: str = "national") -> OfficialTarget | None:
    """The target for ``kpi`` (and ``scope``) in the plan period that contains ``on``.

    ``None`` when no national target is encoded (many are set by each locality).
    """
    day = as_date(on)
    for found in _load():
        if found.kpi == kpi and found.scope == scope and found.applies_on(day):
            return found
    return None


@cache
def _load() -> tuple[OfficialTarget, ...]:
    from vnlabor.law.book import national

    text = resources.files("vnlabor.kpi.data").joinpath("targets.toml").read_text("utf-8")
    book = national()
    targets: list[OfficialTarget] = []
    for i, raw in enumerate(tomllib.loads(text).get("targets", [])):
        targets.append(_target(raw, i, book.instruments))
    _check_overlaps(targets)
    return tuple(targets)


def _target(raw: dict[str, Any], i: int, instruments: Any) -> OfficialTarget:
    where = f"targets.toml entry {i + 1}"
    if raw.get("kpi") not in kpi_keys():
        raise LawDataError(f"{where}: unknown KPI {raw.get('kpi')!r}")
    cite = Citation.model_validate(raw["cite"])
    if cite.instrument not in instruments:
        raise LawDataError(f"{where}: cites unknown instrument {cite.instrument!r}")
    try:
        target = Target.parse(raw["text"], unit=KpiUnit(raw["unit"]))
    except ValueError as exc:
        raise LawDataError(f"{where}: {exc}") from None
    return OfficialTarget(
        kpi=raw["kpi"],
        scope=raw.get("scope", "national"),
        valid_from=raw["from"],
        valid_to=raw["to"],
        target=target.model_copy(update={"text": raw["text"], "citation": cite}),
    )


def _check_overlaps(targets: list[OfficialTarget]) -> None:
    for i, a in enumerate(targets):
        for b in targets[i + 1 :]:
            same = (a.kpi, a.scope) == (b.kpi, b.scope)
            if same and a.valid_from <= b.valid_to and b.valid_from <= a.valid_to:
                raise LawDataError(
                    f"targets.toml: two targets for {a.kpi} ({a.scope}) overlap: "
                    f"{a.valid_from}..{a.valid_to} and {b.valid_from}..{b.valid_to}"
                )
