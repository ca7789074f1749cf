"""A rebuild after a change takes unchanged pages and modules from the cache (docgen/reuse/),
and writes, byte for byte, what a cold build writes: also where the change reaches other
pages' modules, and whatever the cache's records hold."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Callable

import pytest
from workflow_helpers import REPO, run_main, tree

from docgen import incremental
from docgen.build import generate
from docgen.format import cache
from docgen.reuse import codec
from docgen.reuse.modules import ModuleRecords, Noted
from docgen.reuse.pages import PageRecords

SHARED = "models/shared"


def edit(page: str, old: str, new: str) -> Callable[[Path], None]:
    def change(specs: Path) -> None:
        path = specs / SHARED / page
        text = path.read_text(encoding="utf-8")
        assert old in text, (page, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


@pytest.fixture
def specs(tmp_path: Path) -> Path:
    """A copy of the repository's specs/ tree: models, enums, unions, operations."""
    return Path(shutil.copytree(REPO / "specs", tmp_path / "specs"))


def built(capsys: pytest.CaptureFixture[str], specs: Path, out: Path, *flags: str) -> tuple[int, str]:
    status, stdout, stderr = run_main(capsys, "build", str(specs), "-o", str(out), *flags)
    return status, stdout + stderr


def cold(capsys: pytest.CaptureFixture[str], specs: Path, out: Path) -> tuple[int, str, dict[str, bytes]]:
    status, shown = built(capsys, specs, out, "--no-cache", "-q")
    return status, shown, tree(out) if out.exists() else {}


