"""Legal instruments and citations of them."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Self

from pydantic import model_validator

from vnlabor.base.confidence import Confidence
from vnlabor.base.model import VnlaborModel

__all__ = ["Citation", "Instrument", "InstrumentKind", "LocalizedText", "Provision"]


class LocalizedText(VnlaborModel):
    """A text in Vietnamese and English."""

    vi: str
    """Vietnamese text (NFC)."""
    en: str
    """English text."""

    def __call__(self, locale: str = "vi") -> str:
        """The text in ``locale`` (``"vi"`` or ``"en"``)."""
        return self.en if locale.startswith("en") else self.vi


class InstrumentKind(StrEnum):
    """Kind of legal instrument, which fixes how its number is cited in Vietnamese."""

    LAW = "law"
    """Luật / Bộ luật (National Assembly)."""
    RESOLUTION = "resolution"
    """Nghị quyết."""
    DECREE = "decree"
    """Nghị định (Government)."""
    DECISION = "decision"
    """Quyết định (Prime Minister, minister or People's Committee)."""
    CIRCULAR = "circular"
    """Thông tư (minister)."""
    JOINT_CIRCULAR = "joint_circular"
    """Thông tư liên tịch."""
    OTHER = "other"
    """A document without a standard citation form."""
    SCENARIO = "scenario"
    """Not law: a caller's what-if (a reform under study), cited as a scenario
    (:meth:`vnlabor.law.LawBook.with_changes`)."""


_KIND_VI = {
    InstrumentKind.LAW: "Luật",
    InstrumentKind.RESOLUTION: "Nghị quyết",
    InstrumentKind.DECREE: "Nghị định",
    InstrumentKind.DECISION: "Quyết định",
    InstrumentKind.CIRCULAR: "Thông tư",
    InstrumentKind.JOINT_CIRCULAR: "Thông tư liên tịch",
    InstrumentKind.OTHER: "Văn bản",
    InstrumentKind.SCENARIO: "Kịch bản",
}
_KIND_EN = {
    InstrumentKind.LAW: "Law",
    InstrumentKind.RESOLUTION: "Resolution",
    InstrumentKind.DECREE: "Decree",
    InstrumentKind.DECISION: "Decision",
    InstrumentKind.CIRCULAR: "Circular",
    InstrumentKind.JOINT_CIRCULAR: "Joint Circular",
    InstrumentKind.OTHER: "Document",
    InstrumentKind.SCENARIO: "Scenario",
}


class Instrument(VnlaborModel):
    """A legal instrument (*văn bản quy phạm pháp luật*) the law data cites."""

    key: str
    """Catalogue key: the official number (``"07/2021/NĐ-CP"``) or a slug when unknown."""
    kind: InstrumentKind
    """Decree, decision, circular, …"""
    number: str | None = None
    """Official number, ``None`` when it could not be confirmed."""
    issuer: LocalizedText
    """Who issued it."""
    title: LocalizedText
    """Short title (*trích yếu*)."""
    signed: date | None = None
    """Date of signature."""
    in_force: date | None = None
    """Date it took effect, when known."""
    in_force_until: date | None = None
    """Last day it was in force (inclusive), when it has been recorded as repealed,
    replaced or expired; ``None`` while in force or when no end is known."""
    url: str | None = None
    """Where the text can be read."""
    confidence: Confidence
    """How sure the catalogue entry is."""

    def official_name(self, locale: str = "vi") -> str:
        """The instrument as Vietnamese documents cite it.

        ``"Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 của Chính phủ"``; in English
        ``"Decree 07/2021/NĐ-CP of 27/01/2021"``. A scenario (not law) is named by its
        title: ``"kịch bản “…”"`` / ``"scenario “…”"``.
        """
        if self.kind is InstrumentKind.SCENARIO:
            if locale.startswith("en"):
                return f"scenario “{self.title.en}”"
            return f"kịch bản “{self.title.vi}”"
        if locale.startswith("en"):
            head = f"{_KIND_EN[self.kind]} {self.number or self.title.en}"
            return f"{head} of {self.signed:%d/%m/%Y}" if self.signed else head
        head = (
            f"{_KIND_VI[self.kind]} số {self.number}"
            if self.number
            else f"{_KIND_VI[self.kind]} {self.title.vi}"
        )
        if self.signed:
            head += f" ngày {self.signed:%d/%m/%Y}"
        return f"{head} của {self.issuer.vi}"


class Citation(VnlaborModel):
    """Where a legal value comes from: instrument, article and how sure we are."""

    instrument: str
    """Key of the instrument in the catalogue (usually its official number)."""
    article: str | None = None
    """Article number (*Điều*)."""
    clause: str | None = None
    """Clause number (*khoản*)."""
    point: str | None = None
    """Point letter (*điểm*)."""
    annex: str | None = None
    """Annex (*Phụ lục*), when the value sits in one."""
    url: str | None = None
    """A more precise link than the instrument's own, when known."""
    confidence: Confidence
    """C (confirmed), P (partly confirmed) or R (unconfirmed)."""
    note: str | None = None
    """What is uncertain, or how the value was derived."""
    applied_by: Provision | None = None
    """The transitional provision that keeps this provision applied after its own
    instrument ended (e.g. Circular 60/2026/TT-BTC Art. 21.1 for Circular 55/2023),
    ``None`` when the cited instrument itself is in force."""

    @model_validator(mode="after")
    def _locatable(self) -> Self:
        # A citation must point somewhere in the text, or say why it cannot.
        if not (self.article or self.annex or self.note):
            raise ValueError(
                f"citation of {self.instrument!r} names no article or annex and no note"
            )
        return self

    def locator(self, locale: str = "vi") -> str:
        """Article, clause and point in the locale's citation order.

        Vietnamese cites from the smallest unit up (``"điểm a khoản 1 Điều 7"``),
        English from the largest down (``"Art. 7(1)(a)"``).
        """
        return _locator(self.article, self.clause, self.point, self.annex, locale)

    def render(self, instrument: Instrument, locale: str = "vi") -> str:
        """Full citation, e.g. ``"Điều 3 Nghị định số 07/2021/NĐ-CP ngày 27/01/2021 …"``.

        The transitional provision (``applied_by``) is not included: it cites another
        instrument, which :meth:`vnlabor.law.LawBook.cite` looks up and appends.
        """
        return _render(self.locator(locale), instrument, self.confidence, locale)


class Provision(VnlaborModel):
    """An article (clause, point) of an instrument cited for what it does, not for a
    figure: the transitional provision that keeps another instrument's rule applied
    (:attr:`Citation.applied_by`).
    """  # noqa: D205

    instrument: str
    """Key of the instrument in the catalogue."""
    article: str
    """Article number (*Điều*)."""
    clause: str | None = None
    """Clause number (*khoản*)."""
    point: str | None = None
    """Point letter (*điểm*)."""
    confidence: Confidence
    """C (confirmed), P (partly confirmed) or R (unconfirmed)."""

    def locator(self, locale: str = "vi") -> str:
        """Article, clause and point in the locale's citation order."""
        return _locator(self.article, self.clause, self.point, None, locale)

    def render(self, instrument: Instrument, locale: str = "vi") -> str:
        """Full citation, as :meth:`Citation.render`."""
        return _render(self.locator(locale), instrument, self.confidence, locale)

    def as_citation(self) -> Citation:
        """The provision as a :class:`Citation` (e.g. of a reason that applies it)."""
        return Citation.model_validate(self.model_dump())


def _locator(
    article: str | None, clause: str | None, point: str | None, annex: str | None, locale: str
) -> str:
    if locale.startswith("en"):
        out = f"Art. {article}" if article else ""
        out += f"({clause})" if clause else ""
        out += f"({point})" if point else ""
        if annex:
            out = f"{out}, Annex {annex}" if out else f"Annex {annex}"
        return out
    parts = []
    if point:
        parts.append(f"điểm {point}")
    if clause:
        parts.append(f"khoản {clause}")
    if article:
        parts.append(f"Điều {article}")
    if annex:
        parts.append(f"Phụ lục {annex}")
    return " ".join(parts)


def _render(loc: str, instrument: Instrument, confidence: Confidence, locale: str) -> str:
    name = instrument.official_name(locale)
    if locale.startswith("en"):
        text = f"{name}, {loc}" if loc else name
    else:
        text = f"{loc} {name}" if loc else name
    if instrument.kind is InstrumentKind.SCENARIO:
        # A what-if is not law: say so instead of grading it like a legal source.
        return text + (
            ", not law" if locale.startswith("en") else ", không phải quy định pháp luật"
        )
    if confidence is not Confidence.CONFIRMED:
        tag = {"vi": "chưa xác nhận đầy đủ", "en": "not fully confirmed"}
        text += f" [{confidence.value}: {tag['en' if locale.startswith('en') else 'vi']}]"
    return text
