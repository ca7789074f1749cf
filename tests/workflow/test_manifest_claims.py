"""The manifest is a claim, checked: docgen deletes or overwrites a file only when the manifest
lists it and its bytes still hash to what was recorded."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from workflow_helpers import model_page, run_main, tree, write_pages

from docgen.write import MANIFEST, sha256


def build(capsys: pytest.CaptureFixture[str], specs: Path, out: Path, *flags: str) -> tuple[int, str, str]:
    return run_main(capsys, "build", str(specs), "-o", str(out), *flags)


def claim(out: Path, entries: dict[str, str]) -> str:
    """Add *entries* to OUT's manifest, written as docgen writes it; the manifest's text."""
    data = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    data["files"].update(entries)
    text = json.dumps(data, indent=1) + "\n"
    (out / MANIFEST).write_text(text, encoding="utf-8")
    return text


def test_files_a_manifest_wrongly_lists_are_kept(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert build(capsys, specs, out, "-q")[0] == 0
    mine = {"NOTES.txt": b"my notes\n", "models/helpers.py": b"def helper():\n    return 1\n"}
    write_pages(out, {k: v.decode() for k, v in mine.items()})
    claim(out, {path: sha256(b"what docgen once wrote there") for path in mine})  # a bad merge, say
    status, _, stderr = build(capsys, specs, out, "-q")
    assert status == 0
    assert {k: (out / k).read_bytes() for k in mine} == mine
    for path in mine:
        assert (
            f"docgen: warning: kept {(out / path).as_posix()}: no page maps to it any more, but it was edited "
            "after docgen wrote it; delete it yourself if it is not needed"
        ) in stderr
    assert not set(mine) & set(json.loads((out / MANIFEST).read_text())["files"]), "no longer claimed"
    assert build(capsys, specs, out)[2] == "", "kept once, then simply a file docgen did not write"
    assert {k: (out / k).read_bytes() for k in mine} == mine


def test_a_stale_file_edited_by_hand_is_kept_and_an_unchanged_one_removed(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_pages(specs, {"models/shared/third.md": model_page("Third")})
    out = tmp_path / "out"
    assert build(capsys, specs, out, "-q")[0] == 0
    edited = out / "models/shared/other.py"
    edited.write_bytes(edited.read_bytes() + b"# my addition\n")
    (specs / "models/shared/other.md").unlink()
    (specs / "models/shared/third.md").unlink()
    status, stdout, stderr = build(capsys, specs, out)
    assert status == 0
    assert edited.read_bytes().endswith(b"# my addition\n")
    assert f"docgen: warning: kept {edited.as_posix()}: no page maps to it any more" in stderr
    assert not (out / "models/shared/third.py").exists()
    assert "restored" not in stdout


def test_a_hand_edited_generated_file_is_restored(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert build(capsys, specs, out, "-q")[0] == 0
    target = out / "models/shared/thing.py"
    original = target.read_bytes()
    target.write_bytes(original + b"# edited by hand\n")
    status, stdout, stderr = build(capsys, specs, out)
    assert status == 0, stderr
    assert target.read_bytes() == original
    assert f"docgen: restored {target.as_posix()} (edited by hand)" in stdout
    assert "; 1 files changed in " in stdout


@pytest.mark.parametrize("entry", ["/etc/hostname", "../outside.txt", "models/../../outside.txt", "a//b.py", "link/x"])
def test_manifest_entries_that_leave_out_are_a_located_error(
    entry: str, specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert build(capsys, specs, out, "-q")[0] == 0
    outside = write_pages(tmp_path, {"outside.txt": "not docgen's\n", "elsewhere/x": "nor this\n"})
    (out / "link").symlink_to(outside / "elsewhere")
    (specs / "models/shared/other.md").unlink()  # a build that removes files, so the claim matters
    text = claim(out, {entry: sha256((outside / "outside.txt").read_bytes())})
    before = tree(out)
    line = next(n for n, t in enumerate(text.splitlines(), 1) if json.dumps(entry) in t)
    for command in ("build", "check"):
        status, _, stderr = run_main(capsys, command, str(specs), "-o", str(out))
        assert status == 1
        assert f"{out / MANIFEST}:{line}:3: error: manifest entry {entry!r} " in stderr, stderr
        assert "hint: the manifest was edited or written by something else: remove that entry" in stderr
        assert "Traceback" not in stderr
    assert tree(out) == before
    assert (outside / "outside.txt").read_text() == "not docgen's\n"


def test_a_new_page_onto_a_file_docgen_did_not_write_is_an_error(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert build(capsys, specs, out, "-q")[0] == 0
    mine = b"# written by a person\n"
    (out / "models/shared/newmodel.py").write_bytes(mine)
    write_pages(specs, {"models/shared/newmodel.md": model_page("Newmodel")})
    before = tree(out)
    message = (
        f"models/shared/newmodel.md:1:1: error: this page maps to {out.as_posix()}/models/shared/newmodel.py, "
        "which exists and was not written by docgen\n  hint: move that file away, or build with --force to overwrite it"
    )
    for command in ("build", "check"):
        status, _, stderr = run_main(capsys, command, str(specs), "-o", str(out))
        assert status == 1 and message in stderr, stderr
    assert tree(out) == before
    status, _, stderr = build(capsys, specs, out, "--force", "-q")
    assert status == 0, stderr
    assert (out / "models/shared/newmodel.py").read_bytes() != mine
    assert "models/shared/newmodel.py" in json.loads((out / MANIFEST).read_text())["files"]


def test_a_file_where_a_page_needs_a_folder_is_an_error(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert build(capsys, specs, out, "-q")[0] == 0
    (out / "models/extra").write_text("my file, not a folder\n", encoding="utf-8")
    write_pages(specs, {"models/extra/item.md": model_page("Item")})
    status, _, stderr = build(capsys, specs, out)
    assert status == 1
    assert (
        f"models/extra/item.md:1:1: error: this page maps to {out.as_posix()}/models/extra/item.py, "
        f"but {out.as_posix()}/models/extra is not a folder and was not written by docgen"
    ) in stderr
    assert (out / "models/extra").read_text(encoding="utf-8") == "my file, not a folder\n"


def test_a_file_with_the_bytes_docgen_would_write_is_taken_over(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing is lost when a file not in the manifest already holds exactly docgen's bytes."""
    out = tmp_path / "out"
    reference = tmp_path / "reference"
    write_pages(specs, {"models/shared/newmodel.md": model_page("Newmodel")})
    assert build(capsys, specs, reference, "-q")[0] == 0
    (specs / "models/shared/newmodel.md").unlink()
    assert build(capsys, specs, out, "-q")[0] == 0
    (out / "models/shared/newmodel.py").write_bytes((reference / "models/shared/newmodel.py").read_bytes())
    write_pages(specs, {"models/shared/newmodel.md": model_page("Newmodel")})
    assert build(capsys, specs, out, "-q")[0] == 0
    assert tree(out) == tree(reference)
