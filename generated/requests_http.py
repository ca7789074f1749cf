"""What generated models need of an HTTP response.

The docs type the raw response as ``requests.Response`` (and the request sent as
``httpx.Request``).  Generated code does not import ``requests`` or ``httpx``: it
accepts any object of these shapes, which the two libraries' objects all are.
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


class Request(Protocol):
    """An HTTP request as ``requests`` (prepared) and ``httpx`` expose it."""

    @property
    def method(self) -> str | None: ...

    @property
    def url(self) -> object: ...

    @property
    def headers(self) -> Mapping[str, str]: ...
