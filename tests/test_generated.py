"""The committed generated/ tree: up to date, importable, typed, and usable."""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import shutil
import sys
import typing
from pathlib import Path

import pytest

from docgen.build import generate
from docgen.write import encode
from tests.conftest import GENERATED, SPECS


def test_generated_tree_is_not_stale() -> None:
    """generated/ holds exactly what `docgen build specs/` writes: rebuild and commit it."""
    expected = encode(generate(SPECS).files)
    on_disk = {
        p.relative_to(GENERATED).as_posix(): p.read_bytes()
        for p in GENERATED.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    stale = sorted(path for path in expected.keys() | on_disk.keys() if expected.get(path) != on_disk.get(path))
    assert not stale, f"generated/ is stale; run `docgen build specs/` (differs: {stale[:5]})"


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory):
    """generated/ copied under another name, imported: the folder's name is the user's."""
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(GENERATED, root / "acme_models")
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("acme_models")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == "acme_models" or m.startswith("acme_models.")]:
            del sys.modules[name]


def test_every_module_imports_and_every_class_has_resolvable_hints(package) -> None:
    checked = 0
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(info.name)
        for obj in vars(module).values():
            if inspect.isclass(obj) and obj.__module__ == module.__name__:
                typing.get_type_hints(obj)
                checked += 1
    assert checked >= 20


def test_root_exports_every_unambiguous_name(package) -> None:
    assert {"ChatResponse", "ChatCompletionEvent", "SentinelEvent", "ParseError", "Role"} <= set(package.__all__)
    for name in package.__all__:
        assert getattr(package, name) is not None


def test_unset_is_a_falsy_singleton_that_survives_copy_and_pickle(package) -> None:
    import copy
    import pickle

    unset = package.UNSET
    assert not unset and repr(unset) == str(unset) == "UNSET"
    assert copy.copy(unset) is unset and copy.deepcopy([unset])[0] is unset
    assert pickle.loads(pickle.dumps(unset)) is unset
    assert isinstance(unset, package.Unset) and list(package.Unset) == [unset]
    assert typing.get_args(package.OptionalNullable[int]) == (int, type(None), package.Unset)
    assert typing.get_args(package.Nullable[int]) == (int, type(None))


def test_seed_models_build(package) -> None:
    from datetime import datetime, timezone

    p = package
    data = p.Data(content="Hello", role=p.Role.ASSISTANT, index=0, created=datetime(2024, 1, 1, tzinfo=timezone.utc))
    event = p.ChatCompletionEvent(data=data, id="1")
    done = p.SentinelEvent(data="[DONE]")

    def stream() -> typing.Generator[typing.Any, None, None]:
        yield event
        yield done

    response = p.ChatResponse(
        content_type="text/event-stream",
        status_code=200,
        raw_response=object(),  # any requests/httpx-like response object
        chat_completion_result=[event, done],
        chat_completion_stream=stream(),
    )
    assert response.chat_completion_result == [event, done]
    assert list(response.chat_completion_stream or []) == [event, done]
    hints = typing.get_type_hints(p.ChatResponse)
    assert (
        hints["chat_completion_result"] == typing.Optional[list[typing.Union[p.ChatCompletionEvent, p.SentinelEvent]]]
    )
    fields = {f.name: f for f in dataclasses.fields(p.ChatResponse)}
    assert [name for name, f in fields.items() if f.default is dataclasses.MISSING] == [
        "content_type",
        "status_code",
        "raw_response",
    ]
    assert p.Role("assistant") is p.Role.ASSISTANT and p.Priority(2) is p.Priority.NORMAL


def test_mutually_referring_models_across_modules(package) -> None:
    p = package
    author = p.Author(name="Ann")
    book = p.Book(title="T", author=author)
    author.books = [book]
    tree = p.TreeNode(name="root", children=[p.TreeNode(name="leaf", children=[])])
    assert author.books[0].author is author and tree.children[0].name == "leaf"
    assert typing.get_type_hints(p.Book)["author"] == typing.Optional[p.Author]


def test_wire_names_are_recorded_in_field_metadata(package) -> None:
    names = {f.name: f.metadata["wire_name"] for f in dataclasses.fields(package.AllKinds)}
    assert names["str_"] == "str" and names["class_"] == "class" and names["int"] == "int"


def test_module_path_independent_of_folder_name(tmp_path: Path) -> None:
    target = tmp_path / "src" / "acme" / "models"
    shutil.copytree(GENERATED, target)
    (tmp_path / "src" / "acme" / "__init__.py").write_text("")
    sys.path.insert(0, str(tmp_path / "src"))
    try:
        module = importlib.import_module("acme.models")
        assert module.ChatResponse.__module__ == "acme.models.models.operations.chatresponse"
    finally:
        sys.path.remove(str(tmp_path / "src"))
        for name in [m for m in sys.modules if m == "acme" or m.startswith("acme.")]:
            del sys.modules[name]
