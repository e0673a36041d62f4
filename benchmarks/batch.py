"""Throughput of the columnar engine, :func:`vnlabor.batch.classify`.

Prints households classified per second on the same random table given as:

* a pandas DataFrame with one boolean column per indicator (aim: at least 5 million
  rows/s on the reference machine): the categorical Series of statuses;
* the same through :func:`vnlabor.batch.status_codes` (bare int8 codes), to compare;
* the same with ``errors="report"`` (good rows classified, bad rows listed);
* a pandas DataFrame with a ``deprivations`` text column (``"nutrition;housing_area"``);
* a DataFrame as a commune exports it: Vietnamese headers, amounts as text
  (``"1.500.000"``), indicator columns marked ``x``/``không``;
* a pyarrow Table with boolean indicator columns (read in bounded chunks);

and, for each, the time the whole country would take (about 27 million households).
A small sample is checked against the scalar :func:`vnlabor.classify` first.

Usage: ``python benchmarks/batch.py [--quick] [--n N]`` (default 1,000,000 rows;
``--quick``: 50,000, for CI). Needs numpy, pandas and pyarrow. Not a test: numbers vary
by machine and load; nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
from _timing import best_of

import vnlabor as vl
import vnlabor.batch

COUNTRY_HOUSEHOLDS = 27_000_000  # households in Viet Nam, order of magnitude


def make_frame(n: int, seed: int = 7) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    columns: dict[str, Any] = {
        "household_id": np.arange(n),
        "area": np.where(rng.random(n) < 0.6, "rural", "urban"),
        "monthly_income_per_capita": rng.integers(0, 4_000_000, n),
    }
    for indicator in vl.Deprivation:
        columns[indicator.value] = rng.random(n) < 0.15
    return pd.DataFrame(columns)


def with_text_column(frame: pd.DataFrame) -> pd.DataFrame:
    names = [d.value for d in vl.Deprivation]
    flags = frame[names].to_numpy()
    # Few distinct combinations matter here: the engine parses each distinct text once.
    text = pd.Series([""] * len(frame), index=frame.index)
    for name, column in zip(names, flags.T, strict=True):
        text = text.where(~column, text + name + ";")
    return frame.drop(columns=names).assign(deprivations=text)


def as_exported(frame: pd.DataFrame) -> pd.DataFrame:
    """Vietnamese headers, text amounts, indicators marked "x" or "không".

    (An empty indicator cell would state the indicator unknown, not "not deprived".)
    """
    out = pd.DataFrame(
        {
            "Mã hộ": frame["household_id"].map("H{:07d}".format),
            "Khu vực": frame["area"].map({"rural": "nông thôn", "urban": "thành thị"}),
            "Thu nhập bình quân đầu người/tháng": frame["monthly_income_per_capita"].map(
                lambda v: f"{v:,}".replace(",", ".")
            ),
        }
    )
    for indicator in vl.Deprivation:
        out[vl.l10n.label(indicator)] = np.where(frame[indicator.value], "x", "không")
    return out


def report(label: str, n: int, seconds: float) -> None:
    country = seconds / n * COUNTRY_HOUSEHOLDS
    print(f"{label:<34}: {n / seconds:>13,.0f} rows/s   whole country ≈ {country:6.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="50,000 rows, for CI")
    ap.add_argument("--n", type=int, default=1_000_000)
    args = ap.parse_args()
    n = 50_000 if args.quick else args.n
    repeat = 2 if args.quick else 5
    on = date(2024, 3, 1)

    frame = make_frame(n)
    text = with_text_column(frame)
    exported = as_exported(frame)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    assert (
        vnlabor.batch.classify(exported, on=on).tolist()
        == vnlabor.batch.classify(frame, on=on).tolist()
    )

    sample = frame.iloc[:200]
    expected = [
        vl.classify(
            vl.Household(
                area=row.area,
                monthly_income_per_capita=row.monthly_income_per_capita,
                deprivations={d for d in vl.Deprivation if getattr(row, d.value)},
            ),
            on=on,
        ).status
        for row in sample.itertuples()
    ]
    assert vnlabor.batch.classify(sample, on=on).tolist() == expected

    print(f"households: {n:,} (pandas {pd.__version__}, pyarrow {pa.__version__})")
    cases: tuple[tuple[str, Callable[[], object]], ...] = (
        ("DataFrame, boolean columns", lambda: vnlabor.batch.classify(frame, on=on)),
        ("  same, status_codes (int8)", lambda: vnlabor.batch.status_codes(frame, on=on)),
        (
            "  same, errors='report'",
            lambda: vnlabor.batch.classify(frame, on=on, errors="report"),
        ),
        ("DataFrame, 'deprivations' text", lambda: vnlabor.batch.classify(text, on=on)),
        ("DataFrame as exported (vi, text)", lambda: vnlabor.batch.classify(exported, on=on)),
        ("pyarrow Table, boolean columns", lambda: vnlabor.batch.classify(table, on=on)),
    )
    for label, run in cases:
        report(label, n, best_of(repeat, run))
    series = vnlabor.batch.classify(frame, on=on)
    codes = vnlabor.batch.status_codes(frame, on=on)
    print(
        f"memory: categorical Series {series.memory_usage(deep=True, index=False) / n:.2f} "
        f"bytes/row, int8 codes {codes.nbytes / n:.2f} bytes/row (an object column: 8)"
    )


if __name__ == "__main__":
    main()
