"""The hand-written parser and dumper of the chat workload."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from docgen_specs import (  # type: ignore[import-not-found]
    ChatCompletionEvent,
    Data,
    FinishReason,
    Role,
    SentinelEvent,
    Usage,
)

from ._base import DECIMAL, MISSING, Decimal, as_decimal, as_float, fail  # noqa: F401

_DATE = date.fromisoformat  # raises TypeError for what is not a str, ValueError for a bad one
_DATETIME = datetime.fromisoformat

_ROLES = {m.value: m for m in Role}
_REASONS = {m.value: m for m in FinishReason}


def parse_usage(d: Any, path: Any) -> Usage:
    if type(d) is not dict:
        fail(path, "an object")
    prompt, completion, total = d.get("prompt_tokens"), d.get("completion_tokens"), d.get("total_tokens")
    if type(prompt) is not int:
        fail((path, "prompt_tokens"), "int")
    if type(completion) is not int:
        fail((path, "completion_tokens"), "int")
    if type(total) is not int:
        fail((path, "total_tokens"), "int")
    cost = d.get("cost")
    if cost is not None:
        cost = Decimal(cost) if type(cost) is str and DECIMAL(cost) else as_decimal(cost, (path, "cost"))
    return Usage(prompt, completion, total, cost)


def parse_data(d: Any, path: Any) -> Data:
    if type(d) is not dict:
        fail(path, "an object")
    content = d.get("content")
    if type(content) is not str:
        fail((path, "content"), "str")
    role = d.get("role")
    role = _ROLES.get(role) if type(role) is str else None
    if role is None:
        fail((path, "role"), "a Role")
    index = d.get("index")
    if type(index) is not int:
        fail((path, "index"), "int")
    try:
        created = _DATETIME(d.get("created"))
    except (TypeError, ValueError):
        fail((path, "created"), "a date-time")
    reason = d.get("finish_reason")
    if reason is not None:
        member = _REASONS.get(reason) if type(reason) is str else None
        if member is None:
            fail((path, "finish_reason"), "a FinishReason")
        reason = member
    usage = d.get("usage")
    if usage is not None:
        usage = parse_usage(usage, (path, "usage"))
    logprobs = d.get("logprobs")
    if logprobs is not None:
        if type(logprobs) is not list:
            fail((path, "logprobs"), "a list")
        logprobs = [
            x if type(x) is float and x - x == 0.0 else as_float(x, ((path, "logprobs"), i))
            for i, x in enumerate(logprobs)
        ]
    metadata = d.get("metadata")
    if metadata is not None:
        if type(metadata) is not dict:
            fail((path, "metadata"), "an object")
        for k in metadata:
            if type(k) is not str:
                fail((path, "metadata"), "string keys")
        metadata = dict(metadata)
    return Data(content, role, index, created, reason, usage, logprobs, metadata)


def parse_chat_result(d: Any, path: Any = "$") -> ChatCompletionEvent | SentinelEvent:
    """The union told apart the way a person would: the sentinel is ``{"data": "[DONE]"}``."""
    if type(d) is not dict:
        fail(path, "an object")
    data = d.get("data")
    if data == "[DONE]" and type(data) is str:
        return SentinelEvent("[DONE]")
    event, id_, retry = d.get("event"), d.get("id"), d.get("retry")
    if event is not None and type(event) is not str:
        fail((path, "event"), "str or null")
    if id_ is not None and type(id_) is not str:
        fail((path, "id"), "str or null")
    if retry is not None and type(retry) is not int:
        fail((path, "retry"), "int or null")
    return ChatCompletionEvent(parse_data(data, (path, "data")), event, id_, retry)


def dump_chat_result(o: Any) -> dict[str, Any]:
    if type(o) is SentinelEvent:
        return {"data": o.data}
    d = o.data
    data = {"content": d.content, "role": d.role.value, "index": d.index, "created": d.created.isoformat()}
    if d.finish_reason is not None:
        data["finish_reason"] = d.finish_reason.value
    if d.usage is not None:
        u = d.usage
        usage = {
            "prompt_tokens": u.prompt_tokens,
            "completion_tokens": u.completion_tokens,
            "total_tokens": u.total_tokens,
        }
        if u.cost is not None:
            usage["cost"] = str(u.cost)
        data["usage"] = usage
    if d.logprobs is not None:
        data["logprobs"] = list(d.logprobs)
    if d.metadata is not None:
        data["metadata"] = dict(d.metadata)
    r: dict[str, Any] = {"data": data}
    if o.event is not None:
        r["event"] = o.event
    if o.id is not None:
        r["id"] = o.id
    if o.retry is not None:
        r["retry"] = o.retry
    return r
