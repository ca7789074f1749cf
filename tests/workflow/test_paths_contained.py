"""Paths are contained: links cannot leave the specs folder, and nothing a page says can make
docgen write outside OUT."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from workflow_helpers import model_page, run_main, write_pages

from docgen.build import Source, compile_sources
from docgen.emit.modules import emit
from docgen.write import contained, write_tree

SAFE_PATH = re.compile(r"^[A-Za-z0-9_]+(/[A-Za-z0-9_]+)*(\.py|\.typed|\.json)?$")


@pytest.mark.parametrize(
    ("href", "resolved"),
    [
        ("../../../../etc/passwd.md", "../../etc/passwd.md"),
        ("/etc/passwd.md", "/etc/passwd.md"),
        ("../../../specs-elsewhere/x.md", "../specs-elsewhere/x.md"),
        ("../../..//../tmp/x.md", "../../tmp/x.md"),
    ],
)
def test_links_outside_the_specs_folder_are_refused(
    href: str, resolved: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = model_page("Thing").replace("| *int* |", f"| [shared.Passwd]({href}) |")
    specs = write_pages(tmp_path / "specs", {"models/shared/thing.md": page})
    status, _, stderr = run_main(capsys, "build", str(specs), "-o", str(tmp_path / "out"), "-q")
    assert status == 1
    assert (
        f"models/shared/thing.md:10:17: error: link {href!r} resolves to {resolved!r}, outside the specs folder"
        in stderr
    )
    assert not (tmp_path / "out").exists()


NAME_TEXT = st.lists(
    st.sampled_from(list("ab_./\\-~ 0") + ["..", "%2e", "\u2024", "\x00", "C:"]), min_size=1, max_size=8
).map("".join)


@settings(max_examples=200, deadline=None)
@given(st.lists(NAME_TEXT, min_size=1, max_size=4), NAME_TEXT)
def test_no_page_or_type_name_makes_a_path_outside_out(folders: list[str], name: str) -> None:
    """Whatever the page's path and title, every file docgen would write is a plain path below OUT."""
    path = "/".join(folders) + ".md"
    compiled = compile_sources([Source(path, model_page(name.replace("\n", " ")))])
    if compiled.spec is None:
        assert compiled.diagnostics
        return
    for written in emit(compiled.spec):
        assert SAFE_PATH.match(written) and contained(written), written


def test_writer_refuses_paths_that_leave_out(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for bad in ("../escape.py", "/etc/passwd", "a/../../b.py", "a//b.py", "a\\..\\b.py"):
        with pytest.raises(ValueError, match="refusing to write outside"):
            write_tree(out, {"ok.py": b"", bad: b"x"})
    assert sorted(p.name for p in tmp_path.iterdir()) == []
