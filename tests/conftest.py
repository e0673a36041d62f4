"""Test-wide settings."""

from hypothesis import settings

# Speed is measured in benchmarks (benchmarks/), never in tests: no example may fail for
# being slow on a loaded machine, so hypothesis's per-example deadline is off everywhere.
settings.register_profile("vnlabor", deadline=None)
settings.load_profile("vnlabor")
