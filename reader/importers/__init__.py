"""Files and web addresses -> Articles. STUB: the importers helper implements.

Public API (the CLI and the GUI call these):

- ``read_file(path) -> list[Article]``: one file of any supported kind; whole
  articles or an exception (a ReaderError subclass naming the file).
- ``collect_files(paths) -> list[Path]``: files below the given files/folders,
  recursively, in a stable order, skipping hidden files.
- ``fetch_url(url) -> list[Article]``: fetch a web page and import it.
- ``decode_bytes(data, *, name, declared=None) -> str``: the text of a file.
- ``MAX_FILE_BYTES``: the documented size limit.
"""
