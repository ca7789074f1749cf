"""The pipeline, stage after stage: pages -> IR -> files.  No stage here touches OUT."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

import jinja2

from . import dialects, failures
from .config import Settings
from .diagnostics import Diagnostic, error, has_errors
from .dialects.operations import lower_operation_pages
from .emit import names
from .emit.modules import RUNTIME_FILES, emit
from .emit.operations import module_clashes as operation_module_clashes
from .failures import LeftOut
from .format.formatter import Formatter, format_files
from .ir import Enum, Model, Module, SourceSpan, Spec, Union_
from .passes.checks import shared_attributes, shared_json_keys
from .passes.defaults import checked_defaults
from .passes.json_reading import apply_json_reading
from .passes.operation_statuses import apply_operation_statuses
from .passes.settings import apply_statuses, apply_wire_names
from .passes.unions import deep_unions, recursive_unions
from .read.markdown import Page, read_page
from .read.sources import MAX_PAGE_BYTES, Selection, Source, find_pages, load_sources  # noqa: F401 - pipeline API
from .resolve import Symbols, specs_root
from .reuse.modules import ModuleRecords, emit_reusing
from .reuse.pages import PageRecords, Reading, symbols_digest


@dataclass(frozen=True)
class Compiled:
    spec: Optional[Spec]  # None when any page has errors
    diagnostics: tuple[Diagnostic, ...]
    pages: int
    kept: Optional[Spec] = None  # the modules that depend on no failed page (what --keep-going writes)
    left_out: tuple[LeftOut, ...] = ()  # the pages that fail or depend on one that does
    skipped: tuple[tuple[str, str], ...] = ()  # (page, what it is): pages that describe no types


@dataclass(frozen=True)
class Generated:
    files: dict[str, str]
    diagnostics: tuple[Diagnostic, ...]
    pages: int
    counts: dict[str, int]
    left_out: tuple[LeftOut, ...] = ()  # written around (--keep-going) or the reason nothing was
    skipped: tuple[tuple[str, str], ...] = ()
    origins: dict[str, str] = field(default_factory=dict)  # generated module -> the page it comes from


_RENAME = "rename the page or its folder"

#: Below this many pages, reading in one process is faster than forking another.
PARALLEL_READ_THRESHOLD = 200
#: Below this many jobs, reading in one process is faster too: a read page travels back
#: pickled, and pickling and unpickling it costs about 0.4 of reading it (700 pages of
#: speakeasy-v1 or of benchmarks/synthetic.py), so with two processes the main one waits
#: about as long as it would have taken to read them all, plus the start of the other.
PARALLEL_READ_JOBS = 4


def _read_all(sources: list[Source]) -> list[Page]:
    return [read_page(source.path, source.text) for source in sources]


def read_pages(sources: list[Source], jobs: int = 1) -> list[Page]:
    """Every page read, in order; with *jobs* of at least PARALLEL_READ_JOBS the other
    processes read a share each while this one reads the first (pages are plain data:
    they travel pickled)."""
    if jobs < PARALLEL_READ_JOBS or len(sources) < PARALLEL_READ_THRESHOLD:
        return _read_all(sources)
    from .workers import can_fork, forked_pool

    if not can_fork():
        return _read_all(sources)

    share = -(-len(sources) // jobs)
    shares = [sources[i : i + share] for i in range(0, len(sources), share)]
    with forked_pool(len(shares) - 1) as pool:
        others = [pool.submit(_read_all, chunk) for chunk in shares[1:]]
        pages = _read_all(shares[0])
        for future in others:
            pages.extend(future.result())
    return pages


def compile_sources(
    sources: list[Source],
    jobs: int = 1,
    dialect: Optional[str] = None,
    root: Optional[str] = None,
    records: Optional[PageRecords] = None,
) -> Compiled:
    """Read, declare, resolve and lower every page; the Spec is None when any page has errors.

    The pages are read as *dialect* (a registered name), else as the dialect detected from them;
    pages the dialect knows describe no types (operation pages, readmes) are skipped.  *root* is
    the specs folder's absolute path, for links that climb out of it and back in.  With
    *records* (:mod:`docgen.reuse.pages`), a page whose record has what the build asks of it
    is not read; a build without errors records the pages it read.
    """
    problems: list[Diagnostic] = []
    reading = Reading(sources, lambda chosen: read_pages(chosen, jobs), records)
    try:
        flavour = dialects.get(dialect) if dialect else dialects.detect_marks(reading.marks(), dialects.DEFAULT)
    except dialects.MixedFamilies as exc:
        return Compiled(None, (mixed_families(exc),), len(sources), None, (), ())
    paths = [source.path for source in sources]
    skipped = tuple((path, what) for path in paths if (what := flavour.not_a_model_page(path)))
    operation_paths = [path for path, what in skipped if what == "operation page"]
    reading.fetch(operation_paths)
    operation_pages = [reading.page(path) for path in operation_paths]
    leave = {page for page, _ in skipped}
    model_paths = [path for path in paths if path not in leave]
    declarations = dict(zip(model_paths, reading.declarations(model_paths, flavour)))
    for page_problems in (found[1] for found in declarations.values()):
        problems.extend(page_problems)
    broken = [path for path, (_, page_problems) in declarations.items() if has_errors(page_problems)]
    symbols = Symbols([d for found, _ in declarations.values() for d in found], flavour, root)
    symbols.skipped = dict(skipped)
    for path in model_paths:
        symbols.add_page(path)
    for path in broken:
        symbols.mark_broken(path, next((s.title.text.strip() for s in reading.page(path).sections if s.level == 1), ""))
    problems.extend(symbols.diagnostics)
    digest = symbols_digest(symbols, flavour) if records is not None and not broken else None
    lowered = dict(zip(model_paths, reading.lowered(model_paths, flavour, symbols, digest)))
    modules = _lower_all(lowered.values(), problems)
    problems.extend(_module_clashes(modules))
    decls = {d.key: d for m in modules for d in m.decls}
    operations = lower_operation_pages(operation_pages, flavour, symbols, problems, decls)
    problems.extend(operation_module_clashes(modules) if operations else ())
    spec = Spec(tuple(sorted(modules, key=lambda m: m.page)), operations)
    cycles = recursive_unions(spec)
    problems.extend(cycles or deep_unions(spec))
    depends = failures.dependencies(modules, {k: d.page for k, d in symbols.by_key.items()}, symbols.knock_on)
    dropped = failures.left_out(failures.failed_pages(problems), depends)
    problems = failures.with_referrer_counts(problems, depends)
    left_out = tuple(sorted(dropped.values(), key=lambda d: d.page))
    kept = failures.kept(spec, dropped)
    if digest is not None and not has_errors(problems):
        reading.remember(flavour, digest, declarations, lowered)
    return Compiled(None if has_errors(problems) else spec, tuple(problems), len(sources), kept, left_out, skipped)


def mixed_families(exc: dialects.MixedFamilies) -> Diagnostic:
    """The error of a tree whose pages two docs generators wrote, at the second one's page."""
    (page_a, family_a), (page_b, family_b) = exc.first, exc.second
    return error(
        SourceSpan(page_b, 1, 1),
        f"pages of two docs families: {page_a} is written by {family_a}, {page_b} by {family_b}",
        "build each family's pages separately (--include/--exclude), or force one with --dialect",
    )


