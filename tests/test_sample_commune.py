"""The synthetic commune's sheets are exactly what their seeded script writes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_the_committed_sheets_match_the_script() -> None:
    script = ROOT / "scripts" / "make_sample_commune.py"
    done = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
