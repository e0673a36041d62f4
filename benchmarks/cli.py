"""``vnlabor classify`` on a generated household CSV, against ``pandas.read_csv`` of it.

Writes a CSV file as a commune's export looks (Vietnamese area words, amounts grouped
with ``.``, a ``deprivations`` column, a note), then times, on the same file:

* ``pandas.read_csv`` (reading alone: the floor any tool that reads the file pays);
* ``vnlabor classify FILE --on DATE --output OUT.csv --quiet`` run in this process
  (reading, checking every cell through the table contract, classifying, writing);
* the same with ``--explain`` (every household's explanation in Vietnamese);

and prints the ratio of each to the pandas time (aim: within 3x for ``classify``), and
the rows per second. Peak memory is bounded by the block size, not the file's.

Usage: ``python benchmarks/cli.py [--quick] [--n N]`` (default 1,000,000 rows;
``--quick``: 50,000, for CI). Needs numpy and pandas. Not a test: numbers vary by
machine and load; nothing here asserts a speed.
"""

from __future__ import annotations

import argparse
import csv
import random
import tempfile
from pathlib import Path

import pandas as pd
from _timing import best_of

from vnlabor.cli import main as vnlabor_main

AREAS = ("nông thôn", "thành thị", "rural", "urban", "Nông thôn")
INDICATORS = ("health_insurance", "nutrition", "housing_area", "employment", "domestic_water")


def make_csv(path: Path, n: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            ["household_id", "area", "monthly_income_per_capita", "deprivations", "ghi chú"]
        )
        for i in range(n):
            income = f"{rng.randrange(0, 4_000_000):,}".replace(",", ".")
            deprived = ";".join(rng.sample(INDICATORS, rng.randrange(0, 4)))
            writer.writerow([f"H{i:07d}", rng.choice(AREAS), income, deprived, ""])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="50,000 rows, for CI")
    ap.add_argument("--n", type=int, default=1_000_000)
    args = ap.parse_args()
    n = 50_000 if args.quick else args.n
    repeat = 2 if args.quick else 3
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "households.csv"
        out = Path(folder) / "status.csv"
        make_csv(source, n)
        size = source.stat().st_size

        def classify(*extra: str) -> None:
            code = vnlabor_main(
                [
                    "classify",
                    str(source),
                    "--on",
                    "2024-03-01",
                    "--output",
                    str(out),
                    "--quiet",
                    *extra,
                ]
            )
            assert code == 0, code

        t_pandas = best_of(repeat, lambda: pd.read_csv(source))
        t_classify = best_of(repeat, classify)
        t_explain = best_of(1, lambda: classify("--explain"))
        with out.open(encoding="utf-8", newline="") as handle:
            rows = sum(1 for _ in csv.reader(handle)) - 1
        assert rows == n, rows
    print(f"rows: {n:,} ({size / 1e6:.1f} MB of CSV; pandas {pd.__version__})")
    print(f"pandas.read_csv                 : {t_pandas:7.2f} s  ({n / t_pandas:>12,.0f} rows/s)")
    print(
        f"vnlabor classify                : {t_classify:7.2f} s  ({n / t_classify:>12,.0f} rows/s)"
        f"  {t_classify / t_pandas:6.1f}x pandas.read_csv (aim: 3x)"
    )
    print(
        f"vnlabor classify --explain      : {t_explain:7.2f} s  ({n / t_explain:>12,.0f} rows/s)"
        f"  {t_explain / t_pandas:6.1f}x pandas.read_csv"
    )


if __name__ == "__main__":
    main()
