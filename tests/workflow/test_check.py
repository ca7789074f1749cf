"""docgen check: exit 0 when OUT is what build would write, else 1 with the changes; never writes."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from workflow_helpers import model_page, run_main, tree

from docgen.write import MANIFEST, sha256


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


def poison_cache(cache: Path, out: Path, target: Path, tampered: bytes) -> None:
    """Make OUT, its manifest and every cache entry agree on a tampered *target* (as a shared CI cache could)."""
    original = sha256(target.read_bytes())
    target.write_bytes(tampered)
    manifest = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    manifest["files"][target.relative_to(out).as_posix()] = sha256(tampered)
    (out / MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")
    records = sorted((cache / "builds").glob("*.json"))
    assert records, "the build left a record"
    for record in records:
        data = json.loads(record.read_text(encoding="utf-8"))
        data["manifest"] = sha256((out / MANIFEST).read_bytes())
        record.write_text(json.dumps(data), encoding="utf-8")
    (formatted,) = cache.glob("formatted-*.json")
    entries = json.loads(formatted.read_text(encoding="utf-8"))
    assert original in entries.values()
    formatted.write_text(json.dumps({k: sha256(tampered) if v == original else v for k, v in entries.items()}))


def test_check_reports_a_tampered_out_whatever_the_cache_says(
    specs: Path, tmp_path: Path, build_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    built(capsys, specs, out)
    target = out / "models/shared/thing.py"
    clean = target.read_bytes()
    poison_cache(build_cache, out, target, clean + b"import os; os.system('echo pwned')\n")
    status, stdout, _ = run_main(capsys, "check", str(specs), "-o", str(out))
    assert status == 1
    assert f"changed: {target.as_posix()}" in stdout.splitlines()
    assert "-import os; os.system('echo pwned')\n" in stdout
    status, stdout, _ = run_main(capsys, "build", str(specs), "-o", str(out), "--no-cache")
    assert status == 0 and target.read_bytes() == clean


def test_the_cache_folder_is_created_owner_only(
    specs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    cache = tmp_path / "fresh" / "docgen-cache"
    monkeypatch.setenv("DOCGEN_CACHE_DIR", str(cache))
    built(capsys, specs, tmp_path / "out")
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700
    assert stat.S_IMODE((cache / "builds").stat().st_mode) == 0o700


@pytest.mark.parametrize(
    "garbage",
    [
        b"\xff\xfe not json",
        b"[]",
        b"null",
        b'{"manifest": 1, "warnings": [], "counts": {}}',
        b'{"manifest": "x", "warnings": [{"path": 1}], "counts": {"models": 1}}',
        b'{"manifest": "x", "warnings": [], "counts": []}',
        b'{"manifest": "x", "warnings": [], "counts": {"models": "many"}}',
        b'{"manifest": "x", "warnings": 5, "counts": {"models": 1, "enums": 0, "unions": 0}}',
        b"[" * 100_000,
        b'{"a": 1e999999}',
    ],
)
def test_a_cache_entry_that_does_not_parse_is_ignored(
    garbage: bytes, specs: Path, tmp_path: Path, build_cache: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    expected = built(capsys, specs, out)
    for entry in [*(build_cache / "builds").glob("*.json"), *build_cache.glob("formatted-*.json")]:
        entry.write_bytes(garbage)
    (out / "models/shared/thing.py").write_bytes(b"# tampered\n")
    for command in ("build", "check"):
        status, _, stderr = run_main(capsys, command, str(specs), "-o", str(out), "-q")
        assert status == 0 and stderr == "", stderr
    assert tree(out) == expected
