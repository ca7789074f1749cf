"""docgen formats its output with one pass of black (``emit.format_source``): that is
only right if one pass leaves code black would not change again.  Checked on the
specs/ tree, the fixture trees and, where ../shared is present, the corpus build."""

from __future__ import annotations

import black
import pytest

from docgen.build import generate
from docgen.emit import BLACK_MODE, format_source
from tests.conftest import shared_path
from tests.emit.test_snapshots import TREES, generated_files


def unstable(files: dict[str, str]) -> list[str]:
    """The .py files that black would still change."""
    return [path for path, text in sorted(files.items()) if path.endswith(".py") and format_source(text) != text]


@pytest.mark.parametrize("tree", sorted(TREES))
def test_one_pass_of_black_gives_stable_code(tree: str) -> None:
    files = generated_files(tree)
    assert any(path.endswith(".py") for path in files)
    assert unstable(files) == []


def test_one_pass_gives_what_black_gives_until_stable() -> None:
    raw: dict[str, str] = {}

    def keep(files: dict[str, str]) -> dict[str, str]:
        raw.update(files)
        return files

    generate(TREES["specs"], formatter=keep)
    for path, text in raw.items():
        if path.endswith(".py"):
            assert format_source(text) == black.format_str(text, mode=BLACK_MODE), path


def test_one_pass_gives_stable_code_on_the_corpus() -> None:
    result = generate(shared_path("corpus", "speakeasy-v1", "docs"))
    assert result.files
    assert unstable(result.files) == []
