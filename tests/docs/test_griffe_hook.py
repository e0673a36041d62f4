"""The docs' griffe extension renders every docstring of the API reference cleanly."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

griffe = pytest.importorskip("griffe")

ROOT = Path(__file__).resolve().parents[2]


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "griffe_doctest", ROOT / "docs" / "hooks" / "griffe_doctest.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_root_package_docstring_is_fenced_and_role_free() -> None:
    # griffe's on_object hook never sees the root package: the index page of the API
    # reference showed its doctest as nested quotes and its :mod: roles raw.
    hook = _hook()
    package = griffe.load(
        "vnlabor",
        search_paths=[str(ROOT / "src")],
        extensions=griffe.load_extensions(hook.FenceDoctests()),
    )
    for obj in (package, package["poverty.rule"]):
        text = obj.docstring.value
        assert ":mod:`" not in text
        assert ":attr:`" not in text
        assert "```pycon\n>>> " in text
