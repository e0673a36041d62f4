"""Test-wide settings."""

import os

import pytest
from hypothesis import settings

# Speed is measured in benchmarks (benchmarks/), never in tests: no example may fail for
# being slow on a loaded machine, so hypothesis's per-example deadline is off everywhere.
settings.register_profile("vnlabor", deadline=None)
settings.load_profile("vnlabor")


if os.environ.get("MUTANT_UNDER_TEST"):  # a mutmut run (see [tool.mutmut] in pyproject)

    @pytest.fixture(autouse=True)
    def _fresh_law_book_memos() -> None:
        """Forget what the national book memoised (compiled standards, decision tables).

        Otherwise the first test to compile a standard would be the only one mutmut
        links to the compiling code, and a mutant there would meet a table built before
        it existed.
        """
        from vnlabor.law.book import national

        national()._cache.clear()
