"""Classify a household under the poverty standard in force, and say why.

A household's deprivations are the ones given (``Household.deprivations``), or, when
none were given and the household carries the review's facts, those assessed from its
facts (:func:`vnlabor.assess_deprivations`, ages counted on the ``on`` date or on the
list year's review date). An indicator may be *undetermined*: stated unknown
(``Household.unknown_indicators``, an empty cell of an indicator column) or left open
by the facts. If the undetermined indicators could still change the household's class
(income under the line, 2 deprived, 1 undetermined, cut-off 3), the status is
:attr:`~vnlabor.PovertyStatus.UNDETERMINED` and the classification names the deciding
indicators and the statuses still possible; if they cannot, the status is decided.
Deprivations given *and* facts that contradict them raise
:class:`~vnlabor.errors.DeprivationConflict`.

>>> from datetime import date
>>> from vnlabor import Area, Deprivation, Household
>>> hh = Household(area=Area.RURAL, monthly_income_per_capita=1_500_000,
...                deprivations={Deprivation.HEALTH_INSURANCE, Deprivation.NUTRITION})
>>> c = classify(hh, on=date(2024, 3, 1))
>>> c.status, c.deprivation_count, c.standard.key
(<PovertyStatus.NEAR_POOR: 'near_poor'>, 2, '07/2021/NĐ-CP')
>>> classify(hh.model_copy(update={"monthly_income_per_capita": 1_500_001}),
...          on=date(2024, 3, 1)).status
<PovertyStatus.AVERAGE_LIVING_STANDARD: 'average_living_standard'>
>>> open_ = classify(Household.model_validate(hh.model_dump() | {
...     "unknown_indicators": ["housing_area"]}), on=date(2024, 3, 1))
>>> open_.status, sorted(open_.deciding)
(<PovertyStatus.UNDETERMINED: 'undetermined'>, [<Deprivation.HOUSING_AREA: 'housing_area'>])
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from functools import cached_property
from typing import NamedTuple

from vnlabor.base.confidence import Confidence
from vnlabor.base.masking import shown_id
from vnlabor.base.model import VnlaborModel
from vnlabor.errors import DeprivationConflict, VnlaborTypeError
from vnlabor.l10n import format_date, format_vnd, label, message
from vnlabor.l10n.display import field_heading, get_display_locale, html_card, repr_line
from vnlabor.law.book import LawBook, national
from vnlabor.law.citation import Citation
from vnlabor.law.reason import Reason, ReasonValue, reasons_html
from vnlabor.model.area import Area
from vnlabor.model.deprivation import Deprivation
from vnlabor.model.household import Household
from vnlabor.model.poverty_status import PovertyStatus
from vnlabor.poverty.assessment import (
    DeprivationAssessment,
    assess_compiled,
    review_reference_date,
)
from vnlabor.poverty.rule import Band, match_band
from vnlabor.poverty.standard import (
    CompiledStandard,
    PovertyStandard,
    compiled_for,
    list_year_start,
)
from vnlabor.types import as_date

__all__ = ["Classification", "ClassificationRecord", "classify", "classify_many"]


class ClassificationRecord(VnlaborModel):
    """A classification flattened for storage and JSON (see :meth:`Classification.as_record`)."""

    household_id: str | None
    """The household's identifier, if it had one."""
    on: date
    """Date whose standard was applied."""
    standard: str
    """Instrument number of the standard."""
    overlays: tuple[str, ...]
    """Overlays applied (provincial standards)."""
    area: Area
    """Rural or urban."""
    income: int
    """Monthly income per capita, VND."""
    income_line: int
    """Income line applied, VND/person/month."""
    deprivations_counted: tuple[Deprivation, ...]
    """Deprivations counted under the standard."""
    deprivations_undetermined: tuple[Deprivation, ...] = ()
    """Indicators of the standard that the household's facts could not decide."""
    status: PovertyStatus
    """The status."""
    citations: tuple[Citation, ...]
    """Provisions applied."""


