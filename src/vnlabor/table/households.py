"""The household table: which columns it has, and what an indicator cell means.

Columns (design contract): ``household_id``, ``area`` (``rural``/``urban`` or
``nông thôn``/``thành thị``/``đô thị``, with or without diacritics),
``monthly_income_per_capita`` (whole đồng: ``1500000``, ``1.500.000``, ``1.500.000đ``,
``1,5 triệu``), and the deprivations, given one of two ways:

* a ``deprivations`` text column: indicator names (or labels) separated by ``;``;
* one yes/no column per indicator, headed by its name (``health_insurance``) or its
  Vietnamese or English label (``bảo hiểm y tế``), in any case, with or without
  diacritics.

Any other field of :class:`~vnlabor.Household` is read from its column too.

**What an indicator cell says.** A yes word (``x``, ``có``, ``1``, ``true``, ``đúng``,
``✓``, a spreadsheet's TRUE) marks the household deprived in that indicator; a no word
(``không``, ``0``, ``false``, ``sai``) marks it not deprived. An **empty cell states
nothing** (:func:`~vnlabor.table.cells.read_flag` gives ``None``, never ``False``): the
indicator is *unknown* (:attr:`Household.unknown_indicators
<vnlabor.Household.unknown_indicators>`), neither deprived nor not deprived, and
:func:`vnlabor.classify` counts it as undetermined: the status is
:attr:`~vnlabor.PovertyStatus.UNDETERMINED` when it could change it, and names it. A
column the table does not have at all is another matter: the design contract is "one
yes/no column per indicator", so a table without an indicator's column states that the
survey found no deprivation in it, exactly as an indicator left out of a
``deprivations`` list. Every engine (the readers, :func:`vnlabor.batch.classify`,
``vnlabor classify``) does this the same way; a row that fills in a ``deprivations``
(or ``unknown_indicators``) cell as well as indicator columns contradicts itself and is
rejected.

**Duplicate households.** A ``household_id`` that an earlier row of the table already
has is a bad row (the first one is kept): a household counted twice would distort
every rate computed from the table.

>>> from vnlabor.model.deprivation import Deprivation
>>> indicator_for("Bảo hiểm y tế"), indicator_for("bao hiem y te") is not None
(<Deprivation.HEALTH_INSURANCE: 'health_insurance'>, True)
>>> indicator_for("note") is None
True
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from types import MappingProxyType

from vnlabor.l10n.labels import LOCALES, label
from vnlabor.model.deprivation import Deprivation
from vnlabor.table.cells import CellError, fold, read_flag
from vnlabor.table.headers import header_key
from vnlabor.table.reasons import problem
from vnlabor.table.rows import Problem
from vnlabor.types import quoted

__all__ = [
    "BOTH_GIVEN",
    "TEXT_FIELDS",
    "HouseholdColumns",
    "IndicatorColumns",
    "duplicate_reason",
    "indicator_for",
    "indicator_names",
]

BOTH_GIVEN = problem(
    None,
    "cột deprivations và các cột chỉ số cùng có giá trị / give either a deprivations "
    "column or indicator columns, not both",
)
"""The reason of a row with a ``deprivations`` (or ``unknown_indicators``) cell and
indicator columns."""

TEXT_FIELDS = ("deprivations", "unknown_indicators")
"""The household fields that give indicators as text, which indicator columns replace."""


def duplicate_reason(household_id: str) -> str:
    """The reason of a row whose ``household_id`` an earlier row has.

    >>> duplicate_reason("H1")  # doctest: +ELLIPSIS
    "household_id 'H1' trùng với một dòng trước / duplicate household_id 'H1': an earlier ..."
    """
    shown = quoted(household_id)
    return problem(
        None,
        f"household_id {shown} trùng với một dòng trước / duplicate household_id {shown}: "
        "an earlier row has it",
    )


@functools.cache
def _indicator_keys() -> tuple[Mapping[str, Deprivation], Mapping[str, Deprivation]]:
    keys: dict[str, Deprivation] = {}
    for member in Deprivation:
        for locale in LOCALES:
            keys[header_key(label(member, locale))] = member
    for member in Deprivation:  # names win over labels
        keys[header_key(member.value)] = member
    folded: dict[str, set[Deprivation]] = {}
    for key, member in keys.items():
        folded.setdefault(fold(key), set()).add(member)
    unique = {k: next(iter(v)) for k, v in folded.items() if len(v) == 1}
    return MappingProxyType(keys), MappingProxyType(unique)


def indicator_for(header: object) -> Deprivation | None:
    """The indicator a header names (its name or label, with or without diacritics)."""
    exact, folded = _indicator_keys()
    key = header_key(header)
    found = exact.get(key)
    return found if found is not None else folded.get(fold(key))


def indicator_names() -> Mapping[str, str]:
    """Each indicator's name by every header key naming it (to suggest one for a typo)."""
    return MappingProxyType({k: m.value for k, m in _indicator_keys()[0].items()})


class IndicatorColumns:
    """The household rule for indicator columns, for one read of one table.

    A column is an indicator's when its header is the indicator's name (the
    ``Deprivation`` member's value) or its Vietnamese or English label. Such columns
    and a ``deprivations`` cell in the same row contradict each other: the row is
    rejected. A ``household_id`` an earlier row has makes the row a duplicate (the
    rule remembers the identifiers it has seen, so use a new one for every table).
    """

    def __init__(self) -> None:
        self._seen: set[str] = set()

    def claim(self, key: str) -> str | None:
        """The indicator a header key names, if any."""
        member = indicator_for(key)
        return None if member is None else member.value

    def names(self) -> Mapping[str, str]:
        """Indicator names by header key, for suggestions."""
        return indicator_names()

    def apply(
        self, cells: Mapping[str, tuple[str, object]], data: dict[str, object]
    ) -> list[Problem]:
        """Set ``deprivations`` and ``unknown_indicators`` from the indicator cells.

        A yes cell is a deprivation, an empty one an unknown indicator; unreadable
        cells are reported.
        """
        problems: list[Problem] = []
        found: list[Deprivation] = []
        unknown: list[Deprivation] = []
        for key, (header, cell) in cells.items():
            try:
                flag = read_flag(cell)
            except CellError as exc:
                problems.append((key, problem(header, str(exc))))
                continue
            if flag is True:
                found.append(Deprivation(key))
            elif flag is None:  # an empty cell states nothing: the indicator is unknown
                unknown.append(Deprivation(key))
        if cells:
            if any(name in data for name in TEXT_FIELDS):
                problems.append((None, BOTH_GIVEN))
            else:
                data["deprivations"] = found
                data["unknown_indicators"] = unknown
        household_id = data.get("household_id")
        if isinstance(household_id, str) and household_id:
            if household_id in self._seen:
                problems.append((None, duplicate_reason(household_id)))
            else:
                self._seen.add(household_id)
        return problems


HouseholdColumns = IndicatorColumns
"""The household table's rule for its non-field columns (an alias)."""
