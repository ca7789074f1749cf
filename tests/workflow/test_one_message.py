"""One mistake, one message: a failed page's types are known broken, so the pages that name
them get no error of their own; the root error counts them; ``--keep-going`` writes the rest.

The tree ``trees/broken`` has ``colour.md`` (no Values section) named by ``car.md`` (a link)
and ``bike.md`` (a bare name), ``garage.md`` that needs ``car.md``, ``ticket.md`` with two bad
Required cells, and ``driver.md`` that needs nothing broken.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from workflow_helpers import run_main

BROKEN = Path(__file__).parent / "trees" / "broken"

ROOT_ERROR = (
    "models/shared/colour.md:1:3: error: page 'Colour' has no '## Fields', '## Values' or '## Supported Types' "
    "section (2 other pages refer to it) [D104]"
)
LEFT_OUT = [
    "docgen: left out models/shared/bike.md: refers to models/shared/colour.md, which has errors",
    "docgen: left out models/shared/car.md: refers to models/shared/colour.md, which has errors",
    "docgen: left out models/shared/colour.md: has errors",
    "docgen: left out models/shared/garage.md: refers to models/shared/car.md, which is left out",
    "docgen: left out models/shared/ticket.md: has errors",
]
KINDS = [
    "docgen:     2 × unknown Required marker …",
    "docgen:     1 × page … has no '## Fields', '## Values' or '## Supported Types' section",
]


def errors(stderr: str) -> list[str]:
    """The error lines, with the pages named from inside the tree (docgen names them from the
    current folder, or absolutely when the tree is not below it)."""
    prefixes = (f"{BROKEN}/", f"{BROKEN.relative_to(Path.cwd())}/" if BROKEN.is_relative_to(Path.cwd()) else None)
    lines = [line for line in stderr.splitlines() if ": error: " in line]
    for prefix in filter(None, prefixes):
        lines = [line.removeprefix(prefix) for line in lines]
    return lines


def test_a_failed_page_gives_one_error_that_counts_its_referrers(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, stderr = run_main(capsys, "build", str(BROKEN), "-o", str(tmp_path / "out"), "-q")
    assert status == 1 and not (tmp_path / "out").exists()
    assert errors(stderr) == [
        ROOT_ERROR,
        "models/shared/ticket.md:7:22: error: unknown Required marker 'maybe' [D113]",
        "models/shared/ticket.md:8:22: error: unknown Required marker 'no' [D113]",
    ]
    assert "unknown type name" not in stderr
    assert stderr.splitlines()[-3:] == [*KINDS, "docgen: 3 errors; nothing was written"]


def test_keep_going_writes_what_needs_no_failed_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    status, stdout, stderr = run_main(capsys, "build", str(BROKEN), "-o", str(out), "--keep-going")
    assert status == 0
    assert errors(stderr)[0] == ROOT_ERROR
    assert [line for line in stderr.splitlines() if "left out " in line] == LEFT_OUT
    assert stderr.splitlines()[-1] == "docgen: 3 errors; 5 pages left out, the rest written (--keep-going)"
    assert sorted(p.name for p in (out / "models" / "shared").glob("*.py")) == ["__init__.py", "driver.py"]
    assert "from .models.shared.driver import Driver" in (out / "__init__.py").read_text(encoding="utf-8")
    assert "1 model, 0 enums, 0 unions emitted" in stdout


def test_keep_going_with_strict_writes_but_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    status, _, _ = run_main(capsys, "build", str(BROKEN), "-o", str(out), "--keep-going", "--strict", "-q")
    assert status == 1
    assert (out / "models" / "shared" / "driver.py").is_file()


def test_keep_going_from_pyproject_and_a_rebuild_reports_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.docgen]\nspecs = "{BROKEN.as_posix()}"\nout = "out"\nkeep-going = true\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    for _ in range(2):  # a partial build is never recorded as up to date: the errors print every time
        status, _, stderr = run_main(capsys, "build", "-q")
        assert status == 0 and errors(stderr)[0] == ROOT_ERROR
    assert (tmp_path / "out" / "models" / "shared" / "driver.py").is_file()
