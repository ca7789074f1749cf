"""Docstrings over several lines that black would write as they are.

Part of the formatting stage.  A build that changes one page's prose changes one
docstring, and until now every docstring over several lines went to black, so such a
build paid for importing black (more than the rest of the build).  black changes a
docstring only by re-indenting its lines (PEP 257: the smallest indentation of the lines
after the first becomes the block's), stripping trailing whitespace and the whitespace
around the first line, padding a quote or a backslash at either end with a space,
dropping the lines after the first when they are all blank, and putting the closing
quotes on a line of their own when they would not fit.  :func:`kept_docstring` writes
a docstring inside a block re-indented as black would (docgen's templates write the
lines of a description after the first at the margin) and keeps one that none of the
other changes touch (and that has none of what the releases of black treat
differently: tabs, backslashes, line breaks other than ``\\n``); the rest goes to
black as before.
"""

from __future__ import annotations

import re
from typing import Optional

from .statements import LINE_LENGTH

#: What black's releases read differently in a docstring: tabs (expanded), backslashes
#: (escapes, continuations), and the line breaks ``str.splitlines`` knows besides ``\n``.
_UNSURE = re.compile("[\t\\\\\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def kept_docstring(statement: list[str]) -> Optional[list[str]]:
    """*statement*, a docstring over several lines, as one piece when black would write it
    exactly so; None when black must lay it out."""
    first = statement[0]
    indent = first[: len(first) - len(first.lstrip(" "))]
    text = "\n".join(statement)
    if len(indent) % 4 or _UNSURE.search(text) or text.count('"""') != 2:
        return None
    if not (first.startswith('"""', len(indent)) and text.endswith('"""')):
        return None  # a prefix, or something after the string
    content = text[len(indent) + 3 : -3]
    if not content or content[0].isspace() or content[0] == '"' or content[-1] in '"\n':
        return None  # black pads or strips these ends (and its releases differ on a final break)
    fixed = _pep257(content, indent)
    if fixed != content and (not indent or fixed.count("\n") != content.count("\n") or fixed[-1] in '"\n '):
        return None  # at the margin black's releases differ; black drops lines all blank; or new ends
    if len(fixed) - fixed.rfind("\n") - 1 + 3 > LINE_LENGTH:
        return None  # black may move the closing quotes to a line of their own
    return [indent + '"""' + fixed + '"""']


def _pep257(content: str, indent: str) -> str:
    """*content* re-indented as black re-indents a docstring at *indent* (its tabs aside)."""
    lines = content.split("\n")
    margin = min((len(line) - len(line.lstrip()) for line in lines[1:] if line.lstrip()), default=None)
    trimmed = [lines[0].strip()]
    if margin is not None:
        last = len(lines) - 2
        for number, line in enumerate(lines[1:]):
            stripped = line[margin:].rstrip()
            trimmed.append(indent + stripped if stripped or number == last else "")
    return "\n".join(trimmed)
