"""What rendering keeps from one use to the next gives the same text as doing it again:
the compiled templates and their globals, and the annotations a module spells."""

from __future__ import annotations

from pathlib import Path

import pytest

from docgen.build import Source, compile_sources
from docgen.emit import modules
from docgen.emit.spelling import Annotator
from docgen.ir import Spec

PAGES = {
    "models/shared/pet.md": "# Pet\n\nA pet.\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n"
    "| `name` | *str* | :heavy_check_mark: | Its name. |\n",
    "models/shared/owner.md": "# Owner\n\nAn owner.\n\n## Fields\n\n| Field | Type | Required | Description |\n"
    "|---|---|---|---|\n"
    "| `pet` | [Optional[shared.Pet]](pet.md) | :heavy_minus_sign: | One pet. |\n"
    "| `pets` | List[[shared.Pet](pet.md)] | :heavy_check_mark: | All of them. |\n"
    "| `born` | [date](https://docs.python.org/3/library/datetime.html#date-objects) | :heavy_check_mark: | A day. |\n"
    "| `list` | *Optional[int]* | :heavy_minus_sign: | A field that shadows a builtin. |\n",
}


@pytest.fixture(scope="module")
def spec() -> Spec:
    compiled = compile_sources([Source(path, text) for path, text in sorted(PAGES.items())])
    assert compiled.spec is not None, [d.render() for d in compiled.diagnostics]
    return compiled.spec


def owner_annotator(spec: Spec) -> Annotator:
    module = next(m for m in spec.modules if m.module[-1] == "owner")
    return Annotator(module, spec.decls(), spec.module_of())


def test_a_type_spelled_again_gives_the_same_annotation_names_and_imports(spec: Spec) -> None:
    once, twice = owner_annotator(spec), owner_annotator(spec)
    (owner,) = next(m for m in spec.modules if m.module[-1] == "owner").decls
    shadowed = frozenset({"list"})
    for field in owner.fields:  # type: ignore[union-attr]
        first = [once.names_in(field.type), once.type(field.type), once.type(field.type, shadowed)]
        twice.type(field.type)
        twice.type(field.type, shadowed)
        again = [twice.names_in(field.type), twice.type(field.type), twice.type(field.type, shadowed)]
        assert again == first, field.name
    assert twice.type(owner.fields[1].type, shadowed) == "builtins.list[Pet]"  # type: ignore[union-attr]
    assert twice.names_in(owner.fields[1].type, shadowed) == {"builtins", "Pet"}  # type: ignore[union-attr]
    assert twice.imports == once.imports
    assert twice.imports.top_lines(("models", "shared", "owner")) == once.imports.top_lines(
        ("models", "shared", "owner")
    )
    assert twice.imports.bottom_lines() == once.imports.bottom_lines() == ["from .pet import Pet"]


def test_the_shipped_templates_are_compiled_once_and_a_users_are_looked_at_again(tmp_path: Path) -> None:
    assert not modules.environment(None).auto_reload
    assert modules.environment(str(tmp_path)).auto_reload


def test_each_template_has_globals_of_its_own_over_the_environments() -> None:
    env = modules._Environment(trim_blocks=True)
    first = env.from_string("{{ greeting }} {{ range(2) | list }}", {"greeting": "hello"})
    second = env.from_string("{{ greeting | default('none') }}")
    assert (first.render(), second.render()) == ("hello [0, 1]", "none")
    first.globals["greeting"] = "changed"
    assert (first.render(), second.render(), "greeting" in env.globals) == ("changed [0, 1]", "none", False)


def test_a_module_renders_the_same_with_the_environment_it_was_rendered_with_before(spec: Spec) -> None:
    def as_is(files: dict[str, str]) -> dict[str, str]:
        return files

    modules.environment.cache_clear()
    fresh = modules.emit(spec, formatter=as_is)
    assert modules.emit(spec, formatter=as_is) == fresh
    assert "class Owner:" in fresh["models/shared/owner.py"]
