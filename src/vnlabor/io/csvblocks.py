"""A UTF-8 CSV file read in clean blocks by pyarrow, exactly as the readers read it.

The file is cut into blocks of a few megabytes at line ends outside quoted cells, and
pyarrow splits each block into text cells. A block is taken only if it is *clean*:
every line a row of exactly the header's width, valid UTF-8, no cell longer than the
readers' limit, the rows' lines adding up to the block's. From the first other block on
(a stray byte, a quote never closed, a short row, a long cell…) the readers' own
tokenizer reads the rest, so the cells, their lines and the reasons are the readers' in
every case. Testing a block is whole-array work on its bytes (numpy), never a Python
step per row; the next block is split while the caller works on this one.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from vnlabor.io.blocks import Block, TableStream, row_blocks
from vnlabor.io.table import Table

__all__ = ["open_csv_blocks"]

_BLOCK_BYTES: Final = 1 << 22  # 4 MiB of CSV a block (about 80,000 household rows)
_MAX_CARRY: Final = 1 << 26  # a "line" this long is no table: the readers' tokenizer reads on


def open_csv_blocks(path: Path) -> AbstractContextManager[TableStream] | None:
    """The fast reader of a UTF-8 CSV file, or ``None`` where it does not apply."""
    try:
        import pyarrow
        import pyarrow.csv  # noqa: F401
    except ImportError:
        return None
    from vnlabor.io.csvfile import sniff_csv

    found = sniff_csv(path)  # raises as the readers do for another encoding
    if found.encoding not in ("utf-8", "utf-8-sig"):
        return None
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    start = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    end = head.find(b"\n", start)
    first = head[start : end if end >= 0 else len(head)].rstrip(b"\r")
    if end < 0 or b'"' in first or b"\r" in first or not first.strip():
        return None  # a header the readers' tokenizer must read (quoted, blank first line)
    try:
        header = first.decode("utf-8").split(found.delimiter)
    except UnicodeDecodeError:
        return None
    return _fast_stream(path, header, found.delimiter, end + 1)


@contextmanager
def _fast_stream(
    path: Path, header: list[str], delimiter: str, data_start: int
) -> Iterator[TableStream]:
    def blocks(columns: Sequence[int], rows: int, coded: Collection[int]) -> Iterator[Block]:
        yield from _fast_blocks(path, header, delimiter, data_start, columns, rows, coded)

    yield TableStream(header, "line", path.name, blocks)


def _count(data: bytes, byte: int) -> int:
    """How many times ``byte`` occurs in ``data`` (numpy: several times faster than bytes)."""
    return int(np.count_nonzero(np.frombuffer(data, dtype=np.uint8) == byte))


def _cut(data: bytes) -> int:
    """The end of the last line of ``data`` outside a quoted cell (``-1``: none)."""
    if b'"' not in data:
        return data.rfind(b"\n") + 1 or -1
    quotes = _count(data, ord('"'))
    end = len(data)
    pos = data.rfind(b"\n")
    while pos >= 0:
        quotes -= data.count(b'"', pos + 1, end)
        end = pos + 1
        if quotes % 2 == 0:
            return pos + 1
        pos = data.rfind(b"\n", 0, pos)
    return -1


def _lone_return(raw: NDArray[np.uint8]) -> bool:
    """Whether ``raw`` has a carriage return not followed by a line feed."""
    returns = int(np.count_nonzero(raw == ord("\r")))
    pairs = int(np.count_nonzero((raw[:-1] == ord("\r")) & (raw[1:] == ord("\n"))))
    return returns != pairs


def _line_breaks(raw: NDArray[np.uint8]) -> int:
    """Physical lines ``raw`` moves on by (no lone carriage return in it)."""
    return int(np.count_nonzero(raw == ord("\n")))


def _fast_blocks(
    path: Path,
    header: list[str],
    delimiter: str,
    data_start: int,
    columns: Sequence[int],
    rows: int,
    coded: Collection[int] = (),
) -> Iterator[Block]:
    """Clean blocks through pyarrow; from the first other one on, the readers' tokenizer.

    A block that is not clean may have been cut at a wrong place (a stray quote throws
    the count of quotes off), so the exact tokenizer reads from its start to the end of
    the file: its start is a true row boundary, the end of the last clean block.

    The next block is split into cells (in a second thread: pyarrow and numpy work
    without Python's lock) while the caller works on this one: two blocks in memory at
    most.
    """
    width = len(header)
    line = 2
    with ThreadPoolExecutor(max_workers=1) as pool, path.open("rb") as handle:
        handle.seek(data_start)

        def split(piece: tuple[int, bytes | None] | None) -> Any:
            if piece is None or piece[1] is None:
                return None
            return pool.submit(_arrow_block, piece[1], width, delimiter, columns, coded)

        pieces = _pieces(handle, data_start)
        piece = next(pieces, None)
        pending = split(piece)
        while piece is not None:
            offset = piece[0]
            piece = next(pieces, None)
            following = split(piece)  # split while this one is used
            found = pending.result() if pending is not None else None
            if found is None:
                if following is not None:
                    following.cancel()
                yield from _exact_rest(path, offset, line, header, delimiter, columns, rows)
                return
            block, lines = found
            block.positions += line
            yield block
            line += lines
            pending = following


def _pieces(handle: Any, offset: int) -> Iterator[tuple[int, bytes | None]]:
    """``(offset, bytes)`` of the file in pieces of whole lines, cut outside quoted cells.

    ``(offset, None)``: from there on a quote seems never to close (no cut found in
    :data:`_MAX_CARRY` bytes); the readers' tokenizer must read it.
    """
    carry = b""
    while True:
        chunk = handle.read(_BLOCK_BYTES)
        data = carry + chunk
        if not chunk:
            if data:
                yield offset, data
            return
        cut = _cut(data)
        if cut <= 0:
            carry = data
            if len(carry) <= _MAX_CARRY:
                continue
            yield offset, None
            return
        yield offset, data[:cut]
        carry = data[cut:]
        offset += cut


def _exact_rest(
    path: Path,
    offset: int,
    line: int,
    header: list[str],
    delimiter: str,
    columns: Sequence[int],
    rows: int,
) -> Iterator[Block]:
    """The file from byte ``offset`` (line ``line``) on, read by the readers' tokenizer."""
    import io

    from vnlabor.io.csvfile import csv_rows

    with path.open("rb") as raw:
        raw.seek(offset)
        text = io.TextIOWrapper(raw, encoding="utf-8", errors="surrogateescape", newline="")
        table = Table(header, csv_rows(text, delimiter, first_line=line), "line", path.name)
        yield from row_blocks(table, len(header), columns, rows)


def _arrow_block(
    data: bytes,
    width: int,
    delimiter: str,
    columns: Sequence[int],
    coded: Collection[int] = (),
) -> tuple[Block, int] | None:
    """``data`` split into cells by pyarrow, and the lines it moves on by.

    The ``coded`` columns come dictionary-encoded. The rows' positions are counted from
    0 (the caller adds the line the block starts on). ``None`` if it is not a clean
    block.
    """
    import csv

    import pyarrow as pa
    import pyarrow.compute as pc
    import pyarrow.csv as pacsv

    from vnlabor.table.arrow import arrow_positions, blank_cells, numbers

    raw = np.frombuffer(data, dtype=np.uint8)
    if b"\r" in data and _lone_return(raw):
        return None  # a lone carriage return: the tokenizer counts it as a line break
    names = [f"c{i}" for i in range(width)]
    try:
        # pyarrow fails the block on a row of another width, and on a byte that is not
        # UTF-8 (the tokenizer then rejects just that row).
        table = pacsv.read_csv(
            pa.py_buffer(data),
            # One piece per block: no pieces to join, one dictionary per coded column.
            read_options=pacsv.ReadOptions(column_names=names, block_size=len(data) + 1),
            parse_options=pacsv.ParseOptions(
                delimiter=delimiter,
                newlines_in_values=True,
                ignore_empty_lines=False,
            ),
            convert_options=pacsv.ConvertOptions(
                column_types={
                    n: pa.dictionary(pa.int32(), pa.string()) if i in coded else pa.string()
                    for i, n in enumerate(names)
                },
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowInvalid, pa.ArrowTypeError, UnicodeDecodeError):
        return None
    n = table.num_rows
    last = 0 if data.endswith((b"\n", b"\r")) else 1  # a last line without its break
    cells = [_one(table.column(i)) for i in range(width)]  # arrays: no pandas to convert
    inner = None
    # Without quotes, each line is one row (a blank one would have made the block unclean).
    lines = n - last if b'"' not in data else _line_breaks(raw)
    if n != lines + last:  # quoted cells spanning lines
        inner = np.zeros(n, dtype=np.int64)
        for col in cells:
            text = col.dictionary_decode() if pa.types.is_dictionary(col.type) else col
            inner += numbers(pc.count_substring(text, "\n"))
        if n + int(inner.sum()) != lines + last:
            return None
    limit = csv.field_size_limit()
    for col in cells:
        text = col.dictionary if pa.types.is_dictionary(col.type) else col
        longest = pc.max(pc.binary_length(text)).as_py() or 0  # bytes: at least characters
        if longest > limit and pc.max(pc.utf8_length(text)).as_py() > limit:
            return None
    starts = np.arange(n, dtype=np.int64)
    if inner is not None:
        starts += np.concatenate(([0], np.cumsum(inner)[:-1]))
    blank = None
    for col in cells:  # a row is blank when all its cells are
        blank = blank_cells(col) if blank is None else blank & blank_cells(col)
        if not blank.any():
            break
    cols = {i: cells[i] for i in columns}
    if blank is not None and blank.any():  # blank rows are skipped, as the readers skip them
        keep = np.flatnonzero(~blank)
        index = arrow_positions(keep)
        cols = {i: col.take(index) for i, col in cols.items()}
        starts = starts[keep]
    return Block(starts, cols), lines


def _one(col: Any) -> Any:
    """A column of the block as one array (a dictionary-encoded one with one dictionary)."""
    if col.num_chunks == 1:
        return col.chunk(0)
    if col.num_chunks and hasattr(col.type, "value_type"):
        col = col.unify_dictionaries()
    return col.combine_chunks()
