"""The Qt widgets. The only package (with reader.exporters' renderers) that imports PySide6."""
