"""The header rules of ``_http`` and ``event_stream``'s contract, on in-memory responses
of the real client libraries (``httpx.Response`` and ``requests.Response`` built by hand)."""

from __future__ import annotations

import gc
import io
import json

import httpx
import pytest
import requests
import urllib3


@pytest.mark.parametrize(
    "value, media, is_json, is_stream",
    [
        ("application/json", "application/json", True, False),
        ("Application/JSON; charset=UTF-8", "application/json", True, False),
        ("application/problem+json", "application/problem+json", True, False),
        ("application/vnd.api+json;v=2", "application/vnd.api+json", True, False),
        (" text/event-stream ; charset=utf-8", "text/event-stream", False, True),
        ("text/plain", "text/plain", False, False),
        ("application/jsonl", "application/jsonl", False, False),
        ("+json", "+json", False, False),
        ("", "", False, False),
    ],
)
def test_media_types(runtime, value: str, media: str, is_json: bool, is_stream: bool) -> None:
    http = runtime.http
    assert http.media_type(value) == media
    assert http.is_json(http.media_type(value)) is is_json
    assert http.is_event_stream(http.media_type(value)) is is_stream


@pytest.mark.parametrize(
    "value, charset",
    [
        ("text/plain; charset=ISO-8859-1", "iso-8859-1"),
        ('text/plain; format=flowed; Charset="utf-16"', "utf-16"),
        ("text/plain", ""),
        ("text/plain; charsetx=a", ""),
    ],
)
def test_charset(runtime, value: str, charset: str) -> None:
    assert runtime.http.charset(value) == charset


def httpx_response(body: bytes, content_type: str | None, status: int = 200, streamed: bool = False) -> httpx.Response:
    headers = {"content-type": content_type} if content_type is not None else {}
    content = iter([body[i : i + 7] for i in range(0, len(body), 7)]) if streamed else body
    return httpx.Response(status, headers=headers, content=content)


class SocketBody(io.BytesIO):
    """A body that reports itself closed once read to its end, as a socket's file does."""

    def isclosed(self) -> bool:
        return self.closed or self.tell() >= len(self.getbuffer())


def requests_response(body: bytes, content_type: str | None, status: int = 200) -> requests.Response:
    """A streamed requests.Response over an in-memory body, as ``stream=True`` gives."""
    response = requests.Response()
    response.status_code = status
    if content_type is not None:
        response.headers["Content-Type"] = content_type
    response.raw = urllib3.HTTPResponse(SocketBody(body), preload_content=False)
    return response


MAKERS = {
    "httpx": lambda body, ct, status=200: httpx_response(body, ct, status),
    "httpx-streamed": lambda body, ct, status=200: httpx_response(body, ct, status, streamed=True),
    "requests-streamed": requests_response,
}


@pytest.fixture(params=sorted(MAKERS))
def make(request):
    return MAKERS[request.param]


def test_read_body_text_and_headers(runtime, make) -> None:
    http = runtime.http
    response = make("caf\u00e9".encode("latin-1"), "text/plain; charset=ISO-8859-1", 201)
    assert (http.status_code(response), http.content_type(response)) == (201, "text/plain; charset=ISO-8859-1")
    assert http.read_text(response) == "caf\u00e9"
    assert http.read_body(response) == b"caf\xe9"  # reading twice gives the same bytes


def test_read_text_defaults_to_utf8_and_drops_a_bom(runtime, make) -> None:
    assert runtime.http.read_text(make('\ufeff{"a": "\u20ac"}'.encode(), "application/json")) == '{"a": "\u20ac"}'
    assert runtime.http.read_text(make(b"\xe2\x82\xac", "text/plain; charset=no-such-codec")) == "\u20ac"


def test_missing_content_type_is_empty(runtime, make) -> None:
    assert runtime.http.content_type(make(b"", None)) == ""