def _lower_all(
    lowered: Iterable[tuple[Optional[Module], list[Diagnostic]]], problems: list[Diagnostic]
) -> list[Module]:
    """The modules of the pages lowered; each new problem appended to *problems* once."""
    modules: list[Module] = []
    seen = set(problems)  # a problem reported twice is printed once; a set keeps this linear
    for module, page_problems in lowered:
        for problem in page_problems:
            if problem not in seen:
                seen.add(problem)
                problems.append(problem)
        if module is not None:
            modules.append(module)
    return modules


def _module_clashes(modules: list[Module]) -> list[Diagnostic]:
    """Two pages that would write one file, or a module where a package must be."""
    problems = []
    seen: dict[tuple[str, ...], str] = {(name,): "docgen's support module" for name in RUNTIME_FILES}
    packages = {m.module[:depth] for m in modules for depth in range(1, len(m.module))}
    for module in sorted(modules, key=lambda m: m.page):
        span = SourceSpan(module.page, 1, 1)
        reason = names.module_path_problem(module.module)
        if reason is not None:
            problems.append(error(span, f"page cannot be the module {'.'.join(module.module)}: {reason}", _RENAME))
        elif module.module in seen:
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


def generate(
    specs_dir: Path,
    user_templates: Optional[str] = None,
    settings: Optional[Settings] = None,
    formatter: Formatter = format_files,
    loaded: Optional[tuple[list[Source], list[Diagnostic]]] = None,
    jobs: int = 1,
    records: Optional[PageRecords] = None,
    modules: Optional[ModuleRecords] = None,
) -> Generated:
    """Every file of the package the pages below *specs_dir* describe, or the errors that prevent it.

    *loaded* is the result of :func:`load_sources` when the caller has read the pages already;
    *jobs* processes read the pages and render the modules; *records* and *modules*: what earlier builds read and
    rendered (:mod:`docgen.reuse`)."""
    selection = Selection(settings.include, settings.exclude) if settings is not None else Selection()
    limit = settings.max_page_size if settings is not None else MAX_PAGE_BYTES
    sources, problems = loaded if loaded is not None else load_sources(specs_dir, selection, limit)
    dialect = settings.dialect if settings is not None else None
    compiled = compile_sources(sources, jobs, dialect, specs_root(specs_dir), records)
    diagnostics = tuple(problems) + compiled.diagnostics

    def failed(more: tuple[Diagnostic, ...] = ()) -> Generated:
        return Generated({}, diagnostics + more, compiled.pages, {}, compiled.left_out, compiled.skipped)

    keep_going = settings is not None and settings.keep_going
    spec = compiled.spec if compiled.spec is not None and not has_errors(problems) else None
    if spec is None and keep_going and compiled.kept is not None and compiled.kept.modules:
        spec = compiled.kept
    if spec is None:
        return failed()
    if settings is not None:
        spec, naming_problems = apply_wire_names(spec, settings)
        spec, status_problems = apply_statuses(spec, settings)
        spec, reading_problems = apply_json_reading(spec, settings)
        spec, operation_problems = apply_operation_statuses(spec, settings)
        naming_problems += status_problems + reading_problems + operation_problems
        if has_errors(naming_problems):
            return failed(tuple(naming_problems))
        diagnostics += tuple(naming_problems)
    spec, default_problems = checked_defaults(spec)
    diagnostics += tuple(default_problems)
    clashes = shared_json_keys(spec) or shared_attributes(spec)
    if clashes:
        return failed(tuple(clashes))
    try:
        files = _emit(spec, user_templates, formatter, settings is not None and settings.allow_nan, modules, jobs)
    except Exception as exc:  # noqa: BLE001 - sorted out below: the user's template, or a bug
        problem = _template_problem(exc, user_templates) if user_templates is not None else None
        if problem is None:
            raise  # docgen's own templates or code are broken: a bug
        return failed((problem,))
    decls = list(spec.decls().values())
    counts = {
        "models": sum(isinstance(d, Model) for d in decls),
        "enums": sum(isinstance(d, Enum) for d in decls),
        "unions": sum(isinstance(d, Union_) for d in decls),
    }
    origins = {"/".join(m.module) + ".py": m.page for m in spec.modules}
    return Generated(files, diagnostics, compiled.pages, counts, compiled.left_out, compiled.skipped, origins)


