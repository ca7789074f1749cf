"""Dialects: which documentation flavour wrote a tree, and what its pages mean.

One :class:`Dialect` subclass per flavour, registered by defining it (see
:mod:`docgen.dialects.dialect`); :mod:`docgen.dialects.speakeasy` holds Speakeasy's two,
:mod:`docgen.dialects.openapi_generator` OpenAPI Generator's two.
"""

# Importing a dialect module registers its classes; speakeasy first, so the default family is
# listed first.
from . import speakeasy  # isort: skip
from . import openapi_generator  # noqa: F401  # isort: skip
from .dialect import Dialect, MixedFamilies, UnknownDialect, detect, get, known

#: The dialect of a tree in which no page shows any dialect's marks.
DEFAULT = speakeasy.SpeakeasyDataclasses.name

__all__ = ["DEFAULT", "Dialect", "MixedFamilies", "UnknownDialect", "detect", "get", "known"]
