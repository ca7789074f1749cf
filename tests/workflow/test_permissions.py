"""OUT keeps the permissions it had; a new OUT gets those of the umask, as mkdir gives."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from workflow_helpers import model_page, write_pages

from docgen.cli import main


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_027():  # type: ignore[no-untyped-def]
    old = os.umask(0o027)
    yield
    os.umask(old)


def test_new_out_gets_the_umask_and_keeps_its_mode_on_rebuilds(tmp_path: Path, umask_027: None, capsys) -> None:  # type: ignore[no-untyped-def]
    specs = write_pages(tmp_path / "specs", {"models/thing.md": model_page("Thing", "First.")})
    out = tmp_path / "out"
    assert main(["build", str(specs), "-o", str(out), "-q", "--no-cache"]) == 0
    assert mode(out) == 0o750 and mode(out / "models") == 0o750
    out.chmod(0o705)
    (specs / "models/thing.md").write_text(model_page("Thing", "Second."), encoding="utf-8")
    assert main(["build", str(specs), "-o", str(out), "-q", "--no-cache"]) == 0
    assert '"""Second."""' in (out / "models/thing.py").read_text(encoding="utf-8")  # the tree was swapped in
    assert mode(out) == 0o705


def test_default_umask_gives_0755(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    old = os.umask(0o022)
    try:
        specs = write_pages(tmp_path / "specs", {"models/thing.md": model_page("Thing")})
        assert main(["build", str(specs), "-o", str(tmp_path / "out"), "-q", "--no-cache"]) == 0
    finally:
        os.umask(old)
    assert mode(tmp_path / "out") == 0o755
