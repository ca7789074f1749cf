"""Operation parsers end to end: a tree with an operation page is built, and its
parse_<op>/aparse_<op> read real responses of a local HTTP server through requests,
httpx and httpx's async client."""

from __future__ import annotations

import asyncio
import importlib
import json
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
import requests

from docgen.build import generate
from docgen.config import load

DOCS = Path(__file__).parent / "docs"
PACKAGE = "docgen_operations_under_test"

#: path -> (status, content type, body chunks)
REPLIES = {
    "/gadget": (200, "application/json", [b'{"name": "lamp", ', b'"size": 3}']),
    "/ticks": (
        200,
        "text/event-stream",
        [b"data: on", b"e\n\nda", b"ta: two\n", b"\ndata: [DONE]\n\n", b"data: after\n\n"],
    ),
    "/missing": (404, "application/json", [b'{"reason": "gone"}']),
    "/gone": (410, "application/json", [b'{"reason": "long gone"}']),
    "/teapot": (418, "application/json", [b'{"brewing": true}']),
    "/broken": (500, "text/plain", [b"it broke"]),
    "/odd": (302, "text/plain", [b"elsewhere"]),
    "/html": (200, "text/html", [b"<p>not json</p>"]),
    "/empty": (204, "", []),
    "/done": (200, "text/plain", [b"done"]),
}


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        status, ctype, chunks = REPLIES[self.path]
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        if status == 204:
            self.end_headers()
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for chunk in chunks:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.flush()
            time.sleep(0.01)
        self.wfile.write(b"0\r\n\r\n")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("ops")
    pyproject = root / "pyproject.toml"  # the sentinel keyed by operation, as users write it
    pyproject.write_text('[tool.docgen.sentinels]\n"gadgets.watch_ticks" = "[DONE]"\n', encoding="utf-8")
    generated = generate(DOCS, settings=load(pyproject))  # the dialect is told by the Response type
    assert not [d for d in generated.diagnostics if d.severity == "error"]
    for rel, text in generated.files.items():
        path = root / PACKAGE / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    sys.path.insert(0, str(root))
    yield importlib.import_module(f"{PACKAGE}._operations"), importlib.import_module(f"{PACKAGE}.api_errors"), root
    sys.path.remove(str(root))
    for name in [m for m in sys.modules if m.startswith(PACKAGE)]:
        del sys.modules[name]


def _sync_clients():
    return {
        "requests": lambda url: requests.get(url, stream=True),
        "httpx": lambda url: httpx.Client().send(httpx.Client().build_request("GET", url), stream=True),
        "httpx-read": lambda url: httpx.get(url),
    }


@pytest.mark.parametrize("client", list(_sync_clients()))
def test_sync_clients(package, server, client):
    ops, errors, _ = package
    get = _sync_clients()[client]
    gadget = ops.OPERATIONS["gadgets.get_gadget"].parse(get(server + "/gadget"))
    assert (gadget.name, gadget.size) == ("lamp", 3)
    ticks = ops.OPERATIONS["gadgets.watch_ticks"]
    assert [t.data for t in ticks.parse(get(server + "/ticks"))] == ["one", "two"]
    with pytest.raises(errors.Missing) as missing:
        ops.OPERATIONS["gadgets.get_gadget"].parse(get(server + "/missing"))
    assert missing.value.data.reason == "gone" and missing.value.status_code == 404
    with pytest.raises(errors.Missing) as gone:
        ops.OPERATIONS["gadgets.get_gadget"].parse(get(server + "/gone"))
    assert gone.value.data.reason == "long gone" and gone.value.body == b'{"reason": "long gone"}'
    with pytest.raises(errors.ClientError) as teapot:
        ops.OPERATIONS["gadgets.get_gadget"].parse(get(server + "/teapot"))
    assert teapot.value.data == {"brewing": True} and teapot.value.status_code == 418
    with pytest.raises(errors.APIError) as broken:
        ops.OPERATIONS["gadgets.get_gadget"].parse(get(server + "/broken"))
    assert broken.value.body_start == b"it broke" and type(broken.value) is errors.APIError
    for path in ("/odd", "/html"):
        with pytest.raises(errors.UnexpectedResponseError) as odd:
            ops.OPERATIONS["gadgets.get_gadget"].parse(get(server + path))
        assert isinstance(odd.value, errors.APIError) and isinstance(odd.value, errors.ResponseError)
    assert ops.OPERATIONS["gadgets.delete_gadget"].parse(get(server + "/empty")) is None
    with pytest.raises(errors.UnexpectedResponseError) as body:  # the docs describe no body
        ops.OPERATIONS["gadgets.delete_gadget"].parse(get(server + "/done"))
    assert body.value.body_start == b"done" and body.value.status_code == 200


def test_async_client(package, server):
    ops, errors, _ = package

    async def run():
        async with httpx.AsyncClient() as client:
            response = await client.get(server + "/gadget")
            gadget = await ops.OPERATIONS["gadgets.get_gadget"].aparse(response)
            request = client.build_request("GET", server + "/ticks")
            stream = await ops.OPERATIONS["gadgets.watch_ticks"].aparse(await client.send(request, stream=True))
            ticks = [t.data async for t in stream]
            with pytest.raises(errors.Missing) as missing:
                await ops.OPERATIONS["gadgets.get_gadget"].aparse(await client.get(server + "/missing"))
            with pytest.raises(errors.UnexpectedResponseError):
                request = client.build_request("GET", server + "/odd")
                await ops.OPERATIONS["gadgets.get_gadget"].aparse(await client.send(request, stream=True))
            none = await ops.OPERATIONS["gadgets.delete_gadget"].aparse(await client.get(server + "/empty"))
            return gadget, ticks, missing.value, none

    gadget, ticks, missing, none = asyncio.run(run())
    assert gadget.name == "lamp" and ticks == ["one", "two"]
    assert missing.data.reason == "gone" and none is None


def test_routes_are_public(package):
    ops, errors, _ = package
    routes = ops.OPERATIONS["gadgets.get_gadget"].routes
    assert [(r.status, r.content_type, r.action) for r in routes][:3] == [
        ("2XX", "application/json", "model"),
        ("404", "application/json", "error"),
        ("410", "application/json", "error"),
    ]
    assert routes[1].type is errors.Missing
    assert json.dumps(sorted(ops.OPERATIONS)) == json.dumps(
        ["gadgets.delete_gadget", "gadgets.get_gadget", "gadgets.watch_ticks"]
    )


def test_mypy_strict_and_ruff_pass(package):
    _, _, root = package
    checks = [
        [sys.executable, "-m", "ruff", "check", "--isolated", "--target-version", "py310", "-q", PACKAGE],
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", PACKAGE],
    ]
    for command in checks:
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=600, check=False)
        assert result.returncode == 0, result.stdout + result.stderr
