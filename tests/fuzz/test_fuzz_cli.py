"""The command line as a whole under random trees and random configurations: every run
ends with exit status 0, 1 or 2 (never 123, docgen's internal error) and in bounded time.

Pages are assembled from the pieces real pages are made of (headings, tables, type
cells, links between the pages of the tree, union code blocks), with hostile names and
characters mixed in; configurations from docgen's own keys with values of every TOML type.
Bounded: 15 runs of a few pages each, single process (``-j 1``); set DOCGEN_FUZZ_RUNS for more.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import tempfile
from pathlib import Path
from typing import Iterator

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.cli import main

RUNS = settings(
    max_examples=int(os.environ.get("DOCGEN_FUZZ_RUNS", "15")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
#: A run taking longer than this is a hang (a run here takes well under a second).
HANG_SECONDS = 60

NAMES = st.sampled_from(
    ["Thing", "Other", "str", "int", "value", "path", "_sse", "_http", "__init__", "class", "Decimal", "x-y", "émoji"]
)
FOLDERS = st.sampled_from(["", "models/", "models/shared/", "_sse/", "a.md/", "__pycache__/", ".hidden/"])
CHARS = st.sampled_from(["", "\u2028", "\x85", "\v", "\f", "\x00", "\\", "|", "`", "<br/>", "&#124;", "\r", "\ufeff"])
SCALARS = st.sampled_from(["*str*", "*int*", "*float*", "Decimal", "date", "[date](https://docs.python.org/)", "Any"])


@st.composite
def type_cells(draw: st.DrawFn, links: list[str]) -> str:
    base = draw(st.one_of(SCALARS, st.sampled_from([f"[{n}]({p})" for n, p in links] or ["*bool*"])))
    for _ in range(draw(st.integers(0, 3))):
        head = draw(st.sampled_from(["List[{}]", "Optional[{}]", "Dict[str, {}]", "Union[{}, *int*]", "Generator[{}]"]))
        base = head.format(base)
    literal = draw(st.sampled_from(["", 'Literal["a b"]', "Literal[" + "9" * 4400 + "]", "Literal[1.2.3]"]))
    return literal or (base + draw(CHARS))


@st.composite
def trees(draw: st.DrawFn) -> dict[str, str]:
    count = draw(st.integers(1, 4))
    paths = [draw(FOLDERS) + draw(NAMES).lower() + ".md" for _ in range(count)]
    links = [(draw(NAMES), os.path.relpath(p, "models/shared")) for p in paths]
    pages = {}
    for path in paths:
        kind = draw(st.sampled_from(["fields", "values", "union", "junk"]))
        title = draw(NAMES) + draw(CHARS)
        if kind == "fields":
            rows = "".join(
                f"| `{draw(NAMES)}{draw(CHARS)}` | {draw(type_cells(links))} | "
                f"{draw(st.sampled_from([':heavy_check_mark:', ':heavy_minus_sign:', '?']))} | d{draw(CHARS)} |\n"
                for _ in range(draw(st.integers(0, 4)))
            )
            body = "## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n" + rows
        elif kind == "values":
            rows = "".join(
                f"| `{draw(NAMES)}` | {draw(st.sampled_from(['1', 'a', '-2', '9' * 4400]))} |\n" for _ in range(3)
            )
            body = "## Values\n\n| Name | Value |\n|---|---|\n" + rows
        elif kind == "union":
            body = (
                f"## Supported Types\n\n### A\n\n```python\nvalue: {draw(type_cells(links))} = /* values here */\n```\n"
            )
        else:
            body = draw(st.text(max_size=60))
        pages[path] = f"# {title}\n\n{draw(st.text(max_size=20))}\n\n{body}"
    return pages


TOML_VALUES = st.sampled_from(
    [
        '"camelCase"',
        '"as-documented"',
        "1",
        "true",
        '""',
        '"x"',
        "[1, [2]]",
        "{a = 1}",
        '{"Thing.id" = "k"}',
        "1979-05-27",
        "nan",
        '"\\u0000"',
        "9" * 4400,
        "[" * 600 + "]" * 600,
        '"../.."',
    ]
)
KEYS = st.sampled_from(
    ["specs", "out", "package", "wire-naming", "wire-names", "statuses", "sentinels", "templates", "strict", "bogus"]
)


@st.composite
def configs(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(["table", "tool", "garbage"]))
    if shape == "tool":
        return f"tool = {draw(TOML_VALUES)}\n"
    if shape == "garbage":
        return draw(st.text(max_size=40))
    lines = [f"{draw(KEYS)} = {draw(TOML_VALUES)}" for _ in range(draw(st.integers(0, 4)))]
    return "[tool.docgen]\n" + "\n".join(dict.fromkeys(lines)) + "\n"


@contextlib.contextmanager
def deadline(seconds: int) -> Iterator[None]:
    def hang(signum: int, frame: object) -> None:
        raise AssertionError(f"docgen ran longer than {seconds}s: a hang")

    previous = signal.signal(signal.SIGALRM, hang)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


@RUNS
@given(trees(), configs(), st.sampled_from(["build", "check"]))
def test_any_tree_and_configuration_exit_0_1_or_2(pages: dict[str, str], config: str, command: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for rel, text in pages.items():
            target = root / "specs" / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(text.encode("utf-8", "surrogatepass"))
        (root / "pyproject.toml").write_text(config, encoding="utf-8")
        args = [command, str(root / "specs"), "-o", str(root / "out"), "-q", "-j", "1"]
        args += ["--config", str(root / "pyproject.toml")]
        stderr = io.StringIO()
        saved = os.environ.get("DOCGEN_CACHE_DIR")
        os.environ["DOCGEN_CACHE_DIR"] = str(root / "cache")
        try:
            with deadline(HANG_SECONDS), contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
                status = main(args)
        finally:
            if saved is None:
                del os.environ["DOCGEN_CACHE_DIR"]
            else:
                os.environ["DOCGEN_CACHE_DIR"] = saved
        assert status in (0, 1, 2), stderr.getvalue()
        assert "Traceback" not in stderr.getvalue()
