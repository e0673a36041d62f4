"""Regenerate the explanation snapshots of the scenario tests.

Every case of ``tests/scenarios/*.toml`` is decided and its explanation rendered in
Vietnamese and English into ``tests/snapshots/<file>.<locale>.txt``, which
``tests/scenarios/test_snapshots.py`` compares. Run it after a change to a rule, a
message or the law data, then review the diff (``git diff tests/snapshots``) as you
would review the change itself::

    python scripts/update_snapshots.py          # rewrite the snapshots
    python scripts/update_snapshots.py --check  # exit 1 if any would change
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "scenarios"))

from scenarios import LOCALES, SNAPSHOTS, load_cases, snapshot


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) every snapshot; the exit status says if any differ."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only, write nothing")
    args = parser.parse_args(argv)
    cases = load_cases()
    files = sorted({c.file for c in cases})
    wanted = {SNAPSHOTS / f"{file}.{locale}.txt" for file in files for locale in LOCALES}
    changed = [p for p in SNAPSHOTS.glob("*.txt") if p not in wanted]
    SNAPSHOTS.mkdir(exist_ok=True)
    for file in files:
        for locale in LOCALES:
            path = SNAPSHOTS / f"{file}.{locale}.txt"
            text = snapshot(file, locale, cases)
            if not path.exists() or path.read_text("utf-8") != text:
                changed.append(path)
                if not args.check:
                    path.write_text(text, "utf-8")
    if not args.check:
        for stale in (p for p in SNAPSHOTS.glob("*.txt") if p not in wanted):
            stale.unlink()
    for path in changed:
        print(("differs: " if args.check else "updated: ") + str(path))
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    raise SystemExit(main())
