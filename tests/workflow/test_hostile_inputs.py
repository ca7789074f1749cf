"""Inputs docgen cannot use give a located diagnostic and exit 1 or 2, never a traceback
(exit 123) or a hang: deep types, huge numbers, files that are not pages, malformed
configuration, failing user templates, and characters that only look like line ends."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from workflow_helpers import run_main, write_pages

from docgen.read.markdown import read_page
from docgen.read.types import MAX_DEPTH

HEADER = "# {name}\n\n## Fields\n\n| Field | Type | Required | Description |\n|---|---|---|---|\n"


def fields_page(name: str, *rows: str) -> str:
    return HEADER.format(name=name) + "".join(row + "\n" for row in rows)


def build(capsys: pytest.CaptureFixture[str], specs: Path, *extra: str) -> tuple[int, str]:
    """Build *specs* from inside it, so that diagnostics name pages by their spec-relative paths."""
    here = os.getcwd()
    os.chdir(specs)
    try:
        status, _, stderr = run_main(
            capsys, "build", str(specs), "-o", str(specs.parent / "out"), "-q", "-j", "1", *extra
        )
    finally:
        os.chdir(here)
    return status, stderr


# --- deep types and huge numbers -----------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "column"),
    [
        # the error points at the first bracket too many (the cell starts at column 9)
        ("List[" * 10_000 + "str" + "]" * 10_000, 9 + 5 * MAX_DEPTH + 4),
        ("Optional[" * 10_000 + "str" + "]" * 10_000, 9 + 9 * MAX_DEPTH + 8),
        ("Dict[str, " * 10_000 + "str" + "]" * 10_000, 9 + 10 * MAX_DEPTH + 4),
    ],
)
def test_types_nested_ten_thousand_levels_are_a_located_error(
    cell: str, column: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = write_pages(tmp_path / "specs", {"a.md": fields_page("A", f"| `a` | {cell} | :heavy_check_mark: | N/A |")})
    status, stderr = build(capsys, specs)
    assert status == 1
    assert f"a.md:7:{column}: error: type nested more than {MAX_DEPTH} levels deep" in stderr


def test_a_union_code_block_nested_deeply_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = "List[" * 5000 + "int" + "]" * 5000
    page = f"# U\n\n## Supported Types\n\n### A\n\n```python\nvalue: {deep} = /* values here */\n```\n"
    status, stderr = build(capsys, write_pages(tmp_path / "specs", {"u.md": page}))
    assert status == 1 and "u.md:8:" in stderr and "levels deep" in stderr


def test_types_as_deep_as_the_limit_build_and_parse(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cell = "List[" * (MAX_DEPTH - 1) + "Optional[int]" + "]" * (MAX_DEPTH - 1)
    specs = write_pages(tmp_path / "specs", {"a.md": fields_page("A", f"| `a` | {cell} | :heavy_check_mark: | N/A |")})
    status, stderr = build(capsys, specs)
    assert status == 0, stderr
    sys.path.insert(0, str(tmp_path))
    try:
        from out.a import A  # type: ignore[import-not-found]

        value: object = [None]
        for _ in range(MAX_DEPTH - 2):
            value = [value]
        assert A.from_dict({"a": value}).to_dict() == {"a": value}
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == "out" or m.startswith("out.")]:
            del sys.modules[name]


def test_an_int_enum_value_of_5000_digits_is_a_located_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = "# E\n\n## Values\n\n| Name | Value |\n|---|---|\n| `A` | 1 |\n| `B` | " + "9" * 5000 + " |\n"
    status, stderr = build(capsys, write_pages(tmp_path / "specs", {"e.md": page}))
    assert status == 1
    assert "e.md:8:9: error: enum value is an integer of more digits than Python reads in source [D160]" in stderr


def test_a_literal_of_5000_digits_is_an_error_not_a_string(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    row = "| `a` | Literal[" + "7" * 5000 + "] | :heavy_check_mark: | N/A |"
    status, stderr = build(capsys, write_pages(tmp_path / "specs", {"a.md": fields_page("A", row)}))
    assert status == 1
    assert "a.md:7:17: error: '77777777777777777777…' (5000 characters) is not a number" in stderr
    assert "up to 4300 digits" in stderr


# --- files that are not pages ----------------------------------------------------------


def test_links_fifos_and_devices_are_refused_one_by_one(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = fields_page("Good", "| `a` | *int* | :heavy_check_mark: | N/A |")
    specs = write_pages(tmp_path / "specs", {"good.md": good, "inner/real.md": good.replace("Good", "Real")})
    (tmp_path / "outside.md").write_text(good.replace("Good", "Outside"))
    os.symlink("loop.md", specs / "loop.md")
    os.symlink("nowhere.md", specs / "dangling.md")
    os.symlink("/dev/zero", specs / "zero.md")
    os.symlink("../outside.md", specs / "leaves.md")
    os.symlink("inner/real.md", specs / "inside.md")  # inside SPECS: read like any page (no error)
    os.mkfifo(specs / "fifo.md")
    status, stderr = build(capsys, specs)
    assert status == 1
    lines = [line for line in stderr.splitlines() if ": error: " in line]
    assert lines == [
        "dangling.md:1:1: error: page is a symbolic link to a file that does not exist [D130]",
        "fifo.md:1:1: error: page is not a regular file (a FIFO, device, socket or folder) [D131]",
        "leaves.md:1:1: error: page is a symbolic link to a file outside the specs folder [D128]",
        "loop.md:1:1: error: page is a loop of symbolic links [D129]",
        "zero.md:1:1: error: page is a symbolic link to a file outside the specs folder [D128]",
    ]


def test_a_device_inside_specs_is_not_read(tmp_path: Path) -> None:
    from docgen.read.sources import load_sources

    specs = tmp_path / "specs"
    specs.mkdir()
    os.mkfifo(specs / "a.md")
    sources, problems = load_sources(specs)
    assert sources == [] and [p.message for p in problems] == [
        "page is not a regular file (a FIFO, device, socket or folder)"
    ]


def test_a_page_over_the_size_limit_is_an_error(tmp_path: Path) -> None:
    from docgen.read.sources import load_sources

    specs = write_pages(tmp_path / "specs", {"big.md": "x" * 2000, "small.md": "# A\n"})
    sources, problems = load_sources(specs, limit=1000)
    assert [s.path for s in sources] == ["small.md"]
    assert [(p.span.path, p.message) for p in problems] == [
        ("big.md", "page is larger than docgen reads (2000 bytes; the limit is 1000)")
    ]


@pytest.mark.parametrize(("size_seen", "grown"), [(0, 5000), (10, 200_000), (3000, 3000)])
def test_a_page_that_grew_after_its_size_was_read_is_read_whole(tmp_path: Path, size_seen: int, grown: int) -> None:
    """The reader asks for the size fstat gave; a page longer than that by the time it is
    read (written meanwhile) is read to its end, and never past the limit."""
    from docgen.read.sources import _read_at_most

    page = tmp_path / "page.md"
    page.write_bytes(bytes(range(256)) * (grown // 256) + b"x" * (grown % 256))
    handle = os.open(page, os.O_RDONLY)
    try:
        assert _read_at_most(handle, size_seen, grown + 1) == page.read_bytes()
        os.lseek(handle, 0, os.SEEK_SET)
        assert _read_at_most(handle, size_seen, 1000) == page.read_bytes()[:1000]
    finally:
        os.close(handle)


def test_the_page_size_limit_is_a_setting_and_a_flag_and_its_error_says_how_to_raise_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    page = fields_page("Big", "| `a` | *int* | :heavy_check_mark: | " + "long text " * 200 + "|")
    specs = write_pages(tmp_path / "specs", {"big.md": page})
    size = len(page.encode())
    (tmp_path / "pyproject.toml").write_text("[tool.docgen]\nmax-page-size = 1000\n")
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    status, stderr = build(capsys, specs)
    assert status == 1
    assert f"big.md:1:1: error: page is larger than docgen reads ({size} bytes; the limit is 1000) [D133]" in stderr
    assert (
        "hint: split the page, or raise the limit: max-page-size = 2000 in [tool.docgen] or --max-page-size 2000"
        in (stderr)
    )
    assert build(capsys, specs, "--max-page-size", str(size))[0] == 0  # the flag overrides the setting
    (tmp_path / "pyproject.toml").write_text(f"[tool.docgen]\nmax-page-size = {size}\n")
    assert build(capsys, specs)[0] == 0
    with pytest.raises(SystemExit) as usage:
        build(capsys, specs, "--max-page-size", "0")
    assert usage.value.code == 2 and "'0' is not a number of bytes (1 or more)" in capsys.readouterr().err


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_an_unreadable_page_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    specs = write_pages(tmp_path / "specs", {"a.md": "# A\n"})
    (specs / "a.md").chmod(0)
    status, stderr = build(capsys, specs)
    assert status == 1 and "a.md:1:1: error: cannot read page: Permission denied" in stderr


# --- configuration ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ("tool = 1\n", "pyproject.toml:1:1: error: 'tool' must be a table"),
        ('tool = "docgen"\n', "pyproject.toml:1:1: error: 'tool' must be a table"),
        ("[tool]\ndocgen = [1]\n", "pyproject.toml:2:1: error: [tool.docgen] must be a table"),
        (
            "x = " + "[" * 5000 + "]" * 5000 + "\n",
            "pyproject.toml:1:1: error: pyproject.toml cannot be read: values nested too deeply",
        ),
        (
            "[tool.docgen]\nstrict = " + "9" * 5000 + "\n",
            "pyproject.toml:1:1: error: pyproject.toml cannot be read: Exceeds the limit",
        ),
        (
            "[tool.docgen]\nmax-page-size = 0\n",
            "pyproject.toml:2:1: error: 'max-page-size' must be a positive number of bytes [D440]",
        ),
        (
            '[tool.docgen]\nmax-page-size = "64MiB"\n',
            "pyproject.toml:2:1: error: 'max-page-size' must be a positive number of bytes [D440]",
        ),
        (
            "[tool.docgen]\nmax-page-size = true\n",
            "pyproject.toml:2:1: error: 'max-page-size' must be a positive number of bytes [D440]",
        ),
        (
            "[tool.docgen]\nwire-names = {a = {b = {c = 1}}}\n",
            "pyproject.toml:2:1: error: name for 'a' must be a non-empty string",
        ),
    ],
)
def test_malformed_pyproject_shapes_exit_2_with_a_located_error(
    toml: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    specs = write_pages(tmp_path / "specs", {"a.md": fields_page("A", "| `a` | *int* | :heavy_check_mark: | N/A |")})
    (tmp_path / "pyproject.toml").write_text(toml)
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    status, stderr = build(capsys, specs)
    assert status == 2
    assert message in stderr
    assert "Traceback" not in stderr


# --- the user's templates ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ("x = 1\n{{ 1 // 0 }}\n", "package.py.jinja:2:1: error: template failed: ZeroDivisionError"),
        ('x = 1\n{% include "package.py.jinja" %}\n', "package.py.jinja:2:1: error: template failed: RecursionError"),
        ("x = 1\n\n{{ missing.name }}\n", "package.py.jinja:3:1: error: template failed: UndefinedError: 'missing'"),
        ("{% if %}\n", "package.py.jinja:1:1: error: template syntax error"),
    ],
)
def test_an_error_inside_a_user_template_names_its_file_and_line(
    template: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    specs = write_pages(tmp_path / "specs", {"a.md": fields_page("A", "| `a` | *int* | :heavy_check_mark: | N/A |")})
    templates = write_pages(tmp_path / "mine", {"package.py.jinja": template})
    status, stderr = build(capsys, specs, "--templates", str(templates))
    assert status == 1, stderr
    assert "Traceback" not in stderr
    assert f"{templates}/{message}" in stderr or f"mine/{message}" in stderr


# --- line ends -------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\u0085", "\v", "\f", "\x1c", "\x1e"])
def test_characters_markdown_it_does_not_end_lines_with_keep_rows_and_line_numbers(
    char: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = fields_page(
        "A",
        f"| `a` | *str*{char} | :heavy_check_mark: | one{char}two |",
        f"| `b` | *str* | :heavy_check_mark: | end{char} |",
        "| `c` | Optional[int | :heavy_check_mark: | N/A |",
    )
    status, stderr = build(capsys, write_pages(tmp_path / "specs", {"a.md": page}))
    assert status == 1
    assert [line for line in stderr.splitlines() if "error:" in line] == [
        "a.md:9:21: error: expected ']' in type, found end of cell [D201]"
    ]
    good = page.replace("Optional[int", "int")
    status, stderr = build(capsys, write_pages(tmp_path / "specs", {"a.md": good}))
    assert status == 0, stderr
    rows = read_page("a.md", good).sections[-1].blocks[0].table.rows  # type: ignore[union-attr]
    assert [row[3].text for row in rows] == [f"one{char}two", f"end{char}".strip(), "N/A"]