class _Fields(NamedTuple):
    household: Household
    """The household classified."""
    on: date
    """The date whose standard was applied."""
    standard: PovertyStandard
    """The standard applied."""
    status: PovertyStatus
    """Poor, near-poor, average living standard, none of these, or undetermined."""
    deprivations_counted: frozenset[Deprivation]
    """The household's deprivations that this standard counts."""
    band: Band | None = None
    """The row of the standard's decision table the household fell in (``None``: past all,
    or undetermined)."""
    law: LawBook | None = None
    """The law book applied (national, or with a province's overlay); national if ``None``."""
    undetermined: frozenset[Deprivation] = frozenset()
    """Indicators of the standard left undetermined: stated unknown, and not decided by
    the household's facts."""
    possible_statuses: frozenset[PovertyStatus] | None = None
    """The statuses still possible (see :attr:`possible`); ``None`` for the status alone."""
    assessment: DeprivationAssessment | None = None
    """The assessment of its facts, when the household has facts."""


class Classification(_Fields):
    """The status of one household on one date, with everything needed to explain it.

    An immutable named tuple with behaviour, as :class:`urllib.parse.ParseResult` is:
    classifications are made by the hundred thousand per second, and a tuple is built
    three times faster than a frozen dataclass. Reasons and citations are derived on
    demand (and then kept), and :meth:`as_record` gives a pydantic model for storage
    and JSON Schema.
    """

    @property
    def area(self) -> Area:
        """The household's area."""
        return self.household.area

    @property
    def income(self) -> int:
        """Monthly income per capita, VND."""
        return self.household.monthly_income_per_capita

    @property
    def income_line(self) -> int:
        """The standard's income line for the household's area, VND/person/month."""
        return self.standard.income_line[self.household.area]

    @property
    def deprivation_count(self) -> int:
        """Number of deprivations counted under the standard."""
        return len(self.deprivations_counted)

    @property
    def possible(self) -> frozenset[PovertyStatus]:
        """The statuses the undetermined indicators could still lead to.

        The status alone when it is decided.
        """
        found = self.possible_statuses
        return frozenset((self.status,)) if found is None else found

    @property
    def deciding(self) -> frozenset[Deprivation]:
        """The undetermined indicators on which the status hangs (empty once decided)."""
        return self.undetermined if self.status is PovertyStatus.UNDETERMINED else frozenset()

    @property
    def deprivations_ignored(self) -> frozenset[Deprivation]:
        """The household's deprivations this standard does not count."""
        return self.household.deprivations - self.deprivations_counted

    @cached_property
    def reasons(self) -> tuple[Reason, ...]:
        """The steps of the decision, each with the provision it applies."""
        return _reasons(self)

    @cached_property
    def citations(self) -> tuple[Citation, ...]:
        """Every provision the decision relied on, without repeats, in order."""
        cited = tuple(r.citation for r in self.reasons if r.citation is not None)
        return _unique(cited, self.law)

    @property
    def unconfirmed(self) -> tuple[Citation, ...]:
        """Citations used whose figures are only partly confirmed or unconfirmed."""
        return tuple(c for c in self.citations if c.confidence is not Confidence.CONFIRMED)

    def as_record(self) -> ClassificationRecord:
        """This classification as a validated, serialisable record."""
        return ClassificationRecord(
            household_id=self.household.household_id,
            on=self.on,
            standard=self.standard.key,
            overlays=self.standard.overlays,
            area=self.area,
            income=self.income,
            income_line=self.income_line,
            deprivations_counted=tuple(
                i for i in self.standard.indicators if i in self.deprivations_counted
            ),
            deprivations_undetermined=tuple(
                i for i in self.standard.indicators if i in self.undetermined
            ),
            status=self.status,
            citations=self.citations,
        )

    def explain(self, locale: str = "vi", law: LawBook | None = None) -> str:
        """The decision as text in Vietnamese (``"vi"``) or English (``"en"``).

        Citations are rendered from ``law``, by default the book the decision was made
        under (so a provincial overlay's instruments are named too).
        """
        law = law or self.law
        head = message(
            "poverty.explain.heading",
            locale=locale,
            status=label(self.status, locale),
            date=format_date(self.on, locale=locale),
            standard=self.standard.legal_instrument.official_name(locale),
            area=label(self.area, locale),
        )
        lines = [head[:1].upper() + head[1:]]
        if self.standard.overlays:
            book = law or national()
            # A what-if is named as a scenario, never as a local standard (law).
            scenarios = book.scenarios
            keys = [k for c in self.citations if (k := book.overlay_of(c)) is not None]
            named = dict.fromkeys(scenarios[k](locale) for k in keys if k in scenarios)
            if named:
                lines.append(
                    message(
                        "poverty.explain.scenario",
                        locale,
                        scenarios="; ".join(f"“{n}”" for n in named),
                    )
                )
            local = dict.fromkeys(
                book.instrument(c.instrument).official_name(locale)
                for c in self.citations
                if (k := book.overlay_of(c)) is not None and k not in scenarios
            )
            if local:
                lines.append(
                    message("poverty.explain.overlay", locale, instruments="; ".join(local))
                )
        lines += (f"- {r.render(locale, law)}" for r in self.reasons)
        return "\n".join(lines)

    def __repr__(self) -> str:
        household = self.household
        who = f" {shown_id(household.household_id)!r}" if household.household_id else ""
        income, line = self.income, self.income_line
        text = (
            f"<Classification{who} {self.on.isoformat()} {self.standard.key}: "
            f"{self.status.value}; {self.area.value}, income {income} "
            f"{'≤' if income <= line else '>'} line {line}; "
            f"deprived in {self.deprivation_count}"
        )
        if self.undetermined:
            text += f", undetermined {len(self.undetermined)}"
        if self.deciding:
            names = [i.value for i in self.standard.indicators if i in self.deciding]
            more = f" +{len(names) - 2}" if len(names) > 2 else ""
            text += f" (deciding: {', '.join(names[:2])}{more})"
        return repr_line(text + ">")

    def __str__(self) -> str:
        return self.explain(get_display_locale())

    def _repr_html_(self) -> str:
        locale = get_display_locale()
        law = self.law or national()
        order = self.standard.indicators

        def name(field: str) -> str:
            return field_heading(ClassificationRecord, field, locale)

        def indicators(chosen: frozenset[Deprivation]) -> str:
            names = ", ".join(label(i, locale) for i in order if i in chosen)
            return f"{len(chosen)}: {names}" if names else "0"

        household_id = self.household.household_id
        fields: list[tuple[str, object]] = []
        if household_id:
            fields.append((name("household_id"), shown_id(household_id, limit=80)))
        fields += [
            (name("status"), label(self.status, locale)),
            (name("on"), format_date(self.on, locale=locale)),
            (name("standard"), self.standard.legal_instrument.official_name(locale)),
            (name("area"), label(self.area, locale)),
            (name("income"), format_vnd(self.income, locale=locale)),
            (name("income_line"), format_vnd(self.income_line, locale=locale)),
            (name("deprivations_counted"), indicators(self.deprivations_counted)),
        ]
        if self.undetermined:
            fields.append((name("deprivations_undetermined"), indicators(self.undetermined)))
        if self.status is PovertyStatus.UNDETERMINED:
            possible = ", ".join(label(p, locale) for p in PovertyStatus if p in self.possible)
            fields.append((message("display.possible_statuses", locale), possible))
        title = message("display.classification", locale)
        return html_card(title, fields, [reasons_html(self.reasons, locale, law)])


