"""Concurrent runs: builds into one OUT wait for each other; builds into sibling OUTs never touch
each other's temporary trees; cleanup removes only docgen's own stale temporaries of its OUT."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from workflow_helpers import REPO, docgen_process, model_page, run_main, tree, write_pages

from docgen import lock
from docgen.write import _MARKER, _temp_prefix

pytestmark = pytest.mark.skipif(lock.fcntl is None, reason="needs fcntl locks")

#: Trials of the concurrent tests, each of three docgen processes at once (more: set the variable).
TRIALS = int(os.environ.get("DOCGEN_TEST_TRIALS", "2"))


def pages(count: int, variant: str) -> dict[str, str]:
    return {f"models/shared/type{n:03d}.md": model_page(f"Type{n:03d}", f"Variant {variant}.") for n in range(count)}


def start(*args: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "docgen", *args],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish_all(processes: list[subprocess.Popen[str]]) -> list[tuple[int, str]]:
    return [(p.wait(timeout=300), p.communicate()[1]) for p in processes]


@pytest.fixture
def env(build_cache: Path) -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO), DOCGEN_CACHE_DIR=str(build_cache))


@pytest.fixture
def variants(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, Path], dict[str, dict[str, bytes]]]:
    """Specs a and b (every page differs) and the tree a clean build of each writes."""
    specs = {v: write_pages(tmp_path / f"specs-{v}", pages(12, v)) for v in "ab"}
    clean = {}
    for variant, folder in specs.items():
        assert run_main(capsys, "build", str(folder), "-o", str(tmp_path / f"clean-{variant}"), "-q")[0] == 0
        clean[variant] = tree(tmp_path / f"clean-{variant}")
    return specs, clean


def test_concurrent_builds_into_one_out_all_succeed(variants, tmp_path: Path, env, capsys) -> None:  # type: ignore[no-untyped-def]
    specs, clean = variants
    for trial in range(TRIALS):
        out = tmp_path / f"out-{trial}"
        assert run_main(capsys, "build", str(specs["a"]), "-o", str(out), "-q")[0] == 0
        flags = [("--no-cache",), (), ("--no-cache", "-j", "1")]
        runs = finish_all([start("build", str(specs["b"]), "-o", str(out), "-q", *f, env=env) for f in flags])
        assert [status for status, _ in runs] == [0, 0, 0], runs
        assert tree(out) == clean["b"]
        assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == [], "no temporary, no lock"


def test_concurrent_builds_into_sibling_outs_keep_to_their_own(variants, tmp_path: Path, env: dict[str, str]) -> None:  # type: ignore[no-untyped-def]
    specs, clean = variants
    parent = tmp_path / "siblings"
    # a folder of the user's that the cleanup of gen once matched, and a temporary of gen with no marker
    mine = write_pages(parent / ".docgen-tmp-gen-mine", {"notes.txt": "mine\n"})
    unmarked = write_pages(parent / (_temp_prefix(parent / "gen") + "x"), {"half.py": "x = 1\n"})
    names = ("gen", "gen-2", "gen-22")
    for trial in range(TRIALS):
        variant = "ab"[trial % 2]
        runs = finish_all(
            [
                start("build", str(specs[variant]), "-o", str(parent / name), "-q", "--no-cache", env=env)
                for name in names
            ]
        )
        assert [status for status, _ in runs] == [0, 0, 0], runs
        for name in names:
            assert tree(parent / name) == clean[variant], name
    assert tree(mine) == {"notes.txt": b"mine\n"}
    assert tree(unmarked) == {"half.py": b"x = 1\n"}


def test_a_waiting_build_says_so_and_gives_up_after_the_timeout(
    specs: Path, tmp_path: Path, env: dict[str, str]
) -> None:
    out = tmp_path / "out"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\nfrom pathlib import Path\nfrom docgen import lock\n"
            "with lock.held(Path(sys.argv[1])):\n    print('held', flush=True)\n    time.sleep(60)\n",
            str(out),
        ],
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        began = time.monotonic()
        waited = docgen_process("build", str(specs), "-o", str(out), "--lock-timeout", "1.5")
        assert time.monotonic() - began >= 1.5
        assert waited.returncode == 1
        lock_file = tmp_path / ".out.docgen-lock"
        assert (
            f"docgen: waiting for another docgen run on {out} to finish (lock {lock_file}, process {holder.pid})"
            in (waited.stderr)
        )
        assert (
            f"docgen: error: another docgen run is still working on {out} (it holds {lock_file}, "
            f"process {holder.pid}); gave up after 1.5s (--lock-timeout)"
        ) in waited.stderr
        assert not out.exists()
        checked = docgen_process("check", str(specs), "-o", str(out), "--lock-timeout", "0")
        assert checked.returncode == 1 and "gave up after 0s" in checked.stderr
    finally:
        holder.kill()
        holder.wait()
    done = docgen_process("build", str(specs), "-o", str(out), "--lock-timeout", "5")
    assert done.returncode == 0, done.stderr  # a killed holder leaves no stale lock
    assert "waiting" not in done.stderr


COUNTER = """
import sys, time
from pathlib import Path
from docgen import lock
out, counter = Path(sys.argv[1]), Path(sys.argv[2])
for _ in range(int(sys.argv[3])):
    with lock.held(out):
        value = int(counter.read_text())
        time.sleep(0.001)
        counter.write_text(str(value + 1))
