"""The errors generated code raises; both are exported from the package root."""

from __future__ import annotations


class ParseError(ValueError):
    """A JSON value does not match the documented type.

    The message starts with the JSON path of the offending value, then says what was
    expected and what came: ``$.data.choices[0].index: expected int, got str '3'``.
    """

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = message


class UnexpectedResponseError(Exception):
    """An HTTP response whose status or content type no documented body matches."""

    def __init__(
        self, status_code: int, content_type: str, body_start: bytes, reason: str = ""
    ) -> None:
        detail = f": {reason}" if reason else ""
        super().__init__(
            f"unexpected response: status {status_code}, content type {content_type!r}{detail}; "
            f"body starts {body_start!r}"
        )
        self.status_code = status_code
        self.content_type = content_type
        self.body_start = body_start
