"""A line's string literals: black's quotes for them, and the code outside them.

Part of the formatting stage (:mod:`docgen.format.statements` reads statements with
these).  Each scan here gives what a loop over every token of the line gave
(``statements._TOKEN``), in fewer steps: most lines hold one kind of quote and no
backslash, and are split at their quotes; tests/format/test_layout_shortcuts.py compares
each with that loop.
"""

from __future__ import annotations

import re
from typing import Optional

#: A string literal on one line (a letter or digit before it taken as its prefix), or a
#: comment's ``#``: the literals ``statements._TOKEN`` finds, without a match for each bracket
#: between them (a bracket or any other one-character token cannot start a literal, so
#: skipping them finds the same literals).
_LITERAL_OR_COMMENT = re.compile(r"""[A-Za-z_0-9]?("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')|#""")
#: A string literal on one line with its prefix, as :data:`_LITERAL_OR_COMMENT` finds it.
_LITERAL = re.compile(r"""[A-Za-z_0-9]?(?:"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')""")
#: What the statements module leaves to black: backslashes, tabs and other odd spaces.
_ODD = re.compile(r"[\\\t\r\f]")


def _code(line: str) -> str:
    """*line* without its string literals and its comment: the text whose brackets count.

    One substitution and a partition in C, where a loop over every token in Python cost
    most of reading a statement; tests/format/test_layout_shortcuts.py compares it with that loop."""
    if "'" not in line and '"' not in line:
        return line.partition("#")[0] if "#" in line else line
    if "\\" not in line and "\n" not in line and ("'" not in line or '"' not in line):
        # one kind of quote, no escapes: the quotes pair up in order (as in _requoted)
        quote = '"' if "'" not in line else "'"
        parts = line.split(quote)
        outside = "".join(parts[0::2]) if len(parts) % 2 else "".join(parts[0:-1:2]) + quote + parts[-1]
        return outside.partition("#")[0]
    return _LITERAL.sub("", line).partition("#")[0]


def _odd(code: str) -> bool:
    """Whether *code* holds what :data:`_ODD` matches: four scans for one character each
    cost less than the pattern tried at every position of the line."""
    return "\\" in code or "\t" in code or "\r" in code or "\f" in code


def _bracket_change(code: str) -> int:
    return code.count("(") + code.count("[") + code.count("{") - code.count(")") - code.count("]") - code.count("}")


def _quotes(line: str) -> Optional[str]:
    """*line* with black's quotes: ``'text'`` becomes ``"text"`` when *text* has no ``"``;
    None for a string black might change otherwise (prefixed, escaped, triple-quoted).

    Remembered per line: the layouts tried one after another on a statement each ask
    for its quotes, and the long lines of key tables hold dozens of strings."""
    if line.endswith(" "):
        return None
    if "'" not in line and '"' not in line and "#" not in line:
        return line
    quoted = _QUOTED.get(line, _UNSET)
    if quoted is _UNSET:
        if len(_QUOTED) > 100_000:
            _QUOTED.clear()
        quoted = _QUOTED[line] = _requoted(line)
    return quoted  # type: ignore[return-value]


#: :func:`_quotes` of the lines met in this process.
_QUOTED: dict[str, Optional[str]] = {}
_UNSET = object()
#: What ``statements._TOKEN`` takes as a string's prefix.
_PREFIX_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_0123456789")


def _requoted(line: str) -> Optional[str]:
    """:func:`_quotes` worked out.  A line with one kind of quote and no comment nor
    backslash (most lines) is split at its quotes, which then pair up in order; any other
    goes through its literals one by one.  tests/format/test_layout_shortcuts.py compares both."""
    if "#" not in line and "\\" not in line and "\n" not in line:
        if '"' not in line:
            parts = line.split("'")
            return None if _prefixed(parts) else _double_quoted(parts)
        if "'" not in line:
            return None if _prefixed(line.split('"'), kept_prefixes=True) else line
    return _requoted_literals(line)


def _prefixed(parts: list[str], kept_prefixes: bool = False) -> bool:
    """Whether a literal of the line split into *parts* at its one kind of quote has a
    prefix black may change: the part before an opening quote ends in one of
    :data:`_PREFIX_CHARACTERS` (with *kept_prefixes*, for double quotes: other than a
    :func:`kept_prefix`).  A last quote without a partner opens no literal."""
    openings = parts[0 : 2 * ((len(parts) - 1) // 2) : 2]
    return any(part[-1:] in _PREFIX_CHARACTERS and not (kept_prefixes and kept_prefix(part)) for part in openings)


def kept_prefix(before: str) -> bool:
    """Whether *before* (the text up to a double-quoted literal without backslashes) ends
    in a prefix black keeps as it is: one lowercase ``f``, ``b`` or ``r`` after something
    that is not part of a name.  black lowercases prefixes and drops ``u``; it changes
    nothing else in such a literal (it prefers double quotes, and does not format what an
    f-string holds)."""
    previous = before[-2:-1]
    return before[-1:] in ("f", "b", "r") and not (previous.isalnum() or previous == "_")


def _double_quoted(parts: list[str]) -> str:
    """The line split into *parts* at its single quotes, each literal's quotes made double."""
    if len(parts) % 2:  # an even number of quotes: each opens or closes a literal
        return '"'.join(parts)
    return '"'.join(parts[:-1]) + "'" + parts[-1]


def _requoted_literals(line: str) -> Optional[str]:
    pieces = []
    position = 0
    for match in _LITERAL_OR_COMMENT.finditer(line):
        literal = match.group(1)
        if literal is None:  # a comment
            if not _comment(line, match.start()):
                return None
            break
        if match.group() != literal and not (
            literal.startswith('"') and "\\" not in literal and kept_prefix(line[: match.start() + 1])
        ):
            return None  # a prefix black may change (F"", u"", or before single quotes)
        if "\\" in literal:
            if literal.startswith("'") or '\\"' in literal:
                return None  # black may choose other quotes to need fewer escapes
            continue
        if literal.startswith("'"):
            if '"' in literal:
                continue
            pieces.append(line[position : match.start()])
            pieces.append('"' + literal[1:-1] + '"')
            position = match.end()
    if not pieces:
        return line
    pieces.append(line[position:])
    return "".join(pieces)


def _comment(line: str, start: int) -> bool:
    """Whether the comment at *start* of *line* is as black writes comments: ``# text``
    (or ``#:``), alone on its line or two spaces after the code."""
    comment, code = line[start:], line[:start]
    if not (comment == "#" or comment.startswith(("# ", "#:"))):
        return False
    return not code.strip() or (code.endswith("  ") and not code.endswith("   "))
