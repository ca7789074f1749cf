"""black's layout of the modules every generated package holds, worked out ahead of time.

Part of the formatting stage.  The support modules (``_parsing.py``, ``_sse.py``,
``_http.py`` ...) and the operations' ``_dispatch.py`` are rendered from templates that
take no input: every build hands black the same text for them, and black took a third
of a cold build of a small tree to format them (``_parsing.py`` goes to black whole).
``known_layouts.json``, committed beside this module, holds black's result for each,
keyed by the hash of the text before formatting and by black's version: a build finds
the text there and skips black; a text it does not find (a template edited, another
black) is formatted as any other.  Regenerate the file after editing one of these
templates::

    python -m docgen.format.known

tests/format/test_known.py fails while the file is stale.
"""

from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from pathlib import Path
from typing import Optional

#: The committed layouts: {"black": version, "layouts": {sha256 of the text: black's result}}.
KNOWN_FILE = Path(__file__).with_name("known_layouts.json")

#: The templates that render without input, written into every package (or every one with operations).
FIXED_TEMPLATES = (
    "requests_http.py.jinja",
    "errors.py.jinja",
    "sse.py.jinja",
    "unset.py.jinja",
    "http.py.jinja",
    "parsing.py.jinja",
    "dispatch.py.jinja",
)


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@lru_cache(maxsize=1)
def layouts() -> dict[str, str]:
    """The committed layouts, when they were made by the black installed; else none."""
    from ..incremental import black_version

    try:
        data = json.loads(KNOWN_FILE.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("black") != black_version() or not isinstance(data.get("layouts"), dict):
        return {}
    return {k: v for k, v in data["layouts"].items() if isinstance(v, str)}


def known_layout(text: str) -> Optional[str]:
    """black's layout of *text* when it is one of the fixed modules; None otherwise."""
    found = layouts()
    return found.get(_key(text)) if found else None


def fixed_texts() -> list[str]:
    """The text each fixed template renders with docgen's own templates, before formatting."""
    from ..emit.modules import environment

    env = environment(None)
    return [env.get_template(name).render() for name in FIXED_TEMPLATES]


def computed() -> dict[str, object]:
    """What ``known_layouts.json`` should hold: black's layout of every fixed text."""
    from ..incremental import black_version
    from .formatter import black_once
    from .layout import format_code

    entries = {_key(text): format_code(text, black_once) for text in fixed_texts()}
    return {"black": black_version(), "layouts": dict(sorted(entries.items()))}


def write() -> None:
    KNOWN_FILE.write_text(json.dumps(computed(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    layouts.cache_clear()


if __name__ == "__main__":
    write()
    print(f"wrote {KNOWN_FILE}")
