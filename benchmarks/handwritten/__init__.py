"""Hand-written straight-line parsers and dumpers for the workloads of ``parsers.py``.

What a careful programmer writes by hand for one known schema: one plain function per
class, ``type(x) is T`` checks, conversions in line (``date.fromisoformat`` called
directly, its ``TypeError`` standing in for the type check), no reflection, no per-call
dispatch.  They are exactly as strict as docgen's generated parsers (the validation
grid of ``parsers.py`` checks it, JSON paths included) and build the same generated
dataclasses, so their speed is the estimate of what generated pure Python can reach.

Import this package only after ``parsers.build`` has put the generated packages
``docgen_specs`` and ``docgen_bench`` on ``sys.path``.
"""

from __future__ import annotations

from . import chat, deep, primitives, wide

#: workload name -> (parse one decoded JSON value, dump one object)
PARSERS = {
    "chat": (chat.parse_chat_result, chat.dump_chat_result),
    "primitives": (primitives.parse_primitives, primitives.dump_primitives),
    "deep": (deep.parse_order, deep.dump_order),
    "wide": (wide.parse_wide_record, wide.dump_wide_record),
}