def classify(
    household: Household,
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
) -> Classification:
    """Classify ``household`` under the standard in force on ``on``.

    The deprivations are those given, or assessed from the household's facts when none
    were given and it has some (see the module docstring).

    Args:
        household: The household.
        on: Date whose standard applies (and on which ages are counted).
        list_year: Instead of ``on``: classify for the lists of this year, i.e. under
            the standard the review at the end of the previous year applies (ages
            counted on that review's first day).
        law: A law book with overlays (e.g. a provincial standard); national by default.

    Raises:
        NoStandardInForce: no standard is encoded for the date.
        TypeError: neither or both of ``on`` and ``list_year`` given.
        DeprivationConflict: deprivations were given and the household's facts
            contradict them.
        ParameterNotInForce: the household has facts and no review window is encoded
            for ``list_year``'s review.
    """
    compiled = compiled_for(on, list_year, law)
    return _classify_all((household,), compiled, _day(on, list_year), (on, list_year, law))[0]


def classify_many(
    households: Iterable[Household],
    on: date | None = None,
    *,
    list_year: int | None = None,
    law: LawBook | None = None,
) -> list[Classification]:
    """:func:`classify` for many households on one date (the standard is looked up once)."""
    compiled = compiled_for(on, list_year, law)
    return _classify_all(households, compiled, _day(on, list_year), (on, list_year, law))


def _day(on: date | None, list_year: int | None) -> date:
    return as_date(on) if on is not None else list_year_start(list_year or 0)


_new_tuple = tuple.__new__
_NONE: frozenset[Deprivation] = frozenset()
_NON_POOR = PovertyStatus.NON_POOR