EDITS = {
    "a description": (edit("book.md", "Refers back to Author.", "Refers back to Author, edited."), ["book.py"]),
    # ContentPart tells its members apart by TextPart's literal: its own page is unchanged
    "a literal another module dispatches on": (
        edit("textpart.md", 'Literal["text"]', 'Literal["plain"]'),
        ["textpart.py", "contentpart.py"],
    ),
    # Book's module imports Author's; renamed in both pages, Book's link follows it
    "a renamed type, and the link to it": (
        lambda specs: [
            edit("author.md", "# Author", "# Writer")(specs),
            edit("book.md", "[Optional[shared.Author]]", "[Optional[shared.Writer]]")(specs),
        ],
        ["author.py", "book.py"],
    ),
    "an enum value": (edit("finishreason.md", "| content_filter   |", "| filtered |"), ["finishreason.py"]),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_a_rebuild_after_a_change_writes_what_a_cold_build_writes(
    name: str, specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    change, affected = EDITS[name]
    out = tmp_path / "out"
    assert built(capsys, specs, out, "-q")[0] == 0
    before = tree(out)
    change(specs)
    assert built(capsys, specs, out, "-q")[0] == 0
    status, _, expected = cold(capsys, specs, tmp_path / "cold")
    assert status == 0
    assert tree(out) == expected
    changed = {path.rpartition("/")[2] for path in expected if expected[path] != before.get(path)}
    assert set(affected) <= changed


def test_a_renamed_type_fails_the_page_that_names_it_as_a_cold_build_does(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Book's page is unchanged, and its record is of a build in which Author existed."""
    out = tmp_path / "out"
    assert built(capsys, specs, out, "-q")[0] == 0
    edit("author.md", "# Author", "# Writer")(specs)
    status, shown = built(capsys, specs, out)
    cold_status, cold_shown, _ = cold(capsys, specs, tmp_path / "cold")
    assert (status, cold_status) == (1, 1)
    assert "book.md:11:26: error: unknown type name 'shared.Author'" in shown
    assert shown.split("; nothing was written")[0] == cold_shown.split("; nothing was written")[0]


def test_a_one_page_change_reads_one_page_and_renders_what_depends_on_it(specs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    first = generate(
        specs, formatter=cache.Formatting(out, 1), records=PageRecords(), modules=ModuleRecords(out, False)
    )
    from docgen.write import encode, write_tree

    write_tree(out, encode(first.files))
    edit("textpart.md", 'Literal["text"]', 'Literal["plain"]')(specs)
    pages, modules = PageRecords(), ModuleRecords(out, False)
    again = generate(specs, formatter=cache.Formatting(out, 1), records=pages, modules=modules)
    modules_of_pages = {path for path in again.files if path.startswith("models/") and "__init__" not in path}
    assert pages.reused == again.pages - 1 - len(again.skipped)  # all but textpart.md (and operation pages)
    rendered = modules_of_pages - modules.taken
    assert {f"{SHARED}/textpart.py", f"{SHARED}/contentpart.py"} <= rendered  # contentpart.md is unchanged
    assert len(rendered) <= 3, rendered  # and message.py, whose renderer looked TextPart up
    assert {"_parsing.py", "_errors.py"} <= modules.taken  # the support modules
    assert again.files == generate(specs).files


def corrupt_every_record(folder: Path) -> None:
    for pack in folder.glob("*.json"):
        data = json.loads(pack.read_text(encoding="utf-8"))
        if isinstance(data, dict) and all(isinstance(v, str) for v in data.values()):
            damaged = {key: entry[:-12] + "]]]]}}}}" + entry[-4:] for key, entry in data.items()}
            pack.write_text(json.dumps(damaged), encoding="utf-8")


def test_corrupt_records_are_ignored(
    specs: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], build_cache: Path
) -> None:
    out = tmp_path / "out"
    assert built(capsys, specs, out, "-q")[0] == 0
    corrupt_every_record(build_cache)
    edit("textpart.md", 'Literal["text"]', 'Literal["plain"]')(specs)
    assert PageRecords().known == {}
    assert built(capsys, specs, out, "-q")[0] == 0
    assert tree(out) == cold(capsys, specs, tmp_path / "cold")[2]


def test_a_record_that_checks_out_but_names_other_classes_is_not_decoded() -> None:
    with pytest.raises(codec.CodecError):
        codec.loads('[{"Popen": [["rm", "-rf", "/"]]}]')
    with pytest.raises(codec.CodecError):
        codec.loads('{"Ref": ["a", "b"]}')  # Ref has one field


def test_a_wrong_record_in_a_valid_pack_is_not_taken(specs: Path, tmp_path: Path, build_cache: Path) -> None:
    """A record that decodes to something other than a page's record (a pack written by
    something else) is ignored, and the page read."""
    out = tmp_path / "out"
    generate(specs, records=PageRecords())
    keys = list(PageRecords().known)
    assert keys
    incremental.save_pack("pages", {key: '["not marks", 1, 2]' for key in keys}, 100)
    records = PageRecords()
    assert all(records.get(key) is None for key in keys)
    assert generate(specs, records=records).files == generate(specs).files
    assert out.exists() is False


def test_tables_note_what_is_looked_up_and_when_they_are_walked() -> None:
    table = Noted({"a": 1, "b": 2})
    assert table["a"] == 1 and table.get("missing") is None and "c" not in table
    assert table.looked_up == {"a", "missing", "c"} and not table.walked
    assert sorted(table.items()) == [("a", 1), ("b", 2)]
    assert table.walked


def test_a_module_record_whose_text_is_not_in_out_is_not_taken(specs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    from docgen.write import encode, write_tree

    write_tree(
        out, encode(generate(specs, formatter=cache.Formatting(out, 1), modules=ModuleRecords(out, False)).files)
    )
    target = out / SHARED / "book.py"
    target.write_text(target.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    modules = ModuleRecords(out, False)
    again = generate(specs, formatter=cache.Formatting(out, 1), modules=modules)
    assert again.files == generate(specs).files
    assert f"{SHARED}/book.py" not in modules.taken and f"{SHARED}/author.py" in modules.taken


def test_a_rebuild_compiles_the_python_jinja_made_of_the_templates_before(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Python of each template is kept in the cache: a later process compiles it
    without Jinja's lexer, parser and code generator, and renders the same text."""
    from docgen.emit.modules import environment, render_runtime
    from docgen.reuse.templates import RememberedTemplates

    first = RememberedTemplates()
    before = render_runtime("parsing.py.jinja", environment(None, first), lambda text: text)
    assert first.learned
    first.save()

    def no_code_generation(*args: object, **kwargs: object) -> str:
        raise AssertionError("Jinja generated code for a template it had made Python of before")

    monkeypatch.setattr("jinja2.Environment._generate", no_code_generation)
    later = RememberedTemplates()
    assert render_runtime("parsing.py.jinja", environment(None, later), lambda text: text) == before
    assert not later.learned


def test_kept_template_python_is_keyed_by_the_template_text_and_a_damaged_record_is_ignored() -> None:
    from docgen.emit.modules import environment
    from docgen.reuse import templates

    store = templates.RememberedTemplates()
    env = environment(None, store)
    assert templates._key(env, "{{ a }}", "x.jinja") != templates._key(env, "{{ b }}", "x.jinja")
    assert templates._key(env, "{{ a }}", "x.jinja") != templates._key(env, "{{ a }}", "y.jinja")
    store.learn(env, "{{ a }}", "x.jinja", "python of x")
    store.save()
    pack = incremental.pack_path("templates")
    pack.write_text(pack.read_text(encoding="utf-8").replace("python of x", "python of y"), encoding="utf-8")
    assert templates.RememberedTemplates().python(env, "{{ a }}", "x.jinja") is None
