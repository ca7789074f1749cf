"""The committed layouts of the fixed support modules (docgen/format/known.py) are black's
layouts of what the templates render now, and a build takes them instead of running black."""

from __future__ import annotations

import json

import pytest

from docgen import incremental
from docgen.format import formatter, known
from docgen.format.formatter import black_once
from docgen.format.layout import format_code

STALE = "known_layouts.json is stale: run `python -m docgen.format.known` and commit the file"


def committed() -> dict[str, str]:
    return json.loads(known.KNOWN_FILE.read_text(encoding="utf-8"))["layouts"]


def test_every_fixed_template_has_its_layout() -> None:
    assert sorted(committed()) == sorted(known._key(text) for text in known.fixed_texts()), STALE


def test_the_layouts_are_blacks() -> None:
    layouts = committed()
    for text in known.fixed_texts():
        assert layouts.get(known._key(text)) == format_code(text, black_once), STALE


def test_a_fixed_module_is_formatted_without_black(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = known.fixed_texts()
    expected = [format_code(text, black_once) for text in texts]

    def no_black(source: str, black: object) -> str:
        raise AssertionError("black was asked to format a fixed module")

    monkeypatch.setattr(formatter.layout, "format_code", no_black)
    assert [formatter.format_source(text) for text in texts] == expected


def test_other_text_and_another_black_are_not_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    text = known.fixed_texts()[0]
    assert known.known_layout(text + "\nx = 1\n") is None
    monkeypatch.setattr(incremental, "black_version", lambda: "0.0.0")
    known.layouts.cache_clear()
    try:
        assert known.known_layout(text) is None
    finally:
        monkeypatch.undo()
        known.layouts.cache_clear()
    assert known.known_layout(text) is not None
