"""The fenced code blocks of a README.md section, for the tests that run them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import REPO

_FENCE = re.compile(r"^```(\w+)(?: file=(\S+))?\n(.*?)^```$", re.MULTILINE | re.DOTALL)


@dataclass(frozen=True)
class Block:
    language: str  # sh, toml, python, yaml ...
    file: str | None  # ```toml file=pyproject.toml: the file the block is written to
    text: str


def section(heading: str, readme: Path = REPO / "README.md") -> str:
    """The text of the ``## heading`` section."""
    text = readme.read_text(encoding="utf-8")
    start = text.index(f"\n## {heading}\n")
    end = text.find("\n## ", start + 1)
    return text[start : end if end != -1 else len(text)]


def blocks(heading: str) -> list[Block]:
    return [Block(m.group(1), m.group(2), m.group(3)) for m in _FENCE.finditer(section(heading))]
