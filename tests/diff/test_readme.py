"""README's docgen diff section says what the command does: its rules table is the fixture pairs'
output, its example output is the command's, its ignore file silences what it says."""

from __future__ import annotations

import re
from pathlib import Path

from docgen.diff import ignore
from docgen.diff.rules import RULES
from tests.diff.conftest import diff_trees
from tests.diff.trees import PAIRS, base
from tests.readme_blocks import blocks, section
from tests.workflow.workflow_helpers import run_main

SECTION = "What changed between two versions of the docs: `docgen diff`"
EDITS = {pair.name: pair.edit for pair in PAIRS}


def _table() -> list[tuple[str, str, str, str]]:
    return re.findall(r"^\| `([a-z-]+)` \| (\w+) \| (\w+) \| (.+?) \|$", section(SECTION), re.MULTILINE)


def test_the_rules_table_is_the_fixture_pairs_output(tmp_path: Path) -> None:
    computed = []
    for pair in PAIRS:
        (change,) = diff_trees(tmp_path / pair.name, base(), pair.edit(base()))
        computed.append((pair.rule, pair.received, pair.sent, change.text))
    listed = [row for row in _table() if not row[0].startswith("operation-")]
    assert listed == computed


def test_the_table_names_every_rule_with_its_levels() -> None:
    listed = {rule for rule, *_ in _table()}
    assert listed == set(RULES)
    for rule, received, sent, _ in _table():
        if rule != "field-type-changed" and rule != "enum-value-added":
            assert (str(RULES[rule].received), str(RULES[rule].sent)) == (received, sent), rule


def test_the_example_output_is_the_commands(trees: Path, capsys) -> None:
    shown = next(b.text for b in blocks(SECTION) if b.language == "text" and "docgen diff:" in b.text)
    _, out, _ = run_main(capsys, "diff", "old", "new", "--no-config")
    timing = re.compile(r"; \d+\.\d\ds$", re.MULTILINE)
    assert timing.sub("", out) == timing.sub("", shown)


def test_the_example_ignore_file_silences_the_example(trees: Path, capsys) -> None:
    text = next(b.text for b in blocks(SECTION) if b.language == "text" and b.text.startswith("# "))
    (trees / "accepted").write_text(text, encoding="utf-8")
    entries, problems = ignore.read(trees / "accepted")
    assert problems == [] and len(entries) == 2
    status, out, _ = run_main(capsys, "diff", "old", "new", "--no-config", "--ignore", "accepted", "--fail-on", "info")
    assert status == 0 and out.startswith("docgen diff: no changes")
