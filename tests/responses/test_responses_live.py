"""``_http`` and ``_sse`` against a real HTTP server on 127.0.0.1, through real ``requests``
and ``httpx`` clients: JSON bodies, event streams in awkward chunks, early stops, dropped
connections, error statuses, wrong content types, a huge event and many tiny ones.

Every client call has a 5 s timeout and every server loop a deadline, so nothing hangs.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
import requests

TIMEOUT = 5.0
BOM = "\ufeff".encode()

#: An event stream that uses every line end, a BOM, a comment, every field, data over two
#: lines and multi-byte characters; served in pieces of 1 to 7 bytes.
AWKWARD = (
    BOM
    + b": hello\r\n"
    + b"retry: 3000\r\n"
    + 'event: delta\r\nid: 1\r\ndata: {"content": "caf\u00e9 \u20ac \U0001f600"}\r\n\r\n'.encode()
    + b'data: {"content":\rdata: "two lines"}\r\r'
    + b'id: 2\ndata: {"content": "last"}\n\n'
    + b"data: [DONE]"
)
AWKWARD_EVENTS = [
    (0, "delta", "1", 3000, {"content": "caf\u00e9 \u20ac \U0001f600"}),
    (1, None, "1", None, {"content": "two lines"}),
    (2, None, "2", None, {"content": "last"}),
    (3, None, "2", None, "[DONE]"),
]

HUGE = 10_000_000
MANY = 100_000
PROBLEM = b'{"type": "about:blank", "title": "Not Found", "status": 404}'


def pieces(body: bytes, sizes: tuple[int, ...]) -> Iterator[bytes]:
    at, turn = 0, 0
    while at < len(body):
        size = sizes[turn % len(sizes)]
        yield body[at : at + size]
        at, turn = at + size, turn + 1


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disconnects: dict[str, threading.Event] = {}

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        getattr(self, "route_" + url.path.strip("/").replace("/", "_").replace("-", "_"))(query)

    # --- writing ---

    def whole(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def start_chunked(self, content_type: str = "text/event-stream") -> None:
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def chunk(self, piece: bytes) -> None:
        self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
        self.wfile.flush()

    def end_chunked(self) -> None:
        self.wfile.write(b"0\r\n\r\n")

    def drop(self) -> None:
        """Cut the connection without finishing the body."""
        self.close_connection = True
        self.connection.shutdown(socket.SHUT_RDWR)

    # --- routes ---

    def route_json(self, query: dict[str, str]) -> None:
        self.whole(200, "application/json; charset=utf-8", json.dumps({"id": 7, "name": "caf\u00e9"}).encode())

    def route_status(self, query: dict[str, str]) -> None:
        if query["code"] == "404":
            self.whole(404, "application/problem+json", PROBLEM)
        else:
            self.whole(int(query["code"]), "text/plain", b"upstream exploded " * 40)

    def route_html(self, query: dict[str, str]) -> None:
        self.whole(200, "text/html; charset=utf-8", b"<!doctype html><title>login</title>" + b"." * 500)

    def route_sse_awkward(self, query: dict[str, str]) -> None:
        self.start_chunked("text/event-stream; charset=utf-8")
        for piece in pieces(AWKWARD, (1, 2, 3, 5, 7)):
            self.chunk(piece)
            time.sleep(0.001)
        self.end_chunked()

    def route_sse_endless(self, query: dict[str, str]) -> None:
        """An event every 5 ms until the client goes away (or 10 s pass)."""
        gone = self.disconnects.setdefault(query["token"], threading.Event())
        self.start_chunked()
        deadline = time.monotonic() + 10
        n = 0
        try:
            while time.monotonic() < deadline:
                self.chunk(b'data: {"n": %d}\n\n' % n)
                n += 1
                time.sleep(0.005)
        except OSError:
            gone.set()

    def route_sse_drop(self, query: dict[str, str]) -> None:
        body = b'data: {"n": 0}\n\ndata: {"n": 1}\n\ndata: {"n": 2, "te'
        if query["framing"] == "chunked":
            self.start_chunked()
            for piece in pieces(body, (10,)):
                self.chunk(piece)
                time.sleep(0.002)
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Content-Length", str(len(body) + 100))
            self.end_headers()
            self.wfile.write(body)
        time.sleep(0.05)
        self.drop()

    def route_sse_huge(self, query: dict[str, str]) -> None:
        self.start_chunked()
        for piece in pieces(b'data: "' + b"x" * HUGE + b'"\n\n', (65536,)):
            self.chunk(piece)
        self.end_chunked()

    def route_sse_many(self, query: dict[str, str]) -> None:
        self.start_chunked()
        for piece in pieces(b"".join(b"data: %d\n\n" % i for i in range(MANY)), (16384,)):
            self.chunk(piece)
        self.end_chunked()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


class Client:
    """One HTTP client library behind the same three calls."""

    def __init__(self, library: str, base: str) -> None:
        self.library = library
        self.base = base
        # trust_env off: a proxy configured in the environment must not see 127.0.0.1.
        if library == "requests":
            self.session = requests.Session()
            self.session.trust_env = False
        else:
            self.session = httpx.Client(timeout=TIMEOUT, trust_env=False)
        #: What the library raises when the connection breaks in the middle of a body.
        self.broken: type[Exception] = (
            requests.exceptions.ChunkedEncodingError if library == "requests" else httpx.RemoteProtocolError
        )

    def get(self, path: str, stream: bool = False):
        url = self.base + path
        if isinstance(self.session, requests.Session):
            return self.session.get(url, stream=stream, timeout=TIMEOUT)
        if stream:
            return self.session.send(self.session.build_request("GET", url), stream=True)
        return self.session.get(url)

    @staticmethod
    def is_closed(response) -> bool:
        return response.is_closed if isinstance(response, httpx.Response) else response.raw.closed


@pytest.fixture(params=["requests", "httpx"])
def client(request, server: str) -> Iterator[Client]:
    client = Client(request.param, server)
    yield client
    client.session.close()


def json_event(event, index: int) -> tuple:
    data = event.data if event.data == "[DONE]" else json.loads(event.data)
    return index, event.event, event.id, event.retry, data


def gone(token: str) -> threading.Event:
    return Handler.disconnects.setdefault(token, threading.Event())


# --- JSON and plain bodies ---------------------------------------------------------


@pytest.mark.parametrize("stream", [False, True], ids=["read", "streamed"])
def test_json_body(runtime, client: Client, stream: bool) -> None:
    http = runtime.http
    response = client.get("/json", stream=stream)
    assert http.status_code(response) == 200
    assert http.is_json(http.media_type(http.content_type(response)))
    assert json.loads(http.read_body(response)) == {"id": 7, "name": "caf\u00e9"}
    assert json.loads(http.read_text(response)) == {"id": 7, "name": "caf\u00e9"}


def test_4xx_with_a_json_problem_body(runtime, client: Client) -> None:
    http = runtime.http
    response = client.get("/status?code=404", stream=True)
    assert (http.status_code(response), http.media_type(http.content_type(response))) == (
        404,
        "application/problem+json",
    )
    assert http.is_json(http.content_type(response))
    assert json.loads(http.read_body(response))["status"] == 404


@pytest.mark.parametrize("code", [500, 503])
def test_5xx_becomes_an_unexpected_response_error(runtime, client: Client, code: int) -> None:
    response = client.get(f"/status?code={code}", stream=True)
    error = runtime.http.unexpected(response, "no body field for this status")
    assert isinstance(error, runtime.errors.UnexpectedResponseError)
    assert (error.status_code, error.content_type, error.body_start) == (
        code,
        "text/plain",
        (b"upstream exploded " * 40)[:256],
    )
    assert f"status {code}" in str(error)
    assert client.is_closed(response)


def test_wrong_content_type(runtime, client: Client) -> None:
    http = runtime.http
    response = client.get("/html")
    media = http.media_type(http.content_type(response))
    assert not http.is_json(media) and not http.is_event_stream(media)
    error = http.unexpected(response, f"no body field for {media}")
    assert (error.status_code, error.content_type) == (200, "text/html; charset=utf-8")
    assert error.body_start.startswith(b"<!doctype html><title>login</title>") and len(error.body_start) == 256


def test_unexpected_on_an_endless_stream_reads_only_its_start(runtime, client: Client, request) -> None:
    token = request.node.name
    response = client.get(f"/sse/endless?token={token}", stream=True)
    error = runtime.http.unexpected(response, "this operation documents no event stream")
    assert error.body_start.startswith(b'data: {"n": 0}\n\n') and len(error.body_start) <= 256
    assert client.is_closed(response)
    assert gone(token).wait(TIMEOUT)


# --- event streams -------------------------------------------------------------------


def test_awkward_chunks(runtime, client: Client) -> None:
    response = client.get("/sse/awkward", stream=True)
    assert runtime.http.is_event_stream(runtime.http.content_type(response))
    assert list(runtime.http.event_stream(response, json_event)) == AWKWARD_EVENTS
    assert client.is_closed(response)


def test_awkward_chunks_with_a_sentinel(runtime, client: Client) -> None:
    response = client.get("/sse/awkward", stream=True)
    assert list(runtime.http.event_stream(response, json_event, sentinel="[DONE]")) == AWKWARD_EVENTS[:3]
    assert client.is_closed(response)


def test_events_arrive_while_the_stream_is_open(runtime, client: Client, request) -> None:
    token = request.node.name
    response = client.get(f"/sse/endless?token={token}", stream=True)
    started = time.monotonic()
    stream = runtime.http.event_stream(response, lambda event, index: json.loads(event.data)["n"])
    assert [next(stream) for _ in range(3)] == [0, 1, 2]
    assert time.monotonic() - started < TIMEOUT


@pytest.mark.parametrize("how", ["close", "break"])
def test_stopping_early_closes_the_connection(runtime, client: Client, request, how: str) -> None:
    token = request.node.name
    response = client.get(f"/sse/endless?token={token}", stream=True)
    stream = runtime.http.event_stream(response, lambda event, index: json.loads(event.data)["n"])
    if how == "close":
        assert [next(stream) for _ in range(3)] == [0, 1, 2]
        stream.close()
    else:
        for n in stream:
            if n == 2:
                break
        del stream
    assert client.is_closed(response)
    assert gone(token).wait(TIMEOUT), "the server kept writing: the connection stayed open"


@pytest.mark.parametrize("framing", ["chunked", "length"])
def test_a_dropped_connection_is_an_error_not_a_short_stream(runtime, client: Client, framing: str) -> None:
    response = client.get(f"/sse/drop?framing={framing}", stream=True)
    received = []
    started = time.monotonic()
    with pytest.raises(client.broken):
        for item in runtime.http.event_stream(response, lambda event, index: json.loads(event.data)):
            received.append(item)
    assert time.monotonic() - started < TIMEOUT
    # The events before the cut arrived, the cut one is never yielded.  (requests reads a
    # body with a Content-Length whole before it hands any of it over: see iter_body.)
    whole_first = client.library == "requests" and framing == "length"
    assert received == ([] if whole_first else [{"n": 0}, {"n": 1}])
    assert client.is_closed(response)


def test_a_huge_event(runtime, client: Client) -> None:
    response = client.get("/sse/huge", stream=True)
    [data] = list(runtime.http.event_stream(response, lambda event, index: json.loads(event.data)))
    assert len(data) == HUGE and data == "x" * HUGE


def test_many_tiny_events(runtime, client: Client) -> None:
    response = client.get("/sse/many", stream=True)
    check: Callable[[object, int], bool] = lambda event, index: int(event.data) == index  # noqa: E731
    results = list(runtime.http.event_stream(response, check))
    assert len(results) == MANY and all(results)
