"""Generated ``from_response``: the seed's ChatResponse and GetUsageResponse built from
real HTTP responses of a local server, through real requests and httpx clients."""

from __future__ import annotations

import gc
import importlib
import json
import shutil
import socket
import sys
import threading
import time
from collections.abc import Iterator
from datetime import datetime, timezone
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
import requests

from tests.conftest import GENERATED

TIMEOUT = 5.0
CHUNK = {"content": "Hel", "role": "assistant", "index": 0, "created": "2024-05-01T12:00:00Z"}
LAST = {
    **CHUNK,
    "content": "lo",
    "finish_reason": "stop",
    "usage": {"prompt_tokens": 3, "completion_tokens": 2, "total_tokens": 5, "cost": "0.0001"},
}
STREAM = (
    b"\xef\xbb\xbf: a comment\r\n"
    + b"id: 1\r\ndata: "
    + json.dumps(CHUNK).encode()
    + b"\r\n\r\n"
    + b"event: chunk\nid: 2\nretry: 1500\ndata: "
    + json.dumps(LAST).encode()
    + b"\n\n"
    + b"data: [DONE]"
)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    stopped = threading.Event()

    def log_message(self, format: str, *args: object) -> None:
        pass

    def whole(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def chunks(self, pieces: Iterator[bytes], delay: float = 0.0) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        for piece in pieces:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.flush()
            time.sleep(delay)

    def do_GET(self) -> None:
        route = self.path.strip("/")
        if route == "chat/json":
            body = json.dumps([{"data": CHUNK}, {"data": "[DONE]"}]).encode()
            self.whole(200, "application/json; charset=utf-8", body)
        elif route == "chat/stream":
            self.chunks((STREAM[i : i + 7] for i in range(0, len(STREAM), 7)), delay=0.001)
            self.wfile.write(b"0\r\n\r\n")
        elif route == "chat/bad-event":
            self.chunks(iter([b"data: " + json.dumps(CHUNK).encode() + b"\n\n", b"data: {oops\n\n"]))
            self.wfile.write(b"0\r\n\r\n")
        elif route == "chat/endless":
            try:
                self.chunks((b"data: " + json.dumps(CHUNK).encode() + b"\n\n" for _ in range(2000)), 0.005)
            except OSError:
                Handler.stopped.set()
        elif route == "chat/drop":
            self.chunks(iter([b"data: " + json.dumps(CHUNK).encode() + b"\n\n", b'data: {"cont']))
            time.sleep(0.05)
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif route == "chat/html":
            self.whole(200, "text/html", b"<!doctype html><p>sign in first</p>")
        elif route == "usage/ok":
            self.whole(200, "application/json", b'{"prompt_tokens": 1, "completion_tokens": 2, "total_tokens": 3}')
        elif route == "usage/bad":
            self.whole(200, "application/json", b'{"prompt_tokens": "1", "completion_tokens": 2, "total_tokens": 3}')
        elif route == "usage/missing":
            self.whole(404, "application/json", b'{"message": "no such usage", "code": 7}')
        elif route == "usage/broken":
            self.whole(503, "text/plain", b"try later " * 100)


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory):
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(GENERATED, root / "chat_models")
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("chat_models")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == "chat_models" or m.startswith("chat_models.")]:
            del sys.modules[name]


@pytest.fixture(params=["requests", "httpx"])
def get(request, server: str):
    """``get(path, stream)`` with one of the two clients; no proxies, timeouts everywhere."""
    if request.param == "requests":
        session = requests.Session()
        session.trust_env = False

        def fetch(path: str, stream: bool = True):
            return session.get(server + path, stream=stream, timeout=TIMEOUT)

        yield fetch
        session.close()
    else:
        client = httpx.Client(timeout=TIMEOUT, trust_env=False)

        def fetch(path: str, stream: bool = True):
            if stream:
                return client.send(client.build_request("GET", server + path), stream=True)
            return client.get(server + path)

        yield fetch
        client.close()


