"""``vnlabor schema``: the JSON Schema of a record type."""

from __future__ import annotations

import json
import sys

import vnlabor
from vnlabor.base.model import VnlaborModel

__all__ = ["run_schema"]


def run_schema(name: str, mode: str) -> int:
    """Print the JSON Schema of the record type called ``name``; the exit status."""
    model = getattr(vnlabor, name, None)
    if not (isinstance(model, type) and issubclass(model, VnlaborModel)):
        known = sorted(
            n
            for n in vnlabor.__all__
            if isinstance(getattr(vnlabor, n), type)
            and issubclass(getattr(vnlabor, n), VnlaborModel)
        )
        print(f"vnlabor: no record type {name!r}; one of: {', '.join(known)}", file=sys.stderr)
        return 2
    schema = model.model_json_schema(mode=mode)  # type: ignore[arg-type]
    print(json.dumps(schema, ensure_ascii=False, indent=2))
    return 0
