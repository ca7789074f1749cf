"""What generated models need of an HTTP response.

The docs type the raw response as ``requests.Response``.  Generated code does not
import ``requests``: it accepts any object of this shape, which ``requests.Response``
and ``httpx.Response`` both are.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol


class Response(Protocol):
    """An HTTP response as ``requests`` and ``httpx`` expose it."""

    @property
    def status_code(self) -> int: ...

    @property
    def headers(self) -> Mapping[str, str]: ...

    @property
    def content(self) -> bytes: ...

    def close(self) -> Any: ...
