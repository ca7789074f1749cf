"""A made-up flavour in a few dozen lines (toy_dialect.py) reads its own pages end to end."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from docgen import dialects
from docgen.build import Source, compile_sources, generate, load_sources
from docgen.config import Settings
from docgen.read.markdown import read_page
from tests.dialects.toy.toy_dialect import ZooDocs

DOCS = Path(__file__).parent / "docs"

# Defining ZooDocs registered it; keep it registered only while the tests here run, so
# that no other test's tree can be detected as zoo docs.
del dialects.Dialect.registry[ZooDocs.name]


@pytest.fixture(autouse=True)
def zoo_registered(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(dialects.Dialect.registry, ZooDocs.name, ZooDocs)


KEEPER_CLASS = '''\
@dataclass(slots=True)
class Keeper:
    """Someone who looks after the animals of one enclosure."""

    badge: int = field(metadata={"wire_name": "badge"})
    """Staff number on the badge."""

    from_: str = field(metadata={"wire_name": "from"})
    """Home town."""

    animals: list[zoo_animal.Animal] = field(metadata={"wire_name": "animals"})
    """Who they feed."""

    pager: str | None = field(default=None, metadata={"wire_name": "pager"})

    shift: Shift | None = field(default=None, metadata={"wire_name": "shift"})
'''


def test_the_zoo_tree_is_detected_as_zoo_docs() -> None:
    sources, _ = load_sources(DOCS)
    pages = [read_page(s.path, s.text) for s in sources]
    assert isinstance(dialects.detect(pages, dialects.DEFAULT), ZooDocs)
    assert "zoo" in dialects.known()


def test_the_zoo_tree_builds_to_working_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    built = generate(DOCS, settings=Settings(dialect="zoo"))
    assert [d.render() for d in built.diagnostics] == []
    assert built.counts == {"models": 1, "enums": 1, "unions": 1}
    assert KEEPER_CLASS in built.files["zoo/keeper.py"]
    assert "Animal = str | list[int]\n" in built.files["zoo/animal.py"]
    assert '    EARLY = "early"\n    LATE = "late"\n' in built.files["zoo/shift.py"]
    for path, text in built.files.items():
        (tmp_path / "zoo_models" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "zoo_models" / path).write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    keeper_module = importlib.import_module("zoo_models.zoo.keeper")
    try:
        data = {"badge": 7, "from": "Ghent", "animals": ["owl", [1, 2]], "shift": "late"}
        keeper = keeper_module.Keeper.from_dict(data)
        assert (keeper.from_, keeper.animals, keeper.pager, keeper.shift.value) == (
            "Ghent",
            ["owl", [1, 2]],
            None,
            "late",
        )
        assert keeper.to_dict() == data
    finally:
        for name in [m for m in sys.modules if m.startswith("zoo_models")]:
            del sys.modules[name]


def test_zoo_messages_use_zoo_words() -> None:
    bad_mark = "# Pen\n\n## Attributes\n\n| Attribute | Kind | Mandatory |\n|---|---|---|\n| `size` | *int* | maybe |\n"
    no_section = "# Gate\n\n## Fields\n\n| Field | Type |\n|---|---|\n| `x` | *int* |\n"
    compiled = compile_sources([Source("zoo/pen.md", bad_mark), Source("zoo/gate.md", no_section)], dialect="zoo")
    assert compiled.spec is None
    assert [(str(d.span), d.message, d.hint) for d in compiled.diagnostics] == [
        (
            "zoo/gate.md:1:3",
            "page 'Gate' has no '## Attributes', '## Choices' or '## One Of' section",
            ("add the section that describes the type, or move the page out of the specs folder"),
        ),
        (
            "zoo/gate.md:3:4",
            "section 'Fields' is not one docgen reads; ignored",
            "docgen reads '## Attributes', '## Choices', '## One Of' (one level deeper below a '## Name' heading of "
            "a further type)",
        ),
        ("zoo/pen.md:7:20", "unknown Mandatory marker 'maybe'", "write yes (required) or no (optional)"),
    ]
