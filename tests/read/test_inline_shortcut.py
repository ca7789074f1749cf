"""The reader skips markdown-it's inline parser on content with no markup
(docgen/read/markdown.py): the pages it reads must be exactly those the stock parser
gives, on the trees, on pages full of markup and, where ../shared is present, the corpora."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from docgen.read import markdown
from tests.conftest import shared_path
from tests.emit.test_snapshots import TREES


def stock_page(path: str, text: str) -> markdown.Page:
    """The page as markdown-it's own inline rule would have it read."""
    parser = MarkdownIt("commonmark").enable("table").enable("strikethrough")
    tokens = parser.parse(text)
    return markdown.Page(path, tuple(markdown._sections(path, markdown.source_lines(text), tokens)))


def pages_differing(root: Path) -> list[str]:
    differing = []
    for page in sorted(root.rglob("*.md")):
        text = page.read_text(encoding="utf-8")
        if markdown.read_page(page.name, text) != stock_page(page.name, text):
            differing.append(str(page))
    return differing


@pytest.mark.parametrize("tree", sorted(TREES))
def test_pages_read_as_the_stock_parser_reads_them(tree: str) -> None:
    assert pages_differing(TREES[tree]) == []


@pytest.mark.parametrize("corpus", ["speakeasy-v1", "speakeasy-v2", "bolt-v2"])
def test_corpus_pages_read_as_the_stock_parser_reads_them(corpus: str) -> None:
    assert pages_differing(shared_path("corpus", corpus, "docs")) == []


@pytest.mark.parametrize(
    "content",
    [
        "plain words only",
        "",
        "*emphasis* and _more_",
        "`code` here",
        "a [link](../x.md) and ![an image](y.png)",
        "a\\|b escaped",
        "~~struck~~",
        "A &amp; B &#42;",
        "<br> and <https://example.com>",
        "text [ref]\n\n[ref]: https://example.com",
        "trailing  \nhard break",
    ],
)
def test_content_with_and_without_markup_reads_the_same(content: str) -> None:
    text = f"# Title {content}\n\n{content}\n\n| A | B |\n| - | - |\n| {content.splitlines()[0] if content else ''} | x |\n"
    page = markdown.read_page("page.md", text)
    assert page == stock_page("page.md", text)
    assert page.sections[1].title.text.startswith("Title")


def test_rows_split_as_markdown_it_splits_them() -> None:
    rnd = random.Random(0)
    rows = ["a | b", "| a | b |", "a \\| b | c", "\\\\| x", "x \\|", "|", "", "\\", "a\\\\\\|b|c"]
    rows += ["".join(rnd.choice("ab |\\`") for _ in range(rnd.randint(0, 12))) for _ in range(3000)]
    assert [markdown.split_row(row) for row in rows] == [markdown.markdown_it_split(row) for row in rows]


def test_repeated_content_reads_as_the_stock_parser_reads_it_on_every_page() -> None:
    """Content parsed once is reused on later pages, except on pages whose link
    references change what the same text means."""
    cell = "[Model][ref] and *Optional[int]* `code`"
    plain = f"# One\n\n| A | B |\n| - | - |\n| {cell} | x |\n"
    first_ref = plain + "\n[ref]: ../first.md\n"
    second_ref = plain + "\n[ref]: ../second.md\n"
    pages = [plain, first_ref, plain, second_ref, first_ref, plain]
    read = [markdown.read_page(f"p{n}.md", text) for n, text in enumerate(pages)]
    assert read == [stock_page(f"p{n}.md", text) for n, text in enumerate(pages)]
    hrefs = [
        {p.href for p in page.sections[1].blocks[0].table.rows[0][0].inlines if p.kind == "link_open"} for page in read
    ]
    assert hrefs == [set(), {"../first.md"}, set(), {"../second.md"}, {"../first.md"}, set()]
