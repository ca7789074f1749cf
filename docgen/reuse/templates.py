"""The Python code Jinja made of docgen's templates, kept from one build to the next.

Jinja turns a template into the source of a Python module (lexing, parsing and code
generation, in Python), then compiles that source.  A rebuild after one page changed
renders a few modules, and making Python of the templates they use cost a tenth of
it.  The cache pack ``templates`` keeps that source, keyed by the template's own text,
its name, Jinja's version and docgen's code (the filters and tests a template may use
are docgen's); a rebuild compiles the kept source, which CPython does in a fifth of the
time.  What is kept is text checked like every record of a pack, never a code object
(``marshal`` trusts what it reads).
"""

from __future__ import annotations

import hashlib
from typing import Optional

import jinja2

from .. import incremental

_PACK = "templates"
#: Enough for docgen's templates under a few of its versions.
LIMIT = 200


class RememberedTemplates:
    """Python made of templates by earlier builds (read when first asked), and what this
    build made (:meth:`save` adds it to the pack)."""

    def __init__(self) -> None:
        self.known: Optional[dict[str, str]] = None
        self.learned: dict[str, str] = {}

    def python(self, environment: jinja2.Environment, source: str, name: Optional[str]) -> Optional[str]:
        """What an earlier build made of *source* (template *name*) in this setting, if kept."""
        if self.known is None:
            self.known = incremental.load_pack(_PACK)
        return self.known.get(_key(environment, source, name))

    def learn(self, environment: jinja2.Environment, source: str, name: Optional[str], python: str) -> None:
        self.learned[_key(environment, source, name)] = python

    def save(self) -> None:
        if self.learned:
            incremental.save_pack(_PACK, self.learned, LIMIT)
            if self.known is not None:
                self.known.update(self.learned)
            self.learned = {}


def _key(environment: jinja2.Environment, source: str, name: Optional[str]) -> str:
    """The hash of everything Jinja's code for *source* depends on: the text, the name,
    Jinja, docgen (whose code sets the environment's options, filters and tests)."""
    digest = hashlib.sha256()
    for part in (jinja2.__version__, incremental.code_digest(), _options(environment), name or "", source):
        digest.update(f"{len(part)}\0{part}\0".encode("utf-8"))
    return digest.hexdigest()


def _options(environment: jinja2.Environment) -> str:
    """The environment's settings that change the code Jinja generates."""
    settings = (
        environment.block_start_string,
        environment.block_end_string,
        environment.variable_start_string,
        environment.variable_end_string,
        environment.comment_start_string,
        environment.comment_end_string,
        environment.line_statement_prefix,
        environment.line_comment_prefix,
        environment.trim_blocks,
        environment.lstrip_blocks,
        environment.newline_sequence,
        environment.keep_trailing_newline,
        environment.optimized,
        environment.is_async,
        environment.autoescape,
        environment.undefined.__name__,
        sorted(environment.filters),
        sorted(environment.tests),
    )
    return repr(settings)
