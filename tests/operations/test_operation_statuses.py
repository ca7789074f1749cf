"""``[tool.docgen.operation-statuses]``: success statuses the operation pages do not give,
and the union member each status carries, read live through httpx; and the located
configuration errors of the table."""

from __future__ import annotations

import importlib
import sys
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from docgen.cli import main

PACKAGE = "docgen_statuses_under_test"
FIELDS = "| Field | Type | Required | Description |\n| --- | --- | --- | --- |\n"
PAGES = {
    "models/shared/cat.md": "# Cat\n\n## Fields\n\n" + FIELDS + "| `purrs` | *bool* | :heavy_check_mark: | N/A |\n",
    "models/shared/dog.md": "# Dog\n\n## Fields\n\n" + FIELDS + "| `barks` | *int* | :heavy_check_mark: | N/A |\n",
    "models/shared/pet.md": (
        "# Pet\n\n\n## Supported Types\n\n### `shared.Cat`\n\n```python\nvalue: shared.Cat = /* values here */\n```\n\n"
        "### `shared.Dog`\n\n```python\nvalue: shared.Dog = /* values here */\n```\n"
    ),
    "sdks/pets/README.md": textwrap.dedent("""\
        # Pets

        ## get_pet

        ### Response

        **[shared.Pet](../../models/shared/pet.md)**

        ### Errors

        | Error Type      | Status Code | Content Type |
        | --------------- | ----------- | ------------ |
        | errors.APIError | 4XX, 5XX    | \\*/\\*      |

        ## ping

        ### Errors

        | Error Type      | Status Code | Content Type |
        | --------------- | ----------- | ------------ |
        | errors.APIError | 4XX, 5XX    | \\*/\\*      |
        """),
}
SETTING = """\
[tool.docgen.operation-statuses]
"pets.get_pet" = { "200" = "Cat", "201" = "Dog" }
"pets.ping" = ["2XX", "300"]
"""
#: path -> (status, content type, body)
REPLIES = {
    "/cat": (200, "application/json", b'{"purrs": true}'),
    "/dog": (201, "application/json", b'{"barks": 3}'),
    "/cat-as-201": (201, "application/json", b'{"purrs": true}'),
    "/moved": (300, "", b""),
    "/found": (302, "", b""),
}


def _tree(root: Path, setting: str) -> Path:
    for rel, text in PAGES.items():
        (root / "docs" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / rel).write_text(text, encoding="utf-8")
    (root / "pyproject.toml").write_text(setting, encoding="utf-8")
    return root


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        status, ctype, body = REPLIES[self.path]
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def operations(tmp_path_factory: pytest.TempPathFactory, server):
    root = _tree(tmp_path_factory.mktemp("statuses"), SETTING)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert main(["build", "docs", "-o", PACKAGE, "-q"]) == 0
    sys.path.insert(0, str(root))
    yield importlib.import_module(f"{PACKAGE}._operations"), importlib.import_module(f"{PACKAGE}.api_errors")
    sys.path.remove(str(root))
    for name in [m for m in sys.modules if m.startswith(PACKAGE)]:
        del sys.modules[name]


def test_each_status_carries_its_member(operations, server):
    ops, _ = operations
    get_pet = ops.OPERATIONS["pets.get_pet"]
    assert [(r.status, r.action, r.type.__name__) for r in get_pet.routes if r.action == "model"] == [
        ("200", "model", "Cat"),
        ("201", "model", "Dog"),
    ]
    cat, dog = get_pet.parse(httpx.get(server + "/cat")), get_pet.parse(httpx.get(server + "/dog"))
    assert (type(cat).__name__, cat.purrs, type(dog).__name__, dog.barks) == ("Cat", True, "Dog", 3)
    with pytest.raises(ValueError):  # a 201 body is a Dog: a Cat's body does not parse as one
        get_pet.parse(httpx.get(server + "/cat-as-201"))


def test_configured_statuses_succeed_and_others_do_not(operations, server):
    ops, errors = operations
    ping = ops.OPERATIONS["pets.ping"]
    assert [r.status for r in ping.routes if r.action == "none"] == ["2XX", "300"]
    assert ping.parse(httpx.get(server + "/moved")) is None
    with pytest.raises(errors.UnexpectedResponseError) as found:
        ping.parse(httpx.get(server + "/found"))
    assert found.value.status_code == 302


@pytest.mark.parametrize(
    "setting, message, code, status",
    [
        # naming what the docs do not have fails the build, as a wire-names entry does
        ('"pets.fetch" = ["2XX"]', "operation-statuses: no operation 'pets.fetch' in the operation pages", "D452", 1),
        (
            '"pets.get_pet" = { "200" = "Bird" }',
            "operation-statuses: the response of 'pets.get_pet' has no member 'Bird'",
            "D453",
            1,
        ),
        # a malformed entry is a wrong configuration
        ('"pets.ping" = ["2XX", "fine"]', "unknown status 'fine' for operation 'pets.ping'", "D410", 2),
        ('"ping" = ["2XX"]', "operation-statuses key 'ping' must name an operation", "D450", 2),
        ('"pets.ping" = "2XX"', "operation-statuses entry 'pets.ping' must be a list of statuses", "D451", 2),
    ],
)
def test_a_wrong_entry_is_a_located_error(tmp_path, capsys, monkeypatch, setting, message, code, status):
    root = _tree(tmp_path, f"[tool.docgen.operation-statuses]\n{setting}\n")
    monkeypatch.chdir(root)
    assert main(["build", "docs", "-o", PACKAGE, "-q"]) == status
    err = capsys.readouterr().err
    assert f"pyproject.toml:2:1: error: {message}" in err and f"[{code}]" in err, err
    assert not (root / PACKAGE).exists() and "Traceback" not in err


@pytest.mark.parametrize(
    "key, lines",
    [
        (
            "pets.get_pett",
            [
                "pyproject.toml:2:1: error: sentinels key 'pets.get_pett' names no operation and no model field: "
                "no operation of that key in the operation pages and no model of that type in the specs [D454]",
                "  hint: did you mean the operation 'pets.get_pet'?",
            ],
        ),
        (
            "shared.Cat.purs",  # a model's key keeps the model's message
            ["pyproject.toml:2:1: error: sentinels: model 'models.shared.Cat' has no field 'purs' [D416]"],
        ),
    ],
)
def test_a_sentinel_naming_nothing_is_a_located_error_naming_the_key(tmp_path, capsys, monkeypatch, key, lines):
    root = _tree(tmp_path, f'[tool.docgen.sentinels]\n"{key}" = "[DONE]"\n')
    monkeypatch.chdir(root)
    assert main(["build", "docs", "-o", PACKAGE, "-q"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[: len(lines)] == lines, err
