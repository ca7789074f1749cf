"""Property tests for everything that takes text from outside (bounded: a few hundred examples each).

* Random bytes and random mutations of real pages never make the reader, the type
  parser or the whole compile stage raise anything but docgen's own diagnostic values.
* Random text in descriptions, names, values and example cells yields code that
  compiles, and no text in a page becomes a statement: the generated module's AST
  holds only what the templates write.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import black
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docgen.build import Source, compile_sources
from docgen.emit.modules import emit
from docgen.format.formatter import BLACK_MODE
from docgen.read.markdown import Inline, read_page
from docgen.read.types import TypeSyntaxError, parse_type_text

REPO = Path(__file__).resolve().parents[2]
SPEC_PAGES = sorted((REPO / "specs").rglob("*.md"))
BOUNDED = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SMALL = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MARKDOWN_BITS = st.sampled_from(
    [
        "|",
        "\\|",
        "[",
        "]",
        "(",
        ")",
        "#",
        "## Fields",
        "\n",
        "`",
        "*",
        "~~",
        "<br/>",
        ":heavy_check_mark:",
        "../",
        ".md",
    ]
)


def compile_one(path: str, text: str):  # type: ignore[no-untyped-def]
    return compile_sources([Source(path, text)])


@BOUNDED
@given(st.binary(max_size=400))
def test_random_bytes_give_diagnostics_not_exceptions(data: bytes) -> None:
    text = data.decode("utf-8", "replace")
    compiled = compile_one("models/shared/page.md", text)
    assert compiled.spec is not None or compiled.diagnostics
    for diagnostic in compiled.diagnostics:
        assert diagnostic.span.line >= 1 and diagnostic.span.col >= 1


@BOUNDED
@given(st.sampled_from(SPEC_PAGES), st.data())
def test_mutated_real_pages_give_diagnostics_not_exceptions(page: Path, data: st.DataObject) -> None:
    text = page.read_text(encoding="utf-8")
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 8))
        insert = data.draw(st.one_of(MARKDOWN_BITS, st.text(max_size=6)))
        text = text[:at] + insert + text[at + cut :]
    rel = page.relative_to(REPO / "specs").as_posix()
    read_page(rel, text)
    compiled = compile_one(rel, text)
    assert compiled.spec is not None or compiled.diagnostics


@BOUNDED
@given(st.text(alphabet=st.sampled_from(list("[]\"',._ -0123456789*`abcdefListDctOpnalsr")), max_size=40))
def test_type_parser_raises_only_its_own_error(text: str) -> None:
    span_line = 3
    try:
        from docgen.ir import SourceSpan

        parse_type_text(text, SourceSpan("p.md", span_line, 5))
    except TypeSyntaxError as exc:
        assert exc.span.line == span_line and exc.span.col >= 5 and exc.message


@BOUNDED
@given(
    st.lists(st.sampled_from(["text", "code", "link_open", "link_close", "break"]), max_size=8), st.text(max_size=20)
)
def test_type_parser_takes_any_inline_sequence(kinds: list[str], text: str) -> None:
    from docgen.ir import SourceSpan
    from docgen.read.markdown import Cell
    from docgen.read.types import parse_type

    cell = Cell(tuple(Inline(k, text, "../x.md") for k in kinds), SourceSpan("p.md", 1, 1))
    try:
        parse_type(cell)
    except TypeSyntaxError:
        pass


# --- text from pages never becomes code -------------------------------------------------

CELL_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="|\r\n"), max_size=40
).map(str.strip)
HOSTILE = st.sampled_from(
    [
        '"""\nimport os\n"""',
        '""" + __import__("os").system("x") + """',
        "\\",
        "'''",
        '\\"""; import os #',
        "\x00\x1b[31m",
        "\u2028import os",
        "{{ module }}{% raw %}",
        "`",
    ]
)


def page_with(description: str, field_description: str, example: str, value: str) -> dict[str, str]:
    model = (
        f"# Thing\n\n{description}\n\n## Fields\n\n"
        "| Field | Type | Required | Description | Example |\n| --- | --- | --- | --- | --- |\n"
        f"| `name` | *str* | :heavy_check_mark: | {field_description} | {example} |\n"
        f"| `kind` | [shared.Kind](../shared/kind.md) | :heavy_minus_sign: | {field_description} | {example} |\n"
    )
    enum = f"# Kind\n\n{description}\n\n## Values\n\n| Name | Value |\n| --- | --- |\n| `FIRST` | {value} |\n"
    return {"models/shared/thing.md": model, "models/shared/kind.md": enum}


