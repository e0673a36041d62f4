"""Throughput of the review on whole tables: batch.assess_deprivations, then batch.classify.

A random household table (area, income, the dwelling's facts) and members table (about
3.5 members a household: birth date, sex and the review facts, about a tenth of each
fact left unknown) are generated as a provincial data office would hold them after the
survey: typed columns (nullable booleans, dates, categoricals of the codes). The script
prints households per second for

* ``assess``: :func:`vnlabor.batch.assess_deprivations` (2027 lists, Decree 351/2025);
* ``classify``: :func:`vnlabor.batch.classify` of the assessed indicators;

and the time the whole country would take at that rate (27 million households, about
95 million members). A small sample is checked against the scalar path first.

``--country`` runs the whole country for real, in chunks of ``--chunk`` households (with
their members) generated, assessed and classified one after the other, as a province-
by-province run would: the measured time and the peak memory of the process (resident
set size) are printed. A country-sized members table held at once (95 million rows of
about 20 columns, plus the engine's working columns) does not fit in this machine's
memory next to its neighbours; chunks keep memory bounded.

Usage: ``python benchmarks/review.py [--quick] [--n N] [--country [--chunk N]]``
(default 200,000 households; ``--quick``: 20,000, for CI). Needs numpy and pandas. Not
a test: numbers vary by machine and load; nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import resource
import time
from typing import Any

import numpy as np
import pandas as pd
from _timing import best_of

import vnlabor as vl
import vnlabor.batch
from vnlabor.model.person import MEMBER_SURVEY_FACTS
from vnlabor.table.cells import field_specs

COUNTRY_HOUSEHOLDS = 27_000_000  # households in Viet Nam, order of magnitude
MEMBERS_PER_HOUSEHOLD = 95 / 27  # about 95 million people
UNKNOWN_SHARE = 0.1  # facts left blank by the surveyor
WHEN: dict[str, Any] = {"list_year": 2027}


def _flags(rng: np.random.Generator, n: int, p_true: float) -> Any:
    return pd.arrays.BooleanArray(rng.random(n) < p_true, rng.random(n) < UNKNOWN_SHARE)


def _codes(rng: np.random.Generator, n: int, values: list[str]) -> pd.Categorical:
    codes = rng.integers(0, len(values), n)
    codes[rng.random(n) < UNKNOWN_SHARE] = -1  # NA
    return pd.Categorical.from_codes(codes, categories=values)


def make_tables(n: int, seed: int = 11, first_id: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``n`` households and their members, household IDs from ``first_id`` on."""
    rng = np.random.default_rng(seed)
    ids = np.arange(first_id, first_id + n, dtype=np.int64)
    area = rng.integers(15, 1200, n) / 10  # m², one decimal as surveyed
    households: dict[str, Any] = {
        "household_id": ids,
        "area": pd.Categorical.from_codes(
            (rng.random(n) < 0.35).astype(np.int8), ["rural", "urban"]
        ),
        "monthly_income_per_capita": rng.integers(0, 4_000_000, n),
        "floor_area_m2": np.where(rng.random(n) < UNKNOWN_SHARE, np.nan, area),
    }
    for name, spec in field_specs(vl.Dwelling).items():
        if spec.kind == "bool":
            households[name] = _flags(rng, n, 0.8)
        elif spec.kind == "enum":
            assert spec.enum is not None
            households[name] = _codes(rng, n, [m.value for m in spec.enum])
    households["information_devices"] = _codes(
        rng, n, ["smartphone", "television;radio", "computer;smartphone", "none"]
    )
    size = np.maximum(1, rng.poisson(MEMBERS_PER_HOUSEHOLD - 1, n) + 1)
    m = int(size.sum())
    born = np.datetime64("1940-01-01") + rng.integers(0, 30_000, m).astype("timedelta64[D]")
    members: dict[str, Any] = {
        "household_id": np.repeat(ids, size),
        "birth_date": pd.array(born, dtype="datetime64[ns]"),
        "sex": _codes(rng, m, ["male", "female"]),
        "disabled": _flags(rng, m, 0.05),
    }
    specs = field_specs(vl.Member)
    for name in MEMBER_SURVEY_FACTS:
        spec = specs[name]
        if spec.kind == "bool":
            members[name] = _flags(rng, m, 0.7 if name == "health_insurance" else 0.2)
        else:
            assert spec.enum is not None
            members[name] = _codes(rng, m, [e.value for e in spec.enum])
    # At the expected school level only when not known to be out of school (the model's rule).
    out = members["in_school"].to_numpy(dtype=bool, na_value=True) == False  # noqa: E712
    members["at_expected_school_level"][out] = pd.NA
    return pd.DataFrame(households), pd.DataFrame(members)


