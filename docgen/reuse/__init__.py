"""What a build may take from an earlier one instead of doing again.

The rules are :mod:`docgen.incremental`'s: records in docgen's cache folder, keyed by
content hashes (of the pages, of docgen's code, of the IR a file is made from), never
by time; a record that is missing, does not parse or fails its checksum only costs the
work it would have saved; ``check`` and ``--no-cache`` use none.

* :mod:`.pages`: what a page gave the last time its text was read (its dialect marks,
  the types it declares, its IR module when the symbol table is the same), so that an
  unchanged page is neither parsed nor lowered again;
* :mod:`.modules`: which of the build's IR each generated module's text was made from,
  so that a module none of whose inputs changed is taken from OUT as it is, neither
  rendered nor formatted;
* :mod:`.codec`: IR, declarations and diagnostics as JSON, and back.
"""
