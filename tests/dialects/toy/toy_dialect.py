"""A made-up documentation flavour, to show that a dialect is one small module.

"Zoo docs" write ``## Attributes`` tables (``Attribute | Kind | Mandatory | Notes``)
with ``yes``/``no`` in the Mandatory column, ``## Choices`` tables (``Label | Code``)
for enums and ``## One Of`` sections for unions, whose members are ``member Kind``
lines in code blocks.  ``Maybe[X]`` is their optional, ``Seq[X]`` their list, and an
attribute's JSON name is the name as written.
"""

from __future__ import annotations

import re

from docgen.dialects.dialect import DESCRIPTION, ENUM, MODEL, NAME, REQUIRED, TYPE, UNION, VALUE, Dialect


class ZooDocs(Dialect):
    name = "zoo"
    sections = {"Attributes": MODEL, "Choices": ENUM, "One Of": UNION}
    field_columns = {
        NAME: ("attribute",),
        TYPE: ("kind",),
        REQUIRED: ("mandatory",),
        DESCRIPTION: ("notes",),
    }
    enum_columns = {NAME: ("label",), VALUE: ("code",)}
    required_marks = {"yes": True, "no": False}
    no_description = frozenset({"", "-"})
    optional_heads = ("Maybe",)
    list_heads = ("Seq",)
    union_member_code = re.compile(r"^\s*member\s+(?P<type>.+?)\s*$", re.DOTALL)
    union_member_example = "member Kind"
