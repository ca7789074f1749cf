"""Real SDK docs from ../shared: every page builds into code that compiles and passes mypy
--strict and ruff; the scorer's figure is for the log, not pinned.

Skipped where ../shared is absent.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from docgen.build import compile_sources, generate, load_sources
from docgen.resolve import specs_root
from docgen.write import encode, write_tree
from tests.conftest import shared_path

CORPORA = {"speakeasy-v1": 698, "speakeasy-v2": 697}


@pytest.fixture(scope="module", params=sorted(CORPORA))
def corpus_build(request, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """Each corpus built into a package folder named ``models`` (every page must build)."""
    corpus = request.param
    result = generate(shared_path("corpus", corpus, "docs"))
    errors = [d.render() for d in result.diagnostics if d.severity == "error"]
    assert not errors, errors[:10]
    assert result.pages == CORPORA[corpus]
    out = tmp_path_factory.mktemp(corpus) / "models"
    write_tree(out, encode(result.files))
    return corpus, out


def test_every_module_compiles(corpus_build: tuple[str, Path]) -> None:
    _, out = corpus_build
    for path in out.rglob("*.py"):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")


def test_fidelity_is_reported(corpus_build: tuple[str, Path]) -> None:
    corpus, out = corpus_build
    score = shared_path("tools", "score.py")
    expected = shared_path("corpus", corpus, "expected.json")
    report = subprocess.run(
        [sys.executable, str(score), str(expected), str(out)], capture_output=True, text=True, timeout=300, check=False
    )
    print(report.stdout)  # the fidelity table, visible with -s or in the log of a failure
    assert report.stdout.strip().splitlines()[-1].startswith("fidelity: ")


def test_mypy_strict_and_ruff_pass_on_the_build(corpus_build: tuple[str, Path]) -> None:
    _, out = corpus_build
    checks = [
        [sys.executable, "-m", "ruff", "check", "--isolated", "--target-version", "py310", "-q", out.name],
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", out.name],
    ]
    for command in checks:
        result = subprocess.run(command, cwd=out.parent, capture_output=True, text=True, timeout=900, check=False)
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


SDK_TREES = ["speakeasy-v1", "speakeasy-v2", "speakeasy-v1-sdk", "speakeasy-v2-sdk", "bolt-v2", "nest-v2"]


@pytest.mark.parametrize("corpus", SDK_TREES)
def test_the_docs_folder_and_the_models_folder_read_without_errors(corpus: str) -> None:
    """What the SDK publishes builds as it is: ``docs/`` (operation pages and helpers skipped)
    and ``docs/models`` give the same types, with no error."""
    declared = {}
    for folder in ("docs", "docs/models"):
        specs = shared_path("corpus", corpus, *folder.split("/"))
        sources, problems = load_sources(specs)
        compiled = compile_sources(sources, root=specs_root(specs))
        errors = [d.render() for d in [*problems, *compiled.diagnostics] if d.severity == "error"]
        assert not errors, errors[:5]
        assert compiled.spec is not None
        assert all(what in ("operation page", "SDK helper") for _, what in compiled.skipped)
        declared[folder] = sorted(d.name for d in compiled.spec.decls().values())
    assert declared["docs"] == declared["docs/models"]
