"""OUT is always the complete old tree or the complete new one, and files docgen did not write survive.

Builds are killed with SIGKILL at random moments, in subprocesses, many times; after
each kill OUT must equal one of the two complete trees exactly.
"""

from __future__ import annotations

import os
import pickle
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from workflow_helpers import REPO, model_page, run_main, tree, write_pages

from docgen.write import MANIFEST, NotOwnedError, encode, write_tree

pytestmark = pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")

FOREIGN = {"README.txt": b"written by a person\n", "models/local_notes.md": b"keep me\n"}


def pages(count: int, variant: str) -> dict[str, str]:
    return {f"models/shared/type{n:03d}.md": model_page(f"Type{n:03d}", f"Variant {variant}.") for n in range(count)}


def killed_after(command: list[str], delay: float, env: dict[str, str]) -> None:
    """Start *command* in its own process group and SIGKILL the whole group after *delay* seconds."""
    process = subprocess.Popen(
        command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    try:
        process.wait(timeout=delay)
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


def which(out: Path, trees: dict[str, dict[str, bytes]]) -> str:
    current = tree(out)
    for name, expected in trees.items():
        if current == expected:
            return name
    changed = sorted(p for p in set(current) | set(trees["a"]) if current.get(p) != trees["a"].get(p))
    raise AssertionError(f"OUT is neither complete tree; differs from 'a' in {changed[:5]}")


@pytest.fixture
def two_trees(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Path, dict[str, Path], dict[str, dict[str, bytes]]]:
    """Specs a and b (every page differs), and the complete OUT tree each gives, foreign files included."""
    specs = {v: write_pages(tmp_path / f"specs-{v}", pages(120, v)) for v in "ab"}
    trees = {}
    for variant, folder in specs.items():
        reference = tmp_path / f"reference-{variant}"
        write_pages(reference, {k: v.decode() for k, v in FOREIGN.items()})
        write_pages(reference, {MANIFEST: '{"generator": "docgen", "version": "0", "files": {}}'})
        assert run_main(capsys, "build", str(folder), "-o", str(reference), "-q")[0] == 0
        trees[variant] = tree(reference)
    out = tmp_path / "out"
    write_pages(out, {k: v.decode() for k, v in FOREIGN.items()})
    write_pages(out, {MANIFEST: '{"generator": "docgen", "version": "0", "files": {}}'})
    assert run_main(capsys, "build", str(specs["a"]), "-o", str(out), "-q")[0] == 0
    assert tree(out) == trees["a"]
    return out, specs, trees


def test_killed_builds_leave_old_or_new_tree(two_trees, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out, specs, trees = two_trees
    env = dict(os.environ, PYTHONPATH=str(REPO))
    rng = random.Random(5)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "docgen", "build", str(specs["b"]), "-o", str(tmp_path / "timing"), "-q"],
        cwd=REPO,
        env=env,
        check=True,
    )
    full = time.perf_counter() - started
    seen = {"a": 0, "b": 0}
    current = "a"
    for _ in range(24):
        target = "b" if current == "a" else "a"
        command = [sys.executable, "-m", "docgen", "build", str(specs[target]), "-o", str(out), "-q", "--no-cache"]
        killed_after(command, rng.uniform(0.0, full * 1.1), env)
        current = which(out, trees)
        seen[current] += 1
    assert seen["a"] and seen["b"], f"the kills should land both before and after the swap: {seen}"


WRITER = """
import pickle, sys
from pathlib import Path
from docgen.write import write_tree
files = pickle.loads(Path(sys.argv[2]).read_bytes())
print("start", flush=True)
write_tree(Path(sys.argv[1]), files)
"""


def test_killed_writes_leave_old_or_new_tree(two_trees, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Kills aimed at the write stage alone, where the swap happens."""
    out, _, trees = two_trees
    encoded = {}
    for variant, expected in trees.items():
        files = {k: v for k, v in expected.items() if k not in FOREIGN}
        files.pop(MANIFEST)
        blob = tmp_path / f"{variant}.pickle"
        blob.write_bytes(pickle.dumps(encode({k: v.decode() for k, v in files.items()})))
        encoded[variant] = blob
    env = dict(os.environ, PYTHONPATH=str(REPO))
    rng = random.Random(7)
    seen = {"a": 0, "b": 0}
    current = "a"
    for _ in range(40):
        target = "b" if current == "a" else "a"
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(out), str(encoded[target])],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        assert process.stdout is not None and process.stdout.readline() == b"start\n"
        time.sleep(rng.uniform(0.0, 0.05))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        current = which(out, trees)
        seen[current] += 1
    assert seen["a"] and seen["b"], seen


def test_files_docgen_did_not_write_survive_every_build(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert run_main(capsys, "build", str(specs), "-o", str(out), "-q")[0] == 0
    write_pages(out, {k: v.decode() for k, v in FOREIGN.items()})
    (specs / "models/shared/other.md").unlink()  # its module goes, the foreign files stay
    assert run_main(capsys, "build", str(specs), "-o", str(out), "-q")[0] == 0
    assert not (out / "models/shared/other.py").exists()
    assert {k: (out / k).read_bytes() for k in FOREIGN} == FOREIGN


def test_non_empty_folder_without_manifest_is_refused(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "project"
    write_pages(out, {"main.py": "print('hello')\n"})
    status, _, stderr = run_main(capsys, "build", str(specs), "-o", str(out))
    assert status == 1
    assert "is not empty and has no .docgen-manifest.json, so docgen did not create it (it holds main.py)" in stderr
    assert tree(out) == {"main.py": b"print('hello')\n"}
    with pytest.raises(NotOwnedError):
        write_tree(out, {"a.py": b""})


def test_temporary_trees_of_killed_builds_are_cleaned_up(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    stale = tmp_path / ".docgen-tmp-out-abc123"
    write_pages(stale, {"half.py": "x = 1\n"})
    assert run_main(capsys, "build", str(specs), "-o", str(tmp_path / "out"), "-q")[0] == 0
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out", "specs"]
