"""The operation pages of the real SDK docs in ../shared: every corpus builds, the operations
scorer finds at least 99% of the SDKs' response routes and every fallback probe raises the
SDK's error; the seed's operation parses a JSON list and an event stream from both eras.

Skipped where ../shared is absent.
"""

from __future__ import annotations

import asyncio
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from docgen.build import generate
from docgen.write import encode, write_tree
from tests.conftest import shared_path

CORPORA = ("speakeasy-v1-sdk", "speakeasy-v2-sdk", "bolt-v2", "nest-v2")


@pytest.fixture(scope="session")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each corpus built once, into a package named after it."""
    built = {}
    for corpus in CORPORA:
        result = generate(shared_path("corpus", corpus, "docs"))
        errors = [d.render() for d in result.diagnostics if d.severity == "error"]
        assert not errors, errors[:10]
        out = tmp_path_factory.mktemp("ops") / ("ops_" + corpus.replace("-", "_"))
        write_tree(out, encode(result.files))
        built[corpus] = out
    return built


def _score(corpus: str, out: Path) -> str:
    command = [
        sys.executable,
        str(shared_path("tools", "score_operations.py")),
        str(shared_path("corpus", corpus, "operations.json")),
        str(out),
        "--call",
    ]
    report = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    print(report.stdout)  # the table, visible with -s or in the log of a failure
    return report.stdout


@pytest.mark.parametrize("corpus", CORPORA)
def test_routes_and_fallbacks(builds: dict[str, Path], corpus: str) -> None:
    report = _score(corpus, builds[corpus])
    last = report.strip().splitlines()[-1]
    routes = float(re.match(r"operations: ([\d.]+)% routes exact", last).group(1))  # type: ignore[union-attr]
    assert routes >= 99.0, last
    fallback = re.search(r"^fallback \(no route\)\s+(\d+)\s+(\d+)", report, re.MULTILINE)
    assert fallback is not None and fallback.group(1) == fallback.group(2), report
    errors = re.search(r"^  error\s+(\d+)\s+(\d+)", report, re.MULTILINE)
    assert errors is not None and errors.group(1) == errors.group(2), report


@pytest.mark.parametrize("corpus", ["speakeasy-v1-sdk", "speakeasy-v2-sdk"])
def test_the_seed_operation_both_ways(builds: dict[str, Path], corpus: str) -> None:
    httpx = pytest.importorskip("httpx")
    out = builds[corpus]
    sys.path.insert(0, str(out.parent))
    try:
        chat = importlib.import_module(f"{out.name}._operations").OPERATIONS["eventstreams.chat"]
        body = b'[{"data": {"content": "hel"}}, {"data": {"content": "lo"}}]'
        listed = chat.parse(httpx.Response(200, headers={"content-type": "application/json"}, content=body))
        events = b'data: {"content": "hel"}\n\ndata: {"content": "lo"}\n\n'
        streamed = chat.parse(httpx.Response(200, headers={"content-type": "text/event-stream"}, content=events))
        alisted = asyncio.run(
            chat.aparse(httpx.Response(200, headers={"content-type": "application/json"}, content=body))
        )
        astreamed = asyncio.run(_collect(chat, events, corpus))
    finally:
        sys.path.remove(str(out.parent))
    if corpus == "speakeasy-v1-sdk":  # the 2024 response model, filled as from_response fills it
        assert listed.status_code == 200 and listed.chat_completion_stream is None
        listed, alisted = listed.chat_completion_result, alisted.chat_completion_result
        streamed = streamed.chat_completion_stream
    assert alisted == listed and [(type(i).__name__, i.data.content) for i in astreamed] == [
        ("ChatCompletionEvent", "hel"),
        ("ChatCompletionEvent", "lo"),
    ]
    assert [type(item).__name__ for item in listed] == ["ChatCompletionEvent", "ChatCompletionEvent"]
    assert [item.data.content for item in listed] == ["hel", "lo"]
    # events of the union ChatCompletionEvent | SentinelEvent (ChatCompletionStream in the pydantic era)
    assert [(type(i).__name__, i.data.content) for i in streamed] == [
        ("ChatCompletionEvent", "hel"),
        ("ChatCompletionEvent", "lo"),
    ]


async def _collect(chat, events: bytes, corpus: str) -> list:
    import httpx

    result = await chat.aparse(httpx.Response(200, headers={"content-type": "text/event-stream"}, content=events))
    stream = result.chat_completion_stream if corpus == "speakeasy-v1-sdk" else result
    return [item async for item in stream]
