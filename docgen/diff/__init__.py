"""``docgen diff``: what changed in the API between two versions of the docs, and what it breaks.

Stages: :mod:`.sources` finds the two trees (folders, or git revisions read into temporary
folders), :mod:`.read` reads each to the resolved IR as ``build`` does, :mod:`.compare`
compares the IRs under the rules of :mod:`.rules` (levels by direction, :mod:`.direction`),
:mod:`.ignore` silences accepted changes and :mod:`.report` prints the rest.
"""
