"""Griffe extension: render vnlabor's docstrings cleanly in Markdown.

* vnlabor's docstrings carry doctests (run by ``pytest --doctest-modules``) outside any
  "Examples:" section. Markdown would read their ``>>>`` prompts as nested quotes; every
  such top-level block is fenced as ``pycon``. Indented blocks (inside a Google section
  such as ``Examples:``) are left to the docstring parser.
* Sphinx roles (``:class:`Ratio```, ``:func:`~vnlabor.poverty.classify```) become code
  spans showing the name (the last part after ``~``), as Sphinx would display them.

Only the rendering changes: the source docstrings are untouched.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(?:class|func|meth|mod|data|attr|exc|obj|const):`(~?)([^`]+)`")


def strip_roles(text: str) -> str:
    """Replace Sphinx cross-reference roles by code spans.

    >>> strip_roles("see :func:`~vnlabor.poverty.classify` and :class:`Ratio`")
    'see `classify` and `Ratio`'
    """

    def show(match: re.Match[str]) -> str:
        target = match.group(2)
        return f"`{target.rsplit('.', 1)[-1] if match.group(1) else target}`"

    return _ROLE.sub(show, text)


def fence_doctests(text: str) -> str:
    r"""Wrap each unindented ``>>>`` block (prompt lines and expected output) in a fence.

    A block ends at a blank line, as in doctest itself; a blank line is added around
    the fence so Markdown sees it as a block.

    >>> fence_doctests("Text.\n>>> 1 + 1\n2").splitlines()
    ['Text.', '', '```pycon', '>>> 1 + 1', '2', '```']
    """
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        if not lines[i].startswith(">>>"):
            out.append(lines[i])
            i += 1
            continue
        block = []
        while i < len(lines) and lines[i].strip():
            block.append(lines[i])
            i += 1
        if out and out[-1].strip():
            out.append("")
        out += ["```pycon", *block, "```", ""]
    return "\n".join(out).rstrip("\n")


class FenceDoctests(griffe.Extension):
    """Fence the doctest blocks and strip the Sphinx roles of every docstring."""

    def on_object(self, *, obj: griffe.Object, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Rewrite the object's docstring once the tree is built."""
        _rewrite(obj)

    def on_package(self, *, pkg: griffe.Module, loader: griffe.GriffeLoader, **kwargs: Any) -> None:
        """Rewrite the root package's docstring, which ``on_object`` never sees."""
        _rewrite(pkg)


def _rewrite(obj: griffe.Object) -> None:
    if obj.docstring is not None:
        obj.docstring.value = fence_doctests(strip_roles(obj.docstring.value))
