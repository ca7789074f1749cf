"""The JSON-reading settings and ``docgen wire-names``, from the command line: entries
naming what the specs do not have, samples that are not samples, --write keeping the
file's comments.  The models are those of tests/parsers/realjson."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from workflow_helpers import run_main, write_pages

REALJSON = Path(__file__).parent.parent / "parsers" / "realjson"

PYPROJECT = """\
[project]
name = "demo"  # the project's own table stays as it is

[tool.docgen]
specs = "docs"
out = "out"
# wire names the samples called for go below
"""


@pytest.fixture
def demo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "demo"
    shutil.copytree(REALJSON / "specs", root / "docs")
    (root / ".git").mkdir()
    write_pages(root, {"pyproject.toml": PYPROJECT})
    monkeypatch.chdir(root)
    return root


@pytest.mark.parametrize(
    "table, message",
    [
        (
            '[tool.docgen.nullable]\n"shared.Nowhere.tags" = true\n',
            "pyproject.toml:9:1: error: nullable: no model 'shared.Nowhere' in the specs [D414]",
        ),
        (
            '[tool.docgen.nullable]\n"Connector.labels" = true\n',
            "pyproject.toml:9:1: error: nullable: model 'models.shared.Connector' has no field 'labels' [D416]",
        ),
        (
            '[tool.docgen.nullable]\n"Nowhere.*" = true\n',
            "pyproject.toml:9:1: error: nullable: no model 'Nowhere' in the specs [D414]",
        ),
        (
            '[tool.docgen.nullable]\n"Connector.tags" = "yes"\n',
            "pyproject.toml:9:1: error: nullable entry 'Connector.tags' must be true or false [D431]",
        ),
        (
            'open-enums = ["shared.Colour"]\n',
            "pyproject.toml:7:1: error: open-enums: no enum 'shared.Colour' in the specs [D433]",
        ),
        (
            "open-enums = 3\n",
            "pyproject.toml:7:1: error: 'open-enums' must be true, false or a list of enum names [D432]",
        ),
        ('wire-matching = "loose"\n', "pyproject.toml:7:1: error: unknown wire-matching 'loose' [D430]"),
    ],
)
def test_entries_naming_what_the_specs_lack_are_located_errors(
    demo: Path, capsys: pytest.CaptureFixture[str], table: str, message: str
) -> None:
    text = PYPROJECT + table if table.startswith("[") else PYPROJECT.replace("# wire", table + "# wire")
    (demo / "pyproject.toml").write_text(text, encoding="utf-8")
    status, _, stderr = run_main(capsys, "build", "-q")
    assert status != 0
    assert message in stderr.splitlines()
    assert not (demo / "out").exists()


def test_nullable_for_every_field_of_a_type(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (demo / "pyproject.toml").write_text(PYPROJECT + '[tool.docgen.nullable]\n"SyncSettings.*" = true\n')
    status, _, stderr = run_main(capsys, "build", "-q")
    assert status == 0, stderr
    module = (demo / "out/models/shared/syncsettings.py").read_text()
    assert "sync_mode: _unset.Nullable[str]" in module
    assert "page_size: _unset.OptionalNullable[int] = field(" in module


def test_an_optional_nullable_field_tells_null_from_absent(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A field the docs show as Optional, named by ``nullable``, keeps a ``null`` the
    server sent: read as None, written back as ``null``; an absent key stays absent."""
    (demo / "pyproject.toml").write_text(PYPROJECT + '[tool.docgen.nullable]\n"SyncSettings.page_size" = true\n')
    status, _, stderr = run_main(capsys, "build", "-q")
    assert status == 0, stderr
    sys.path.insert(0, str(demo))
    try:
        from out import UNSET, SyncSettings  # type: ignore[import-not-found]
    finally:
        sys.path.remove(str(demo))
        for name in [m for m in sys.modules if m == "out" or m.startswith("out.")]:
            del sys.modules[name]
    settings = SyncSettings
    sent_null = settings.from_dict({"sync_mode": "full", "page_size": None})
    absent = settings.from_dict({"sync_mode": "full"})
    assert sent_null.page_size is None
    assert absent.page_size is UNSET
    assert sent_null.to_dict() == {"sync_mode": "full", "page_size": None}
    assert absent.to_dict() == {"sync_mode": "full"}


