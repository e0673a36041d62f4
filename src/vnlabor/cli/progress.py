"""The progress of a long command on standard error: rows done so far.

Shown only when standard error is a terminal and the run lasts over a second, so that
pipes, logs and quick runs stay clean.
"""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

__all__ = ["Progress"]


class Progress:
    """Rows done, on standard error when it is a terminal and the run lasts over a second.

    tqdm draws it when installed (``pip install "vnlabor[cli]"``); otherwise a plain
    count is rewritten in place.
    """

    def __init__(self, *, quiet: bool, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.on = not quiet and self.stream.isatty()
        self.done = 0
        self.start = time.monotonic()
        self.bar: Any = None
        if self.on:
            try:
                from tqdm import tqdm
            except ImportError:
                return
            self.bar = tqdm(unit=" rows", unit_scale=True, delay=1.0, file=self.stream, leave=False)

    def update(self, rows: int) -> None:
        """Count ``rows`` more done."""
        self.done += rows
        if not self.on:
            return
        if self.bar is not None:
            self.bar.update(rows)
        elif time.monotonic() - self.start > 1.0:
            self.stream.write(f"\r{self.done:,} rows…")
            self.stream.flush()

    def close(self) -> None:
        """Take the progress off the terminal."""
        if self.bar is not None:
            self.bar.close()
        elif self.on and time.monotonic() - self.start > 1.0:
            self.stream.write("\r" + " " * 30 + "\r")
