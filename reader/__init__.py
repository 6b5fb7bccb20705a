"""rtl-reader: a desktop reader for Arabic and other right-to-left news articles."""

__version__ = "0.1.0"
