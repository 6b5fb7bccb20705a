"""Highlights -> files. STUB: the exporters helper implements."""