def is_closed(response) -> bool:
    return response.is_closed if isinstance(response, httpx.Response) else response.raw.closed


@pytest.mark.parametrize("stream", [False, True])
def test_json_body(models, get, stream: bool) -> None:
    response = get("/chat/json", stream)
    chat = models.ChatResponse.from_response(response)
    assert (chat.status_code, chat.content_type, chat.raw_response) == (
        200,
        "application/json; charset=utf-8",
        response,
    )
    assert chat.chat_completion_stream is None
    first, last = chat.chat_completion_result
    assert isinstance(first, models.ChatCompletionEvent) and first.data.role is models.Role.ASSISTANT
    assert first.data.created == datetime(2024, 5, 1, 12, tzinfo=timezone.utc)
    assert isinstance(last, models.SentinelEvent) and last.data == "[DONE]"


def test_event_stream_in_awkward_chunks(models, get) -> None:
    chat = models.ChatResponse.from_response(get("/chat/stream"))
    assert chat.chat_completion_result is None
    first, second, done = list(chat.chat_completion_stream)
    assert (first.id, first.event, first.retry, first.data.content) == ("1", None, None, "Hel")
    assert (second.id, second.event, second.retry, second.data.content) == ("2", "chunk", 1500, "lo")
    assert second.data.finish_reason is models.FinishReason.STOP and second.data.usage.cost == Decimal("0.0001")
    assert done == models.SentinelEvent(data="[DONE]")
    assert is_closed(chat.raw_response)


def test_invalid_json_in_an_event_names_the_event(models, get) -> None:
    events = models.ChatResponse.from_response(get("/chat/bad-event")).chat_completion_stream
    assert next(events).data.content == "Hel"
    with pytest.raises(models.ParseError) as caught:
        next(events)
    assert str(caught.value).startswith("$[event 1]: expected ChatCompletionEvent or SentinelEvent")
    assert "$[event 1].data: invalid JSON" in str(caught.value)


@pytest.mark.parametrize("how", ["close", "garbage"])
def test_a_client_that_stops_early_closes_the_response(models, get, how: str) -> None:
    Handler.stopped.clear()
    chat = models.ChatResponse.from_response(get("/chat/endless"))
    events = chat.chat_completion_stream
    assert next(events).data.content == "Hel"
    response = chat.raw_response
    if how == "close":
        events.close()
    else:
        del chat, events
        gc.collect()
    assert is_closed(response)
    assert Handler.stopped.wait(TIMEOUT)


def test_a_dropped_connection_is_an_error(models, get) -> None:
    events = models.ChatResponse.from_response(get("/chat/drop")).chat_completion_stream
    assert next(events).data.content == "Hel"
    with pytest.raises((requests.exceptions.ChunkedEncodingError, httpx.RemoteProtocolError)):
        next(events)


def test_statuses_pick_their_fields(models, get) -> None:
    ok = models.GetUsageResponse.from_response(get("/usage/ok", False))
    assert ok.usage == models.Usage(1, 2, 3) and ok.error is None
    missing = models.GetUsageResponse.from_response(get("/usage/missing", False))
    assert (missing.status_code, missing.usage, missing.error) == (404, None, models.Error("no such usage", 7))


def test_a_body_that_does_not_match_its_type(models, get) -> None:
    with pytest.raises(models.ParseError, match=r"^\$\.prompt_tokens: expected int, got str '1'$"):
        models.GetUsageResponse.from_response(get("/usage/bad", False))


@pytest.mark.parametrize(
    ("path", "status", "media"), [("/usage/broken", 503, "text/plain"), ("/chat/html", 200, "text/html")]
)
def test_undocumented_status_or_content_type(models, get, path: str, status: int, media: str) -> None:
    response = get(path)
    model = models.GetUsageResponse if path.startswith("/usage") else models.ChatResponse
    with pytest.raises(models.UnexpectedResponseError) as caught:
        model.from_response(response)
    error = caught.value
    assert (error.status_code, error.content_type) == (status, media)
    assert error.body_start and len(error.body_start) <= 256
    assert is_closed(response)
