"""MkDocs hook: pages generated from the package at build time, never kept in git.

* ``parameters.md`` is :func:`vnlabor.catalogue.catalogue_markdown`: every legal
  parameter, dated value, overlay and instrument, straight from ``law/data/*.toml``.
* In ``glossary.md`` the marker ``<!-- vnlabor:labels -->`` is replaced by tables of the
  Vietnamese and English labels of vnlabor's domain enums, read from the package's
  gettext catalogues (:func:`vnlabor.l10n.label`).
* In the API reference, ``<!-- vnlabor:submodules PACKAGE -->`` becomes one mkdocstrings
  block per public module of ``PACKAGE`` (found by walking the package, so a module
  added or renamed in the code is documented without editing the page), and
  ``<!-- vnlabor:public-api -->`` a table of ``vnlabor.__all__`` linking each name to
  its documentation.

The generated page exists only in the build (``File.generated``): ``docs/`` holds no copy.
"""

from __future__ import annotations

import importlib.util
import inspect
import pkgutil
import re
from enum import Enum
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import vnlabor
from vnlabor.catalogue import catalogue_markdown
from vnlabor.l10n import label
from vnlabor.model import Area, Confidence, CourseLevel, Deprivation, PovertyStatus, Sex
from vnlabor.model.departure import DepartureForm, DestinationMarket
from vnlabor.model.job_fair import JobFairKind
from vnlabor.model.new_job import NewJobSource
from vnlabor.model.training_outcome import EmploymentOutcome
from vnlabor.programmes import (
    AbroadGroup,
    EmploymentLawGroup,
    Lender,
    Outcome,
    Programme,
    SupportKind,
    TrainingCategory,
)

CATALOGUE_PAGE = "parameters.md"
LABELS_MARKER = "<!-- vnlabor:labels -->"
PUBLIC_API_MARKER = "<!-- vnlabor:public-api -->"
SUBMODULES_MARKER = re.compile(r"^<!-- vnlabor:submodules ([\w.]+) -->$", re.MULTILINE)

GLOSSARY_ENUMS: tuple[type[Enum], ...] = (
    PovertyStatus,
    Area,
    Deprivation,
    CourseLevel,
    TrainingCategory,
    Programme,
    SupportKind,
    Outcome,
    AbroadGroup,
    EmploymentLawGroup,
    Lender,
    JobFairKind,
    NewJobSource,
    EmploymentOutcome,
    DepartureForm,
    DestinationMarket,
    Sex,
    Confidence,
)


def labels_markdown(enums: tuple[type[Enum], ...] = GLOSSARY_ENUMS) -> str:
    """One table per enum: member, value, Vietnamese label, English label."""
    out: list[str] = []
    for enum in enums:
        path = f"{enum.__module__}.{enum.__qualname__}"
        out += [
            f"### `{enum.__qualname__}`",
            "",
            f"`{path}`",
            "",
            "| Member | Value | Tiếng Việt | English |",
            "|---|---|---|---|",
        ]
        out += [f"| `{m.name}` | `{m.value}` | {label(m, 'vi')} | {label(m, 'en')} |" for m in enum]
        out.append("")
    return "\n".join(out)


def public_modules(package: str) -> list[str]:
    """Dotted names of the public modules directly inside ``package``, sorted.

    Subpackages (data folders such as ``vnlabor.law.data``) and modules whose name
    starts with ``_`` are left out.
    """
    # Found without importing the package itself: an optional extra's package (e.g.
    # vnlabor.batch, which needs numpy) is documented from its source.
    spec = importlib.util.find_spec(package)
    if spec is None or spec.submodule_search_locations is None:
        raise ValueError(f"{package} is not a package")
    return sorted(
        f"{package}.{info.name}"
        for info in pkgutil.iter_modules(spec.submodule_search_locations)
        if not info.ispkg and not info.name.startswith("_")
    )


def submodules_markdown(package: str) -> str:
    """One mkdocstrings block per public module of ``package``."""
    return "\n\n".join(f"::: {name}" for name in public_modules(package))


def _summary(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.strip().splitlines()[0] if doc.strip() else ""


def public_api_markdown() -> str:
    """A table of ``vnlabor.__all__``: each name linked to where it is documented."""
    rows = ["| Name | Defined in | Summary |", "|---|---|---|"]
    for name in sorted(vnlabor.__all__, key=str.casefold):
        obj = getattr(vnlabor, name)
        module = getattr(obj, "__module__", None)
        if not isinstance(module, str) or not (inspect.isclass(obj) or inspect.isfunction(obj)):
            continue  # __version__ and other plain values
        summary = _summary(obj).replace("|", "\\|")
        rows.append(f"| [`{name}`][{module}.{name}] | `{module}` | {summary} |")
    return "\n".join(rows)


def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    """Add the parameter catalogue to the site as a generated page."""
    existing = files.get_file_from_path(CATALOGUE_PAGE)
    if existing is not None:  # a stale hand-made copy must not win over the data
        files.remove(existing)
    files.append(File.generated(config, CATALOGUE_PAGE, content=catalogue_markdown()))
    return files


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any
) -> str:
    """Fill the glossary's label tables and the API reference's generated parts."""
    if LABELS_MARKER in markdown:
        markdown = markdown.replace(LABELS_MARKER, labels_markdown())
    if PUBLIC_API_MARKER in markdown:
        markdown = markdown.replace(PUBLIC_API_MARKER, public_api_markdown())
    return SUBMODULES_MARKER.sub(lambda m: submodules_markdown(m.group(1)), markdown)
