"""Formatting: black, and the layout shortcut that keeps the lines black would not change."""
