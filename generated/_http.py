"""Reading the HTTP response an SDK received: ``requests`` or ``httpx``, streamed or not.

Generated code imports neither library: these functions use only what both
``requests.Response`` and ``httpx.Response`` offer (``status_code``, ``headers``,
``close()``) and, where the two differ, look for the method one of them has
(``httpx``: ``read()``, ``iter_bytes()``; ``requests``: ``content``,
``iter_content()``).  Errors of the HTTP client itself (a timeout, a connection dropped
in the middle of the body) are the client's exceptions and pass through unchanged.
"""

from __future__ import annotations

import codecs
import contextlib
import json
from collections.abc import Callable, Generator, Iterator
from typing import Any, TypeVar

from ._errors import ParseError, UnexpectedResponseError
from ._sse import EventDecoder, EventTooLargeError, ServerSentEvent

T = TypeVar("T")

#: How many bytes of the body an UnexpectedResponseError carries.
BODY_START = 256


def status_code(response: Any) -> int:
    """The response's HTTP status code."""
    return int(response.status_code)


def content_type(response: Any) -> str:
    """The Content-Type header as sent ("" when there is none)."""
    value = response.headers.get("content-type")
    return value if isinstance(value, str) else ""


def media_type(content_type: str) -> str:
    """The media type of a Content-Type value: lower case, parameters dropped."""
    return content_type.partition(";")[0].strip().lower()


def charset(content_type: str) -> str:
    """The ``charset`` parameter of a Content-Type value, lower case ("" when absent)."""
    for parameter in content_type.split(";")[1:]:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            return value.strip().strip("\"'").lower()
    return ""


def is_json(media: str) -> bool:
    """``application/json`` or any ``+json`` type (``application/problem+json``)."""
    media = media_type(media)
    return media == "application/json" or (media.endswith("+json") and "/" in media)


def is_text(media: str) -> bool:
    """A textual body: ``text/*``, ``message/*`` (``message/http``), XML (``application/xml``, ``+xml``)."""
    kind, _, sub = media_type(media).partition("/")
    return bool(sub) and (
        kind in ("text", "message") or sub == "xml" or sub.endswith("+xml")
    )


def is_event_stream(media: str) -> bool:
    """``text/event-stream``: a body of server-sent events."""
    return media_type(media) == "text/event-stream"


def read_body(response: Any) -> bytes:
    """The whole body.  A streamed response is read to its end first."""
    read = getattr(response, "read", None)
    if callable(read):  # httpx: reads a streamed body, returns one already read
        body = read()
    else:  # requests: ``content`` reads a streamed body
        body = response.content
    return bytes(body) if body is not None else b""


def read_text(response: Any) -> str:
    """The body as text, in the Content-Type's charset (default UTF-8; a BOM is dropped)."""
    body = read_body(response)
    try:
        codec = codecs.lookup(charset(content_type(response)) or "utf-8")
    except LookupError:
        codec = codecs.lookup("utf-8")
    name = "utf-8-sig" if codec.name == "utf-8" else codec.name
    return body.decode(name, "replace")


def read_json(response: Any) -> Any:
    """The body decoded as JSON; a body that is not JSON raises ParseError at ``$``."""
    body = read_body(response)
    try:
        return json.loads(body)
    except ValueError as exc:  # JSONDecodeError, or bytes that are not UTF-8/16/32
        raise ParseError("$", f"invalid JSON body: {exc}") from exc
    except RecursionError:
        raise ParseError("$", "invalid JSON body: nested too deeply") from None


def headers(response: Any) -> dict[str, list[str]]:
    """The response headers, each name (lower-case) with all its values in order."""
    raw = response.headers
    multi_items = getattr(raw, "multi_items", None)
    pairs = (
        multi_items() if callable(multi_items) else raw.items()
    )  # httpx keeps repeats
    result: dict[str, list[str]] = {}
    for name, value in pairs:
        result.setdefault(str(name).lower(), []).append(str(value))
    return result


def event_object(
    event: ServerSentEvent, decode_data: bool, path: str
) -> dict[str, Any]:
    """An event as the JSON object its documented model reads.

    ``data`` is JSON-decoded when *decode_data* (the model's ``data`` is not a plain
    string); ``event``, ``id`` and ``retry`` are present only when the stream set them.
    """
    data: Any = event.data
    if decode_data:
        try:
            data = json.loads(data)
        except ValueError as exc:
            raise ParseError(f"{path}.data", f"invalid JSON: {exc}") from exc
    result: dict[str, Any] = {"data": data}
    if event.event is not None:
        result["event"] = event.event
    if event.id is not None:
        result["id"] = event.id
    if event.retry is not None:
        result["retry"] = event.retry
    return result


