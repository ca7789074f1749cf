"""OUT is always the complete old tree or the complete new one, and files docgen did not write survive.

Builds are killed with SIGKILL at random moments, in subprocesses, many times; after
each kill OUT must equal one of the two complete trees exactly.
"""

from __future__ import annotations

import os
import pickle
import random
import signal
import stat
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
        before, current = current, which(out, trees)
        seen[current] += 1
        if current == before:  # killed before the swap: a loaded machine builds slower than timed
            full *= 1.25
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

    def writer(target: str) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(out), str(encoded[target])],
            cwd=REPO,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        assert process.stdout is not None and process.stdout.readline() == b"start\n"
        return process

    timing = writer("b")
    began = time.perf_counter()
    assert timing.wait() == 0  # how long a write takes on this machine now, to aim the kills
    full = time.perf_counter() - began
    assert which(out, trees) == "b"
    seen = {"a": 0, "b": 0}
    current = "b"
    for _ in range(40):
        target = "b" if current == "a" else "a"
        process = writer(target)
        time.sleep(rng.uniform(0.0, full * 1.2))
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


def test_killing_one_of_two_concurrent_builds_spares_the_other(two_trees, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Two builds into one OUT at once; one is killed at a random moment: the other finishes, OUT is complete."""
    out, specs, trees = two_trees
    env = dict(os.environ, PYTHONPATH=str(REPO))
    rng = random.Random(11)
    started = time.perf_counter()
    timing = [sys.executable, "-m", "docgen", "build", str(specs["b"]), "-o", str(tmp_path / "timing"), "-q"]
    subprocess.run(timing, cwd=REPO, env=env, check=True)
    full = time.perf_counter() - started
    for trial in range(CONCURRENT_KILL_TRIALS):
        builds = {}
        for variant in "ab":
            command = [sys.executable, "-m", "docgen", "build", str(specs[variant]), "-o", str(out), "-q", "--no-cache"]
            builds[variant] = subprocess.Popen(
                command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
            )
        victim = rng.choice("ab")
        survivor = "b" if victim == "a" else "a"
        time.sleep(rng.uniform(0.0, full * 1.5))
        os.killpg(builds[victim].pid, signal.SIGKILL)
        builds[victim].wait()
        _, stderr = builds[survivor].communicate(timeout=300)
        assert builds[survivor].returncode == 0, (trial, stderr)
        which(out, trees)  # one complete tree or the other, never a mixture
    assert run_main_process(["build", str(specs["a"]), "-o", str(out), "-q"], env) == 0
    assert which(out, trees) == "a"
    leftovers = sorted(p.name for p in out.parent.iterdir() if p.name.startswith(".docgen-tmp"))
    assert leftovers == [], "the temporaries of killed builds are cleaned up by the next build that writes"


#: Trials of the test above, each of two concurrent builds (more: set the variable).
CONCURRENT_KILL_TRIALS = int(os.environ.get("DOCGEN_TEST_TRIALS", "4"))


def run_main_process(args: list[str], env: dict[str, str]) -> int:
    return subprocess.run([sys.executable, "-m", "docgen", *args], cwd=REPO, env=env).returncode


@pytest.fixture
def small_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A 1 MiB tmpfs mounted below tmp_path (needs root and mount rights; skipped otherwise)."""
    if os.geteuid() != 0 or not sys.platform.startswith("linux"):
        pytest.skip("mounting a small tmpfs needs root on Linux")
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield disk
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=True)


def test_a_full_disk_fails_the_build_and_leaves_out_untouched(
    small_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old_specs = write_pages(tmp_path / "specs-old", pages(5, "a"))
    new_specs = write_pages(tmp_path / "specs-new", pages(60, "b"))
    out = small_disk / "out"
    assert run_main(capsys, "build", str(old_specs), "-o", str(out), "-q")[0] == 0
    before = tree(out)
    stamps = {p: (out / p).stat().st_ino for p in before}
    free = os.statvfs(small_disk)
    (small_disk / "filler").write_bytes(b"\0" * (free.f_bavail * free.f_frsize - 64 * 1024))
    status, stdout, stderr = run_main(capsys, "build", str(new_specs), "-o", str(out), "-q")
    assert status == 1
    assert stderr.startswith(f"docgen: error: cannot write {out}: No space left on device")
    assert stderr.rstrip().endswith(
        f"while writing the new tree next to it; {out} was left as it was and the partial tree was removed"
    )
    assert "Traceback" not in stderr
    assert tree(out) == before and {p: (out / p).stat().st_ino for p in before} == stamps
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "out"]
    (small_disk / "filler").unlink()
    assert run_main(capsys, "build", str(new_specs), "-o", str(out), "-q")[0] == 0


def test_out_keeps_its_folder_mode(specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The new tree is assembled in a private temporary folder, but OUT does not become private."""
    out = tmp_path / "out"
    umask = os.umask(0o022)
    try:
        assert run_main(capsys, "build", str(specs), "-o", str(out), "-q")[0] == 0
        assert stat.S_IMODE(out.stat().st_mode) == 0o755
        out.chmod(0o750)
        (specs / "models/shared/other.md").unlink()
        assert run_main(capsys, "build", str(specs), "-o", str(out), "-q")[0] == 0
        assert not (out / "models/shared/other.py").exists()
        assert stat.S_IMODE(out.stat().st_mode) == 0o750
    finally:
        os.umask(umask)
