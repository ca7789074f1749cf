"""The registered dialects' names, known without importing any dialect.

Every ``build`` and ``check`` lists them in ``--dialect``'s help and checks a chosen name
against them, also a no-op rebuild that reads no page: loading the dialect classes (and
what they import) would cost more than the rest of such a rebuild.  The registry
(:attr:`docgen.dialects.dialect.Dialect.registry`) stays the truth; a test checks that
:data:`NAMES` lists exactly its names, in its order.
"""

#: The built-in dialects' names, in the order their classes are defined.
NAMES = ("speakeasy-dataclasses", "speakeasy-pydantic", "openapi-generator", "openapi-generator-legacy")


def unknown(name: str) -> str:
    """The message for a dialect name that none of :data:`NAMES` is."""
    return f"unknown dialect {name!r}; known dialects: {', '.join(NAMES)}"
