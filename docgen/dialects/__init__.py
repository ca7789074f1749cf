"""Dialects: which documentation flavour wrote a tree, and what its pages mean.

One :class:`Dialect` subclass per flavour, registered by defining it (see
:mod:`docgen.dialects.dialect`); :mod:`docgen.dialects.speakeasy` holds Speakeasy's two.
"""

from . import speakeasy
from .dialect import Dialect, UnknownDialect, detect, get, known

#: The dialect of a tree in which no page shows any dialect's marks.
DEFAULT = speakeasy.SpeakeasyDataclasses.name

__all__ = ["DEFAULT", "Dialect", "UnknownDialect", "detect", "get", "known"]