"""


def test_the_lock_lets_one_process_in_at_a_time(tmp_path: Path, env: dict[str, str]) -> None:
    """Processes that read, wait and write a counter under the lock never lose an increment,
    though every holder removes the lock file as it lets go."""
    counter = tmp_path / "counter"
    counter.write_text("0")
    out = tmp_path / "out"
    workers = [
        subprocess.Popen([sys.executable, "-c", COUNTER, str(out), str(counter), "40"], cwd=REPO, env=env)
        for _ in range(4)
    ]
    assert [w.wait(timeout=120) for w in workers] == [0, 0, 0, 0]
    assert counter.read_text() == "160"
    assert not lock.lock_path(out).exists()


@pytest.mark.parametrize("value", ["-1", "soon", "nan"])
def test_a_bad_lock_timeout_is_a_usage_error(value: str, specs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        run_main(capsys, "build", str(specs), "--lock-timeout", value)
    assert exited.value.code == 2
    assert f"--lock-timeout: {value!r} is not a number of seconds (0 or more)" in capsys.readouterr().err


def stale_temporary(parent: Path, out_name: str, pid: int, **marker: object) -> Path:
    name = _temp_prefix(parent / out_name) + f"t{len(list(parent.iterdir()))}"
    folder = write_pages(parent / name, {"half.py": "x = 1\n"})
    import socket

    fields = {"generator": "docgen", "out": str(parent.resolve() / out_name), "host": socket.gethostname(), "pid": pid}
    fields.update(marker)
    (folder / _MARKER).write_text(json.dumps(fields), encoding="utf-8")
    return folder


def test_cleanup_removes_only_provably_stale_temporaries_of_this_out(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)
    stale = stale_temporary(tmp_path, "out", dead)
    alive = stale_temporary(tmp_path, "out", os.getppid())  # a running process: perhaps still building
    elsewhere = stale_temporary(tmp_path, "out", dead, host="another-machine")
    sibling = stale_temporary(tmp_path, "out-2", dead)
    foreign = stale_temporary(tmp_path, "out", dead, generator="someone")
    other_out = stale_temporary(tmp_path, "out", dead, out=str(tmp_path.resolve() / "out-2"))
    assert run_main(capsys, "build", str(specs), "-o", str(tmp_path / "out"), "-q")[0] == 0
    assert not stale.exists()
    for kept in (alive, elsewhere, sibling, foreign, other_out):
        assert tree(kept)["half.py"] == b"x = 1\n", kept