def review(households: pd.DataFrame, members: pd.DataFrame) -> tuple[pd.DataFrame, Any]:
    found = vnlabor.batch.assess_deprivations(households, members, **WHEN)
    table = households[["household_id", "area", "monthly_income_per_capita"]].join(found)
    return found, vnlabor.batch.status_codes(table, **WHEN)


def check_sample(households: pd.DataFrame, members: pd.DataFrame) -> None:
    """The batch answers of 300 households are the scalar path's."""
    hh, mem = households.iloc[:300], members[members["household_id"] < 300]
    found, codes = review(hh, mem)
    from vnlabor.io import read_review

    scalar = read_review(hh.astype(object), mem.astype(object))
    assert not scalar.errors, scalar.errors[:3]
    for i, h in enumerate(scalar.households):
        c = vl.classify(h, **WHEN)
        assert c.assessment is not None
        row = found.iloc[i]
        assert {d.value for d in c.assessment.undetermined} == {
            k for k in found.columns if row[k] is pd.NA
        }
        assert vnlabor.batch.STATUS_BY_CODE[codes[i]] == c.status


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def rate(label: str, n: int, members: int, seconds: float) -> None:
    country = seconds / n * COUNTRY_HOUSEHOLDS
    print(
        f"{label:<10}: {n / seconds:>10,.0f} households/s ({members / seconds:>10,.0f} "
        f"members/s)   whole country ≈ {country / 60:6.1f} min"
    )


def country(chunk: int) -> None:
    print(
        f"whole country: {COUNTRY_HOUSEHOLDS:,} households in chunks of {chunk:,} "
        "(generated, assessed, classified one after the other)"
    )
    done = members_seen = 0
    spent_generating = spent_reviewing = 0.0
    counts = np.zeros(len(vnlabor.batch.STATUS_BY_CODE), dtype=np.int64)
    start = time.perf_counter()
    while done < COUNTRY_HOUSEHOLDS:
        n = min(chunk, COUNTRY_HOUSEHOLDS - done)
        t0 = time.perf_counter()
        households, members = make_tables(n, seed=done, first_id=done)
        t1 = time.perf_counter()
        _, codes = review(households, members)
        t2 = time.perf_counter()
        counts += np.bincount(codes[codes >= 0], minlength=counts.shape[0])
        spent_generating += t1 - t0
        spent_reviewing += t2 - t1
        done += n
        members_seen += len(members)
        del households, members
        print(
            f"  {done:>12,} households, {members_seen:>12,} members: review "
            f"{spent_reviewing:7.1f} s, peak memory {peak_memory_mb():,.0f} MB",
            flush=True,
        )
    wall = time.perf_counter() - start
    print(
        f"measured: {done:,} households and {members_seen:,} members reviewed in "
        f"{spent_reviewing:.1f} s ({spent_reviewing / 60:.1f} min; "
        f"{done / spent_reviewing:,.0f} households/s), plus {spent_generating:.1f} s "
        f"generating the tables ({wall:.1f} s wall); peak memory {peak_memory_mb():,.0f} MB"
    )
    shown = ", ".join(
        f"{s.value} {int(k):,}" for s, k in zip(vnlabor.batch.STATUS_BY_CODE, counts, strict=True)
    )
    print(f"statuses: {shown}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="20,000 households, for CI")
    ap.add_argument("--n", type=int, default=200_000, help="households (default 200,000)")
    ap.add_argument("--country", action="store_true", help="27 million households, in chunks")
    ap.add_argument("--chunk", type=int, default=1_000_000, help="households per chunk")
    args = ap.parse_args()
    n = 20_000 if args.quick else args.n
    repeat = 2 if args.quick else 3
    households, members = make_tables(n)
    check_sample(households, members)
    print(f"households: {n:,}, members: {len(members):,} (pandas {pd.__version__})")
    found = vnlabor.batch.assess_deprivations(households, members, **WHEN)
    table = households[["household_id", "area", "monthly_income_per_capita"]].join(found)
    assess = best_of(repeat, lambda: vnlabor.batch.assess_deprivations(households, members, **WHEN))
    classify = best_of(repeat, lambda: vnlabor.batch.status_codes(table, **WHEN))
    rate("assess", n, len(members), assess)
    rate("classify", n, len(members), classify)
    rate("both", n, len(members), assess + classify)
    print(f"peak memory: {peak_memory_mb():,.0f} MB")
    if args.country:
        del households, members, found, table
        country(args.chunk)


if __name__ == "__main__":
    main()
