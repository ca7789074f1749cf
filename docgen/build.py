"""The pipeline, stage after stage: pages -> IR -> files.  No stage here touches OUT."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from . import dialect
from .diagnostics import Diagnostic, error, has_errors
from .emit import RUNTIME_FILES, emit
from .ir import Enum, Model, Module, Ref, SourceSpan, Spec, Union_
from .read import Page, read_page
from .resolve import Symbols


@dataclass(frozen=True)
class Source:
    path: str  # spec-relative POSIX path
    text: str


@dataclass(frozen=True)
class Compiled:
    spec: Optional[Spec]
    diagnostics: tuple[Diagnostic, ...]
    pages: int


@dataclass(frozen=True)
class Generated:
    files: dict[str, str]
    diagnostics: tuple[Diagnostic, ...]
    pages: int
    counts: dict[str, int]


def find_pages(specs_dir: Path) -> list[Path]:
    """Every ``*.md`` file below *specs_dir*, in a stable order; hidden folders skipped."""
    found = []
    for folder, subfolders, files in os.walk(specs_dir):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        found.extend(Path(folder) / f for f in sorted(files) if f.endswith(".md"))
    return sorted(found, key=lambda p: p.relative_to(specs_dir).as_posix())


def load_sources(specs_dir: Path) -> tuple[list[Source], list[Diagnostic]]:
    sources, problems = [], []
    for path in find_pages(specs_dir):
        rel = path.relative_to(specs_dir).as_posix()
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            line = data[: exc.start].count(b"\n") + 1
            col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
            problems.append(error(SourceSpan(rel, line, col), "page is not valid UTF-8", "save the page as UTF-8"))
            continue
        sources.append(Source(rel, text))
    return sources, problems


def compile_sources(sources: list[Source]) -> Compiled:
    """Read, declare, resolve and lower every page; the Spec is None when any page has errors."""
    problems: list[Diagnostic] = []
    pages: list[tuple[Page, str]] = []
    declared = []
    for source in sources:
        page = read_page(source.path, source.text)
        pages.append((page, source.text))
        found, page_problems = dialect.declarations(page)
        declared.extend(found)
        problems.extend(page_problems)
    symbols = Symbols(declared)
    for page, _ in pages:
        symbols.add_page(page.path)
    problems.extend(symbols.diagnostics)
    modules: list[Module] = []
    for page, text in pages:
        module, page_problems = dialect.lower_page(page, text, symbols)
        problems.extend(p for p in page_problems if p not in problems)
        if module is not None:
            modules.append(module)
    problems.extend(_module_clashes(modules))
    spec = Spec(tuple(sorted(modules, key=lambda m: m.page)))
    problems.extend(_recursive_unions(spec))
    if has_errors(problems):
        return Compiled(None, tuple(problems), len(sources))
    return Compiled(spec, tuple(problems), len(sources))


def _module_clashes(modules: list[Module]) -> list[Diagnostic]:
    """Two pages that would write one file, or a module where a package must be."""
    problems = []
    seen: dict[tuple[str, ...], str] = {(name,): "docgen's support module" for name in RUNTIME_FILES}
    packages = {m.module[:depth] for m in modules for depth in range(1, len(m.module))}
    for module in sorted(modules, key=lambda m: m.page):
        span = SourceSpan(module.page, 1, 1)
        if module.module in seen:
            problems.append(
                error(
                    span,
                    f"page would be written to the same module as {seen[module.module]}",
                    "rename one of the pages",
                )
            )
        elif module.module in packages:
            problems.append(error(span, "page has the same name as a folder of pages", "rename the page or the folder"))
        seen.setdefault(module.module, module.page)
    return problems


def _recursive_unions(spec: Spec) -> list[Diagnostic]:
    """A union that contains itself (directly, not through a model) has no finite annotation."""
    decls = spec.decls()
    problems = []

    def members(union: Union_, trail: tuple[str, ...]) -> Optional[tuple[str, ...]]:
        for member in union.members:
            for key in _direct_refs(member):
                target = decls.get(key)
                if isinstance(target, Union_):
                    if key in trail:
                        return trail + (key,)
                    found = members(target, trail + (key,))
                    if found:
                        return found
        return None

    for decl in decls.values():
        if isinstance(decl, Union_):
            cycle = members(decl, (decl.key,))
            if cycle:
                problems.append(
                    error(
                        decl.span,
                        "union contains itself: " + " -> ".join(k.rpartition(".")[2] for k in cycle),
                        "break the cycle with a model that holds the union as a field",
                    )
                )
    return problems


def _direct_refs(ref: object) -> list[str]:
    if isinstance(ref, Ref):
        return [ref.key]
    children = []
    for name in ("inner", "item", "value"):
        if hasattr(ref, name):
            children.append(getattr(ref, name))
    children.extend(getattr(ref, "members", ()))
    return [key for child in children for key in _direct_refs(child)]


def generate(specs_dir: Path, user_templates: Optional[str] = None) -> Generated:
    sources, problems = load_sources(specs_dir)
    compiled = compile_sources(sources)
    diagnostics = tuple(problems) + compiled.diagnostics
    if compiled.spec is None or has_errors(problems):
        return Generated({}, diagnostics, compiled.pages, {})
    files = emit(compiled.spec, user_templates)
    decls = list(compiled.spec.decls().values())
    counts = {
        "models": sum(isinstance(d, Model) for d in decls),
        "enums": sum(isinstance(d, Enum) for d in decls),
        "unions": sum(isinstance(d, Union_) for d in decls),
    }
    return Generated(files, diagnostics, compiled.pages, counts)