def event_data(event: ServerSentEvent, decode_data: bool, path: str) -> Any:
    """An event's data alone: JSON-decoded when *decode_data*, else the text."""
    if not decode_data:
        return event.data
    try:
        return json.loads(event.data)
    except ValueError as exc:
        raise ParseError(path, f"invalid JSON: {exc}") from exc


def iter_body(response: Any, chunk_size: int | None = None) -> Iterator[bytes]:
    """The body's bytes in chunks, as they arrive (a body already read comes whole).

    ``requests`` delivers a streamed body as it arrives when the server sends it with
    chunked transfer encoding (as streaming servers do); a body with a Content-Length
    comes in one piece once it is complete.
    """
    iter_bytes = getattr(response, "iter_bytes", None)
    if callable(iter_bytes):  # httpx
        return iter(iter_bytes(chunk_size))
    return iter(response.iter_content(chunk_size=chunk_size))  # requests


def close(response: Any) -> None:
    """Release the response's connection (harmless when it is already closed)."""
    closer = getattr(response, "close", None)
    if callable(closer):
        closer()


def body_start(response: Any, limit: int = BODY_START) -> bytes:
    """At most *limit* bytes from the start of the body; the response is closed after.

    This is for error messages: a body that cannot be read (already consumed, closed,
    cut off) gives what could be read, maybe nothing, never an exception.
    """
    start = bytearray()
    # This builds an error already: any failure to read must not replace it with another.
    with contextlib.suppress(Exception):
        for chunk in iter_body(response, limit):
            start += chunk
            if len(start) >= limit:
                break
    with contextlib.suppress(Exception):
        close(response)
    return bytes(start[:limit])


def unexpected(response: Any, reason: str = "") -> UnexpectedResponseError:
    """The error for a response whose status or content type no documented body matches.

    It reads at most the first ``BODY_START`` bytes of the body (an endless stream too),
    then closes the response.
    """
    return UnexpectedResponseError(
        status_code(response), content_type(response), body_start(response), reason
    )


def event_stream(
    response: Any,
    parse: Callable[[ServerSentEvent, int], T],
    sentinel: str | None = None,
) -> Generator[T, None, None]:
    """The server-sent events of a ``text/event-stream`` body, each through ``parse``.

    Lazy: nothing is read before the first ``next()``.  ``parse(event, index)`` gets
    every event with its index from 0; a ``ValueError`` it raises (bad JSON) becomes
    a ``ParseError`` at ``$[event N]`` unless it is a ``ParseError`` already.  The
    stream ends at the end of the body, or at the first event whose data equals
    *sentinel* (that event is not parsed or yielded).  The response is closed when
    the stream ends, fails, is closed early (``close()``, ``break`` out of a ``for``
    loop over it, then dropped) or is garbage-collected.
    """
    return EventStream(response, parse, sentinel)


class EventStream(Generator[T, None, None]):
    """The generator ``event_stream`` returns; it owns the response it reads."""

    __slots__ = ("_events", "_response")

    def __init__(
        self,
        response: Any,
        parse: Callable[[ServerSentEvent, int], T],
        sentinel: str | None = None,
    ) -> None:
        self._response = response
        self._events = _parsed_events(response, parse, sentinel)

    def __next__(self) -> T:
        return next(self._events)

    def send(self, value: None) -> T:
        return self._events.send(value)

    def throw(self, *args: Any) -> T:
        return self._events.throw(*args)

    def close(self) -> None:
        """Stop reading and close the response."""
        try:
            self._events.close()
        finally:
            close(self._response)

    def __del__(self) -> None:
        # Also for a stream never started, whose generator has no ``finally`` to run yet.
        # At interpreter exit the response may be half torn down: nothing to report then.
        with contextlib.suppress(Exception):
            self.close()


def _parsed_events(
    response: Any,
    parse: Callable[[ServerSentEvent, int], T],
    sentinel: str | None,
) -> Generator[T, None, None]:
    index = 0
    try:
        for events in _decoded(response):
            for event in events:
                if sentinel is not None and event.data == sentinel:
                    return
                try:
                    item = parse(event, index)
                except ParseError:
                    raise
                except ValueError as exc:
                    what = (
                        "invalid JSON"
                        if isinstance(exc, json.JSONDecodeError)
                        else type(exc).__name__
                    )
                    raise ParseError(f"$[event {index}]", f"{what}: {exc}") from exc
                except RecursionError:
                    raise ParseError(
                        f"$[event {index}]", "value nested too deeply"
                    ) from None
                yield item
                index += 1
    except EventTooLargeError as exc:
        raise ParseError(f"$[event {index}]", str(exc)) from None
    finally:
        close(response)


def _decoded(response: Any) -> Iterator[list[ServerSentEvent]]:
    """The events of the body, in batches: those each chunk completes, then the last."""
    decoder = EventDecoder()
    for chunk in iter_body(response):
        yield decoder.feed(chunk)
    yield decoder.close()
