"""Every scenario of ``tests/scenarios/*.toml`` decides as it says (one parametrised test)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest

from scenarios import Case, Result, Window, cite, decide, load_cases
from vnlabor.poverty.assessment import DeprivationAssessment
from vnlabor.poverty.classification import Classification
from vnlabor.programmes import Budget, Decision, LoanDecision, TrainingDecision

CASES = load_cases()


def test_there_are_scenarios_for_every_rule() -> None:
    rules = {c.rule for c in CASES}
    assert rules >= {
        "training",
        "abroad",
        "abroad_employment_law",
        "abroad_loan",
        "job_connection",
        "counsellor",
        "budget",
        "classify",
        "assess_deprivations",
        "newly_escaped",
    }
    names = [c.id for c in CASES]
    assert len(names) == len(set(names)), "two cases of a file share a name"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_scenario(case: Case) -> None:
    expect = case.expect
    assert expect, f"{case.id}: no [case.expect]"
    if "error" in expect:
        with pytest.raises(Exception) as info:  # noqa: PT011 - the class is checked by name
            decide(case)
        assert type(info.value).__name__ == expect["error"]
        if "message" in expect:
            assert expect["message"] in str(info.value)
        return
    result = decide(case)
    check(result, expect)


def check(result: Result, expect: Mapping[str, Any]) -> None:
    """Compare every key the case gives; unknown keys are an error in the case."""
    if isinstance(result, Decision):
        _decision(result, dict(expect))
    elif isinstance(result, Classification):
        _classification(result, dict(expect))
    elif isinstance(result, DeprivationAssessment):
        _assessment(result, dict(expect))
    elif isinstance(result, Window):
        expect = dict(expect)
        assert result.newly_escaped is expect.pop("newly_escaped")
        assert result.until == expect.pop("until", result.until)
        assert not expect, f"unknown expectations: {sorted(expect)}"
    else:
        _budget(result, dict(expect))


def _pop_reasons(reasons: tuple[Any, ...], expect: dict[str, Any]) -> None:
    if "reasons" in expect:
        assert [r.key for r in reasons] == expect.pop("reasons")
    for key, values in expect.pop("reason_values", {}).items():
        found = [r for r in reasons if r.key == key]
        assert found, f"no reason {key}"
        shown = {k: _plain(v) for k, v in found[0].values.items()}
        assert shown == values, key


def _plain(value: Any) -> Any:
    """A reason value as a scenario writes it (enum members by value, dates as dates)."""
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return getattr(value, "value", value)


def _decision(d: Decision, expect: dict[str, Any]) -> None:
    assert d.outcome.value == expect.pop("outcome")
    items = {i.kind.value: i.amount for i in d.items}
    assert len(items) == len(d.items), "an item kind appears twice"
    assert items == expect.pop("items", {})
    assert d.total == sum(items.values())
    if "total" in expect:
        assert d.total == expect.pop("total")
    for kind, cap in expect.pop("caps", {}).items():  # "none": paid without a cap
        found = next(i.cap for i in d.items if i.kind.value == kind)
        assert found == (None if cap == "none" else cap), kind
    for kind, where in expect.pop("cites", {}).items():
        item = next(i for i in d.items if i.kind.value == kind)
        assert cite(item.citation) == where, kind
    for kind, where in expect.pop("provincial_cites", {}).items():
        item = next(i for i in d.items if i.kind.value == kind)
        assert item.provincial_citation is not None, kind
        assert cite(item.provincial_citation) == where, kind
    for kind, unit in expect.pop("units", {}).items():
        assert next(i.unit for i in d.items if i.kind.value == kind).value == unit, kind
    for kind, name in expect.pop("parameters_of_items", {}).items():
        assert next(i.parameter for i in d.items if i.kind.value == kind) == name, kind
    assert list(d.missing) == expect.pop("missing", [])
    assert [k.value for k in d.pending] == expect.pop("pending", [])
    member = d.category_member
    assert (None if member is None else member.value) == expect.pop("category", None)
    if isinstance(d, TrainingDecision) and "categories" in expect:
        assert [c.value for c in d.categories] == expect.pop("categories")
    if isinstance(d, LoanDecision) and "collateral_required" in expect:
        assert d.collateral_required is expect.pop("collateral_required")
    if "groups" in expect:
        assert [g.value for g in getattr(d, "groups", ())] == expect.pop("groups")
    if "confidence" in expect:
        assert d.confidence.value == expect.pop("confidence")
    if "citations" in expect:
        assert list(dict.fromkeys(cite(c) for c in d.citations)) == expect.pop("citations")
    if "parameters" in expect:
        assert {p.name: _plain(p.value) for p in d.parameters} == expect.pop("parameters")
    _pop_reasons(d.reasons, expect)
    assert not expect, f"unknown expectations: {sorted(expect)}"


def _classification(c: Classification, expect: dict[str, Any]) -> None:
    assert c.status.value == expect.pop("status")
    if "standard" in expect:
        assert c.standard.key == expect.pop("standard")
    if "deprivation_count" in expect:
        assert c.deprivation_count == expect.pop("deprivation_count")
    if "income_line" in expect:
        assert c.income_line == expect.pop("income_line")
    if "possible" in expect:
        assert sorted(s.value for s in c.possible) == sorted(expect.pop("possible"))
    if "deciding" in expect:
        assert sorted(i.value for i in c.deciding) == sorted(expect.pop("deciding"))
    if "citations" in expect:
        assert list(dict.fromkeys(cite(x) for x in c.citations)) == expect.pop("citations")
    _pop_reasons(c.reasons, expect)
    assert not expect, f"unknown expectations: {sorted(expect)}"


def _assessment(a: DeprivationAssessment, expect: dict[str, Any]) -> None:
    for name in ("deprived", "undetermined", "not_deprived"):
        if name in expect:
            assert sorted(i.value for i in getattr(a, name)) == sorted(expect.pop(name)), name
    if "standard" in expect:
        assert a.standard.key == expect.pop("standard")
    assert not expect, f"unknown expectations: {sorted(expect)}"


def _budget(b: Budget, expect: dict[str, Any]) -> None:
    for name in ("cases", "not_eligible", "undetermined", "incomplete", "total"):
        if name in expect:
            assert getattr(b, name) == expect.pop(name), name
    if "items" in expect:
        assert {k.value: v for k, v in b.items.items()} == expect.pop("items")
    if "by_category" in expect:
        lines = {
            ("none" if line.category is None else line.category.value): [line.cases, line.total]
            for line in b.by_category
        }
        assert lines == expect.pop("by_category")
    assert not expect, f"unknown expectations: {sorted(expect)}"


PROGRAMME_CASES = [
    c
    for c in CASES
    if c.rule not in ("classify", "assess_deprivations", "newly_escaped")
    and "error" not in c.expect
]
PREFIXES = ("training.", "abroad.", "employment.")


@pytest.mark.parametrize("case", PROGRAMME_CASES, ids=[c.id for c in PROGRAMME_CASES])
def test_each_parameter_is_read_from_the_book_once(
    case: Case, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Lookup is the only reader: every programme parameter comes from the book once per
    # decision, whatever the unknown facts the rule weighs.
    from vnlabor.law.book import LawBook

    reads: list[str] = []
    find = LawBook.find

    def counting(self: LawBook, name: str, on: Any) -> Any:
        if name.startswith(PREFIXES):
            reads.append(name)
        return find(self, name, on)

    monkeypatch.setattr(LawBook, "find", counting)
    parts = case.table["of"] if case.rule == "budget" else [case.table]
    for table in parts:
        reads.clear()
        part = Case(case.file, case.name, table["rule"], table.get("on"), table)
        decide(part)
        assert reads, "the rule read no programme parameter"
        assert len(reads) == len(set(reads)), sorted(n for n in reads if reads.count(n) > 1)