_Source = tuple[date | None, int | None, LawBook | None]
"""``on``, ``list_year`` and ``law`` as given: where ages are counted, if facts need it."""


def _classify_all(
    households: Iterable[Household], compiled: CompiledStandard, on: date, source: _Source
) -> list[Classification]:
    """The one classification loop, for one household or a million.

    Households without facts (most records) take the path below, written for speed:
    names bound once, the decision table read inline (as :func:`~vnlabor.poverty.rule.
    match_band` would), the result built with ``tuple.__new__`` itself (NamedTuple's
    generated ``__new__`` is a Python function).
    """
    standard, law, bands = compiled.standard, compiled.law, compiled.bands
    indicators = compiled.indicators
    out: list[Classification] = []
    append = out.append
    for household in households:
        if household.__class__ is not Household and not isinstance(household, Household):
            raise VnlaborTypeError(
                "household phải là một Household / household must be a vnlabor.Household, "
                f"not {type(household).__name__} (validate a dict with Household.model_validate)"
            )
        if (
            (household.dwelling is not None or household.members) and household.has_survey_facts
        ) or household.unknown_indicators:
            append(_classify_open(household, compiled, on, source))
            continue
        deprived = household.deprivations
        # Usually every indicator is one the standard counts: keep the set, don't copy it.
        counted = deprived if deprived <= indicators else indicators.intersection(deprived)
        income, count = household.monthly_income_per_capita, len(counted)
        for band in bands[household.area]:
            if income <= band[0] and count >= band[1]:  # ceiling, min_deprivations
                status = band[2]
                break
        else:
            band, status = None, _NON_POOR
        append(
            _new_tuple(
                Classification,
                (household, on, standard, status, counted, band, law, _NONE, None, None),
            )
        )
    return out


def _classify_open(
    household: Household, compiled: CompiledStandard, on: date, source: _Source
) -> Classification:
    """A household whose indicators may be open: assessed from facts, or stated unknown.

    Given deprivations (``deprivations``), indicators stated unknown
    (``unknown_indicators``) and facts combine so that nothing is guessed: an indicator
    given as deprived is deprived, one stated unknown is what the facts decide or else
    undetermined, and, when deprivations were given, any other is not deprived (the
    surveyor's finding settles what the facts leave open, never overrules what they
    decide). Without deprivations given, the facts decide every indicator they can.
    """
    indicators = compiled.indicators
    unknown = household.unknown_indicators & indicators
    assessment = None
    if (household.dwelling is not None or household.members) and household.has_survey_facts:
        given_on, list_year, law = source
        reference = (
            as_date(given_on)
            if given_on is not None
            else review_reference_date(list_year or 0, law)
        )
        assessment = assess_compiled(household, compiled, reference)
    if assessment is None:
        counted = household.deprivations & indicators
        undetermined = unknown
    elif household.deprivations_given:
        given = household.deprivations & indicators
        not_given = assessment.deprived - given - unknown
        contradicted = given & assessment.not_deprived
        if not_given or contradicted:
            order = compiled.standard.indicators
            raise DeprivationConflict(
                household.household_id,
                tuple(i.value for i in order if i in not_given),
                tuple(i.value for i in order if i in contradicted),
                given=tuple(i.value for i in order if i in given),
                derived=tuple(i.value for i in order if i in assessment.deprived),
            )
        counted = given | (assessment.deprived & unknown)
        undetermined = assessment.undetermined & unknown
    else:
        counted, undetermined = assessment.deprived, assessment.undetermined
    bands = compiled.bands[household.area]
    income = household.monthly_income_per_capita
    # Status only grows with the count, but the set is tiny: list every outcome.
    possible = frozenset(
        PovertyStatus.NON_POOR if (b := match_band(income, n, bands)) is None else b.status
        for n in range(len(counted), len(counted) + len(undetermined) + 1)
    )
    if len(possible) == 1:
        band = match_band(income, len(counted), bands)
        (status,) = possible
        kept: frozenset[PovertyStatus] | None = None
    else:
        band, status, kept = None, PovertyStatus.UNDETERMINED, possible
    return _new_tuple(
        Classification,
        (
            household,
            on,
            compiled.standard,
            status,
            counted,
            band,
            compiled.law,
            undetermined,
            kept,
            assessment,
        ),
    )


