"""Emission: IR -> Python source (views for the templates, names and spelling, JSON parsers
and dumps, response parsers).  This file stays light: the command line reads it without loading Jinja."""

from pathlib import Path

#: Where the shipped templates are: inside the installed package (``docgen/templates``), or the
#: checkout's top-level ``templates/`` in a development install.
TEMPLATE_DIRS = (Path(__file__).parents[1] / "templates", Path(__file__).parents[2] / "templates")