def test_unexpected_carries_status_type_and_the_body_start(runtime, make) -> None:
    response = make(b"<html>" + b"x" * 1000, "text/html", 502)
    error = runtime.http.unexpected(response, "no body field for text/html")
    assert isinstance(error, runtime.errors.UnexpectedResponseError)
    assert (error.status_code, error.content_type) == (502, "text/html")
    assert error.body_start == (b"<html>" + b"x" * 1000)[:256]
    assert "status 502" in str(error) and "no body field for text/html" in str(error)


def test_unexpected_never_fails_on_an_unreadable_body(runtime) -> None:
    response = httpx_response(b"abc", "text/plain", 500, streamed=True)
    response.close()  # a closed, unread stream cannot be read
    error = runtime.http.unexpected(response)
    assert (error.status_code, error.body_start) == (500, b"")


def parse_json(event, index: int):
    return index, json.loads(event.data)


def test_event_stream_parses_each_event_with_its_index(runtime, make) -> None:
    response = make(b'data: {"n": 1}\n\nevent: x\ndata: {"n": 2}\n\ndata: {"n": 3}', "text/event-stream")
    assert list(runtime.http.event_stream(response, parse_json)) == [(0, {"n": 1}), (1, {"n": 2}), (2, {"n": 3})]


def test_event_stream_is_lazy(runtime) -> None:
    response = httpx_response(b"data: 1\n\n", "text/event-stream", streamed=True)
    stream = runtime.http.event_stream(response, parse_json)
    assert not response.is_stream_consumed and not response.is_closed
    assert next(stream) == (0, 1)


def test_sentinel_ends_the_stream_and_is_not_parsed(runtime) -> None:
    response = httpx_response(b"data: 1\n\ndata: [DONE]\n\ndata: 2\n\n", "text/event-stream", streamed=True)
    assert list(runtime.http.event_stream(response, parse_json, sentinel="[DONE]")) == [(0, 1)]
    assert response.is_closed
    without = httpx_response(b"data: 1\n\ndata: [DONE]\n\n", "text/event-stream")
    assert list(runtime.http.event_stream(without, lambda e, i: e.data)) == ["1", "[DONE]"]


def test_bad_json_in_event_n_is_a_parse_error_naming_it(runtime, make) -> None:
    response = make(b"data: 1\n\ndata: 2\n\ndata: {oops\n\ndata: 4\n\n", "text/event-stream")
    stream = runtime.http.event_stream(response, parse_json)
    assert [next(stream), next(stream)] == [(0, 1), (1, 2)]
    with pytest.raises(runtime.errors.ParseError) as caught:
        next(stream)
    assert caught.value.path == "$[event 2]"
    assert str(caught.value).startswith("$[event 2]: invalid JSON: Expecting property name")
    assert isinstance(caught.value.__cause__, json.JSONDecodeError)
    with pytest.raises(StopIteration):
        next(stream)


def test_a_parse_error_from_the_parser_passes_unchanged(runtime) -> None:
    error = runtime.errors.ParseError("$[event 0].data.index", "expected int, got str '3'")

    def parse(event, index: int):
        raise error

    response = httpx_response(b"data: {}\n\n", "text/event-stream", streamed=True)
    with pytest.raises(runtime.errors.ParseError) as caught:
        next(runtime.http.event_stream(response, parse))
    assert caught.value is error
    assert response.is_closed


@pytest.mark.parametrize("how", ["exhausted", "close", "break", "garbage", "never started", "never started, closed"])
def test_the_response_is_closed(runtime, how: str) -> None:
    response = httpx_response(b"data: 1\n\ndata: 2\n\ndata: 3\n\n", "text/event-stream", streamed=True)
    stream = runtime.http.event_stream(response, parse_json)
    if how == "exhausted":
        assert len(list(stream)) == 3
    elif how == "close":
        next(stream)
        stream.close()
        assert list(stream) == []
    elif how == "break":
        for _ in stream:
            break
        del stream
    elif how == "garbage":
        next(stream)
        del stream
        gc.collect()
    elif how == "never started":
        del stream
        gc.collect()
    else:
        stream.close()
    assert response.is_closed
