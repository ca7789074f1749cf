"""[tool.docgen] in pyproject.toml: found from the current folder up, overridden by flags, checked."""

from __future__ import annotations

import ast
import shutil
from pathlib import Path

import pytest
from workflow_helpers import run_main, write_pages

from docgen import config, dialects
from docgen.emit.modules import template_dir


def project(root: Path, table: str) -> Path:
    """A project folder: pyproject.toml with *table*, and docs/ holding the small specs tree."""
    write_pages(root, {"pyproject.toml": f"[project]\nname = 'demo'\n\n{table}"})
    return root


@pytest.fixture
def demo(tmp_path: Path, specs: Path) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(specs, root / "docs")
    (root / ".git").mkdir()  # the top of the repository: the search for pyproject.toml stops here
    return root


def wire_names(module: Path) -> dict[str, str]:
    """field name -> wire_name, read from the generated module's dataclass fields."""
    found = {}
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.AnnAssign) and isinstance(node.value, ast.Call):
            for keyword in node.value.keywords:
                if keyword.arg == "metadata":
                    found[node.target.id] = ast.literal_eval(keyword.value)["wire_name"]  # type: ignore[attr-defined]
    return found


def test_settings_come_from_pyproject_in_a_parent_folder(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(demo, '[tool.docgen]\nspecs = "docs"\nout = "src/demo/models"\npackage = "demo.models"\n')
    (demo / "src").mkdir()
    monkeypatch.chdir(demo / "src")  # paths in the file are relative to the file, not to the current folder
    status, _, stderr = run_main(capsys, "build", "-q")
    assert status == 0, stderr
    assert (demo / "src/demo/models/models/shared/thing.py").is_file()


def test_flags_override_the_file(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(demo, '[tool.docgen]\nspecs = "nowhere"\nout = "configured"\n')
    monkeypatch.chdir(demo)
    status, _, stderr = run_main(capsys, "build", "docs", "-o", "given", "-q")
    assert status == 0, stderr
    assert (demo / "given/models/shared/thing.py").is_file() and not (demo / "configured").exists()


def test_search_stops_at_the_top_of_the_repository(tmp_path: Path, demo: Path) -> None:
    project(tmp_path, '[tool.docgen]\nspecs = "outside"\n')
    assert config.find_pyproject(demo / "docs") is None
    project(demo, "")
    assert config.find_pyproject(demo / "docs") == (demo / "pyproject.toml").resolve()


def test_unknown_key_is_an_error_naming_it(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(demo, '[tool.docgen]\nspecs = "docs"\n  output = "x"\n')
    monkeypatch.chdir(demo)
    status, stdout, stderr = run_main(capsys, "build")
    assert status == 2
    assert stderr.splitlines() == [
        "pyproject.toml:6:3: error: unknown key 'output' in [tool.docgen] [D405]",
        "  hint: known keys: specs, out, package, wire-naming, wire-names, statuses, sentinels, operation-statuses, templates, strict, "
        "allow-nan, dialect, include, exclude, keep-going, wire-matching, nullable, open-enums, diff-ignore, max-page-size",
    ]
    assert not (demo / "generated").exists()


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[tool.docgen]\nwire-naming = "snake"\n', "pyproject.toml:5:1: error: unknown wire-naming 'snake'"),
        ("[tool.docgen]\nstrict = 1\n", "pyproject.toml:5:1: error: 'strict' must be true or false"),
        (
            '[tool.docgen]\npackage = "demo-models"\n',
            "pyproject.toml:5:1: error: package 'demo-models' is not a dotted",
        ),
        ("[tool.docgen]\nspecs = [1]\n", "pyproject.toml:5:1: error: 'specs' must be a non-empty string"),
        ("[tool.docgen\n", "pyproject.toml:4:13: error: invalid TOML: "),
        (
            '[tool.docgen.wire-names]\n"Thing" = "x"\n',
            "pyproject.toml:5:1: error: wire-names key 'Thing' must name a field",
        ),
        (  # a setting written as a table of its own is located at its header
            "[tool.docgen.open-enums]\nStatus = true\n",
            "pyproject.toml:4:1: error: 'open-enums' must be true, false or a list",
        ),
    ],
)
def test_wrong_settings_are_located(
    table: str, message: str, demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(demo, table)
    monkeypatch.chdir(demo)
    status, _, stderr = run_main(capsys, "build", "docs")
    assert status == 2 and stderr.startswith(message), stderr
    assert "Traceback" not in stderr


def test_camel_case_wire_naming_with_per_field_override(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(
        demo,
        '[tool.docgen]\nspecs = "docs"\nwire-naming = "camelCase"\n\n'
        '[tool.docgen.wire-names]\n"shared.Other.date_time" = "DATE-TIME"\n',
    )
    monkeypatch.chdir(demo)
    status, _, stderr = run_main(capsys, "build", "-q")
    assert status == 0, stderr
    assert wire_names(demo / "generated/models/shared/thing.py") == {"id": "id", "date_time": "dateTime"}
    assert wire_names(demo / "generated/models/shared/other.py") == {"id": "id", "date_time": "DATE-TIME"}
    status, _, _ = run_main(capsys, "build", "-q", "--wire-naming", "as-documented")
    assert wire_names(demo / "generated/models/shared/thing.py") == {"id": "id", "date_time": "date_time"}


def test_override_of_a_field_that_does_not_exist_is_located(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(
        demo, '[tool.docgen]\nspecs = "docs"\n\n[tool.docgen.wire-names]\n"shared.Thing.nope" = "n"\n"Ghost.id" = "g"\n'
    )
    monkeypatch.chdir(demo)
    status, _, stderr = run_main(capsys, "build", "-q")
    assert status == 1
    assert stderr.splitlines() == [
        "pyproject.toml:8:1: error: wire-names: model 'models.shared.Thing' has no field 'nope' [D416]",
        "pyproject.toml:9:1: error: wire-names: no model 'Ghost' in the specs [D414]",
        "docgen: 2 errors; nothing was written",
    ]


def test_user_templates_override_docgen_templates_by_file_name(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = demo / "my-templates"
    templates.mkdir()
    original = (template_dir() / "module.py.jinja").read_text(encoding="utf-8")
    (templates / "module.py.jinja").write_text("# house header\n" + original, encoding="utf-8")
    project(demo, '[tool.docgen]\nspecs = "docs"\ntemplates = "my-templates"\n')
    monkeypatch.chdir(demo)
    assert run_main(capsys, "build", "-q")[0] == 0
    assert (demo / "generated/models/shared/thing.py").read_text(encoding="utf-8").startswith("# house header\n")
    assert not (demo / "generated/__init__.py").read_text(encoding="utf-8").startswith("# house header")
    (templates / "module.py.jinja").write_text("# house header, edited\n" + original, encoding="utf-8")
    assert run_main(capsys, "build", "-q")[0] == 0, "a changed template is a changed input"
    assert (demo / "generated/models/shared/thing.py").read_text(encoding="utf-8").startswith("# house header, edited")


def test_broken_user_template_is_reported_not_raised(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    templates = demo / "my-templates"
    templates.mkdir()
    (templates / "module.py.jinja").write_text("{% for x in %}\n", encoding="utf-8")
    monkeypatch.chdir(demo)
    status, _, stderr = run_main(capsys, "build", "docs", "--templates", "my-templates", "-q")
    assert status == 1 and "module.py.jinja:1:1: error: template syntax error: " in stderr
    assert "Traceback" not in stderr
    (templates / "module.py.jinja").write_text("def (:\n", encoding="utf-8")
    status, _, stderr = run_main(capsys, "build", "docs", "--templates", "my-templates", "-q")
    assert status == 1 and "produced code that is not valid Python" in stderr


def test_package_must_match_the_output_folder(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(demo, '[tool.docgen]\nspecs = "docs"\nout = "src/demo/models"\npackage = "demo.schemas"\n')
    monkeypatch.chdir(demo)
    status, _, stderr = run_main(capsys, "build")
    assert status == 2 and "package 'demo.schemas' is imported from a folder ending in demo/schemas" in stderr


def test_no_specs_anywhere_is_a_usage_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    status, _, stderr = run_main(capsys, "build")
    assert status == 2 and "usage:" in stderr and "no SPECS folder" in stderr


NULLABLE_PAGE = "# Pet\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n" + (
    "| `nick` | *Nullable[str]* | :heavy_check_mark: | N/A |\n"
)


@pytest.mark.parametrize("where", ["flag", "file"])
def test_dialect_setting_overrides_detection(
    where: str, demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pages(demo / "docs", {"models/shared/pet.md": NULLABLE_PAGE})
    project(demo, '[tool.docgen]\nspecs = "docs"\n')
    monkeypatch.chdir(demo)
    status, _, stderr = run_main(capsys, "build", "-q", "-o", "detected")
    assert status == 0, stderr  # Nullable[...] marks the tree as pydantic-era Speakeasy docs
    assert "nick: _unset.Nullable[str] = field(" in (demo / "detected/models/shared/pet.py").read_text(encoding="utf-8")
    if where == "file":
        project(demo, '[tool.docgen]\nspecs = "docs"\ndialect = "speakeasy-dataclasses"\n')
        status, _, stderr = run_main(capsys, "build", "-q", "-o", "chosen")
    else:
        status, _, stderr = run_main(capsys, "build", "-q", "-o", "chosen", "--dialect", "speakeasy-dataclasses")
    assert status == 1
    assert stderr.splitlines()[0] == "docs/models/shared/pet.md:7:13: error: unknown generic type 'Nullable' [D212]"


def test_unknown_dialect_is_a_usage_error_listing_the_known_ones(
    demo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    project(demo, '[tool.docgen]\nspecs = "docs"\ndialect = "speakeasy-v9"\n')
    monkeypatch.chdir(demo)
    status, _, stderr = run_main(capsys, "build", "-q")
    assert status == 2
    known = "known dialects: " + ", ".join(dialects.known())  # Speakeasy's two, and any a test registered
    assert known.startswith("known dialects: speakeasy-dataclasses, speakeasy-pydantic")
    assert stderr.splitlines()[0] == f"pyproject.toml:6:1: error: unknown dialect 'speakeasy-v9'; {known} [D417]"
    status, _, stderr = run_main(capsys, "build", "docs", "--no-config", "--dialect", "openapi")
    assert status == 2
    assert stderr.splitlines()[-1] == f"docgen build: error: unknown dialect 'openapi'; {known}"
    assert not (demo / "generated").exists()
