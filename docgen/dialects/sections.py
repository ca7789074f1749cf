"""Where a page's type sections stand: found wherever they are, the unused ones noted.

The page's ``# Title`` type is described by the first declaring section (the dialect's
Fields/Values/Supported Types, at its section level or deeper) that is not below another
type's heading: layout sections such as ``## Example Usage`` or prose such as ``## Overview``
may come first.  A ``## Name`` heading with a declaring section of its own below it (not
one of the dialect's layout sections) describes a further type of the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from ..diagnostics import Diagnostic, error, note, remark, warning
from ..ir import SourceSpan
from ..read.markdown import Block, Cell, Page, Section
from .dialect import Dialect


@dataclass(frozen=True, slots=True)
class TypeSection:
    """A heading that names a type, with the section that holds its table or union."""

    kind: str
    title: Cell
    body: Section  # the declaring section (fields, values or union members)
    intro: Section  # where the description paragraphs are
    content: tuple[Block, ...]  # the body's blocks and those of its sub-sections


def type_sections(page: Page, dialect: Dialect) -> tuple[list[TypeSection], list[Diagnostic]]:
    """The sections of *page* that describe types, and the problems (and notes) about the rest."""
    sections = page.sections
    h1 = next((s for s in sections if s.level == 1), None)
    if h1 is None:
        problem = error(
            SourceSpan(page.path, 1, 1),
            "page has no '# Title' heading naming its type",
            "start the page with '# TypeName'",
        )
        return [], [problem]
    found, problems, used = _find(sections, h1, dialect)
    if not any(t.intro is h1 for t in found):
        top = dialect.section_level
        wanted = [f"'{'#' * top} {title}'" for title in dialect.sections]
        listed = ", ".join(wanted[:-1]) + " or " + wanted[-1] if len(wanted) > 1 else "".join(wanted)
        problems.append(
            error(
                h1.span,
                f"page {h1.title.text!r} has no {listed} section",
                "add the section that describes the type, or move the page out of the specs folder",
            )
        )
    problems.extend(_unused(sections, used, dialect))
    return found, problems


def _find(
    sections: Sequence[Section], h1: Section, dialect: Dialect
) -> tuple[list[TypeSection], list[Diagnostic], set[int]]:
    found: list[TypeSection] = []
    problems: list[Diagnostic] = []
    used = {id(h1)} | {id(s) for s in sections if s.level == 0}
    owner: Optional[Section] = h1
    for index, section in enumerate(sections):
        kind = dialect.section_kind(section)
        h1_open = not any(t.intro is h1 for t in found)
        if section.level == 1 and section is not h1:
            problems.append(
                warning(section.span, "a second '# Title' heading is ignored", "use '## Name' for another type")
            )
            owner = None
        elif section.level == 1 or id(section) in used or section.level < dialect.section_level:
            continue
        elif kind is not None and owner is not None and (owner is h1 or section.level > owner.level):
            found.append(TypeSection(kind, owner.title, section, owner, subtree(sections, index)))
            used |= {id(section), id(owner)} | {id(s) for s in _below(sections, index)}
            owner = None
        elif kind is None and section.level == dialect.section_level:
            if _names_a_type(sections, index, dialect):
                owner = section  # '## BackoffStrategy' with its '### Fields' is another type of the page
            else:
                owner = h1 if h1_open else None  # prose: the title's own section may still follow
    return found, problems, used


def _names_a_type(sections: Sequence[Section], index: int, dialect: Dialect) -> bool:
    """A heading that is no layout section, with a declaring section below it."""
    if sections[index].title.text.strip().lower() in dialect.layout_sections:
        return False
    return any(dialect.section_kind(s) is not None for s in _below(sections, index))


def _below(sections: Sequence[Section], index: int) -> list[Section]:
    """The sections below ``sections[index]``, up to the next one at its level or above."""
    below = []
    for section in sections[index + 1 :]:
        if section.level <= sections[index].level:
            break
        below.append(section)
    return below


def subtree(sections: Sequence[Section], index: int) -> tuple[Block, ...]:
    """The blocks of ``sections[index]`` and of the deeper sections that follow it."""
    return tuple(block for section in [sections[index], *_below(sections, index)] for block in section.blocks)


def _unused(sections: Sequence[Section], used: set[int], dialect: Dialect) -> list[Diagnostic]:
    """A note for each layout section (listed under -v), a remark for any other unused one."""
    problems = []
    for section in sections:
        if id(section) in used or section.level <= 1:
            continue
        title = section.title.text.strip()
        if title.lower() in dialect.layout_sections:
            problems.append(note(section.span, f"section {title!r} describes no type; not read"))
            continue
        read = ", ".join(f"'{'#' * dialect.section_level} {t}'" for t in dialect.sections)
        problems.append(
            remark(
                section.span,
                f"section {title!r} is not one docgen reads; ignored",
                f"docgen reads {read} (one level deeper below a '## Name' heading of a further type)",
            )
        )
    return problems
