"""SDK docs trees as published build out of the box: from ``docs/`` or ``docs/models``, with
readmes and helpers skipped, operation pages read for their operations (not as model pages),
sections found wherever they stand, and links followed from each page's own folder.

The trees under ``trees/`` are small SDK docs folders written for these tests: ``sdk`` has
namespaced model folders (``models/shared``, ``models/operations``), ``flat`` puts every model
page in ``models/`` and names types ``models.Foo``; ``broken`` has a page that fails and pages
that need it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from workflow_helpers import run_main, write_pages

from docgen.read.sources import Selection, load_sources, matches
from docgen.resolve import resolve_link

TREES = Path(__file__).parent / "trees"


def python_files(out: Path) -> list[str]:
    """The modules of the pages (docgen's support modules and packages left out)."""
    support = {"requests_http.py"}
    return sorted(
        p.relative_to(out).as_posix() for p in out.rglob("*.py") if not p.name.startswith("_") and p.name not in support
    )


@pytest.mark.parametrize(
    ("tree", "folder", "modules"),
    [
        ("sdk", "docs", ["models/operations/getpetresponse.py", "models/shared/coat.py", "models/shared/pet.py"]),
        ("sdk", "docs/models", ["operations/getpetresponse.py", "shared/coat.py", "shared/pet.py"]),
        ("flat", "docs", ["models/animal.py", "models/diet.py", "models/habitat.py"]),
        ("flat", "docs/models", ["animal.py", "diet.py", "habitat.py"]),
    ],
)
def test_the_docs_folder_and_its_models_folder_both_build(
    tree: str, folder: str, modules: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    status, stdout, stderr = run_main(capsys, "build", str(TREES / tree / folder), "-o", str(out), "--strict")
    assert (status, stderr) == (0, "")
    written = python_files(out)
    assert all(m in written for m in modules), written
    assert not any("utils" in w or "retryconfig" in w for w in written), written
    # operation pages are no model pages; their operations get parsers (docs/sdks/<group>/README.md)
    group = {"sdk": "pets", "flat": "animals"}[tree]
    assert [w for w in written if w.startswith("sdks/")] == ([f"sdks/{group}.py"] if folder == "docs" else [])
    assert "skipped as not model pages" in stdout and "1 SDK helper" in stdout


def test_links_through_the_parent_of_the_specs_folder_resolve(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert run_main(capsys, "build", str(TREES / "sdk" / "docs" / "models"), "-o", str(out), "-q")[0] == 0
    pet = (out / "shared" / "pet.py").read_text(encoding="utf-8")
    assert "kind: PetKind = " in pet and "owner: Owner | None = " in pet and "coat: Coat | None = " in pet
    response = (out / "operations" / "getpetresponse.py").read_text(encoding="utf-8")
    assert "pet: Pet | None = " in response and "from ..shared.pet import Pet" in response


def test_resolve_link_normalizes_from_the_page_folder() -> None:
    root = "/srv/sdk/docs/models"
    assert resolve_link("../../models/shared/x.md", "operations/a.md", root) == ("shared/x.md", "")
    assert resolve_link("../models/x.md#part", "a.md", root) == ("x.md", "part")
    assert resolve_link("../other/x.md", "a.md", root) == ("../other/x.md", "")  # leaves the root: refused later
    assert resolve_link("../../models/shared/x.md", "operations/a.md") == ("../models/shared/x.md", "")
    assert resolve_link("https://docs.python.org/3/library/datetime.html", "a.md", root) == (None, "")


def test_the_skipped_pages_are_listed_under_verbose(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, stdout, stderr = run_main(capsys, "build", str(TREES / "sdk" / "docs"), "-o", str(tmp_path / "o"), "-v")
    assert status == 0
    assert "docgen: skipped sdks/pets/README.md: operation page" in stdout
    assert "docgen: skipped USAGE.md: SDK readme" in stdout
    assert "docgen: skipped models/utils/retryconfig.md: SDK helper" in stdout
    assert "3 pages skipped as not model pages (1 SDK helper, 1 SDK readme, 1 operation page)" in stdout
    assert "models/shared/petkind.md:5:4: note: section 'Example Usage' describes no type; not read" in stderr
    assert "models/shared/pet.md:5:4: note: section 'Overview' describes no type; not read" in stderr


def test_a_link_that_leaves_the_root_names_the_resolved_target(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (TREES / "sdk/docs/models/operations/getpetresponse.md").read_text(encoding="utf-8")
    specs = write_pages(tmp_path / "docs" / "models", {"operations/r.md": page.replace("../../models/", "../../../")})
    status, _, stderr = run_main(capsys, "build", str(specs), "-o", str(tmp_path / "out"), "-q")
    assert status == 1
    assert (
        "operations/r.md:9:20: error: link '../../../shared/pet.md' resolves to '../../shared/pet.md', "
        "outside the specs folder"
    ) in stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symlinked_page_leaving_the_root_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outside = write_pages(tmp_path / "elsewhere", {"owner.md": (TREES / "sdk/docs/models/shared/owner.md").read_text()})
    specs = tmp_path / "specs"
    shared = specs / "models" / "shared"
    shared.mkdir(parents=True)
    (shared / "pet.md").write_text(
        "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n| - | - | - | - |\n"
        "| `owner` | [shared.Owner](owner.md) | :heavy_check_mark: | N/A |\n",
        encoding="utf-8",
    )
    (shared / "owner.md").symlink_to(outside / "owner.md")
    status, _, stderr = run_main(capsys, "build", str(specs), "-o", str(tmp_path / "out"), "-q")
    assert status == 1 and not (tmp_path / "out").exists()
    assert "models/shared/owner.md:1:1: error: page is a symbolic link to a file outside the specs folder" in stderr
    assert (
        "models/shared/pet.md:7:13: error: link 'owner.md' resolves to 'models/shared/owner.md', "
        "a symbolic link leading outside the specs folder"
    ) in stderr


@pytest.mark.parametrize(
    ("glob", "page", "expected"),
    [
        ("sdks", "sdks/pets/README.md", True),
        ("sdks/**", "sdks/pets/README.md", True),
        ("**/README.md", "sdks/pets/README.md", True),
        ("**/README.md", "README.md", True),
        ("*.md", "models/pet.md", False),
        ("models/*.md", "models/pet.md", True),
        ("models/*.md", "models/shared/pet.md", False),
        ("models/**/*.md", "models/shared/pet.md", True),
        ("models/p?t.md", "models/pet.md", True),
        ("shared", "models/shared/pet.md", False),
    ],
)
def test_globs_match_paths_and_their_folders(glob: str, page: str, expected: bool) -> None:
    assert matches(glob, page) is expected


def test_include_and_exclude_choose_the_pages() -> None:
    docs = TREES / "sdk" / "docs"
    chosen = [s.path for s in load_sources(docs, Selection(("models/**",), ("**/operations",)))[0]]
    assert chosen == [
        "models/shared/coat.md",
        "models/shared/owner.md",
        "models/shared/pet.md",
        "models/shared/petkind.md",
        "models/utils/retryconfig.md",
    ]


def test_include_and_exclude_on_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    docs = str(TREES / "flat" / "docs")
    out = tmp_path / "out"
    status, stdout, _ = run_main(capsys, "build", docs, "-o", str(out), "--exclude", "sdks", "--exclude", "**/utils")
    assert status == 0 and "skipped" not in stdout
    assert python_files(out) == ["models/animal.py", "models/diet.py", "models/habitat.py"]
    status, _, stderr = run_main(capsys, "build", docs, "-o", str(tmp_path / "o2"), "--include", "models/animal.md")
    assert status == 1
    assert "points to models/habitat.md, a page this build leaves out (include/exclude)" in stderr


def test_include_and_exclude_in_pyproject(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.docgen]\nspecs = "{(TREES / "sdk" / "docs").as_posix()}"\nout = "out"\n'
        'include = ["models/shared/owner.md", "models/shared/petkind.md"]\n',
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    status, stdout, _ = run_main(capsys, "build")
    assert status == 0, stdout
    assert python_files(tmp_path / "out") == ["models/shared/owner.py", "models/shared/petkind.py"]
    (tmp_path / "pyproject.toml").write_text('[tool.docgen]\nexclude = "sdks"\ninclude = [3]\n', encoding="utf-8")
    status, _, stderr = run_main(capsys, "build", str(TREES / "sdk" / "docs"))
    assert status == 2 and "pyproject.toml:3:1: error: 'include' must be a list of globs" in stderr


def test_an_unknown_section_is_a_warning_only_with_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = (TREES / "sdk/docs/models/shared/owner.md").read_text(encoding="utf-8") + "\n## Changelog\n\nNew in v2.\n"
    specs = write_pages(tmp_path / "specs", {"models/shared/owner.md": page})
    status, _, stderr = run_main(capsys, "build", str(specs), "-o", str(tmp_path / "a"), "-q")
    assert (status, stderr) == (0, "")
    status, _, stderr = run_main(capsys, "build", str(specs), "-o", str(tmp_path / "b"), "-q", "-v")
    assert status == 0 and "models/shared/owner.md:12:4: note: section 'Changelog' is not one docgen reads" in stderr
    status, _, stderr = run_main(capsys, "build", str(specs), "-o", str(tmp_path / "c"), "-q", "--strict")
    assert status == 1 and "models/shared/owner.md:12:4: warning: section 'Changelog' is not one docgen reads" in stderr
    assert not (tmp_path / "c").exists()
