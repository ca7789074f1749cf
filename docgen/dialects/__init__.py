"""Dialects: which documentation flavour wrote a tree, and what its pages mean."""
