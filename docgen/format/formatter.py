"""Formatting generated code: black, and the layout shortcut for docgen's own templates.

Part of the formatting stage.  Code from docgen's templates goes through
:func:`format_source` (black's layout known ahead for the fixed support modules, else one
pass of black, run only on the statements :mod:`docgen.format.layout` cannot keep as they
are); code from a user's templates through :func:`format_source_twice` (black alone, until
stable).  black is imported only when a statement needs it: importing it costs more than
a no-op build, and a build whose statements are all plain never runs it.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING, Any, Callable

from . import layout
from .known import known_layout

if TYPE_CHECKING:
    import black


@lru_cache(maxsize=1)
def _black() -> tuple[black.Mode, Callable[..., str]]:
    """How generated code is formatted, and black's single pass.

    ``black.format_str`` formats twice whenever the first pass changed anything, to be
    sure the result is stable; docgen's own templates give code that one pass makes
    stable (tests/emit/test_black_stable.py checks it), so the second pass, as long as the
    first, is skipped.  Every black from 24.1 to 26 has this private function (the build
    under several versions is tested); without it, the public one serves."""
    import black

    mode = black.Mode(
        target_versions={black.TargetVersion.PY310},
        line_length=layout.LINE_LENGTH,
        string_normalization=True,
        magic_trailing_comma=True,
    )
    return mode, getattr(black, "_format_str_once", black.format_str)


def __getattr__(name: str) -> Any:
    """``BLACK_MODE``: how generated code is formatted (black imported on first use)."""
    if name == "BLACK_MODE":
        return _black()[0]
    raise AttributeError(name)


def black_once(source: str) -> str:
    mode, once = _black()
    return once(source, mode=mode)


def format_source(source: str) -> str:
    """*source*, the code of docgen's own templates, as black formats it: black runs only
    on the statements docgen/format/layout.py cannot keep as they are."""
    known = known_layout(source)
    return known if known is not None else layout.format_code(source, black_once)


def format_source_twice(source: str) -> str:
    """*source* formatted by black until stable: for code of the user's templates."""
    import black

    return black.format_str(source, mode=_black()[0])


def format_files(files: dict[str, str]) -> dict[str, str]:
    """Every ``.py`` file through black, one after another; other files as they are."""
    return {path: format_source(text) if path.endswith(".py") else text for path, text in files.items()}


def format_files_twice(files: dict[str, str]) -> dict[str, str]:
    """:func:`format_files` for code of the user's templates: black alone, until stable."""
    return {path: format_source_twice(text) if path.endswith(".py") else text for path, text in files.items()}


#: Formats a whole build at once: relative path -> unformatted text, to formatted text.
Formatter = Callable[[dict[str, str]], dict[str, str]]
