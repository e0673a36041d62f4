"""The law layer stands below geography: vnlabor.geo cites law, never the reverse."""

from __future__ import annotations

import ast
from pathlib import Path

import vnlabor.law


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at run time or under ``TYPE_CHECKING``."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_law_does_not_import_geo() -> None:
    package = Path(vnlabor.law.__file__).parent
    for path in sorted(package.rglob("*.py")):
        geo = {m for m in _imports(path) if m == "vnlabor.geo" or m.startswith("vnlabor.geo.")}
        assert not geo, f"{path.relative_to(package)} imports {sorted(geo)}"