def escape_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def _is_docstring(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _is_parse_failure(node: ast.expr) -> bool:
    """``_parsing.fail(...)`` whose arguments are only names, constants and tuples of them, or
    the failure branch's re-read of the key: ``value.get("key", _parsing.MISSING)``."""
    simple = (ast.Name, ast.Constant, ast.Tuple, ast.Load)
    return (
        isinstance(node, ast.Call)
        and ast.unparse(node.func) == "_parsing.fail"
        and all(_is_key_reread(arg) or all(isinstance(part, simple) for part in ast.walk(arg)) for arg in node.args)
    )


def _is_key_reread(node: ast.expr) -> bool:
    """``value.get(<a constant>, _parsing.MISSING)``: the key is a string constant, not code."""
    return (
        isinstance(node, ast.Call)
        and ast.unparse(node.func) == "value.get"
        and len(node.args) == 2
        and not node.keywords
        and isinstance(node.args[0], ast.Constant)
        and ast.unparse(node.args[1]) == "_parsing.MISSING"
    )


def _is_null_hint(node: ast.expr) -> bool:
    """``_Thing_FIELDS.null_hint(exc, value, path)``: a model parser naming the nullable setting."""
    return (
        isinstance(node, ast.Call)
        and re.fullmatch(r"_\w+_FIELDS\.null_hint\(exc, value, path\)", ast.unparse(node)) is not None
    )


def statements(source: str) -> list[str]:
    """The kinds of top-level and class-level statements of a module, docstrings left out.

    Also checks that every expression statement anywhere is a docstring, the parsers'
    ``_parsing.fail(path, "expected", value)`` call or a model's ``null_hint`` call, never
    a call or a name that text from a page could have become.
    """
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.Expr):
            assert _is_docstring(node.value) or _is_parse_failure(node.value) or _is_null_hint(node.value), ast.dump(
                node
            )
    kinds = []
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            inner = [type(item).__name__ for item in node.body if not isinstance(item, ast.Expr)]
            kinds.append(f"class {node.name}({','.join(inner)})")
        elif not isinstance(node, ast.Expr):
            kinds.append(ast.dump(node) if isinstance(node, (ast.Import, ast.ImportFrom)) else type(node).__name__)
    return kinds


def generate(pages: dict[str, str]) -> dict[str, str]:
    compiled = compile_sources([Source(path, text) for path, text in sorted(pages.items())])
    assert compiled.spec is not None, [d.render() for d in compiled.diagnostics]
    return emit(compiled.spec)


PLAIN = generate(page_with("Plain words.", "Plain words.", "ex", "first"))


@SMALL
@given(st.one_of(CELL_TEXT, HOSTILE), st.one_of(CELL_TEXT, HOSTILE), CELL_TEXT, CELL_TEXT)
def test_text_in_pages_stays_data(description: str, field_description: str, example: str, value: str) -> None:
    value = value or "v"
    pages = page_with(
        description.replace("\n", " ") or "x",
        escape_cell(field_description.replace("\n", " ")),
        escape_cell(example),
        escape_cell(value),
    )
    compiled = compile_sources([Source(path, text) for path, text in sorted(pages.items())])
    if compiled.spec is None:
        return  # e.g. a value that is no valid member: reported, nothing generated
    files = emit(compiled.spec)
    assert files.keys() == PLAIN.keys()
    for path, source in files.items():
        if not path.startswith("models/"):
            assert source == PLAIN[path], "support modules and the root package do not depend on page text"
        elif path.endswith(".py"):
            compile(source, path, "exec")
            assert statements(source) == statements(PLAIN[path]), path
            assert black.format_str(source, mode=BLACK_MODE) == source, f"{path} is not as black formats it"


def test_docstring_breakout_stays_in_its_docstring() -> None:
    breakout = '""" import os; os.system("echo owned") """'
    files = generate(page_with(breakout, escape_cell(breakout), "x", "first"))
    module = files["models/shared/thing.py"]
    assert statements(module) == statements(PLAIN["models/shared/thing.py"])
    tree = ast.parse(module)
    assert not any(isinstance(node, (ast.Import, ast.ImportFrom)) and "os" in ast.dump(node) for node in ast.walk(tree))
    docstrings = [ast.get_docstring(node) for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    assert breakout in [d.strip() for d in docstrings if d], "black may add a space before closing quotes"
