"""The rows of the review's two sheets: a household with its dwelling, a member with its household.

The annual review (*rà soát hộ nghèo, hộ cận nghèo*) records its facts on two sheets: one
row per household (its area, income and the dwelling's facts, flattened into columns)
and one row per member (the member's facts and the ``household_id`` of their
household). :class:`HouseholdRow` and :class:`MemberRow` are those rows as records, so
the readers (:func:`vnlabor.io.read_review`) and the batch engine
(:func:`vnlabor.batch.assess_deprivations`) match the same headers (field names or
Vietnamese/English labels) and read the same cells.

>>> row = HouseholdRow(household_id="H1", area="nông thôn", monthly_income_per_capita=1_400_000,
...                    floor_area_m2="30,9", water_source="piped")
>>> member = MemberRow(household_id="H1", birth_date="1990-05-01", health_insurance=False)
>>> h = row.household([member.member()], surveyed=True)
>>> h.dwelling.floor_area_m2, h.dwelling.water_source.value, len(h.members)
(Decimal('30.9'), 'piped', 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from vnlabor.model.dwelling import Dwelling
from vnlabor.model.household import Household
from vnlabor.model.person import Member

__all__ = ["DWELLING_FIELDS", "HouseholdRow", "MemberRow"]

DWELLING_FIELDS: Final = tuple(Dwelling.model_fields)
"""The dwelling's facts, each a column of the household sheet."""


class HouseholdRow(Household, Dwelling):
    """One row of the household sheet: a household's fields and its dwelling's facts.

    The dwelling's facts (:class:`~vnlabor.Dwelling`) are columns of their own
    (``floor_area_m2``, ``durable_walls`` … ``hears_loudspeaker``) instead of one
    nested field. Every fact is optional: an empty cell is a fact not recorded.
    """

    def household(self, members: Iterable[Member] = (), *, surveyed: bool) -> Household:
        """The household with its members and (when ``surveyed``) its dwelling.

        Args:
            members: The household's members, from the members sheet.
            surveyed: Whether the sheet has dwelling columns: the household's dwelling
                was then surveyed, and a fact left empty is unknown (a household without
                them has no dwelling recorded).

        Raises:
            pydantic.ValidationError: ``size`` differs from the members listed.
        """
        own = {
            name: getattr(self, name)
            for name in self.model_fields_set
            if name in Household.model_fields and name not in ("members", "dwelling")
        }
        if surveyed:
            own["dwelling"] = Dwelling(**{f: getattr(self, f) for f in DWELLING_FIELDS})
        return Household(**own, members=tuple(members))


class MemberRow(Member):
    """One row of the members sheet: a member and the household they belong to."""

    household_id: str
    """The household's identifier, as in the household sheet."""

    def member(self) -> Member:
        """The member alone (without ``household_id``)."""
        return Member(
            **{
                name: getattr(self, name)
                for name in self.model_fields_set
                if name in Member.model_fields
            }
        )