def samples(demo: Path) -> Path:
    lines = [
        {"model": "shared.Connector", "json": {"connectorID": "c", "sourceType": "s", "region": "eu"}},
        {"model": "Connector", "json": {"settings": {"pageSize": 5, "sync_mode": "full"}}},
    ]
    path = demo / "captured.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def test_wire_names_prints_the_entries_and_the_keys_no_field_has(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (demo / "Connector.json").write_text('{"display-name": "x"}', encoding="utf-8")
    status, stdout, stderr = run_main(capsys, "wire-names", str(samples(demo)), "Connector.json")
    assert status == 0, stderr
    assert stdout.splitlines() == [
        "[tool.docgen.wire-names]",
        '"shared.Connector.connector_id" = "connectorID"',
        '"shared.Connector.source_type" = "sourceType"',
        '"shared.SyncSettings.page_size" = "pageSize"',
        '"shared.Connector.display_name" = "display-name"',
    ]
    assert "captured.jsonl:1: key 'region' of Connector matches no field" in stderr.splitlines()
    assert (demo / "pyproject.toml").read_text() == PYPROJECT


def test_wire_names_write_keeps_the_file_and_the_build_reads_the_new_keys(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, stderr = run_main(capsys, "wire-names", "--write", str(samples(demo)))
    assert status == 0, stderr
    text = (demo / "pyproject.toml").read_text()
    assert text.startswith(PYPROJECT)  # comments and layout kept, the table added below
    assert '"shared.Connector.connector_id" = "connectorID"' in text
    status, _, stderr = run_main(capsys, "build", "-q")
    assert status == 0, stderr
    assert '"wire_name": "connectorID"' in (demo / "out/models/shared/connector.py").read_text()


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("bad.jsonl", '{"model": "Connector", "json": {}}\n{"model": \n', "bad.jsonl:2:11: error: sample is not JSON"),
        ("Connector.json", "[1, 2", "Connector.json:1:6: error: sample is not JSON"),
        ("Nowhere.json", "{}", "Nowhere.json:1:1: error: samples: no model 'Nowhere' in the specs [D414]"),
        ("lines.jsonl", '{"json": {}}\n', 'lines.jsonl:1:1: error: sample line is not {"model"'),
    ],
)
def test_bad_samples_are_located_errors_and_nothing_is_written(
    demo: Path, capsys: pytest.CaptureFixture[str], name: str, content: str, message: str
) -> None:
    (demo / name).write_text(content, encoding="utf-8")
    status, stdout, stderr = run_main(capsys, "wire-names", "--write", str(samples(demo)), name)
    assert status == 1
    assert any(line.startswith(message) for line in stderr.splitlines()), stderr
    assert stdout == "" and (demo / "pyproject.toml").read_text() == PYPROJECT


def test_wire_names_reads_the_pages_under_the_max_page_size_setting(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The pages are read as build reads them: a page over ``max-page-size`` is a located error."""
    page = demo / "docs" / "models" / "shared" / "connector.md"
    size = page.stat().st_size
    (demo / "pyproject.toml").write_text(PYPROJECT + "max-page-size = 200\n", encoding="utf-8")
    status, stdout, stderr = run_main(capsys, "wire-names", str(samples(demo)))
    assert status == 1 and stdout == ""
    shown = "models/shared/connector.md:1:1"  # wire-names shows page paths below SPECS
    assert f"{shown}: error: page is larger than docgen reads ({size} bytes; the limit is 200) [D133]" in stderr
    assert run_main(capsys, "build", "-q")[0] == 1  # as build does
    (demo / "pyproject.toml").write_text(PYPROJECT + f"max-page-size = {size * 2}\n", encoding="utf-8")
    status, stdout, _ = run_main(capsys, "wire-names", str(samples(demo)))
    assert status == 0 and '"shared.Connector.connector_id" = "connectorID"' in stdout
