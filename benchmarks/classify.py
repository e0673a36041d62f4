"""Throughput of household classification through the public API.

Prints, in one run on the same data:

* bare-pydantic baselines: validating plain pydantic models with no domain rules
  (what "just parsing the input" costs): one with the same fields and types as
  :class:`vnlabor.Household` (the baseline the aim is measured against), and one with
  only the three fields that decide the status (for reference);
* vnlabor: households built and validated (``TypeAdapter(list[Household])``) and
  classified (``classify_many``), per second, and its ratio to the baseline
  (aim: within 2.5x, i.e. at least 100,000 households/s on the reference machine);
* one applicant at a time: ``classify`` plus its structured reasons and citations
  (the explanation), and separately the rendered Vietnamese and English text —
  against the peer figure of about 1.3-3.5 ms for one OpenFisca simulation per
  household (aim: 100x faster);
* explanations at table speed: :func:`vnlabor.batch.explain` on a table of
  households (1,000,000 by default; ``--quick``: 20,000), the cost per explained
  household, in Vietnamese and English.

Usage: ``python benchmarks/classify.py [--quick] [--n N]``. Not a test: numbers vary by
machine and load; nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import random
from datetime import date

from _timing import best_of
from pydantic import BaseModel, TypeAdapter

import vnlabor as vl

OPENFISCA_PEER_SECONDS = 1.3e-3  # one OpenFisca simulation per household, measured here
OPENFISCA_PEER_HIGH = 3.5e-3  # the same, the slower end of the figures seen


class BareHousehold(BaseModel):
    """The same record as vl.Household in plain pydantic: no coercion, no errors reworded."""

    area: vl.Area
    monthly_income_per_capita: int
    deprivations: frozenset[vl.Deprivation] = frozenset()
    household_id: str | None = None
    size: int | None = None
    members: tuple[vl.Member, ...] = ()
    province_code: str | None = None
    commune_code: str | None = None
    ethnic_minority: bool | None = None
    surveyed_on: date | None = None
    dwelling: vl.Dwelling | None = None


class BareThreeFields(BaseModel):
    area: vl.Area
    monthly_income_per_capita: int
    deprivations: frozenset[vl.Deprivation] = frozenset()


def make_rows(n: int, seed: int = 7) -> list[dict[str, object]]:
    rng = random.Random(seed)
    indicators = [d.value for d in vl.Deprivation]
    return [
        {
            "area": rng.choice(("rural", "urban")),
            "monthly_income_per_capita": rng.randrange(0, 4_000_000),
            "deprivations": rng.sample(indicators, rng.randrange(0, 5)),
        }
        for _ in range(n)
    ]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="small sizes, for CI")
    ap.add_argument("--n", type=int, default=200_000)
    args = ap.parse_args()
    n = 5_000 if args.quick else args.n
    repeat = 5 if args.quick else 7
    on = date(2024, 3, 1)
    rows = make_rows(n)
    bare = TypeAdapter(list[BareHousehold])
    three = TypeAdapter(list[BareThreeFields])
    ours = TypeAdapter(list[vl.Household])

    # Interleaved, best of each: a load that comes and goes hits every side alike.
    t_bare = t_three = t_ours = float("inf")
    for _ in range(repeat):
        t_bare = min(t_bare, best_of(1, lambda: bare.validate_python(rows)))
        t_three = min(t_three, best_of(1, lambda: three.validate_python(rows)))
        t_ours = min(
            t_ours, best_of(1, lambda: vl.classify_many(ours.validate_python(rows), on=on))
        )
    print(f"households: {n:,}")
    print(f"bare pydantic, Household's fields : {n / t_bare:>10,.0f} /s  (the baseline)")
    print(f"bare pydantic, 3 deciding fields  : {n / t_three:>10,.0f} /s")
    print(
        f"vnlabor build+validate+classify   : {n / t_ours:>10,.0f} /s  "
        f"({t_ours / t_bare:.2f}x the baseline; {t_ours / t_three:.2f}x the 3-field one)"
    )

    households = ours.validate_python(rows[: min(n, 2_000)])
    k = len(households)

    def decide_and_explain() -> None:
        for hh in households:
            c = vl.classify(hh, on=on)
            c.reasons  # noqa: B018 - structured explanation
            c.citations  # noqa: B018

    per_decision = best_of(repeat, decide_and_explain) / k
    print(
        f"one decision + reasons            : {per_decision * 1e6:>7.1f} µs  "
        f"({OPENFISCA_PEER_SECONDS / per_decision:,.0f}x faster than the OpenFisca peer)"
    )
    for locale in ("vi", "en"):

        def render(locale: str = locale) -> None:
            for hh in households[:200]:
                vl.classify(hh, on=on).explain(locale)

        per_text = best_of(repeat, render) / min(k, 200)
        print(
            f"  + rendered text ({locale})           : {per_text * 1e6:>7.1f} µs  "
            f"({OPENFISCA_PEER_SECONDS / per_text:,.0f}-{OPENFISCA_PEER_HIGH / per_text:,.0f}x "
            "faster than one OpenFisca simulation)"
        )
    table_speed(20_000 if args.quick else 1_000_000, on)


def table_speed(n: int, on: date) -> None:
    """Explanations of a whole table through vnlabor.batch.explain."""
    try:
        import numpy as np

        import vnlabor.batch
    except ImportError:  # pragma: no cover - the batch engine needs numpy
        print("explanations at table speed: skipped (numpy not installed)")
        return
    rng = np.random.default_rng(11)
    columns: dict[str, object] = {
        "area": np.where(rng.random(n) < 0.6, "rural", "urban"),
        "monthly_income_per_capita": rng.integers(0, 4_000_000, n),
    }
    standard = vl.standard_in_force(on)
    for indicator in standard.indicators:
        columns[indicator.value] = rng.random(n) < 0.12
    for locale in ("vi", "en"):

        def run(locale: str = locale) -> None:
            vnlabor.batch.explain(columns, on=on, locale=locale)

        seconds = best_of(1, run)
        print(
            f"explained households, table ({locale}) : {seconds / n * 1e6:>7.1f} µs each "
            f"({n:,} households in {seconds:.1f} s)"
        )


if __name__ == "__main__":
    main()
