"""``docgen wire-names``: the wire-names entries that captured JSON calls for.

Samples are JSON the API really sent: a JSON Lines file (``.jsonl``) of
``{"model": "[namespace.]Type", "json": {...}}`` objects, or a JSON file per model
named after it (``shared.Account.json`` holds one Account object, or a list of them).
Every key of a sample is matched to a field of its model with the rule generated
parsers use (the same name up to case and ``_ - . :`` and spaces); a key that is not
the field's wire name under the naming rule gives an entry for
``[tool.docgen.wire-names]``.  Objects nested in fields of model type are matched to
their models too.  Keys that match no field are listed.

Nothing here prints or writes: :mod:`docgen.samples_cli` does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Optional

from .config import display_path
from .diagnostics import Diagnostic, error
from .emit import names
from .emit.keys import normal_key, setting_target
from .ir import DictOf, ListOf, Model, Optional_, Ref, SourceSpan, Spec, TypeRef
from .passes.settings import find_model


@dataclass(frozen=True)
class Sample:
    """One captured object, the model it claims to be, and where it was read."""

    model: str
    data: Any
    where: str  # "file:line"


@dataclass
class Findings:
    """What the samples say: ``entries`` (setting key -> JSON key, in order found),
    ``unmatched`` ((where, model name, key)) and the problems of the samples."""

    entries: dict[str, str] = field(default_factory=dict)
    unmatched: list[tuple[str, str, str]] = field(default_factory=list)
    problems: list[Diagnostic] = field(default_factory=list)


def read_samples(paths: list[Path]) -> tuple[list[Sample], list[Diagnostic]]:
    """Every sample in *paths*; a file that is not JSON (or a line that is not a sample) is a problem."""
    samples: list[Sample] = []
    problems: list[Diagnostic] = []
    for path in paths:
        shown = display_path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else "not valid UTF-8"
            problems.append(error(SourceSpan(shown, 1, 1), f"cannot read sample file: {reason}"))
            continue
        if path.suffix == ".jsonl":
            _read_lines(text, shown, samples, problems)
            continue
        data = _decode(text, shown, 0, problems)
        if data is not _INVALID:
            items = data if isinstance(data, list) else [data]
            samples.extend(Sample(path.stem, item, f"{shown}:1") for item in items)
    return samples, problems


_INVALID = object()


def _read_lines(text: str, shown: str, samples: list[Sample], problems: list[Diagnostic]) -> None:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        data = _decode(line, shown, number - 1, problems)
        if data is _INVALID:
            continue
        if not (isinstance(data, dict) and isinstance(data.get("model"), str) and "json" in data):
            problems.append(
                error(
                    SourceSpan(shown, number, 1),
                    'sample line is not {"model": "[namespace.]Type", "json": {...}}',
                    "each line of a .jsonl sample file names its model and holds the JSON",
                )
            )
            continue
        samples.append(Sample(data["model"], data["json"], f"{shown}:{number}"))


def _decode(text: str, shown: str, line_offset: int, problems: list[Diagnostic]) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        problems.append(error(SourceSpan(shown, exc.lineno + line_offset, exc.colno), f"sample is not JSON: {exc.msg}"))
    except RecursionError:
        problems.append(
            error(SourceSpan(shown, line_offset + 1, 1), "sample is not JSON docgen reads: nested too deeply")
        )
    return _INVALID


def match_samples(spec: Spec, samples: list[Sample]) -> Findings:
    """The wire-names entries and unmatched keys of *samples* against *spec* (wire names final)."""
    found = Findings()
    decls = spec.decls()
    for sample in samples:
        path, line = sample.where.rsplit(":", 1)
        model, problem = find_model(spec, sample.model, SourceSpan(path, int(line), 1), "samples")
        if problem is not None:
            found.problems.append(problem)
        elif model is not None:
            _match(model, sample.data, sample.where, decls, found, depth=0)
    return found


def _match(model: Model, data: Any, where: str, decls: dict[str, Any], found: Findings, depth: int) -> None:
    if not isinstance(data, dict) or depth > 50:
        return
    by_normal = {normal_key(f.wire_name): f for f in model.fields if not f.additional}
    by_normal.update({normal_key(names.unescaped(f.name)): f for f in model.fields if not f.additional})
    wire = {f.wire_name for f in model.fields}
    for key, value in data.items():
        target = None if key in wire else by_normal.get(normal_key(key))
        if target is not None and target.wire_name in data:
            target = None  # the wire name is there too: this key is one the parser does not read
        matched = next((f for f in model.fields if f.wire_name == key), None) or target
        if matched is None:
            if not any(f.additional for f in model.fields):
                found.unmatched.append((where, model.name, str(key)))
            continue
        if target is not None:
            found.entries.setdefault(setting_target(model, target), str(key))
        for inner in _models_in(matched.type, decls):
            for item in _items(matched.type, value):
                _match(inner, item, where, decls, found, depth + 1)


def _models_in(ref: TypeRef, decls: dict[str, Any]) -> list[Model]:
    while isinstance(ref, (Optional_, ListOf, DictOf)):
        ref = ref.inner if isinstance(ref, Optional_) else ref.item if isinstance(ref, ListOf) else ref.value
    decl = decls.get(ref.key) if isinstance(ref, Ref) else None
    return [decl] if isinstance(decl, Model) else []


def _items(ref: TypeRef, value: Any) -> list[Any]:
    """The JSON objects inside *value* that stand for the model *ref* ends in."""
    values = [value]
    while isinstance(ref, (Optional_, ListOf, DictOf)):
        if isinstance(ref, ListOf):
            values = [v for item in values if isinstance(item, list) for v in item]
        elif isinstance(ref, DictOf):
            values = [v for item in values if isinstance(item, dict) for v in item.values()]
        ref = ref.inner if isinstance(ref, Optional_) else ref.item if isinstance(ref, ListOf) else ref.value
    return values


def entries_text(entries: dict[str, str]) -> str:
    """The entries as ``[tool.docgen.wire-names]`` lines."""
    lines = ["[tool.docgen.wire-names]"]
    lines += [f"{json.dumps(target)} = {json.dumps(key)}" for target, key in entries.items()]
    return "\n".join(lines) + "\n"


def write_entries(pyproject: Path, entries: dict[str, str]) -> Optional[str]:
    """Add *entries* to ``[tool.docgen.wire-names]`` of *pyproject*, keeping its formatting
    and comments (tomlkit edits the document in place); the reason it cannot, or None."""
    import tomlkit

    try:
        document = tomlkit.parse(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomlkit.exceptions.ParseError) as exc:
        return f"cannot update {display_path(pyproject)}: {exc}"
    tool = document.setdefault("tool", tomlkit.table(is_super_table=True))
    docgen = tool.setdefault("docgen", tomlkit.table())
    table = docgen.setdefault("wire-names", tomlkit.table())
    for target, key in entries.items():
        table[target] = key
    pyproject.write_text(tomlkit.dumps(document), encoding="utf-8")
    return None
