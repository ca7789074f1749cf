"""Server-sent events: an incremental decoder of the ``text/event-stream`` format.

The rules are the WHATWG HTML standard's ("Server-sent events", "Parsing an event
stream" and "Interpreting an event stream"), with these choices where a client of a
typed API needs one:

* ``event`` is ``None`` when the server names no event (the standard's default name
  is ``"message"``); ``id`` is ``None`` while the last event ID is empty.
* ``id`` is the *last event ID* when the event is dispatched: it carries over from an
  earlier event until an ``id:`` field changes it, as the standard says.  An ``id:``
  value that contains U+0000 NULL is ignored.
* ``retry`` is the value of the ``retry:`` field (ASCII digits only, anything else is
  ignored) of this event's lines, else ``None``.  ``EventDecoder.retry`` keeps the
  last reconnection time the stream set.
* A block of lines without any ``data:`` line is not an event (nothing is dispatched).
* At the end of the stream, ``close()`` dispatches a last event that has no blank line
  after it, even when its last line has no line end: a server that ends its body
  normally has sent the event whole.  (The standard discards it; a body cut short by a
  dropped connection is the HTTP client's error to raise, before ``close()`` is called.)

An event, or a line still waiting for its line end, may hold at most ``MAX_EVENT_SIZE``
characters (16 Mi by default; set it here, or give ``EventDecoder(max_event_size=N)``):
a longer one raises :class:`EventTooLargeError` instead of filling the memory.

Lines may end in CRLF, CR or LF, mixed freely, and chunks may split the stream at any
byte: a CR at the end of one chunk and an LF at the start of the next are one line end,
a UTF-8 character split between chunks is decoded whole, and one leading byte order
mark is skipped.  Bytes that are not UTF-8 decode to U+FFFD.
"""

from __future__ import annotations

import codecs
from collections.abc import AsyncGenerator, Generator, Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

EventStream = Generator[T, None, None]
"""The events of a ``text/event-stream`` body as items of type T, read as they arrive."""

EventStreamAsync = AsyncGenerator[T, None]
""":data:`EventStream` for an asynchronous HTTP client."""


@dataclass(frozen=True, slots=True)
class ServerSentEvent:
    """One event of a ``text/event-stream`` body."""

    data: str
    event: str | None = None
    id: str | None = None
    retry: int | None = None


_Utf8Decoder = codecs.getincrementaldecoder("utf-8-sig")

#: The most characters an event (or a line without its line end yet) may have; read when
#: a decoder is made.
MAX_EVENT_SIZE = 16 * 1024 * 1024


class EventTooLargeError(ValueError):
    """An event, or a line not yet ended, is longer than the decoder's limit."""


# A frozen dataclass's __init__ sets each field through object.__setattr__, which costs
# more than decoding the event does; the decoder sets the slots directly instead.
_new = object.__new__
_set_data = ServerSentEvent.__dict__["data"].__set__
_set_event = ServerSentEvent.__dict__["event"].__set__
_set_id = ServerSentEvent.__dict__["id"].__set__
_set_retry = ServerSentEvent.__dict__["retry"].__set__


def _event(
    data: str, event: str | None, id: str | None, retry: int | None
) -> ServerSentEvent:
    """``ServerSentEvent(data, event, id, retry)``, built faster."""
    made: ServerSentEvent = _new(ServerSentEvent)
    _set_data(made, data)
    _set_event(made, event)
    _set_id(made, id)
    _set_retry(made, retry)
    return made


