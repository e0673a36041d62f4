"""Every ``>>>`` example of the documentation runs and prints what the page shows.

Each page under ``docs/`` is one session: its ```` ```pycon ```` blocks run in order
with shared names, like a notebook, through :mod:`doctest`. A block preceded by a line
``<!-- requires: matplotlib -->`` (comma-separated module names) is skipped when one
of those optional modules is not installed. mkdocs is not needed.
"""

from __future__ import annotations

import doctest
import importlib.util
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs"
OPEN_FENCE = re.compile(r"^```pycon\s*$")
ANY_FENCE = re.compile(r"^```")
REQUIRES = re.compile(r"^<!--\s*requires:\s*([\w.,\s]+?)\s*-->$")
TUTORIALS = (
    "index.md",
    "tutorials/poverty.md",
    "tutorials/review.md",
    "tutorials/programmes.md",
    "tutorials/kpi.md",
    "tutorials/scenarios.md",
    "tutorials/io-and-cli.md",
    "tutorials/l10n.md",
)


@dataclass(frozen=True)
class Block:
    """One fenced console block of a page."""

    line: int  # 0-based line of its first example, as doctest counts
    text: str
    requires: tuple[str, ...]


class SpacesChecker(doctest.OutputChecker):
    """Read the non-breaking and thin spaces of the output as the page's plain spaces.

    Amounts formatted by babel hold U+00A0 or U+202F between number and currency; a
    page shows them as ordinary spaces (``doctest.NORMALIZE_WHITESPACE`` cannot help:
    doctest escapes non-ASCII characters before comparing).
    """

    SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})

    def check_output(self, want: str, got: str, optionflags: int) -> bool:
        return super().check_output(want, got.translate(self.SPACES), optionflags)


def pages() -> list[Path]:
    return sorted(p for p in DOCS.rglob("*.md") if "hooks" not in p.relative_to(DOCS).parts)


def blocks(page: Path) -> list[Block]:
    found: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        if not OPEN_FENCE.match(lines[i]):
            i += 1
            continue
        before = next((s.strip() for s in reversed(lines[:i]) if s.strip()), "")
        marker = REQUIRES.match(before)
        requires = tuple(m.strip() for m in marker.group(1).split(",")) if marker else ()
        start = i + 1
        i = start
        while i < len(lines) and not ANY_FENCE.match(lines[i]):
            i += 1
        found.append(Block(start, "\n".join(lines[start:i]) + "\n", requires))
        i += 1
    return found


def _id(page: Path) -> str:
    return page.relative_to(DOCS).as_posix()


@pytest.mark.parametrize("page", [p for p in pages() if blocks(p)], ids=_id)
def test_page_examples(page: Path) -> None:
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(checker=SpacesChecker(), optionflags=doctest.ELLIPSIS)
    report: list[str] = []
    globs: dict[str, object] = {"__name__": "__docs__"}
    skipped = 0
    for block in blocks(page):
        if any(importlib.util.find_spec(m) is None for m in block.requires):
            skipped += 1
            continue
        test = parser.get_doctest(block.text, globs, _id(page), str(page), block.line)
        runner.run(test, out=report.append, clear_globs=False)
        globs = test.globs  # DocTest copies its globals: carry them to the next block
    assert runner.failures == 0, "".join(report)
    assert runner.tries > 0 or skipped


def test_tutorials_have_examples() -> None:
    for name in TUTORIALS:
        assert blocks(DOCS / name), f"{name} has no ```pycon examples"


def test_every_prompt_is_in_a_tested_block() -> None:
    """A ``>>>`` outside a ```pycon fence would never run: keep examples honest."""
    for page in pages():
        inside = False
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            if OPEN_FENCE.match(line):
                inside = True
            elif ANY_FENCE.match(line):
                inside = False
            elif line.startswith(">>>") and not inside:
                pytest.fail(f"{_id(page)}:{number}: '>>>' outside a ```pycon block")
