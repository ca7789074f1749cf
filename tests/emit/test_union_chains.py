"""Named unions whose members are named unions, chained deep: docgen either writes code
that works or refuses the chain with one located error, never a RecursionError."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

from docgen.build import Source, compile_sources, generate
from docgen.passes.unions import MAX_UNION_DEPTH

FIELD_PAGE = (
    "# Page\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n"
    "| `u` | [m.U0](u0.md) | :heavy_check_mark: | N/A |\n"
)


def member(name: str, spelled: str) -> str:
    return f"### {name}\n\n```python\nu: {spelled} = /* values here */\n```\n\n"


def chain(length: int, fan: int = 1) -> dict[str, str]:
    """Pages m/u0.md ... each union an int or the next *fan* unions; the last one a str."""
    pages = {"m/page.md": FIELD_PAGE}
    for i in range(length):
        inner = [f"U{j}" for j in range(i + 1, min(i + 1 + fan, length))]
        body = member("int", "int") + "".join(member(n, f"m.{n}") for n in inner) if inner else member("str", "str")
        pages[f"m/u{i}.md"] = f"# U{i}\n\n## Supported Types\n\n{body}"
    return pages


@pytest.mark.parametrize("fan", [1, 2])
def test_a_chain_of_a_thousand_unions_is_one_located_error(fan: int) -> None:
    compiled = compile_sources([Source(p, t) for p, t in sorted(chain(1000, fan).items())])
    assert compiled.spec is None
    errors = [d.render().splitlines() for d in compiled.diagnostics]
    assert [e[0] for e in errors] == [
        "m/u0.md:1:3: error: union nests other unions 1000 deep: U0 -> U1 -> U2 -> ... -> U999"
        " (1 other page refers to it) [D315]"
    ]
    assert f"at most {MAX_UNION_DEPTH} deep" in errors[0][1]


def test_a_cycle_through_a_long_chain_is_the_cycle_error() -> None:
    pages = chain(1000)
    pages["m/u999.md"] = "# U999\n\n## Supported Types\n\n" + member("U0", "m.U0")
    compiled = compile_sources([Source(p, t) for p, t in sorted(pages.items())])
    first = compiled.diagnostics[0].render().splitlines()[0]
    assert first.startswith("m/u0.md:1:3: error: union contains itself: U0 -> U1 -> U2") and "[D306]" in first
    assert first.split(" (")[0].endswith("U999 -> U0")


def test_a_chain_as_deep_as_docgen_writes_works(tmp_path: Path) -> None:
    specs = tmp_path / "specs"
    for path, text in chain(MAX_UNION_DEPTH).items():
        (specs / path).parent.mkdir(parents=True, exist_ok=True)
        (specs / path).write_text(text)
    generated = generate(specs)
    assert generated.files, [d.render() for d in generated.diagnostics]
    for path, text in generated.files.items():
        (tmp_path / "deep_chain" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "deep_chain" / path).write_text(text)
    sys.path.insert(0, str(tmp_path))
    try:
        page = importlib.import_module("deep_chain").Page
        for value in ("text", 7):
            parsed = page.from_dict({"u": value})
            assert parsed.u == value and page.from_dict(parsed.to_dict()) == parsed
        with pytest.raises(importlib.import_module("deep_chain").ParseError):
            page.from_dict({"u": 1.5})
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m.startswith("deep_chain")]:
            del sys.modules[name]


def test_one_union_more_than_docgen_writes_is_the_error() -> None:
    compiled = compile_sources([Source(p, t) for p, t in sorted(chain(MAX_UNION_DEPTH + 1).items())])
    assert [d.render().splitlines()[0].split(": error: ")[1] for d in compiled.diagnostics] == [
        f"union nests other unions {MAX_UNION_DEPTH + 1} deep: U0 -> U1 -> U2 -> ... -> U{MAX_UNION_DEPTH}"
        " (1 other page refers to it) [D315]"
    ]
