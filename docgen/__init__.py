"""docgen: typed Python dataclasses, enums and unions from markdown model docs.

The package is laid out as the pipeline runs:

* ``read/``: markdown pages (``markdown``), the Type-cell grammar (``types``), the
  tree of pages (``sources``);
* ``dialects/``: one class per documentation flavour, and what its pages mean;
* ``resolve``: names and links to the symbols they stand for;
* ``ir``, ``walk``, ``primitives``: the intermediate model, the one walk over its
  types, the one table of primitive types;
* ``passes/``: IR -> IR (``settings``: wire names, statuses, sentinels; ``checks``);
* ``emit/``: IR -> Python source (``views`` for the templates, ``spelling`` and
  ``names``, ``parsers``/``dumps``/``functions`` for JSON, ``responses``, ``modules``);
* ``format/``: black and the layout shortcut (``formatter``, ``layout``,
  ``statements``), the formatting cache (``cache``);
* ``write``, ``manifest``, ``lock``: writing OUT; ``incremental``: no-op builds;
* ``cli``, ``options``, ``helptext``, ``report``: the command line; ``build`` ties
  the stages together (``failures``: what ``--keep-going`` leaves out; ``workers``:
  the forked processes that read and format); ``config`` reads ``[tool.docgen]``; ``diagnostics`` and
  ``codes``: the located messages every stage reports.
"""

__version__ = "0.1.0"
