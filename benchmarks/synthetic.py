"""Synthetic Speakeasy-style model trees of any size, for the build benchmarks.

Every tenth page is an enum (string and integer ones in turn); the other pages are
models with the field kinds real APIs send: strings, optional ints, dates, datetimes,
Decimals, an enum, a list of strings, and references to earlier models (optional,
in a list, in a map), so lowering and resolving have links to follow.  Every model page
has the same shape whatever the size of the tree (the one before, the one two before),
so that time per page can be compared across sizes: a tree whose references depend on
its size (an earlier version took ``7n + 3`` modulo the count) changes what the
formatter meets with the size, and formatting took 3.5 times longer per module at
1,000 pages than at 700.
"""

from __future__ import annotations

from pathlib import Path

DATE = "[datetime](https://docs.python.org/3/library/datetime.html#datetime-objects)"
DATETIME = "[date](https://docs.python.org/3/library/datetime.html#date-objects)"

MODEL = """\
# Type{n}

Synthetic model number {n}.

## Fields

| Field      | Type | Required | Description |
| ---------- | ---- | -------- | ----------- |
| `id`       | *str* | :heavy_check_mark: | Identifier. |
| `count`    | *Optional[int]* | :heavy_minus_sign: | A count. |
| `day`      | {date} | :heavy_check_mark: | A calendar date. |
| `seen`     | {datetime} | :heavy_minus_sign: | A point in time. |
| `amount`   | *Decimal* | :heavy_check_mark: | An exact amount. |
| `state`    | [shared.Kind{e}](../../models/shared/kind{e}.md) | :heavy_check_mark: | An enum. |
| `tags`     | List[*str*] | :heavy_minus_sign: | Tags. |
| `previous` | [Optional[shared.Type{p}]](../../models/shared/type{p}.md) | :heavy_minus_sign: | The one before. |
| `others`   | List[[shared.Type{q}](../../models/shared/type{q}.md)] | :heavy_minus_sign: | Some earlier ones. |
| `by_name`  | Dict[str, [shared.Type{q}](../../models/shared/type{q}.md)] | :heavy_minus_sign: | Earlier ones by name. |
"""

ENUM = """\
# Kind{n}

Synthetic enum number {n}.

## Values

| Name    | Value |
| ------- | ----- |
| `FIRST` | {a} |
| `SECOND` | {b} |
| `THIRD` | {c} |
"""


def write_tree(folder: Path, pages: int) -> Path:
    """A specs tree of *pages* pages (a tenth of them enums) under *folder*; *folder* returned."""
    shared = folder / "models" / "shared"
    shared.mkdir(parents=True)
    enums = max(pages // 10, 1)
    for e in range(enums):
        values = (1, 2, 3) if e % 2 else ("first", "second", "third")
        (shared / f"kind{e}.md").write_text(ENUM.format(n=e, a=values[0], b=values[1], c=values[2]), encoding="utf-8")
    models = pages - enums
    for n in range(models):
        text = MODEL.format(n=n, date=DATE, datetime=DATETIME, e=n % enums, p=(n - 1) % models, q=(n - 2) % models)
        (shared / f"type{n}.md").write_text(text, encoding="utf-8")
    return folder
