"""Scenario cases written as data (``tests/scenarios/*.toml``), and how to decide them.

Each file holds ``[[case]]`` tables a policy reader can add to without Python::

    [[case]]
    name = "A near-poor rural woman 20 km from the site gets tuition, meals and travel"
    rule = "training"            # which rule decides (see RULES below)
    on = 2024-05-01              # the day whose law applies
    overlay = "hanoi-69-2024"    # optional: a bundled provincial overlay

    [case.subject]               # the person (Trainee, Worker, …), the household, …
    sex = "female"
    household_status = "near_poor"

    [case.claim]                 # what is claimed (Course, AbroadCosts), or claim = 80_000_000
    level = "under_3_months"
    cost = 5_000_000
    study_days = 30

    [case.facts]                 # the rule's other facts: distance_km, household
    distance_km = 20             # a string ("14.999") is read as an exact Decimal

    [case.expect]                # what the law gives (see test_scenarios.check)
    outcome = "eligible"
    items = { tuition = 2_500_000, meals = 900_000, travel = 200_000 }

An unknown fact is written as the text ``"unknown"`` (or, where the model's default is
unknown, left out).
``scripts/update_snapshots.py`` renders every case's explanation into
``tests/snapshots/<file>.<locale>.txt``; ``test_snapshots.py`` compares them.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from vnlabor.law import bundled_overlay, national
from vnlabor.law.book import LawBook
from vnlabor.law.citation import Citation
from vnlabor.model.course import Course
from vnlabor.model.household import Household
from vnlabor.model.trainee import Trainee
from vnlabor.model.worker import Worker
from vnlabor.poverty.assessment import DeprivationAssessment, assess_deprivations
from vnlabor.poverty.classification import Classification, classify
from vnlabor.poverty.newly_escaped import (
    explain_newly_escaped,
    is_newly_escaped,
    newly_escaped_until,
)
from vnlabor.programmes import (
    AbroadCosts,
    Budget,
    CounsellorMonth,
    Decision,
    JobPlacement,
    abroad_loan,
    abroad_support,
    abroad_support_employment_law,
    counsellor_fees,
    job_connection_support,
    training_support,
)

HERE = Path(__file__).parent
SNAPSHOTS = HERE.parent / "snapshots"
LOCALES = ("vi", "en")

# rule name -> (rule, model of the subject, model of the claim or None)
RULES: dict[str, tuple[Callable[..., Any], type[Any], type[Any] | None]] = {
    "training": (training_support, Trainee, Course),
    "abroad": (abroad_support, Worker, AbroadCosts),
    "abroad_employment_law": (abroad_support_employment_law, Worker, AbroadCosts),
    "abroad_loan": (abroad_loan, Worker, None),
    "job_connection": (job_connection_support, JobPlacement, None),
    "counsellor": (counsellor_fees, CounsellorMonth, None),
    "classify": (classify, Household, None),
    "assess_deprivations": (assess_deprivations, Household, None),
}


@dataclass(frozen=True)
class Window:
    """The newly-escaped window of a household on a day (rule ``newly_escaped``)."""

    escaped_on: date
    on: date
    newly_escaped: bool
    until: date
    law: LawBook

    def explain(self, locale: str) -> str:
        """:func:`~vnlabor.poverty.newly_escaped.explain_newly_escaped`."""
        return explain_newly_escaped(
            escaped_on=self.escaped_on, on=self.on, locale=locale, law=self.law
        )


Result = Decision | Classification | DeprivationAssessment | Budget | Window


@dataclass(frozen=True)
class Case:
    """One scenario: a subject on a day, and what the law gives."""

    file: str
    name: str
    rule: str
    on: date | None
    table: Mapping[str, Any]

    @property
    def expect(self) -> Mapping[str, Any]:
        """The expected outcome."""
        return self.table.get("expect", {})  # type: ignore[no-any-return]

    @property
    def id(self) -> str:
        """``file: name`` (the test id)."""
        return f"{self.file}: {self.name}"


def load_cases(files: list[Path] | None = None) -> list[Case]:
    """Every case of every scenario file, in file and case order."""
    cases = []
    for path in files or sorted(HERE.glob("*.toml")):
        data = tomllib.loads(path.read_text("utf-8"))
        for table in data.get("case", []):
            cases.append(Case(path.stem, table["name"], table["rule"], table.get("on"), table))
    return cases


def book_of(table: Mapping[str, Any]) -> LawBook:
    """The national book, with the case's overlay if it names one."""
    overlay = table.get("overlay")
    return national() if overlay is None else national().with_overlay(bundled_overlay(overlay))


