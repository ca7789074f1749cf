"""docgen check: exit 0 when OUT is what build would write, else 1 with the changes; never writes."""

from __future__ import annotations

from pathlib import Path

import pytest
from workflow_helpers import model_page, run_main, tree


def built(capsys: pytest.CaptureFixture[str], specs: Path, out: Path) -> dict[str, bytes]:
    assert run_main(capsys, "build", str(specs), "-o", str(out), "-q")[0] == 0
    return tree(out)


def test_up_to_date_tree_passes(specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    built(capsys, specs, out)
    status, stdout, _ = run_main(capsys, "check", str(specs), "-o", str(out), "--no-cache")
    assert status == 0 and "is up to date" in stdout
    status, stdout, _ = run_main(capsys, "check", str(specs), "-o", str(out))  # through the build cache
    assert status == 0 and "is up to date" in stdout


def test_missing_extra_and_changed_files_are_listed_with_a_diff(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    built(capsys, specs, out)
    (specs / "models/shared/thing.md").write_text(model_page("Thing", "A changed description."), encoding="utf-8")
    (specs / "models/shared/other.md").unlink()
    (specs / "models/shared/new.md").write_text(model_page("New"), encoding="utf-8")
    (out / "notes.txt").write_text("mine", encoding="utf-8")  # not docgen's: neither extra nor touched
    before = tree(out)
    status, stdout, stderr = run_main(capsys, "check", str(specs), "-o", str(out))
    assert status == 1, stderr
    lines = stdout.splitlines()
    assert f"missing: {out.as_posix()}/models/shared/new.py" in lines
    assert f"extra: {out.as_posix()}/models/shared/other.py" in lines
    assert f"changed: {out.as_posix()}/models/shared/thing.py" in lines
    assert f"changed: {out.as_posix()}/models/shared/__init__.py" in lines
    assert not any("notes.txt" in line for line in lines)
    assert "--- a/models/shared/thing.py\n+++ b/models/shared/thing.py\n" in stdout
    assert '-    """A thing."""\n+    """A changed description."""\n' in stdout
    assert tree(out) == before, "check writes nothing"


def test_hand_edit_of_a_generated_file_is_found(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    built(capsys, specs, out)
    target = out / "models/shared/thing.py"
    target.write_text(target.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    status, stdout, _ = run_main(capsys, "check", str(specs), "-o", str(out), "-q")
    assert status == 1
    assert stdout.splitlines()[1:] == [f"changed: {target.as_posix()}"]


def test_missing_out_is_all_missing_and_stays_missing(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    status, stdout, _ = run_main(capsys, "check", str(specs), "-o", str(out), "-q")
    assert status == 1 and f"missing: {out.as_posix()}/models/shared/thing.py" in stdout
    assert not out.exists()


def test_errors_in_pages_fail_check(specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (specs / "models/shared/thing.md").write_text("no title\n", encoding="utf-8")
    status, _, stderr = run_main(capsys, "check", str(specs), "-o", str(tmp_path / "out"))
    assert status == 1
    assert "models/shared/thing.md:1:1: error: page has no '# Title' heading naming its type" in stderr


def test_folder_docgen_does_not_own_fails_check(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "main.py").write_text("print('mine')\n", encoding="utf-8")
    status, _, stderr = run_main(capsys, "check", str(specs), "-o", str(out))
    assert status == 1 and "has no .docgen-manifest.json" in stderr
