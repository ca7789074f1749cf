"""Responses and event streams that would break a parser give ParseError, nothing else:
bodies and event data nested too deeply, huge retry values, events and lines beyond the
decoder's size limit."""

from __future__ import annotations

import importlib
import json
import shutil
import sys
from collections.abc import Iterator

import pytest

from tests.conftest import GENERATED


class FakeResponse:
    """What generated code reads of an httpx response: status, headers, body in chunks."""

    def __init__(self, content_type: str, chunks: list[bytes], status: int = 200) -> None:
        self.status_code = status
        self.headers = {"content-type": content_type}
        self.chunks = chunks
        self.closed = False

    def read(self) -> bytes:
        return b"".join(self.chunks)

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        yield from self.chunks

    def close(self) -> None:
        self.closed = True


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    root = tmp_path_factory.mktemp("site")
    shutil.copytree(GENERATED, root / "hostile_models")
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module("hostile_models")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m == "hostile_models" or m.startswith("hostile_models.")]:
            del sys.modules[name]


CHUNK = {"content": "Hel", "role": "assistant", "index": 0, "created": "2024-05-01T12:00:00Z"}


def test_a_json_body_nested_too_deeply_is_a_parse_error(models) -> None:  # type: ignore[no-untyped-def]
    body = b"[" * 200_000 + b"]" * 200_000
    with pytest.raises(models.ParseError, match=r"^\$: invalid JSON body: nested too deeply"):
        models.ChatResponse.from_response(FakeResponse("application/json", [body]))


def test_event_data_nested_too_deeply_is_a_parse_error_naming_the_event(models) -> None:  # type: ignore[no-untyped-def]
    stream = b"data: " + json.dumps(CHUNK).encode() + b"\n\ndata: " + b"[" * 200_000 + b"]" * 200_000 + b"\n\n"
    events = models.ChatResponse.from_response(FakeResponse("text/event-stream", [stream])).chat_completion_stream
    assert next(events).data.content == "Hel"
    with pytest.raises(models.ParseError) as caught:
        next(events)
    assert str(caught.value).startswith("$[event 1]")


def test_an_event_beyond_the_size_limit_is_a_parse_error(models, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(models._sse, "MAX_EVENT_SIZE", 1000)
    good = b"data: " + json.dumps(CHUNK).encode() + b"\n\n"
    endless = [good] + [b"data: " + b"x" * 300] * 10  # a line that never ends
    response = FakeResponse("text/event-stream", endless)
    events = models.ChatResponse.from_response(response).chat_completion_stream
    assert next(events).data.content == "Hel"
    with pytest.raises(models.ParseError, match=r"^\$\[event 1\]: event stream: an event or line longer than 1000"):
        next(events)
    assert response.closed


def test_the_decoder_limit_covers_lines_events_and_one_big_chunk(models) -> None:  # type: ignore[no-untyped-def]
    sse = models._sse
    assert sse.MAX_EVENT_SIZE == 16 * 1024 * 1024
    for chunks in (
        [b"data: " + b"x" * 60 for _ in range(3)],  # one line, chunk after chunk
        [b"data: a\n" * 30],  # one event of many lines, in one chunk
        [b"data: a\n\n" + b"data: " + b"y" * 200 + b"\n\ndata: b\n\n"],  # a long event between short ones
    ):
        decoder = sse.EventDecoder(max_event_size=100)
        with pytest.raises(sse.EventTooLargeError):
            for chunk in chunks:
                decoder.feed(chunk)
    decoder = sse.EventDecoder(max_event_size=100)
    events = decoder.feed(b"data: " + b"z" * 90 + b"\n\n" + b"data: short\n\n" * 100)
    assert len(events) == 101  # many events in one chunk are fine, each under the limit


def test_a_retry_of_thousands_of_digits_is_ignored(models) -> None:  # type: ignore[no-untyped-def]
    [event] = models._sse.EventDecoder().feed(b"retry: " + b"9" * 5000 + b"\ndata: x\n\n")
    assert (event.data, event.retry) == ("x", None)
