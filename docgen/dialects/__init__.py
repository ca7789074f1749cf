"""Dialects: which documentation flavour wrote a tree, and what its pages mean.

One :class:`Dialect` subclass per flavour, registered by defining it (see
:mod:`docgen.dialects.dialect`); :mod:`docgen.dialects.speakeasy` holds Speakeasy's two,
:mod:`docgen.dialects.openapi_generator` OpenAPI Generator's two.
"""

from . import speakeasy  # first: the default family is listed first
from . import openapi_generator  # noqa: E402, I001 - registers OpenAPI Generator's flavours
from .dialect import Dialect, MixedFamilies, UnknownDialect, detect, get, known

#: The dialect of a tree in which no page shows any dialect's marks.
DEFAULT = speakeasy.SpeakeasyDataclasses.name

__all__ = ["DEFAULT", "Dialect", "MixedFamilies", "UnknownDialect", "detect", "get", "known"]
