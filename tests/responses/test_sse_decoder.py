"""The event-stream decoder of generated packages (``_sse``), rule by rule, against an
independent line-by-line reading of the WHATWG rules, and under every chunking."""

from __future__ import annotations

import dataclasses
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

BOM = "\ufeff".encode()


def decode(runtime, *chunks: bytes) -> list[tuple]:
    """Feed *chunks* to one decoder, close it, and return the events as tuples."""
    decoder = runtime.sse.EventDecoder()
    events = [e for chunk in chunks for e in decoder.feed(chunk)] + decoder.close()
    return [dataclasses.astuple(e) for e in events]


def reference(stream: bytes) -> list[tuple]:
    """The WHATWG interpretation, written plainly: decode all, split lines, read each one.

    With docgen's documented choices: no event name and an empty id read as None,
    ``retry`` per event, and the last event of a stream is dispatched without a blank line.
    """
    text = stream.decode("utf-8", "replace")
    text = text[1:] if text.startswith("\ufeff") else text
    *lines, tail = re.split("\r\n|\r|\n", text)
    events: list[tuple] = []
    data: list[str] = []
    name, last_id, retry = "", "", None

    def dispatch() -> None:
        nonlocal data, name, retry
        if data:
            events.append(("\n".join(data), name or None, last_id or None, retry))
        data, name, retry = [], "", None

    for line in lines + ([tail] if tail else []):
        if line == "":
            dispatch()
            continue
        if line.startswith(":"):
            continue
        field, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if field == "data":
            data.append(value)
        elif field == "event":
            name = value
        elif field == "id" and "\0" not in value:
            last_id = value
        elif field == "retry" and re.fullmatch("[0-9]+", value):
            retry = int(value)
    dispatch()
    return events


CASES = [
    ("one event", [b"data: hello\n\n"], [("hello", None, None, None)]),
    ("two events", [b"data: a\n\ndata: b\n\n"], [("a", None, None, None), ("b", None, None, None)]),
    ("data over lines", [b"data: a\ndata: b\ndata\ndata: c\n\n"], [("a\nb\n\nc", None, None, None)]),
    ("no space after colon", [b"data:a\n\n"], [("a", None, None, None)]),
    ("only one space is dropped", [b"data:  a \n\n"], [(" a ", None, None, None)]),
    ("a colon in the value", [b"data: a: b\n\n"], [("a: b", None, None, None)]),
    ("empty data is an event", [b"data:\n\n"], [("", None, None, None)]),
    ("field without colon", [b"data\n\n"], [("", None, None, None)]),
    ("no data, no event", [b"event: ping\nid: 7\nretry: 5\n\n"], []),
    ("comments", [b": keep-alive\n:\ndata: a\n: more\n\n"], [("a", None, None, None)]),
    ("only comments", [b": one\n\n: two\n\n"], []),
    ("event name", [b"event: delta\ndata: a\n\n"], [("a", "delta", None, None)]),
    ("empty event name is None", [b"event:\ndata: a\n\n"], [("a", None, None, None)]),
    (
        "event name does not carry over",
        [b"event: x\ndata: a\n\ndata: b\n\n"],
        [("a", "x", None, None), ("b", None, None, None)],
    ),
    ("event name reset by an undispatched block", [b"event: x\n\ndata: b\n\n"], [("b", None, None, None)]),
    ("id carries over", [b"id: 1\ndata: a\n\ndata: b\n\n"], [("a", None, "1", None), ("b", None, "1", None)]),
    ("id set by a block without data", [b"id: 9\n\ndata: b\n\n"], [("b", None, "9", None)]),
    ("empty id resets", [b"id: 1\ndata: a\n\nid\ndata: b\n\n"], [("a", None, "1", None), ("b", None, None, None)]),
    (
        "id with NUL ignored",
        [b"id: 1\ndata: a\n\nid: 2\x003\ndata: b\n\n"],
        [("a", None, "1", None), ("b", None, "1", None)],
    ),
    ("retry", [b"retry: 1500\ndata: a\n\ndata: b\n\n"], [("a", None, None, 1500), ("b", None, None, None)]),
    (
        "retry not digits",
        [b"retry: 15a\ndata: a\n\nretry: -1\ndata: b\n\nretry:\ndata: c\n\n"],
        [("a", None, None, None), ("b", None, None, None), ("c", None, None, None)],
    ),
    ("retry non-ASCII digits", ["retry: \u0661\u0662\ndata: a\n\n".encode()], [("a", None, None, None)]),
    ("unknown field", [b"foo: bar\ndata: a\n\n"], [("a", None, None, None)]),
    ("field names are case-sensitive", [b"Data: a\nDATA: b\n\n"], []),
    ("CRLF", [b"data: a\r\ndata: b\r\n\r\n"], [("a\nb", None, None, None)]),
    ("CR", [b"data: a\rdata: b\r\r"], [("a\nb", None, None, None)]),
    ("mixed line ends", [b"data: a\r\ndata: b\rdata: c\n\r\n"], [("a\nb\nc", None, None, None)]),
    (
        "CR then LF in the next chunk is one line end",
        [b"data: a\r", b"\ndata: b\r\n\r\n"],
        [("a\nb", None, None, None)],
    ),
    ("CR, empty chunk, LF", [b"data: a\r", b"", b"\n\r", b"\n"], [("a", None, None, None)]),
    ("LF then CR is two line ends", [b"data: a\n\rdata: b\n\n"], [("a", None, None, None), ("b", None, None, None)]),
    ("BOM", [BOM + b"data: a\n\n"], [("a", None, None, None)]),
    ("BOM split over chunks", [BOM[:1], BOM[1:2], BOM[2:] + b"data: a\n\n"], [("a", None, None, None)]),
    ("only the first BOM", [BOM + BOM + b"data: a\n\ndata: b\n\n"], [("b", None, None, None)]),
    (
        "UTF-8 split inside a character",
        ["data: \u20ac\U0001f600\n\n".encode()[:8], "data: \u20ac\U0001f600\n\n".encode()[8:]],
        [("\u20ac\U0001f600", None, None, None)],
    ),
    ("invalid UTF-8", [b"data: a\xffb\n\n"], [("a\ufffdb", None, None, None)]),
    ("last event without blank line", [b"data: a\n\ndata: b\n"], [("a", None, None, None), ("b", None, None, None)]),
    ("last line without line end", [b"data: a\n\ndata: b"], [("a", None, None, None), ("b", None, None, None)]),
    ("last line ends in CR", [b"data: b\r"], [("b", None, None, None)]),
    (
        "a run of blank lines",
        [b"\n\n\n\ndata: a\n\n\n\n\ndata: b\n\n\n"],
        [("a", None, None, None), ("b", None, None, None)],
    ),
    ("NUL in data", [b"data: a\x00b\n\n"], [("a\x00b", None, None, None)]),
    ("empty stream", [], []),
    ("sentinel is an ordinary event", [b"data: [DONE]\n\n"], [("[DONE]", None, None, None)]),
]


