"""The one base class every vnlabor record derives from."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class VnlaborModel(BaseModel):
    """Frozen, strict-shaped pydantic model shared by all vnlabor records.

    * ``frozen``: records are values; change one with ``model_validate`` on new data,
      not by mutation (``model_copy(update=...)`` would skip validation).
    * ``extra="forbid"``: a misspelt field is an error, not silently dropped.
    * ``hide_input_in_errors``: a rejected record may hold a citizen ID or a name, so
      pydantic's echo of the whole input is suppressed; vnlabor's own error messages
      name the offending (non-personal) value instead.
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        use_attribute_docstrings=True,
        hide_input_in_errors=True,
        validate_default=False,
    )
