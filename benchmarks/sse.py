"""Server-sent event decoding: docgen's generated runtime against httpx-sse and sseclient-py.

    pip install -e '.[bench]'
    python benchmarks/sse.py [--events 100000] [--chunks 4096,16384] [--rounds 7]

Every contender decodes the same in-memory event stream (small chat events, the same
bytes for each), split into the same chunks, and runs ``json.loads`` on each event's
data.  Two ways in for each side:

* from the chunks: docgen's ``iter_events``; httpx-sse's own decoders (``SSELineDecoder``
  and ``SSEDecoder``, fed the incrementally decoded chunks as its ``EventSource`` does);
  sseclient-py's ``SSEClient(chunks).events()``;
* from an ``httpx.Response`` streaming the chunks: docgen's ``event_stream`` (what a
  generated ``from_response`` uses) and httpx-sse's ``EventSource(response).iter_sse()``.

The table gives events per CPU second of this process (``time.process_time``: on a
shared machine the wall clock measures the other processes too), the median of the
rounds with the slowest and fastest round, and, for each peer, how many times faster
docgen is (their median time over docgen's, like for like: chunks against chunks,
httpx.Response against httpx.Response; the range pairs extreme rounds), and the
smallest of those ratios.  The target is at least 1.2x the faster peer.
"""

from __future__ import annotations

import argparse
import codecs
import gc
import json
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httpx
import httpx_sse
import sseclient
from httpx_sse._decoders import SSEDecoder, SSELineDecoder

# The committed build of specs/ (kept fresh by the tests): the runtime as it ships.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.timing import Figure, ratio  # noqa: E402
from generated import _http, _sse  # noqa: E402

EVENT = b'data: {"data":{"content":"hi","index":0}}\n\n'


def streaming_response(chunks: list[bytes]) -> httpx.Response:
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=iter(chunks))


def consume(events: Iterable[Any]) -> int:
    """Decode every event's JSON data, as an SDK does; the number of events."""
    n = 0
    for event in events:
        json.loads(event.data)
        n += 1
    return n


def httpx_sse_events(chunks: list[bytes]) -> Iterator[Any]:
    """httpx-sse's decoders on the chunks, as its ``EventSource.iter_sse`` drives them."""
    text = codecs.getincrementaldecoder("utf-8")()
    lines, decoder = SSELineDecoder(), SSEDecoder()
    for chunk in chunks:
        for line in lines.decode(text.decode(chunk)):
            event = decoder.decode(line)
            if event is not None:
                yield event
    for line in [*lines.flush(), ""]:
        event = decoder.decode(line)
        if event is not None:
            yield event


def contenders() -> dict[str, tuple[str, Callable[[list[bytes]], int]]]:
    """name -> (what it reads, run); each run returns the number of events decoded."""

    def docgen_response(chunks: list[bytes]) -> int:
        stream = _http.event_stream(streaming_response(chunks), lambda event, index: json.loads(event.data))
        return sum(1 for _ in stream)

    return {
        "docgen iter_events": ("chunks", lambda chunks: consume(_sse.iter_events(chunks))),
        "httpx-sse decoders": ("chunks", lambda chunks: consume(httpx_sse_events(chunks))),
        "sseclient-py": ("chunks", lambda chunks: consume(sseclient.SSEClient(iter(chunks)).events())),
        "docgen event_stream": ("httpx.Response", docgen_response),
        "httpx-sse EventSource": (
            "httpx.Response",
            lambda chunks: consume(httpx_sse.EventSource(streaming_response(chunks)).iter_sse()),
        ),
    }


def measure(run: Callable[[list[bytes]], int], chunks: list[bytes], expected: int) -> float:
    """CPU seconds of this process for one run (on a shared machine the wall clock would
    measure the other processes too)."""
    gc.collect()
    started = time.process_time()
    count = run(chunks)
    elapsed = time.process_time() - started
    if count != expected:
        raise SystemExit(f"decoded {count} events, expected {expected}")
    return elapsed


def table(
    runs: dict[str, tuple[str, Callable[[list[bytes]], int]]], chunks: list[bytes], events: int, rounds: int
) -> float:
    """Time every contender on *chunks*, print the table; docgen's ratio to its closest peer."""
    times: dict[str, list[float]] = {name: [] for name in runs}
    for round_ in range(rounds):
        for name in list(runs) if round_ % 2 == 0 else list(reversed(runs)):
            times[name].append(measure(runs[name][1], chunks, events))
    figures = {name: Figure.of(t) for name, t in times.items()}
    docgen = {reads: figures[name] for name, (reads, _) in runs.items() if name.startswith("docgen")}
    print(f"{'decoder':<24}{'reads':<16}{'events/CPU s (slowest-fastest)':<36}  docgen is (range)")
    for name, (reads, _) in runs.items():
        versus = "" if name.startswith("docgen") else ratio(docgen[reads], figures[name])
        print(f"{name:<24}{reads:<16}{figures[name].rate(events):<36}  {versus}")
    peers = [name for name in runs if not name.startswith("docgen")]
    closest = min(peers, key=lambda name: figures[name].median / docgen[runs[name][0]].median)
    worst = figures[closest].median / docgen[runs[closest][0]].median
    print(f"docgen against its closest peer ({closest}): {worst:.2f}x")
    return worst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--chunks", default="4096,16384", help="chunk sizes in bytes, comma-separated")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    body = EVENT * args.events
    if args.rounds < 5:
        parser.error("--rounds must be at least 5: every figure is a median of five rounds or more")
    print(f"{args.events} events, {len(body)} bytes, event {EVENT!r}; median of {args.rounds} rounds, CPU time")
    print(f"Python {sys.version.split()[0]}, httpx-sse {version('httpx-sse')}, sseclient-py {version('sseclient-py')}")
    ratios = []
    for size in (int(s) for s in args.chunks.split(",")):
        chunks = [body[i : i + size] for i in range(0, len(body), size)]
        print(f"\nchunks of {size} bytes ({len(chunks)} chunks)")
        ratios.append(table(contenders(), chunks, args.events, args.rounds))
    print(f"\nworst ratio: docgen is {min(ratios):.2f}x its closest peer (target: at least 1.2x the faster peer)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
