"""The layers hold and no package has an import circle: pyproject.toml's contracts.

CI runs ``lint-imports``; this runs the same contracts with the test suite, so a
developer sees an upward import (function-level and ``TYPE_CHECKING`` ones included)
before pushing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from importlinter.cli import lint_imports

ROOT = Path(__file__).resolve().parents[1]


def test_import_contracts_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    code = lint_imports(config_filename=str(ROOT / "pyproject.toml"), no_cache=True, no_logo=True)
    assert code == 0, capsys.readouterr().out
