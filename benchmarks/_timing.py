"""Timing helper shared by the benchmark scripts.

Unlike :mod:`timeit`, the garbage collector stays on: building many objects costs
collections too, and a throughput figure should include them.
"""

from __future__ import annotations

import time
from collections.abc import Callable


def best_of(repeat: int, fn: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs of ``fn``, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)