def _unique(citations: tuple[Citation, ...], law: LawBook | None) -> tuple[Citation, ...]:
    """``citations`` without repeats, memoised by identity in the law book they come from.

    Hashing a pydantic model hashes all its fields, which would cost more than the
    whole decision; the few combinations a standard produces are deduplicated once per
    book. The memo entry keeps the citations alive, so their ids are never reused, and
    it goes with the book.
    """
    memo: dict[tuple[int, ...], tuple[tuple[Citation, ...], tuple[Citation, ...]]]
    memo = (law or national()).memo("poverty.unique_citations", dict)
    key = tuple(map(id, citations))
    entry = memo.get(key)
    if entry is None:
        entry = memo[key] = (citations, tuple(dict.fromkeys(citations)))
    return entry[1]


def _reasons(c: Classification) -> tuple[Reason, ...]:
    s, area = c.standard, c.area
    cites = s.citations
    line_key = f"poverty.income_line.{area.value}"
    band = c.band
    reasons = [
        Reason(
            key="poverty.reason.standard",
            values={
                "standard": s.key,
                "first": s.valid_from,
                "last": s.valid_to,
            },
            citation=cites["poverty.standard"],
        )
    ]
    assessment = c.assessment
    if assessment is not None:
        if c.household.deprivations_given:
            reasons.append(
                Reason(key="poverty.reason.given_agree_with_facts", values={"date": assessment.on})
            )
        else:
            reasons.append(
                Reason(
                    key="poverty.reason.assessed",
                    values={
                        "date": assessment.on,
                        "deprived": tuple(i for i in s.indicators if i in assessment.deprived),
                        "undetermined": tuple(
                            i for i in s.indicators if i in assessment.undetermined
                        ),
                    },
                )
            )
    if band is not None and band.reason == "poor_unconditional":
        assert s.unconditional_poor_line is not None
        reasons.append(
            Reason(
                key="poverty.reason.income_at_or_below_unconditional_line",
                values={"income_vnd": c.income, "line_vnd": s.unconditional_poor_line[area]},
                citation=cites[f"poverty.unconditional_poor_line.{area.value}"],
            )
        )
    elif c.income <= c.income_line:
        reasons.append(
            Reason(
                key="poverty.reason.income_at_or_below_line",
                values={"income_vnd": c.income, "line_vnd": c.income_line},
                citation=cites[line_key],
            )
        )
        values: dict[str, ReasonValue] = {
            "count": c.deprivation_count,
            "total": len(s.indicators),
            "cutoff": s.deprivation_cutoff,
            "indicators": tuple(i for i in s.indicators if i in c.deprivations_counted),
        }
        if c.status is PovertyStatus.UNDETERMINED:
            key = "poverty.reason.deprivations_undetermined"
            undetermined = tuple(i for i in s.indicators if i in c.undetermined)
            values |= {
                "open": len(undetermined),
                "undetermined": undetermined,
                "statuses": tuple(p for p in PovertyStatus if p in c.possible),
            }
        elif c.deprivation_count >= s.deprivation_cutoff:
            key = "poverty.reason.deprivations_at_least_cutoff"
        else:
            key = "poverty.reason.deprivations_below_cutoff"
        reasons.append(Reason(key=key, values=values, citation=cites["poverty.deprivation_cutoff"]))
    else:
        reasons.append(
            Reason(
                key="poverty.reason.income_above_line",
                values={"income_vnd": c.income, "line_vnd": c.income_line},
                citation=cites[line_key],
            )
        )
        if s.average_living_standard_line is None:
            reasons.append(Reason(key="poverty.reason.no_average_band"))
        else:
            top = s.average_living_standard_line[area]
            reasons.append(
                Reason(
                    key="poverty.reason.within_average_band"
                    if c.income <= top
                    else "poverty.reason.above_average_band",
                    values={"income_vnd": c.income, "top_vnd": top},
                    citation=cites[f"poverty.average_living_standard_line.{area.value}"],
                )
            )
    if c.undetermined and c.status is not PovertyStatus.UNDETERMINED:
        reasons.append(
            Reason(
                key="poverty.reason.undetermined_not_deciding",
                values={"undetermined": tuple(i for i in s.indicators if i in c.undetermined)},
            )
        )
    ignored = c.deprivations_ignored
    if ignored:
        reasons.append(
            Reason(
                key="poverty.reason.indicators_not_counted",
                values={"count": len(ignored), "indicators": tuple(sorted(ignored))},
                citation=cites["poverty.indicators"],
            )
        )
    return tuple(reasons)
