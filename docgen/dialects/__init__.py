"""Dialects: which documentation flavour wrote a tree, and what its pages mean.

One :class:`Dialect` subclass per flavour, registered by defining it (see
:mod:`docgen.dialects.dialect`); :mod:`docgen.dialects.speakeasy` holds Speakeasy's two,
:mod:`docgen.dialects.openapi_generator` OpenAPI Generator's two.

Importing this package loads no dialect: :mod:`docgen.dialects.names` is enough to check a
name.  The first use of one of ``__all__`` imports the dialect modules (which registers
their classes), speakeasy first, so the default family is listed first.
"""

from typing import Any

from . import names  # noqa: F401 - the light part, for the command line

__all__ = ["DEFAULT", "Dialect", "MixedFamilies", "UnknownDialect", "detect", "detect_marks", "get", "known", "marks"]


def __getattr__(attribute: str) -> Any:
    if attribute not in __all__:
        raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")
    from . import speakeasy  # isort: skip
    from . import openapi_generator  # noqa: F401  # isort: skip
    from . import dialect

    #: The dialect of a tree in which no page shows any dialect's marks.
    globals()["DEFAULT"] = speakeasy.SpeakeasyDataclasses.name
    for name in __all__[1:]:
        globals()[name] = getattr(dialect, name)
    return globals()[attribute]
