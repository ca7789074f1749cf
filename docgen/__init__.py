"""docgen: typed Python dataclasses, enums and unions from markdown model docs."""

__version__ = "0.1.0"
