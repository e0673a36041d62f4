"""CSV files as people have them, read as tables whose rows sit at their lines.

* **Encodings**: UTF-8, with or without a byte-order mark (Excel's "CSV UTF-8"), and
  UTF-16 with its mark (Excel's "Unicode Text", tab-separated). A file in another
  encoding (Windows-1258, Latin-1…) is a ``ValueError`` naming the first line that is
  not UTF-8 and the formats to save as. A *stray* byte that is not UTF-8 in an
  otherwise UTF-8 file only rejects its row.
* **Separators**: ``,``, ``;`` (Vietnamese Excel exports ``;``) or tab, sniffed from the
  header line.
* **Positions**: a row's position is the physical line it starts on, the header being
  line 1 (when the file starts with it): a quoted cell that spans lines makes the next
  row start further down, and blank lines count, as an editor numbers them.
* **Broken lines** become bad rows, never a lost file: a quote that is never closed
  rejects the line it opens on and reading goes on at the next line (instead of
  swallowing the rest of the file into one cell); so does a cell longer than
  :func:`csv.field_size_limit` (131,072 characters unless changed).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO, Final, TextIO

from vnlabor.io.table import Row, Table, Unreadable, split_header

__all__ = ["MAX_RECORD_LINES", "CsvFormat", "csv_rows", "open_csv", "sniff_csv"]

MAX_RECORD_LINES: Final = 1_000
"""A quoted cell spanning more lines than this is taken for a quote never closed."""

_PROBE: Final = 1 << 16  # bytes looked at to tell the encoding and the separator
_SAVE_AS = (
    "save it as 'CSV UTF-8' (UTF-8, with or without BOM) or 'Unicode Text' (UTF-16) / "
    "hãy lưu tệp dạng 'CSV UTF-8' hoặc 'Unicode Text'"
)
_NOT_UTF8 = "không phải văn bản UTF-8 / not UTF-8 text"
_UNTERMINATED = (
    "dấu ngoặc kép không được đóng / a quote opened on this line is never closed; the "
    "line is skipped and reading goes on at the next one"
)


class CsvFormat:
    """What :func:`sniff_csv` found: the encoding and the separator of a CSV file."""

    __slots__ = ("delimiter", "encoding")

    def __init__(self, encoding: str, delimiter: str) -> None:
        self.encoding = encoding
        self.delimiter = delimiter

    def __repr__(self) -> str:
        return f"CsvFormat(encoding={self.encoding!r}, delimiter={self.delimiter!r})"


def sniff_csv(path: str | Path) -> CsvFormat:
    """The encoding and separator of a CSV file, from its first 64 KiB.

    Raises:
        OSError: The file cannot be read.
        ValueError: Neither UTF-8 nor UTF-16 (the message names the first bad line).
    """
    path = Path(path)
    with path.open("rb") as handle:
        head = handle.read(_PROBE)
    encoding = _encoding(head, path)
    text = head.decode(encoding, errors="surrogateescape" if "8" in encoding else "replace")
    first = next((line for line in text.splitlines() if line.strip()), "")
    return CsvFormat(encoding, _delimiter(first))


def _encoding(head: bytes, path: Path) -> str:
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    elif b"\0" in head[:4096]:
        # UTF-16 without its mark: ASCII characters have a zero byte beside them.
        zeros_first = head[0:4096:2].count(0) > head[1:4096:2].count(0)
        return "utf-16-be" if zeros_first else "utf-16-le"
    else:
        encoding = "utf-8"
    _check_utf8(head, path)
    return encoding


def _check_utf8(head: bytes, path: Path) -> None:
    """Refuse a file whose start is mostly not UTF-8; leave stray bytes to the rows."""
    lines = head.splitlines()
    if len(head) == _PROBE and lines:
        lines = lines[:-1]  # the probe may cut the last line (and a character) in two
    bad: list[tuple[int, int]] = []
    for number, line in enumerate(lines, 1):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as exc:
            bad.append((number, line[exc.start]))
    content = sum(1 for line in lines if line.strip())
    first_content = next((n for n, line in enumerate(lines, 1) if line.strip()), 0)
    if bad and (bad[0][0] == first_content or len(bad) * 3 >= content):
        where, byte = bad[0]
        raise ValueError(
            f"tệp không phải văn bản UTF-8 / {path.name} is not UTF-8 text (line {where}: byte "
            f"0x{byte:02X}; a Windows-1258 or Latin-1 file?): {_SAVE_AS}"
        )


def _delimiter(line: str) -> str:
    """``,``, ``;`` or tab: whichever the header line has most of outside quotes."""
    outside = "".join(part for i, part in enumerate(line.split('"')) if i % 2 == 0)
    counts = {d: outside.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class _RunawayError(Exception):
    """A record has run past MAX_RECORD_LINES lines: a quote never closed."""


class _Lines:
    """A file's physical lines, numbered, with the lines of the current record kept."""

    def __init__(self, handle: TextIO, first_line: int = 1) -> None:
        self._handle = handle
        self._pending: list[tuple[int, str]] = []
        self.number = first_line - 1
        self.record: list[tuple[int, str]] = []
        self.at_end = False

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        if self._pending:
            number, line = self._pending.pop(0)
        else:
            line = self._handle.readline()
            if not line:
                self.at_end = True
                raise StopIteration
            self.number += 1
            number = self.number
        self.record.append((number, line))
        if len(self.record) > MAX_RECORD_LINES:
            raise _RunawayError
        return line

    def replay(self, lines: list[tuple[int, str]]) -> None:
        """Read ``lines`` again before the rest of the file."""
        self._pending[:0] = lines


