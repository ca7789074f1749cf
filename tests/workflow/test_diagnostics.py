"""Every kind of mistake in a page is reported, located, with a hint: one fixture folder per kind.

Each folder under ``diagnostics/`` is a specs tree and ``expected.txt`` the exact lines
docgen prints for it (run with --strict, so warnings fail too).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from workflow_helpers import run_main

CASES = Path(__file__).parent / "diagnostics"


def case_names() -> list[str]:
    return sorted(p.name for p in CASES.iterdir() if p.is_dir())


@pytest.mark.parametrize("case", case_names())
def test_problem_is_reported_with_place_and_hint(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    monkeypatch.chdir(CASES / case)  # paths are shown relative to the current folder
    status, stdout, stderr = run_main(capsys, "build", ".", "-o", str(out), "--strict", "-q")
    expected = (CASES / case / "expected.txt").read_text(encoding="utf-8")
    printed = [line for line in stderr.splitlines(keepends=True) if not line.startswith("docgen:")]
    assert "".join(printed) == expected
    assert status == 1
    assert not out.exists(), "nothing is written when a page has an error"
    assert "Traceback" not in stderr


def test_every_problem_has_a_hint() -> None:
    for case in case_names():
        lines = (CASES / case / "expected.txt").read_text(encoding="utf-8").splitlines()
        heads = [line for line in lines if not line.startswith("  hint: ")]
        hints = [line for line in lines if line.startswith("  hint: ") and len(line) > len("  hint: ")]
        assert len(heads) == len(hints) >= 1, case


def test_all_errors_of_a_run_are_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages with different mistakes, in one tree: one run reports every one of them."""
    specs = tmp_path / "specs"
    expected = []
    for case in ("no_h1", "unknown_required", "unbalanced", "duplicate_type"):
        for page in (CASES / case).rglob("*.md"):
            rel = page.relative_to(CASES / case).as_posix().replace("models/shared/", f"models/{case}/")
            target = specs / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(page.read_bytes())
        text = (CASES / case / "expected.txt").read_text(encoding="utf-8")
        moved = text.replace("models/shared/", f"models/{case}/").replace("namespace 'shared'", f"namespace '{case}'")
        expected += moved.splitlines()
    monkeypatch.chdir(specs)
    status, _, stderr = run_main(capsys, "build", ".", "-o", str(tmp_path / "out"), "-q")
    printed = [line for line in stderr.splitlines() if not line.startswith("docgen:")]
    assert sorted(printed) == sorted(expected)
    assert status == 1
    assert "docgen: 5 errors; nothing was written" in stderr


def test_warnings_fail_only_with_strict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    specs = CASES / "extra_column"
    status, _, stderr = run_main(capsys, "build", str(specs), "-o", str(tmp_path / "lenient"), "-q")
    assert status == 0 and ": warning: column 'Default'" in stderr
    assert (tmp_path / "lenient" / "models" / "shared" / "thing.py").is_file()
    status, _, stderr = run_main(capsys, "build", str(specs), "-o", str(tmp_path / "strict"), "-q", "--strict")
    assert status == 1 and "0 errors and 1 warning (--strict); nothing was written" in stderr
    assert not (tmp_path / "strict").exists()


def test_warnings_are_repeated_by_a_no_op_build(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A rebuild that skips all work still reports the pages' warnings, and --strict still fails."""
    specs, out = CASES / "extra_column", tmp_path / "out"
    assert run_main(capsys, "build", str(specs), "-o", str(out), "-q")[0] == 0
    status, stdout, stderr = run_main(capsys, "build", str(specs), "-o", str(out))
    assert status == 0 and " 0 files changed" in stdout and ": warning: column 'Default'" in stderr
    status, _, stderr = run_main(capsys, "build", str(specs), "-o", str(out), "--strict")
    assert status == 1 and ": warning: column 'Default'" in stderr
