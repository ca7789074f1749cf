"""The rendering stage alone: IR -> unformatted Python text (``docgen.emit.modules.emit``
with a formatter that hands the text back as it is), in CPU time.

    python benchmarks/render.py [DOCS] [--rounds 7] [--pages 700] [--profile 25]

DOCS is a specs tree; without it a synthetic tree of ``--pages`` pages (``synthetic.py``)
is used.  The tree is read and lowered once, as ``docgen build`` does (settings included);
each round then renders the whole package.  Two figures, each the median of the rounds
(fastest-slowest): *cold* is what one build pays, the templates compiled afresh (a new
Jinja environment); *warm* reuses the compiled templates, so the difference is the
compiling.  ``--profile N`` prints the top N functions of one cold round by own time and
by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

REPO = Path(__file__).resolve().parent.parent
sys.path.append(str(REPO))  # after PYTHONPATH: another checkout's docgen can be timed

from benchmarks.synthetic import write_tree  # noqa: E402
from benchmarks.timing import Figure  # noqa: E402


def lowered_spec(docs: Path) -> tuple[Any, bool]:
    """The Spec (and allow_nan) ``docgen build DOCS`` hands to rendering."""
    from docgen import build
    from docgen.cli import main

    captured: list[tuple[Any, bool]] = []
    original = build._emit

    def capture(spec: Any, user_templates: Any, formatter: Any, allow_nan: bool, modules: Any) -> dict[str, str]:
        captured.append((spec, allow_nan))
        return original(spec, user_templates, formatter, allow_nan, modules)

    build._emit = capture  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory() as out:
            main(["build", str(docs), "-o", out, "-j", "1", "--no-cache", "-q"])
    finally:
        build._emit = original  # type: ignore[assignment]
    if not captured:
        raise SystemExit(f"{docs}: the build stopped before rendering")
    return captured[0]


def renderer(spec: Any, allow_nan: bool, cold: bool) -> Callable[[], dict[str, str]]:
    from docgen.emit import modules

    def as_is(files: dict[str, str]) -> dict[str, str]:
        return files

    def run() -> dict[str, str]:
        if cold:
            modules.environment.cache_clear()
        return modules.emit(spec, None, as_is, allow_nan)  # type: ignore[arg-type]

    return run


def timed(run: Callable[[], Any], rounds: int) -> Figure:
    run()
    seconds = []
    for _ in range(rounds):
        gc.collect()
        start = time.process_time()
        run()
        seconds.append(time.process_time() - start)
    return Figure.of(seconds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("docs", nargs="?", type=Path)
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--pages", type=int, default=700)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        docs = args.docs
        if docs is None:
            docs = Path(scratch) / "docs"
            write_tree(docs, args.pages)
        spec, allow_nan = lowered_spec(docs)
    files = renderer(spec, allow_nan, cold=False)()
    print(f"{args.docs or f'synthetic tree of {args.pages} pages'}: {len(files)} files, {len(spec.modules)} modules")
    for name in ("cold", "warm"):
        figure = timed(renderer(spec, allow_nan, cold=name == "cold"), args.rounds)
        print(f"  {name}: {figure.median:.3f} s ({figure.low:.3f}-{figure.high:.3f}), {args.rounds} rounds")
    if args.profile:
        profile = cProfile.Profile()
        run = renderer(spec, allow_nan, cold=True)
        profile.enable()
        run()
        profile.disable()
        stats = pstats.Stats(profile)
        stats.sort_stats("tottime").print_stats(args.profile)
        stats.sort_stats("cumulative").print_stats(args.profile)


if __name__ == "__main__":
    main()