def csv_rows(handle: TextIO, delimiter: str, first_line: int = 1) -> Iterator[Row]:
    """The rows of CSV text at their lines: ``(line, cells)`` or ``(line, Unreadable)``.

    Args:
        handle: The text, opened with ``newline=""``.
        delimiter: The separator.
        first_line: The number of the text's first line (a piece of a bigger file).
    """
    lines = _Lines(handle, first_line)
    while True:
        reader = csv.reader(lines, delimiter=delimiter)
        restart = False
        while not restart:
            lines.record = []
            try:
                cells = next(reader)
            except StopIteration:
                return
            except (csv.Error, _RunawayError) as exc:
                record = lines.record
                if not record:
                    raise
                reason = _UNTERMINATED if isinstance(exc, _RunawayError) else _too_long(exc)
                yield record[0][0], Unreadable(reason)
                lines.replay(record[1:])
                restart = True  # a reader that failed keeps no state worth trusting
                continue
            record = lines.record
            start = record[0][0] if record else lines.number
            raw = "".join(text for _, text in record)
            if lines.at_end and _unterminated(raw, delimiter):
                yield start, Unreadable(_UNTERMINATED)
                lines.replay(record[1:])
                lines.at_end = False
                restart = True
            elif _has_bad_bytes(raw):
                yield start, Unreadable(_bad_bytes(raw))
            else:
                yield start, cells


def _too_long(exc: csv.Error) -> str:
    text = str(exc)
    if "field larger than field limit" in text:
        return (
            f"ô dài quá {csv.field_size_limit():,} ký tự / a cell longer than "
            f"{csv.field_size_limit():,} characters (a quote never closed?)"
        )
    return f"dòng CSV không hợp lệ / not a valid CSV line: {text}"


def _unterminated(raw: str, delimiter: str) -> bool:
    """Whether ``raw`` (a record read up to the end of the file) has a quote left open."""
    if '"' not in raw:
        return False
    try:
        for _ in csv.reader(io.StringIO(raw, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        return "unexpected end of data" in str(exc)
    return False


_SURROGATE = re.compile("[\udc80-\udcff]")  # bytes that were not UTF-8 (surrogateescape)


def _has_bad_bytes(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


def _bad_bytes(raw: str) -> str:
    byte = next(ord(c) - 0xDC00 for c in raw if "\udc80" <= c <= "\udcff")
    return f"{_NOT_UTF8} (byte 0x{byte:02X}): {_SAVE_AS}"


@contextmanager
def open_csv(path: str | Path) -> Iterator[Table]:
    """Open a CSV file as a :class:`~vnlabor.io.table.Table`, closing it on exit.

    Raises:
        OSError: The file cannot be opened.
        ValueError: The file is neither UTF-8 nor UTF-16 text.
    """
    path = Path(path)
    found = sniff_csv(path)
    raw: BinaryIO = path.open("rb")
    errors = "surrogateescape" if "8" in found.encoding else "strict"
    with raw, io.TextIOWrapper(raw, encoding=found.encoding, errors=errors, newline="") as text:
        header, rows = split_header(csv_rows(text, found.delimiter))
        yield Table(header, rows, "line", path.name)
