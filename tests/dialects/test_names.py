"""The light list of dialect names agrees with the registry, and the command line needs no more."""

import subprocess
import sys

from docgen import dialects
from docgen.dialects import names


def test_names_are_the_registered_dialects_in_order():
    registered = [name for name, cls in dialects.Dialect.registry.items() if cls.__module__.startswith("docgen.")]
    assert list(names.NAMES) == registered
    assert names.NAMES[0] == dialects.DEFAULT


def test_unknown_name_message_is_the_registry_one():
    assert names.unknown("acme") == str(dialects.UnknownDialect("acme"))
    assert "known dialects: speakeasy-dataclasses, " in names.unknown("acme")


def test_loading_the_command_line_loads_no_dialect_and_no_parsing_library():
    script = (
        "import sys, docgen.cli, docgen.config, docgen.options\n"
        "heavy = ('docgen.dialects.speakeasy', 'docgen.dialects.openapi_generator', 'docgen.emit.views',"
        " 'markdown_it', 'jinja2', 'black')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
    )
    loaded = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"