class EventDecoder:
    """Turns the bytes of an event stream, chunk by chunk, into events.

    ``feed(chunk)`` returns the events the chunk completes; ``close()`` returns the last
    event of a stream that ends without a blank line, and resets the decoder.
    """

    __slots__ = (
        "_decoder",
        "_last_id",
        "_pending",
        "_pending_lf",
        "_pending_size",
        "_skip_lf",
        "limit",
        "retry",
    )

    def __init__(self, max_event_size: int | None = None) -> None:
        self._decoder = _Utf8Decoder(errors="replace")
        #: Text after the last blank line: the start of an event not yet complete.
        self._pending: list[str] = []
        self._pending_size = 0
        #: The most characters an event may have.
        self.limit = MAX_EVENT_SIZE if max_event_size is None else max_event_size
        #: Whether that text ends with a line end.
        self._pending_lf = False
        #: The last chunk ended with CR: an LF at the start of the next one is its pair.
        self._skip_lf = False
        self._last_id = ""
        #: The reconnection time in milliseconds the stream set last, if it set one.
        self.retry: int | None = None

    @property
    def last_event_id(self) -> str:
        """The last event ID the stream set ("" when none): send it as Last-Event-ID."""
        return self._last_id

    def feed(self, chunk: bytes) -> list[ServerSentEvent]:
        """The events that *chunk* completes, in order."""
        text = self._decoder.decode(chunk)
        if not text:
            return []
        if self._skip_lf:
            self._skip_lf = False
            if text[0] == "\n":
                text = text[1:]
                if not text:
                    return []
        if "\r" in text:
            # Every line end becomes LF; a CR that ends the chunk may pair with an LF
            # that starts the next one.
            self._skip_lf = text[-1] == "\r"
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        pending = self._pending
        if "\n\n" not in text and not (self._pending_lf and text[0] == "\n"):
            pending.append(text)
            self._pending_size += len(text)
            if self._pending_size > self.limit:
                self._too_large()
            self._pending_lf = text[-1] == "\n"
            return []
        if pending:
            pending.append(text)
            text = "".join(pending)
            pending.clear()
        blocks = text.split("\n\n")
        rest = blocks.pop()
        if len(text) > self.limit and max(len(rest), *map(len, blocks)) > self.limit:
            self._too_large()
        if rest:
            pending.append(rest)
        self._pending_size = len(rest)
        self._pending_lf = rest[-1:] == "\n"
        return self._events(blocks)

    def _too_large(self) -> None:
        self._pending.clear()
        self._pending_size = 0
        raise EventTooLargeError(
            f"event stream: an event or line longer than {self.limit} characters "
            "(the limit is _sse.MAX_EVENT_SIZE, or EventDecoder(max_event_size=...))"
        )

    def close(self) -> list[ServerSentEvent]:
        """The event the stream ends with when no blank line follows it.

        The decoder is then ready for a new stream; ``last_event_id`` and ``retry``
        keep their values, for a client that reconnects.
        """
        self._pending.append(
            self._decoder.decode(b"", True)
        )  # U+FFFD for a cut character
        text = "".join(self._pending)
        self._decoder.reset()
        self._pending.clear()
        self._pending_size = 0
        self._pending_lf = self._skip_lf = False
        return self._events(text.removesuffix("\n").split("\n\n"))

    def _events(self, blocks: list[str]) -> list[ServerSentEvent]:
        """The events of complete blocks: the lines between two blank lines."""
        events: list[ServerSentEvent] = []
        append = events.append
        last_id = self._last_id or None
        for block in blocks:
            # Fast path: an event of a single ``data:`` line.
            if block[:5] == "data:" and "\n" not in block:
                made: ServerSentEvent = _new(
                    ServerSentEvent
                )  # _event() in line: a call costs
                _set_data(made, block[6:] if block[5:6] == " " else block[5:])
                _set_event(made, None)
                _set_id(made, last_id)
                _set_retry(made, None)
                append(made)
            elif block:
                event = self._block(block)
                last_id = self._last_id or None
                if event is not None:
                    append(event)
        return events

    def _block(self, block: str) -> ServerSentEvent | None:
        """The event of one block of lines (the general case)."""
        data: list[str] = []
        name = ""
        retry = None
        for line in block.split("\n"):
            if not line or line[0] == ":":
                continue  # a blank line left over from a run of them, or a comment
            field, colon, value = line.partition(":")
            if colon and value[:1] == " ":
                value = value[1:]
            if field == "data":
                data.append(value)
            elif field == "event":
                name = value
            elif field == "id":
                if "\0" not in value:
                    self._last_id = value
            elif (
                field == "retry"
                and value.isascii()
                and value.isdigit()
                and len(value) <= 4300
            ):
                retry = self.retry = int(
                    value
                )  # (Python converts at most 4,300 digits)
        if not data:
            return None
        return _event("\n".join(data), name or None, self._last_id or None, retry)


def iter_events(chunks: Iterable[bytes]) -> Iterator[ServerSentEvent]:
    """The events of a stream given as chunks of bytes."""
    decoder = EventDecoder()
    for chunk in chunks:
        yield from decoder.feed(chunk)
    yield from decoder.close()
