"""Error class names go through the name rule of docgen.emit.names, and a page type named
as one of docgen's root exports (``ParseError``, ``UNSET``) is escaped instead of taking
the export's place."""

from __future__ import annotations

import importlib
import sys
import textwrap
from pathlib import Path

import httpx
import pytest

from docgen.build import generate
from docgen.write import encode, write_tree

PACKAGE = "docgen_error_names_under_test"
FIELDS = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
PAGES = {
    "models/shared/parseerror.md": "# ParseError\n\n## Fields\n\n"
    + FIELDS
    + "| `line` | *int* | :heavy_check_mark: | N/A |\n",
    "models/shared/unset.md": "# UNSET\n\n## Fields\n\n" + FIELDS + "| `why` | *str* | :heavy_check_mark: | N/A |\n",
    "models/errors/responseerror.md": "# ResponseError\n\n## Fields\n\n"
    + FIELDS
    + "| `code` | *int* | :heavy_check_mark: | N/A |\n",
    "sdks/things/README.md": textwrap.dedent("""\
        # Things

        ## get_thing

        ### Response

        **[shared.ParseError](../../models/shared/parseerror.md)**

        ### Errors

        | Error Type                                                 | Status Code | Content Type     |
        | ---------------------------------------------------------- | ----------- | ---------------- |
        | [errors.ResponseError](../../models/errors/responseerror.md) | 409       | application/json |
        | errors.Exception                                           | 418         | application/json |
        | errors.Any                                                 | 4XX, 5XX    | \\*/\\*          |
        """),
}


def _build(root: Path, pages: dict[str, str]) -> list[str]:
    for rel, text in pages.items():
        (root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / rel).write_text(text, encoding="utf-8")
    result = generate(root / "docs")
    errors = [d.render() for d in result.diagnostics if d.severity == "error"]
    if not errors:
        write_tree(root / PACKAGE, encode(result.files))
    return errors


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("names")
    assert _build(root, PAGES) == []
    sys.path.insert(0, str(root))
    yield importlib.import_module(PACKAGE)
    sys.path.remove(str(root))
    for name in [m for m in sys.modules if m.startswith(PACKAGE)]:
        del sys.modules[name]


def test_root_exports_stay_docgens(package):
    errors_module = importlib.import_module(f"{PACKAGE}._errors")
    unset_module = importlib.import_module(f"{PACKAGE}._unset")
    assert package.ParseError is errors_module.ParseError and issubclass(package.ParseError, ValueError)
    assert package.UNSET is unset_module.UNSET
    assert package.ParseError_.__name__ == "ParseError_" and package.UNSET_.__name__ == "UNSET_"


def test_error_classes_named_like_docgens_own_are_escaped(package):
    api_errors = importlib.import_module(f"{PACKAGE}.api_errors")
    get_thing = importlib.import_module(f"{PACKAGE}._operations").OPERATIONS["things.get_thing"]
    assert issubclass(api_errors.ResponseError_, api_errors.ResponseError)
    assert api_errors.ResponseError_ is not api_errors.ResponseError
    assert {r.type.__name__ for r in get_thing.routes if r.action == "error"} == {
        "ResponseError_",
        "Exception_",
        "Any_",
    }
    with pytest.raises(api_errors.ResponseError_) as conflict:
        get_thing.parse(httpx.Response(409, headers={"content-type": "application/json"}, content=b'{"code": 7}'))
    assert conflict.value.data.code == 7
    with pytest.raises(api_errors.Exception_) as teapot:
        get_thing.parse(httpx.Response(418, headers={"content-type": "application/json"}, content=b"{}"))
    assert teapot.value.status_code == 418 and isinstance(teapot.value, Exception)
    with pytest.raises(api_errors.Any_):  # the generic error, base of UnexpectedResponseError
        get_thing.parse(httpx.Response(302, content=b""))
    thing = get_thing.parse(httpx.Response(200, headers={"content-type": "application/json"}, content=b'{"line": 3}'))
    assert type(thing) is package.ParseError_ and thing.line == 3


def test_an_error_name_no_class_can_have_is_a_located_error(tmp_path):
    page = PAGES["sdks/things/README.md"].replace("errors.Exception  ", "errors._Internal  ")
    errors = _build(tmp_path, {**PAGES, "sdks/things/README.md": page})
    assert errors == [
        "sdks/things/README.md:14:3: error: error type 'errors._Internal' cannot be a class name: "
        "names starting with '_' are docgen's own (support modules, helper functions) [D159]"
    ]
