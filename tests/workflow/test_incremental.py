"""Incremental builds: a no-op rebuild writes nothing and parses nothing; one changed page
rewrites only the files it affects, and black runs only for those."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from workflow_helpers import REPO, model_page, run_main

from docgen import incremental
from docgen.format import cache


def stamps(out: Path) -> dict[str, tuple[int, int]]:
    """(inode, mtime) of every file: a file that was rewritten or replaced changes one of them."""
    return {
        p.relative_to(out).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in out.rglob("*") if p.is_file()
    }


def test_no_op_rebuild_writes_nothing(specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run_main(capsys, "build", str(specs), "-o", str(out), "-q")[0] == 0
    before = stamps(out)
    for flags in ((), ("--no-cache",)):
        status, stdout, _ = run_main(capsys, "build", str(specs), "-o", str(out), *flags)
        assert status == 0 and "; 0 files changed in " in stdout
        assert stamps(out) == before


def test_one_changed_page_rewrites_only_its_files(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert run_main(capsys, "build", str(specs), "-o", str(out), "-q")[0] == 0
    before = stamps(out)
    (specs / "models/shared/thing.md").write_text(model_page("Thing", "Changed."), encoding="utf-8")
    status, stdout, _ = run_main(capsys, "build", str(specs), "-o", str(out))
    assert status == 0 and "; 2 files changed in " in stdout
    after = stamps(out)
    rewritten = sorted(path for path in after if after[path] != before.get(path))
    assert rewritten == [".docgen-manifest.json", "models/shared/thing.py"]


def test_unchanged_modules_are_not_formatted_again(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from docgen.build import generate

    out = tmp_path / "out"
    assert run_main(capsys, "build", str(specs), "-o", str(out), "-q")[0] == 0
    (specs / "models/shared/thing.md").write_text(model_page("Thing", "Changed."), encoding="utf-8")
    formatting = cache.Formatting(out, jobs=1)
    result = generate(specs, formatter=formatting)
    python_files = [p for p in result.files if p.endswith(".py")]
    assert formatting.reused == len(python_files) - 1
    fresh = generate(specs)  # formatted from scratch: the same text
    assert result.files == fresh.files


def test_tampered_output_is_not_reused(specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert run_main(capsys, "build", str(specs), "-o", str(out), "-q")[0] == 0
    target = out / "models/shared/other.py"
    original = target.read_bytes()
    target.write_bytes(original + b"# hand edit\n")
    status, stdout, _ = run_main(capsys, "build", str(specs), "-o", str(out))
    assert status == 0 and "; 1 file changed in " in stdout
    assert target.read_bytes() == original


def test_no_op_build_does_not_load_the_parsers(specs: Path, tmp_path: Path, build_cache: Path) -> None:
    out = tmp_path / "out"
    script = (
        "import sys\nfrom docgen.cli import main\n"
        f"status = main(['build', {str(specs)!r}, '-o', {str(out)!r}, '-q'])\n"
        "print(status, sorted(m for m in ('markdown_it', 'black', 'jinja2') if m in sys.modules))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(REPO), DOCGEN_CACHE_DIR=str(build_cache))
    first = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    # a first build reads and renders (black too, had a statement needed it: none of specs/ does)
    assert first.stdout.strip() == "0 ['jinja2', 'markdown_it']"
    again = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True)
    assert again.stdout.strip() == "0 []"


def test_parallel_formatting_gives_the_same_text() -> None:
    from docgen.format.formatter import format_source

    texts = [f"x{n} = {{ 'a':{n} }}\n" for n in range(cache.PARALLEL_THRESHOLD + 5)]
    assert cache.format_all(texts, 2, format_source) == [format_source(t) for t in texts]


def test_parallel_rendering_gives_the_same_files(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Modules rendered by forked workers, with and without the module records, are the
    files one process renders (the threshold lowered: specs/ has fewer modules)."""
    from docgen.emit import modules

    monkeypatch.setattr(modules, "PARALLEL_RENDER_THRESHOLD", 2)
    outputs = {}
    for jobs, cached in (("1", "--no-cache"), ("2", "--no-cache"), ("2", "--jobs=2")):
        out = tmp_path / f"out-{jobs}{cached}"
        assert run_main(capsys, "build", str(specs), "-o", str(out), "-q", "-j", jobs, cached)[0] == 0
        outputs[jobs + cached] = {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.py")}
    single, *parallel = outputs.values()
    assert len(single) > 2 and all(files == single for files in parallel)


def test_parallel_reading_gives_the_same_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages read by forked workers (from PARALLEL_READ_JOBS jobs on) are the pages one
    process reads, in the same order; fewer jobs read in this process alone (the
    project's specs/ tree, the threshold lowered)."""
    from docgen import build
    from docgen.read.sources import load_sources

    monkeypatch.setattr(build, "PARALLEL_READ_THRESHOLD", 2)
    sources, _ = load_sources(Path(__file__).resolve().parents[2] / "specs")
    assert len(sources) > 2
    single = build.read_pages(sources, 1)
    assert build.read_pages(sources, build.PARALLEL_READ_JOBS) == single
    forked = []
    monkeypatch.setattr(build, "_read_all", lambda chunk: forked.append(len(chunk)) or [])
    build.read_pages(sources, build.PARALLEL_READ_JOBS - 1)
    assert forked == [len(sources)]  # one share: read here, nothing forked


def test_fingerprint_covers_modules_in_subfolders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Editing any module of docgen, in any stage folder, changes the build key."""
    import shutil

    copy = tmp_path / "docgen"
    shutil.copytree(incremental.CODE_ROOT, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(incremental, "CODE_ROOT", copy)
    pages = [("a.md", "# A\n")]

    def key() -> str:  # docgen's code is read once per process: here it changes between builds
        incremental.code_digest.cache_clear()
        return incremental.fingerprint(pages, "settings", [])

    before = key()
    nested = sorted(p for p in copy.rglob("*.py") if p.parent != copy)
    assert nested, "docgen has modules in stage folders"
    for module in nested:
        original = module.read_bytes()
        module.write_bytes(original + b"\n# edited\n")
        assert key() != before, module
        module.write_bytes(original)
    assert key() == before
    incremental.code_digest.cache_clear()
