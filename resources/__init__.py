"""Data files shipped with rtl-reader: fonts, samples, icons, translations.

Installed as the package ``reader_resources``; read through
``reader.resources.resource_path`` so a wheel and a checkout behave alike.
"""
