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


def _cut(data: bytes | bytearray, end: int | None = None) -> int:
    """The end of the last line of ``data[:end]`` outside a quoted cell (``-1``: none)."""
    end = len(data) if end is None else end
    if data.find(b'"', 0, end) < 0:
        return data.rfind(b"\n", 0, end) + 1 or -1
    raw = np.frombuffer(data, dtype=np.uint8, count=end)
    quotes = int(np.count_nonzero(raw == ord('"')))
    pos = data.rfind(b"\n", 0, end)
    while pos >= 0:
        quotes -= data.count(b'"', pos + 1, end)
        end = pos + 1
        if quotes % 2 == 0:
            return pos + 1
        pos = data.rfind(b"\n", 0, pos)
    return -1


def _lone_return(raw: NDArray[np.uint8]) -> bool:
    """Whether ``raw`` has a carriage return not followed by a line feed."""
    returns = np.flatnonzero(raw == ord("\r"))
    if not returns.size:
        return False
    after = returns + 1
    return bool(after[-1] >= raw.size) or not bool((raw[after] == ord("\n")).all())


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

    The next block is read and split into cells (in a second thread: pyarrow and numpy
    work without Python's lock) while the caller works on this one: two blocks in
    memory at most.
    """
    width = len(header)
    line = 2
    with ThreadPoolExecutor(max_workers=1) as pool, path.open("rb") as handle:
        handle.seek(data_start)
        pieces = _pieces(handle, data_start)  # advanced by the worker thread only

        def read_next() -> tuple[int, tuple[Block, int] | None] | None:
            piece = next(pieces, None)
            if piece is None:
                return None
            offset, data = piece
            return offset, None if data is None else _arrow_block(
                data, width, delimiter, columns, coded
            )

        pending = pool.submit(read_next)
        while True:
            got = pending.result()
            if got is None:
                return
            offset, found = got
            if found is None:
                yield from _exact_rest(path, offset, line, header, delimiter, columns, rows)
                return
            pending = pool.submit(read_next)  # read and split while this one is used
            block, lines = found
            block.positions += line
            yield block
            line += lines


def _pieces(handle: Any, offset: int) -> Iterator[tuple[int, memoryview | None]]:
    """``(offset, bytes)`` of the file in pieces of whole lines, cut outside quoted cells.

    ``(offset, None)``: from there on a quote seems never to close (no cut found in
    :data:`_MAX_CARRY` bytes); the readers' tokenizer must read it. The pieces are views
    of one buffer, read into and reused: a piece is valid until the next is asked for.
    """
    buf = bytearray(_BLOCK_BYTES)
    size = 0  # the bytes at the start of buf not yet yielded (the last line's start)
    while True:
        if len(buf) < size + _BLOCK_BYTES:
            grown = bytearray(size + _BLOCK_BYTES)
            grown[:size] = buf[:size]
            buf = grown
        got = handle.readinto(memoryview(buf)[size : size + _BLOCK_BYTES])
        end = size + got
        if not got:
            if end:
                yield offset, memoryview(buf)[:end]
            return
        cut = _cut(buf, end)
        if cut <= 0:
            size = end
            if size <= _MAX_CARRY:
                continue
            yield offset, None
            return
        yield offset, memoryview(buf)[:cut]
        size = end - cut
        buf[:size] = buf[cut:end]
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
    data: bytes | memoryview,
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
    if _lone_return(raw):
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
    last = 0 if raw.size and raw[-1] in (ord("\n"), ord("\r")) else 1  # a line without its break
    cells = [_one(table.column(i)) for i in range(width)]  # arrays: no pandas to convert
    inner = None
    # Without quotes, each line is one row (a blank one would have made the block unclean).
    quoted = bool((raw == ord('"')).any())
    lines = _line_breaks(raw) if quoted else n - last
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
