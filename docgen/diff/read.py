"""A tree's pages to the resolved IR, as ``docgen build`` reads them (same stages, same settings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..build import compile_sources
from ..config import Settings
from ..diagnostics import Diagnostic, has_errors
from ..ir import Spec
from ..passes.settings import apply_statuses, apply_wire_names
from ..read.sources import Selection, load_sources
from ..resolve import specs_root
from .sources import Tree


@dataclass(frozen=True)
class Read:
    tree: Tree
    spec: Optional[Spec]  # None when any page has errors
    diagnostics: tuple[Diagnostic, ...]
    pages: int


def read_tree(tree: Tree, settings: Settings, jobs: int = 1) -> Read:
    """Every page of *tree* read, declared, resolved and lowered, wire names and statuses applied."""
    if tree.empty:
        return Read(tree, Spec(()), (), 0)
    sources, problems = load_sources(tree.folder, Selection(settings.include, settings.exclude), settings.max_page_size)
    compiled = compile_sources(sources, jobs, settings.dialect, specs_root(tree.folder))
    diagnostics = tuple(problems) + compiled.diagnostics
    spec = compiled.spec
    if spec is None or has_errors(diagnostics):
        return Read(tree, None, diagnostics, len(sources))
    # An override that names a field one version lacks is the configuration's matter, not a
    # change: the overrides that apply are applied, the others are left to build to report.
    spec, _ = apply_wire_names(spec, settings)
    spec, _ = apply_statuses(spec, settings)
    return Read(tree, spec, diagnostics, len(sources))
