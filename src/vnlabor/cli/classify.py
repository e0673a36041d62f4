"""``vnlabor classify``: a household file classified on the batch engine, block by block.

The file is read in blocks of rows (:mod:`vnlabor.io.stream`: CSV with its lines,
``.xlsx`` with its rows, Parquet), each block classified by the batch engine
(:class:`vnlabor.batch.poverty.Engine`) through the table contract, and written at
once, so memory stays bounded whatever the file's size. The answers are the readers'
and :func:`vnlabor.classify`'s, row for row.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

__all__ = ["EXIT_INTERNAL", "ClassifyOptions", "run_classify"]

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_INTERNAL = 3
"""An internal failure (a bug): never 1, which means "some rows were rejected"."""


@dataclass(frozen=True, slots=True)
class ClassifyOptions:
    """What the command line asked for."""

    households: Path
    output: str
    on: date | None = None
    list_year: int | None = None
    sheet: str | None = None
    output_format: str | None = None
    explain: bool = False
    locale: str = "vi"
    quiet: bool = False
    ignore_unknown_columns: bool = False
    reveal: Collection[str] = ()


def _fail(message: str) -> int:
    print(f"vnlabor: {message}", file=sys.stderr)
    return EXIT_USAGE


def same_file(a: Path, b: str) -> bool:
    """Whether output ``b`` would overwrite input ``a``."""
    if b == "-":
        return False
    try:
        return a.resolve() == Path(b).resolve() or (Path(b).exists() and os.path.samefile(a, b))
    except OSError:
        return False


def run_classify(opts: ClassifyOptions) -> int:
    """Run ``vnlabor classify``; returns the exit status (0, 1 or 2)."""
    if same_file(opts.households, opts.output):
        return _fail(
            f"tệp kết quả trùng tệp đầu vào / the output {opts.output} is the input file: "
            "writing it would destroy the input (and the rows it rejects); choose another name"
        )
    try:
        import numpy

        from vnlabor.batch.poverty import STATUS_BY_CODE, Engine
    except ImportError:
        return _fail(
            "vnlabor classify cần numpy / needs numpy (the batch engine): "
            'pip install "vnlabor[cli]"'
        )
    from vnlabor.cli.progress import Progress
    from vnlabor.errors import HeaderError, NoStandardInForce
    from vnlabor.io.stream import open_stream
    from vnlabor.io.writers import TableWriter
    from vnlabor.poverty.standard import compiled_for

    try:
        compiled = compiled_for(opts.on, opts.list_year)
    except (NoStandardInForce, TypeError) as exc:
        return _fail(str(exc))
    rejected = 0
    counts = numpy.zeros(len(STATUS_BY_CODE), dtype=numpy.int64)
    read = 0
    try:
        with open_stream(opts.households, sheet=opts.sheet) as stream:
            engine = Engine(
                stream.header,
                compiled,
                unknown_columns="ignore" if opts.ignore_unknown_columns else "error",
                source=stream.name,
            )
            if engine.plan.ignored and not opts.quiet:
                names = ", ".join(repr(c) for c in engine.plan.ignored)
                print(f"vnlabor: cột bị bỏ qua / ignored columns: {names}", file=sys.stderr)
            explainer = None
            if opts.explain:
                from vnlabor.batch.explanations import Explainer

                explainer = Explainer(
                    compiled, on=opts.on, list_year=opts.list_year, law=None, locale=opts.locale
                )
            header = ["household_id", stream.unit, "status"]
            if explainer is not None:
                header.append("explanation")
            progress = Progress(quiet=opts.quiet)
            with (
                TableWriter(
                    opts.output,
                    header,
                    format=opts.output_format,  # type: ignore[arg-type]
                    sheet="status",
                    reveal=opts.reveal,
                ) as writer,
                _WriteBehind(writer) as behind,
            ):
                for block in stream.blocks(engine.columns, coded=engine.coded_columns):
                    n, bad, codes = _classify_block(
                        block, engine, explainer, behind, stream.unit, opts.reveal
                    )
                    read += n
                    rejected += bad
                    counts += codes
                    progress.update(n)
            progress.close()
    except HeaderError as exc:
        return _fail(str(exc))
    except (OSError, ValueError, ImportError) as exc:
        return _fail(str(exc))
    if not opts.quiet:
        print(_summary(read, rejected, counts, opts.locale), file=sys.stderr)
    return EXIT_REJECTED if rejected else EXIT_OK


class _WriteBehind:
    """A writer's Arrow blocks written in a second thread while the next is classified.

    pyarrow writes without Python's lock; one block in flight at most, in order. Rows of
    Python values are written at once, after it.
    """

    def __init__(self, writer: Any) -> None:
        self.writer = writer
        self.pool: Any = None
        self.pending: Any = None

    def __enter__(self) -> _WriteBehind:
        from concurrent.futures import ThreadPoolExecutor

        self.pool = ThreadPoolExecutor(max_workers=1)
        return self

    def _wait(self) -> None:
        if self.pending is not None:
            pending, self.pending = self.pending, None
            pending.result()  # a failed write raises here

    def write_arrow(self, table: Any) -> None:
        self._wait()
        self.pending = self.pool.submit(self.writer.write_arrow, table)

    def write(self, rows: Any, *, plain: bool = False) -> None:
        self._wait()
        self.writer.write(rows, plain=plain)

    def __exit__(self, *exc: object) -> None:
        try:
            self._wait()
        finally:
            self.pool.shutdown(wait=True)


def _classify_block(
    block: Any,
    engine: Any,
    explainer: Any,
    writer: Any,
    unit: str,
    reveal: Collection[str],
) -> tuple[int, int, Any]:
    """Classify and write one block; returns (rows read, rows rejected, statuses counted)."""
    import numpy as np

    from vnlabor.batch.poverty import STATUS_BY_CODE, rejections
    from vnlabor.table.cells import mask_citizen_ids
    from vnlabor.table.errors import RowError

    errors: list[RowError] = [
        RowError(position, None, reason, unit=unit)  # type: ignore[arg-type]
        for position, reason in block.unreadable
    ]
    counts = np.zeros(len(STATUS_BY_CODE), dtype=np.int64)
    if block.size:
        result = engine.run(block.columns, block.size, blank_rows=False)  # skipped by the reader
        lines = block.positions
        found = {e.position: e for e in rejections(result, lines=lines, unit=unit)}  # type: ignore[arg-type]
        codes = result.codes
        # A CSV row with more cells than the header: the readers' reason comes first.
        for row, surplus in block.surplus.items():
            old = found.get(row)
            reason = surplus if old is None else f"{surplus}; {old.reason}"
            hid = old.household_id if old is not None else _id(result, row)
            found[row] = RowError(int(lines[row]), hid, reason, unit=unit, position=row)  # type: ignore[arg-type]
            codes[row] = -1
        errors += found.values()
        good = np.flatnonzero(codes >= 0) if found else np.arange(block.size)
        counts += np.bincount(codes[good], minlength=len(STATUS_BY_CODE))
        ids = result.chunk.household_id
        texts = explainer.texts(result) if explainer is not None else None
        fast = _arrow_rows(ids, lines, codes, good, texts, reveal, unit)
        if fast is not None:
            writer.write_arrow(fast)
        else:
            rows = []
            for row in good.tolist():
                hid = ids[row] if ids is not None else None
                if isinstance(hid, str) and "household_id" not in reveal:
                    hid = mask_citizen_ids(hid)
                status = STATUS_BY_CODE[codes[row]].value
                cells: list[object] = [hid or None, int(lines[row]), status]
                if texts is not None:
                    cells.append(texts[row])
                rows.append(cells)
            if rows:
                writer.write(rows, plain=True)
    errors.sort(key=lambda e: e.line)  # type: ignore[arg-type, return-value]
    for error in errors:
        print(error, file=sys.stderr)
    return block.size + len(block.unreadable), len(errors), counts


def _arrow_rows(
    ids: Any,
    lines: Any,
    codes: Any,
    good: Any,
    texts: list[str | None] | None,
    reveal: Collection[str],
    unit: str,
) -> Any:
    """The good rows as a pyarrow Table (``None`` if pyarrow is absent or ids are not text).

    Arrays are built on numpy buffers (:mod:`vnlabor.table.arrow`): ``pyarrow.array``
    would import pandas, a quarter of a second for nothing.
    """
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        return None
    import numpy as np

    from vnlabor.batch.poverty import STATUS_BY_CODE
    from vnlabor.table.arrow import (
        arrow_mask,
        arrow_positions,
        arrow_texts,
        text_buffers,
    )
    from vnlabor.table.cells import mask_citizen_ids

    every = good.shape[0] == codes.shape[0]  # no row rejected: nothing to pick
    if ids is None:
        hid = pa.nulls(len(good), pa.string())
    else:
        hid = ids.arrow_texts(good)
        if hid is None:
            return None
        if "household_id" not in reveal:
            # A citizen ID has at least 9 digits: shorter cells are left as they are.
            long = text_buffers(hid).lengths >= 9
            if long.any():
                some = hid.take(arrow_positions(np.flatnonzero(long)))
                shaped = pc.match_substring_regex(some, r"[0-9](?:[ \-]?[0-9]){8}")
                if pc.any(shaped).as_py():
                    masked = [mask_citizen_ids(v) if v else v for v in some.to_pylist()]
                    replacement = arrow_texts(masked).cast(hid.type)
                    hid = pc.replace_with_mask(hid, arrow_mask(long), replacement)
    statuses = arrow_texts([s.value for s in STATUS_BY_CODE])
    arrays = [
        hid,
        arrow_positions(lines if every else lines[good]),
        statuses.take(arrow_positions(codes if every else codes[good])),
    ]
    names = ["household_id", unit, "status"]
    if texts is not None:
        arrays.append(arrow_texts([texts[i] for i in good.tolist()]))
        names.append("explanation")
    return pa.Table.from_arrays(arrays, names=names)


def _id(result: Any, row: int) -> str | None:
    from vnlabor.table.cells import mask_citizen_ids

    ids = result.chunk.household_id
    hid = ids[row] if ids is not None else None
    return mask_citizen_ids(hid) if isinstance(hid, str) else None


def _summary(read: int, rejected: int, counts: Any, locale: str) -> str:
    from vnlabor.batch.poverty import STATUS_BY_CODE
    from vnlabor.l10n import format_number, label, message
    from vnlabor.model.poverty_status import PovertyStatus

    # Undetermined only when some row is: a table of deprivation flags never gives it.
    statuses = "; ".join(
        f"{label(status, locale)} {format_number(int(counts[code]), locale=locale)}"
        for code, status in enumerate(STATUS_BY_CODE)
        if counts[code] or status is not PovertyStatus.UNDETERMINED
    )
    return "vnlabor: " + message(
        "cli.classify.summary",
        locale,
        read=format_number(read, locale=locale),
        classified=format_number(read - rejected, locale=locale),
        rejected=format_number(rejected, locale=locale),
        statuses=statuses,
    )


def parse_reveal(values: Sequence[str]) -> frozenset[str]:
    """The columns ``--reveal`` names."""
    return frozenset(v.strip() for value in values for v in value.split(",") if v.strip())
