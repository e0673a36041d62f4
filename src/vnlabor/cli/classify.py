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
import time
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TextIO

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
        import numpy  # noqa: F401

        from vnlabor.batch.poverty import Engine
    except ImportError:
        return _fail(
            "vnlabor classify cần numpy / needs numpy (the batch engine): "
            'pip install "vnlabor[cli]"'
        )
    from vnlabor.errors import HeaderError, NoStandardInForce
    from vnlabor.io.stream import open_stream
    from vnlabor.io.writers import TableWriter
    from vnlabor.poverty.standard import compiled_for

    try:
        compiled = compiled_for(opts.on, opts.list_year)
    except (NoStandardInForce, TypeError) as exc:
        return _fail(str(exc))
    rejected = 0
    counts: Counter[int] = Counter()
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
            progress = _Progress(quiet=opts.quiet)
            with TableWriter(
                opts.output,
                header,
                format=opts.output_format,  # type: ignore[arg-type]
                sheet="status",
                reveal=opts.reveal,
            ) as writer:
                for block in stream.blocks(engine.columns):
                    n, bad, codes = _classify_block(
                        block, engine, explainer, writer, stream.unit, opts.reveal
                    )
                    read += n
                    rejected += bad
                    counts.update(codes)
                    progress.update(n)
            progress.close()
    except HeaderError as exc:
        return _fail(str(exc))
    except (OSError, ValueError, ImportError) as exc:
        return _fail(str(exc))
    if not opts.quiet:
        print(_summary(read, rejected, counts, opts.locale), file=sys.stderr)
    return EXIT_REJECTED if rejected else EXIT_OK


def _classify_block(
    block: Any,
    engine: Any,
    explainer: Any,
    writer: Any,
    unit: str,
    reveal: Collection[str],
) -> tuple[int, int, list[int]]:
    import numpy as np

    from vnlabor.batch.poverty import STATUS_BY_CODE, rejections
    from vnlabor.table.cells import mask_citizen_ids
    from vnlabor.table.errors import RowError

    errors: list[RowError] = [
        RowError(position, None, reason, unit=unit)  # type: ignore[arg-type]
        for position, reason in block.unreadable
    ]
    codes_out: list[int] = []
    if block.size:
        result = engine.run(block.columns, block.size)
        lines = np.asarray(block.positions, dtype=np.int64)
        found = {e.position: e for e in rejections(result, lines=lines, unit=unit)}  # type: ignore[arg-type]
        codes = result.codes
        # A CSV row with more cells than the header: the readers' reason comes first.
        for row, surplus in enumerate(block.surplus):
            if surplus is None:
                continue
            old = found.get(row)
            reason = surplus if old is None else f"{surplus}; {old.reason}"
            hid = old.household_id if old is not None else _id(result, row)
            found[row] = RowError(int(lines[row]), hid, reason, unit=unit, position=row)  # type: ignore[arg-type]
            codes[row] = -1
        errors += found.values()
        good = np.flatnonzero(codes >= 0)
        ids = result.chunk.household_id
        texts = explainer.texts(result) if explainer is not None else None
        fast = _arrow_rows(ids, lines, codes, good, texts, reveal, unit)
        if fast is not None:
            writer.write_arrow(fast)
            codes_out = codes[good].tolist()
            good = good[:0]
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
            codes_out = codes[good].tolist()
    errors.sort(key=lambda e: e.line)  # type: ignore[arg-type, return-value]
    for error in errors:
        print(error, file=sys.stderr)
    return block.size + len(block.unreadable), len(errors), codes_out


def _arrow_rows(
    ids: Any,
    lines: Any,
    codes: Any,
    good: Any,
    texts: list[str | None] | None,
    reveal: Collection[str],
    unit: str,
) -> Any:
    """The good rows as a pyarrow Table (``None`` if pyarrow is absent or ids are not text)."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        return None
    from vnlabor.batch.poverty import STATUS_BY_CODE
    from vnlabor.table.cells import mask_citizen_ids

    if ids is not None and getattr(ids, "arrow", None) is None:
        return None
    index = pa.array(good)
    columns: dict[str, Any] = {}
    if ids is None:
        columns["household_id"] = pa.nulls(len(good), pa.string())
    else:
        hid = ids.arrow.take(index)
        if "household_id" not in reveal:
            shaped = pc.match_substring_regex(hid, r"[0-9](?:[ \-]?[0-9]){8}")
            if pc.any(shaped).as_py():
                hid = pa.array([mask_citizen_ids(v) if v else v for v in hid.to_pylist()])
        columns["household_id"] = hid
    columns[unit] = pa.array(lines[good])
    names = pa.array([s.value for s in STATUS_BY_CODE])
    columns["status"] = names.take(pa.array(codes[good].astype("int64")))
    if texts is not None:
        columns["explanation"] = pa.array([texts[i] for i in good.tolist()], pa.string())
    return pa.table(columns)


def _id(result: Any, row: int) -> str | None:
    from vnlabor.table.cells import mask_citizen_ids

    ids = result.chunk.household_id
    hid = ids[row] if ids is not None else None
    return mask_citizen_ids(hid) if isinstance(hid, str) else None


def _summary(read: int, rejected: int, counts: Counter[int], locale: str) -> str:
    from vnlabor.batch.poverty import STATUS_BY_CODE
    from vnlabor.l10n import format_number, label, message
    from vnlabor.model.poverty_status import PovertyStatus

    # Undetermined only when some row is (an empty indicator cell may make it so).
    statuses = "; ".join(
        f"{label(status, locale)} {format_number(counts[code], locale=locale)}"
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


class _Progress:
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
        self.done += rows
        if not self.on:
            return
        if self.bar is not None:
            self.bar.update(rows)
        elif time.monotonic() - self.start > 1.0:
            self.stream.write(f"\r{self.done:,} rows…")
            self.stream.flush()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.on and time.monotonic() - self.start > 1.0:
            self.stream.write("\r" + " " * 30 + "\r")


def parse_reveal(values: Sequence[str]) -> frozenset[str]:
    """The columns ``--reveal`` names."""
    return frozenset(v.strip() for value in values for v in value.split(",") if v.strip())