@pytest.mark.parametrize("chunks, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rules(runtime, chunks: list[bytes], expected: list[tuple]) -> None:
    assert decode(runtime, *chunks) == expected
    assert reference(b"".join(chunks)) == expected  # the reference agrees with the table
    assert decode(runtime, *(bytes([b]) for b in b"".join(chunks))) == expected  # byte by byte


def test_events_are_frozen_values_equal_to_constructed_ones(runtime) -> None:
    [event] = runtime.sse.EventDecoder().feed(b"event: e\nid: 1\nretry: 2\ndata: x\n\n")
    assert event == runtime.sse.ServerSentEvent("x", "e", "1", 2)
    assert hash(event) == hash(runtime.sse.ServerSentEvent("x", "e", "1", 2))
    [fast] = runtime.sse.EventDecoder().feed(b"data: x\n\n")  # the single-line fast path
    assert fast == runtime.sse.ServerSentEvent("x") and repr(fast) == repr(runtime.sse.ServerSentEvent("x"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.data = "y"


def test_feed_returns_events_as_soon_as_their_blank_line_arrives(runtime) -> None:
    decoder = runtime.sse.EventDecoder()
    assert decoder.feed(b"data: a\n") == []
    assert [e.data for e in decoder.feed(b"\ndata: b")] == ["a"]
    assert decoder.feed(b"\n") == []
    assert [e.data for e in decoder.feed(b"\n")] == ["b"]
    assert decoder.close() == []


def test_close_resets_the_stream_but_keeps_last_event_id_and_retry(runtime) -> None:
    decoder = runtime.sse.EventDecoder()
    assert [e.data for e in decoder.feed(b"id: 41\nretry: 300\ndata: a\n\ndata: half")] == ["a"]
    assert [e.data for e in decoder.close()] == ["half"]
    assert (decoder.last_event_id, decoder.retry) == ("41", 300)
    assert decoder.close() == []
    # A new stream after close(): its BOM is skipped again, no text is left over.
    assert [(e.data, e.id) for e in decoder.feed(BOM + b"data: b\n\n")] == [("b", "41")]


def test_iter_events(runtime) -> None:
    events = runtime.sse.iter_events(iter([b"data: a\n", b"\ndata", b": b"]))
    assert [e.data for e in events] == ["a", "b"]


def test_a_huge_event_in_small_chunks(runtime) -> None:
    payload = "x" * 10_000_000
    stream = f"data: {payload}\n\n".encode()
    decoder = runtime.sse.EventDecoder()
    events = [e for i in range(0, len(stream), 4096) for e in decoder.feed(stream[i : i + 4096])]
    assert len(events) == 1 and events[0].data == payload


# --- properties ----------------------------------------------------------------------

TOKENS = [
    "data", "event", "id", "retry", ":", ": ", " ", "\n", "\r", "\r\n", "\n\n",
    "x", "[DONE]", '{"a": 1}', "7", "42", "\x00", "\ufeff", "\u00e9", "\u20ac", "\U0001f600",
]  # fmt: skip

streams = st.one_of(
    st.lists(st.sampled_from(TOKENS), max_size=60).map(lambda tokens: "".join(tokens).encode()),
    st.binary(max_size=200),
    st.lists(st.sampled_from(TOKENS), max_size=60).map(lambda tokens: BOM + "".join(tokens).encode()),
)


@st.composite
def split_streams(draw) -> tuple[bytes, list[bytes]]:
    stream = draw(streams)
    cuts = sorted(draw(st.lists(st.integers(0, len(stream)), max_size=12)))
    bounds = [0, *cuts, len(stream)]
    return stream, [stream[a:b] for a, b in zip(bounds, bounds[1:])]


@settings(max_examples=400, deadline=None)
@given(split_streams())
def test_any_chunking_gives_the_events_of_the_whole_stream(runtime, split: tuple[bytes, list[bytes]]) -> None:
    stream, chunks = split
    assert decode(runtime, *chunks) == decode(runtime, stream)


@settings(max_examples=400, deadline=None)
@given(streams)
def test_the_decoder_agrees_with_the_line_by_line_reading_of_the_rules(runtime, stream: bytes) -> None:
    assert decode(runtime, stream) == reference(stream)
