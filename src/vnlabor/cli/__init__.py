"""Command line: ``vnlabor demo``, ``classify``, ``compare``, ``law`` and ``schema``.

``demo`` classifies the bundled sample households and prints a KPI report.

``law --on DATE [--overlay KEY]`` lists every legal parameter in force on a date with
its value, instrument, article and confidence (a provincial overlay on request).

``schema MODEL`` prints the JSON Schema of a record (``Household``, ``Trainee``…).

``classify`` reads a household table from a CSV file (``,``, ``;`` or tab; UTF-8 or
UTF-16), an ``.xlsx`` workbook (``--sheet NAME``; default: the active sheet) or a
Parquet file, and writes ``household_id``, the row's ``line`` (``row`` for a
workbook, ``index`` for Parquet) and ``status`` for every valid row to ``--output``:
``.csv``, ``.xlsx``, ``.parquet`` or ``.jsonl`` by its suffix, or ``-`` for standard
output (CSV, or ``--format jsonl``). ``--explain`` adds each household's explanation
(``--locale vi|en``). It runs on the batch engine, block by block, so a file of any
size is classified in bounded memory; it needs numpy (``pip install "vnlabor[cli]"``,
which brings pyarrow for Parquet and tqdm for the progress bar too). A progress bar
shows on standard error when it is a terminal and the run lasts over a second
(``--quiet`` silences it and the closing summary line: rows read, classified,
rejected, count per status). The output is written atomically, and never over the
input (that is refused).

``compare FILE --base SIDE [--reform SIDE] [--base-overlay X] [--reform-overlay X]``
reads a household file as :func:`vnlabor.io.read_households` does and prints the
transition matrix and the summary of :func:`vnlabor.scenario.compare` between two
scenarios (a side is a list year, ``2027``, or a date; an overlay is a bundled key or
an overlay or reform TOML file); ``-o FILE`` writes the households that changed status
and what moved each (see :mod:`vnlabor.cli.compare`).

Exit status (``classify`` and ``compare``): 0 when every row was valid, 1 when some
rows were rejected (each reported on standard error as ``line N: reason`` for CSV
input, ``row N: reason`` for a workbook), 2 for unusable arguments or an unreadable
table (a missing dependency included), 3 for an internal error (a bug: please report
it).
"""

from vnlabor.cli.app import main

__all__ = ["main"]