def _model(model: type[Any], data: Mapping[str, Any]) -> Any:
    return model.model_validate({k: None if v == "unknown" else v for k, v in data.items()})


def decide(case: Case) -> Result:
    """Apply the case's rule (raises what the rule raises)."""
    table = case.table
    law = book_of(table)
    if case.rule == "budget":
        parts = [Case(case.file, case.name, t["rule"], t.get("on"), t) for t in table["of"]]
        decisions = [decide(part) for part in parts]
        assert all(isinstance(d, Decision) for d in decisions)
        return Budget.of(d for d in decisions if isinstance(d, Decision))
    if case.rule == "newly_escaped":
        escaped_on, on = table["subject"]["escaped_on"], case.on
        assert on is not None
        return Window(
            escaped_on,
            on,
            is_newly_escaped(escaped_on=escaped_on, on=on, law=law),
            newly_escaped_until(escaped_on, law),
            law,
        )
    fn, subject_model, claim_model = RULES[case.rule]
    subject = _model(subject_model, table.get("subject", {}))
    facts: dict[str, Any] = dict(table.get("facts", {}))
    if isinstance(facts.get("distance_km"), str):
        facts["distance_km"] = Decimal(facts["distance_km"])
    if "household" in facts:
        facts["household"] = _model(Household, facts["household"])
    if case.rule in ("classify", "assess_deprivations"):
        if "list_year" in table:
            return fn(subject, list_year=table["list_year"], law=law)  # type: ignore[no-any-return]
        return fn(subject, on=case.on, law=law)  # type: ignore[no-any-return]
    args = [subject]
    if "claim" in table or claim_model is not None:
        claim = table.get("claim", {})
        args.append(claim if claim_model is None else _model(claim_model, claim))
    return fn(*args, on=case.on, law=law, **facts)  # type: ignore[no-any-return]


def cite(citation: Citation) -> str:
    """A citation as ``"152/2016/TT-BTC Art. 7.1.a"`` (what a scenario writes)."""
    parts = [p for p in (citation.article, citation.clause, citation.point) if p]
    return f"{citation.instrument} Art. {'.'.join(parts)}" if parts else citation.instrument


def explanation(case: Case, result: Result, locale: str) -> str:
    """What a snapshot holds for a case: the explanation, then every citation in full."""
    law = book_of(case.table)
    cited: tuple[Citation, ...] = ()
    if isinstance(result, DeprivationAssessment | Budget | Window):
        text = result.explain(locale)
    else:
        text, cited = result.explain(locale), result.citations
    lines = [f"## {case.name}", text]
    lines += [f"  § {law.cite(c, locale)}" for c in cited]
    return "\n".join(lines)


def snapshot(file: str, locale: str, cases: list[Case] | None = None) -> str:
    """The snapshot text of one scenario file in one locale."""
    chosen = [c for c in (cases or load_cases()) if c.file == file]
    blocks = []
    for case in chosen:
        try:
            blocks.append(explanation(case, decide(case), locale))
        except Exception as exc:  # a case expecting an error: its message is the text
            blocks.append(f"## {case.name}\n{type(exc).__name__}: {exc}")
    return "\n\n".join(blocks) + "\n"
