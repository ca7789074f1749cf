"""README's "Five minutes with docgen", run block by block on a small SDK tree.

tests/walkthrough/acme-sdk is that tree: a Speakeasy-style ``docs/`` folder (an account
model, its plan enum, an operation response) and a captured response.  Each ``sh``
block runs in the tree with bash, each ``file=`` block is written to its file, in the
order of the README; then the hook it installs is tried on an edit and on an unrelated
commit, as the section says.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import git_env
from tests.readme_blocks import blocks

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
pytest.importorskip("pre_commit")

TREE = Path(__file__).parent / "walkthrough" / "acme-sdk"
SECTION = "Five minutes with docgen"


def _env(root: Path) -> dict[str, str]:
    return {**git_env(root), "DOCGEN_CACHE_DIR": str(root.parent / "docgen-cache")}


def _sh(root: Path, script: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", "-e", "-c", script], cwd=root, env=_env(root), capture_output=True, text=True, timeout=600
    )


def test_every_block_of_the_walkthrough_runs(tmp_path: Path) -> None:
    root = tmp_path / "acme-sdk"
    shutil.copytree(TREE, root)
    assert _sh(root, "git init -q").returncode == 0  # the SDK's git checkout
    found = blocks(SECTION)
    assert [b.language for b in found] == ["sh", "toml", "sh", "python", "sh", "yaml", "sh"]
    outputs = []
    for block in found:
        if block.file is not None:
            (root / block.file).write_text(block.text, encoding="utf-8")
            continue
        assert block.language == "sh", block
        result = _sh(root, block.text)
        assert result.returncode == 0, (block.text, result.stdout, result.stderr)
        outputs.append(result.stdout)
    assert "Ada's Books True 2023" in outputs[2]  # what the README says the script prints
    module = root / "src/acme/models/models/shared/account.py"
    assert '"wire_name": "displayName"' in module.read_text(encoding="utf-8")  # the camelCase setting took
    assert _sh(root, "git status --porcelain").stdout == ""  # the commit passed its hook

    # A page edited: the hook rebuilds the models and stops the commit; adding them passes.
    page = root / "docs/models/shared/account.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Name shown on receipts", "Printed on receipts"))
    refused = _sh(root, "git add docs && git commit -q -m 'Reword a field'")
    assert refused.returncode != 0 and "was out of date and has been rebuilt" in refused.stdout + refused.stderr
    assert '"""Printed on receipts"""' in module.read_text(encoding="utf-8")
    assert _sh(root, "git add -A && git commit -q -m 'Reword a field'").returncode == 0

    # A commit touching neither the docs, the models nor the settings does not run docgen.
    (root / "NOTES.txt").write_text("release notes\n")
    unrelated = _sh(root, "git add NOTES.txt && git commit -m 'Notes'")
    assert unrelated.returncode == 0
    assert "docgen" in unrelated.stdout + unrelated.stderr and "Skipped" in unrelated.stdout + unrelated.stderr