def _emit(
    spec: Spec,
    user_templates: Optional[str],
    formatter: Formatter,
    allow_nan: bool,
    modules: Optional[ModuleRecords],
    jobs: int,
) -> dict[str, str]:
    """The files of *spec*, rendered in *jobs* processes: with docgen's templates and
    *modules*, each module whose record holds taken from OUT."""
    if modules is None or user_templates is not None:
        return emit(spec, user_templates, formatter, allow_nan=allow_nan, jobs=jobs)
    files = emit_reusing(spec, formatter, modules, allow_nan, jobs)
    modules.save()
    return files


def _template_problem(exc: Exception, user_templates: str) -> Optional[Diagnostic]:
    """A user template that does not render, or renders something that is not Python; None
    when *exc* did not come from the user's templates (a bug in docgen)."""
    hint = "fix the template in your templates folder; compare it with docgen's of the same name"
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = SourceSpan(_shown(Path(user_templates) / (exc.name or "?")), exc.lineno or 1, 1)
        return error(where, f"template syntax error: {exc.message}", hint)
    import black  # imported by then: the user's templates are formatted by black

    if isinstance(exc, black.InvalidInput):
        first = str(exc).splitlines()[0] if str(exc) else "invalid Python"
        return error(
            SourceSpan(_shown(Path(user_templates)), 1, 1),
            f"the templates in {_shown(Path(user_templates))} produced code that is not valid Python: {first}",
            "compare your templates with docgen's of the same name",
        )
    where = _template_frame(exc, Path(user_templates))
    if where is None:
        if not isinstance(exc, jinja2.TemplateError):
            return None
        where = SourceSpan(_shown(Path(user_templates)), 1, 1)
    reason = "templates include each other without end" if isinstance(exc, RecursionError) else str(exc)
    message = f"template failed: {type(exc).__name__}: {reason}"
    return error(where, message[:500], hint)


def _template_frame(exc: BaseException, folder: Path) -> Optional[SourceSpan]:
    """The innermost place in one of the user's templates in *exc*'s traceback: Jinja
    rewrites its frames to the template's file and line."""
    import traceback

    root = folder.resolve()
    found = None
    for frame in traceback.extract_tb(exc.__traceback__):
        path = Path(frame.filename)
        if path.is_absolute() and path.suffix == ".jinja" and root in path.resolve().parents:
            found = SourceSpan(_shown(path), frame.lineno or 1, 1)
    return found


def _shown(path: Path) -> str:
    from .config import display_path

    return display_path(path)
